"""Buying influences (Miller & Heiman): roles, response modes, absent influences, red flags.

Runs first, so that every later analyzer can name a speaker's role
(:meth:`AnalysisContext.role_of` reads ``metrics["roles"][name]["role"]``).

* roles — per buyer-side speaker: economic | user | technical | coach | unknown, with
  confidence and the utterances that show it; a participants-file title is a prior only.
* response modes — growth | trouble | even_keel | overconfident | unclear, with evidence.
* mentions — influences talked about but not in the room (who, probable role, quote), and
  the buyer network (who mentions, defers to or speaks for whom).
* red flags — see :mod:`influence_flags`; coverage — the four influences x present /
  mentioned / not seen.

Everything works on normalised text (:func:`influence_lexicon.normalise`), so ASR output
without capitals or punctuation is judged the same way as a typed transcript.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from meetinglens.analysis.base import AnalysisContext
from meetinglens.analysis.influence_flaghead import CueScores
from meetinglens.analysis.influence_flags import FLAG_TITLES, RedFlag, red_flags
from meetinglens.analysis.influence_mentions import (
    Mention,
    absent_influences,
    find_mentions,
    involved,
)
from meetinglens.analysis.influence_roles import (
    ROLE_ORDER,
    Judgement,
    buyer_speakers,
    judge_mode,
    judge_role,
    utterances_of,
)
from meetinglens.model import AnalyzerResult, Evidence, Finding, Meeting, Speaker, Utterance

NAME = "influence"
REQUIRES = {"utterances"}

ROLE_WORDS = {"economic": "economic buyer", "user": "user buyer", "technical": "technical buyer",
              "coach": "coach", "unknown": "unknown influence"}
#: What a response mode means to the rep (Miller & Heiman: growth and trouble are the modes in
#: which a sale can happen; even keel and overconfident see no gap). Trouble is a chance to
#: help but also pain that needs care, so it is a notice, not a "good" finding.
MODE_SEVERITY = {"growth": "positive", "trouble": "notice", "even_keel": "notice",
                 "overconfident": "notice"}
MODE_MEANING = {
    "growth": "wants more than today: open to change",
    "trouble": "something hurts now: a reason to act soon, so address the pain first",
    "even_keel": "content with today: show a gap before proposing a change",
    "overconfident": "sure all is well: unlikely to buy until they see a gap",
}


def clock(seconds: float | None) -> str:
    """``mm:ss`` or ``h:mm:ss``; empty for untimed transcripts."""
    if seconds is None:
        return ""
    total = int(seconds)
    h, rest = divmod(total, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60:02d}:{rest % 60:02d}"


def _ev(u: Utterance) -> Evidence:
    return Evidence.of(u)


def _ev_dict(u: Utterance, cue: str = "") -> dict:
    d = {"quote": u.text, "start": u.start, "end": u.end, "utterance": u.index}
    if cue:
        d["cue"] = cue
    return d


def coverage(roles: dict[str, Judgement], absent: list[Mention]) -> dict[str, str]:
    """Each of the four influences: present (a speaker plays it), mentioned, or not_seen."""
    present = {j.label for j in roles.values()}
    mentioned = {m.role for m in absent}
    return {r: "present" if r in present else "mentioned" if r in mentioned else "not_seen"
            for r in ROLE_ORDER}


def _role_finding(j: Judgement, meeting: Meeting) -> Finding | None:
    if j.label == "unknown" or not j.evidence:
        return None
    u, cue = j.evidence[0]
    title = meeting.speaker(j.speaker).title
    prior = f"; title '{title}'" if title and j.basis == "speech+title" else ""
    return Finding(
        kind="influence.role",
        summary=(f"{j.speaker} acts as the {ROLE_WORDS[j.label]} (confidence "
                 f"{j.confidence:.2f}{prior}): \"{cue}\"" + (f" at {clock(u.start)}" if u.timed
                                                            else "")),
        severity="info", speaker=j.speaker, role=j.label,
        evidence=tuple(_ev(u) for u, _ in j.evidence), confidence=j.confidence,
        data={"basis": j.basis, "scores": j.scores})


def _mode_finding(j: Judgement) -> Finding | None:
    if j.label == "unclear" or not j.evidence:
        return None
    return Finding(
        kind=f"influence.mode_{j.label}",
        summary=(f"{j.speaker} is in {j.label.replace('_', ' ')} mode ({MODE_MEANING[j.label]}): "
                 f"\"{j.evidence[0][1]}\""),
        severity=MODE_SEVERITY[j.label], speaker=j.speaker,
        evidence=tuple(_ev(u) for u, _ in j.evidence), confidence=j.confidence,
        data={"mode": j.label, "scores": j.scores})


def _mention_finding(m: Mention) -> Finding:
    return Finding(
        kind="influence.absent_influence",
        summary=(f"{m.speaker} mentioned {m.who}, probably the {ROLE_WORDS[m.role]}, who was "
                 "not in the meeting"),
        severity="notice" if m.role == "economic" else "info",
        evidence=(_ev(m.utterance),),
        data={"who": m.who, "role": m.role, "said_by": m.speaker, "relation": m.relation})


def _flag_finding(f: RedFlag) -> Finding:
    return Finding(kind=f"influence.{f.kind}", summary=f"{FLAG_TITLES[f.kind]}: {f.summary}",
                   severity="warning", speaker=f.speaker,
                   evidence=tuple(_ev(u) for u in f.evidence), data={"flag": f.kind})


def _tables(meeting, roles, modes, mentions, absent, flags, cover) -> dict:
    role_rows = tuple({
        "speaker": n, "title": meeting.speaker(n).title or "", "role": j.label,
        "confidence": j.confidence, "basis": j.basis,
        "response_mode": modes[n].label, "mode_confidence": modes[n].confidence,
        "evidence": " | ".join(u.text for u, _ in j.evidence),
        "first_evidence_start": j.evidence[0][0].start if j.evidence else None,
    } for n, j in roles.items())
    mention_rows = tuple({
        "who": m.who, "role": m.role, "said_by": m.speaker, "relation": m.relation,
        "utterance": m.utterance.index, "start": m.utterance.start, "quote": m.quote,
    } for m in absent)
    flag_rows = tuple({
        "flag": f.kind, "title": FLAG_TITLES[f.kind], "summary": f.summary,
        "speaker": f.speaker, "utterance": f.evidence[0].index if f.evidence else None,
        "start": f.evidence[0].start if f.evidence else None,
        "quote": f.evidence[0].text if f.evidence else "",
    } for f in flags)
    coverage_rows = tuple({"role": r, "status": s,
                           "speakers": ", ".join(n for n, j in roles.items() if j.label == r)}
                          for r, s in cover.items())
    # A passing mention ("two customers complained to our CEO") is no part of the network.
    network_rows = tuple({
        "source": m.speaker, "target": m.present or m.who, "target_present": bool(m.present),
        "target_role": roles[m.present].label if m.present in roles else m.role,
        "relation": m.relation, "utterance": m.utterance.index, "quote": m.quote,
    } for m in mentions if m.present or involved(m))
    return {"roles": role_rows, "mentions": mention_rows, "red_flags": flag_rows,
            "coverage": coverage_rows, "network": network_rows}


def mode_head_scores(meeting: Meeting, buyers, head) -> dict[str, list[dict[str, float]]]:
    """Per buyer, a head's class probabilities (modes or roles) for each of their utterances."""
    if head is None:
        return {}
    texts = [u.text for s in buyers for u in utterances_of(meeting, s.name)]
    scores = iter(head.mode_scores(texts))
    return {s.name: [next(scores) for _ in utterances_of(meeting, s.name)] for s in buyers}


