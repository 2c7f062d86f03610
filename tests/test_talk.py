"""Talk-balance figures checked against values computed by hand (arithmetic in the comments)."""

from __future__ import annotations

import pytest

from meetinglens.analysis.base import AnalysisContext, run_analyzers
from meetinglens.analysis import talk
from meetinglens.model import Meeting, Speaker, Utterance


def words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


def timed(rows, speakers) -> Meeting:
    """rows: (speaker, start, end, text)."""
    utts = tuple(Utterance(i, s, text, a, b) for i, (s, a, b, text) in enumerate(rows))
    return Meeting(id="t", utterances=utts, speakers=speakers)


def untimed(rows, speakers) -> Meeting:
    utts = tuple(Utterance(i, s, text) for i, (s, text) in enumerate(rows))
    return Meeting(id="u", utterances=utts, speakers=speakers)


SSB = (Speaker("Sam", "seller"), Speaker("Bea", "buyer"), Speaker("Cal", "buyer"))


@pytest.fixture
def small() -> Meeting:
    return timed([
        ("Sam", 0.0, 10.0, words(20)),    # u0
        ("Bea", 12.0, 20.0, words(10)),   # u1
        ("Sam", 20.5, 21.5, "Right."),    # u2: a back-channel (1 word, 1 s)
        ("Bea", 22.0, 41.0, words(40)),   # u3
        ("Sam", 40.0, 60.0, words(30)),   # u4: starts 1 s before Bea ends -> interruption
        ("Cal", 62.0, 70.0, words(16)),   # u5
        ("Sam", 71.0, 75.0, words(5)),    # u6
    ], SSB)


def result(meeting):
    return talk.analyze(AnalysisContext(meeting))


def row(res, table, key, value):
    return next(r for r in res.tables[table] if r[key] == value)


def test_shares_words_per_minute_and_turns_by_hand(small):
    res = result(small)
    sam, bea, cal = (row(res, "speakers", "speaker", n) for n in ("Sam", "Bea", "Cal"))
    # talk seconds: Sam 10 + 1 + 20 + 4 = 35; Bea 8 + 19 = 27; Cal 8; total 70
    assert (sam["talk_seconds"], bea["talk_seconds"], cal["talk_seconds"]) == (35, 27, 8)
    # shares: 35/70 = 0.5, 27/70 = 0.3857, 8/70 = 0.1143
    assert (sam["share"], bea["share"], cal["share"]) == (0.5, 0.3857, 0.1143)
    # words: Sam 20 + 1 + 30 + 5 = 56, Bea 10 + 40 = 50, Cal 16
    assert (sam["words"], bea["words"], cal["words"]) == (56, 50, 16)
    # wpm: 56 / (35/60) = 96.0; 50 / (27/60) = 111.11; 16 / (8/60) = 120.0
    assert (sam["words_per_minute"], bea["words_per_minute"], cal["words_per_minute"]) == (
        96.0, 111.1, 120.0)
    # turns: Sam, Bea, Sam, Bea, Sam, Cal, Sam -> Sam 4, Bea 2, Cal 1
    assert (sam["turns"], bea["turns"], cal["turns"]) == (4, 2, 1)
    sides = {r["side"]: r for r in res.tables["sides"]}
    # seller 35/70 = 0.5; buyer (27 + 8)/70 = 0.5
    assert sides["seller"]["share"] == 0.5 and sides["buyer"]["share"] == 0.5
    assert sides["buyer"]["talk_seconds"] == 35 and sides["buyer"]["speakers"] == 2
    assert res.metrics["basis"] == "seconds"


def test_stretches_bridge_backchannels_and_interaction_by_hand(small):
    mx = result(small).metrics
    # Bea's u1 (12-20) and u3 (22-41) are one stretch: Sam's "Right." is a back-channel.
    # It lasts 41 - 12 = 29 s, 10 + 40 = 50 words: the longest stretch and customer story.
    assert mx["longest_monologue"] == {"speaker": "Bea", "seconds": 29.0, "words": 50,
                                       "start": 12.0, "end": 41.0, "utterance": 1}
    assert mx["longest_customer_story"]["seconds"] == 29.0
    # 7 turns -> 6 switches over the span 0-75 s = 1.25 min -> 6 / 1.25 = 4.8 per minute
    assert mx["turns"] == 7 and mx["switches_per_minute"] == 4.8
    # buyer->seller transitions: Bea(end 20) -> Sam(20.5): 0.5 s; Bea(41) -> Sam(40): overlap,
    # not a pause; Cal(70) -> Sam(71): 1.0 s. Mean (0.5 + 1.0) / 2 = 0.75 s
    assert mx["seller_response_pause_mean"] == 0.75 and mx["seller_response_pause_count"] == 2
    # only u4 overlaps (40 < 41), by 1.0 s with 30 words: an interruption of Bea by Sam
    assert mx["overlaps"] == 1 and mx["interruptions"] == 1
    res = result(small)
    assert row(res, "speakers", "speaker", "Sam")["interruptions_made"] == 1
    assert row(res, "speakers", "speaker", "Bea")["interrupted"] == 1


