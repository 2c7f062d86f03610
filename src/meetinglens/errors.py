"""Exceptions raised by meetinglens.

Every error a user can cause or fix derives from :class:`MeetinglensError`, so the CLI can
print ``Error: <message>`` and exit non-zero instead of a traceback::

    MeetinglensError
    ├── InputError                 bad user input; ``path`` names the file
    │   ├── TranscriptFormatError  a transcript that cannot be read in the given/detected format
    │   ├── ParticipantsError      a participants file that is unreadable or contradicts itself
    │   ├── AudioDecodeError       a recording that cannot be decoded (corrupt, no audio stream)
    │   └── ReportFormatError      a report JSON that is not a meetinglens report
    ├── ModelNotFoundError         model weights not found; lists every place searched
    ├── MissingDependencyError     an optional dependency is not installed; names the extra
    └── AnalysisError              an analyzer cannot run on this meeting (missing requirement)

Backend exceptions are translated at the boundary with context
(``raise AudioDecodeError(path, detail) from exc``).
"""

from __future__ import annotations

from pathlib import Path


class MeetinglensError(Exception):
    """Base class of all meetinglens errors."""


class InputError(MeetinglensError):
    """A user-supplied input cannot be used. ``path`` is the offending file, if any."""

    def __init__(self, path: str | Path | None, message: str, hint: str = ""):
        self.path = None if path is None else Path(path)
        self.detail = message
        self.hint = hint
        text = f"{path}: {message}" if path is not None else message
        if hint:
            text = f"{text} ({hint})"
        super().__init__(text)


class TranscriptFormatError(InputError):
    """A transcript file cannot be parsed."""


class ParticipantsError(InputError):
    """A participants file is unreadable or inconsistent."""


class AudioDecodeError(InputError):
    """A recording cannot be decoded."""


class ReportFormatError(InputError):
    """A JSON file is not a meetinglens report this version can read."""


class ModelNotFoundError(MeetinglensError):
    """Model weights were not found. The message lists every place searched."""

    def __init__(self, model: str, searched: list[str], hint: str = ""):
        self.model = model
        self.searched = list(searched)
        lines = [f"model {model!r} not found; searched:"]
        lines += [f"  - {place}" for place in searched]
        if hint:
            lines.append(hint)
        super().__init__("\n".join(lines))


class MissingDependencyError(MeetinglensError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, module: str, extra: str):
        self.module = module
        self.extra = extra
        super().__init__(
            f"{module!r} is not installed; install it with: pip install 'meetinglens[{extra}]'"
            + (" (install torch==2.13.0 first)" if extra in {"audio", "train", "all"} else "")
        )


class AnalysisError(MeetinglensError):
    """An analyzer cannot run on this meeting."""
