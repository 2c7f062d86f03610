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
    answered_in_substance,
    check_frame,
    hedged_check,
    is_confirming_answer,
    talks_on,
)
from meetinglens.analysis.question_conventional import conventional
from meetinglens.analysis.question_cues import (
    arguing,
    dropped_auxiliary,
    hedge,
    quoted_in_place,
    reported_question,
    reported_before,
    rhetorical,
    self_talk,
)
from meetinglens.analysis.question_forms import (  # noqa: F401  (Verdict, confidences re-exported)
    CLARIFICATION,
    CONF_ANSWERED,
    CONF_CHECK_FRAME,
    CONF_FORM_AND_MARK,
    CONF_MARK_ONLY,
    CONF_RHETORICAL,
    CONF_TAG,
    LONE_WH,
    NOT_A_QUESTION,
    SPLIT_AUX,
    Verdict,
    conf,
    echo,
    embedded_ask,
    form,
    has_alternative,
    inversion_inside,
    is_open,
    mirrored_tag,
    relative_which,
    so_do_i,
    strip_fillers,
    tag_end,
    tag_only,
    unfinished,
)

QTYPES: tuple[str, ...] = ("wh", "yes_no", "declarative", "tag", "alternative", "rhetorical")

#: A clause before a mid-sentence question start needs this many words to count as its own
#: statement ("we use salesforce | do you use it").
MIN_WORDS_BEFORE_SPLIT = 2

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
        closed_by_stop = text[start:end].rstrip()[-1:] == "."
        tokens = _tokenize(text, start, end)
        clauses = _split_clauses(tokens)
        for i, clause in enumerate(clauses):
            last = i == len(clauses) - 1
            final = last and n == len(sentences) - 1
            words = [t.word for t in clause]
            verdict = classify_tokens(words, asked and last)
            if verdict.qtype == "tag" and last and stated and not mirrored_tag(words):
                continue  # "…, right." with a full stop confirms rather than asks
            if (verdict.qtype == "tag" and final and not asked and words[-1] == "right"
                    and context is not None and context.continues):
                continue  # a filler "…right" the speaker talks on from asks nothing
            if verdict.qtype == "wh" and last and closed_by_stop:
                verdict = _said_flat(verdict, context if final else None)
            if verdict.qtype is None and not (asked and last) and verdict.reason != "backchannel":
                verdict = _from_context(words, context if final else None, stated,
                                        text[clause[0].start:end])
            if verdict.qtype is None:
                continue
            span_end = end if last else clause[-1].end
            span = (clause[0].start, span_end)
            found.append(Question(span, text[span[0]:span[1]].strip(), verdict.qtype,
                                  verdict.open, verdict.confidence, verdict.reason))
    return found


#: A sentence ending in these was written down as a statement (or left unfinished).
_STATEMENT_ENDS = frozenset(".!,")


def _said_flat(verdict: Verdict, context: DialogueContext | None) -> Verdict:
    """A wh question the transcript closes with a full stop is rhetorical only when the
    dialogue agrees: the other side lets it pass (no reply, or only "uh-huh/yeah") or the
    speaker goes straight on. When the other side answers it in substance it stays an open
    wh question: Whisper and captioning tools often close a real question with "." ("what
    does your process look like."), and a report must still count it as open.
    On SwDA train 0-249 (punctuated), these wh questions with '.' are real wh 21, rhetorical
    4 when answered in substance; real wh 9, rhetorical 19, not a question 29 otherwise.
    ASR text without punctuation never triggers this."""
    if context is None or answered_in_substance(context):
        return verdict
    return Verdict("rhetorical", False, verdict.confidence, f"{verdict.reason}, closed with '.'")


#: "uh huh" at the end is a backchannel, not a "…, huh?" tag ("uh" is dropped as a hesitation).
_UH_HUH = re.compile(r"\b(?:uh|um|mm)[\s-]*huh\W*$", re.IGNORECASE)


def _from_context(words: list[str], context: DialogueContext | None, stated: bool,
                  raw: str = "") -> Verdict:
    """A statement-form clause that checks an understanding: a declarative question.

    An explicit check ("so what you're saying is…") counts on its own, a hedged one ("I don't
    know if you've heard of it") when the other side replies; a statement about the
    listener counts when the listener answers it yes or no, unless the transcript closed it
    with a full stop or comma (punctuated text that meant a question would have written '?';
    on SwDA train such clauses were questions one time in five, unpunctuated ones one in
    three).
    """
    if len(words) > 3 and check_frame(words, strong_only=True):
        return Verdict("declarative", False, CONF_CHECK_FRAME, "checks an understanding")
    if context is not None and context.next and hedged_check(words):
        return Verdict("declarative", False, CONF_ANSWERED,
                       "hedged statement about the listener, answered")
    if stated or context is None or not is_confirming_answer(context.next):
        return NOT_A_QUESTION
    if len(words) >= 3 and words[-1] == "huh" and not _UH_HUH.search(raw):
        # "they must have pretty good severance, huh" - "yeah": on SwDA train (ASR-style) a
        # '…huh' answered yes/no is a question 47 times in 82
        return Verdict("tag", False, CONF_ANSWERED, "'…, huh' answered yes/no")
    if (check_frame(words) or addresses_listener(words)) and not talks_on(words):
        return Verdict("declarative", False, CONF_ANSWERED,
                       "statement about the listener, answered yes/no")
    return NOT_A_QUESTION


