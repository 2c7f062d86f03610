"""Report section of the influence analyzer: coverage grid, roles, flags; escaped output."""

from __future__ import annotations

from dataclasses import replace

from meetinglens.analysis.base import run_analyzers
from meetinglens.analysis.influence_dataset import dataset_files, load_labelled
from meetinglens.model import Meeting, Report, Speaker, Utterance
from meetinglens.report.sections import influence as section


def _report(path_index: int = 0) -> Report:
    m, _ = load_labelled(dataset_files("dev")[path_index])
    results, _ = run_analyzers(m, ["influence"])
    return Report(m, results)


def test_html_shows_coverage_roles_and_flags_with_quotes():
    rep = _report(0)  # dev-01: user + technical present, CFO mentioned, two red flags
    page = section.html(rep.results["influence"], rep)
    assert "Coverage of the four buying influences" in page
    assert "Maria Santos" in page and "User buyer" in page and "Technical buyer" in page
    assert "Red flags" in page and "Budget unknown" in page
    assert "blockquote" in page  # evidence quotes


def test_markdown_lists_roles_mentions_and_flags():
    rep = _report(0)
    md = section.markdown(rep.results["influence"], rep)
    assert "Maria Santos" in md and "Henrik" in md and "**Red flag**" in md


def test_headline_counts_flags():
    rep = _report(0)
    (line,) = section.headlines(rep.results["influence"], rep)
    assert "red flag" in line and "technical buyer" in line


def test_hostile_text_is_escaped_and_no_flags_says_so():
    speakers = (Speaker("S", side="seller"), Speaker("<b>x</b>", side="buyer"))
    utts = (Utterance(0, "<b>x</b>", "I sign off <script>alert(1)</script>; we have 50k budget "
                                     "and I make the final call."),
            Utterance(1, "S", "Shall we book the kickoff next Monday at 9?"),
            Utterance(2, "<b>x</b>", "Yes, works for me. We want to grow fast."))
    m = Meeting("m", utts, speakers)
    results, _ = run_analyzers(m, ["influence"])
    rep = Report(m, results)
    page = section.html(results["influence"], rep)
    assert "<script>" not in page and "<b>x</b>" not in page
    # Whether this two-line buyer raises a flag is the models' call (round 21's mode model reads
    # "we want to grow fast" after "I make the final call" as overconfident); the section must
    # say so when there is none.
    result = results["influence"]
    calm = replace(result, findings=type(result.findings)(
        f for f in result.findings if not f.data.get("flag")))
    assert "No red flags." in section.html(calm, rep)
