"""Rules and the learned head vote on each sentence: the rules decide where they are sure.

The rules (:mod:`question_rules`) are precise when a sentence has question syntax and
measured on SwDA; they are unsure when only a question mark, a check frame or the listener's
"yes" points at a question, and blind to a statement-form question said without any of these.
The head (:mod:`question_head`) has learned both from the team-written set. So, per sentence:

* a rule question of high confidence (question syntax) stays; the head may retype a
  ``declarative``/``alternative``/``tag`` as ``yes_no`` when it clearly prefers that type
  (and could retype a form question ``rhetorical``, off by default: it did not pay on SwDA);
* a rule question of low confidence stays only if the head agrees it is a question;
* a sentence the rules pass over is scored by the head only when it could be a statement-form
  question (it addresses the listener or ends in a tag-like word); the head adds it when it is
  confident, typed as the most likely of ``declarative``, ``tag``, ``rhetorical``.

Only the sentences that need it are embedded, all at once per meeting (the cost of the head
is one MiniLM pass over those sentences). :data:`DEFAULT` holds the thresholds tuned on
SwDA val and the first 40 train conversations by ``benchmarks/questions_swda.py --tune``
(best sum of detection F1 + type macro-F1 over both splits and spellings, with
open-vs-closed accuracy kept ≥ 0.85). The head reads each sentence with its dialogue
(:mod:`question_dialogue`): the other speaker's reply, or the speaker going on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from meetinglens.analysis.question_context import DialogueContext, is_confirming_answer
from meetinglens.analysis.question_dialogue import HeadInput
from meetinglens.analysis.question_forms import CONF_FORM_ONLY
from meetinglens.analysis.question_head import QTYPES, HeadScores
from meetinglens.analysis.question_rules import Question, find_questions, sentence_spans, words_of

#: Types the head may give a sentence the rules found no question form in.
FORMLESS_TYPES = ("declarative", "tag", "rhetorical")
#: Words that make a formless sentence worth asking the head about.
_LISTENER = frozenset("you you're youre you've youve you'd you'll y'all yall your yours ya".split())
_TAG_WORDS = frozenset("right correct huh yeah eh okay ok".split())
#: Sentences shorter or longer than this (in words) are not scored by the head.
MIN_HEAD_WORDS = 3
MAX_HEAD_WORDS = 30

Scorer = Callable[[list[HeadInput]], HeadScores]


@dataclass(frozen=True)
class Thresholds:
    """Head probabilities at which it keeps, adds or retypes a question."""

    #: An unsure rule question stays when p(question) >= keep.
    keep: float = 0.2
    #: A formless sentence becomes a question when p(question) >= add. Off (> 1): on SwDA
    #: val and train-40, even with the dialogue-aware head, about one in ten sentences it
    #: would add at 0.9 is a question (generic "you" opinions and narration look like checks;
    #: SwDA's declarative questions are often answered by a bare "yeah", like statements).
    add: float = 1.01
    #: A form question becomes rhetorical when p(rhetorical) >= this. Off (> 1): on SwDA
    #: train/val retyping cost more open-vs-closed accuracy than it gained in type macro-F1.
    rhetorical: float = 1.01
    #: Rule confidence from which the rules decide alone.
    sure: float = CONF_FORM_ONLY
    #: A rule ``declarative``/``alternative``/``tag`` becomes ``yes_no`` when the head's
    #: p(yes_no) exceeds its p(rule type) by this margin (SwDA's most common type confusion;
    #: on train/val it moved type macro-F1 by +0.012 on val and -0.005 on the train sample).
    yes_no_margin: float = 0.2
    #: Also ask the head about a formless sentence the other side answers yes/no, even when
    #: it does not address the listener ("and the kids like the new school" - "they love it").
    answered: bool = True


DEFAULT = Thresholds()


@dataclass(frozen=True)
class _Unit:
    """A rule question (the head reads the question's own words), or a sentence the rules
    passed over (the head reads the sentence); ``ask_head`` says whether the head looks."""

    span: tuple[int, int]
    text: str
    rule: Question | None
    ask_head: bool
    head_input: HeadInput | None = None


def plan(text: str, context: DialogueContext | None, t: Thresholds = DEFAULT) -> list[_Unit]:
    """The rule questions of ``text`` and its question-free sentences, marked for the head."""
    found = find_questions(text, context)
    units = [_Unit(q.span, q.text, q, _head_length(words_of(q.text))
                   and (q.confidence < t.sure or q.qtype in _REVIEWED_TYPES))
             for q in found]
    answered = bool(t.answered and context and is_confirming_answer(context.next))
    spans = sentence_spans(text)
    for n, (start, end, _) in enumerate(spans):
        if any(start <= q.span[0] < end for q in found):
            continue
        words = words_of(text, start, end)
        last = n == len(spans) - 1
        units.append(_Unit((start, end), text[start:end].strip(), None,
                           t.add <= 1.0 and _head_length(words)
                           and (_formless_candidate(words) or (last and answered))))
    return _with_dialogue(sorted(units, key=lambda u: u.span), context)


def _with_dialogue(units: list[_Unit], context: DialogueContext | None) -> list[_Unit]:
    """Give each unit the dialogue the head reads: the first one follows the other
    speaker's previous turn, the last one is followed by their reply (or the speaker going
    on); the ones between are followed by the same speaker."""
    out = []
    for i, u in enumerate(units):
        if context is None:
            x = HeadInput(u.text, known=False)
        else:
            last = i == len(units) - 1
            x = HeadInput(u.text, context.previous if i == 0 else None,
                          context.next if last else None,
                          context.continues if last else True)
        out.append(_Unit(u.span, u.text, u.rule, u.ask_head, x))
    return out


#: Types of sure rule questions the head may retype (rhetorical; yes_no).
_REVIEWED_TYPES = frozenset({"wh", "yes_no", "alternative", "tag", "declarative"})
_TO_YES_NO = frozenset({"declarative", "alternative", "tag"})


def _head_length(words: list[str]) -> bool:
    return MIN_HEAD_WORDS <= len(words) <= MAX_HEAD_WORDS


def _formless_candidate(words: list[str]) -> bool:
    """Addresses the listener (not just the filler "you know") or ends in a tag-like word."""
    if not words:
        return False
    listener = [i for i, w in enumerate(words) if w in _LISTENER
                and words[i + 1:i + 2] != ["know"]]
    return bool(listener) or words[-1] in _TAG_WORDS


def decide(units: list[_Unit], scores: dict[HeadInput, tuple],
           t: Thresholds = DEFAULT) -> list[Question]:
    """The questions of one utterance. ``scores[unit.head_input]`` = (p_question, best
    formless type, p_open, p_rhetorical, p(type) per QTYPES) for every unit the head was
    asked about."""
    out: list[Question] = []
    for u in units:
        s = scores.get(u.head_input) if u.ask_head else None
        if u.rule is not None:
            q = _review(u.rule, s, t)
            if q is not None:
                out.append(q)
        elif s is not None and s[0] >= t.add:
            out.append(Question(u.span, u.text, s[1], s[2] >= 0.5 and s[1] == "declarative",
                                round(s[0], 3), f"learned head: p(question)={s[0]:.2f}"))
    return sorted(out, key=lambda q: q.span)


def _review(q: Question, s, t: Thresholds) -> Question | None:
    """A rule question as the head sees it: kept, dropped (unsure rules, head says
    statement) or retyped rhetorical (the head is sure it asks nothing)."""
    if s is None:
        return q
    if q.confidence < t.sure and s[0] < t.keep and q.qtype != "rhetorical":
        return None  # a rhetorical phrase is a question by form; the head only types
    if q.qtype in {"wh", "yes_no"} and s[3] >= t.rhetorical:
        return Question(q.span, q.text, "rhetorical", False, q.confidence,
                        f"{q.reason}; learned head: asks nothing (p={s[3]:.2f})")
    types = s[4]
    if q.qtype in _TO_YES_NO and not _or_led(q) and (types[QTYPES.index("yes_no")] - types[QTYPES.index(q.qtype)]
                                  >= t.yes_no_margin):
        return Question(q.span, q.text, "yes_no", False, q.confidence,
                        f"{q.reason}; learned head: a yes/no question")
    return q


def _or_led(q: Question) -> bool:
    """ "…or do you have a camper?": a clause that opens with 'or' offers the other option,
    whatever the head reads into it (SwDA train-250: of 35 or-clauses the head retyped
    yes/no, 22 are alternative questions and 8 yes/no)."""
    return words_of(q.text)[:1] == ["or"]


def head_scores(scores: HeadScores, texts: Sequence[HeadInput]) -> dict[HeadInput, tuple]:
    """Per input: (p_question, best formless type, p_open, p_rhetorical, p(type) tuple)."""
    idx = [QTYPES.index(k) for k in FORMLESS_TYPES]
    rhet = QTYPES.index("rhetorical")
    out = {}
    for i, text in enumerate(texts):
        best = FORMLESS_TYPES[int(scores.types[i][idx].argmax())]
        out[text] = (float(scores.question[i]), best, float(scores.open[i]),
                     float(scores.types[i][rhet]), tuple(float(p) for p in scores.types[i]))
    return out


def judge_all(texts: Sequence[str], contexts: Sequence[DialogueContext | None],
              scorer: Scorer | None = None, t: Thresholds = DEFAULT) -> list[list[Question]]:
    """The questions of every utterance; the head embeds all sentences it needs in one batch.

    ``scorer`` maps :class:`HeadInput` s to :class:`HeadScores` (default: the shipped head);
    thresholds come from :data:`DEFAULT`.
    """
    plans = [plan(text, ctx, t) for text, ctx in zip(texts, contexts)]
    wanted = list(dict.fromkeys(u.head_input for p in plans for u in p if u.ask_head))
    scores: dict[HeadInput, tuple] = {}
    if wanted:
        if scorer is None:
            from meetinglens.analysis.question_head import load_head

            scorer = load_head().score
        scores = head_scores(scorer(wanted), wanted)
    return [decide(p, scores, t) for p in plans]
