"""Value co-creation signals (Alamäki & Kaski): where customer and seller build value together.

Each utterance is checked for ten signals (``docs/codebook-value.md``) by a learned head over
MiniLM embeddings and rule features, with precise rules as vetoes (:mod:`value_detect`).
Every detection becomes a finding ``value.<signal>`` with the utterance as evidence and the
head's probability as confidence. The meeting level reads those detections: open discourse
vs survey-style, customer pull vs seller push for the next step, feature vs benefit talk over
time, and a short co-creation summary quoting the best evidence with side and role.

Customer signals need to know who the customer is. With unknown sides every signal is judged
from the words alone (notes say so), and the side-dependent meeting readings are "unknown".
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from meetinglens.analysis.base import AnalysisContext
from meetinglens.analysis.value_detect import Detected, detect
from meetinglens.analysis.value_meeting import interaction_style, next_step_driver, timeline
from meetinglens.analysis.value_rules import Line, is_feature_talk
from meetinglens.analysis.value_signals import (CUSTOMER_CONTRIBUTIONS, DESCRIPTIONS, SEVERITY,
                                                SIGNALS, Detection)
from meetinglens.model import AnalyzerResult, Evidence, Finding, Meeting
from meetinglens.wording import counted

NAME = "value"
REQUIRES = {"utterances"}

#: Quotes in the co-creation summary, and the signals they are drawn from (in this order).
SUMMARY_QUOTES = 4
SUMMARY_SIGNALS = ("joint_planning", "customer_next_step", "customer_context", "agreement",
                   "customer_motive", "competitor_info", "customer_question")
#: Co-creation level: unprompted customer contributions per 10 turns of the meeting (context
#: given in answer to a seller question does not count: a survey also yields context; per
#: meeting turn, not per customer turn, so a pitch with three customer remarks is not "strong").
STRONG_PER_10_TURNS = 2.5
WEAK_PER_10_TURNS = 1.2
#: ... and per 1000 words, so a long pitch with a few customer remarks stays weak.
#: Both calibrated on the 13 dev meetings and the 4 samples (survey-style -> moderate,
#: payroll pitch -> weak, the rest strong); a convention, not a published scale.
STRONG_PER_1000_WORDS = 10.0
WEAK_PER_1000_WORDS = 6.0
UNPROMPTED = ("customer_motive", "customer_question", "competitor_info", "agreement",
              "customer_next_step", "joint_planning")
#: Feature talk this many times benefit talk (with at least FEATURE_HEAVY_MIN lines) is a notice.
FEATURE_HEAVY_RATIO = 3.0
FEATURE_HEAVY_MIN = 4
MAX_EVIDENCE = 3


def clock(seconds: float | None) -> str:
    """``mm:ss`` or ``h:mm:ss``; empty for untimed utterances."""
    if seconds is None:
        return ""
    s = int(round(seconds))
    h, m = divmod(s // 60, 60)
    return f"{h}:{m:02d}:{s % 60:02d}" if h else f"{m:02d}:{s % 60:02d}"


def _at(meeting: Meeting, index: int) -> str:
    u = meeting.utterances[index]
    return f" at {clock(u.start)}" if u.timed else f" at line {index + 1}"


def signal_findings(ctx: AnalysisContext, found: Sequence[Detection]) -> list[Finding]:
    m = ctx.meeting
    return [Finding(
        kind=f"value.{d.signal}",
        summary=f"{ctx.describe(m.utterances[d.utterance].speaker)}{_at(m, d.utterance)}: "
                f"{DESCRIPTIONS[d.signal]}",
        severity=SEVERITY.get(d.signal, "info"),
        speaker=m.utterances[d.utterance].speaker,
        evidence=(Evidence.of(m.utterances[d.utterance]),),
        confidence=round(d.confidence, 3),
        data={"signal": d.signal, "utterance": d.utterance, "source": d.source},
    ) for d in found]


def signal_rows(ctx: AnalysisContext, found: Sequence[Detection]) -> list[dict]:
    m = ctx.meeting
    rows = []
    for d in found:
        u = m.utterances[d.utterance]
        rows.append({"utterance": u.index, "speaker": u.speaker, "side": m.side_of(u.speaker),
                     "role": ctx.role_of(u.speaker), "signal": d.signal,
                     "confidence": round(d.confidence, 3), "start": u.start, "end": u.end,
                     "text": u.text, "source": d.source})
    return rows


def best_quotes(ctx: AnalysisContext, found: Sequence[Detection]) -> list[Detection]:
    """The most confident detection of each summary signal, one per utterance."""
    picked: list[Detection] = []
    used: set[int] = set()
    for signal in SUMMARY_SIGNALS:
        candidates = sorted((d for d in found if d.signal == signal and d.utterance not in used),
                            key=lambda d: -d.confidence)
        if candidates:
            picked.append(candidates[0])
            used.add(candidates[0].utterance)
        if len(picked) == SUMMARY_QUOTES:
            break
    return picked


def contributions(m: Meeting, found: Sequence[Detection], questions: Sequence[bool]) -> set[int]:
    """Customer utterances that add to the meeting unprompted (see UNPROMPTED)."""
    out = set()
    for d in found:
        if m.side_of(m.utterances[d.utterance].speaker) != "buyer":
            continue
        prompted = (d.utterance > 0 and questions[d.utterance - 1]
                    and m.side_of(m.utterances[d.utterance - 1].speaker) == "seller")
        if d.signal in UNPROMPTED or (d.signal in CUSTOMER_CONTRIBUTIONS and not prompted):
            out.add(d.utterance)
    return out


def co_creation(ctx: AnalysisContext, det: Detected, style, driver) -> Finding:
    """The short summary: how much the customer co-created, with the best quotes."""
    m = ctx.meeting
    found = det.detections
    counts = Counter(d.signal for d in found)
    buyer_turns = sum(m.side_of(t.speaker) == "buyer" for t in m.turns)
    weight = len(contributions(m, found, det.questions))
    words = sum(u.word_count for u in m.utterances)
    rate = 10 * weight / len(m.turns) if buyer_turns else None
    density = 1000 * weight / max(words, 1)
    level = ("unknown" if rate is None
             else "weak" if rate < WEAK_PER_10_TURNS or density < WEAK_PER_1000_WORDS
             else "strong" if rate >= STRONG_PER_10_TURNS and density >= STRONG_PER_1000_WORDS
             else "moderate")
    quotes = best_quotes(ctx, found)
    parts = [f"Value co-creation: {level}."]
    parts.append(f"The customer shared context {counts['customer_context']}x, asked "
                 f"{counted(counts['customer_question'], 'question')}, raised "
                 f"{counted(counts['objection'], 'objection')} and agreed {counts['agreement']}x; "
                 f"joint planning {counts['joint_planning']}x; next step: {driver.label}; "
                 f"interaction: {style.label}.")
    if quotes:
        parts.append("Best moments: " + "; ".join(
            f"{d.signal.replace('_', ' ')} by {ctx.describe(m.utterances[d.utterance].speaker)}"
            f"{_at(m, d.utterance)}" for d in quotes) + ".")
    severity = {"strong": "positive", "weak": "notice"}.get(level, "info")
    return Finding("value.co_creation", " ".join(parts),
                   severity=severity,
                   evidence=tuple(Evidence.of(m.utterances[d.utterance]) for d in quotes),
                   data={"level": level, "per_10_turns": _r(rate),
                         "per_1000_words": _r(density),
                         "unprompted_contributions": weight,
                         "quotes": [{"signal": d.signal, "utterance": d.utterance} for d in quotes]})


def _r(x: float | None, digits: int = 3) -> float | None:
    return None if x is None else round(x, digits)


def style_finding(m: Meeting, det: Detected, style) -> Finding:
    """Open discourse (customer questions as evidence) or survey-style (seller questions)."""
    asker = "buyer" if style.label == "open discourse" else "seller"
    asked = [u for u, q in zip(m.utterances, det.questions) if q and m.side_of(u.speaker) == asker]
    if not asked:  # open discourse without customer questions: the longest customer turns
        asked = sorted((u for u in m.utterances if m.side_of(u.speaker) == "buyer"),
                       key=lambda u: -u.word_count)
    return Finding("value.interaction_style", f"Interaction: {style.label} ({style.reason}).",
                   severity="positive" if style.label == "open discourse" else "notice",
                   evidence=tuple(Evidence.of(u) for u in asked[:MAX_EVIDENCE]),
                   data={"style": style.label})


DRIVER_TEXT = {"customer pull": "the customer commits to next steps of their own",
               "seller push": "only the seller proposes and schedules next steps",
               "shared": "both sides shape the next steps",
               "none": "no next step was agreed"}


def driver_finding(m: Meeting, driver) -> Finding:
    """Who drives the next step, quoting the commitments (or the close, when there are none)."""
    lines = {"seller push": driver.push, "shared": (*driver.pull[:2], *driver.push[:1]),
             }.get(driver.label, driver.pull or driver.joint)
    if driver.label == "none":  # the close of the meeting, where a next step would be
        lines = tuple(u.index for u in m.utterances[-MAX_EVIDENCE:])
    return Finding(
        "value.next_step_driver", f"Next step: {driver.label}: {DRIVER_TEXT[driver.label]}.",
        severity="positive" if driver.label in {"customer pull", "shared"} else "notice",
        evidence=tuple(Evidence.of(m.utterances[i]) for i in list(lines)[:MAX_EVIDENCE]),
        data={"driver": driver.label, "pull": len(driver.pull), "push": len(driver.push),
              "joint": len(driver.joint)})


def feature_finding(m: Meeting, bins) -> Finding | None:
    """A notice when product features crowd out customer value."""
    feature = sum(b["feature_talk"] for b in bins)
    benefit = sum(b["benefit_talk"] for b in bins)
    if feature < FEATURE_HEAVY_MIN or feature < FEATURE_HEAVY_RATIO * max(benefit, 1):
        return None
    examples = [u for u in m.utterances
                if m.side_of(u.speaker) != "buyer" and is_feature_talk(u.text)][:MAX_EVIDENCE]
    return Finding("value.feature_heavy",
                   f"Feature talk outweighs benefit talk ({feature} vs {benefit} utterances).",
                   severity="notice", evidence=tuple(Evidence.of(u) for u in examples),
                   data={"feature_talk": feature, "benefit_talk": benefit})


def meeting_findings(ctx: AnalysisContext, det: Detected, style, driver, bins) -> list[Finding]:
    m = ctx.meeting
    out = [co_creation(ctx, det, style, driver)]
    if style.label != "unknown":
        out.append(style_finding(m, det, style))
    if driver.label != "unknown":
        out.append(driver_finding(m, driver))
    feature = feature_finding(m, bins)
    return out + ([feature] if feature else [])


def _notes(m: Meeting) -> tuple[str, ...]:
    sides = {s.side for s in m.speakers}
    notes = ["Signals come from a head trained on team-written meetings "
             "(datasets/value-signals); confidence is the head's probability."]
    if sides == {"unknown"}:
        notes.append("Speaker sides are unknown: customer_* signals and reference_case are "
                     "judged from the words alone, so a seller may be credited with customer "
                     "signals; interaction style and next-step driver need sides.")
    elif "unknown" in sides:
        notes.append("Some speakers have no side; their utterances are judged from the words "
                     "alone.")
    if not m.timed:
        notes.append("Untimed transcript: the timeline is split by utterance order, not time.")
    return tuple(notes)


def analyze(ctx: AnalysisContext) -> AnalyzerResult:
    m = ctx.meeting
    lines = [Line(u.text, u.speaker, m.side_of(u.speaker)) for u in m.utterances]
    det = detect(lines)
    style = interaction_style(m, det.questions)
    driver = next_step_driver(m, det.detections)
    bins = timeline(m, det.detections)
    counts = Counter(d.signal for d in det.detections)
    metrics = {
        "signals": {s: counts[s] for s in SIGNALS},
        "interaction_style": style.label,
        "seller_questions": style.seller_questions,
        "customer_questions": style.buyer_questions,
        "customer_mean_turn_words": style.buyer_mean_words,
        "next_step_driver": driver.label,
        "feature_talk": sum(b["feature_talk"] for b in bins),
        "benefit_talk": sum(b["benefit_talk"] for b in bins),
    }
    findings = meeting_findings(ctx, det, style, driver, bins) + signal_findings(ctx, det.detections)
    summary = findings[0]
    metrics["co_creation_level"] = summary.data["level"]
    return AnalyzerResult(
        name=NAME, metrics=metrics, findings=tuple(findings),
        tables={"signals": tuple(signal_rows(ctx, det.detections)), "timeline": tuple(bins)},
        notes=_notes(m), models=(_head_info(),))


def _head_info():
    from meetinglens.analysis.value_head import load_head

    return load_head().info
