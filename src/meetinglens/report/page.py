"""The HTML report: one self-contained page a sales rep reads top to bottom.

Summary first (headlines, key numbers, top findings with quotes), then who was there, then one
section per analyzer. No scripts, no external resources: styles are inline, charts are SVG.
Every piece of transcript text goes through :func:`html_kit.esc`.

An analyzer's section comes from ``meetinglens.report.sections.<name>.html(result, report)``
when that module exists, else from :mod:`meetinglens.report.generic`. The module may also
define ``headlines(result, report) -> list[str]`` (sentences for the summary, most important
first) and ``markdown(result, report) -> str`` (a few lines for the CRM note). A section that raises is
replaced by the generic one with a visible note, so one broken renderer does not lose the
report (the error is also listed under "Report warnings").
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

from meetinglens.model import AnalyzerResult, Report
from meetinglens.report import generic
from meetinglens.report import html_kit as k
from meetinglens.report.summary import headlines, key_numbers, top_findings

_MODULE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
#: Section titles for the analyzers we know; others get their name capitalized.
TITLES = {"talk": "Talk balance", "questions": "Questions", "value": "Value co-creation",
          "influence": "Buying influences"}
SIDE_SOURCE_TEXT = {"participants": "participants file", "cli": "--seller option",
                    "inferred": "inferred", "default": "not known"}

CSS = """
:root{--seller:#2f6db5;--buyer:#e08a1e;--unknown:#9aa3ad;--ink:#1d2430;--muted:#5b6573}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
 max-width:980px;margin:24px auto;padding:0 20px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid #e3e7ec;
 padding-bottom:4px;margin-top:32px}h3{font-size:16px;margin:18px 0 6px}
