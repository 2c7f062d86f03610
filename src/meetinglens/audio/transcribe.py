"""Speech to timed words: a ``Transcriber`` protocol and the openai-whisper implementation.

Guards against whisper's known failures on meetings:

* hallucinated text over silence/music: only VAD speech chunks are transcribed, segments
  with a high no-speech probability and a low log-probability are dropped, and words that
  fall outside every speech region are dropped;
* repetition loops: whisper's compression-ratio threshold triggers temperature fallback,
  text is never conditioned on the previous window, and a segment repeating the previous
  one verbatim is dropped;
* dropped words at chunk edges: chunks are cut only in silence, with padding.

Decoding uses beam search (``AudioOptions.beam_size``, 5 by default, as whisper's command
line does); greedy decoding (``beam_size=1``) is about twice as fast and less accurate.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from meetinglens.audio.decode import SAMPLE_RATE, DecodedAudio
from meetinglens.audio.options import AudioOptions
from meetinglens.audio.vad import Region, chunks
from meetinglens.errors import MeetinglensError
from meetinglens.model import ModelInfo, Word
from meetinglens.progress import ProgressHook, emit

NO_SPEECH_THRESHOLD = 0.6
LOGPROB_THRESHOLD = -1.0
COMPRESSION_RATIO_THRESHOLD = 2.4
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8)
#: A word whose middle is further than this from any speech region is a hallucination.
OUTSIDE_SPEECH_S = 0.5


@dataclass(frozen=True)
class Segment:
    """One ASR segment with its words (times in seconds from the recording's start)."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...]
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0


@dataclass(frozen=True)
class Transcript:
    segments: tuple[Segment, ...]
    language: str | None = None
    speech: tuple[Region, ...] = ()

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for s in self.segments for w in s.words)


@runtime_checkable
class Transcriber(Protocol):
    """Turns decoded audio into timed words. Built once, used for many files."""

    models: tuple[ModelInfo, ...]

    def transcribe(self, audio: DecodedAudio, on_progress: ProgressHook = None) -> Transcript:
        ...


def pick_device(device: str) -> str:
    """``auto`` -> cuda when torch sees a GPU, else cpu; ``cuda`` without a GPU is an error."""
    if device == "cpu":
        return device
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if device == "cuda":
        raise MeetinglensError("--device cuda was requested but torch sees no CUDA GPU "
                               "(use --device cpu or auto, or install a CUDA build of torch)")
    return "cpu"


def compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / max(1, len(zlib.compress(data))) if data else 0.0


class WhisperTranscriber:
    """openai-whisper with word timings, VAD-gated and loop-guarded (see module docstring)."""

    def __init__(self, options: AudioOptions = AudioOptions()):
        import whisper

        from meetinglens.audio.resolve import resolve_whisper
        from meetinglens.audio.vad import SileroVAD

        self.options = options
        self.device = pick_device(options.device)
        # None selects whisper's greedy decoder (beam_size=1 would take the beam path)
        self._beam = options.beam_size if options.beam_size > 1 else None
        resolved = resolve_whisper(options.asr_model)
        self.model = whisper.load_model(str(resolved.checkpoint), device=self.device)
        if resolved.alignment_heads:
            self._set_heads(resolved.alignment_heads)
        self.english_only = resolved.english_only or not self.model.is_multilingual
        self.vad = SileroVAD()
        self.models = (resolved.info,)

    def _set_heads(self, heads) -> None:
        import torch

        dims = self.model.dims
        mask = torch.zeros(dims.n_text_layer, dims.n_text_head, dtype=torch.bool)
        for layer, head in heads:
            mask[layer, head] = True
        self.model.register_buffer("alignment_heads", mask.to_sparse(), persistent=False)

    def _language(self) -> str | None:
        return "en" if self.english_only else self.options.language

    def transcribe(self, audio: DecodedAudio, on_progress: ProgressHook = None) -> Transcript:
        if audio.silent:
            return Transcript((), self._language())
        speech = self.vad.regions(audio.samples)
        segments: list[Segment] = []
        language = self._language()
        for chunk in chunks(speech):
            found, language = self._chunk(audio.samples, chunk, language)
            segments.extend(found)
            emit(on_progress, "transcribe", chunk.end, audio.duration, file=audio.path)
        return Transcript(tuple(_clean(segments, speech)), language, tuple(speech))

    def _chunk(self, samples: np.ndarray, chunk: Region,
               language: str | None) -> tuple[list[Segment], str | None]:
        import whisper

        lo = int(chunk.start * SAMPLE_RATE)
        hi = min(len(samples), int(chunk.end * SAMPLE_RATE))
        result = whisper.transcribe(
            self.model, samples[lo:hi], language=language, word_timestamps=True,
            condition_on_previous_text=False, temperature=TEMPERATURES,
            beam_size=self._beam, best_of=self._beam,
            compression_ratio_threshold=COMPRESSION_RATIO_THRESHOLD,
            logprob_threshold=LOGPROB_THRESHOLD, no_speech_threshold=NO_SPEECH_THRESHOLD,
            fp16=self.device == "cuda", verbose=None)
        return [_segment(s, chunk.start) for s in result["segments"]], result.get("language")


def _segment(raw: dict, offset: float) -> Segment:
    words = tuple(
        Word(w["word"].strip(), round(float(offset + w["start"]), 3),
             round(float(offset + max(w["end"], w["start"])), 3), float(w.get("probability", 0.0)))
        for w in raw.get("words", ()) if w["word"].strip())
    return Segment(float(offset + raw["start"]), float(offset + max(raw["end"], raw["start"])),
                   raw["text"].strip(), words, float(raw.get("avg_logprob", 0.0)),
                   float(raw.get("no_speech_prob", 0.0)))


def _inside(word: Word, speech: list[Region]) -> bool:
    mid = (word.start + word.end) / 2
    return any(r.start - OUTSIDE_SPEECH_S <= mid <= r.end + OUTSIDE_SPEECH_S for r in speech)


def _clean(segments: list[Segment], speech: list[Region]) -> list[Segment]:
    """Drop silence hallucinations, verbatim repeats and loops; keep per-word probability."""
    out: list[Segment] = []
    for s in segments:
        if s.no_speech_prob > NO_SPEECH_THRESHOLD and s.avg_logprob < LOGPROB_THRESHOLD:
            continue
        if compression_ratio(s.text) > COMPRESSION_RATIO_THRESHOLD:
            continue
        if out and s.text and s.text == out[-1].text:
            continue
        words = tuple(w for w in s.words if _inside(w, speech))
        if words:
            out.append(Segment(words[0].start, words[-1].end, s.text, words,
                               s.avg_logprob, s.no_speech_prob))
    return out
