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

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from meetinglens.heads import head_info
from meetinglens.model import ModelInfo

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
class FlagHead:
    """One sigmoid per class: weights ``(classes, 384)`` and biases over MiniLM embeddings."""

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    meta: dict
    path: str = ""

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """``(n, classes)`` independent probabilities for ``(n, 384)`` embeddings."""
        if x.ndim != 2 or x.shape[1] != self.weights.shape[1]:
            raise ValueError(f"flag head expects (n, {self.weights.shape[1]}) inputs, "
                             f"got {x.shape}")
        z = x.astype(np.float32) @ self.weights.T + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))

    def scores(self, texts: list[str]) -> list[CueScores]:
        """Per text, the probability of each evidence class."""
        if not texts:
            return []
        from meetinglens.nlp import encode

        probs = self.probabilities(encode(list(texts)))
        return [{c: float(p[k]) for k, c in enumerate(self.classes)} for p in probs]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, classes=np.array(self.classes),
                            weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32),
                            meta=np.array(json.dumps(self.meta, sort_keys=True)))

    @property
    def info(self) -> ModelInfo:
        return head_info("influence-head/flags.npz", self.path, str(self.meta.get("version", "")))


def flag_head_path() -> Path:
    from meetinglens.analysis.influence_head import HEAD_FILE, head_path

    return head_path(FLAG_HEAD_ENV, HEAD_FILE.with_name("flags.npz"))


def read_flag_head(path: Path) -> FlagHead:
    with np.load(path, allow_pickle=False) as data:
        return FlagHead(classes=tuple(str(c) for c in data["classes"]),
                        weights=data["weights"], bias=data["bias"],
                        meta=json.loads(str(data["meta"])), path=str(path))


@cache
def load_flag_head() -> FlagHead:
    """The installed flag head (cached per process)."""
    return read_flag_head(flag_head_path())
