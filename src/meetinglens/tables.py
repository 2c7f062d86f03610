"""Tidy tables of a report as pandas DataFrames (pandas is imported only here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from meetinglens.model import Report

CORE_TABLES = ("utterances", "speakers", "findings")


def table_names(report: "Report") -> tuple[str, ...]:
    extra = [f"{name}.{t}" for name, r in report.results.items() for t in r.tables]
    return CORE_TABLES + tuple(extra)


def rows(report: "Report", name: str) -> list[dict]:
    """The rows of table ``name`` as flat dicts (the CSV export uses the same rows)."""
    m = report.meeting
    if name == "utterances":
        return [
            {"meeting": m.id, "index": u.index, "speaker": u.speaker,
             "side": m.side_of(u.speaker), "start": u.start, "end": u.end,
             "words": u.word_count, "text": u.text, "source_index": u.source_index}
            for u in m.utterances
        ]
    if name == "speakers":
        return [
            {"meeting": m.id, "name": s.name, "side": s.side, "side_source": s.side_source,
             "side_reason": s.side_reason, "org": s.org, "title": s.title, "email": s.email}
            for s in m.speakers
        ]
    if name == "findings":
        out = []
        for f in report.findings:
            first = f.evidence[0] if f.evidence else None
            out.append({
                "meeting": m.id, "kind": f.kind, "severity": f.severity, "summary": f.summary,
                "speaker": f.speaker, "side": f.side, "role": f.role, "confidence": f.confidence,
                "evidence_count": len(f.evidence),
                "evidence_start": first.start if first else None,
                "evidence_quote": first.quote if first else None,
            })
        return out
    analyzer, _, table = name.partition(".")
    result = report.results.get(analyzer)
    if result is None or table not in result.tables:
        raise KeyError(f"no table {name!r}; available: {', '.join(table_names(report))}")
    return [{"meeting": m.id, **row} for row in result.tables[table]]


def report_table(report: "Report", name: str) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame(rows(report, name))
