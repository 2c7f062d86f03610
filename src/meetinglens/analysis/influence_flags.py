"""Red flags (Miller & Heiman): hazards to a sale, each with the words that raised it.

A flag is raised either by what a buyer said ("we just went through a reorg") or by what was
never said (nobody stated a budget). Evidence comes from the cue lexicons *or* the learned
evidence head (:mod:`influence_flaghead`, per-utterance probabilities passed in as ``cues``):
the lexicons keep their precision on the phrasings they know, the head catches new ones, and
a flag raised by absence means "no buyer utterance shows X, by rules or head". For the second
kind the evidence is the closest thing the meeting holds — the seller's unanswered question on
the topic, or the closing exchange when the topic never came up — and the summary says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from meetinglens.analysis import influence_absence as ab
from meetinglens.analysis import influence_flagcheck as chk
from meetinglens.analysis import influence_flagcues as fc
from meetinglens.analysis import influence_flaggate as gate
from meetinglens.analysis import influence_flagmore as more
from meetinglens.analysis import influence_lexicon as lx
from meetinglens.analysis.influence_flaghead import CueScores
from meetinglens.analysis.influence_mentions import Mention, involved
from meetinglens.analysis.influence_roles import MIN_MODE_SCORE, NEGATION_WINDOW, Judgement
from meetinglens.model import Meeting, Utterance

FLAGS = ("economic_absent", "budget_unknown", "decision_process_unknown", "new_influencer",
         "reorganization", "competitor_preferred", "status_quo", "no_next_step")

FLAG_TITLES = {
    "economic_absent": "Economic buyer absent and not engaged",
    "budget_unknown": "Budget unknown",
    "decision_process_unknown": "Decision process unknown",
    "new_influencer": "New influencer",
    "reorganization": "Reorganization",
    "competitor_preferred": "Competitor preferred",
    "status_quo": "Status quo (even keel or overconfident)",
    "no_next_step": "No agreed next step",
}

#: A next step counts only when proposed in the last part of the meeting (share of utterances).
NEXT_STEP_TAIL = 0.5
#: A buyer's agreement counts when it comes within this many utterances of a proposal.
AGREEMENT_REACH = 2
STATUS_QUO_MODES = {"even_keel", "overconfident"}
#: Round 20: buyers read in these modes want a change or feel pain; the head's reading of
#: contentment in their words raises no status quo.
CHANGE_MODES = {"growth", "trouble"}
#: Round 18: an economic buyer is called absent only when no buyer in the room holds more than
#: chance (one in five role classes) probability of being them.
ECONOMIC_PRESENT_MIN = 0.2
#: The coach's advice to the seller (the strongest coach cues of the role lexicon; round 26:
#: "between us, that story is the one you should tell Mr Kirui").
COACHING = tuple(p for p, weight in lx.ROLE_CUES["coach"] if weight >= 3) + (
    r"between us",
    r"(you|you'd) (should|need to|have to|want to|'ll want to|ought to) (tell|pitch|show|ask|"
    r"call|email|go to|take)",
)
#: How many of a complacent buyer's strongest mode utterances may show contentment.
STATUS_QUO_EVIDENCE = 3
#: Round 16: a mode from the speaker-level model counts towards a status quo only when the
#: model gives it most of its probability; a 0.38 "even keel" beside 0.34 "unclear" is a guess.
STATUS_QUO_MIN_MODEL_CONFIDENCE = 0.5

#: Head probability from which an utterance counts as evidence of a class. Chosen on a coarse
#: grid by leave-one-meeting-out flag F1 over the 31 labelled meetings, both with the cue
#: lexicons and with the head alone (benchmarks/influence.py --sweep [--no-flag-cues]):
#: raising a flag from one utterance needs more certainty than settling one (reorganization
#: at 0.8, not the grid's 0.6: growth plans, "expanding into two new markets", score 0.7);
#: "unclear" beats a stated process only when the head is nearly sure (0.95: a lower bar made
#: every reshuffle story an unknown process).
HEAD_MIN = {
    "competitor_preferred": 0.7, "status_quo": 0.9, "reorganization": 0.8,
    "new_influencer": 0.8, "budget_stated": 0.7, "process_stated": 0.5, "next_step": 0.6,
    "economic_engaged": 0.7, "budget_unclear": 0.7, "process_unclear": 0.95,
    "next_step_deferred": 0.9,
}

BUDGET_TOPIC = (r"(budget|funding|money|spend|price|pricing|cost(?! cent(re|er)))",)
PROCESS_TOPIC = (r"(decision|decide|approv|sign ?off|process|who else|signs?)",)


#: "anything over fifty thousand": an approval threshold, removed before looking for a budget.
THRESHOLD = re.compile(r"(over|above|more than|exceeding|exceeds|under|below|up to) (\$ ?)?"
                       r"([a-z0-9]+ ){1,3}(thousand|k|million|billion|grand|dollars|euros|pounds)")


@dataclass(frozen=True)
class RedFlag:
    kind: str
    summary: str
    evidence: tuple[Utterance, ...]
    speaker: str | None = None


def _said(u: Utterance, cues) -> str | None:
    return lx.any_hit(lx.normalise(u.text), cues)


def _shown(u: Utterance, head: dict[int, CueScores], cls: str) -> bool:
    """The evidence head is confident the utterance shows ``cls``."""
    return head.get(u.index, {}).get(cls, 0.0) >= HEAD_MIN[cls]


def _cue_matches(u: Utterance, cues):
    """(matched text, negated just before) for each cue pattern found in ``u``."""
    norm = lx.normalise(u.text)
    for pattern in cues:
        m = lx.compile_cue(pattern).search(norm)
        if m:
            yield m.group(0), bool(lx.NEGATION.search(norm[max(0, m.start() - NEGATION_WINDOW):
                                                           m.start()]))


def _negated_cue(u: Utterance, cues) -> bool:
    """A lexicon cue is there but negated ("we're not leaning towards the other vendor"):
    sentence embeddings barely see a "not", so such an utterance vetoes the head."""
    return any(negated for _, negated in _cue_matches(u, cues))


def _head_says(u: Utterance, head: dict[int, CueScores], cls: str, cues) -> bool:
    """Head evidence for a flag said aloud, unless the lexicon finds that very cue negated."""
    return _shown(u, head, cls) and not _negated_cue(u, cues)


def _said_affirmed(u: Utterance, cues) -> str | None:
    """A cue that is not negated just before ("we're not leaning towards anyone")."""
    return next((text for text, negated in _cue_matches(u, cues) if not negated), None)


def _topic_evidence(meeting: Meeting, topic, buyers: set[str]) -> tuple[Utterance, ...]:
    """Where the topic came up at all, a buyer's words or a question first (a seller's pitch
    that happens to say "process" shows nobody asking); else the meeting's last utterance."""
    near = [u for u in meeting.utterances if _said(u, topic)]
    if not near:
        return meeting.utterances[-1:]
    asked = [u for u in near if u.speaker in buyers or ab.asks(u)]
    return tuple(sorted((asked + [u for u in near if u not in asked])[:2], key=lambda u: u.index))


