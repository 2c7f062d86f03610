"""Talk balance and interaction: who talked how much, how long, and who let whom speak.

Every figure is measured on one *axis*: seconds when the transcript is timed, words when it is
not (an untimed transcript has no clock, so "talk time" becomes word share, and the result's
``metrics["basis"]`` and ``notes`` say so). Each utterance occupies an interval on that axis;
talk amount, shares and the side balance in each fifth of the meeting are all the same clipping
arithmetic over those intervals.

A *stretch* is what a listener hears as one uninterrupted turn: consecutive utterances of one
speaker, where a short back-channel by someone else ("Right.", "Mm-hm, sure") does not break it.
Monologues and customer stories are stretches; the raw ``turns`` count uses the meeting's turns.

Published reference points (Gong Labs) are reported in ``metrics["benchmarks"]`` as context,
with their source. They are correlations across many calls, not rules for this one.
"""

from __future__ import annotations

from dataclasses import dataclass

from meetinglens.analysis.base import AnalysisContext
from meetinglens.model import AnalyzerResult, Evidence, Finding, Meeting, Utterance

NAME = "talk"
REQUIRES = {"utterances"}

#: Typical conversational speech rate, used to translate second thresholds into words when the
#: transcript is untimed (so a "2 minute" monologue is ~300 words).
TYPICAL_WPM = 150.0
#: An utterance by someone else of at most this many words (and this long, if timed) is a
#: back-channel and does not end the current speaker's stretch.
BACKCHANNEL_MAX_WORDS = 3
BACKCHANNEL_MAX_SECONDS = 2.0
#: Seller side share above which the meeting counts as seller-dominated (Gong's average-rep
#: band starts here; top performers sit near 43%).
SELLER_DOMINATED_SHARE = 0.65
#: Seller side share at or below which the meeting earns a "balanced" positive finding.
BALANCED_MAX_SELLER_SHARE = 0.5
#: Seller stretches longer than this are long monologues (Gong: company overviews > ~2 min).
LONG_MONOLOGUE_SECONDS = 120.0
#: A buyer stretch at least this long is a customer story worth praising (Gong: ~4 minutes).
CUSTOMER_STORY_SECONDS = 180.0
#: A customer whose longest stretch is shorter than this "never got a long turn".
LONG_TURN_SECONDS = 30.0
#: ... judged only in meetings at least this long (a 2-minute clip proves nothing).
MIN_MEETING_SECONDS = 300.0
#: Overlaps of at least this many seconds by a non-back-channel utterance are interruptions.
INTERRUPTION_MIN_OVERLAP = 1.0
#: Seller interruptions of customers from which a finding is raised.
INTERRUPTIONS_FINDING_MIN = 3
FIFTHS = 5
#: Evidence quotes per finding (first utterances of a stretch, then its last).
MAX_EVIDENCE = 3

GONG_SOURCE = ("Gong Labs research on 25,537 recorded B2B sales calls (gong.io); "
               "correlations across calls, not rules for one meeting")
BENCHMARKS = {
    "talk_share": {"top_performers_seller_share": 0.43, "top_performers_listen_share": 0.57,
                   "average_reps_seller_share": [0.65, 0.75], "source": GONG_SOURCE},
    "company_overview": {"max_seconds": 120,
                         "finding": "company overviews longer than ~2 minutes go with lower "
                                    "win rates", "source": GONG_SOURCE},
    "customer_story": {"seconds": 240,
                       "finding": "customer stories around 4 minutes go with higher win rates",
                       "source": GONG_SOURCE},
}


@dataclass(frozen=True)
class Stretch:
    """An uninterrupted stretch of one speaker (back-channels by others do not break it)."""

    speaker: str
    utterances: tuple[Utterance, ...]
    start: float  # on the axis (seconds or cumulative words)
    end: float
    words: int

    @property
    def length(self) -> float:
        return self.end - self.start


# ---------------------------------------------------------------- axis and amounts

def axis(meeting: Meeting) -> list[tuple[float, float]]:
    """Each utterance's interval: its times when timed, else its cumulative word position."""
    if meeting.timed:
        return [(u.start, u.end) for u in meeting.utterances]
    spans, position = [], 0.0
    for u in meeting.utterances:
        spans.append((position, position + u.word_count))
        position += u.word_count
    return spans


