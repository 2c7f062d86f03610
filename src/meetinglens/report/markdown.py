"""The Markdown report: a short note to paste into a CRM (summary, key numbers, top findings).

Transcript text is escaped (:func:`md_esc`) so a quote cannot inject links, HTML or
formatting into the CRM that renders it. Analyzers with a section module that has
``markdown(result, report)`` add their own short part.
"""

from __future__ import annotations

import re

from meetinglens.model import Finding, Report
from meetinglens.report import html_kit as k
from meetinglens.report.summary import headlines, key_numbers, top_findings

MAX_MD_QUOTE_CHARS = 240
MAX_MD_FINDINGS = 8
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_esc(text: object) -> str:
    """One line of text with Markdown/HTML punctuation backslash-escaped (CommonMark)."""
    flat = " ".join(str("" if text is None else text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def finding_lines(report: Report, f: Finding, quotes: int = 1) -> list[str]:
    """``- **Warning** summary`` and up to ``quotes`` quoted evidence lines below it."""
    label = k.SEVERITY_LABEL.get(f.severity, f.severity)
    lines = [f"- **{label}:** {md_esc(f.summary)}"]
    for e in f.evidence[:quotes]:
        when = f"{k.mmss(e.start)}, " if e.start is not None else ""
        lines.append(f"  > “{md_esc(k.shorten(e.quote, MAX_MD_QUOTE_CHARS))}” "
                     f"— {when}{md_esc(k.speaker_label(report, e.speaker))}")
    return lines


def render_markdown(report: Report) -> str:
    from meetinglens.report.page import TITLES, section_module

    m = report.meeting
    out = [f"# {md_esc(m.title or m.id)}", ""]
    out += ["**Summary**", ""] + [f"- {md_esc(line)}" for line in headlines(report)] + [""]
    out += ["**Key numbers**", ""]
    out += [f"- {md_esc(label)}: {md_esc(value)}" for label, value in key_numbers(report)]
    out += ["", "**Top findings**", ""]
    top = top_findings(report, MAX_MD_FINDINGS)
    for f in top:
        out += finding_lines(report, f)
    if not top:
        out.append("- No findings that need attention.")
    for name, result in report.results.items():
        module = section_module(name)
        if module is not None and hasattr(module, "markdown"):
            part = module.markdown(result, report)
            if part and part.strip():
                out += ["", f"**{md_esc(TITLES.get(name, name.capitalize()))}**", "", part]
    for w in report.warnings:
        out.append(f"\n_Note: {md_esc(w)}_")
    out += ["", f"_meetinglens {md_esc(report.tool_version)}; full data in the JSON report._", ""]
    return "\n".join(out)
