"""Rules and lexicons for the value signals: precise gates plus features for the learned head.

Two kinds of knowledge live here:

* **Gates** that are precise enough to decide alone (:func:`gate`): a bare backchannel
  ("okay", "mm-hm", "right") never carries a signal, a request to repeat something is not a
  customer question, a seller cannot produce a customer signal.
* **Features** (:func:`features`) that the head in :mod:`value_head` weighs together with the
  MiniLM sentence embedding: question syntax from spaCy part-of-speech tags (works on ASR text
  without a question mark), lexicon hits (agreement, objection, competitor, reference, next
  step, joint planning, motive, benefit, feature talk), numbers and names, the speaker's side
  and the turn context (is this a reply to the other side? to a question?).

Lexicons are phrased as regular expressions over lower-cased text with punctuation removed, so
that "I'll send it over" and "ill send it over" (ASR) match alike.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

#: Words that make up a backchannel when an utterance consists of nothing else.
BACKCHANNEL = frozenset("""okay ok yeah yes yep yup sure right mm mhm mmhm hm hmm uh um huh
ah oh alright fine cool great good nice thanks thank you cheers got it true exactly no not
really interesting ha wow i see bye""".split())
BACKCHANNEL_MAX_WORDS = 4
LONG_ARGUMENT_WORDS = 12  # a seller turn this long is an argument a customer can accept

FILLERS = frozenset({"uh", "um", "so", "well", "and", "but", "oh", "okay", "ok", "yeah",
                     "like", "hm", "hmm", "mm", "sorry", "also"})
WH_WORDS = frozenset({"what", "what's", "whats", "how", "which", "where", "when", "who", "why",
                      "whom", "whose"})
AUX_OPENERS = frozenset({"do", "does", "did", "is", "are", "was", "were", "can", "could",
                         "would", "will", "should", "have", "has", "may", "shall", "is't",
                         "isn't", "doesn't", "don't", "can't", "won't", "wouldn't"})


def _rx(*patterns: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


LEXICONS: dict[str, re.Pattern] = {
    "agree": _rx(r"makes? (?:a lot of )?sense", r"i (?:really )?like (?:that|this|it|the)",
                 r"(?:that'?s|thats|it'?s) (?:a )?(?:good|great|fair|smart|nice|sensible|reasonable)",
                 r"good (?:point|idea|answer)", r"exactly", r"agreed?", r"i could live with",
                 r"(?:i can|i could) (?:get comfortable|argue for|explain)", r"on board",
                 r"that (?:works|helps|changes)", r"(?:sounds|looks) (?:good|great|right)",
                 r"i'?ll give you that", r"compelling", r"love (?:that|it)",
                 r"(?:that'?s|thats) (?:what|the) (?:i|we) (?:wanted|need)",
                 r"(?:believable|convinc(?:ed|ing))", r"would (?:like|love) that"),
    "object": _rx(r"not (?:sure|convinced)", r"skeptic(?:al)?", r"concern(?:ed)?",
                  r"worr(?:y|ies|ied)", r"(?:too )?expensive", r"steep", r"a lot (?:of money|for us)",
                  r"(?:don'?t|dont|doesn'?t|doesnt) (?:believe|work for us|see how|see what|trust)",
                  r"hard sell", r"doubt", r"every vendor", r"problem for us", r"a problem",
                  r"more than we budget(?:ed)?", r"not cheap", r"risk(?:y)?",
                  r"(?:isn'?t|is not|not) (?:really )?good enough", r"justify", r"the theory",
                  r"dead on arrival", r"nervous", r"i'?ve heard .* before"),
    "compet": _rx(r"we (?:looked at|tried|trialled|trialed|evaluated|talked to|had)",
                  r"pitched us", r"offered (?:us|to)", r"(?:a )?demo from", r"another vendor",
                  r"other vendors?", r"competitors?", r"alternative", r"(?:their|they) (?:wanted|had|have|offer)",
                  r"(?:in ?house|ourselves)", r"our (?:bank|erp vendor|tms vendor|incumbent)",
                  r"the incumbent", r"a (?:local|startup|consultancy|integrator)",
                  r"(?:was|is|were) (?:cheap|cheaper|slick|strong)"),
    "reference": _rx(r"customers?", r"clients?", r"companies", r"one of our", r"case study",
                     r"we (?:work|worked) with", r"installed base", r"went from", r"on average",
                     r"we (?:cover|serve|have) (?:more than|over|about|around)?\s*\d+",
                     r"(?:published|presented)", r"(?:saw|see) (?:about|around)", r"median",
                     r"(?:a|one) (?:\w+ ){0,3}(?:chain|insurer|distributor|plant|firm|group|owner|contractor|bank)"),
    "nextstep": _rx(r"i'?ll", r"ill", r"i will", r"we'll", r"we will", r"let me (?:get|check|talk|ask|bring|pull|take|think)",
                    r"i'?m going to", r"send (?:me|us)", r"(?:bring|take) (?:it|this|that) to",
                    r"(?:set|setting) (?:that|it|this) up", r"get back to you", r"come back to you",
                    r"find (?:that|it) out", r"check with", r"talk to", r"next (?:week|step|steps|meeting)"),
    "joint": _rx(r"let'?s", r"lets", r"what if we", r"how about we", r"together", r"pilot",
                 r"(?:we|you) could (?:start|set|run|install|bring|do|pick)", r"would it make sense",
                 r"start with", r"(?:we|let'?s) (?:agree|define|pick|compare|review)",
                 r"maybe we", r"side by side", r"proof of value", r"first and then"),
    "motive": _rx(r"why (?:i|we)", r"hoping", r"(?:i|we) want(?:ed)? to (?:see|know|understand|make sure|find)",
                  r"(?:took|take|agreed to) (?:this|the) (?:meeting|call)", r"i'?m here",
                  r"get out of", r"reached out", r"my (?:angle|goal)", r"for me it'?s",
                  r"(?:looking|hoping) (?:at|for|to)", r"the reason", r"what brought",
                  r"asked me to", r"i'?d like to (?:see|understand|know)", r"i need"),
    "benefit": _rx(r"sav(?:e|es|ed|ing|ings)", r"cut", r"reduc(?:e|es|ed|tion)", r"faster",
                   r"free(?:s|d)? up", r"margins?", r"revenue", r"payback", r"pays? for itself",
                   r"outcome", r"value", r"get (?:\w+ )?back", r"(?:which|that) (?:matters|means)",
                   r"profit", r"bottom line", r"so (?:that|your|you)", r"the point is",
                   r"the (?:real )?(?:gain|goal|value|idea)", r"instead of", r"fewer", r"less",
                   r"shorter", r"half", r"drop", r"retention", r"burn(?:ing)? out", r"big deal"),
    "feature": _rx(r"module", r"dashboard", r"screen", r"view", r"integrat(?:e|es|ion)",
                   r"api", r"connector", r"export", r"supports?", r"configur(?:e|able)",
                   r"you can", r"there'?s (?:a|an)", r"it has", r"sensors?", r"devices?",
                   r"app", r"filter", r"panel", r"template", r"alerts?", r"sync"),
    "context": _rx(r"we (?:have|run|use|are|process|spend|had|do|lost|grew|bought|committed)",
                   r"we're (?:on|in|a|an|planning|also|not|regulated|running)",
                   r"our (?:\w+ )?(?:team|system|board|cfo|ceo|coo|budget|process|plan|customers|stores|sites|problem)",
                   r"(?:right now|today|currently|last year|this year|next year)",
                   r"(?:decides?|decision|signs?|approve[sd]?|final say|final call)"),
}

#: Names of the columns :func:`features` returns, in order. Stored with the head weights.
FEATURE_NAMES: tuple[str, ...] = (
    "q_mark", "q_wh_start", "q_inversion", "clarify", "backchannel", "short", "log_words",
    "number", "money_or_percent", "proper_noun", "first_singular", "first_plural", "second_person",
    *(f"lex_{name}" for name in LEXICONS),
    "side_buyer", "side_seller", "prev_other_side", "prev_question", "prev_long_seller",
)

CLARIFY = _rx(r"say (?:that )?again", r"repeat", r"didn'?t catch", r"cut out", r"come again",
              r"what was (?:the|that)", r"(?:could|can) you go back", r"sorry what", r"again$")
MONEY = _rx(r"percent", r"dollars?", r"euros?", r"million", r"thousand", r"grand", r"k",
            r"points?") 
FIRST_SING = _rx(r"i", r"i'?m", r"i'?ll", r"i'?d", r"me", r"my", r"im", r"ill")
FIRST_PLUR = _rx(r"we", r"we're", r"we'll", r"our", r"us", r"ours")
SECOND = _rx(r"you", r"your", r"you'?re", r"you'?ll", r"yours")
_PUNCT = re.compile(r"[^\w'\s%$]")
#: A lexicon hit right after one of these ("not convinced", "don't like that") is negated.
NEGATION = re.compile(r"\b(?:not|never|no|n't|dont|don't|doesn't|doesnt|isn't|isnt|wasn't|"
                      r"can't|cant|won't|hardly)\s+(?:\w+\s+)?$")
#: Lexicons whose meaning flips under negation (an objection stays an objection).
NEGATABLE = frozenset({"agree", "benefit"})


def lexicon_hit(name: str, norm: str) -> bool:
    """Whether lexicon ``name`` matches ``norm``, ignoring negated matches where that flips it."""
    for match in LEXICONS[name].finditer(norm):
        if name not in NEGATABLE or not NEGATION.search(norm[: match.start()]):
            return True
    return False


def normalize(text: str) -> str:
    """Lower-case, strip punctuation except apostrophes, collapse spaces (ASR-like form)."""
    text = text.lower().replace("’", "'")
    return " ".join(_PUNCT.sub(" ", text).split())


def is_backchannel(text: str) -> bool:
    """A bare acknowledgement: "okay", "mm-hm", "yeah right", "got it, thanks"."""
    words = normalize(text).replace("-", " ").split()
    return len(words) <= BACKCHANNEL_MAX_WORDS and all(w in BACKCHANNEL for w in words)


def is_clarification(text: str) -> bool:
    """A request to repeat or clarify what was just said: not a question about the offering."""
    return bool(CLARIFY.search(normalize(text)))


@dataclass(frozen=True)
class Line:
    """What the rules see of one utterance: its text, its speaker and the speaker's side."""

    text: str
    speaker: str
    side: str


