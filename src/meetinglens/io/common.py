"""What every transcript parser shares: reading the file, raw cues, building the Meeting.

A parser turns text into :class:`RawCue` values (speaker or ``None``, text, optional times,
the index of the cue/line it came from). :func:`build_meeting` then applies the rules that
are the same for every format, so they are decided in one place:

* every cue with text becomes exactly one utterance, so nothing said is dropped; a cue
  with no text at all is not speech and is skipped, with a warning;
* a cue without a speaker name goes to :data:`UNKNOWN_SPEAKER` (documented fallback), and a
  warning says how many;
* cues out of order are sorted by start time (stable) with a warning; overlapping cues are
  kept, because overlapping speech is real, and counted in ``metadata["overlapping_cues"]``;
* a cue whose end is before its start is an error naming the cue: the file is damaged and
  guessing would put words at the wrong time.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator
from pathlib import Path

from meetinglens.errors import InputError, TranscriptFormatError
from meetinglens.model import Meeting, Speaker, Utterance, Word

#: Speaker of lines/cues that carry no speaker name. One placeholder, not "Speaker 1..N":
#: without names we cannot tell how many people spoke, and inventing speakers would fake
#: a talk balance.
UNKNOWN_SPEAKER = "Unknown speaker"

#: Byte-order marks we honour, longest first.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

#: Share of zero bytes at odd/even positions above which text is taken for BOM-less UTF-16.
_UTF16_ZERO_SHARE = 0.4

_HINT_FORMATS = "pass a transcript as .vtt, .srt, whisper .json, meetinglens .json or .txt"


@dataclass(frozen=True)
class RawCue:
    """One cue or line as parsed, before the shared rules are applied."""

    speaker: str | None
    text: str
    start: float | None
    end: float | None
    source_index: int
    words: tuple[Word, ...] = ()
    #: Human location for error messages ("cue 12", "line 40").
    where: str = ""


def read_text(path: str | Path) -> str:
    """The text of a transcript file, with newlines normalised to ``\\n``.

    UTF-8 with or without BOM, UTF-16 with BOM (and BOM-less UTF-16 when the zero bytes
    give it away). Missing paths and directories raise :class:`InputError`; empty, binary
    and non-UTF text raise :class:`TranscriptFormatError`, each naming the file and the fix.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file", "check the path and the file name")
    if p.is_dir():
        raise InputError(path, "is a directory, not a transcript file",
                         "pass the files inside it, e.g. DIR/*.vtt")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})",
                         "check the file's permissions") from exc
    text = _decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TranscriptFormatError(path, "file is empty", _HINT_FORMATS)
    return text


def _decode(path: str | Path, data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise TranscriptFormatError(path, f"invalid {encoding} text ({exc.reason})",
                                            "save the file as UTF-8") from exc
    if not data:
        raise TranscriptFormatError(path, "file is empty", _HINT_FORMATS)
    if b"\x00" in data:
        guessed = _bomless_utf16(data)
        if guessed is not None:
            return guessed
        raise TranscriptFormatError(
            path, "binary file, not a text transcript",
            "recordings go through 'meetinglens analyze' as audio (.wav, .mp3, .m4a...); "
            + _HINT_FORMATS)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TranscriptFormatError(
            path, f"not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start})",
            "save the file as UTF-8 (or UTF-16 with a byte-order mark)") from exc


def _bomless_utf16(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    for zeros, encoding in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
        if zeros.count(0) / len(zeros) > _UTF16_ZERO_SHARE:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if "\x00" not in text else None
    return None


#: Letters that do not decompose into ASCII under NFKD.
_TRANSLIT = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d",
                           "Đ": "D", "ł": "l", "Ł": "L", "œ": "oe", "Œ": "OE", "þ": "th",
                           "Þ": "Th", "ð": "d", "Ð": "D"})


