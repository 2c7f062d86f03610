"""meetinglens: what happened in a recorded B2B sales meeting, with the evidence.

    >>> import meetinglens
    >>> report = meetinglens.analyze("samples/discovery-call.vtt", participants="samples/discovery-call.participants.yaml")
    >>> report.table("talk.speakers")          # a pandas DataFrame

Heavy dependencies (torch, whisper) load only when a recording is transcribed.
"""

from __future__ import annotations

__version__ = "0.1.0"

from meetinglens.errors import MeetinglensError
from meetinglens.model import (
    AnalyzerResult,
    Evidence,
    Finding,
    Meeting,
    Report,
    Speaker,
    Turn,
    Utterance,
    Word,
)
from meetinglens.serialize import load_report

__all__ = [
    "AnalyzerResult", "Evidence", "Finding", "Meeting", "MeetinglensError", "Report", "Speaker",
    "Turn", "Utterance", "Word", "analyze", "load_meeting", "load_report", "__version__",
]


def __getattr__(name: str):
    # The API module pulls in importers and analyzers; keep `import meetinglens` cheap.
    if name in {"analyze", "load_meeting"}:
        from meetinglens import api

        return getattr(api, name)
    raise AttributeError(f"module 'meetinglens' has no attribute {name!r}")
