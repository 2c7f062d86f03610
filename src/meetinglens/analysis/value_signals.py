"""The ten value co-creation signals (Alamäki & Kaski) and who may produce them.

The definitions, inclusion and exclusion rules live in ``docs/codebook-value.md``; this module
holds only what the code needs: the names, the side each signal belongs to, and how a report
should weigh a detection (severity).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Signal names in codebook order. Finding kinds are ``value.<signal>``.
SIGNALS: tuple[str, ...] = (
    "customer_motive",
    "customer_context",
    "customer_question",
    "agreement",
    "customer_next_step",
    "competitor_info",
    "reference_case",
    "benefit_focus",
    "joint_planning",
    "objection",
)

#: Sides that can produce each signal. A seller's question is not a customer_question and a
#: buyer's anecdote about another customer is not a reference_case.
SIGNAL_SIDES: dict[str, frozenset[str]] = {
    "customer_motive": frozenset({"buyer"}),
    "customer_context": frozenset({"buyer"}),
    "customer_question": frozenset({"buyer"}),
    "agreement": frozenset({"buyer"}),
    "customer_next_step": frozenset({"buyer"}),
    "competitor_info": frozenset({"buyer"}),
    "reference_case": frozenset({"seller"}),
    "benefit_focus": frozenset({"buyer", "seller"}),
    "joint_planning": frozenset({"buyer", "seller"}),
    "objection": frozenset({"buyer"}),
}

#: One-line descriptions used in reports and tables.
DESCRIPTIONS: dict[str, str] = {
    "customer_motive": "customer says why they took the meeting or what they expect",
    "customer_context": "customer shares their organisation, needs, history or decision makers",
    "customer_question": "customer asks about the offering, price, references or the vendor",
    "agreement": "customer accepts the seller's argument",
    "customer_next_step": "customer says how they will continue",
    "competitor_info": "customer explains what competitors or alternatives offer",
    "reference_case": "seller shares reference customers, best practice or numbers",
    "benefit_focus": "talk about outcomes and business value rather than features",
    "joint_planning": "both sides co-invent how to proceed",
    "objection": "customer questions the value proposal or its fit",
}

#: Report severity of a detection: commitments are good news, objections need attention.
SEVERITY: dict[str, str] = {
    "agreement": "positive",
    "customer_next_step": "positive",
    "joint_planning": "positive",
    "objection": "notice",
}

#: Signals that show the customer acting as an equal partner (used by the summary).
CUSTOMER_CONTRIBUTIONS: tuple[str, ...] = (
    "customer_motive", "customer_context", "customer_question", "competitor_info",
)
#: Signals where the customer takes the next step into their own hands (customer pull).
PULL_SIGNALS: tuple[str, ...] = ("customer_next_step",)


def allowed(signal: str, side: str) -> bool:
    """Whether a speaker on ``side`` can produce ``signal``; unknown sides may produce any."""
    return side == "unknown" or side in SIGNAL_SIDES[signal]


@dataclass(frozen=True)
class Detection:
    """One signal detected in one utterance, with the head's probability as confidence."""

    utterance: int
    signal: str
    confidence: float
    source: str  # "head" or "rule"
