"""Small HTML helpers shared by every report section. Import these instead of writing raw HTML.

Every helper returns a ``str`` of HTML that is safe to concatenate: any text that came from the
transcript (names, quotes, titles) is escaped inside the helper. Never put transcript text into
HTML without :func:`esc` — spoken text may contain ``<script>``.

::

    from meetinglens.report import html_kit as k

    k.esc(text)                        # escape text for element content or attribute values
    k.mmss(seconds)                    # 75.4 -> "01:15", 3725 -> "1:02:05", None -> "—"
    k.pct(0.434)                       # "43%"
    k.speaker_label(report, name)      # "Anna Berg (buyer, economic buyer)" from the report
    k.evidence_block(report, evidence) # <blockquote> quote + "01:15–01:32 · Anna Berg (buyer)"
    k.finding_block(report, finding)   # severity badge + summary + its evidence quotes
    k.findings_list(report, findings)  # all of them, or "No findings." when empty
    k.section(title, body_html, id_)   # <section><h2>title</h2>body</section>
    k.metrics_table([(label, value)])  # two-column table of key figures (values escaped)
    k.table(headers, rows)             # a simple data table (cells escaped)
    k.bar_chart([(label, value, css_class)], max_value, unit="%")  # inline SVG bars
    k.stacked_bar([(label, fraction, css_class)])                  # one 100% bar, inline SVG
    k.SIDE_CLASS["buyer"]              # CSS class colouring a side: "side-buyer"

Colours come from CSS classes defined once in the page stylesheet (``page.py``):
``side-seller``, ``side-buyer``, ``side-unknown`` and ``sev-positive|info|notice|warning``.
SVGs are inline, carry a ``<title>`` for screen readers, and need no JavaScript.
"""

from __future__ import annotations

import html
import math
from typing import Iterable, Sequence

from meetinglens.model import Evidence, Finding, Report

#: CSS class per side, so every chart and label uses the same colours.
SIDE_CLASS = {"seller": "side-seller", "buyer": "side-buyer", "unknown": "side-unknown"}

#: Human words for severities, shown in badges.
SEVERITY_LABEL = {"positive": "Good", "info": "Info", "notice": "Notice", "warning": "Warning"}

#: Quotes longer than this are shortened in evidence blocks (the full text is in the JSON/CSV).
MAX_QUOTE_CHARS = 400

#: Geometry of the bar charts, in SVG user units (pixels at 100% zoom).
BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 200
CHART_WIDTH = 820
VALUE_WIDTH = 70


def esc(text: object) -> str:
    """Escape ``text`` for HTML element content and quoted attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


def mmss(seconds: float | None) -> str:
    """``mm:ss`` under an hour, ``h:mm:ss`` from an hour on; an em dash when untimed."""
    if seconds is None or (isinstance(seconds, float) and not math.isfinite(seconds)):
        return "—"
    total = int(round(max(0.0, float(seconds))))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def duration_text(seconds: float | None) -> str:
    """A duration for prose: ``2 min 05 s`` or ``45 s``."""
    if seconds is None:
        return "—"
    total = int(round(seconds))
    minutes, secs = divmod(total, 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def pct(fraction: float | None, digits: int = 0) -> str:
    """``0.434`` -> ``'43%'``; ``None`` -> ``'—'``."""
    if fraction is None:
        return "—"
    return f"{100 * fraction:.{digits}f}%"


def _role_of(report: Report, name: str) -> str:
    influence = report.results.get("influence")
    if influence is None:
        return "unknown"
    roles = influence.metrics.get("roles", {})
    entry = roles.get(name, {}) if hasattr(roles, "get") else {}
    return entry.get("role", "unknown") if hasattr(entry, "get") else "unknown"


def speaker_label(report: Report, name: str | None) -> str:
    """Plain-text ``'Anna Berg (buyer, economic buyer)'`` (escape it before use in HTML)."""
    if name is None:
        return ""
    try:
        side = report.meeting.side_of(name)
    except KeyError:
        return name
    parts = [side] if side != "unknown" else []
    role = _role_of(report, name)
    if role != "unknown":
        parts.append("coach" if role == "coach" else f"{role} buyer")
    return f"{name} ({', '.join(parts)})" if parts else name


def _side_class(report: Report, name: str) -> str:
    try:
        return SIDE_CLASS.get(report.meeting.side_of(name), "side-unknown")
    except KeyError:
        return "side-unknown"


def shorten(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """Cut ``text`` at a word boundary near ``limit`` and add an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def evidence_block(report: Report, ev: Evidence) -> str:
    """A quote with who said it and when: what every finding must show."""
    when = f"{mmss(ev.start)}–{mmss(ev.end)}" if ev.start is not None else ""
    if ev.start is None and ev.utterance is not None:
        when = f"utterance {ev.utterance + 1}"
    who = esc(speaker_label(report, ev.speaker))
    cls = _side_class(report, ev.speaker)
    meta = f'<span class="when">{esc(when)}</span> · ' if when else ""
    return (f'<blockquote class="evidence {cls}"><p>“{esc(shorten(ev.quote))}”</p>'
            f'<footer>{meta}<span class="who">{who}</span></footer></blockquote>')


