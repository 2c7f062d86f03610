"""Who plays which buying influence, and in which response mode, judged from what they say.

Roles: every buyer utterance is matched against the cue lexicons of
:mod:`influence_lexicon`; a speaker's score for a role is the sum over their utterances
(capped per utterance, so one long monologue cannot decide alone). A title from the
participants file adds a fixed prior — enough to decide when the speech is silent on the
matter, never enough to outvote two clear cues for another role.

Response modes (Miller & Heiman): growth (wants more, better), trouble (something hurts now),
even keel (content with the present), overconfident (thinks all is better than it is).
Scored the same way; a tie or too little evidence is ``unclear``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meetinglens.analysis import influence_flagcues as fc
from meetinglens.analysis import influence_lexicon as lx
from meetinglens.analysis import influence_speaker as sp
from meetinglens.analysis.influence_modecues import GROWTH_PLAN_CUES, MORE_MODE_CUES
from meetinglens.analysis.influence_modeframe import not_own_trouble
from meetinglens.analysis.influence_rolecues import MORE_ROLE_CUES
from meetinglens.model import Meeting, Speaker, Utterance

ROLE_ORDER = ("economic", "user", "technical", "coach")
MODES = ("growth", "trouble", "even_keel", "overconfident", "unclear")

#: A title in the participants file is worth this much role score (a weight-2 cue).
ROLE_PRIOR_WEIGHT = 2.0
#: One utterance adds at most this much to one role (so a monologue is not a landslide).
MAX_PER_UTTERANCE = 4.0
#: Below this score the role stays ``unknown``.
MIN_ROLE_SCORE = 2.0
#: Confidence of a role given by the title alone (speech shows none): what the tally gave.
TITLE_ONLY_CONFIDENCE = 0.5
#: Pseudo-count in the confidence denominator: little evidence, low confidence.
CONFIDENCE_SMOOTHING = 2.0
#: A buyer's mode is decided only on enough evidence (round 7, chosen by leave-one-meeting-out
#: buyer accuracy over all 78 labelled meetings, ``benchmarks/influence.py --tune-modes``):
#: the leading mode's summed score reaches MIN_MODE_SCORE, it leads the runner-up by
#: MIN_MODE_MARGIN (a tie or mixed evidence is ``unclear``), and the buyer said at least
#: MIN_MODE_WORDS words in substantive utterances (SUBSTANTIVE_MIN_WORDS words or more): a
#: buyer who only greets, arranges logistics or makes small talk is ``unclear``, and so is
#: one mild pain word.
MIN_MODE_SCORE = 2.0
MIN_MODE_MARGIN = 0.0
MIN_MODE_WORDS = 0
#: Trouble needs this much score (pain said more than once, or said strongly), so one mild
#: pain word ("it's a bit fiddly") from a buyer who otherwise arranges logistics is not trouble.
MIN_TROUBLE_SCORE = 3.0
SUBSTANTIVE_MIN_WORDS = 8
#: A buyer who states a growth plan this strongly (summed GROWTH_PLAN_CUES weight, each
#: utterance capped at MAX_PER_UTTERANCE: a contract won, "another eleven sites") frames the
#: pains said on the way as obstacles to it, so their trouble score counts this much (round
#: 12, leave one meeting out over all 120 meetings: 4 x 0.5 changed no buyer outside the
#: growth-vs-trouble cases; 2-3 x 0-0.3 lost a trouble buyer on a short split).
GROWTH_FRAME_MIN_PLAN = 4.0
GROWTH_FRAME_TROUBLE_FACTOR = 0.5
#: The head's probability for a mode counts from this value on (per utterance) ...
HEAD_MIN_PROB = 0.3
#: ... and weighs this much at p = 1. Both chosen by the head-only, leave-one-meeting-out
#: buyer accuracy on the 20 meetings (grid 0.3-0.5 x 2-4: 0.60 at 0.3 x 4, 0.26 at 0.5 x 2);
#: with the lexicons added every grid point scored the same there.
HEAD_WEIGHT = 4.0
#: The role head's probability counts from this value on, weighing this much at p = 1:
#: the strongest setting of a 0/0.4/0.6 x 0.5/1/2 grid that changed no role, scored leave one
#: meeting out, on the 26 meetings the lexicons were written on (only confident utterances
#: count: at 0.4 x 2 four buyers without a participants file went wrong there).
ROLE_HEAD_MIN_PROB = 0.6
ROLE_HEAD_WEIGHT = 2.0
#: When speech and title give no role, the role head decides alone if, over the speaker's
#: utterances of at least HEAD_ALONE_MIN_WORDS words (greetings carry no role), the mean
#: probability of one role reaches ROLE_HEAD_SPEAKER_MIN and leads the next by
#: ROLE_HEAD_SPEAKER_MARGIN (two utterances about keying repair orders make a user).
ROLE_HEAD_SPEAKER_MIN = 0.4
ROLE_HEAD_SPEAKER_MARGIN = 0.1
HEAD_ALONE_MIN_WORDS = 6
#: Economic cues up to this weight need the speaker to talk about themselves (FIRST_PERSON).
WEAK_ECONOMIC_WEIGHT = 1.0
#: Characters of an utterance shown as the cue when the head, not a lexicon cue, scored it.
EXCERPT_CHARS = 80
#: Characters before a cue searched for a negation ("not growing", "no real problem").
NEGATION_WINDOW = 16
#: Evidence utterances kept per role / mode.
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Judgement:
    """A label for one speaker with its score table and the utterances that show it."""

    speaker: str
    label: str
    confidence: float
    scores: dict[str, float]
    evidence: tuple[tuple[Utterance, str], ...] = ()  # (utterance, matched cue)
    basis: str = "speech"  # speech | title | speech+title | head | model | model+speech | none


@dataclass
class _Tally:
    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[tuple[float, Utterance, str]]] = field(default_factory=dict)

    def add(self, label: str, weight: float, u: Utterance, cue: str) -> None:
        self.scores[label] = self.scores.get(label, 0.0) + weight
        self.evidence.setdefault(label, []).append((weight, u, cue))

    def maxima(self) -> dict[str, float]:
        """Per label, the weight of its strongest single utterance."""
        return {k: max(w for w, _, _ in ev) for k, ev in self.evidence.items()}

    def top_evidence(self, label: str) -> tuple[tuple[Utterance, str], ...]:
        ranked = sorted(self.evidence.get(label, []), key=lambda e: (-e[0], e[1].index))
        return tuple((u, cue) for _, u, cue in ranked[:MAX_EVIDENCE])


def title_role(title: str | None) -> str | None:
    """The role a job title suggests (a prior only), or None."""
    if not title:
        return None
    norm = lx.normalise(title)
    for pattern, role in lx.TITLE_PRIORS:
        if lx.compile_cue(pattern).search(norm):
            return role
    return None


def _negated(norm: str, start: int) -> bool:
    return bool(lx.NEGATION.search(norm[max(0, start - NEGATION_WINDOW):start]))


def _cue_hits(norm: str, cues, check_negation: bool) -> list[tuple[str, float]]:
    found = []
    for pattern, weight in cues:
        m = lx.compile_cue(pattern).search(norm)
        if m and not (check_negation and _negated(norm, m.start())):
            found.append((" ".join(m.group(0).split()), weight))
    return found


def _role_cue_tally(utterances: list[Utterance]) -> _Tally:
    """Lexicon cues only: per role, the (capped) cue weight of each utterance that shows it."""
    tally = _Tally()
    for u in utterances:
        norm = lx.normalise(u.text)
        elsewhere = lx.any_hit(norm, lx.ATTRIBUTED_AUTHORITY)
        own = lx.any_hit(norm, lx.FIRST_PERSON)
        for role in ROLE_ORDER:
            if role == "economic" and elsewhere:
                continue  # "the final sign off is with our director": not the speaker's
            found = _cue_hits(norm, lx.ROLE_CUES[role] + MORE_ROLE_CUES.get(role, ()),
                             check_negation=role != "coach")
            if role == "economic" and not own:
                found = [(c, w) for c, w in found if w > WEAK_ECONOMIC_WEIGHT]
            if found:
                weight = min(MAX_PER_UTTERANCE, sum(w for _, w in found))
                tally.add(role, weight, u, max(found, key=lambda f: f[1])[0])
    return tally


def _add_head(tally: _Tally, utterances: list[Utterance],
              head_scores: list[dict[str, float]] | None, min_prob: float, weight: float) -> None:
    for i, u in enumerate(utterances):
        for label, p in (head_scores[i].items() if head_scores else ()):
            if p >= min_prob:
                tally.add(label, weight * p, u, _excerpt(u.text))


def judge_role(speaker: Speaker, utterances: list[Utterance],
               head_scores: list[dict[str, float]] | None = None, model=None) -> Judgement:
    """The speaker's most likely buying influence, from speech plus a title prior.

    With a speaker-level ``model`` (:mod:`influence_speaker`) the decision is that model's
    calibrated choice over the strongest and the typical evidence per role; without one, the
    older tally: ``head_scores`` adds :data:`ROLE_HEAD_WEIGHT` x p(role) per utterance where
    p reaches :data:`ROLE_HEAD_MIN_PROB` and the largest sum wins.
    """
    tally = _role_cue_tally(utterances)
    lexicon = set(tally.scores)
    _add_head(tally, utterances, head_scores, ROLE_HEAD_MIN_PROB, ROLE_HEAD_WEIGHT)
    prior = title_role(speaker.title)
    if model is not None:
        j = _decided(speaker.name, utterances, head_scores, model, lexicon, tally,
                     role_feature_vector(speaker, utterances, head_scores))
        if j.label in AUTHORITY_OVERRIDES:
            j = _with_authority(j, utterances)
        if j.label == "unknown" and prior:  # speech shows nothing: the title, weakly
            return Judgement(speaker.name, prior, TITLE_ONLY_CONFIDENCE, j.scores, basis="title")
        return j
    speech = {r: round(v, 3) for r, v in tally.scores.items()}
    scores = dict(speech)
    if prior:
        scores[prior] = scores.get(prior, 0.0) + ROLE_PRIOR_WEIGHT
    if not scores or max(scores.values()) < MIN_ROLE_SCORE:
        return _head_alone(speaker.name, utterances, head_scores, scores)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], ROLE_ORDER.index(kv[0])))
    best, best_score = ranked[0]
    confidence = best_score / (sum(scores.values()) + CONFIDENCE_SMOOTHING)
    if best in speech and prior == best:
        basis = "speech+title"
    elif best in speech:
        basis = "speech"
    else:
        basis = "title"
        confidence = min(confidence, 0.5)
    return Judgement(speaker.name, best, round(confidence, 3), scores,
                     tally.top_evidence(best), basis)


#: Labels a first-person statement of authority turns into ``economic``: an owner who also
#: explains the process (holdout5) reads as a coach, one who describes pain as a user.
AUTHORITY_OVERRIDES = ("coach", "user")


def _with_authority(j: Judgement, utterances: list[Utterance]) -> Judgement:
    """Economic when the speaker says, not negated, that they hold the money or the final say
    ("it's my money, it's my call", "Mark and I both sign", "I make the recommendation")."""
    for u in utterances:
        norm = lx.normalise(u.text)
        for pattern in fc.FIRST_PERSON_AUTHORITY:
            m = lx.compile_cue(pattern).search(norm)
            if m and not _negated(norm, m.start()):
                scores = {**j.scores, "authority": 1.0}
                return Judgement(j.speaker, "economic", max(j.confidence, 0.5), scores,
                                 ((u, m.group(0)),), "speech")
    return j


def role_feature_vector(speaker: Speaker, utterances: list[Utterance],
                        head_scores: list[dict[str, float]] | None):
    """The speaker-level model's input for roles (lexicon cues, head scores, title)."""
    lexicon = _role_cue_tally(utterances)
    return sp.role_features(speaker, utterances, head_scores, lexicon.maxima(), lexicon.scores,
                            title_role(speaker.title))


