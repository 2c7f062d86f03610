"""Value co-creation signals: per-signal positives and hard negatives with the real head,
ASR-style text, the analyzer on a hand-written meeting, unknown sides, the head's loading."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from meetinglens.analysis.base import run_analyzers
from meetinglens.analysis.value_detect import detect
from meetinglens.analysis.value_rules import (Line, is_backchannel, is_clarification, is_question,
                                              takes_next_step)
from meetinglens.model import Meeting, Speaker, Utterance

S, B = "seller", "buyer"


def signals(dialogue: list[tuple[str, str]]) -> list[set[str]]:
    """Detected signals per line of a two-person dialogue (seller 'Sam', buyer 'Bea')."""
    lines = [Line(text, "Sam" if side == S else "Bea", side) for side, text in dialogue]
    found = detect(lines).detections
    out = [set() for _ in lines]
    for d in found:
        out[d.utterance].add(d.signal)
    return out


# (signal, dialogue, index of the line that must / must not carry the signal)
POSITIVES = [
    ("customer_motive", [(S, "So what made you want to meet with us today?"),
                         (B, "We're losing too many orders to late deliveries and I want to see "
                             "whether your planning tool could fix that.")], 1),
    ("customer_context", [(S, "Tell me about your setup."),
                          (B, "We have four warehouses and about two hundred drivers, and our "
                              "planning still runs on spreadsheets.")], 1),
    ("customer_question", [(S, "The platform covers scheduling and billing."),
                           (B, "How much would that cost for two hundred users per year?")], 1),
    ("agreement", [(S, "Because alerts go to both the planner and the driver, nothing falls "
                       "through the cracks when someone is on leave."),
                   (B, "That makes a lot of sense, I like that approach.")], 1),
    ("customer_next_step", [(S, "What would you need from us?"),
                            (B, "Send me the offer and I'll take it to our CFO next week.")], 1),
    ("competitor_info", [(S, "Have you looked at other options?"),
                         (B, "We looked at SAP last year, they wanted a full ERP migration first "
                             "which was too big for us.")], 1),
    ("reference_case", [(B, "Does this work for companies like ours?"),
                        (S, "One of our customers, a food distributor with six sites, cut "
                            "write-offs by forty percent in the first year.")], 1),
    ("benefit_focus", [(B, "What does that mean for us?"),
                       (S, "It means your planners get two hours back every day and you cut "
                           "overtime costs, so the tool pays for itself within a year.")], 1),
    ("joint_planning", [(S, "How would you like to proceed?"),
                        (B, "What if we start with a pilot in one region and then review the "
                            "numbers together after three months?")], 1),
    ("objection", [(S, "The licence is forty thousand a year."),
                   (B, "Honestly that's too expensive for us, and I'm not convinced it fits "
                       "how our team works.")], 1),
]

NEGATIVES = [
    ("agreement", [(S, "We integrate with every major ERP."), (B, "okay")], 1),
    ("agreement", [(S, "The dashboard refreshes every five minutes."), (B, "Mm-hm, right.")], 1),
    ("competitor_info", [(S, "Are you talking to any other vendors at the moment?"),
                         (B, "Not really.")], 0),
    ("competitor_info", [(B, "Who else works in this space?"),
                         (S, "Compared to SAP we are much faster to implement.")], 1),
    ("customer_question", [(B, "We have ten sites."),
                           (S, "How many users would need access?")], 1),
    ("customer_question", [(S, "The sync runs every fifteen minutes."),
                           (B, "Sorry, could you say that again?")], 1),
    ("reference_case", [(S, "What did you like about them?"),
                        (B, "A customer of ours, a big retailer, told us they use it every day.")], 1),
    ("customer_context", [(S, "Hi, can you hear me?"), (B, "Yes, loud and clear.")], 1),
    ("customer_next_step", [(S, "I'll send you the proposal tomorrow."), (B, "Thanks.")], 0),
    ("customer_next_step", [(S, "Hi Priya, can you hear me okay?"),
                            (B, "Yes, loud and clear. Daniel is here with me as well.")], 1),
    ("objection", [(S, "The pilot is free."), (B, "Great, thank you.")], 1),
    # opening a topic commits to nothing (the maintenance sample read it as a next step)
    ("customer_next_step", [(S, "Shall we start with your questions?"),
                            (B, "Yes. I'll be direct, we have some concerns about the price, "
                                "and Ahmed has questions on the integration.")], 1),
    ("benefit_focus", [(B, "What does it do?"),
                       (S, "It has a REST API, single sign-on and an export to CSV.")], 1),
    ("joint_planning", [(S, "Let me share my screen."), (B, "Sure.")], 0),
    ("customer_motive", [(S, "How many sites do you have?"), (B, "Three.")], 1),
]


@pytest.mark.parametrize("signal,dialogue,line", POSITIVES, ids=[p[0] for p in POSITIVES])
def test_signal_detected(signal, dialogue, line):
    assert signal in signals(dialogue)[line]


@pytest.mark.parametrize("signal,dialogue,line", NEGATIVES,
                         ids=[f"not-{n[0]}-{i}" for i, n in enumerate(NEGATIVES)])
def test_hard_negative_not_detected(signal, dialogue, line):
    assert signal not in signals(dialogue)[line]


ASR = [
    ("customer_question", [(S, "so the platform covers scheduling and billing"),
                           (B, "um how much would that cost us for like two hundred users")], 1),
    ("customer_next_step", [(S, "so what would you need from us"),
                            (B, "yeah send us an offer and ill find that out here with finance")], 1),
    ("competitor_info", [(S, "okay"),
                         (B, "we tried a local integrator last year they were cheap but it was "
                             "just alarms no analytics")], 1),
    ("agreement", [(S, "the technicians only open the gearbox when the data says so"),
                   (B, "yeah i like that honestly that makes sense for my guys")], 1),
]


@pytest.mark.parametrize("signal,dialogue,line", ASR, ids=[a[0] for a in ASR])
def test_asr_style_lowercase_unpunctuated(signal, dialogue, line):
    assert signal in signals(dialogue)[line]


def test_side_gates_customer_signals_from_sellers():
    """A seller saying the customer's words is never credited with customer signals."""
    found = signals([(B, "Tell me more."),
                     (S, "Send me your data and I'll find out whether the model works for you.")])
    assert not found[1] & {"customer_next_step", "customer_question", "customer_context"}


