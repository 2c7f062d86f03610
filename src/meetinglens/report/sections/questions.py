"""Report section of the questions analyzer: figures per side, a timeline of questions
(one row per side, filled dots for open questions), topics, and every question listed."""

from __future__ import annotations

from collections import Counter

from meetinglens.model import AnalyzerResult, Report
from meetinglens.report import html_kit as k
from meetinglens.wording import counted

SIDE_NAMES = {"seller": "Seller side", "buyer": "Customer side", "unknown": "Side unknown"}
TYPE_NAMES = {"wh": "wh-", "yes_no": "yes/no", "declarative": "declarative", "tag": "tag",
              "alternative": "either/or", "rhetorical": "rhetorical"}
#: Timeline geometry (SVG user units).
ROW = 30
LABEL = 130
DOT = 5
#: Questions listed in full in the HTML (all of them are in the JSON/CSV table).
MAX_LISTED = 200


def _side_order(rows) -> list[str]:
    present = {r["side"] for r in rows}
    return [s for s in ("seller", "buyer", "unknown") if s in present]


def timeline(result: AnalyzerResult, report: Report) -> str:
    """Questions over time per side: filled dot = open question, ring = closed."""
    rows = [r for r in result.tables.get("questions", ()) if r["qtype"] != "rhetorical"]
    if not rows:
        return ""
    timed = all(r["time"] is not None for r in rows) and report.meeting.span is not None
    if timed:
        lo, hi = report.meeting.span
        pos = {id(r): (r["time"] - lo) / max(hi - lo, 1e-9) for r in rows}
    else:
        n = max(len(report.meeting.utterances) - 1, 1)
        pos = {id(r): r["utterance"] / n for r in rows}
    sides = _side_order(rows)
    plot = k.CHART_WIDTH - LABEL - 20
    height = len(sides) * ROW + 24
    out = [f'<svg class="chart" role="img" viewBox="0 0 {k.CHART_WIDTH} {height}" '
           f'width="{k.CHART_WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
           '<title>Questions over the meeting by side (filled: open, ring: closed)</title>']
    for i, side in enumerate(sides):
        y = 10 + i * ROW + ROW / 2
        cls = k.SIDE_CLASS.get(side, "side-unknown")
        out.append(f'<text x="0" y="{y + 4:.0f}" font-size="12">{k.esc(SIDE_NAMES[side])}</text>'
                   f'<line x1="{LABEL}" y1="{y:.0f}" x2="{LABEL + plot}" y2="{y:.0f}" '
                   'stroke="#ccc"/>')
        for r in rows:
            if r["side"] != side:
                continue
            x = LABEL + pos[id(r)] * plot
            when = k.mmss(r["time"]) if timed else f"utterance {r['utterance']}"
            tip = f"{when} {r['speaker']}: {r['text']}"
            fill = "" if r["open"] else ' fill="white" stroke-width="2"'
            out.append(f'<circle class="{cls}" cx="{x:.1f}" cy="{y:.0f}" r="{DOT}"{fill}>'
                       f'<title>{k.esc(k.shorten(tip, 160))}</title></circle>')
    axis_y = 10 + len(sides) * ROW + 8
    left = k.mmss(report.meeting.span[0]) if timed else "start"
    right = k.mmss(report.meeting.span[1]) if timed else "end"
    out.append(f'<text x="{LABEL}" y="{axis_y}" font-size="11">{k.esc(left)}</text>'
               f'<text x="{LABEL + plot}" y="{axis_y}" font-size="11" text-anchor="end">'
               f'{k.esc(right)}</text></svg>')
    return "<h3>Questions over the meeting</h3>" + "".join(out)


def figures(result: AnalyzerResult) -> str:
    m = result.metrics
    pairs = [("Questions asked (rhetorical not counted)", m.get("questions", 0)),
             ("Open share", k.pct(m.get("open_share"))),
             ("Questions per 10 minutes", m.get("per_10_min") if m.get("per_10_min") is not None
              else "— (untimed)"),
             ("Customer questions (engagement signal)", m.get("customer_questions", 0)),
             ("Survey-style stretches", m.get("survey_stretches", 0)),
             ("Rhetorical questions", m.get("rhetorical", 0))]
    rows = []
    for side, s in m.get("by_side", {}).items():
        rows.append((SIDE_NAMES.get(side, side), s["questions"], k.pct(s["open_share"]),
                     "—" if s["per_10_min"] is None else s["per_10_min"],
                     s["spread"]["label"],
                     ", ".join(f"{TYPE_NAMES.get(t, t)} {n}" for t, n in
                               Counter(s["types"]).most_common())))
    return (k.metrics_table(pairs)
            + k.table(["Side", "Questions", "Open", "Per 10 min", "Spread", "Types"], rows))


def topics(result: AnalyzerResult) -> str:
    rows = [r for r in result.tables.get("questions", ()) if r["qtype"] != "rhetorical"]
    out = []
    for side in _side_order(rows):
        counts = Counter(r["topic"] for r in rows if r["side"] == side)
        total = sum(counts.values())
        bars = [(t.replace("_", " "), n / total, k.SIDE_CLASS.get(side, "side-unknown"))
                for t, n in counts.most_common()]
        out.append(k.bar_chart(bars, 1.0, title=f"Topics of {SIDE_NAMES[side].lower()} "
                                                f"questions"))
    return "<h3>What the questions were about</h3>" + "".join(out) if out else ""


def question_list(result: AnalyzerResult, report: Report) -> str:
    rows = result.tables.get("questions", ())
    shown = [(k.mmss(r["time"]) if r["time"] is not None else f"#{r['utterance']}",
              k.speaker_label(report, r["speaker"]), TYPE_NAMES.get(r["qtype"], r["qtype"]),
              "open" if r["open"] else "closed", r["topic"].replace("_", " "),
              k.shorten(r["text"], 200)) for r in rows[:MAX_LISTED]]
    more = (f'<p class="more">+ {len(rows) - MAX_LISTED} more in the questions table</p>'
            if len(rows) > MAX_LISTED else "")
    return ("<h3>Every question</h3>"
            + k.table(["When", "Who", "Type", "Open?", "Topic", "Question"], shown) + more)


def html(result: AnalyzerResult, report: Report) -> str:
    notes = "".join(f'<p class="note">{k.esc(n)}</p>' for n in result.notes)
    if not result.tables.get("questions"):
        return notes + '<p class="none">No questions were found in this meeting.</p>'
    return (notes + figures(result) + timeline(result, report) + topics(result)
            + "<h3>Question findings</h3>" + k.findings_list(report, result.findings)
            + question_list(result, report))


def markdown(result: AnalyzerResult, report: Report) -> str:
    from meetinglens.report.markdown import md_esc

    m = result.metrics
    lines = [f"- {counted(m.get('questions', 0), 'question')}, {k.pct(m.get('open_share'))} open; "
             f"customer asked {m.get('customer_questions', 0)}"]
    for side, s in m.get("by_side", {}).items():
        rate = "" if s["per_10_min"] is None else f", {s['per_10_min']} per 10 min"
        lines.append(f"- {md_esc(SIDE_NAMES.get(side, side))}: {counted(s['questions'], 'question')}, "
                     f"{k.pct(s['open_share'])} open{rate} ({s['spread']['label']})")
    if m.get("survey_stretches"):
        stretches = counted(m["survey_stretches"], "survey-style stretch", "survey-style stretches")
        lines.append(f"- {stretches}: closed questions met by one-line answers")
    return "\n".join(lines)
