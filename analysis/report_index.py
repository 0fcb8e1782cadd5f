"""The index of reports: every run's status, grouped by corpus and parameters.

``reports/index.html`` lists the published and failed runs of a reports folder, newest
first, one group per corpus and parameters, with the headline counts and a link to what
changed; it is rewritten after each run from the ``status.json`` beside each report.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from analysis.files import write_atomically

STATUS_FILE = "status.json"
INDEX_FILE = "index.html"


def list_runs(reports_dir: Path) -> list[dict]:
    """Return the status records of published and failed runs, newest first."""
    runs = []
    for status_file in [*reports_dir.glob(f"*/{STATUS_FILE}"),
                        *reports_dir.glob(f"failed/*/{STATUS_FILE}")]:
        if status_file.parent.name.startswith("."):
            continue
        try:
            record = json.loads(status_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        page = "report.html" if record.get("status") == "ok" else \
            str(record.get("notebook") or "report.ipynb")
        record["link"] = str((status_file.parent / page).relative_to(reports_dir))
        folder = status_file.parent.relative_to(reports_dir)
        record["pages"] = [{"title": str(item.get("title", "")),
                            "link": str(folder / str(item.get("link", "")))}
                           for item in record.get("pages", []) if record.get("status") == "ok"]
        record["pages"] = record["pages"] or [{"title": page, "link": record["link"]}]
        runs.append(record)
    return sorted(runs, key=lambda run: (run.get("date", ""), run.get("generated", "")),
                  reverse=True)


def write_index(reports_dir: Path) -> Path:
    """Rewrite ``reports/index.html`` (atomically) from the runs found on disk: grouped by
    corpus and parameters (newest group first), each run newest first with its headline
    counts and a link to what changed since the run before it."""
    groups: dict[tuple, list[dict]] = {}
    for run in list_runs(reports_dir):
        key = (run.get("corpus", ""), run.get("key") or _set_parameters(run.get("parameters", {})))
        groups.setdefault(key, []).append(run)
    sections = "\n".join(_index_group(runs) for runs in groups.values())
    page = INDEX_TEMPLATE.replace("{groups}", sections or "<p>No runs yet.</p>")
    index = reports_dir / INDEX_FILE
    write_atomically(index, page)
    return index


def _index_group(runs: list[dict]) -> str:
    first = runs[0]
    heading = (f"<h2>{html.escape(str(first.get('corpus', '')))}</h2><p class=\"set\">"
               f"{html.escape(_set_parameters(first.get('parameters', {})))}</p>")
    rows = "\n".join(
        "<tr><td>{date}</td><td>{links}</td><td>{status}</td><td>{counts}</td><td>{changes}"
        "</td><td>{generated}</td></tr>".format(
            links=" · ".join(
                f'<a href="{html.escape(page["link"])}">{html.escape(page["title"])}</a>'
                for page in run["pages"]),
            counts=html.escape(", ".join(f"{value:,} {name}" for name, value in
                                         run.get("counts", {}).items())),
            changes=_changes_cell(run),
            **{key: html.escape(str(run.get(key, ""))) for key in ("date", "status",
                                                                   "generated")})
        for run in runs)
    return (f"<section>{heading}<div class=\"scroll\"><table><thead><tr><th>date</th>"
            f"<th>reports</th><th>status</th><th>counts</th><th>what changed</th>"
            f"<th>generated (UTC)</th></tr></thead><tbody>{rows}</tbody></table></div>"
            f"</section>")


def _changes_cell(run: dict) -> str:
    changes = run.get("changes") or {}
    if not changes or run.get("status") != "ok":
        return ""
    link = html.escape(run["link"]) + "#What-changed"
    return (f'<a href="{link}">{changes["rows"]} change(s)</a> since '
            f'{html.escape(str(changes["since"]).removeprefix("the report of "))}')


def _set_parameters(record: dict) -> str:
    """Return the parameters a run set away from their defaults, as "name=value; ..."."""
    from analysis.parameters import BY_NAME

    shown = []
    for name, value in record.items():
        parameter = BY_NAME.get(name)
        if parameter is None or name in ("corpus", "out_dir", "tables_dir", "cache_dir"):
            continue
        if value not in (parameter.default, None, "", []):
            shown.append(f"{name}={value}")
    return "; ".join(shown) or "defaults"


INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>News coverage reports</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.2rem; overflow-wrap: anywhere; }
p.set { color: #555; margin: 0 0 0.5rem; font-size: 0.9rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { padding: .3rem .7rem; border-bottom: 1px solid #ddd; text-align: left; }
</style></head>
<body><h1>News coverage reports</h1>
<p>Runs grouped by corpus and parameters, newest first.</p>
{groups}
</body></html>
"""