def _known_or_unknown(meeting: Meeting, buyers: set[str], evidence_of, topic, kind: str,
                      what: str, known_wins: bool, head: dict[int, CueScores],
                      classes: tuple[str, str],
                      settles_once_open: Callable[[Utterance], bool] | None = None
                      ) -> RedFlag | None:
    """Flag when a buyer said the thing is unknown, or when no buyer ever stated it.
    ``evidence_of`` (:mod:`influence_absence`) reads one buyer utterance, with the seller's
    utterance before it, as (stated, unclear). ``settles_once_open``: once a buyer said it is
    unknown, a later stated reading settles it only if this is true of its utterance."""
    last = None
    said_open = False
    previous = None
    for u in meeting.utterances:
        if u.speaker not in buyers:
            previous = u
            continue
        # Within one utterance: "Hannah has earmarked budget, I don't know the exact number"
        # states a budget (known wins); "I'm not sure who signs off now" states no process
        # (unknown wins). An approval threshold ("anything over 50k") is not a budget.
        norm = THRESHOLD.sub(" ", lx.normalise(u.text))
        said_known, said_unknown = evidence_of(u, previous, head, norm, HEAD_MIN[classes[0]],
                                               HEAD_MIN[classes[1]])
        previous = None
        if said_known and not said_unknown and said_open and settles_once_open is not None:
            said_known = settles_once_open(u)
        # Round 24: "how they decide now, I have no idea ... Dr Menon signed before" leaves the
        # process open where unknown wins within an utterance (the process), not only where it
        # is all the utterance says.
        said_open = said_open or (said_unknown and not (said_known and known_wins))
        if said_known and (known_wins or not said_unknown):
            last = ("known", u)
        elif said_unknown:
            last = ("unknown", u)
    if last and last[0] == "known":
        return None
    if last:
        return RedFlag(kind, f"{what} is unclear: {last[1].speaker} said so", (last[1],),
                       last[1].speaker)
    evidence = _topic_evidence(meeting, topic, buyers)
    where = ("quoted is where the topic came up without it being stated"
             if any(_said(u, topic) for u in evidence)
             else "nobody raised it; quoted is how the meeting ended")
    return RedFlag(kind, f"No buyer stated the {what.lower()} in this meeting ({where})", evidence)


