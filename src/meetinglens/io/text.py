"""Plain text: ``Name: text`` lines, optionally prefixed by a timestamp.

Accepted line shapes::

    Anna Berg: Thanks for joining.
    [00:01:02] Anna Berg: Thanks for joining.
    00:01:02 Anna Berg: ...        (01:02 and [1:02:03.5] work too; "-" or "|" may follow)

Rules, decided once and documented here:

* every non-blank line is one utterance (``source_index`` = its 0-based line number);
* a line without a ``Name:`` prefix continues the previous speaker (text tools wrap long
  turns); nameless lines before the first named line are a header (title, date), kept in
  ``metadata["header"]`` and not counted as speech; a file with no names at all goes to
  the unknown speaker with a warning;
* timestamps are starts; each line ends where the next begins (the last one after its
  word count at :data:`SPEECH_RATE_WPS`). Lines without a timestamp between timed lines
  share their group's span by word count (a warning says how many); when fewer than half
  the lines, or the first line, have a timestamp, timing is dropped with a warning and the
  meeting is untimed.
"""

from __future__ import annotations

import re
from pathlib import Path

from meetinglens.io.common import RawCue, build_meeting, parse_clock, split_name
from meetinglens.model import Meeting

FORMAT = "text"

#: Typical conversational speech rate (about 150 words per minute), used only to give the
#: last timed line an end.
SPEECH_RATE_WPS = 2.5

_STAMP = re.compile(
    r"^\s*[\[(]?(?P<ts>(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?[ \t]*(?:[-–—|][ \t]*)?")


def looks_like(text: str) -> bool:
    """True when most non-blank lines are ``[timestamp] Name: text``."""
    lines = [line for line in text.split("\n") if line.strip()][:200]
    named = sum(1 for line in lines if _split(line)[1] is not None)
    return bool(lines) and named / len(lines) >= 0.5


def _split(line: str) -> tuple[float | None, str | None, str]:
    """(start or None, speaker or None, text) of one line."""
    start = None
    m = _STAMP.match(line)
    if m and line[m.end():].strip():
        try:
            start = parse_clock(m.group("ts"))
            line = line[m.end():]
        except ValueError:
            start = None
    speaker, text = split_name(line)
    return start, speaker, text


def parse(path: str | Path, text: str) -> Meeting:
    """Parse ``Name: text`` lines into a Meeting (one utterance per non-blank line)."""
    lines = [(i, line) for i, line in enumerate(text.lstrip("\ufeff").split("\n"))
             if line.strip()]
    warnings: list[str] = []
    rows = [(i, *_split(line)) for i, line in lines]
    header, rows = _header(rows)
    starts = [r[1] for r in rows]
    timed = sum(s is not None for s in starts)
    if timed and (timed * 2 < len(rows) or starts[0] is None):
        warnings.append(f"only {timed} of {len(rows)} lines have a timestamp: timing was "
                        "dropped, figures use word counts")
        # read the lines again without stamps, so "10:30 works for us" keeps its "10:30"
        header, rows = _header([(i, None, *split_name(line)) for i, line in lines])
    if header:
        warnings.append(f"{len(header)} line(s) before the first 'Name:' line were taken as "
                        "a header (metadata['header']), not as speech")
    speakers = _speakers(rows, warnings)
    spans = _spans([r[1] for r in rows], [len(r[3].split()) for r in rows], warnings)
    cues = [RawCue(speaker=spk, text=r[3], start=s, end=e, source_index=r[0],
                   where=f"line {r[0] + 1}")
            for r, spk, (s, e) in zip(rows, speakers, spans)]
    extra = {"header": header} if header else {}
    return build_meeting(path, FORMAT, cues, warnings, metadata=extra)


Row = tuple[int, "float | None", "str | None", str]


def _header(rows: list[Row]) -> tuple[list[str], list[Row]]:
    """Nameless lines before the first named line (title, date), and the rest."""
    first_named = next((k for k, r in enumerate(rows) if r[2] is not None), 0)
    return [r[3] for r in rows[:first_named]], rows[first_named:]


def _speakers(rows: list[Row], warnings: list[str]) -> list[str | None]:
    """The speaker of each row; a nameless row continues the previous speaker."""
    speakers, continued, previous = [], 0, None
    for _, _, speaker, _ in rows:
        if speaker is None and previous is not None:
            continued += 1
        previous = speaker or previous
        speakers.append(previous)
    if continued:
        warnings.append(f"{continued} line(s) without a 'Name:' prefix were attributed to the "
                        "speaker of the line before")
    return speakers


def _spans(starts: list[float | None], words: list[int],
           warnings: list[str]) -> list[tuple[float | None, float | None]]:
    timed = sum(s is not None for s in starts)
    if timed == 0:
        return [(None, None)] * len(starts)
    if timed < len(starts):
        warnings.append(f"{len(starts) - timed} line(s) without a timestamp were placed "
                        "between their neighbours by word count")
    anchors = [k for k, s in enumerate(starts) if s is not None] + [len(starts)]
    spans: list[tuple[float, float]] = []
    for a, b in zip(anchors, anchors[1:]):
        group_words = [max(1, w) for w in words[a:b]]
        t0 = starts[a]
        t1 = starts[b] if b < len(starts) else None
        if t1 is None or t1 < t0:
            t1 = t0 + sum(group_words) / SPEECH_RATE_WPS
        total, done = sum(group_words), 0
        for k, w in enumerate(group_words):
            start = t0 + (t1 - t0) * done / total
            done += w
            end = t1 if k == len(group_words) - 1 else t0 + (t1 - t0) * done / total
            spans.append((start, end))
    return spans
