"""Fit the dialogue-aware question head on the team-written sets; report cross-validated figures.

Reads ``datasets/questions/*.tsv`` (single lines) and ``datasets/questions/dialogues/*.jsonl``
(short exchanges, every turn labelled); both team-written, CC BY 4.0, no SwDA text. Every
line and every dialogue turn is used twice (as written, and ASR-style: lower case,
punctuation removed). A turn's input is its MiniLM embedding, the embedding of the other
speaker's reply and the context features of ``meetinglens.analysis.question_dialogue``; a
single line has no dialogue (``known=False``). Three scikit-learn logistic regressions with a
fixed seed: question-vs-not, type (6 classes) and open-vs-closed. Before fitting on
everything it prints 5-fold cross-validated figures (both spellings of one line or one
exchange stay in the same fold). Writes ``models/question-head/head.npz`` (plain arrays,
applied with NumPy only).

Run:  .venv/bin/python benchmarks/train_question_head.py [--no-save] [--c 2] [--no-lines]
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

from meetinglens.analysis.question_data import (  # noqa: E402
    DATASET_DIR,
    load_dialogues,
    load_examples,
)
from meetinglens.analysis.question_dialogue import FEATURES, HeadInput, embed_inputs  # noqa: E402
from meetinglens.analysis.question_head import HEAD_FILE, QTYPES, QuestionHead  # noqa: E402

SEED = 7
FOLDS = 5
DEFAULT_C = 2.0
_PUNCT = re.compile(r"[^\w\s']")


def asr_style(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def _rows(examples, exchanges, lines: bool = True):
    """(HeadInput, group, label, open) for every line and every dialogue turn, each in both
    spellings; a dialogue turn carries the other speaker's turns around it."""
    rows = []
    if lines:
        for g, ex in enumerate(examples):
            for t in dict.fromkeys((ex.text, asr_style(ex.text))):
                rows.append((HeadInput(t, known=False), g, ex.label, bool(ex.open)))
    base = len(examples)
    for g, exchange in enumerate(exchanges, start=base):
        for spell in (lambda t: t, asr_style):
            rows.extend((x, g, turn.label, bool(turn.open))
                        for x, turn in zip(dialogue_inputs(exchange, spell), exchange.turns))
    return rows


def dialogue_inputs(exchange, spell=lambda t: t) -> list[HeadInput]:
    """One HeadInput per turn: the other speaker's turn before and after, or the same
    speaker going on (what ``questions.dialogue_context`` gives the analyzer)."""
    turns = exchange.turns
    out = []
    for i, turn in enumerate(turns):
        prev = turns[i - 1] if i > 0 and turns[i - 1].speaker != turn.speaker else None
        nxt = turns[i + 1] if i + 1 < len(turns) else None
        other = nxt if nxt and nxt.speaker != turn.speaker else None
        out.append(HeadInput(spell(turn.text), spell(prev.text) if prev else None,
                             spell(other.text) if other else None,
                             bool(nxt and nxt.speaker == turn.speaker)))
    return out


def design(examples, exchanges, lines: bool = True):
    """Input rows and targets: (x, group, is_question, type index, open, is_asr, is_dialogue)."""
    rows = _rows(examples, exchanges, lines)
    inputs = [r[0] for r in rows]
    x = embed_inputs(inputs, lambda texts: cached_encode(list(texts), "question-set"))
    groups = np.array([r[1] for r in rows])
    is_q = np.array([r[2] != "none" for r in rows])
    qtype = np.array([QTYPES.index(r[2]) if r[2] != "none" else -1 for r in rows])
    opn = np.array([r[3] for r in rows])
    asr = np.array([x.text == asr_style(x.text) for x in inputs])
    dialogue = np.array([x.known for x in inputs])
    return x, groups, is_q, qtype, opn, asr, dialogue


def fit(x, is_q, qtype, opn, c: float):
    from sklearn.linear_model import LogisticRegression

    def lr():
        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced",
                                  random_state=SEED)
    det = lr().fit(x, is_q)
    typ = lr().fit(x[is_q], qtype[is_q])
    op = lr().fit(x[is_q], opn[is_q])
    return det, typ, op


def cross_validate(x, groups, is_q, qtype, opn, asr_mask, dialogue, c: float) -> dict:
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
    for name, mask in (("written", ~asr_mask), ("asr", asr_mask),
                       ("dialogue turns", dialogue), ("single lines", ~dialogue)):
        if not mask.any():
            continue
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
    ap.add_argument("--no-lines", action="store_true",
                    help="fit on the dialogues only, leaving the single-line set out")
    args = ap.parse_args()
    examples, exchanges = load_examples(), load_dialogues()
    x, groups, is_q, qtype, opn, asr_mask, dialogue = design(examples, exchanges,
                                                              not args.no_lines)
    counts = {lab: sum(e.label == lab for e in examples) for lab in QTYPES + ("none",)}
    turns = [t for e in exchanges for t in e.turns]
    turn_counts = {lab: sum(t.label == lab for t in turns) for lab in QTYPES + ("none",)}
    print(f"{len(examples)} single lines {counts}; {len(exchanges)} exchanges, "
          f"{len(turns)} turns {turn_counts}; {len(x)} input rows with ASR-style copies")
    cv = cross_validate(x, groups, is_q, qtype, opn, asr_mask, dialogue, args.c)
    for name, figures in cv.items():
        print(f"{FOLDS}-fold CV, {name:>14}: " + ", ".join(
            f"{k}={v}" for k, v in figures.items() if k != "type_f1"))
        print(f"{'':>27}type F1: {figures['type_f1']}")
    if args.no_save:
        return
    det, typ, op = fit(x, is_q, qtype, opn, args.c)
    rows = [f"{e.label}\t{e.open}\t{e.text}" for e in examples] if not args.no_lines else []
    rows += [f"{t.speaker}\t{t.label}\t{t.open}\t{t.text}" for t in turns]
    digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:12]
    meta = {"version": f"qh-{digest}", "trained": datetime.date.today().isoformat(),
            "data": str(DATASET_DIR.relative_to(HEAD_FILE.parents[2])), "examples": counts,
            "dialogue_turns": turn_counts, "exchanges": len(exchanges),
            "single_lines": not args.no_lines, "input": ["sentence", "reply", *FEATURES],
            "c": args.c, "seed": SEED, "cv": cv, "encoder": "all-MiniLM-L6-v2"}
    head = QuestionHead(det.coef_.astype(np.float32), det.intercept_.astype(np.float32),
                        typ.coef_.astype(np.float32), typ.intercept_.astype(np.float32),
                        op.coef_.astype(np.float32), op.intercept_.astype(np.float32), meta)
    head.save(HEAD_FILE)
    print(f"wrote {HEAD_FILE} ({meta['version']})")


if __name__ == "__main__":
    main()
