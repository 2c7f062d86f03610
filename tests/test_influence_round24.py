"""Round 24: a budget the evidence head hears is no budget when the same buyer says it is
unknown, and once said unknown only words settle it; counts of things are not money. The head's
reading of an absent economic buyer's engagement does not outweigh "he hasn't seen any of
this", nor does advice on how to win them over. A process left open where "unknown" wins
within an utterance stays open; "we'll sort it out between the two of us" is no process."""

from __future__ import annotations

import pytest

from flag_dialogue import flag_kinds, spoken

from meetinglens.analysis import influence_absence as ab
from meetinglens.analysis import influence_flaggate as gate
from meetinglens.analysis import influence_flagmore as more
from meetinglens.analysis import influence_lexicon as lx
from meetinglens.analysis.influence_flags import economic_absent
from meetinglens.analysis.influence_mentions import Mention
from meetinglens.analysis.influence_roles import Judgement
from meetinglens.model import Utterance


BUYERS = ("Ben", "Ann")


# ---------------------------------------------------------------- budget

BUDGET_Q = "Is there money set aside for something like this?"


def test_a_budget_heard_only_by_the_head_yields_to_the_same_buyer_saying_it_is_unknown():
    line = ("Honestly, I couldn't tell you. Equipment money is between Richard and the "
            "treasurer, and the 2027 budget isn't tabled until December.")
    meeting = spoken([("Sam", BUDGET_Q), ("Ben", line)], BUYERS)
    head = {1: {"budget_stated": 0.96, "budget_unclear": 0.99}}
    assert "budget_unknown" in flag_kinds(meeting, head)


def test_a_budget_said_in_words_still_outweighs_an_unknown_amount():
    line = "Hannah has earmarked budget for it, I don't know the exact number."
    meeting = spoken([("Sam", BUDGET_Q), ("Ben", line)], BUYERS)
    head = {1: {"budget_stated": 0.9, "budget_unclear": 0.9}}
    assert "budget_unknown" not in flag_kinds(meeting, head)


def test_once_the_budget_is_said_unknown_only_words_settle_it():
    lines = [("Sam", BUDGET_Q),
             ("Ben", "Honestly, no. I haven't put a number on it yet."),
             ("Sam", "Would it help to see the cost of the claims?"),
             ("Ann", "Maybe put the cost of the claims next to the pilot cost in your "
                     "proposal.")]
    head = {1: {"budget_unclear": 0.99}, 3: {"budget_stated": 0.83}}
    assert "budget_unknown" in flag_kinds(spoken(lines, BUYERS), head)
    settled = lines[:3] + [("Ann", "We've put twenty thousand into next year's plan for it.")]
    assert "budget_unknown" not in flag_kinds(spoken(settled, BUYERS), head)


@pytest.mark.parametrize("text", [
    "About a hundred and eighty thousand cubic metres of logs a year. One saw line.",
    "last year about three thousand tonnes and we moved the bottling line into the new shed",
])
def test_a_count_of_things_on_a_production_line_is_no_budget(text):
    assert more.budget_words(lx.normalise(text), False) is None


def test_a_budget_line_with_an_amount_is_a_budget():
    text = "Orla has a development line of twelve thousand for this year."
    assert more.budget_words(lx.normalise(text), False)


def test_an_approval_threshold_does_not_make_money_the_topic():
    text = "Then I decide. And if it ends up over two hundred thousand, my sister countersigns."
    from meetinglens.analysis.influence_flags import THRESHOLD
    assert not ab.budget_topic(THRESHOLD.sub(" ", lx.normalise(text)), None)
    assert ab.budget_topic(lx.normalise("yeah budgets are grant's thing"), None)


# ---------------------------------------------------------------- economic buyer engaged?

def _economic(lines, head, unaware: bool, economic_here: str | None = None):
    meeting = spoken(lines, BUYERS)
    said = meeting.utterances[1]
    mention = Mention(speaker="Ben", who="Grant", role="economic", relation="mentions",
                      utterance=said, quote=said.text, present=None, named=True)
    roles = {name: Judgement(name, "economic" if name == economic_here else "user", 0.9,
                             {"economic": 0.9 if name == economic_here else 0.0}, (), "model")
             for name in ("Ben", "Ann")}
    assert bool(lx.any_hit(lx.normalise(said.text), lx.NOT_ENGAGED_CUES)) == unaware
    return economic_absent(roles, [mention], meeting, {"Ben", "Ann"}, head)


