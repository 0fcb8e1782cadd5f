"""One definition of the parameters: the CLI, the notebooks, validation and the README agree."""

from __future__ import annotations

import inspect

import papermill
import pytest

from analysis import parameters
from analysis.__main__ import build_parser
from analysis.params import validate_parameters
from analysis.reports import NOTEBOOKS_DIR
from tests.conftest import REPO


@pytest.mark.parametrize("notebook", parameters.NOTEBOOKS)
def test_each_notebook_declares_exactly_its_parameters_with_their_defaults(notebook):
    declared = papermill.inspect_notebook(str(NOTEBOOKS_DIR / f"{notebook}.ipynb"))
    found = {name: eval(spec["default"]) for name, spec in declared.items()}
    assert found == parameters.notebook_parameters(notebook)
    helps = {name: spec["help"] for name, spec in declared.items()}
    assert helps == {name: parameters.BY_NAME[name].help for name in found}


def test_validation_takes_every_run_parameter_with_the_same_default():
    signature = inspect.signature(validate_parameters).parameters
    expected = {p.name: p.default for p in parameters.PARAMETERS
                if p.name not in ("outlet", "report_date")}
    defaults = {name: (list(value.default) if isinstance(value.default, tuple)
                       else value.default) for name, value in signature.items()}
    assert defaults == expected


@pytest.mark.parametrize("command", ["extract", "report"])
def test_the_command_line_options_are_the_parameters_that_take_a_flag(command):
    parser = build_parser()
    (subparsers,) = [action for action in parser._actions if action.dest == "command"]
    options: dict[str, list] = {}
    for action in subparsers.choices[command]._actions:
        options.setdefault(action.dest, []).append(action)
    defaults = vars(subparsers.choices[command].parse_args(
        ["corpus", "--out", "tables"] if command == "extract" else []))
    for parameter in parameters.PARAMETERS:
        if command in parameter.commands:
            flags = [flag for action in options[parameter.name] for flag in action.option_strings]
            assert parameter.flag in flags, parameter.name
            if parameter.name != "fold_duplicates":  # --keep-duplicates turns it off
                assert defaults[parameter.name] == parameter.default, parameter.name


def test_the_readme_table_is_the_generated_one():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- parameters:")
    block = readme[readme.index("\n", start) + 1:readme.index("<!-- /parameters -->")]
    assert block.strip() == parameters.markdown_table()


def test_papermill_list_parameters_may_be_json_strings():
    checked = validate_parameters(terms='["vaccine", "Guatemala"]', outlets="Press TV")
    assert checked.terms == ("vaccine", "Guatemala") and checked.outlets == ("Press TV",)
