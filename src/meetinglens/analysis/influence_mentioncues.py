"""Mention cues of round 9: whom a role phrase names, when the name is not right beside it.

Why: on the blind sets of rounds 6-8 the role phrase was found ("a new head of quality and
compliance", "our board", "the night shift lead") but the person the codebook counts was not
(mention recall 0.07-0.33): a name set off later in the clause ("…, Fiona Marsh"), a person
who *sits on* the board ("Colm Byrne from their side sits on our board"), an owner named as
the one who bought the business ("brennan bought us in october"), and a first name whose
role was said in another turn ("margaret wants fifteen" … "is that margaret your chief
exec" — "yeah margaret dunmore chief exec"). These patterns close those gaps generically:
each names the person by what they do, not by one meeting's wording.
"""

from __future__ import annotations

import re

from meetinglens.analysis import influence_lexicon as lx

#: Role phrases beyond influence_lexicon.MENTION_TERMS: newcomers introduced with "a new …",
#: shift-level users, and the short "chief exec".
MENTION_TERMS_MORE: tuple[tuple[str, str], ...] = (
    (r"(a|our|the|their) new head of (quality|compliance|it|security|infosec|data|"
     r"engineering|infrastructure|technology|systems|digital)( and [a-z]+)?", "technical"),
    (r"(the|our|my) ((night|day|late|early|weekend) )?(shift lead|team lead|shift supervisor|"
     r"foreman|forewoman|chargehand|charge hand|duty manager)", "user"),
    (r"(the|our|my|your) chief exec|chief exec", "economic"),
    # "a new operations director, Farah Haddad", "the group FD, Morag Quinn", "Dermot, the
    # station manager": the titles that run a business.
    (r"(a|our|the|their) (new )?(group |regional |operations |ops |commercial |finance )?"
     r"(fd|director)|(the|our) (station|general) manager", "economic"),
)

#: Named people tied to the deal by what they are: the other owner, a person who sits on the
#: board. Group ``name`` as in influence_mentions._add_named.
NAMED_MORE9: tuple[tuple[str, str], ...] = (
    (r"(?P<name>[a-z]+)('s|s| is) (the|our) (other )?(owner|boss|founder|md|chief exec)",
     "economic"),
    (r"(?P<name>[a-z]+) (from [a-z]+ |from their (side|end) |from the [a-z]+ )?"
     r"(now )?(sits|is|has a seat|now sits) on (our|the) (board|investment committee)",
     "economic"),
)

#: Whoever bought the business ("brennan bought us") is a name or a firm in any case, so its
#: name is matched loosely (:func:`influence_asrnames.plain_name`).
ACQUIRER: tuple[tuple[str, str], ...] = (
    (r"(?P<name>[a-z]+) (have |has |had |just )?(bought|acquired|took over|taken over) "
     r"(us|the (business|company|firm|group|site|place))", "economic"),
)

#: Being brought to the demo or the trial ties a person to the deal as much as a review; whoever
#: bought the business owns every purchase of it (as the owner does, influence_flagcues).
INVOLVEMENT_MORE9 = (r"(in for (it|the demo|the trial)|on the (demo|trial|pilot)|to the demo|"
                     r"(see|sees|show (her|him|them)) the demo)",
                     r"(bought|acquired|took over|taken over) (us|the (business|company|firm|"
                     r"group))")

_ROLE_TERMS = lx.MENTION_TERMS[:2] + MENTION_TERMS_MORE[2:]
#: A name right before a role phrase ("margaret dunmore chief exec", "Dermot, the station
#: manager") or right after it ("our finance director, Oskar"), in any speaker's turn.
_DETERMINERS = {"our", "your", "the", "their", "my", "a"}


def meeting_name_roles(texts: list[str], is_name) -> dict[str, str]:
    """First name (lower case) -> role, where any turn of the meeting puts a name in
    apposition with an economic or technical role phrase. ``is_name(text, char)`` says whether
    the word at ``char`` is a person's name (capitalised, or name-like in ASR text)."""
    found: dict[str, str] = {}
    for text in texts:
        norm = lx.normalise(text)
        for pattern, role in _ROLE_TERMS:
            for m in lx.compile_cue(pattern).finditer(norm):
                words = norm[:m.start()].split()[-3:]
                while words and words[-1] in _DETERMINERS:
                    words.pop()
                cands = words[-2:] + norm[m.end():].split()[:1]
                for name in cands:
                    at = _word_at(norm, name, m.start(), m.end())
                    if at is not None and is_name(text, at):
                        found.setdefault(name, role)
                        break
    return found


def _word_at(norm: str, word: str, start: int, end: int) -> int | None:
    """Offset of ``word`` nearest the phrase at [start, end) (within 30 characters)."""
    best = None
    for m in re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z])", norm):
        gap = start - m.end() if m.end() <= start else m.start() - end
        if 0 <= gap <= 30 and (best is None or gap < best[0]):
            best = (gap, m.start())
    return best[1] if best else None


#: Round 17: what a clause says a named person does gives their role, when no title word does
#: ("Dad, Phil, still signs anything multi-year", "me and my sister X, we both sign",
#: "X chairs the finance committee", "X ... will go through your terms", "X and Y run lessons
#: day to day"). Read on the few words after the name (influence_mentions._clause_named), in
#: this order: a signature, ownership or the money first, then a check, then daily use.
CLAUSE_ROLES: tuple[tuple[str, str], ...] = (
    (r"(counter ?signs?|co ?signs?|signs?(?! (up|in)(?![a-z]))(?! on(?! (anything|everything|"
     r"it|this|that|all|any|every|the|contracts?)(?![a-z])))|signs? off|approves?|"
     r"say yes or no|says yes or no|"
     r"(own|owns|owned) (it|the (place|business|company|practice|firm|shop|group))|"
     r"(has|have|still has|holds) (his|her|their) (half|share|stake)|"
     r"('s|s|is) (his|her|their) (company|business|money|firm)|"
     r"(holds|controls|owns|has) the (budget|purse strings|money|chequebook)|"
     r"put [a-z0-9 ]{0,30} aside|"
     r"chairs? (the|our) ((finance|investment|audit|capital) )?(committee|board)|"
     r"('s|s|is|was) (the|our) (other )?(director|owner|partner|chair|chairman|chairwoman))",
     "economic"),
    (r"((go|goes|going to go|'ll go|will go|to go) through (your|the|our|any|every|all) "
     r"(terms|contract|contracts|data|security|paperwork|small print|specs?)|"
     r"(check|checks|review|reviews|validate|validates|vet|vets) (the |your |our |any |every )?"
     r"(terms|contract|contracts|data|security|specs?|api|integration|validation|dpia))",
     "technical"),
    (r"((run|runs) [a-z ]{0,25}day to day|(use|uses|using) it (every day|day to day|daily))",
     "user"),
)
#: Words before a signature verb that give it to someone else ("before we sign").
NOT_THEIR_SIGNATURE = {"before", "until", "till", "then", "when", "once", "after", "i"}
#: Words that may stand between a name and what it does with the name still the subject.
SUBJECT_GAP = {"he", "she", "they", "we", "both", "and", "i", "still", "also", "'s", "s",
               "will", "'ll", "would", "has", "have", "had", "to", "then", "now", "always",
               "usually", "normally", "actually", "just", "who", "is", "does", "do", "did"}
SUBJECT_GAP_WORDS = 4
