"""Train the value-signal head on the whole development set and write models/value-head/.

    .venv/bin/python benchmarks/train_value_head.py

Deterministic (fixed seed, lbfgs); reads datasets/value-signals/*.jsonl, writes head.npz
(plain arrays, no pickle). Cross-validated figures come from benchmarks/value_signals.py.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
from pathlib import Path

from value_common import dataset_inputs  # noqa: I001 (sets sys.path)
from meetinglens.analysis.value_head import HEAD_FILE, read_head
from meetinglens.analysis.value_rules import FEATURE_NAMES
from meetinglens.analysis.value_signals import SIGNALS
from meetinglens.analysis.value_train import C, SEED, fit_head

VERSION = "1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--out", default=str(HEAD_FILE))
    args = parser.parse_args()
    examples, _, x = dataset_inputs()
    counts = collections.Counter(s for e in examples for s in e.labels)
    meta = {
        "version": VERSION, "seed": SEED, "C": args.c, "embedding": "all-MiniLM-L6-v2 (384)",
        "trained": dt.date.today().isoformat(), "utterances": len(examples),
        "meetings": sorted({e.meeting for e in examples}),
        "positives": {s: counts[s] for s in SIGNALS}, "licence": "CC-BY-4.0",
        "data": "datasets/value-signals (team-written)",
    }
    head = fit_head(x, [e.labels for e in examples], [e.side for e in examples],
                    [e.meeting for e in examples], list(FEATURE_NAMES), c=args.c, meta=meta)
    head.save(Path(args.out))
    again = read_head(Path(args.out))
    print(f"wrote {args.out} ({x.shape[1]} features x {len(SIGNALS)} signals)")
    for s, t in zip(again.signals, again.thresholds):
        print(f"  {s:20} threshold {t:.2f}  positives {counts[s]}")


if __name__ == "__main__":
    main()
