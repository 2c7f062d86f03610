"""Clustering of local-speaker embeddings and the mapping of every local speaker to a cluster.

Only *trusted* embeddings (enough speech in the window) build the clusters; afterwards
*every* local speaker is given a cluster, as pyannote 3.1 does: those with an embedding by
cosine similarity to the centroids (one-to-one within a window), those too short for an
embedding by where their speech falls in time, onto the cluster already most active there.
Dropping short local speakers instead was a large part of the missed speech on AMI.
"""

from __future__ import annotations

import numpy as np

from meetinglens.audio.diarize_reconstruct import Frames, aggregate
from meetinglens.audio.options import AudioOptions

#: Cosine-distance threshold of the agglomerative clustering. Chosen on ami_dev (not held
#: out): pooled DER is flat at 27.8% for 0.40 and 0.45 and worse outside (0.35: 30.8%,
#: 0.50: 28.6%); 0.40 because it also separates the synthetic sample's voices better
#: (23.3% vs 32.2%). ``benchmarks/der.py --sweep 0.3,0.35,0.4,0.45,0.5,0.55``.
THRESHOLD = 0.40
#: Clusters with fewer embeddings than this are folded into the nearest larger one.
MIN_CLUSTER_SIZE = 3


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-8)


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
    x = _unit(embeddings)
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


def centroids_of(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    x = _unit(embeddings)
    return _unit(np.stack([x[labels == g].mean(0) for g in range(labels.max() + 1)]))


def assign_local(embeddings: np.ndarray, keys: list[tuple[int, int]], centroids: np.ndarray,
                 shape: tuple[int, int]) -> np.ndarray:
    """``assignment[c, k]`` = global speaker of local speaker ``k`` in window ``c`` (-1 none);
    one-to-one within a window, by the best cosine match to the cluster centroids."""
    from scipy.optimize import linear_sum_assignment

    x = _unit(embeddings)
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


def assign_by_overlap(frames: Frames, assignment: np.ndarray, duration: float,
                      min_active_frames: int = 1) -> np.ndarray:
    """Give each active local speaker that has no cluster yet the cluster most active
    (in the other windows) where it talks, among the clusters its window does not use."""
    missing = [(c, k) for c in range(frames.n_chunks) for k in range(assignment.shape[1])
               if assignment[c, k] < 0 and frames.activity[c, :, k].sum() >= min_active_frames]
    if not missing or assignment.max() < 0:
        return assignment
    scores = aggregate(frames, assignment, duration).scores
    out = assignment.copy()
    n_local = frames.activity.shape[1]
    for c, k in missing:
        off = frames.offset(c)
        span = min(len(scores), off + n_local) - off
        if span <= 0:
            continue
        weight = frames.soft[c, :span, k]
        support = weight @ scores[off:off + span]
        support[[g for g in out[c] if g >= 0]] = -1.0
        if support.max() > 0:
            out[c, k] = int(np.argmax(support))
    return out
