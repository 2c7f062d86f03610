"""Cue lexicons for the buying-influence analyzer (Miller & Heiman, *Strategic Selling*).

Why lexicons of intents and not a classifier trained on our own sentences: the labelled set
is small and team-written, so anything learned from it would memorise its phrasing. The cues
below are written from the codebook (docs/codebook-influence.md) as *kinds of things people
say* — approval authority, daily-work impact, specifications, inside guidance — and match
on normalised text (lower case, no punctuation) so that ASR output works the same as a
typed transcript.

Each cue is ``(regex, weight)``; regexes are matched with word boundaries on
:func:`normalise`-d text. Weights: 3 = the cue alone tells the role, 2 = strong, 1 = weak
(words several roles use, that only tip a balance).
"""

from __future__ import annotations

import re
from functools import cache

Cue = tuple[str, float]


#: Round 23: spoken fillers and a word said twice ("and uh get back", "the the madness") break
#: cues in raw ASR; :func:`normalise` turns both into spaces.
FILLER = re.compile(r"(?<![a-z0-9'])(um+|uh+|erm+|uhm+|er+|mm+|hmm+)(?![a-z0-9'])")
REPEAT = re.compile(r"(?<![a-z0-9'])([a-z']+)(?: +\1(?![a-z0-9']))+")


def normalise(text: str) -> str:
    """Lower case; apostrophes kept inside words, other punctuation, fillers and a repeated
    word -> space.

    The result has the same length as ``text`` (offsets of a match point into the original,
    so a quote or a capitalised name can be cut from it); cue patterns treat any run of
    spaces as one (:func:`compile_cue`).
    """
    lowered = text.replace("’", "'").lower()
    if len(lowered) != len(text):  # a few Unicode letters change length when lowered
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    lowered = re.sub(r"[^a-z0-9'$%&]", " ", lowered)
    lowered = re.sub(r"(?<![a-z])'|'(?![a-z])", " ", lowered)
    lowered = FILLER.sub(lambda m: " " * len(m.group()), lowered)
    return REPEAT.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), lowered)


@cache
def compile_cue(pattern: str) -> re.Pattern:
    """A cue as a regex: whole words only; ``" ?"`` = optional space, ``" "`` = any spaces,
    and an apostrophe may be missing (raw ASR writes "dont", "theyll", "hes")."""
    pattern = pattern.replace("'?", "'").replace("'", "'?")
    pattern = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


NEGATION = re.compile(r"(?<![a-z])(no|not|never|without|n't|dont|don't|doesn't|isn't|"
                      r"aren't|wasn't|haven't|hasn't|can't|cannot|won't)(?![a-z])")

# ---------------------------------------------------------------- roles (what a person says)

