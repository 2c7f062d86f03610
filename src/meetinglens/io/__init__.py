"""Reading transcripts into a :class:`~meetinglens.model.Meeting`.

::

    load_meeting(path)  ──read_text──detect_format──<format>.parse──apply_participants──infer_sides──> Meeting

Formats (:data:`FORMATS`): ``vtt`` (Zoom ``Name: text`` cues, Teams ``<v Name>`` voices),
``srt``, ``whisper-json``, ``meetinglens-json`` (meeting or report), ``text`` (``Name: text``
lines, optionally ``[00:01:02]``-stamped). The format is detected from the content first
and the file extension second; ``input_format=`` overrides it. Shared rules (one utterance
per cue/line, unknown speaker fallback, sorting, overlaps, invalid times) are in
:mod:`meetinglens.io.common`. Warnings go to ``meeting.metadata["warnings"]``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Sequence

from meetinglens.errors import InputError, TranscriptFormatError
from meetinglens.io import meetinglens_json, srt, text, vtt, whisper_json
from meetinglens.io.common import UNKNOWN_SPEAKER, load_json, read_text, slug
from meetinglens.io.vtt import write_vtt
from meetinglens.model import Meeting

_PARSERS = {
    "vtt": vtt.parse,
    "srt": srt.parse,
    "whisper-json": whisper_json.parse,
    "meetinglens-json": meetinglens_json.parse,
    "text": text.parse,
}
#: Format names accepted by ``--input-format``.
FORMATS: tuple[str, ...] = tuple(_PARSERS)

#: Extensions that name a format when the content alone does not.
_EXTENSIONS = {".vtt": "vtt", ".srt": "srt", ".txt": "text", ".text": "text", ".md": "text"}
#: JSON starts with an object, or a list of objects; "[00:01:02] Anna: ..." is text.
_JSON_START = re.compile(r"^(?:\{|\[\s*(?:\{|\]))")
_ARROW = re.compile(r"^\s*\S+\s*-->\s*\S+", re.MULTILINE)

__all__ = ["FORMATS", "UNKNOWN_SPEAKER", "detect_format", "load_meeting", "read_text",
           "slug", "write_vtt"]


def detect_format(path: str | Path, text_: str) -> str:
    """The format of a transcript: content first (WebVTT header, SRT numbering, JSON keys,
    ``Name:`` lines), then the extension. Unknown or ambiguous content raises
    :class:`TranscriptFormatError` naming ``--input-format``."""
    body = text_.lstrip("\ufeff").lstrip()
    suffix = Path(path).suffix.lower()
    hint = f"pass --input-format with one of: {', '.join(FORMATS)}"
    if vtt.looks_like(body):
        return "vtt"
    if srt.looks_like(body):
        return "srt"
    if _JSON_START.match(body):
        return _json_format(path, body, hint)
    if _ARROW.search(body):
        raise TranscriptFormatError(
            path, "ambiguous format: cue timings ('-->') without a WEBVTT header or SRT "
            "cue numbers", "pass --input-format vtt or --input-format srt (after fixing the "
            "header/numbers)")
    if text.looks_like(body) or _EXTENSIONS.get(suffix) == "text":
        return "text"
    raise TranscriptFormatError(path, f"unknown transcript format (extension {suffix or 'none'!r}"
                                ", and the content is not VTT, SRT, JSON or 'Name: text' lines)",
                                hint)


def _json_format(path, body: str, hint: str) -> str:
    data = load_json(path, body, hint, what="looks like JSON but is not valid JSON")
    if meetinglens_json.looks_like(data):
        return "meetinglens-json"
    if whisper_json.looks_like(data):
        return "whisper-json"
    raise TranscriptFormatError(path, "JSON that is neither whisper output ('segments') nor a "
                                "meetinglens meeting ('speakers', 'utterances')", hint)


def parse(path: str | Path, input_format: str | None = None) -> Meeting:
    """Read and parse a transcript, without participants or side inference."""
    if input_format is not None and input_format not in _PARSERS:
        raise InputError(path, f"unknown input format {input_format!r}",
                         f"use one of: {', '.join(FORMATS)}")
    content = read_text(path)
    fmt = input_format or detect_format(path, content)
    return _PARSERS[fmt](path, content)


def load_meeting(path: str | Path, input_format: str | None = None,
                 participants: str | Path | Sequence | None = None,
                 sellers: Iterable[str] = ()) -> Meeting:
    """A transcript file as a Meeting: parse, apply participants and ``sellers``, infer sides.

    ``participants`` is a participants file path or already loaded
    :class:`~meetinglens.participants.Participant` values.
    """
    from meetinglens.participants import apply_participants, load_participants
    from meetinglens.sides import infer_sides

    meeting = parse(path, input_format)
    if isinstance(participants, (str, Path)):
        participants = load_participants(participants)
    meeting = apply_participants(meeting, participants or (), sellers=tuple(sellers))
    return infer_sides(meeting)
