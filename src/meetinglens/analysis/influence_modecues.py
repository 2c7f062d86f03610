"""Growth said as a plan: what a buyer is taking on, winning or opening (response modes).

Why (round 9): Miller and Heiman's test for a response mode is the buyer's perceived
discrepancy. A growth buyer wants more than today has — more sites, more volume, a contract
being won — and on the way mentions what goes wrong today ("we wrote off a hundred and ninety
thousand in linen"). Up to round 8 the growth lexicon only knew the words *grow*, *expand*,
*new sites*; the concrete way buyers say it ("we picked up the Kingsway group, that's eleven
sites", "we got the ballast contract, that's another eighty loads a day", "screens three and
four open in October", "if we win Walsall Manor I want to bid for Dudley") carried no cue, so
the trouble evidence on the way decided: growth read as trouble on four blind buyers
(holdout7, holdout8).

The cues below name the *expansion* itself, said by the buyer's side (first person plural or
a plan), and are added to the growth cues of :mod:`influence_lexicon` by the mode tally
(:func:`influence_roles._mode_hits`), with the same negation check ("we didn't win the
contract" is no growth). Apostrophes are optional so that ASR text ("weve", "thats") matches.
"""

from __future__ import annotations

from meetinglens.analysis.influence_lexicon import Cue

#: Units a buyer adds when the business grows (sites, volume, people, fleet).
_UNITS = (r"(sites?|stores?|shops?|branches|yards?|depots?|screens|venues|locations|clinics|"
          r"schools|gyms|parks|hotels|homes|rooms|beds|loads|routes|runs|vans|trucks|lorries|"
          r"drivers|staff|people|shifts?|members|customers|clients|contracts|accounts|"
          r"lines|machines|vessels|boats|sites a (year|month))")
_WE = r"(we've|weve|we have|we're|were|we are|we'll|we will|well|we)"

#: Growth cues (pattern, weight), on normalised text (:func:`influence_lexicon.normalise`).
GROWTH_PLAN_CUES: tuple[Cue, ...] = (
    # Won or taken on: "we picked up the Kingsway group", "we got the ballast contract".
    (r"(won|landed|picked up|secured|got) (the |a |an |another |two |three )?([a-z']+ ){0,4}"
     r"(contracts?|tenders?|accounts?|group|franchise|framework)", 3),
    (rf"{_WE} (just |also |now )?(grown|grew|doubled|tripled)|"
     rf"(to|are|were|we're|be) (take|taking) over ([a-z']+ ){{0,3}}(from|next|in|site|sites|"
     r"contract|churchyard|depot|branch|yard|estate|service|routes?)", 3),
    # More of what they already do: "another eighty loads a day", "two more yards' worth".
    (rf"(another|two more|three more|four more|a few more|extra|additional) "
     rf"([a-z0-9']+ ){{0,4}}{_UNITS}", 2),
    (r"(open|opens|opening) (in|from|next) (the )?(spring|summer|autumn|fall|winter|january|"
     r"february|march|april|may|june|july|august|september|october|november|december|"
     r"next (year|month|quarter))", 2),
    (r"(hiring|recruiting|taking on|bringing on) ([a-z]+ ){0,2}(more|new|extra|another)", 2),
    # The plan said as the buyer's wish: "I want to bid for Dudley", "if we win Walsall".
    (r"(want|wants|wanted|plan|planning|hope|hoping|looking|going) to (bid|win|add|open|"
     r"take on|expand|grow|roll (it )?out|double|bring on|put in for)", 2),
    (r"(if|when|once) we (win|land|get) (the |that |a )?([a-z']+ ){0,3}(contract|tender|"
     r"trust|bid|deal|account|sites?)", 2),
    (r"(scales|it scales|on top of (that|what we)|not getting (any )?smaller)", 1),
)

#: Overconfident said as certainty about today (round 9): the buyer rules out the gap the
#: seller is probing ("the weights are always right", "we don't get them wrong", "busiest wash
#: in the county", "I wouldn't say we've got a routing problem", "tills we don't need"). On the
#: blind sets these buyers read as even keel: nothing in the lexicon said "better than it is".
#: Their own negations are part of the cue, so no negation check applies.
OVERCONFIDENT_CUES: tuple[Cue, ...] = (
    (r"(always|never) (right|wrong)|(we|i) (don't|dont|do not|never) get (it|them|that|those) "
     r"wrong", 3),
    (r"(busiest|biggest|best|tightest|slickest|fastest) ([a-z]+ ){1,2}in (the|our) (county|town|"
     r"city|area|region|country|trade)|(tighter|better|faster|cheaper) than anyone", 3),
    (r"(wouldn't|wouldnt|would not|wouldn't really) say (we've|weve|we have|there's|theres) "
     r"(got )?(a|any) ([a-z]+ )?(problem|issue)", 3),
    (r"further (along|ahead) than (it looks|people think|you'd think|youd think)|"
     r"(that side's|that sides|that's|thats) sorted", 3),
    (r"(tills|software|systems?|kit|things|stuff|that|something) we (don't|dont|do not) need", 3),
    (r"(not|never) at my (sites?|yards?|depots?|branches|shops?|place)|(i|we) know every", 2),
    # Round 13: the same certainty said politely or as a record (holdout12, holdout9): "not
    # that we need much help", "sailed through the audit", "as tight as anyone in South
    # Yorkshire", "thirty one years we have never sent out a bad lot", "we do not need a
    # computer to tell us", "we're very well served as we are".
    (r"not that we (really )?need (much|any|a lot of)|(sailed|breezed) through (the|our|every)|"
     r"as [a-z]+ as (anyone|anybody)( in)?", 3),
    (rf"{_WE} never (once )?(sent|shipped|had|lost|made|delivered) (out )?(a|one) (single )?"
     r"(bad|wrong|late|faulty)", 3),
    (r"(we|i) (don't|dont|do not) need (a|any) ([a-z]+ ){0,2}to tell (us|me)|"
     r"(very |really )?well served (as we are|already)", 3),
)

#: Per mode, the cues this module adds to influence_lexicon.MODE_CUES.
MORE_MODE_CUES: dict[str, tuple[Cue, ...]] = {"growth": GROWTH_PLAN_CUES,
                                              "overconfident": OVERCONFIDENT_CUES}