def _unaware_by_name(mentions: list[Mention], meeting: Meeting, buyers: set[str]) -> list[Mention]:
    """Round 25 (holdout27): unawareness said of a named economic buyer in an utterance that
    names them without a title ("Declan hasn't seen any of it"), which the mention finder does
    not take; the mirror of engagement said in another mention of the same person."""
    named = {m.who.lower(): m for m in mentions
             if m.role == "economic" and not m.present and m.named}
    found = []
    for u in meeting.utterances:
        if u.speaker not in buyers or not _said(u, lx.NOT_ENGAGED_CUES):
            continue
        text = u.text.lower()
        found += [replace(m, utterance=u, quote=u.text) for name, m in named.items()
                  if m.utterance.index != u.index and re.search(rf"\b{re.escape(name)}\b", text)]
    return found


def economic_absent(roles: dict[str, Judgement], mentions: list[Mention], meeting: Meeting,
                    buyers: set[str], head: dict[int, CueScores]) -> RedFlag | None:
    # Round 22 (after holdout24): a buyer who says the economic buyer elsewhere has not seen it
    # ("he owns the business ... he doesn't know we're talking to you") places the economic buyer
    # outside the room, so a buyer here with some economic probability is not them. Round 23:
    # nor is one read as economic (there is one economic buyer, and this one was named).
    unaware = [m for m in mentions if m.role == "economic" and not m.present
               and _said(m.utterance, lx.NOT_ENGAGED_CUES)] + _unaware_by_name(mentions, meeting,
                                                                               buyers)
    if not unaware and any(j.label == "economic" or j.scores.get("economic", 0.0)
                           > ECONOMIC_PRESENT_MIN for j in roles.values()):
        return None
    # Only mentions tied to the deal: "customers complained to our CEO" shows no economic buyer.
    economic = [m for m in mentions if m.role == "economic" and not m.present
                and (involved(m) or m in unaware)]
    economic += [m for m in unaware if m not in economic]
    # Round 22: engagement said in another mention of the same person counts ("kev asked me
    # to have a look round" ... "kev signs anything like this").
    names = {m.who.lower() for m in economic if m.named}
    engaged = [m for m in mentions if not m.present
               and (m in economic or (m.named and m.who.lower() in names))
               and _said(m.utterance, lx.ENGAGED_CUES)
               and not _said(m.utterance, lx.NOT_ENGAGED_CUES)]
    # Round 24 (holdout26): the head's reading of engagement does not outweigh a buyer saying
    # the economic buyer has not seen it, unless the words are those of a buyer here read as
    # economic ("the money is there, our board approved it"); and advice on winning them ("don't
    # pitch it to Grant as saving money", "if I were you I'd get to Richard first") says they
    # are not won yet.
    economic_here = {name for name, j in roles.items() if j.label == "economic"}
    if engaged or any(u.speaker in buyers and (not unaware or u.speaker in economic_here)
                      and _shown(u, head, "economic_engaged")
                      and not _said(u, lx.NOT_ENGAGED_CUES + COACHING)
                      for u in meeting.utterances):
        return None
    if economic:
        # Where a buyer said they are unaware, that is the evidence to quote first.
        economic.sort(key=lambda m: m not in unaware)
        return RedFlag("economic_absent",
                       f"The economic buyer ({economic[0].who}) was not in the meeting and "
                       "nothing shows they are engaged",
                       tuple(m.utterance for m in economic[:2]), economic[0].speaker)
    return RedFlag("economic_absent", "No economic buyer spoke or was named in the meeting",
                   _topic_evidence(meeting, PROCESS_TOPIC, buyers))


def _gated(meeting: Meeting, buyers: set[str], kind: str, lexicon_hit,
           head: dict[int, CueScores], head_cues) -> list[Utterance]:
    """Buyer utterances that raise a said flag (:mod:`influence_flaggate`): a lexicon cue, or
    head evidence, that is anchored and no dismissal or acceptance; head-only evidence counts
    only when confident for the meeting's length or found twice."""
    said, by_head = [], []
    for u in meeting.utterances:
        if u.speaker not in buyers or gate.vetoed(u, kind):
            continue
        if lexicon_hit(u):
            said.append(u)
        elif _head_says(u, head, kind, head_cues) and gate.anchored(u, kind):
            by_head.append(u)
    n = sum(u.speaker in buyers for u in meeting.utterances)
    probs = [head[u.index][kind] for u in by_head]
    if said or gate.head_supported(probs, HEAD_MIN[kind], n):
        strong = [u for u in by_head if head[u.index][kind] >= gate.head_bar(HEAD_MIN[kind], n)]
        ordered = said + strong + [u for u in by_head if u not in strong]
        return sorted(ordered[:3], key=lambda u: u.index) if said else ordered[:3]
    return []


