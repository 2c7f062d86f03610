"""Round 13: what the codebook requires of each raised flag, checked on its evidence.

Why: rounds 9-12 added trigger phrases after each blind set, and the next set phrased its
flags anew (holdout12: flag macro-F1 0.33). The codebook (docs/codebook-influence.md) says
what a flag needs besides its words — *who* it concerns, *about what*, *in which tense* — and
its near misses recur across meetings even when the trigger words do not. So each check here
is a condition from the codebook, stated as kinds of things people say:

* ``new_influencer`` needs someone new *in a position to affect the decision*: a new hire the
  buyer says has nothing to do with it ("a new practice manager ... she won't be anywhere near
  this", "a new deputy ... doing the summer conference bookings, nothing to do with this") is
  a near miss (codebook: "a new hire with nothing to do with it");
* ``status_quo`` needs contentment with today, and "content with part, pain elsewhere" is the
  codebook's named near miss ("from the welfare side what we've got is fine ... it's the
  allocations end that's Priya's headache", "the rota's fine on paper, but");
* ``reorganization`` is "reporting lines moving": a unit that stops reporting into one part and
  goes under another, a change of line management, said as coming or under way ("from July,
  Karen's team stops reporting into operations and comes across to commercial", "comes out
  from under Student Services and goes under Estates ... different line management");
* ``competitor_preferred`` includes the incumbent given the chance to match ("I've asked them
  whether they could build the same", "unless ExpoDesk come back with something", "if it was
  down to me I'd just switch that on") — the buyer holds the door open for the other option;
* ``competitor_preferred`` is the *buyer's* preference about *this purchase*: the buyer's own
  customers going to a rival ("those people don't come back ... they go wherever put a leaflet
  through the door", "we lose them to the big chains") is a problem of the buyer's business,
  trouble rather than a rival preferred;
* a stated decision process names *who decides*: a person by name ("kev signs anything like
  this") as much as a pronoun or a title.

Regexes over :func:`influence_lexicon.normalise`-d text, as in :mod:`influence_flagcues`.
"""

from __future__ import annotations

from meetinglens.analysis import influence_lexicon as lx
from meetinglens.model import Utterance

# ---------------------------------------------------------------- new influencer

#: The newcomer is said to stand apart from this decision.
DETACHED = (
    r"(won't|will not|wont|wouldn't|isn't|is not|isnt|not) (be )?(anywhere )?near (this|it|that)",
    r"nothing to do with (this|it|that|the (decision|project|system|software|purchase))",
    r"(not|won't be|wont be|isn't|isnt) (involved|part of (this|it|that)|in (on )?this)",
    r"(has|have|she'll have|he'll have|she's got|he's got|got) (enough|plenty|a lot) on",
    r"(leave|keep) (her|him|them) out of (this|it)",
    r"(doesn't|does not|won't|will not) (need to )?(touch|see|get a say|have a say)",
    # round 21: "she won't go near this", "nothing to do with us, mind", "she doesn't care what
    # we use in here", "it's not her call either way"
    r"(won't|wont|will not|wouldn't|wouldnt|doesn't|doesnt|does not|never) (go|come|get) "
    r"(anywhere )?near (this|it|that|the)",
    r"nothing to do with (us|me|our [a-z]+|my [a-z]+|what we)",
    r"(doesn't|doesnt|does not|don't|dont|do not|won't|wont) (really )?care (what|which|how|"
    r"about what) (we|you|i)",
    r"not (her|his|their|hers) (call|decision|area|remit|department|patch|thing)",
    r"(won't|wont|will not|doesn't|doesnt|does not) (have|get) (a|any) say",
    # round 26: "this isn't her thing at all", "he won't be choosing anyone's kit"
    r"(isn't|isnt|is not|wasn't|won't be|wont be) (really )?(her|his|their|hers) (call|decision|"
    r"area|remit|department|patch|thing)",
    r"(won't|wont|will not) be (choosing|deciding|picking|signing|buying|approving)",
)

#: Round 22: not new, or not in the buying organisation: someone long in post ("he's been with
#: us since my dad had the place"), or new at a third party (a new inspector, auditor or
#: regulator; "they have a new head of quality" said of a customer).
NOT_NEW = (
    r"(been|worked|be) (with|for|at) (us|the (company|business|firm|group|club|practice|place))"
    r" (since|for (years|ages|decades|donkey))",
    r"new ([a-z]+ ){0,2}(inspector|auditor|regulator|examiner|assessor|inspectorate)",
    r"\b(they|they've|theyve|they have|they've got|theyve got) (got |now have |now got |hired |"
    r"appointed )?(a|an) new",
)