ROLE_CUES: dict[str, tuple[Cue, ...]] = {
    "economic": (
        (r"(final|last) (say|word|call|decision|sign ?off)", 3),
        (r"(my|i make the|i'll make the|i have the) (call|decision)", 3),
        (r"i('ll| will| can| would|'d)? (sign|approve|sign off|green ?light|authori[sz]e|fund)", 3),
        (r"i sign", 3), (r"(it|that)'?s my (call|budget|money|decision|signature|company|business)", 3),
        (r"i( would| will|'d|'ll)? (decide|make the decision|make decisions|have the final)", 3),
        (r"(my|our) (partners|board|shareholders|investors) and i", 2),
        (r"(we|i) could (probably )?(find|free up) (something|the money|budget|the budget|funds)", 2),
        (r"(my|i own the|i hold the|i control the|i set the) budget", 3),
        (r"(comes|come|coming) (out of|from) my (budget|p ?(&|and) ?l|bottom line)", 3),
        (r"i('m| am) (the one|who) (who )?(signs|decides|approves|pays)", 3),
        (r"(i|we) can (make|find|free up) (the )?(money|budget|funds)", 3),
        (r"i('ll| will) (find|free up|allocate|release) (the )?(money|budget|funds)", 3),
        (r"(if|once) (i|i'm) (see|convinced|comfortable)", 1),
        (r"(business case|return on (the )?investment|roi|payback( period)?)", 2),
        (r"(bottom line|p ?(&|and) ?l|margins?|ebitda|cash flow|total cost of ownership|tco)", 2),
        (r"(the board|our board|shareholders|investors)", 1),
        (r"(strategic|strategy|company wide|whole company|across the (company|business))", 1),
        (r"(cost|costs|price|pricing|invest|investment|spend|savings|headcount)", 1),
        (r"(this year's|next year's|annual) (plan|targets?|budget)", 1),
    ),
    "user": (
        (r"(my|our) (team|people|staff|agents|reps|nurses|technicians|drivers|planners|"
         r"dispatchers|crews?|operators|engineers|analysts|accountants|clerks|recruiters)"
         r" (use|uses|spend|spends|have to|need to|type|enter|log|fill|get|gets|receive|"
         r"copy|check|work)", 3),
        (r"(day to day|daily|every (day|morning|week|shift|single day)|each (day|morning|shift))", 2),
        (r"(by hand|manually|manual|copy (and )?paste|re ?type|retype|double entry)", 2),
        (r"(spreadsheets?|excel|whiteboard|paper forms?|on paper|post ?its|sticky notes|"
         r"clipboard)", 2),
        (r"(takes|took) (me|us|them|about|around|roughly|almost|over|an?|one|half)"
         r"( about| around| a| an| half)? (an? |one |two |three |\d+ )?"
         r"(hour|hours|minutes|days?|afternoon|morning|week|weeks)", 2),
        # volume handled per person and period ("each of us clears two hundred alerts a day")
        (r"[a-z0-9]+ (alerts|calls|tickets|orders|claims|cases|invoices|requests|emails|"
         r"shipments|deliveries|patients|jobs|applications|returns) (a|per|each) "
         r"(day|week|shift|month)", 2),
        (r"(each|every one|both|all) of us|my colleagues", 1),
        (r"(log ?books?|shared calendar|paper (logs?|lists?)|binders?|notebook|(shared|big) "
         r"workbook|shared (drive|inbox)|emailed around|print(s|ed)? (a|the|out) list)", 2),
        # how the work gets done today, by the people who do it
        (r"(we|i|they|someone|somebody|the team|the guys|my people) (enter|enters|export|exports|"
         r"print|prints|ring|rings|phone|phones|write|writes|plan|plans|chase|chases|chasing|"
         r"copy|copies|track|tracks|merge|merges|build|builds|rebuild|rebuilds) ", 1),
        (r"(for|from) the (teachers|front desk|desk|floor|planners|agents|nurses|drivers|"
         r"technicians|crews|staff|receptionists|coordinators|clerks|analysts)|front desk|"
         r"in between (patients|calls|jobs|shifts|classes|visits)", 2),
        (r"(pick|get|bring|pull in|send) (two|three|four|five|a few|some|a couple of) "
         r"([a-z]+ )?(receptionists|planners|agents|nurses|teachers|users|colleagues|"
         r"technicians|dispatchers|drivers|coordinators|reps|analysts|crews)", 2),
        (r"(they|we|people|users|i)('ll| will| won't| wouldn't| would| will not)? (not )?"
         r"use (it|this|that)", 2),
        (r"(i|we) (pull|enter|update|upload|export|type|key|push|process|adjust|"
         r"reconcile|book|dispatch|file) ", 1),
        (r"(workflow|my job|our job|in the field|on the floor|on shift|on site|the shop floor)", 2),
        (r"(easy to use|user friendly|intuitive|clicks?|screens?|learning curve|training|"
         r"adoption|onboard(ing)?|usability|mobile app|on my phone)", 2),
        (r"(i use|we use|i have to|we have to|i spend|we spend|takes (me|us|my team))", 1),
        (r"(my|our) (team|people|staff|department|crew|unit|ward|shift)", 1),
        (r"(hours|minutes) (a|per|each) (day|week|shift)", 2),
        (r"(every|each|per) (store|site|branch|clinic|ward|warehouse|plant|location|truck|"
         r"shift|project|customer call|ticket|order|hire)", 2),
        (r"(schedule|scheduling|rota|roster|tickets?|cases|orders|invoices|shipments)", 1),
    ),
    "technical": (
        (r"(apis?|rest ?(api|apis|endpoints?|interface)|restful|webhooks?|sdk|endpoints?|json|"
         r"xml|csv export|data export|"
         r"integrat(e|es|ion|ions|ing))", 2),
        (r"(sso|single sign ?on|saml|oauth|okta|active directory|azure ad|ldap|mfa|"
         r"two factor)", 3),
        (r"(security|secure|encrypt(ed|ion)?|penetration test|pen ?test|vulnerabilit(y|ies)|"
         r"soc ?2|iso ?27001|gdpr|hipaa|pci|data residency|data protection|dpa|audit logs?)", 2),
        (r"(architecture|infrastructure|on ?prem(ise|ises)?|self ?hosted|cloud|aws|azure|gcp|"
         r"kubernetes|database|latency|uptime|sla|scalab(le|ility)|throughput|load)", 2),
        (r"(specs?|specifications?|(technical|security|functional) requirements?|"
         r"requirements? (list|document|doc)|rfp|vendor (assessment|questionnaire)|"
         r"security (review|questionnaire|assessment))", 3),
        (r"(erp|sap|salesforce|crm|hris|workday|netsuite|oracle|servicenow|jira|"
         r"data warehouse|snowflake|legacy system)", 1),
        (r"(migrat(e|ion)|compatib(le|ility)|firewall|vpn|it policy|our it standards|"
         r"(contract|legal|procurement) (terms|review|process)|liability|indemnit(y|ies))", 2),
        (r"(i|we)('ll| will| would|'d) need to (see|review|check|test|validate|vet)", 2),
        (r"(does it|can it|will it|is it) (support|integrate|handle|scale|run|connect|"
         r"comply|work with)", 2),
    ),
    "coach": (
        (r"(between you and me|off the record|just between us|don't quote me|"
         r"keep this between us|confidentially)", 3),
        (r"(just so you know|heads up|a word of advice|my advice|a tip|fair warning|"
         r"if i were you|i'd suggest you|you might want to|you'll want to|you want to make sure)",
         3),
        (r"you (should|need to|have to|must|'ll have to) (talk to|meet|speak (to|with)|get|"
         r"bring|loop in|show|focus|lead with|avoid|frame|position|mention|go through|"
         r"get in front of|win over|convince|address)", 3),
        (r"(don't|do not|never) (lead with|mention|bring up|talk about|push|pitch)", 3),
        (r"(he|she|they) (really )?(cares?|care) (about|most)", 3),
        (r"(what|the thing) (he|she|they) (really )?(cares?|worr(y|ies)|wants?|hates?|likes?)",
         3),
        (r"(he|she|they)('ll| will| is going to| are going to) (ask|want|push back|grill|"
         r"object|worry|care)", 1),
        (r"i('ll| will| can| could) (introduce you|set up (a|the) (meeting|call) with|"
         r"get you (in front of|a meeting|time)|put in a good word|help you (with|get|through)|"
         r"champion|make the intro|connect you)", 3),
        (r"(internally|politics|political|the way (it|things) (works?|goes) here|behind the scenes|"
         r"who really decides|real decision maker|the real decision|unofficially)", 2),
        (r"(i want|i'd like|we want) (this|you) to (work|win|succeed|go through)", 2),
        (r"(rooting for you|on your side|in your corner|i'm your ally)", 3),
        # inside guidance said plainly ("something you should know before you go further")
        (r"(something|one thing|a few things|what) you (should|need to|ought to|'ll want to|"
         r"will want to) know", 3),
        (r"if you (open|lead|start|go in) with", 3),
        (r"(i'll|i will|i can|let me) (set up|book|arrange|get you|organi[sz]e) ([a-z]+ ){0,3}"
         r"with (her|him|them)", 3),
    ),
}

