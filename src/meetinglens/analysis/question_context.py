"""Dialogue context for questions that have no question form.

"So you're on Salesforce today" asks, but nothing in its words says so; what says so is the
dialogue: the seller frames the other party's situation ("so you…", "you mean…", "sounds
like…") and the buyer answers "yes, that's right". The rules in ``question_rules`` see one
utterance; this module adds what the neighbouring utterances of *another* speaker say, and
judges a statement-form clause as a declarative question only when both point that way.

Measured on SwDA train (``benchmarks/questions_swda.py``): a second-person statement answered
by a short "yes/no/that's right" is a declarative question about one time in four (SwDA
annotators also call many of these statements, summaries or backchannels), so the cue is kept
narrow: a framing that addresses the listener *and* a confirming answer, or an explicit
checking phrase ("you're saying…", "if I understand you…") on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The first words of a reply that answer a yes/no check ("yes", "no", "that's right").
ANSWER_WORDS = frozenset(
    "yes yeah yep yup yah no nope nah correct exactly absolutely definitely right".split())
ANSWER_PHRASES = (
    ("that's", "right"), ("thats", "right"), ("that's", "correct"), ("thats", "correct"),
    ("not", "really"), ("huh-uh",), ("i", "do"), ("we", "do"), ("i", "don't"), ("we", "don't"),
    ("i", "did"), ("we", "did"), ("i", "am"), ("we", "are"), ("it", "is"), ("it", "does"),
    ("sure", "do"), ("not", "yet"), ("that's", "it"), ("you", "got", "it"),
)
#: A reply longer than this is a turn of its own, not an answer to a check.
MAX_ANSWER_WORDS = 6
#: Words skipped before the answer word ("oh, yes", "well, no").
_REPLY_FILLERS = frozenset("uh um oh well mm hmm".split())
#: Words skipped before the framing ("and so you…", "oh, so you…").
_FRAME_FILLERS = frozenset("uh um oh well so and but now okay ok then".split())

#: Second-person subjects that address the listener.
_YOU = frozenset("you you're youre you've youve you'd you'll y'all yall your".split())
#: After "you", these make the sentence generic or a comment, not a check about the
#: listener ("you know", "you can't beat it", "you never know").
_GENERIC_AFTER_YOU = frozenset(
    "know see can can't cant could couldn't would wouldn't should shouldn't might may must "
    "never just get gets got go gotta need needs have had want wanna think mean guys "
    "kidding".split())
#: Framings that check an understanding whatever follows ("if I understand you…").
STRONG_CHECK_FRAMES = (
    ("so", "what", "you're", "saying"), ("so", "what", "youre", "saying"),
    ("what", "you're", "saying", "is"), ("what", "youre", "saying", "is"),
    ("if", "i", "understand", "you"), ("if", "i", "understand", "correctly"),
    ("if", "i", "understood", "you"), ("if", "i", "understood", "correctly"),
    ("if", "i", "heard", "you"), ("if", "i'm", "hearing", "you"), ("if", "im", "hearing", "you"),
    ("so", "you're", "telling", "me"), ("am", "i", "right", "that"), ("correct", "me", "if"),
    ("just", "to", "confirm"), ("just", "to", "clarify"), ("to", "make", "sure", "i"),
)
#: Framings that check an understanding when the listener confirms it ("you mean…",
#: "sounds like you…"): on their own they are as often comments ("it sounds like fun").
CHECK_FRAMES = STRONG_CHECK_FRAMES + (
    ("you're", "saying"), ("youre", "saying"), ("you", "are", "saying"), ("you", "mean"),
    ("sounds", "like", "you"), ("it", "sounds", "like"), ("you're", "telling", "me"),
    ("so", "you"), ("so", "you're"), ("so", "your"), ("so", "y'all"),
)

#: Hedged statements about the listener that ask for a yes or no ("I don't know if you've
#: heard of it", "I take it you…"). On all of SwDA train, "I don't know if/whether you…"
#: is a declarative question 34 times and a statement 19 (12 to 2 when the reply is a yes or
#: no); "I take it…" 6 to 5. "I guess you…" (10 to 70) and "I think you…" (1 to 127) are
#: left out: they mostly state an opinion.
HEDGED_CHECKS = (
    ("i", "don't", "know", "if"), ("i", "dont", "know", "if"),
    ("i", "don't", "know", "whether"), ("i", "dont", "know", "whether"),
)

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*(?:-[a-z]+)*")


@dataclass(frozen=True)
class DialogueContext:
    """What another speaker said right before and right after an utterance.

    ``previous`` is the other speaker's utterance just before (None when the same speaker
    was already talking); ``next`` is the other speaker's utterance that follows at once
    (None when the speaker goes on, or the meeting ends); ``continues`` says the speaker
    goes on.
    """

    previous: str | None = None
    next: str | None = None
    #: The same speaker goes on right after (their next utterance follows at once): what a
    #: rhetorical question looks like, and never what a question waiting for an answer does.
    continues: bool = False


#: Replies that only show the listener is there ("uh-huh", "oh really", "wow").
BACKCHANNELS = frozenset(
    "uh-huh uh huh um-hum mm-hmm mhm mm hmm yeah yes yep right okay ok oh wow really sure "
    "i see gosh boy well no kidding true exactly".split())
#: Longest reply (words) that can be a backchannel only.
MAX_BACKCHANNEL_WORDS = 3


def only_backchannel(words: list[str]) -> bool:
    """A reply of a few listening noises ("uh-huh", "yeah", "oh really"): no answer."""
    return 0 < len(words) <= MAX_BACKCHANNEL_WORDS and all(w in BACKCHANNELS for w in words)


def answered_in_substance(context: "DialogueContext | None") -> bool:
    """The other side takes the floor with more than a backchannel right after: what a
    real question gets, and a rhetorical one does not."""
    if context is None or not context.next:
        return False
    return not only_backchannel(words_of(context.next))


def words_of(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def is_confirming_answer(reply: str | None) -> bool:
    """A short reply that answers yes or no: what follows a check, not a statement."""
    if not reply:
        return False
    words = [w for w in words_of(reply) if w not in _REPLY_FILLERS]
    if not words or len(words) > MAX_ANSWER_WORDS and words[0] not in ANSWER_WORDS:
        return False
    if words[0] in ANSWER_WORDS:
        # "right" alone is as often a backchannel as an answer; "right, we are" answers
        return words[0] != "right" or len(words) > 1
    return any(tuple(words[:len(p)]) == p for p in ANSWER_PHRASES)


def _strip(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and words[i] in _FRAME_FILLERS:
        i += 1
    return words[i:]


def _strip_fillers_not_so(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and words[i] in _FRAME_FILLERS - {"so"}:
        i += 1
    return words[i:]


def check_frame(words: list[str], strong_only: bool = False) -> tuple[str, ...] | None:
    """A check of understanding at the head of the clause, if any."""
    core = _strip_fillers_not_so(words)
    for frame in STRONG_CHECK_FRAMES if strong_only else CHECK_FRAMES:
        if tuple(core[:len(frame)]) == frame:
            return frame
    return None


#: A statement about the listener longer than this is a turn of talk, not a check.
MAX_CHECK_WORDS = 12
_CONTINUING = frozenset({"and", "but"})


def talks_on(words: list[str]) -> bool:
    """A second-person clause that carries on talk rather than checks a fact: it opens with
    "and/but", holds "you know", uses "you'd", or runs past :data:`MAX_CHECK_WORDS` words.
    On all of SwDA train (ASR-style), of 657 listener statements answered yes/no these
    were not questions 110/132 (long), 138/160 (and/but), 75/81 ("you know"), 7/7 ('d)."""
    return (len(words) > MAX_CHECK_WORDS or words[:1] and words[0] in _CONTINUING
            or "know" in words or any(w.endswith("'d") for w in words))


def hedged_check(words: list[str]) -> bool:
    """ "I don't know if you've ever heard of it", "I take it you…": a yes/no question about
    the listener, hedged as a statement."""
    core = _strip(words)
    if tuple(core[:3]) == ("i", "take", "it"):
        return True
    return any(tuple(core[:len(f)]) == f and core[len(f):len(f) + 1] and core[len(f)] in _YOU
               for f in HEDGED_CHECKS)


def addresses_listener(words: list[str]) -> bool:
    """The clause is about the listener ("so you're on salesforce today", "your team uses
    jira"), not a generic "you" ("you know", "you can't beat that")."""
    core = _strip(words)
    if len(core) < 2 or core[0] not in _YOU:
        return False
    if core[0] == "your":
        return True
    return core[1] not in _GENERIC_AFTER_YOU
