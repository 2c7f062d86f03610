"""Report section of the value analyzer: co-creation summary, feature vs benefit over time,
signal counts, and every detected signal with its quote."""

from __future__ import annotations

from collections import defaultdict

from meetinglens.model import AnalyzerResult, Report
from meetinglens.report import html_kit as k

SIGNAL_ORDER = ("customer_motive", "customer_context", "customer_question", "agreement",
                "customer_next_step", "competitor_info", "reference_case", "benefit_focus",
                "joint_planning", "objection")
#: Quotes shown per signal in the HTML list (all of them are in the JSON and the table).
QUOTES_PER_SIGNAL = 3
#: Geometry of the feature/benefit chart (SVG user units).
CHART_W, CHART_H, PAD, BAR_W = 600, 170, 28, 22
LEGEND = ('<p class="legend"><span class="key side-seller"></span>feature talk'
          '<span class="key side-buyer"></span>benefit talk</p>')


def _title(signal: str) -> str:
    return signal.replace("_", " ").capitalize()


def _find(result: AnalyzerResult, kind: str):
    return next((f for f in result.findings if f.kind == kind), None)


def timeline_svg(result: AnalyzerResult) -> str:
    """Feature talk vs benefit talk per fifth of the meeting, as paired bars."""
    bins = result.tables.get("timeline", ())
    if not bins:
        return ""
    top = max([max(b["feature_talk"], b["benefit_talk"]) for b in bins] + [1])
    slot = (CHART_W - 2 * PAD) / len(bins)
    plot_h = CHART_H - 2 * PAD
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {CHART_W} {CHART_H}" width="{CHART_W}" '
             f'height="{CHART_H}" xmlns="http://www.w3.org/2000/svg">'
             '<title>Feature talk vs benefit talk per fifth of the meeting</title>']
    for i, b in enumerate(bins):
        x0 = PAD + i * slot + (slot - 2 * BAR_W) / 2
        for j, (key, cls) in enumerate((("feature_talk", "side-seller"), ("benefit_talk", "side-buyer"))):
            h = b[key] / top * plot_h
            x = x0 + j * BAR_W
            parts.append(f'<rect class="{cls}" x="{x:.1f}" y="{PAD + plot_h - h:.1f}" '
                         f'width="{BAR_W - 2}" height="{h:.1f}"><title>{k.esc(key.replace("_", " "))}: '
                         f'{b[key]}</title></rect>'
                         f'<text x="{x + BAR_W / 2 - 1:.1f}" y="{PAD + plot_h - h - 4:.1f}" '
                         f'text-anchor="middle">{b[key]}</text>')
        label = (f"{k.mmss(b['start'])}–{k.mmss(b['end'])}" if b.get("start") is not None
                 else f"fifth {b['bin']}")
        parts.append(f'<text x="{PAD + i * slot + slot / 2:.1f}" y="{CHART_H - 8}" '
                     f'text-anchor="middle">{k.esc(label)}</text>')
    parts.append("</svg>")
    return LEGEND + "".join(parts)


def figures(result: AnalyzerResult) -> str:
    m = result.metrics
    return k.metrics_table([
        ("Co-creation", m.get("co_creation_level", "—")),
        ("Interaction", m.get("interaction_style", "—")),
        ("Next step driven by", m.get("next_step_driver", "—")),
        ("Seller / customer questions", f"{m.get('seller_questions', 0)} / "
                                        f"{m.get('customer_questions', 0)}"),
        ("Feature / benefit talk (utterances)", f"{m.get('feature_talk', 0)} / "
                                                f"{m.get('benefit_talk', 0)}"),
    ])


def signal_list(result: AnalyzerResult, report: Report) -> str:
    by_signal = defaultdict(list)
    for f in result.findings:
        signal = f.data.get("signal") if f.data else None
        if signal:
            by_signal[signal].append(f)
    counts = result.metrics.get("signals", {})
    rows = [(_title(s), counts.get(s, 0)) for s in SIGNAL_ORDER]
    out = [k.table(["Signal", "Utterances"], rows)]
    for signal in SIGNAL_ORDER:
        found = sorted(by_signal.get(signal, ()), key=lambda f: -(f.confidence or 0))
        if not found:
            continue
        out.append(f"<h4>{k.esc(_title(signal))} ({len(found)})</h4>")
        for f in found[:QUOTES_PER_SIGNAL]:
            out.extend(k.evidence_block(report, e) for e in f.evidence)
        if len(found) > QUOTES_PER_SIGNAL:
            out.append(f'<p class="more">+ {len(found) - QUOTES_PER_SIGNAL} more in the '
                       'JSON report and the value.signals table</p>')
    return "".join(out)


def html(result: AnalyzerResult, report: Report) -> str:
    notes = "".join(f'<p class="note">{k.esc(n)}</p>' for n in result.notes)
    meeting_level = [f for f in result.findings if not (f.data or {}).get("signal")]
    return (notes + "<h3>Co-creation</h3>" + figures(result)
            + k.findings_list(report, meeting_level, max_evidence=4)
            + "<h3>Feature talk vs benefit talk over time</h3>" + timeline_svg(result)
            + "<h3>Signals</h3>" + signal_list(result, report))


def headlines(result: AnalyzerResult, report: Report) -> list[str]:
    m = result.metrics
    if m.get("co_creation_level", "unknown") == "unknown":
        return []
    return [f"Value co-creation {m['co_creation_level']}; next step: "
            f"{m.get('next_step_driver', 'unknown')}; {m.get('interaction_style', 'unknown')}."]


def markdown(result: AnalyzerResult, report: Report) -> str:
    from meetinglens.report.markdown import md_esc

    m = result.metrics
    lines = [f"- Co-creation: {md_esc(m.get('co_creation_level'))}; interaction: "
             f"{md_esc(m.get('interaction_style'))}; next step: {md_esc(m.get('next_step_driver'))}"]
    summary = _find(result, "value.co_creation")
    for ev in (summary.evidence if summary else ()):
        when = k.mmss(ev.start) if ev.start is not None else f"line {(ev.utterance or 0) + 1}"
        lines.append(f"- {md_esc(k.speaker_label(report, ev.speaker))}, {md_esc(when)}: "
                     f"\u201c{md_esc(k.shorten(ev.quote, 160))}\u201d")
    return "\n".join(lines)
