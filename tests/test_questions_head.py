"""The learned question head, its team-written data, and its vote with the rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from meetinglens.analysis import question_head as qh
from meetinglens.analysis import question_vote as vote
from meetinglens.analysis.question_context import DialogueContext
from meetinglens.analysis.question_data import LABELS, load_examples
from meetinglens.errors import MeetinglensError, ModelNotFoundError


# ------------------------------------------------------------------ data

def test_dataset_is_large_and_covers_every_label():
    examples = load_examples()
    assert len(examples) >= 1500
    counts = {lab: sum(e.label == lab for e in examples) for lab in LABELS}
    assert all(n >= 50 for n in counts.values()), counts
    assert all(e.open is None for e in examples if e.label == "none")
    assert any(e.open for e in examples) and any(e.open is False for e in examples)


def test_dataset_loader_names_file_and_line(tmp_path):
    (tmp_path / "bad.tsv").write_text("label\topen\ttext\nwh\t1\twhat is it\nquestion\t0\tok?\n")
    with pytest.raises(MeetinglensError, match=r"bad.tsv:3.*label 'question'"):
        load_examples(tmp_path)
    (tmp_path / "bad.tsv").write_text("label\topen\ttext\nnone\t1\tyeah\n")
    with pytest.raises(MeetinglensError, match="open must be -"):
        load_examples(tmp_path)


def test_copy_check_finds_a_swda_sentence_whatever_its_case(swda_copies, shared_data):
    line = next(parts[1] for path in sorted((shared_data / "swda" / "val").glob("*.txt"))
                for parts in (row.split("|") for row in path.read_text().splitlines())
                if len(parts) == 3 and len(parts[1].split()) >= 8)
    assert swda_copies([line.upper() + "?"]) == [line.upper() + "?"]
    assert swda_copies(["a sentence nobody in switchboard ever said about quarterly pipelines"]) == []


def test_no_line_is_copied_from_swda(swda_copies):
    assert not swda_copies([e.text for e in load_examples()])


# ------------------------------------------------------------------ head

def test_head_scores_questions_and_statements():
    head = qh.load_head()
    texts = ["what does your current process look like",
             "so your team handles all the returns by hand",
             "you have to be patient with new software",
             "who has time to read all those reports anyway"]
    s = head.score(texts)
    assert s.question.shape == (4,) and s.types.shape == (4, len(qh.QTYPES))
    assert np.allclose(s.types.sum(axis=1), 1.0, atol=1e-5)
    assert s.question[0] > 0.5 and s.qtype(0) == "wh"
    assert s.question[1] > 0.5 and s.qtype(1) == "declarative"
    assert s.question[2] < 0.5  # generic "you": an opinion, not a question
    assert s.qtype(3) == "rhetorical"


def test_head_rejects_wrong_input_shape():
    with pytest.raises(ValueError, match="expects"):
        qh.load_head().score_embeddings(np.zeros((2, 10)))


def test_missing_head_lists_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setattr(qh, "HEAD_FILE", tmp_path / "none.npz")
    monkeypatch.setenv(qh.HEAD_ENV, str(tmp_path / "also-none.npz"))
    with pytest.raises(ModelNotFoundError, match="also-none.npz") as err:
        qh.head_path()
    assert "train_question_head.py" in str(err.value)


# ------------------------------------------------------------------ vote

def _fake(p_question: float, rhetorical: float = 0.0, open_: float = 0.0):
    """A scorer that gives every text the same scores (declarative unless rhetorical)."""
    def scorer(texts):
        types = np.zeros((len(texts), len(qh.QTYPES)))
        types[:, qh.QTYPES.index("declarative")] = 1.0 - rhetorical
        types[:, qh.QTYPES.index("rhetorical")] = rhetorical
        n = len(texts)
        return qh.HeadScores(np.full(n, p_question), types, np.full(n, open_))
    return scorer


def _judge(text, scorer, t=vote.DEFAULT, context=None):
    return vote.judge_all([text], [context], scorer, t)[0]


def test_unsure_rule_question_needs_the_heads_agreement():
    text = "we moved here last year?"  # statement form with '?': the rules are unsure
    assert [q.qtype for q in _judge(text, _fake(0.95))] == ["declarative"]
    assert _judge(text, _fake(0.01)) == []


def test_sure_rule_question_is_kept_whatever_the_head_says():
    assert [q.qtype for q in _judge("do you have a budget for this", _fake(0.0))] == ["yes_no"]


def test_head_retypes_a_form_question_as_rhetorical_only_when_sure():
    t = vote.Thresholds(rhetorical=0.8)
    text = "how many people read those reports"
    assert _judge(text, _fake(0.9, rhetorical=0.95), t)[0].qtype == "rhetorical"
    assert _judge(text, _fake(0.9, rhetorical=0.3), t)[0].qtype == "wh"


def _yes_no_scorer(texts):
    types = np.zeros((len(texts), len(qh.QTYPES)))
    types[:, qh.QTYPES.index("yes_no")] = 1.0
    n = len(texts)
    return qh.HeadScores(np.full(n, 0.9), types, np.zeros(n))


def test_head_retypes_a_statement_form_question_but_not_an_or_clause():
    assert _judge("you moved here last year?", _yes_no_scorer)[0].qtype == "yes_no"
    assert _judge("or do you have a camper?", _yes_no_scorer)[0].qtype == "alternative"


def test_head_adds_a_formless_question_only_above_the_add_threshold():
    t = vote.Thresholds(add=0.7)
    text = "so your team handles all the returns by hand"
    added = _judge(text, _fake(0.9, open_=0.2), t)
    assert [(q.qtype, q.open) for q in added] == [("declarative", False)]
    assert "learned head" in added[0].reason
    assert _judge(text, _fake(0.6), t) == []


def test_statements_not_about_the_listener_are_never_sent_to_the_head():
    asked = []

    def scorer(texts):
        asked.extend(texts)
        return _fake(1.0)(texts)
    assert _judge("we handle all the returns by hand", scorer, vote.Thresholds(add=0.0)) == []
    assert asked == []
    _judge("you know we handle it by hand", scorer, vote.Thresholds(add=0.0))
    assert asked == []  # "you know" is a filler, not the listener


def test_real_head_on_a_declarative_check():
    t = vote.Thresholds(add=0.7)
    ctx = DialogueContext(None, "yes")
    found = _judge("so your team handles all the returns by hand", None, t, ctx)
    assert found and found[0].qtype == "declarative"
    assert _judge("you have to be patient with new software", None, t) == []


# ------------------------------------------------------------------ run time

def test_analysis_uses_the_head_without_torch_or_sklearn():
    code = ("import sys; from meetinglens.analysis.questions import analyze; "
            "from meetinglens.analysis.base import AnalysisContext; "
            f"sys.path.insert(0, {str(Path(__file__).parent)!r}); "
            "from test_questions_analyzer import load; r = analyze(AnalysisContext(load())); "
            "assert any('learned head' in n for n in r.notes), r.notes; "
            "heavy = [m for m in ('torch', 'sklearn', 'transformers', 'whisper') "
            "if m in sys.modules]; assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True)
