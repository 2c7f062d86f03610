"""WebVTT: Zoom (``Name: text`` cues) and Teams (``<v Name>text</v>``) transcripts, and a writer.

Only WebVTT's own cue markup is removed (``<c>``, ``<i>``, ``<b>``, ``<u>``, ``<lang>``,
``<ruby>``, ``<rt>``, ``<v>`` and ``<00:00:01.000>`` timestamps) and character references
(``&amp;``) are decoded; any other ``<...>`` is what someone typed or said and is kept
verbatim. Escaping for HTML is the report's job.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from meetinglens.errors import TranscriptFormatError
from meetinglens.io.common import (
    RawCue,
    build_meeting,
    clean_name,
    read_cue_timing,
    split_name,
    text_blocks,
)
from meetinglens.model import Meeting

FORMAT = "vtt"

_TIMING = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*"
    r"(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[\w.\-]+)?[ \t]+(?P<name>[^>]+)>")
_CUE_TAGS = re.compile(
    r"</?(?:c|i|b|u|v|lang|ruby|rt)(?:\.[\w.\-]+)?(?:[ \t][^>]*)?>|<\d+:\d{2}(?::\d{2})?\.\d{3}>")
_BLOCKS_SKIPPED = ("NOTE", "STYLE", "REGION")


def looks_like(text: str) -> bool:
    return text.lstrip("\ufeff").startswith("WEBVTT")


def parse(path: str | Path, text: str) -> Meeting:
    """Parse WebVTT text into a Meeting (one utterance per cue)."""
    lines = text.lstrip("\ufeff").split("\n")
    skipped = next((i for i, line in enumerate(lines) if line.strip()), 0)  # blank lines first
    lines = lines[skipped:]
    if not lines[0].startswith("WEBVTT"):
        raise TranscriptFormatError(path, "not WebVTT: the first line is not 'WEBVTT'",
                                    "add the 'WEBVTT' header, or pass --input-format")
    cues: list[RawCue] = []
    for first_line, block in text_blocks(lines[1:]):
        cue = _cue(path, block, skipped + first_line + 2, len(cues))
        if cue is not None:
            cues.append(cue)
    if not cues:
        raise TranscriptFormatError(path, "WebVTT file without any cue",
                                    "check that the export contains the transcript")
    return build_meeting(path, FORMAT, cues)


def _cue(path, block: list[str], line_no: int, ordinal: int) -> RawCue | None:
    if block[0].split(" ", 1)[0].split("\t", 1)[0] in _BLOCKS_SKIPPED and "-->" not in block[0]:
        return None
    timing_at, start, end, where = read_cue_timing(path, block, line_no, ordinal, _TIMING,
                                                   "00:01:02.500 --> 00:01:05.000")
    speaker, body = _speaker_and_text(" ".join(line.strip() for line in block[timing_at + 1:]))
    return RawCue(speaker=speaker, text=body, start=start, end=end,
                  source_index=ordinal, where=where)


def _speaker_and_text(raw: str) -> tuple[str | None, str]:
    voice = _VOICE.search(raw)
    speaker = clean_name(html.unescape(voice.group("name"))) if voice else None
    text = html.unescape(_CUE_TAGS.sub("", raw))
    text = " ".join(text.split())
    if speaker is None:
        speaker, text = split_name(text)
    return speaker, text


# ---------------------------------------------------------------- writer

def _vtt_time(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_vtt(meeting: Meeting) -> str:
    """The meeting as WebVTT with ``<v Name>`` voice tags (Teams style), one cue per utterance.

    Text is escaped as WebVTT requires, so reading the file back gives the same text.
    Raises ``ValueError`` for an untimed meeting: WebVTT cues need times.
    """
    if not meeting.timed:
        raise ValueError(f"meeting {meeting.id!r} is untimed; WebVTT needs cue times")
    out = ["WEBVTT", ""]
    for u in meeting.utterances:
        out += [str(u.index + 1), f"{_vtt_time(u.start)} --> {_vtt_time(u.end)}",
                f"<v {_escape(u.speaker)}>{_escape(u.text)}</v>", ""]
    return "\n".join(out)
