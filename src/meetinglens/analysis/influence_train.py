"""Fitting the response-mode head (scikit-learn, training time only; never imported by analysis).

Training rows are buyer utterances of the labelled meetings — labelled with the mode cue they
show (``labels.mode_cues``) or ``none`` — plus the short team-written sentences of
``datasets/buying-influences/mode-cues-extra.jsonl``. One multinomial logistic regression over
the MiniLM embedding, balanced class weights (``none`` outnumbers every mode), fixed seed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from meetinglens.analysis.influence_dataset import DATASET_DIR, load_labelled
from meetinglens.analysis.influence_head import CLASSES, ModeHead

SEED = 7
#: Inverse L2 strength; compared by leave-one-meeting-out in benchmarks/train_influence_head.py.
C = 2.0
EXTRA_FILE = DATASET_DIR / "mode-cues-extra.jsonl"
EXTRA_GROUP = "mode-cues-extra"
ROLE_CUES_FILE = DATASET_DIR / "role-cues.tsv"


@dataclass(frozen=True)
class Rows:
    texts: list[str]
    labels: list[str]
    groups: list[str]  # meeting id (or EXTRA_GROUP) of each row


def meeting_rows(files: Sequence[Path], asr: bool = False) -> Rows:
    """Every buyer utterance of the meetings with its mode-cue label (or ``none``)."""
    texts, labels, groups = [], [], []
    for path in files:
        meeting, gold = load_labelled(path, asr=asr)
        buyers = {s.name for s in meeting.speakers if s.side == "buyer"}
        for u in meeting.utterances:
            if u.speaker in buyers:
                texts.append(u.text)
                labels.append(gold.mode_cues.get(u.index, "none"))
                groups.append(meeting.id)
    return Rows(texts, labels, groups)


#: Role-head rows need this many words: "Fair." or "Thanks, bye" says nothing about a role
#: and only taught the head the label mix of short replies.
ROLE_ROW_MIN_WORDS = 6


def read_role_cues(path: Path = ROLE_CUES_FILE) -> dict[str, dict[int, str]]:
    """Meeting id -> utterance index -> the role that utterance shows on its own."""
    cues: dict[str, dict[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            mid, index, role = line.split("\t")
            cues.setdefault(mid, {})[int(index)] = role.strip()
    return cues


def role_rows(files: Sequence[Path], asr: bool = False) -> Rows:
    """Every substantive buyer utterance with the role it shows on its own (``role-cues.json``)
    or ``none``. Round 5: until then each row carried its *speaker's* role, so an economic
    buyer's pain sentences taught the head that pain is economic and greetings were noise."""
    cues = read_role_cues()
    texts, labels, groups = [], [], []
    for path in files:
        meeting, gold = load_labelled(path, asr=asr)
        if meeting.id not in cues:  # round 10: no role cues written for it yet: not a row
            continue
        buyers = {s.name for s in meeting.speakers if s.side == "buyer"}
        for u in meeting.utterances:
            if u.speaker in buyers and len(u.text.split()) >= ROLE_ROW_MIN_WORDS:
                texts.append(u.text)
                labels.append(cues[meeting.id].get(u.index, "none"))
                groups.append(meeting.id)
    return Rows(texts, labels, groups)


def extra_rows(path: Path = EXTRA_FILE) -> Rows:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return Rows([r["text"] for r in rows], [r["mode"] for r in rows], [EXTRA_GROUP] * len(rows))


def join(*parts: Rows) -> Rows:
    return Rows([t for p in parts for t in p.texts], [y for p in parts for y in p.labels],
                [g for p in parts for g in p.groups])


def fit(x: np.ndarray, labels: Sequence[str], c: float = C, meta: dict | None = None,
        classes: tuple[str, ...] = CLASSES, weighting: str = "balanced") -> ModeHead:
    """One multinomial logistic regression; weights returned in ``classes`` order.

    ``weighting``: ``balanced`` (each class weighs n / (k n_c)) or ``sqrt`` (the square root
    of that: rare classes count more, but a class of two buyers does not swamp the rest)."""
    from sklearn.linear_model import LogisticRegression

    y = np.array([classes.index(label) for label in labels])
    weights = "balanced"
    if weighting == "sqrt":
        counts = np.bincount(y, minlength=len(classes))
        seen = counts > 0
        weights = {k: float(np.sqrt(len(y) / (seen.sum() * counts[k])))
                   for k in range(len(classes)) if seen[k]}
    model = LogisticRegression(C=c, class_weight=weights, max_iter=5000, random_state=SEED)
    model.fit(x, y)
    weights = np.zeros((len(classes), x.shape[1]), dtype=np.float32)
    bias = np.full(len(classes), -30.0, dtype=np.float32)  # a class never seen stays unlikely
    for row, k in enumerate(model.classes_):
        weights[k], bias[k] = model.coef_[row], model.intercept_[row]
    return ModeHead(classes, weights, bias, meta or {})


def embed(rows: Rows) -> np.ndarray:
    from meetinglens.nlp import encode

    return encode(rows.texts)


def leave_one_meeting_out(rows: Rows, x: np.ndarray, c: float = C,
                          classes: tuple[str, ...] = CLASSES) -> dict[str, ModeHead]:
    """A head per meeting, fitted on every row except that meeting's (extra rows always in)."""
    groups = np.array(rows.groups)
    labels = np.array(rows.labels)
    heads = {}
    for g in dict.fromkeys(rows.groups):
        if g == EXTRA_GROUP:
            continue
        keep = groups != g
        heads[g] = fit(x[keep], list(labels[keep]), c, {"version": f"lomo-{g}"}, classes)
    return heads


def utterance_scores(rows: Rows, x: np.ndarray, heads: dict[str, ModeHead]) -> dict:
    """Out-of-meeting utterance accuracy and macro-F1 over the four modes."""
    pred = []
    for i, g in enumerate(rows.groups):
        if g == EXTRA_GROUP:
            continue
        p = heads[g].probabilities(x[i:i + 1])[0]
        pred.append((rows.labels[i], CLASSES[int(np.argmax(p))]))
    acc = sum(a == b for a, b in pred) / len(pred)
    f1s = {}
    for mode in CLASSES[1:]:
        tp = sum(a == b == mode for a, b in pred)
        n_pred = sum(b == mode for _, b in pred)
        n_gold = sum(a == mode for a, _ in pred)
        f1s[mode] = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    return {"n": len(pred), "accuracy": acc, "f1": f1s,
            "macro_f1": sum(f1s.values()) / len(f1s)}
