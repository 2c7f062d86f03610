"""What a question is about, in sales terms: a keyword lexicon per topic.

Seller questions are sorted into discovery topics (needs/pain, goals/vision, ...); customer
questions into what an engaged buyer asks about (product, price, references, company,
implementation), after Alamäki & Kaski. Keywords match whole words on lower-cased text, so
they work on ASR output. The topic with most keyword hits wins; ties go to the earlier
topic in the table (more specific first). Confirmation/check is a seller topic reached by
phrase or by a closed tag/declarative question with no other topic.
"""

from __future__ import annotations

import re

SELLER_TOPICS: dict[str, tuple[str, ...]] = {
    "budget_pricing": ("budget", "budgets", "spend", "spending", "cost", "costs", "price",
                       "pricing", "afford", "invest", "investment", "funds", "funding",
                       "money", "roi", "return on investment", "dollars"),
    "timeline": ("timeline", "timeframe", "time frame", "when do you", "by when", "deadline",
                 "go live", "go-live", "how soon", "schedule", "quarter", "q1", "q2", "q3",
                 "q4", "next year", "this year", "urgency", "urgent", "start date"),
    "decision_process": ("decide", "decision", "decisions", "decision maker", "sign off",
                         "sign-off", "approve", "approval", "approves", "procurement",
                         "legal", "stakeholders", "stakeholder", "who else", "involved",
                         "committee", "board", "buying process", "evaluation process",
                         "your boss", "report to", "champion", "next steps"),
    "competitors_alternatives": ("competitor", "competitors", "alternative", "alternatives",
                                 "other vendors", "other vendor", "other options",
                                 "other solutions", "looked at", "evaluating", "compared",
                                 "comparing", "versus", "vs", "switch from", "instead"),
    "technical_requirements": ("integrate", "integration", "integrations", "api", "apis",
                               "security", "sso", "compliance", "gdpr", "soc", "hosting",
                               "cloud", "on-prem", "on premise", "requirement",
                               "requirements", "architecture", "infrastructure", "data",
                               "database", "scalability", "technical", "it team"),
    "needs_pain": ("challenge", "challenges", "problem", "problems", "pain", "painful",
                   "struggle", "struggling", "issue", "issues", "frustrating", "frustration",
                   "bottleneck", "difficult", "hard", "wrong", "broken", "need", "needs",
                   "concern", "concerns", "worry", "risk", "keeps you up", "impact",
                   "costing you", "what happens if", "why now"),
    "goals_vision": ("goal", "goals", "objective", "objectives", "vision", "achieve",
                     "success", "successful", "ideal", "ideally", "priority", "priorities",
                     "plan", "plans", "strategy", "future", "improve", "grow", "growth",
                     "target", "targets", "look like", "outcome", "outcomes", "want to"),
    "current_situation": ("currently", "current", "today", "right now", "at the moment",
                          "these days", "how do you", "how does your", "process", "workflow",
                          "using", "use", "team", "teams", "setup", "set up", "handle",
                          "manage", "tools", "system", "systems", "how many"),
    "confirmation_check": ("make sense", "makes sense", "is that right", "is that correct",
                           "did i get", "am i right", "fair to say", "sound good",
                           "sounds good", "does that work", "correct", "right", "agree",
                           "on the same page", "understand correctly", "clear"),
}

CUSTOMER_TOPICS: dict[str, tuple[str, ...]] = {
    "price": ("price", "prices", "pricing", "cost", "costs", "how much", "license",
              "licence", "licensing", "discount", "contract", "per seat", "per user",
              "subscription", "fee", "fees", "invoice", "payment", "budget", "roi", "tier"),
    "references": ("reference", "references", "case study", "case studies", "customers",
                   "clients", "who else", "other companies", "someone like us", "examples",
                   "testimonial", "testimonials", "peers", "in our industry", "results"),
    "implementation": ("implement", "implementation", "onboarding", "onboard", "rollout",
                       "roll out", "deploy", "deployment", "migrate", "migration", "training",
                       "set up", "setup", "go live", "how long does it take", "support",
                       "integrate", "integration", "timeline", "adoption"),
    "company": ("your company", "founded", "how long have you been", "employees", "funding",
                "funded", "headquartered", "based", "roadmap", "investors", "team size",
                "your team", "who owns", "stable", "partners"),
    "product": ("feature", "features", "product", "platform", "tool", "software", "does it",
                "can it", "will it", "is it", "dashboard", "report", "reports", "work with",
                "supports", "support", "function", "functionality", "demo", "module",
                "version", "mobile", "app", "export", "customize", "customise"),
}

OTHER = "other"
CONFIRMATION = "confirmation_check"
#: Question types that, with no other topic, read as a check of understanding.
CHECK_TYPES = frozenset({"tag", "declarative"})


def _compile(table: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern]:
    return {topic: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len,
                                                                              reverse=True))
                              + r")\b")
            for topic, keys in table.items()}


_SELLER = _compile(SELLER_TOPICS)
_CUSTOMER = _compile(CUSTOMER_TOPICS)


def topic_of(text: str, side: str, qtype: str = "") -> str:
    """The sales topic of one question asked by ``side`` ('seller', 'buyer' or 'unknown')."""
    lowered = text.lower().replace("’", "'")
    table = _CUSTOMER if side == "buyer" else _SELLER
    scores = {t: len(p.findall(lowered)) for t, p in table.items()}
    best = max(scores, key=lambda t: scores[t])  # dict order breaks ties
    if scores[best] > 0:
        if best == CONFIRMATION and qtype not in CHECK_TYPES and _other_hits(scores):
            return _second(scores)
        return best
    if side != "buyer" and qtype in CHECK_TYPES:
        return CONFIRMATION
    return OTHER


def _other_hits(scores: dict[str, int]) -> bool:
    return any(v > 0 for t, v in scores.items() if t != CONFIRMATION)


def _second(scores: dict[str, int]) -> str:
    rest = {t: v for t, v in scores.items() if t != CONFIRMATION}
    return max(rest, key=lambda t: rest[t])