def mode_feature_vector(utterances: list[Utterance], head_scores: list[dict[str, float]] | None,
                        role_scores: list[dict[str, float]] | None = None):
    """The speaker-level model's input for response modes. Round 17: trouble is read only where
    it is the buyer's own trouble now (:func:`influence_modeframe.not_own_trouble`: small talk,
    pain denied or dated to the past add no trouble, head or lexicon), and the model sees how
    much of what the buyer said asks a question and, from ``role_scores`` (the role head per
    utterance), what they talk about: the codebook's "technical evaluator asking specs only"
    is ``unclear``."""
    own = [not_own_trouble(lx.normalise(u.text)) is None for u in utterances]
    lexicon = _mode_cue_tally(utterances, own)
    if head_scores is not None:
        head_scores = [s if ok else {**s, "trouble": 0.0} for s, ok in zip(head_scores, own)]
    return sp.mode_features(utterances, head_scores, lexicon.maxima(), lexicon.scores,
                            role_scores)


def _decided(name: str, utterances: list[Utterance], head_scores, model, lexicon: set[str],
             tally: _Tally, features) -> Judgement:
    """A speaker-level model's choice, shown by the utterances that best support it."""
    label, p, probs = sp.decide(model, features)
    if label in ("unknown", "unclear"):
        return Judgement(name, label, 0.0, probs, basis="model")
    evidence = tally.top_evidence(label)
    if not evidence and head_scores:
        ranked = sorted(range(len(utterances)), key=lambda i: -head_scores[i].get(label, 0.0))
        evidence = tuple((utterances[i], _excerpt(utterances[i].text))
                         for i in ranked[:MAX_EVIDENCE])
    basis = "model+speech" if label in lexicon else "model"
    return Judgement(name, label, round(p, 3), probs, evidence, basis)


