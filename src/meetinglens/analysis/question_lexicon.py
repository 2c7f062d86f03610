"""Word lists behind question detection and typing (English).

Kept apart from the rules so that the rules read as grammar and the lists can grow without
touching them. All entries are lower case; contractions appear both with and without the
apostrophe because ASR output and hand-typed notes drop it ("dont", "whats").
"""

from __future__ import annotations

WH = frozenset("what where when who whom whose which why how".split())

#: wh-word contractions as one token ("what's", "how'd", "whats").
WH_CONTRACTED = frozenset(
    f"{w}{c}" for w in ("what", "where", "when", "who", "why", "how")
    for c in ("'s", "'re", "'d", "'ll", "'ve", "s")
)

#: Auxiliaries and modals that open a yes/no question when followed by a subject.
AUX_POS = frozenset(
    "do does did is are was were am can could will would shall should may might must "
    "have has had".split()
)
AUX_NEG = frozenset(
    "don't doesn't didn't isn't aren't wasn't weren't can't couldn't won't wouldn't "
    "shouldn't haven't hasn't hadn't mustn't ain't "
    "dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt "
    "havent hasnt hadnt".split()
)
AUX = AUX_POS | AUX_NEG

#: Pronoun subjects: "do YOU", "is IT". Safe after any auxiliary.
PRONOUN_SUBJ = frozenset(
    "you we they he she it i there that this these those y'all yall ya anyone anybody "
    "someone somebody everyone everybody anything something everything one".split()
)
#: Pronoun + auxiliary contractions: after a wh-word they mark a free relative
#: ("what we're hoping is ...").
PRONOUN_CONTRACTED = frozenset(
    f"{p}{c}" for p in ("i", "you", "we", "they", "he", "she", "it", "there", "that")
    for c in ("'m", "'re", "'s", "'ve", "'d", "'ll")
) | frozenset("im youre were theyre hes shes its theres thats ive weve youve theyve "
              "id youd theyd ill youll well theyll".split()) - {"were", "well", "ill", "its", "id"}
#: Determiners that start a noun-phrase subject: "is THE price", "does YOUR team".
DET_SUBJ = frozenset("the a an your our their his her my its any some all each every "
                     "no this that these those".split())

#: Auxiliaries that are imperatives, not questions, before a determiner ("have a look",
#: "do the demo").
AUX_IMPERATIVE_BEFORE_DET = frozenset({"do", "have", "had", "must", "may", "might"})

#: Discourse fillers skipped at the start of a sentence.
LEADING_FILLERS = frozenset(
    "uh um uhm er erm ah oh well so and but okay ok now like yeah yes right alright "
    "also then hey actually anyway anyways just see and/or or- hmm mm mhm no".split()
)
LEADING_FILLER_PHRASES = (
    ("you", "know"), ("i", "mean"), ("let", "me", "ask", "you"), ("let", "me", "ask"),
    ("quick", "question"), ("one", "more", "question"), ("my", "question", "is"),
    ("out", "of", "curiosity"), ("by", "the", "way"), ("just", "curious"),
)

#: Tag endings: "..., right?", "..., isn't it?".
TAG_WORDS = frozenset({"right", "correct", "huh", "eh", "yeah", "ok", "okay", "no", "yes"})
#: Words before "right" that make it an adjective, not a tag ("that's right", "all right").
NOT_TAG_BEFORE_RIGHT = frozenset(
    "that's thats that is was are were be been not so quite very all alright you're youre "
    "it's its exactly just turn left go to the on it them things everything something "
    "him her up in out me us done".split()
)

#: Trailers after "or" that do not make a question alternative ("... or something?").
OR_TRAILERS = frozenset(
    "something anything whatever not what so two three less more else nothing "
    "somewhere anywhere someone anybody things stuff other others whatnot".split()
)

