"""Small helpers for text shown to readers, shared by analyzers and reports."""

from __future__ import annotations


def counted(n: int | None, noun: str) -> str:
    """``(1, 'turn')`` -> ``'1 turn'``; ``(3, 'turn')`` -> ``'3 turns'``; ``None`` -> ``'— turns'``."""
    if n is None:
        return f"— {noun}s"
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
