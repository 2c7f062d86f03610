"""write_vtt: Teams-style voice tags that read back to the same meeting."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetinglens.io import load_meeting, write_vtt
from meetinglens.io import parse as parse_transcript
from meetinglens.model import Meeting, Speaker, Utterance

DATA = Path(__file__).parent / "data" / "transcripts"


def test_round_trip_through_vtt(tmp_path):
    original = parse_transcript(DATA / "script.vtt")  # text with <script> and quotes
    out = tmp_path / "again.vtt"
    out.write_text(write_vtt(original), encoding="utf-8")
    back = parse_transcript(out)
    assert [(u.speaker, u.text, u.start, u.end) for u in back.utterances] == \
        [(u.speaker, u.text, u.start, u.end) for u in original.utterances]


def test_voice_tags_escaping_and_times():
    m = Meeting(id="m", speakers=(Speaker("A <B>"), Speaker("Tom")), utterances=(
        Utterance(0, "A <B>", "x < y & z", 0.0, 1.5),
        Utterance(1, "Tom", "Ok --> fine", 3661.25, 3662.0)))
    text = write_vtt(m)
    assert text.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n")
    assert "<v A &lt;B&gt;>x &lt; y &amp; z</v>" in text
    assert "01:01:01.250 --> 01:01:02.000\n<v Tom>Ok --&gt; fine</v>" in text


def test_sample_round_trip(tmp_path):
    sample = Path(__file__).resolve().parents[1] / "samples" / "discovery-call.vtt"
    m = load_meeting(sample)
    out = tmp_path / "d.vtt"
    out.write_text(write_vtt(m), encoding="utf-8")
    assert parse_transcript(out).utterances == tuple(
        u.__class__(u.index, u.speaker, u.text, u.start, u.end, (), u.index)
        for u in m.utterances)


def test_untimed_meeting_cannot_be_written():
    m = parse_transcript(DATA / "untimed.txt")
    with pytest.raises(ValueError, match="untimed"):
        write_vtt(m)
