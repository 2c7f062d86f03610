"""Round 17: a named person's role read from what the same clause says they do."""

from __future__ import annotations

from meetinglens.analysis.influence_mentions import absent_influences
from test_influence_mention_names import _mentions


def _absent(text: str):
    """(who, role) of the absent influences a buyer's one utterance names."""
    return [(m.who, m.role) for m in absent_influences(_mentions(text))]


def test_a_name_that_signs_or_owns_is_economic_in_cased_and_asr_text():
    assert ("Oswin", "economic") in _absent(
        "My uncle, Oswin, still signs anything that runs past a year.")
    assert ("Oswin", "economic") in _absent(
        "It's me and my cousin Oswin, we own it between us, so he has to agree.")
    assert ("petronella", "economic") in _absent(
        "and petronella chairs the finance committee so she will ask about the contract")


def test_a_name_that_checks_the_terms_or_runs_the_work_gets_that_role():
    assert ("Oswin", "technical") in _absent(
        "Oswin will go through your terms before we sign, he always does.")
    assert ("Oswin", "user") in _absent(
        "Oswin and Bertha run the kitchens day to day, so they need to like it.")


def test_a_signature_that_is_someone_elses_is_no_role():
    # the speaker signs; the named person only hears about it
    assert not any(who == "Oswin" for who, _ in _absent(
        "Oswin gets a copy and then I sign it off myself."))
    # a negated signature, and single sign-on, give nobody a role
    assert not any(who == "Oswin" for who, _ in _absent(
        "Oswin doesn't sign anything under ten thousand, we need it approved by March."))
    assert _absent("We're on Entra for sign on, so it needs SAML, we need to check that.") == []


def test_asr_verbs_are_not_names_before_a_signature():
    found = _absent("i make the final call procurement will need to review the contract terms")
    assert found and not any(who == "need" for who, _ in found)
    assert not any(role == "economic" and who in {"want", "going"} for who, role in _absent(
        "i'd want to sign before the end of april our cro was going to sign"))


def test_an_opener_before_a_name_does_not_hide_the_name_of_a_role_phrase():
    found = _absent("And Oswin, the group FD, countersigns anything over a hundred thousand, "
                    "so he'll look at the payback.")
    assert ("Oswin", "economic") in found
    assert not any(who.lower().startswith("the group") for who, _ in found)
