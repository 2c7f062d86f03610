"""Propose real names for "Speaker 1..N" from self-introductions and a participants list.

"Hi, I'm Anna from Flowlytics" said by Speaker 2 proposes Speaker 2 = Anna (org
Flowlytics), with the utterance as evidence. When a participants list is given, a first
name heard in an introduction is completed to the listed full name ("Anna" -> "Anna Berg");
with a list, only listed people are proposed. Explicit ``speaker_map`` entries always win.
The proposal and its evidence are stored in ``meeting.metadata["speaker_naming"]``.

A diarized speaker who introduces themself as two different people ("I'm Anna", later
"I'm Ben") is two voices merged by diarization: naming it after either would put one
person's words under the other's name, so it stays unnamed and ``contested`` reports it.
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
#: Introductions only the speaker can make of themself ("this is Ben" may present a colleague).
FIRST_PERSON = re.compile(r"(?i:my name|I'm|I am)\b")
#: Capitalized words that follow "I'm"/"this is" without being names.
NOT_NAMES = frozenset("""I The A An So Just Not Sure Here Glad Happy Good Great Okay Ok Yes No
Really Going Calling Looking Also Still Very Well Fine Back Done Hi Hello Thanks Thank Today
Monday Tuesday Wednesday Thursday Friday Saturday Sunday That This It What Our We
Head Chief Director Manager Senior Lead Principal Responsible Part New Based Over Now Actually
Afraid Joined Joining Currently""".split())
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


def _introductions_in(u: Utterance, participants: Sequence[str]
                      ) -> list[tuple[str, str | None, bool]]:
    """(name, org, said in the first person) of every introduction in ``u``."""
    found = []
    for match in INTRODUCTION.finditer(u.text):
        name, org = match.group(1), (match.group(2) or "").rstrip(".'-") or None
        if name.split()[0] in NOT_NAMES:
            continue
        if participants:
            full = _complete(name, participants)
            if full is None:
                continue
            name = full
        found.append((name, org, bool(FIRST_PERSON.match(match.group(0)))))
    return found


def _introductions(utterances: Sequence[Utterance], participants: Sequence[str]
                   ) -> dict[str, list[tuple[str, str | None, bool, Utterance]]]:
    """Speaker label -> the introductions in their first ``FIRST_UTTERANCES`` utterances."""
    seen: dict[str, int] = {}
    found: dict[str, list[tuple[str, str | None, bool, Utterance]]] = {}
    for u in utterances:
        seen[u.speaker] = seen.get(u.speaker, 0) + 1
        if seen[u.speaker] <= FIRST_UTTERANCES:
            found.setdefault(u.speaker, []).extend(
                (*intro, u) for intro in _introductions_in(u, participants))
    return {speaker: intros for speaker, intros in found.items() if intros}


def contested(utterances: Sequence[Utterance], participants: Sequence[str] = ()
              ) -> dict[str, tuple[str, ...]]:
    """Speaker label -> the different names they gave themself in the first person, for
    speakers who gave more than one (two voices merged by diarization)."""
    out: dict[str, tuple[str, ...]] = {}
    for speaker, intros in _introductions(utterances, participants).items():
        names = tuple(dict.fromkeys(name for name, _, first_person, _ in intros if first_person))
        if len(names) > 1:
            out[speaker] = names
    return out


def propose(utterances: Sequence[Utterance], participants: Sequence[str] = ()
            ) -> dict[str, NameProposal]:
    """Speaker label -> proposal, one name per speaker and one speaker per name; a contested
    speaker gets none."""
    skip = contested(utterances, participants)
    firsts = []
    for speaker, intros in _introductions(utterances, participants).items():
        if speaker not in skip:
            name, org, _, u = intros[0]
            firsts.append((u.index, speaker, name, org, u))
    proposals: dict[str, NameProposal] = {}
    taken: set[str] = set()
    for _, speaker, name, org, u in sorted(firsts, key=lambda item: item[0]):
        if name not in taken:
            proposals[speaker] = NameProposal(speaker, name, org, "self-introduction", u)
            taken.add(name)
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