def _question_syntax(doc) -> tuple[bool, bool]:
    """(starts with a wh-word, starts with an inverted auxiliary) after leading fillers."""
    tokens = [t for t in doc if not t.is_punct and t.lower_ not in FILLERS]
    if not tokens:
        return False, False
    first = tokens[0]
    wh = (first.lower_ in WH_WORDS or first.tag_ in {"WDT", "WP", "WRB"}) and (
        len(tokens) == 1 or _asks(first, tokens[1]))
    inversion = False
    if first.lower_ in AUX_OPENERS and len(tokens) > 1:
        inversion = tokens[1].tag_ in {"PRP", "NN", "NNS", "NNP", "DT", "EX", "RB"}
    return wh, inversion


def _asks(wh, nxt) -> bool:
    """A wh-word that opens a question ("when does", "how much", "what kind"), not a clause
    ("when a carrier is late, ...", "what we need is ...")."""
    if nxt.tag_ in {"MD", "VBZ", "VBP", "VBD"} or nxt.lower_ in AUX_OPENERS or "'" in nxt.text:
        return True
    return wh.lower_ in {"how", "which", "what", "whose", "who"} and nxt.pos_ in {"ADJ", "ADV", "NOUN"}


def _docs(texts: Sequence[str]):
    from meetinglens.nlp import load_spacy

    nlp = load_spacy()
    disable = [p for p in ("parser", "lemmatizer", "ner") if p in nlp.pipe_names]
    return list(nlp.pipe(texts, disable=disable, batch_size=128))


