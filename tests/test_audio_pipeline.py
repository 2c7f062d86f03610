"""The real pipeline with injected fakes: a scripted transcriber and an RTTM-reading diarizer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

av = pytest.importorskip("av")

from meetinglens.audio.attribute import attribute_words, overlap_seconds, utterances  # noqa: E402
from meetinglens.audio.decode import DecodedAudio  # noqa: E402
from meetinglens.audio.diarize import SpeakerTurn  # noqa: E402
from meetinglens.audio.options import AudioOptions  # noqa: E402
from meetinglens.audio.pipeline import AudioPipeline  # noqa: E402
from meetinglens.audio.transcribe import Segment, Transcript  # noqa: E402
from meetinglens.errors import AudioDecodeError  # noqa: E402
from meetinglens.model import ModelInfo, Word  # noqa: E402

SCRIPT = [  # (start, end, rttm speaker, words)
    (0.5, 2.5, "seller", "Hi, I'm Anna from Flowlytics."),
    (2.7, 3.1, "buyer", "Hi."),
    (3.2, 3.6, "seller", "Ready?"),
    (3.7, 4.0, "buyer", "Yes."),
    (4.2, 6.5, "buyer", "My name is Tom Reed and I run finance."),
]


class ScriptedTranscriber:
    """Returns a fixed transcript: one ASR segment covering the quick exchange."""

    models = (ModelInfo(name="scripted asr"),)

    def __init__(self):
        self.calls = 0

    def transcribe(self, audio: DecodedAudio, on_progress=None) -> Transcript:
        self.calls += 1
        words = []
        for start, end, _, text in SCRIPT:
            tokens = text.split()
            step = (end - start) / len(tokens)
            words += [Word(t, round(start + i * step, 3), round(start + (i + 1) * step, 3), 0.9)
                      for i, t in enumerate(tokens)]
        seg = Segment(words[0].start, words[-1].end, " ".join(w.text for w in words), tuple(words))
        return Transcript((seg,), "en")


class RttmDiarizer:
    """Reads speaker turns from an RTTM file instead of listening."""

    models = (ModelInfo(name="rttm diarizer"),)

    def __init__(self, rttm: Path):
        self.rttm = rttm

    def diarize(self, audio: DecodedAudio, on_progress=None) -> tuple[SpeakerTurn, ...]:
        turns = []
        for line in self.rttm.read_text().splitlines():
            f = line.split()
            turns.append(SpeakerTurn(float(f[3]), float(f[3]) + float(f[4]), f[7]))
        return tuple(turns)


@pytest.fixture
def recording(tmp_path) -> Path:
    path = tmp_path / "call.wav"
    rate = 16000
    t = np.arange(7 * rate) / rate
    samples = (0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype(np.int16)[None, :]
    with av.open(str(path), "w") as out:
        stream = out.add_stream("pcm_s16le", rate=rate, layout="mono")
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.sample_rate = rate
        for p in stream.encode(frame):
            out.mux(p)
        for p in stream.encode(None):
            out.mux(p)
    return path


@pytest.fixture
def rttm(tmp_path) -> Path:
    path = tmp_path / "call.rttm"
    path.write_text("".join(f"SPEAKER call 1 {s:.3f} {e - s:.3f} <NA> <NA> {spk} <NA> <NA>\n"
                            for s, e, spk, _ in SCRIPT))
    return path


def _pipeline(rttm, **options) -> AudioPipeline:
    return AudioPipeline(AudioOptions(**options), transcriber=ScriptedTranscriber(),
                         diarizer=RttmDiarizer(rttm))


def test_quick_exchange_is_split_at_every_speaker_change(recording, rttm):
    meeting = _pipeline(rttm).run(recording)
    said = [(u.speaker, u.text) for u in meeting.utterances]
    # the buyer's "Yes." and the next sentence are one utterance: same speaker, short pause
    assert [t for _, t in said] == [s[3] for s in SCRIPT[:3]] + [SCRIPT[3][3] + " " + SCRIPT[4][3]]
    assert len({s for s, _ in said}) == 2
    assert said[0][0] == said[2][0] != said[1][0] == said[3][0]
    assert len(said) == 4
    assert meeting.timed and all(u.words for u in meeting.utterances)
    assert meeting.duration == pytest.approx(7.0, abs=0.01)


def test_self_introductions_name_speakers_with_evidence(recording, rttm):
    meeting = _pipeline(rttm).run(recording)
    names = [s.name for s in meeting.speakers]
    assert names == ["Anna", "Tom Reed"]
    assert meeting.speaker("Anna").org == "Flowlytics"
    assert meeting.speaker("Anna").aliases == ("Speaker 1",)
    proposal = meeting.metadata["speaker_naming"]["Speaker 2"]
    assert proposal["name"] == "Tom Reed"
    assert "My name is Tom Reed" in proposal["evidence"]["quote"]


def test_participants_complete_first_names(recording, rttm):
    meeting = _pipeline(rttm).run(recording, participants=["Anna Berg", "Tom Reed"])
    assert [s.name for s in meeting.speakers] == ["Anna Berg", "Tom Reed"]


def test_speaker_map_overrides_proposals(recording, rttm):
    meeting = _pipeline(rttm, speaker_map={"Speaker 1": "Anna Berg (AE)"}).run(recording)
    assert [s.name for s in meeting.speakers] == ["Anna Berg (AE)", "Tom Reed"]


def test_two_voices_merged_into_one_speaker_stay_unnamed_with_a_warning(recording, tmp_path):
    merged = tmp_path / "merged.rttm"  # the diarizer heard one voice for Anna and Tom
    merged.write_text("SPEAKER call 1 0.0 7.0 <NA> <NA> one <NA> <NA>\n")
    meeting = _pipeline(merged).run(recording)
    assert [s.name for s in meeting.speakers] == ["Speaker 1"]
    assert meeting.metadata["speaker_naming"] == {}
    [warning] = meeting.metadata["warnings"]
    assert "Speaker 1 introduced themself as Anna and as Tom Reed" in warning
    assert "--speaker-map" in warning


def test_without_introductions_speakers_stay_numbered(recording, tmp_path):
    class Plain(ScriptedTranscriber):
        def transcribe(self, audio, on_progress=None):
            w = (Word("Okay", 0.5, 1.0, 0.9), Word("fine", 2.8, 3.0, 0.9))
            return Transcript((Segment(0.5, 3.0, "Okay fine", w),), "en")

    rttm = tmp_path / "r.rttm"
    rttm.write_text("SPEAKER x 1 0.4 1.0 <NA> <NA> a <NA> <NA>\nSPEAKER x 1 2.7 0.5 <NA> <NA> b <NA> <NA>\n")
    meeting = AudioPipeline(transcriber=Plain(), diarizer=RttmDiarizer(rttm)).run(recording)
    assert [s.name for s in meeting.speakers] == ["Speaker 1", "Speaker 2"]
    assert meeting.metadata["speaker_naming"] == {}


def test_run_many_reports_failures_and_reuses_models(recording, rttm, tmp_path):
    bad = tmp_path / "broken.mp3"
    bad.write_bytes(b"")
    pipe = _pipeline(rttm)
    results = list(pipe.run_many([recording, bad, recording]))
    assert [p.name for p, _ in results] == ["call.wav", "broken.mp3", "call.wav"]
    assert isinstance(results[1][1], AudioDecodeError)
    assert results[0][1].utterances and results[2][1].utterances
    assert pipe.transcriber.calls == 2
    assert [m.name for m in pipe.models] == ["scripted asr", "rttm diarizer"]


def test_progress_events_per_stage(recording, rttm):
    events = []
    pipe = AudioPipeline(on_progress=events.append, transcriber=ScriptedTranscriber(),
                         diarizer=RttmDiarizer(rttm))
    pipe.run(recording)
    assert "decode" in {e.stage for e in events}


def test_overlapping_speech_is_kept():
    words = (Word("so", 0.0, 0.5), Word("we", 0.5, 1.0), Word("mhm", 1.0, 1.3), Word("ship", 1.3, 2.0))
    transcript = Transcript((Segment(0.0, 2.0, "so we mhm ship", words),))
    turns = (SpeakerTurn(0.0, 2.0, "A"), SpeakerTurn(0.95, 1.35, "B"))
    out = utterances(attribute_words(transcript, turns))
    assert [(u.speaker, u.text) for u in out] == [("A", "so we"), ("B", "mhm"), ("A", "ship")]
    assert sum(len(u.words) for u in out) == len(words)
    assert overlap_seconds(turns) == pytest.approx(0.4)


def test_no_overlap_when_turns_alternate():
    assert overlap_seconds((SpeakerTurn(0, 1, "A"), SpeakerTurn(1, 2, "B"))) == 0.0


def test_importing_the_pipeline_stays_light():
    import subprocess
    import sys

    code = ("import sys, meetinglens.audio.pipeline; "
            "print([m for m in ('torch', 'whisper', 'transformers') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cuda_without_a_gpu_is_a_clear_error():
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("a GPU is visible")
    from meetinglens.audio.transcribe import pick_device
    from meetinglens.errors import MeetinglensError

    with pytest.raises(MeetinglensError, match="no CUDA GPU"):
        pick_device("cuda")
    assert pick_device("auto") == "cpu"
