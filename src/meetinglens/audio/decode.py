"""Decode any audio or video container to 16 kHz mono float32 with PyAV (bundled FFmpeg).

The samples are written into one preallocated buffer sized from the container's duration
(grown geometrically if the estimate is short), so a 3-hour recording (~690 MB as float32)
is held once, not once per decoded frame list plus once concatenated.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from meetinglens.errors import AudioDecodeError, MissingDependencyError

SAMPLE_RATE = 16000
#: Peak amplitude under which a whole recording counts as silent (about -60 dBFS).
SILENCE_PEAK = 1e-3
_GROWTH = 1.5
_SLACK_SECONDS = 5.0


@dataclass(frozen=True)
class DecodedAudio:
    """Mono float32 samples at :data:`SAMPLE_RATE`, and where they came from."""

    samples: np.ndarray
    path: str
    sample_rate: int = SAMPLE_RATE
    silent: bool = False

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


def _open(path: Path):
    try:
        import av
    except ImportError as exc:
        raise MissingDependencyError("av", "audio") from exc
    if not path.is_file():
        raise AudioDecodeError(path, "file not found")
    if path.stat().st_size == 0:
        raise AudioDecodeError(path, "the file is empty (0 bytes)")
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise AudioDecodeError(path, f"not a readable audio/video file ({exc})",
                               "check that the upload finished and the format is supported") from exc
    if not container.streams.audio:
        container.close()
        raise AudioDecodeError(path, "the file has no audio stream",
                               "export the recording with its audio track")
    return av, container


def _estimated_samples(container, stream) -> int:
    seconds = None
    if stream.duration is not None and stream.time_base is not None:
        seconds = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        seconds = container.duration / 1_000_000
    return int(((seconds or 60.0) + _SLACK_SECONDS) * SAMPLE_RATE)


class _Buffer:
    """A growable float32 array that avoids keeping a list of chunks plus a concatenation."""

    def __init__(self, capacity: int):
        self.data = np.empty(max(capacity, SAMPLE_RATE), dtype=np.float32)
        self.size = 0

    def append(self, chunk: np.ndarray) -> None:
        end = self.size + len(chunk)
        if end > len(self.data):
            grown = np.empty(max(end, int(len(self.data) * _GROWTH)), dtype=np.float32)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size:end] = chunk
        self.size = end

    def result(self) -> np.ndarray:
        # resize in place when we own the buffer: no second full copy
        self.data.resize(self.size, refcheck=False)
        return self.data


def decode(path: str | Path) -> DecodedAudio:
    """Decode ``path`` to 16 kHz mono float32.

    Raises :class:`AudioDecodeError` for a missing, empty, corrupt or truncated file or one
    without an audio stream. A recording that is silent throughout decodes to an array of
    zeros-ish samples with ``silent=True`` and a warning (it is valid, just empty).
    """
    path = Path(path)
    av, container = _open(path)
    try:
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        buf = _Buffer(_estimated_samples(container, stream))
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    buf.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                buf.append(out.to_ndarray().reshape(-1))
        except av.error.FFmpegError as exc:
            if buf.size == 0:
                raise AudioDecodeError(path, f"the audio stream cannot be decoded ({exc})",
                                       "the file is corrupt or truncated") from exc
            warnings.warn(f"{path}: decoding stopped early after {buf.size / SAMPLE_RATE:.1f} s "
                          f"({exc}); the file looks truncated", stacklevel=2)
    finally:
        container.close()
    samples = buf.result()
    if samples.size == 0:
        raise AudioDecodeError(path, "the audio stream holds no samples",
                               "the file is truncated or its audio track is empty")
    silent = float(np.max(np.abs(samples))) < SILENCE_PEAK
    if silent:
        warnings.warn(f"{path}: the recording is silent; the transcript will be empty", stacklevel=2)
    return DecodedAudio(samples=samples, path=str(path), silent=silent)
