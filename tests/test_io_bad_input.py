"""Every bad input from the issue gives a clear error (what, which file, what to do) or the
documented fallback, never a traceback or a silently empty meeting."""

from __future__ import annotations

import pytest

from pathlib import Path

from meetinglens.errors import InputError, TranscriptFormatError
from meetinglens.io import UNKNOWN_SPEAKER, load_meeting

DATA = Path(__file__).parent / "data" / "transcripts"


def _error(path, **kw) -> InputError:
    with pytest.raises(InputError) as info:
        load_meeting(path, **kw)
    err = info.value
    assert err.path is not None and str(err.path) in str(err)  # which file
    assert err.hint, "an error must say what to do"
    return err


def test_missing_path(tmp_path):
    err = _error(tmp_path / "nope.vtt")
    assert type(err) is InputError and "no such file" in str(err)


def test_directory(tmp_path):
    err = _error(tmp_path)
    assert "is a directory" in str(err)


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n   \n"])
def test_empty(tmp_path, content):
    f = tmp_path / "empty.vtt"
    f.write_bytes(content)
    err = _error(f)
    assert isinstance(err, TranscriptFormatError) and "empty" in str(err)


def test_blank_fixture_is_empty():
    assert "empty" in str(_error(DATA / "blank.vtt"))


def test_binary(tmp_path):
    f = tmp_path / "recording.vtt"
    f.write_bytes(b"RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x02\x00" + bytes(300))
    err = _error(f)
    assert isinstance(err, TranscriptFormatError) and "binary" in str(err)


def test_not_utf8(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Jürgen: Grüß Gott".encode("latin-1"))
    err = _error(f)
    assert "not UTF-8" in str(err) and "save the file as UTF-8" in str(err)


def test_unknown_format():
    err = _error(DATA / "numbers.csv")
    assert "unknown transcript format" in str(err) and "--input-format" in str(err)


def test_ambiguous_format():
    err = _error(DATA / "ambiguous.txt")
    assert "ambiguous" in str(err) and "--input-format" in str(err)


def test_unknown_input_format_name():
    err = _error(DATA / "zoom.vtt", input_format="docx")
    assert "unknown input format 'docx'" in str(err)


@pytest.mark.parametrize("content, what", [
    ('{"segments": [{"start": 0, "text": "hi"}]}', "needs 'start', 'end' and 'text'"),
    ('{"hello": 1}', "neither whisper output"),
    ('{"segments": [', "not valid JSON"),
    ('{"segments": []}', "no segments"),
])
def test_bad_json(tmp_path, content, what):
    f = tmp_path / "x.json"
    f.write_text(content, encoding="utf-8")
    assert what in str(_error(f))


def test_vtt_without_header_named_as_vtt(tmp_path):
    f = tmp_path / "x.vtt"
    f.write_text("WEBVT\n\n00:00:01.000 --> 00:00:02.000\nAnna: hi\n", encoding="utf-8")
    assert "ambiguous" in str(_error(f))
    assert "first line is not 'WEBVTT'" in str(_error(f, input_format="vtt"))


def test_unreadable_timing(tmp_path):
    f = tmp_path / "x.vtt"
    f.write_text("WEBVTT\n\n1\n00:00:01.000 --> soon\nAnna: hi\n", encoding="utf-8")
    err = _error(f)
    assert "cue 1 (line 4)" in str(err) and "cannot read the timing" in str(err)


def test_end_before_start_names_the_cue():
    err = _error(DATA / "end-before-start.vtt")
    assert "cue 2 (line 8)" in str(err) and "is before start 00:09" in str(err)


def test_out_of_order_sorted_overlap_kept():
    m = load_meeting(DATA / "out-of-order.srt")
    assert [u.text for u in m.utterances] == ["First thing said.", "Overlapping reply.",
                                              "Second thing said."]
    assert [u.source_index for u in m.utterances] == [1, 2, 0]
    assert [u.index for u in m.utterances] == [0, 1, 2]
    assert m.metadata["overlapping_cues"] == 1
    assert any("out of time order" in w for w in m.metadata["warnings"])


def test_in_order_file_has_no_order_warning():
    m = load_meeting(DATA / "call.srt")
    assert not any("out of time order" in w for w in m.metadata.get("warnings", ()))


def test_no_speaker_names_fallback():
    m = load_meeting(DATA / "no-names.vtt")
    assert [s.name for s in m.speakers] == [UNKNOWN_SPEAKER]
    assert m.speakers[0].side == "unknown"  # never inferred for the placeholder
    assert len(m.utterances) == 2
    assert any("no cue names a speaker" in w for w in m.metadata["warnings"])


def test_cue_without_text_skipped_with_warning(tmp_path):
    f = tmp_path / "x.vtt"
    f.write_text("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnna: hi\n\n"
                 "2\n00:00:02.000 --> 00:00:03.000\n<c></c>\n", encoding="utf-8")
    m = load_meeting(f)
    assert len(m.utterances) == 1
    assert any("without any text" in w for w in m.metadata["warnings"])


def test_only_empty_cues_is_an_error(tmp_path):
    f = tmp_path / "x.vtt"
    f.write_text("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<c></c>\n", encoding="utf-8")
    assert "no spoken text" in str(_error(f))


def test_header_only_vtt(tmp_path):
    f = tmp_path / "x.vtt"
    f.write_text("WEBVTT\n\nNOTE nothing here\n", encoding="utf-8")
    assert "without any cue" in str(_error(f))


def test_blank_lines_before_webvtt_header_are_tolerated(tmp_path):
    f = tmp_path / "x.vtt"
    f.write_text("\n\nWEBVTT\n\n1\n00:00:01.000 --> 00:00:00.500\nAnna: hi\n", encoding="utf-8")
    assert "cue 1 (line 6)" in str(_error(f))  # line numbers still count the blank lines