def _clip(span: tuple[float, float], lo: float, hi: float) -> float:
    return max(0.0, min(span[1], hi) - max(span[0], lo))


def fifths(meeting: Meeting, spans: list[tuple[float, float]]) -> list[dict]:
    """Talk amount per side in each fifth of the meeting's axis (from first to last speech)."""
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    width = (hi - lo) / FIFTHS
    rows = []
    for k in range(FIFTHS):
        a, b = lo + k * width, lo + (k + 1) * width
        amount = {"seller": 0.0, "buyer": 0.0, "unknown": 0.0}
        for u, span in zip(meeting.utterances, spans):
            amount[meeting.side_of(u.speaker)] += _clip(span, a, b)
        total = sum(amount.values())
        for side, value in amount.items():
            rows.append({"fifth": k + 1, "start": round(a, 3), "end": round(b, 3), "side": side,
                         "amount": round(value, 3),
                         "share": round(value / total, 4) if total else None})
    return rows


def is_backchannel(u: Utterance) -> bool:
    if u.word_count > BACKCHANNEL_MAX_WORDS:
        return False
    return not u.timed or u.duration <= BACKCHANNEL_MAX_SECONDS


def stretches(meeting: Meeting, spans: list[tuple[float, float]]) -> list[Stretch]:
    """Merge each speaker's consecutive utterances across others' back-channels."""
    out: list[Stretch] = []
    current: list[int] = []

    def close() -> None:
        if current:
            us = tuple(meeting.utterances[i] for i in current)
            out.append(Stretch(us[0].speaker, us, spans[current[0]][0],
                               max(spans[i][1] for i in current), sum(u.word_count for u in us)))

    pending_backchannels: list[int] = []
    for i, u in enumerate(meeting.utterances):
        owner = meeting.utterances[current[0]].speaker if current else None
        if owner is None or u.speaker == owner:
            current.append(i)
            pending_backchannels.clear()
        elif is_backchannel(u):
            pending_backchannels.append(i)
        else:
            close()
            # back-channels that did not bridge to the same speaker are stretches of their own
            for j in pending_backchannels:
                current[:] = [j]
                close()
            current[:] = [i]
            pending_backchannels.clear()
    close()
    for j in pending_backchannels:
        current[:] = [j]
        close()
    return sorted(out, key=lambda s: s.start)


def stretch_evidence(s: Stretch) -> tuple[Evidence, ...]:
    """First utterances of the stretch and its last one: where it starts and where it ends."""
    us = s.utterances
    chosen = us if len(us) <= MAX_EVIDENCE else us[: MAX_EVIDENCE - 1] + (us[-1],)
    return tuple(Evidence.of(u) for u in chosen)


# ---------------------------------------------------------------- timed-only interaction

def overlaps(meeting: Meeting) -> list[dict]:
    """Pairs where someone starts while another speaker is still talking (timed only)."""
    found = []
    ordered = sorted(meeting.utterances, key=lambda u: (u.start, u.index))
    active: list[Utterance] = []
    for u in ordered:
        active = [v for v in active if v.end > u.start]
        for v in active:
            if v.speaker == u.speaker:
                continue
            amount = min(v.end, u.end) - u.start
            interruption = (v.end - u.start >= INTERRUPTION_MIN_OVERLAP
                            and not is_backchannel(u))
            found.append({"by": u.speaker, "over": v.speaker, "utterance": u.index,
                          "overlapped": v.index, "seconds": round(amount, 3),
                          "interruption": interruption})
        active.append(u)
    return found


def seller_response_pauses(meeting: Meeting) -> list[float]:
    """Gaps between the end of a customer's turn and the seller's answer (>= 0 only)."""
    pauses = []
    turns = meeting.turns
    for prev, nxt in zip(turns, turns[1:]):
        if (meeting.side_of(prev.speaker) == "buyer" and meeting.side_of(nxt.speaker) == "seller"
                and nxt.start >= prev.end):
            pauses.append(nxt.start - prev.end)
    return pauses


