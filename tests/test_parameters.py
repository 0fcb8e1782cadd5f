"""One definition of the parameters: the CLI, the notebooks, validation and the README agree."""

from __future__ import annotations

import inspect

import papermill
import pytest

from analysis import parameters
from analysis.__main__ import build_parser
from analysis.params import ParameterError, validate_parameters
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


@pytest.mark.parametrize(("given", "named"), [
    ({"corpus": 5}, "'corpus': 5 is a int; expected a string"),
    ({"date_from": None}, "'date_from': None is a NoneType"),
    ({"outlets": None}, "'outlets': None is not a list"),
    ({"terms": 5}, "'terms': 5 is not a list"),
    ({"fold_duplicates": "perhaps"}, "'fold_duplicates': 'perhaps' is not yes or no"),
    ({"strict": 2}, "'strict': 2 is not yes or no"),
    ({"model": "xx_no_such_model"}, "'model': 'xx_no_such_model' is neither an installed spaCy "
                                    "model package nor a model folder"),
])
def test_a_value_of_the_wrong_kind_is_named_not_a_traceback(given, named):
    with pytest.raises(ParameterError) as caught:
        validate_parameters(**given)
    assert named in str(caught.value)


@pytest.mark.parametrize(("word", "meaning"), [("false", False), ("No", False), ("0", False),
                                               ("true", True), ("yes", True)])
def test_yes_or_no_written_as_a_word_is_read_as_meant(word, meaning):
    # papermill -r passes raw strings; bool("false") would be True.
    assert validate_parameters(fold_duplicates=word).fold_duplicates is meaning
    assert validate_parameters(strict=word).strict is meaning


def test_the_model_is_a_parameter_naming_the_installed_models_when_wrong():
    from analysis.nlp import DEFAULT_MODEL

    assert validate_parameters().model == DEFAULT_MODEL
    with pytest.raises(ParameterError, match=f"installed: .*{DEFAULT_MODEL}"):
        validate_parameters(model="en_core_web_xl")


@pytest.mark.parametrize("notebook", parameters.NOTEBOOKS)
def test_each_notebook_passes_every_parameter_it_declares_to_validation(notebook):
    import ast

    import nbformat

    cells = nbformat.read(NOTEBOOKS_DIR / f"{notebook}.ipynb", as_version=4).cells
    calls = [node for cell in cells if cell.cell_type == "code"
             for node in ast.walk(ast.parse(cell.source.replace("%matplotlib inline", "")))
             if isinstance(node, ast.Call) and getattr(node.func, "id", "") ==
             "validate_parameters"]
    passed = {keyword.arg for keyword in calls[0].keywords}
    declared = set(parameters.notebook_parameters(notebook)) - {"outlet", "report_date"}
    assert declared <= passed, f"{notebook}: not validated: {sorted(declared - passed)}"
