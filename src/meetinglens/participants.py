"""Who was in the meeting: a participants file and ``--seller NAME`` options.

A participants file is YAML or JSON, either a list or ``{participants: [...]}``::

    participants:
      - name: Anna Berg
        side: seller              # seller | buyer | unknown (customer/prospect = buyer,
        org: Flowlytics           #  vendor/sales/us = seller)
        title: Account Executive
        email: anna@flowlytics.io
        aliases: [Anna, "Anna B."]

Transcript speaker names are matched to participants by name or alias, ignoring case,
accents and extra whitespace ("ANNA  berg" = "Anna Berg" = "Änna Berg"). A matched speaker
takes the participant's name, so two transcript names of one person (``Anna`` and
``Anna Berg``) merge. Participants who never speak are a warning in
``meeting.metadata["warnings"]``, not an error; two participants with the same name (or
a name that is another's alias) are an error, because the mapping would be a guess.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

from meetinglens.errors import ParticipantsError
from meetinglens.model import Meeting, Speaker, Utterance

_SIDE_WORDS = {
    "seller": "seller", "sales": "seller", "vendor": "seller", "us": "seller",
    "supplier": "seller", "buyer": "buyer", "customer": "buyer", "prospect": "buyer",
    "client": "buyer", "unknown": "unknown", "": "unknown",
}
_FIELDS = ("name", "side", "org", "title", "email", "aliases")


@dataclass(frozen=True)
class Participant:
    """One person from a participants file."""

    name: str
    side: str = "unknown"
    org: str | None = None
    title: str | None = None
    email: str | None = None
    aliases: tuple[str, ...] = ()

    def keys(self) -> tuple[str, ...]:
        """Normalised name and aliases, for matching transcript names."""
        return tuple(dict.fromkeys(name_key(n) for n in (self.name, *self.aliases)))


def name_key(name: str) -> str:
    """Case-, accent- and whitespace-insensitive key of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


# ---------------------------------------------------------------- loading

def load_participants(path: str | Path) -> tuple[Participant, ...]:
    """Participants from a YAML or JSON file (JSON is read by the YAML parser)."""
    import yaml

    from meetinglens.errors import InputError
    from meetinglens.io.common import read_text

    try:
        content = read_text(path)
    except InputError as exc:
        raise ParticipantsError(path, exc.detail, exc.hint) from exc
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as exc:
        raise ParticipantsError(path, f"not valid YAML/JSON ({str(exc).splitlines()[0]})",
                                "see the participants file format in the README") from exc
    if isinstance(data, dict) and "participants" in data:
        data = data["participants"]
    if not isinstance(data, list) or not data:
        raise ParticipantsError(path, "expected a non-empty list of participants (or "
                                "'participants: [...]')", "see samples/*.participants.yaml")
    people = tuple(_participant(path, i, entry) for i, entry in enumerate(data))
    check_unique(people, path)
    return people


def _participant(path, i: int, entry: object) -> Participant:
    where = f"participant {i + 1}"
    if isinstance(entry, str):
        entry = {"name": entry}
    if not isinstance(entry, dict):
        raise ParticipantsError(path, f"{where}: expected a mapping with 'name', got "
                                f"{type(entry).__name__}", "write '- name: Anna Berg'")
    unknown = sorted(set(map(str, entry)) - set(_FIELDS))
    if unknown:
        raise ParticipantsError(path, f"{where}: unknown field(s) {unknown}",
                                f"allowed fields: {', '.join(_FIELDS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ParticipantsError(path, f"{where}: 'name' is missing or empty",
                                "every participant needs a name")
    side_word = str(entry.get("side") or "").strip().lower()
    if side_word not in _SIDE_WORDS:
        raise ParticipantsError(path, f"{where} ({name}): side {entry.get('side')!r} is not "
                                "seller, buyer or unknown", "use side: seller or side: buyer")
    aliases = entry.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = (aliases,)
    if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
        raise ParticipantsError(path, f"{where} ({name}): 'aliases' must be a list of names",
                                "write aliases: [Anna, \"Anna B.\"]")
    optional = {k: (str(entry[k]).strip() or None) if entry.get(k) is not None else None
                for k in ("org", "title", "email")}
    return Participant(name=" ".join(name.split()), side=_SIDE_WORDS[side_word],
                       aliases=tuple(" ".join(a.split()) for a in aliases if a.strip()),
                       **optional)


