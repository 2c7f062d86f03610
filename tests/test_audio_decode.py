"""Decoding: the containers reps upload, generated here with PyAV, and bad files."""

from __future__ import annotations

import numpy as np
import pytest

av = pytest.importorskip("av")

from meetinglens.audio.decode import SAMPLE_RATE, decode  # noqa: E402
from meetinglens.errors import AudioDecodeError  # noqa: E402

TONE_HZ = 440.0
SECONDS = 2.0


def _write(path, codec: str, rate: int = 44100, layout: str = "stereo", video: bool = False,
           silent: bool = False) -> None:
    t = np.arange(int(SECONDS * rate)) / rate
    tone = np.zeros_like(t) if silent else 0.5 * np.sin(2 * np.pi * TONE_HZ * t)
    with av.open(str(path), "w") as out:
        if video:
            vs = out.add_stream("mpeg4", rate=10)
            vs.width, vs.height, vs.pix_fmt = 64, 48, "yuv420p"
        stream = out.add_stream(codec, rate=rate, layout=layout)
        fmt = stream.codec_context.format.name
        channels = 2 if layout == "stereo" else 1
        planar = fmt.endswith("p")
        samples = np.tile(tone, (channels, 1)) if planar else np.repeat(tone, channels)[None, :]
        base = fmt.rstrip("p")
        scale = {"s16": 32767, "s32": 2**31 - 1}.get(base, 1.0)
        dtype = {"s16": np.int16, "s32": np.int32, "dbl": np.float64}.get(base, np.float32)
        samples = (samples * scale).astype(dtype)
        frame = av.AudioFrame.from_ndarray(samples, format=fmt, layout=layout)
        frame.sample_rate = rate
        if video:
            for i in range(int(SECONDS * 10)):
                vf = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
                for p in vs.encode(vf):
                    out.mux(p)
            for p in vs.encode(None):
                out.mux(p)
        chunk = stream.codec_context.frame_size or 1024
        for start in range(0, samples.shape[1], chunk):
            part = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples[:, start:start + chunk]),
                                              format=fmt, layout=layout)
            part.sample_rate = rate
            part.pts = start
            for p in stream.encode(part):
                out.mux(p)
        for p in stream.encode(None):
            out.mux(p)


@pytest.mark.parametrize("name,codec,rate", [
    ("call.mp3", "libmp3lame", 44100), ("call.m4a", "aac", 44100),
    ("call.ogg", "libopus", 48000), ("call.webm", "libopus", 48000),
    ("call.wav", "pcm_s16le", 22050),
])
def test_decodes_common_containers_to_16k_mono(tmp_path, name, codec, rate):
    path = tmp_path / name
    _write(path, codec, rate)
    audio = decode(path)
    assert audio.sample_rate == SAMPLE_RATE
    assert audio.samples.dtype == np.float32 and audio.samples.ndim == 1
    assert abs(audio.duration - SECONDS) < 0.1
    spectrum = np.abs(np.fft.rfft(audio.samples[: SAMPLE_RATE]))
    assert abs(np.argmax(spectrum) * SAMPLE_RATE / SAMPLE_RATE - TONE_HZ) < 3
    assert not audio.silent


def test_decodes_the_audio_track_of_a_video(tmp_path):
    path = tmp_path / "zoom.mp4"
    _write(path, "aac", 48000, video=True)
    audio = decode(path)
    assert abs(audio.duration - SECONDS) < 0.15


def test_video_without_audio_is_a_clear_error(tmp_path):
    path = tmp_path / "muted.mp4"
    with av.open(str(path), "w") as out:
        vs = out.add_stream("mpeg4", rate=10)
        vs.width, vs.height, vs.pix_fmt = 64, 48, "yuv420p"
        for _ in range(5):
            for p in vs.encode(av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")):
                out.mux(p)
        for p in vs.encode(None):
            out.mux(p)
    with pytest.raises(AudioDecodeError, match="no audio stream") as info:
        decode(path)
    assert info.value.path == path


def test_zero_length_file(tmp_path):
    path = tmp_path / "empty.m4a"
    path.write_bytes(b"")
    with pytest.raises(AudioDecodeError, match="empty"):
        decode(path)


def test_missing_file(tmp_path):
    with pytest.raises(AudioDecodeError, match="not found"):
        decode(tmp_path / "nope.mp3")


def test_corrupt_file(tmp_path):
    path = tmp_path / "garbage.mp3"
    path.write_bytes(np.random.default_rng(0).integers(0, 255, 4096, dtype=np.uint8).tobytes())
    with pytest.raises(AudioDecodeError):
        decode(path)


def test_truncated_file_keeps_what_decodes_or_fails_clearly(tmp_path):
    whole = tmp_path / "whole.m4a"
    _write(whole, "aac", 44100)
    cut = tmp_path / "cut.m4a"
    cut.write_bytes(whole.read_bytes()[:300])
    with pytest.raises(AudioDecodeError):
        decode(cut)


def test_all_silence_is_valid_and_flagged(tmp_path):
    path = tmp_path / "silence.wav"
    _write(path, "pcm_s16le", 16000, layout="mono", silent=True)
    with pytest.warns(UserWarning, match="silent"):
        audio = decode(path)
    assert audio.silent and abs(audio.duration - SECONDS) < 0.05
