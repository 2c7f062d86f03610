"""Each transcript format parses realistic files into the expected utterances."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetinglens.io import FORMATS, UNKNOWN_SPEAKER, detect_format, load_meeting, read_text
from meetinglens.io import parse as parse_transcript
from meetinglens.serialize import meeting_to_dict

DATA = Path(__file__).parent / "data" / "transcripts"


def test_zoom_vtt_names_multiline_tags_entities():
    m = parse_transcript(DATA / "zoom.vtt")
    assert m.source_format == "vtt" and m.id == "zoom"
    assert [s.name for s in m.speakers] == ["Anna Berg", "Tom Reyes"]
    assert len(m.utterances) == 6
    first = m.utterances[0]
    assert first.text == ("Thanks for taking the time today. The agenda: your current process, "
                          "then pricing & next steps.")
    assert (first.start, first.end, first.source_index) == (1.2, 5.9, 0)
    # <c.class>, <c> and <00:00:13.000> cue tags are markup, not speech
    assert m.utterances[2].text == "Our platform replaces that, let me show you the risk view."
    assert m.timed and m.duration == 27.0
    # cue 4 starts before cue 3 ends: overlap is kept and counted
    assert m.metadata["overlapping_cues"] == 1


def test_teams_vtt_voice_tags_ids_note_and_style_blocks():
    m = parse_transcript(DATA / "teams.vtt")
    assert [s.name for s in m.speakers] == ["Okafor, Daniel", "Marie-Hélène Dubois"]
    assert [u.source_index for u in m.utterances] == [0, 1, 2, 3]
    assert m.utterances[1].text == ("Yes. Before we start: does your gateway read Siemens S7 "
                                    "controllers?")
    assert m.utterances[2].text == "It does, over Profinet. R&D tested S7 300 and 1500 last year."
    assert m.utterances[3].speaker == "Marie-Hélène Dubois"  # <v.loud Name> has a class
    assert m.utterances[3].text == "Great — that was my main worry."
    assert m.utterances[0].start == 0.5 and m.utterances[3].end == 19.0


def test_srt_wrapped_lines_and_formatting_tags():
    m = parse_transcript(DATA / "call.srt")
    assert m.source_format == "srt"
    assert [u.speaker for u in m.utterances] == ["Greg W.", "Sofia Lindqvist"] * 2
    assert m.utterances[0].text == "Hi Sofia, thanks for joining. I'll jump right in."
    assert m.utterances[1].text == "Hi Greg."
    assert m.utterances[3].text == "What would it cost for nine hundred employees?"
    assert (m.utterances[3].start, m.utterances[3].end) == (18.9, 23.0)


def test_whisper_json_segments_and_words():
    m = parse_transcript(DATA / "whisper.json")
    assert m.source_format == "whisper-json" and m.language == "en"
    assert [u.text for u in m.utterances] == ["Thanks for joining.", "How much does it cost?"]
    assert {u.speaker for u in m.utterances} == {UNKNOWN_SPEAKER}
    words = m.utterances[0].words
    assert [w.text for w in words] == ["Thanks", "for", "joining."]
    assert words[0].probability == pytest.approx(0.93)
    assert m.utterances[1].words == ()
    assert any("no cue names a speaker" in w for w in m.metadata["warnings"])


def test_whisperx_json_speakers_and_untimed_words():
    m = parse_transcript(DATA / "whisperx.json")
    assert [s.name for s in m.speakers] == ["SPEAKER_00", "SPEAKER_01"]
    assert len(m.utterances[0].words) == 4
    # a word without times: the segment keeps its text, not broken word timings
    assert m.utterances[1].words == () and m.utterances[1].text == "Happy to be here, 2024 was rough."


def test_meetinglens_json_meeting_and_report(tmp_path):
    original = load_meeting(DATA / "zoom.vtt")
    meeting_file = tmp_path / "call.json"
    meeting_file.write_text(json.dumps(meeting_to_dict(original)), encoding="utf-8")
    back = parse_transcript(meeting_file)
    assert back.source_format == "meetinglens-json"
    assert back.utterances == original.utterances and back.speakers == original.speakers
    assert back.metadata["original_source"] == str(DATA / "zoom.vtt")
    report_file = tmp_path / "report.json"
    report_file.write_text(json.dumps({"schema_version": "1.0", "results": {},
                                       "meeting": meeting_to_dict(original)}), encoding="utf-8")
    assert parse_transcript(report_file).utterances == original.utterances


def test_text_timed_lines_end_at_next_start():
    m = parse_transcript(DATA / "timed.txt")
    assert m.source_format == "text"
    assert [(u.start, u.end) for u in m.utterances[:3]] == [(3, 9), (9, 14), (14, 18)]
    last = m.utterances[3]
    assert last.start == 18 and last.end == pytest.approx(18 + 9 / 2.5)  # 9 words at 2.5 w/s
    assert [u.source_index for u in m.utterances] == [0, 1, 2, 3]


def test_text_untimed_continuation_lines_and_blank_lines():
    m = parse_transcript(DATA / "untimed.txt")
    assert not m.timed and m.duration is None
    assert all(u.start is None and u.end is None for u in m.utterances)
    assert [u.speaker for u in m.utterances] == ["Lena Hoffmann", "Karen Liu", "Karen Liu",
                                                 "Lena Hoffmann"]
    assert [u.source_index for u in m.utterances] == [0, 1, 2, 4]  # line numbers, blank skipped
    assert any("without a 'Name:' prefix" in w for w in m.metadata["warnings"])


def test_text_header_and_unstamped_line_interpolated():
    m = parse_transcript(DATA / "mixed-stamps.txt")
    assert m.metadata["header"] == ["Brightwater / Sensora commercial review, 14 May"]
    karen, continued, lena, mike = m.utterances
    assert karen.start == 60 and continued.end == 80  # the two Karen lines share 60..80
    assert karen.end == continued.start
    words = len(karen.text.split()), len(continued.text.split())
    assert karen.end == pytest.approx(60 + 20 * words[0] / sum(words))
    assert (lena.start, lena.end, mike.start) == (80, 90, 90)
    assert any("placed between their neighbours" in w for w in m.metadata["warnings"])


def test_text_mostly_unstamped_drops_timing_with_warning(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("[00:00:01] Anna: Hello.\nTom: Hi.\nAnna: So.\nTom: Yes.\n", encoding="utf-8")
    m = parse_transcript(f)
    assert not m.timed
    assert any("timing was dropped" in w for w in m.metadata["warnings"])


@pytest.mark.parametrize("line, start, speaker, text", [
    ("[00:01:02] Anna Berg: Hi there", 62, "Anna Berg", "Hi there"),
    ("00:01:02 Anna Berg: Hi there", 62, "Anna Berg", "Hi there"),
    ("(1:02) Anna: Hi", 62, "Anna", "Hi"),
    ("[01:02:03.5] | Anna: Hi", 3723.5, "Anna", "Hi"),
    ("[75:30] Anna: Hi", 4530, "Anna", "Hi"),
])
def test_text_timestamp_shapes(tmp_path, line, start, speaker, text):
    f = tmp_path / "t.txt"
    f.write_text(line + "\n", encoding="utf-8")
    u = parse_transcript(f).utterances[0]
    assert (u.start, u.speaker, u.text) == (start, speaker, text)


def test_sentence_with_colon_is_not_a_speaker(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("Anna: Hello.\nSo the question is: how much?\nNext steps: a pilot.\n",
                 encoding="utf-8")
    m = parse_transcript(f)
    assert [s.name for s in m.speakers] == ["Anna"]
    assert m.utterances[1].text == "So the question is: how much?"


@pytest.mark.parametrize("name, fmt", [
    ("zoom.vtt", "vtt"), ("teams.vtt", "vtt"), ("call.srt", "srt"),
    ("whisper.json", "whisper-json"), ("whisperx.json", "whisper-json"),
    ("timed.txt", "text"), ("untimed.txt", "text"), ("mixed-stamps.txt", "text"),
])
def test_detect_format(name, fmt):
    path = DATA / name
    assert detect_format(path, read_text(path)) == fmt


def test_content_beats_extension(tmp_path):
    f = tmp_path / "export.txt"
    f.write_text((DATA / "call.srt").read_text(encoding="utf-8"), encoding="utf-8")
    assert parse_transcript(f).source_format == "srt"


def test_input_format_overrides_detection(tmp_path):
    f = tmp_path / "weird.dat"
    f.write_text("Anna: hello\nTom: hi\n", encoding="utf-8")
    assert parse_transcript(f, input_format="text").source_format == "text"
    assert set(FORMATS) == {"vtt", "srt", "whisper-json", "meetinglens-json", "text"}


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                           ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("utf-16-le", b"")])
def test_encodings(tmp_path, encoding, bom):
    text = (DATA / "teams.vtt").read_text(encoding="utf-8").replace("\n", "\r\n")
    f = tmp_path / "teams.vtt"
    f.write_bytes(bom + text.encode(encoding))
    m = parse_transcript(f)
    assert m.speakers[1].name == "Marie-Hélène Dubois" and len(m.utterances) == 4


def test_non_ascii_file_name_with_spaces():
    path = DATA / "Kick-off call – Müller & Søn.vtt"
    m = load_meeting(path)
    assert m.id == "kick-off-call-muller-son"
    assert m.source == str(path) and m.title == "Kick-off call – Müller & Søn"
    assert [s.name for s in m.speakers] == ["Jürgen Müller", "Åsa Søn"]


def test_html_in_spoken_text_is_kept_verbatim():
    m = parse_transcript(DATA / "script.vtt")
    assert m.utterances[0].text == ("The field showed <script>alert('x')</script> and bold text.")
    assert m.utterances[1].text == "<script>alert(1)</script> is what I typed into the chat."


def test_every_sample_loads_with_its_participants():
    samples = Path(__file__).resolve().parents[1] / "samples"
    found = sorted(p for p in samples.iterdir() if p.suffix in {".vtt", ".srt", ".txt"})
    assert len(found) >= 3 and {p.suffix for p in found} >= {".vtt", ".srt", ".txt"}
    for path in found:
        m = load_meeting(path, participants=path.with_suffix(".participants.yaml"))
        assert 60 <= len(m.utterances) <= 150, path.name
        assert 600 <= m.duration <= 1200, path.name
        assert {s.side for s in m.speakers} == {"seller", "buyer"}, path.name


def test_dropped_timing_keeps_leading_numbers_in_text(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("Anna: When can we meet?\nTom: Thursday.\n10:30 works for us.\nAnna: Great.\n",
                 encoding="utf-8")
    m = parse_transcript(f)
    assert not m.timed
    assert m.utterances[2].text == "10:30 works for us." and m.utterances[2].speaker == "Tom"
