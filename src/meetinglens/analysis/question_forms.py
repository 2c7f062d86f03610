"""Clause-level question forms: the grammar tests behind ``question_rules.classify_tokens``.

Each predicate reads the lower-cased words of one clause (hesitations and stutters already
removed) and answers one question about its form: does it open with a wh-word that asks (not
a free relative, "what we did was…")? is an auxiliary inverted before its subject? does it end
in a tag that mirrors the statement ("it doesn't mix well, does it")? does it ask in statement
form ("I was wondering what you use")? Kept apart from segmentation and the decision order in
``question_rules`` so each module stays readable on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from meetinglens.analysis import question_lexicon as lex

#: Confidence of each way of recognising a question (rough precision seen on SwDA train).
CONF_FORM_AND_MARK = 0.95
CONF_FORM_ONLY = 0.85
CONF_MARK_ONLY = 0.7
CONF_TAG = 0.8
CONF_EMBEDDED = 0.75
CONF_RHETORICAL = 0.6
CONF_CHECK_FRAME = 0.65
CONF_ANSWERED = 0.55

#: How far after a wh-word + noun phrase to look for the auxiliary ("what kind of car DO you").
WH_AUX_WINDOW = 6

SPLIT_AUX = frozenset("do does did are is was were can could would will have has".split())


@dataclass(frozen=True)
class Verdict:
    qtype: str | None
    open: bool = False
    confidence: float = 0.0
    reason: str = ""


NOT_A_QUESTION = Verdict(None)


def strip_fillers(words: list[str]) -> list[str]:
    i = 0
    while i < len(words):
        for phrase in lex.LEADING_FILLER_PHRASES:
            if tuple(words[i:i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            if words[i] in lex.LEADING_FILLERS and i < len(words) - 1:
                i += 1
                continue
            break
    return words[i:]


def starts(words: list[str], phrases) -> tuple[str, ...] | None:
    for phrase in phrases:
        if tuple(words[:len(phrase)]) == tuple(phrase):
            return tuple(phrase)
    return None


LONE_WH = frozenset({"why", "where", "when", "who", "how"})


def echo(bare: tuple[str, ...]) -> bool:
    """ "Are you?", "did they really?", "oh, you were?": an echo that reacts, like
    "really?" (SwDA bh; on SwDA train, pronoun + auxiliary alone is bh 21 times in 31)."""
    rest = [w for w in bare if w not in {"oh", "really", "now", "so", "and"}]
    if len(rest) != 2:
        return False
    return ((rest[0] in lex.AUX_POS and rest[1] in lex.PRONOUN_SUBJ)
            or (rest[0] in lex.PRONOUN_SUBJ and rest[1] in lex.AUX))


#: Words a finished question does not end on ("do you", "what is the", "can a").
_DANGLING = lex.AUX | lex.WH | lex.WH_CONTRACTED | frozenset(
    "a an the your our their my his of to and or but in with for like".split())


def unfinished(core: list[str]) -> bool:
    """An abandoned start ("do you", "so what's"): SwDA's '%', no question asked yet."""
    return len(core) <= 3 and (core[-1] in _DANGLING or (len(core) == 2 and core[0] in lex.AUX))


def so_do_i(words: list[str]) -> bool:
    """ "so do I", "neither did we": agreement, not inversion for a question."""
    return (2 <= len(words) <= 4 and words[0] in {"so", "neither", "nor"}
            and words[1] in lex.AUX and words[-1] in lex.PRONOUN_SUBJ)


def relative_which(core: list[str]) -> bool:
    """ "Which is funny." continues the previous sentence; it does not ask."""
    return len(core) > 1 and core[0] == "which" and core[1] in lex.AUX | {"means", "makes", "made"}


CLARIFICATION = frozenset({
    ("what",), ("pardon",), ("sorry",), ("excuse", "me"), ("pardon", "me"), ("huh",),
    ("what", "was", "that"), ("come", "again"), ("say", "again"), ("i'm", "sorry"),
    ("what's", "that"), ("say", "that", "again"),
})


def conf(asked: bool) -> float:
    return CONF_FORM_AND_MARK if asked else CONF_FORM_ONLY


