"""How long does analyzing a 60-minute transcript take, end to end? Prints seconds per stage.

    .venv/bin/python benchmarks/analysis_speed.py [--minutes 60] [--runs 3] [SOURCE ...]

The meeting is built from real transcripts (default: the timed samples in ``samples/``, each
with its participants file): they are repeated one after another, times shifted, until the
meeting lasts ``--minutes`` (60 minutes is ~900 utterances for typical sales calls). It is
written as a Zoom-style WebVTT file plus a participants YAML, so the timing covers what a
user runs: parse -> participants -> sides -> every registered analyzer -> reports.

Two figures per stage:
* cold: the first run in a fresh process, including loading spaCy / MiniLM;
* warm: the median of ``--runs`` further runs, with the sentence-embedding memo cleared
  between runs so no analyzer gets its embeddings for free.
The issue's target is "well under 3 s" for a 60-minute transcript (talk alone is printed too).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSCRIPT_SUFFIXES = (".vtt", ".srt", ".txt")
GAP_BETWEEN_COPIES = 2.0  # seconds of silence between two repeated source meetings


def source_files(args_sources: list[str]) -> list[Path]:
    if args_sources:
        return [Path(s) for s in args_sources]
    return sorted(p for p in (ROOT / "samples").glob("*")
                  if p.suffix in TRANSCRIPT_SUFFIXES and ".participants" not in p.name)


def load_sources(paths: list[Path]):
    """Timed meetings with participants applied (untimed ones cannot be stacked in time)."""
    from meetinglens import io

    meetings = []
    for path in paths:
        participants = next((p for p in (path.with_name(path.stem + s) for s in
                             (".participants.yaml", ".participants.yml", ".participants.json"))
                             if p.exists()), None)
        m = io.load_meeting(path, participants=participants)
        if m.timed and m.utterances:
            meetings.append(m)
        else:
            print(f"  (skipping {path.name}: untimed)", file=sys.stderr)
    if not meetings:
        sys.exit("no timed source transcripts found; pass some: analysis_speed.py FILE.vtt ...")
    return meetings


def stack(sources, minutes: float):
    """One long Meeting: the sources repeated back to back until ``minutes`` are filled."""
    from meetinglens.model import Meeting, Utterance

    target = minutes * 60.0
    speakers: dict[str, object] = {}
    utterances: list[Utterance] = []
    offset = 0.0
    while offset < target:
        for m in sources:
            first, last = m.span
            for s in m.speakers:
                speakers.setdefault(s.name, s)
            for u in m.utterances:
                if offset + u.end - first > target:
                    break
                utterances.append(Utterance(len(utterances), u.speaker, u.text,
                                            offset + u.start - first, offset + u.end - first,
                                            source_index=len(utterances)))
            offset += (last - first) + GAP_BETWEEN_COPIES
            if offset >= target:
                break
    return Meeting(id="benchmark-60min", utterances=tuple(utterances),
                   speakers=tuple(speakers.values()), source_format="vtt")


def write_inputs(meeting, folder: Path) -> tuple[Path, Path]:
    """Zoom-style VTT (``Name: text`` cues) and a participants YAML for ``meeting``."""
    import yaml

    def clock(seconds: float) -> str:
        ms = int(round(seconds * 1000))
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"

    lines = ["WEBVTT", ""]
    for u in meeting.utterances:
        lines += [f"{clock(u.start)} --> {clock(u.end)}", f"{u.speaker}: {u.text}", ""]
    vtt = folder / "benchmark-60min.vtt"
    vtt.write_text("\n".join(lines), encoding="utf-8")
    people = [{"name": s.name, "side": s.side, "org": s.org, "title": s.title}
              for s in meeting.speakers if s.side_source == "participants"]
    participants = folder / "benchmark-60min.participants.yaml"
    participants.write_text(yaml.safe_dump({"participants": people}), encoding="utf-8")
    return vtt, participants


def one_run(vtt: Path, participants: Path, out: Path) -> dict[str, float]:
    """Seconds per stage for one end-to-end run."""
    from meetinglens import api, nlp
    from meetinglens.analysis.registry import ANALYZERS
    from meetinglens.report import write_reports

    nlp._MEMO.clear()  # no embeddings for free from the previous run
    names = list(ANALYZERS)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    meeting = api.load_meeting(vtt, participants=participants)
    t1 = time.perf_counter()
    stages["load (parse, participants, sides)"] = t1 - t0
    marks = [t1]

    def hook(event):
        marks.append(time.perf_counter())
        stages[f"analyzer {names[int(event.completed) - 1]}"] = marks[-1] - marks[-2]
    report = api.analyze_meeting(meeting, on_progress=hook)
    t2 = time.perf_counter()
    stages["analyze (all analyzers)"] = t2 - t1
    write_reports(report, out, ("json", "html", "md", "csv"))
    t3 = time.perf_counter()
    stages["reports (json, html, md, csv)"] = t3 - t2
    stages["total"] = t3 - t0
    stages["_warnings"] = len(report.warnings)
    return stages


def talk_only(meeting, runs: int) -> float:
    from meetinglens import api

    times = []
    for _ in range(runs):
        t = time.perf_counter()
        api.analyze_meeting(meeting, analyzers=["talk"])
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", help="timed transcripts to stack (default: samples)")
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=3, help="warm runs (median)")
    args = parser.parse_args()

    t_import = time.perf_counter()
    import meetinglens.api  # noqa: F401
    t_import = time.perf_counter() - t_import
    sources = load_sources(source_files(args.sources))
    meeting = stack(sources, args.minutes)
    from meetinglens.analysis.registry import ANALYZERS

    print(f"meeting: {len(meeting.utterances)} utterances, {len(meeting.speakers)} speakers, "
          f"{meeting.span[1] / 60:.1f} min, built from {len(sources)} source transcript(s)")
    print(f"analyzers: {', '.join(ANALYZERS)}")
    print(f"import meetinglens.api: {t_import:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        vtt, participants = write_inputs(meeting, folder)
        cold = one_run(vtt, participants, folder / "out-cold")
        warm_runs = [one_run(vtt, participants, folder / f"out-{i}") for i in range(args.runs)]
        loaded = meetinglens.api.load_meeting(vtt, participants=participants)
    warm = {k: statistics.median(r[k] for r in warm_runs) for k in warm_runs[0]}
    print(f"\n{'stage':<38}{'cold s':>9}{'warm s':>9}   (warm = median of {args.runs})")
    for key in cold:
        if key.startswith("_"):
            continue
        print(f"{key:<38}{cold[key]:>9.3f}{warm.get(key, float('nan')):>9.3f}")
    print(f"\ntalk analyzer alone (median of 5): {talk_only(loaded, 5):.3f} s")
    if cold["_warnings"]:
        print(f"note: reports carried {cold['_warnings']} warning(s) (e.g. skipped analyzers)")


if __name__ == "__main__":
    main()
