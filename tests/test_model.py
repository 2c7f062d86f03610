"""The data model checks itself on construction, and derives turns correctly."""

from __future__ import annotations

import math

import pytest

from meetinglens.model import (
    Evidence,
    Finding,
    Meeting,
    Report,
    Speaker,
    Utterance,
    Word,
)


def _meeting(utterances, speakers=("Anna", "Ben")):
    return Meeting(id="m", utterances=tuple(utterances),
                   speakers=tuple(Speaker(n) for n in speakers))


# ------------------------------------------------------------------ times

@pytest.mark.parametrize("start,end", [(2.0, 1.0), (-1.0, 1.0), (0.0, math.inf), (math.nan, 1.0)])
def test_word_rejects_bad_times(start, end):
    with pytest.raises(ValueError):
        Word("hi", start, end)


def test_utterance_needs_both_times_or_none():
    with pytest.raises(ValueError, match="both"):
        Utterance(0, "Anna", "hi", start=1.0)
    u = Utterance(0, "Anna", "hi there you", start=1.0, end=2.5)
    assert u.timed and u.duration == 1.5 and u.word_count == 3
    untimed = Utterance(0, "Anna", "hi")
    assert not untimed.timed and untimed.duration is None


def test_word_count_prefers_asr_words():
    u = Utterance(0, "Anna", "gonna", 0.0, 1.0, words=(Word("going", 0, .5), Word("to", .5, 1)))
    assert u.word_count == 2


def test_evidence_of_points_at_utterance():
    u = Utterance(3, "Ben", "What does it cost?", 10.0, 12.0)
    e = Evidence.of(u)
    assert (e.speaker, e.quote, e.start, e.end, e.utterance) == ("Ben", u.text, 10.0, 12.0, 3)
    assert Evidence.of(u, quote="cost").quote == "cost"
    with pytest.raises(ValueError):
        Evidence("Ben", "x", start=5.0, end=4.0)


# ------------------------------------------------------------------ speakers & meeting

def test_speaker_validation():
    with pytest.raises(ValueError, match="empty"):
        Speaker("  ")
    with pytest.raises(ValueError, match="side"):
        Speaker("Anna", side="customer")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="side_source"):
        Speaker("Anna", side_source="guess")
    assert Speaker("Anna", side="seller", side_source="cli").side == "seller"


def test_meeting_rejects_duplicates_unknown_speakers_and_bad_indexes():
    with pytest.raises(ValueError, match="duplicate"):
        _meeting([], speakers=("Anna", "Anna"))
    with pytest.raises(ValueError, match="not in speakers"):
        _meeting([Utterance(0, "Carl", "hi")])
    with pytest.raises(ValueError, match="index"):
        _meeting([Utterance(1, "Anna", "hi")])


def test_meeting_rejects_mixed_timing_and_negative_duration():
    with pytest.raises(ValueError, match="every utterance"):
        _meeting([Utterance(0, "Anna", "hi", 0.0, 1.0), Utterance(1, "Ben", "yo")])
    with pytest.raises(ValueError, match="negative"):
        Meeting(id="m", utterances=(), speakers=(), duration=-1.0)


def test_meeting_lookups_and_span():
    m = Meeting(id="m", speakers=(Speaker("Anna", side="seller"), Speaker("Ben", side="buyer")),
                utterances=(Utterance(0, "Anna", "hi", 2.0, 3.0), Utterance(1, "Ben", "yo", 3.5, 9.0)))
    assert m.timed and m.span == (2.0, 9.0)
    assert m.side_of("Ben") == "buyer" and m.speaker("Anna").side == "seller"
    assert not _meeting([Utterance(0, "Anna", "hi")]).timed
    assert _meeting([]).span is None


# ------------------------------------------------------------------ turns

def test_turns_group_consecutive_utterances():
    m = _meeting([
        Utterance(0, "Anna", "one two", 0.0, 1.0),
        Utterance(1, "Anna", "three", 1.2, 2.0),
        Utterance(2, "Ben", "four five six", 2.5, 4.0),
        Utterance(3, "Anna", "seven", 4.0, 5.0),
    ])
    turns = m.turns
    assert [t.speaker for t in turns] == ["Anna", "Ben", "Anna"]
    assert turns[0].utterances == (0, 1) and turns[0].word_count == 3
    assert (turns[0].start, turns[0].end) == (0.0, 2.0)
    assert turns[1].utterances == (2,) and turns[1].word_count == 3
    assert turns[2].utterances == (3,)


def test_turns_untimed_and_empty():
    m = _meeting([Utterance(0, "Anna", "a b"), Utterance(1, "Ben", "c"), Utterance(2, "Ben", "d e")])
    assert [(t.speaker, t.start, t.word_count) for t in m.turns] == [("Anna", None, 2), ("Ben", None, 3)]
    assert _meeting([]).turns == ()


# ------------------------------------------------------------------ findings & report

def test_finding_validation():
    with pytest.raises(ValueError, match="severity"):
        Finding("talk.x", "s", severity="fatal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="role"):
        Finding("talk.x", "s", role="champion")
    with pytest.raises(ValueError, match="confidence"):
        Finding("talk.x", "s", confidence=1.5)
    assert Finding("talk.x", "s", role="coach", confidence=0.5).role == "coach"


def test_finding_keeps_each_quote_once_in_order():
    a = Evidence("Anna", "We count by hand.", 1.0, 2.0, 3)
    b = Evidence("Anna", "It takes a day.", 4.0, 5.0, 4)
    same_words_elsewhere = Evidence("Anna", "We count by hand.", 9.0, 10.0, 8)
    f = Finding("talk.x", "s", evidence=(a, b, a, same_words_elsewhere))
    assert f.evidence == (a, b, same_words_elsewhere)


def test_report_findings_in_analyzer_order():
    from meetinglens.model import AnalyzerResult

    m = _meeting([])
    r = Report(meeting=m, results={
        "b": AnalyzerResult("b", findings=(Finding("b.one", "1"),)),
        "a": AnalyzerResult("a", findings=(Finding("a.two", "2"), Finding("a.three", "3"))),
    })
    assert [f.kind for f in r.findings] == ["b.one", "a.two", "a.three"]
