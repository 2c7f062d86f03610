"""Propose real names for "Speaker 1..N" from self-introductions and a participants list.

"Hi, I'm Anna from Flowlytics" said by Speaker 2 proposes Speaker 2 = Anna (org
Flowlytics), with the utterance as evidence. When a participants list is given, a first
name heard in an introduction is completed to the listed full name ("Anna" -> "Anna Berg");
with a list, only listed people are proposed. Explicit ``speaker_map`` entries always win.
The proposal and its evidence are stored in ``meeting.metadata["speaker_naming"]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from meetinglens.model import Utterance

_NAME = r"([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)"
_ORG = r"(?:\s+(?:from|at|with|over at|here at)\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}))?"
INTRODUCTION = re.compile(
    r"(?i:\bmy name is|\bmy name's|\bI'm|\bI am|\bthis is|\bit's)\s+" + _NAME + _ORG)
#: Capitalized words that follow "I'm"/"this is" without being names.
NOT_NAMES = frozenset("""I The A An So Just Not Sure Here Glad Happy Good Great Okay Ok Yes No
Really Going Calling Looking Also Still Very Well Fine Back Done Hi Hello Thanks Thank Today
Monday Tuesday Wednesday Thursday Friday Saturday Sunday That This It What Our We""".split())
#: Only a speaker's first few utterances count as an introduction.
FIRST_UTTERANCES = 4


@dataclass(frozen=True)
class NameProposal:
    speaker: str
    name: str
    org: str | None
    source: str  # "self-introduction" | "speaker_map"
    utterance: Utterance | None = None

    def as_metadata(self) -> dict:
        data = {"name": self.name, "org": self.org, "source": self.source}
        if self.utterance is not None:
            u = self.utterance
            data["evidence"] = {"utterance": u.index, "start": u.start, "end": u.end,
                                "quote": u.text}
        return data


def _complete(first: str, participants: Sequence[str]) -> str | None:
    for full in participants:
        parts = full.split()
        if full.lower() == first.lower() or (parts and parts[0].lower() == first.split()[0].lower()):
            return full
    return None


def _introduction(u: Utterance, participants: Sequence[str]) -> tuple[str, str | None] | None:
    for match in INTRODUCTION.finditer(u.text):
        name, org = match.group(1), (match.group(2) or "").rstrip(".'-") or None
        if name.split()[0] in NOT_NAMES:
            continue
        if participants:
            full = _complete(name, participants)
            if full is None:
                continue
            name = full
        return name, org
    return None


def propose(utterances: Sequence[Utterance], participants: Sequence[str] = ()
            ) -> dict[str, NameProposal]:
    """Speaker label -> proposal, one name per speaker and one speaker per name."""
    seen: dict[str, int] = {}
    proposals: dict[str, NameProposal] = {}
    taken: set[str] = set()
    for u in utterances:
        seen[u.speaker] = seen.get(u.speaker, 0) + 1
        if u.speaker in proposals or seen[u.speaker] > FIRST_UTTERANCES:
            continue
        found = _introduction(u, participants)
        if found and found[0] not in taken:
            proposals[u.speaker] = NameProposal(u.speaker, found[0], found[1], "self-introduction", u)
            taken.add(found[0])
    return proposals


def final_names(labels: Sequence[str], proposals: Mapping[str, NameProposal],
                speaker_map: Mapping[str, str]) -> dict[str, str]:
    """Label -> shown name: ``speaker_map`` first, then proposals, else the label itself;
    a proposed name that would clash with another shown name is not applied."""
    names: dict[str, str] = {}
    for label in labels:
        names[label] = speaker_map.get(label) or label
    used = set(names.values())
    for label in labels:
        if label in speaker_map or label not in proposals:
            continue
        name = proposals[label].name
        if name not in used:
            used.discard(names[label])
            names[label] = name
            used.add(name)
    return names
