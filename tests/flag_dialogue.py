"""A two-person dialogue (seller Sam, buyer Ben) for red-flag tests: (seller, buyer) pairs in
turn, shared by the round-10, -12 and -13 flag tests; :func:`spoken` for any lines and buyers
(rounds 24-26)."""

from __future__ import annotations

from meetinglens.model import Meeting, Speaker, Utterance

SELLER_Q = "Can you tell me a bit more about how that works on your side?"
CLOSE = ("Shall we book the site visit for Tuesday the ninth?", "Yes, Tuesday the ninth works.")


def utt(i: int, text: str) -> Utterance:
    """Utterance ``i``: even indices are the seller's, odd ones the buyer's."""
    return Utterance(i, "Ben" if i % 2 else "Sam", text, i * 10.0, i * 10.0 + 8)


def dialogue(pairs: list[tuple[str, str]]) -> Meeting:
    texts = [t for pair in pairs for t in pair]
    return Meeting("m", tuple(utt(i, t) for i, t in enumerate(texts)),
                   (Speaker("Sam", side="seller", side_source="participants"),
                    Speaker("Ben", side="buyer", side_source="participants")))


def spoken(lines: list[tuple[str, str]], buyers: tuple[str, ...] = ("Ben",)) -> Meeting:
    """A meeting from (speaker, text) lines: seller Sam and the named buyers."""
    utts = tuple(Utterance(i, who, text, i * 10.0, i * 10.0 + 8)
                 for i, (who, text) in enumerate(lines))
    return Meeting("m", utts, (Speaker("Sam", side="seller", side_source="participants"),
                               *(Speaker(b, side="buyer", side_source="participants")
                                 for b in buyers)))


def flag_kinds(meeting: Meeting, head: dict[int, dict[str, float]] | None = None) -> set[str]:
    """The red flags the rules raise from the lexicons and the given head scores alone."""
    from meetinglens.analysis.influence_flags import red_flags
    buyers = {s.name for s in meeting.speakers if s.side == "buyer"}
    return {f.kind for f in red_flags(meeting, buyers, {}, {}, [], head or {})}
