"""Roles judged from speech alone (no participants file): the round-4 mechanisms."""

from __future__ import annotations

from meetinglens.analysis.influence_roles import judge_role
from meetinglens.model import Speaker, Utterance

FIONA = ["For my part, anything like this is a formal procurement. The evaluation weights are "
         "set in advance: seventy percent technical, thirty percent cost.",
         "The general manager signs contracts of this size, after the board has seen it.",
         "There's a capital line of four hundred thousand in this year's plan."]


def _utts(texts: list[str], who: str = "Ann") -> list[Utterance]:
    return [Utterance(i, who, t, i * 10.0, i * 10.0 + 8) for i, t in enumerate(texts)]


def _speaker(name: str = "Ann") -> Speaker:
    return Speaker(name, side="buyer", side_source="inferred")


def test_third_person_budget_talk_does_not_make_an_economic_buyer():
    assert judge_role(_speaker(), _utts(FIONA)).label != "economic"


def test_first_person_authority_still_makes_an_economic_buyer():
    j = judge_role(_speaker(), _utts(["It comes out of my budget and the cost is fine by me.",
                                      "I sign anything of this size."]))
    assert j.label == "economic"


def test_rest_of_the_team_is_no_api():
    j = judge_role(_speaker(), _utts(["We let twelve people go and the rest of production "
                                      "now sits under editorial."]))
    assert j.label != "technical"


def test_role_head_decides_alone_only_on_a_clear_vote_over_content():
    texts = ["Most of it ends up retyped later and half of it is unreadable by then.",
             "Then somebody calls back to ask what was meant in the first place."]
    # below the per-utterance bar (0.6), so only the speaker-level vote can decide
    clear = [{"economic": 0.15, "user": 0.55, "technical": 0.1, "coach": 0.2}] * 2
    flat = [{"economic": 0.3, "user": 0.35, "technical": 0.15, "coach": 0.2}] * 2
    j = judge_role(_speaker(), _utts(texts), clear)
    assert j.label == "user" and j.basis == "head" and j.confidence <= 0.5
    assert j.evidence and j.evidence[0][0].text == texts[0]
    assert judge_role(_speaker(), _utts(texts), flat).label == "unknown"
    greetings = _utts(["Hi, thanks.", "Good, rainy though."])
    assert judge_role(_speaker(), greetings, clear).label == "unknown"
