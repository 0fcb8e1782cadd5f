"""The lexicon files: the shipped cue and source lists, user files that extend or replace
them, and the errors a bad file gives."""

from __future__ import annotations

import pytest

from analysis.attribution import LexiconError, extract_attributions, load_lexicon


def test_the_shipped_lexicon_lists_verbs_by_class():
    lexicon = load_lexicon()
    assert lexicon.class_of("say", "verb") == "speech"
    assert lexicon.class_of("believe", "verb") == "belief"
    assert lexicon.class_of("want", "verb") == "intention"
    assert lexicon.class_of("criticize", "verb") == "stance"
    assert lexicon.class_of("threaten", "verb") == "stance"
    assert "threaten" in lexicon.words("stance", "deeds")
    assert lexicon.class_of("report", "verb") == "evidential"


def test_a_file_that_extends_the_default_adds_a_verb_of_saying(nlp, tmp_path):
    path = tmp_path / "cues.toml"
    path.write_text('extends = "default"\n\n[classes.speech]\nverbs = ["grumble"]\n',
                    encoding="utf-8")
    lexicon = load_lexicon(cues=path)
    text = "The mayor grumbled that the bridge was late. The governor said it was not."
    assert [r.cue for r in extract_attributions(nlp(text))] == ["said"]
    found = list(extract_attributions(nlp(text), lexicon=lexicon))
    assert [(r.cue, r.cue_class, r.citation) for r in found] == [
        ("grumbled", "speech", True), ("said", "speech", True)]


def test_a_file_without_extends_replaces_the_default(tmp_path):
    path = tmp_path / "cues.toml"
    path.write_text('[classes.speech]\nverbs = ["grumble"]\n', encoding="utf-8")
    lexicon = load_lexicon(cues=path)
    assert lexicon.reporting_verbs == {"grumble"}


def test_a_users_deed_stops_a_stance_from_counting(nlp, tmp_path):
    path = tmp_path / "cues.toml"
    path.write_text('extends = "default"\n\n[classes.stance]\ndeeds = ["praise"]\n',
                    encoding="utf-8")
    text = "The mayor praised the plan as bold."
    (record,) = extract_attributions(nlp(text), lexicon=load_lexicon(cues=path))
    assert (record.citation, record.rule.split("/")[-1]) == (False, "deed")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[classes.gossip]\nverbs = ['whisper']\n", r"unknown class\(es\) \['gossip'\]"),
        ("[classes.speech]\nverb = ['whisper']\n",
         r"unknown key\(s\) \['verb'\] in classes.speech"),
        ("[classes.speech]\nverbs = 'whisper'\n", r"classes.speech.verbs must be a list"),
        ("extends = 'shipped'\n", r"'extends' must be"),
        ("[classes.speech\n", r"not valid TOML"),
    ],
)
def test_a_malformed_cue_file_names_the_file(tmp_path, content, message):
    path = tmp_path / "mine.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"mine\.toml: .*{message}"):
        load_lexicon(cues=path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[kinds]\nrobots = ['android']\n", r"unknown key\(s\) \['robots'\] in kinds"),
        ("[aliases]\n'Ministry of Roads' = 'MoR'\n", r"must be a list of strings"),
    ],
)
def test_a_malformed_source_file_names_the_file(tmp_path, content, message):
    path = tmp_path / "mine.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"mine\.toml: .*{message}"):
        load_lexicon(sources=path)


def test_a_missing_lexicon_names_the_file(tmp_path):
    with pytest.raises(LexiconError, match=r"nothing\.toml: lexicon file not found"):
        load_lexicon(cues=tmp_path / "nothing.toml")