def _head_alone(name: str, utterances: list[Utterance],
                head_scores: list[dict[str, float]] | None, scores: dict) -> Judgement:
    """Speech and title too thin for the lexicons: the role head's mean vote, if clear."""
    unknown = Judgement(name, "unknown", 0.0, scores, basis="none")
    said = [i for i, u in enumerate(utterances) if len(u.text.split()) >= HEAD_ALONE_MIN_WORDS]
    if not head_scores or not said:
        return unknown
    mean = {r: sum(head_scores[i].get(r, 0.0) for i in said) / len(said) for r in ROLE_ORDER}
    best, second = sorted(ROLE_ORDER, key=lambda r: -mean[r])[:2]
    if mean[best] < ROLE_HEAD_SPEAKER_MIN or mean[best] - mean[second] < ROLE_HEAD_SPEAKER_MARGIN:
        return unknown
    ranked = sorted(said, key=lambda i: -head_scores[i].get(best, 0.0))
    evidence = tuple((utterances[i], _excerpt(utterances[i].text)) for i in ranked[:MAX_EVIDENCE])
    return Judgement(name, best, round(min(mean[best], 0.5), 3), scores, evidence, "head")


def _mode_hits(norm: str, mode: str) -> list[tuple[str, float]]:
    if any(lx.compile_cue(p).search(norm) for p in lx.MODE_NEGATED.get(mode, ())):
        return []
    # Even-keel and overconfident cues carry their own negations ("don't need", "no rush").
    cues = lx.MODE_CUES[mode] + MORE_MODE_CUES.get(mode, ())
    return _cue_hits(norm, cues, check_negation=mode in {"growth", "trouble"})


