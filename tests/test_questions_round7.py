"""Round-7 rules (issue 4): each with a positive and a negative case."""

from __future__ import annotations

from meetinglens.analysis.question_rules import find_questions


def types(text: str, context=None) -> list[str]:
    return [q.qtype for q in find_questions(text, context)]


def test_mirrored_tag_closed_with_full_stop_still_asks():
    assert types("There's really a lot, isn't there.") == ["tag"]
    assert types("It got some awards, didn't it.") == ["tag"]


def test_right_closed_with_full_stop_confirms():
    assert types("We have to have a team, right.") == []
    assert types("It's the red one, right?") == ["tag"]


def test_wh_question_quoted_in_a_telling_is_narration():
    assert types("And I go, what makes you a professional?") == []
    assert types("It's like, how much paper is going in?") == []


def test_wh_in_place_asked_of_the_listener_still_asks():
    assert types("You said, what were you teaching there?") == ["wh"]
    assert types("And you moved where?") == ["wh"]
