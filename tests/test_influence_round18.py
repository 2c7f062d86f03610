"""Round 18: the decider's deferral against a colleague's later offer (no next step), and an
economic buyer called absent only when nobody in the room may be them. The evidence head's
probabilities are given per utterance."""

from __future__ import annotations

from meetinglens.analysis.influence_flags import ECONOMIC_PRESENT_MIN, economic_absent, no_next_step
from meetinglens.analysis.influence_roles import Judgement
from meetinglens.model import Meeting, Speaker, Utterance

BUYERS = {"Mireille", "Harjit"}


def _meeting(lines: list[tuple[str, str]]) -> Meeting:
    utterances = tuple(Utterance(i, who, text, i * 10.0, i * 10.0 + 8)
                       for i, (who, text) in enumerate(lines))
    speakers = (Speaker("Anneke", side="seller", side_source="participants"),
                *(Speaker(n, side="buyer", side_source="participants") for n in sorted(BUYERS)))
    return Meeting("m", utterances, speakers)


OPENING = [("Anneke", "Thanks for making the time."),
           ("Mireille", "Sure. We run four language schools and Calgary opens in September."),
           ("Anneke", "How do you build the timetable today?"),
           ("Harjit", "I build it by hand every Friday, it takes me the whole afternoon.")]
PROPOSAL = ("Anneke", "So I'd suggest a two-week pilot in Vancouver from the fourteenth of "
                      "September, and a setup call with Harjit in late July. Could we put those "
                      "in?")
DEFERRAL = ("Mireille", "Let's not put anything in yet. Send the proposal through and I'll come "
                        "back to you when the summer peak is over.")
OFFER = ("Harjit", "I'd do the setup call, for what it's worth.")


def test_the_deciders_deferral_stands_against_a_colleagues_later_offer():
    meeting = _meeting(OPENING + [PROPOSAL, DEFERRAL, OFFER,
                                  ("Anneke", "Fair enough. Thanks both.")])
    head = {6: {"next_step": 0.95}}  # Harjit's offer reads as an agreed step to the head
    flag = no_next_step(meeting, BUYERS, head, deciders={"Mireille"})
    assert flag is not None and flag.evidence[0].text == DEFERRAL[1]
    assert flag.speaker == "Mireille" and "economic buyer" in flag.summary
    # Without knowing who decides, the colleague's later offer settles it, as before round 18.
    assert no_next_step(meeting, BUYERS, head) is None


def test_the_deciders_own_later_agreement_settles_the_step():
    agreed = ("Mireille", "Actually, let's book the setup call for the twenty-eighth of July.")
    meeting = _meeting(OPENING + [PROPOSAL, DEFERRAL, OFFER, agreed,
                                  ("Anneke", "Great, I'll send the invite.")])
    assert no_next_step(meeting, BUYERS, {}, deciders={"Mireille"}) is None


def _role(name: str, label: str, economic: float) -> Judgement:
    rest = (1.0 - economic) / 4
    scores = {r: rest for r in ("user", "technical", "coach", "unknown")} | {"economic": economic}
    return Judgement(name, label, max(scores.values()), scores, basis="model")


def test_no_economic_buyer_is_called_absent_while_one_may_be_in_the_room():
    meeting = _meeting(OPENING + [("Anneke", "Who else would look at this?"),
                                  ("Mireille", "Just us two, really.")])
    unlikely = {name: _role(name, "user", 0.05) for name in BUYERS}
    assert economic_absent(unlikely, [], meeting, BUYERS, {}) is not None
    maybe = dict(unlikely, Mireille=_role("Mireille", "user", ECONOMIC_PRESENT_MIN + 0.1))
    assert economic_absent(maybe, [], meeting, BUYERS, {}) is None
