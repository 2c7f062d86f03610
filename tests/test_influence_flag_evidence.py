"""Evidence of a flag raised by absence: where the topic came up, buyers' words first."""

from __future__ import annotations

from test_influence import GOOD_CLOSE, SELLER, meeting, run


def _budget_quotes(lines) -> list[str]:
    rows = run(meeting(lines)).tables["red_flags"]
    return [r["quote"] for r in rows if r["flag"] == "budget_unknown"]


def test_budget_unknown_quotes_the_buyer_who_asked_not_the_sellers_pitch():
    quotes = _budget_quotes([
        (SELLER, "You decide which managers see which data, down to the cost centre."),
        (SELLER, "And the rollout runs in twelve weeks with a dedicated manager."),
        ("Anna", "Sorry, I have to drop soon. What would this cost us?"),
        (SELLER, "I'll send you a quote.")] + GOOD_CLOSE)
    assert quotes == ["Sorry, I have to drop soon. What would this cost us?"]


def test_a_cost_centre_is_not_the_budget_topic():
    quotes = _budget_quotes([
        (SELLER, "Every report can be split by cost centre."),
        ("Anna", "Good, finance will like that.")] + GOOD_CLOSE)
    assert quotes and "cost centre" not in quotes[0]
