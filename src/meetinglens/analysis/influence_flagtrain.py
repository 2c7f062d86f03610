"""Fitting the red-flag evidence head (scikit-learn, training time only; never imported by analysis).

Training rows: every buyer utterance of the labelled meetings with the evidence classes it
shows (``labels.flag_cues``; unlisted buyer utterances show none), plus the team-written
sentences of ``datasets/buying-influences/flag-cues-extra.jsonl`` (positives and near misses),
each also in its raw-ASR form (lower case, no punctuation) so the head does not lean on
capitals or commas. One logistic regression per class, balanced class weights, fixed seed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from meetinglens.analysis.influence_dataset import DATASET_DIR, asr_text, load_labelled
from meetinglens.analysis.influence_flaghead import CUE_CLASSES, FlagHead

SEED = 7
#: Inverse L2 strength: best out-of-meeting utterance macro-F1 of C = 0.5/1/2/4/8
#: (0.604/0.617/0.628/0.608/0.617; benchmarks/train_influence_head.py --flags-only --c-grid).
C = 2.0
EXTRA_FILE = DATASET_DIR / "flag-cues-extra.jsonl"
EXTRA_GROUP = "flag-cues-extra"


@dataclass(frozen=True)
class CueRows:
    texts: list[str]
    cues: list[frozenset[str]]
    groups: list[str]  # meeting id (or EXTRA_GROUP) of each row

    def matrix(self, classes: Sequence[str] = CUE_CLASSES) -> np.ndarray:
        """``(rows, classes)`` 0/1 targets."""
        return np.array([[c in cues for c in classes] for cues in self.cues], dtype=np.int8)


def _with_asr(texts, cues, groups) -> CueRows:
    """Each row twice: as written and as raw ASR output would show it."""
    return CueRows(texts + [asr_text(t) for t in texts], cues + cues, groups + groups)


def meeting_cue_rows(files: Sequence[Path]) -> CueRows:
    texts, cues, groups = [], [], []
    for path in files:
        meeting, gold = load_labelled(path)
        if not gold.flag_cues:
            continue  # written without per-utterance flag labels (holdout4): no rows, not negatives
        buyers = {s.name for s in meeting.speakers if s.side == "buyer"}
        for u in meeting.utterances:
            if u.speaker in buyers:
                texts.append(u.text)
                cues.append(frozenset(gold.flag_cues.get(u.index, ())))
                groups.append(meeting.id)
    return _with_asr(texts, cues, groups)


def extra_cue_rows(path: Path = EXTRA_FILE) -> CueRows:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    unknown = {c for r in rows for c in r["cues"]} - set(CUE_CLASSES)
    if unknown:
        raise ValueError(f"{path}: unknown evidence classes {sorted(unknown)}")
    return _with_asr([r["text"] for r in rows], [frozenset(r["cues"]) for r in rows],
                     [EXTRA_GROUP] * len(rows))


def join(*parts: CueRows) -> CueRows:
    return CueRows([t for p in parts for t in p.texts], [c for p in parts for c in p.cues],
                   [g for p in parts for g in p.groups])


def fit_flags(x: np.ndarray, y: np.ndarray, c: float = C, meta: dict | None = None,
              classes: tuple[str, ...] = CUE_CLASSES) -> FlagHead:
    """One balanced logistic regression per class (a class never seen stays unlikely)."""
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((len(classes), x.shape[1]), dtype=np.float32)
    bias = np.full(len(classes), -30.0, dtype=np.float32)
    for k in range(len(classes)):
        if y[:, k].min() == y[:, k].max():
            continue
        # liblinear: ~10x faster than lbfgs here (1,600 rows), which keeps 31 refits cheap.
        model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear",
                                   max_iter=5000, random_state=SEED)
        model.fit(x, y[:, k])
        weights[k], bias[k] = model.coef_[0], model.intercept_[0]
    return FlagHead(classes, weights, bias, meta or {})


def lomo_flag_heads(rows: CueRows, x: np.ndarray, c: float = C) -> dict[str, FlagHead]:
    """A head per meeting, fitted on every row except that meeting's (extra rows always in)."""
    groups = np.array(rows.groups)
    y = rows.matrix()
    heads = {}
    for g in dict.fromkeys(rows.groups):
        if g == EXTRA_GROUP:
            continue
        keep = groups != g
        heads[g] = fit_flags(x[keep], y[keep], c, {"version": f"lomo-{g}"})
    return heads


def utterance_prf(rows: CueRows, x: np.ndarray, heads: dict[str, FlagHead],
                  threshold: float = 0.5) -> dict[str, tuple[float, float, float, int]]:
    """Per class, out-of-meeting utterance precision, recall, F1 and support (meeting rows)."""
    y = rows.matrix()
    idx = [i for i, g in enumerate(rows.groups) if g != EXTRA_GROUP]
    p = np.vstack([heads[rows.groups[i]].probabilities(x[i:i + 1]) for i in idx])
    pred, gold = p >= threshold, y[idx].astype(bool)
    out = {}
    for k, c in enumerate(CUE_CLASSES):
        tp = int((pred[:, k] & gold[:, k]).sum())
        n_pred, n_gold = int(pred[:, k].sum()), int(gold[:, k].sum())
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        out[c] = (prec, rec, 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0, n_gold)
    return out