def _said_by_buyers(meeting: Meeting, buyers: set[str], kind: str, cues, summary: str,
                    head: dict[int, CueScores], affirmed: bool = False) -> RedFlag | None:
    said = _said_affirmed if affirmed else _said
    found = _gated(meeting, buyers, kind, lambda u: said(u, cues), head, cues)
    if not found:
        return None
    return RedFlag(kind, summary.format(speaker=found[0].speaker), tuple(found[:3]),
                   found[0].speaker)


def competitor_preferred(meeting: Meeting, buyers: set[str],
                         head: dict[int, CueScores]) -> RedFlag | None:
    def lexicon_hit(u: Utterance) -> bool:
        return bool(_said_affirmed(u, lx.COMPETITOR_STRONG) or (
            _said_affirmed(u, lx.COMPETITOR_PREF) and _said(u, lx.COMPETITOR_REF))
            or more.rival_preferred(u) or chk.chance_to_match(u))

    found = _gated(meeting, buyers, "competitor_preferred", lexicon_hit, head,
                   lx.COMPETITOR_STRONG + lx.COMPETITOR_PREF)
    if not found:
        return None
    return RedFlag("competitor_preferred",
                   f"{found[0].speaker} signalled a preference for another option",
                   tuple(found[:3]), found[0].speaker)


def _some_pain(j: Judgement) -> bool:
    """An ``unclear`` buyer whose pain fell short of a trouble reading (round 7:
    influence_roles.MIN_TROUBLE_SCORE) still speaks against a status-quo majority. Tally
    readings only: the speaker-level mode model's scores are probabilities (round 16), and its
    ``unclear`` is its own class, not pain that fell short."""
    pain = j.scores.get("trouble", 0.0)
    return pain >= MIN_MODE_SCORE and all(v < pain for m, v in j.scores.items() if m != "trouble")


def _content_shown(j: Judgement) -> bool:
    """Some of the buyer's strongest mode evidence is more than acceptance or a dismissal, and
    a model's reading is confident (:data:`STATUS_QUO_MIN_MODEL_CONFIDENCE`)."""
    if j.basis.startswith("model") and j.confidence < STATUS_QUO_MIN_MODEL_CONFIDENCE:
        return False
    return any(not gate.vetoed(u, "status_quo") for u, _ in j.evidence[:STATUS_QUO_EVIDENCE])


def status_quo(meeting: Meeting, buyers: set[str], roles: dict[str, Judgement],
               modes: dict[str, Judgement], head: dict[int, CueScores]) -> RedFlag | None:
    """Contentment said by a buyer, or a decider (else a majority) read as even keel or
    overconfident. Round 20: the evidence head's reading of contentment counts only from a
    buyer not read as growth or trouble; one content-sounding sentence ("we're not doing forty
    percent more the way we work now") from a buyer who wants a change or feels pain is not a
    status quo. A lexicon statement ("I don't see any reason to switch") stands from anyone."""
    changing = {b for b in buyers if b in modes and modes[b].label in CHANGE_MODES}
    calm_head = {u.index: head[u.index] for u in meeting.utterances
                 if u.index in head and u.speaker not in changing}
    explicit = _said_by_buyers(meeting, buyers, "status_quo", lx.STATUS_QUO + fc.STATUS_QUO_MORE,
                               "{speaker} sees no reason to change what they do today",
                               calm_head, affirmed=True)
    if explicit:
        return explicit
    clear = {n: j for n, j in modes.items() if j.label != "unclear" or _some_pain(j)}
    if not clear:
        return None
    economic = [n for n, j in roles.items() if j.label == "economic" and n in clear]
    # Round 8: a complacent reading resting only on acceptance of the seller's offer ("it
    # would help a lot", "we're still at an early stage": influence_flaggate) is not
    # contentment with today.
    complacent = [n for n, j in clear.items() if j.label in STATUS_QUO_MODES
                  and _content_shown(j)]
    if economic:
        deciding = clear[economic[0]].label in STATUS_QUO_MODES
    else:
        deciding = len(complacent) * 2 > len(clear)
    if not deciding or not complacent:
        return None
    evidence = tuple(u for n in complacent for u, _ in clear[n].evidence[:1])
    who = ", ".join(f"{n} ({clear[n].label.replace('_', ' ')})" for n in complacent)
    return RedFlag("status_quo", f"Buyers content with the present: {who}", evidence,
                   complacent[0] if len(complacent) == 1 else None)


