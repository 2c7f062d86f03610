"""What the dialogue around a sentence says about whether it asks: the head's context input.

A single sentence often does not carry what makes it a question: "you have kids" asks when
the other side answers "yeah, two boys" and states when it is followed by "uh-huh" or by the
same speaker going on; "who knows" asks nothing when the speaker goes straight on. So the
question head (:mod:`question_head`) reads, next to the sentence's own MiniLM embedding,
the embedding of the other speaker's reply and the small set of features below, computed in
plain Python from the same :class:`DialogueContext` the rules see.

:class:`HeadInput` is one sentence with its context; :func:`context_features` turns it into
:data:`N_FEATURES` numbers. Training (``benchmarks/train_question_head.py``) and the
analyzer build inputs the same way, so the head sees at run time what it was fitted on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from meetinglens.analysis.question_context import (
    addresses_listener,
    is_confirming_answer,
    only_backchannel,
    words_of,
)

#: A reply this short (words) answers one fact, a yes or a no.
SHORT_REPLY = 4
#: Openings of a reply that is itself a question ("what", "do you…").
_ASKING_OPENERS = frozenset(
    "what who whom whose which where when why how do does did is are was were can could "
    "would will should have has".split())
_NEGATIVE_OPENERS = frozenset("no nope nah not never".split())
#: Scale for log word counts so features stay near 0..1.
_LOG_SCALE = 4.0

FEATURES: tuple[str, ...] = (
    "context_known", "other_replies", "speaker_continues", "reply_confirms",
    "reply_backchannel", "reply_short", "reply_length", "reply_asks", "reply_negative",
    "after_other_question", "question_mark", "addresses_listener", "length",
)
N_FEATURES = len(FEATURES)


@dataclass(frozen=True)
class HeadInput:
    """One sentence and its dialogue: the other speaker's turns around it, and whether the
    same speaker goes on. ``known=False`` marks a sentence seen without any dialogue (the
    single-line training set)."""

    text: str
    previous: str | None = None
    next: str | None = None
    continues: bool = False
    known: bool = True


def _is_backchannel(words: list[str]) -> bool:
    return only_backchannel(words)


def _asks(text: str | None) -> bool:
    if not text:
        return False
    words = words_of(text)
    return text.rstrip().endswith("?") or bool(words and words[0] in _ASKING_OPENERS
                                               and len(words) > 1)


def _log_len(words: list[str]) -> float:
    return math.log1p(len(words)) / _LOG_SCALE


def context_features(x: HeadInput) -> np.ndarray:
    """:data:`N_FEATURES` numbers describing ``x``'s dialogue (all 0 when unknown, but
    for its own words)."""
    own = words_of(x.text)
    out = np.zeros(N_FEATURES, dtype=np.float32)
    out[FEATURES.index("question_mark")] = x.text.rstrip().endswith("?")
    out[FEATURES.index("addresses_listener")] = addresses_listener(own)
    out[FEATURES.index("length")] = _log_len(own)
    if not x.known:
        return out
    reply = words_of(x.next) if x.next else []
    values = {
        "context_known": 1.0,
        "other_replies": bool(x.next),
        "speaker_continues": x.continues,
        "reply_confirms": is_confirming_answer(x.next),
        "reply_backchannel": _is_backchannel(reply),
        "reply_short": 0 < len(reply) <= SHORT_REPLY and not _is_backchannel(reply),
        "reply_length": _log_len(reply),
        "reply_asks": _asks(x.next),
        "reply_negative": bool(reply) and reply[0] in _NEGATIVE_OPENERS,
        "after_other_question": _asks(x.previous),
    }
    for name, value in values.items():
        out[FEATURES.index(name)] = float(value)
    return out


def input_matrix(inputs: list[HeadInput], own: np.ndarray, replies: np.ndarray) -> np.ndarray:
    """The head's input rows: own embedding, reply embedding (zeros without a reply) and the
    context features."""
    mask = np.array([[bool(x.next) and x.known] for x in inputs], dtype=np.float32)
    feats = np.stack([context_features(x) for x in inputs]) if inputs else \
        np.zeros((0, N_FEATURES), dtype=np.float32)
    return np.hstack([own, replies * mask, feats]).astype(np.float32)


def embed_inputs(inputs: list[HeadInput], encode) -> np.ndarray:
    """Input rows for ``inputs``, embedding each distinct sentence and reply once with
    ``encode`` (texts -> (n, 384))."""
    texts = list(dict.fromkeys([x.text for x in inputs] + [x.next for x in inputs if x.next]))
    vectors = encode(texts) if texts else np.zeros((0, 384), dtype=np.float32)
    index = {t: i for i, t in enumerate(texts)}
    dim = vectors.shape[1] if len(texts) else 384
    own = np.stack([vectors[index[x.text]] for x in inputs]) if inputs else np.zeros((0, dim))
    zero = np.zeros(dim, dtype=np.float32)
    replies = np.stack([vectors[index[x.next]] if x.next else zero for x in inputs]) \
        if inputs else np.zeros((0, dim))
    return input_matrix(inputs, own, replies)
