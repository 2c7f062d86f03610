"""Role cues said in the buyer's own words that the older lexicon missed (round 13).

Why: a title is only a prior (issue 6). On the blind set holdout12 the economic buyer was a
"Head of Patient Experience" who is one of two partners ("it's me and Graham, he's the other
partner. Anything like this, we both sign"; "if it pays for itself, the money's there"), and
an owner said "I sign the cheques here"; the lexicon knew "I'm the one who signs" and budget
words, not how owners and partners say they hold the money. A coach ("if you want this to
land, get the wardens on side first ... I'll put you on the agenda") guided the seller about
people and process in words the coach cues did not know, and read as a user.

Each pattern below was seen in at least two labelled meetings, always from a buyer labelled
with that role (checked with a scratch count over datasets/buying-influences). They are added
to :data:`influence_lexicon.ROLE_CUES` by the role tally (:func:`influence_roles.
_role_cue_tally`), with the same negation check and attributed-authority veto for economic
cues. Apostrophes are optional so that ASR text ("moneys", "ill") matches.
"""

from __future__ import annotations

from meetinglens.analysis.influence_lexicon import Cue

#: Money authority said in speech: signing, a partner's share of the decision, own money.
MONEY_AUTHORITY_CUES: tuple[Cue, ...] = (
    # "I sign the cheques here", "I sign off on it"
    (r"(i|we) (both )?sign (the cheques|the checks|off on (it|this|that|anything))", 3),
    # "Mark and I both sign", "we both sign on anything like this", "the owner and I both sign"
    (r"(and i|we) both sign", 3),
    # "he's the other partner", "anything above goes to my partners" (partner as co-owner)
    (r"(the other|my|my business) partners?", 2),
    # "the money's there if the case holds", "if it pays for itself, the money's there"
    (r"(the )?money('s| is|s) there", 2),
    # "it's my money, it's my call", "it comes out of my pocket"
    (r"(it's|its|it is) my (money|call)|comes out of my (pocket|budget)", 3),
)

#: Guidance about people and process: how to make the deal land and whom to win first.
COACH_GUIDANCE_CUES: tuple[Cue, ...] = (
    # "if you want this to land", "if you want this to go anywhere"
    (r"if you want (this|it) to (land|work|fly|stick|get through|go anywhere)", 3),
    # "get the wardens on side first", "get marco on side"
    (r"(get|bring|have) (the )?([a-z]+ ){0,2}on side", 3),
    # "they're the ones who'll kill it", "he's the one who'll push back"
    (r"(the one|the ones) (who'll|wholl|who will|who'd|the others|everyone) "
     r"(kill|push back|block|listen|listens|decide|sink)", 2),
)

#: Per role, the cues this module adds to influence_lexicon.ROLE_CUES.
MORE_ROLE_CUES: dict[str, tuple[Cue, ...]] = {"economic": MONEY_AUTHORITY_CUES,
                                              "coach": COACH_GUIDANCE_CUES}
