"""Side inference: evidence-based, with reasons; unknown when there is no evidence."""

from __future__ import annotations

from pathlib import Path

from meetinglens.io import UNKNOWN_SPEAKER, load_meeting
from meetinglens.model import Meeting, Speaker, Utterance
from meetinglens.sides import infer_sides

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def meeting(lines: list[tuple[str, str]], speakers: tuple[Speaker, ...] = (),
            timed: bool = False) -> Meeting:
    """An untimed (or 5 s per line) meeting from (speaker, text) pairs."""
    given = {s.name: s for s in speakers}
    names = list(dict.fromkeys([s.name for s in speakers] + [n for n, _ in lines]))
    return Meeting(id="t", speakers=tuple(given.get(n, Speaker(n)) for n in names),
                   utterances=tuple(Utterance(i, n, t, *((5.0 * i, 5.0 * i + 4) if timed
                                                          else (None, None)))
                                    for i, (n, t) in enumerate(lines)))


SALES_TALK = [
    ("Anna", "Thanks for taking the time today. Here's the agenda for the call."),
    ("Tom", "Sure. We currently use spreadsheets and email for this."),
    ("Anna", "Our platform replaces that. Let me show you the risk view."),
    ("Tom", "Does your platform integrate with SAP? And how much does it cost?"),
    ("Anna", "SAP is supported out of the box. Customers like you pay about 60k a year."),
    ("Tom", "Okay. Send me the proposal and I'll take it to our CFO for budget approval."),
]


def test_untimed_sales_talk_infers_both_sides_with_reasons():
    out = infer_sides(meeting(SALES_TALK))
    anna, tom = out.speaker("Anna"), out.speaker("Tom")
    assert (anna.side, anna.side_source) == ("seller", "inferred")
    assert (tom.side, tom.side_source) == ("buyer", "inferred")
    assert "talks about 'our platform'" in anna.side_reason
    assert "utterance 3" in anna.side_reason  # untimed: located by utterance number
    assert "asks about price" in tom.side_reason


def test_timed_reason_uses_mm_ss():
    out = infer_sides(meeting(SALES_TALK, timed=True))
    assert "00:10" in out.speaker("Anna").side_reason


def test_no_evidence_stays_unknown():
    out = infer_sides(meeting([("Anna", "Good morning."), ("Tom", "Morning, how are you?"),
                               ("Anna", "Fine, thanks. The weather is lovely.")]))
    assert {s.side for s in out.speakers} == {"unknown"}
    assert all(s.side_source == "default" and not s.side_reason for s in out.speakers)


def test_mixed_evidence_stays_unknown():
    out = infer_sides(meeting([("Kim", "Our platform is great. How much does it cost?"),
                               ("Lee", "Hello.")]))
    assert out.speaker("Kim").side == "unknown"


def test_seller_asking_what_the_problem_costs_is_not_a_price_question():
    out = infer_sides(meeting([("Anna", "What does it cost you when the report is late?"),
                               ("Anna", "Our platform fixes that, let me show you.")]))
    assert out.speaker("Anna").side == "seller"
    assert "price" not in out.speaker("Anna").side_reason


def test_given_sides_are_never_changed():
    given = (Speaker("Anna", side="buyer", side_source="participants"),)
    out = infer_sides(meeting(SALES_TALK, given))
    assert out.speaker("Anna") == given[0]


def test_email_domain_shared_with_known_side():
    people = (Speaker("Anna", "seller", "participants", email="anna@flowlytics.io"),
              Speaker("Marco", email="marco@Flowlytics.io"),
              Speaker("Tom", email="tom@gmail.com"), Speaker("Eve", email="eve@gmail.com"))
    lines = [("Anna", "Hello."), ("Marco", "Hi."), ("Tom", "Hey."), ("Eve", "Hi all.")]
    out = infer_sides(meeting(lines, people))
    marco = out.speaker("Marco")
    assert (marco.side, marco.side_source) == ("seller", "inferred")
    assert "flowlytics.io is shared with Anna (seller)" in marco.side_reason
    # free-mail domains say nothing about a company
    assert out.speaker("Tom").side == out.speaker("Eve").side == "unknown"


def test_other_organisation_than_the_only_known_side():
    people = (Speaker("Anna", "seller", "participants", org="Flowlytics"),
              Speaker("Tom", org="Nordhaven Foods"), Speaker("Zoe"))
    out = infer_sides(meeting([("Anna", "Hello."), ("Tom", "Hi."), ("Zoe", "Hi.")], people))
    assert out.speaker("Tom").side == "buyer"
    assert "differs from the seller side" in out.speaker("Tom").side_reason
    assert out.speaker("Zoe").side == "unknown"  # no org, nothing said: no evidence


def test_weak_evidence_needs_the_other_side_known():
    lines = [("Anna", "Hello everyone."), ("Tom", "How much does it cost?")]
    assert infer_sides(meeting(lines)).speaker("Tom").side == "unknown"
    lines.append(("Bea", "Hi."))
    known = (Speaker("Anna", "seller", "cli"),)
    tom = infer_sides(meeting(lines, known)).speaker("Tom")
    assert tom.side == "buyer" and "the seller side is known (Anna)" in tom.side_reason


def test_two_person_call_with_one_side_known():
    known = (Speaker("Anna", "seller", "cli"),)
    out = infer_sides(meeting([("Anna", "Hello."), ("Tom", "Hi there.")], known))
    assert out.speaker("Tom").side == "buyer"
    assert "two-person call" in out.speaker("Tom").side_reason
    # with a third silent-on-evidence person, nobody is guessed
    out = infer_sides(meeting([("Anna", "Hello."), ("Tom", "Hi."), ("Zoe", "Hi.")], known))
    assert out.speaker("Tom").side == out.speaker("Zoe").side == "unknown"


def test_unknown_speaker_placeholder_is_never_given_a_side():
    out = infer_sides(meeting([(UNKNOWN_SPEAKER, line) for _, line in SALES_TALK]))
    assert out.speaker(UNKNOWN_SPEAKER).side == "unknown"


def test_samples_without_participants():
    pitch = load_meeting(SAMPLES / "payroll-pitch.srt")
    assert pitch.speaker("Greg W.").side == "seller"
    assert pitch.speaker("Jonas Meyer").side == "buyer"
    discovery = load_meeting(SAMPLES / "discovery-call.vtt")
    sides = {s.name: s.side for s in discovery.speakers}
    assert sides == {"Anna Berg": "seller", "Marco Rossi": "seller",
                     "Priya Natarajan": "buyer", "Daniel Okafor": "buyer"}


def test_sales_role_introduction_and_vendor_comparison():
    out = infer_sides(meeting([
        ("Sam", "I'm Sam Carter, account executive at Shieldline. Before we dive in, intros?"),
        ("Elena", "We are also talking to Sentrix. And the cost?"),
    ]))
    assert out.speaker("Sam").side == "seller" and "introduces a sales role" in \
        out.speaker("Sam").side_reason
    assert out.speaker("Elena").side == "buyer"


def test_product_description_with_we_use_is_not_buyer_evidence():
    out = infer_sides(meeting([("Nina", "For the servers we use a lightweight agent."),
                               ("Tom", "We run SAP and we use Sentinel.")]))
    assert out.speaker("Nina").side == "unknown"  # "we use a ..." says nothing about a side
    # named systems are buyer evidence, but 2 x 0.5 alone is below the bar
    assert out.speaker("Tom").side == "unknown"