#: Authority given to someone else in the same utterance ("the final sign off is with our
#: director", "she'll have the final word"): the speaker's economic cues there do not count.
#: The speaker talks about themselves: weak economic topic cues (cost, the board, this
#: year's plan; weight 1) count for the speaker only in such an utterance, so a technical buyer
#: describing the tender's cost weighting or the board's approval is not taken for the buyer.
FIRST_PERSON = (r"(i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself)",)
ATTRIBUTED_AUTHORITY = (r"(is|lies|sits|rests|stays) with (our|my|the|their|him|her|them)",
                        r"(he|she|they|who)('ll| will| would|'d)? (has|have|makes?|gets?|gives?)"
                        r" the (final|last)",
                        r"(up to|down to) (him|her|them|our|the|my)",
                        r"(is|are) (their|his|her) (call|decision|budget)",
                        r"(that's|thats|that is) ([a-z]+ ){1,2}territory")

#: Titles in a participants file: a prior only (ROLE_PRIOR_WEIGHT in influence_roles).
TITLE_PRIORS: tuple[tuple[str, str], ...] = (
    (r"(cfo|ceo|coo|cro|cio|chief (executive|financial|operating|revenue|information)|owner|founder|"
     r"co ?founder|president|managing (director|partner)|general manager|gm|"
     r"(vp|svp|evp|vice president)( of)? (finance|sales|operations|business)|"
     r"finance director|director of finance|head of finance|partner|principal)", "economic"),
    (r"(cto|ciso|it|architect|engineer|engineering|security|infosec|devops|sysadmin|"
     r"systems|infrastructure|developer|data|procurement|purchasing|legal|counsel|"
     r"compliance|technical|tech lead)", "technical"),
    (r"(manager|lead|supervisor|coordinator|specialist|analyst|representative|rep|agent|"
     r"nurse|dispatcher|planner|operations|ops|team lead|head of|director|administrator|"
     r"clerk|accountant|recruiter|teacher|doctor|technician)", "user"),
    (r"(champion|sponsor)", "coach"),
)

# ---------------------------------------------------------------- response modes

