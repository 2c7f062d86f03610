"""Meeting-level question patterns and the findings they support.

A *survey stretch* is a run of seller closed questions each met by a short customer answer:
the call has turned into a questionnaire, which Alamäki & Kaski contrast with the open,
needs-led questioning that co-creates value. Every finding quotes the questions it rests on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meetinglens.model import Evidence, Finding, Meeting

if TYPE_CHECKING:
    from meetinglens.analysis.base import AnalysisContext
    from meetinglens.analysis.questions import AskedQuestion

#: A customer answer of at most this many words is "short" (yes/no plus a word or two).
SHORT_ANSWER_WORDS = 8
#: Closed question → short answer pairs in a row that make a survey stretch.
MIN_SURVEY_PAIRS = 3
#: Seller questions before the open share means anything.
MIN_SELLER_QUESTIONS = 5
#: Open share of seller questions below which they are "mostly closed".
LOW_OPEN_SHARE = 0.3
#: Open discovery questions (needs, goals, current situation) that earn a positive finding.
MIN_DISCOVERY_QUESTIONS = 3
#: Customer questions on engagement topics that earn a positive finding.
MIN_ENGAGED_QUESTIONS = 3
#: Questions by one customer on one topic worth naming that person.
MIN_PERSON_TOPIC = 2
#: The first needs question after this share of the meeting is late.
LATE_NEEDS_POSITION = 1 / 3
#: Quotes per finding.
MAX_EVIDENCE = 5

DISCOVERY_TOPICS = frozenset({"needs_pain", "goals_vision", "current_situation"})
ENGAGEMENT_TOPICS = frozenset({"product", "price", "references", "company", "implementation"})
TOPIC_WORDS = {
    "needs_pain": "needs and pain", "goals_vision": "goals and vision",
    "current_situation": "the current situation", "decision_process": "the decision process",
    "budget_pricing": "budget and pricing", "timeline": "timeline",
    "technical_requirements": "technical requirements",
    "competitors_alternatives": "competitors and alternatives",
    "confirmation_check": "checking understanding", "product": "the product",
    "price": "price", "references": "references", "company": "the vendor company",
    "implementation": "implementation", "other": "other things",
}


@dataclass(frozen=True)
class SurveyStretch:
    """Seller closed questions answered briefly, back to back."""

    pairs: tuple[tuple["AskedQuestion", int], ...]  # (question, answer utterance index)

    @property
    def asker(self) -> str:
        return Counter(q.utterance.speaker for q, _ in self.pairs).most_common(1)[0][0]


def survey_stretches(meeting: Meeting, asked: list["AskedQuestion"]) -> list[SurveyStretch]:
    """Runs of >= MIN_SURVEY_PAIRS seller closed question → short customer answer."""
    last_question = {}
    for q in asked:
        if q.counts:
            last_question[q.utterance.index] = q  # the question that ends the utterance
    runs, run = [], []
    utts = meeting.utterances
    for i, u in enumerate(utts):
        q = last_question.get(i)
        if q is None or q.side != "seller":
            if meeting.side_of(u.speaker) == "seller" and u.word_count > SHORT_ANSWER_WORDS:
                runs.append(run)
                run = []
            continue
        nxt = utts[i + 1] if i + 1 < len(utts) else None
        if (not q.question.open and nxt is not None and meeting.side_of(nxt.speaker) == "buyer"
                and nxt.word_count <= SHORT_ANSWER_WORDS):
            run.append((q, nxt.index))
        else:
            runs.append(run)
            run = []
    runs.append(run)
    return [SurveyStretch(tuple(r)) for r in runs if len(r) >= MIN_SURVEY_PAIRS]


def _ev(q: "AskedQuestion") -> Evidence:
    return Evidence.of(q.utterance, q.question.text)


def _conf(qs) -> float:
    return round(sum(q.question.confidence for q in qs) / len(qs), 3)


def meeting_findings(ctx: "AnalysisContext", asked, stretches, metrics) -> list[Finding]:
    counted = [q for q in asked if q.counts]
    seller = [q for q in counted if q.side == "seller"]
    buyer = [q for q in counted if q.side == "buyer"]
    found = [_stretch_finding(ctx, s) for s in stretches]
    found += _seller_style(ctx, seller)
    found += _customer_engagement(ctx, buyer)
    found += _needs_timing([q for q in counted if q.side != "buyer"], metrics)
    return [f for f in found if f is not None]


def _stretch_finding(ctx, stretch: SurveyStretch) -> Finding:
    utts = ctx.meeting.utterances
    evidence = []
    for q, a in stretch.pairs[:MAX_EVIDENCE // 2 + 1]:
        evidence += [_ev(q), Evidence.of(utts[a])]
    n = len(stretch.pairs)
    return Finding(
        "questions.survey_stretch",
        f"{ctx.describe(stretch.asker)} asked {n} closed questions in a row, each answered "
        f"in a few words: the call turned into a questionnaire. Open questions would let "
        f"the customer explain.",
        "warning", speaker=stretch.asker, evidence=tuple(evidence[:MAX_EVIDENCE + 1]),
        confidence=_conf([q for q, _ in stretch.pairs]), data={"pairs": n})


def _one_speaker(qs) -> str | None:
    names = {q.utterance.speaker for q in qs}
    return names.pop() if len(names) == 1 else None


def _seller_style(ctx, seller) -> list[Finding]:
    out = []
    if len(seller) >= MIN_SELLER_QUESTIONS:
        closed = [q for q in seller if not q.question.open]
        share = 1 - len(closed) / len(seller)
        if share < LOW_OPEN_SHARE:
            who = _one_speaker(seller)
            out.append(Finding(
                "questions.mostly_closed",
                f"Only {len(seller) - len(closed)} of {len(seller)} seller questions were open"
                f"{' (' + ctx.describe(who) + ')' if who else ''}; closed questions get "
                f"yes/no answers, open ones get the customer talking.",
                "notice", speaker=who, evidence=tuple(_ev(q) for q in closed[:MAX_EVIDENCE]),
                confidence=_conf(closed), data={"open_share": round(share, 3)}))
    discovery = [q for q in seller if q.question.open and q.topic in DISCOVERY_TOPICS]
    if len(discovery) >= MIN_DISCOVERY_QUESTIONS:
        who = _one_speaker(discovery)
        topics = Counter(q.topic for q in discovery)
        out.append(Finding(
            "questions.open_discovery",
            f"{ctx.describe(who) if who else 'The seller side'} asked {len(discovery)} open "
            f"questions about " + ", ".join(TOPIC_WORDS[t] for t, _ in topics.most_common())
            + ": discovery that lets the customer describe their needs.",
            "positive", speaker=who, evidence=tuple(_ev(q) for q in discovery[:MAX_EVIDENCE]),
            confidence=_conf(discovery), data={"topics": dict(topics)}))
    return out


def _customer_engagement(ctx, buyer) -> list[Finding]:
    engaged = [q for q in buyer if q.topic in ENGAGEMENT_TOPICS]
    out = []
    if len(engaged) >= MIN_ENGAGED_QUESTIONS:
        topics = Counter(q.topic for q in engaged)
        out.append(Finding(
            "questions.customer_engaged",
            f"The customer asked {len(engaged)} questions about "
            + ", ".join(TOPIC_WORDS[t] for t, _ in topics.most_common())
            + ": a sign of engagement.",
            "positive", evidence=tuple(_ev(q) for q in engaged[:MAX_EVIDENCE]),
            confidence=_conf(engaged), data={"topics": dict(topics)}))
    per_person = defaultdict(list)
    for q in engaged:
        per_person[(q.utterance.speaker, q.topic)].append(q)
    for (name, topic), qs in per_person.items():
        if len(qs) >= MIN_PERSON_TOPIC:
            out.append(Finding(
                "questions.customer_topic",
                f"{ctx.describe(name)} asked {len(qs)} questions about {TOPIC_WORDS[topic]}.",
                "info", speaker=name, evidence=tuple(_ev(q) for q in qs[:MAX_EVIDENCE]),
                confidence=_conf(qs), data={"topic": topic, "questions": len(qs)}))
    return out


def _needs_timing(askers, metrics) -> list[Finding]:
    first = metrics.get("first_needs_question")
    q = None if first is None else next(
        (q for q in askers if q.utterance.index == first["utterance"]
         and q.topic in {"needs_pain", "goals_vision"}), None)
    if q is None:
        return []
    late = first["position"] > LATE_NEEDS_POSITION
    where = f"{first['position']:.0%} of the way into the meeting"
    return [Finding(
        "questions.late_needs" if late else "questions.early_needs",
        f"The first question about the customer's needs or goals came {where}"
        + (" — late: the talk stayed on other things first." if late else "."),
        "notice" if late else "positive", speaker=q.utterance.speaker, evidence=(_ev(q),),
        confidence=q.question.confidence, data={"position": first["position"]})]
