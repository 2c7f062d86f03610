"""Dialogue context and pragmatic cues: declarative checks confirmed by the listener,
rhetorical questions, reported questions, dropped auxiliaries (positive and negative)."""

from __future__ import annotations

import pytest

from meetinglens.analysis.question_context import (
    DialogueContext,
    addresses_listener,
    is_confirming_answer,
    words_of,
)
from meetinglens.analysis.question_rules import find_questions


def types(text, context=None):
    return [q.qtype for q in find_questions(text, context)]


@pytest.mark.parametrize("reply", ["yes", "Yeah, that's right.", "no we moved off it last year",
                                   "that's correct", "uh, we do", "Right, we are."])
def test_confirming_answers(reply):
    assert is_confirming_answer(reply)


@pytest.mark.parametrize("reply", [None, "", "right", "uh-huh", "we looked at pricing first",
                                   "I think the main thing is the renewal date next spring"])
def test_not_confirming_answers(reply):
    assert not is_confirming_answer(reply)


def test_listener_addressed_vs_generic_you():
    assert addresses_listener(words_of("so you're on salesforce today"))
    assert addresses_listener(words_of("and your team runs the forecast weekly"))
    assert not addresses_listener(words_of("you know it takes a while"))
    assert not addresses_listener(words_of("you can't beat that price"))
    assert not addresses_listener(words_of("we're on salesforce today"))


def test_statement_confirmed_by_listener_is_declarative():
    ctx = DialogueContext(previous="we replaced the old tool", next="yeah that's right")
    found = find_questions("so you're on salesforce today", ctx)
    assert [q.qtype for q in found] == ["declarative"]
    assert found[0].open is False


def test_same_statement_without_an_answer_is_not_a_question():
    assert types("so you're on salesforce today") == []
    assert types("so you're on salesforce today",
                 DialogueContext(next="we looked at three vendors before that")) == []


def test_own_statement_confirmed_is_not_a_question():
    # "we" is the speaker's own situation: nothing to check with the listener
    assert types("we're on salesforce today", DialogueContext(next="yes")) == []


def test_full_stop_keeps_a_confirmed_statement_a_statement():
    assert types("You're on Salesforce today.", DialogueContext(next="Yes.")) == []
    assert types("You're on Salesforce today?", DialogueContext(next="Yes.")) == ["declarative"]


def test_explicit_check_needs_no_answer():
    assert types("so what you're saying is the budget sits with finance") == ["declarative"]
    assert types("it sounds like fun") == []


def test_context_only_applies_to_the_last_clause():
    found = find_questions("you run the forecast weekly. we can automate that",
                           DialogueContext(next="yes"))
    assert found == []


@pytest.mark.parametrize("text", [
    "Who doesn't want a faster close?", "what's not to like", "Isn't that funny.",
    "why would anyone pay twice for the same data", "How could they possibly miss that?",
    "isn't that the point"])
def test_rhetorical_cues(text):
    assert types(text) == ["rhetorical"]


@pytest.mark.parametrize("text,expected", [
    ("Who owns the budget?", ["wh"]), ("isn't that included in the license", ["yes_no"]),
    ("how could we integrate it with sap", ["wh"])])
def test_real_questions_are_not_rhetorical(text, expected):
    assert types(text) == expected


def test_reported_question_is_not_split_off():
    assert types("they said what do we want to buy") == []
    assert types("we use hubspot what do you use") == ["wh"]


@pytest.mark.parametrize("text", ["You ever been to their office?", "you ever used gong",
                                  "Ready to get started?", "Anybody else joining?"])
def test_dropped_auxiliary_is_yes_no(text):
    assert types(text) == ["yes_no"]


def test_dropped_auxiliary_needs_a_cue_without_question_mark():
    assert types("ready to get started") == []


def test_tag_closed_with_full_stop_is_not_asked():
    # a mirrored "…, aren't they." still asks (tests/test_questions_round7.py); "…, right." not
    assert types("It works with SSO, doesn't it?") == ["tag"]
    assert types("Oh, those are wonderful, right.") == []
    assert types("I don't usually use a word processor to do it") == []


def test_hedged_check_about_the_listener_asks_when_the_other_side_replies():
    from meetinglens.analysis.question_rules import find_questions
    text = "i don't know if you've ever heard of it"
    found = find_questions(text, DialogueContext(None, "no never", False))
    assert [q.qtype for q in found] == ["declarative"]
    assert find_questions(text, DialogueContext(None, None, True)) == []
    assert find_questions("i don't know if it will rain", DialogueContext(None, "no")) == []


@pytest.mark.parametrize("text", ["and you kind of forget the fun of reading",
                                  "so you know things he would do with an airplane",
                                  "you'd really open a can of worms",
                                  "you play with the same people every week and you never "
                                  "really learn anything new from them"])
def test_listener_statement_that_talks_on_is_not_a_check(text):
    assert types(text, DialogueContext(None, "yeah")) == []


def test_short_listener_statement_answered_yes_is_a_check():
    assert types("so you're on salesforce today", DialogueContext(None, "yes")) == ["declarative"]


def test_huh_tag_answered_yes_no_asks():
    text = "they must have pretty good severance huh"
    assert types(text, DialogueContext(None, "yeah they do")) == ["tag"]
    assert types(text, DialogueContext(None, None, True)) == []
    assert types("and i said uh huh", DialogueContext(None, "yeah")) == []


def test_trailing_right_the_speaker_talks_on_from_is_not_a_tag():
    text = "we moved everything to the new plan last year right"
    assert types(text, DialogueContext(continues=True)) == []


def test_trailing_right_answered_or_asked_is_still_a_tag():
    text = "we moved everything to the new plan last year right"
    assert types(text, DialogueContext(next="yes that's right")) == ["tag"]
    assert types("We moved everything to the new plan last year, right?",
                 DialogueContext(continues=True)) == ["tag"]
