"""Round 23: raw ASR writes "dont", "theyll", "and uh get back" and "the the"; cues read through
them. Materials sent on request are no agreed next step, whoever asks for them. An economic
buyer said elsewhere to be unaware is absent even beside a buyer read as economic; "I haven't
told you about him" is the seller uninformed, not the owner."""

from __future__ import annotations

import pytest

from meetinglens.analysis import influence_lexicon as lx
from meetinglens.analysis.influence_flags import economic_absent, red_flags
from meetinglens.analysis.influence_mentions import Mention
from meetinglens.analysis.influence_roles import Judgement
from meetinglens.model import Meeting, Speaker, Utterance


def _meeting(lines: list[tuple[str, str]]) -> Meeting:
    utts = tuple(Utterance(i, who, text, i * 10.0, i * 10.0 + 8)
                 for i, (who, text) in enumerate(lines))
    return Meeting("m", utts, (Speaker("Sam", side="seller", side_source="participants"),
                               Speaker("Ben", side="buyer", side_source="participants")))


def _kinds(meeting: Meeting, head_scores: dict[str, float] | None = None) -> set[str]:
    head = {u.index: dict(head_scores or {}) for u in meeting.utterances if u.speaker == "Ben"}
    return {f.kind for f in red_flags(meeting, {"Ben"}, {}, {}, [], head)}


# ---------------------------------------------------------------- raw ASR text

@pytest.mark.parametrize("text,expected", [
    ("and uh get back to you um", "and get back to you"),
    ("sorry about the the madness", "sorry about the madness"),
    ("Umbrella stand, er, ERR", "umbrella stand"),
])
def test_fillers_and_repeated_words_become_spaces_of_the_same_length(text, expected):
    norm = lx.normalise(text)
    assert norm.split() == expected.split() and len(norm) == len(text)


def test_a_cue_written_with_an_apostrophe_reads_raw_asr_without_one():
    cue = lx.compile_cue(r"(don't|do not) know how they decide")
    assert cue.search("i dont know how they decide these things")
    assert cue.search("i don't know how they decide these things")
    assert not cue.search("i do know how they decide these things")


PROCESS_Q = "and who makes the call on something like this"


@pytest.mark.parametrize("line", [
    "me i just load the horses honestly i dont know how they decide these things",
    "honestly mate i dont know like whether he signs it or whether it has to go to head "
    "office first or what",
])
def test_not_knowing_who_signs_or_how_they_decide_leaves_the_process_open(line):
    meeting = _meeting([("Sam", PROCESS_Q), ("Ben", line)])
    assert "decision_process_unknown" in _kinds(meeting, {"process_stated": 0.94})


# ---------------------------------------------------------------- next steps

def test_materials_the_seller_will_send_are_no_agreed_next_step():
    meeting = _meeting([("Sam", "What we'd suggest is a short pilot on one site."),
                        ("Ben", "Look, send us the deck and the pricing and we'll see."),
                        ("Sam", "Will do, I'll send everything today and follow up later on."),
                        ("Ben", "Okay, thank you Megan.")])
    assert "no_next_step" in _kinds(meeting)


def test_a_buyer_asking_for_the_quote_to_look_at_leaves_the_step_open():
    meeting = _meeting([("Sam", "Could we put the kit in one lorry for two weeks?"),
                        ("Ben", "no no its okay just send me the quote and the brochure and "
                                "well look at it and uh get back to you"),
                        ("Sam", "sure thing")])
    assert "no_next_step" in _kinds(meeting)


def test_a_dated_visit_the_buyer_agrees_to_is_a_next_step():
    meeting = _meeting([("Sam", "Could we come out and run the demo for the team?"),
                        ("Ben", "Yes, let's do that. Thursday the twenty-eighth, and I'll "
                                "bring two of my supervisors."),
                        ("Sam", "Great, I'll send an invite for the twenty-eighth.")])
    assert "no_next_step" not in _kinds(meeting)


# ---------------------------------------------------------------- economic buyer unaware

def _absent(line: str, label: str, economic: float):
    meeting = _meeting([("Sam", "Who else is involved?"), ("Ben", line)])
    said = meeting.utterances[1]
    mention = Mention(speaker="Ben", who="Patricio", role="economic", relation="mentions",
                      utterance=said, quote=said.text, present=None, named=True)
    role = Judgement("Ben", label, economic, {label: economic}, (), "model")
    return economic_absent({"Ben": role}, [mention], meeting, {"Ben"}, {})


def test_an_owner_said_to_be_unaware_is_absent_beside_a_buyer_read_as_economic():
    line = ("don patricio who owns the company chairs that meeting and he hasnt heard "
            "anything about this yet")
    assert _absent(line, "economic", 0.86) is not None


def test_the_seller_not_yet_told_about_someone_is_no_unaware_owner():
    line = ("Me and my partner Patricio own it fifty-fifty and we both sign. And there's "
            "someone else, actually, I haven't told you about him.")
    assert _absent(line, "economic", 0.99) is None


# ---------------------------------------------------------------- arrivals said in the past

@pytest.mark.parametrize("line", [
    "So that's changed. Herve came in as group operations director in March, from the Armor "
    "side, and he'll have a real say on anything that touches all nine desks.",
    "You'll want to meet Andrew. He's coming across from Lerderderg as chief operating officer "
    "of the new district.",
    "you havent met him yet hes new to us too",
])
def test_an_arrival_said_in_the_past_or_from_another_site_is_a_new_influencer(line):
    meeting = _meeting([("Sam", "Who else should we be talking to?"), ("Ben", line)])
    assert "new_influencer" in _kinds(meeting)


def test_contacting_someone_is_no_acting_post():
    from meetinglens.analysis import influence_flaggate as gate
    said = Utterance(1, "Ben", "We've been contacting the other sites about it.", 0.0, 1.0)
    acting = Utterance(1, "Ben", "Mo is acting head of estates until the autumn.", 0.0, 1.0)
    assert not gate.anchored(said, "new_influencer")
    assert gate.anchored(acting, "new_influencer")
