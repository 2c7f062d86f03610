"""Round 13: money authority said in speech under a title that says otherwise, a coach who
guides the seller about people and process (influence_rolecues), and overconfidence said
politely or as a record (influence_modecues). Lexicon paths only: no head, no model."""

from __future__ import annotations

import pytest

from meetinglens.analysis.influence_dataset import asr_text
from meetinglens.analysis.influence_roles import judge_mode, judge_role
from meetinglens.model import Speaker, Utterance

FILLER = "We can hear you fine, thanks for making the time."


def _utts(texts: list[str], asr: bool = False) -> list[Utterance]:
    return [Utterance(i, "Ben", asr_text(t) if asr else t, i * 10.0, i * 10.0 + 8)
            for i, t in enumerate(texts)]


def _role(texts: list[str], title: str | None, asr: bool = False) -> str:
    speaker = Speaker("Ben", side="buyer", side_source="participants", title=title)
    return judge_role(speaker, _utts([FILLER, *texts], asr)).label


@pytest.mark.parametrize("asr", [False, True])
@pytest.mark.parametrize("texts", [
    ["It's me and Graham, Graham Tate, he's the other partner. Anything like this, we both sign.",
     "If it pays for itself, the money's there somewhere."],
    ["Look, I sign the cheques here and I am not against it.",
     "It's my money, so one line in the plan and that's it."],
])
def test_money_authority_in_speech_outweighs_a_user_title(texts, asr):
    assert _role(texts, "Head of Patient Experience", asr) == "economic"


@pytest.mark.parametrize("texts", [
    ["Graham looks after the money, anything like this goes to him.",
     "I just want the recalls to stop falling through the cracks every day."],
    ["My team spends two hours a day on the recall list by hand.",
     "The money side is not my area at all."],
])
def test_money_talked_about_but_held_by_someone_else_stays_user(texts):
    assert _role(texts, "Head of Patient Experience") == "user"


@pytest.mark.parametrize("asr", [False, True])
@pytest.mark.parametrize("texts", [
    ["What I would do, if you want this to land, is get the wardens on side first.",
     "They're the ones who'll kill it if it's yet another login."],
    ["And between you and me, if you want this to go anywhere, get Marco on side first."],
])
def test_guidance_about_people_and_process_reads_as_coach(texts, asr):
    assert _role(texts, "Director of Residential Life", asr) == "coach"


def test_an_ordinary_request_is_no_coaching():
    texts = ["Does it talk to the student record? Otherwise we copy things across by hand.",
             "We'd want it on the side of the building too, the signage I mean."]
    assert _role(texts, None) != "coach"


@pytest.mark.parametrize("asr", [False, True])
@pytest.mark.parametrize("texts", [
    ["Kev asked me to have a look round, not that we need much help on the paperwork side. "
     "We sailed through the audit in November, our paperwork is as tight as anyone in South "
     "Yorkshire."],
    ["Thirty-one years we have never sent out a bad lot, never. The seed is good.",
     "We do not need a computer to tell us what is in the shed."],
])
def test_certainty_about_today_reads_as_overconfident(texts, asr):
    assert judge_mode("Ben", _utts(texts, asr)).label == "overconfident"


@pytest.mark.parametrize("text", [
    "We failed the audit in November and the paperwork is a mess, we need help with it.",
    "We have sent out a few bad lots this year and the growers noticed.",
])
def test_admitted_gaps_are_not_overconfident(text):
    assert judge_mode("Ben", _utts([text])).label != "overconfident"
