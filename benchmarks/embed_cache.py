"""Disk cache of MiniLM embeddings for benchmark and training runs (``.cache/embeddings``).

Encoding runs at a few hundred sentences a second on two cores; the training and tuning
scripts embed the same texts on every run, so they keep the vectors between runs. Keyed by
the exact text; the analyzer itself never reads this cache.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

CACHE_DIR = Path(__file__).resolve().parents[1] / ".cache" / "embeddings"


def cached_encode(texts: list[str], name: str) -> np.ndarray:
    """Embeddings of ``texts``, reading and extending ``.cache/embeddings/<name>.npz``."""
    from meetinglens.nlp import encode

    path = CACHE_DIR / f"{name}.npz"
    known: dict[str, np.ndarray] = {}
    if path.is_file():
        with np.load(path, allow_pickle=False) as data:
            known = dict(zip((str(t) for t in data["texts"]), data["vectors"]))
    todo = list(dict.fromkeys(t for t in texts if t not in known))
    if todo:
        known.update(zip(todo, encode(todo)))
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        keys = list(known)
        np.savez(path, texts=np.array(keys), vectors=np.stack([known[k] for k in keys]))
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([known[t] for t in texts])
