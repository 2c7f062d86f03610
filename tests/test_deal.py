"""Deal view: meetings merged in time order, flags raised/resolved, buyer network, files."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from meetinglens.analysis.base import run_analyzers
from meetinglens.deal import build_deal, write_deal
from meetinglens.errors import AnalysisError, InputError
from meetinglens.model import Meeting, Report, Speaker, Utterance
from meetinglens.serialize import dumps, load_report


def report(mid: str, date: str, lines: list[tuple[str, str]], titles=None) -> Report:
    titles = titles or {}
    names = list(dict.fromkeys(n for n, _ in lines))
    speakers = tuple(Speaker(n, side="seller" if n == "Sam" else "buyer",
                             side_source="participants", title=titles.get(n)) for n in names)
    utts = tuple(Utterance(i, n, t, i * 5.0, i * 5.0 + 4) for i, (n, t) in enumerate(lines))
    m = Meeting(mid, utts, speakers, title=f"Meeting {mid}", metadata={"date": date})
    results, _ = run_analyzers(m, ["influence"])
    return Report(m, results)


FIRST = report("m1", "2026-01-10", [
    ("Sam", "Who else is involved?"),
    ("Ben", "My team types every order into a spreadsheet by hand every day."),
    ("Ben", "Our CFO, Henrik, has to sign off, but he hasn't seen any of this yet."),
    ("Ben", "I'm not sure what budget we have."),
    ("Sam", "Shall we book a demo next Tuesday at 10?"),
    ("Ben", "Yes, that works."),
])
SECOND = report("m2", "2026-02-01", [
    ("Sam", "Thanks for joining, Henrik."),
    ("Henrik", "I sign off on this. We have 80 thousand in the budget and I make the final call."),
    ("Ben", "Henrik wants the rollout done by June."),
    ("Sam", "Shall we book the pilot kickoff for next Monday at 9?"),
    ("Henrik", "Yes, let's do that."),
])


def test_meetings_are_merged_in_date_order_whatever_the_input_order():
    deal = build_deal([SECOND, FIRST])
    assert [m.id for m in deal.meetings] == ["m1", "m2"]


def test_flags_raised_then_resolved():
    deal = build_deal([FIRST, SECOND])
    spans = {f.flag: f for f in deal.flags}
    assert spans["economic_absent"].raised_in == "m1"
    assert spans["economic_absent"].resolved_in == "m2"
    assert spans["budget_unknown"].status == "resolved"


def test_a_single_meeting_leaves_its_flags_open():
    deal = build_deal([FIRST])
    assert deal.open_flags and all(f.resolved_in is None for f in deal.flags)


def test_people_merge_mentions_with_later_speakers_and_coverage_grows():
    deal = build_deal([FIRST, SECOND])
    henrik = next(p for p in deal.people if p.name == "Henrik")
    assert henrik.met_in == ("m2",) and henrik.mentioned_in == ("m1",)
    assert henrik.role == "economic"
    assert deal.coverage[0]["economic"] == "mentioned"
    assert deal.coverage[1]["economic"] == "present"


def test_buyer_network_edges():
    deal = build_deal([FIRST, SECOND])
    edges = {(e.source, e.target, e.relation) for e in deal.edges}
    assert ("Ben", "Henrik", "defers_to") in edges
    assert ("Ben", "Henrik", "speaks_for") in edges


def test_write_deal_files_escape_hostile_text(tmp_path):
    hostile = report("m3", "2026-03-01", [
        ("Sam", "Hi"),
        ("<script>alert(1)</script>", "Our CFO has to sign off. <script>alert(2)</script>")])
    paths = write_deal(build_deal([FIRST, hostile]), tmp_path)
    assert sorted(p.name for p in paths) == ["deal.html", "deal.json", "deal.md"]
    page = (tmp_path / "deal.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    data = json.loads((tmp_path / "deal.json").read_text())
    assert data["meetings"][0]["id"] == "m1" and "status" in data["flags"][0]


def test_deal_from_saved_reports(tmp_path):
    paths = []
    for r in (FIRST, SECOND):
        p = tmp_path / f"{r.meeting.id}.json"
        p.write_text(dumps(r))
        paths.append(p)
    deal = build_deal([load_report(p) for p in paths])
    assert [m.id for m in deal.meetings] == ["m1", "m2"]


def test_no_reports_is_an_error():
    with pytest.raises(InputError):
        build_deal([])


def test_report_without_influence_results_is_an_error():
    with pytest.raises(AnalysisError, match="influence"):
        build_deal([replace(FIRST, results={})])


def test_unknown_format_is_an_error(tmp_path):
    with pytest.raises(InputError, match="pdf"):
        write_deal(build_deal([FIRST]), tmp_path, formats=("pdf",))


def test_passing_mention_is_not_a_person_in_the_deal():
    passing = report("m0", "2026-01-02", [
        ("Sam", "How is it going?"),
        ("Ben", "Two customers complained to our CEO last month, it's a mess."),
        ("Ben", "Our CFO has to sign off on this."),
    ])
    names = {p.name for p in build_deal([passing]).people}
    assert "our CEO" not in names and "CEO" not in names
    assert any("CFO" in n for n in names)  # a mention tied to the deal stays


def test_deal_page_names_the_account_and_meetings_by_date_and_title(tmp_path):
    org = report("m3", "2026-03-03", [("Sam", "Hi"), ("Ben", "I sign off on it.")])
    speakers = tuple(replace(s, org="Nordhaul") if s.name == "Ben" else s
                     for s in org.meeting.speakers)
    rep = Report(replace(org.meeting, speakers=speakers), org.results)
    files = write_deal(build_deal([rep, FIRST]), tmp_path, formats=("html",))
    page = files[0].read_text()
    assert "Deal view: Nordhaul — 2 meetings" in page
    assert "2026-01-10 · Meeting m1" in page


def test_markdown_without_dates_or_flags_says_so(tmp_path):
    undated = report("m9", "", [("Sam", "Shall we meet again on Monday at 10?"),
                                ("Ben", "Yes. I sign off on it and the budget is 40 thousand.")])
    deal = build_deal([undated])
    text = write_deal(deal, tmp_path, formats=("md",))[0].read_text()
    assert "\n- Meeting m9: buyers Ben" in text  # no "?" standing in for the date
    assert ("## Red flags\n- none raised" in text) == (not deal.flags)
    assert "## Red flags\n- none raised" not in write_deal(build_deal([FIRST]), tmp_path,
                                                           formats=("md",))[0].read_text()
