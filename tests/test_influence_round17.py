"""Round 17: the speaker-level mode model reads only the buyer's own trouble, how much of what
they said asks a question, and what they talk about (the role head's mean per role)."""

from __future__ import annotations

import pytest

from meetinglens.analysis.influence_roles import mode_feature_vector
from meetinglens.analysis.influence_speaker import MODES, ROLES, question_share
from test_influence_flaggate import _utt

TROUBLE = MODES.index("trouble")
#: Feature layout (influence_speaker.mode_features): head means, head maxima, lexicon maxima,
#: lexicon sums (one per mode each), the volume, the question share, the role head's means.
LEX_MAX, LEX_SUM = 2 * len(MODES), 3 * len(MODES)
ROLE_MEANS = slice(4 * len(MODES) + 2, 4 * len(MODES) + 2 + len(ROLES))


def test_questions_count_with_and_without_punctuation():
    asked = [_utt(1, "does it write back into the booking system or does it just read from it"),
             _utt(3, "Where is the data held? It can't leave the country."),
             _utt(5, "We run four sites and the reception team books about ninety a day.")]
    assert question_share(asked) == 2 / 3
    assert question_share([_utt(1, "Fine.")]) == 0.0  # nothing substantive said


def test_small_talk_and_past_pain_add_no_trouble_to_the_mode_features():
    aside = [_utt(1, "Sorry I'm late, the traffic was a nightmare and parking is murder."),
             _utt(3, "We tried a scheduling tool two years ago and it was a disaster, so we "
                     "binned it.")]
    own = [_utt(1, "Our schedule is a disaster every week and we keep losing drivers over it.")]
    row = mode_feature_vector(aside, None)
    assert row[LEX_MAX + TROUBLE] == 0.0 and row[LEX_SUM + TROUBLE] == 0.0
    assert mode_feature_vector(own, None)[LEX_SUM + TROUBLE] > 0.0
    head = [{"trouble": 0.9}, {"trouble": 0.9}]
    assert mode_feature_vector(aside, head)[len(MODES) + TROUBLE] == 0.0


def test_what_the_buyer_talks_about_reaches_the_mode_model():
    said = [_utt(1, "Does it support single sign-on with our Microsoft tenant and where is the "
                    "data hosted?"),
            _utt(3, "And can it read the booking system through the official API only?")]
    technical = [{"technical": 0.9, "user": 0.1}, {"technical": 0.7, "user": 0.2}]
    row = mode_feature_vector(said, None, technical)
    assert list(row[ROLE_MEANS]) == pytest.approx([0.0, 0.15, 0.8, 0.0])
    assert not mode_feature_vector(said, None)[ROLE_MEANS].any()  # no role head: zeros
