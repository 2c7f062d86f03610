"""People the buyers talk about: absent influences and the buyer network.

"Our CFO has to sign off", "Lena from IT will want to see the API": a role word or a named
person in a department, said by a buyer. Each reference becomes a :class:`Mention` with the
probable role, the quote and how the speaker relates to that person (``mentions``,
``defers_to`` — they need that person's approval or check — or ``speaks_for`` — they pass on
that person's view). Mentions of people who are in the meeting stay as network edges; the
rest are the *absent* influences.

Names come from spaCy's PERSON entities when the text has capitals; ASR output in lower case
still yields "lena from it" through the department pattern, otherwise the role phrase itself
("our CFO") names the person.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from meetinglens.analysis import influence_asrnames as asr
from meetinglens.analysis import influence_flagcues as fc
from meetinglens.analysis import influence_lexicon as lx
from meetinglens.analysis import influence_mentioncues as mc
from meetinglens.model import Meeting, Speaker, Utterance

#: Characters between a role phrase and a spaCy PERSON for the name to be that person's.
NAME_WINDOW = 3
DETERMINERS = ("our ", "my ", "the ", "their ")
NOT_NAMES = {"i", "we", "you", "he", "she", "they", "it", "someone", "somebody", "anyone",
             "people", "guy", "guys", "folks", "team", "person", "one", "that", "this",
             "who", "and", "but", "so", "also", "then", "just", "even", "only", "really",
             "me", "us", "them", "him", "her", "everyone", "nobody", "all"}
#: Capitalised words that sit next to role phrases but are not names.
_WORDS_NOT_NAMES = {"our", "my", "the", "their", "yes", "no", "well", "honestly", "also",
                    "because", "if", "when", "then", "now", "sure", "okay", "ok", "right",
                    "has", "have", "will", "would", "needs", "signs", "is", "was", "and",
                    "or", "but", "with", "from", "to", "for", "on", "in", "at", "of",
                    "agreed", "thanks", "thank", "hi", "hello", "sorry", "actually",
                    "can", "could", "should", "do", "does", "did", "are", "what", "how", "why",
                    "where", "which", "whose", "maybe", "perhaps", "please", "ask", "tell",
                    # sentence openers that list or frame ("Second, our IT security team ...")
                    "first", "second", "third", "fourth", "fifth", "next", "finally", "lastly",
                    "plus", "again", "anyway", "look", "listen", "frankly", "obviously",
                    "basically", "otherwise", "besides", "meanwhile", "still", "though"}


@dataclass(frozen=True)
class Mention:
    """One buyer's reference to another person or group."""

    speaker: str            # who said it
    who: str                # a name ("Lena") or the role phrase ("our CFO")
    role: str               # probable role of the person mentioned
    relation: str           # mentions | defers_to | speaks_for
    utterance: Utterance
    quote: str
    present: str | None     # the meeting speaker it refers to, if in the room
    named: bool = False     # ``who`` is a person's name, not the role phrase


def _context_role(role: str, norm: str) -> str:
    """A generic title ("head of claims") is economic when the utterance gives it the money or
    the signature, a user buyer otherwise."""
    if role != "head":
        return role
    return "economic" if lx.any_hit(norm, lx.ECONOMIC_CONTEXT) else "user"


def _relation(norm: str) -> str:
    if lx.any_hit(norm, lx.DEFERS_CUES):
        return "defers_to"
    if lx.any_hit(norm, lx.SPEAKS_FOR_CUES):
        return "speaks_for"
    return "mentions"


