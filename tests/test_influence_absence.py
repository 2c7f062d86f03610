"""Round 6: a process said with nothing in it, replies read after the seller's question,
authority said in the first person, takeovers told as news, and mentions of bodies and
first names. Each with a positive and a negative case."""

from __future__ import annotations

import pytest

from test_influence import GOOD_CLOSE, SELLER, flags, meeting, role, run

from meetinglens.analysis.influence_absence import says_how

BUDGET = [(SELLER, "Is there a budget for this?"),
          ("Anna", "We've set aside 80 thousand for it this year.")]
PROCESS_Q = (SELLER, "How would a decision get made, who else needs to be involved?")


def _process_flags(reply: str) -> set[str]:
    return flags(BUDGET + [PROCESS_Q, ("Anna", reply)] + GOOD_CLOSE)


@pytest.mark.parametrize("reply", [
    "Don't worry about that side of it. We'll sort that out between ourselves once we've "
    "seen it working.",
    "It goes up to the owners, and how they decide I couldn't tell you.",
    "so i think it would go up to the owners but honestly i don't know how they decide stuff",
    "Honestly, leave that with us.",
])
def test_an_empty_process_is_not_a_stated_one(reply):
    assert "decision_process_unknown" in _process_flags(reply)


@pytest.mark.parametrize("reply", [
    "I make the recommendation, it goes to the finance committee on the 29th of April.",
    "Sam tries it for two weeks, I look at the numbers, and I decide by the end of February.",
    "Anything over ten thousand, Mark and I both sign.",
])
def test_a_process_that_says_who_steps_or_when_is_stated(reply):
    assert "decision_process_unknown" not in _process_flags(reply)


def test_says_how_needs_who_steps_or_when():
    assert says_how("The panel scores it and the MD signs in March.")
    assert not says_how("We'll sort that out once we've seen it working.")


def test_leave_it_with_us_is_a_deferral_not_an_empty_process():
    """Said after a proposal, not after a question about the decision."""
    lines = BUDGET + [PROCESS_Q, ("Anna", "I make the final call, by the end of May."),
                      (SELLER, "Could I send you a trial login?"),
                      ("Anna", "Yeah, leave it with us and we'll give you a shout.")]
    got = flags(lines)
    assert "decision_process_unknown" not in got
    assert "no_next_step" in got


def _budget_flags(question: str, reply: str) -> set[str]:
    return flags([PROCESS_Q, ("Anna", "I make the final call, by the end of May."),
                  (SELLER, question), ("Anna", reply)] + GOOD_CLOSE)


@pytest.mark.parametrize("reply", ["No.", "Not really.", "no idea honestly"])
def test_a_short_no_after_the_budget_question_is_an_unclear_budget(reply):
    got = run(meeting([PROCESS_Q, ("Anna", "I make the final call, by the end of May."),
                       (SELLER, "And is there any budget for it?"), ("Anna", reply)]
                      + GOOD_CLOSE))
    budget = [f for f in got.findings if f.kind == "influence.budget_unknown"]
    assert budget and "said so" in budget[0].summary  # the reply itself is the evidence


def test_a_short_no_to_another_question_says_nothing_about_the_budget():
    got = run(meeting([PROCESS_Q, ("Anna", "I make the final call, by the end of May."),
                       ("Anna", "We've set aside 80 thousand for it this year."),
                       (SELLER, "Any problems with the scanners lately?"), ("Anna", "No.")]
                      + GOOD_CLOSE))
    assert "influence.budget_unknown" not in {f.kind for f in got.findings}


@pytest.mark.parametrize("line", [
    "Yeah it's my money, it's my call, no committee here.",
    "Anything over ten thousand, Mark and I both sign. He's the other partner.",
])
def test_first_person_authority_makes_an_explaining_owner_economic(line):
    lines = [(SELLER, "Anything I should know?"),
             ("Joanna", "Between you and me, Mark's the one to win over, he did the old "
                        "deal himself. Lead with the contractor side."),
             (SELLER, "Who decides?"), ("Joanna", line)] + GOOD_CLOSE
    assert role(meeting(lines), "Joanna") == "economic"