MODE_CUES: dict[str, tuple[Cue, ...]] = {
    "growth": (
        (r"(grow|growing|growth|expand|expanding|expansion|scale|scaling|double|triple)", 2),
        (r"(new (markets?|regions?|customers|product line|locations?|sites?|stores?)|"
         r"opening|launch(ing)?)", 2),
        (r"(opportunity|ambitio(n|us)|next level|get to|we want to (reach|hit|be|get)|"
         r"raise the bar|more (customers|revenue|volume|capacity))", 2),
        (r"(improve|improving|better|faster|increase|boost|goal|target|aim)", 1),
    ),
    "trouble": (
        (r"(problem|problems|issue|issues|pain|painful|struggl(e|es|ing)|broken|"
         r"breaks|break down|breaking)", 2),
        (r"(lose|loses|losing|lost|churn(ing)?|complain(ts|ing)?|behind|backlog|late|delays?|"
         r"missed|missing|mistakes?|errors?)", 2),
        (r"(frustrat(ed|ing|ion)|overwhelm(ed|ing)?|can't keep up|drowning|nightmare|"
         r"killing us|hurting|burn ?out|fire ?fighting|chaos|mess)", 3),
        (r"(urgent|asap|as soon as possible|fix (this|it)|needs? to (stop|change)|"
         r"penalt(y|ies)|fined|fines|a fine|outages?|went down|audit finding)", 2),
        (r"(waste|wasted|wasting|mix ?ups?|dig(ging)? through|hunt(ing)? for|chas(e|ing) "
         r"(paperwork|people|documents))", 2),
        (r"(risk|worried|concern(ed)?|falling|dropped|drop)", 1),
        # A metric that moved the wrong way ("handling time went up by forty percent",
        # "satisfaction dropped below seventy") or a fix that failed ("hasn't moved the needle").
        (r"(times?|costs?|complaints|backlog|queues?|waits?|churn|turnover|errors|defects|scrap|"
         r"overtime|no ?shows) (went|has gone|have gone|is going|are going|keeps? going|shot|"
         r"crept) up", 2),
        (r"(dropped|fell|fallen|slipped|sunk|sank) (below|under|to|by)", 2),
        (r"(hasn't|has not|haven't|didn't|did not|never) (moved the needle|helped|worked|fixed)",
         2),
        (r"(need|needs|want|have to get) (this|it|that) (fixed|sorted|solved)", 3),
        (r"(regulator|auditors?|inspectors?|examiners?) (gave|found|flagged|raised|caught|"
         r"fined|criticised|criticized|cited)", 3),
        (r"(wait|waiting|sit|sitting|stuck) ([a-z]+ ){0,3}on hold", 2),
        (r"(until|till) (eight|nine|ten|eleven|midnight|late)|every (night|evening|weekend)|"
         r"work(ing)? (weekends|late)", 2),
        (r"(duplicates|(most of|half|all of) (a|the|my|our) (week|day|month)|"
         r"embarrassing|the pain is|pain point|juggle|juggling|false positives|"
         r"(is|are) (just )?noise|fall(s|ing)? through the cracks|bottleneck)", 2),
    ),
    "even_keel": (
        (r"(works?|working|running) (fine|ok|okay|well enough|alright)", 3),
        (r"(pretty|quite|fairly|reasonably) (happy|content|satisfied|comfortable)", 3),
        (r"(happy|content|fine) with (what|how|the current|our current|it)", 3),
        (r"(no rush|no hurry|not urgent|not a priority|no pressure|not in a hurry|"
         r"low priority|nice to have)", 3),
        (r"(just (exploring|looking|curious|browsing|wanted to see)|keep(ing)? an eye|"
         r"see what's out there|for future reference|maybe (next|later) (year|quarter))", 3),
        (r"(we (manage|get by|cope|handle it)|good enough|fine for now|does the job|"
         r"does what we need|(it's|it is|that's|but it's) (fine|ok|okay|alright))", 3),
        (r"(not broken|ain't broke|if it ain't broke)", 3),
        # Content with the present said plainly ("it's old-fashioned, but it works for us").
        (r"(it|which) (still )?(works|worked) (for us|well enough)", 3),
        (r"(old ?fashioned|not (fancy|pretty|perfect|great|ideal)|basic|clunky) but "
         r"([a-z']+ ){0,2}(works|work|fine|ok|okay|manage)", 3),
        (r"(we've|we have|we) never (missed|had (a|any) (problem|issue)|failed)", 2),
        (r"(not much|nothing (really|much)?|can't complain|nothing comes to mind|"
         r"gets the job done|serves us (well|fine)|we can live with)", 2),
        # habit and coping ("people are used to it", "we've done it this way for years")
        (r"(does|covers|handles|do) the basics|(we|people|they|everyone|the team)('re| are) "
         r"used to it|(we|they) (get|got) (through|by)( it)?", 2),
        (r"(done|doing|run|running) (it|things) (this|that|the same) way for (years|ages|a long "
         r"time|decades)", 2),
        (r"(just )?(curiosity|curious)|(like|want|wanted) to (know|see) what's (around|out there)",
         2),
    ),
    "overconfident": (
        (r"(we're|we are|we've been) (already )?(the best|ahead|way ahead|leading|crushing it|"
         r"killing it|on top|doing great|doing really well|in great shape)", 3),
        (r"(record (year|quarter|month)|best (year|quarter) ever|beat (all )?(our|the) "
         r"(targets?|numbers)|exceed(ed|ing) (our|the) (targets?|plan))", 3),
        (r"(we )?(don't|do not) (really )?(need|have) (any )?(help|problems|issues|that)", 2),
        (r"(nothing to (fix|improve)|couldn't be better|we've got (it|that) covered|"
         r"we have (it|that) (handled|covered|under control)|under control|no problems)", 3),
        # Sure all is well when someone else says otherwise ("not convinced we need to spend
        # money here", "one of the best run hauliers", "I don't see a crisis").
        (r"(not convinced|don't think|do not think|doubt) (that )?we (really )?need", 3),
        (r"(one of )?the (best|most efficient|leading|top|biggest|largest) ([a-z]+ ){0,2}in "
         r"(the|our) (region|industry|market|sector|country|business|field|city|area|state)", 3),
        (r"(wouldn't|would not|won't|can't) call it a (crisis|problem|disaster)", 3),
        (r"(above|better than|ahead of) (the )?(industry|market|sector) (average|benchmark)|"
         r"(ahead of|better than) (all |most )?(the |our )?(competition|competitors|rest)|"
         r"nobody comes close", 3),
        (r"(don't|do not|can't) see (a|any) (crisis|problem|issue|fire)", 3),
    ),
}

#: Cues that negate a mode when they occur in the same utterance ("not a problem").
MODE_NEGATED = {"trouble": (r"(no|not a|not really a|never a) (problem|issue)",
                            r"(no|without) (problems|issues)"),
                "even_keel": (r"(not|n't|never|isn't|wasn't) (really |very |that |too |at all )?"
                              r"(happy|content|satisfied|comfortable|fine|ok|okay|working)",
                              r"(doesn't|does not|don't|do not|no longer|can't|cannot) "
                              r"(really )?(work|cope|manage|do the job)")}