def form(core: list[str], asked: bool = False) -> str | None:
    """'wh' or 'yes_no' when the clause has interrogative syntax, else None.

    With a question mark the syntax may be looser ("where you going to school?", "has
    Herschel done much?", "so, your wife, does she work?").
    """
    if not core:
        return None
    w0 = core[0]
    nxt = core[1] if len(core) > 1 else ""
    if w0 in lex.WH_CONTRACTED:
        return "wh"
    if w0 in lex.WH:
        return "wh" if (asked and nxt) or _wh_is_question(core) else None
    if w0 in lex.AUX and nxt:
        if asked:
            return "yes_no"
        if nxt in lex.PRONOUN_SUBJ:
            return "yes_no"
        if nxt in lex.DET_SUBJ and w0 not in lex.AUX_IMPERATIVE_BEFORE_DET:
            return "yes_no"
    return None


def inversion_inside(core: list[str]) -> bool:
    """An auxiliary before its subject after a fronted phrase: "your wife, does she work?",
    "being down there, do you get to see it?" (only trusted with a question mark)."""
    for i in range(1, len(core) - 1):
        if (core[i] in SPLIT_AUX and core[i + 1] in _INNER_SUBJ
                and core[i - 1] not in _NOT_BEFORE_INNER and core[i - 1] not in lex.AUX):
            return True
    return False


_INNER_SUBJ = frozenset({"you", "he", "she", "they", "it", "we", "the", "your", "y'all"})
_NOT_BEFORE_INNER = lex.WH | frozenset("if whether that than so neither nor i and".split())


_WH_NEXT_QUESTION = frozenset(
    "about else if come kind sort type types kinds sorts part exactly happened happens "
    "many much long often old far big soon".split())


def _wh_is_question(core: list[str]) -> bool:
    """A wh-word heads a question (not a free relative: "what we did was...")."""
    w0, rest = core[0], core[1:]
    if not rest:
        return False
    nxt = rest[0]
    if nxt in lex.AUX:
        return not (len(rest) == 1 and w0 in {"when", "where", "how"})
    if (nxt in lex.PRONOUN_SUBJ and nxt not in {"that", "this", "these", "those", "one"}) \
            or nxt in lex.PRONOUN_CONTRACTED:
        return False  # "when we launched", "how you do it", "what we're hoping is"
    if _free_relative(rest) or rest == ["else"]:
        return False  # unpunctuated "what else" lists on (SwDA train: asks 3 times in 17)
    if nxt in _WH_NEXT_QUESTION or w0 in {"who", "whose"}:
        return True
    window = rest[:WH_AUX_WINDOW]
    for a, b, c in zip(window, window[1:], window[2:] + [""]):
        if a in lex.AUX and (b in lex.PRONOUN_SUBJ or b in lex.DET_SUBJ) and (b, c) != ("you", "know"):
            return True
    return False


#: Verbs of a wh-clause that is the subject of "is/was" ("what happens is you pay…", "what
#: bothers me is…", "what that means is…"): on SwDA train, 17 of 18 rule wh questions of
#: this shape are statements.
_SUBJECT_CLAUSE_VERBS = frozenset(
    "happens happened goes went tells told matters bothers bothered bugs gets got struck "
    "strikes scares worries amazes surprises surprised helps helped works worked means meant "
    "makes made annoys irritates does did me".split())
#: How far into a wh-clause its "is/was" may come.
FREE_RELATIVE_WINDOW = 9


def _free_relative(rest: list[str]) -> bool:
    """ "what happened was her husband...", "what struck me is": a wh-clause as subject."""
    for i in range(1, min(len(rest) - 2, WH_AUX_WINDOW)):
        if (rest[i] in {"is", "was"} and rest[i - 1] not in lex.PRONOUN_SUBJ | lex.DET_SUBJ
                and rest[i + 1] not in lex.PRONOUN_SUBJ):
            return True
    for i in range(1, min(len(rest) - 2, FREE_RELATIVE_WINDOW)):
        if rest[i] in {"is", "was"} and rest[i - 1] in _SUBJECT_CLAUSE_VERBS:
            return True
    return False


def has_alternative(core: list[str]) -> bool:
    """A choice between options: the last 'or' is followed by a real option, not a trailer."""
    ors = [i for i, w in enumerate(core[:-1]) if w == "or" and i >= 2]
    return bool(ors) and core[ors[-1] + 1] not in lex.OR_TRAILERS


