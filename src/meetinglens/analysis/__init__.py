"""Analyzers: pure functions from a meeting (and earlier results) to an AnalyzerResult.

Each analyzer module exposes ``NAME``, ``REQUIRES`` (a set of requirement names, see
:data:`meetinglens.analysis.base.REQUIREMENTS`) and ``analyze(ctx) -> AnalyzerResult``.
"""

from meetinglens.analysis.base import AnalysisContext, run_analyzers

__all__ = ["AnalysisContext", "run_analyzers"]
