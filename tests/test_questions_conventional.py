"""Greetings, requests to repeat and call procedure have question form but ask nothing a
sales report should count; the same words inside a real question still ask."""

from __future__ import annotations

import re

import pytest

from meetinglens.analysis.question_conventional import conventional
from meetinglens.analysis.question_rules import find_questions


def asr(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def types(text: str) -> list[str]:
    return [q.qtype for q in find_questions(text)]


@pytest.mark.parametrize("text", [
    "How are you doing today?", "Amy, how are you doing today?", "Hey, how's it going?",
    "What did you say?", "Is that what you said?", "Could you hold on for just a moment?",
    "Why don't you go first.", "why don't you go ahead and start",
])
def test_conventions_are_not_questions(text):
    assert types(text) == [] and types(asr(text)) == []


@pytest.mark.parametrize("text", ["A what?", "Lake what?", "He's got what?"])
def test_word_asked_back_is_not_a_question(text):
    assert types(text) == []


@pytest.mark.parametrize("text", [
    "How are you doing with the rollout?", "What did you say to the board?",
    "Thirty day notice for what?", "Oldies or what?", "Why don't you like the current tool?",
    "How are your reps handling renewals today?",
])
def test_real_questions_with_the_same_words_still_ask(text):
    assert types(text)


def test_conventional_names_the_reason():
    assert conventional("how are you".split(), True) == "greeting"
    assert conventional("a what".split(), True) == "word asked back"
    assert conventional("a what".split(), False) is None
    assert conventional("what tools do you use".split(), True) is None