def test_authority_negated_does_not_make_economic():
    lines = [(SELLER, "Anything I should know?"),
             ("Joanna", "Between you and me, Mark's the one to win over, he did the old "
                        "deal himself. Lead with the contractor side."),
             (SELLER, "Who decides?"), ("Joanna", "It's not my call, it's not my money.")]
    assert role(meeting(lines), "Joanna") != "economic"


@pytest.mark.parametrize("line", [
    "Since the group bought us in January we sit under the Lisbon hub now.",
    "From April Leeds and Manchester become one northern desk, and Siobhan runs the "
    "combined team.",
])
def test_reorganization_told_as_news(line):
    assert "reorganization" in flags(BUDGET + [PROCESS_Q, ("Anna", "I make the final call.")]
                                     + [("Anna", line)] + GOOD_CLOSE)


@pytest.mark.parametrize("line", [
    "We're moving the cold room round this week, so excuse the kegs.",
    "We bought a second van last month and it's been great.",
])
def test_reorganization_near_misses(line):
    assert "reorganization" not in flags(BUDGET + [PROCESS_Q, ("Anna", "I make the final call.")]
                                         + [("Anna", line)] + GOOD_CLOSE)


def _mentions(text: str, asr: bool = False) -> set[tuple[str, str]]:
    rows = run(meeting([(SELLER, "Who else is involved?"), ("Ben", text)], asr=asr)).tables[
        "mentions"]
    return {(r["who"].lower(), r["role"]) for r in rows}


@pytest.mark.parametrize("text,who,role_", [
    ("I make the recommendation, it goes to finance and audit committee on the 29th.",
     "finance and audit committee", "economic"),
    ("Anything over ten thousand, Mark and I both sign.", "mark", "economic"),
    ("His nephew Dom has just started looking after our IT, and Frank listens to him.",
     "dom", "technical"),
])
def test_bodies_and_first_names_tied_to_the_decision(text, who, role_):
    assert (who, role_) in _mentions(text)


def test_a_month_before_and_i_sign_is_no_person():
    got = _mentions("The trustees approved it in March, and I sign.")
    assert not any(who == "march" for who, _ in got)


def test_a_name_set_off_after_the_role_phrase_names_it():
    got = _mentions("Between us, there's a new finance director on their side, Imogen Hale. "
                    "She asked me to look at onboarding.")
    assert ("imogen hale", "economic") in got
    assert ("finance director", "economic") not in got


def test_a_role_phrase_beside_a_named_person_is_that_person():
    got = _mentions("Frank signs everything, he's the owner.")
    assert ("frank", "economic") in got and ("owner", "economic") not in got


def test_a_body_beside_a_named_person_stays_a_second_influence():
    got = _mentions("The trustees approved it in March, and our chair, Eleanor, wants a "
                    "short report before she signs.")
    assert any("trustees" in who for who, _ in got)
    assert ("eleanor", "economic") in got


@pytest.mark.parametrize("text,who,asr", [
    ("carol yeah i mean she owns it she doesn't actually know we're looking at this yet",
     "carol", True),
    ("I suppose at some point it goes to the Pattersons, they own the business.",
     "pattersons", False),
    ("so id pick it and then it goes to sharon shes the new regional lead", "sharon", True),
])
def test_round7_owners_and_approval_paths_named_in_lower_case(text, who, asr):
    assert (who, "economic") in _mentions(text, asr=asr)


@pytest.mark.parametrize("text", [
    "Honestly it goes to show the old system was fine.",
    "We own the business outright, no investors.",
])
def test_round7_no_owner_or_approval_name_without_one(text):
    assert not any(role_ == "economic" for _, role_ in _mentions(text))
