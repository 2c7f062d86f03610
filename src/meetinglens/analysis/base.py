"""Running analyzers over a meeting.

An analyzer module declares what it needs, as spaCy components declare ``requires``::

    NAME = "talk"
    REQUIRES = {"utterances"}            # see REQUIREMENTS
    def analyze(ctx: AnalysisContext) -> AnalyzerResult: ...

Analyzers run in :data:`meetinglens.analysis.registry.ANALYZERS` order; each sees the
results of those before it in ``ctx.results``. The influence analyzer runs first so that
later analyzers can say which buying-influence role a speaker plays (``ctx.role_of``).
After all have run, :func:`link_roles` fills ``Finding.role``/``Finding.side`` for every
finding that concerns one speaker.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from typing import Callable

from meetinglens.errors import AnalysisError
from meetinglens.model import AnalyzerResult, Meeting
from meetinglens.progress import ProgressHook, emit

#: What an analyzer can require, and how to tell whether a meeting provides it.
REQUIREMENTS: dict[str, Callable[[Meeting], bool]] = {
    "utterances": lambda m: len(m.utterances) > 0,
    "timings": lambda m: m.timed,
    "words": lambda m: m.timed and all(u.words for u in m.utterances),
    "sides": lambda m: any(s.side == "seller" for s in m.speakers)
    and any(s.side == "buyer" for s in m.speakers),
}


@dataclass
class AnalysisContext:
    """What an analyzer sees: the meeting and the results of analyzers that ran before it."""

    meeting: Meeting
    results: dict[str, AnalyzerResult] = field(default_factory=dict)

    def role_of(self, speaker: str) -> str:
        """Buying-influence role of ``speaker`` ('unknown' if not judged or not a buyer)."""
        influence = self.results.get("influence")
        if influence is None:
            return "unknown"
        return influence.metrics.get("roles", {}).get(speaker, {}).get("role", "unknown")

    def describe(self, speaker: str) -> str:
        """``'Anna Berg (buyer, economic buyer)'``: a speaker with side and role, for summaries."""
        side = self.meeting.side_of(speaker)
        role = self.role_of(speaker)
        parts = [side] if side != "unknown" else []
        if role != "unknown":
            parts.append(f"{role} buyer" if role != "coach" else "coach")
        return f"{speaker} ({', '.join(parts)})" if parts else speaker


def missing_requirements(meeting: Meeting, requires: set[str]) -> list[str]:
    unknown = set(requires) - set(REQUIREMENTS)
    if unknown:
        raise ValueError(f"unknown requirements {sorted(unknown)}")
    return sorted(r for r in requires if not REQUIREMENTS[r](meeting))


def link_roles(ctx: AnalysisContext) -> dict[str, AnalyzerResult]:
    """Fill ``side`` and ``role`` of every finding that names one speaker."""
    linked = {}
    for name, result in ctx.results.items():
        findings = []
        for f in result.findings:
            if f.speaker is not None and f.speaker in {s.name for s in ctx.meeting.speakers}:
                f = replace(f, side=f.side or ctx.meeting.side_of(f.speaker),
                            role=f.role or ctx.role_of(f.speaker))
            findings.append(f)
        linked[name] = replace(result, findings=tuple(findings))
    return linked


def run_analyzers(
    meeting: Meeting,
    names: list[str] | None = None,
    on_progress: ProgressHook = None,
) -> tuple[dict[str, AnalyzerResult], list[str]]:
    """Run analyzers (all registered ones by default) and return (results, warnings).

    An analyzer whose requirements the meeting does not meet is skipped with a warning
    naming what is missing (e.g. talk time needs timings only for some figures, so
    analyzers should require only what they cannot do without).
    """
    from meetinglens.analysis.registry import ANALYZERS

    selected = list(ANALYZERS) if names is None else names
    unknown = [n for n in selected if n not in ANALYZERS]
    if unknown:
        raise AnalysisError(f"unknown analyzer(s) {unknown}; available: {list(ANALYZERS)}")
    ctx = AnalysisContext(meeting)
    warnings: list[str] = []
    for i, name in enumerate(selected):
        module = importlib.import_module(ANALYZERS[name])
        missing = missing_requirements(meeting, set(getattr(module, "REQUIRES", set())))
        if missing:
            warnings.append(f"{name} analysis skipped: the meeting lacks {', '.join(missing)}")
            continue
        ctx.results[name] = module.analyze(ctx)
        emit(on_progress, "analyze", i + 1, len(selected), unit="analyzers", file=meeting.source)
    return link_roles(ctx), warnings
