"""Write a report's files: ``<id>.json``, ``<id>.html``, ``<id>.md`` and CSV tables.

File names come from the meeting id, which comes from a user's file name or a JSON report, so
they are made safe first (:func:`safe_stem`): no path separators, no leading dots, no control
characters, no reserved Windows names, bounded length. Letters of any script are kept.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from pathlib import Path
from typing import Iterable

from meetinglens.errors import InputError
from meetinglens.model import Report

FORMATS = ("json", "html", "md", "csv")
#: Longest file stem; leaves room for ".talk.speakers.csv" within common 255-byte limits.
MAX_STEM_CHARS = 120
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}
#: Spreadsheet apps run cells starting with these as formulas; such text cells get a leading '.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_stem(name: str, fallback: str = "meeting") -> str:
    """A file-name stem from ``name`` that cannot escape the output folder or break a shell."""
    name = unicodedata.normalize("NFC", str(name))
    kept = "".join(ch if (ch.isalnum() or ch in "-_.") else "_" for ch in name)
    kept = re.sub(r"_+", "_", kept).strip("._ -")
    kept = re.sub(r"\.{2,}", ".", kept)
    while len(kept.encode("utf-8")) > MAX_STEM_CHARS:
        kept = kept[:-1]
    kept = kept.rstrip("._ -")
    if not kept or kept.split(".")[0].lower() in _WINDOWS_RESERVED:
        kept = f"{fallback}_{kept}" if kept else fallback
    return kept


def _cell(value: object) -> object:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def write_csv(rows: list[dict], path: Path, columns: Iterable[str] = ()) -> Path:
    """Rows as CSV; columns in first-seen order (``columns`` first, so empty tables have a header)."""
    header = list(columns)
    for row in rows:
        header += [k for k in row if k not in header]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in header})
    return path


#: Header of the core tables even when they have no rows (from meetinglens.tables.rows).
CORE_COLUMNS = {
    "utterances": ("meeting", "index", "speaker", "side", "start", "end", "words", "text",
                   "source_index"),
    "speakers": ("meeting", "name", "side", "side_source", "side_reason", "org", "title",
                 "email"),
    "findings": ("meeting", "kind", "severity", "summary", "speaker", "side", "role",
                 "confidence", "evidence_count", "evidence_start", "evidence_quote"),
}


def write_tables(report: Report, out_dir: Path, stem: str) -> list[Path]:
    """One CSV per table: the three core tables, then ``<stem>.<analyzer>.<table>.csv``."""
    from meetinglens.tables import rows, table_names

    written = []
    for name in table_names(report):
        file_part = ".".join(safe_stem(part, "table") for part in name.split(".", 1))
        path = out_dir / f"{stem}.{file_part}.csv"
        written.append(write_csv(rows(report, name), path, CORE_COLUMNS.get(name, ())))
    return written


def write_reports(report: Report, out_dir: str | Path, formats: Iterable[str] = FORMATS
                  ) -> list[Path]:
    """Write the report in each of ``formats`` into ``out_dir`` (created); return the paths."""
    formats = list(dict.fromkeys(f.strip().lower() for f in formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise InputError(None, f"unknown report format(s) {', '.join(unknown)}",
                         f"choose from {', '.join(FORMATS)}")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(out, "the output path exists and is not a folder",
                         "choose another --out folder")
    out.mkdir(parents=True, exist_ok=True)
    stem = safe_stem(report.meeting.id)
    written: list[Path] = []
    for fmt in formats:
        if fmt == "json":
            from meetinglens.serialize import dumps

            written.append(_write_text(out / f"{stem}.json", dumps(report)))
        elif fmt == "html":
            from meetinglens.report.page import render_html

            written.append(_write_text(out / f"{stem}.html", render_html(report)))
        elif fmt == "md":
            from meetinglens.report.markdown import render_markdown

            written.append(_write_text(out / f"{stem}.md", render_markdown(report)))
        elif fmt == "csv":
            written += write_tables(report, out, stem)
    return written


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
