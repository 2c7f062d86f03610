"""Fitting the value head (scikit-learn, training time only; never imported by analysis).

One logistic regression per signal, trained only on utterances whose speaker's side can
produce the signal (a seller's question teaches nothing about customer questions). Decision
thresholds are chosen on out-of-fold probabilities from an inner cross-validation grouped by
meeting, so a threshold never sees its own training meeting.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from meetinglens.analysis.value_head import Head
from meetinglens.analysis.value_signals import SIGNALS, SIGNAL_SIDES

SEED = 13
C = 16.0  # inverse L2 strength; chosen by meeting-grouped CV among 1, 4, 16 (value_signals.py --c)
THRESHOLD_GRID = np.round(np.arange(0.20, 0.81, 0.05), 2)
DEFAULT_THRESHOLD = 0.5


def _fit_one(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=SEED)
    model.fit(x, y)
    return model.coef_[0], model.intercept_[0]


def _best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    best, best_f1 = DEFAULT_THRESHOLD, -1.0
    for t in THRESHOLD_GRID:
        pred = p >= t
        tp = float(np.sum(pred & y))
        f1 = 2 * tp / max(float(pred.sum() + y.sum()), 1.0)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


def fit_head(x: np.ndarray, labels: Sequence[frozenset[str]], sides: Sequence[str],
             groups: Sequence[str], feature_names: Sequence[str], c: float = C,
             tune_thresholds: bool = True, meta: dict | None = None) -> Head:
    """Fit one logistic unit per signal; thresholds from inner meeting-grouped CV."""
    sides_arr = np.asarray(sides)
    groups_arr = np.asarray(groups)
    weights = np.zeros((len(SIGNALS), x.shape[1]), dtype=np.float32)
    bias = np.zeros(len(SIGNALS), dtype=np.float32)
    thresholds = np.full(len(SIGNALS), DEFAULT_THRESHOLD, dtype=np.float32)
    for k, signal in enumerate(SIGNALS):
        rows = np.isin(sides_arr, list(SIGNAL_SIDES[signal]))
        xs = x[rows]
        ys = np.array([signal in labels[i] for i in np.flatnonzero(rows)])
        if ys.sum() == 0 or ys.all():
            bias[k] = -10.0 if ys.sum() == 0 else 10.0
            continue
        weights[k], bias[k] = _fit_one(xs, ys, c)
        if tune_thresholds:
            thresholds[k] = _best_threshold(_inner_oof(xs, ys, groups_arr[rows], c), ys)
    return Head(tuple(SIGNALS), tuple(feature_names), weights, bias, thresholds, meta or {})


def _inner_oof(x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float) -> np.ndarray:
    """Out-of-fold probabilities, leaving one meeting out at a time."""
    p = np.zeros(len(y), dtype=np.float32)
    for g in np.unique(groups):
        test = groups == g
        train = ~test
        if y[train].sum() == 0 or y[train].all():
            p[test] = float(y[train].mean())
            continue
        w, b = _fit_one(x[train], y[train], c)
        p[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w + b)))
    return p
