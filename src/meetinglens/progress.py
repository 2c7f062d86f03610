"""Progress is a hook, not prints.

Long-running stages call ``on_progress(ProgressEvent(...))``; the CLI turns the events into
progress bars, a service could turn them into percentages. ``None`` means nobody listens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional


@dataclass(frozen=True)
class ProgressEvent:
    stage: str  # "decode", "transcribe", "diarize", "attribute", "analyze", "report"
    completed: float  # units done so far (seconds of audio, files, items)
    total: float | None = None  # units in all, when known
    unit: str = "s"
    file: str = ""  # the input this event concerns


ProgressHook = Optional[Callable[[ProgressEvent], None]]


def emit(hook: ProgressHook, stage: str, completed: float, total: float | None = None,
         unit: str = "s", file: str = "") -> None:
    """Send one event to ``hook`` if there is one."""
    if hook is not None:
        hook(ProgressEvent(stage, completed, total, unit, file))