# ---------------------------------------------------------------- tables

def _r(x: float | None, digits: int = 3) -> float | None:
    return None if x is None else round(x, digits)


def speaker_rows(ctx: AnalysisContext, spans, runs: list[Stretch], ovl: list[dict]) -> list[dict]:
    """One row per speaker, including speakers who never spoke (all zeros)."""
    m = ctx.meeting
    amount = {s.name: 0.0 for s in m.speakers}
    words = {s.name: 0 for s in m.speakers}
    for u, (a, b) in zip(m.utterances, spans):
        amount[u.speaker] += b - a
        words[u.speaker] += u.word_count
    total = sum(amount.values())
    turns = {s.name: 0 for s in m.speakers}
    for t in m.turns:
        turns[t.speaker] += 1
    longest = {}
    for s in runs:
        if s.speaker not in longest or s.length > longest[s.speaker].length:
            longest[s.speaker] = s
    rows = []
    for sp in m.speakers:
        seconds = amount[sp.name] if m.timed else None
        top = longest.get(sp.name)
        rows.append({
            "speaker": sp.name, "side": sp.side, "role": ctx.role_of(sp.name),
            "talk_seconds": _r(seconds), "words": words[sp.name],
            "share": _r(amount[sp.name] / total, 4) if total else None,
            "words_per_minute": _r(words[sp.name] / (seconds / 60), 1) if seconds else None,
            "turns": turns[sp.name],
            "longest_stretch_seconds": _r(top.length) if top and m.timed else None,
            "longest_stretch_words": top.words if top else 0,
            "longest_stretch_start": _r(top.utterances[0].start) if top else None,
            "interruptions_made": sum(1 for o in ovl if o["by"] == sp.name and o["interruption"]),
            "interrupted": sum(1 for o in ovl if o["over"] == sp.name and o["interruption"]),
        })
    return rows


def side_rows(meeting: Meeting, speakers: list[dict]) -> list[dict]:
    rows = []
    for side in ("seller", "buyer", "unknown"):
        mine = [r for r in speakers if r["side"] == side]
        if not mine:
            continue
        shares = [r["share"] for r in mine if r["share"] is not None]
        rows.append({
            "side": side, "speakers": len(mine),
            "talk_seconds": _r(sum(r["talk_seconds"] for r in mine)) if meeting.timed else None,
            "words": sum(r["words"] for r in mine),
            "share": _r(sum(shares), 4) if shares else None,
            "turns": sum(r["turns"] for r in mine),
        })
    return rows


# ---------------------------------------------------------------- findings

def _limit(seconds: float, timed: bool) -> float:
    """A threshold in seconds, translated into words at TYPICAL_WPM when untimed."""
    return seconds if timed else seconds * TYPICAL_WPM / 60.0


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _amount_text(s: Stretch, timed: bool) -> str:
    """'3 min 03 s (13:38–16:41)' when timed, '412 words (lines 5–12)' when not."""
    first, last = s.utterances[0], s.utterances[-1]
    if not timed:
        where = (f"utterance {first.index + 1}" if first is last
                 else f"utterances {first.index + 1}–{last.index + 1}")
        return f"{s.words} words ({where})"
    minutes, secs = divmod(int(round(s.length)), 60)
    amount = f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"
    return f"{amount} ({_clock(first.start)}–{_clock(last.end)})"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def balance_findings(ctx, sides: dict[str, float | None], runs: list[Stretch]) -> list[Finding]:
    """Seller-dominated (warning) or balanced (positive), with the longest stretches as evidence."""
    seller, buyer = sides.get("seller"), sides.get("buyer")
    if seller is None or buyer is None:
        return []
    m = ctx.meeting
    by_length = sorted(runs, key=lambda s: -s.length)
    gong = "top performers talk about 43%, average reps 65–75% (Gong Labs, 25,537 calls)"
    if seller > SELLER_DOMINATED_SHARE:
        top = [s for s in by_length if m.side_of(s.speaker) == "seller"][:MAX_EVIDENCE]
        return [Finding(
            kind="talk.seller_dominated", severity="warning",
            summary=f"The seller side did {_pct(seller)} of the talking and the customer "
                    f"{_pct(buyer)}; {gong}.",
            evidence=tuple(Evidence.of(s.utterances[0]) for s in top),
            data={"seller_share": round(seller, 4), "threshold": SELLER_DOMINATED_SHARE})]
    if seller <= BALANCED_MAX_SELLER_SHARE:
        top = [s for s in by_length if m.side_of(s.speaker) == "buyer"][:1]
        if top:
            return [Finding(
                kind="talk.balanced", severity="positive",
                summary=f"The customer did {_pct(buyer)} of the talking (seller "
                        f"{_pct(seller)}); {gong}.",
                evidence=stretch_evidence(top[0])[:1],
                data={"seller_share": round(seller, 4)})]
    return []


