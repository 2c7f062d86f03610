"""Diarization error rate of meetinglens' offline diarizer.

Scoring follows NIST md-eval conventions: no collar, overlapping speech scored, only time
inside the UEM counted, optimal one-to-one speaker mapping (Hungarian) per clip.
DER = (missed + false alarm + confusion) / reference speech, per clip and pooled (sums over
all clips). Frames of 10 ms.

    .venv/bin/python benchmarks/der.py                 # ami_dev (10 clips) + pyannote_sample + sample
    .venv/bin/python benchmarks/der.py --sets ami --threshold 0.5 --device cuda
    .venv/bin/python benchmarks/der.py --ablation          # each reconstruction change
    .venv/bin/python benchmarks/der.py --sweep 0.4,0.45,0.5 --sets ami   # threshold (on ami_dev!)
    .venv/bin/python benchmarks/der.py --floors 0.5,0.3,0.2 --sets ami   # speech floor
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from meetinglens.audio.options import AudioOptions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "audio"
RES = 0.01


def read_rttm(path: Path) -> dict[str, list[tuple[float, float, str]]]:
    turns: dict[str, list] = defaultdict(list)
    for line in path.read_text().splitlines():
        f = line.split()
        if f and f[0] == "SPEAKER":
            start, dur = float(f[3]), float(f[4])
            turns[f[1]].append((start, start + dur, f[7]))
    return turns


def read_uem(path: Path) -> dict[str, list[tuple[float, float]]]:
    uem: dict[str, list] = defaultdict(list)
    for line in path.read_text().splitlines():
        f = line.split()
        if f:
            uem[f[0]].append((float(f[2]), float(f[3])))
    return uem


def _matrix(turns, n_frames: int) -> tuple[np.ndarray, list[str]]:
    names = sorted({t[2] for t in turns})
    m = np.zeros((n_frames, max(1, len(names))), dtype=bool)
    for start, end, name in turns:
        m[int(round(start / RES)):int(round(end / RES)), names.index(name)] = True
    return m, names


def score(reference, hypothesis, uem: list[tuple[float, float]]) -> dict[str, float]:
    """Missed, false-alarm and confusion seconds and reference speech seconds."""
    from scipy.optimize import linear_sum_assignment

    end = max([e for _, e in uem] + [t[1] for t in reference] + [t[1] for t in hypothesis] + [0])
    n = int(np.ceil(end / RES)) + 1
    mask = np.zeros(n, dtype=bool)
    for s, e in uem:
        mask[int(round(s / RES)):int(round(e / RES))] = True
    ref, _ = _matrix(reference, n)
    hyp, _ = _matrix(hypothesis, n)
    ref, hyp = ref[mask], hyp[mask]
    overlap = ref.T.astype(np.int64) @ hyp.astype(np.int64)
    rows, cols = linear_sum_assignment(-overlap)
    correct = np.zeros(len(ref), dtype=np.int64)
    for r, c in zip(rows, cols):
        correct += ref[:, r] & hyp[:, c]
    n_ref, n_hyp = ref.sum(1), hyp.sum(1)
    return {
        # where the miss comes from: no speaker output at all vs. too few in overlap
        "missed_silent": float(n_ref[n_hyp == 0].sum() * RES),
        "overlap": float(np.maximum(0, n_ref - 1).sum() * RES),
        "missed": float(np.maximum(0, n_ref - n_hyp).sum() * RES),
        "false_alarm": float(np.maximum(0, n_hyp - n_ref).sum() * RES),
        "confusion": float((np.minimum(n_ref, n_hyp) - correct).sum() * RES),
        "speech": float(n_ref.sum() * RES),
    }


def clips(sets: list[str]):
    if "ami" in sets:
        ami = DATA / "ami_dev"
        ref, uem = read_rttm(ami / "ami_dev.rttm"), read_uem(ami / "ami_dev.uem")
        for uri in (ami / "ami_dev.lst").read_text().split():
            yield "ami", uri, ami / f"{uri}.wav", ref[uri], uem[uri]
    if "pyannote" in sets:
        d = DATA / "pyannote_sample"
        ref = read_rttm(d / "sample.rttm")["sample"]
        yield "pyannote", "sample", d / "sample.wav", ref, [(0.0, 30.0)]
    if "sample" in sets:
        d = ROOT / "samples" / "audio"
        uri = "discovery_call"
        yield "sample", uri, d / f"{uri}.ogg", read_rttm(d / f"{uri}.rttm")[uri], read_uem(d / f"{uri}.uem")[uri]


def _line(label: str, s: dict[str, float], n_ref: int | str = "", n_hyp: int | str = "") -> str:
    der = (s["missed"] + s["false_alarm"] + s["confusion"]) / max(s["speech"], 1e-9)
    return (f"{label:<26} {100 * der:6.1f} {100 * s['missed'] / s['speech']:6.1f} "
            f"{100 * s['false_alarm'] / s['speech']:6.1f} {100 * s['confusion'] / s['speech']:6.1f} "
            f"{n_ref!s:>4} {n_hyp!s:>4}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="ami,pyannote,sample")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--step", type=float, default=None)
    ap.add_argument("--sweep", default="", help="comma-separated thresholds: pooled DER of each "
                    "(segmentation and embeddings computed once per clip)")
    ap.add_argument("--ablation", action="store_true", help="pooled DER of each reconstruction "
                    "change, added one at a time (see VARIANTS)")
    ap.add_argument("--floors", default="", help="comma-separated speech floors (frames whose "
                    "speech probability exceeds it keep a speaker): pooled DER of each")
    ap.add_argument("--per-clip", action="store_true", help="with --sweep/--ablation: every clip")
    args = ap.parse_args()
    if args.sweep or args.ablation or args.floors:
        return sweep(args)

    from meetinglens.audio.decode import decode
    from meetinglens.audio.diarize import THRESHOLD, SpeakerDiarizer

    diarizer = SpeakerDiarizer(AudioOptions(device=args.device),
                               threshold=args.threshold or THRESHOLD, step=args.step)
    print(f"threshold={diarizer.threshold} device={diarizer.device} (no collar, overlap scored, UEM)")
    print(f"{'clip':<26} {'DER%':>6} {'miss%':>6} {'FA%':>6} {'conf%':>6} {'#ref':>4} {'#hyp':>4}")
    pooled: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    audio_s = busy_s = 0.0
    for group, uri, path, ref, uem in clips(args.sets.split(",")):
        audio = decode(path)
        t0 = time.perf_counter()
        hyp = [(t.start, t.end, t.speaker) for t in diarizer.diarize(audio)]
        busy_s += time.perf_counter() - t0
        audio_s += audio.duration
        s = score(ref, hyp, uem)
        for k, v in s.items():
            pooled[group][k] += v
        print(_line(f"{group}/{uri}", s, len({t[2] for t in ref}), len({t[2] for t in hyp})), flush=True)
    for group, s in pooled.items():
        print(_line(f"POOLED {group}", s))
    for group, s in pooled.items():
        print(f"{group}: {100 * s['overlap'] / s['speech']:.1f}% of reference speech is a 2nd+ "
              f"speaker in overlap; missed {s['missed']:.1f} s = {s['missed_silent']:.1f} s with no "
              f"speaker output + {s['missed'] - s['missed_silent']:.1f} s too few speakers in overlap")
    print(f"diarization wall time {busy_s:.1f} s for {audio_s:.0f} s of audio "
          f"({audio_s / max(busy_s, 1e-9):.1f}x real time)")


#: Reconstruction variants for --ablation, each adding one change to the one before;
#: "before" reproduces the reconstruction of commit 2c8562a (hard scores, short local
#: speakers dropped, no speech floor).
VARIANTS = {
    "before": dict(short=False, overlap=False, floor=False, soft=False),
    "+short embedded": dict(short=True, overlap=False, floor=False, soft=False),
    "+overlap assign": dict(short=True, overlap=True, floor=False, soft=False),
    "+speech floor": dict(short=True, overlap=True, floor=True, soft=False),
    "+soft scores": dict(short=True, overlap=True, floor=True, soft=True),
}


def run_variant(frames, emb, keys, trusted, duration, threshold, options, short=True,
                overlap=True, floor=True, soft=True, floor_value=None):
    """The diarizer's ``finish`` with each reconstruction change switchable."""
    from meetinglens.audio.diarize import finish
    from meetinglens.audio.diarize_cluster import (assign_by_overlap, assign_local,
                                                   centroids_of, cluster)
    from meetinglens.audio.diarize_reconstruct import SOFT_SCORES, SPEECH_FLOOR, reconstruct

    if (short, overlap, floor, soft, floor_value) == (True, True, True, SOFT_SCORES, None):
        return finish(frames, emb, keys, trusted, duration, threshold, options)
    if not keys:
        return ()
    use = trusted if trusted.any() else np.ones(len(keys), dtype=bool)
    labels = cluster(emb[use], threshold, options)
    centroids = centroids_of(emb[use], labels)
    rows = np.arange(len(keys)) if short else np.flatnonzero(use)
    shape = frames.activity.shape[:1] + frames.activity.shape[2:]
    assignment = assign_local(emb[rows], [keys[r] for r in rows], centroids, shape)
    if overlap:
        assignment = assign_by_overlap(frames, assignment, duration)
    floor_value = SPEECH_FLOOR if floor_value is None else floor_value
    return reconstruct(frames, assignment, duration, floor_value if floor else 2.0, soft)


