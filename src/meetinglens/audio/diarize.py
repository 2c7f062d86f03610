"""Who spoke when, offline: a ``Diarizer`` protocol and a pyannote-3.1-style implementation.

1. **Segmentation** (pyannote segmentation-3.0) over 10 s windows gives, per window, up to
   three local speakers frame by frame, overlap included.
2. **Embeddings** (CAM++): one per (window, local speaker), from the frames where that
   speaker talks alone (all its frames if too few are clean).
3. **Clustering**: average-linkage agglomerative clustering on cosine distance with a
   threshold (automatic speaker count) or a forced count within ``num/min/max_speakers``;
   local speakers of one window are then matched to the clusters one-to-one (Hungarian).
4. **Reconstruction**: clustered scores are aggregated over overlapping windows; in each
   frame the most active ``k`` speakers are kept, ``k`` being the aggregated local
   speaker count, so overlapping speech stays overlapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from meetinglens.audio.decode import SAMPLE_RATE, DecodedAudio
from meetinglens.audio.options import AudioOptions
from meetinglens.model import ModelInfo
from meetinglens.progress import ProgressHook, emit

WINDOW_S = 10.0
#: Window step: dense for short recordings, sparser for long ones (cost is per window).
STEP_SHORT_S = 1.0
STEP_LONG_S = 5.0
LONG_RECORDING_S = 600.0
BATCH = 32
#: Cosine-distance threshold of the agglomerative clustering (tuned on ami_dev).
THRESHOLD = 0.45
#: Clusters with fewer embeddings than this are folded into the nearest larger one.
MIN_CLUSTER_SIZE = 3
#: A local speaker needs this much speech in a window to get an embedding.
MIN_ACTIVE_S = 0.4
MIN_CLEAN_S = 1.0
MIN_SEGMENT_S = 0.1
#: Embedding inputs are cut to a multiple of this many fbank frames so they batch.
BUCKET = 50
MIN_FEATURE_FRAMES = 20
EMBED_BATCH = 16
MAX_GAP_S = 0.1


@dataclass(frozen=True)
class SpeakerTurn:
    """One stretch of speech by one (anonymous) speaker label."""

    start: float
    end: float
    speaker: str


@runtime_checkable
class Diarizer(Protocol):
    models: tuple[ModelInfo, ...]

    def diarize(self, audio: DecodedAudio, on_progress: ProgressHook = None
                ) -> tuple[SpeakerTurn, ...]:
        ...


@dataclass(frozen=True)
class _Frames:
    """Sliding-window segmentation output: ``activity[c, f, k]`` in {0, 1}."""

    activity: np.ndarray
    step: float
    frame_step: float
    frame_duration: float


class SpeakerDiarizer:
    """pyannote segmentation-3.0 + CAM++ + clustering; CPU (no AVX-512 needed) or CUDA."""

    def __init__(self, options: AudioOptions = AudioOptions(), threshold: float = THRESHOLD,
                 step: float | None = None):
        import torch

        from meetinglens.audio import speaker_models as sm
        from meetinglens.audio.transcribe import pick_device

        self.options = options
        self.threshold = threshold
        self.step = step
        self.device = pick_device(options.device)
        self.torch = torch
        self.segmentation, payload = sm.load_segmentation(self.device)
        cfg = payload["model"]
        self.frame_step, self.frame_duration = cfg["frame_step"], cfg["frame_duration"]
        from itertools import combinations
        classes, max_set = cfg["num_regular_classes"], cfg["powerset_max_classes"]
        sets = [c for n in range(max_set + 1) for c in combinations(range(classes), n)]
        self.powerset = np.zeros((len(sets), classes), dtype=np.float32)
        for i, s in enumerate(sets):
            self.powerset[i, list(s)] = 1.0
        self.embedding = sm.load_embedding(self.device)
        self.models = (sm.info(sm.SEGMENTATION, "pyannote segmentation-3.0"),
                       sm.info(sm.EMBEDDING, "CAM++ campplus_cn_en_common"))

    # -- 1. segmentation -------------------------------------------------------------------
    def _segment(self, samples: np.ndarray, step: float, on_progress, path) -> _Frames:
        torch = self.torch
        win, hop = int(WINDOW_S * SAMPLE_RATE), int(step * SAMPLE_RATE)
        n_chunks = 1 + max(0, int(np.ceil((len(samples) - win) / hop)))
        out = []
        with torch.inference_mode():
            for first in range(0, n_chunks, BATCH):
                batch = np.zeros((min(BATCH, n_chunks - first), 1, win), dtype=np.float32)
                for i in range(batch.shape[0]):
                    piece = samples[(first + i) * hop:(first + i) * hop + win]
                    batch[i, 0, :len(piece)] = piece
                logits = self.segmentation(torch.from_numpy(batch).to(self.device))
                out.append(self.powerset[logits.argmax(-1).cpu().numpy()])
                emit(on_progress, "diarize", min(len(samples), (first + BATCH) * hop) / SAMPLE_RATE,
                     len(samples) / SAMPLE_RATE, file=path)
        return _Frames(np.concatenate(out), step, self.frame_step, self.frame_duration)

    # -- 2. embeddings ---------------------------------------------------------------------
    def _embed(self, samples: np.ndarray, frames: _Frames) -> tuple[np.ndarray, list[tuple[int, int]]]:
        """One CAM++ embedding per (window, local speaker), batched by feature length."""
        torch = self.torch
        items: list[tuple[tuple[int, int], object]] = []
        with torch.inference_mode():
            for c in range(frames.activity.shape[0]):
                items += self._speaker_features(samples, frames, c)
            buckets: dict[int, list[int]] = {}
            for i, (_, x) in enumerate(items):
                buckets.setdefault(max(MIN_FEATURE_FRAMES, len(x) // BUCKET * BUCKET), []).append(i)
            out = [None] * len(items)
            for length, members in buckets.items():
                for first in range(0, len(members), EMBED_BATCH):
                    rows = members[first:first + EMBED_BATCH]
                    batch = torch.stack([items[i][1][:length] for i in rows])
                    batch = batch - batch.mean(dim=1, keepdim=True)
                    vectors = self.embedding(batch).float().cpu().numpy()
                    for i, v in zip(rows, vectors):
                        out[i] = v
        keys = [k for k, _ in items]
        return (np.stack(out) if out else np.zeros((0, 192), np.float32)), keys

    def _speaker_features(self, samples: np.ndarray, frames: _Frames, c: int) -> list:
        """fbank frames of each local speaker of window ``c`` (alone if enough clean speech)."""
        from meetinglens.audio.fbank import fbank, frame_times

        act = frames.activity[c]
        present = [k for k in range(act.shape[1])
                   if act[:, k].sum() >= MIN_ACTIVE_S / frames.frame_step]
        if not present:
            return []
        lo = int(c * frames.step * SAMPLE_RATE)
        wave = self.torch.from_numpy(samples[lo:lo + int(WINDOW_S * SAMPLE_RATE)]).to(self.device)
        feats = fbank(wave)
        seg_idx = np.minimum((frame_times(len(feats)) / frames.frame_step).astype(int), len(act) - 1)
        alone = act.sum(axis=1) == 1
        found = []
        for k in present:
            mask = act[:, k].astype(bool)
            if (mask & alone).sum() >= MIN_CLEAN_S / frames.frame_step:
                mask = mask & alone
            x = feats[self.torch.from_numpy(mask[seg_idx]).to(self.device)]
            if len(x) >= MIN_FEATURE_FRAMES:
                found.append(((c, k), x))
        return found

    def diarize(self, audio: DecodedAudio, on_progress: ProgressHook = None
                ) -> tuple[SpeakerTurn, ...]:
        if audio.silent or audio.duration < 0.5:
            return ()
        step = self.step or (STEP_LONG_S if audio.duration > LONG_RECORDING_S else STEP_SHORT_S)
        frames = self._segment(audio.samples, step, on_progress, audio.path)
        embeddings, keys = self._embed(audio.samples, frames)
        if not keys:
            return ()
        labels = cluster(embeddings, self.threshold, self.options)
        assignment = assign_local(embeddings, keys, labels, frames.activity.shape[:1] + frames.activity.shape[2:])
        return reconstruct(frames, assignment, audio.duration)


def _bounds(options: AudioOptions, n: int) -> tuple[int, int]:
    if options.num_speakers:
        k = min(options.num_speakers, n)
        return k, k
    lo = min(options.min_speakers or 1, n)
    hi = min(options.max_speakers or n, n)
    return lo, max(lo, hi)


def cluster(embeddings: np.ndarray, threshold: float, options: AudioOptions) -> np.ndarray:
    """Cluster labels 0..K-1, K automatic (distance threshold) within the speaker bounds."""
    from scipy.cluster.hierarchy import fcluster, linkage

    n = len(embeddings)
    if n == 1:
        return np.zeros(1, dtype=int)
    x = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-8)
    tree = linkage(x, method="average", metric="cosine")
    labels = fcluster(tree, t=threshold, criterion="distance") - 1
    labels = _fold_small(x, labels)
    lo, hi = _bounds(options, n)
    k = len(set(labels))
    if k < lo or k > hi:
        labels = fcluster(tree, t=min(max(k, lo), hi), criterion="maxclust") - 1
    return _relabel(labels)


def _relabel(labels: np.ndarray) -> np.ndarray:
    _, inverse = np.unique(labels, return_inverse=True)
    return inverse


def _fold_small(x: np.ndarray, labels: np.ndarray) -> np.ndarray:
    sizes = np.bincount(labels)
    large = [c for c in range(len(sizes)) if sizes[c] >= MIN_CLUSTER_SIZE]
    if not large or len(large) == len(sizes):
        return labels
    centroids = np.stack([x[labels == c].mean(0) for c in large])
    out = labels.copy()
    for i in np.where(~np.isin(labels, large))[0]:
        out[i] = large[int(np.argmax(centroids @ x[i]))]
    return _relabel(out)


def assign_local(embeddings: np.ndarray, keys: list[tuple[int, int]], labels: np.ndarray,
                 shape: tuple[int, int]) -> np.ndarray:
    """``assignment[c, k]`` = global speaker of local speaker ``k`` in window ``c`` (-1 none);
    one-to-one within a window, by the best cosine match to the cluster centroids."""
    from scipy.optimize import linear_sum_assignment

    x = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-8)
    centroids = np.stack([x[labels == g].mean(0) for g in range(labels.max() + 1)])
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-8)
    assignment = np.full(shape, -1, dtype=int)
    by_chunk: dict[int, list[int]] = {}
    for i, (c, _) in enumerate(keys):
        by_chunk.setdefault(c, []).append(i)
    for c, rows in by_chunk.items():
        score = x[rows] @ centroids.T
        r, g = linear_sum_assignment(-score)
        for ri, gi in zip(r, g):
            assignment[c, keys[rows[ri]][1]] = gi
    return assignment


def reconstruct(frames: _Frames, assignment: np.ndarray, duration: float) -> tuple[SpeakerTurn, ...]:
    """Aggregate windows onto one frame grid, keep the top-``count`` speakers per frame."""
    act = frames.activity
    n_chunks, n_local_frames, _ = act.shape
    n_speakers = int(assignment.max()) + 1
    n_frames = int(np.ceil(duration / frames.frame_step)) + 1
    scores = np.zeros((n_frames, max(n_speakers, 1)), np.float32)
    count = np.zeros(n_frames, np.float32)
    weight = np.zeros(n_frames, np.float32)
    for c in range(n_chunks):
        off = int(round(c * frames.step / frames.frame_step))
        end = min(n_frames, off + n_local_frames)
        span = end - off
        if span <= 0:
            continue
        count[off:end] += act[c, :span].sum(axis=1)
        weight[off:end] += 1
        for k in range(act.shape[2]):
            g = assignment[c, k]
            if g >= 0:
                scores[off:end, g] += act[c, :span, k]
    weight = np.maximum(weight, 1)
    scores /= weight[:, None]
    k_per_frame = np.rint(count / weight).astype(int)
    binary = np.zeros_like(scores, dtype=bool)
    order = np.argsort(-scores, axis=1)
    for k in range(1, min(n_speakers, act.shape[2]) + 1):
        rows = np.where(k_per_frame >= k)[0]
        binary[rows, order[rows, k - 1]] = True
    binary &= scores > 0
    return _turns(binary, frames, duration)


def _turns(binary: np.ndarray, frames: _Frames, duration: float) -> tuple[SpeakerTurn, ...]:
    turns: list[SpeakerTurn] = []
    half = frames.frame_duration / 2
    for g in range(binary.shape[1]):
        padded = np.concatenate([[False], binary[:, g], [False]])
        edges = np.flatnonzero(np.diff(padded.astype(int)))
        spans: list[list[float]] = []
        for a, b in zip(edges[::2], edges[1::2]):
            start = a * frames.frame_step + half
            end = min(duration, (b - 1) * frames.frame_step + half)
            if spans and start - spans[-1][1] <= MAX_GAP_S:
                spans[-1][1] = end
            else:
                spans.append([start, end])
        turns += [SpeakerTurn(round(float(s), 3), round(float(e), 3), f"SPK{g}")
                  for s, e in spans if e - s >= MIN_SEGMENT_S]
    return tuple(sorted(turns, key=lambda t: (t.start, t.end)))