.meta,.note,.more,.none,.legend{color:var(--muted);font-size:13px}
.headlines li{margin:4px 0}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.card{border:1px solid #dfe4ea;border-radius:8px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:20px}.card span{color:var(--muted);font-size:12px}
.finding{margin:10px 0;padding:8px 12px;border-left:4px solid var(--unknown);background:#f8f9fb}
.finding.sev-warning{border-color:#c0392b}.finding.sev-positive{border-color:#2e8b57}
.finding.sev-notice{border-color:#d4a017}
.badge{display:inline-block;font-size:11px;font-weight:600;text-transform:uppercase;
 padding:1px 6px;border-radius:4px;color:#fff;background:#7f8c8d;margin-right:4px}
.badge.sev-warning{background:#c0392b}.badge.sev-positive{background:#2e8b57}
.badge.sev-notice{background:#b7860b}
blockquote.evidence{margin:6px 0 6px 8px;padding:2px 10px;border-left:3px solid var(--unknown)}
blockquote.evidence p{margin:2px 0;font-style:italic}
blockquote.evidence footer{font-size:12px;color:var(--muted)}
blockquote.side-seller{border-color:var(--seller)}blockquote.side-buyer{border-color:var(--buyer)}
table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 10px;text-align:left;
 border-bottom:1px solid #e8ebef;vertical-align:top}table.metrics th{font-weight:500;
 color:var(--muted)}
svg.chart{max-width:100%;height:auto;display:block;margin:6px 0}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}svg text.inbar{fill:#fff;font-weight:600}
rect.track{fill:#eef1f4}rect.side-seller{fill:var(--seller)}rect.side-buyer{fill:var(--buyer)}
rect.side-unknown{fill:var(--unknown)}line.marker{stroke:#333;stroke-dasharray:4 3}
text.marker-label{font-size:11px;fill:var(--muted)}line.grid{stroke:#dde2e7}
.key{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px}
.key.side-seller{background:var(--seller)}.key.side-buyer{background:var(--buyer)}
.key.side-unknown{background:var(--unknown)}
footer.page{margin-top:40px;font-size:12px;color:var(--muted)}
@media print{body{margin:0;max-width:none;font-size:12px}section{break-inside:auto}
 .finding,blockquote,svg{break-inside:avoid}h2{break-after:avoid}}
"""


def section_module(name: str) -> ModuleType | None:
    """``meetinglens.report.sections.<name>`` if it exists (names are checked first)."""
    if not _MODULE_NAME.match(name):
        return None
    full = f"meetinglens.report.sections.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name == full:
            return None
        raise


def render_section(name: str, result: AnalyzerResult, report: Report,
                   problems: list[str]) -> str:
    """One analyzer's HTML via its section module, or the generic one if absent or broken."""
    title = TITLES.get(name, name.replace("_", " ").capitalize())
    module = None
    try:
        module = section_module(name)
        body = module.html(result, report) if module and hasattr(module, "html") else None
    except Exception as exc:  # a broken renderer must not lose the whole report
        problems.append(f"the {name} section could not be drawn ({type(exc).__name__}: {exc}); "
                        "showing the plain version")
        body = None
    if body is None:
        body = generic.html(result, report)
    return k.section(title, body, f"section-{name}" if _MODULE_NAME.match(name) else "")


def _participants(report: Report) -> str:
    m = report.meeting
    rows = []
    for s in m.speakers:
        words = sum(u.word_count for u in m.utterances if u.speaker == s.name)
        how = SIDE_SOURCE_TEXT.get(s.side_source, s.side_source)
        if s.side_reason and s.side_source == "inferred":
            how = f"{how}: {s.side_reason}"
        rows.append((k.speaker_label(report, s.name), s.org or "", s.title or "", how, words))
    return k.section("Who was there",
                     k.table(("Speaker", "Organisation", "Title", "Side from", "Words"), rows),
                     "participants")


def _summary(report: Report) -> str:
    items = "".join(f"<li>{k.esc(line)}</li>" for line in headlines(report))
    cards = "".join(f'<div class="card"><b>{k.esc(v)}</b><span>{k.esc(label)}</span></div>'
                    for label, v in key_numbers(report))
    top = top_findings(report)
    top_html = ("<h3>Top findings</h3>" + k.findings_list(report, top, max_evidence=1,
                                                     more_where="in its section below")
                if top else "")
    return k.section("Summary", f'<ul class="headlines">{items}</ul>'
                     f'<div class="cards">{cards}</div>{top_html}', "summary")


def _when(created: str) -> str:
    """'2026-11-22T16:50:52+00:00' -> '2026-11-22 16:50 UTC' (anything else unchanged)."""
    from datetime import datetime, timezone

    try:
        stamp = datetime.fromisoformat(created)
    except ValueError:
        return created
    if stamp.tzinfo is not None:
        return stamp.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return stamp.strftime("%Y-%m-%d %H:%M")


def _header(report: Report) -> str:
    m = report.meeting
    title = m.title or m.id
    bits = [f"Source: {m.source}" if m.source else "", f"Format: {m.source_format}"
            if m.source_format else "", f"Report created {_when(report.created)}" if report.created
            else ""]
    meta = " · ".join(b for b in bits if b)
    return f"<header><h1>{k.esc(title)}</h1><p class=\"meta\">{k.esc(meta)}</p></header>"


def _footer(report: Report, problems: list[str]) -> str:
    warnings = list(report.warnings) + problems
    warn_html = ""
    if warnings:
        items = "".join(f"<li>{k.esc(w)}</li>" for w in warnings)
        warn_html = k.section("Report warnings", f"<ul>{items}</ul>", "warnings")
    models = ", ".join(f"{m.name} {m.version}".strip() for m in report.models)
    text = (f"meetinglens {report.tool_version} · report schema {report.schema_version}"
            + (f" · models: {models}" if models else "")
            + " · every figure and quote is in the JSON report.")
    return f'{warn_html}<footer class="page">{k.esc(text)}</footer>'


def render_html(report: Report) -> str:
    """The whole page as one string."""
    problems: list[str] = []
    sections = "".join(render_section(name, result, report, problems)
                       for name, result in report.results.items())
    title = report.meeting.title or report.meeting.id
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{k.esc(title)} · meetinglens</title><style>{CSS}</style></head><body>"
            + _header(report) + _summary(report) + _participants(report) + sections
            + _footer(report, problems) + "</body></html>\n")