def _deferred(u: Utterance, head: dict[int, CueScores]) -> bool:
    return bool(_said(u, lx.DEFERRAL + fc.DEFERRAL_MORE)) or _shown(u, head, "next_step_deferred")


def _proposes_step(u: Utterance) -> bool:
    """A next step is proposed, other than sending materials (:data:`fc.SENDING`)."""
    norm = lx.normalise(u.text)
    for cue in fc.SENDING:
        norm = lx.compile_cue(cue).sub(" ", norm)
    return bool(lx.any_hit(norm, lx.NEXT_STEP))


def no_next_step(meeting: Meeting, buyers: set[str], head: dict[int, CueScores],
                 deciders: frozenset[str] | set[str] = frozenset()) -> RedFlag | None:
    """No buyer agreed to a next step in the second half of the meeting, or a buyer put it off
    after the last agreement. ``deciders`` (the buyers read as economic; round 18): their
    deferral stands against a colleague's later offer ("I'd do the setup call"); only their own
    agreement after it settles the step."""
    us = meeting.utterances
    tail = int(len(us) * NEXT_STEP_TAIL)
    agreed: dict[str, Utterance] = {}
    for u in us[tail:]:
        if _deferred(u, head):
            continue
        if u.speaker in buyers and (_shown(u, head, "next_step") or _proposes_step(u)):
            agreed[u.speaker] = u
            continue
        if not _proposes_step(u):
            continue
        replies = us[u.index + 1:u.index + 1 + AGREEMENT_REACH]
        for r in replies:
            if r.speaker in buyers and _said_affirmed(r, lx.AGREEMENT) and not _deferred(r, head):
                agreed[r.speaker] = u
    last = max((u.index for u in agreed.values()), default=None)

    def open_after(u: Utterance) -> bool:
        if u.speaker in deciders:
            own = agreed.get(u.speaker)
            return own is None or u.index > own.index
        return last is None or u.index > last

    deferrals = [u for u in us[tail:] if u.speaker in buyers and _deferred(u, head)
                 and open_after(u)]
    if last is not None and not deferrals:
        return None
    if deferrals:
        who = deferrals[0].speaker
        role = " (the economic buyer)" if who in deciders else ""
        return RedFlag("no_next_step", f"{who}{role} left the next step open",
                       tuple(deferrals[:2]), who)
    return RedFlag("no_next_step", "The meeting ended without a next step the buyer agreed to",
                   us[-2:])


def red_flags(meeting: Meeting, buyer_names: set[str], roles: dict[str, Judgement],
              modes: dict[str, Judgement], mentions: list[Mention],
              cues: dict[int, CueScores] | None = None) -> list[RedFlag]:
    """Every red flag the meeting raises, in :data:`FLAGS` order. ``cues``: the evidence
    head's probabilities per buyer utterance index (None: cue lexicons only)."""
    b, h = buyer_names, cues or {}
    candidates = [
        economic_absent(roles, mentions, meeting, b, h),
        _known_or_unknown(meeting, b, ab.budget_evidence, BUDGET_TOPIC,
                          "budget_unknown", "Budget", True, h,
                          ("budget_stated", "budget_unclear"), ab.states_budget),
        _known_or_unknown(meeting, b, ab.process_evidence, PROCESS_TOPIC,
                          "decision_process_unknown", "Decision process", False, h,
                          ("process_stated", "process_unclear"), ab.speaks_of_deciding),
        _said_by_buyers(meeting, b, "new_influencer",
                        lx.NEW_INFLUENCER + fc.NEW_ARRIVAL + more.STARTS_AS + more.ARRIVES,
                        "{speaker} mentioned someone new in a position of influence", h,
                        affirmed=True),
        _said_by_buyers(meeting, b, "reorganization",
                        lx.REORGANIZATION + fc.REORG_NEWS + more.REORG_INDIRECT
                        + chk.REPORTING_MOVE,
                        "{speaker} mentioned a reorganization", h, affirmed=True),
        competitor_preferred(meeting, b, h),
        status_quo(meeting, b, roles, modes, h),
        no_next_step(meeting, b, h, {n for n, j in roles.items() if j.label == "economic"}),
    ]
    return [f for f in candidates if f is not None]