def _mode_cue_tally(utterances: list[Utterance], own: list[bool] | None = None) -> _Tally:
    """Lexicon weight per mode; ``own[i]`` false: utterance i adds no trouble."""
    tally = _Tally()
    for i, u in enumerate(utterances):
        norm = lx.normalise(u.text)
        for mode in MODES[:-1]:
            if mode == "trouble" and own is not None and not own[i]:
                continue
            found = _mode_hits(norm, mode)
            if found:
                weight = min(MAX_PER_UTTERANCE, sum(w for _, w in found))
                tally.add(mode, weight, u, max(found, key=lambda f: f[1])[0])
    return tally


def judge_mode(speaker: str, utterances: list[Utterance],
               head_scores: list[dict[str, float]] | None = None, model=None,
               role_scores: list[dict[str, float]] | None = None) -> Judgement:
    """Growth, trouble, even keel, overconfident, or unclear for one buyer.

    With a speaker-level ``model`` (:mod:`influence_speaker`): its calibrated choice over the
    per-utterance head probabilities and lexicon cues. Without: ``head_scores`` adds the head's
    probability of a mode, times :data:`HEAD_WEIGHT`, wherever it reaches
    :data:`HEAD_MIN_PROB`, and the cue lexicons and the head share one tally.
    """
    tally = _mode_cue_tally(utterances)
    lexicon = set(tally.scores)
    _add_head(tally, utterances, head_scores, HEAD_MIN_PROB, HEAD_WEIGHT)
    # With a model this only chooses the evidence quoted: the buyer's own pain, not small talk.
    own_trouble(tally, utterances)
    if model is not None:
        return _decided(speaker, utterances, head_scores, model, lexicon, tally,
                        mode_feature_vector(utterances, head_scores, role_scores))
    scores = {m: round(s, 3) for m, s in tally.scores.items()}
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if decide_mode(scores, substantive_words(utterances)) == "unclear":
        evidence = tuple(e for m, _ in ranked[:2] for e in tally.top_evidence(m))
        return Judgement(speaker, "unclear", 0.0, scores, evidence[:MAX_EVIDENCE],
                         "speech" if evidence else "none")
    best, best_score = ranked[0]
    confidence = best_score / (sum(scores.values()) + CONFIDENCE_SMOOTHING)
    return Judgement(speaker, best, round(confidence, 3), scores, tally.top_evidence(best))


