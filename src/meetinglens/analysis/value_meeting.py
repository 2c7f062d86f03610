"""Meeting-level readings of the value signals.

* **Interaction style**: *survey-style* when the seller runs a questionnaire (many seller
  questions, short customer answers, hardly any customer questions), *seller monologue* when
  the customer speaks under a fifth of the words, otherwise *open discourse* where the
  customer brings knowledge and questions of their own.
* **Next-step driver** (lean selling): *customer pull* when the customer commits to their own
  next steps, *seller push* when only the seller proposes and schedules them.
* **Feature vs benefit talk over time**: per fifth of the meeting, utterances that describe the
  product (rule: feature vocabulary, no benefit detected) against benefit-focused ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from meetinglens.analysis.value_rules import is_feature_talk, seller_pushes_next_step
from meetinglens.analysis.value_signals import CUSTOMER_CONTRIBUTIONS, PULL_SIGNALS, Detection
from meetinglens.model import Meeting

#: Seller questions per customer turn at or above which the exchange looks like a survey ...
SURVEY_QUESTION_RATE = 0.25
#: ... provided customer turns stay short (mean words) ...
SURVEY_MAX_BUYER_WORDS = 14.0
#: ... and the customer asks at most this share of the questions.
SURVEY_MAX_BUYER_QUESTION_SHARE = 0.3
#: Below this customer share of the words there is no discourse to speak of: a pitch.
MONOLOGUE_MAX_BUYER_SHARE = 0.2
BINS = 5


@dataclass(frozen=True)
class Style:
    label: str  # "open discourse", "survey-style", "seller monologue" or "unknown"
    seller_questions: int
    buyer_questions: int
    buyer_turns: int
    buyer_mean_words: float | None
    reason: str


def interaction_style(meeting: Meeting, questions: Sequence[bool]) -> Style:
    """Classify the exchange from who asks and how much the customer says per turn."""
    sides = [meeting.side_of(u.speaker) for u in meeting.utterances]
    buyer_turns = [t for t in meeting.turns if meeting.side_of(t.speaker) == "buyer"]
    seller_q = sum(q and s == "seller" for q, s in zip(questions, sides))
    buyer_q = sum(q and s == "buyer" for q, s in zip(questions, sides))
    if not buyer_turns or not any(s == "seller" for s in sides):
        return Style("unknown", seller_q, buyer_q, len(buyer_turns), None,
                     "needs speakers on both sides")
    mean_words = sum(t.word_count for t in buyer_turns) / len(buyer_turns)
    total_words = sum(u.word_count for u in meeting.utterances)
    buyer_words = sum(t.word_count for t in buyer_turns)
    if buyer_words < MONOLOGUE_MAX_BUYER_SHARE * max(total_words, 1):
        return Style("seller monologue", seller_q, buyer_q, len(buyer_turns), round(mean_words, 1),
                     f"the customer spoke {buyer_words} of {total_words} words")
    rate = seller_q / len(buyer_turns)
    buyer_share = buyer_q / max(seller_q + buyer_q, 1)
    survey = (rate >= SURVEY_QUESTION_RATE and mean_words <= SURVEY_MAX_BUYER_WORDS
              and buyer_share <= SURVEY_MAX_BUYER_QUESTION_SHARE)
    reason = (f"{seller_q} seller questions over {len(buyer_turns)} customer turns "
              f"({rate:.2f} per turn), customer turns average {mean_words:.0f} words, "
              f"customer asked {buyer_q} of {seller_q + buyer_q} questions")
    return Style("survey-style" if survey else "open discourse", seller_q, buyer_q,
                 len(buyer_turns), round(mean_words, 1), reason)


@dataclass(frozen=True)
class Driver:
    label: str  # "customer pull", "seller push", "shared", "none" or "unknown"
    pull: tuple[int, ...]  # utterance indices where the customer takes a next step
    push: tuple[int, ...]  # utterance indices where the seller proposes/schedules one
    joint: tuple[int, ...]


def next_step_driver(meeting: Meeting, found: Sequence[Detection]) -> Driver:
    """Who drives what happens after the meeting."""
    sides = [meeting.side_of(u.speaker) for u in meeting.utterances]
    if "buyer" not in sides or "seller" not in sides:
        return Driver("unknown", (), (), ())
    pull = sorted({d.utterance for d in found if d.signal in PULL_SIGNALS})
    joint = sorted({d.utterance for d in found if d.signal == "joint_planning"})
    push = [u.index for u in meeting.utterances
            if sides[u.index] == "seller" and seller_pushes_next_step(u.text)]
    buyer_joint = [i for i in joint if sides[i] == "buyer"]
    pull_score = len(pull) + len(buyer_joint)
    push_score = len(push) + len([i for i in joint if sides[i] == "seller"])
    if pull_score == 0 and push_score == 0:
        label = "none"
    elif pull_score > push_score:
        label = "customer pull"
    elif push_score > pull_score and not pull:
        label = "seller push"
    else:
        label = "shared"
    return Driver(label, tuple(pull), tuple(push), tuple(joint))


def _bin_of(meeting: Meeting, index: int) -> int:
    if meeting.timed:
        lo, hi = meeting.span
        mid = (meeting.utterances[index].start + meeting.utterances[index].end) / 2
        return min(BINS - 1, int((mid - lo) / max(hi - lo, 1e-9) * BINS))
    return min(BINS - 1, index * BINS // max(len(meeting.utterances), 1))


def timeline(meeting: Meeting, found: Sequence[Detection]) -> list[dict]:
    """Per fifth: utterances, feature-talk and benefit-talk counts, and customer contributions."""
    benefit = {d.utterance for d in found if d.signal == "benefit_focus"}
    contrib = {d.utterance for d in found if d.signal in CUSTOMER_CONTRIBUTIONS}
    rows = [{"bin": b + 1, "start": None, "end": None, "utterances": 0, "feature_talk": 0,
             "benefit_talk": 0, "customer_contributions": 0} for b in range(BINS)]
    if meeting.timed:
        lo, hi = meeting.span
        for b, row in enumerate(rows):
            row["start"] = round(lo + (hi - lo) * b / BINS, 2)
            row["end"] = round(lo + (hi - lo) * (b + 1) / BINS, 2)
    for u in meeting.utterances:
        row = rows[_bin_of(meeting, u.index)]
        row["utterances"] += 1
        if u.index in benefit:
            row["benefit_talk"] += 1
        elif meeting.side_of(u.speaker) != "buyer" and is_feature_talk(u.text):
            row["feature_talk"] += 1
        row["customer_contributions"] += u.index in contrib
    return rows