# ---------------------------------------------------------------- mentions of others

#: Role words that name a person who may not be in the room.
MENTION_TERMS: tuple[tuple[str, str], ...] = (
    (r"cfo|ceo|coo|cro|cmo|cio|chief executive|chief information officer|chief financial officer|chief operating officer|"
     r"managing director|md|owner|owners|founder|founders|president|general manager|"
     r"(the|our|my) board|board of directors|finance director|head of finance|"
     r"(my|our|the) (two |three |other |business )?(partners|co ?founders?)|"
     r"(my|our|the) (boss|bosses|vp|svp|evp|gm|director|executive team|leadership team|"
     r"leadership|management|exec team|execs|controller|budget holder|partners)|"
     r"vp of (finance|sales|operations|ops)|vice president|managing partner|senior partner|"
     r"dean|provost|rector|chancellor|superintendent|mayor|commissioner|"
     r"(steering|investment|executive) (committee|board|group)|"
     r"(our|the|my) (chair|chairman|chairwoman|chairperson|trustees|board of trustees|"
     r"governors|school board|council)", "economic"),
    (r"cto|ciso|dpo|data protection officer|(the|our|my) (it security team|it security|it team|"
     r"it department|it|"
     r"security team|security people|security officer|infosec|architects?|engineering team|engineers|developers|"
     r"procurement|procurement team|purchasing|legal|legal team|lawyers|compliance|"
     r"compliance team|tech team|platform team|data team|admin|admins)|"
     r"head of (it|security|engineering|procurement|legal|data|compliance|infrastructure)|"
     r"(procurement|purchasing|legal|compliance|infosec) (team |department )?(will|would|needs?|"
     r"has|have|must|wants?|'ll|is going|runs|reviews?|signs?|approves?|checks?|does|do|"
     r"handles?)|"
     r"[a-z]+'s (procurement|purchasing|legal|security|compliance)( team| department| people)?|"
     r"(architecture|design|security|change advisory|technical|review) (board|committee)|"
     r"(it security|information security|cyber ?security)( team)?|"
     r"(our|the) (validation|qa|quality assurance|architecture|data|platform|infrastructure|"
     r"devops|network|integration) team|"
     r"(our|the|my) (it )?(contractor|consultants?|msp|managed service provider|integrator)",
     "technical"),
    (r"(the|our) (reps|agents|nurses|technicians|drivers|planners|dispatchers|crew|"
     r"end users|users|supervisors|team leads|shift leads|frontline|floor staff|"
     r"warehouse team|store managers|accountants|recruiters)", "user"),
    (r"([a-z]+'s|their) ([a-z]+ )?(lead|manager|supervisor|coordinator)", "user"),
    (r"(our|the|their|my|[a-z]+'s) head of [a-z]+", "head"),
    (r"(who|that) (introduced us|recommended you|brought you in|found you|reached out to you)",
     "coach"),
)

#: ``Name from IT`` / ``Lena in procurement``: a named person in a department.
NAMED_DEPARTMENT = (r"([a-z]+) (from|in|over in|on|at|who runs|who heads|who leads|"
                    r"our head of|the head of) (the )?(it|security|infosec|procurement|"
                    r"purchasing|legal|finance|accounting|engineering|operations|ops|"
                    r"compliance|data team|board|leadership team)")
DEPARTMENT_ROLE = {"it": "technical", "security": "technical", "infosec": "technical",
                   "procurement": "technical", "purchasing": "technical", "legal": "technical",
                   "engineering": "technical", "compliance": "technical",
                   "data team": "technical", "finance": "economic", "accounting": "economic",
                   "board": "economic", "leadership team": "economic",
                   "operations": "user", "ops": "user"}

#: What makes a generically titled person the economic buyer ("she owns the budget").
ECONOMIC_CONTEXT = (r"(owns|holds|controls|has|manages) (the |our |a )?budget",
                    r"(signs|approves|decides|has the (final|last) (say|word|call)|"
                    r"signs off|sign off)")

#: A mention is a buying influence only when the same utterance ties the person to the deal
#: (approves, reviews, uses, wants, is involved); "complained to our CEO" is not.
INVOLVEMENT_CUES = (r"(sign|signs|signed|sign ?off|approv[a-z]*|decid[a-z]*|decision|final|"
                    r"budget|money|review[a-z]*|evaluat[a-z]*|assess[a-z]*|vet|test|check|"
                    r"involved|loop(ed)? in|on board|want|wants|will want|need|needs|has to|"
                    r"have to|must|look at|see|meet|veto|contract|security|questionnaire|"
                    r"requirements?|say|call|use|uses|using|rollout|driving|pushing|asked|"
                    r"reports? (into|to)|reporting (into|to))",)

#: ``Dave holds the budget``: a person named beside a decision verb (capitalised in the text).
NAMED_DECIDER = (r"(?P<name>[a-z]+) (holds (the |our |a )?budget|owns (the |our |a )?budget|"
                 r"controls (the |our |a )?budget|signs off|signs|approves|decides|"
                 r"(has|will have|needs|will need|would need|would have) to (sign|approve|decide)|"
                 r"has the (final|last) (say|word|call)|makes the (final )?(call|decision))")

