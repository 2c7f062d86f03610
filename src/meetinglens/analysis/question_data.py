"""Read the team-written question set ``datasets/questions/*.tsv``.

Each file is tab-separated with a header ``label open text``: ``label`` is a question type
(:data:`question_head.QTYPES`) or ``none``; ``open`` is ``1``/``0`` for questions and ``-``
for statements. The loader rejects anything else with the file and line, so a typo in the
data cannot silently become a class of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from meetinglens.analysis.question_head import QTYPES
from meetinglens.errors import MeetinglensError

DATASET_DIR = Path(__file__).resolve().parents[3] / "datasets" / "questions"
LABELS = QTYPES + ("none",)
HEADER = ("label", "open", "text")


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    open: bool | None
    source: str

    @property
    def is_question(self) -> bool:
        return self.label != "none"


def load_examples(folder: Path = DATASET_DIR) -> list[Example]:
    """Every example of every ``*.tsv`` file in ``folder``, in file order."""
    files = sorted(folder.glob("*.tsv"))
    if not files:
        raise MeetinglensError(f"{folder}: no *.tsv files; the question set lives in "
                               "datasets/questions/ of the source tree")
    out = []
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        if tuple(lines[0].split("\t")) != HEADER:
            raise MeetinglensError(f"{path}:1: header must be {' '.join(HEADER)} (tab-separated)")
        for n, line in enumerate(lines[1:], start=2):
            out.append(_parse(line, f"{path.name}:{n}"))
    return out


def _parse(line: str, where: str) -> Example:
    parts = line.split("\t")
    if len(parts) != 3 or not parts[2].strip():
        raise MeetinglensError(f"{where}: expected three tab-separated fields, got {line!r}")
    label, open_, text = parts
    if label not in LABELS:
        raise MeetinglensError(f"{where}: label {label!r} is not one of {LABELS}")
    expected = {"-"} if label == "none" else {"0", "1"}
    if open_ not in expected:
        raise MeetinglensError(f"{where}: open must be {'/'.join(sorted(expected))} "
                               f"for {label!r}, got {open_!r}")
    return Example(text.strip(), label, None if open_ == "-" else open_ == "1", where)