def own_trouble(tally: _Tally, utterances: list[Utterance]) -> None:
    """Keep only the trouble the buyer perceives in their own situation now: drop the trouble
    weight (lexicon and head) of small talk, pain denied in the same breath and problems dated
    to the past (:func:`influence_modeframe.not_own_trouble`), and scale what is left down by
    GROWTH_FRAME_TROUBLE_FACTOR when the buyer states a growth plan (pains on the way to it)."""
    evidence = tally.evidence.get("trouble")
    if not evidence:
        return
    kept = [e for e in evidence if not_own_trouble(lx.normalise(e[1].text)) is None]
    score = sum(w for w, _, _ in kept)
    if score and growth_plan_score(utterances) >= GROWTH_FRAME_MIN_PLAN:
        score *= GROWTH_FRAME_TROUBLE_FACTOR
    if kept:
        tally.evidence["trouble"], tally.scores["trouble"] = kept, score
    else:
        del tally.evidence["trouble"], tally.scores["trouble"]


def growth_plan_score(utterances: list[Utterance]) -> float:
    """Summed weight of growth said as a plan (:data:`GROWTH_PLAN_CUES`), capped per utterance."""
    total = 0.0
    for u in utterances:
        found = _cue_hits(lx.normalise(u.text), GROWTH_PLAN_CUES, check_negation=True)
        total += min(MAX_PER_UTTERANCE, sum(w for _, w in found))
    return total


def substantive_words(utterances: list[Utterance]) -> int:
    """Words the buyer said in utterances long enough to carry a view (greetings, 'go on',
    'sorry, that's the depot' do not count)."""
    counts = (len(u.text.split()) for u in utterances)
    return sum(n for n in counts if n >= SUBSTANTIVE_MIN_WORDS)


def decide_mode(scores: dict[str, float], words: int) -> str:
    """The leading mode if the evidence is enough (see MIN_MODE_*), else ``unclear``."""
    ranked = sorted(scores.values(), reverse=True) + [0.0]
    if words < MIN_MODE_WORDS or ranked[0] < MIN_MODE_SCORE:
        return "unclear"
    if ranked[0] - ranked[1] <= MIN_MODE_MARGIN and ranked[0] > 0:
        return "unclear"
    best = max(scores, key=lambda m: scores[m])
    return "unclear" if best == "trouble" and scores[best] < MIN_TROUBLE_SCORE else best


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of an utterance as the 'cue' of a head-scored mode (no single word decides)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."


def buyer_speakers(meeting: Meeting) -> tuple[list[Speaker], str | None]:
    """Buyer-side speakers, and a note when sides were unknown and all non-sellers are used."""
    buyers = [s for s in meeting.speakers if s.side == "buyer"]
    if buyers:
        return buyers, None
    others = [s for s in meeting.speakers if s.side != "seller"]
    note = ("no speaker is marked as buyer: every speaker not marked seller was judged as a "
            "possible buying influence") if others else None
    return others, note


def utterances_of(meeting: Meeting, name: str) -> list[Utterance]:
    return [u for u in meeting.utterances if u.speaker == name]
