"""The learned head for value signals: one logistic unit per signal, applied with NumPy.

Input per utterance: the MiniLM sentence embedding (:func:`meetinglens.nlp.encode`) followed
by the rule features of :mod:`value_rules`. The weights were fitted with scikit-learn by
``benchmarks/train_value_head.py`` and stored as plain arrays in ``models/value-head/head.npz``
(no pickle), so analysis needs neither scikit-learn nor torch.

Where the head file is looked for: ``$MEETINGLENS_VALUE_HEAD`` → ``models/value-head/head.npz``
in the project; otherwise :class:`ModelNotFoundError` lists both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from meetinglens.heads import MODELS_DIR, find_head, head_info
from meetinglens.model import ModelInfo

HEAD_ENV = "MEETINGLENS_VALUE_HEAD"
HEAD_FILE = MODELS_DIR / "value-head" / "head.npz"


@dataclass(frozen=True)
class Head:
    """Weights ``(signals, features)``, biases, decision thresholds and the feature layout."""

    signals: tuple[str, ...]
    feature_names: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: np.ndarray
    meta: dict
    path: str = ""

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """``(n, signals)`` probabilities for ``(n, features)`` inputs."""
        if x.shape[1] != self.weights.shape[1]:
            raise ValueError(f"head expects {self.weights.shape[1]} features, got {x.shape[1]}")
        z = x.astype(np.float32) @ self.weights.T + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path, signals=np.array(self.signals), feature_names=np.array(self.feature_names),
            weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32), meta=np.array(json.dumps(self.meta)))

    @property
    def info(self) -> ModelInfo:
        return head_info("value-head", self.path, str(self.meta.get("version", "")))


def head_path() -> Path:
    return find_head("value-head", HEAD_ENV, HEAD_FILE,
                     train="python benchmarks/train_value_head.py")


def read_head(path: Path) -> Head:
    with np.load(path, allow_pickle=False) as data:
        return Head(signals=tuple(str(s) for s in data["signals"]),
                    feature_names=tuple(str(s) for s in data["feature_names"]),
                    weights=data["weights"], bias=data["bias"], thresholds=data["thresholds"],
                    meta=json.loads(str(data["meta"])), path=str(path))


@cache
def load_head() -> Head:
    """The installed head (cached per process)."""
    return read_head(head_path())
