"""Round-6 cue lists for red flags and authority (kept apart from :mod:`influence_lexicon`,
which is long enough already). Same conventions: regexes over
:func:`influence_lexicon.normalise`-d text, whole words, ``" "`` = any run of spaces.

Why these are kinds of things people say rather than phrases of one meeting: each list names
a *mechanism* the holdouts showed the rules missing — a process asserted with nothing in it
("we'll sort that out between ourselves"), a takeover told as news ("since the group bought
us"), a newcomer who "has just come over from" elsewhere, a next step pushed to "once the
festival's done", and an owner whose authority is said in the first person ("it's my money,
it's my call", "Mark and I both sign").
"""

from __future__ import annotations

#: A process asserted but empty: who decides or how is said to be unknown or private.
EMPTY_PROCESS = (
    # round 24: "sort out the route between ourselves", "sort it out between the two of us"
    r"(sort|work|figure|thrash|hash) (out )?([a-z]+ ){0,2}(out )?(between|among|amongst) "
    r"(ourselves|us|themselves|the (two|three|four) of (us|them))",
    r"(sort|work|figure) (that|it|this) out (internally|in house|ourselves)",
    # round 25: "the approvals, leave that side with us, we'll handle it inside"
    r"(we'll|we will|well|we'd|we) (handle|deal with|manage|sort) (it|that|that side|that bit|"
    r"the rest|those) (inside|internally|in house|ourselves|between us)",
    # round 25: deciders listed as possibilities ("it could still be me, it could be Nakamura")
    r"(it|that) (could|might) (still |also )?be ([a-z']+ ){1,4}(or )?(it|that) (could|might) "
    r"(also |just as well )?(be|go)",
    r"(how|who) (they|he|she|we|the [a-z]+|the owners|the family|the board) "
    r"(decides?|decided|sign|signs|approves?|choose|chooses)( [a-z]+){0,4} i (couldn't|can't|"
    r"could not|cannot|wouldn't) (tell|say)",
    r"(don't|do not|wouldn't|never) (really )?know how (they|he|she|we|the [a-z]+|the owners|"
    r"the family|the board|it) (decides?|decided|sign|signs|approves?|gets (decided|approved)|"
    r"works|goes)",
    r"(they|he|she) (sort of |kind of )?just (decide|decides|do it|sign)",
    # round 26: "they decide those things upstairs, I only find out when the boxes arrive"
    r"(they|someone|somebody) (decide|decides|sort|sorts) ([a-z]+ ){0,2}(upstairs|up top|"
    r"higher up|above my head|somewhere else)",
    # round 12: "they'll work it out, they always do, it's just never quite the same way twice"
    r"(they'll|they will|theyll) (work|sort|figure|thrash|hash) (it|that|this) out",
    r"never (quite |really )?the same (way )?twice",
    r"(whether|if) it (gets|goes|ever gets) (on|onto) (an|the) agenda",
)
#: A deflection: says the process is open only as the reply to a question about it.
DEFLECTION = (
    r"(leave|leaving) (that|it|this|that side|that bit)( side| bit| part)? (with|to) (us|me)",
    r"(don't|do not|no need to) worry about (that|this|it|who|how|the)( side| bit| part)?",
    r"(above|over|beyond) my pay ?grade",
    r"(that's|that is|it's|it is) (not|never) (my|really my) (department|area|place|side)",
    r"(we'll|we will|i'll|i will) (see|cross that bridge)( when| how| once| if| later)",
    r"(no idea|not sure|don't know|couldn't tell you|can't say)",
)

#: What a stated process names: who decides, which steps, when (any one is enough).
PROCESS_WHO = (
    r"(i|we|he|she|they|nobody|no one)( would| will|'d|'ll| can| both| all| then)? "
    r"(decide|decides|sign|signs|approve|approves|make the (call|decision))",
    r"(my|his|her|their|our) (call|decision|signature|sign ?off|budget|money|approval)",
    r"(committee|board|panel|council|trustees|governors|partners|directors|owner|owners|"
    r"founder|cfo|ceo|md|finance|procurement|legal|security|head office|group|parent)",
    r"(nobody|no one|there's nobody|there is nobody) else",
    # round 22: "we own it between us so the two of us would have to agree"
    r"(both|two|three|all) of us (would |will |'d |'ll )?(both |all )?(have to|need to|must) "
    r"(agree|sign|decide|say yes|approve)",
)
PROCESS_STEPS = (
    r"(review|reviews|pilot|trial|test|tender|rfq|rfp|quotes?|bid|evaluation|evaluate|score|"
    r"shortlist|recommendation|recommend|business case|sign ?off|signs? off|approv[a-z]*|"
    r"framework|after that|step|steps|stage|stages)",
)
PROCESS_WHEN = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|q[1-4]|quarter|year end|end of (the )?[a-z]+|"
    r"next (week|month|meeting)|\d+(st|nd|rd|th)?)",
)

