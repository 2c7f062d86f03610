"""Round 22: what the round-21 blind set (holdout23) missed or raised wrongly, as kinds of
things people say. Head-only evidence must speak of what its flag is about; a newcomer who is
long in post or works elsewhere is no new influencer; arrivals, fondness for a rival, joint
owners who must agree and "we don't need a new system" are read; a date left open does not
empty a stated process. The head's probabilities are given per utterance."""

from __future__ import annotations

import pytest

from meetinglens.analysis import influence_flagcheck as chk
from meetinglens.analysis import influence_flaggate as gate
from meetinglens.analysis.influence_flags import economic_absent, red_flags
from meetinglens.analysis.influence_mentions import Mention
from meetinglens.analysis.influence_roles import Judgement
from meetinglens.model import Meeting, Speaker, Utterance

ASKS = "Who else should we be talking to on your side?"


def _meeting(buyer_lines: list[str], asks: str = ASKS) -> Meeting:
    texts = [t for line in buyer_lines for t in (asks, line)]
    utts = tuple(Utterance(i, "Ben" if i % 2 else "Sam", t, i * 10.0, i * 10.0 + 8)
                 for i, t in enumerate(texts))
    return Meeting("m", utts, (Speaker("Sam", side="seller", side_source="participants"),
                               Speaker("Ben", side="buyer", side_source="participants")))


def _kinds(meeting: Meeting, head_scores: dict[str, float] | None = None) -> set[str]:
    head = {u.index: dict(head_scores or {}) for u in meeting.utterances if u.speaker == "Ben"}
    return {f.kind for f in red_flags(meeting, {"Ben"}, {}, {}, [], head)}


def _u(text: str) -> Utterance:
    return Utterance(1, "Ben", text, 0.0, 1.0)


# ---------------------------------------------------------------- new influencer

@pytest.mark.parametrize("line", [
    "No, Callum's our bookkeeper. He's worked for the business for years, since before I came.",
    "Aye, the accountant. She's been with us since my mother ran the shop.",
])
def test_someone_long_in_post_is_no_new_influencer(line):
    assert "new_influencer" not in _kinds(_meeting([line]), {"new_influencer": 0.99})


@pytest.mark.parametrize("line", [
    "The council have a new licensing inspector since spring and she wants every log on paper.",
    "Our biggest customer, they've got a new buyer, and he's squeezing everyone on price.",
])
def test_someone_new_outside_the_buying_organisation_is_no_new_influencer(line):
    assert chk.detached(_u(line))
    assert "new_influencer" not in _kinds(_meeting([line]), {"new_influencer": 0.99})


def test_head_evidence_of_a_newcomer_must_speak_of_an_arrival():
    line = "He goes through the figures with me every month before anything gets signed."
    assert not gate.anchored(_u(line), "new_influencer")
    assert "new_influencer" not in _kinds(_meeting([line]), {"new_influencer": 0.99})


@pytest.mark.parametrize("line", [
    "My cousin Declan is joining us in August from the co-op, and he'll see anything before I sign.",
    "A fortnight ago we brought in Priya Nair from a big operator to look at every contract.",
    "The partners have made her a director, so Ines will have her say on this now.",
    "we only just brought in a finance lady marta and shell be going through the numbers",
])
def test_an_arrival_said_without_a_title_raises_a_new_influencer(line):
    assert "new_influencer" in _kinds(_meeting([line]))


def test_staff_taken_on_are_no_new_influencer():
    line = "And we've just taken on two new fitters, so there's more diary to fill, not less."
    assert "new_influencer" not in _kinds(_meeting([line]))


def test_a_post_not_filled_is_a_reorganization_not_a_new_influencer():
    line = ("From January the two depots stop having their own managers. Sean retires and "
            "we're not replacing him, so both yards come in under Maura.")
    kinds = _kinds(_meeting([line]))
    assert "reorganization" in kinds
    assert "new_influencer" not in kinds


# ---------------------------------------------------------------- competitor preferred

@pytest.mark.parametrize("line", [
    "i'd be awful slow to give that up to be honest the drivers know where everything is",
    "The warehouse lads are already half sold on the Brightstock trial, to be fair.",
    "I'd be more comfortable with them doing it, they know our setup inside out.",
])
def test_fondness_for_the_other_option_is_a_preference(line):
    assert "competitor_preferred" in _kinds(_meeting([line]))


@pytest.mark.parametrize("line", [
    "Their rep keeps offering the app for free, but I don't want to be tied to one mill for it.",
    "the wholesaler has their own ordering thing but it only does the stock it doesnt do rotas",
])
def test_a_rival_refused_or_only_partial_is_dismissed(line):
    assert gate.dismissed(_u(line))
    assert "competitor_preferred" not in _kinds(_meeting([line]), {"competitor_preferred": 0.99})


def test_head_evidence_of_a_rival_must_point_at_another_option():
    line = "Doing it in two halves might actually suit us, with the season coming."
    assert not gate.anchored(_u(line), "competitor_preferred")
    assert "competitor_preferred" not in _kinds(_meeting([line]), {"competitor_preferred": 0.99})


