"""Round 9: growth said as a plan (response modes) and names beside role phrases (mentions)."""

from __future__ import annotations

from meetinglens.analysis.influence_dataset import asr_text
from meetinglens.analysis.influence_mentions import absent_influences, find_mentions
from meetinglens.analysis.influence_roles import _mode_cue_tally, judge_mode
from meetinglens.model import Meeting, Speaker, Utterance

SELLER = "Sam Seller"


def _u(i: int, text: str, who: str = "Ben") -> Utterance:
    return Utterance(i, who, text, i * 10.0, i * 10.0 + 8)


def _meeting(lines: list[tuple[str, str]], asr: bool = False) -> Meeting:
    buyers = {n for n, _ in lines if n != SELLER}
    speakers = (Speaker(SELLER, side="seller", side_source="participants"),
                *(Speaker(n, side="buyer", side_source="participants") for n in sorted(buyers)))
    utts = tuple(_u(i, asr_text(t) if asr else t, who) for i, (who, t) in enumerate(lines))
    return Meeting("m", utts, speakers)


def _absent(lines, asr: bool = False) -> set[tuple[str, str]]:
    m = _meeting(lines, asr)
    buyers = [s for s in m.speakers if s.side == "buyer"]
    return {(x.who.lower(), x.role) for x in absent_influences(find_mentions(m, buyers))}


# ---------------------------------------------------------------- growth said as a plan

GROWTH_WITH_PAIN = [
    "Last year we wrote off about a hundred and ninety thousand in linen. It's a problem.",
    "Up. Partly because we've grown. We picked up the Kingsway hotel group in the autumn, "
    "that's eleven sites.",
    "If we win Walsall Manor I want to bid for Dudley as well, so it has to scale.",
]


def test_expansion_plans_outweigh_a_pain_mentioned_on_the_way():
    utts = [_u(i, t) for i, t in enumerate(GROWTH_WITH_PAIN)]
    tally = _mode_cue_tally(utts)
    assert tally.scores["growth"] > tally.scores.get("trouble", 0.0)
    assert judge_mode("Ben", utts).label == "growth"


def test_expansion_cues_match_asr_text():
    utts = [_u(0, asr_text("Yeah, so we got the Network Rail ballast contract from September, "
                           "that's another eighty loads a day.")),
            _u(1, asr_text("We're hiring two more drivers for it already."))]
    assert _mode_cue_tally(utts).scores.get("growth", 0.0) >= 4.0


def test_a_lost_contract_or_no_plan_is_not_growth():
    utts = [_u(0, "We didn't win the contract in the end, they went with someone local."),
            _u(1, "Honestly the invoices are a nightmare, we're drowning in errors every week."),
            _u(2, "And the backlog is killing us, people are working weekends to keep up.")]
    assert "growth" not in _mode_cue_tally(utts).scores
    assert judge_mode("Ben", utts).label == "trouble"


# ---------------------------------------------------------------- names beside role phrases

def test_name_set_off_after_a_newcomer_phrase_is_the_mention():
    found = _absent([(SELLER, "Anyone else?"),
                     ("Ben", "We've got a new head of quality and compliance starting in April, "
                             "Fiona Marsh. Anything on hospital linen goes past her before "
                             "it's signed.")])
    assert ("fiona marsh", "technical") in found


def test_role_said_in_another_turn_names_the_person():
    lines = [("Ben", "about nine thousand households, margaret wants fifteen by next year"),
             (SELLER, "and is that margaret your chief exec"),
             ("Ben", "yeah margaret dunmore chief exec")]
    assert ("margaret", "economic") in _absent(lines, asr=True)


def test_board_member_and_acquirer_are_named_mentions():
    found = _absent([(SELLER, "Who signs?"),
                     ("Ben", "We took money from Greystone, and Colm Byrne from their side sits "
                             "on our board now. Multi-year contracts need his approval.")])
    assert any(who.endswith("byrne") and role == "economic" for who, role in found)
    found = _absent([(SELLER, "What changed?"),
                     ("Ben", "so brennan bought us in october and the invoicing moves to leeds")],
                    asr=True)
    assert ("brennan", "economic") in found


def test_unnamed_or_untied_people_are_not_named_mentions():
    # a driver who signs a ticket is no person's name; "they bought us" names nobody
    found = _absent([(SELLER, "How does it work?"),
                     ("Ben", "ticket prints, driver signs it off, he goes"),
                     ("Ben", "they bought us last year but nothing changed for us")], asr=True)
    assert not any(who in {"driver", "they"} for who, _ in found)
    # a first name with no role anywhere in the meeting keeps no role and is not absent
    assert _absent([(SELLER, "Hi"), ("Ben", "Margaret wants fifteen by next year.")]) == set()


# ---------------------------------------------------------------- overconfident as certainty

def test_certainty_that_nothing_is_wrong_is_overconfident():
    utts = [_u(0, "It's not the bridge though. The weights are right, the weights are always "
                  "right, it's when the office puts the wrong price against it."),
            _u(1, "We don't get them wrong. I've been on that bridge eleven years, I know every "
                  "driver by his reg.")]
    assert judge_mode("Ben", utts).label == "overconfident"


def test_content_without_certainty_stays_even_keel():
    utts = [_u(0, "Honestly the paper job sheets are fine, we're pretty happy with how it is."),
            _u(1, "It works fine for us, no rush on our side.")]
    assert "overconfident" not in _mode_cue_tally(utts).scores
    assert judge_mode("Ben", utts).label == "even_keel"
