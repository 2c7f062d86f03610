"""Round 8: said red flags stay precise in long meetings (influence_flaggate)."""

from __future__ import annotations

from meetinglens.analysis import influence_flaggate as gate
from meetinglens.analysis.influence_flags import red_flags
from meetinglens.model import Meeting, Speaker, Utterance

FILLER_SELLER = "Can you tell me a bit more about how that works on your side?"
FILLER_BUYER = "Sure, the team logs each job on the tablet and I check them at the end of the day."


def _utt(i: int, text: str) -> Utterance:
    return Utterance(i, "Ben" if i % 2 else "Sam", text, i * 10.0, i * 10.0 + 8)


def _meeting(buyer_lines: list[str], filler_pairs: int = 0) -> Meeting:
    texts = []
    for line in buyer_lines:
        texts += [FILLER_SELLER, line]
    texts += [FILLER_SELLER, FILLER_BUYER] * filler_pairs
    utts = tuple(_utt(i, t) for i, t in enumerate(texts))
    return Meeting("m", utts, (Speaker("Sam", side="seller", side_source="participants"),
                               Speaker("Ben", side="buyer", side_source="participants")))


def _head(meeting: Meeting, kind: str, probs: dict[int, float]) -> dict:
    """Fake head scores: ``probs`` per buyer line number (0-based), 0.0 elsewhere."""
    out = {}
    for u in meeting.utterances:
        if u.speaker == "Ben":
            out[u.index] = {kind: probs.get(u.index // 2, 0.0)}
    return out


def _kinds(meeting: Meeting, cues=None) -> set[str]:
    return {f.kind for f in red_flags(meeting, {"Ben"}, {}, {}, [], cues)}


def test_dismissed_competitor_is_not_a_preference():
    line = ("And we looked at TrackWise last year. Their demo was nice but they only covered "
            "the big carriers, and they wanted a three year commitment.")
    assert gate.dismissed(_utt(1, line))
    m = _meeting([line])
    assert "competitor_preferred" not in _kinds(m, _head(m, "competitor_preferred", {0: 0.99}))


def test_stated_preference_still_raises_the_flag():
    line = "Honestly we're leaning towards the other vendor, they know our business."
    assert not gate.dismissed(_utt(1, line)) and not gate.accepts(_utt(1, line))
    assert "competitor_preferred" in _kinds(_meeting([line]))


def test_acceptance_of_terms_is_not_status_quo():
    for line in ("Okay. That's in a range we can work with, especially against the write-offs.",
                 "It would help a lot. Include the sensors in the subscription if you can.",
                 "Maybe. We're still at an early stage, to be honest.", "Agreed."):
        assert gate.accepts(_utt(1, line)), line
    assert not gate.accepts(_utt(1, "Honestly what we have works, I don't see a reason to "
                                       "change it."))
    m = _meeting(["Okay. That's in a range we can work with."])
    assert "status_quo" not in _kinds(m, _head(m, "status_quo", {0: 0.99}))


def test_company_size_is_not_a_reorganization_but_a_merger_is():
    size = "We have about nine hundred employees across two countries."
    assert not gate.anchored(_utt(1, size), "reorganization")
    m = _meeting([size])
    assert "reorganization" not in _kinds(m, _head(m, "reorganization", {0: 0.95}))
    news = "Since the group took a stake, finance reports into their people in Leeds."
    assert gate.anchored(_utt(1, news), "reorganization")
    m = _meeting([news])
    assert "reorganization" in _kinds(m, _head(m, "reorganization", {0: 0.95}))


def test_bar_rises_with_meeting_length():
    assert gate.head_bar(0.7, 5) == 0.7
    assert gate.head_bar(0.7, gate.REFERENCE_BUYER_UTTERANCES) == 0.7
    assert 0.9 < gate.head_bar(0.7, 50) <= gate.MAX_BAR
    assert gate.head_bar(0.7, 10_000) == gate.MAX_BAR


def test_one_head_reading_raises_a_flag_in_a_short_meeting_not_a_long_one():
    line = "The people upstairs have mostly made up their minds about the other lot."
    short = _meeting([line])
    assert "competitor_preferred" in _kinds(short, _head(short, "competitor_preferred", {0: 0.8}))
    long = _meeting([line], filler_pairs=60)
    assert "competitor_preferred" not in _kinds(long, _head(long, "competitor_preferred",
                                                            {0: 0.8}))


def test_two_readings_under_the_bar_raise_no_flag_in_a_long_meeting():
    """Round 23: the "two weak readings" support rule raised more false flags than it found
    (judged forward on 108 earlier blind meetings); only a reading over the bar counts."""
    lines = ["The people upstairs have mostly made up their minds about the other lot.",
             "The board keeps mentioning the other firm's proposal as the one to beat."]
    m = _meeting(lines, filler_pairs=60)
    bar = gate.head_bar(0.7, 62)
    assert 0.92 < bar < 0.99
    assert "competitor_preferred" not in _kinds(m, _head(m, "competitor_preferred",
                                                         {0: 0.92, 1: 0.9}))
    assert "competitor_preferred" in _kinds(m, _head(m, "competitor_preferred",
                                                     {0: 0.99, 1: 0.9}))
    assert not gate.head_supported([0.92, 0.9], 0.7, 62)
