"""Who spoke when, offline: a ``Diarizer`` protocol and a pyannote-3.1-style implementation.

1. **Segmentation** (pyannote segmentation-3.0) over 10 s windows gives, per window, up to
   three local speakers frame by frame, overlap included: hard (powerset argmax) and soft
   (powerset softmax marginals) activity, and a speech probability.
2. **Embeddings** (CAM++): one per (window, local speaker), from the frames where that
   speaker talks alone (all its frames if too few are clean).
3. **Clustering** (``diarize_cluster``): average-linkage agglomerative clustering on cosine
   distance of the *trusted* embeddings, with a threshold (automatic speaker count) or a
   forced count within ``num/min/max_speakers``; then every local speaker gets a cluster.
4. **Reconstruction** (``diarize_reconstruct``): windows are averaged on one frame grid and
   the most likely ``k`` speakers kept per frame (``k`` = local speaker count, at least one
   where speech is likely), so overlapping speech stays overlapping.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from meetinglens.audio.decode import SAMPLE_RATE, DecodedAudio
from meetinglens.audio.diarize_cluster import (THRESHOLD, assign_by_overlap, assign_local,
                                               centroids_of, cluster)
from meetinglens.audio.diarize_reconstruct import Frames, SpeakerTurn, reconstruct
from meetinglens.audio.options import AudioOptions
from meetinglens.model import ModelInfo
from meetinglens.progress import ProgressHook, emit

__all__ = ["Diarizer", "SpeakerDiarizer", "SpeakerTurn", "THRESHOLD"]

WINDOW_S = 10.0
#: Window step: dense for short recordings, sparser for long ones (cost is per window).
STEP_SHORT_S = 1.0
STEP_LONG_S = 5.0
LONG_RECORDING_S = 600.0
BATCH = 32
#: A local speaker with this much speech in a window builds the clusters ("trusted").
MIN_ACTIVE_S = 0.4
#: ... with at least this much it still gets an embedding, matched to the clusters later.
MIN_EMBED_S = 0.2
MIN_CLEAN_S = 1.0
#: Embedding inputs are cut to a multiple of this many fbank frames so they batch.
BUCKET = 50
MIN_FEATURE_FRAMES = 20
EMBED_BATCH = 16
#: Windows whose features are computed and embedded together (bounds memory).
EMBED_BLOCK = 64


@runtime_checkable
class Diarizer(Protocol):
    models: tuple[ModelInfo, ...]

    def diarize(self, audio: DecodedAudio, on_progress: ProgressHook = None
                ) -> tuple[SpeakerTurn, ...]:
        ...


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
    def _segment(self, samples: np.ndarray, step: float, on_progress, path) -> Frames:
        torch = self.torch
        win, hop = int(WINDOW_S * SAMPLE_RATE), int(step * SAMPLE_RATE)
        n_chunks = 1 + max(0, int(np.ceil((len(samples) - win) / hop)))
        powerset = torch.from_numpy(self.powerset).to(self.device)
        hard, soft, speech = [], [], []
        with torch.inference_mode():
            for first in range(0, n_chunks, BATCH):
                batch = np.zeros((min(BATCH, n_chunks - first), 1, win), dtype=np.float32)
                for i in range(batch.shape[0]):
                    piece = samples[(first + i) * hop:(first + i) * hop + win]
                    batch[i, 0, :len(piece)] = piece
                logits = self.segmentation(torch.from_numpy(batch).to(self.device)).float()
                # softmax is shift-invariant: right for raw logits and log-softmax outputs alike
                probs = torch.softmax(logits, dim=-1)
                hard.append(self.powerset[logits.argmax(-1).cpu().numpy()])
                soft.append((probs @ powerset).cpu().numpy())
                speech.append((1.0 - probs[..., 0]).cpu().numpy())
                emit(on_progress, "diarize", min(len(samples), (first + BATCH) * hop) / SAMPLE_RATE,
                     len(samples) / SAMPLE_RATE, file=path)
        return Frames(np.concatenate(hard), np.concatenate(soft), np.concatenate(speech),
                      step, self.frame_step, self.frame_duration)

    # -- 2. embeddings ---------------------------------------------------------------------
    def _embed(self, samples: np.ndarray, frames: Frames
               ) -> tuple[np.ndarray, list[tuple[int, int]], np.ndarray]:
        """One CAM++ embedding per (window, local speaker), batched by feature length;
        also which of them are trusted to build clusters. Windows are taken ``EMBED_BLOCK``
        at a time so only that block's fbank features are held in memory: all of them at once
        grow with the recording (about 1,000 frames x 80 floats per window and speaker)."""
        keys: list[tuple[int, int]] = []
        trusted: list[bool] = []
        out: list[np.ndarray] = []
        with self.torch.inference_mode():
            for first in range(0, frames.n_chunks, EMBED_BLOCK):
                items = [item for c in range(first, min(frames.n_chunks, first + EMBED_BLOCK))
                         for item in self._speaker_features(samples, frames, c)]
                out += self._embed_items([x for _, x, _ in items])
                keys += [k for k, _, _ in items]
                trusted += [t for _, _, t in items]
        return (np.stack(out) if out else np.zeros((0, 192), np.float32)), keys, \
            np.array(trusted, dtype=bool)

    def _embed_items(self, features: list) -> list[np.ndarray]:
        """CAM++ embeddings of fbank feature sequences, batched by length (cut to a multiple
        of ``BUCKET`` frames), in input order."""
        buckets: dict[int, list[int]] = {}
        for i, x in enumerate(features):
            buckets.setdefault(max(MIN_FEATURE_FRAMES, len(x) // BUCKET * BUCKET), []).append(i)
        out: list = [None] * len(features)
        for length, members in buckets.items():
            for first in range(0, len(members), EMBED_BATCH):
                rows = members[first:first + EMBED_BATCH]
                batch = self.torch.stack([features[i][:length] for i in rows])
                batch = batch - batch.mean(dim=1, keepdim=True)
                for i, v in zip(rows, self.embedding(batch).float().cpu().numpy()):
                    out[i] = v
        return out

    def _speaker_features(self, samples: np.ndarray, frames: Frames, c: int) -> list:
        """fbank frames of each local speaker of window ``c`` (alone if enough clean speech)."""
        from meetinglens.audio.fbank import fbank, frame_times

        act = frames.activity[c]
        active = act.sum(axis=0) * frames.frame_step
        present = [k for k in range(act.shape[1]) if active[k] >= MIN_EMBED_S]
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
                found.append(((c, k), x, bool(active[k] >= MIN_ACTIVE_S)))
        return found

    def diarize(self, audio: DecodedAudio, on_progress: ProgressHook = None
                ) -> tuple[SpeakerTurn, ...]:
        if audio.silent or audio.duration < 0.5:
            return ()
        step = self.step or (STEP_LONG_S if audio.duration > LONG_RECORDING_S else STEP_SHORT_S)
        frames = self._segment(audio.samples, step, on_progress, audio.path)
        embeddings, keys, trusted = self._embed(audio.samples, frames)
        return finish(frames, embeddings, keys, trusted, audio.duration, self.threshold,
                      self.options)


def finish(frames: Frames, embeddings: np.ndarray, keys: list[tuple[int, int]],
           trusted: np.ndarray, duration: float, threshold: float,
           options: AudioOptions) -> tuple[SpeakerTurn, ...]:
    """Cluster the trusted embeddings, give every local speaker a cluster, reconstruct."""
    if not keys:
        return ()
    if not trusted.any():  # only short speakers: let them all build the clusters
        trusted = np.ones(len(keys), dtype=bool)
    labels = cluster(embeddings[trusted], threshold, options)
    centroids = centroids_of(embeddings[trusted], labels)
    shape = frames.activity.shape[:1] + frames.activity.shape[2:]
    assignment = assign_local(embeddings, keys, centroids, shape)
    assignment = assign_by_overlap(frames, assignment, duration)
    return reconstruct(frames, assignment, duration)
