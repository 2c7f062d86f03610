"""What a classifier trained on SwDA itself reaches on SwDA val: a reference, never shipped.

meetinglens may not ship weights trained on SwDA (CC BY-NC-SA), so its question analysis is
grammar rules plus a head fitted on team-written data. This script asks how much of the gap
to the issue-4 targets is the missing in-domain training data rather than the method: it fits
a logistic regression on MiniLM embeddings of each SwDA train utterance and of the other
speaker's utterances just before and after it (the same dialogue context the analyzer reads),
predicts not-a-question / wh / yes_no / declarative / tag / alternative / rhetorical on val
(test stays for the analyzer's once-per-round figure), and scores it exactly as
``questions_swda.py`` does (its ``evaluate``), with and without balanced class weights.
Nothing is saved but the embedding cache.

Measured (300 train conversations, val, punctuated / ASR-style): detection F1 0.579 / 0.497
(P 0.868, R 0.434), type macro-F1 0.261 / 0.242; balanced weights 0.245 / 0.216. The shipped
rules + head reach 0.839 / 0.781 and 0.552 / 0.505 on val: sentence embeddings do not
separate SwDA's questions even when trained on SwDA, so the remaining gap is not data the
licence keeps out but a representation this machine does not have offline.

Run:  .venv/bin/python benchmarks/questions_ceiling.py [--train-conversations 300] [--split val]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from embed_cache import cached_encode  # noqa: E402
from questions_swda import GOLD_TYPE, asr_style, contexts, evaluate, load  # noqa: E402

LABELS = ("none", "wh", "yes_no", "declarative", "tag", "alternative", "rhetorical")
OPEN_TAGS = {"qo", "qw", "qw^d"}


def features(rows, variant: str, split: str) -> np.ndarray:
    """[utterance, other side before, other side after] embeddings (zeros where absent)."""
    texts = [asr_style(t) if variant == "asr" else t for _, t, _ in rows]
    ctx = contexts(rows, variant)
    name = f"swda-utterances-{split}-{variant}"
    pool = list(dict.fromkeys(texts + [c.previous for c in ctx if c and c.previous]
                              + [c.next for c in ctx if c and c.next]))
    vectors = dict(zip(pool, cached_encode(pool, name)))
    zero = np.zeros(384, dtype=np.float32)
    return np.stack([np.concatenate([vectors[t],
                                     vectors[c.previous] if c and c.previous else zero,
                                     vectors[c.next] if c and c.next else zero])
                     for t, c in zip(texts, ctx)])


def label(tag: str) -> str:
    return GOLD_TYPE.get(tag, "none")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-conversations", type=int, default=300,
                        help="SwDA train conversations to fit on (default 300 of 1,115)")
    parser.add_argument("--split", default="val", help="split to score (default val)")
    args = parser.parse_args()

    from sklearn.linear_model import LogisticRegression

    train = load("train", sample=args.train_conversations)
    rows = load(args.split)
    print(f"fit on {len(train)} train utterances ({args.train_conversations} conversations), "
          f"scored on {len(rows)} {args.split} utterances")
    for variant in ("original", "asr"):
        x = features(train, variant, "train")
        y = [label(tag) for _, _, tag in train]
        xt = features(rows, variant, args.split)
        opener = LogisticRegression(max_iter=3000).fit(x, [tag in OPEN_TAGS for _, _, tag in train])
        opens = opener.predict(xt)
        # unweighted fits the 95 % of non-questions; balanced weights every class equally
        for weights in (None, "balanced"):
            model = LogisticRegression(max_iter=3000, class_weight=weights).fit(x, y)
            types = model.predict(xt)
            preds = [(None if t == "none" else str(t), bool(o)) for t, o in zip(types, opens)]
            r = evaluate(rows, preds)
            p, rec, f1 = r["detection"]
            per_type = ", ".join(f"{k} {v[2]:.3f}" for k, v in r["types"].items() if v[3])
            print(f"[{variant}, class weights {weights or 'none'}] detection P {p:.3f} R {rec:.3f} "
                  f"F1 {f1:.3f}  type macro-F1 {r['macro_f1']:.3f}  open/closed "
                  f"{r['open_acc']:.3f}  ({per_type})")


if __name__ == "__main__":
    main()
