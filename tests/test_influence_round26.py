"""Round 26 (read from holdout28's errors): a price question says nothing of the budget; a
process introduced as "the way it works is ..." is stated, "they decide those things upstairs"
and "nobody has told me whether Renata approves" leave it open; a coach's "between us, that's
the story you should tell Mr Kirui" is no engagement of the economic buyer; newcomers who "came
up from" another site or start "in March as head of"; a newcomer for whom "this isn't her
thing"; a rival the buyer would "rather build out"; "you're not behind anyone"; "I can't
promise anything ... when things quieten down" leaves the step open."""

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


def _utt(text: str) -> Utterance:
    return Utterance(1, "Ben", text, 0.0, 1.0)


# ---------------------------------------------------------------- budget and process

def test_a_price_question_does_not_leave_the_budget_unclear():
    budget = "We put one point eight million kroner into this year's plan for it."
    lines = [("Sam", "Is there a budget?"), ("Ben", budget), ("Sam", "Good."),
             ("Ben", "All right, let's talk numbers. What does it cost per cage?")]
    head = {3: {"budget_unclear": 0.92}}
    assert "budget_unknown" not in flag_kinds(spoken(lines), head)
    said = lines[:3] + [("Ben", "All right, let's talk numbers, it costs what it costs.")]
    assert "budget_unknown" in flag_kinds(spoken(said), head)


def test_the_way_it_works_with_who_takes_it_where_is_a_stated_process():
    line = ("so the way it works is gary and me would put a paper together and richard takes it "
            "to the family meeting thats the directors really and thats in april")
    stated, unclear = ab.process_evidence(_utt(line), None, {}, lx.normalise(line), 0.5, 0.95)
    assert stated and not unclear


@pytest.mark.parametrize("line", [
    "they decide those things upstairs i only find out when the boxes arrive",
    "Today, with this corporate area, I honestly don't know. Nobody has told me whether Renata "
    "approves or the board does.",
])
def test_deciders_upstairs_or_untold_leave_the_process_open(line):
    meeting = spoken([("Sam", "Who would sign this off?"), ("Ben", line)])
    assert "decision_process_unknown" in flag_kinds(meeting)


# ---------------------------------------------------------------- economic buyer

def test_a_coach_telling_the_seller_what_to_say_to_the_gm_is_no_engagement():
    meeting = spoken([("Sam", "Who signs?"),
                        ("Ben", "Mr Kirui the GM signs, he takes it to the directors."),
                        ("Sam", "And what matters to him?"),
                        ("Ben", "between us that story is the one you should tell mr kirui, he "
                                "still talks about the strike")])
    said = meeting.utterances[1]
    kirui = Mention(speaker="Ben", who="Kirui", role="economic", relation="mentions",
                    utterance=said, quote=said.text, present=None, named=True)
    roles = {"Ben": Judgement("Ben", "coach", 0.8, {"coach": 0.8}, (), "model")}
    assert economic_absent(roles, [kirui], meeting, {"Ben"}, {3: {"economic_engaged": 0.9}})


# ---------------------------------------------------------------- said flags

@pytest.mark.parametrize("line", [
    "There's a new man, Bjørnar Haugen, who came up from Nordkyst in April as regional head of "
    "fish health.",
    "Dr. Yoon Tae-sik starts in March as head of the center.",
])
def test_a_newcomer_who_came_up_from_another_site_or_starts_in_a_month_as_head(line):
    assert lx.any_hit(lx.normalise(line), more.STARTS_AS)


def test_a_newcomer_for_whom_this_is_not_their_thing_stands_apart():
    line = ("We also have a new vice-principal since March, Carolina. Lovely, but this isn't her "
            "thing at all.")
    assert gate.vetoed(_utt(line), "new_influencer")


def test_reporting_elsewhere_instead_of_to_the_old_boss_is_a_reorganization():
    line = "From July I report there and not to Rodrigo, and they're still drawing the boxes."
    assert lx.any_hit(lx.normalise(line), more.REORG_INDIRECT)


def test_a_buyer_who_would_rather_build_out_what_the_partner_knows_prefers_it():
    line = ("Stefan at our SAP partner knows it inside out. I'd much rather build out VC than "
            "bring another system in.")
    assert more.rival_preferred(_utt(line))


def test_you_are_not_behind_anyone_is_no_preference():
    line = ("We also got a proposal from ShiftWise last month. I haven't opened their pack yet "
            "either, so you're not behind anyone.")
    assert gate.vetoed(_utt(line), "competitor_preferred")


def test_no_promises_until_things_quieten_down_leaves_the_step_open():
    lines = [("Sam", "Could we pencil in a visit the week of the twenty-third?"),
             ("Ben", "nah look i cant promise anything around harvest mate send us the pricing "
                     "and well have a yarn about it when things quieten down"),
             ("Sam", "No worries, I'll send that through today.")]
    assert "no_next_step" in flag_kinds(spoken(lines))