def is_question(text: str, doc=None) -> bool:
    """Question by punctuation or by syntax (wh-word or auxiliary inversion at the start)."""
    if text.rstrip().endswith("?"):
        return True
    doc = doc if doc is not None else _docs([text])[0]
    wh, inversion = _question_syntax(doc)
    return wh or inversion


def features(lines: Sequence[Line]) -> np.ndarray:
    """One row of :data:`FEATURE_NAMES` values per line (context = the previous line)."""
    docs = _docs([line.text for line in lines])
    rows = np.zeros((len(lines), len(FEATURE_NAMES)), dtype=np.float32)
    questions = []
    for i, (line, doc) in enumerate(zip(lines, docs)):
        norm = normalize(line.text)
        words = norm.split()
        wh, inversion = _question_syntax(doc)
        questions.append(line.text.rstrip().endswith("?") or wh or inversion)
        values = [
            line.text.rstrip().endswith("?"), wh, inversion, bool(CLARIFY.search(norm)),
            is_backchannel(line.text), len(words) <= BACKCHANNEL_MAX_WORDS,
            math.log1p(len(words)) / 4.0,
            any(t.like_num for t in doc), bool(MONEY.search(norm)) or "%" in line.text,
            any(t.pos_ == "PROPN" for t in list(doc)[1:]),
            bool(FIRST_SING.search(norm)), bool(FIRST_PLUR.search(norm)), bool(SECOND.search(norm)),
            *(lexicon_hit(name, norm) for name in LEXICONS),
            line.side == "buyer", line.side == "seller",
        ]
        prev = lines[i - 1] if i else None
        other = prev is not None and prev.speaker != line.speaker
        values += [
            other and prev.side != line.side and "unknown" not in (prev.side, line.side),
            other and questions[i - 1],
            other and prev.side == "seller" and len(prev.text.split()) >= LONG_ARGUMENT_WORDS,
        ]
        rows[i] = values
    return rows


