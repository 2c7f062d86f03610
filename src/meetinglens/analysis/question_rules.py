"""Find the questions in a piece of speech and say what kind each one is.

Why rules and not a model: question form in English is grammar (a wh-word or an inverted
auxiliary at the head of a clause, a tag at its end), and grammar survives ASR output that
has lost its question marks and capitals, where a punctuation-trained model would not.
The rules work on lower-cased word tokens only; a question mark, when present, is one more
cue (it turns a statement-form sentence into a declarative question). No weights are
involved, so nothing trained on SwDA ships here: SwDA only measures these rules
(``benchmarks/questions_swda.py``).

Types: ``wh``, ``yes_no``, ``declarative`` (statement form that asks), ``tag`` ("…, right?"),
``alternative`` ("A or B?"), ``rhetorical`` (asks nothing). ``open`` says whether the
question invites elaboration rather than one fact or a yes/no.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from meetinglens.analysis import question_lexicon as lex
from meetinglens.analysis.question_context import (
    DialogueContext,
    addresses_listener,
    check_frame,
    is_confirming_answer,
)
from meetinglens.analysis.question_cues import dropped_auxiliary, reported_before, rhetorical

QTYPES: tuple[str, ...] = ("wh", "yes_no", "declarative", "tag", "alternative", "rhetorical")

#: Confidence of each way of recognising a question (rough precision seen on SwDA train).
CONF_FORM_AND_MARK = 0.95
CONF_FORM_ONLY = 0.85
CONF_MARK_ONLY = 0.7
CONF_TAG = 0.8
CONF_EMBEDDED = 0.75
CONF_RHETORICAL = 0.6
CONF_CHECK_FRAME = 0.65
CONF_ANSWERED = 0.55

#: A clause before a mid-sentence question start needs this many words to count as its own
#: statement ("we use salesforce | do you use it").
MIN_WORDS_BEFORE_SPLIT = 2
#: How far after a wh-word + noun phrase to look for the auxiliary ("what kind of car DO you").
WH_AUX_WINDOW = 6

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.?!]+")


@dataclass(frozen=True)
class Question:
    """One question found in a text: where it is, what it says and what kind it is."""

    span: tuple[int, int]
    text: str
    qtype: str
    open: bool
    confidence: float
    reason: str = ""

    def __post_init__(self) -> None:
        if self.qtype not in QTYPES:
            raise ValueError(f"question type {self.qtype!r} is not one of {QTYPES}")


@dataclass(frozen=True)
class _Tok:
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class Verdict:
    qtype: str | None
    open: bool = False
    confidence: float = 0.0
    reason: str = ""


NOT_A_QUESTION = Verdict(None)


def find_questions(text: str, context: DialogueContext | None = None) -> list[Question]:
    """Every question in ``text`` (one utterance may hold statements and several questions).

    Works with or without punctuation and capitals. ``context`` (what the other speaker said
    just before and after) lets a statement-form check that the listener confirms count as a
    declarative question. Returns questions in text order.
    """
    found: list[Question] = []
    sentences = _sentences(text)
    for n, (start, end, asked) in enumerate(sentences):
        stated = text[start:end].rstrip()[-1:] in _STATEMENT_ENDS
        tokens = _tokenize(text, start, end)
        clauses = _split_clauses(tokens)
        for i, clause in enumerate(clauses):
            last = i == len(clauses) - 1
            final = last and n == len(sentences) - 1
            words = [t.word for t in clause]
            verdict = classify_tokens(words, asked and last)
            if verdict.qtype == "tag" and last and stated:
                continue  # "…, isn't it." with a full stop confirms rather than asks
            if verdict.qtype is None and not (asked and last) and verdict.reason != "backchannel":
                verdict = _from_context(words, context if final else None, stated)
            if verdict.qtype is None:
                continue
            span_end = end if last else clause[-1].end
            span = (clause[0].start, span_end)
            found.append(Question(span, text[span[0]:span[1]].strip(), verdict.qtype,
                                  verdict.open, verdict.confidence, verdict.reason))
    return found


#: A sentence ending in these was written down as a statement (or left unfinished).
_STATEMENT_ENDS = frozenset(".!,")


def _from_context(words: list[str], context: DialogueContext | None, stated: bool) -> Verdict:
    """A statement-form clause that checks an understanding: a declarative question.

    An explicit check ("so what you're saying is…") counts on its own; a statement about the
    listener counts when the listener answers it yes or no, unless the transcript closed it
    with a full stop or comma (punctuated text that meant a question would have written '?';
    on SwDA train such clauses were questions one time in five, unpunctuated ones one in
    three).
    """
    if len(words) > 3 and check_frame(words, strong_only=True):
        return Verdict("declarative", False, CONF_CHECK_FRAME, "checks an understanding")
    if stated or context is None or not is_confirming_answer(context.next):
        return NOT_A_QUESTION
    if check_frame(words) or addresses_listener(words):
        return Verdict("declarative", False, CONF_ANSWERED,
                       "statement about the listener, answered yes/no")
    return NOT_A_QUESTION


def classify(text: str) -> Verdict:
    """The verdict for ``text`` taken as one clause (used to type a known question)."""
    words = [t.word for t in _tokenize(text, 0, len(text))]
    return classify_tokens(words, text.rstrip().endswith("?"))


# ------------------------------------------------------------------ segmentation

def _sentences(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, ends_with_question_mark) for each sentence of ``text``."""
    out = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((pos, m.end(), "?" in m.group()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text), False))
    return [(s, e, q) for s, e, q in out if _WORD.search(text, s, e)]


