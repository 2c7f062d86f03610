"""Buying-influence analyzer: roles, mentions, response modes, red flags (positive and negative)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from meetinglens.analysis.base import AnalysisContext, run_analyzers
from meetinglens.analysis.influence import analyze
from meetinglens.analysis.influence_dataset import asr_text, dataset_files, load_labelled
from meetinglens.analysis.registry import ANALYZERS
from meetinglens.errors import InputError
from meetinglens.model import ROLES, Meeting, Speaker, Utterance

SELLER = "Sam Seller"


def meeting(lines: list[tuple[str, str]], buyers: dict[str, str | None] | None = None,
            asr: bool = False) -> Meeting:
    """A meeting from (speaker, text) pairs; ``buyers`` maps buyer name -> title."""
    buyers = buyers if buyers is not None else {n: None for n, _ in lines if n != SELLER}
    speakers = [Speaker(SELLER, side="seller", side_source="participants")]
    speakers += [Speaker(n, side="buyer", side_source="participants", title=t)
                 for n, t in buyers.items()]
    utts = tuple(Utterance(i, who, asr_text(text) if asr else text, i * 10.0, i * 10.0 + 8)
                 for i, (who, text) in enumerate(lines))
    return Meeting("m", utts, tuple(speakers))


def run(m: Meeting):
    return analyze(AnalysisContext(m))


def role(m: Meeting, name: str) -> str:
    return run(m).metrics["roles"][name]["role"]


# ---------------------------------------------------------------- roles

ECONOMIC = [(SELLER, "Who approves this?"),
            ("Anna", "I sign off on it, it comes out of my budget. I need to see the payback.")]
USER = [(SELLER, "How does it work today?"),
        ("Ben", "My team has to copy every order into a spreadsheet by hand, every morning.")]
TECH = [(SELLER, "Questions?"),
        ("Kim", "Does it support SSO with Okta, and where is the data stored? "
                "We need to see your SOC 2 report and the API docs.")]
COACH = [(SELLER, "Anything I should know?"),
         ("Lea", "Between you and me, she cares about risk more than price. "
                 "You should talk to Rick in IT before the demo, I can introduce you.")]


@pytest.mark.parametrize("lines,name,expected", [
    (ECONOMIC, "Anna", "economic"), (USER, "Ben", "user"), (TECH, "Kim", "technical"),
    (COACH, "Lea", "coach")])
def test_role_from_speech(lines, name, expected):
    assert role(meeting(lines), name) == expected


@pytest.mark.parametrize("lines,name,expected", [
    (ECONOMIC, "Anna", "economic"), (USER, "Ben", "user"), (TECH, "Kim", "technical"),
    (COACH, "Lea", "coach")])
def test_role_from_asr_text_without_punctuation(lines, name, expected):
    assert role(meeting(lines, asr=True), name) == expected


def test_small_talk_gives_unknown_role():
    m = meeting([(SELLER, "How was the weekend?"), ("Joe", "Good, thanks. Rainy though.")])
    result = run(m)
    assert result.metrics["roles"]["Joe"]["role"] == "unknown"
    assert not [f for f in result.findings if f.kind == "influence.role"]


def test_title_is_a_prior_that_speech_overrides():
    # Titled CFO, but every word is about specifications and integration.
    lines = [(SELLER, "Hi"), ("Ola", "I need your API documentation and the security "
                                     "questionnaire. Does it integrate with SAP? What about SSO?"),
             ("Ola", "Our architecture requires on-prem hosting and encryption at rest.")]
    result = run(meeting(lines, {"Ola": "CFO"}))
    assert result.metrics["roles"]["Ola"]["role"] == "technical"


def test_title_alone_decides_only_with_low_confidence():
    result = run(meeting([(SELLER, "Hello"), ("Ola", "Hello, nice to meet you.")], {"Ola": "CFO"}))
    judged = result.metrics["roles"]["Ola"]
    assert judged["role"] == "economic" and judged["basis"] == "title"
    assert judged["confidence"] <= 0.5


def test_roles_metric_matches_the_contract_and_links_other_findings():
    result = run(meeting(ECONOMIC))
    entry = result.metrics["roles"]["Anna"]
    assert set(entry) >= {"role", "confidence", "evidence"} and entry["role"] in ROLES
    assert entry["evidence"] and entry["evidence"][0]["quote"].startswith("I sign off")
    assert list(ANALYZERS)[0] == "influence"
    results, _ = run_analyzers(meeting(ECONOMIC), ["influence"])
    role_finding = next(f for f in results["influence"].findings if f.kind == "influence.role")
    assert role_finding.role == "economic" and role_finding.side == "buyer"


def test_seller_is_never_judged():
    assert SELLER not in run(meeting(ECONOMIC)).metrics["roles"]


def test_without_sides_non_sellers_are_judged_with_a_note():
    utts = (Utterance(0, "A", "I sign off on this, it is my budget."),)
    m = Meeting("m", utts, (Speaker("A"),))
    result = run(m)
    assert result.metrics["roles"]["A"]["role"] == "economic"
    assert any("no speaker is marked as buyer" in n for n in result.notes)


# ---------------------------------------------------------------- mentions

def mentions(lines):
    return run(meeting(lines)).tables["mentions"]


def test_absent_influences_are_found_with_role_and_quote():
    rows = mentions([(SELLER, "Who else?"),
                     ("Ben", "Our CFO, Henrik, has to sign off on anything over 50k."),
                     ("Ben", "And Lena from IT will want to see the API.")])
    found = {(r["who"], r["role"]) for r in rows}
    assert ("Henrik", "economic") in found and ("Lena", "technical") in found
    assert all(r["quote"] for r in rows)


def test_passing_mention_is_not_an_influence():
    assert mentions([(SELLER, "Hi"), ("Ben", "Two customers complained to our CEO.")]) == ()


def test_mention_of_someone_in_the_room_is_not_absent():
    m = meeting([(SELLER, "Hi"), ("Ben", "Anna will have to sign off on it."),
                 ("Anna", "Yes, that's right.")])
    result = run(m)
    assert result.tables["mentions"] == ()
    edge = result.tables["network"][0]
    assert (edge["source"], edge["target"], edge["relation"]) == ("Ben", "Anna", "defers_to")


# ---------------------------------------------------------------- response modes

@pytest.mark.parametrize("text,mode", [
    ("We're opening three new sites and want to double capacity next year.", "growth"),
    ("Orders are late, customers complain and my team is drowning in backlog.", "trouble"),
    ("Honestly our current setup works fine, there's no rush.", "even_keel"),
    ("We had a record year, we don't have problems, we've got it covered.", "overconfident"),
    ("Could you say more about the pricing page?", "unclear")])
def test_response_modes(text, mode):
    assert run(meeting([(SELLER, "So?"), ("Ben", text)])).metrics["response_modes"]["Ben"][
        "mode"] == mode


def test_negated_trouble_is_not_trouble():
    result = run(meeting([(SELLER, "Problems?"), ("Ben", "That's not a problem for us at all.")]))
    assert result.metrics["response_modes"]["Ben"]["mode"] != "trouble"


# ---------------------------------------------------------------- red flags

def flags(lines, buyers=None):
    return set(run(meeting(lines, buyers)).metrics["red_flags"])


GOOD_CLOSE = [(SELLER, "Shall we book the pilot kickoff for next Tuesday at 10?"),
              ("Anna", "Yes, that works for me.")]
SOLID = [(SELLER, "Who decides?"),
         ("Anna", "I make the final call. We've set aside 80 thousand for it this year."),
         ("Anna", "We're growing fast and want to expand to two new markets.")] + GOOD_CLOSE


def test_solid_meeting_raises_no_flags():
    assert flags(SOLID) == set()


@pytest.mark.parametrize("line,flag", [
    ("We just went through a reorganization, the teams are being merged into one.",
     "reorganization"),
    ("We have a new CFO who just joined last month.", "new_influencer"),
    ("Honestly we're leaning towards the other vendor.", "competitor_preferred"),
    ("I'm not sure what budget we have.", "budget_unknown"),
    ("I don't know who decides on something like this.", "decision_process_unknown"),
    ("We'll stick with what we have for now.", "status_quo"),
])
def test_each_said_flag(line, flag):
    lines = SOLID[:3] + [("Anna", line)] + GOOD_CLOSE
    assert flag in flags(lines)


def test_negated_competitor_preference_is_not_a_flag():
    lines = SOLID[:3] + [("Anna", "We're not leaning towards the other vendor.")] + GOOD_CLOSE
    assert "competitor_preferred" not in flags(lines)


def test_no_next_step_when_the_buyer_defers():
    lines = SOLID[:3] + [(SELLER, "Can we book a demo next week?"),
                         ("Anna", "Send us some information and we'll get back to you.")]
    assert "no_next_step" in flags(lines)


def test_economic_absent_unless_engaged():
    base = [(SELLER, "Who else?"), ("Ben", "My team enters every order by hand, every day.")]
    absent = base + [("Ben", "Our CEO has to sign off, but he hasn't seen any of this yet.")]
    engaged = base + [("Ben", "Our CEO has to sign off; she asked us to find a tool by June.")]
    assert "economic_absent" in flags(absent + GOOD_CLOSE[:1] + [("Ben", "Yes, that works.")])
    assert "economic_absent" not in flags(engaged + GOOD_CLOSE[:1] + [("Ben", "Yes, works.")])


def test_every_finding_has_evidence_and_a_namespaced_kind():
    m, _ = load_labelled(dataset_files("dev")[0])
    result = run(m)
    assert result.findings
    for f in result.findings:
        assert f.kind.startswith("influence.") and f.evidence, f.kind


def test_coverage_and_tables():
    result = run(meeting(ECONOMIC + [("Anna", "Lena from IT will want to review the API.")]))
    assert result.metrics["coverage"] == {"economic": "present", "user": "not_seen",
                                          "technical": "mentioned", "coach": "not_seen"}
    assert set(result.tables) >= {"roles", "mentions", "red_flags", "coverage"}


# ---------------------------------------------------------------- dataset and lightness

def test_dataset_has_both_splits_and_labels_every_buyer():
    files = dataset_files()
    assert len(files) >= 12
    assert dataset_files("dev") and dataset_files("test")
    for path in files:
        m, labels = load_labelled(path)
        buyers = {s.name for s in m.speakers if s.side == "buyer"}
        assert set(labels.roles) == buyers == set(labels.response_modes), path.name


def test_bad_labelled_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x", "speakers": []}))
    with pytest.raises(InputError, match="bad.json"):
        load_labelled(bad)


def test_analyzing_does_not_import_torch():
    code = ("import sys\nfrom meetinglens.analysis.influence_dataset import dataset_files, "
            "load_labelled\nfrom meetinglens.analysis.base import run_analyzers\n"
            "m, _ = load_labelled(dataset_files()[0])\nrun_analyzers(m, ['influence'])\n"
            "assert 'torch' not in sys.modules and 'transformers' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
