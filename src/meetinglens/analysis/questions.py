"""Questions: who asks what, how open, about what, and where the talk turns into a survey.

Alamäki & Kaski found that in successful B2B meetings the seller's questions move the talk
from features to the customer's needs, open questions promote value co-creation, and an
engaged customer asks about products, prices and references. Counting question marks says
none of this (ASR drops them, "so you're on Salesforce today" has none), so each question is
found and typed by the rules of :mod:`question_rules` and, where they are unsure, a learned
head on MiniLM embeddings (:mod:`question_vote`, :mod:`question_head`), given a sales topic
by :mod:`question_topics`, and summarised per side here. Measured on SwDA by
``benchmarks/questions_swda.py``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from meetinglens.analysis.base import AnalysisContext
from meetinglens.analysis.question_context import DialogueContext
from meetinglens.analysis.question_patterns import meeting_findings, survey_stretches
from meetinglens.analysis.question_rules import QTYPES, Question
from meetinglens.analysis.question_vote import judge_all
from meetinglens.analysis.question_topics import topic_of
from meetinglens.model import AnalyzerResult, Meeting, Utterance

NAME = "questions"
REQUIRES = {"utterances"}

#: Questions per this many seconds ("per 10 minutes").
RATE_WINDOW_S = 600.0
#: The meeting is cut into this many parts to see whether questions are front-loaded.
SPREAD_PARTS = 3
#: Share of a side's questions in the first third above which they are "front-loaded".
FRONT_LOADED_SHARE = 0.6
#: Share in the last third above which they are "back-loaded".
BACK_LOADED_SHARE = 0.5
#: Fewest questions for a spread label to mean anything.
MIN_QUESTIONS_FOR_SPREAD = 4


@dataclass(frozen=True)
class AskedQuestion:
    """A question found in the meeting, with who asked it, when, and what came back."""

    question: Question
    utterance: Utterance
    side: str
    topic: str
    time: float | None
    answer: Utterance | None

    @property
    def counts(self) -> bool:
        """Rhetorical questions ask nothing: they are listed but not counted as asked."""
        return self.question.qtype != "rhetorical"


def analyze(ctx: AnalysisContext) -> AnalyzerResult:
    meeting = ctx.meeting
    asked = collect_questions(meeting)
    stretches = survey_stretches(meeting, asked)
    metrics = meeting_metrics(meeting, asked, stretches)
    findings = meeting_findings(ctx, asked, stretches, metrics)
    notes = []
    if not meeting.timed:
        notes.append("untimed transcript: no rates per 10 minutes; spread uses utterance order")
    if not any(s.side == "seller" for s in meeting.speakers):
        notes.append("no speaker is known to be the seller: topics use the seller lexicon")
    head = _head()
    notes.append(f"questions found by rules, with the learned head "
                 f"{head.meta.get('version', '?')} (models/question-head) deciding where the "
                 "rules are unsure")
    return AnalyzerResult(NAME, metrics, tuple(findings),
                          {"questions": tuple(question_row(q) for q in asked),
                           "speakers": tuple(speaker_rows(meeting, asked))},
                          tuple(notes), models=(head.info,))


def _head():
    from meetinglens.analysis.question_head import load_head

    return load_head()


def collect_questions(meeting: Meeting) -> list[AskedQuestion]:
    """Every question of every utterance, with side, topic, estimated time and answer."""
    out = []
    utts = meeting.utterances
    judged = judge_all([u.text for u in utts],
                       [dialogue_context(utts, i) for i in range(len(utts))])
    for i, (u, questions) in enumerate(zip(utts, judged)):
        if not questions:
            continue
        side = meeting.side_of(u.speaker)
        answer = next((v for v in utts[i + 1:] if v.speaker != u.speaker), None)
        for q in questions:
            out.append(AskedQuestion(q, u, side, topic_of(q.text, side, q.qtype),
                                     _time_in(u, q), answer))
    return out


def dialogue_context(utts: tuple[Utterance, ...], i: int) -> DialogueContext:
    """The other speaker's utterances right before and right after utterance ``i``, and
    whether the same speaker goes on (transcripts may split one turn into utterances)."""
    me = utts[i].speaker
    prev = utts[i - 1] if i > 0 and utts[i - 1].speaker != me else None
    nxt = utts[i + 1] if i + 1 < len(utts) and utts[i + 1].speaker != me else None
    goes_on = i + 1 < len(utts) and utts[i + 1].speaker == me
    return DialogueContext(prev.text if prev else None, nxt.text if nxt else None, goes_on)


def _time_in(u: Utterance, q: Question) -> float | None:
    """Where in the utterance the question starts, spreading time evenly over characters."""
    if not u.timed:
        return None
    return u.start + (u.end - u.start) * q.span[0] / max(len(u.text), 1)


def _position(meeting: Meeting, q: AskedQuestion) -> float:
    """0..1 position of a question in the meeting (by time, else by utterance order)."""
    span = meeting.span
    if span and q.time is not None and span[1] > span[0]:
        return (q.time - span[0]) / (span[1] - span[0])
    return q.utterance.index / max(len(meeting.utterances) - 1, 1)


def spread(meeting: Meeting, asked: list[AskedQuestion]) -> dict:
    """Share of questions in each third of the meeting and a label for the shape."""
    parts = [0] * SPREAD_PARTS
    for q in asked:
        parts[min(int(_position(meeting, q) * SPREAD_PARTS), SPREAD_PARTS - 1)] += 1
    total = sum(parts)
    shares = [p / total for p in parts] if total else [0.0] * SPREAD_PARTS
    if total < MIN_QUESTIONS_FOR_SPREAD:
        label = "too few"
    elif shares[0] >= FRONT_LOADED_SHARE:
        label = "front-loaded"
    elif shares[-1] >= BACK_LOADED_SHARE:
        label = "back-loaded"
    else:
        label = "spread"
    return {"thirds": [round(s, 3) for s in shares], "label": label}


def meeting_metrics(meeting: Meeting, asked: list[AskedQuestion], stretches) -> dict:
    counted = [q for q in asked if q.counts]
    minutes10 = _duration(meeting) / RATE_WINDOW_S if meeting.timed else None
    by_side = {}
    for side in ("seller", "buyer", "unknown"):
        mine = [q for q in counted if q.side == side]
        if not mine and not any(s.side == side for s in meeting.speakers):
            continue
        by_side[side] = {
            "questions": len(mine),
            "open": sum(q.question.open for q in mine),
            "open_share": round(sum(q.question.open for q in mine) / len(mine), 3) if mine else None,
            "per_10_min": round(len(mine) / minutes10, 2) if minutes10 else None,
            "types": dict(Counter(q.question.qtype for q in mine)),
            "topics": dict(Counter(q.topic for q in mine)),
            "spread": spread(meeting, mine),
        }
    first_needs = next((q for q in counted if q.side != "buyer"
                        and q.topic in {"needs_pain", "goals_vision"}), None)
    return {
        "questions": len(counted),
        "rhetorical": sum(not q.counts for q in asked),
        "types": {t: sum(q.question.qtype == t for q in asked) for t in QTYPES},
        "open_share": round(sum(q.question.open for q in counted) / len(counted), 3)
        if counted else None,
        "per_10_min": round(len(counted) / minutes10, 2) if minutes10 else None,
        "customer_questions": sum(q.side == "buyer" for q in counted),
        "by_side": by_side,
        "survey_stretches": len(stretches),
        "first_needs_question": None if first_needs is None else {
            "time": first_needs.time, "utterance": first_needs.utterance.index,
            "position": round(_position(meeting, first_needs), 3)},
    }


def _duration(meeting: Meeting) -> float:
    span = meeting.span
    if meeting.duration:
        return meeting.duration
    return (span[1] - span[0]) if span else 0.0


def question_row(q: AskedQuestion) -> dict:
    """One tidy row per question (the ``questions.questions`` table)."""
    return {
        "utterance": q.utterance.index, "speaker": q.utterance.speaker, "side": q.side,
        "time": None if q.time is None else round(q.time, 3),
        "start": q.utterance.start, "end": q.utterance.end,
        "text": q.question.text, "qtype": q.question.qtype, "open": q.question.open,
        "topic": q.topic, "confidence": q.question.confidence, "reason": q.question.reason,
        "answered_by": q.answer.speaker if q.answer else None,
        "answer_words": q.answer.word_count if q.answer else None,
    }


def speaker_rows(meeting: Meeting, asked: list[AskedQuestion]) -> list[dict]:
    minutes10 = _duration(meeting) / RATE_WINDOW_S if meeting.timed else None
    rows = []
    for s in meeting.speakers:
        mine = [q for q in asked if q.utterance.speaker == s.name and q.counts]
        rows.append({
            "speaker": s.name, "side": s.side, "questions": len(mine),
            "open": sum(q.question.open for q in mine),
            "per_10_min": round(len(mine) / minutes10, 2) if minutes10 else None,
            "top_topic": Counter(q.topic for q in mine).most_common(1)[0][0] if mine else None,
        })
    return rows