def test_fifths_by_hand(small):
    res = result(small)
    buyer = [r["share"] for r in res.tables["fifths"] if r["side"] == "buyer"]
    # span 0-75, fifths of 15 s:
    # 1 [0,15): Sam 10, Bea 12-15 = 3 -> 3/13 = 0.2308
    # 2 [15,30): Bea 5 + 8 = 13, Sam 1 -> 13/14 = 0.9286
    # 3 [30,45): Bea 30-41 = 11, Sam 40-45 = 5 -> 11/16 = 0.6875
    # 4 [45,60): Sam 15 -> 0
    # 5 [60,75): Cal 8, Sam 4 -> 8/12 = 0.6667
    assert buyer == [0.2308, 0.9286, 0.6875, 0.0, 0.6667]
    # trend: last fifth - first fifth = 0.6667 - 0.2308 = 0.4359 (rounded from exact values)
    assert res.metrics["buyer_share_trend"] == pytest.approx(0.4359, abs=1e-4)


def test_balanced_meeting_is_positive_and_raises_no_warnings(small):
    findings = result(small).findings
    assert [f.kind for f in findings] == ["talk.balanced"]
    f = findings[0]
    assert f.severity == "positive" and f.evidence[0].utterance == 1  # Bea's longest stretch
    # a 75 s meeting is too short to judge whether a customer got a long turn
    assert not any(f.kind == "talk.customer_no_long_turn" for f in findings)


@pytest.fixture
def pitch() -> Meeting:
    return timed([
        ("Sam", 0.0, 150.0, words(300)),      # u0: 150 s company overview
        ("Bea", 151.0, 156.0, words(10)),     # u1
        ("Sam", 157.0, 300.0, words(200)),    # u2: 143 s
        ("Bea", 301.0, 311.0, words(12)),     # u3: Bea's longest, 10 s
        ("Sam", 312.0, 330.0, words(20)),     # u4
    ], SSB)


def test_seller_dominated_monologues_and_short_customer_turns(pitch):
    res = result(pitch)
    kinds = [f.kind for f in res.findings]
    # seller 150 + 143 + 18 = 311 s of 311 + 15 = 326 -> 0.954 > 0.65
    assert res.metrics["seller_share"] == pytest.approx(311 / 326, abs=1e-4)
    dominated = next(f for f in res.findings if f.kind == "talk.seller_dominated")
    assert dominated.severity == "warning"
    assert [e.utterance for e in dominated.evidence] == [0, 2, 4]  # longest seller stretches
    # 150 s and 143 s are both over 120 s; 18 s is not
    monologues = [f for f in res.findings if f.kind == "talk.long_monologue"]
    assert [f.evidence[0].utterance for f in monologues] == [0, 2]
    assert monologues[0].speaker == "Sam" and "2 min 30 s (00:00–02:30)" in monologues[0].summary
    # the meeting is 330 s >= 300 s and Bea's longest stretch is 10 s < 30 s
    short = next(f for f in res.findings if f.kind == "talk.customer_no_long_turn")
    assert short.speaker == "Bea" and short.evidence[0].utterance == 3
    assert "Cal" not in {f.speaker for f in res.findings}  # Cal never spoke: no claim
    assert "talk.balanced" not in kinds and "talk.customer_story" not in kinds
    assert res.metrics["benchmarks"]["talk_share"]["top_performers_seller_share"] == 0.43
    assert "Gong" in res.metrics["benchmarks"]["customer_story"]["source"]