def _tokenize(text: str, start: int, end: int) -> list[_Tok]:
    """Word tokens of ``text[start:end]`` without hesitations and stutter repeats."""
    tokens = [_Tok(_norm(m.group()), m.start(), m.end())
              for m in _WORD.finditer(text, start, end)]
    return _drop_repeats([t for t in tokens if t.word not in HESITATIONS])


#: Sounds that carry no words: removed wherever they occur.
HESITATIONS = frozenset("uh um uhm er erm hmm mm mhm ah".split())
#: Longest stutter repeat collapsed ("did, did they" -> "did they"; "what kind, what kind").
MAX_REPEAT = 3


def _drop_repeats(tokens: list[_Tok]) -> list[_Tok]:
    out: list[_Tok] = []
    for tok in tokens:
        out.append(tok)
        for n in range(1, MAX_REPEAT + 1):
            if len(out) >= 2 * n and [t.word for t in out[-n:]] == [t.word for t in out[-2 * n:-n]]:
                del out[-2 * n:-n]  # keep the later copy: it is the one the speaker finished
                break
    return out


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _split_clauses(tokens: list[_Tok]) -> list[list[_Tok]]:
    """Cut an unpunctuated run where a new question starts ("we use x | do you use y")."""
    if not tokens:
        return []
    words = [t.word for t in tokens]
    clauses, prev = [], 0
    for cut in range(MIN_WORDS_BEFORE_SPLIT, len(words) - 1):
        if cut - prev < MIN_WORDS_BEFORE_SPLIT or not _question_starts_at(words, cut):
            continue
        head = _strip_fillers(words[prev:cut])
        if head and (head[0] in lex.WH or head[0] in lex.AUX or head[0] in lex.WH_CONTRACTED):
            continue  # "what kind | do you have" is one question, not two clauses
        clauses.append(tokens[prev:cut])
        prev = cut
    clauses.append(tokens[prev:])
    return clauses


_NO_SPLIT_BEFORE = lex.WH | lex.PRONOUN_SUBJ | frozenset(
    "if whether than to not know wonder see tell ask asked asking sure idea remember "
    "understand decide figure matter about of is was that's thats what's whats and or "
    "because cause".split())
_SPLIT_AUX = frozenset("do does did are is was were can could would will have has".split())
_SPLIT_SUBJ = frozenset({"you", "y'all", "yall", "ya"})


def _question_starts_at(words: list[str], i: int) -> bool:
    if words[i - 1] in _NO_SPLIT_BEFORE or words[i - 1] in lex.AUX or reported_before(words, i):
        return False
    w, nxt = words[i], words[i + 1]
    after = words[i + 2] if i + 2 < len(words) else ""
    if w in _SPLIT_AUX and nxt in _SPLIT_SUBJ:
        return not (after == "know" and w != "do")
    if w in lex.WH and nxt in _SPLIT_AUX and after in _SPLIT_SUBJ | {"we", "they"}:
        return True
    return False