def slug(stem: str) -> str:
    """A readable, stable id from a file name stem: ``"Call – Müller 3"`` -> ``"call-muller-3"``."""
    ascii_text = unicodedata.normalize("NFKD", stem.translate(_TRANSLIT))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return s or "meeting"


def clean_name(name: str) -> str:
    """A speaker name with whitespace collapsed."""
    return " ".join(name.split())


def parse_clock(value: str) -> float:
    """Seconds from ``h:mm:ss.mmm``, ``mm:ss.mmm``, ``hh:mm:ss,mmm`` (SRT) or ``h:mm:ss``."""
    value = value.strip().replace(",", ".")
    parts = value.split(":")
    if not 2 <= len(parts) <= 3 or not all(parts):
        raise ValueError(f"not a time: {value!r}")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[0]) if len(parts) == 3 else 0
    minutes_ok = minutes < 60 or len(parts) == 2  # "75:30" is a valid mm:ss
    if not (0 <= seconds < 60 and minutes >= 0 and hours >= 0 and minutes_ok):
        raise ValueError(f"not a time: {value!r}")
    return hours * 3600 + minutes * 60 + seconds


def clock(seconds: float) -> str:
    """``mm:ss`` or ``h:mm:ss`` for messages shown to users."""
    total = int(round(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def build_meeting(path: str | Path, source_format: str, cues: list[RawCue],
                  warnings: list[str] | None = None, language: str | None = None,
                  meeting_id: str | None = None, metadata: dict | None = None) -> Meeting:
    """Apply the shared rules (see module docstring) and make a :class:`Meeting`."""
    warnings = list(warnings or ())
    kept = [c for c in cues if c.text.strip()]
    if len(kept) < len(cues):
        warnings.append(f"{len(cues) - len(kept)} cue(s) without any text were skipped")
    if not kept:
        raise TranscriptFormatError(path, f"no spoken text found in this {source_format} file",
                                    "check that the file is a transcript with text in it")
    _check_times(path, kept)
    timed = kept[0].start is not None
    metadata = dict(metadata or {})
    if timed:
        kept, moved = _sorted_by_start(kept)
        if moved:
            warnings.append(f"{moved} cue(s) were out of time order and were sorted by start "
                            "time (source_index keeps the original position)")
        overlaps = _count_overlaps(kept)
        if overlaps:
            metadata["overlapping_cues"] = overlaps
    nameless = sum(1 for c in kept if c.speaker is None)
    if nameless:
        what = "no cue names a speaker" if nameless == len(kept) else \
            f"{nameless} of {len(kept)} cues name no speaker"
        warnings.append(f"{what}: attributed to {UNKNOWN_SPEAKER!r}; pass a transcript with "
                        "speaker names for per-person figures")
    utterances = tuple(
        Utterance(index=i, speaker=c.speaker or UNKNOWN_SPEAKER, text=c.text, start=c.start,
                  end=c.end, words=c.words, source_index=c.source_index)
        for i, c in enumerate(kept))
    names = list(dict.fromkeys(u.speaker for u in utterances))
    if warnings:
        metadata["warnings"] = warnings
    return Meeting(
        id=meeting_id or slug(Path(path).stem), utterances=utterances,
        speakers=tuple(Speaker(name=n) for n in names), title=Path(path).stem,
        source=str(path), source_format=source_format, language=language,
        duration=max(u.end for u in utterances) if timed else None, metadata=metadata)


def _check_times(path: str | Path, cues: list[RawCue]) -> None:
    timed = [c.start is not None for c in cues]
    if any(timed) and not all(timed):
        bad = cues[timed.index(False)] if timed[0] else cues[timed.index(True)]
        raise TranscriptFormatError(path, f"{bad.where}: some cues have times and some do not",
                                    "give every cue a time, or none")
    for c in cues:
        if c.start is None:
            continue
        if c.start < 0 or c.end < c.start:
            raise TranscriptFormatError(
                path, f"{c.where}: end {clock(c.end)} ({c.end:.3f} s) is before start "
                f"{clock(c.start)} ({c.start:.3f} s)",
                "fix that cue's times in the file")


def _sorted_by_start(cues: list[RawCue]) -> tuple[list[RawCue], int]:
    ordered = sorted(cues, key=lambda c: c.start)  # stable: equal starts keep file order
    moved = sum(1 for a, b in zip(cues, ordered) if a is not b)
    return ordered, moved


def _count_overlaps(cues: list[RawCue]) -> int:
    """Cues that start before an earlier cue has ended (sorted input)."""
    count, latest_end = 0, None
    for c in cues:
        if latest_end is not None and c.start < latest_end:
            count += 1
        latest_end = c.end if latest_end is None else max(latest_end, c.end)
    return count


#: ``Name: text`` at the start of a cue or line. A name is 1-5 words of letters (with
#: . ' - and accents), so "Note: ..." is ambiguous but "10:30 works" or "So: ..." sentences
#: with more words before the colon are not names.
NAME_PREFIX = re.compile(
    r"^\s*(?P<name>[^\W\d_][\w.'’()\-]*(?:[ \t]+[\w.'’()\-]+){0,4})[ \t]*:[ \t]*(?P<text>.*)$",
    re.DOTALL)


#: Lower-case words allowed inside a multi-word name ("Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "del", "la",
                            "le", "al", "bin", "ibn", "y", "e", "dos", "das", "ter", "ten"})


