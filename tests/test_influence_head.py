"""The response-mode head: shipped weights, NumPy application, how it joins the rules."""

from __future__ import annotations

import numpy as np
import pytest

from meetinglens.analysis import influence_head as ih
from meetinglens.analysis.base import AnalysisContext
from meetinglens.analysis.influence import analyze, analyze_with
from meetinglens.analysis.influence_roles import judge_mode
from meetinglens.errors import ModelNotFoundError
from meetinglens.model import Meeting, Speaker, Utterance


def _meeting(texts: list[str]) -> Meeting:
    utts = tuple(Utterance(i, "Ben" if i % 2 else "Sam", t, i * 10.0, i * 10.0 + 8)
                 for i, t in enumerate(texts))
    return Meeting("m", utts, (Speaker("Sam", side="seller", side_source="participants"),
                               Speaker("Ben", side="buyer", side_source="participants")))


def test_shipped_head_shape_and_probabilities():
    head = ih.read_head(ih.HEAD_FILE)
    assert head.classes == ih.CLASSES
    assert head.weights.shape == (len(ih.CLASSES), 384)
    p = head.probabilities(np.ones((2, 384), dtype=np.float32) / 20)
    assert np.allclose(p.sum(axis=1), 1.0)
    with pytest.raises(ValueError):
        head.probabilities(np.ones((1, 10)))
    trained = " ".join(head.meta["meetings"])
    assert "holdout22-" in trained and "holdout23" not in trained  # never the blind split


@pytest.mark.parametrize("text,mode", [
    ("Our warehouse keeps shipping the wrong parts and customers are furious about it.",
     "trouble"),
    ("We are opening four new regional offices next year and doubling the sales team.",
     "growth"),
])
def test_head_scores_clear_sentences(text, mode):
    scores = ih.load_head().mode_scores([text])[0]
    assert max(scores, key=scores.get) == mode


def test_head_gives_logistics_little_mode():
    scores = ih.load_head().mode_scores(["Can you send the order form to my assistant?"])[0]
    assert max(scores.values()) < 0.5


def test_head_scores_decide_when_rules_are_silent():
    u = Utterance(0, "Ben", "Volumes are heading somewhere new for us.", 0.0, 3.0)
    assert judge_mode("Ben", [u]).label == "unclear"
    j = judge_mode("Ben", [u], [{"growth": 0.9, "trouble": 0.05, "even_keel": 0.03,
                                 "overconfident": 0.02}])
    assert j.label == "growth" and j.evidence[0][0] is u
    weak = judge_mode("Ben", [u], [{"growth": 0.2, "trouble": 0.2, "even_keel": 0.3,
                                    "overconfident": 0.3}])
    assert weak.label == "unclear"  # a diffuse head is no evidence


def test_analyzer_uses_head_and_records_it():
    m = _meeting(["How is it going?", "Our warehouse keeps shipping the wrong parts and "
                  "customers are furious about it.", "I see.", "Yes, every week."])
    with_head = analyze_with(AnalysisContext(m), ih.load_head())
    assert with_head.metrics["mode_head"]["name"].startswith("influence-head")
    assert with_head.metrics["response_modes"]["Ben"]["mode"] == "trouble"
    rules_only = analyze_with(AnalysisContext(m), None)
    assert rules_only.metrics["mode_head"] is None


def test_missing_head_falls_back_to_rules_with_a_note(tmp_path, monkeypatch):
    monkeypatch.delenv(ih.HEAD_ENV, raising=False)
    monkeypatch.setattr(ih, "HEAD_FILE", tmp_path / "absent.npz")
    ih.load_head.cache_clear()
    try:
        with pytest.raises(ModelNotFoundError, match="train_influence_head"):
            ih.head_path()
        result = analyze(AnalysisContext(_meeting(["Hi", "We grow fast and expand."])))
        assert any("cue lexicons only" in n for n in result.notes)
        assert result.metrics["mode_head"] is None
    finally:
        ih.load_head.cache_clear()


def test_role_head_shipped_and_joins_the_rules():
    from meetinglens.analysis.influence_roles import judge_role

    head = ih.read_head(ih.ROLE_HEAD_FILE)
    assert head.classes == ih.ROLE_HEAD_CLASSES and head.weights.shape == (5, 384)
    ben = Speaker("Ben", side="buyer", side_source="participants")
    u = Utterance(0, "Ben", "Mornings are long here.", 0.0, 3.0)
    assert judge_role(ben, [u]).label == "unknown"
    sure = {"economic": 0.02, "user": 0.95, "technical": 0.02, "coach": 0.01}
    assert judge_role(ben, [u, u], [sure, sure]).label == "user"
    unsure = {"economic": 0.3, "user": 0.5, "technical": 0.1, "coach": 0.1}
    assert judge_role(ben, [u, u], [unsure, unsure]).label == "unknown"


def test_analyzer_records_the_role_head():
    m = _meeting(["Hi", "I sign off on this and it comes out of my budget."])
    result = analyze_with(AnalysisContext(m), None, ih.load_role_head())
    assert result.metrics["role_head"]["name"] == "influence-head/roles.npz"
    assert result.metrics["roles"]["Ben"]["role"] == "economic"
