"""The dialogue-aware question head: its team-written exchanges, context features and use."""

from __future__ import annotations

import re

import numpy as np
import pytest

from meetinglens.analysis import question_head as qh
from meetinglens.analysis import question_vote as vote
from meetinglens.analysis.question_context import DialogueContext
from meetinglens.analysis.question_data import QTYPES, load_dialogues
from meetinglens.analysis.question_dialogue import (
    FEATURES,
    N_FEATURES,
    HeadInput,
    context_features,
    embed_inputs,
)
from meetinglens.errors import MeetinglensError

# ------------------------------------------------------------------ data


def test_dialogue_set_is_large_and_covers_every_type():
    exchanges = load_dialogues()
    assert len(exchanges) >= 300
    assert all(3 <= len(e.turns) <= 6 for e in exchanges)
    labels = [t.label for e in exchanges for t in e.turns]
    for qtype in QTYPES:
        assert labels.count(qtype) >= 20, qtype
    assert labels.count("none") > labels.count("declarative")
    # look-alikes: statements that address the listener, labelled none
    assert sum(t.label == "none" and re.match(r"(i think |well )?you", t.text.lower()) is not None
               for e in exchanges for t in e.turns) >= 30


def test_dialogue_loader_names_file_and_line(tmp_path):
    good = '{"id": "x-1", "turns": [["A", "so you ski", "declarative"], ["B", "yes", "none"]]}'
    (tmp_path / "a.jsonl").write_text(good + "\n" + good.replace("x-1", "x-2")
                                      .replace('"declarative"', '"question"') + "\n")
    with pytest.raises(MeetinglensError, match=r"a.jsonl:2: label 'question'"):
        load_dialogues(tmp_path)
    (tmp_path / "a.jsonl").write_text(good + "\n" + good + "\n")
    with pytest.raises(MeetinglensError, match="a.jsonl:2: id 'x-1' used twice"):
        load_dialogues(tmp_path)
    (tmp_path / "a.jsonl").write_text(good.replace('"declarative"', '"rhetorical/open"'))
    with pytest.raises(MeetinglensError, match="a.jsonl:1"):
        load_dialogues(tmp_path)
    (tmp_path / "a.jsonl").write_text(good.replace('"declarative"', '"wh/open"') + "\n")
    turn = load_dialogues(tmp_path)[0].turns[0]
    assert (turn.label, turn.open) == ("wh", True)


def test_no_dialogue_turn_is_copied_from_swda(swda_copies):
    assert not swda_copies([t.text for e in load_dialogues() for t in e.turns])


# ------------------------------------------------------------------ features


def _feature(x: HeadInput, name: str) -> float:
    return float(context_features(x)[FEATURES.index(name)])


def test_context_features_read_the_reply():
    answered = HeadInput("so you have kids", next="yeah, two boys")
    backchannel = HeadInput("so you have kids", next="uh-huh")
    going_on = HeadInput("who knows", continues=True)
    assert context_features(answered).shape == (N_FEATURES,)
    assert _feature(answered, "reply_confirms") == 1.0
    assert _feature(answered, "reply_backchannel") == 0.0
    assert _feature(backchannel, "reply_backchannel") == 1.0
    assert _feature(backchannel, "reply_confirms") == 0.0
    assert _feature(going_on, "speaker_continues") == 1.0
    assert _feature(going_on, "other_replies") == 0.0
    assert _feature(HeadInput("we moved", previous="where do you live"),
                    "after_other_question") == 1.0


def test_unknown_context_leaves_only_the_sentence_features():
    x = HeadInput("you have kids?", next="yes", known=False)
    feats = context_features(x)
    assert _feature(x, "question_mark") == 1.0 and _feature(x, "context_known") == 0.0
    assert _feature(x, "reply_confirms") == 0.0
    assert feats[FEATURES.index("context_known"):FEATURES.index("question_mark")].sum() == 0


def test_inputs_embed_each_text_once_and_zero_a_missing_reply():
    calls = []

    def encode(texts):
        calls.append(list(texts))
        return np.ones((len(texts), 384), dtype=np.float32)
    rows = embed_inputs([HeadInput("a b c", next="yes"), HeadInput("a b c", continues=True)],
                        encode)
    assert rows.shape == (2, qh.DIM)
    assert calls == [["a b c", "yes"]]
    assert rows[0, 384:768].sum() == 384 and rows[1, 384:768].sum() == 0


# ------------------------------------------------------------------ the head in a dialogue


def test_same_sentence_asks_when_answered_and_states_when_the_speaker_goes_on():
    head = qh.load_head()
    text = "and you coach the girls' volleyball team"
    s = head.score([HeadInput(text, next="yeah, for six years now"),
                    HeadInput(text, continues=True),
                    HeadInput(text, next="uh-huh")])
    assert s.question[0] > 0.5
    assert s.question[0] > s.question[1] and s.question[0] > s.question[2]


def test_rhetorical_followed_by_the_same_speaker():
    head = qh.load_head()
    s = head.score([HeadInput("who has time to read all that", continues=True)])
    assert s.qtype(0) == "rhetorical"


def test_vote_adds_a_listener_statement_only_when_the_reply_answers_it():
    text = "so your team still books the trucks by phone"
    answered = vote.judge_all([text], [DialogueContext("we ship from two sites", "yes")])[0]
    ignored = vote.judge_all([text], [DialogueContext("we ship from two sites", None, True)])[0]
    assert [q.qtype for q in answered] == ["declarative"]
    assert ignored == []


def _scorer(p_question: float):
    def scorer(inputs):
        n = len(inputs)
        types = np.zeros((n, len(qh.QTYPES)))
        types[:, qh.QTYPES.index("yes_no")] = 1.0
        return qh.HeadScores(np.full(n, p_question), types, np.zeros(n))
    return scorer


def test_head_types_but_never_drops_a_rhetorical_phrase():
    text = "what can I say."
    assert [q.qtype for q in vote.judge_all([text], [None], _scorer(0.0))[0]] == ["rhetorical"]
    # an unsure question-mark-only sentence is still dropped when the head disagrees
    assert vote.judge_all(["we moved here last year?"], [None], _scorer(0.0))[0] == []


def test_scorer_sees_the_reply_only_on_the_last_sentence():
    seen = []

    def scorer(inputs):
        seen.extend(inputs)
        return _scorer(0.0)(inputs)
    ctx = DialogueContext("where are you based", "yeah, we do", False)
    vote.judge_all(["your team is in Denver. and you handle the returns too"], [ctx], scorer,
                   vote.Thresholds(add=0.5))
    assert [x.next for x in seen] == [None, "yeah, we do"]
    assert seen[0].continues and not seen[1].continues
    assert seen[0].previous == "where are you based" and seen[1].previous is None
