"""Round 13: what the codebook requires of each raised flag (influence_flagcheck), each check
with the near miss it must reject and the flag it must still let through. Lexicon paths only:
the evidence head is given nothing."""

from __future__ import annotations

import pytest

from flag_dialogue import CLOSE, SELLER_Q, dialogue, utt

from meetinglens.analysis import influence_absence as ab
from meetinglens.analysis import influence_flagcheck as chk
from meetinglens.analysis import influence_flaggate as gate
from meetinglens.analysis.influence_flags import red_flags
from meetinglens.model import Utterance


def _flags(*lines: str) -> dict[str, tuple[Utterance, ...]]:
    meeting = dialogue([(SELLER_Q, line) for line in lines] + [CLOSE])
    return {f.kind: f.evidence for f in red_flags(meeting, {"Ben"}, {}, {}, [], {})}


# ---------------------------------------------------------------- new influencer

@pytest.mark.parametrize("line", [
    "And Helen. Dr Helen Ashworth, she's joining us as medical director in May. Anything that "
    "touches the rest rules, she's going to want to look at before we switch it on.",
    "We've got a new finance director starting in March, and she'll want to see the numbers.",
])
def test_a_newcomer_tied_to_the_decision_raises_new_influencer(line):
    flags = _flags(line)
    assert "new_influencer" in flags
    assert flags["new_influencer"][0].text == line  # the evidence quotes those words


@pytest.mark.parametrize("line", [
    "We've got a new practice manager starting at Harrogate, Leanne. Lovely, but she'll have "
    "enough on finding where the kettle is, she won't be anywhere near this.",
    "Oh, and we've got a new deputy manager in the office, Callum, started on Monday. He's doing "
    "the conference bookings, so nothing to do with this.",
])
def test_a_newcomer_said_to_stand_apart_raises_nothing(line):
    assert "new_influencer" not in _flags(line)


# ---------------------------------------------------------------- reorganization

@pytest.mark.parametrize("line", [
    "From July, Karen's team stops reporting into operations and comes across to commercial.",
    "From the first of August accommodation comes out from under Student Services and goes "
    "under Estates and Campus Services. Same people, different line management.",
])
def test_a_reporting_line_moving_raises_reorganization(line):
    flags = _flags(line)
    assert "reorganization" in flags
    assert flags["reorganization"][0].text == line


@pytest.mark.parametrize("line", [
    "The van goes under the bridge and across to the depot every morning.",
    "Karen still reports into operations, same as always.",
])
def test_a_route_or_an_unchanged_line_is_no_reorganization(line):
    assert "reorganization" not in _flags(line)
    assert chk.reporting_move(utt(1, line)) is None


# ---------------------------------------------------------------- competitor preferred

@pytest.mark.parametrize("line", [
    "I've actually asked them whether they could build something like this into ExpoDesk.",
    "to be honest if it was down to me id just switch that on the lads have already got plant "
    "point on their phones",
])
def test_the_incumbent_given_the_chance_to_match_raises_competitor_preferred(line):
    flags = _flags(line)
    assert "competitor_preferred" in flags
    assert flags["competitor_preferred"][0].text == line


def test_customers_lost_to_rivals_is_not_a_rival_preferred():
    lost = utt(1, "Those people don't come back and buy their next pair from us. They go "
                   "wherever put a leaflet through the door that week.")
    assert chk.customers_lost(lost)
    assert gate.vetoed(lost, "competitor_preferred")
    kept = utt(1, "We're leaning towards the other vendor, their quote came in lower.")
    assert not gate.vetoed(kept, "competitor_preferred")


def test_asking_a_colleague_a_question_is_no_chance_to_match():
    assert chk.chance_to_match(utt(1, "I asked Dave whether he could cover Friday.")) is None


# ---------------------------------------------------------------- status quo

def test_content_with_part_pain_elsewhere_is_no_status_quo():
    line = ("From the welfare side, honestly, what we've got is fine, it does what we need. "
            "It's the allocations end that's Priya's headache, not mine.")
    assert chk.content_with_part(utt(1, line))
    assert gate.vetoed(utt(1, line), "status_quo")


def test_plain_contentment_still_counts_for_status_quo():
    line = "Honestly we're pretty happy with what we have, I don't see a reason to change."
    assert chk.content_with_part(utt(1, line)) is None
    assert not gate.vetoed(utt(1, line), "status_quo")
    assert "status_quo" in _flags(line)


# ---------------------------------------------------------------- decision process

def test_a_named_decider_says_how_and_who_signs_does_not():
    assert ab.says_how("so um kev signs anything like this as long as aaron is happy")
    assert chk.named_decider("kev signs anything like this")
    assert chk.named_decider("so who signs after august, nobody knows") is None
    assert chk.named_decider("I honestly couldn't say") is None
