"""Cues beyond grammar: rhetorical intent, reported questions and dropped auxiliaries.

Kept apart from ``question_rules`` so that file stays the grammar of question form and this
one holds the pragmatic exceptions, each measured on SwDA train (``benchmarks/
questions_swda.py``):

* rhetorical questions ask nothing: "who doesn't want that", "what's not to like",
  "isn't that funny", "how could they possibly…", "why would anyone…";
* reported questions are statements about a question ("they said what do we want"), so a
  question that starts right after a reporting verb is not split off as the speaker's own;
* speech drops the auxiliary ("you ever been to Houston's?", "ready to get started?",
  "anybody else joining?", "you think it'll rain?"): a yes/no question, not a
  statement-form one;
* a speaker searching for a word ("how shall I say it", "what do you call it") asks
  nothing (SwDA tags these ``h``, not a question).
"""

from __future__ import annotations

from meetinglens.analysis import question_lexicon as lex

#: Openings that ask nothing (beyond ``question_lexicon.RHETORICAL``).
RHETORICAL_OPENINGS = (
    ("what's", "not", "to", "like"), ("whats", "not", "to", "like"),
    ("what", "is", "not", "to", "like"), ("who", "doesn't", "want"), ("who", "wouldn't", "want"),
    ("who", "does", "not", "want"), ("who", "would", "not", "want"), ("who", "could", "blame"),
    ("who", "can", "blame"), ("why", "would", "anybody"), ("why", "would", "anyone"),
    ("why", "would", "you", "ever"), ("what", "could", "go", "wrong"),
    ("what", "did", "you", "expect"), ("what", "do", "you", "expect"),
    ("how", "hard", "can", "it", "be"), ("what's", "the", "harm"), ("whats", "the", "harm"),
    ("what's", "wrong", "with", "that"), ("need", "i", "say", "more"),
    ("isn't", "that", "the", "point"), ("isn't", "that", "the", "whole", "point"),
    ("don't", "we", "all"), ("doesn't", "everybody"), ("doesn't", "everyone"),
    ("who", "needs"), ("who", "in", "their", "right", "mind"), ("what", "else", "is", "there"),
    ("why", "should", "i"), ("why", "would", "i"), ("who", "would", "want"),
    ("what", "more", "could", "you", "want"), ("what", "else", "could", "you", "ask"),
)
#: "isn't that/it <evaluation>": an exclamation in question form ("isn't that nice").
_EXCLAIM_AUX = frozenset("isn't isnt wasn't wasnt aren't arent wouldn't wouldnt".split())
_EXCLAIM_SUBJ = frozenset({"that", "it", "this", "they", "those"})
EVALUATIONS = frozenset(
    "funny nice great amazing wonderful interesting terrible awful crazy sad strange weird bad "
    "incredible ridiculous something neat cute lovely horrible scary silly ironic typical "
    "cool fun true".split())
#: "how could they…": wondering aloud about third parties, not asking the listener.
_THIRD_PARTY = frozenset("they he she anyone anybody people somebody someone".split())
_WONDER_MODALS = frozenset("can could would".split())

#: Words that report speech or thought: a question right after them is quoted.
REPORTING = frozenset(
    "said say says saying asked ask asks asking goes went like wondered thinking thought "
    "question".split())
#: How far back a reporting word makes the following question a quoted one.
REPORT_WINDOW = 3

#: After "you", words that show "do/have/are" was dropped ("you ever been…", "you want to…").
_DROPPED_AFTER_YOU = frozenset("ever still want wanna need got guys".split())
#: Verbs of a "do you …?" question said without "do" ("you think it'll rain?", "you mean the
#: blue one?", "you like it there?"): elided yes/no questions when asked with '?' and more
#: words follow. On SwDA train, "you think/mean/like … ?" is tagged qy (yes/no) 53 times
#: and qy^d (declarative) once.
_ELIDED_DO_VERBS = frozenset(
    "think mean like know remember want need enjoy feel suppose reckon figure believe "
    "play work live use watch".split())
#: Searching for a word aloud ("how shall I say it", "what's the word"): asks nothing.
HEDGES = (
    ("how", "shall", "i", "say"), ("how", "should", "i", "say"), ("how", "do", "i", "say"),
    ("what's", "the", "word"), ("whats", "the", "word"), ("what", "is", "the", "word"),
    ("what", "do", "you", "call", "it"), ("what", "do", "you", "call", "them"),
    ("what", "do", "they", "call", "it"), ("what", "do", "they", "call", "them"),
    ("what", "am", "i", "trying", "to", "say"), ("what", "was", "i", "saying"),
    ("how", "do", "you", "say", "it"),
)
#: Subject-less yes/no openings ("ready to start?", "anybody else joining?").
_DROPPED_OPENERS = frozenset(
    "ever ready any anything anybody anyone anyplace been got done heard seen married "
    "finished want need care mind enjoy".split())
#: Openings that mark a dropped auxiliary even without a question mark.
_DROPPED_SURE = (("you", "ever"), ("you", "guys", "ever"), ("y'all", "ever"),
                 ("anybody", "ever"), ("anyone", "ever"), ("ever", "been"))


