"""Is the budget or the decision process *stated*? The evidence behind two flags raised by absence.

Why: up to round 5 a decision process counted as stated when decision words occurred or the
evidence head scored an utterance as ``process_stated``. Buyers who assert a process with
nothing in it — "we'll sort that out between ourselves", "it goes to the owners, how they
decide I couldn't tell you" — sound like a process to both, so ``decision_process_unknown``
was never raised (holdout5: recall 0). Here a process counts as stated only when the
utterance says *how*: who decides (a person, a body, "I sign"), which steps (review, pilot,
tender, sign-off) or when (a date, a month). A deflection ("leave that with us", "above my
pay grade") says it is open.

Dialogue context, as the question head uses it: the buyer's reply is read with the seller's
utterance before it. A short "No." or "Not really" after "is there a budget?" says the budget
is unclear, though neither word mentions money.
"""

from __future__ import annotations

import re

from meetinglens.analysis import influence_flagcheck as chk
from meetinglens.analysis import influence_flagcues as fc
from meetinglens.analysis import influence_flagmore as more
from meetinglens.analysis import influence_lexicon as lx
from meetinglens.analysis.influence_flaghead import CueScores
from meetinglens.model import Utterance

BUDGET_QUESTION = (r"(budget|funding|money|spend|set aside|earmarked|figure (attached|in mind)|"
                   r"ballpark|how much|price range|afford)",)
#: Words that put money on the table in a buyer's own utterance.
BUDGET_TOPIC = (r"(budgets?|funding|money|spend|spending|price|pricing|cost|costs|afford|"
                r"figure|number|pot|capex|opex|pounds|dollars|euros|grand|thousand|k)",)
PROCESS_QUESTION = (r"(decision|decide|decided|approv[a-z]*|sign ?off|signed|who else|"
                    r"process|whose call|your call)",)


#: Round 21: words of deciding. After a buyer said the process is open ("we'll sort that out
#: between ourselves"), a date for the next meeting ("come through next Thursday") does not fill
#: it; only talk of who decides or how does ("whose call", not "the call on Tuesday").
DECIDING = re.compile(r"(decid|decision|\bsign|approv|authori[sz]|final say|last word|\bboard\b|"
                      r"committee|\bpanel\b|procurement|tender|green light|"
                      r"(whose|my|his|her|their|our) call\b|(take|make) (a|the) call)")


#: Round 26: a process introduced as such ("so the way it works is gary and me would put a paper
#: together and richard takes it to the family meeting"); stated when it also says how.
WAY_IT_GOES = re.compile(r"(the way (it|this|that|things) (works|goes|go|work)|"
                         r"how (it|this|things) (works|goes|go|work) here)")


def speaks_of_deciding(u: Utterance) -> bool:
    """The utterance talks about deciding (:data:`DECIDING`), not only about a next step."""
    return bool(DECIDING.search(lx.normalise(u.text)))


def says_how(text: str) -> bool:
    """The utterance names who decides, a step, or when (see the module docstring)."""
    norm = lx.normalise(text)
    return any(lx.any_hit(norm, cues) for cues in
               (fc.PROCESS_WHO, fc.PROCESS_STEPS, fc.PROCESS_WHEN)) or bool(chk.named_decider(text))


def empty_process(text: str) -> str | None:
    """The cue of a process asserted with nothing in it, or a deflection of the question."""
    return lx.any_hit(lx.normalise(text), fc.EMPTY_PROCESS)


def deflects(u: Utterance, asked: Utterance | None) -> bool:
    """The buyer turns aside the seller's question about the decision ("leave that with us")."""
    return asked is not None and bool(lx.any_hit(lx.normalise(asked.text), PROCESS_QUESTION)) \
        and bool(lx.any_hit(lx.normalise(u.text), fc.DEFLECTION))


def short_no(u: Utterance, asked: Utterance | None, topic) -> bool:
    """A short negative reply straight after the seller asked about ``topic``."""
    if asked is None or not lx.any_hit(lx.normalise(asked.text), topic):
        return False
    norm = lx.normalise(u.text)
    return len(norm.split()) <= fc.SHORT_REPLY_WORDS and bool(lx.any_hit(norm, fc.SHORT_NEGATIVE))