def is_open(core: list[str], form: str) -> bool:
    if form == "wh":
        return starts(core, lex.CLOSED_WH) is None
    # "can you tell me ...", "could you walk me through ..."
    return len(core) > 2 and core[1] == "you" and core[2] in lex.OPEN_REQUEST_VERBS


def tag_only(bare: tuple[str, ...], asked: bool) -> Verdict | None:
    """A clause that is just a tag ("right?", "don't they?"): SwDA segments these alone."""
    if not bare:
        return None
    if asked and len(bare) == 1 and bare[0] in {"right", "correct", "okay", "ok"}:
        return Verdict("tag", False, CONF_TAG, "tag alone")
    if len(bare) == 2 and bare[0] in lex.AUX_NEG and bare[1] in lex.PRONOUN_SUBJ:
        return Verdict("tag", False, CONF_TAG, "negative tag alone")
    return None


def tag_end(core: list[str]) -> bool:
    """Statement + tag: "you're on salesforce today, right", "it works, doesn't it"."""
    if len(core) < 3:
        return False
    last, before = core[-1], core[-2]
    if last == "right":
        return before not in lex.NOT_TAG_BEFORE_RIGHT
    if last in {"correct"} and before not in {"is", "that's", "thats", "be", "not"}:
        return True
    if before in lex.AUX_NEG and last in lex.PRONOUN_SUBJ:
        return True
    if before in lex.AUX_POS and last in _TAG_SUBJ and core[-3] not in {"to"} | lex.AUX:
        return _negated_earlier(core[:-2], before)
    return False


def mirrored_tag(words: list[str]) -> bool:
    """ "…, isn't there", "…, was he": a tag that mirrors the statement's auxiliary asks even
    when the transcript closes it with a full stop (transcribers write '.' for its falling
    tone). On SwDA train 0-249 these were questions 17 times in 28, 17 in 25 on 250-499;
    "…, right." with a full stop only 5 in 38: it confirms."""
    core = strip_fillers(words)
    return len(core) >= 3 and core[-2] in lex.AUX and core[-1] in _TAG_SUBJ and tag_end(core)


def _negated_earlier(statement: list[str], aux: str) -> bool:
    """A positive tag mirrors a negative statement: "it doesn't mix well, does it" (the
    negated auxiliary matches the tag and is not right before it, as in "you don't do it")."""
    for i, w in enumerate(statement[:-1]):
        if _NEG_TO_POS.get(w) == aux:
            return True
    return False


_NEG_TO_POS = {"doesn't": "does", "doesnt": "does", "don't": "do", "dont": "do",
               "didn't": "did", "didnt": "did", "isn't": "is", "isnt": "is", "aren't": "are",
               "arent": "are", "wasn't": "was", "wasnt": "was", "weren't": "were",
               "can't": "can", "cant": "can", "won't": "will", "wont": "will",
               "wouldn't": "would", "couldn't": "could", "haven't": "have", "hasn't": "has",
               "shouldn't": "should"}
_TAG_SUBJ = frozenset({"it", "you", "they", "he", "she", "we", "there"})


def embedded_ask(core: list[str]) -> Verdict | None:
    """ "I was wondering what you use", "tell me about your process": asks in statement form."""
    if starts(core, lex.WONDER):
        if starts(core[2:], lex.WONDER_REQUESTS):
            return Verdict("declarative", False, CONF_EMBEDDED, "polite request")
        return None
    if core[:4] == ["tell", "me", "about", "it"] and len(core) == 4:
        return None  # "oh, tell me about it": commiserating (SwDA train: never a question)
    phrase = starts(core, lex.EMBEDDED_ASK)
    if phrase:
        tail = core[len(phrase):len(phrase) + 3]
        wh = [w for w in tail if w in lex.WH]
        if wh or {"if", "whether", "about"} & set(tail):
            is_open = bool(wh) and wh[0] not in {"which", "when", "where", "who"}
            return Verdict("declarative", is_open, CONF_EMBEDDED, "embedded question")
    request = starts(core, lex.OPEN_REQUESTS)
    if request and len(core) > len(request):
        return Verdict("declarative", True, CONF_EMBEDDED, "request to elaborate")
    return None