#: Phrases that ask without question form (embedded / declarative wh questions).
EMBEDDED_ASK = (
    ("i", "was", "wondering"), ("i'm", "wondering"), ("im", "wondering"),
    ("i'm", "curious"), ("im", "curious"), ("i", "was", "curious"),
    ("i'd", "like", "to", "know"), ("id", "like", "to", "know"),
    ("i'd", "love", "to", "know"), ("i'd", "like", "to", "understand"),
    ("i'd", "love", "to", "hear"), ("i'd", "like", "to", "hear"),
    ("i", "want", "to", "understand"), ("i", "want", "to", "know"),
    ("i'm", "trying", "to", "understand"),
)
#: "I wonder …" asks the listener only as a polite request ("I wonder if you could send
#: it"); otherwise it muses (SwDA train: "I wonder" is a question 17 times in 69, and the
#: musing ones have no addressee: "I wonder where he gets it"). "I'm trying to think …" is a
#: speaker searching their memory (SwDA train: 18 of 18 not a question).
WONDER = (("i", "wonder"),)
WONDER_REQUESTS = (("if", "you", "could"), ("if", "you", "would"), ("if", "you", "can"),
                   ("if", "you", "might"), ("whether", "you", "could"),
                   ("whether", "you", "would"), ("if", "we", "could"), ("if", "i", "could"))
#: Requests that invite elaboration: open by construction ("tell me about ...").
OPEN_REQUESTS = (
    ("tell", "me"), ("walk", "me", "through"), ("help", "me", "understand"),
    ("talk", "me", "through"), ("describe",), ("explain",), ("share", "with", "me"),
    ("give", "me", "a", "sense"), ("paint", "me", "a", "picture"),
)
#: Verbs that, after "can/could/would you", make a yes/no form an open request.
OPEN_REQUEST_VERBS = frozenset(
    "tell walk describe explain share elaborate expand talk outline clarify say "
    "give help".split()
)

#: Wh openings that ask for one fact (closed) rather than elaboration.
CLOSED_WH = (
    ("which",), ("how", "many"), ("how", "much"), ("how", "long"), ("how", "old"),
    ("how", "often"), ("how", "soon"), ("how", "far"), ("what", "time"), ("when",),
    ("who",), ("whom",), ("whose",), ("where",), ("what", "date"), ("what", "year"),
    ("how", "big"), ("how", "large"),
)

#: Rhetorical patterns: questions that ask nothing.
RHETORICAL = (
    ("who", "knows"), ("who", "cares"), ("why", "not"), ("what", "can", "you", "do"),
    ("what", "else", "is", "new"), ("what", "do", "you", "know"), ("guess", "what"),
    ("how", "about", "that"), ("you", "know", "what", "i", "mean"),
    ("who", "would", "have", "thought"), ("who'd", "have", "thought"),
    ("what's", "the", "point"), ("whats", "the", "point"), ("what", "is", "the", "point"),
    ("isn't", "it", "amazing"), ("isn't", "that", "amazing"), ("isn't", "that", "funny"),
    ("wouldn't", "it", "be", "nice"), ("wouldn't", "that", "be", "nice"),
    ("what", "more", "can", "you", "ask"), ("what", "are", "you", "going", "to", "do"),
    ("what", "are", "you", "gonna", "do"), ("what", "can", "i", "say"),
    ("who", "doesn't"), ("who", "wouldn't"), ("why", "would", "anyone"),
    ("how", "could", "you", "not"), ("what", "else", "can", "you", "do"),
)

#: Whole short utterances that react rather than ask (SwDA "bh": "really?", "is that right?").
BACKCHANNEL_ONLY = frozenset({
    ("really",), ("oh", "really"), ("is", "that", "right"), ("is", "that", "so"),
    ("is", "that", "true"), ("isn't", "that", "true"), ("think", "so"), ("you", "think", "so"),
    ("oh", "yeah"), ("yeah",), ("sure",), ("seriously",), ("no", "kidding"), ("honestly",),
    ("oh", "did", "you"), ("you", "did"), ("did", "you"), ("you", "do"), ("no",),
    ("oh", "no"), ("huh",), ("oh",), ("oh", "wow"), ("wow",), ("is", "that", "a", "fact"),
    ("isn't", "that", "something"), ("are", "you", "serious"), ("are", "you", "kidding"),
    ("you're", "kidding"), ("you're", "kidding", "me"), ("are", "you", "kidding", "me"),
    ("isn't", "that", "interesting"), ("is", "that", "true"),
})
