"""Speech regions with silero-vad, so whisper never sees long silence (where it hallucinates).

silero-vad's import sets ``torch.set_num_threads(1)`` for the whole process; the thread
count is restored right after, or whisper would run on one core. Silero itself runs on one
thread (many tiny steps, where thread synchronisation costs more than it gains).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from meetinglens.audio.decode import SAMPLE_RATE

THRESHOLD = 0.5
MIN_SPEECH_S = 0.25
MIN_SILENCE_S = 0.3
SPEECH_PAD_S = 0.2
#: Chunks handed to whisper stay inside its 30 s window.
MAX_CHUNK_S = 28.0
#: Regions closer than this are transcribed together (context helps whisper).
JOIN_GAP_S = 2.0


@dataclass(frozen=True)
class Region:
    start: float
    end: float


def _load_silero():
    import torch

    threads = torch.get_num_threads()
    try:
        from silero_vad import get_speech_timestamps, load_silero_vad
        model = load_silero_vad()
    finally:
        torch.set_num_threads(threads)
    return model, get_speech_timestamps


class SileroVAD:
    """Loaded once; ``regions(samples)`` gives speech regions in seconds."""

    def __init__(self):
        self.model, self._timestamps = _load_silero()

    def regions(self, samples: np.ndarray) -> list[Region]:
        import torch

        threads = torch.get_num_threads()
        # silero runs ~30 tiny steps per second of audio: extra threads only add sync cost
        torch.set_num_threads(1)
        try:
            stamps = self._timestamps(
                torch.from_numpy(samples), self.model, threshold=THRESHOLD,
                sampling_rate=SAMPLE_RATE, min_speech_duration_ms=int(MIN_SPEECH_S * 1000),
                min_silence_duration_ms=int(MIN_SILENCE_S * 1000),
                speech_pad_ms=int(SPEECH_PAD_S * 1000))
        finally:
            torch.set_num_threads(threads)
        return [Region(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in stamps]


def chunks(regions: list[Region], max_chunk: float = MAX_CHUNK_S,
           join_gap: float = JOIN_GAP_S) -> list[Region]:
    """Group speech regions into chunks cut only in silence, each at most ``max_chunk`` long
    (a single longer region stays whole; whisper seeks through it by itself)."""
    out: list[Region] = []
    for r in regions:
        if out and r.start - out[-1].end <= join_gap and r.end - out[-1].start <= max_chunk:
            out[-1] = Region(out[-1].start, r.end)
        else:
            out.append(r)
    return out