def flag_cue_scores(meeting: Meeting, buyers, flag_head) -> dict:
    """Utterance index -> the evidence head's class probabilities, for buyer utterances."""
    if flag_head is None:
        return {}
    names = {s.name for s in buyers}
    said = [u for u in meeting.utterances if u.speaker in names]
    return {u.index: p for u, p in zip(said, flag_head.scores([u.text for u in said]))}


def _default_head(loader, what: str):
    """An installed head, or None and a note saying why the lexicons judge alone."""
    from meetinglens.errors import ModelNotFoundError

    try:
        return loader(), None
    except ModelNotFoundError as exc:
        return None, f"{what} judged by cue lexicons only: " + str(exc).splitlines()[0]


def _head_info(head) -> dict | None:
    if head is None:
        return None
    info = head.info
    return {"name": info.name, "version": info.version, "sha256": info.sha256}


def analyze(ctx: AnalysisContext) -> AnalyzerResult:
    from meetinglens.analysis.influence_flaghead import load_flag_head
    from meetinglens.analysis.influence_head import load_head, load_role_head
    from meetinglens.analysis.influence_speaker import load_mode_model, load_role_model

    head, note = _default_head(load_head, "response modes")
    role_head, role_note = _default_head(load_role_head, "roles")
    flag_head, flag_note = _default_head(load_flag_head, "red flags")
    # Roles and modes: the speaker-level models (influence_speaker). Round 16: the mode model
    # replaced the cue tally, which read long-winded buyers as in trouble on blind meetings.
    role_model, rm_note = _default_head(load_role_model, "speaker roles (tally)")
    mode_model, mm_note = _default_head(load_mode_model, "speaker modes (tally)")
    result = analyze_with(ctx, head, role_head, flag_head, (role_model, mode_model))
    notes = tuple(n for n in (note, role_note, flag_note, rm_note, mm_note) if n)
    if notes:
        result = replace(result, notes=result.notes + notes)
    return result


