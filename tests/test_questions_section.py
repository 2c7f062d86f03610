"""The questions report section: escaped HTML with a timeline, and a short Markdown note."""

from __future__ import annotations

from meetinglens.analysis.base import AnalysisContext
from meetinglens.analysis.questions import analyze
from meetinglens.model import Meeting, Report, Speaker, Utterance
from meetinglens.report.sections import questions as section

from test_questions_analyzer import load


def report_of(meeting: Meeting) -> Report:
    return Report(meeting, {"questions": analyze(AnalysisContext(meeting))})


def test_html_has_figures_timeline_and_every_question():
    report = report_of(load())
    out = section.html(report.results["questions"], report)
    assert "<svg" in out and "Questions over the meeting" in out
    assert "How much does the platform cost per user?" in out
    assert "Survey-style stretches" in out and "02:00" in out  # mm:ss of the price question


def test_transcript_text_is_escaped():
    m = Meeting("x", (Utterance(0, "A", "Does <script>alert(1)</script> work for you?", 0.0, 3.0),
                      Utterance(1, "B", "No.", 3.0, 4.0)),
                (Speaker("A", "seller"), Speaker("B", "buyer")))
    report = report_of(m)
    out = section.html(report.results["questions"], report)
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_no_questions_says_so():
    m = Meeting("x", (Utterance(0, "A", "We use Salesforce.", 0.0, 3.0),),
                (Speaker("A", "seller"),))
    report = report_of(m)
    assert "No questions" in section.html(report.results["questions"], report)


def test_markdown_summarises_sides():
    report = report_of(load())
    md = section.markdown(report.results["questions"], report)
    assert "Seller side: 8 questions" in md and "survey-style" in md
