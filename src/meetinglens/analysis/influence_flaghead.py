"""The learned red-flag evidence head: which buyer utterances raise or settle a red flag.

Why: every new set of meetings brought phrasings the cue lexicons had never seen ("the
agency that built our shop is pitching their own add-on", "that's Tomas's territory"). Adding
phrases after each holdout did not generalise. This head scores each buyer utterance, from
its MiniLM sentence embedding (:func:`meetinglens.nlp.encode`), for the evidence classes in
:data:`CUE_CLASSES` — one independent logistic regression (sigmoid) per class, because one
utterance can state a budget *and* a decision process. :mod:`influence_flags` joins it with
the rules: the rules keep their precision on what they know, the head catches new phrasings,
and flags raised by absence become "no utterance shows X by rules or head".

Weights are fitted with scikit-learn by ``benchmarks/train_influence_head.py`` (fixed seed)
and stored as plain arrays in ``models/influence-head/flags.npz``; applying them needs NumPy
only. Where the file is looked for: ``$MEETINGLENS_INFLUENCE_FLAG_HEAD`` → that path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from meetinglens.analysis.influence_head import HEAD_FILE, ModeHead, head_path, read_head

FLAG_HEAD_ENV = "MEETINGLENS_INFLUENCE_FLAG_HEAD"
#: Evidence classes (labels.flag_cues in datasets/buying-influences/, docs/codebook-influence.md).
CUE_CLASSES = (
    "competitor_preferred", "status_quo", "reorganization", "new_influencer",  # raise a flag
    "budget_stated", "process_stated", "next_step", "economic_engaged",  # settle a flag
    "budget_unclear", "process_unclear", "next_step_deferred",  # say it is open
)

#: Per utterance: class -> probability that the utterance shows it.
CueScores = dict[str, float]


@dataclass(frozen=True)
class FlagHead(ModeHead):
    """One sigmoid per class over MiniLM embeddings; same weights format and file layout as
    the mode head (:class:`~meetinglens.analysis.influence_head.ModeHead`)."""

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """``(n, classes)`` independent probabilities for ``(n, 384)`` embeddings."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.logits(x), -30.0, 30.0)))

    def scores(self, texts: list[str]) -> list[CueScores]:
        """Per text, the probability of each evidence class."""
        if not texts:
            return []
        from meetinglens.nlp import encode

        probs = self.probabilities(encode(list(texts)))
        return [{c: float(p[k]) for k, c in enumerate(self.classes)} for p in probs]


def flag_head_path() -> Path:
    return head_path(FLAG_HEAD_ENV, HEAD_FILE.with_name("flags.npz"))


def read_flag_head(path: Path) -> FlagHead:
    return read_head(path, FlagHead)


@cache
def load_flag_head() -> FlagHead:
    """The installed flag head (cached per process)."""
    return read_flag_head(flag_head_path())
