"""Pronoun sources: whom "he added" means, and when the article does not make it clear."""

from __future__ import annotations

import pytest

from analysis.attribution import extract_attributions


def sources_by_cue(nlp, text: str) -> dict[str, tuple[str, str]]:
    return {record.cue: (record.source, record.source_surface)
            for record in extract_attributions(nlp(text))}


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # The speaker before wins over a person only named in what was said.
        ("The US representative said Biden was wrong. He added that talks would go on.",
         "added", "The US representative"),
        ("“We will meet again,” said the US representative, praising Marcelo Ebrard. "
         "“We are grateful,” he added.", "added", "the US representative"),
        # Of two people named, the subject.
        ("Alicia Bárcena, the foreign minister, met Antony Blinken on Monday. She said the "
         "meeting was useful.", "said", "Alicia Bárcena"),
        # A person named in the pronoun's own sentence, but not as its subject, is not it.
        ("Marcelo Ebrard arrived in Washington on Monday. Asked about Donald Trump, he said "
         "the talks would go on.", "said", "Marcelo Ebrard"),
    ],
)
def test_a_pronoun_means_the_speaker_or_subject_before_it(nlp, text, cue, source):
    assert sources_by_cue(nlp, text)[cue][0] == source


def test_a_pronoun_far_from_any_person_stays_a_pronoun(nlp):
    text = ("Marcelo Ebrard arrived on Monday. The talks opened at noon. Rain fell all day. "
            "Traffic was heavy. Flights were late. He said the talks were useful.")
    assert sources_by_cue(nlp, text)["said"] == ("He", "He")
