"""whisper's JSON output (``whisper --output_format json``), also with whisperX speakers.

Each segment becomes one utterance; ``segment["speaker"]`` (whisperX, diarized tools) names
the speaker, else the utterance goes to the unknown speaker. Word timings are kept when
every word of the segment has a valid time; otherwise that segment keeps its text only.
"""

from __future__ import annotations

from pathlib import Path

from meetinglens.errors import TranscriptFormatError
from meetinglens.io.common import RawCue, build_meeting, clean_name, load_json
from meetinglens.model import Meeting, Word

FORMAT = "whisper-json"


def looks_like(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("segments"), list)


def parse(path: str | Path, text: str) -> Meeting:
    data = load_json(path, text, "pass whisper's JSON output unchanged")
    if not looks_like(data):
        raise TranscriptFormatError(path, "JSON without a 'segments' list: not whisper output",
                                    "pass whisper's JSON output (whisper --output_format json)")
    cues = [_cue(path, i, seg) for i, seg in enumerate(data["segments"])]
    if not cues:
        raise TranscriptFormatError(path, "whisper JSON with no segments",
                                    "the recording had no recognized speech")
    language = data.get("language") if isinstance(data.get("language"), str) else None
    return build_meeting(path, FORMAT, cues, language=language)


def _cue(path, i: int, seg: object) -> RawCue:
    where = f"segment {i}"
    if not isinstance(seg, dict):
        raise TranscriptFormatError(path, f"{where} is not an object", "pass whisper's JSON")
    try:
        start, end = float(seg["start"]), float(seg["end"])
        text = str(seg["text"])
    except (KeyError, TypeError, ValueError) as exc:
        raise TranscriptFormatError(path, f"{where}: needs 'start', 'end' and 'text' ({exc})",
                                    "pass whisper's JSON output unchanged") from exc
    speaker = seg.get("speaker")
    speaker = clean_name(str(speaker)) if speaker not in (None, "") else None
    return RawCue(speaker=speaker or None, text=" ".join(text.split()), start=start, end=end,
                  source_index=i, words=_words(seg.get("words")), where=where)


def _words(raw: object) -> tuple[Word, ...]:
    if not isinstance(raw, list):
        return ()
    words = []
    for w in raw:
        try:
            text = str(w.get("word", w.get("text", ""))).strip()
            word = Word(text, float(w["start"]), float(w["end"]),
                        None if w.get("probability", w.get("score")) is None
                        else float(w.get("probability", w.get("score"))))
        except (AttributeError, KeyError, TypeError, ValueError):
            return ()  # an untimed or broken word: keep the segment's text only
        if text:
            words.append(word)
    return tuple(words)