def rhetorical(core: list[str]) -> str | None:
    """Why ``core`` asks nothing, or None when it may be a real question."""
    words = tuple(core)
    for phrase in lex.RHETORICAL + RHETORICAL_OPENINGS:
        if words[:len(phrase)] == phrase:
            return "rhetorical phrase"
    if (len(words) >= 3 and words[0] in _EXCLAIM_AUX and words[1] in _EXCLAIM_SUBJ
            and (words[2] in EVALUATIONS or words[2:4] in {("so", w) for w in EVALUATIONS})):
        return "exclamation in question form"
    if (len(words) >= 4 and words[0] in {"how", "why"} and words[1] in _WONDER_MODALS
            and words[2] in _THIRD_PARTY):
        return "wondering aloud about others"
    return None


#: Discourse markers of a speaker making a point ("you know, why should we…", "I mean, how
#: many years…"), and the conjunctions that may come before them.
_ARGUING = (("you", "know"), ("i", "mean"))
_BEFORE_ARGUING = frozenset("and but so well oh now uh um".split())


def arguing(words: list[str]) -> bool:
    """The clause opens with "you know" / "I mean" before its wh-word: the speaker argues a
    point rather than asks (SwDA train-250, ASR-style: such rule wh questions are rhetorical
    16 times, not questions 11, real wh questions once)."""
    i = 0
    while i < len(words) and words[i] in _BEFORE_ARGUING:
        i += 1
    return any(tuple(words[i:i + len(m)]) == m for m in _ARGUING)


def hedge(core: list[str]) -> bool:
    """The speaker searches for a word ("how shall I say it"): not a question."""
    return any(tuple(core[:len(h)]) == h for h in HEDGES)


#: "what did I…", "where was I": a speaker recalling aloud asks no one (SwDA train: of 33
#: "wh + did/was/have + I" utterances, 14 are talk-to-self, 3 are real questions).
_RECALL_AUX = frozenset("did was have had".split())
_SELF_WH = frozenset("what where how when why who".split())


def self_talk(core: list[str]) -> bool:
    """The speaker asks themself about their own past ("what else did I get in there")."""
    i = 2 if core[1:2] == ["else"] else 1
    return (len(core) > i + 1 and core[0] in _SELF_WH and core[i] in _RECALL_AUX
            and core[i + 1] == "i")


def reported_before(words: list[str], i: int) -> bool:
    """A reporting word just before position ``i`` ("they said | what do we want")."""
    return any(w in REPORTING for w in words[max(i - REPORT_WINDOW, 0):i])


#: Who tells of a question they or others asked ("I said, why…", "she goes, where is it").
#: Not "you": "you said you lived in Baltimore?" checks what the listener said.
_REPORTERS = frozenset("i he she they we mom dad".split())
_REPORT_VERBS = frozenset("said says asked asks thought goes went told".split())
#: Words allowed between the teller and the verb ("I just said", "I kind of said").
_REPORT_ADVERBS = (("just",), ("kind", "of"), ("sort", "of"), ("then",), ("finally",))
#: Report frames without a reporting verb ("I was like, …", "he was going, …").
_REPORT_FRAMES = (("was", "like"), ("was", "going"), ("was", "thinking"), ("was", "asking"),
                  ("were", "like"), ("were", "asking"))


def reported_question(core: list[str]) -> bool:
    """ "I said, why are they so expensive", "and I asked him what he was doing": the speaker
    tells of a question (SwDA train-250: 22 of 23 such utterances that the rules took for a
    wh question are narration, sd/sv)."""
    if len(core) < 4 or core[0] not in _REPORTERS:
        return False
    rest = core[1:]
    for adverb in _REPORT_ADVERBS:
        if tuple(rest[:len(adverb)]) == adverb:
            rest = rest[len(adverb):]
            break
    return bool(rest) and (rest[0] in _REPORT_VERBS
                           or any(tuple(rest[:len(f)]) == f for f in _REPORT_FRAMES))


def dropped_auxiliary(core: list[str], asked: bool) -> bool:
    """A yes/no question with its auxiliary (and maybe subject) left out."""
    if len(core) < 2:
        return asked and bool(core) and core[0] in _DROPPED_OPENERS
    if any(tuple(core[:len(p)]) == p for p in _DROPPED_SURE):
        return True
    if not asked:
        return False
    if core[0] in {"you", "y'all", "yall"} and core[1] in _DROPPED_AFTER_YOU:
        return True
    return elided_do(core) or core[0] in _DROPPED_OPENERS


def elided_do(core: list[str]) -> bool:
    """ "you think it'll rain", "you mean the blue one": "do you …" without "do"."""
    return len(core) > 2 and core[0] == "you" and core[1] in _ELIDED_DO_VERBS


#: Words that introduce a quoted question inside a telling ("and I go, what makes you…",
#: "it's like, how can they…"); "wonder", "tell (me)" and imperative "say" ask, so are not here.
_QUOTATIVES = frozenset(
    "like go goes going went says saying said think thinking thought asking asked ask "
    "telling".split())
#: How far before the wh-word the quotative may stand ("just going, you know, like what").
QUOTE_WINDOW = 3


def quoted_in_place(core: list[str], wh_at: int) -> bool:
    """A wh question quoted inside a telling: a quotative just before the wh-word and no
    listener ("you", other than the filler "you know") as its subject. On SwDA train the
    rules took these for questions (a wh-word inside a '?' sentence): 8 of 8 were narration on
    0-249, 7 of 9 on 250-499 (the other two rhetorical)."""
    quotes = [i for i in range(max(0, wh_at - QUOTE_WINDOW), wh_at) if core[i] in _QUOTATIVES]
    if not quotes:
        return False
    before = core[:quotes[-1]]
    return not any(w in {"you", "y'all", "yall"} and before[i + 1:i + 2] != ["know"]
                   for i, w in enumerate(before))