# ---------------------------------------------------------------- status quo

#: Contentment limited to one part ("from the welfare side", "on paper", "for my bit").
PART_SCOPE = (
    r"from (the|my|our) ([a-z]+ ){1,2}(side|end|point of view|angle)",
    r"(for|on) (my|our|the) ([a-z]+ )?(side|end|bit|part)",
    r"on paper",
    r"(that|this) (part|side|end|bit) (is|works|does)",
)
#: ... while the pain is placed elsewhere ("Priya's headache, not mine", "but the rest").
PAIN_ELSEWHERE = (
    r"(headache|nightmare|problem|issue|mess|pain|struggle|trouble)",
    r"not mine",
    r"\bbut (the|it's|its|that's|thats|when|then|on|in|everything|anything)",
)

# ---------------------------------------------------------------- reorganization

#: A unit moving under another part, or its reporting line changing.
REPORTING_MOVE = (
    r"(stops?|stopping|stopped|stop) reporting (in)?to",
    r"(comes?|coming|came|goes|going|went|moves?|moving|moved) (out )?from under",
    r"(goes|going|go|moves?|moving|comes?|coming) (under|across to|over to) "
    r"([a-z]+ ){0,3}(services|department|division|directorate|team|commercial|operations|"
    r"finance|estates|group)",
    r"(different|new|change of|changing|changed) (line management|line manager|reporting "
    r"line|budget codes|cost centres?)",
    r"(had|have had|i've had|ive had) (two|three|four|five|several|\d+) (line )?managers",
)

# ---------------------------------------------------------------- competitor preferred

#: The buyer gives the incumbent or a rival the chance to match, or would switch theirs on.
CHANCE_TO_MATCH = (
    r"(asked|asking|ask) (them|him|her|[a-z]+) (whether|if) (they|he|she|it) (could|can|would|"
    r"will|might) (build|do|add|match|offer|make|bring|put)",
    r"unless (they|[a-z]+) (come|comes) back (to us |to me )?with",
    r"(if it was|if it were|if it's|if its|if it was left) (down|up) to me (i'd|id|i would|"
    r"we'd|wed) (just )?(switch|turn|go|stick|stay|use|keep|pick)",
    r"(switch|turn) (that|theirs|their [a-z]+) on",
)

#: The buyer's own customers going elsewhere: competition for the buyer's business.
CUSTOMERS_LOST = (
    r"(customers|patients|clients|people|members|guests|punters|students|families|they|them)"
    r" (don't|do not|dont|never|won't|wont) come back",
    r"(go|goes|went|going|drift|drifts|drifted) (off )?(elsewhere|wherever|somewhere else|"
    r"to (a |the )?(competitor|competition|rival|chains?|big boys|next place))",
    r"(lose|lost|losing|lost out on) (them|customers|clients|patients|members|business|work|"
    r"bookings|orders|accounts|contracts|the work) to",
)

# ---------------------------------------------------------------- decision process

#: A named person who decides: "kev signs anything like this", "Dana approves". "Who signs"
#: is a question, not a process, so question words are not names.
NAMED_DECIDER = (
    r"(?!(who|what|how|which|whoever|someone|somebody|anyone|anybody|everyone|everybody)\b)"
    r"[a-z]+ (signs|decides|approves|signs off|has the final say|has the last word)",
)


def _hit(u: Utterance, cues) -> str | None:
    return lx.any_hit(" ".join(lx.normalise(u.text).split()), cues)


def detached(u: Utterance) -> str | None:
    """The words saying the newcomer stands apart from the decision, or is not new to the
    buyer's organisation (:data:`NOT_NEW`), or None."""
    return _hit(u, DETACHED) or _hit(u, NOT_NEW)


def content_with_part(u: Utterance) -> str | None:
    """Contentment limited to one part with the pain placed elsewhere, or None."""
    scope = _hit(u, PART_SCOPE)
    return scope if scope and _hit(u, PAIN_ELSEWHERE) else None


def reporting_move(u: Utterance) -> str | None:
    """The words of a unit or reporting line moving, or None."""
    return _hit(u, REPORTING_MOVE)


def chance_to_match(u: Utterance) -> str | None:
    """The words giving the other option the chance to match, or None."""
    return _hit(u, CHANCE_TO_MATCH)


def customers_lost(u: Utterance) -> str | None:
    """The words of the buyer's customers going to a rival, or None."""
    return _hit(u, CUSTOMERS_LOST)


def named_decider(text: str) -> str | None:
    """A named person who decides ("kev signs anything like this"), or None."""
    return lx.any_hit(" ".join(lx.normalise(text).split()), NAMED_DECIDER)