def test_a_rival_named_with_a_preference_word_is_still_anchored():
    line = "Honestly Stockroom is really good, the girls like it and we're leaning that way."
    assert gate.anchored(_u(line), "competitor_preferred")
    assert "competitor_preferred" in _kinds(_meeting([line]), {"competitor_preferred": 0.99})


# ---------------------------------------------------------------- process and status quo

PROCESS_Q = "And how does the decision get made on your side?"


def test_joint_owners_who_must_agree_state_the_process():
    line = "my sister and i own the place fifty fifty so the both of us would have to agree"
    kinds = _kinds(_meeting([line], PROCESS_Q), {"process_stated": 0.8})
    assert "decision_process_unknown" not in kinds


def test_an_open_date_does_not_empty_a_stated_process():
    line = ("I recommend it and the board approves. Whether that's the May sitting or June "
            "I can't say yet.")
    assert "decision_process_unknown" not in _kinds(_meeting([line], PROCESS_Q))


def test_a_bare_deflection_still_leaves_the_process_open():
    line = "Honestly, I can't say yet."
    assert "decision_process_unknown" in _kinds(_meeting([line], PROCESS_Q))


def test_we_dont_need_a_new_system_is_a_status_quo():
    line = "My honest view is we don't need a new system for this. We need people to use the one we have."
    assert "status_quo" in _kinds(_meeting([line]))


# ---------------------------------------------------------------- economic buyer engaged

def _economic_absent(line: str):
    m = _meeting([line])
    said = m.utterances[1]
    mention = Mention(speaker="Ben", who="Niamh", role="economic", relation="defers_to",
                      utterance=said, quote=said.text, present=None, named=True)
    role = Judgement("Ben", "user", 0.9, {"user": 0.9, "economic": 0.05}, (), "model")
    return economic_absent({"Ben": role}, [mention], m, {"Ben"}, {})


def test_an_owner_who_sent_the_buyer_to_find_something_is_engaged():
    assert _economic_absent("Niamh owns the group and signs off anything like this. After the "
                            "audit she came in and said find us something before they come "
                            "back.") is None


def test_an_owner_who_only_signs_is_not_shown_engaged():
    assert _economic_absent("Niamh owns the group and she signs anything over ten grand.")


# ------------------------------------- after holdout24 was scored: an economic buyer unaware

def _absent_with(line: str, economic_probability: float):
    m = _meeting([line])
    said = m.utterances[1]
    mention = Mention(speaker="Ben", who="Tunde", role="economic", relation="mentions",
                      utterance=said, quote=said.text, present=None, named=True)
    role = Judgement("Ben", "coach", 0.6, {"coach": 0.6, "economic": economic_probability},
                     (), "model")
    return economic_absent({"Ben": role}, [mention], m, {"Ben"}, {})


@pytest.mark.parametrize("line", [
    "Tunde owns the business. He hasn't seen any of this yet, he doesn't know we're talking.",
    "our md tunde no not yet hes been away all month he hasnt seen any of this",
])
def test_an_economic_buyer_said_to_be_unaware_is_absent_beside_a_doubtful_buyer(line):
    flag = _absent_with(line, 0.3)
    assert flag is not None and flag.evidence[0].text == line


def test_a_doubtful_buyer_still_counts_when_nobody_says_the_owner_is_unaware():
    assert _absent_with("Tunde owns the business and signs anything like this.", 0.3) is None


def test_engagement_said_in_another_mention_of_the_same_person_counts():
    m = _meeting(["yeah that was me, orla asked me to have a look round after the audit",
                  "so orla signs anything like this, she owns the yard"])
    first, second = m.utterances[1], m.utterances[3]
    mentions = [Mention(speaker="Ben", who="orla", role="unknown", relation="speaks_for",
                        utterance=first, quote=first.text, present=None, named=True),
                Mention(speaker="Ben", who="orla", role="economic", relation="defers_to",
                        utterance=second, quote=second.text, present=None, named=True)]
    role = Judgement("Ben", "user", 0.9, {"user": 0.9, "economic": 0.05}, (), "model")
    assert economic_absent({"Ben": role}, mentions, m, {"Ben"}, {}) is None
    assert economic_absent({"Ben": role}, mentions[1:], m, {"Ben"}, {}) is not None


# ---------------------------------------------------------------- status quo said as no need

@pytest.mark.parametrize("line", [
    "Honestly I don't see what we'd be fixing. The rota goes out Thursday and people turn up.",
    "i dont see us ripping all that out for a dashboard to be honest",
    "its fine we manage same as every winter",
    "Look, there's no fire here. We ship on time.",
    "I'm not looking to mess with something that's run clean for nine years.",
])
def test_no_reason_to_change_said_as_doubt_or_calm_is_a_status_quo(line):
    assert "status_quo" in _kinds(_meeting([line]))


@pytest.mark.parametrize("line", [
    "I don't see why not, if the pilot goes well.",
    "The paper sheet's alright for the regulars, you don't need an app for that. It's the "
    "airport desk that's the nightmare.",
])
def test_doubt_that_is_agreement_or_pain_elsewhere_is_no_status_quo(line):
    assert "status_quo" not in _kinds(_meeting([line]))
