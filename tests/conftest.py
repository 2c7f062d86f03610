"""Shared fixtures. Every test runs with the project's home/cache folders in tmp_path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEETINGLENS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MEETINGLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip(f"reference data not found at {SHARED_DATA}")
    return SHARED_DATA


#: Team-written training text is checked against SwDA (licence CC BY-NC-SA) sentences this long.
MIN_WORDS_COMPARED = 6
_NON_WORD = re.compile(r"[^\w\s']")


def _normalize(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


@pytest.fixture(scope="session")
def swda_copies():
    """``copies(texts)``: the texts (``MIN_WORDS_COMPARED``+ words) found verbatim in SwDA
    after lower-casing and removing punctuation; skips without the reference data."""
    if not SHARED_DATA.exists():
        pytest.skip(f"reference data not found at {SHARED_DATA}")
    swda = set()
    for path in (SHARED_DATA / "swda").glob("*/*.txt"):
        for line in path.read_text().splitlines():
            parts = line.split("|")
            if len(parts) == 3 and len(parts[1].split()) >= MIN_WORDS_COMPARED:
                swda.add(_normalize(parts[1]))

    def copies(texts) -> list[str]:
        return [t for t in texts if len(t.split()) >= MIN_WORDS_COMPARED and _normalize(t) in swda]
    return copies
