"""Speaker naming from self-introductions: positive and negative cases."""

from __future__ import annotations

from meetinglens.audio.naming import contested, final_names, propose
from meetinglens.model import Utterance


def _u(i, speaker, text):
    return Utterance(index=i, speaker=speaker, text=text, start=float(i), end=i + 0.9)


def test_introductions_with_and_without_org():
    utts = [_u(0, "Speaker 1", "Hi, I'm Anna from Flowlytics."),
            _u(1, "Speaker 2", "Hello, my name is Dev Patel, I lead IT."),
            _u(2, "Speaker 3", "This is Carla at Northwind Traders speaking.")]
    found = propose(utts)
    assert (found["Speaker 1"].name, found["Speaker 1"].org) == ("Anna", "Flowlytics")
    assert (found["Speaker 2"].name, found["Speaker 2"].org) == ("Dev Patel", None)
    assert found["Speaker 3"].org == "Northwind Traders"
    assert found["Speaker 1"].as_metadata()["evidence"]["utterance"] == 0


def test_phrases_that_are_not_introductions():
    utts = [_u(0, "Speaker 1", "I'm Sure that works."), _u(1, "Speaker 2", "It's Tuesday then."),
            _u(2, "Speaker 1", "i'm not sure"), _u(3, "Speaker 2", "This is Great news.")]
    assert propose(utts) == {}


def test_late_mentions_do_not_count():
    utts = [_u(i, "Speaker 1", "Okay.") for i in range(6)] + [_u(6, "Speaker 1", "I'm Anna.")]
    assert propose(utts) == {}


def test_participants_restrict_and_complete():
    utts = [_u(0, "Speaker 1", "I'm Anna."), _u(1, "Speaker 2", "I'm Zed from Acme.")]
    found = propose(utts, participants=["Anna Berg", "Tom Reed"])
    assert {k: p.name for k, p in found.items()} == {"Speaker 1": "Anna Berg"}


def test_two_speakers_claiming_one_name_name_only_the_first():
    utts = [_u(0, "Speaker 1", "I'm Anna."), _u(1, "Speaker 2", "I'm Anna too.")]
    assert list(propose(utts)) == ["Speaker 1"]


def test_speaker_map_wins_and_names_never_clash():
    utts = [_u(0, "Speaker 1", "I'm Anna."), _u(1, "Speaker 2", "I'm Tom.")]
    names = final_names(["Speaker 1", "Speaker 2"], propose(utts), {"Speaker 2": "Anna"})
    assert names == {"Speaker 1": "Speaker 1", "Speaker 2": "Anna"}


def test_a_speaker_introducing_themself_as_two_people_is_contested_and_unnamed():
    utts = [_u(0, "Speaker 1", "Hi, I'm Anna from Flowlytics."),
            _u(1, "Speaker 1", "And I'm Ben, the solutions engineer."),
            _u(2, "Speaker 2", "I'm Carla.")]
    assert contested(utts) == {"Speaker 1": ("Anna", "Ben")}
    assert {k: p.name for k, p in propose(utts).items()} == {"Speaker 2": "Carla"}


def test_presenting_a_colleague_is_not_a_second_identity():
    utts = [_u(0, "Speaker 1", "I'm Anna from Flowlytics."),
            _u(1, "Speaker 1", "And this is Ben, our engineer.")]
    assert contested(utts) == {}
    assert propose(utts)["Speaker 1"].name == "Anna"


def test_a_job_title_after_the_name_is_not_a_second_identity():
    utts = [_u(0, "Speaker 1", "Hi, I'm Anna, I'm Head of Sales Operations.")]
    assert contested(utts) == {}
    assert propose(utts)["Speaker 1"].name == "Anna"
