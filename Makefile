# Two commands for a new user: `make report` and `make test`. Both set up .venv from the
# hash-pinned lock file first (once; again only when the lock or pyproject.toml change).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: setup browser report test lab lint strip lock clean screenshot

setup: $(INSTALLED)

$(INSTALLED): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || \
	  { echo "error: Python 3.11 is needed (found: $(PYTHON)); run make PYTHON=/path/to/python3.11" >&2; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(INSTALLED)

report: $(INSTALLED)
	$(BIN)/python -m analysis report

test: $(INSTALLED) browser
	$(BIN)/python -m pytest

# The browser tests open the rendered report in Debian's headless Chromium. As root with
# apt-get (a CI machine, a container) it is installed; elsewhere they are skipped with a note.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "note: Chromium is not installed, so the browser tests are skipped (Debian: sudo apt-get install chromium)"; \
	  fi

# JupyterLab on notebooks/ with the kernel the notebooks name; as root (a container) it
# needs --allow-root. It prints the URL to open (with its token) when it has started.
lab: $(INSTALLED)
	$(BIN)/python -m ipykernel install --user --name news-workbook --display-name "Python (news workbook)"
	@echo "starting JupyterLab; open the http://127.0.0.1:8888/lab?token=... URL it prints below"
	$(BIN)/jupyter lab --notebook-dir=notebooks --no-browser --ip=127.0.0.1 \
	  $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

# Regenerate the README's picture (docs/report.png) from the current seed report.
screenshot: $(INSTALLED) browser
	$(BIN)/python scripts/screenshot.py

lint: $(INSTALLED)
	$(BIN)/ruff check analysis tests benchmarks notebooks

# Notebooks are committed without outputs; this strips them (cell tags are kept).
strip: $(INSTALLED)
	$(BIN)/nbstripout notebooks/*.ipynb

# Regenerate the lock after editing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 --generate-hashes -o requirements.lock
	$(BIN)/python scripts/sync_environment.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