def _is_name(candidate: str) -> bool:
    """One word (any case: "anna", "Speaker"), or words that start upper-case or with a
    digit ("Speaker 2", "Anna Berg (Acme)"). Rejects "So the question is: ..."."""
    words = candidate.split()
    if len(words) == 1:
        return True
    return all(w[0].isupper() or w[0].isdigit() or w[0] in "(" or w.lower() in NAME_PARTICLES
               for w in words)


def split_name(text: str) -> tuple[str | None, str]:
    """``("Anna Berg", "Hello")`` from ``"Anna Berg: Hello"``; ``(None, text)`` otherwise."""
    m = NAME_PREFIX.match(text)
    if not m or "://" in text[: m.end("name") + 3] or not _is_name(m.group("name")):
        return None, text.strip()
    return clean_name(m.group("name")), m.group("text").strip()


# ------------------------------------------------------------------ cue blocks (VTT, SRT)

def text_blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the index of its first line."""
    block: list[str] = []
    start = 0
    for i, line in enumerate(lines):
        if line.strip():
            if not block:
                start = i
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def read_cue_timing(path: str | Path, block: list[str], line_no: int, ordinal: int,
                    timing: re.Pattern, example: str) -> tuple[int, float, float, str]:
    """Find and read a cue block's ``start --> end`` line (the first or second line).

    Returns (index of the timing line in the block, start, end, where) — ``where`` names the
    cue and its line for later messages. ``example`` is a well-formed timing line for the
    error hint (SRT and WebVTT differ in the decimal separator).
    """
    timing_at = next((k for k, line in enumerate(block[:2]) if "-->" in line), None)
    if timing_at is None:
        raise TranscriptFormatError(path, f"line {line_no}: block without a cue timing line "
                                    f"({example!r}): {block[0][:60]!r}",
                                    "fix or remove that block")
    where = f"cue {ordinal + 1} (line {line_no + timing_at})"
    m = timing.match(block[timing_at])
    if not m:
        raise TranscriptFormatError(path, f"{where}: cannot read the timing "
                                    f"{block[timing_at].strip()!r}", f"times look like {example}")
    try:
        start, end = parse_clock(m.group("start")), parse_clock(m.group("end"))
    except ValueError as exc:
        raise TranscriptFormatError(path, f"{where}: {exc}", "fix that cue's times") from exc
    return timing_at, start, end, where


def load_json(path: str | Path, text: str, hint: str, what: str = "not valid JSON"):
    """``json.loads(text)``, or a TranscriptFormatError naming the file, the error and ``hint``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptFormatError(path, f"{what} ({exc})", hint) from exc