def classify(text: str) -> Verdict:
    """The verdict for ``text`` taken as one clause (used to type a known question)."""
    words = [t.word for t in _tokenize(text, 0, len(text))]
    return classify_tokens(words, text.rstrip().endswith("?"))


def sentence_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, ends_with_question_mark) of each sentence: the units the head scores."""
    return _sentences(text)


def words_of(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Lower-cased words of ``text[start:end]`` without hesitations and stutter repeats."""
    return [t.word for t in _tokenize(text, start, len(text) if end is None else end)]


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
        head = strip_fillers(words[prev:cut])
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
_SPLIT_SUBJ = frozenset({"you", "y'all", "yall", "ya"})


def _question_starts_at(words: list[str], i: int) -> bool:
    if words[i - 1] in _NO_SPLIT_BEFORE or words[i - 1] in lex.AUX or reported_before(words, i):
        return False
    w, nxt = words[i], words[i + 1]
    after = words[i + 2] if i + 2 < len(words) else ""
    if w in SPLIT_AUX and nxt in _SPLIT_SUBJ:
        return not (after == "know" and w != "do")
    if w in lex.WH and nxt in SPLIT_AUX and after in _SPLIT_SUBJ | {"we", "they"}:
        return True
    return False


# ------------------------------------------------------------------ classification


def classify_tokens(words: list[str], asked: bool) -> Verdict:
    """Type one clause from its lower-cased words and whether it ended with '?'."""
    if not words:
        return NOT_A_QUESTION
    core = strip_fillers(words)
    bare = tuple(w for w in words if w not in {"uh", "um", "oh", "well"})
    if bare in lex.BACKCHANNEL_ONLY or tuple(core) in lex.BACKCHANNEL_ONLY or echo(bare):
        return Verdict(None, reason="backchannel")
    if tuple(core) in CLARIFICATION:
        return Verdict(None, reason="clarification request")
    why_conventional = conventional(core, asked)
    if why_conventional:
        return Verdict(None, reason=why_conventional)
    if hedge(core):
        return Verdict(None, reason="searching for a word")
    if self_talk(core):
        return Verdict(None, reason="recalling aloud")
    if reported_question(core):
        return Verdict(None, reason="reported question")
    lone_tag = tag_only(bare, asked)
    if lone_tag:
        return lone_tag
    why_rhetorical = rhetorical(core)
    if why_rhetorical:
        return Verdict("rhetorical", False, CONF_RHETORICAL, why_rhetorical)
    if so_do_i(words):
        return Verdict(None, reason="'so do I' agreement")
    or_led = words[0] == "or"
    shape = form(strip_fillers(words[1:]) if or_led else core, asked)
    if or_led and (shape or asked):
        return Verdict("alternative", False, conf(asked), "or-clause")
    if shape == "wh" and not asked and relative_which(core):
        return Verdict(None, reason="relative 'which'")
    if shape and not asked and unfinished(core):
        return Verdict(None, reason="abandoned before the question was complete")
    if shape in {"wh", "yes_no"}:
        if shape == "yes_no" and has_alternative(core):
            # a wh question with 'or' inside still asks for its wh ("what do you think
            # about X or Y": SwDA train-250 has 14 such, none of them a choice question)
            return Verdict("alternative", False, conf(asked), f"{shape} form with 'or'")
        if shape == "wh" and arguing(words):
            return Verdict("rhetorical", False, conf(asked), "wh form after 'you know'/'I mean'")
        return Verdict(shape, is_open(core, shape), conf(asked), f"{shape} form")
    if tag_end(core):
        return Verdict("tag", False, CONF_TAG, "tag at the end")
    if dropped_auxiliary(core, asked):
        return Verdict("yes_no", False, conf(asked), "auxiliary dropped")
    if asked and inversion_inside(core):
        return Verdict("yes_no", False, CONF_FORM_AND_MARK, "inversion after a fronted phrase")
    embedded = embedded_ask(core)
    if embedded:
        return embedded
    if _lone_wh(core, asked) or (asked and core[:1] == ["why"]):
        return Verdict("wh", True, conf(asked), "'why'")
    wh_at = next((i for i, w in enumerate(core) if i and w in lex.WH), 0)
    if asked and wh_at and quoted_in_place(core, wh_at):
        return Verdict(None, reason="question quoted in a telling")
    if asked and wh_at:
        return Verdict("wh", is_open(core, "wh"), CONF_MARK_ONLY, "wh-word in place with '?'")
    if asked:
        return Verdict("declarative", False, CONF_MARK_ONLY, "statement form with '?'")
    return NOT_A_QUESTION


def _lone_wh(core: list[str], asked: bool) -> bool:
    """ "why" asks on its own; "how", "when", "who", "where" only with a question mark:
    unpunctuated, a lone one is an abandoned start (SwDA train, ASR-style: "how"/"when"/"who"
    alone are questions 1 time in 59)."""
    return len(core) == 1 and (core[0] == "why" or (asked and core[0] in LONE_WH))


#: Wh-words that ask on their own ("why?", "where?"); a lone "what?" asks for a repeat.