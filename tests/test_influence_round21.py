"""Round 21: two of the codebook's near misses said in more of the ways people say them. A
newcomer who "won't go near this" is no new influencer; a rival the team "just stopped using"
is dismissed, not preferred. The head's probabilities are given per utterance."""

from __future__ import annotations

import pytest

from meetinglens.analysis import influence_flagcheck as chk
from meetinglens.analysis import influence_flaggate as gate
from meetinglens.analysis.influence_flags import red_flags
from meetinglens.model import Meeting, Speaker, Utterance

ASKS = "Who else should we be talking to on your side?"


def _meeting(buyer_lines: list[str]) -> Meeting:
    texts = [t for line in buyer_lines for t in (ASKS, line)]
    utts = tuple(Utterance(i, "Ben" if i % 2 else "Sam", t, i * 10.0, i * 10.0 + 8)
                 for i, t in enumerate(texts))
    return Meeting("m", utts, (Speaker("Sam", side="seller", side_source="participants"),
                               Speaker("Ben", side="buyer", side_source="participants")))


def _kinds(meeting: Meeting, kind: str, prob: float) -> set[str]:
    head = {u.index: {kind: prob} for u in meeting.utterances if u.speaker == "Ben"}
    return {f.kind for f in red_flags(meeting, {"Ben"}, {}, {}, [], head)}


@pytest.mark.parametrize("line", [
    "We've a new head of marketing starting in June, Sina, but she won't go near this.",
    "The new CEO's on the radio every week about waiting times. Nothing to do with us, mind.",
    "They've a new regional director, Delphine. She doesn't care what we use in here.",
    "there's a new ops lead in halifax but its not her call either way",
])
def test_a_newcomer_standing_apart_is_no_new_influencer(line):
    assert chk.detached(Utterance(1, "Ben", line, 0.0, 1.0))
    assert "new_influencer" not in _kinds(_meeting([line]), "new_influencer", 0.99)


def test_a_newcomer_who_decides_still_raises_it():
    line = "We've a new finance director since March, Marguerite, and she signs anything like this."
    assert not chk.detached(Utterance(1, "Ben", line, 0.0, 1.0))
    assert "new_influencer" in _kinds(_meeting([line]), "new_influencer", 0.99)


@pytest.mark.parametrize("line", [
    "we tried turf cloud two year ago and the lads just stopped using it after like a month",
    "We had FleetCheck in about a year ago. Nice enough, but it was all the office end.",
    "Tradeflow. Been on it a couple of years. Nobody over there is precious about it.",
    "We gave up on it after the second upgrade.",
])
def test_a_rival_given_up_on_is_dismissed_not_preferred(line):
    assert gate.dismissed(Utterance(1, "Ben", line, 0.0, 1.0))
    assert "competitor_preferred" not in _kinds(_meeting([line]), "competitor_preferred", 0.99)


def test_a_rival_still_wanted_still_raises_it():
    line = "Honestly if FleetCheck came back a bit cheaper we'd probably go with them."
    assert not gate.dismissed(Utterance(1, "Ben", line, 0.0, 1.0))
    assert "competitor_preferred" in _kinds(_meeting([line]), "competitor_preferred", 0.99)


OPEN = "It's a family business. We'll sort it out amongst ourselves when the time comes."
VISIT = "Fine. Come through next Thursday, the fourteenth, seven o'clock when the first vans load."


def _process_flag(buyer_lines: list[str]):
    m = _meeting(buyer_lines)
    head = {u.index: {"process_stated": 0.9} for u in m.utterances if u.speaker == "Ben"}
    return next((f for f in red_flags(m, {"Ben"}, {}, {}, [], head)
                 if f.kind == "decision_process_unknown"), None)


@pytest.mark.parametrize("later", [VISIT, "Grand. Put the call in for Tuesday the ninth, so."])
def test_a_visit_date_does_not_fill_a_process_left_open(later):
    flag = _process_flag([OPEN, later])
    assert flag is not None and flag.evidence[0].text == OPEN


def test_talk_of_who_decides_after_it_still_settles_it():
    assert _process_flag([OPEN, "Actually Imraan signs anything like this, after the trial."]) \
        is None
