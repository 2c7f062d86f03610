"""meetinglens's own JSON: a meeting (``meetinglens transcribe``) or a full report.

Speakers keep their sides; the participants file and inference only fill what is unknown
or override what the user states.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from meetinglens.errors import TranscriptFormatError
from meetinglens.io.common import load_json
from meetinglens.model import Meeting
from meetinglens.serialize import meeting_from_dict

FORMAT = "meetinglens-json"


def looks_like(data: object) -> bool:
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("meeting"), dict):
        data = data["meeting"]
    return isinstance(data.get("utterances"), list) and isinstance(data.get("speakers"), list)


def parse(path: str | Path, text: str) -> Meeting:
    data = load_json(path, text, "pass a file written by meetinglens")
    if not looks_like(data):
        raise TranscriptFormatError(path, "JSON without 'speakers' and 'utterances': "
                                    "not a meetinglens meeting or report",
                                    "pass a file written by 'meetinglens transcribe' or analyze")
    if isinstance(data.get("meeting"), dict):
        data = data["meeting"]
    try:
        meeting = meeting_from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise TranscriptFormatError(path, f"invalid meetinglens meeting: {exc}",
                                    "pass a file written by meetinglens, unedited") from exc
    if not meeting.utterances:
        raise TranscriptFormatError(path, "meeting without utterances",
                                    "the transcript is empty")
    metadata = dict(meeting.metadata)
    if meeting.source and meeting.source != str(path):
        metadata.setdefault("original_source", meeting.source)
    if meeting.source_format and meeting.source_format != FORMAT:
        metadata.setdefault("original_format", meeting.source_format)
    return replace(meeting, source=str(path), source_format=FORMAT, metadata=metadata)
