"""What a rep reads first: 3–6 headline sentences, key numbers and the top findings.

Shared by the HTML page and the Markdown note so both say the same thing. Headlines are plain
text (callers escape them); each is built from figures an analyzer computed, never invented.
"""

from __future__ import annotations

from meetinglens.model import Finding, Report
from meetinglens.report.html_kit import duration_text
from meetinglens.wording import counted

MAX_HEADLINES = 6
MAX_TOP_FINDINGS = 5
#: Order in which findings surface in the summary: hazards first, then good news.
SEVERITY_RANK = {"warning": 0, "positive": 1, "notice": 2, "info": 3}


def _pct(x) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def _length(report: Report) -> str:
    m = report.meeting
    span = m.span
    seconds = m.duration if m.duration else (span[1] - span[0] if span else None)
    if seconds is None:
        return f"{sum(u.word_count for u in m.utterances)} words (untimed)"
    minutes = int(round(seconds / 60))
    return f"{minutes} min" if minutes else f"{int(round(seconds))} s"


def _stretch_text(item: dict | None, basis: str) -> str:
    if not item:
        return "—"
    if basis == "seconds" and item.get("seconds") is not None:
        return duration_text(item["seconds"])
    return f"{item.get('words', 0)} words"


def talk_headlines(report: Report) -> list[str]:
    talk = report.results.get("talk")
    if talk is None:
        return []
    mx = talk.metrics
    basis = mx.get("basis", "seconds")
    what = "of the talk time" if basis == "seconds" else "of the words (untimed transcript)"
    lines = []
    if mx.get("seller_share") is not None:
        lines.append(f"The seller side had {_pct(mx['seller_share'])} {what}, the customer "
                     f"{_pct(mx.get('buyer_share'))} (Gong Labs: top performers ~43%).")
    story = mx.get("longest_customer_story")
    if story:
        lines.append(f"Longest customer stretch: {_stretch_text(story, basis)} by "
                     f"{story['speaker']}.")
    mono = mx.get("longest_monologue")
    if mono and (not story or mono["speaker"] != story["speaker"]):
        lines.append(f"Longest uninterrupted stretch: {_stretch_text(mono, basis)} by "
                     f"{mono['speaker']}.")
    trend = mx.get("buyer_share_trend")
    if trend is not None and abs(trend) >= 0.1:
        word = "more" if trend > 0 else "less"
        lines.append(f"The customer spoke {word} as the meeting went on "
                     f"({_pct(abs(trend))} {'up' if trend > 0 else 'down'} from the first to "
                     "the last fifth).")
    return lines


def top_findings(report: Report, limit: int = MAX_TOP_FINDINGS) -> list[Finding]:
    """The findings a rep should see first: warnings, then positives, then notices."""
    ranked = sorted(enumerate(report.findings),
                    key=lambda p: (SEVERITY_RANK.get(p[1].severity, 9), p[0]))
    return [f for _, f in ranked if f.severity != "info"][:limit]


def section_headlines(report: Report) -> list[str]:
    """Sentences from ``sections.<name>.headlines(result, report)`` of the other analyzers.

    Optional: an analyzer's section module may define it to put its most important figure
    into the summary. Finding summaries are not repeated here: "Top findings" shows them.
    """
    from meetinglens.report.page import section_module

    lines: list[str] = []
    for name, result in report.results.items():
        if name == "talk":
            continue
        try:
            module = section_module(name)
            if module is not None and hasattr(module, "headlines"):
                lines += [str(x) for x in module.headlines(result, report)]
        except Exception:  # a broken renderer's headline is dropped, its section says why
            continue
    return lines


def headlines(report: Report) -> list[str]:
    """3–6 sentences: talk balance, other analyzers' headlines, then the finding counts."""
    lines = (talk_headlines(report) + section_headlines(report))[: MAX_HEADLINES - 1]
    counts = {s: sum(1 for f in report.findings if f.severity == s)
              for s in ("warning", "notice", "positive")}
    total = len(report.findings)
    lines.append(f"{counted(total, 'finding')}: {counted(counts['warning'], 'warning')}, "
                 f"{counts['notice']} to look at, {counts['positive']} positive.")
    return lines[:MAX_HEADLINES]


def key_numbers(report: Report) -> list[tuple[str, str]]:
    """(label, value) pairs for the summary cards."""
    m = report.meeting
    talking = [s for s in m.speakers if any(u.speaker == s.name for u in m.utterances)]
    pairs = [("Length", _length(report)), ("Speakers", str(len(talking)))]
    talk = report.results.get("talk")
    if talk is not None:
        mx = talk.metrics
        basis = mx.get("basis", "seconds")
        pairs += [("Seller talk share", _pct(mx.get("seller_share"))),
                  ("Customer talk share", _pct(mx.get("buyer_share"))),
                  ("Longest customer stretch",
                   _stretch_text(mx.get("longest_customer_story"), basis))]
        if mx.get("switches_per_minute") is not None:
            pairs.append(("Speaker switches / min", f"{mx['switches_per_minute']:.1f}"))
    pairs.append(("Findings", str(len(report.findings))))
    return pairs