# ------------------------------------------------------------------ classification

def _strip_fillers(words: list[str]) -> list[str]:
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


def _starts(words: list[str], phrases) -> tuple[str, ...] | None:
    for phrase in phrases:
        if tuple(words[:len(phrase)]) == tuple(phrase):
            return tuple(phrase)
    return None


def classify_tokens(words: list[str], asked: bool) -> Verdict:
    """Type one clause from its lower-cased words and whether it ended with '?'."""
    if not words:
        return NOT_A_QUESTION
    core = _strip_fillers(words)
    bare = tuple(w for w in words if w not in {"uh", "um", "oh", "well"})
    if bare in lex.BACKCHANNEL_ONLY or tuple(core) in lex.BACKCHANNEL_ONLY or _echo(bare):
        return Verdict(None, reason="backchannel")
    if tuple(core) in _CLARIFICATION:
        return Verdict(None, reason="clarification request")
    tag_only = _tag_only(bare, asked)
    if tag_only:
        return tag_only
    why_rhetorical = rhetorical(core)
    if why_rhetorical:
        return Verdict("rhetorical", False, CONF_RHETORICAL, why_rhetorical)
    if _so_do_i(words):
        return Verdict(None, reason="'so do I' agreement")
    or_led = words[0] == "or"
    form = _form(_strip_fillers(words[1:]) if or_led else core, asked)
    if or_led and (form or asked):
        return Verdict("alternative", False, _conf(asked), "or-clause")
    if form == "wh" and not asked and _relative_which(core):
        return Verdict(None, reason="relative 'which'")
    if form and not asked and _unfinished(core):
        return Verdict(None, reason="abandoned before the question was complete")
    if form in {"wh", "yes_no"}:
        if _has_alternative(core):
            return Verdict("alternative", False, _conf(asked), f"{form} form with 'or'")
        return Verdict(form, _is_open(core, form), _conf(asked), f"{form} form")
    if _tag_end(core):
        return Verdict("tag", False, CONF_TAG, "tag at the end")
    if dropped_auxiliary(core, asked):
        return Verdict("yes_no", False, _conf(asked), "auxiliary dropped")
    if asked and _inversion_inside(core):
        return Verdict("yes_no", False, CONF_FORM_AND_MARK, "inversion after a fronted phrase")
    embedded = _embedded_ask(core)
    if embedded:
        return embedded
    if (len(core) == 1 and core[0] in _LONE_WH) or (asked and core[:1] == ["why"]):
        return Verdict("wh", True, _conf(asked), "'why'")
    if asked and any(w in lex.WH for w in core[1:]):
        return Verdict("wh", _is_open(core, "wh"), CONF_MARK_ONLY, "wh-word in place with '?'")
    if asked:
        return Verdict("declarative", False, CONF_MARK_ONLY, "statement form with '?'")
    return NOT_A_QUESTION


#: Wh-words that ask on their own ("why?", "where?"); a lone "what?" asks for a repeat.
_LONE_WH = frozenset({"why", "where", "when", "who", "how"})


def _echo(bare: tuple[str, ...]) -> bool:
    """ "Are you?", "did they really?": an echo that reacts, like "really?" (SwDA bh)."""
    rest = [w for w in bare if w not in {"oh", "really", "now", "so", "and"}]
    return len(rest) == 2 and rest[0] in lex.AUX_POS and rest[1] in lex.PRONOUN_SUBJ


#: Words a finished question does not end on ("do you", "what is the", "can a").
_DANGLING = lex.AUX | lex.WH | lex.WH_CONTRACTED | frozenset(
    "a an the your our their my his of to and or but in with for like".split())


def _unfinished(core: list[str]) -> bool:
    """An abandoned start ("do you", "so what's"): SwDA's '%', no question asked yet."""
    return len(core) <= 3 and (core[-1] in _DANGLING or (len(core) == 2 and core[0] in lex.AUX))


