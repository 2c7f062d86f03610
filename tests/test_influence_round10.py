"""Round 10: long-meeting near misses that raised false red flags (influence_flaggate,
influence_absence.budget_topic), each with the case that must still raise the flag."""

from __future__ import annotations

import pytest

from flag_dialogue import SELLER_Q, dialogue, utt

from meetinglens.analysis import influence_absence as ab
from meetinglens.analysis import influence_flaggate as gate
from meetinglens.analysis import influence_lexicon as lx
from meetinglens.analysis.influence_flags import red_flags
from meetinglens.model import Meeting


def _kinds(meeting: Meeting, kind: str, p: float = 0.99) -> set[str]:
    """Red flags with the evidence head fully confident of ``kind`` on every buyer line."""
    head = {u.index: {kind: p} for u in meeting.utterances if u.speaker == "Ben"}
    return {f.kind for f in red_flags(meeting, {"Ben"}, {}, {}, [], head)}


@pytest.mark.parametrize("line", [
    "We bought the Pickering round off the Atkinsons in 2019 and folded their yard into ours. "
    "That's all done and dusted, the drivers don't even remember it was two firms.",
    "The merger was three years ago, it's all bedded in now.",
    "we reorganised the cold room racking in january so the vaccines are all on one wall now "
    "thats about it",
    "We moved the benches round in the glasshouse so the misting lines reach them.",
])
def test_finished_or_physical_reorganization_raises_no_flag(line):
    assert gate.history(utt(1, line))
    assert "reorganization" not in _kinds(dialogue([(SELLER_Q, line)]), "reorganization")


@pytest.mark.parametrize("line", [
    "Since the group took a stake, finance reports into their people in Leeds.",
    "We were bought two years ago and we're still going through the integration right now.",
    "We're reorganising the dispatch team under one manager from next month.",
])
def test_a_reorganization_under_way_still_raises_the_flag(line):
    assert not gate.history(utt(1, line))
    assert "reorganization" in _kinds(dialogue([(SELLER_Q, line)]), "reorganization")


@pytest.mark.parametrize("line", [
    "we tried tyre desk for a month last year it was rubbish on the vans it kept logging the "
    "fitters out so we binned it",
    "And Gymbase keep telling us the new version does rotas. They've been saying that for two "
    "years.",
])
def test_a_rival_run_down_is_dismissed(line):
    assert gate.dismissed(utt(1, line))
    m = dialogue([(SELLER_Q, line)])
    assert "competitor_preferred" not in _kinds(m, "competitor_preferred")


def test_a_rival_praised_is_still_a_preference():
    line = "Honestly Tyre Desk is really good, the lads like it and we're leaning that way."
    assert not gate.dismissed(utt(1, line))
    assert "competitor_preferred" in _kinds(dialogue([(SELLER_Q, line)]), "competitor_preferred")


def test_pain_is_never_status_quo_evidence():
    pain = ("Right now? It's hurting, if I'm honest. We've got customers on automatic top-up "
            "who run out because nobody knows what's in their tank.")
    assert gate.pained(utt(1, pain)) and gate.vetoed(utt(1, pain), "status_quo")
    assert "status_quo" not in _kinds(dialogue([(SELLER_Q, pain)]), "status_quo")
    content = "Honestly what we have works, I don't see a reason to change it."
    assert not gate.pained(utt(1, content))
    assert "status_quo" in _kinds(dialogue([(SELLER_Q, content)]), "status_quo")


def test_no_idea_about_the_decision_is_not_an_unknown_budget():
    ask = "No problem. Who else would be involved in deciding on something like this?"
    reply = "yeah no idea sorry they just sort it between them"
    assert not ab.budget_topic(lx.normalise(reply), utt(0, ask))
    stated = ("Is there a budget for this?", "Yes, we've set aside twenty thousand for it.")
    m = dialogue([stated, (ask, reply)])
    assert "budget_unknown" not in _kinds(m, "budget_unclear")


def test_no_idea_about_the_budget_is_an_unknown_budget():
    ask = "And is there a budget set aside for something like this?"
    reply = "Honestly, no idea, you'd have to ask the owners."
    assert ab.budget_topic(lx.normalise(reply), utt(0, ask))
    assert ab.budget_topic(lx.normalise("No idea what the money side looks like."), None)
    m = dialogue([(ask, reply)])
    assert "budget_unknown" in _kinds(m, "budget_unclear")
