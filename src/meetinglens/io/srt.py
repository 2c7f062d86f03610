"""SubRip (.srt): numbered cues with ``00:00:01,000 --> 00:00:04,000`` timings.

Speaker names come from a ``Name: text`` prefix (how Zoom, Otter and most captioning tools
write them). SRT's informal formatting tags (``<i>``, ``<b>``, ``<u>``, ``<font ...>``) are
removed; anything else, including other ``<...>``, is kept verbatim.
"""

from __future__ import annotations

import re
from pathlib import Path

from meetinglens.errors import TranscriptFormatError
from meetinglens.io.common import RawCue, build_meeting, parse_clock, split_name
from meetinglens.model import Meeting

FORMAT = "srt"

_TIMING = re.compile(
    r"^\s*(?P<start>\d+:\d{2}:\d{2}[,.]\d{1,3})\s*-->\s*(?P<end>\d+:\d{2}:\d{2}[,.]\d{1,3})")
_FORMAT_TAGS = re.compile(r"</?(?:i|b|u|font)(?:[ \t][^>]*)?>", re.IGNORECASE)
_FIRST_CUE = re.compile(r"^\s*\d+\s*\n\s*\d+:\d{2}:\d{2}[,.]\d{1,3}\s*-->")


def looks_like(text: str) -> bool:
    return bool(_FIRST_CUE.match(text.lstrip("\ufeff").lstrip("\n")))


def parse(path: str | Path, text: str) -> Meeting:
    """Parse SRT text into a Meeting (one utterance per cue)."""
    cues: list[RawCue] = []
    lines = text.lstrip("\ufeff").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        block_start = i
        while i < len(lines) and lines[i].strip():
            i += 1
        cues.append(_cue(path, lines[block_start:i], block_start + 1, len(cues)))
    if not cues:
        raise TranscriptFormatError(path, "SRT file without any cue",
                                    "check that the export contains the transcript")
    return build_meeting(path, FORMAT, cues)


def _cue(path, block: list[str], line_no: int, ordinal: int) -> RawCue:
    timing_at = next((k for k, line in enumerate(block[:2]) if "-->" in line), None)
    where = f"cue {ordinal + 1} (line {line_no + (timing_at or 0)})"
    if timing_at is None:
        raise TranscriptFormatError(path, f"line {line_no}: block without a cue timing line "
                                    f"('00:00:01,000 --> 00:00:04,000'): {block[0][:60]!r}",
                                    "fix or remove that block")
    m = _TIMING.match(block[timing_at])
    if not m:
        raise TranscriptFormatError(path, f"{where}: cannot read the timing "
                                    f"{block[timing_at].strip()!r}",
                                    "times look like 00:01:02,500 --> 00:01:05,000")
    try:
        start, end = parse_clock(m.group("start")), parse_clock(m.group("end"))
    except ValueError as exc:
        raise TranscriptFormatError(path, f"{where}: {exc}", "fix that cue's times") from exc
    raw = " ".join(line.strip() for line in block[timing_at + 1:])
    speaker, body = split_name(" ".join(_FORMAT_TAGS.sub("", raw).split()))
    return RawCue(speaker=speaker, text=body, start=start, end=end, source_index=ordinal,
                  where=where)
