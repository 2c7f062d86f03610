"""Names of mentioned influences: a word that opens or frames a sentence is never a name."""

from __future__ import annotations

from meetinglens.analysis.influence_mentions import find_mentions
from meetinglens.model import Meeting, Speaker, Utterance

SELLER = "Sam Seller"


def _mentions(text: str):
    speakers = (Speaker(SELLER, side="seller", side_source="participants"),
                Speaker("Ben", side="buyer", side_source="participants"))
    meeting = Meeting("m", (Utterance(0, SELLER, "Any other concerns?", 0.0, 2.0),
                            Utterance(1, "Ben", text, 3.0, 9.0)), speakers)
    return find_mentions(meeting, [speakers[1]])


def test_a_listing_word_before_a_role_phrase_is_not_its_name():
    found = _mentions("Second, our IT security team wants the gateway in a separate network "
                      "zone, with only outbound traffic.")
    assert [(m.who, m.named) for m in found] == [("our IT security team", False)]


def test_a_real_name_before_a_role_phrase_still_names_it():
    found = _mentions("Henrik, our CFO, has to sign anything over fifty thousand.")
    assert any(m.who == "Henrik" and m.named and m.role == "economic" for m in found)


def test_a_role_the_speaker_gives_themself_is_no_mention():
    assert _mentions("Tomás Ruiz, I lead IT security.") == []
    assert _mentions("I'm the CFO, so the budget is mine.") == []


def test_a_role_phrase_about_someone_else_is_still_a_mention():
    found = _mentions("I think our CFO will want to see the numbers first.")
    assert [(m.who, m.role) for m in found] == [("CFO", "economic")]


def test_a_name_then_a_pronoun_clause_names_the_role_phrase():
    found = _mentions("Callum Reid, he does our IT. He'll want to see where the data sits.")
    assert any(m.who == "Callum Reid" and m.role == "technical" and m.named for m in found)
    found = _mentions("It's me and Graham, Graham Tate, he's the other partner. "
                      "Anything like this, we both sign.")
    assert any(m.who == "Graham Tate" and m.role == "economic" for m in found)


def test_a_person_called_dean_is_not_a_dean_but_the_dean_is():
    assert not any(m.role == "economic" for m in _mentions(
        "Talk to Dean Hollis before you roll anything out, he's the union rep."))
    assert any(m.role == "economic" for m in _mentions(
        "Talk to the Dean, she signs off every contract."))


def test_routing_to_a_name_needs_a_decision_to_route():
    assert _mentions("It's the Friday job that goes to Leeds and back that kills me.") == []
    found = _mentions("Then it goes to Sharon for sign off.")
    assert [(m.who, m.role) for m in found] == [("Sharon", "economic")]
