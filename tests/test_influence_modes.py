"""Round 7: the calibrated response-mode decision (enough evidence, or ``unclear``)."""

from __future__ import annotations

from meetinglens.analysis import influence_roles as rl
from meetinglens.analysis.influence_roles import decide_mode, judge_mode, substantive_words
from meetinglens.model import Utterance


def _u(i: int, text: str) -> Utterance:
    return Utterance(i, "Ben", text, i * 10.0, i * 10.0 + 8)


def test_one_mild_pain_is_not_trouble():
    # a head-only trouble vote of 2.4 (p=0.6) is below MIN_TROUBLE_SCORE: unclear
    assert decide_mode({"trouble": 0.6 * rl.HEAD_WEIGHT}, 40) == "unclear"
    # the same mass for growth decides (only trouble needs more than one mild signal)
    assert decide_mode({"growth": 0.6 * rl.HEAD_WEIGHT}, 40) == "growth"


def test_repeated_pain_is_trouble():
    assert decide_mode({"trouble": rl.MIN_TROUBLE_SCORE + 1.0, "even_keel": 1.0}, 60) == "trouble"


def test_tie_is_unclear_and_no_evidence_is_unclear():
    assert decide_mode({"growth": 3.0, "trouble": 3.0}, 80) == "unclear"
    assert decide_mode({}, 80) == "unclear"


def test_logistics_buyer_with_one_head_vote_is_unclear():
    utts = [_u(0, "Sorry, that's the depot on my phone, I'll just take this."),
            _u(1, "Do you want a brew before you go?")]
    head = [{"trouble": 0.7, "growth": 0.1, "even_keel": 0.1, "overconfident": 0.1},
            {"trouble": 0.1, "growth": 0.1, "even_keel": 0.1, "overconfident": 0.1}]
    assert judge_mode("Ben", utts, head).label == "unclear"


def test_painful_buyer_is_trouble():
    utts = [_u(0, "We lost a big client in March because we couldn't find the inspection sheets."),
            _u(1, "And I'm doing the arrears list by hand every Sunday night, it's killing me.")]
    head = [{"trouble": 0.9, "growth": 0.03, "even_keel": 0.04, "overconfident": 0.03}] * 2
    assert judge_mode("Ben", utts, head).label == "trouble"


def test_substantive_words_skip_short_turns():
    utts = [_u(0, "Go on."), _u(1, "Sorry, the signal is terrible here, go on then please")]
    assert substantive_words(utts) == 10


def test_pain_short_of_trouble_still_counts_against_status_quo():
    from meetinglens.analysis.influence_flags import _some_pain
    from meetinglens.analysis.influence_roles import Judgement

    weak_pain = Judgement("Ben", "unclear", 0.0, {"trouble": 2.4, "even_keel": 1.0})
    assert decide_mode(weak_pain.scores, 60) == "unclear"
    assert _some_pain(weak_pain)
    assert not _some_pain(Judgement("Ben", "unclear", 0.0, {"trouble": 2.4, "even_keel": 2.4}))
    assert not _some_pain(Judgement("Ben", "unclear", 0.0, {"trouble": 1.0}))