def badge(severity: str) -> str:
    label = SEVERITY_LABEL.get(severity, severity)
    return f'<span class="badge sev-{esc(severity)}">{esc(label)}</span>'


def finding_block(report: Report, f: Finding, max_evidence: int = 3,
                  more_where: str = "in the JSON report") -> str:
    """Severity badge, summary, then up to ``max_evidence`` evidence quotes.

    ``more_where`` tells the reader where the quotes not shown are ("in the section below").
    """
    quotes = "".join(evidence_block(report, e) for e in f.evidence[:max_evidence])
    more = len(f.evidence) - max_evidence
    noun = "quote" if more == 1 else "quotes"
    extra = (f'<p class="more">+ {more} more {noun} {esc(more_where)}</p>' if more > 0 else "")
    return (f'<div class="finding sev-{esc(f.severity)}">{badge(f.severity)} '
            f'<span class="summary">{esc(f.summary)}</span>{quotes}{extra}</div>')


def findings_list(report: Report, findings: Iterable[Finding], max_evidence: int = 3,
                  more_where: str = "in the JSON report") -> str:
    items = [finding_block(report, f, max_evidence, more_where) for f in findings]
    return "".join(items) if items else '<p class="none">No findings.</p>'


def section(title: str, body: str, id_: str = "") -> str:
    """A report section; ``body`` must already be HTML (built with these helpers)."""
    anchor = f' id="{esc(id_)}"' if id_ else ""
    return f'<section{anchor}><h2>{esc(title)}</h2>{body}</section>'


def metrics_table(pairs: Sequence[tuple[str, object]]) -> str:
    """Key figures as a two-column table; labels and values are escaped."""
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in pairs)
    return f'<table class="metrics">{rows}</table>'


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A simple data table; every cell is escaped."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def bar_chart(bars: Sequence[tuple[str, float, str]], max_value: float | None = None,
              unit: str = "%", title: str = "", scale: float = 100.0,
              marker: tuple[float, str] | None = None) -> str:
    """Horizontal bars as inline SVG.

    ``bars`` are ``(label, value, css_class)``; the printed value is ``value * scale`` with
    ``unit`` (fractions by default, shown as percent). ``marker`` = ``(value, label)`` draws a
    dashed reference line, e.g. a published benchmark.
    """
    if not bars:
        return ""
    top = max_value if max_value else max(v for _, v, _ in bars) or 1.0
    plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = len(bars) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP + (18 if marker else 0)
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {CHART_WIDTH} {height}" '
             f'width="{CHART_WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
             f'<title>{esc(title)}</title>']
    for i, (label, value, cls) in enumerate(bars):
        y = BAR_GAP + i * (BAR_HEIGHT + BAR_GAP)
        w = max(0.0, min(1.0, value / top)) * plot
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.7:.1f}" text-anchor="end">'
            f'{esc(shorten(label, 32))}</text>'
            f'<rect class="track" x="{LABEL_WIDTH}" y="{y}" width="{plot}" height="{BAR_HEIGHT}"/>'
            f'<rect class="{esc(cls)}" x="{LABEL_WIDTH}" y="{y}" width="{w:.1f}" '
            f'height="{BAR_HEIGHT}"/>'
            f'<text x="{LABEL_WIDTH + plot + 6}" y="{y + BAR_HEIGHT * 0.7:.1f}">'
            f'{value * scale:.0f}{esc(unit)}</text>')
    if marker:
        mx = LABEL_WIDTH + max(0.0, min(1.0, marker[0] / top)) * plot
        bottom = height - 18
        parts.append(f'<line class="marker" x1="{mx:.1f}" y1="2" x2="{mx:.1f}" y2="{bottom}"/>'
                     f'<text class="marker-label" x="{mx:.1f}" y="{height - 4}" '
                     f'text-anchor="middle">{esc(marker[1])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_bar(parts_: Sequence[tuple[str, float, str]], title: str = "",
                width: int = CHART_WIDTH, height: int = BAR_HEIGHT + 4) -> str:
    """One bar split into fractions (summing to ~1), labelled inside when wide enough."""
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{esc(title)}</title>']
    x = 0.0
    for label, frac, cls in parts_:
        w = max(0.0, frac) * width
        out.append(f'<rect class="{esc(cls)}" x="{x:.1f}" y="0" width="{w:.1f}" '
                   f'height="{height}"><title>{esc(label)} {pct(frac)}</title></rect>')
        if w > 60:
            out.append(f'<text class="inbar" x="{x + 6:.1f}" y="{height * 0.68:.1f}">'
                       f'{esc(shorten(label, 18))} {pct(frac)}</text>')
        x += w
    out.append("</svg>")
    return "".join(out)
