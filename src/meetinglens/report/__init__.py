"""Reports: JSON, one self-contained HTML page, a Markdown CRM note and tidy CSV tables.

``write_reports(report, out_dir, formats)`` writes them; shared HTML helpers for analyzer
sections are in :mod:`meetinglens.report.html_kit`.
"""

from __future__ import annotations

__all__ = ["write_reports", "FORMATS"]


def __getattr__(name: str):
    # Keep `import meetinglens.report.html_kit` from pulling in the writers.
    if name in __all__:
        from meetinglens.report import writer

        return getattr(writer, name)
    raise AttributeError(f"module 'meetinglens.report' has no attribute {name!r}")
