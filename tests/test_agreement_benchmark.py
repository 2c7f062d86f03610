"""The inter-annotator benchmark scores two label sets the way the influence benchmark does."""

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "influence_agreement.py"
_spec = importlib.util.spec_from_file_location("influence_agreement", _PATH)
agreement = importlib.util.module_from_spec(_spec)
sys.modules["influence_agreement"] = agreement  # dataclasses look their module up
_spec.loader.exec_module(agreement)
Labels = agreement.Labels


def _labels(modes, flags=(), mentions=()):
    return Labels({n: "user" for n in modes}, dict(modes), frozenset(flags), tuple(mentions))


def test_kappa_is_one_for_agreement_and_zero_at_chance():
    assert agreement.kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    # each annotator says a/b half the time, agreeing half the time: chance level
    assert agreement.kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == pytest.approx(0.0)


def test_compare_counts_disagreements_flags_and_mentions():
    first = {"m1": _labels({"Ann": "growth", "Bo": "trouble"}, {"budget_unknown"},
                           [("Morag Quinn", "economic")])}
    second = {"m1": _labels({"Ann": "growth", "Bo": "even_keel"}, {"budget_unknown", "status_quo"},
                            [("Morag", "economic"), ("the board", "economic")])}
    r = agreement.compare(first, second)
    assert r["mode"] == pytest.approx(0.5) and r["role"] == 1.0
    assert r["flags"] == pytest.approx(0.5)  # budget_unknown 1.0, status_quo 0.0
    assert r["mention_r"] == 1.0 and r["mention_p"] == pytest.approx(0.5)
    assert r["mode_pairs"][("trouble", "even_keel")] == 1


def test_a_buyer_the_other_annotator_left_out_counts_as_disagreement():
    r = agreement.compare({"m": _labels({"Ann": "growth"})}, {"m": _labels({})})
    assert r["mode"] == 0.0
