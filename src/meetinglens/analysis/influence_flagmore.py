"""Round 12: red flags said *indirectly*, and budgets hinted but never stated.

Why: on the long and medium blind sets (holdout9-11) misses outnumbered false flags, and none
of the misses was a gate veto: no cue matched and the evidence head scored the words below its
threshold. Each list here is a *mechanism* seen in at least two of those meetings, written as
kinds of things people say rather than one meeting's phrases:

* **a rival preferred without a preference word**: the incumbent or a rival is familiar and
  trusted ("the fella from Poor Log comes out ... the lads know it inside out", "Piet from
  Sorvex was in on Thursday ... knows that line better than I do", "Fenwick came out and
  fixed it ... they've been very good to us"), or the buyer would rather wait for or pay
  *them* ("I'd nearly rather wait and see what theirs is like", "if I had my way I'd rather
  pay them");
* **a reorganization without the word**: two units that "used to be" separate are now one,
  a unit "stops being its own", "reports into" a new service, staff "go to him, not me";
* **a newcomer described by the role they start in** ("Kirsty Munro starts as finance
  director in June", "Kyle is coming on as general manager");
* **a budget hedged rather than stated** ("could be two grand, could be nothing", "I'd be
  guessing", "I couldn't give you one today"), and figures that are not a budget at all: a
  count ("forty-one thousand rentals"), a cost of the problem ("we spent a hundred and eighty
  thousand on agency nurses"). A bare amount states a budget only when said as money set
  aside for this (a plan, a pot, a line, "to play with") or as the answer to the budget
  question.

Regexes over :func:`influence_lexicon.normalise`-d text, as in :mod:`influence_flagcues`.
"""

from __future__ import annotations

import re

from meetinglens.analysis import influence_lexicon as lx
from meetinglens.model import Utterance

# ---------------------------------------------------------------- competitor preferred

#: Someone from another firm who serves the buyer: "the fella from Poor Log", "their guy",
#: "Fenwick came out and fixed it", "Piet from Sorvex was in", "they put the whole system in".
VENDOR_PRESENCE = (
    r"the (fella|guy|bloke|man|lad|lads|rep|engineer|woman|lady|people|team) from",
    r"their (guy|rep|engineer|sales ?man|salesman|fella|bloke|man|people|team|lads)",
    r"(came|comes|come|coming) (out|over|round|in) and (fixed|fix|fixes|sorted|sorts|sort)",
    r"from [a-z]+ (was|were|came|has been|'s been) (in|out|here|round|over)",
    r"(they|he|she) (put|installed|fitted|built|set up) (the|our) (whole |entire )?[a-z]+",
    # round 26: "Stefan at our SAP partner knows it inside out"
    r"[a-z]+ (at|from) (our|their) ([a-z]+ )?(partner|supplier|vendor|reseller|integrator|dealer)",
)
#: The other side is known and trusted: "knows us", "knows every valve", "knows that line
#: better than I do", "the lads know it inside out", "they've been very good to us".
FAMILIARITY = (
    r"(knows?|know) (us|every [a-z]+|(that|the|this|our) [a-z]+ better than|it inside out|"
    r"us inside out|(it|them|that) (back to front|like the back of))",
    r"(been|they've been|they have been|theyve been) (very |really |so |always )?"
    r"(good|great|brilliant) (to|for|with) us",
    r"sorts? (out )?whatever we need",
)
#: Round 25: the other option already fits what the buyer runs ("it's already wired into our
#: channel manager, same support line, same invoice"): familiarity that needs no vendor visit.
ALREADY_FITS = (r"(it's|its|it is|they're|theyre|that's|thats) already (wired|plugged|hooked|"
                r"built|integrated|tied|connected) (in|into|up|to|with)",)
#: A wish for the other option: "I'd rather pay them", "I'd nearly rather wait and see what
#: theirs is like".
RATHER = (r"(i'd|id|i would|we'd|wed|we would) (nearly |almost |honestly |probably |much |"
          r"really |just |sooner )?rather (wait|pay|go|stay|stick|give|have|see|use|buy|keep|"
          r"hold|build|extend|upgrade)",)