def test_question_syntax_without_question_marks():
    assert is_question("when does the contract end")
    assert is_question("who else would be involved in the decision")
    assert is_question("does it pull the recordings in automatically")
    assert not is_question("And when a carrier is late, we find out from the store")
    assert not is_question("what we need is a pilot")


def test_backchannel_and_clarification_rules():
    assert is_backchannel("Okay.") and is_backchannel("mm-hm right") and is_backchannel("got it")
    assert not is_backchannel("okay that makes sense, I like the cap per session")
    assert is_clarification("sorry what was the price again")
    assert not is_clarification("What does it cost for two hundred users?")


# ------------------------------------------------------------------ analyzer on a meeting

MEETING = [
    ("Sam Reed", "Thanks for making time. What made you want to take this call?"),
    ("Bea Holm", "Our forecast is a guessing game and the board noticed. I want to see if "
                 "there is a better way to call the quarter."),
    ("Sam Reed", "How many reps do you have?"),
    ("Bea Holm", "About ninety reps in two segments, and we grew from forty in eighteen months."),
    ("Sam Reed", "We work with sixty software companies your size, and those who adopted weekly "
                 "inspections cut forecast error from twenty to eight percent."),
    ("Bea Holm", "Does it pull call recordings in automatically?"),
    ("Sam Reed", "Yes, it syncs every fifteen minutes, no tagging needed."),
    ("Bea Holm", "That makes sense, I like that it's passive."),
    ("Bea Holm", "We looked at Clari last year, their roll-up was strong but it got expensive."),
    ("Bea Holm", "Okay."),
    ("Bea Holm", "Send me a proposal and I'll take it to our CFO at the budget review."),
    ("Bea Holm", "What if we pilot with the mid-market team first and compare the forecast "
                 "together after a quarter?"),
]


def make_meeting(sides=("seller", "buyer"), timed=True) -> Meeting:
    names = {"Sam Reed": sides[0], "Bea Holm": sides[1]}
    utts = tuple(Utterance(i, spk, text, *( (i * 10.0, i * 10.0 + 8.0) if timed else (None, None)))
                 for i, (spk, text) in enumerate(MEETING))
    return Meeting("value-test", utts, tuple(Speaker(n, s) for n, s in names.items()))