def process_evidence(u: Utterance, asked: Utterance | None, head: dict[int, CueScores],
                     norm: str, known_min: float, unknown_min: float) -> tuple[bool, bool]:
    """(stated, unclear) for one buyer utterance. ``norm``: its normalised text with approval
    thresholds removed; ``asked``: the seller's utterance just before, if any."""
    scores = head.get(u.index, {})
    # Round 25: a named decider is a stated process in itself ("I propose, and Mr. Lin in Taipei
    # approves anything over 500 million"), as "I sign" is.
    lexicon = bool(lx.any_hit(norm, lx.PROCESS_KNOWN)) or bool(chk.named_decider(u.text)) or (
        bool(WAY_IT_GOES.search(norm)) and says_how(u.text))
    by_head = scores.get("process_stated", 0.0) >= known_min
    # Round 22: "I recommend, the governing council approves. Whether it's July or September I
    # can't say yet" states the process; the uncertainty is the date, not a deflection.
    empty = empty_process(u.text) or (deflects(u, asked) and not lexicon)
    # The head hears decision talk; only an utterance that says how counts as a stated process.
    stated = not empty and (lexicon or by_head) and (lexicon or says_how(u.text))
    unclear = bool(empty) or bool(lx.any_hit(norm, lx.PROCESS_UNKNOWN)) \
        or scores.get("process_unclear", 0.0) >= unknown_min
    return stated, unclear


def budget_evidence(u: Utterance, asked: Utterance | None, head: dict[int, CueScores],
                    norm: str, known_min: float, unknown_min: float) -> tuple[bool, bool]:
    """(stated, unclear) for one buyer utterance, the reply read after the seller's question."""
    scores = head.get(u.index, {})
    asked_budget = asked is not None and bool(lx.any_hit(lx.normalise(asked.text),
                                                         BUDGET_QUESTION))
    # Round 12: a bare amount is a budget only when said as money for this ("forty-one
    # thousand rentals" is a count, "we spent 180k on agency" a cost of the problem); the head
    # is not trusted on an utterance whose only figure was an approval threshold (the caller
    # removed it from ``norm``); a hedged amount ("could be two grand, could be nothing")
    # leaves the budget open.
    money_for_this = bool(more.budget_words(norm, asked_budget))
    threshold_only = norm != lx.normalise(u.text) and not money_for_this
    on_topic = budget_topic(norm, asked)
    hedged = bool(more.budget_hedged(norm)) and on_topic
    stated = not hedged and (money_for_this or (
        scores.get("budget_stated", 0.0) >= known_min and not threshold_only))
    # Round 26 (holdout28): a buyer's price question ("What does it cost per cage?") says
    # nothing of their budget (codebook), though the head reads it as unclear.
    by_head = scores.get("budget_unclear", 0.0) >= unknown_min and not asks(u)
    unclear = hedged or (bool(lx.any_hit(norm, lx.BUDGET_UNKNOWN)) or by_head) \
        and on_topic or short_no(u, asked, BUDGET_QUESTION)
    # Round 24 (holdout26): the head hears a budget in "the 2027 budget isn't tabled until
    # December, I don't know what's in it"; a budget stated by the head alone does not
    # outweigh the same utterance saying it is unclear. Words ("we've earmarked budget, I don't
    # know the exact number") still do.
    if unclear and not money_for_this:
        stated = False
    return stated, unclear


def states_budget(u: Utterance) -> bool:
    """Words that state a budget (:func:`influence_flagmore.budget_words`). Round 24: once a
    buyer said the budget is unclear, only these settle it; the head also reads a request
    ("put the cost of the claims next to the pilot cost") as a stated budget."""
    return bool(more.budget_words(lx.normalise(u.text), False))


def asks(u: Utterance) -> bool:
    """The utterance is a question (its last sentence ends with a question mark)."""
    return u.text.rstrip().endswith("?")


def budget_topic(norm: str, asked: Utterance | None) -> bool:
    """Round 10: "no idea" says the budget is unclear only when the budget is the topic — the
    utterance speaks of money, or answers the seller's question about it. "Yeah no idea sorry,
    they just sort it between them" (after "who else would be involved?") is about the decision.
    ``norm``: the normalised utterance without approval thresholds (round 24: "if it ends up
    over two hundred thousand my sister countersigns" is about the decision, not money)."""
    return bool(lx.any_hit(norm, BUDGET_TOPIC)) or (
        asked is not None and bool(lx.any_hit(lx.normalise(asked.text), BUDGET_QUESTION)))
