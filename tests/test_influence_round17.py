"""Round 17: the speaker-level mode model reads only the buyer's own trouble, and how much of
what they said asks a question."""

from __future__ import annotations

from meetinglens.analysis.influence_roles import mode_feature_vector
from meetinglens.analysis.influence_speaker import MODES, question_share
from test_influence_flaggate import _utt

TROUBLE = MODES.index("trouble")
#: Feature layout (influence_speaker.mode_features): head means, head maxima, lexicon maxima,
#: lexicon sums (one per mode each), then the volume and the question share.
LEX_MAX, LEX_SUM = 2 * len(MODES), 3 * len(MODES)


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
