"""From per-window local speakers to global speaker turns (pyannote-3.1-style reconstruction).

Each 10 s window has up to three *local* speakers; clustering maps them to *global*
speakers. Here the windows are laid onto one frame grid:

- the number of speakers in a frame is the rounded average, over the windows covering it,
  of how many local speakers are active there (so overlap stays overlap);
- but where the segmentation model says "speech" (average speech probability above
  ``SPEECH_FLOOR``) at least one speaker is kept: rounding an uncertain 0.4 to zero was the
  main source of missed speech on AMI;
- which speakers are kept is decided by how many windows hear each global speaker there
  (hard powerset activity, as pyannote does). Ranking by soft powerset marginals instead
  cut missed speech on ami_dev (21.3% -> 20.7%) but added more confusion (4.7% -> 5.8%),
  so ``SOFT_SCORES`` is off; see ``benchmarks/der.py --ablation``.

What is left of the miss on ami_dev is not in these rules: 20.9% of its reference speech is
a second or third speaker in overlap, and of 47.9 s missed, 24.4 s are overlap with too
few speakers (segmentation-3.0 puts at most two in a frame) and 23.5 s quiet far speech the
model gives a speech probability near zero. Lowering the floor trades miss for false alarm
and confusion almost one to one (0.5: 27.8%, 0.3: 27.6%, 0.2: 28.5% pooled DER;
``benchmarks/der.py --floors 0.5,0.3,0.2 --sets ami``), so it stays at 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: A frame whose average speech probability exceeds this gets at least one speaker.
SPEECH_FLOOR = 0.5
#: Rank speakers by soft marginals (True) or by hard activity (False) in each frame.
SOFT_SCORES = False
#: Turns shorter than this are dropped; gaps shorter than ``MAX_GAP_S`` are bridged.
MIN_SEGMENT_S = 0.1
MAX_GAP_S = 0.1


@dataclass(frozen=True)
class SpeakerTurn:
    """One stretch of speech by one (anonymous) speaker label."""

    start: float
    end: float
    speaker: str


@dataclass(frozen=True)
class Frames:
    """Sliding-window segmentation output.

    ``activity[c, f, k]`` is 1 where local speaker ``k`` of window ``c`` talks in frame ``f``
    (powerset argmax), ``soft[c, f, k]`` its marginal probability and ``speech[c, f]`` the
    probability that anyone talks (1 - P(empty set)).
    """

    activity: np.ndarray
    soft: np.ndarray
    speech: np.ndarray
    step: float
    frame_step: float
    frame_duration: float

    @property
    def n_chunks(self) -> int:
        return self.activity.shape[0]

    def offset(self, c: int) -> int:
        """First global frame of window ``c``."""
        return int(round(c * self.step / self.frame_step))

    def n_global(self, duration: float) -> int:
        return int(np.ceil(duration / self.frame_step)) + 1


@dataclass(frozen=True)
class Aggregate:
    """Window outputs averaged onto the global frame grid."""

    scores: np.ndarray  # (frames, speakers): mean soft probability of each global speaker
    count: np.ndarray  # (frames,): mean number of active local speakers
    speech: np.ndarray  # (frames,): mean speech probability


def aggregate(frames: Frames, assignment: np.ndarray, duration: float,
              soft: bool = True) -> Aggregate:
    """Average every window's clustered scores (soft marginals or hard activity), speaker
    count and speech probability."""
    by_speaker = frames.soft if soft else frames.activity
    n_frames = frames.n_global(duration)
    n_local = frames.activity.shape[1]
    n_speakers = max(int(assignment.max()) + 1, 1)
    scores = np.zeros((n_frames, n_speakers), np.float32)
    count = np.zeros(n_frames, np.float32)
    speech = np.zeros(n_frames, np.float32)
    weight = np.zeros(n_frames, np.float32)
    for c in range(frames.n_chunks):
        off = frames.offset(c)
        span = min(n_frames, off + n_local) - off
        if span <= 0:
            continue
        count[off:off + span] += frames.activity[c, :span].sum(axis=1)
        speech[off:off + span] += frames.speech[c, :span]
        weight[off:off + span] += 1
        for k in np.flatnonzero(assignment[c] >= 0):
            scores[off:off + span, assignment[c, k]] += by_speaker[c, :span, k]
    weight = np.maximum(weight, 1)
    return Aggregate(scores / weight[:, None], count / weight, speech / weight)


def speaker_count(agg: Aggregate, max_local: int, floor: float = SPEECH_FLOOR) -> np.ndarray:
    """Speakers per frame: rounded mean local count, at least one where speech is likely."""
    k = np.rint(agg.count).astype(int)
    k[(k == 0) & (agg.speech > floor)] = 1
    return np.minimum(k, min(max_local, agg.scores.shape[1]))


def reconstruct(frames: Frames, assignment: np.ndarray, duration: float,
                floor: float = SPEECH_FLOOR, soft: bool = SOFT_SCORES) -> tuple[SpeakerTurn, ...]:
    """Keep the ``count`` most likely global speakers in every frame, then make turns."""
    if assignment.size == 0 or assignment.max() < 0:
        return ()
    agg = aggregate(frames, assignment, duration, soft)
    k_per_frame = speaker_count(agg, frames.activity.shape[2], floor)
    binary = np.zeros(agg.scores.shape, dtype=bool)
    order = np.argsort(-agg.scores, axis=1, kind="stable")
    for k in range(1, int(k_per_frame.max(initial=0)) + 1):
        rows = np.flatnonzero(k_per_frame >= k)
        binary[rows, order[rows, k - 1]] = True
    binary &= agg.scores > 0  # never a speaker that no window put near this frame
    return turns_of(binary, frames.frame_step, frames.frame_duration, duration)


def turns_of(binary: np.ndarray, frame_step: float, frame_duration: float,
             duration: float) -> tuple[SpeakerTurn, ...]:
    """Frame-level speaker activity -> sorted turns labelled ``SPK<g>``."""
    turns: list[SpeakerTurn] = []
    half = frame_duration / 2
    for g in range(binary.shape[1]):
        padded = np.concatenate([[False], binary[:, g], [False]])
        edges = np.flatnonzero(np.diff(padded.astype(int)))
        spans: list[list[float]] = []
        for a, b in zip(edges[::2], edges[1::2]):
            start = a * frame_step + half
            end = min(duration, (b - 1) * frame_step + half)
            if spans and start - spans[-1][1] <= MAX_GAP_S:
                spans[-1][1] = end
            else:
                spans.append([start, end])
        turns += [SpeakerTurn(round(float(s), 3), round(float(e), 3), f"SPK{g}")
                  for s, e in spans if e - s >= MIN_SEGMENT_S]
    return tuple(sorted(turns, key=lambda t: (t.start, t.end)))
