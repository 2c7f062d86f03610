"""Shared by train_value_head.py and value_signals.py: dataset → head inputs (with a cache).

MiniLM embeddings of the development set are cached in ``.cache/value-embeddings.npz``
(git-ignored) keyed by text, because encoding 800 utterances takes tens of seconds on a busy
two-core machine and the vectors never change for the same model.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from meetinglens.analysis.value_data import Example, load_dataset  # noqa: E402
from meetinglens.analysis.value_detect import inputs  # noqa: E402
from meetinglens.analysis.value_rules import Line  # noqa: E402

CACHE = ROOT / ".cache" / "value-embeddings.npz"


def embeddings(texts: list[str]) -> np.ndarray:
    cached: dict[str, np.ndarray] = {}
    if CACHE.exists():
        with np.load(CACHE, allow_pickle=False) as data:
            cached = dict(zip((str(t) for t in data["texts"]), data["vectors"]))
    todo = [t for t in dict.fromkeys(texts) if t not in cached]
    if todo:
        from meetinglens.nlp import encode

        cached.update(zip(todo, encode(todo)))
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        keys = list(cached)
        np.savez(CACHE, texts=np.array(keys), vectors=np.stack([cached[k] for k in keys]))
    return np.stack([cached[t] for t in texts])


def lines_of(examples: list[Example]) -> list[Line]:
    """Lines in meeting order; context features never cross a meeting boundary."""
    return [Line(e.text, f"{e.meeting}/{e.speaker}", e.side) for e in examples]


def dataset_inputs(examples: list[Example] | None = None):
    """(examples, lines, X) for the development set."""
    examples = examples or load_dataset()
    lines = lines_of(examples)
    x = inputs(lines, embeddings([e.text for e in examples]))
    return examples, lines, x
