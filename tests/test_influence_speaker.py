"""The speaker-level decision (influence_speaker): strongest evidence, not the count of it."""

from __future__ import annotations

import numpy as np
import pytest

from meetinglens.analysis import influence_speaker as sp
from meetinglens.analysis.influence_head import ModeHead
from meetinglens.analysis.influence_roles import judge_mode, judge_role, role_feature_vector
from meetinglens.model import Speaker, Utterance

PAIN = ["The spreadsheets are a mess, three people keep them and none of them agree.",
        "I've been up till one doing reconciliations myself every week.",
        "Every month someone retypes the brew sheets from paper and half of it is wrong.",
        "Stock is wrong, so we brew the wrong beer because the tank counts are guesses."]
AUTHORITY = "It comes out of my budget, I've put twelve thousand aside, and I sign it."


def _utts(texts: list[str], who: str = "Owen") -> list[Utterance]:
    return [Utterance(i, who, t, i * 10.0, i * 10.0 + 8) for i, t in enumerate(texts)]


def _speaker(name: str = "Owen", title: str | None = None) -> Speaker:
    return Speaker(name, side="buyer", side_source="inferred", title=title)


def _lexicon_max_model() -> ModeHead:
    """A hand-set model that reads only the 'strongest single cue' block of the features."""
    n = 4 * 5 + 1
    w = np.zeros((len(sp.ROLE_LABELS), n), dtype=np.float32)
    for k in range(4):
        w[k, 8 + k] = 10.0  # lex_max block
    bias = np.array([0, 0, 0, 0, 1.0], dtype=np.float32)  # unknown unless a cue is clear
    return ModeHead(sp.ROLE_LABELS, w, bias, {"version": "test"})


def test_features_saturate_volume_but_keep_the_strongest_utterance():
    few = role_feature_vector(_speaker(), _utts(PAIN[:1] + [AUTHORITY]), None)
    many = role_feature_vector(_speaker(), _utts(PAIN * 3 + [AUTHORITY]), None)
    economic_max = 8
    assert few[economic_max] == many[economic_max] > 0.5
    assert many.shape == few.shape == (21,)


def test_one_clear_authority_statement_outweighs_many_pain_sentences():
    j = judge_role(_speaker(), _utts(PAIN * 2 + [AUTHORITY]), model=_lexicon_max_model())
    assert j.label == "economic"
    assert any("sign" in u.text for u, _ in j.evidence)
    assert j.basis == "model+speech"


def test_pain_alone_is_not_economic():
    j = judge_role(_speaker(), _utts(PAIN), model=_lexicon_max_model())
    assert j.label != "economic"


def test_small_talk_stays_unknown_under_the_model():
    j = judge_role(_speaker(), _utts(["Hi!", "Thanks, good to see you."]),
                   model=_lexicon_max_model())
    assert j.label == "unknown" and j.evidence == ()


def test_title_is_a_feature_not_a_verdict():
    with_title = role_feature_vector(_speaker(title="Chief Financial Officer"), _utts(PAIN), None)
    without = role_feature_vector(_speaker(), _utts(PAIN), None)
    title_block = slice(16, 20)
    assert with_title[title_block].sum() == 1.0 and without[title_block].sum() == 0.0


@pytest.fixture(scope="module")
def shipped():
    try:
        return sp.load_role_model()
    except Exception as exc:  # noqa: BLE001 - absent models skip, as for the other heads
        pytest.skip(f"speaker models not installed: {exc}")


def test_shipped_models_decide_an_economic_buyer_in_pain(shipped):
    from meetinglens.analysis.influence_head import load_head, load_role_head

    utts = _utts(PAIN + [AUTHORITY])
    role_scores = load_role_head().mode_scores([u.text for u in utts])
    j = judge_role(_speaker(), utts, role_scores, model=shipped)
    assert j.label == "economic", j.scores
    assert j.basis == "model+speech" and j.evidence
    # The mode is decided as the analyzer decides it (round 16): by the shipped speaker-level
    # mode model over the mode head and the role head.
    mode_scores = load_head().mode_scores([u.text for u in utts])
    m = judge_mode("Owen", utts, mode_scores, model=sp.load_mode_model(), role_scores=role_scores)
    assert m.label == "trouble" and m.basis.startswith("model"), m.scores


def test_shipped_model_keeps_a_user_in_pain_a_user(shipped):
    from meetinglens.analysis.influence_head import load_role_head

    utts = _utts(PAIN + ["I'm on the desk from eight on Tuesdays, come before the doors open."])
    j = judge_role(_speaker(), utts, load_role_head().mode_scores([u.text for u in utts]),
                   model=shipped)
    assert j.label == "user", j.scores


def test_we_manage_is_even_keel_not_trouble():
    from meetinglens.analysis.influence_head import load_head, load_role_head

    utts = _utts(["It's not perfect, but we manage. The team knows the form by heart.",
                  "Once in a blue moon a hymn number is wrong and we catch it at the printers.",
                  "It's been like this for twenty years and nobody has complained."])
    texts = [u.text for u in utts]
    # Decided as the analyzer decides it (round 16): the shipped speaker-level mode model.
    m = judge_mode("Gareth", utts, load_head().mode_scores(texts), model=sp.load_mode_model(),
                   role_scores=load_role_head().mode_scores(texts))
    assert m.label == "even_keel" and m.basis.startswith("model"), m.scores
