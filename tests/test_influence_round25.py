"""Round 25 (read from holdout27's errors): a newcomer who "starts on the first of June"; a
reporting line that changes, not one described; an owner said by name not to have seen it; a
named decider states a process, "we'll handle it inside" and "it could be me, it could be
Nakamura" leave it open; a cost of the problem and a count in billions are read for what they
are; a rival someone would "rather go with", or whose module is "already wired into" what the
buyer runs, is preferred, and one that failed, or whose quote sits unread, is not."""

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
from meetinglens.model import Meeting, Utterance


def _said_to_seller(line: str) -> Meeting:
    return spoken([("Sam", "Is there anything else we should know?"), ("Ben", line)])


# ---------------------------------------------------------------- newcomers and reorganizations

@pytest.mark.parametrize("line", [
    "A man called Felipe Contreras. He was production manager at Los Robles for eight years, "
    "and he starts on the first.",
    "The person coming in is Deniz Aksoy. He starts on the first of June.",
])
def test_a_person_starting_on_a_date_is_a_new_influencer(line):
    assert "new_influencer" in flag_kinds(_said_to_seller(line))


def test_an_apprentice_starting_somewhere_next_month_is_not():
    line = "We've taken on an apprentice, Cai, he starts in the plant room next month."
    assert "new_influencer" not in flag_kinds(_said_to_seller(line))


def test_a_reporting_line_described_is_no_reorganization():
    described = "dale hes the director of public works hes our boss marc reports to him and so do i"
    assert "reorganization" not in flag_kinds(_said_to_seller(described))
    changing = "From July the depot managers will report to the new operations director."
    assert lx.any_hit(lx.normalise(changing), more.REORG_INDIRECT)


# ---------------------------------------------------------------- economic buyer

def test_an_owner_said_by_name_not_to_have_seen_it_is_unaware():
    meeting = spoken([
        ("Sam", "Who signs?"),
        ("Ben", "If he's happy, Declan, our CEO, would bring a recommendation to the board."),
        ("Sam", "Has Declan seen any of this?"),
        ("Ben", "Not really, no. Declan hasn't seen any of it, this is us doing the groundwork.")])
    said = meeting.utterances[1]
    declan = Mention(speaker="Ben", who="Declan", role="economic", relation="mentions",
                     utterance=said, quote=said.text, present=None, named=True)
    roles = {"Ben": Judgement("Ben", "user", 0.6, {"user": 0.6, "economic": 0.35}, (), "model")}
    head = {1: {"economic_engaged": 0.9}}
    flag = economic_absent(roles, [declan], meeting, {"Ben"}, head)
    assert flag is not None and meeting.utterances[3] in flag.evidence


# ---------------------------------------------------------------- decision process and budget

PROCESS_Q = "And who would sign off on something like this?"


def test_a_named_decider_states_the_process():
    line = "I propose, and Mr. Lin in Taipei approves anything over five hundred million dong."
    meeting = spoken([("Sam", PROCESS_Q), ("Ben", line)])
    assert "decision_process_unknown" not in flag_kinds(meeting)


@pytest.mark.parametrize("line", [
    "The trial comes first. And the approvals, leave that side with us, we'll handle it inside.",
    "Who gives the final go-ahead after April, that I honestly can't tell you. It could still "
    "be me, it could be Nakamura at head office.",
    "um i couldnt tell you who actually signs off on it like it might be ray or the family",
])
def test_a_process_handled_inside_or_with_deciders_listed_as_possibilities_is_open(line):
    _, unclear = ab.process_evidence(Utterance(1, "Ben", line, 0.0, 1.0), None, {},
                                     lx.normalise(line), 0.5, 0.95)
    assert unclear
    meeting = spoken([("Sam", PROCESS_Q), ("Ben", line)])
    assert "decision_process_unknown" in flag_kinds(meeting)


@pytest.mark.parametrize("text,states", [
    ("the tank that turned cost us about twenty-six million pesos in wine", False),
    ("we lost about forty thousand on spoiled stock last year, set aside nothing yet", False),
    ("the group gave every factory about two billion dong for energy saving, approved in "
     "january", True),
])
def test_a_cost_of_the_problem_is_no_budget_and_billions_are_money(text, states):
    assert bool(more.budget_words(lx.normalise(text), False)) is states


# ---------------------------------------------------------------- competitor preferred

@pytest.mark.parametrize("line", [
    "When I told him we were talking to vendors he said straight away he'd rather we went with "
    "Cubera.",
    "Kanalix sells a rate module, and it's already wired into our channel manager, same "
    "support line, same invoice.",
])
def test_a_rival_someone_would_rather_go_with_or_that_already_fits_is_preferred(line):
    assert more.rival_preferred(Utterance(1, "Ben", line, 0.0, 1.0))


@pytest.mark.parametrize("line", [
    "the other packhouse put in one of those machines and the first season it was down more "
    "than it was running",
    "We had their trial last spring and it kept crashing on the night shift.",
])
def test_a_rival_that_failed_is_dismissed(line):
    assert gate.vetoed(Utterance(1, "Ben", line, 0.0, 1.0), "competitor_preferred")


def test_a_rival_quote_sitting_unread_is_no_preference():
    line = ("We got a quote from a Dutch company, DryLine, through a friend. I haven't compared "
            "it properly yet, it's sitting in my inbox.")
    assert "competitor_preferred" not in flag_kinds(_said_to_seller(line))
