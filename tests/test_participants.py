"""Participants files: loading, validation, alias matching, --seller, absent people."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetinglens.errors import ParticipantsError
from meetinglens.io import load_meeting
from meetinglens.io import parse as parse_transcript
from meetinglens.participants import (
    Participant,
    apply_participants,
    load_participants,
    name_key,
)

DATA = Path(__file__).parent / "data" / "transcripts"


def test_load_yaml_with_side_synonyms():
    people = load_participants(DATA / "participants.yaml")
    assert [p.name for p in people] == ["Anna Berg", "Tom Reyes", "Helen Brandt"]
    assert people[0] == Participant("Anna Berg", "seller", "Flowlytics", None,
                                    "anna.berg@flowlytics.io", ("Anna",))
    assert people[1].side == "buyer"  # "customer" means buyer


def test_load_json_list():
    people = load_participants(DATA / "participants.json")
    assert people[1].aliases == ("T. Reyes",)


@pytest.mark.parametrize("fixture, message", [
    ("participants-duplicate.yaml", "listed twice"),
    ("participants-alias-clash.yaml", "'ab' is used by both 'Anna Berg' and 'Adam Brown'"),
    ("participants-bad-side.yaml", "side 'champion' is not seller, buyer or unknown"),
])
def test_inconsistent_files(fixture, message):
    with pytest.raises(ParticipantsError) as info:
        load_participants(DATA / fixture)
    assert message in str(info.value) and fixture in str(info.value)
    assert info.value.hint


@pytest.mark.parametrize("content, message", [
    ("participants: []", "non-empty list"),
    ("- name: Anna\n  sdie: seller\n", "unknown field(s) ['sdie']"),
    ("- side: seller\n", "'name' is missing"),
    ("- name: Anna\n  aliases: {a: 1}\n", "'aliases' must be a list"),
    ("- [unclosed\n", "not valid YAML/JSON"),
    ("- 42\n", "expected a mapping"),
])
def test_bad_files(tmp_path, content, message):
    f = tmp_path / "people.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ParticipantsError, match=None) as info:
        load_participants(f)
    assert message in str(info.value)


def test_missing_participants_file(tmp_path):
    with pytest.raises(ParticipantsError, match="no such file"):
        load_participants(tmp_path / "nobody.yaml")


def test_name_key_ignores_case_accents_whitespace():
    assert name_key("  ÄNNA   berg ") == name_key("Anna Berg") == "anna berg"
    assert name_key("Anna Berg") != name_key("Anna Bergman")


def test_apply_maps_aliases_merges_and_warns_about_absent():
    m = parse_transcript(DATA / "zoom.vtt")
    renamed = m.utterances[0].__class__(0, "Anna", "Hi.", 0.0, 1.0, (), 0)
    m = m.__class__(id=m.id, speakers=m.speakers + (m.speakers[0].__class__("Anna"),),
                    utterances=(renamed,) + m.utterances[1:], metadata={})
    out = apply_participants(m, load_participants(DATA / "participants.yaml"))
    anna = out.speaker("Anna Berg")
    assert [s.name for s in out.speakers] == ["Anna Berg", "Tom Reyes"]  # "Anna" merged
    assert (anna.side, anna.side_source, anna.org) == ("seller", "participants", "Flowlytics")
    assert out.utterances[0].speaker == "Anna Berg"
    assert out.speaker("Tom Reyes").title == "Head of Logistics"
    assert out.metadata["warnings"] == ["participant 'Helen Brandt' does not speak in this "
                                        "transcript"]


def test_a_name_in_a_contested_speaker_is_not_reported_as_silent():
    m = parse_transcript(DATA / "zoom.vtt")
    m = m.__class__(id=m.id, speakers=m.speakers, utterances=m.utterances,
                    metadata={"speaker_naming_contested": {"Speaker 1": ["Helen Brandt", "X"]}})
    out = apply_participants(m, load_participants(DATA / "participants.yaml"))
    assert not any("Helen Brandt" in w for w in out.metadata.get("warnings", ()))


def test_transcript_names_match_case_and_accent_insensitively(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("ANNA  BERG: hello\nT. REYES: hi\ntom reyes: and me\n", encoding="utf-8")
    out = load_meeting(f, participants=DATA / "participants.json")
    assert [(s.name, s.side) for s in out.speakers] == [("Anna Berg", "seller"),
                                                        ("Tom Reyes", "buyer")]
    assert out.speaker("Tom Reyes").aliases == ("T. Reyes",)
    assert [u.speaker for u in out.utterances] == ["Anna Berg", "Tom Reyes", "Tom Reyes"]


def test_seller_option_wins_and_unknown_seller_warns():
    m = parse_transcript(DATA / "zoom.vtt")
    people = (Participant("Tom Reyes", side="buyer"),)
    out = apply_participants(m, people, sellers=("tom reyes", "Nobody Here"))
    tom = out.speaker("Tom Reyes")
    assert (tom.side, tom.side_source) == ("seller", "cli")
    assert "--seller 'tom reyes'" in tom.side_reason
    assert any("--seller 'Nobody Here' does not speak" in w for w in out.metadata["warnings"])


def test_no_participants_changes_nothing():
    m = parse_transcript(DATA / "zoom.vtt")
    assert apply_participants(m, ()) == m


def test_duplicate_participants_objects_rejected():
    m = parse_transcript(DATA / "zoom.vtt")
    with pytest.raises(ParticipantsError, match="listed twice"):
        apply_participants(m, (Participant("Anna Berg"), Participant("anna berg")))
