"""The labelled development set for value signals (``datasets/value-signals/``).

One JSONL file per meeting: a header line ``{"meeting", "industry", "header": true}`` and then
one line per utterance ``{"meeting", "i", "speaker", "side", "text", "labels": [...]}``.
Used by the training script, the benchmark and the tests; never at analysis time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from meetinglens.analysis.value_signals import SIGNALS, SIGNAL_SIDES
from meetinglens.errors import InputError

DATASET_DIR = Path(__file__).resolve().parents[3] / "datasets" / "value-signals"


@dataclass(frozen=True)
class Example:
    """One labelled utterance in the context of its meeting."""

    meeting: str
    index: int
    speaker: str
    side: str
    text: str
    labels: frozenset[str]


def load_meeting(path: Path) -> list[Example]:
    """Read one meeting file; a wrong label or side is an :class:`InputError` naming the line."""
    examples: list[Example] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {number}: not JSON ({exc.msg})") from exc
        if row.get("header"):
            continue
        labels = frozenset(row.get("labels", ()))
        unknown = labels - set(SIGNALS)
        if unknown:
            raise InputError(path, f"line {number}: unknown labels {sorted(unknown)}",
                             f"use one of {', '.join(SIGNALS)}")
        if row.get("side") not in {"buyer", "seller"}:
            raise InputError(path, f"line {number}: side must be buyer or seller")
        wrong = [s for s in labels if row["side"] not in SIGNAL_SIDES[s]]
        if wrong:
            raise InputError(path, f"line {number}: a {row['side']} cannot produce {wrong}",
                             "see docs/codebook-value.md")
        examples.append(Example(row["meeting"], int(row["i"]), row["speaker"], row["side"],
                                row["text"], labels))
    return examples


def load_dataset(folder: Path = DATASET_DIR) -> list[Example]:
    """Every meeting in ``folder``, in file-name order."""
    files = sorted(Path(folder).glob("*.jsonl"))
    if not files:
        raise InputError(folder, "no *.jsonl meeting files found")
    return [e for f in files for e in load_meeting(f)]