def test_analyzer_on_hand_written_meeting():
    results, warnings = run_analyzers(make_meeting(), ["value"])
    r = results["value"]
    kinds = {f.kind for f in r.findings}
    for signal in ("customer_motive", "customer_context", "customer_question", "agreement",
                   "competitor_info", "customer_next_step", "joint_planning", "reference_case"):
        assert f"value.{signal}" in kinds, signal
    for f in r.findings:
        assert f.evidence, f.kind
        if f.data.get("signal"):
            assert f.speaker and 0 <= f.confidence <= 1
            assert f.side == make_meeting().side_of(f.speaker)  # filled by link_roles
    # "Okay." (utterance 9) carries no signal at all
    assert all(row["utterance"] != 9 for row in r.tables["signals"])
    summary = next(f for f in r.findings if f.kind == "value.co_creation")
    assert "Bea Holm (buyer)" in summary.summary and "00:" in summary.summary
    assert r.metrics["next_step_driver"] == "customer pull"
    assert r.metrics["interaction_style"] == "open discourse"
    assert len(r.tables["timeline"]) == 5
    assert sum(b["utterances"] for b in r.tables["timeline"]) == len(MEETING)
    json.dumps(r.tables["signals"])  # tidy rows are JSON-able


def test_survey_style_seller_push_meeting():
    lines = [("Sam Reed", "How many sites do you have?"), ("Bea Holm", "We have three sites."),
             ("Sam Reed", "Which ERP do you use?"), ("Bea Holm", "SAP Business One, mostly."),
             ("Sam Reed", "Do you use scanners?"), ("Bea Holm", "Yes, the Zebra ones in each site."),
             ("Sam Reed", "When does your contract end?"), ("Bea Holm", "The contract ends next year."),
             ("Sam Reed", "So I'll send you a proposal, is next Tuesday good for a follow up?"),
             ("Bea Holm", "Fine.")]
    m = Meeting("survey", tuple(Utterance(i, s, t) for i, (s, t) in enumerate(lines)),
                (Speaker("Sam Reed", "seller"), Speaker("Bea Holm", "buyer")))
    r = run_analyzers(m, ["value"])[0]["value"]
    assert r.metrics["interaction_style"] == "survey-style"
    assert r.metrics["next_step_driver"] == "seller push"
    assert r.metrics["co_creation_level"] == "weak"


def test_seller_monologue_is_not_open_discourse():
    pitch = ("Let me walk you through our platform, it has payroll, time tracking, expenses, "
             "a mobile app, an API for your ERP and dashboards for every manager. ") * 3
    lines = [("Sam Reed", pitch), ("Bea Holm", "I see."), ("Sam Reed", pitch),
             ("Bea Holm", "What does it cost?"), ("Sam Reed", pitch), ("Sam Reed", pitch)]
    m = Meeting("pitch", tuple(Utterance(i, s, t) for i, (s, t) in enumerate(lines)),
                (Speaker("Sam Reed", "seller"), Speaker("Bea Holm", "buyer")))
    r = run_analyzers(m, ["value"])[0]["value"]
    assert r.metrics["interaction_style"] == "seller monologue"
    assert r.metrics["co_creation_level"] != "strong"
    assert any(f.kind == "value.feature_heavy" for f in r.findings)


def test_unknown_sides_degrade_with_a_note():
    r = run_analyzers(make_meeting(sides=("unknown", "unknown"), timed=False), ["value"])[0]["value"]
    assert any("sides are unknown" in n for n in r.notes)
    assert any("Untimed" in n for n in r.notes)
    assert r.metrics["interaction_style"] == "unknown"
    assert r.metrics["next_step_driver"] == "unknown"
    assert r.tables["signals"]  # still finds signals from the words
    assert all(b["start"] is None for b in r.tables["timeline"])


def test_analysis_imports_no_torch_sklearn_transformers():
    code = ("import sys, json; from tests.test_value import make_meeting;"
            "from meetinglens.analysis.base import run_analyzers;"
            "r = run_analyzers(make_meeting(), ['value'])[0]['value'];"
            "assert r.tables['signals'];"
            "print(json.dumps([m for m in ('torch', 'sklearn', 'transformers') if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_a_next_step_needs_a_future_action_or_a_date():
    assert takes_next_step("sure i can get joanna's team to pull a hundred of the ugly ones")
    assert takes_next_step("I'll be honest, we'll need the CFO in the room first.")
    assert takes_next_step("Let's pencil in the second week of March.")
    assert not takes_next_step("I'll be frank, the price worries me.")
    assert not takes_next_step("That sounds fine to me.")