def _so_do_i(words: list[str]) -> bool:
    """ "so do I", "neither did we": agreement, not inversion for a question."""
    return (2 <= len(words) <= 4 and words[0] in {"so", "neither", "nor"}
            and words[1] in lex.AUX and words[-1] in lex.PRONOUN_SUBJ)


def _relative_which(core: list[str]) -> bool:
    """ "Which is funny." continues the previous sentence; it does not ask."""
    return len(core) > 1 and core[0] == "which" and core[1] in lex.AUX | {"means", "makes", "made"}


_CLARIFICATION = frozenset({
    ("what",), ("pardon",), ("sorry",), ("excuse", "me"), ("pardon", "me"), ("huh",),
    ("what", "was", "that"), ("come", "again"), ("say", "again"), ("i'm", "sorry"),
    ("what's", "that"), ("say", "that", "again"),
})


def _conf(asked: bool) -> float:
    return CONF_FORM_AND_MARK if asked else CONF_FORM_ONLY


def _form(core: list[str], asked: bool = False) -> str | None:
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


def _inversion_inside(core: list[str]) -> bool:
    """An auxiliary before its subject after a fronted phrase: "your wife, does she work?",
    "being down there, do you get to see it?" (only trusted with a question mark)."""
    for i in range(1, len(core) - 1):
        if (core[i] in _SPLIT_AUX and core[i + 1] in _INNER_SUBJ
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
    if _free_relative(rest):
        return False
    if nxt in _WH_NEXT_QUESTION or w0 in {"who", "whose"}:
        return True
    window = rest[:WH_AUX_WINDOW]
    for a, b, c in zip(window, window[1:], window[2:] + [""]):
        if a in lex.AUX and (b in lex.PRONOUN_SUBJ or b in lex.DET_SUBJ) and (b, c) != ("you", "know"):
            return True
    return False


def _free_relative(rest: list[str]) -> bool:
    """ "what happened was her husband...", "what struck me is": a wh-clause as subject."""
    for i in range(1, min(len(rest) - 2, WH_AUX_WINDOW)):
        if (rest[i] in {"is", "was"} and rest[i - 1] not in lex.PRONOUN_SUBJ | lex.DET_SUBJ
                and rest[i + 1] not in lex.PRONOUN_SUBJ):
            return True
    return False


def _has_alternative(core: list[str]) -> bool:
    """A choice between options: the last 'or' is followed by a real option, not a trailer."""
    ors = [i for i, w in enumerate(core[:-1]) if w == "or" and i >= 2]
    return bool(ors) and core[ors[-1] + 1] not in lex.OR_TRAILERS


def _is_open(core: list[str], form: str) -> bool:
    if form == "wh":
        return _starts(core, lex.CLOSED_WH) is None
    # "can you tell me ...", "could you walk me through ..."
    return len(core) > 2 and core[1] == "you" and core[2] in lex.OPEN_REQUEST_VERBS


def _tag_only(bare: tuple[str, ...], asked: bool) -> Verdict | None:
    """A clause that is just a tag ("right?", "don't they?"): SwDA segments these alone."""
    if not bare:
        return None
    if asked and len(bare) == 1 and bare[0] in {"right", "correct", "okay", "ok"}:
        return Verdict("tag", False, CONF_TAG, "tag alone")
    if len(bare) == 2 and bare[0] in lex.AUX_NEG and bare[1] in lex.PRONOUN_SUBJ:
        return Verdict("tag", False, CONF_TAG, "negative tag alone")
    return None


def _tag_end(core: list[str]) -> bool:
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


def _embedded_ask(core: list[str]) -> Verdict | None:
    """ "I was wondering what you use", "tell me about your process": asks in statement form."""
    phrase = _starts(core, lex.EMBEDDED_ASK)
    if phrase:
        tail = core[len(phrase):len(phrase) + 3]
        wh = [w for w in tail if w in lex.WH]
        if wh or {"if", "whether", "about"} & set(tail):
            is_open = bool(wh) and wh[0] not in {"which", "when", "where", "who"}
            return Verdict("declarative", is_open, CONF_EMBEDDED, "embedded question")
    request = _starts(core, lex.OPEN_REQUESTS)
    if request and len(core) > len(request):
        return Verdict("declarative", True, CONF_EMBEDDED, "request to elaborate")
    return None