#: ``Henrik wants it by June``: a named person whose view the speaker passes on.
NAMED_VIEW = (r"(?P<name>[a-z]+) (wants|asked (me|us)|told (me|us)|said|thinks|expects|"
              r"would like|is pushing|needs)")

#: How the speaker relates to the person they mention (buyer network edges).
DEFERS_CUES = (r"(check|run (it|this|that) by|clear (it|this|that) with|ask|talk to|"
               r"get approval from|get sign ?off from|go through|loop in)",
               r"(has|have|needs?|will need|would need|must|'ll have|'d have) to "
               r"(sign|approve|sign off|agree|decide|give|bless|green ?light|say yes)",
               r"(decides|signs|approves|has the final|makes the (call|decision)|"
               r"has the budget|holds the budget|owns the budget|is the decision maker|"
               r"up to (him|her|them))")
SPEAKS_FOR_CUES = (r"(wants|asked me|asked us|told me|told us|said|thinks|believes|"
                   r"would like|expects|is pushing|on behalf of|speaking for|"
                   r"sent me|wanted me)",)

# ---------------------------------------------------------------- red flags

ENGAGED_CUES = (r"(is|are) (aware|on board|behind (this|it|us)|pushing|driving|sponsoring|"
                r"keen|excited|involved|bought in)",
                r"(asked|wants|wanted) (me|us) to", r"(briefed|looped in|in the loop)",
                # round 22: their instruction reported ("he came in and said find us something")
                r"(said|told (me|us)) (to )?(find|get|sort|fix|look (at|for|into)|go and|bring)"
                r"( us| me)? (something|someone|a|an|one|it|this|that)",
                r"(will|'ll|is going to|wants to|can) (join|attend|be (at|on|in)|meet (you|us))",
                r"(sponsor|mandate|initiative|her idea|his idea|their idea)",
                r"(knows|is aware) (about|of|that|we're|we are)",
                r"wants? (a|the|our) (recommendation|proposal|shortlist|decision|business case)")
#: Round 23: "I haven't told you about him" is the seller uninformed, not the buyer.
NOT_ENGAGED_CUES = (r"(hasn't|hasnt|has not|haven't|havent|have not|isn't|isnt|is not|not yet|"
                    r"doesn't|doesnt|does not|won't|wont|will not|didn't|didnt|he's not|hes not|she's not|shes not) "
                    r"(been )?(seen|heard|aware|involved|told(?! you)|met|"
                    r"looked|know|take|join|weighed in|engaged|sign(ed)? off|bought)",
                    r"(too busy|no time for|hard to get|never (joins|takes)|not in the loop|"
                    r"haven't (told|asked|briefed)(?! you))")

BUDGET_KNOWN = (r"(budget|funding|money) ((is|'s|has been|was) )?(of|around|about|approved|"
                r"allocated|set aside|earmarked|signed off|in place|already|confirmed|secured|"
                r"fixed|tight|limited|capped)",
                r"(earmarked|allocated|approved|set aside|secured|reserved|ring ?fenced) "
                r"(the |a |some |our )?(budget|money|funds|funding)",
                r"(we|i) (have|got|'ve got|'ve set aside|set aside|allocated|earmarked) "
                r"(a |the |some )?(budget|money|funds|funding)",
                r"(\$ ?\d|\d+ ?(k|thousand|million|billion|grand|euros|dollars|pounds))",
                r"(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|hundred) (thousand|million|billion|grand)",
                r"(line item|funded|budgeted|in the budget|within budget|fits (our|the) budget)")
BUDGET_UNKNOWN = (r"(no|don't have a|don't have|haven't got a|without a) (budget|funding)",
                  r"budget (isn't|is not|hasn't been|has not been|not) (set|approved|allocated|"
                  r"decided|defined|clear|there)",
                  r"(not sure|no idea|don't know|unclear) (about |what |where |if |whether )?"
                  r"(the |our |we have |we'd have |there's )?(budget|money|funding)",
                  r"(haven't|have not|didn't) (talked|thought|discussed|looked) about "
                  r"(the )?(budget|money|cost)",
                  r"budget (is )?(tbd|open|unclear|unknown|frozen)",
                  r"(depends|depend) on (the )?(budget|next year|funding)",
                  r"(find|figure out|work out) (the |a )?(budget|money|funding)",
                  r"(don't|do not) know (the|what the|how much|the exact|what) "
                  r"(number|amount|figure|budget|money)",
                  r"(hasn't|has not|haven't|have not) (shared|told us|given us) (the |it|a )")

PROCESS_KNOWN = (r"(the )?(process|decision) (is|will be|goes|works|takes|looks like)",
                 r"(signs? off|sign ?off from|approval from|needs? (his|her|their) (approval|"
                 r"sign ?off)|(has|have|needs?) to (approve|sign))",
                 r"(committee|steering group|board meeting|investment (committee|board)|"
                 r"procurement (process|review)|legal review|security review|rfp|tender|"
                 r"three quotes|competitive bid)",
                 r"(decide|decision) (by|before|in) (the )?(end of|next|q[1-4]|january|february|"
                 r"march|april|may|june|july|august|september|october|november|december|\d)",
                 r"(first|step one)\b.*\b(then|after that|and then)",
                 r"(makes|make|has) the (final )?(call|decision)",
                 r"(i|we|he|she|they)( would| will|'d|'ll| can)? (decide|decides|sign|signs|"
                 r"approve|approves)",
                 r"(board|committee|panel|council) (reviews|approves|signs|scores|meets|decides)",
                 r"(owns|holds|controls) the budget",
                 r"(it's|it is|that's|that is) (my|his|her|their|our) (call|decision)",
                 r"(final say|final decision|final call)",
                 r"(take|bring|present|put) (it|a recommendation|this|the proposal|the case) to "
                 r"the ([a-z]+ )?(board|committee|council|trustees|partners)",
                 r"(they|the board|the committee) (generally|usually|normally|always) (follow|"
                 r"approve|go with|sign)")