@dataclass(frozen=True)
class BuyerReading:
    """What the learned parts and lexicons read from the buyer side of one meeting: the inputs
    of :func:`influence_flags.red_flags` (``benchmarks/influence_flag_rules.py`` caches them to
    judge flag rules alone)."""

    buyers: tuple[Speaker, ...]
    note: str | None
    roles: dict[str, Judgement]
    modes: dict[str, Judgement]
    mentions: list[Mention]
    cues: dict[int, CueScores]


def read_buyers(meeting: Meeting, head=None, role_head=None, flag_head=None,
                speaker_models=(None, None)) -> BuyerReading:
    """Roles, modes, mentions and per-utterance flag evidence of the buyer-side speakers."""
    role_model, mode_model = speaker_models or (None, None)
    buyers, note = buyer_speakers(meeting)
    role_scores = mode_head_scores(meeting, buyers, role_head) if buyers else {}
    roles = {s.name: judge_role(s, utterances_of(meeting, s.name), role_scores.get(s.name),
                                role_model) for s in buyers}
    head_scores = mode_head_scores(meeting, buyers, head) if buyers else {}
    modes = {s.name: judge_mode(s.name, utterances_of(meeting, s.name),
                                head_scores.get(s.name), mode_model, role_scores.get(s.name))
             for s in buyers}
    cues = flag_cue_scores(meeting, buyers, flag_head) if buyers else {}
    return BuyerReading(tuple(buyers), note, roles, modes, find_mentions(meeting, buyers), cues)


def analyze_with(ctx: AnalysisContext, head=None, role_head=None,
                 flag_head=None, speaker_models=(None, None)) -> AnalyzerResult:
    """The analysis with explicit mode, role and red-flag heads (None: cue lexicons only) and
    speaker-level (role, mode) models (None: the older cue tally decides)."""
    meeting = ctx.meeting
    role_model, mode_model = speaker_models or (None, None)
    read = read_buyers(meeting, head, role_head, flag_head, speaker_models)
    buyers, note, roles, modes = read.buyers, read.note, read.roles, read.modes
    mentions = read.mentions
    absent = absent_influences(mentions)
    flags = red_flags(meeting, set(roles), roles, modes, mentions, read.cues) if buyers else []
    cover = coverage(roles, absent)
    metrics = {
        "roles": {n: {"role": j.label, "confidence": j.confidence, "basis": j.basis,
                      "title": meeting.speaker(n).title,
                      "evidence": [_ev_dict(u, c) for u, c in j.evidence]}
                  for n, j in roles.items()},
        "response_modes": {n: {"mode": j.label, "confidence": j.confidence,
                               "evidence": [_ev_dict(u, c) for u, c in j.evidence]}
                           for n, j in modes.items()},
        "coverage": cover,
        "red_flags": [f.kind for f in flags],
        "absent_influences": len(absent),
        "mode_head": _head_info(head),
        "role_head": _head_info(role_head),
        "flag_head": _head_info(flag_head),
        "speaker_role_model": _head_info(role_model),
        "speaker_mode_model": _head_info(mode_model),
    }
    findings = [f for j in roles.values() if (f := _role_finding(j, meeting))]
    findings += [f for j in modes.values() if (f := _mode_finding(j))]
    findings += [_mention_finding(m) for m in absent]
    findings += [_flag_finding(f) for f in flags]
    notes = [note] if note else []
    if not buyers:
        notes.append("no buyer-side speaker: roles, modes and red flags need at least one")
    notes.append("roles: a speaker-level model over each buyer's strongest and typical "
                 "per-utterance evidence (role head, cue lexicons) with the title as one input; "
                 "modes: a speaker-level model over the mode head and cue lexicons "
                 "(docs/codebook-influence.md)")
    return AnalyzerResult(NAME, metrics, tuple(findings),
                          _tables(meeting, roles, modes, mentions, absent, flags, cover),
                          tuple(notes),
                          models=tuple(h.info for h in (head, role_head, flag_head,
                                                        role_model, mode_model)
                                       if h is not None))
