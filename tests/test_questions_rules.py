"""find_questions: each type found (positive) and look-alikes rejected (negative), with and
without punctuation and case, as ASR writes it."""

from __future__ import annotations

import re

import pytest

from meetinglens.analysis.question_context import DialogueContext
from meetinglens.analysis.question_rules import Question, find_questions


def asr(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def types(text: str) -> list[str]:
    return [q.qtype for q in find_questions(text)]


POSITIVE = [
    ("What are the biggest challenges your team faces?", "wh", True),
    ("How do you handle forecasting today?", "wh", True),
    ("Which CRM do you use?", "wh", False),
    ("How many reps are on the team?", "wh", False),
    ("Do you use the forecasting module?", "yes_no", False),
    ("Is the budget approved for this year?", "yes_no", False),
    ("Can you walk me through the approval process?", "yes_no", True),
    ("So you're on Salesforce today, right?", "tag", False),
    ("It doesn't support SSO yet, does it?", "tag", False),
    ("Is it the price or the timing that worries you?", "alternative", False),
    ("Would you prefer email or a phone call?", "alternative", False),
    ("Who knows?", "rhetorical", False),
    ("Why not?", "rhetorical", False),
    ("I was wondering what you use for reporting.", "declarative", True),
    ("Tell me about your renewal process.", "declarative", True),
]


@pytest.mark.parametrize("text,qtype,is_open", POSITIVE)
def test_each_type_with_punctuation(text, qtype, is_open):
    found = find_questions(text)
    assert [q.qtype for q in found] == [qtype], found
    assert found[0].open is is_open


@pytest.mark.parametrize("text,qtype,is_open", [p for p in POSITIVE if p[1] != "declarative"
                                                or "wondering" in p[0] or "Tell" in p[0]])
def test_each_type_without_punctuation_or_case(text, qtype, is_open):
    found = find_questions(asr(text))
    assert [q.qtype for q in found] == [qtype], (asr(text), found)
    assert found[0].open is is_open


def test_declarative_question_needs_its_question_mark():
    assert types("So the contract renews in March?") == ["declarative"]
    assert types("so the contract renews in march") == []  # indistinguishable from a statement


NEGATIVE = [
    "We use Salesforce for everything.",
    "What we did was move the forecast into one sheet.",
    "When we launched it, nobody used it.",
    "How you do it matters less than doing it.",
    "That's right.",
    "Which is funny.",
    "So do I.",
    "Do the demo first and then we talk price.",
    "Had a look at it last week.",
    "Don't worry about the contract.",
    "Really?",
    "Oh, is that right?",
    "Are you?",
    "What?",
    "I think we got it right.",
    "We could do it in March or April.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_statements_and_backchannels_are_not_questions(text):
    assert find_questions(text) == []
    assert find_questions(asr(text)) == []


def test_statements_and_questions_in_one_utterance():
    text = "We use Salesforce for pipeline. How do you handle renewals? Let me show you."
    found = find_questions(text)
    assert [q.text for q in found] == ["How do you handle renewals?"]
    assert text[found[0].span[0]:found[0].span[1]] == "How do you handle renewals?"


def test_unpunctuated_utterance_is_cut_where_the_question_starts():
    found = find_questions("we moved to hubspot last year do you use it too")
    assert [(q.qtype, q.text) for q in found] == [("yes_no", "do you use it too")]


def test_two_questions_in_one_utterance():
    assert types("How big is the team? And do they all use the tool?") == ["wh", "yes_no"]


def test_stutter_and_hesitations_do_not_hide_the_question():
    assert types("uh did did they uh separate them by age group") == ["yes_no"]
    assert types("what, uh, what kind of car do you drive") == ["wh"]


def test_question_carries_confidence_and_rejects_unknown_type():
    q = find_questions("Do you use it?")[0]
    assert 0 < q.confidence <= 1
    assert find_questions("do you use it")[0].confidence < q.confidence
    with pytest.raises(ValueError):
        Question((0, 1), "x", "imperative", False, 0.5)


def test_empty_and_punctuation_only_text():
    assert find_questions("") == []
    assert find_questions("?!...") == []


# ------------------------------------------------------------------ round 4: elided "do", hedges


@pytest.mark.parametrize("text", ["you think it'll rain tomorrow?", "You mean the blue one?",
                                  "you like it out there?"])
def test_elided_do_question_is_yes_no(text):
    assert types(text) == ["yes_no"]
    assert types(asr(text)) in ([], ["yes_no"])  # without '?' it needs the dialogue


def test_you_think_without_question_mark_is_a_statement():
    assert types("you think you know someone and then this happens.") == []


@pytest.mark.parametrize("text", ["so people, how shall I say it, made more of an effort",
                                  "what do you call it, the thing on the roof"])
def test_searching_for_a_word_is_not_a_question(text):
    assert types(text) == [] and types(asr(text)) == []


def test_exclamation_with_bad_is_rhetorical():
    assert types("isn't that bad") == ["rhetorical"]
    assert types("is that bad?") == ["yes_no"]


@pytest.mark.parametrize("text", ["Oh, you were?", "you didn't?", "oh he does?"])
def test_statement_order_echo_reacts(text):
    assert types(text) == []


def test_statement_order_with_content_still_asks():
    assert types("you have kids?") == ["declarative"]


def test_recalling_aloud_is_not_a_question_but_asking_for_advice_is():
    assert types("uh, what else did I get in there") == []
    assert types("where was I") == []
    assert types("what should I bring?") == ["wh"]
    assert types("what did you get in there?") == ["wh"]


@pytest.mark.parametrize("text", ["I said, why are they so expensive?",
                                  "and I asked him, uh, what are you doing with that?",
                                  "I thought, well, how do you weed those out?",
                                  "she goes where is it"])
def test_reported_question_is_narration(text):
    assert types(text) == [] and types(asr(text)) == []


@pytest.mark.parametrize("text", ["What did he say?", "You said you lived near Baltimore?",
                                  "Did you say you'd send it?"])
def test_asking_about_what_was_said_still_asks(text):
    assert types(text)


@pytest.mark.parametrize("text", ["what difference does it make.",
                                  "Why should we help them."])
@pytest.mark.parametrize("context", [DialogueContext(next="Uh-huh."),
                                     DialogueContext(continues=True), DialogueContext()])
def test_wh_closed_with_full_stop_and_let_pass_is_rhetorical(text, context):
    assert [q.qtype for q in find_questions(text, context)] == ["rhetorical"]


@pytest.mark.parametrize("context", [None, DialogueContext(
    next="We take a lead from the website, qualify it, then hand it to sales.")])
def test_wh_closed_with_full_stop_answered_stays_open_wh(context):
    found = find_questions("What does your process look like.", context)
    assert [(q.qtype, q.open) for q in found] == [("wh", True)]


def test_wh_with_question_mark_or_unpunctuated_stays_wh():
    assert types("What difference does it make?") == ["wh"]
    assert types(asr("What tools does your team use.")) == ["wh"]


@pytest.mark.parametrize("text", ["You know, why should we push English?",
                                  "and I mean, how many years are we going to wait?"])
def test_wh_after_you_know_or_i_mean_argues(text):
    assert types(text) == ["rhetorical"] and types(asr(text)) == ["rhetorical"]


def test_you_know_inside_a_real_question_does_not_make_it_rhetorical():
    assert types("How do you know which one to pick?") == ["wh"]
    assert types("do you know what I mean?") != ["rhetorical"]


def test_wh_question_with_or_inside_asks_its_wh():
    assert types("What do you think about the Peace Corps or public service?") == ["wh"]
    assert types("Would you prefer email or a phone call?") == ["alternative"]


@pytest.mark.parametrize("text", ["I wonder where he gets it.", "i wonder if they should test them",
                                  "I'm trying to think what else we had", "Oh, tell me about it."])
def test_musing_and_commiserating_are_not_questions(text):
    assert types(text) == [] and types(asr(text)) == []


def test_i_wonder_as_a_polite_request_still_asks():
    assert types("I wonder if you could send me the deck.") == ["declarative"]
    assert types("Tell me about your rollout.") == ["declarative"]


@pytest.mark.parametrize("text", ["so what happens is you pay six hundred dollars up front",
                                  "and what that tells me is that the weather is predictable",
                                  "what really bothers me is it just seems like nobody cares"])
def test_wh_clause_as_subject_is_a_statement(text):
    assert types(text) == []


def test_wh_question_with_is_later_still_asks():
    assert types("what kind of car is that") == ["wh"]
    assert types("what happens if the renewal is late") == ["wh"]


def test_lone_wh_word_asks_only_with_a_question_mark_except_why():
    assert types("how") == [] and types("when") == []
    assert types("Where?") == ["wh"] and types("why") == ["wh"]
    assert types("well what else") == [] and types("What else?") == ["wh"]


def test_kind_of_without_a_reporting_verb_is_not_a_report():
    assert types("but i kind of like the freedom too don't you") == ["tag"]
    assert types("I was like, what are you doing?") == []
