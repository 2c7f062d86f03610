"""``AudioPipeline``: a recording -> a speaker-attributed :class:`~meetinglens.model.Meeting`.

decode -> transcribe (whisper, VAD-gated) -> diarize -> attribute words -> name speakers.
The transcriber and diarizer are built once (lazily, on first use) and reused for every
file; tests inject fakes through the same constructor arguments.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from meetinglens.audio import attribute, naming
from meetinglens.audio.decode import DecodedAudio, decode
from meetinglens.audio.diarize import Diarizer, SpeakerTurn
from meetinglens.audio.options import AudioOptions
from meetinglens.audio.transcribe import Transcriber, Transcript
from meetinglens.errors import MeetinglensError
from meetinglens.model import Meeting, ModelInfo, Speaker, Utterance
from meetinglens.progress import ProgressHook, emit


class AudioPipeline:
    def __init__(self, options: AudioOptions = AudioOptions(), on_progress: ProgressHook = None,
                 transcriber: Transcriber | None = None, diarizer: Diarizer | None = None):
        self.options = options
        self.on_progress = on_progress
        self._transcriber = transcriber
        self._diarizer = diarizer

    @property
    def transcriber(self) -> Transcriber:
        if self._transcriber is None:
            from meetinglens.audio.transcribe import WhisperTranscriber

            self._transcriber = WhisperTranscriber(self.options)
        return self._transcriber

    @property
    def diarizer(self) -> Diarizer:
        if self._diarizer is None:
            from meetinglens.audio.diarize import SpeakerDiarizer

            self._diarizer = SpeakerDiarizer(self.options)
        return self._diarizer

    @property
    def models(self) -> tuple[ModelInfo, ...]:
        """Every model file used (loads the models if not loaded yet)."""
        return tuple(self.transcriber.models) + tuple(self.diarizer.models)

    def run(self, path: str | Path, participants: Sequence[str] = ()) -> Meeting:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            audio = decode(path)
        notes = [str(w.message) for w in caught]
        for note in notes:
            warnings.warn(note, stacklevel=2)
        emit(self.on_progress, "decode", audio.duration, audio.duration, file=str(path))
        transcript = self.transcriber.transcribe(audio, self.on_progress)
        turns = self.diarizer.diarize(audio, self.on_progress) if transcript.segments else ()
        return build_meeting(audio, transcript, turns, self.options, participants, notes)

    def run_many(self, paths: Iterable[str | Path], participants: Sequence[str] = ()
                 ) -> Iterator[tuple[Path, Meeting | MeetinglensError]]:
        """One result per path, in order; a file that fails yields its error, never skipped.
        Models are loaded once for the whole batch."""
        paths = [Path(p) for p in paths]
        for done, path in enumerate(paths):
            try:
                result: Meeting | MeetinglensError = self.run(path, participants)
            except MeetinglensError as exc:
                result = exc
            emit(self.on_progress, "files", done + 1, len(paths), unit="file", file=str(path))
            yield path, result


def _labels_in_order(utterances: list[Utterance]) -> list[str]:
    seen: list[str] = []
    for u in utterances:
        if u.speaker not in seen:
            seen.append(u.speaker)
    return seen


def build_meeting(audio: DecodedAudio, transcript: Transcript, turns: tuple[SpeakerTurn, ...],
                  options: AudioOptions, participants: Sequence[str] = (),
                  notes: Sequence[str] = ()) -> Meeting:
    """Pure: attribute words, number speakers "Speaker 1..N" by first word, then name them."""
    raw = attribute.utterances(attribute.attribute_words(transcript, turns))
    labels = _labels_in_order(raw)
    numbered = {label: f"Speaker {i + 1}" for i, label in enumerate(labels)}
    generic = [_relabel(u, numbered[u.speaker]) for u in raw]
    proposals = naming.propose(generic, participants)
    names = naming.final_names(list(numbered.values()), proposals, options.speaker_map)
    utterances = tuple(_relabel(u, names[u.speaker]) for u in generic)
    speakers = tuple(_speaker(label, names[label], proposals.get(label))
                     for label in numbered.values())
    path = Path(audio.path)
    contested = naming.contested(generic, participants)
    metadata = {
        "speaker_naming": {label: p.as_metadata() for label, p in proposals.items()},
        "speaker_map": dict(options.speaker_map),
        "diarization": {"turns": len(turns), "speakers": len({t.speaker for t in turns}),
                        "overlap_s": attribute.overlap_seconds(turns)},
        "speaker_naming_contested": {label: list(names) for label, names in contested.items()},
        "warnings": [*notes, *_contested_warnings(contested)],
    }
    return Meeting(id=path.stem, utterances=utterances, speakers=speakers, title=path.stem,
                   source=str(path), source_format=path.suffix.lstrip(".").lower() or "audio",
                   language=transcript.language, duration=round(audio.duration, 3),
                   metadata=metadata)


def _contested_warnings(contested: dict[str, tuple[str, ...]]) -> list[str]:
    return [f"{label} introduced themself as {' and as '.join(names)}: diarization has probably "
            f"merged their voices, so {label} is left unnamed. Check who speaks when and name the "
            f"speakers with --speaker-map \"{label}=NAME\", or set --num-speakers."
            for label, names in contested.items()]


def _relabel(u: Utterance, speaker: str) -> Utterance:
    return Utterance(index=u.index, speaker=speaker, text=u.text, start=u.start, end=u.end,
                     words=u.words, source_index=u.source_index)


def _speaker(label: str, name: str, proposal: naming.NameProposal | None) -> Speaker:
    org = proposal.org if proposal is not None and proposal.name == name else None
    aliases = (label,) if name != label else ()
    return Speaker(name=name, org=org, aliases=aliases)
