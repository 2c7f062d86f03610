"""The Python API: analyze a meeting, a transcript or a recording; batches survive bad files.

Plumbing tests inject fakes (a scripted audio pipeline, tiny analyzers); the end-to-end tests
at the bottom use the real importers and analyzers on the shipped samples.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

import meetinglens
from meetinglens import api
from meetinglens.analysis import registry
from meetinglens.errors import AnalysisError, InputError, MeetinglensError
from meetinglens.model import AnalyzerResult, Evidence, Finding, Meeting, ModelInfo, Speaker, Utterance

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def hand_meeting(id_: str = "hand", warnings=()) -> Meeting:
    utts = (
        Utterance(0, "Dana", "Thanks for joining. Our platform helps teams like yours.", 0.0, 6.0),
        Utterance(1, "Ben", "We lose two days a month reconciling invoices by hand.", 6.5, 12.0),
        Utterance(2, "Dana", "What happens when those two days slip?", 12.5, 15.0),
        Utterance(3, "Ben", "Our CFO gets the numbers late and the board asks why.", 15.5, 21.0),
    )
    return Meeting(id=id_, utterances=utts, source=f"{id_}.vtt",
                   speakers=(Speaker("Dana", side="seller", side_source="cli"),
                             Speaker("Ben", side="buyer", side_source="cli")),
                   metadata={"warnings": list(warnings)})


@pytest.fixture
def fake_analyzers(monkeypatch):
    """Two tiny analyzers: one that needs sides, one that says who spoke first."""
    first = types.ModuleType("fake_first")
    first.NAME, first.REQUIRES = "first", {"utterances"}

    def analyze_first(ctx):
        u = ctx.meeting.utterances[0]
        return AnalyzerResult("first", metrics={"speaker": u.speaker},
                              findings=(Finding("first.opener", f"{u.speaker} opened",
                                                speaker=u.speaker, evidence=(Evidence.of(u),)),))
    first.analyze = analyze_first
    words = types.ModuleType("fake_words")
    words.NAME, words.REQUIRES = "words", {"words"}
    words.analyze = lambda ctx: AnalyzerResult("words")
    monkeypatch.setitem(sys.modules, "fake_first", first)
    monkeypatch.setitem(sys.modules, "fake_words", words)
    monkeypatch.setattr(registry, "ANALYZERS", {"first": "fake_first", "words": "fake_words"})


class FakePipeline:
    """A scripted audio pipeline: 'transcribes' any file into a two-speaker meeting."""

    built = 0

    def __init__(self, options=None, on_progress=None):
        FakePipeline.built += 1
        self.options = options
        self.models = (ModelInfo("tiny.en", "/fake/tiny.en.pt", "test", "0" * 64),)
        self.runs: list[Path] = []

    def run(self, path, participants=()):
        self.runs.append(Path(path))
        self.names = tuple(participants)
        if Path(path).stat().st_size == 0:
            from meetinglens.errors import AudioDecodeError

            raise AudioDecodeError(path, "zero-length file", "check the recording")
        m = hand_meeting(Path(path).stem)
        mapping = {"Dana": "Speaker 1", "Ben": "Speaker 2"}
        return Meeting(id=m.id, source=str(path), source_format="audio",
                       speakers=(Speaker("Speaker 1"), Speaker("Speaker 2")),
                       utterances=tuple(Utterance(u.index, mapping[u.speaker], u.text, u.start, u.end)
                                        for u in m.utterances))


@pytest.fixture
def fake_audio(monkeypatch):
    FakePipeline.built = 0
    made = []

    def make(options=None, on_progress=None):
        made.append(FakePipeline(options, on_progress))
        return made[-1]

    monkeypatch.setattr(api, "make_pipeline", make)
    # Side inference is another module's job; here it only has to be called.
    monkeypatch.setattr(api, "_with_people", lambda m, p, s: m)
    return made


# ------------------------------------------------------------------ analyze a Meeting

def test_analyze_meeting_runs_analyzers_and_fills_report(fake_analyzers):
    report = meetinglens.analyze(hand_meeting(warnings=["Carl is only in the participants file"]))
    assert list(report.results) == ["first"]  # 'words' skipped: no word timings
    f = report.findings[0]
    assert f.kind == "first.opener" and f.side == "seller"  # runner filled the side
    assert report.warnings[0] == "Carl is only in the participants file"
    assert any("words analysis skipped" in w for w in report.warnings)
    assert report.tool_version == meetinglens.__version__
    assert report.created.endswith("+00:00")
    assert report.models == ()  # no language model was asked for


def test_analyze_selected_analyzers_and_unknown_name(fake_analyzers):
    assert list(meetinglens.analyze(hand_meeting(), analyzers=["first"]).results) == ["first"]
    with pytest.raises(AnalysisError, match="unknown analyzer"):
        meetinglens.analyze(hand_meeting(), analyzers=["nope"])


def test_progress_events_reach_the_hook(fake_analyzers):
    events = []
    meetinglens.analyze(hand_meeting(), on_progress=events.append)
    assert events and all(e.stage == "analyze" for e in events)


def test_models_record_language_models_used(monkeypatch):
    """An analyzer that embeds sentences puts MiniLM (with its hash) into report.models."""
    from meetinglens import nlp

    mod = types.ModuleType("fake_embed")
    mod.NAME, mod.REQUIRES = "embed", {"utterances"}

    def analyze(ctx):
        vectors = nlp.encode([u.text for u in ctx.meeting.utterances])
        return AnalyzerResult("embed", metrics={"dims": int(vectors.shape[1])})
    mod.analyze = analyze
    monkeypatch.setitem(sys.modules, "fake_embed", mod)
    monkeypatch.setattr(registry, "ANALYZERS", {"embed": "fake_embed"})
    report = meetinglens.analyze(hand_meeting())
    assert report.results["embed"].metrics["dims"] == 384
    [info] = report.models
    assert info.name == "all-MiniLM-L6-v2" and len(info.sha256) == 64


def test_real_talk_analyzer_on_hand_meeting():
    report = meetinglens.analyze(hand_meeting(), analyzers=["talk"])
    assert "talk" in report.results
    assert report.table("utterances").shape[0] == 4


# ------------------------------------------------------------------ inputs

def test_missing_path_and_folder_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file") as info:
        meetinglens.analyze(tmp_path / "nope.vtt")
    assert info.value.path == tmp_path / "nope.vtt"
    with pytest.raises(InputError, match="folder"):
        meetinglens.analyze(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        meetinglens.analyze(tmp_path / "nope.m4a")  # recordings too, before any model loads


def test_input_format_on_a_recording_is_refused(tmp_path, fake_audio):
    rec = tmp_path / "call.wav"
    rec.write_bytes(b"RIFF")
    with pytest.raises(InputError, match="input-format"):
        api.load_meeting(rec, input_format="vtt")


def test_recording_goes_through_pipeline_and_records_models(tmp_path, fake_audio, fake_analyzers):
    rec = tmp_path / "call one.m4a"
    rec.write_bytes(b"\x00" * 10)
    report = meetinglens.analyze(rec)
    assert report.meeting.source_format == "audio"
    assert [m.name for m in report.models] == ["tiny.en"]
    assert len(fake_audio) == 1 and fake_audio[0].runs == [rec]


# ------------------------------------------------------------------ batches

def test_analyze_many_survives_bad_files_and_loads_models_once(tmp_path, fake_audio, fake_analyzers):
    good1, good2, empty = tmp_path / "a.wav", tmp_path / "b.mp3", tmp_path / "c.ogg"
    good1.write_bytes(b"x")
    good2.write_bytes(b"x")
    empty.write_bytes(b"")
    paths = [good1, tmp_path / "missing.wav", empty, good2]
    results = list(api.analyze_many(paths))
    assert [p for p, _ in results] == paths  # input order
    kinds = [type(r).__name__ for _, r in results]
    assert kinds == ["Report", "InputError", "AudioDecodeError", "Report"]
    assert FakePipeline.built == 1  # one pipeline, models loaded once for the batch
    assert fake_audio[0].runs == [good1, empty, good2]


def test_analyze_many_is_stage_major_when_the_pipeline_can(tmp_path, monkeypatch, fake_analyzers):
    """With run_many, every recording is transcribed in one call before analysis starts."""
    calls = []

    class BatchPipeline(FakePipeline):
        def run_many(self, paths, participants=()):
            calls.append(list(paths))
            for p in paths:
                try:
                    yield p, self.run(p)
                except MeetinglensError as exc:
                    yield p, exc
    monkeypatch.setattr(api, "make_pipeline", lambda o=None, h=None: BatchPipeline(o, h))
    monkeypatch.setattr(api, "_with_people", lambda m, p, s: m)
    a, b, empty = tmp_path / "a.wav", tmp_path / "b.wav", tmp_path / "e.wav"
    for f, data in ((a, b"x"), (b, b"x"), (empty, b"")):
        f.write_bytes(data)
    results = dict(api.analyze_many([str(a), str(tmp_path / "gone.wav"), str(empty), str(b)]))
    assert calls == [[a, empty, b]]  # one batch call, bad paths left out
    assert type(results[str(empty)]).__name__ == "AudioDecodeError"
    assert type(results[str(tmp_path / "gone.wav")]).__name__ == "InputError"
    assert results[str(b)].meeting.id == "b"


def test_a_batch_wide_pipeline_failure_is_reported_per_file(tmp_path, monkeypatch):
    from meetinglens.errors import ModelNotFoundError

    class NoModel(FakePipeline):
        def run_many(self, paths, participants=()):
            raise ModelNotFoundError("tiny.en", ["$MEETINGLENS_WHISPER_MODEL (not set)"])
            yield  # pragma: no cover
    monkeypatch.setattr(api, "make_pipeline", lambda o=None, h=None: NoModel(o, h))
    a, b = tmp_path / "a.wav", tmp_path / "b.wav"
    a.write_bytes(b"x")
    b.write_bytes(b"x")
    results = list(api.analyze_many([a, b]))
    assert [type(r).__name__ for _, r in results] == ["ModelNotFoundError"] * 2


def test_analyze_many_turns_unexpected_exceptions_into_errors(tmp_path, fake_audio, monkeypatch):
    rec = tmp_path / "a.wav"
    rec.write_bytes(b"x")

    def boom(*a, **k):
        raise ZeroDivisionError("oops")
    monkeypatch.setattr(api, "analyze_meeting", boom)
    [(path, error)] = list(api.analyze_many([rec]))
    assert isinstance(error, MeetinglensError) and "bug" in str(error)
    assert isinstance(error.__cause__, ZeroDivisionError)


def test_analyze_many_participants_per_path(tmp_path, fake_audio, fake_analyzers, monkeypatch):
    seen = []
    monkeypatch.setattr(api, "_with_people", lambda m, p, s: seen.append((p, s)) or m)
    a, b = tmp_path / "a.wav", tmp_path / "b.wav"
    a.write_bytes(b"x")
    b.write_bytes(b"x")
    list(api.analyze_many([a, b], participants=lambda p: f"{Path(p).stem}.yaml", sellers=["Dana"]))
    assert seen == [("a.yaml", ("Dana",)), ("b.yaml", ("Dana",))]


def test_participant_names_reach_the_pipeline(tmp_path, fake_audio, fake_analyzers, monkeypatch):
    """Speaker naming from self-introductions gets the names in the participants file."""
    people = tmp_path / "call.participants.yaml"
    people.write_text("participants:\n  - {name: Dana Reyes, side: seller}\n"
                      "  - {name: Ben Okafor, side: buyer}\n", encoding="utf-8")
    rec = tmp_path / "call.wav"
    rec.write_bytes(b"x")
    list(api.analyze_many([rec], participants=people))
    assert fake_audio[0].names == ("Dana Reyes", "Ben Okafor")
    broken = tmp_path / "broken.yaml"
    broken.write_text("participants: [", encoding="utf-8")
    assert api.participant_names(broken) == ()  # its error comes when it is applied


def test_with_unique_id():
    taken: set[str] = set()
    r = meetinglens.analyze(hand_meeting("call"), analyzers=["talk"])
    ids = [api.with_unique_id(r, taken).meeting.id for _ in range(3)]
    assert ids == ["call", "call-2", "call-3"]


# ------------------------------------------------------------------ end to end (real modules)

def _sample(name: str) -> Path:
    pytest.importorskip("meetinglens.io")
    pytest.importorskip("meetinglens.sides")
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{path} not written yet")
    return path


def test_end_to_end_sample_with_participants():
    vtt = _sample("discovery-call.vtt")
    report = meetinglens.analyze(vtt, participants=SAMPLES / "discovery-call.participants.yaml")
    sides = {s.side for s in report.meeting.speakers}
    assert {"seller", "buyer"} <= sides
    assert "talk" in report.results
    speakers = report.table("talk.speakers")
    assert len(speakers) >= 2
    assert all(f.evidence for f in report.findings)


def test_end_to_end_sellers_option_sets_side_source():
    vtt = _sample("discovery-call.vtt")
    plain = meetinglens.load_meeting(vtt)
    name = plain.speakers[0].name
    m = meetinglens.load_meeting(vtt, sellers=[name])
    assert m.speaker(name).side == "seller" and m.speaker(name).side_source == "cli"


def test_report_lists_every_model_file_used_including_analyzer_heads():
    report = meetinglens.analyze(SAMPLES / "discovery-call.vtt",
                                 participants=SAMPLES / "discovery-call.participants.yaml")
    names = {m.name for m in report.models}
    assert {"question-head", "all-MiniLM-L6-v2"} <= names
    assert any(name.startswith("influence") for name in names)
    for result in report.results.values():
        assert set(result.models) <= set(report.models)
    assert all(m.sha256 for m in report.models if m.name.endswith("head"))