UNAWARE = "Grant is our GM and he signs, but he hasn't seen any of this yet."


def test_the_heads_engagement_reading_does_not_outweigh_an_unaware_economic_buyer():
    lines = [("Sam", "Who signs?"), ("Ben", UNAWARE),
             ("Ann", "Since November all capex is on hold until the group finishes its review.")]
    assert _economic(lines, {2: {"economic_engaged": 0.95}}, unaware=True) is not None


def test_an_economic_buyer_in_the_room_speaking_of_approved_money_is_engaged():
    lines = [("Sam", "Who signs?"), ("Ben", UNAWARE),
             ("Ann", "The money is there. Our board approved it in December.")]
    head = {2: {"economic_engaged": 0.95}}
    assert _economic(lines, head, unaware=True, economic_here="Ann") is None


def test_advice_on_winning_the_economic_buyer_over_is_no_engagement():
    lines = [("Sam", "Who signs?"), ("Ben", "Grant signs anything like this, he's the GM."),
             ("Ann", "If I were you, I'd get to Grant before it reaches the board. He hates "
                     "being surprised.")]
    assert _economic(lines, {2: {"economic_engaged": 0.9}}, unaware=False) is not None
    told = lines[:2] + [("Ann", "Grant asked us to look at this after the last audit.")]
    assert _economic(told, {2: {"economic_engaged": 0.9}}, unaware=False) is None


# ---------------------------------------------------------------- decision process

PROCESS_Q = "How would a decision like this get made now?"


def test_a_process_left_open_where_unknown_wins_is_not_settled_by_a_review_mentioned_later():
    lines = [("Sam", PROCESS_Q),
             ("Ben", "Honestly? I couldn't tell you. Before the takeover Dr Menon signed. Now "
                     "it's the group, and how they decide, I have no idea."),
             ("Sam", "And the budget?"),
             ("Ben", "Since November all capex is on hold until the group finishes its "
                     "review.")]
    head = {1: {"process_stated": 0.9, "process_unclear": 0.99}, 3: {"process_stated": 0.6}}
    assert "decision_process_unknown" in flag_kinds(spoken(lines, BUYERS), head)


@pytest.mark.parametrize("line", [
    "We'll find out. We'll sort out the route between ourselves once the dust settles.",
    "henrique has half of the mill so how we decide uh we will sort it out between the two "
    "of us you know",
])
def test_sorting_it_out_between_ourselves_is_no_process(line):
    assert ab.empty_process(line)


def test_not_sure_what_we_would_gain_is_no_open_process():
    norm = lx.normalise("im not sure what wed gain really the thing works")
    assert lx.any_hit(norm, lx.PROCESS_UNKNOWN) is None
    assert lx.any_hit(lx.normalise("not sure how we'd go about buying it"), lx.PROCESS_UNKNOWN)


# ---------------------------------------------------------------- said flags

@pytest.mark.parametrize("line", [
    "the way we do it works the book and the excel forty years i dont see why we change it now",
    "Honestly, what we have works fine. I don't see why we should switch.",
])
def test_no_reason_to_change_said_plainly_is_a_status_quo(line):
    meeting = spoken([("Sam", "What would change for you?"), ("Ben", line)], BUYERS)
    assert "status_quo" in flag_kinds(meeting)


def test_someone_who_came_over_from_a_merged_company_anchors_a_new_influencer():
    said = Utterance(1, "Ben", "Nathalie came over from Laurentides. She's VP Procurement for "
                               "the combined group.", 0.0, 1.0)
    assert gate.anchored(said, "new_influencer")


@pytest.mark.parametrize("line", [
    "I should mention that Saint-Hippolyte uses GeoNeige. I've no opinion on it.",
    "The flagship has some European robot. I don't know if they even like it.",
])
def test_a_rival_mentioned_without_a_stance_is_no_preference(line):
    assert gate.vetoed(Utterance(1, "Ben", line, 0.0, 1.0), "competitor_preferred")
