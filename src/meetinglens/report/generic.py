"""Fallback rendering for analyzers without a ``report/sections/<name>.py`` module.

Shows what every result has: notes, scalar metrics and findings with evidence. Nested
metrics are left to the JSON report (a rep cannot read a dict dump).
"""

from __future__ import annotations

from meetinglens.model import AnalyzerResult, Report
from meetinglens.report import html_kit as k

MAX_METRICS = 16


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _value(v: object) -> str:
    if isinstance(v, float):
        return f"{v:.3g}" if abs(v) < 1000 else f"{v:.0f}"
    return str(v)


def scalar_metrics(result: AnalyzerResult) -> list[tuple[str, str]]:
    pairs = [(_label(key), _value(v)) for key, v in result.metrics.items()
             if isinstance(v, (int, float, str, bool)) and v is not None]
    return pairs[:MAX_METRICS]


def html(result: AnalyzerResult, report: Report) -> str:
    notes = "".join(f'<p class="note">{k.esc(n)}</p>' for n in result.notes)
    pairs = scalar_metrics(result)
    figures = k.metrics_table(pairs) if pairs else ""
    return notes + figures + "<h3>Findings</h3>" + k.findings_list(report, result.findings)


def markdown(result: AnalyzerResult, report: Report) -> str:
    from meetinglens.report.markdown import finding_lines

    lines = [f"- {_label(key)}: {v}" for key, v in scalar_metrics(result)]
    for f in result.findings:
        lines += finding_lines(report, f)
    return "\n".join(lines)
