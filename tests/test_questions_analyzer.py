"""The questions analyzer on a small hand-written meeting (tests/data/questions_meeting.json)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from meetinglens.analysis.base import AnalysisContext, run_analyzers
from meetinglens.analysis.questions import analyze
from meetinglens.model import Meeting, Speaker, Utterance

DATA = Path(__file__).parent / "data" / "questions_meeting.json"


def load(timed: bool = True) -> Meeting:
    d = json.loads(DATA.read_text())
    utts = tuple(Utterance(i, s, t, a if timed else None, b if timed else None)
                 for i, (s, a, b, t) in enumerate(d["utterances"]))
    return Meeting("questions-test", utts, tuple(Speaker(**s) for s in d["speakers"]))


@pytest.fixture(scope="module")
def result():
    return analyze(AnalysisContext(load()))


def kinds(result) -> list[str]:
    return [f.kind for f in result.findings]


def test_counts_per_side_and_rates(result):
    m = result.metrics
    assert m["by_side"]["seller"]["questions"] == 8
    assert m["customer_questions"] == 4
    assert m["rhetorical"] == 1  # "Who knows?" is listed, not counted
    assert m["by_side"]["seller"]["per_10_min"] == pytest.approx(8 / (200 / 600), abs=0.01)
    assert m["by_side"]["seller"]["spread"]["label"] == "front-loaded"


def test_one_tidy_row_per_question(result):
    rows = result.tables["questions"]
    assert len(rows) == 13
    assert {r["qtype"] for r in rows} >= {"wh", "yes_no", "tag", "declarative", "rhetorical"}
    buyer_topics = {r["topic"] for r in rows if r["side"] == "buyer"}
    assert buyer_topics == {"price", "references", "implementation"}
    assert all(set(r) >= {"speaker", "time", "text", "open", "topic"} for r in rows)


def test_survey_stretch_found_with_questions_and_answers_as_evidence(result):
    stretch = [f for f in result.findings if f.kind == "questions.survey_stretch"]
    assert len(stretch) == 1 and stretch[0].speaker == "Sam Seller"
    assert stretch[0].data["pairs"] >= 3
    quotes = [e.quote for e in stretch[0].evidence]
    assert "do you use the forecasting module" in quotes and "no" in quotes


def test_positive_findings_carry_evidence(result):
    assert {"questions.open_discovery", "questions.customer_engaged",
            "questions.early_needs"} <= set(kinds(result))
    for f in result.findings:
        assert f.evidence and all(e.quote for e in f.evidence)
        assert f.kind.startswith("questions.")


def test_no_survey_finding_when_answers_are_long():
    m = load()
    utts = tuple(u if m.side_of(u.speaker) == "seller" or u.index > 8 else
                 Utterance(u.index, u.speaker, u.text + " because we moved last spring and the "
                           "whole team is still learning the new process", u.start, u.end)
                 for u in m.utterances)
    result = analyze(AnalysisContext(Meeting(m.id, utts, m.speakers)))
    assert "questions.survey_stretch" not in kinds(result)


def test_meeting_without_questions_claims_nothing():
    m = Meeting("plain", (Utterance(0, "A", "We use Salesforce.", 0.0, 2.0),
                          Utterance(1, "B", "Good to know.", 2.0, 3.0)),
                (Speaker("A", "seller"), Speaker("B", "buyer")))
    result = analyze(AnalysisContext(m))
    assert result.metrics["questions"] == 0 and result.findings == ()
    assert result.tables["questions"] == ()


def test_untimed_meeting_has_no_rates_but_still_counts():
    result = analyze(AnalysisContext(load(timed=False)))
    assert result.metrics["per_10_min"] is None
    assert result.metrics["questions"] == 12
    assert any("untimed" in n for n in result.notes)


def test_registered_and_role_linked():
    results, warnings = run_analyzers(load(), ["questions"])
    topic = [f for f in results["questions"].findings if f.kind == "questions.customer_topic"]
    assert topic and topic[0].side == "buyer"


def test_analysis_does_not_import_torch():
    code = ("import sys; from meetinglens.analysis.questions import analyze; "
            "from meetinglens.analysis.base import AnalysisContext; "
            f"sys.path.insert(0, {str(Path(__file__).parent)!r}); "
            "from test_questions_analyzer import load; analyze(AnalysisContext(load())); "
            "heavy = [m for m in ('torch', 'whisper', 'transformers') if m in sys.modules]; "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True)


def _two_party(buyer_reply: str) -> Meeting:
    utts = (Utterance(0, "Ann", "we help teams forecast", 0.0, 3.0),
            Utterance(1, "Bob", "ok", 3.0, 4.0),
            Utterance(2, "Ann", "so you're on salesforce today", 4.0, 7.0),
            Utterance(3, "Bob", buyer_reply, 7.0, 10.0))
    return Meeting("ctx", utts, (Speaker("Ann", "seller"), Speaker("Bob", "buyer")))


def test_analyzer_uses_the_listeners_answer():
    confirmed = analyze(AnalysisContext(_two_party("yes that's right")))
    rows = confirmed.tables["questions"]
    assert [(r["speaker"], r["qtype"]) for r in rows] == [("Ann", "declarative")]
    assert rows[0]["answered_by"] == "Bob"
    ignored = analyze(AnalysisContext(_two_party("we will look at the agenda later")))
    assert ignored.tables["questions"] == ()
