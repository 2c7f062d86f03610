"""The ``meetinglens`` command: analyze, transcribe, deal.

Kept light on purpose: ``meetinglens --help`` and analyzing a transcript import no torch,
whisper or transformers (the audio pipeline imports them only when a recording is run).
Every user-fixable problem is a :class:`~meetinglens.errors.MeetinglensError`, printed as
``Error: <file>: <what> (<what to do>)`` with a non-zero exit; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
import traceback
import warnings
from pathlib import Path
from typing import Sequence

from meetinglens import __version__
from meetinglens.errors import InputError, MeetinglensError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
REPORT_FORMATS = ("json", "html", "md", "csv")
DEAL_FORMATS = ("json", "html", "md")
DEFAULT_OUT = "meetinglens-out"
PARTICIPANT_SUFFIXES = (".participants.yaml", ".participants.yml", ".participants.json")

EPILOG = """\
examples:
  meetinglens analyze samples/discovery-call.vtt --participants samples/discovery-call.participants.yaml
  meetinglens analyze calls/*.vtt --seller "Dana Reyes" --format html,md --out reports/
  meetinglens analyze call.m4a --asr-model tiny.en --num-speakers 3 --speaker-map "Speaker 1=Anna Berg"
  meetinglens transcribe call.m4a --out transcripts/
  meetinglens deal reports/acme-*.json --out deal/

Without --participants, a file <input stem>.participants.yaml (or .yml/.json) next to an
input is used for it. Reports go to ./meetinglens-out unless --out says otherwise.
"""


# ------------------------------------------------------------------ parser

def _csv_list(allowed: Sequence[str] | None, what: str):
    """argparse type: 'a,b' -> ['a', 'b'], each checked against ``allowed``."""
    def parse(text: str) -> list[str]:
        items = [t.strip() for t in text.split(",") if t.strip()]
        if not items:
            raise argparse.ArgumentTypeError(f"no {what} given")
        bad = [t for t in items if allowed is not None and t not in allowed]
        if bad:
            raise argparse.ArgumentTypeError(
                f"unknown {what} {', '.join(bad)}; choose from {', '.join(allowed)}")
        return list(dict.fromkeys(items))
    return parse


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _speaker_map(text: str) -> tuple[str, str]:
    label, sep, name = text.partition("=")
    if not sep or not label.strip() or not name.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not LABEL=NAME (e.g. \"Speaker 1=Anna Berg\")")
    return label.strip(), name.strip()


def _analyzer_names() -> list[str]:
    from meetinglens.analysis.registry import ANALYZERS

    return list(ANALYZERS)


def _input_formats() -> list[str] | None:
    try:
        from meetinglens.io import FORMATS
    except ImportError:
        return None
    return list(FORMATS)


def _audio_group(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("audio options (recordings: " "wav, mp3, m4a, mp4, webm, ogg, ...)")
    g.add_argument("--asr-model", metavar="NAME|PATH",
                   help="whisper model: tiny.en, base, or a checkpoint path (default: best installed)")
    g.add_argument("--device", choices=("cpu", "cuda", "auto"), default="auto",
                   help="where models run (default: auto)")
    g.add_argument("--language", metavar="CODE", help="spoken language, e.g. en (default: detect)")
    g.add_argument("--beam-size", type=_positive_int, default=5, metavar="N",
                   help="whisper beam search width; 1 = greedy, faster, less accurate (default: 5)")
    g.add_argument("--num-speakers", type=_positive_int, metavar="N", help="exact number of speakers")
    g.add_argument("--min-speakers", type=_positive_int, metavar="N")
    g.add_argument("--max-speakers", type=_positive_int, metavar="N")
    g.add_argument("--speaker-map", type=_speaker_map, action="append", default=[],
                   metavar='"LABEL=NAME"',
                   help='name a diarized speaker, e.g. "Speaker 1=Anna Berg" (repeatable)')


def _common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # Accepted before or after the command; SUPPRESS keeps a subcommand's default from
    # overwriting a flag given before it.
    default = False if top else argparse.SUPPRESS
    parser.add_argument("--quiet", "-q", action="store_true", default=default,
                        help="no progress bars")
    parser.add_argument("--debug", action="store_true", default=default,
                        help="show tracebacks on errors")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="meetinglens",
        description="Analyze recorded B2B sales meetings: talk balance, questions, value "
                    "co-creation and buying influences, every finding with its evidence.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"meetinglens {__version__}")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    formats = _input_formats()
    a = sub.add_parser("analyze", help="analyze transcripts or recordings; one report set each",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="transcripts (.vtt, .srt, .txt, .json) or recordings")
    a.add_argument("--participants", metavar="FILE",
                   help="YAML/JSON list of participants (name, side, org, title, email, aliases)")
    a.add_argument("--seller", action="append", default=[], metavar="NAME",
                   help="a speaker on the selling side (repeatable)")
    a.add_argument("--input-format", metavar="FORMAT", choices=formats,
                   help="transcript format" + (f" ({', '.join(formats)})" if formats else "")
                   + "; default: detected")
    a.add_argument("--out", default=DEFAULT_OUT, metavar="DIR",
                   help=f"output folder (default: {DEFAULT_OUT})")
    a.add_argument("--format", dest="formats", type=_csv_list(REPORT_FORMATS, "format"),
                   default=list(REPORT_FORMATS), metavar="LIST",
                   help="comma-separated: json,html,md,csv (default: all)")
    a.add_argument("--analyzers", type=_csv_list(None, "analyzer"), metavar="LIST",
                   help="comma-separated analyzers (default: all: "
                        + ", ".join(_analyzer_names()) + ")")
    _audio_group(a)
    _common(a)

    t = sub.add_parser("transcribe", help="recordings -> speaker-attributed transcript (JSON + WebVTT)",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="example:\n  meetinglens transcribe call.m4a --num-speakers 2 --out transcripts/")
    t.add_argument("inputs", nargs="+", metavar="AUDIO", help="recordings (wav, mp3, m4a, mp4, ...)")
    t.add_argument("--participants", metavar="FILE",
                   help="participants file: speakers who introduce themselves get these names")
    t.add_argument("--out", default=DEFAULT_OUT, metavar="DIR",
                   help=f"output folder (default: {DEFAULT_OUT})")
    _audio_group(t)
    _common(t)

    d = sub.add_parser("deal", help="merge the reports of one opportunity into a deal view",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="example:\n  meetinglens deal reports/acme-discovery.json "
                              "reports/acme-demo.json --out deal/")
    d.add_argument("inputs", nargs="+", metavar="REPORT", help="report JSON files from 'analyze'")
    d.add_argument("--out", default=DEFAULT_OUT, metavar="DIR",
                   help=f"output folder (default: {DEFAULT_OUT})")
    d.add_argument("--format", dest="formats", type=_csv_list(DEAL_FORMATS, "format"),
                   default=list(DEAL_FORMATS), metavar="LIST",
                   help="comma-separated: json,html,md (default: all)")
    _common(d)
    return parser


# ------------------------------------------------------------------ helpers

class Console:
    """Where the CLI talks: results to stdout, errors and progress to stderr."""

    def __init__(self, debug: bool = False, quiet: bool = False):
        self.debug = debug
        self.quiet = quiet

    def out(self, text: str) -> None:
        print(text, flush=True)

    def warn(self, text: str, path: str | Path) -> None:
        prefix = "" if text.startswith(f"{path}:") else f"{path}: "
        print(f"Warning: {prefix}{text}", file=sys.stderr, flush=True)

    def error(self, exc: BaseException, path: str | Path | None = None) -> None:
        text = str(exc) or type(exc).__name__
        if path is not None and not _names_path(exc, path):
            text = f"{path}: {text}"
        print(f"Error: {text}", file=sys.stderr, flush=True)
        if self.debug:
            traceback.print_exception(exc, file=sys.stderr)


def _names_path(exc: BaseException, path: str | Path) -> bool:
    """True when the error message already starts with the input path."""
    if isinstance(exc, InputError) and exc.path is not None:
        return exc.path == Path(path)
    return str(exc).startswith(f"{path}:")


def _audio_options(args: argparse.Namespace):
    from meetinglens.audio.options import AudioOptions

    try:
        return AudioOptions(asr_model=args.asr_model, device=args.device, language=args.language,
                            beam_size=args.beam_size,
                            num_speakers=args.num_speakers, min_speakers=args.min_speakers,
                            max_speakers=args.max_speakers, speaker_map=dict(args.speaker_map))
    except ValueError as exc:
        raise InputError(None, f"audio options: {exc}", "see meetinglens analyze --help") from exc


def participants_for(path: str | Path, explicit: str | None) -> str | None:
    """``--participants`` if given, else ``<stem>.participants.yaml|yml|json`` next to ``path``."""
    if explicit:
        return explicit
    p = Path(path)
    if not p.is_file():  # a missing path or a folder: the input check reports it
        return None
    for suffix in PARTICIPANT_SUFFIXES:
        candidate = p.with_name(p.stem + suffix)
        if candidate.is_file():
            return str(candidate)
    return None


_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def safe_stem(text: str) -> str:
    """A file-name stem without separators or hidden-file dots."""
    stem = _UNSAFE.sub("-", text).strip(".-")
    return stem[:100] or "meeting"


def _describe_written(written: Sequence[Path]) -> str:
    """The report files, with the CSV tables counted rather than listed."""
    main = [str(p) for p in written if p.suffix != ".csv"]
    tables = sum(1 for p in written if p.suffix == ".csv")
    if tables:
        folder = written[0].parent
        main.append(f"{tables} CSV table{'s' if tables != 1 else ''} in {folder}")
    return ", ".join(main)


def _summary(console: Console, done: int, failed: int) -> int:
    console.out(f"{done} analyzed, {failed} failed")
    return EXIT_FAILED if failed else EXIT_OK


class ProgressBars:
    """A progress hook that draws one tqdm bar per stage and file, on stderr.

    Disabled (it only counts events) when stderr is not a terminal or with ``--quiet``, so
    logs and pipes stay clean.
    """

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self.events = 0
        self._bar = None
        self._key: tuple[str, str] | None = None

    def __call__(self, event) -> None:
        self.events += 1
        if not self.enabled:
            return
        key = (event.stage, event.file)
        if key != self._key:
            self.close()
            from tqdm import tqdm

            name = Path(event.file).name if event.file else ""
            self._bar = tqdm(total=event.total, unit=event.unit, file=sys.stderr, leave=False,
                             desc=f"{event.stage} {name}".strip(), dynamic_ncols=True)
            self._key = key
        if event.total is not None and self._bar.total != event.total:
            self._bar.total = event.total
        self._bar.n = event.completed
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        self._bar, self._key = None, None


# ------------------------------------------------------------------ commands

def cmd_analyze(args: argparse.Namespace, console: Console, progress) -> int:
    unknown = [n for n in args.analyzers or () if n not in _analyzer_names()]
    if unknown:
        raise InputError(None, f"unknown analyzer(s) {', '.join(unknown)}",
                         f"choose from {', '.join(_analyzer_names())}")
    from meetinglens.api import analyze_many, with_unique_id
    from meetinglens.report import write_reports

    audio_options = _audio_options(args)
    out_dir = Path(args.out)
    taken: set[str] = set()
    done = failed = 0
    results = analyze_many(args.inputs, participants=lambda p: participants_for(p, args.participants),
                           sellers=args.seller, input_format=args.input_format,
                           audio_options=audio_options, analyzers=args.analyzers,
                           on_progress=progress)
    for path, result in results:
        progress.close()
        if isinstance(result, MeetinglensError):
            console.error(result, path)
            failed += 1
            continue
        try:
            report = with_unique_id(result, taken)
            written = write_reports(report, out_dir, args.formats)
        except MeetinglensError as exc:
            console.error(exc, path)
            failed += 1
            continue
        except OSError as exc:
            console.error(InputError(out_dir, f"cannot write reports: {exc.strerror or exc}",
                                     "choose another --out folder"), path)
            failed += 1
            continue
        for warning in report.warnings:
            console.warn(warning, path)
        console.out(f"{path} -> {_describe_written(written)}")
        done += 1
    return _summary(console, done, failed)


def _unique_stem(text: str, taken: set[str]) -> str:
    stem, n = safe_stem(text), 1
    candidate = stem
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate)
    return candidate


def write_transcript(meeting, out_dir: Path, stem: str) -> tuple[Path, Path]:
    """``<stem>.json`` (meetinglens meeting JSON) and ``<stem>.vtt`` (``<v Name>`` voice tags)."""
    import json

    from meetinglens.io import write_vtt
    from meetinglens.serialize import meeting_to_dict

    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, vtt_path = out_dir / f"{stem}.json", out_dir / f"{stem}.vtt"
    json_path.write_text(json.dumps(meeting_to_dict(meeting), indent=2, ensure_ascii=False),
                         encoding="utf-8")
    # An all-silence recording gives a valid, empty transcript (the pipeline warns).
    vtt_path.write_text(write_vtt(meeting) if meeting.utterances else "WEBVTT\n", encoding="utf-8")
    return json_path, vtt_path


def _recording(path: str) -> Path:
    from meetinglens.api import check_input, is_recording

    checked = check_input(path)
    if not is_recording(checked):
        raise InputError(path, "is not a recording (by its extension)",
                         "transcribe takes audio or video files; use 'analyze' for transcripts")
    return checked


def cmd_transcribe(args: argparse.Namespace, console: Console, progress) -> int:
    """Every recording through one pipeline (stage-major), then one JSON + VTT pair each."""
    from meetinglens.api import as_error, make_pipeline, participant_names, transcribe_all

    errors: dict[str, MeetinglensError] = {}
    for path in args.inputs:
        try:
            _recording(path)
        except MeetinglensError as exc:
            errors[path] = exc
    ok = [p for p in args.inputs if p not in errors]
    outcome = {}
    if ok:
        pipeline = make_pipeline(_audio_options(args), progress)
        outcome = transcribe_all(pipeline, ok, lambda p: participant_names(
            participants_for(p, args.participants)))
        progress.close()
    done, taken = 0, set()
    for path in args.inputs:
        result = errors.get(path) or outcome[str(Path(path))]
        try:
            if isinstance(result, Exception):
                raise as_error(path, result)
            json_path, vtt_path = write_transcript(result, Path(args.out),
                                                   _unique_stem(result.id, taken))
        except MeetinglensError as exc:
            console.error(exc, path)
            continue
        except OSError as exc:
            console.error(InputError(args.out, f"cannot write: {exc.strerror or exc}",
                                     "choose another --out folder"), path)
            continue
        for warning in (result.metadata or {}).get("warnings", ()):
            console.warn(str(warning), path)
        console.out(f"{path} -> {json_path}, {vtt_path}")
        done += 1
    failed = len(args.inputs) - done
    console.out(f"{done} transcribed, {failed} failed")
    return EXIT_FAILED if failed else EXIT_OK


def cmd_deal(args: argparse.Namespace, console: Console, progress) -> int:
    from meetinglens.serialize import load_report

    reports, failed = [], 0
    for path in args.inputs:
        try:
            reports.append(load_report(path))
        except MeetinglensError as exc:
            console.error(exc, path)
            failed += 1
    if not reports:
        console.error(MeetinglensError("no readable reports; nothing to merge "
                                       "(pass report JSON files written by 'meetinglens analyze')"))
        return EXIT_FAILED
    from meetinglens.deal import build_deal, write_deal

    written = write_deal(build_deal(reports), Path(args.out), tuple(args.formats))
    console.out("deal -> " + ", ".join(str(p) for p in written))
    console.out(f"{len(reports)} reports merged, {failed} failed")
    return EXIT_FAILED if failed else EXIT_OK


COMMANDS = {"analyze": cmd_analyze, "transcribe": cmd_transcribe, "deal": cmd_deal}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``meetinglens`` command; returns the exit code."""
    args = build_parser().parse_args(argv)
    console = Console(debug=args.debug, quiet=args.quiet)
    progress = ProgressBars(enabled=not args.quiet and sys.stderr.isatty())
    try:
        with warnings.catch_warnings():
            if not args.debug:
                # Stages also raise Python warnings for API users; the CLI prints the same
                # facts once, as "Warning: <file>: ..." lines from the report/transcript.
                warnings.simplefilter("ignore")
            return COMMANDS[args.command](args, console, progress)
    except KeyboardInterrupt:
        print("Interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except MeetinglensError as exc:
        console.error(exc)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - a bug: say so instead of a bare traceback
        print(f"Error: unexpected {type(exc).__name__}: {exc} "
              "(this is a bug: rerun with --debug and report the traceback)", file=sys.stderr)
        if args.debug:
            traceback.print_exception(exc, file=sys.stderr)
        return EXIT_FAILED
    finally:
        progress.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
