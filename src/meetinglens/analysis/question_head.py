"""The learned question head: is this sentence a question, of which type, how open.

Why a head next to the rules: the rules read grammar, and grammar says nothing about the
questions that have none ("so you're on salesforce today", "you do all the yard work
yourself") or about questions that ask nothing ("who has time for that these days"). A
logistic regression over the all-MiniLM-L6-v2 sentence embedding
(:func:`meetinglens.nlp.encode`) has seen such sentences in the team-written set
``datasets/questions/`` and scores them; :mod:`question_vote` lets it decide only where
the rules are unsure.

Its input is dialogue-aware (:mod:`question_dialogue`): the sentence's embedding, the
embedding of the other speaker's reply, and a few features of the dialogue around it (does
the other side answer yes/no, say "uh-huh", does the same speaker go on), because a single
sentence often does not carry what makes it a question.

Three heads share that input: ``detect`` (question or not), ``type`` (softmax over
:data:`QTYPES`) and ``open`` (invites elaboration or not). They are fitted with scikit-learn
by ``benchmarks/train_question_head.py`` (fixed seed) and stored as plain arrays (no pickle)
in ``models/question-head/head.npz``; applying them needs NumPy only. Where the file is
looked for: ``$MEETINGLENS_QUESTION_HEAD`` → ``models/question-head/head.npz``; otherwise
:class:`ModelNotFoundError` lists both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from meetinglens.analysis.question_dialogue import N_FEATURES, HeadInput, embed_inputs
from meetinglens.errors import ModelNotFoundError
from meetinglens.heads import MODELS_DIR, find_head, head_info
from meetinglens.model import ModelInfo

HEAD_ENV = "MEETINGLENS_QUESTION_HEAD"
HEAD_FILE = MODELS_DIR / "question-head" / "head.npz"
#: Type classes in output order (the same as ``question_rules.QTYPES``).
QTYPES: tuple[str, ...] = ("wh", "yes_no", "declarative", "tag", "alternative", "rhetorical")
#: MiniLM width; the head reads two embeddings (sentence, reply) and the context features.
EMBED_DIM = 384
DIM = 2 * EMBED_DIM + N_FEATURES


@dataclass(frozen=True)
class HeadScores:
    """Per text: p(question), p(type) over :data:`QTYPES`, p(open | question)."""

    question: np.ndarray
    types: np.ndarray
    open: np.ndarray

    def qtype(self, i: int) -> str:
        return QTYPES[int(np.argmax(self.types[i]))]


@dataclass(frozen=True)
class QuestionHead:
    """Weights over :data:`DIM`-wide inputs (:func:`question_dialogue.input_matrix`):
    ``detect`` (1, DIM), ``type`` (6, DIM), ``open`` (1, DIM), each with a bias."""

    detect_w: np.ndarray
    detect_b: np.ndarray
    type_w: np.ndarray
    type_b: np.ndarray
    open_w: np.ndarray
    open_b: np.ndarray
    meta: dict
    path: str = ""

    def score_embeddings(self, x: np.ndarray) -> HeadScores:
        """Scores for ``(n, DIM)`` input rows."""
        if x.ndim != 2 or x.shape[1] != DIM:
            raise ValueError(f"question head expects (n, {DIM}) inputs, got {x.shape}")
        x = x.astype(np.float32)
        z = x @ self.type_w.T + self.type_b
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return HeadScores(_sigmoid(x @ self.detect_w.T + self.detect_b)[:, 0],
                          e / e.sum(axis=1, keepdims=True),
                          _sigmoid(x @ self.open_w.T + self.open_b)[:, 0])

    def score(self, items: list[HeadInput | str]) -> HeadScores:
        """Scores for sentences with their dialogue (a bare string is a sentence seen without
        any), embedded with the memoised MiniLM encoder."""
        from meetinglens.nlp import encode

        if not items:
            return HeadScores(np.zeros(0), np.zeros((0, len(QTYPES))), np.zeros(0))
        inputs = [x if isinstance(x, HeadInput) else HeadInput(x, known=False) for x in items]
        return self.score_embeddings(embed_inputs(inputs, lambda t: encode(list(t))))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = {k: getattr(self, k).astype(np.float32) for k in
                  ("detect_w", "detect_b", "type_w", "type_b", "open_w", "open_b")}
        np.savez_compressed(path, classes=np.array(QTYPES),
                            meta=np.array(json.dumps(self.meta, sort_keys=True)), **arrays)

    @property
    def info(self) -> ModelInfo:
        return head_info("question-head", self.path, str(self.meta.get("version", "")))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def head_path() -> Path:
    """The head file: ``$MEETINGLENS_QUESTION_HEAD``, else the project's ``models/`` copy."""
    return find_head("question-head", HEAD_ENV, HEAD_FILE,
                     train="python benchmarks/train_question_head.py "
                           "(fits it from datasets/questions/)")


@cache
def load_head() -> QuestionHead:
    """The shipped head, read once per process."""
    path = head_path()
    with np.load(path, allow_pickle=False) as data:
        classes = tuple(str(c) for c in data["classes"])
        width = data["detect_w"].shape[-1]
        if classes != QTYPES or width != DIM:
            raise ModelNotFoundError(
                "question-head", [f"{path} (classes {classes}, input width {width}; "
                                  f"expected {QTYPES}, {DIM})"],
                "retrain with `python benchmarks/train_question_head.py`")
        arrays = {k: data[k] for k in
                  ("detect_w", "detect_b", "type_w", "type_b", "open_w", "open_b")}
        meta = json.loads(str(data["meta"]))
    return QuestionHead(meta=meta, path=str(path), **arrays)
