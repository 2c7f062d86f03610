"""Red flags by intent (preference, inertia) and mentions in ASR text: positive and negative."""

from __future__ import annotations

import pytest

from test_influence import GOOD_CLOSE, SELLER, SOLID, flags, meeting, run


def _flags_with(line: str) -> set[str]:
    return flags(SOLID[:3] + [("Anna", line)] + GOOD_CLOSE)


@pytest.mark.parametrize("line", [
    "Zendesk already does that for us, to be fair.",
    "We're also very close with another provider on this.",
    "The integrator we work with is pitching their own dashboard, and our ops people like "
    "them because they already know our data.",
    "Their quote came in lower and the team liked their onboarding.",
    "we already have a proposal from brightline",
])
def test_competitor_preferred_by_intent(line):
    assert "competitor_preferred" in _flags_with(line)


@pytest.mark.parametrize("line", [
    "We compared a few tools last year.",
    "Your price is lower than I expected for a product like this.",  # no other party
    "Nobody is pitching anything to us right now.",
])
def test_competitor_not_raised_without_a_preferred_other(line):
    assert "competitor_preferred" not in _flags_with(line)


@pytest.mark.parametrize("line", [
    "To be honest we're pretty happy with what we have.",
    "I don't see any reason to switch this year.",
    "We'll probably just renew with our current provider.",
    "we could live with the current setup for a while",
])
def test_status_quo_by_intent(line):
    assert "status_quo" in _flags_with(line)


@pytest.mark.parametrize("line", [
    "We're not happy with what we have, it keeps breaking.",
    "We can't stay with the current system, it is end of life.",
])
def test_status_quo_not_raised_when_negated(line):
    assert "status_quo" not in _flags_with(line)


def _asr_mentions(text: str) -> set[tuple[str, str]]:
    rows = run(meeting([(SELLER, "who else is involved"), ("Ben", text)], asr=True)).tables[
        "mentions"]
    return {(r["who"], r["role"]) for r in rows}


@pytest.mark.parametrize("text,who,role", [
    ("Our CFO, Henrik, has to sign off on anything over 50k.", "henrik", "economic"),
    ("A tip: Camilla, our CEO, decides on anything customer facing.", "camilla", "economic"),
    ("I sign off after Karl in IT confirms the integration works.", "karl", "technical"),
    ("Our director of customer care, Paula Reyes, owns the budget.", "paula reyes", "economic"),
    ("Dave holds the budget for the line.", "dave", "economic"),
])
def test_asr_names_from_role_phrases(text, who, role):
    assert (who, role) in _asr_mentions(text)


@pytest.mark.parametrize("text,not_who", [
    ("You should ask our CEO about it tomorrow, she has to approve it.", "tomorrow"),
    ("I have a mandate from the board to fix this, they approve it.", "mandate"),
    ("We put money in it every year and it works.", "money"),
])
def test_asr_names_keep_precision(text, not_who):
    assert not any(not_who in who for who, _ in _asr_mentions(text))


def test_trouble_mode_is_a_notice_that_says_why():
    result = run(meeting([(SELLER, "How is it going?"),
                          ("Ben", "We keep losing orders, it's a nightmare and my team is "
                                  "drowning in backlog.")]))
    (finding,) = [f for f in result.findings if f.kind == "influence.mode_trouble"]
    assert finding.severity == "notice" and "address the pain" in finding.summary
    growth = run(meeting([(SELLER, "Plans?"), ("Ben", "We're expanding into three new "
                                                      "markets and doubling the team.")]))
    assert [f.severity for f in growth.findings if f.kind == "influence.mode_growth"] == [
        "positive"]
