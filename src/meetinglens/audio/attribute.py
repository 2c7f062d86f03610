"""Words -> speakers by time overlap, utterances split at every speaker change.

A known WhisperX failure is assigning a whole ASR segment to one speaker, so quick
exchanges ("Right?" "Yes." "Okay.") collapse onto whoever spoke most. Here every word
is attributed on its own, and an utterance ends where the speaker changes, where the ASR
segment ends, or at a long pause. Overlapping speech is kept: when two speakers' turns
cover a word, the one whose turn started more recently wins it (the interjection), so the
interjection appears as its own utterance inside the other's time span rather than being
swallowed; nothing is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from meetinglens.audio.diarize import SpeakerTurn
from meetinglens.audio.transcribe import Transcript
from meetinglens.model import Utterance, Word

#: A pause this long inside one speaker's words starts a new utterance.
MAX_PAUSE_S = 1.5
#: Words not covered by any turn go to the nearest turn within this distance.
NEAREST_S = 2.0
FALLBACK_LABEL = "SPK?"


@dataclass(frozen=True)
class AttributedWord:
    word: Word
    speaker: str
    segment: int


def _overlap(word: Word, turn: SpeakerTurn) -> float:
    return max(0.0, min(word.end, turn.end) - max(word.start, turn.start))


def speaker_of(word: Word, turns: tuple[SpeakerTurn, ...], previous: str | None) -> str:
    """The speaker whose turn covers the word best; the latest-started turn on a near tie."""
    if not turns:
        return previous or FALLBACK_LABEL
    covering = [(t, _overlap(word, t)) for t in turns if t.start < word.end and t.end > word.start]
    if word.end == word.start:
        covering = [(t, 1.0) for t in turns if t.start <= word.start <= t.end]
    if covering:
        best = max(o for _, o in covering)
        close = [t for t, o in covering if o >= 0.8 * best]
        return max(close, key=lambda t: t.start).speaker
    mid = (word.start + word.end) / 2
    nearest = min(turns, key=lambda t: min(abs(mid - t.start), abs(mid - t.end)))
    if min(abs(mid - nearest.start), abs(mid - nearest.end)) <= NEAREST_S or previous is None:
        return nearest.speaker
    return previous


def attribute_words(transcript: Transcript, turns: tuple[SpeakerTurn, ...]) -> list[AttributedWord]:
    out: list[AttributedWord] = []
    previous = None
    for index, segment in enumerate(transcript.segments):
        for word in segment.words:
            previous = speaker_of(word, turns, previous)
            out.append(AttributedWord(word, previous, index))
    return out


def utterances(words: list[AttributedWord]) -> list[Utterance]:
    """Group attributed words into utterances (speaker labels are still diarizer labels)."""
    groups: list[list[AttributedWord]] = []
    for w in words:
        last = groups[-1][-1] if groups else None
        if (last is None or w.speaker != last.speaker or w.segment != last.segment
                or w.word.start - last.word.end > MAX_PAUSE_S):
            groups.append([w])
        else:
            groups[-1].append(w)
    return [
        Utterance(index=i, speaker=g[0].speaker, text=" ".join(w.word.text for w in g),
                  start=g[0].word.start, end=max(w.word.end for w in g),
                  words=tuple(w.word for w in g), source_index=g[0].segment)
        for i, g in enumerate(groups)
    ]


def overlap_seconds(turns: tuple[SpeakerTurn, ...]) -> float:
    """Total time where two or more speakers talk at once (for the meeting's metadata)."""
    events = sorted([(t.start, 1) for t in turns] + [(t.end, -1) for t in turns])
    total, active, since = 0.0, 0, 0.0
    for time, delta in events:
        if active >= 2:
            total += time - since
        active += delta
        since = time
    return round(total, 3)
