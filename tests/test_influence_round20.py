"""Round 20: the evidence head's reading of contentment raises a status quo only from a buyer
not read as growth or trouble; a lexicon statement stands from anyone. The head's
probabilities are given per utterance."""

from __future__ import annotations

from meetinglens.analysis.influence_flags import status_quo
from meetinglens.analysis.influence_roles import Judgement
from meetinglens.model import Meeting, Speaker, Utterance

BUYERS = {"Harjit", "Delphine"}
LINES = [("Anneke", "How do the cases come in today?"),
         ("Harjit", "Drivers bring the impressions in twice a day, we log them on the sheet."),
         ("Anneke", "And with the new clinics next year?"),
         ("Harjit", "We're not doing forty percent more the way we work now, put it that way."),
         ("Delphine", "The chair wants the numbers before Christmas.")]


def _meeting() -> Meeting:
    utterances = tuple(Utterance(i, who, text, i * 10.0, i * 10.0 + 8)
                       for i, (who, text) in enumerate(LINES))
    speakers = (Speaker("Anneke", side="seller", side_source="participants"),
                *(Speaker(n, side="buyer", side_source="participants") for n in sorted(BUYERS)))
    return Meeting("m", utterances, speakers)


def _modes(harjit: str) -> dict[str, Judgement]:
    return {"Harjit": Judgement("Harjit", harjit, 0.9, {harjit: 0.9}, basis="model"),
            "Delphine": Judgement("Delphine", "growth", 0.9, {"growth": 0.9}, basis="model")}


HEAD = {3: {"status_quo": 0.99}}  # the head hears contentment in Harjit's sentence


def test_a_buyer_read_as_growth_is_not_content_with_today():
    assert status_quo(_meeting(), BUYERS, {}, _modes("growth"), HEAD) is None
    assert status_quo(_meeting(), BUYERS, {}, _modes("trouble"), HEAD) is None


def test_the_same_words_from_a_calm_buyer_still_raise_it():
    flag = status_quo(_meeting(), BUYERS, {}, _modes("even_keel"), HEAD)
    assert flag is not None and flag.speaker == "Harjit"
    assert flag.evidence[0].text == LINES[3][1]


def test_a_plain_statement_stands_even_from_a_growth_buyer():
    lines = LINES[:3] + [("Harjit", "I don't see any reason to switch this year.")] + LINES[4:]
    utterances = tuple(Utterance(i, who, text, i * 10.0, i * 10.0 + 8)
                       for i, (who, text) in enumerate(lines))
    m = Meeting("m", utterances, _meeting().speakers)
    flag = status_quo(m, BUYERS, {}, _modes("growth"), {})
    assert flag is not None and flag.speaker == "Harjit"
