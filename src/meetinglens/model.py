"""The typed values every stage passes along.

::

    Meeting ── speakers:   Speaker(name, side, org, title, ...)
            └─ utterances: Utterance(index, speaker, text, start, end, words: Word...)
    Report  ── meeting
            └─ results:    {analyzer name: AnalyzerResult(metrics, findings: Finding..., tables)}
                                             Finding ── evidence: Evidence(speaker, start, end, quote)

Values are frozen and checked on construction. Times are seconds from the start of the
recording; an untimed transcript has ``start = end = None`` on every utterance.
Serialization lives in :mod:`meetinglens.serialize`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, Mapping

SCHEMA_VERSION = "1.0"

Side = Literal["seller", "buyer", "unknown"]
SIDES: tuple[str, ...] = ("seller", "buyer", "unknown")

#: Miller-Heiman buying influences. ``unknown`` when the evidence does not say.
Role = Literal["economic", "user", "technical", "coach", "unknown"]
ROLES: tuple[str, ...] = ("economic", "user", "technical", "coach", "unknown")

#: How a speaker's side was decided.
SIDE_SOURCES: tuple[str, ...] = ("participants", "cli", "inferred", "default")

#: Finding severities, from good news to a hazard.
Severity = Literal["positive", "info", "notice", "warning"]
SEVERITIES: tuple[str, ...] = ("positive", "info", "notice", "warning")


def _check_span(what: str, start: float | None, end: float | None) -> None:
    if (start is None) != (end is None):
        raise ValueError(f"{what}: start and end must both be given or both be absent")
    if start is None:
        return
    if not (math.isfinite(start) and math.isfinite(end)):
        raise ValueError(f"{what}: times must be finite, got {start}..{end}")
    if start < 0:
        raise ValueError(f"{what}: start {start} is negative")
    if end < start:
        raise ValueError(f"{what}: end {end} is before start {start}")


@dataclass(frozen=True)
class Word:
    """One recognized word with its time span and, from ASR, its probability."""

    text: str
    start: float
    end: float
    probability: float | None = None

    def __post_init__(self) -> None:
        _check_span(f"word {self.text!r}", self.start, self.end)


@dataclass(frozen=True)
class Speaker:
    """A person in the meeting.

    ``side_source`` says how ``side`` was decided: from a participants file, a ``--seller``
    option, inferred from what was said (``side_reason`` says why), or left at the default.
    """

    name: str
    side: Side = "unknown"
    side_source: str = "default"
    side_reason: str = ""
    org: str | None = None
    title: str | None = None
    email: str | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("speaker name is empty")
        if self.side not in SIDES:
            raise ValueError(f"speaker {self.name!r}: side {self.side!r} is not one of {SIDES}")
        if self.side_source not in SIDE_SOURCES:
            raise ValueError(f"speaker {self.name!r}: side_source {self.side_source!r} "
                             f"is not one of {SIDE_SOURCES}")


@dataclass(frozen=True)
class Utterance:
    """One input line, cue or ASR segment of one speaker.

    ``source_index`` is the index of the transcript line/cue or ASR segment it came from, so
    every figure can be traced back to the input.
    """

    index: int
    speaker: str
    text: str
    start: float | None = None
    end: float | None = None
    words: tuple[Word, ...] = ()
    source_index: int | None = None

    def __post_init__(self) -> None:
        _check_span(f"utterance {self.index}", self.start, self.end)

    @property
    def timed(self) -> bool:
        return self.start is not None

    @property
    def duration(self) -> float | None:
        return None if self.start is None else self.end - self.start

    @cached_property
    def word_count(self) -> int:
        return len(self.words) if self.words else len(self.text.split())


@dataclass(frozen=True)
class Turn:
    """Consecutive utterances of one speaker."""

    speaker: str
    utterances: tuple[int, ...]
    start: float | None
    end: float | None
    word_count: int


@dataclass(frozen=True)
class Meeting:
    """A transcript with its speakers: the input of every analyzer."""

    id: str
    utterances: tuple[Utterance, ...]
    speakers: tuple[Speaker, ...]
    title: str = ""
    source: str = ""
    source_format: str = ""
    language: str | None = None
    duration: float | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = [s.name for s in self.speakers]
        if len(set(names)) != len(names):
            dupes = sorted({n for n in names if names.count(n) > 1})
            raise ValueError(f"duplicate speaker names: {dupes}")
        known = set(names)
        timed = None
        for position, u in enumerate(self.utterances):
            if u.index != position:
                raise ValueError(f"utterance at position {position} has index {u.index}")
            if u.speaker not in known:
                raise ValueError(f"utterance {u.index}: speaker {u.speaker!r} is not in speakers")
            if timed is None:
                timed = u.timed
            elif timed != u.timed:
                raise ValueError("either every utterance is timed or none is")
        if self.duration is not None and self.duration < 0:
            raise ValueError(f"duration {self.duration} is negative")

    @property
    def timed(self) -> bool:
        """True when every utterance has start and end times."""
        return bool(self.utterances) and self.utterances[0].timed

    @cached_property
    def _by_name(self) -> dict[str, Speaker]:
        return {s.name: s for s in self.speakers}

    def speaker(self, name: str) -> Speaker:
        return self._by_name[name]

    def side_of(self, name: str) -> str:
        return self._by_name[name].side

    @property
    def span(self) -> tuple[float, float] | None:
        """First start and last end of speech, for timed meetings."""
        if not self.timed:
            return None
        return (min(u.start for u in self.utterances), max(u.end for u in self.utterances))

    @cached_property
    def turns(self) -> tuple[Turn, ...]:
        """Runs of consecutive utterances by the same speaker."""
        turns: list[Turn] = []
        run: list[Utterance] = []
        for u in self.utterances:
            if run and u.speaker != run[0].speaker:
                turns.append(_turn(run))
                run = []
            run.append(u)
        if run:
            turns.append(_turn(run))
        return tuple(turns)


def _turn(run: list[Utterance]) -> Turn:
    timed = run[0].timed
    return Turn(
        speaker=run[0].speaker,
        utterances=tuple(u.index for u in run),
        start=min(u.start for u in run) if timed else None,
        end=max(u.end for u in run) if timed else None,
        word_count=sum(u.word_count for u in run),
    )


@dataclass(frozen=True)
class Evidence:
    """What was said, by whom and when: the quote a finding rests on."""

    speaker: str
    quote: str
    start: float | None = None
    end: float | None = None
    utterance: int | None = None

    def __post_init__(self) -> None:
        _check_span("evidence", self.start, self.end)

    @classmethod
    def of(cls, u: Utterance, quote: str | None = None) -> "Evidence":
        """Evidence pointing at utterance ``u`` (the whole text unless ``quote`` narrows it)."""
        return cls(speaker=u.speaker, quote=u.text if quote is None else quote,
                   start=u.start, end=u.end, utterance=u.index)


@dataclass(frozen=True)
class Finding:
    """One thing an analyzer claims about the meeting, with the evidence for it.

    ``kind`` is namespaced by analyzer (``talk.seller_dominated``). ``speaker``/``side``/
    ``role`` name whom it concerns, if one person; ``role`` is the buying-influence role
    (filled in by the influence analyzer's linking pass). The same quote given twice is no
    more evidence than once: repeated ``evidence`` entries are dropped, first kept.
    """

    kind: str
    summary: str
    severity: Severity = "info"
    speaker: str | None = None
    side: str | None = None
    role: str | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"finding {self.kind}: severity {self.severity!r} not in {SEVERITIES}")
        if self.role is not None and self.role not in ROLES:
            raise ValueError(f"finding {self.kind}: role {self.role!r} not in {ROLES}")
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"finding {self.kind}: confidence {self.confidence} not in [0, 1]")
        object.__setattr__(self, "evidence", tuple(dict.fromkeys(self.evidence)))


@dataclass(frozen=True)
class AnalyzerResult:
    """What one analyzer found.

    ``metrics`` is a JSON-able mapping of figures; ``tables`` are tidy rows (lists of flat
    dicts) that become pandas DataFrames; ``notes`` say how figures were computed when it
    matters (e.g. "talk time is word share: the transcript is untimed"); ``models`` are the
    model files (classifier heads, ...) this analyzer used, which also go into
    ``Report.models``.
    """

    name: str
    metrics: Mapping[str, Any] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    tables: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    models: tuple["ModelInfo", ...] = ()


@dataclass(frozen=True)
class ModelInfo:
    """A model file used to make a report, so a study can be reproduced."""

    name: str
    path: str = ""
    version: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class Report:
    """The full result for one meeting: the meeting itself and every analyzer's result."""

    meeting: Meeting
    results: Mapping[str, AnalyzerResult]
    models: tuple[ModelInfo, ...] = ()
    warnings: tuple[str, ...] = ()
    tool_version: str = ""
    created: str = ""
    schema_version: str = SCHEMA_VERSION

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every analyzer's findings, in analyzer order."""
        return tuple(f for r in self.results.values() for f in r.findings)

    def table(self, name: str):
        """A tidy table as a pandas DataFrame.

        ``utterances``, ``speakers`` and ``findings`` always exist; analyzer tables are named
        ``<analyzer>.<table>`` (e.g. ``talk.speakers``).
        """
        from meetinglens.tables import report_table

        return report_table(self, name)

    @property
    def table_names(self) -> tuple[str, ...]:
        from meetinglens.tables import table_names

        return table_names(self)
