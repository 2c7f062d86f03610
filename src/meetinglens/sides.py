"""Inferring who sells and who buys, for speakers whose side nobody stated.

Evidence, strongest first (each inferred side says why in ``Speaker.side_reason``):

1. **Organisation / email domain** shared with a speaker whose side is known (free-mail
   domains such as gmail.com do not count). A different company than the only known side
   points to the other side.
2. **What they say** (works on untimed text and ASR without punctuation): sellers talk
   about "our platform / our customers / our pricing", offer demos and references, open
   with the agenda; buyers ask about price, describe "our current process/vendor", name
   their approval chain, ask whether the product does X.
3. **Contrast**: weak one-sided evidence is accepted only when the opposite side is
   already known from someone else (the reason says so); in a two-person call with one
   side known, the other person is the other side (again said in the reason).

Without evidence a speaker stays ``unknown``: a wrong side corrupts every side figure,
a missing one only leaves it out. The unknown-speaker placeholder is never given a side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from meetinglens.model import Meeting, Speaker, Utterance

#: Score a side needs from text alone, and how many times the other side's score it must be.
MIN_SCORE = 2.0
DOMINANCE = 2.0
#: The agenda counts only if said this early (first utterances of the meeting).
AGENDA_WINDOW = 8
#: At most this many pieces of evidence are quoted in a reason.
REASON_ITEMS = 3
QUOTE_CHARS = 60

FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
    "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
    "web.de", "mail.com", "yandex.ru", "qq.com", "163.com",
})

#: What sellers call "ours". Words buyers also use for their own business ("our customers",
#: "our engineers", "our tool") are left out on purpose.
_OFFER = (r"product|platform|solution|pricing|price list|plans|tiers|implementation team|"
          r"onboarding team|roadmap|customer success team|offering|licensing|"
          r"case stud(?:y|ies)|demo|free trial|pilot program")


@dataclass(frozen=True)
class Cue:
    """A phrase pattern that hints at a side, with its weight and what it shows."""

    side: str
    pattern: re.Pattern
    weight: float
    shows: str


def _cue(side: str, pattern: str, weight: float, shows: str, flags=re.IGNORECASE) -> Cue:
    return Cue(side, re.compile(pattern, flags), weight, shows)


CUES: tuple[Cue, ...] = (
    _cue("seller", rf"\bour (?:own )?(?:{_OFFER})\b", 1.0, "talks about 'our {match}'"),
    _cue("seller", r"\b(?:let me|i'?ll|i will|i can|happy to) (?:show|share my screen|demo|"
         r"walk you through|send (?:you |over )?(?:a |the )?(?:proposal|quote|pricing|deck))|"
         r"\bsharing my screen\b", 1.0, "offers to show or send material"),
    _cue("seller", r"\bi'?m \w+(?: \w+)?,? (?:an? |the )?(?:senior )?(?:account executive|"
         r"account manager|sales (?:engineer|director|manager|rep(?:resentative)?)|"
         r"solutions? (?:engineer|consultant|architect)|customer success manager)\b|"
         r"\bour (?:sales|solutions?) (?:engineer|consultant|architect)\b", 1.5,
         "introduces a sales role"),
    _cue("seller", r"\b(?:customers|clients) (?:like you|such as|similar to|your size|of "
         r"(?:similar|your|a similar) size)|\b(?:companies|groups|teams|customers) your size\b|"
         r"\bone of our (?:customers|clients)\b|\breference (?:call|customer)s? (?:with|from)\b",
         1.0, "cites other customers"),
    _cue("seller", r"\bwe (?:help|enable|offer|provide|integrate with|support) \w+|"
         r"\bwe have (?:ready|standard|native|built-in) \w+", 0.5, "describes what 'we' offer"),
    _cue("seller", r"\b(?:is|are) (?:included|supported|available) (?:in every|in all|out of|"
         r"through our|as standard)|\bout of the box\b|\bone of our standard\b", 1.0,
         "answers what the product includes"),
    _cue("buyer", r"\b(?:how much|what (?:does|would|will) (?:it|this|that) cost(?! you\b)|"
         r"what(?:'s| is| are) (?:the |your )?(?:price|pricing|cost)|pricing look like|"
         r"ballpark)\b|\b(?:and|what about) (?:the )?(?:cost|price|pricing)\?", 1.0,
         "asks about price"),
    _cue("buyer", r"\bour (?:current|existing|old|legacy) (?:vendor|system|tool|process|"
         r"provider|setup|contract|solution|platform)\b|\bwe (?:currently|today) "
         r"(?:use|run|rely on|have|pay)\b", 1.0, "describes their current setup"),
    _cue("buyer", r"\b(?:[Ww]e|[Oo]ur team) (?:use|run|rely on|are on|'re on) [A-Z0-9]\w+", 0.5,
         "describes their own systems", flags=0),  # a named product: "We run SAP"
    _cue("buyer", r"\b(?:i|we) own the budget\b|\bout of (?:my|our|this year's) "
         r"(?:\w+ )?budget\b", 1.0, "owns or names their budget"),
    _cue("buyer", r"\b(?:my|our) (?:boss|manager|cfo|ceo|cio|cto|vp|director|procurement|"
         r"legal|board|finance team|it team|security team|(?:information )?security officer|"
         r"infosec|purchasing|audit committee)\b[^.?!]{0,60}\b(?:approve|sign(?: off)?|decide|"
         r"review|budget|buy-in|want to see|need to see|asked|will ask)", 1.0,
         "names their approval chain"),
    _cue("buyer", r"\b(?:do|does|can|could) (?:you|your (?:product|platform|tool|system|"
         r"gateway|app)|it) (?:integrate|support|handle|connect|work with|offer|read)\b", 1.0,
         "asks what the product can do"),
    _cue("buyer", r"\bwe(?:'re| are) (?:also |currently |already )?(?:evaluating|comparing|"
         r"looking at|considering|talking to) ", 1.0, "is evaluating vendors"),
    _cue("buyer", r"\b(?:references?|another customer) (?:we|i) (?:could|can) (?:talk|speak)|"
         r"\bwhat about references\b|\bdo you have references\b", 1.0, "asks for references"),
    _cue("buyer", r"\bsend (?:me|us) (?:the|your) (?:security|proposal|pricing|contract|"
         r"data processing|calculator|references?)", 1.0, "asks for the vendor's documents"),
)

AGENDA = re.compile(
    r"\b(?:agenda|(?:plan|goal|aim) for (?:today|this call|the call)|what i'?d like to "
    r"(?:cover|do|get through)|to kick (?:things|us) off|before we dive in|thanks for "
    r"(?:taking|making) the time)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    side: str
    weight: float
    shows: str
    utterance: Utterance
    span: tuple[int, int]


def infer_sides(meeting: Meeting) -> Meeting:
    """The meeting with sides inferred for speakers whose side is still unknown."""
    from meetinglens.io.common import UNKNOWN_SPEAKER

    speakers = {s.name: s for s in meeting.speakers}
    open_names = [n for n, s in speakers.items()
                  if s.side == "unknown" and n != UNKNOWN_SPEAKER]
    if not open_names:
        return meeting
    hits = _text_hits(meeting)
    for name in open_names:
        decided = _by_company(speakers[name], speakers)
        if decided is None:
            decided = _by_text(hits.get(name, []), strict=True)
        if decided:
            speakers[name] = _infer(speakers[name], *decided)
    for name in open_names:  # second pass: contrast with what is now known
        if speakers[name].side == "unknown":
            decided = _by_company(speakers[name], speakers) or \
                _by_contrast(name, hits.get(name, []), speakers, meeting)
            if decided:
                speakers[name] = _infer(speakers[name], *decided)
    return replace(meeting, speakers=tuple(speakers[s.name] for s in meeting.speakers))


def _infer(s: Speaker, side: str, reason: str) -> Speaker:
    return replace(s, side=side, side_source="inferred", side_reason=reason)


def _text_hits(meeting: Meeting) -> dict[str, list[Hit]]:
    hits: dict[str, list[Hit]] = {}
    for u in meeting.utterances:
        for cue in CUES:
            m = cue.pattern.search(u.text)
            if m:
                shows = cue.shows.format(match=m.group(0).split(" ", 1)[-1].lower())
                hits.setdefault(u.speaker, []).append(
                    Hit(cue.side, cue.weight, shows, u, m.span()))
        m = AGENDA.search(u.text) if u.index < AGENDA_WINDOW else None
        if m:
            hits.setdefault(u.speaker, []).append(
                Hit("seller", 1.0, "opens the meeting (agenda, thanks for the time)", u, m.span()))
    return hits


def _scores(hits: list[Hit]) -> dict[str, float]:
    scores = {"seller": 0.0, "buyer": 0.0}
    for h in hits:
        scores[h.side] += h.weight
    return scores


def _by_text(hits: list[Hit], strict: bool) -> tuple[str, str] | None:
    scores = _scores(hits)
    for side, other in (("seller", "buyer"), ("buyer", "seller")):
        if scores[side] >= MIN_SCORE and scores[side] >= DOMINANCE * scores[other]:
            return side, _describe(side, hits, scores)
    return None


def _by_contrast(name: str, hits: list[Hit], speakers: dict[str, Speaker],
                 meeting: Meeting) -> tuple[str, str] | None:
    known = {s.side for s in speakers.values() if s.side != "unknown" and s.name != name}
    scores = _scores(hits)
    for side, other in (("seller", "buyer"), ("buyer", "seller")):
        if scores[side] > 0 and scores[other] == 0 and other in known:
            others = ", ".join(s.name for s in speakers.values() if s.side == other)
            return side, (f"{_describe(side, hits, scores)}; the {other} side is known "
                          f"({others})")
    talkers = [n for n in speakers if any(u.speaker == n for u in meeting.utterances)]
    if len(talkers) == 2 and len(known) == 1 and scores["seller"] == scores["buyer"] == 0:
        (other_side,) = known
        side = "buyer" if other_side == "seller" else "seller"
        counterpart = next(n for n in talkers if n != name)
        return side, (f"the only other speaker in a two-person call with {counterpart} "
                      f"({other_side}); nothing said points either way")
    return None


def _by_company(s: Speaker, speakers: dict[str, Speaker]) -> tuple[str, str] | None:
    domain = _domain(s.email)
    known = [k for k in speakers.values() if k.side != "unknown" and k.name != s.name]
    for k in known:
        if domain and domain == _domain(k.email):
            return k.side, f"email domain {domain} is shared with {k.name} ({k.side})"
        if s.org and k.org and _same_org(s.org, k.org):
            return k.side, f"organisation {s.org} is shared with {k.name} ({k.side})"
    sides = {k.side for k in known}
    if len(sides) == 1 and (s.org or domain):
        (side,) = sides
        theirs = {(_domain(k.email), (k.org or "").casefold()) for k in known}
        if all((domain and d and d != domain) or (s.org and o and o != s.org.casefold())
               for d, o in theirs):
            other = "buyer" if side == "seller" else "seller"
            what = f"organisation {s.org}" if s.org else f"email domain {domain}"
            return other, f"{what} differs from the {side} side's ({', '.join(k.name for k in known)})"
    return None


def _domain(email: str | None) -> str | None:
    if not email or "@" not in email:
        return None
    domain = email.rsplit("@", 1)[1].strip().lower()
    return None if domain in FREE_MAIL else domain


def _same_org(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _describe(side: str, hits: list[Hit], scores: dict[str, float]) -> str:
    """'seller: talks about 'our platform' ("...", 01:23); opens with the agenda (...)'."""
    items, seen = [], set()
    for h in hits:
        if h.side != side or h.shows in seen:
            continue
        seen.add(h.shows)
        items.append(f"{h.shows} (\"{_quote(h.utterance.text, h.span)}\", {_where(h.utterance)})")
        if len(items) == REASON_ITEMS:
            break
    return (f"{'; '.join(items)} [score {scores[side]:g} {side} vs "
            f"{scores['buyer' if side == 'seller' else 'seller']:g}]")


def _quote(text: str, span: tuple[int, int]) -> str:
    """The words around the match, at most about QUOTE_CHARS long."""
    if len(text) <= QUOTE_CHARS:
        return text
    pad = max(0, (QUOTE_CHARS - (span[1] - span[0])) // 2)
    a, b = max(0, span[0] - pad), min(len(text), span[1] + pad)
    a = text.rfind(" ", 0, a) + 1 if a > 0 else 0
    b = text.find(" ", b) if b < len(text) and text.find(" ", b) != -1 else len(text)
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def _where(u: Utterance) -> str:
    if u.start is None:
        return f"utterance {u.index + 1}"
    from meetinglens.io.common import clock

    return clock(u.start)
