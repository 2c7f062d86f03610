"""Small helpers for text shown to readers, shared by analyzers and reports."""

from __future__ import annotations


def counted(n: int | None, noun: str, plural: str | None = None) -> str:
    """``(1, 'turn')`` -> ``'1 turn'``; ``(3, 'turn')`` -> ``'3 turns'``; ``None`` -> ``'— turns'``;
    ``plural`` for nouns that take more than an s (``'stretches'``)."""
    many = plural or f"{noun}s"
    if n is None:
        return f"— {many}"
    return f"{n} {noun}" if n == 1 else f"{n} {many}"