def check_unique(people: Sequence[Participant], path: str | Path | None = None) -> None:
    """Raise :class:`ParticipantsError` when two participants share a name or alias."""
    owner: dict[str, str] = {}
    for p in people:
        for key in p.keys():
            if key not in owner:
                owner[key] = p.name
            elif name_key(owner[key]) == name_key(p.name):
                raise ParticipantsError(path, f"duplicate participant {p.name!r}: listed twice",
                                        "list each person once")
            else:
                raise ParticipantsError(path, f"duplicate name: {key!r} is used by both "
                                        f"{owner[key]!r} and {p.name!r}",
                                        "give each participant a distinct name and aliases")


# ---------------------------------------------------------------- applying

def apply_participants(meeting: Meeting, participants: Iterable[Participant] = (),
                       sellers: Sequence[str] = ()) -> Meeting:
    """Map speakers to participants, set sides from the file and from ``sellers``.

    Sides from the file get ``side_source="participants"``; ``--seller`` names (matched the
    same way, after the file) get ``side_source="cli"`` and win over the file.
    """
    people = tuple(participants)
    check_unique(people)
    by_key = {key: p for p in people for key in p.keys()}
    warnings = list(meeting.metadata.get("warnings", ()))
    renames: dict[str, str] = {}
    merged: dict[str, Speaker] = {}
    for s in meeting.speakers:
        p = by_key.get(name_key(s.name))
        new = _from_participant(s, p) if p else s
        renames[s.name] = new.name
        if new.name in merged:
            known = {name_key(a) for a in (new.name, *merged[new.name].aliases)}
            extra = (s.name,) if name_key(s.name) not in known else ()
            new = replace(merged[new.name], aliases=merged[new.name].aliases + extra)
        merged[new.name] = new
    spoken = {name_key(n) for n in merged}
    # names a diarized speaker gave as two people already have their own warning
    spoken |= {name_key(n) for names in meeting.metadata.get("speaker_naming_contested", {}).values()
               for n in names}
    for p in people:
        if name_key(p.name) not in spoken:
            warnings.append(f"participant {p.name!r} does not speak in this transcript")
    merged = _apply_sellers(merged, sellers, warnings)
    metadata = dict(meeting.metadata)
    if warnings:
        metadata["warnings"] = warnings
    utterances = tuple(u if renames[u.speaker] == u.speaker else
                       Utterance(index=u.index, speaker=renames[u.speaker], text=u.text,
                                 start=u.start, end=u.end, words=u.words,
                                 source_index=u.source_index)
                       for u in meeting.utterances)
    return replace(meeting, speakers=tuple(merged.values()), utterances=utterances,
                   metadata=metadata)


def _from_participant(s: Speaker, p: Participant) -> Speaker:
    keys = {name_key(p.name)}
    aliases = []
    for a in (*p.aliases, s.name):
        if name_key(a) not in keys:
            keys.add(name_key(a))
            aliases.append(a)
    side, source, reason = s.side, s.side_source, s.side_reason
    if p.side != "unknown":
        side, source, reason = p.side, "participants", "given in the participants file"
    return Speaker(name=p.name, side=side, side_source=source, side_reason=reason,
                   org=p.org or s.org, title=p.title or s.title, email=p.email or s.email,
                   aliases=tuple(aliases))


def _apply_sellers(speakers: dict[str, Speaker], sellers: Sequence[str],
                   warnings: list[str]) -> dict[str, Speaker]:
    result = dict(speakers)
    for seller in sellers:
        key = name_key(seller)
        hits = [s for s in result.values()
                if key in {name_key(n) for n in (s.name, *s.aliases)}]
        if not hits:
            warnings.append(f"--seller {seller!r} does not speak in this transcript "
                            f"(speakers: {', '.join(result)})")
            continue
        for s in hits:
            result[s.name] = replace(s, side="seller", side_source="cli",
                                     side_reason=f"named with --seller {seller!r}")
    return result
