"""The red-flag evidence head: labelled data, NumPy application, how it joins the rules."""

from __future__ import annotations

import json

import numpy as np
import pytest

from meetinglens.analysis import influence_flaghead as fh
from meetinglens.analysis.base import AnalysisContext
from meetinglens.analysis.influence import analyze, analyze_with
from meetinglens.analysis.influence_dataset import (
    DATASET_DIR,
    dataset_files,
    dataset_splits,
    load_labelled,
)
from meetinglens.analysis.influence_flags import red_flags
from meetinglens.model import Meeting, Speaker, Utterance


def _meeting(texts: list[str]) -> Meeting:
    utts = tuple(Utterance(i, "Ben" if i % 2 else "Sam", t, i * 10.0, i * 10.0 + 8)
                 for i, t in enumerate(texts))
    return Meeting("m", utts, (Speaker("Sam", side="seller", side_source="participants"),
                               Speaker("Ben", side="buyer", side_source="participants")))


def _flags(meeting: Meeting, cues=None) -> dict:
    return {f.kind: f for f in red_flags(meeting, {"Ben"}, {}, {}, [], cues)}


# A phrasing no cue lexicon knows: the decision makers favour another supplier.
NEW_PREFERENCE = ["Who else are you looking at?",
                  "Honestly the people upstairs have mostly made up their minds about the "
                  "other lot.",
                  "Let's talk next week.", "Thursday at ten suits me, send the invite."]


def test_every_meeting_has_flag_cues_on_buyer_utterances():
    files = dataset_files()
    assert len(files) >= 31
    for path in files:
        meeting, gold = load_labelled(path)
        buyers = {s.name for s in meeting.speakers if s.side == "buyer"}
        if path.stem.startswith("holdout4-"):
            continue  # written blind from the codebook's meeting-level part only
        assert gold.flag_cues, path.name
        for index, classes in gold.flag_cues.items():
            assert meeting.utterances[index].speaker in buyers, (path.name, index)
            assert set(classes) <= set(fh.CUE_CLASSES), (path.name, classes)


def test_extra_sentences_have_positives_and_near_misses_for_each_class():
    rows = [json.loads(line) for line in
            (DATASET_DIR / "flag-cues-extra.jsonl").read_text(encoding="utf-8").splitlines()]
    positives = {c for r in rows for c in r["cues"]}
    assert positives == set(fh.CUE_CLASSES)
    near = {r["near_miss"] for r in rows if not r["cues"]}
    assert {"competitor_preferred", "budget_stated", "process_stated",
            "new_influencer"} <= near
    assert len({r["text"].lower() for r in rows}) == len(rows)  # no duplicates


def test_splits_are_found_by_file_prefix(tmp_path):
    source = dataset_files("dev")[0]
    (tmp_path / "holdout9-01-new.json").write_text(source.read_text(encoding="utf-8"))
    (tmp_path / "dev-01-x.json").write_text(source.read_text(encoding="utf-8"))
    assert [f.name for f in dataset_files("holdout9", tmp_path)] == ["holdout9-01-new.json"]
    assert dataset_splits(tmp_path) == ["dev", "holdout9"]
    assert dataset_files("holdout", tmp_path) == []  # holdout9- is not holdout-


def test_head_evidence_raises_a_said_flag_only_when_confident():
    meeting = _meeting(NEW_PREFERENCE)
    assert "competitor_preferred" not in _flags(meeting)  # the lexicons do not know it
    sure = _flags(meeting, {1: {"competitor_preferred": 0.95}})
    assert sure["competitor_preferred"].evidence[0].index == 1
    assert "competitor_preferred" not in _flags(meeting, {1: {"competitor_preferred": 0.4}})


def test_head_evidence_settles_a_flag_raised_by_absence():
    meeting = _meeting(["Where does the money come from?",
                        "Gareth ring-fenced a pot for this after the audit.",
                        "Good. Next step?", "Thursday at ten suits me, send the pricing."])
    assert "budget_unknown" in _flags(meeting)
    assert "budget_unknown" not in _flags(meeting, {1: {"budget_stated": 0.9}})
    # an unclear budget said later (money is the topic: "pricing") still wins over nothing
    unclear = _flags(meeting, {1: {"budget_stated": 0.9}, 3: {"budget_unclear": 0.9}})
    assert unclear["budget_unknown"].evidence[0].index == 3


def test_head_deferral_makes_the_close_an_open_end():
    meeting = _meeting(["Shall we book a pilot?", "Let's see how the quarter goes.",
                        "Of course.", "Mm."])
    assert "no_next_step" in _flags(meeting)
    meeting = _meeting(["Shall we book a pilot?", "Fine by me, the ninth.", "Great.",
                        "My planners will be there."])
    assert "no_next_step" in _flags(meeting, {3: {"next_step_deferred": 0.2}})
    assert "no_next_step" not in _flags(meeting, {3: {"next_step": 0.9}})
    assert "no_next_step" in _flags(meeting, {3: {"next_step": 0.9,
                                                   "next_step_deferred": 0.9}})


def test_flag_head_save_read_and_sigmoid(tmp_path):
    rng = np.random.default_rng(0)
    head = fh.FlagHead(fh.CUE_CLASSES, rng.normal(size=(len(fh.CUE_CLASSES), 384)),
                       np.zeros(len(fh.CUE_CLASSES)), {"version": "t"})
    head.save(tmp_path / "flags.npz")
    back = fh.read_flag_head(tmp_path / "flags.npz")
    assert back.classes == fh.CUE_CLASSES and back.meta["version"] == "t"
    p = back.probabilities(rng.normal(size=(3, 384)).astype(np.float32) / 100)
    assert p.shape == (3, len(fh.CUE_CLASSES)) and ((p > 0) & (p < 1)).all()
    with pytest.raises(ValueError):
        back.probabilities(np.ones((1, 10)))


def test_shipped_flag_head_catches_new_phrasing_and_keeps_quiet_on_small_talk():
    head = fh.load_flag_head()
    assert head.classes == fh.CUE_CLASSES
    said, chat = head.scores([
        "Between us, the ops director already has a favourite and it isn't you.",
        "The weather was lovely on the drive over this morning."])
    assert said["competitor_preferred"] > 0.5
    assert max(chat.values()) < 0.5


def test_analysis_uses_the_flag_head_and_lists_it():
    meeting = _meeting(NEW_PREFERENCE)
    result = analyze(AnalysisContext(meeting))
    assert result.metrics["flag_head"]["name"] == "influence-head/flags.npz"
    rules_only = analyze_with(AnalysisContext(meeting))
    assert result.metrics["flag_head"] and rules_only.metrics["flag_head"] is None