PROCESS_UNKNOWN = (r"(not sure|no idea|don't know|unclear|haven't figured out|don't really know|"
                   r"(couldn't|can't|cannot) (really )?(tell you|say)|"
                   r"(nobody|no one|noone) (has )?(told|tells) (me|us))"
                   r" (like )?(how|who|what|whether|if) ([a-z']+ ){0,3}(decision|decides|decide|"
                   r"process|approv[a-z]*|signs?|buys?|this gets|it gets)",
                   # round 24: "how we'd", not "what we'd gain"
                   r"(not sure|no idea|don't know|unclear|haven't figured out|don't really know)"
                   r" (like )?(how|who|whether|if) ([a-z']+ ){0,3}(we'd|would)",
                   r"(process|decision process|approval process) (is )?(unclear|tbd|not clear|"
                   r"unknown|not defined|still open)",
                   r"(never|haven't ever) (bought|purchased|done) (something|anything) like this",
                   r"(we'll|we will) (figure|work) (that|it) out")

NEW_INFLUENCER = (r"new (cfo|ceo|coo|cto|cio|ciso|vp|svp|head of [a-z]+|director|boss|manager|"
                  r"leadership|management|owner|owners|gm|controller|procurement lead|"
                  r"team lead|it director|finance director)",
                  r"new ([a-z]+ ){0,2}(director|manager|partner|lead|head|officer|vp|president|"
                  r"chief|dean|principal)",
                  r"(will|is going to|'ll) (probably |likely )?(run|lead|head|take over|own) the "
                  r"(combined|new|merged|whole)",
                  r"(just|recently|only just) (joined|started|came on( board)?|been hired|"
                  r"been appointed|been promoted|took over|taken over)",
                  r"(started|joined|arrived|came in) (last|this) (week|month|quarter)",
                  r"(replaced|replacing) (him|her|[a-z]+ as)|(who|that) (replaced|is replacing)|"
                  r"(taking over from|took over from|successor)")
REORGANIZATION = (r"(reorg|re org|reorgani[sz](ation|ing|ed)|restructur(e|ing|ed)|"
                  r"layoffs?|laid off|redundanc(y|ies)|spin ?off|carve ?out|"
                  r"merg(e|es|ing|ed) (the |our |two |both |all )?([a-z]+ ){0,4}(teams|departments|"
                  r"units|divisions|plants|sites|companies|functions|offices|regions)|"
                  r"merg(er|ing|ed) (with|into)|we('ve| have)? (got|been|just been) acquired|"
                  r"acquired by|(the )?acquisition (of|by) (us|our)|new (org|organi[sz]ation"
                  r"(al)? structure|structure|reporting line)|reporting lines?|"
                  r"(being|been) (folded|merged|moved) into|"
                  r"(fold|folding|folded|merging|combining|consolidating|pulling) ([a-z]+ ){0,8}"
                  r"(into|under) (one|a single|the same|a new|a combined)|consolidat(e|ing|ion) (the )?"
                  r"(teams|departments|functions))",)
COMPETITOR_PREF = (r"(leaning (towards?|to)|prefer(red|s)?|favou?rite|front ?runner|"
                   r"top choice|first choice|ahead in our|shortlisted|inclined (to|towards)|"
                   r"(better|cheaper|lower) (price|offer|deal|quote)|more (affordable|features)|"
                   r"cheaper|less expensive|favou?rs?|favou?ring|recommend(ed|s)?|"
                   r"(liked|likes|loves|loved|fan of|impressed (by|with)) (it|them|their)|"
                   r"been with us|know(s)? (us|our business)|loyal|happy with them|"
                   r"already (signed|committed|decided) (with|on|for)|"
                   # a comparison that favours the other side ("their price is lower")
                   r"(price|pricing|quote|offer|rates?) (is|are|was|came in) ([a-z]+ )?"
                   r"(lower|cheaper|better|more competitive)|"
                   # familiarity as a reason ("they already know our code")
                   r"(they|them) (already )?(know|built|understand|run|host) (our|us)|"
                   r"pitching (their own|us|hard)|swears? by (it|them)|"
                   r"(offered|offering) (us )?(a|the) (discount|"
                   r"better deal|free))",)
COMPETITOR_REF = (r"(another|other|the other|different|competing|rival|existing|current|our current|"
                  r"incumbent) (vendor|vendors|provider|providers|supplier|suppliers|tool|"
                  r"solution|platform|product|offer|company|option|one)",
                  r"(competitors?|competitor's|competition|incumbent|alternatives?|their offer|"
                  r"their (tool|product|platform|solution|demo|proposal|quote|price|pricing|"
                  r"module|system|add ?on|case management|service|support|integration))",
                  r"(agency|integrator|contractor|consultancy|consultants|reseller|partner firm|"
                  r"their own)")