def sweep(args) -> None:
    """Segmentation and embeddings once per clip, then every (variant, threshold)."""
    from meetinglens.audio.decode import decode
    from meetinglens.audio.diarize import STEP_SHORT_S, SpeakerDiarizer

    thresholds = [float(t) for t in args.sweep.split(",")] if args.sweep else [None]
    variants = VARIANTS if args.ablation else {"current": VARIANTS["+speech floor"]}
    if args.floors:
        variants = {f"floor {f}": dict(VARIANTS["+speech floor"], floor_value=float(f))
                    for f in args.floors.split(",")}
    diarizer = SpeakerDiarizer(AudioOptions(device=args.device), step=args.step)
    thresholds = [t or diarizer.threshold for t in thresholds]
    totals = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    for group, uri, path, ref, uem in clips(args.sets.split(",")):
        audio = decode(path)
        frames = diarizer._segment(audio.samples, args.step or STEP_SHORT_S, None, "")
        emb, keys, trusted = diarizer._embed(audio.samples, frames)
        for name, flags in variants.items():
            for t in thresholds:
                turns = run_variant(frames, emb, keys, trusted, audio.duration, t,
                                    diarizer.options, **flags)
                hyp = [(x.start, x.end, x.speaker) for x in turns]
                s = score(ref, hyp, uem)
                for k, v in s.items():
                    totals[(name, t)][group][k] += v
                if args.per_clip:
                    print(_line(f"{group}/{uri} {name[:8]}@{t:.2f}", s, len({x[2] for x in ref}),
                                len({x[2] for x in hyp})), flush=True)
    for (name, t), groups in totals.items():
        for group, s in groups.items():
            print(_line(f"{name[:15]} @{t:.2f} {group}", s))


if __name__ == "__main__":
    main()
