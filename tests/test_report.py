"""Report files: names, HTML escaping, self-containment, CSV columns, section fallback."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from meetinglens.analysis.base import run_analyzers
from meetinglens.errors import InputError
from meetinglens.model import AnalyzerResult, Evidence, Finding, Meeting, Report, Speaker, Utterance
from meetinglens.report import write_reports
from meetinglens.report import page
from meetinglens.report.markdown import render_markdown
from meetinglens.report.page import render_html
from meetinglens.report.writer import safe_stem
from meetinglens.serialize import load_report

HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"


def words(n: int) -> str:
    return " ".join(["word"] * n)


def make_report(meeting_id="call-1", timed=True, extra_results=None, hostile_name=False):
    seller = "<b>Sam</b>" if hostile_name else "Sam Seller"
    speakers = (Speaker(seller, "seller", "participants"), Speaker("Bea Buyer", "buyer", "cli"))
    rows = [(seller, 0.0, 150.0, HOSTILE + " " + words(300)),   # a long monologue: evidence
            ("Bea Buyer", 151.0, 160.0, "=SUM(A1:A9) is what our finance team uses."),
            (seller, 161.0, 300.0, words(250)),
            ("Bea Buyer", 301.0, 310.0, words(20))]
    utts = tuple(Utterance(i, s, t, a if timed else None, b if timed else None, source_index=i)
                 for i, (s, a, b, t) in enumerate(rows))
    meeting = Meeting(id=meeting_id, utterances=utts, speakers=speakers,
                      title="Acme </title><script>x()</script> call", source="x.vtt")
    results, warnings = run_analyzers(meeting, ["talk"])
    results.update(extra_results or {})
    return Report(meeting=meeting, results=results, warnings=tuple(warnings),
                  tool_version="test")


def test_all_files_are_written_and_json_round_trips(tmp_path):
    report = make_report()
    written = write_reports(report, tmp_path / "out", ["json", "html", "md", "csv"])
    names = sorted(p.name for p in written)
    assert names == sorted([
        "call-1.json", "call-1.html", "call-1.md", "call-1.utterances.csv",
        "call-1.speakers.csv", "call-1.findings.csv", "call-1.talk.speakers.csv",
        "call-1.talk.sides.csv", "call-1.talk.fifths.csv"])
    assert all(p.parent == tmp_path / "out" and p.stat().st_size > 0 for p in written)
    back = load_report(tmp_path / "out" / "call-1.json")
    assert back.meeting == report.meeting
    assert back.results["talk"].metrics["seller_share"] == report.results["talk"].metrics[
        "seller_share"]


def test_only_requested_formats(tmp_path):
    written = write_reports(make_report(), tmp_path, ["md"])
    assert [p.name for p in written] == ["call-1.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["call-1.md"]


def test_html_escapes_spoken_text_names_and_title():
    html = render_html(make_report(hostile_name=True))
    assert not re.search(r"<script|<img|<b>Sam", html, re.I)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html  # the quote is shown
    assert "&lt;b&gt;Sam&lt;/b&gt;" in html
    assert "Acme &lt;/title&gt;" in html


def test_html_is_self_contained_and_summary_comes_first():
    html = render_html(make_report())
    assert not re.search(r"<link|<script|<iframe|<img|@import|url\(", html, re.I)
    # the only URL is the SVG namespace
    assert set(re.findall(r"https?://[^\s\"']+", html)) == {"http://www.w3.org/2000/svg"}
    assert html.index('id="summary"') < html.index('id="participants"') < html.index(
        'id="section-talk"')
    assert html.count("<svg") >= 4  # side shares, speaker shares, fifths, timeline
    assert "02:30" in html  # evidence end of the monologue, mm:ss
    assert "@media print" in html


def test_untimed_report_says_word_share_and_has_no_timeline():
    report = make_report(timed=False)
    html = render_html(report)
    assert "Who spoke when" not in html
    assert "untimed" in html and "word share" in html
    assert "utterance 1" in html  # untimed evidence points at the utterance


@pytest.mark.parametrize("hostile_id", [
    "../../evil", "/etc/passwd", "a/b\\c", "CON", "", "...", "name with spaces",
    "Gespräch ü — 会议", "x" * 400, "-rf --no-preserve-root", "a\nb\x00c"])
def test_hostile_meeting_ids_stay_inside_the_output_folder(tmp_path, hostile_id):
    out = tmp_path / "out"
    written = write_reports(make_report(meeting_id=hostile_id), out, ["json", "html", "csv"])
    assert len(written) == 8
    for p in written:
        assert p.resolve().parent == out.resolve()
        assert not p.name.startswith((".", "-"))
        assert re.fullmatch(r"[\w.\-]+", p.name)
        assert len(p.name.encode()) < 255
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)


def test_safe_stem_keeps_readable_names():
    assert safe_stem("acme discovery (2024-05-01)") == "acme_discovery_2024-05-01"
    assert safe_stem("Gespräch") == "Gespräch"
    assert safe_stem("nul") == "meeting_nul"


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_columns_and_formula_guard(tmp_path):
    write_reports(make_report(), tmp_path, ["csv"])
    utts = _read_csv(tmp_path / "call-1.utterances.csv")
    assert list(utts[0]) == ["meeting", "index", "speaker", "side", "start", "end", "words",
                             "text", "source_index"]
    assert len(utts) == 4 and utts[0]["text"].startswith("<script>")  # data is not HTML-escaped
    assert utts[1]["text"].startswith("'=SUM")  # spreadsheet formula injection defused
    speakers = _read_csv(tmp_path / "call-1.speakers.csv")
    assert [r["side"] for r in speakers] == ["seller", "buyer"]
    findings = _read_csv(tmp_path / "call-1.findings.csv")
    assert {"kind", "severity", "summary", "evidence_start", "evidence_quote"} <= set(findings[0])
    talk = _read_csv(tmp_path / "call-1.talk.speakers.csv")
    assert {"speaker", "share", "talk_seconds", "words_per_minute", "turns"} <= set(talk[0])
    fifths = _read_csv(tmp_path / "call-1.talk.fifths.csv")
    assert len(fifths) == 15  # 5 fifths x 3 sides


def test_empty_findings_table_still_has_a_header(tmp_path):
    report = make_report()
    quiet = {"talk": AnalyzerResult(name="talk", metrics={}, findings=())}
    report = Report(meeting=report.meeting, results=quiet)
    write_reports(report, tmp_path, ["csv"])
    header = (tmp_path / "call-1.findings.csv").read_text(encoding="utf-8").splitlines()
    assert header == ["meeting,kind,severity,summary,speaker,side,role,confidence,"
                      "evidence_count,evidence_start,evidence_quote"]


def _custom_result(report: Report) -> AnalyzerResult:
    u = report.meeting.utterances[1]
    return AnalyzerResult(
        name="custom", metrics={"score": 0.75, "label": "<i>ok</i>", "nested": {"a": 1}},
        findings=(Finding("custom.thing", "Custom <finding>", "notice", speaker=u.speaker,
                          evidence=(Evidence.of(u),)),),
        notes=("A note about <method>.",))


def test_analyzer_without_section_module_renders_generically():
    base = make_report()
    report = make_report(extra_results={"custom": _custom_result(base)})
    html = render_html(report)
    assert 'id="section-custom"' in html
    assert "A note about &lt;method&gt;." in html and "Custom &lt;finding&gt;" in html
    assert "&lt;i&gt;ok&lt;/i&gt;" in html and "0.75" in html
    assert "nested" not in html.split('id="section-custom"')[1]  # dicts stay in the JSON
    assert "=SUM(A1:A9)" in html  # the evidence quote


def test_broken_section_module_falls_back_and_warns(monkeypatch):
    class Broken:
        @staticmethod
        def html(result, report):
            raise RuntimeError("boom")

    real = page.section_module
    monkeypatch.setattr(page, "section_module",
                        lambda name: Broken if name == "talk" else real(name))
    html = render_html(make_report())
    assert 'id="section-talk"' in html and "Report warnings" in html
    assert "the talk section could not be drawn (RuntimeError: boom)" in html


def test_section_names_from_json_cannot_import_arbitrary_modules():
    assert page.section_module("os.path") is None
    assert page.section_module("../talk") is None
    assert page.section_module("not_there") is None
    assert page.section_module("talk") is not None


def test_markdown_note_is_short_escaped_and_quotes_evidence():
    md = render_markdown(make_report())
    assert md.startswith("# Acme ")
    assert "**Summary**" in md and "**Key numbers**" in md and "**Top findings**" in md
    body = re.sub(r"(?m)^  > ", "", md)  # quote markers are ours
    assert not re.search(r"(?<!\\)[<>]", body)  # every angle bracket from text is escaped
    assert r"\<script\>alert" in md
    assert "— 00:00, Sam Seller (seller)" in md
    assert len(md.splitlines()) < 60
    assert not re.search(r"\b1 (turns|findings|warnings)\b", md)


def test_counts_read_as_english():
    from meetinglens.wording import counted

    assert counted(1, "turn") == "1 turn"
    assert counted(0, "warning") == "0 warnings"
    assert counted(12, "finding") == "12 findings"
    assert counted(None, "turn") == "— turns"
    assert counted(2, "stretch", "stretches") == "2 stretches"


def test_bad_formats_and_output_paths_are_clear_errors(tmp_path):
    with pytest.raises(InputError, match="unknown report format.*pdf.*choose from"):
        write_reports(make_report(), tmp_path, ["pdf"])
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        write_reports(make_report(), blocker, ["json"])


def test_rendering_imports_no_torch(tmp_path):
    code = (
        "import sys\n"
        "sys.path.insert(0, %r)\n"
        "from test_report import make_report\n"
        "from meetinglens.report import write_reports\n"
        "write_reports(make_report(), %r, ['json','html','md','csv'])\n"
        "heavy = [m for m in ('torch', 'whisper', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n" % (str(Path(__file__).parent), str(tmp_path)))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_section_headlines_join_the_summary_and_findings_are_not_repeated(monkeypatch):
    class WithHeadline:
        @staticmethod
        def headlines(result, report):
            return ["Custom figure: <b>3</b> of 4."]

    real = page.section_module
    monkeypatch.setattr(page, "section_module",
                        lambda name: WithHeadline if name == "custom" else real(name))
    base = make_report()
    html = render_html(make_report(extra_results={"custom": _custom_result(base)}))
    summary = html.split('id="summary"')[1].split("<h3>Top findings</h3>")[0]
    assert "Custom figure: &lt;b&gt;3&lt;/b&gt; of 4." in summary
    assert "Custom &lt;finding&gt;" not in summary  # findings appear under Top findings
    assert "+ 1 more quote in its section below" in html  # seller_dominated has 2 quotes