#: Round 22: fondness for the other option: "I'd be slow to give that up", "the floor's kind
#: of already half sold on it", "I would be more comfortable with them doing it".
FONDNESS = (
    r"(slow|reluctant|loath|loathe|sorry|sad) to (give|let) (that|it|them|him|her|those|this) "
    r"(up|go)",
    r"(already|half|kind of already|pretty much) (half )?sold on",
    r"(more|most) comfortable (with|going with) (them|they|[a-z]+ doing)",
)
#: Round 25: a wish to go with another option, whoever holds it ("he'd rather we went with
#: Cubera"): "go with" names an option, not the buyer's timing.
RATHER_WITH = (r"rather (we |i |you |they )?(went|go|going|stayed|stay|stuck|stick) with",)
#: ... said of a third party, not of the buyer's own timing ("I'd rather wait till June").
THIRD_PARTY = (r"(them|they|their|theirs|they're|theyre|they've|theyve|him|his)",)


def rival_preferred(u: Utterance) -> str | None:
    """The words showing another option preferred without a preference word, or None."""
    norm = lx.normalise(u.text)
    rather = lx.any_hit(norm, RATHER)
    if rather and lx.any_hit(norm, THIRD_PARTY):
        return rather
    rather_with = lx.any_hit(norm, RATHER_WITH)
    if rather_with:
        return rather_with
    fond = lx.any_hit(norm, FONDNESS)
    if fond:
        return fond
    familiar = lx.any_hit(norm, FAMILIARITY)
    if familiar and lx.any_hit(norm, VENDOR_PRESENCE):
        return familiar
    return lx.any_hit(norm, ALREADY_FITS)


# ---------------------------------------------------------------- reorganization

#: A change in who is grouped with whom or reports to whom, said without "reorganization".
REORG_INDIRECT = (
    r"used to (be|run|have|work as) (two|three|four|several|2|3|4) (separate |different |"
    r"independent )?([a-z]+ ){0,2}(outfits|companies|businesses|firms|teams|units|lines|sites|"
    r"depots|yards|departments|crews|shifts|kitchens|offices|services|desks)",
    r"(now|it's now|is now|now it's|its now|now its) (just )?one ([a-z]+ )?(crew|team|kitchen|"
    r"service|unit|department|office|desk|company|business|operation|outfit|shift)",
    r"(stop|stops|stopped|stopping) being (our|their|its|a) own",
    r"no longer (our|their|its|a) own",
    r"(we're|we are|were) (going|gonna go|moving) in with",
    # round 25: a reporting line that changes, not one described ("marc reports to him")
    r"(reports?|reporting) into (that|them|him|her|it|the new)",
    r"(reports?|reporting) to the new",
    r"(will|'ll|now|going to|gonna|start|starts|starting to) (report|reporting) (in)?to",
    r"(came|come|comes|moved|moves) over (under|to) (me|him|her|them)",
    r"(go|goes|going|gonna go|report|reporting) to (him|her|them) (not|instead of) (me|us)",
    # round 26: "from July I report there and not to Rodrigo"
    r"(report|reporting) (there|to [a-z]+) (and )?(not|instead of) (to )?[a-z]+",
    r"stepping (back|down|aside) from",
    # round 22: a function or a post removed ("Cork and Limerick stop having their own academic
    # management", "Limerick's principal retires in June and we're not replacing her")
    r"(stop|stops|stopped|stopping) having (their|our|its|a) own",
    r"(not|aren't|arent|won't|wont|isn't|isnt) (be )?replacing (him|her|them|that (post|role|job))",
)

# ---------------------------------------------------------------- new influencer

#: Someone starting in a position of influence, named by the role: "starts as finance
#: director", "is coming on as general manager in October".
STARTS_AS = (
    r"(starts|starting|start|coming on|coming in|comes in|came in|joining|joins|taking over|"
    r"coming across|came across|coming over|came over|moving across|moved across|came up|"
    r"coming up|came down|coming down) "
    r"(us |the team |the board |the business |the company )?((in|on|from|next) ([a-z0-9]+ ){1,2})?"
    r"(from ([a-z']+ ){1,3})?as "
    r"(our |the |a |an )?(new |first )?([a-z]+ ){0,2}(director|manager|head|chair|lead|officer|"
    r"ceo|cfo|coo|cto|gm|partner|principal|owner|boss|controller|supervisor|president)",
)
#: Round 22: an arrival said without the role's title: "my brother Sipho is joining us in
#: July", "three weeks ago we brought in Carmen Jacobs", "my father has made him a director".
ARRIVES = (
    r"(is|are|'s|s) joining (us|the (team|board|business|company|firm|group|practice|"
    r"partnership))",
    # "brought in" / "appointed", not "taken on" or "hired": "we've just taken on two new
    # optometrists" is staff, not someone who can affect the decision (holdout24, after scoring)
    r"(weeks|days|a month|a fortnight|months) ago (we|we've|weve|they|they've) (brought in|"
    r"appointed)",
    r"(we|we've|weve|we have|they've|they have) (just|recently|only just) (brought in|appointed)",
    r"(brought in|appointed) ([a-z]+ ){1,6}(weeks|days|a month|a fortnight) ago",
    r"made (him|her|them) (a|the|our) ([a-z]+ )?(director|partner|shareholder|board member|"
    r"owner)",
    # round 23: "you haven't met him, he's new to us too"
    r"(he's|she's|he is|she is) (brand )?new (to us|here|in (the )?(post|job|role))",
    # round 25: a person starting on a date ("he starts on the first of June")
    r"(he|she) (starts|joins|arrives|takes over|is starting|is joining) ((on|from) (the (first|"
    r"[a-z]+(st|nd|rd|th)|\d+)|monday|tuesday|wednesday|thursday|friday)|(on|from|in|next) "
    r"(january|february|march|april|may|june|july|august|september|october|november|december))",
)

