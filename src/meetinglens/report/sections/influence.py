"""Report section of the buying-influence analyzer: coverage grid, roles, absent influences,
red flags — each with the quotes that show it."""

from __future__ import annotations

from meetinglens.model import AnalyzerResult, Report
from meetinglens.report import html_kit as k

ROLE_NAMES = {"economic": "Economic buyer", "user": "User buyer", "technical": "Technical buyer",
              "coach": "Coach", "unknown": "Unknown"}
STATUS_NAMES = {"present": "in the meeting", "mentioned": "mentioned, not present",
                "not_seen": "not seen"}
STATUS_MARK = {"present": "●", "mentioned": "◐", "not_seen": "○"}
MODE_NAMES = {"growth": "growth", "trouble": "trouble", "even_keel": "even keel",
              "overconfident": "overconfident", "unclear": "unclear"}


def headlines(result: AnalyzerResult, report: Report) -> list[str]:
    """One sentence for the report summary: coverage and the number of red flags."""
    cover = result.metrics.get("coverage", {})
    present = [ROLE_NAMES[r].lower() for r, s in cover.items() if s == "present"]
    missing = [ROLE_NAMES[r].lower() for r, s in cover.items() if s == "not_seen"]
    flags = result.metrics.get("red_flags", [])
    parts = []
    if present:
        parts.append(f"Influences in the room: {', '.join(present)}")
    if missing:
        parts.append(f"not seen: {', '.join(missing)}")
    text = "; ".join(parts) or "No buying influence could be identified"
    return [f"{text}. {len(flags)} red flag{'s' if len(flags) != 1 else ''}."]


def _coverage_grid(result: AnalyzerResult) -> str:
    rows = [(f"{STATUS_MARK[r['status']]} {ROLE_NAMES[r['role']]}", STATUS_NAMES[r["status"]],
             r.get("speakers", "")) for r in result.tables.get("coverage", ())]
    return "<h3>Coverage of the four buying influences</h3>" + k.table(
        ("Influence", "Status", "Who"), rows)


def _roles(result: AnalyzerResult, report: Report) -> str:
    rows = [(r["speaker"], r["title"] or "—", ROLE_NAMES.get(r["role"], r["role"]),
             f"{r['confidence']:.2f}", r["basis"], MODE_NAMES.get(r["response_mode"], ""))
            for r in result.tables.get("roles", ())]
    if not rows:
        return '<p class="none">No buyer-side speaker to judge.</p>'
    body = k.table(("Buyer", "Title", "Role", "Confidence", "Judged from", "Response mode"), rows)
    shown = [f for f in result.findings
             if f.kind == "influence.role" or f.kind.startswith("influence.mode_")]
    return "<h3>Roles and response modes</h3>" + body + k.findings_list(report, shown, 2)


def _mentions(result: AnalyzerResult, report: Report) -> str:
    shown = [f for f in result.findings if f.kind == "influence.absent_influence"]
    if not shown:
        return ""
    return "<h3>Influences mentioned but not present</h3>" + k.findings_list(report, shown, 1)


def _flags(result: AnalyzerResult, report: Report) -> str:
    shown = [f for f in result.findings if f.data.get("flag")]
    body = k.findings_list(report, shown, 2) if shown else '<p class="none">No red flags.</p>'
    return "<h3>Red flags</h3>" + body


def html(result: AnalyzerResult, report: Report) -> str:
    notes = "".join(f'<p class="note">{k.esc(n)}</p>' for n in result.notes)
    return (_flags(result, report) + _coverage_grid(result) + _roles(result, report)
            + _mentions(result, report) + notes)


def markdown(result: AnalyzerResult, report: Report) -> str:
    from meetinglens.report.markdown import md_esc

    lines = []
    cover = result.metrics.get("coverage", {})
    lines.append("- Coverage: " + ", ".join(
        f"{ROLE_NAMES[r].lower()} {STATUS_NAMES[s]}" for r, s in cover.items()))
    for r in result.tables.get("roles", ()):
        lines.append(f"- {md_esc(r['speaker'])}: {ROLE_NAMES.get(r['role'], r['role']).lower()}"
                     f" ({r['confidence']:.2f}), {MODE_NAMES.get(r['response_mode'], '')} mode")
    for m in result.tables.get("mentions", ()):
        lines.append(f"- Mentioned, not present: {md_esc(m['who'])} "
                     f"({ROLE_NAMES.get(m['role'], m['role']).lower()}) — "
                     f"\u201c{md_esc(k.shorten(m['quote'], 160))}\u201d")
    for f in result.findings:
        if f.data.get("flag"):
            ev = f.evidence[0] if f.evidence else None
            when = f" {k.mmss(ev.start)}" if ev is not None and ev.start is not None else ""
            quote = (f" — {md_esc(ev.speaker)}{when}: \u201c{md_esc(k.shorten(ev.quote, 160))}"
                     "\u201d") if ev else ""
            lines.append(f"- **Red flag** {md_esc(f.summary)}{quote}")
    return "\n".join(lines)
