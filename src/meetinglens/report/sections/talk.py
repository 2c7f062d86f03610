"""Report section of the talk analyzer: shares, fifths, timeline, figures, reference points."""

from __future__ import annotations

from meetinglens.model import AnalyzerResult, Report
from meetinglens.report import html_kit as k
from meetinglens.wording import counted

SIDE_NAMES = {"seller": "Seller side", "buyer": "Customer side", "unknown": "Side unknown"}
TIMELINE_ROW = 22
TIMELINE_LABEL = 160
FIFTH_ROW = 24
LEGEND = ('<p class="legend"><span class="key side-seller"></span>seller'
          '<span class="key side-buyer"></span>customer'
          '<span class="key side-unknown"></span>side unknown</p>')


def _side(report: Report, name: str) -> str:
    try:
        return report.meeting.side_of(name)
    except KeyError:
        return "unknown"


def _amount(seconds, words, basis: str) -> str:
    return k.duration_text(seconds) if basis == "seconds" else f"{words} words"


def share_charts(result: AnalyzerResult, report: Report) -> str:
    """Talk share per side (with the Gong 43% mark) and per speaker."""
    sides = result.tables.get("sides", ())
    speakers = [r for r in result.tables.get("speakers", ()) if r.get("words")]
    side_bars = [(SIDE_NAMES.get(r["side"], r["side"]), r["share"] or 0.0,
                  k.SIDE_CLASS.get(r["side"], "side-unknown")) for r in sides]
    marker = (0.43, "seller share of top performers ~43% (Gong Labs)") if any(
        r["side"] == "seller" for r in sides) else None
    speaker_bars = [(r["speaker"], r["share"] or 0.0,
                    k.SIDE_CLASS.get(r["side"], "side-unknown"))
                    for r in sorted(speakers, key=lambda r: -(r["share"] or 0))]
    return ("<h3>Share of the talking</h3>" + LEGEND
            + k.bar_chart(side_bars, 1.0, title="Talk share by side", marker=marker)
            + k.bar_chart(speaker_bars, 1.0, title="Talk share by speaker"))


def fifths_chart(result: AnalyzerResult, basis: str) -> str:
    """One stacked bar per fifth of the meeting: does the customer talk more as it goes on?"""
    rows = result.tables.get("fifths", ())
    fifths = sorted({r["fifth"] for r in rows})
    if not fifths:
        return ""
    width, plot_x = k.CHART_WIDTH, 150
    plot = width - plot_x - 10
    height = len(fifths) * (FIFTH_ROW + 6) + 6
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
           '<title>Side balance in each fifth of the meeting</title>']
    for i, n in enumerate(fifths):
        mine = [r for r in rows if r["fifth"] == n]
        y = 6 + i * (FIFTH_ROW + 6)
        a, b = mine[0]["start"], mine[0]["end"]
        span = (f"{k.mmss(a)}–{k.mmss(b)}" if basis == "seconds"
                else f"words {int(a) + 1}–{int(b)}")
        out.append(f'<text x="{plot_x - 8}" y="{y + FIFTH_ROW * 0.7:.1f}" text-anchor="end">'
                   f'{k.esc(span)}</text>')
        x = float(plot_x)
        for r in mine:
            w = (r["share"] or 0.0) * plot
            if w <= 0:
                continue
            cls = k.SIDE_CLASS.get(r["side"], "side-unknown")
            out.append(f'<rect class="{cls}" x="{x:.1f}" y="{y}" width="{w:.1f}" '
                       f'height="{FIFTH_ROW}"><title>{k.esc(SIDE_NAMES[r["side"]])} '
                       f'{k.pct(r["share"])}</title></rect>')
            if w > 44:
                out.append(f'<text class="inbar" x="{x + 5:.1f}" y="{y + FIFTH_ROW * 0.7:.1f}">'
                           f'{k.pct(r["share"])}</text>')
            x += w
    out.append("</svg>")
    return ("<h3>Side balance across the meeting</h3>"
            '<p class="legend">Each bar is one fifth of the meeting, from the start at the '
            'top to the end at the bottom.</p>' + "".join(out))