#: A short reply that says no (after the seller asked about the budget).
SHORT_NEGATIVE = (
    r"(no|nope|nah|not really|not yet|not as such|not at the moment|not at this stage|"
    r"no idea|dunno|don't know|not sure|nothing yet|nothing set|none|not that i know of)",
)
#: Words of a reply that count as "short" (a bare "No." or "Not really, not until June.").
SHORT_REPLY_WORDS = 8

#: A takeover, merger or new reporting line told as news.
REORG_NEWS = (
    r"(bought|acquired|took over|taken over|swallowed) us",
    r"(we|they|the [a-z]+) (got|were|was|have been|has been|'ve been) (bought|taken over|"
    r"absorbed|merged|combined|folded in)",
    r"(become|becomes|became|becoming|are now|is now|now one) (one|a single|a combined|"
    r"the same) ([a-z]+ ){0,2}(desk|team|unit|site|yard|department|region|division|function|"
    r"business|company|office)",
    r"(put|brought|pulled|rolled|lumped) (together|under one)",
    r"(combined|merged|joint|joined up|amalgamated) (team|desk|unit|yard|office|department|"
    r"division|region|function|operation)",
    r"(we|the [a-z]+) (sit|sits|now sit|report|reports) (under|into) (the|a|their|our new) "
    r"[a-z]+",
    r"new (parent|owner|owners|group|holding company|hub|reporting line|boss over)",
    r"(under|since) (the )?(new ownership|new owners|the takeover|the buyout|the merger|"
    r"the acquisition)",
)

#: Someone who has just arrived in a place of influence.
NEW_ARRIVAL = (
    r"(just|only just|recently|newly) (come|came|moved|transferred|arrived) "
    r"(over|across|in)? ?(from|to)",
    r"(has|'s|have|'ve) just (started|joined|taken over|come on)",
    r"(started|joined|came over|moved over) (a|two|three|few) (weeks|days) ago",
)

#: A next step left open: "leave it with us", "once the festival's done", "give you a shout".
DEFERRAL_MORE = (
    r"leave it with (us|me)",
    r"(have|take) a (think|look) (once|after|when|and)",
    r"give you a (shout|ring|call|bell)( when| once| if| after)?",
    r"(let's|let us) (stay|keep) in touch",
    r"(come|get) back to you (after|once|when|in the new year|next year)",
    r"(look at|looked at|read|go through|think about) (it|them|that|this|everything|those) and "
    r"(get|come) back to you",
    # round 26: "nah look i cant promise anything around harvest ... when things quieten down"
    r"(can't|cant|cannot) promise (you )?anything",
    r"(once|when|after) (things|it|everything) (quietens?|quiets?|calms?|settles?) down",
)

#: Round 23: materials sent on request ("I'll send everything today", "send you the deck") are
#: no step the buyer commits to (codebook: "send us info and we'll get back to you" is not one);
#: a proposal counts only for what it says besides them.
SENDING = (
    r"(let me|i'll|i will|we'll|we will|i can|we can|happy to) (send|share|email|forward)"
    r"( (you|over|across|it|them|that|this|everything|all|those))*",
    r"send (you|over|me|us) (the|a)",
)

#: First-person authority: the speaker holds the money or the final say.
FIRST_PERSON_AUTHORITY = (
    r"(it's|it is|that's|that is) my (money|call|decision|budget|signature|line)",
    r"my money",
    r"(i|me) (sign|decide|approve|make the (call|decision))",
    r"(and|both) i (both )?(sign|decide|approve)",
    r"i('d| would| will|'ll) (sign|decide|approve)( it| off| that)?",
    r"i make the (recommendation|call|decision)",
    r"(the [a-z ]{1,20} line|budget) is mine",
    r"i (hold|own|control) (it|the budget|the money|the line)",
    r"i've (put|set aside|earmarked|allocated|budgeted)",
    r"(i've got|i have) [a-z0-9 ]{1,25}(thousand|k|grand) in (the|my|this|next)",
    r"(no|there's no|without a) committee",
)

