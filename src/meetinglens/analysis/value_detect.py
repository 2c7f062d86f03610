"""Per-utterance value-signal detection: embeddings + rule features → head → rule gates.

The same three steps serve analysis, training and the benchmark, so what is measured is
what runs:

1. :func:`inputs`: MiniLM embedding (memoised per text) next to the rule features;
2. the head's probabilities (:class:`value_head.Head`);
3. :func:`decide`: a probability above the signal's threshold counts, unless a precise rule
   vetoes it (wrong side, bare backchannel, request to repeat, a next step said
   without any future action or date).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from meetinglens.analysis.value_rules import (FEATURE_NAMES, Line, features, is_backchannel,
                                               is_clarification, takes_next_step)
from meetinglens.analysis.value_signals import SIGNALS, Detection, allowed

QUESTION_FEATURES = ("q_mark", "q_wh_start", "q_inversion")


def inputs(lines: Sequence[Line], embeddings: np.ndarray | None = None) -> np.ndarray:
    """Head inputs ``(n, 384 + rule features)``; pass ``embeddings`` to reuse a cache."""
    if embeddings is None:
        from meetinglens.nlp import encode

        embeddings = encode([line.text for line in lines])
    return np.hstack([embeddings.astype(np.float32), features(lines)])


def gates(lines: Sequence[Line], signals: Sequence[str] = SIGNALS) -> np.ndarray:
    """``(n, signals)`` booleans: False where a rule rules the signal out."""
    mask = np.ones((len(lines), len(signals)), dtype=bool)
    for i, line in enumerate(lines):
        if is_backchannel(line.text):
            mask[i, :] = False
            continue
        for k, signal in enumerate(signals):
            mask[i, k] = allowed(signal, line.side)
        if is_clarification(line.text) and "customer_question" in signals:
            mask[i, list(signals).index("customer_question")] = False
        if "customer_next_step" in signals and not takes_next_step(line.text):
            mask[i, list(signals).index("customer_next_step")] = False
    return mask


def decide(probs: np.ndarray, thresholds: np.ndarray, lines: Sequence[Line],
           signals: Sequence[str] = SIGNALS) -> np.ndarray:
    """Detected signals as a boolean ``(n, signals)`` matrix."""
    return (probs >= thresholds[None, :]) & gates(lines, signals)


@dataclass(frozen=True)
class Detected:
    """Detections (utterance order, then codebook order), all probabilities, question flags."""

    detections: list[Detection]
    probabilities: np.ndarray
    questions: list[bool]


def detect(lines: Sequence[Line], head=None) -> Detected:
    """Run the three steps over ``lines`` (one meeting, in order)."""
    from meetinglens.analysis.value_head import load_head

    head = head or load_head()
    if not lines:
        return Detected([], np.zeros((0, len(head.signals)), dtype=np.float32), [])
    x = inputs(lines)
    probs = head.probabilities(x)
    hits = decide(probs, head.thresholds, lines, head.signals)
    found = [Detection(int(i), head.signals[k], float(probs[i, k]), "head")
             for i, k in zip(*np.nonzero(hits))]
    rule = x[:, x.shape[1] - len(FEATURE_NAMES):]
    cols = [FEATURE_NAMES.index(n) for n in QUESTION_FEATURES]
    return Detected(found, probs, [bool(r[cols].any()) for r in rule])