def stretch_findings(ctx, runs: list[Stretch], long_enough: bool) -> list[Finding]:
    """Long seller monologues, customer stories, and customers who never got a long turn."""
    m, timed = ctx.meeting, ctx.meeting.timed
    basis = "" if timed else " (word count at ~150 words/min: the transcript is untimed)"
    out = []
    for s in runs:
        side = m.side_of(s.speaker)
        if side == "seller" and s.length > _limit(LONG_MONOLOGUE_SECONDS, timed):
            out.append(Finding(
                kind="talk.long_monologue", severity="notice", speaker=s.speaker,
                summary=f"{ctx.describe(s.speaker)} talked for {_amount_text(s, timed)} without "
                        f"a real break{basis}; company overviews longer than ~2 minutes go with "
                        "lower win rates (Gong Labs).",
                evidence=stretch_evidence(s),
                data={"amount": round(s.length, 3), "words": s.words}))
        if side == "buyer" and s.length >= _limit(CUSTOMER_STORY_SECONDS, timed):
            out.append(Finding(
                kind="talk.customer_story", severity="positive", speaker=s.speaker,
                summary=f"{ctx.describe(s.speaker)} told an uninterrupted story of "
                        f"{_amount_text(s, timed)}{basis}; customer stories around 4 minutes "
                        "go with higher win rates (Gong Labs).",
                evidence=stretch_evidence(s),
                data={"amount": round(s.length, 3), "words": s.words}))
    if not long_enough:
        return out
    for sp in m.speakers:
        mine = [s for s in runs if s.speaker == sp.name]
        if sp.side != "buyer" or not mine:
            continue
        best = max(mine, key=lambda s: s.length)
        if best.length < _limit(LONG_TURN_SECONDS, timed):
            out.append(Finding(
                kind="talk.customer_no_long_turn", severity="notice", speaker=sp.name,
                summary=f"{ctx.describe(sp.name)} never got a long turn: their longest was "
                        f"{_amount_text(best, timed)}{basis}. Ask an open question and let "
                        "them talk.",
                evidence=stretch_evidence(best),
                data={"longest": round(best.length, 3)}))
    return out


def interruption_findings(ctx, ovl: list[dict]) -> list[Finding]:
    """Sellers who cut customers off repeatedly (timed transcripts only)."""
    m = ctx.meeting
    out = []
    for sp in m.speakers:
        if sp.side != "seller":
            continue
        cuts = [o for o in ovl if o["interruption"] and o["by"] == sp.name
                and m.side_of(o["over"]) == "buyer"]
        if len(cuts) >= INTERRUPTIONS_FINDING_MIN:
            out.append(Finding(
                kind="talk.seller_interrupts", severity="notice", speaker=sp.name,
                summary=f"{ctx.describe(sp.name)} started talking while the customer was still "
                        f"speaking {len(cuts)} times.",
                evidence=tuple(Evidence.of(m.utterances[o["utterance"]])
                               for o in cuts[:MAX_EVIDENCE]),
                data={"interruptions": len(cuts)}))
    return out


# ---------------------------------------------------------------- the analyzer

def _stretch_metric(s: Stretch | None, timed: bool) -> dict | None:
    if s is None:
        return None
    first, last = s.utterances[0], s.utterances[-1]
    return {"speaker": s.speaker, "seconds": _r(s.length) if timed else None, "words": s.words,
            "start": first.start, "end": last.end, "utterance": first.index}