def _story(interjection: str) -> Meeting:
    rows = [("Sam", 0.0, 10.0, "So how did last year's peak season go for you?")]
    t = 10.5
    for i in range(3):  # three 60 s parts of Bea's story with Sam's interjection between
        rows.append(("Bea", t, t + 60.0, words(150)))
        t += 60.5
        if i < 2:
            rows.append(("Sam", t, t + 1.0, interjection))
            t += 1.5
    rows.append(("Sam", t, t + 20.0, words(40)))
    return timed(rows, SSB)


def test_customer_story_positive_when_only_backchannels_interrupt():
    res = result(_story("Mm-hm."))
    story = next(f for f in res.findings if f.kind == "talk.customer_story")
    # the stretch runs from 10.5 to the end of the third part: 10.5 + 3*60 + 2*(0.5+1.5) = 194.5
    # -> 184 s >= 180 s; evidence: first two parts and the last one
    assert story.severity == "positive" and story.speaker == "Bea"
    assert story.data["amount"] == pytest.approx(184.0)
    assert [e.utterance for e in story.evidence] == [1, 3, 5]


def test_no_customer_story_when_the_seller_really_interrupts():
    res = result(_story("Sorry, can I jump in here with a question?"))
    assert not any(f.kind == "talk.customer_story" for f in res.findings)
    assert res.metrics["longest_customer_story"]["seconds"] == 60.0


def test_untimed_transcript_uses_word_share():
    m = untimed([("Sam", words(30)), ("Bea", words(10)), ("Sam", words(20)),
                 ("Bea", words(40))], SSB)
    res = result(m)
    mx = res.metrics
    # words: Sam 50, Bea 50 of 100 -> 0.5 each
    assert mx["basis"] == "words" and mx["seller_share"] == 0.5 and mx["buyer_share"] == 0.5
    sam = row(res, "speakers", "speaker", "Sam")
    assert sam["talk_seconds"] is None and sam["words_per_minute"] is None
    assert mx["overlaps"] is None and mx["seller_response_pause_mean"] is None
    assert mx["switches_per_minute"] is None
    assert any("untimed" in n and "word share" in n for n in res.notes)
    # word axis: Sam 0-30, Bea 30-40, Sam 40-60, Bea 60-100; fifths of 20 words:
    # [0,20) 0; [20,40) Bea 10 of 20 = 0.5; [40,60) 0; [60,80) 1; [80,100) 1
    assert mx["buyer_share_by_fifth"] == [0.0, 0.5, 0.0, 1.0, 1.0]
    assert mx["longest_customer_story"]["words"] == 40


def test_untimed_monologue_threshold_is_in_words():
    # 120 s at 150 words/min = 300 words: 301 words is a long monologue, 300 is not
    long_ = result(untimed([("Sam", words(301)), ("Bea", words(5))], SSB))
    ok = result(untimed([("Sam", words(300)), ("Bea", words(5))], SSB))
    f = next(f for f in long_.findings if f.kind == "talk.long_monologue")
    assert "301 words (utterance 1)" in f.summary and "untimed" in f.summary
    assert not any(f.kind == "talk.long_monologue" for f in ok.findings)


def test_unknown_sides_skip_side_findings_and_say_so():
    m = timed([("A", 0.0, 200.0, words(400)), ("B", 201.0, 205.0, words(8))],
              (Speaker("A"), Speaker("B")))
    res = result(m)
    assert res.metrics["seller_share"] is None and res.metrics["buyer_share_by_fifth"] is None
    assert res.findings == ()
    assert any("Sides are unknown" in n for n in res.notes)
    assert row(res, "speakers", "speaker", "A")["share"] == pytest.approx(200 / 204, abs=1e-4)


def test_runs_through_the_runner_with_evidence_and_sides(pitch):
    results, warnings = run_analyzers(pitch, ["talk"])
    assert warnings == []
    for f in results["talk"].findings:
        assert f.kind.startswith("talk.") and f.evidence
        if f.speaker:
            assert f.side == pitch.side_of(f.speaker)


def test_interruption_needs_a_real_overlap_not_a_backchannel():
    m = timed([("Bea", 0.0, 10.0, words(20)),
               ("Sam", 5.0, 6.0, "Right."),            # back-channel overlap: not interruption
               ("Sam", 9.5, 15.0, words(12))],         # 0.5 s overlap: below 1.0 s
              SSB)
    mx = result(m).metrics
    assert mx["overlaps"] == 2 and mx["interruptions"] == 0
