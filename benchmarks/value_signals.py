"""Value-signal accuracy with cross-validation grouped by meeting, and detection speed.

    .venv/bin/python benchmarks/value_signals.py            # leave-one-meeting-out CV
    .venv/bin/python benchmarks/value_signals.py --speed    # + a synthetic 60-minute meeting
    .venv/bin/python benchmarks/value_signals.py --heldout-only  # shipped head on held-out set

Every fold retrains the head (weights and thresholds) on the other meetings only, so no
meeting is ever in train and test. Prints per-signal P/R/F1, macro-F1 and the worst errors
(most confident false positives and least confident misses).
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from value_common import dataset_inputs  # noqa: I001 (sets sys.path)
from meetinglens.analysis.value_detect import decide
from meetinglens.analysis.value_rules import FEATURE_NAMES
from meetinglens.analysis.value_signals import SIGNALS
from meetinglens.analysis.value_train import C, fit_head

EMBEDDING_DIM = 384


def cross_validate(examples, lines, x, c: float, tune: bool, rules_only: bool = False,
                   embedding_only: bool = False):
    groups = np.array([e.meeting for e in examples])
    sides = [e.side for e in examples]
    labels = [e.labels for e in examples]
    if rules_only:
        x = x[:, EMBEDDING_DIM:]
    elif embedding_only:
        x = np.hstack([x[:, :EMBEDDING_DIM], x[:, -5:-3]])  # keep side columns
    probs = np.zeros((len(examples), len(SIGNALS)), dtype=np.float32)
    predicted = np.zeros_like(probs, dtype=bool)
    for g in np.unique(groups):
        test = groups == g
        train = ~test
        tr = np.flatnonzero(train)
        head = fit_head(x[train], [labels[i] for i in tr], [sides[i] for i in tr], groups[train],
                        list(FEATURE_NAMES), c=c, tune_thresholds=tune)
        probs[test] = head.probabilities(x[test])
        te_lines = [lines[i] for i in np.flatnonzero(test)]
        predicted[test] = decide(probs[test], head.thresholds, te_lines)
    return probs, predicted


def scores(examples, predicted):
    truth = np.array([[s in e.labels for s in SIGNALS] for e in examples])
    rows = []
    for k, signal in enumerate(SIGNALS):
        tp = int(np.sum(predicted[:, k] & truth[:, k]))
        fp = int(np.sum(predicted[:, k] & ~truth[:, k]))
        fn = int(np.sum(~predicted[:, k] & truth[:, k]))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((signal, int(truth[:, k].sum()), p, r, f))
    return rows, truth


def print_scores(title, rows):
    print(f"\n{title}")
    print(f"{'signal':20} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for signal, n, p, r, f in rows:
        print(f"{signal:20} {n:4d} {p:6.3f} {r:6.3f} {f:6.3f}")
    print(f"{'macro':20} {'':4} {np.mean([r[2] for r in rows]):6.3f} "
          f"{np.mean([r[3] for r in rows]):6.3f} {np.mean([r[4] for r in rows]):6.3f}")


def worst_errors(examples, probs, predicted, truth, n: int = 15):
    errors = []
    for i, e in enumerate(examples):
        for k, signal in enumerate(SIGNALS):
            if predicted[i, k] and not truth[i, k]:
                errors.append((probs[i, k], "FP", signal, e))
            elif truth[i, k] and not predicted[i, k]:
                errors.append((1 - probs[i, k], "FN", signal, e))
    errors.sort(key=lambda t: -t[0])
    print(f"\nworst {n} errors (FP: most confident wrong detections; FN: most confident misses)")
    for score, kind, signal, e in errors[:n]:
        print(f"  {kind} {signal:19} p={score if kind == 'FP' else 1 - score:.2f} "
              f"[{e.meeting[:2]} {e.side}] {e.text[:90]}")
    confusions = {}
    for i in range(len(examples)):
        for a in np.flatnonzero(predicted[i] & ~truth[i]):
            for b in np.flatnonzero(truth[i] & ~predicted[i]):
                key = (SIGNALS[b], SIGNALS[a])
                confusions[key] = confusions.get(key, 0) + 1
    print("\nconfusions (true signal missed -> other signal predicted on the same utterance)")
    for (a, b), count in sorted(confusions.items(), key=lambda t: -t[1])[:10]:
        print(f"  {a:19} -> {b:19} {count}")


def speed(minutes: int = 60) -> None:
    """Time detection on a 60-minute meeting assembled from the dev set with fresh text."""
    from meetinglens.analysis import value_detect
    from meetinglens.analysis.value_data import load_dataset
    from meetinglens.analysis.value_rules import Line
    import meetinglens.nlp as nlp

    examples = load_dataset()
    # ~150 words per minute of speech, ~16 words per utterance: ~560 utterances per hour
    n = int(minutes * 150 / 16)
    lines = [Line(f"{examples[i % len(examples)].text} ({i})", examples[i % len(examples)].speaker,
                  examples[i % len(examples)].side) for i in range(n)]
    nlp.load_spacy(), nlp.load_minilm(), value_detect.detect(lines[:2])  # load models first
    start = time.perf_counter()
    found = value_detect.detect(lines).detections
    took = time.perf_counter() - start
    print(f"\nspeed: {n} utterances (~{minutes} min meeting), {len(found)} detections in "
          f"{took:.2f} s ({n / took:.0f} utterances/s; models preloaded, embeddings not memoised)")


def heldout() -> None:
    """The shipped head on meetings written after rules, C and head were frozen."""
    from meetinglens.analysis.value_data import DATASET_DIR, load_dataset
    from meetinglens.analysis.value_head import load_head

    examples = load_dataset(DATASET_DIR / "heldout")
    examples, lines, x = dataset_inputs(examples)
    head = load_head()
    probs = head.probabilities(x)
    predicted = decide(probs, head.thresholds, lines)
    rows, truth = scores(examples, predicted)
    print_scores(f"held-out: {len(examples)} utterances, "
                 f"{len({e.meeting for e in examples})} meetings, shipped head", rows)
    tp = int(np.sum(predicted & truth))
    micro = 2 * tp / max(int(predicted.sum() + truth.sum()), 1)
    print(f"{'micro F1':20} {'':4} {'':6} {'':6} {micro:6.3f}")
    worst_errors(examples, probs, predicted, truth, n=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    parser.add_argument("--no-tune", action="store_true", help="fixed 0.5 thresholds")
    parser.add_argument("--ablation", action="store_true", help="also rules-only and embedding-only")
    parser.add_argument("--speed", action="store_true", help="time a 60-minute meeting")
    parser.add_argument("--heldout-only", action="store_true",
                        help="only score the shipped head on datasets/value-signals/heldout")
    args = parser.parse_args()
    if args.heldout_only:
        heldout()
        return
    examples, lines, x = dataset_inputs()
    meetings = len({e.meeting for e in examples})
    print(f"{len(examples)} utterances, {meetings} meetings, leave-one-meeting-out CV, C={args.c}")
    probs, predicted = cross_validate(examples, lines, x, args.c, not args.no_tune)
    rows, truth = scores(examples, predicted)
    print_scores("head (embedding + rules) with rule gates", rows)
    worst_errors(examples, probs, predicted, truth)
    if args.ablation:
        for name, kw in (("rules only", {"rules_only": True}),
                         ("embedding only (+ side)", {"embedding_only": True})):
            _, pred = cross_validate(examples, lines, x, args.c, not args.no_tune, **kw)
            print_scores(name, scores(examples, pred)[0])
    if args.speed:
        speed()


if __name__ == "__main__":
    main()