#: The other option preferred, said so directly: enough on its own.
COMPETITOR_STRONG = (r"(leaning (towards?|to)|front ?runner|top choice|first choice|"
                     r"already (signed|committed|decided) (with|on|for)|"
                     r"going (with|to go with) (another|the other|a different|them)|"
                     r"(we're|we are) (also )?(very |pretty |quite |really )?close with|"
                     r"(tilting|tipping) (towards?|to)|"
                     # the incumbent covers it already ("Salesforce already does that for us")
                     r"already (does|do|did|handles?|covers?|gives us|provides?) (that|this|it|"
                     r"all (of )?(that|this))( for us)?|"
                     # measured against the seller ("unless yours is clearly better")
                     r"unless (yours|your [a-z]+) (is|are|turns out|proves)|"
                     r"(it|they|that) (already )?(covers?|handles?|does) (most|all|much|a lot) of "
                     r"(this|that|what))",)
STATUS_QUO = (r"(stick|stay|staying|sticking) with (what we have|our current|the current|"
              r"the old|what works|the existing)",
              r"(keep|keeping) (doing )?(things|it) (the way|as) (they are|it is)",
              r"(do nothing|not change anything|no change|no need to change|why change|"
              r"don't see (a |the )?(need|reason) to (change|switch))",
              r"(not|don't|do not) (see|feel) (the |a |any )?(urgency|need|pain)",
              # content with the present ("we're pretty happy with what we have")
              r"(pretty|quite|fairly|very|really|perfectly|generally) (happy|content|satisfied|"
              r"comfortable) with (what we (have|use|got|do)|our (current|existing)|the current|"
              r"how (things|it) (are|is|works?|runs?)|(the|our) (tool|system|setup|process|vendor))",
              r"(happy|content|satisfied) with what we (have|use|got)",
              r"(no|don't see any|don't see a|there's no) (real )?(reason|need|case) to (switch|"
              r"change|move|replace)",
              r"(we'll|we will|we'd|we would|we're going to|we are going to) (probably |likely |"
              r"just ){0,2}(stay|stick|keep going|carry on|renew) (with|on)",
              r"(renew|renewing|extend|extending) (the |our )?(contract|licen[cs]e|agreement)"
              r" with (them|our current|the current)",
              r"(can|could) live with (it|what we have|the current)")

NEXT_STEP = (r"(let's|let us|we'll|we will|i'll|i will|shall we|can we|could we|we can|"
             r"we should) (schedule|set up|book|find a (time|date|slot)|plan|meet|reconvene|regroup|"
             r"do a|run a|start (a|the)|kick off|send|share|loop|bring|invite|pencil)",
             r"(shall|can|could|should) we (review|go through|walk through|look at|discuss|"
             r"sit down|get together|talk|catch up|meet)",
             r"(on|for|by) the ([a-z]+ )?(first|second|third|fourth|fifth|sixth|seventh|eighth|"
             r"ninth|tenth|eleventh|twelfth|[a-z]+teenth|twentieth|thirtieth|\d+(st|nd|rd|th))",
             r"(put|pop) it in (my|the|our|your) (calendar|diary)",
             r"(next|this coming|on) (monday|tuesday|wednesday|thursday|friday|week|"
             r"month)( at| morning| afternoon)?",
             r"(calendar invite|invite (you|him|her|them)|send (you|over|me|us) (the|a)|"
             r"follow ?up (call|meeting|session)|pilot|trial|proof of concept|poc|workshop|"
             r"demo (for|with) (the|our))",
             r"(same time next|tomorrow at|by (end of|friday|monday|the end of)|"
             r"\d+ ?(am|pm|o'clock))")
AGREEMENT = (r"(sounds (good|great|like a plan)|works for (me|us)|that works|perfect|fine|"
             r"okay|ok|put it in (my|the) (calendar|diary)|"
             r"deal|great|yes|yeah|yep|sure|absolutely|definitely|agreed|let's do (it|that)|"
             r"see you then|i'll be there|count (me|us) in|i'll (send|set|book|bring|invite|"
             r"loop|share|get|forward|introduce))",)
DEFERRAL = (r"(we'll|we will|i'll|i will|let us|let me) (get back to you|think (about it|it over)"
            r"|be in touch|circle back|come back to you|reach out|call you|let you know|"
            r"mull it over|discuss internally)",
            r"(reach out|get in touch|call us|ping us) (if|when)",
            r"(don't|no need to) (call|follow up|chase)",
            r"(not right now|leave it (there|for now)|maybe (later|next year)|no promises)",
            r"(send|email) (us |me )?(some|the|a)? ?(info|information|brochure|deck|material)"
            r" and (we'll|i'll|we will|i will)")


def hits(text_norm: str, cues) -> list[tuple[str, float]]:
    """Cues (pattern, weight) that occur in normalised text; plain patterns weigh 1."""
    out = []
    for cue in cues:
        pattern, weight = cue if isinstance(cue, tuple) else (cue, 1.0)
        m = compile_cue(pattern).search(text_norm)
        if m:
            out.append((m.group(0), weight))
    return out


def any_hit(text_norm: str, cues) -> str | None:
    """The first matching cue text, or None."""
    found = hits(text_norm, cues)
    return found[0][0] if found else None
