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


# ------------------------------------------------------------------ dialogues

DIALOGUE_DIR = DATASET_DIR / "dialogues"
#: Turn label: ``none`` or a question type, optionally ``/open`` or ``/closed`` (default
#: closed; rhetorical questions are always closed).
_OPEN_SUFFIX = {"open": True, "closed": False}


@dataclass(frozen=True)
class DialogueTurn:
    """One labelled turn of a team-written exchange."""

    speaker: str
    text: str
    label: str
    open: bool | None


@dataclass(frozen=True)
class Exchange:
    """A short exchange (3-6 turns); every turn carries a label."""

    id: str
    turns: tuple[DialogueTurn, ...]
    source: str


def load_dialogues(folder: Path = DIALOGUE_DIR) -> list[Exchange]:
    """Every exchange of every ``*.jsonl`` file in ``folder``, in file order.

    One JSON object a line: ``{"id": "fh-001", "turns": [["A", "so you have kids?",
    "declarative"], ["B", "yeah, two", "none"], ...]}``.
    """
    import json

    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise MeetinglensError(f"{folder}: no *.jsonl files; the dialogue set lives in "
                               "datasets/questions/dialogues/ of the source tree")
    out, seen = [], set()
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise MeetinglensError(f"{where}: not JSON ({e.msg})") from e
            ex = _exchange(obj, where)
            if ex.id in seen:
                raise MeetinglensError(f"{where}: id {ex.id!r} used twice")
            seen.add(ex.id)
            out.append(ex)
    return out


def _exchange(obj, where: str) -> Exchange:
    turns = obj.get("turns") if isinstance(obj, dict) else None
    if not isinstance(turns, list) or not 2 <= len(turns) <= 8 or "id" not in obj:
        raise MeetinglensError(f"{where}: expected {{\"id\": ..., \"turns\": [2-8 turns]}}")
    return Exchange(str(obj["id"]), tuple(_turn(t, where) for t in turns), where)


def _turn(turn, where: str) -> DialogueTurn:
    if not (isinstance(turn, list) and len(turn) == 3 and all(isinstance(x, str) for x in turn)
            and turn[1].strip()):
        raise MeetinglensError(f"{where}: a turn is [speaker, text, label], got {turn!r}")
    speaker, text, label = turn
    qtype, _, suffix = label.partition("/")
    if qtype not in LABELS or (suffix and (qtype in {"none", "rhetorical"}
                                           or suffix not in _OPEN_SUFFIX)):
        raise MeetinglensError(f"{where}: label {label!r} is not none, rhetorical or "
                               f"<type>[/open|/closed] with type in {QTYPES}")
    is_open = None if qtype == "none" else _OPEN_SUFFIX.get(suffix, False)
    return DialogueTurn(speaker, text.strip(), qtype, is_open)
