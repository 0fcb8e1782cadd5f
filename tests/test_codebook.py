"""The concept codebook: loading, extending, errors."""

from __future__ import annotations

import pytest

from analysis.codebook import CodebookError, load_codebook
from tests.figures.helpers import one_figure


def test_default_codebook_has_the_migration_concepts():
    concepts = load_codebook().concepts
    for concept in ("return", "deportation", "crossing", "apprehension", "aid", "flight"):
        assert concept in concepts
    for concept in ("dose", "migrant", "detention", "asylum"):
        assert concept in concepts


def test_user_codebook_adds_a_concept(nlp, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        'extends = "default"\n\n[concepts.shelter]\nobjects = ["shelter", "bed"]\n',
        encoding="utf-8",
    )
    codebook = load_codebook(path)
    figure = one_figure(nlp, "Juárez opened 12 new shelters.", codebook=codebook)
    assert (figure.object, figure.concept) == ("shelter", "shelter")
    kept = one_figure(nlp, "Mexico is slated to receive 2.5 million doses.", codebook=codebook)
    assert kept.concept == "dose"


def test_user_codebook_without_extends_stands_alone(nlp, tmp_path):
    path = tmp_path / "only.toml"
    path.write_text('[concepts.people]\nobjects = ["migrant"]\ngovernors = []\n', "utf-8")
    codebook = load_codebook(path)
    assert codebook.concepts == ("people",)
    assert one_figure(nlp, "Mexico received 300 migrants.", codebook=codebook).concept == "people"
    assert one_figure(nlp, "They sent 4 doses.", codebook=codebook).concept == ""


def test_user_governor_phrase_wins_over_the_object(nlp, tmp_path):
    path = tmp_path / "verbs.toml"
    path.write_text('[concepts.rescue]\ngovernors = ["rescue"]\n', encoding="utf-8")
    figure = one_figure(nlp, "The navy rescued 300 migrants.", codebook=load_codebook(path))
    assert (figure.object, figure.concept) == ("migrant", "rescue")


def test_malformed_codebook_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[concepts.return\nobjects = [", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"broken\.toml.*not valid TOML"):
        load_codebook(path)


def test_codebook_terms_must_be_a_list_of_strings(tmp_path):
    path = tmp_path / "wrong.toml"
    path.write_text('[concepts.aid]\nobjects = "aid"\n', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"wrong\.toml: concepts\.aid\.objects must be a list"):
        load_codebook(path)


def test_codebook_extends_only_the_default(tmp_path):
    path = tmp_path / "other.toml"
    path.write_text('extends = "mine"\n', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"other\.toml: 'extends' must be"):
        load_codebook(path)


def test_missing_codebook_names_the_file(tmp_path):
    with pytest.raises(CodebookError, match=r"absent\.toml: codebook file not found"):
        load_codebook(tmp_path / "absent.toml")


def test_a_concept_whose_subject_is_not_defined_is_refused(tmp_path):
    path = tmp_path / "typo.toml"
    path.write_text('extends = "default"\n[concepts.aid]\nobjects = ["aid"]\n'
                    'subject = "migratoin"\n', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"typo\.toml: concepts\.aid\.subject 'migratoin' "
                                            r"is not a \[subjects\.NAME\] table; defined: "
                                            r".*migration"):
        load_codebook(path)
