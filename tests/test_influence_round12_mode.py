"""Round 12: trouble only from the buyer's own situation now (small talk, pain denied in the
same breath and dated problems do not count; a stated growth plan frames pains as obstacles)."""

from __future__ import annotations

import pytest

from meetinglens.analysis.influence_dataset import asr_text
from meetinglens.analysis.influence_lexicon import normalise
from meetinglens.analysis.influence_modeframe import not_own_trouble
from meetinglens.analysis.influence_roles import growth_plan_score, judge_mode
from meetinglens.model import Utterance


def _utts(texts: list[str], asr: bool = False) -> list[Utterance]:
    return [Utterance(i, "Ben", asr_text(t) if asr else t, i * 10.0, i * 10.0 + 8)
            for i, t in enumerate(texts)]


@pytest.mark.parametrize("text,why", [
    ("Sorry, sorry. Parking at Central on a Tuesday is a nightmare. Have I missed much?",
     "small talk"),
    ("Did you find us all right? The car park's a nightmare on market days.", "small talk"),
    ("Works. I've got a hard stop at eleven-forty.", "small talk"),
    ("Look, the spreadsheets get us through every sale, nobody's losing sleep over it.",
     "denied"),
    ("We had our best Christmas since 2019, we're not a business with problems.", "denied"),
    ("Re-keying is a bit boring, but we manage. I wouldn't say anything's broken.", "denied"),
    ("Two years ago an antivirus update quarantined a file and we lost the lab system.",
     "past"),
    ("That's the one we lost in 2021, so there were a few happy faces.", "past"),
])
def test_pain_words_that_are_not_own_trouble_now(text, why):
    assert not_own_trouble(normalise(text)) == why
    assert not_own_trouble(normalise(asr_text(text))) == why


@pytest.mark.parametrize("text", [
    "The queue is back to the car park by quarter past nine and the scanners drop out.",
    "Our gas bill this winter was brutal, almost double what we paid two years ago.",
    "We're losing two or three orders a week because nobody can find the drawings.",
    "I spent last Friday till eight chasing timesheets, we wrote off forty hours?",
])
def test_own_trouble_now_still_counts(text):
    assert not_own_trouble(normalise(text)) is None
    assert not_own_trouble(normalise(asr_text(text))) is None


SMALL_TALK_BUYER = [
    "Sorry, sorry. Parking at Central on a Tuesday is a nightmare. Have I missed much?",
    "Is there a way to export the holds list to a spreadsheet at the end of the month?",
    "That works for me. Thursday at ten then, I'll bring Sue along too.",
]

PAIN_BUYER = [
    "Honestly it's a nightmare. We're losing two or three orders a week because nobody can "
    "find the drawings.",
    "And the backlog keeps growing, my team is working weekends just to keep up.",
]


@pytest.mark.parametrize("asr", [False, True])
def test_small_talk_pain_is_not_trouble(asr):
    j = judge_mode("Ben", _utts(SMALL_TALK_BUYER, asr))
    assert j.label != "trouble"
    assert "trouble" not in j.scores


@pytest.mark.parametrize("asr", [False, True])
def test_pain_about_today_is_trouble(asr):
    j = judge_mode("Ben", _utts(PAIN_BUYER, asr))
    assert j.label == "trouble"
    assert j.evidence


GROWTH_WITH_OBSTACLES = [
    "The big thing is we've picked up the hospice-at-home contract for the Tamar side from "
    "April, and I want to bid for the Fal side as well.",
    "The flip side is agency. We're losing nurses and the rota is a mess, it's a problem.",
    "Honestly it's frustrating, we wasted hours last month on gaps we didn't see coming.",
    "So whatever we pick has to scale, we're hiring another forty nurses by the summer.",
]


def test_pains_on_the_way_to_a_stated_growth_plan_read_as_growth():
    utts = _utts(GROWTH_WITH_OBSTACLES)
    assert growth_plan_score(utts) >= 4.0
    assert judge_mode("Ben", utts).label == "growth"


def test_the_same_pains_without_a_growth_plan_are_trouble():
    utts = _utts(GROWTH_WITH_OBSTACLES[1:3])
    assert growth_plan_score(utts) == 0.0
    assert judge_mode("Ben", utts).label == "trouble"