def _side_share(fifth_rows: list[dict], side: str) -> list[float | None]:
    return [r["share"] for r in fifth_rows if r["side"] == side]


def _notes(m: Meeting, has_sides: bool) -> tuple[str, ...]:
    notes = []
    if m.timed:
        notes.append("Talk time is measured in seconds from the transcript's timestamps; "
                     "overlapping speech counts for both speakers.")
    else:
        notes.append("The transcript is untimed: talk time is word share, lengths are in words, "
                     "and pauses, overlaps and words per minute cannot be measured.")
    if not has_sides:
        notes.append("Sides are unknown (no seller and buyer identified): seller/customer "
                     "findings were skipped. Pass --participants or --seller NAME.")
    notes.append("Reference points are Gong Labs correlations across many calls, shown as "
                 "context, not as targets.")
    return tuple(notes)


def analyze(ctx: AnalysisContext) -> AnalyzerResult:
    """Talk balance per speaker and side, stretches, interaction, and fifths of the meeting."""
    m = ctx.meeting
    spans = axis(m)
    runs = stretches(m, spans)
    ovl = overlaps(m) if m.timed else []
    speakers = speaker_rows(ctx, spans, runs, ovl)
    sides = side_rows(m, speakers)
    fifth_rows = fifths(m, spans)
    side_share = {r["side"]: r["share"] for r in sides}
    has_sides = "seller" in side_share and "buyer" in side_share
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    minutes = (hi - lo) / 60 if m.timed else None
    long_enough = (hi - lo) >= _limit(MIN_MEETING_SECONDS, m.timed)
    pauses = seller_response_pauses(m) if m.timed else []
    buyer_runs = [s for s in runs if m.side_of(s.speaker) == "buyer"]
    buyer_fifths = _side_share(fifth_rows, "buyer")

    findings = (balance_findings(ctx, side_share, runs) if has_sides else [])
    findings += stretch_findings(ctx, runs, long_enough)
    findings += interruption_findings(ctx, ovl)

    metrics = {
        "basis": "seconds" if m.timed else "words",
        "length": _r(hi - lo),
        "speakers_talking": sum(1 for r in speakers if r["words"]),
        "side_share": {k: v for k, v in side_share.items()},
        "seller_share": side_share.get("seller"),
        "buyer_share": side_share.get("buyer"),
        "turns": len(m.turns),
        "switches_per_minute": _r((len(m.turns) - 1) / minutes, 2) if minutes else None,
        "seller_response_pause_mean": _r(sum(pauses) / len(pauses)) if pauses else None,
        "seller_response_pause_count": len(pauses),
        "overlaps": len(ovl) if m.timed else None,
        "interruptions": sum(1 for o in ovl if o["interruption"]) if m.timed else None,
        "longest_monologue": _stretch_metric(max(runs, key=lambda s: s.length), m.timed),
        "longest_customer_story": _stretch_metric(
            max(buyer_runs, key=lambda s: s.length) if buyer_runs else None, m.timed),
        "buyer_share_by_fifth": buyer_fifths if has_sides else None,
        "buyer_share_trend": (_r(buyer_fifths[-1] - buyer_fifths[0], 4)
                              if has_sides and None not in (buyer_fifths[0], buyer_fifths[-1])
                              else None),
        "speakers": {r["speaker"]: {k: v for k, v in r.items() if k != "speaker"}
                     for r in speakers},
        "thresholds": {"seller_dominated_share": SELLER_DOMINATED_SHARE,
                       "long_monologue_seconds": LONG_MONOLOGUE_SECONDS,
                       "customer_story_seconds": CUSTOMER_STORY_SECONDS,
                       "long_turn_seconds": LONG_TURN_SECONDS,
                       "untimed_words_per_minute": TYPICAL_WPM},
        "benchmarks": BENCHMARKS,
    }
    return AnalyzerResult(
        name=NAME, metrics=metrics, findings=tuple(findings),
        tables={"speakers": tuple(speakers), "sides": tuple(sides),
                "fifths": tuple(fifth_rows)},
        notes=_notes(m, has_sides))
