"""Diarization reconstruction and cluster assignment on hand-made window outputs (no models)."""

from __future__ import annotations

import numpy as np
import pytest

from meetinglens.audio.diarize_cluster import assign_by_overlap, assign_local, cluster
from meetinglens.audio.diarize_reconstruct import Frames, reconstruct, speaker_count, aggregate
from meetinglens.audio.options import AudioOptions

STEP = 0.1  # seconds per frame in these fixtures
N_LOCAL = 20  # frames per window (2 s windows)


def frames(activity, soft=None, speech=None, step_frames=N_LOCAL) -> Frames:
    """Frames from ``activity[c, f, k]``; windows advance ``step_frames`` frames."""
    act = np.asarray(activity, dtype=np.float32)
    soft = act.copy() if soft is None else np.asarray(soft, dtype=np.float32)
    speech = act.max(axis=2) if speech is None else np.asarray(speech, dtype=np.float32)
    return Frames(act, soft, speech, step_frames * STEP, STEP, STEP)


def talk(spans, n_local=3, n_frames=N_LOCAL):
    """One window: ``spans`` = {local speaker: (first frame, end frame)}."""
    a = np.zeros((n_frames, n_local), np.float32)
    for k, (s, e) in spans.items():
        a[s:e, k] = 1
    return a


def seconds(turns, speaker):
    return sum(t.end - t.start for t in turns if t.speaker == speaker)


def test_two_windows_one_speaker_each_give_two_speakers():
    f = frames([talk({0: (0, 20)}), talk({1: (0, 20)})])
    turns = reconstruct(f, np.array([[0, -1, -1], [-1, 1, -1]]), duration=4.0)
    assert {t.speaker for t in turns} == {"SPK0", "SPK1"}
    assert seconds(turns, "SPK0") == pytest.approx(2.0, abs=0.2)
    assert seconds(turns, "SPK1") == pytest.approx(2.0, abs=0.2)


def test_overlap_is_kept_as_overlap():
    f = frames([talk({0: (0, 20), 1: (5, 15)})])
    turns = reconstruct(f, np.array([[0, 1, -1]]), duration=2.0)
    one = [t for t in turns if t.speaker == "SPK1"]
    assert len(one) == 1 and one[0].start == pytest.approx(0.55, abs=0.1)
    assert seconds(turns, "SPK0") == pytest.approx(2.0, abs=0.2)


def test_speech_floor_keeps_a_speaker_where_the_count_rounds_to_zero():
    # three overlapping windows (step 5 frames); only one of them hears the speaker,
    # so the mean local count is 1/3 -> 0, but every window is fairly sure of speech
    act = np.zeros((3, N_LOCAL, 3), np.float32)
    act[1, 0:10, 0] = 1
    speech = np.full((3, N_LOCAL), 0.8, np.float32)
    soft = act * 0.9 + 0.05
    f = frames(act, soft=soft, speech=speech, step_frames=5)
    assignment = np.array([[0, -1, -1], [0, -1, -1], [0, -1, -1]])
    assert np.all(speaker_count(aggregate(f, assignment, 3.0), 3, floor=0.5)[5:15] == 1)
    with_floor = reconstruct(f, assignment, duration=3.0, floor=0.5)
    without = reconstruct(f, assignment, duration=3.0, floor=2.0)
    assert seconds(with_floor, "SPK0") > seconds(without, "SPK0") + 0.5


def test_no_speech_no_turns():
    act = np.zeros((2, N_LOCAL, 3), np.float32)
    f = frames(act, speech=np.full((2, N_LOCAL), 0.1))
    assert reconstruct(f, np.array([[0, -1, -1], [0, -1, -1]]), duration=4.0) == ()
    assert reconstruct(f, np.full((2, 3), -1), duration=4.0) == ()


def test_soft_scores_pick_the_more_likely_speaker():
    act = talk({0: (0, 20)})[None]
    soft = np.zeros_like(act)
    soft[0, :, 0], soft[0, :, 1] = 0.3, 0.6  # hard says local 0, soft prefers local 1
    f = frames(act, soft=soft)
    assert {t.speaker for t in reconstruct(f, np.array([[0, 1, -1]]), 2.0, soft=True)} == {"SPK1"}
    assert {t.speaker for t in reconstruct(f, np.array([[0, 1, -1]]), 2.0, soft=False)} == {"SPK0"}


def test_short_local_speaker_gets_the_cluster_already_talking_there():
    # window 1 (offset 10 frames) hears speaker 1 briefly where window 0 said cluster 1 talks
    w0 = talk({0: (0, 8), 1: (12, 20)})
    w1 = talk({0: (10, 20), 2: (2, 6)})
    f = frames([w0, w1], step_frames=10)
    assignment = np.array([[0, 1, -1], [0, -1, -1]])
    out = assign_by_overlap(f, assignment, duration=3.0)
    assert out[1, 2] == 1
    assert out[0].tolist() == [0, 1, -1] and out[1, 1] == -1  # silent speakers stay unassigned


def test_short_local_speaker_never_takes_a_cluster_its_window_uses():
    w0 = talk({0: (0, 20)})
    w1 = talk({0: (0, 20), 1: (0, 4)})
    f = frames([w0, w1], step_frames=0)
    out = assign_by_overlap(f, np.array([[0, -1, -1], [0, -1, -1]]), duration=2.0)
    assert out[1, 1] == -1


def test_assign_local_is_one_to_one_within_a_window():
    centroids = np.eye(2, 4)
    emb = np.array([[1, 0.1, 0, 0], [0.9, 0.2, 0, 0]], dtype=np.float32)
    out = assign_local(emb, [(0, 0), (0, 1)], centroids, (1, 3))
    assert sorted(out[0, :2].tolist()) == [0, 1]


def test_cluster_separates_two_voices_and_respects_bounds():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=16), rng.normal(size=16)
    emb = np.stack([a + 0.05 * rng.normal(size=16) for _ in range(6)]
                   + [b + 0.05 * rng.normal(size=16) for _ in range(6)])
    labels = cluster(emb, 0.45, AudioOptions())
    assert len(set(labels[:6])) == 1 and len(set(labels[6:])) == 1 and labels[0] != labels[6]
    assert len(set(cluster(emb, 0.45, AudioOptions(max_speakers=1)))) == 1
    assert len(set(cluster(emb, 0.45, AudioOptions(num_speakers=3)))) == 3