#: Content with the present said without "happy" or "stick with" (affirmed only).
STATUS_QUO_MORE = (
    # round 22: no reason to change, said as doubt about the need ("I don't see what we'd be
    # fixing", "i dont see whats broke", "i dont see us ripping all that out for a map") or as
    # calm ("its fine we manage", "there's no fire here", "not looking to mess with that")
    r"(i|we) (don't|dont|do not|can't|cant) (really |honestly )?see (what|whats|what's) "
    r"((we'd|wed|we would|it|this|that|you|a [a-z]+|the [a-z]+) )?(be |would be |'d be )?"
    r"(fixing|fix|gives|give|adds|add|broke|broken|wrong|gains?|buys?|tells?)",
    # round 24: "i dont see why we change it now", "why we should switch"
    r"(i|we) (don't|dont|do not|can't|cant) (really |honestly )?see (why (we'd|wed|we would|we|"
    r"we should|we'd need to|we need to) (change|switch|move|bother|pay|need)|"
    r"why (we're|were|we are) paying|us (ripping|changing|"
    r"switching|moving|dropping|replacing))",
    r"(it's|its|it is) fine,? (we manage|nobody complains|no one complains|it works)",
    # round 24: "the way we do it works", "what we have works fine for us"
    r"(the way we (do it|do things|work|run it)|what we (have|do|use)) (works|is working|"
    r"has worked|has always worked|does the job)",
    r"(not|never) looking to (mess|change|switch|rip|replace|move)",
    r"(there's|theres|there is) no fire",
    r"(nothing's|nothings|nothing is|nothing) broke",
    r"not where (our|the) (problems?|issues?) (are|is|lie)",
    r"still think (the|our|it|that) ([a-z]+ ){0,3}(is|'s|s) fine",
    r"(don't|dont|do not) need (a|an|any|another) ([a-z]+ ){0,2}(phone|gadget|app|box|tablet|"
    r"scanner|screen|system|trial) (telling|to tell)",
    # round 22: "my view ... is that we don't need a new system for traceability"
    r"(we|i) (don't|do not|dont) (really )?need (a|another|any) new (system|tool|platform|app|"
    r"software|solution|package|provider|supplier)",
    r"(it|that|which|this) does (the job|what we need( it to)?|everything we need)",
    r"(we've|we have) always done it (this|that|the same) way",
    r"(never|has never|hasn't ever) let (us|me) down",
    r"(haven't|have not|don't have|haven't really) got an? [a-z]+ problem",
    r"(need|want) a (very |really )?good reason to (change|move|switch|drag|leave)",
    r"(not sure|don't see) what an? (new|different|another)? ?[a-z]+ (is going to|would|will|"
    r"could) (tell|give|do for|add for) us",
)

# ---------------------------------------------------------------- mentions

#: Bodies and role phrases tied to a decision, beyond influence_lexicon.MENTION_TERMS.
MENTION_MORE: tuple[tuple[str, str], ...] = (
    (r"(the |our |their )?(finance|audit|capital|investment|executive|management|budget|"
     r"purchasing|governing|trust|trustees|advisory|operating|planning|spending|approvals?|"
     r"credit|risk|directors|partners|family|works|estates|programme|program)"
     r"( and [a-z]+)? (committee|board|meeting|panel)", "economic"),
    (r"(the|our|my) (principal|head teacher|headteacher|proprietor|landlord|family|owners?|"
     r"managing partner|other partner|chief executive|general manager)", "economic"),
)

#: What ties a mentioned person or body to the deal, beyond influence_lexicon.INVOLVEMENT_CUES.
INVOLVEMENT_MORE = (r"(take|takes|took|bring|put|goes|go|went|send|sent) (it|this|a case|the case|"
                    r"the proposal|a recommendation|up)( up)? (to|in front of|before)",
                    r"(goes|go|went|gets sent) (up )?(to|in front of|before)",
                    r"(rubber ?stamps?|waves? (it )?through|blesses|green ?lights?|listens to|"
                    r"recommend[a-z]*)",
                    # round 7: the owner of the business is tied to any purchase of it
                    r"(she|he|they) (both )?(owns?|own) (it|the (business|company|place|firm|"
                    r"school|shop|group|boats|yard|site)|this place|everything)",)

#: A named person beside a decision or a department, with the role the codebook gives.
#: Group ``name`` is the person; capitalised in typed text, name-like in ASR text.
NAMED_MORE: tuple[tuple[str, str], ...] = (
    (r"(?P<name>[a-z]+) and (i|me) (both |all |together )?(sign|decide|approve|sign off)",
     "economic"),
    (r"(?P<name>[a-z]+),? (she|he)('s| is) (our |the |a )?(vp|svp|evp|director|head|owner|ceo|"
     r"cfo|coo|md|chair|principal|president|managing director|founder|boss)", "economic"),
    (r"(?P<name>[a-z]+)('s| is) the one (who|that)('ll| will)? (signs?|decides?|approves?|"
     r"holds|owns|has)", "economic"),
    (r"(?P<name>[a-z]+),? (our|the) (principal|owner|founder|boss|chair|chief executive|"
     r"managing director|general manager)", "economic"),
    # round 7: "carol yeah i mean she owns it", "the Pattersons, they own the business"
    (r"(?P<name>[a-z]+) (yeah |well |so |i mean |um |uh |you know )*(she|he|they) (both )?"
     r"(owns?|own) (it|the (business|company|place|firm|school|shop|group|boats|yard|site)|"
     r"this place|everything)", "economic"),
    # round 7: "then it goes to sharon", "that'd go up to Priya" (the approval path)
    (r"(it|that|this) ('ll |will |would |'d |d )?(goes|go) (straight )?(up )?to (?P<name>[a-z]+)",
     "economic"),
    (r"(?P<name>[a-z]+) (has |who )?(just )?(started |now )?(looking after|looks after|runs|"
     r"handles|manages|is in charge of|is responsible for) (our|the) (it|security|systems|"
     r"network|tech|technology|data)", "technical"),
)
