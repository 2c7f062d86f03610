"""Read the labelled buying-influence meetings in ``datasets/buying-influences/``.

One JSON file per meeting (format in that folder's README): speakers, utterances as
``[speaker, text]`` pairs, and gold labels. :func:`load_labelled` turns a file into a
:class:`Meeting` plus its labels, optionally as a harder variant:

* ``participants=False`` drops titles and organisations (sides stay, as an importer infers them);
* ``asr=True`` lower-cases the text and strips punctuation, as raw ASR output looks;
* ``timed=True`` gives utterances times from their word counts (a steady speaking rate).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from meetinglens.errors import InputError
from meetinglens.model import Meeting, Speaker, Utterance

DATASET_DIR = Path(__file__).resolve().parents[3] / "datasets" / "buying-influences"
#: Words per second when giving an untimed meeting synthetic times.
WORDS_PER_SECOND = 2.5
PAUSE_SECONDS = 0.6


@dataclass(frozen=True)
class Labels:
    roles: dict[str, str]
    response_modes: dict[str, str]
    mentions: list[dict]
    red_flags: set[str]
    #: Utterance index -> response mode the utterance shows (buyer utterances not listed: none).
    mode_cues: dict[int, str] = field(default_factory=dict)
    #: Utterance index -> red-flag evidence classes it shows (influence_flaghead.CUE_CLASSES).
    flag_cues: dict[int, tuple[str, ...]] = field(default_factory=dict)


def asr_text(text: str) -> str:
    """Raw-ASR style: lower case, no punctuation except apostrophes inside words."""
    text = re.sub(r"[^\w'\s]", " ", text.lower())
    return " ".join(text.split())


def load_labelled(path: str | Path, participants: bool = True, asr: bool = False,
                  timed: bool = True) -> tuple[Meeting, Labels]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        speakers = tuple(Speaker(
            name=s["name"], side=s["side"], side_source="participants" if participants
            else "inferred", org=s.get("org") if participants else None,
            title=s.get("title") if participants else None) for s in data["speakers"])
        utterances, clock = [], 0.0
        for i, (who, text) in enumerate(data["utterances"]):
            text = asr_text(text) if asr else text
            start = end = None
            if timed:
                start, end = clock, clock + max(1, len(text.split())) / WORDS_PER_SECOND
                clock = end + PAUSE_SECONDS
            utterances.append(Utterance(i, who, text, start, end, source_index=i))
        meeting = Meeting(id=data["id"], title=data.get("title", ""), source=str(path),
                          source_format="labelled-json", utterances=tuple(utterances),
                          speakers=speakers, metadata={"date": data.get("date", ""),
                                                       "industry": data.get("industry", "")})
        gold = data["labels"]
        labels = Labels(dict(gold["roles"]), dict(gold["response_modes"]),
                        list(gold.get("mentions", [])), set(gold.get("red_flags", [])),
                        {int(i): m for i, m in gold.get("mode_cues", {}).items()},
                        {int(i): tuple(c) for i, c in gold.get("flag_cues", {}).items()})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"not a labelled buying-influence meeting: {exc}",
                         "see datasets/buying-influences/README.md for the format") from exc
    return meeting, labels


def split_of(path: Path) -> str:
    """A file's split from its name (``holdout2-01-x.json`` -> ``holdout2``), so a split added
    later (a blind holdout) is found without any list to update."""
    return path.stem.split("-", 1)[0]


def dataset_files(split: str | None = None, folder: Path = DATASET_DIR) -> list[Path]:
    """The labelled meetings, optionally only one split (``dev``, ``test``, ``holdout``...),
    chosen by file prefix (``<split>-*.json``)."""
    files = sorted(folder.glob("*.json"))
    if split is None:
        return files
    return [f for f in files if split_of(f) == split]


def dataset_splits(folder: Path = DATASET_DIR) -> list[str]:
    """Every split present, in order of first appearance by name."""
    return list(dict.fromkeys(sorted(split_of(f) for f in folder.glob("*.json"))))
