"""The learned response-mode head: per-utterance mode scores from MiniLM embeddings, in NumPy.

Why a head next to the cue lexicons: response modes are said in endless ways ("average
handling time went up forty percent", "I don't see a crisis"), and a lexicon only knows the
words it was written with. A multinomial logistic regression over the sentence embedding
(:func:`meetinglens.nlp.encode`) scores each buyer utterance for ``none`` and the four modes;
:func:`influence_roles.judge_mode` adds those scores to the rule tally per buyer, so the
rules still decide when they are clear and the head fills in what they miss.

The weights are fitted with scikit-learn by ``benchmarks/train_influence_head.py`` (fixed
seed) and stored as plain arrays (no pickle) in ``models/influence-head/head.npz``; applying
them needs NumPy only. Where the file is looked for: ``$MEETINGLENS_INFLUENCE_HEAD`` →
``models/influence-head/head.npz``; otherwise :class:`ModelNotFoundError` lists both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from meetinglens.heads import MODELS_DIR, find_head, head_info
from meetinglens.model import ModelInfo

HEAD_ENV = "MEETINGLENS_INFLUENCE_HEAD"
HEAD_FILE = MODELS_DIR / "influence-head" / "head.npz"
#: Classes in output order; ``none`` = the utterance shows no response mode.
CLASSES = ("none", "growth", "trouble", "even_keel", "overconfident")
#: The role head (same format, its own file beside the mode head): which buying influence
#: this utterance shows (authority and money; own daily work; specifications; guidance about
#: people and process), trained on per-utterance role cues.
ROLE_HEAD_ENV = "MEETINGLENS_INFLUENCE_ROLE_HEAD"
ROLE_HEAD_FILE = HEAD_FILE.with_name("roles.npz")
ROLE_CLASSES = ("economic", "user", "technical", "coach")
#: Since round 5 the role head is trained on per-utterance role cues
#: (``datasets/buying-influences/role-cues.json``): ``none`` = the utterance shows no role.
ROLE_HEAD_CLASSES = ("none",) + ROLE_CLASSES


@dataclass(frozen=True)
class ModeHead:
    """Softmax weights ``(classes, 384)`` and biases over MiniLM sentence embeddings."""

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    meta: dict
    path: str = ""

    def logits(self, x: np.ndarray) -> np.ndarray:
        """``(n, classes)`` linear scores for ``(n, 384)`` embeddings."""
        if x.ndim != 2 or x.shape[1] != self.weights.shape[1]:
            raise ValueError(f"influence head expects (n, {self.weights.shape[1]}) inputs, "
                             f"got {x.shape}")
        return x.astype(np.float32) @ self.weights.T + self.bias

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """``(n, classes)`` softmax probabilities for ``(n, 384)`` embeddings."""
        z = self.logits(x)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def mode_scores(self, texts: list[str]) -> list[dict[str, float]]:
        """Per text, the probability of each class (``none`` left out): modes or roles."""
        if not texts:
            return []
        from meetinglens.nlp import encode

        probs = self.probabilities(encode(list(texts)))
        return [{c: float(p[k]) for k, c in enumerate(self.classes) if c != "none"}
                for p in probs]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, classes=np.array(self.classes),
                            weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32),
                            meta=np.array(json.dumps(self.meta, sort_keys=True)))

    @property
    def info(self) -> ModelInfo:
        return head_info(f"influence-head/{Path(self.path).name}" if self.path else "influence-head",
                         self.path, str(self.meta.get("version", "")))


def head_path(env: str = HEAD_ENV, default: Path | None = None) -> Path:
    return find_head("influence-head", env, default or HEAD_FILE,
                     train="python benchmarks/train_influence_head.py")


def read_head(path: Path, kind: type[ModeHead] = ModeHead) -> ModeHead:
    """A head saved by :meth:`ModeHead.save` (or a subclass of the same format, ``kind``)."""
    with np.load(path, allow_pickle=False) as data:
        return kind(classes=tuple(str(c) for c in data["classes"]),
                        weights=data["weights"], bias=data["bias"],
                        meta=json.loads(str(data["meta"])), path=str(path))


@cache
def load_head() -> ModeHead:
    """The installed head (cached per process)."""
    return read_head(head_path())


@cache
def load_role_head() -> ModeHead:
    """The installed role head (cached per process)."""
    return read_head(head_path(ROLE_HEAD_ENV, ROLE_HEAD_FILE))
