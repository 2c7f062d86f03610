"""One calibrated decision per buyer: role and response mode from per-utterance evidence.

Why: up to round 5 a buyer's role was the largest *sum* of cue weights, so an economic buyer
who also described their pain in three sentences became a ``user`` (three user-ish sentences
outweigh one "I sign it"), and a coach who explained how work is done read as a user too.
The counting rewarded talking a lot about one thing rather than saying the one thing that
tells the roles apart.

Here each buyer is described by a short, fixed feature vector per role (or mode):

* ``max`` — the strongest single utterance for it (the role head's probability, a lexicon cue
  weight): one clear "that line's mine and it's approved" counts in full however much else
  the speaker says;
* ``mean`` — the head's mean probability over the speaker's substantive utterances (what they
  mostly talk about);
* ``lex`` — the lexicon tally, squashed (``log1p``) so that volume saturates;
* the title prior (one-hot), worth what the data says it is worth, not a fixed weight;
* for modes (round 17) also the share of utterances that ask a question and the role head's
  mean per role (what the buyer talks about), with trouble read only where it is their own.

A small multinomial logistic regression over these (fitted leave-one-meeting-out on every
labelled buyer, in clean, no-participants and ASR-style variants; see
``benchmarks/train_influence_head.py``) gives calibrated class probabilities; the label is
the most probable class, its probability the confidence. Weights are stored in the same
plain-array format as the utterance heads (:class:`influence_head.ModeHead`).
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from meetinglens.analysis.influence_head import HEAD_FILE, ModeHead, head_path, read_head
from meetinglens.model import Speaker, Utterance

ROLES = ("economic", "user", "technical", "coach")
MODES = ("growth", "trouble", "even_keel", "overconfident")
#: Output classes of the two speaker-level models.
ROLE_LABELS = ROLES + ("unknown",)
MODE_LABELS = MODES + ("unclear",)
ROLE_MODEL_ENV = "MEETINGLENS_INFLUENCE_SPEAKER_ROLES"
MODE_MODEL_ENV = "MEETINGLENS_INFLUENCE_SPEAKER_MODES"
ROLE_MODEL_FILE = HEAD_FILE.with_name("speaker-roles.npz")
MODE_MODEL_FILE = HEAD_FILE.with_name("speaker-modes.npz")
#: Utterances shorter than this (greetings, "fair") carry no role or mode and skip the mean.
SUBSTANTIVE_WORDS = 6
#: Lexicon cue weights are on a 1-4 scale; dividing keeps the ``max`` feature near [0, 1].
CUE_SCALE = 4.0


def _squash(x: float) -> float:
    return math.log1p(max(0.0, x)) / math.log1p(8.0)


def _head_stats(labels: tuple[str, ...], utterances: list[Utterance],
                head_scores: list[dict[str, float]] | None) -> tuple[list[float], list[float]]:
    """Per label: (mean over substantive utterances, max over all) of the head probability."""
    if not head_scores:
        return [0.0] * len(labels), [0.0] * len(labels)
    said = [i for i, u in enumerate(utterances) if len(u.text.split()) >= SUBSTANTIVE_WORDS]
    said = said or list(range(len(utterances)))
    means = [sum(head_scores[i].get(k, 0.0) for i in said) / len(said) for k in labels]
    maxes = [max(head_scores[i].get(k, 0.0) for i in said) for k in labels]
    return means, maxes


def role_features(speaker: Speaker, utterances: list[Utterance],
                  head_scores: list[dict[str, float]] | None,
                  cue_max: dict[str, float], cue_sum: dict[str, float],
                  prior: str | None) -> np.ndarray:
    """The speaker's role feature vector (see the module docstring for the parts)."""
    means, maxes = _head_stats(ROLES, utterances, head_scores)
    lex_max = [min(1.0, cue_max.get(r, 0.0) / CUE_SCALE) for r in ROLES]
    lex_sum = [_squash(cue_sum.get(r, 0.0)) for r in ROLES]
    title = [1.0 if prior == r else 0.0 for r in ROLES]
    n = len([u for u in utterances if len(u.text.split()) >= SUBSTANTIVE_WORDS])
    return np.array(means + maxes + lex_max + lex_sum + title + [_squash(n)], dtype=np.float32)


def question_share(utterances: list[Utterance]) -> float:
    """Share of the substantive utterances that ask a question (rule-based, so raw ASR without
    question marks counts too)."""
    from meetinglens.analysis.question_rules import find_questions

    said = [u for u in utterances if len(u.text.split()) >= SUBSTANTIVE_WORDS]
    return sum(bool(find_questions(u.text)) for u in said) / len(said) if said else 0.0


def mode_features(utterances: list[Utterance], head_scores: list[dict[str, float]] | None,
                  cue_max: dict[str, float], cue_sum: dict[str, float],
                  role_scores: list[dict[str, float]] | None = None) -> np.ndarray:
    """The speaker's response-mode feature vector. ``role_scores``: the role head's
    probabilities per utterance; their means say what the buyer talks about (round 17: a
    technical buyer who only screens specifications is ``unclear`` unless a mode shows)."""
    means, maxes = _head_stats(MODES, utterances, head_scores)
    role_means = _head_stats(ROLES, utterances, role_scores)[0]
    lex_max = [min(1.0, cue_max.get(m, 0.0) / CUE_SCALE) for m in MODES]
    lex_sum = [_squash(cue_sum.get(m, 0.0)) for m in MODES]
    n = len([u for u in utterances if len(u.text.split()) >= SUBSTANTIVE_WORDS])
    return np.array(means + maxes + lex_max + lex_sum + [_squash(n), question_share(utterances)]
                    + role_means, dtype=np.float32)


def decide(model: ModeHead, features: np.ndarray) -> tuple[str, float, dict[str, float]]:
    """(label, probability, every class's probability) from one feature vector."""
    p = model.probabilities(features[None, :])[0]
    probs = {c: round(float(v), 3) for c, v in zip(model.classes, p)}
    best = max(probs, key=probs.get)
    return best, probs[best], probs


@cache
def load_role_model() -> ModeHead:
    return read_head(head_path(ROLE_MODEL_ENV, ROLE_MODEL_FILE))


@cache
def load_mode_model() -> ModeHead:
    return read_head(head_path(MODE_MODEL_ENV, MODE_MODEL_FILE))
