"""Options of the audio pipeline (light: no heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

#: File extensions treated as recordings rather than transcripts.
AUDIO_EXTENSIONS = frozenset({
    ".wav", ".mp3", ".m4a", ".mp4", ".webm", ".ogg", ".opus", ".flac", ".aac", ".mkv",
    ".mov", ".wma", ".amr", ".3gp",
})


@dataclass(frozen=True)
class AudioOptions:
    asr_model: str | None = None  # name ("tiny.en", "base") or path; None = best available
    device: str = "auto"  # "cpu" | "cuda" | "auto"
    language: str | None = None  # None = detect (multilingual models) / "en" for .en models
    #: Beam search width for whisper (1 = greedy). 5 is whisper's command-line default:
    #: 11.5% WER on pyannote_sample with tiny.en against 16.1% greedy (benchmarks/wer.py).
    beam_size: int = 5
    num_speakers: int | None = None
    min_speakers: int | None = None
    max_speakers: int | None = None
    speaker_map: Mapping[str, str] = field(default_factory=dict)  # "Speaker 1" -> "Anna Berg"

    def __post_init__(self) -> None:
        if self.device not in {"cpu", "cuda", "auto"}:
            raise ValueError(f"device must be cpu, cuda or auto, not {self.device!r}")
        if self.beam_size < 1:
            raise ValueError(f"beam_size must be at least 1, got {self.beam_size}")
        for name in ("num_speakers", "min_speakers", "max_speakers"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"{name} must be at least 1, got {value}")
        if (self.min_speakers and self.max_speakers
                and self.min_speakers > self.max_speakers):
            raise ValueError("min_speakers is larger than max_speakers")