def timeline(report: Report) -> str:
    """Who spoke when: one row per speaker, a block per utterance (timed meetings only)."""
    m = report.meeting
    if not m.timed or not m.utterances:
        return ""
    lo, hi = m.span
    total = max(hi - lo, 1e-6)
    names = [s.name for s in m.speakers if any(u.speaker == s.name for u in m.utterances)]
    width = k.CHART_WIDTH
    plot = width - TIMELINE_LABEL - 10
    height = len(names) * (TIMELINE_ROW + 6) + 24
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
           '<title>Timeline of who spoke when</title>']
    for i, name in enumerate(names):
        y = 4 + i * (TIMELINE_ROW + 6)
        out.append(f'<text x="{TIMELINE_LABEL - 8}" y="{y + TIMELINE_ROW * 0.7:.1f}" '
                   f'text-anchor="end">{k.esc(k.shorten(name, 22))}</text>'
                   f'<rect class="track" x="{TIMELINE_LABEL}" y="{y}" width="{plot}" '
                   f'height="{TIMELINE_ROW}"/>')
        cls = k.SIDE_CLASS.get(_side(report, name), "side-unknown")
        for u in m.utterances:
            if u.speaker != name:
                continue
            x = TIMELINE_LABEL + (u.start - lo) / total * plot
            w = max(1.0, (u.end - u.start) / total * plot)
            out.append(f'<rect class="{cls}" x="{x:.1f}" y="{y}" width="{w:.1f}" '
                       f'height="{TIMELINE_ROW}"/>')
    axis_y = height - 6
    for j in range(5):
        t = lo + total * j / 4
        x = TIMELINE_LABEL + plot * j / 4
        anchor = "start" if j == 0 else ("end" if j == 4 else "middle")
        out.append(f'<text x="{x:.1f}" y="{axis_y}" text-anchor="{anchor}">{k.mmss(t)}</text>')
    out.append("</svg>")
    return "<h3>Who spoke when</h3>" + "".join(out)


def figures(result: AnalyzerResult, report: Report) -> str:
    mx = result.metrics
    basis = mx.get("basis", "seconds")

    def stretch(key: str) -> str:
        item = mx.get(key)
        if not item:
            return "—"
        where = f" from {k.mmss(item['start'])}" if item.get("start") is not None else ""
        return (f"{_amount(item.get('seconds'), item.get('words'), basis)} by "
                f"{k.speaker_label(report, item['speaker'])}{where}")

    pause = mx.get("seller_response_pause_mean")
    pairs = [
        ("Measured in", "seconds" if basis == "seconds" else "words (untimed transcript)"),
        ("Longest uninterrupted stretch", stretch("longest_monologue")),
        ("Longest customer stretch", stretch("longest_customer_story")),
        ("Speaker switches per minute", mx.get("switches_per_minute", "—") or "—"),
        ("Average pause before the seller answers the customer",
         f"{pause:.1f} s" if pause is not None else "—"),
        ("Overlapping starts / interruptions",
         f"{mx['overlaps']} / {mx['interruptions']}" if mx.get("overlaps") is not None else "—"),
    ]
    return k.metrics_table(pairs)


def speaker_table(result: AnalyzerResult, report: Report) -> str:
    basis = result.metrics.get("basis", "seconds")
    rows = []
    for r in result.tables.get("speakers", ()):
        wpm = r.get("words_per_minute")
        rows.append((k.speaker_label(report, r["speaker"]), k.pct(r.get("share")),
                     _amount(r.get("talk_seconds"), r.get("words"), basis),
                     r.get("words"), "—" if wpm is None else f"{wpm:.0f}", r.get("turns"),
                     _amount(r.get("longest_stretch_seconds"), r.get("longest_stretch_words"),
                             basis)))
    return k.table(("Speaker", "Share", "Talk time" if basis == "seconds" else "Talk",
                    "Words", "Words/min", "Turns", "Longest stretch"), rows)


def references(result: AnalyzerResult) -> str:
    bench = result.metrics.get("benchmarks", {})
    items = []
    share = bench.get("talk_share")
    if share:
        lo, hi = share["average_reps_seller_share"]
        items.append(f"Top performers talk about {k.pct(share['top_performers_seller_share'])} "
                     f"and listen {k.pct(share['top_performers_listen_share'])}; average reps "
                     f"talk {k.pct(lo)}–{k.pct(hi)}.")
    for key in ("company_overview", "customer_story"):
        if key in bench:
            items.append(bench[key]["finding"].capitalize() + ".")
    if not items:
        return ""
    source = k.esc(share["source"]) if share else ""
    lis = "".join(f"<li>{k.esc(i)}</li>" for i in items)
    return (f"<h3>Reference points (context, not targets)</h3><ul>{lis}</ul>"
            f'<p class="note">Source: {source}</p>')


def html(result: AnalyzerResult, report: Report) -> str:
    basis = result.metrics.get("basis", "seconds")
    notes = "".join(f'<p class="note">{k.esc(n)}</p>' for n in result.notes)
    # Charts first: the summary above already lists the top findings with quotes.
    return (notes + share_charts(result, report) + fifths_chart(result, basis)
            + timeline(report) + "<h3>Figures</h3>" + figures(result, report)
            + speaker_table(result, report) + references(result)
            + "<h3>All talk findings</h3>" + k.findings_list(report, result.findings))


def markdown(result: AnalyzerResult, report: Report) -> str:
    from meetinglens.report.markdown import md_esc

    basis = result.metrics.get("basis", "seconds")
    lines = []
    for r in result.tables.get("speakers", ()):
        if not r.get("words"):
            continue
        amount = _amount(r.get("talk_seconds"), r.get("words"), basis)
        lines.append(f"- {md_esc(k.speaker_label(report, r['speaker']))}: "
                     f"{k.pct(r.get('share'))} ({amount}, {counted(r.get('turns'), 'turn')})")
    if basis != "seconds":
        lines.append("- _Untimed transcript: shares are word shares._")
    return "\n".join(lines)
