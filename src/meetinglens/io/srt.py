"""SubRip (.srt): numbered cues with ``00:00:01,000 --> 00:00:04,000`` timings.

Speaker names come from a ``Name: text`` prefix (how Zoom, Otter and most captioning tools
write them). SRT's informal formatting tags (``<i>``, ``<b>``, ``<u>``, ``<font ...>``) are
removed; anything else, including other ``<...>``, is kept verbatim.
"""

from __future__ import annotations

import re
from pathlib import Path

from meetinglens.errors import TranscriptFormatError
from meetinglens.io.common import RawCue, build_meeting, read_cue_timing, split_name, text_blocks
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
    lines = text.lstrip("\ufeff").split("\n")
    cues: list[RawCue] = []
    for first_line, block in text_blocks(lines):
        cues.append(_cue(path, block, first_line + 1, len(cues)))
    if not cues:
        raise TranscriptFormatError(path, "SRT file without any cue",
                                    "check that the export contains the transcript")
    return build_meeting(path, FORMAT, cues)


def _cue(path, block: list[str], line_no: int, ordinal: int) -> RawCue:
    timing_at, start, end, where = read_cue_timing(path, block, line_no, ordinal, _TIMING,
                                                   "00:01:02,500 --> 00:01:05,000")
    raw = " ".join(line.strip() for line in block[timing_at + 1:])
    speaker, body = split_name(" ".join(_FORMAT_TAGS.sub("", raw).split()))
    return RawCue(speaker=speaker, text=body, start=start, end=end, source_index=ordinal,
                  where=where)