def seller_pushes_next_step(text: str) -> bool:
    """A seller proposing or scheduling the next step ("I'll send you a proposal", "is Tuesday good")."""
    norm = normalize(text)
    return bool(SELLER_PUSH.search(norm))


SELLER_PUSH = re.compile(
    r"\b(?:i'?ll|ill|i will|we'll|let me)(?: \w+)? (?:send|put|book|schedule|set up|include|"
    r"draft|follow up|get you|invite|write)\b|\b(?:schedule|book) (?:a|the) (?:follow|demo|call|meeting)|"
    r"\b(?:is|does|would) (?:next )?(?:monday|tuesday|wednesday|thursday|friday|week|the \w+) "
    r"(?:good|work)")


#: What a customer's own next step is said with: a future or intended action of theirs, or a
#: date. "I'll be direct, we have concerns about the price" opens a topic and commits to
#: nothing, so these framing phrases are removed before looking.
NEXT_STEP_FRAME = re.compile(
    r"\b(?:i'?ll|ill|i will|let me) be (?:honest|direct|frank|brief|quick|clear|upfront|"
    r"straight|blunt|open)\b")
NEXT_STEP_CUE = _rx(
    r"i'?ll", r"ill", r"we'?ll", r"i will", r"we will", r"let me", r"let'?s", r"lets",
    r"i can", r"we can", r"i could", r"we could", r"i'?m going to", r"im going to",
    r"we'?re going to", r"were going to", r"going to", r"gonna", r"(?:i|we) (?:need|have|want) to",
    r"(?:i|we)'?d like to", r"next", r"send", r"book", r"set up", r"schedule", r"loop",
    r"share", r"talk to", r"take (?:it|this|that)", r"bring", r"get back", r"follow up",
    r"tomorrow", r"tonight", r"monday", r"tuesday", r"wednesday", r"thursday", r"friday",
    r"this week", r"by the end", r"before the", r"after the")


def takes_next_step(text: str) -> bool:
    """Whether a customer utterance can say how they will continue (see NEXT_STEP_CUE)."""
    return bool(NEXT_STEP_CUE.search(NEXT_STEP_FRAME.sub(" ", normalize(text))))


def is_feature_talk(text: str) -> bool:
    """Product description: what it has or does, told without saying what it is worth."""
    norm = normalize(text)
    return len(norm.split()) >= 6 and bool(LEXICONS["feature"].search(norm))
