"""Round 12: red flags said indirectly (influence_flagmore), each with the near miss that must
not raise the flag. Lexicon paths only: the evidence head is given nothing."""

from __future__ import annotations

import pytest

from flag_dialogue import CLOSE, SELLER_Q, dialogue, utt

from meetinglens.analysis import influence_absence as ab
from meetinglens.analysis import influence_flagmore as more
from meetinglens.analysis import influence_lexicon as lx
from meetinglens.analysis.influence_flags import red_flags
from meetinglens.model import Utterance

BUDGET_Q = "Is there a budget set aside for this?"


def _flags(pairs) -> dict[str, tuple[Utterance, ...]]:
    meeting = dialogue(list(pairs) + [CLOSE])
    return {f.kind: f.evidence for f in red_flags(meeting, {"Ben"}, {}, {}, [], {})}


@pytest.mark.parametrize("line", [
    "see the thing is poor log does the dockets grand and the lads know it inside out the fella "
    "from poor log comes out every couple of months and sorts whatever we need",
    "Piet from Hallbeck was in on Thursday, and Piet knows that press better than I do.",
    "the thing with ovenware is gary there knows us and if i had my way id rather pay them for "
    "the order module than start again",
    "They're bringing out a rota bit in the spring, so I'd honestly rather wait and see what "
    "theirs is like.",
])
def test_an_indirect_preference_raises_competitor_preferred(line):
    flags = _flags([(SELLER_Q, line)])
    assert "competitor_preferred" in flags
    assert flags["competitor_preferred"][0].text == line  # the evidence quotes those words


@pytest.mark.parametrize("line", [
    "Mette knows every circuit in the building, she's been here twelve years.",
    "I'd rather wait until after the summer season before we change anything.",
    "Westmoor went with Calmview and they've been stuck on an old version for two years.",
    "Their guy was nice but they've been stuck with the same release since 2019.",
])
def test_own_staff_own_timing_or_a_stuck_rival_raise_no_competitor_flag(line):
    assert "competitor_preferred" not in _flags([(SELLER_Q, line)])


@pytest.mark.parametrize("line", [
    "That's changed since January. We used to run flint and amber as two separate lines with "
    "two supervisors. Now it's one crew across both lines.",
    "So from July we stop being our own little unit under Legal Services, and the record "
    "office reports into that.",
    "once he starts the foremen are gonna go to him not me im stepping back from the day to day",
])
def test_a_reorganization_without_the_word_raises_the_flag(line):
    assert "reorganization" in _flags([(SELLER_Q, line)])


@pytest.mark.parametrize("line", [
    "We used to run two separate spreadsheets, one per van, until about 2015, long since sorted.",
    "It's one kitchen, one team, always has been.",
    "I report to the board every quarter on the numbers.",
])
def test_a_stable_structure_raises_no_reorganization(line):
    assert "reorganization" not in _flags([(SELLER_Q, line)])


@pytest.mark.parametrize("line", [
    "Kirsty Munro starts as finance director in June, first one we've ever had.",
    "my son in law kyle is coming on as general manager in october",
])
def test_a_newcomer_named_by_the_role_they_start_in_is_a_new_influencer(line):
    assert "new_influencer" in _flags([(SELLER_Q, line)])


@pytest.mark.parametrize("line", [
    "To be fair the scanners are fine, we replaced those in January and they're good.",
    "She started as a driver twenty years ago and runs the yard now.",
])
def test_replaced_equipment_or_an_old_start_is_no_new_influencer(line):
    assert "new_influencer" not in _flags([(SELLER_Q, line)])


def _budget(asked: str, line: str) -> tuple[bool, bool]:
    u, q = utt(1, line), utt(0, asked)
    return ab.budget_evidence(u, q, {}, lx.normalise(line), 0.7, 0.7)


@pytest.mark.parametrize("line", [
    "Honestly, no. Annika keeps that in her head. Could be two grand, could be nothing.",
    "What's actually free in the pool this year, honestly, I'd be guessing.",
])
def test_a_hedged_amount_leaves_the_budget_unclear(line):
    assert _budget(BUDGET_Q, line) == (False, True)


@pytest.mark.parametrize("line", [
    "We had our best year ever. Forty-one thousand rentals, up from thirty-three.",
    "We spent about a hundred and eighty thousand on agency nurses last year.",
])
def test_a_count_or_a_cost_of_the_problem_is_no_budget(line):
    assert not _budget(SELLER_Q, line)[0]
    assert more.budget_words(lx.normalise(line), False) is None


@pytest.mark.parametrize("asked,line", [
    (SELLER_Q, "We put thirty five thousand in the plan for the yard systems this year."),
    (BUDGET_Q, "Forty thousand, roughly."),
    (SELLER_Q, "The budget has been approved by the board."),
])
def test_money_for_this_still_states_a_budget(asked, line):
    assert _budget(asked, line)[0]


def test_a_budget_only_hinted_raises_budget_unknown_with_the_hedge_as_evidence():
    line = "Honestly, no. Annika keeps that in her head. Could be two grand, could be nothing."
    flags = _flags([(BUDGET_Q, line)])
    assert flags["budget_unknown"][0].text == line


@pytest.mark.parametrize("line,stated,unclear", [
    ("It goes round the member directors. They'll work it out, they always do, it's just never "
     "quite the same way twice.", False, True),
    ("It goes to the member directors on the 14th, they review it and vote.", True, False),
])
def test_a_process_that_they_will_work_out_is_unknown(line, stated, unclear):
    """The head hears decision talk in both; only the second says how."""
    u, q = utt(1, line), utt(0, SELLER_Q)
    head = {1: {"process_stated": 0.99}}
    assert ab.process_evidence(u, q, head, lx.normalise(line), 0.5, 0.95) == (stated, unclear)


@pytest.mark.parametrize("line", [
    "When we did the numbers Marta and I put eighteen thousand in for systems for the first year.",
    "so sandeep the owner asked me to look at this and hes put twenty grand aside for it",
])
def test_an_amount_put_in_or_aside_states_a_budget(line):
    assert more.budget_words(lx.normalise(line), False)