# ---------------------------------------------------------------- budget

#: The amount is a guess or open: not a stated budget even when a figure is said.
BUDGET_HEDGE = (
    r"could be [a-z0-9 ]{1,25} could be (nothing|more|less|anything)",
    r"(i'd|i would|id) (just )?be guessing",
    r"(couldn't|could not|can't|cannot) (give|tell) you (one|a (number|figure)|that|a budget)",
    r"(good|bad) years and (its|it's|their|the)? ?(good|bad) years",
    r"(depends|depend) (on )?what",
)
#: An amount is money set aside for this purchase when one of these is near it.
ALLOCATION = (
    r"(budget|capex|capital|plan|pot|line (in|for|item|of)|budget line|set aside|earmark[a-z]*|"
    r"allocat[a-z]*|approved|"
    r"signed off|ring ?fenced|grant|cost centre|afford|to play with|to spend|spend up to|"
    r"put [a-z ]{0,25}(in|into|aside|by)|aside|in the plan|fund|funding|there for)",
)
#: The bare-amount patterns of :data:`influence_lexicon.BUDGET_KNOWN` (both name "thousand");
#: the others ("budget approved", "we've set aside money") state a budget by their words.
AMOUNT = tuple(p for p in lx.BUDGET_KNOWN if "thousand" in p)
WORDED = tuple(p for p in lx.BUDGET_KNOWN if p not in AMOUNT)
#: Amounts the lexicon's number words miss ("eighteen thousand", "twelve grand"): with
#: allocation words they state a budget too.
AMOUNT_MORE = (r"(eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
               r" (thousand|grand)",)


#: Round 24: a number of things, not of money ("a hundred and eighty thousand cubic metres of
#: logs", "forty thousand tonnes"): removed before looking for an amount.
COUNTED = re.compile(r"(?<![a-z])(thousand|million|billion|k|\d) (cubic|tonnes?|tons?|metres?|"
                     r"meters?|litres?|liters?|kilos?|kg|units?|users?|people|staff|employees|"
                     r"customers|visitors|patients|calls|hours|miles|km|square|pallets?|boxes|"
                     r"cases|orders|passengers|students|members|vehicles|trucks|beds|rooms|"
                     r"nights|items|parts|pieces|bottles|hectares|acres|head)(?![a-z])")

#: Round 25: what the problem cost ("the tank that turned cost us about twenty-six million pesos
#: in wine"): the codebook's cost of the problem, never a budget; removed with the counts.
PROBLEM_COST = re.compile(r"(?<![a-z])(cost|costs|costing|lost|losing|wrote off|write off|"
                          r"written off|paid|fined)( us| me| them)?( about| around| roughly| "
                          r"nearly| almost| over| more than| an extra| another)? ([a-z0-9]+ ){0,3}"
                          r"(thousand|million|billion|grand|k)(?![a-z])")


def budget_hedged(norm: str) -> str | None:
    """The hedge that leaves the amount open, or None."""
    return lx.any_hit(norm, BUDGET_HEDGE)


def budget_words(norm: str, answers_budget_question: bool) -> str | None:
    """The words that state a budget: worded cues, or an amount said as money for this (with
    allocation words, or in reply to the seller's budget question)."""
    worded = lx.any_hit(norm, WORDED)
    if worded:
        return worded
    amount = lx.any_hit(PROBLEM_COST.sub(" ", COUNTED.sub(" ", norm)), AMOUNT + AMOUNT_MORE)
    if amount and (answers_budget_question or lx.any_hit(norm, ALLOCATION)):
        return amount
    return None
