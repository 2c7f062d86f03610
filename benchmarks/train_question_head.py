"""Fit the question head on the team-written set and report cross-validated figures.

Reads ``datasets/questions/*.tsv`` (team-written, CC BY 4.0; no SwDA text), embeds every
example twice (as written, and ASR-style: lower case, punctuation removed) with
``meetinglens.nlp.encode``, and fits three scikit-learn logistic regressions with a fixed
seed: question-vs-not, type (6 classes) and open-vs-closed. Before fitting on everything it
prints 5-fold cross-validated figures (both spellings of one example stay in the same fold).
Writes ``models/question-head/head.npz`` (plain arrays, applied with NumPy only).

Run:  .venv/bin/python benchmarks/train_question_head.py [--no-save] [--c 2]
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from embed_cache import cached_encode  # noqa: E402

from meetinglens.analysis.question_data import DATASET_DIR, load_examples  # noqa: E402
from meetinglens.analysis.question_head import HEAD_FILE, QTYPES, QuestionHead  # noqa: E402

SEED = 7
FOLDS = 5
DEFAULT_C = 2.0
_PUNCT = re.compile(r"[^\w\s']")


def asr_style(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def design(examples):
    """Rows for both spellings: (texts, group index, is_question, type index, open)."""
    texts, groups = [], []
    for g, ex in enumerate(examples):
        for t in dict.fromkeys((ex.text, asr_style(ex.text))):
            texts.append(t)
            groups.append(g)
    groups = np.array(groups)
    label = [examples[g].label for g in groups]
    is_q = np.array([lab != "none" for lab in label])
    qtype = np.array([QTYPES.index(lab) if lab != "none" else -1 for lab in label])
    opn = np.array([bool(examples[g].open) for g in groups])
    return texts, groups, is_q, qtype, opn


def fit(x, is_q, qtype, opn, c: float):
    from sklearn.linear_model import LogisticRegression

    def lr():
        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced",
                                  random_state=SEED)
    det = lr().fit(x, is_q)
    typ = lr().fit(x[is_q], qtype[is_q])
    op = lr().fit(x[is_q], opn[is_q])
    return det, typ, op


def cross_validate(x, groups, is_q, qtype, opn, asr_mask, c: float) -> dict:
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    pred_q = np.zeros(len(x), bool)
    pred_t = np.full(len(x), -1)
    pred_o = np.zeros(len(x), bool)
    for train, test in GroupKFold(FOLDS).split(x, is_q, groups):
        det, typ, op = fit(x[train], is_q[train], qtype[train], opn[train], c)
        pred_q[test] = det.predict(x[test])
        pred_t[test] = typ.predict(x[test])
        pred_o[test] = op.predict(x[test])
    out = {}
    for name, mask in (("written", ~asr_mask), ("asr", asr_mask)):
        q = mask & is_q
        out[name] = {
            "detection_f1": round(float(f1_score(is_q[mask], pred_q[mask])), 3),
            "type_macro_f1": round(float(f1_score(qtype[q], pred_t[q], average="macro")), 3),
            "type_f1": dict(zip(QTYPES, (round(float(v), 3) for v in
                                         f1_score(qtype[q], pred_t[q], average=None,
                                                  labels=range(len(QTYPES)))))),
            "open_acc": round(float((pred_o[q] == opn[q]).mean()), 3),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--c", type=float, default=DEFAULT_C)
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args()
    examples = load_examples()
    texts, groups, is_q, qtype, opn = design(examples)
    asr_mask = np.array([t == asr_style(t) for t in texts])
    x = cached_encode(texts, "question-set")
    counts = {lab: sum(e.label == lab for e in examples) for lab in QTYPES + ("none",)}
    print(f"{len(examples)} examples, {len(texts)} texts with ASR-style copies: {counts}")
    cv = cross_validate(x, groups, is_q, qtype, opn, asr_mask, args.c)
    for name, figures in cv.items():
        print(f"{FOLDS}-fold CV, {name:>7}: " + ", ".join(
            f"{k}={v}" for k, v in figures.items() if k != "type_f1"))
        print(f"{'':>20}type F1: {figures['type_f1']}")
    if args.no_save:
        return
    det, typ, op = fit(x, is_q, qtype, opn, args.c)
    digest = hashlib.sha256("\n".join(f"{e.label}\t{e.open}\t{e.text}" for e in examples)
                            .encode()).hexdigest()[:12]
    meta = {"version": f"qh-{digest}", "trained": datetime.date.today().isoformat(),
            "data": str(DATASET_DIR.relative_to(HEAD_FILE.parents[2])), "examples": counts,
            "c": args.c, "seed": SEED, "cv": cv, "encoder": "all-MiniLM-L6-v2"}
    head = QuestionHead(det.coef_.astype(np.float32), det.intercept_.astype(np.float32),
                        typ.coef_.astype(np.float32), typ.intercept_.astype(np.float32),
                        op.coef_.astype(np.float32), op.intercept_.astype(np.float32), meta)
    head.save(HEAD_FILE)
    print(f"wrote {HEAD_FILE} ({meta['version']})")


if __name__ == "__main__":
    main()
