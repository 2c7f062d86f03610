"""Round 16: response modes by the speaker-level mode model, and the flag checks it needed."""

from __future__ import annotations

import pytest

from meetinglens.analysis import influence_flaggate as gate
from meetinglens.analysis.influence_flags import STATUS_QUO_MIN_MODEL_CONFIDENCE, _content_shown
from meetinglens.analysis.influence_roles import Judgement
from meetinglens.model import Utterance
from test_influence import SELLER, meeting, run

CONTENT = "Honestly, the spreadsheet does the job. We don't need anything new."


def _utt(text: str) -> Utterance:
    return Utterance(1, "Ben", text, 10.0, 18.0)


def _even_keel(confidence: float, basis: str) -> Judgement:
    return Judgement("Ben", "even_keel", confidence, {"even_keel": confidence},
                     ((_utt(CONTENT), CONTENT),), basis)


@pytest.fixture(scope="module")
def mode_model():
    from meetinglens.analysis.influence_speaker import load_mode_model

    try:
        return load_mode_model()
    except Exception as exc:  # noqa: BLE001 - absent models skip, as for the other heads
        pytest.skip(f"speaker mode model not installed: {exc}")


def test_the_shipped_analyzer_decides_modes_by_the_speaker_model(mode_model):
    m = meeting([(SELLER, "How are things on the floor?"),
                 ("Ben", "Our warehouse keeps shipping the wrong parts and customers are "
                         "furious about it. Two of them have left us this quarter."),
                 (SELLER, "And the system you have?"),
                 ("Ben", "It loses orders every week and I spend my evenings fixing it.")])
    result = run(m)
    assert result.metrics["response_modes"]["Ben"]["mode"] == "trouble"
    assert not any("speaker modes (tally)" in n for n in result.notes)


def test_a_confident_model_reading_can_show_contentment():
    assert _content_shown(_even_keel(0.8, "model+speech"))
    assert _content_shown(_even_keel(0.3, "speech"))  # the tally has its own thresholds


def test_a_model_guess_does_not_count_towards_status_quo():
    assert not _content_shown(_even_keel(STATUS_QUO_MIN_MODEL_CONFIDENCE - 0.12, "model"))


def test_a_past_comparison_without_a_stance_is_not_a_preference():
    assert gate.dismissed(_utt("We compared a few tools last year."))
    assert gate.dismissed(_utt("We evaluated three vendors in 2023 and then the project stalled."))
    assert not gate.dismissed(_utt("We compared a few tools and we'd rather go with Acme."))
    assert not gate.dismissed(_utt("We compared notes with the night shift."))


def test_bare_acceptance_is_not_contentment():
    assert gate.accepts(_utt("Yes, works for me. We want to grow fast."))
    assert gate.accepts(_utt("That works for us."))
    assert not gate.accepts(_utt("The night shift works for me most weeks."))


def test_forward_benchmark_fits_heads_only_on_splits_written_before():
    import importlib
    import sys
    from pathlib import Path

    from meetinglens.analysis.influence_dataset import dataset_splits

    benchmarks = str(Path(__file__).resolve().parents[1] / "benchmarks")
    sys.path.insert(0, benchmarks)
    try:
        forward = importlib.import_module("influence_forward")
        from train_influence_head import TRAIN_SPLITS
    finally:
        sys.path.remove(benchmarks)
    order = forward.writing_order()
    assert order[:len(TRAIN_SPLITS)] == list(TRAIN_SPLITS)
    assert sorted(order) == sorted(set(order) | set(dataset_splits()))
    later = set(dataset_splits()) - set(TRAIN_SPLITS)
    assert all(order.index(s) >= len(TRAIN_SPLITS) for s in later)
