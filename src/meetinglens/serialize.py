"""JSON (de)serialization of meetings and reports.

Numbers are rounded only here, at the edge (times to milliseconds), so that
JSON -> model -> JSON is lossless. The JSON Schema is ``meetinglens/schema/report.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from meetinglens.errors import ReportFormatError
from meetinglens.model import (
    SCHEMA_VERSION,
    AnalyzerResult,
    Evidence,
    Finding,
    Meeting,
    ModelInfo,
    Report,
    Speaker,
    Utterance,
    Word,
)

TIME_DECIMALS = 3


def _t(x: float | None) -> float | None:
    return None if x is None else round(float(x), TIME_DECIMALS)


def _jsonable(value: Any) -> Any:
    """Plain JSON types: tuples become lists, numpy scalars become Python numbers."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        return _jsonable(value.item())
    return value


# ---------------------------------------------------------------- to dict

def word_to_dict(w: Word) -> dict:
    d = {"text": w.text, "start": _t(w.start), "end": _t(w.end)}
    if w.probability is not None:
        d["probability"] = round(float(w.probability), 4)
    return d


def speaker_to_dict(s: Speaker) -> dict:
    return {
        "name": s.name, "side": s.side, "side_source": s.side_source,
        "side_reason": s.side_reason, "org": s.org, "title": s.title, "email": s.email,
        "aliases": list(s.aliases),
    }


def utterance_to_dict(u: Utterance) -> dict:
    return {
        "index": u.index, "speaker": u.speaker, "start": _t(u.start), "end": _t(u.end),
        "text": u.text, "source_index": u.source_index,
        "words": [word_to_dict(w) for w in u.words],
    }


def meeting_to_dict(m: Meeting) -> dict:
    return {
        "id": m.id, "title": m.title, "source": m.source, "source_format": m.source_format,
        "language": m.language, "duration": _t(m.duration), "metadata": _jsonable(m.metadata),
        "speakers": [speaker_to_dict(s) for s in m.speakers],
        "utterances": [utterance_to_dict(u) for u in m.utterances],
    }


def evidence_to_dict(e: Evidence) -> dict:
    return {"speaker": e.speaker, "quote": e.quote, "start": _t(e.start), "end": _t(e.end),
            "utterance": e.utterance}


def finding_to_dict(f: Finding) -> dict:
    return {
        "kind": f.kind, "summary": f.summary, "severity": f.severity, "speaker": f.speaker,
        "side": f.side, "role": f.role,
        "confidence": None if f.confidence is None else round(float(f.confidence), 4),
        "evidence": [evidence_to_dict(e) for e in f.evidence], "data": _jsonable(f.data),
    }


def model_to_dict(m: ModelInfo) -> dict:
    return {"name": m.name, "path": m.path, "version": m.version, "sha256": m.sha256}


def result_to_dict(r: AnalyzerResult) -> dict:
    return {
        "name": r.name, "metrics": _jsonable(r.metrics),
        "findings": [finding_to_dict(f) for f in r.findings],
        "tables": {k: _jsonable(v) for k, v in r.tables.items()}, "notes": list(r.notes),
        "models": [model_to_dict(m) for m in r.models],
    }


def report_to_dict(r: Report) -> dict:
    return {
        "schema_version": r.schema_version, "tool_version": r.tool_version,
        "created": r.created, "meeting": meeting_to_dict(r.meeting),
        "results": {name: result_to_dict(res) for name, res in r.results.items()},
        "models": [model_to_dict(m) for m in r.models],
        "warnings": list(r.warnings),
    }


# ---------------------------------------------------------------- from dict

def word_from_dict(d: dict) -> Word:
    return Word(d["text"], d["start"], d["end"], d.get("probability"))


def speaker_from_dict(d: dict) -> Speaker:
    return Speaker(
        name=d["name"], side=d.get("side", "unknown"), side_source=d.get("side_source", "default"),
        side_reason=d.get("side_reason", ""), org=d.get("org"), title=d.get("title"),
        email=d.get("email"), aliases=tuple(d.get("aliases", ())),
    )


def utterance_from_dict(d: dict) -> Utterance:
    return Utterance(
        index=d["index"], speaker=d["speaker"], text=d["text"], start=d.get("start"),
        end=d.get("end"), words=tuple(word_from_dict(w) for w in d.get("words", ())),
        source_index=d.get("source_index"),
    )


def meeting_from_dict(d: dict) -> Meeting:
    return Meeting(
        id=d["id"], title=d.get("title", ""), source=d.get("source", ""),
        source_format=d.get("source_format", ""), language=d.get("language"),
        duration=d.get("duration"), metadata=d.get("metadata", {}),
        speakers=tuple(speaker_from_dict(s) for s in d["speakers"]),
        utterances=tuple(utterance_from_dict(u) for u in d["utterances"]),
    )


def evidence_from_dict(d: dict) -> Evidence:
    return Evidence(speaker=d["speaker"], quote=d["quote"], start=d.get("start"),
                    end=d.get("end"), utterance=d.get("utterance"))


def finding_from_dict(d: dict) -> Finding:
    return Finding(
        kind=d["kind"], summary=d["summary"], severity=d.get("severity", "info"),
        speaker=d.get("speaker"), side=d.get("side"), role=d.get("role"),
        confidence=d.get("confidence"), data=d.get("data", {}),
        evidence=tuple(evidence_from_dict(e) for e in d.get("evidence", ())),
    )


def result_from_dict(d: dict) -> AnalyzerResult:
    return AnalyzerResult(
        name=d["name"], metrics=d.get("metrics", {}),
        findings=tuple(finding_from_dict(f) for f in d.get("findings", ())),
        tables={k: tuple(v) for k, v in d.get("tables", {}).items()},
        notes=tuple(d.get("notes", ())),
        models=tuple(ModelInfo(**m) for m in d.get("models", ())),
    )


def report_from_dict(d: dict) -> Report:
    version = str(d.get("schema_version", ""))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ValueError(f"schema_version {version!r} is not readable by this version "
                         f"(reads {SCHEMA_VERSION.split('.')[0]}.x)")
    return Report(
        meeting=meeting_from_dict(d["meeting"]),
        results={k: result_from_dict(v) for k, v in d.get("results", {}).items()},
        models=tuple(ModelInfo(**m) for m in d.get("models", ())),
        warnings=tuple(d.get("warnings", ())), tool_version=d.get("tool_version", ""),
        created=d.get("created", ""), schema_version=version,
    )


# ---------------------------------------------------------------- files

def dumps(report: Report, indent: int | None = 2) -> str:
    return json.dumps(report_to_dict(report), indent=indent, ensure_ascii=False)


def load_report(path: str | Path) -> Report:
    """Read a report written by ``meetinglens analyze --format json``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ReportFormatError(path, "no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportFormatError(path, f"not JSON ({exc})",
                                "pass a report written by 'meetinglens analyze'") from exc
    if not isinstance(data, dict) or "meeting" not in data or "results" not in data:
        raise ReportFormatError(path, "not a meetinglens report (no 'meeting' and 'results')",
                                "pass a report written by 'meetinglens analyze'")
    try:
        return report_from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ReportFormatError(path, f"invalid report: {exc}") from exc