@lru_cache(maxsize=256)
def _spacy_people(text: str) -> tuple[tuple[int, int, str], ...]:
    """spaCy PERSON entities of ``text`` (cached: the span finder and the name lookup both ask,
    and only for utterances that mention a role)."""
    if not re.search(r"[A-Z][a-z]", text):
        return ()
    try:
        from meetinglens.nlp import load_spacy

        doc = load_spacy()(text)
    except Exception:  # noqa: BLE001 - names are a nicety; the role phrase still names them
        return ()
    return tuple((e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON")


def _inside(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e, _ in spans)


#: A role word right after one of these is a title ("the Dean"), even when spaCy calls it a name.
_TITLE_BEFORE = re.compile(r"\b(the|our|their|my|your|a|an)\s+$")
#: "It goes to Henrik": a name reached by routing ...
ROUTING = re.compile(r"\b(goes|go) (straight )?(up )?to\b")
#: ... is a decider only when the utterance routes a decision, an approval, a purchase or a
#: step of a process ("I'd pick it and then it goes to Sharon").
ROUTED = (r"(sign|signs|signed|sign ?off|approv[a-z]*|decid[a-z]*|decision|final|budget|"
          r"spend|spending|over|above|anything (like this|bigger|more)|then (it|that|this)|"
          r"pick|choose|recommend[a-z]*|shortlist|order|purchase|contract|invoice|po)",)


def _nearest_name(people: tuple[tuple[int, int, str], ...], start: int, end: int) -> str | None:
    best = None
    for s, e, name in people:
        gap = s - end if s >= end else start - e if e <= start else 0
        if gap <= NAME_WINDOW and (best is None or gap < best[0]):
            best = (gap, name.strip(" ,."))
    return best[1] if best else None


#: A role phrase for a group, never the same as one named person beside it.
BODY_WORDS = (r"(committee|board|trustees|governors|partners|owners|family|council|team|"
              r"group|panel|directors|management|leadership)",)
#: Characters after a role phrase within which a spaCy PERSON of the same sentence is taken
#: as its name ("a new finance director on their side, Imogen Hale").
PERSON_AFTER_REACH = 40


_TRAILING_APPOSITION = re.compile(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[.,;!?]|$)")


def _person_after(people: tuple[tuple[int, int, str], ...], text: str, end: int) -> str | None:
    """The first person named soon after the phrase, with no sentence end in between: a spaCy
    PERSON, or a capitalised name set off by a comma at the end of the clause (spaCy's small
    model tags some names as organisations)."""
    found = [(s, name) for s, _, name in people]
    found += [(m.start(1), m.group(1)) for m in _TRAILING_APPOSITION.finditer(text, end)
              if m.group(1).split()[0].lower() not in NOT_NAMES | _WORDS_NOT_NAMES
              | asr.NOT_NAMES_LOWER]
    for s, name in sorted(found):
        if end <= s <= end + PERSON_AFTER_REACH and not re.search(r"[.!?;]", text[end:s]):
            return name.strip(" ,.")
    return None


_OF_COMPLEMENT = re.compile(r"^\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}[a-z]+(?=,)")
_APPOSITION_AFTER = re.compile(r"^,?\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
_APPOSITION_BEFORE = re.compile(r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),?\s+(?:our|my|the|their)?\s*$")


#: "Callum Reid, he does our IT", "Graham Tate, he's the other partner": a name, then a
#: pronoun clause that gives that person the role phrase.
_PRONOUN_CLAUSE_BEFORE = re.compile(
    r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),?\s+(?:he|she)(?:'s|\s+is|\s+was|\s+does|\s+runs|"
    r"\s+leads|\s+handles|\s+manages|\s+heads(?:\s+up)?|\s+looks\s+after|\s+owns|"
    r"\s+will\s+be|\s+used\s+to\s+run)\s+(?:the\s+|our\s+|my\s+|their\s+)?$")


def _apposition(text: str, start: int, end: int) -> str | None:
    """``our CFO, Henrik`` / ``Henrik, our CFO`` / ``Henrik, he's our CFO``: a capitalised
    name right beside the phrase."""
    of = _OF_COMPLEMENT.match(text[end:])  # "our director of customer care, Paula Reyes"
    after = _APPOSITION_AFTER.match(text[end + (of.end() if of else 0):])
    if after and after.group(1).split()[0].lower() not in NOT_NAMES | _WORDS_NOT_NAMES:
        return after.group(1)
    clause = _PRONOUN_CLAUSE_BEFORE.search(text[:start])
    if clause and clause.group(1).split()[0].lower() not in NOT_NAMES | _WORDS_NOT_NAMES:
        return clause.group(1)
    before = _APPOSITION_BEFORE.search(text[:start])
    if before:
        # "And Marius, the group FD": a capitalised opener before the name is no part of it
        words = before.group(1).split()
        while words and words[0].lower() in NOT_NAMES | _WORDS_NOT_NAMES:
            words.pop(0)
        if words and not any(w.lower() in NOT_NAMES | _WORDS_NOT_NAMES for w in words):
            return " ".join(words)
    return None


def _looks_named(text: str, start: int, name: str, cased: bool) -> bool:
    """A capitalised non-function word; in ASR text, a name-like word (:mod:`influence_asrnames`)."""
    if name.lower() in NOT_NAMES | _WORDS_NOT_NAMES | asr.NOT_NAMES_LOWER:
        return False
    return name[:1].isupper() if cased else asr.name_at(text, start)


def _phrase(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split()).strip(" ,.")


def _find_present(who: str, role_phrase: str, speakers: list[Speaker], by: str) -> str | None:
    """The meeting speaker a mention refers to: by first name, alias, or a matching title."""
    key = who.lower().split()[0] if who else ""
    for s in speakers:
        names = {s.name.lower(), s.name.lower().split()[0], *(a.lower() for a in s.aliases)}
        if key and key in names:
            return s.name
    bare = lx.normalise(role_phrase).split()
    bare_title = " ".join(w for w in bare if w not in {"our", "my", "the", "their"})
    for s in speakers:
        if s.name != by and s.title and bare_title and lx.compile_cue(re.escape(bare_title)) \
                .search(lx.normalise(s.title)):
            return s.name
    return None


#: A role phrase the speaker gives themself ("Tomás Ruiz, I lead IT security", "I'm the
#: CFO"): a self-introduction, not a mention of somebody else.
_SELF_DESCRIPTION = re.compile(
    r"\bi(?:(?:'m|\s+am)\s+(?:in\s+charge\s+of\s+|head\s+of\s+|in\s+|on\s+)?|"
    r"\s+(?:lead|run|head(?:\s+up)?|manage|look\s+after|oversee|own|work\s+in)\s+)"
    r"(?:the\s+|our\s+|my\s+)?$")
#: How far before a role phrase a self-introduction is looked for.
SELF_REACH = 40


def _describes_self(norm: str, start: int) -> bool:
    return bool(_SELF_DESCRIPTION.search(norm[max(0, start - SELF_REACH):start]))


def find_mentions(meeting: Meeting, speakers: list[Speaker]) -> list[Mention]:
    """Every buyer reference to a person or group with a buying-influence role."""
    names = {s.name for s in speakers}
    everyone = list(meeting.speakers)
    out: list[Mention] = []
    for u in meeting.utterances:
        if u.speaker not in names:
            continue
        norm = lx.normalise(u.text)
        cased = any(c.isupper() for c in u.text)  # ASR output has no capitals at all
        spans = _mention_spans(u.text, norm, cased)
        spans += _clause_named(u.text, norm, cased, spans)
        if not spans:
            continue
        people = _spacy_people(u.text)
        relation = _relation(norm)
        for start, end, role, name in sorted(spans):
            if _describes_self(norm, start):
                continue
            phrase = _phrase(u.text, start, end)
            body = name == phrase
            name = name or _apposition(u.text, start, end) or _nearest_name(people, start, end) \
                or (None if cased else asr.name_beside(u.text, start, end)) \
                or (None if lx.any_hit(lx.normalise(phrase), BODY_WORDS)
                    else _person_after(people, u.text, end))
            who = name or phrase
            present = _find_present(name or "", phrase, everyone, u.speaker)
            if present == u.speaker:
                continue
            out.append(Mention(u.speaker, who, role, relation, u, u.text, present,
                               named=bool(name) and not body))
    return _roles_from_elsewhere(meeting, out)


def _roles_from_elsewhere(meeting: Meeting, mentions: list[Mention]) -> list[Mention]:
    """A named mention of no known role takes the role another turn gives that name in
    apposition ("margaret wants fifteen" ... "margaret dunmore, chief exec")."""
    if not any(m.named and m.role == "unknown" for m in mentions):
        return mentions

    def is_name(text: str, at: int) -> bool:
        cased = any(c.isupper() for c in text)
        return text[at:at + 1].isupper() if cased else asr.name_at(text, at)

    roles = mc.meeting_name_roles([u.text for u in meeting.utterances], is_name)
    return [replace(m, role=roles.get(m.who.lower().split()[0], m.role))
            if m.named and m.role == "unknown" else m for m in mentions]


Span = tuple[int, int, str, "str | None"]  # start, end, role, name (None: the phrase names it)


def _mention_spans(text: str, norm: str, cased: bool) -> list[Span]:
    """Where ``text`` refers to an influence: named departments first, then named deciders
    and views, then role phrases not inside an earlier span."""
    spans: list[Span] = []
    for m in lx.compile_cue(lx.NAMED_DEPARTMENT).finditer(norm):
        name = m.group(1)
        dept = " ".join(m.group(4).split())
        if name in NOT_NAMES or len(name) < 3 or (cased and not text[m.start(1)].isupper()) \
                or (not cased and not asr.name_at(text, m.start(1))):
            continue
        if dept == "it" and (text[m.start(4):m.end(4)] != "IT" if cased
                             else m.group(2) != "from"
                             and not asr.name_at(text, m.start(1), verb_after=True)):
            continue  # "on it", "in it"; ASR "karl in it confirms" is kept
        spans.append((m.start(), m.end(), lx.DEPARTMENT_ROLE.get(dept, "unknown"),
                      text[m.start(1):m.end(1)]))
    _add_named(spans, text, norm, cased, [(lx.NAMED_DECIDER, "economic")], overlap_ok=True)
    _add_named(spans, text, norm, cased, [*fc.NAMED_MORE, *mc.NAMED_MORE9,
                                          (lx.NAMED_VIEW, "unknown")])
    # "brennan bought us": whoever bought the business is a name (or a firm) in any case.
    _add_named(spans, text, norm, cased, list(mc.ACQUIRER), loose=True)
    for pattern, role in lx.MENTION_TERMS + fc.MENTION_MORE + mc.MENTION_TERMS_MORE:
        for m in lx.compile_cue(pattern).finditer(norm):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, *_ in spans):
                continue
            if cased and _inside(_spacy_people(text), m.start(), m.end()) \
                    and not _TITLE_BEFORE.search(norm[:m.start()]):
                continue  # "talk to Dean Hollis": a person called Dean, not "the Dean"
            # A body ("the finance and audit committee") is named by its own phrase.
            body = (pattern, role) in fc.MENTION_MORE[:1]
            spans.append((m.start(), m.end(), _context_role(role, norm),
                          _phrase(text, m.start(), m.end()) if body else None))
    # "the Friday job goes to Leeds": routing to a name needs something to route
    routed = lx.any_hit(norm, ROUTED)
    return [sp for sp in spans if routed or not ROUTING.search(norm[sp[0]:sp[1]])]


def _add_named(spans: list[Span], text: str, norm: str, cased: bool,
               patterns: list[tuple[str, str]], overlap_ok: bool = False,
               loose: bool = False) -> None:
    """Add the matches of cue patterns with a ``name`` group that looks like a name; unless
    ``overlap_ok``, a match starting inside an earlier span is skipped; ``loose``: any word that
    is no function word or common noun counts as a name (the pattern itself says it is one)."""
    for pattern, role in patterns:
        for m in lx.compile_cue(pattern).finditer(norm):
            name = text[m.start("name"):m.end("name")]
            looks = asr.plain_name(name) if loose else _looks_named(text, m.start("name"),
                                                                     name, cased)
            if looks and (
                    overlap_ok or not any(s <= m.start() < e for s, e, *_ in spans)):
                spans.append((m.start(), m.end(), role, name))


def involved(m: Mention) -> bool:
    """Whether the utterance ties the mentioned person to the deal (see INVOLVEMENT_CUES)."""
    norm = lx.normalise(m.utterance.text)
    return bool(lx.any_hit(norm, lx.INVOLVEMENT_CUES) or lx.any_hit(norm, lx.NEW_INFLUENCER)
                or lx.any_hit(norm, fc.INVOLVEMENT_MORE) or lx.any_hit(norm, mc.INVOLVEMENT_MORE9))


def absent_influences(mentions: list[Mention]) -> list[Mention]:
    """First mention of each absent person/group (by name or role phrase) tied to the deal.
    A role phrase beside a named person of the same role in the same utterance ("Frank signs
    everything, he's the owner") is that person, not a second influence."""
    seen: set[str] = set()
    out = []
    named = {(m.utterance.index, m.role) for m in mentions if m.named}
    for m in mentions:
        if m.present or m.role == "unknown" or not involved(m):
            continue
        if not m.named and (m.utterance.index, m.role) in named \
                and not lx.any_hit(lx.normalise(m.who), BODY_WORDS):
            continue
        key = " ".join(w for w in lx.normalise(m.who).split()
                       if w not in {"our", "my", "the", "their"})
        if key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out


#: Words after a name read for what that person does (:func:`_clause_named`).
CLAUSE_WORDS = 10
#: In ASR text a name follows no determiner, adjective, auxiliary or verb ("will need",
#: "was going", "our budget"): the word there is the verb or noun of someone else's clause.
NOT_BEFORE_NAME = {"DET", "ADJ", "AUX", "VERB", "PART", "NUM"}


def _name_candidates(text: str, cased: bool) -> list[tuple[int, int, str]]:
    """People named in ``text``: spaCy PERSON entities in cased text; in ASR text, name-like
    words (:func:`influence_asrnames.name_at`) in a subject's place."""
    if cased:
        return list(_spacy_people(text))
    return [(t.idx, t.idx + len(t.text), t.text) for t in asr._doc(text)
            if asr.plain_name(t.text) and t.ent_type_ not in asr.NOT_NAME_ENTS
            and not (t.i > 0 and (t.nbor(-1).pos_ in NOT_BEFORE_NAME
                                  or t.nbor(-1).tag_ == "PRP$"))]


def _clause_window(text: str, norm: str, end: int, cased: bool) -> tuple[int, str]:
    """The words after a name that still speak of that person: up to CLAUSE_WORDS, stopping at a
    sentence end or at ``i`` as a new subject ("..., he sees any contract before I sign")."""
    rest = norm[end:]
    if cased:
        stop = re.search(r"[.!?;]", text[end:])
        rest = rest[:stop.start()] if stop else rest
    words = list(re.finditer(r"\S+", rest))[:CLAUSE_WORDS]
    cut = next((k for k, w in enumerate(words) if w.group() == "i"
                and not (k == 1 and words[0].group() == "and")), len(words))
    words = words[:cut]
    return end, rest[:words[-1].end()] if words else ""


def _subject_of(gap: list[str]) -> bool:
    """Whether the words between a name and a cue keep the name as the cue's subject: a few
    pronouns and auxiliaries ("Hugh, we own it", "Colm's the other director"), or one
    coordinated name ("Gemma and Leanne run lessons")."""
    if gap[:1] == ["and"] and len(gap) >= 2:
        gap = gap[2:] if asr.plain_name(gap[1]) else gap[1:]
    return len(gap) <= mc.SUBJECT_GAP_WORDS and all(w in mc.SUBJECT_GAP for w in gap)


def _clause_role(window: str) -> tuple[str, int] | None:
    """The role the first fitting cue of CLAUSE_ROLES gives, and where that cue ends: the cue
    must have the name as its subject and no negation before it."""
    for pattern, role in mc.CLAUSE_ROLES:
        for m in lx.compile_cue(pattern).finditer(window):
            gap = window[:m.start()].split()
            if not _subject_of(gap) or lx.NEGATION.search(window[:m.start()]):
                continue
            if role == "economic" and set(gap[-2:]) & mc.NOT_THEIR_SIGNATURE:
                continue  # "he'll go through your terms before we sign"
            return role, m.end()
    return None


def _clause_named(text: str, norm: str, cased: bool, spans: list[Span]) -> list[Span]:
    """Named people whose role is read from what the same clause says they do ("Dad, Phil,
    still signs anything multi-year", "rosalind chairs the finance committee"), not from a
    title word; a name another span already carries is left to it."""
    taken = {(n or "").lower().split()[0] for *_, n in spans if n}
    out: list[Span] = []
    for start, end, name in _name_candidates(text, cased):
        key = name.lower().split()[0] if name.split() else ""
        if not key or key in taken or key in NOT_NAMES | _WORDS_NOT_NAMES \
                or any(s <= start < e for s, e, *_ in spans):
            continue
        at, window = _clause_window(text, norm, end, cased)
        found = _clause_role(window)
        if found:
            taken.add(key)
            out.append((start, at + found[1], found[0], name.strip(" ,.")))
    return out
