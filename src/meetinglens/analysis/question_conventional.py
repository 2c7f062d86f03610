"""Questions by form that are conventions of the conversation, not questions about its content.

A sales report counts questions to show who explored the other side's needs; a greeting
("how are you doing today?"), a request to repeat a word ("a what?", "what did you say?")
or a bit of call procedure ("could you hold on?", "why don't you go first?") has question
form but explores nothing. SwDA tags them ``fp`` (conventional opening), ``br`` (signal of
non-understanding) and ``ad`` (action directive), none of them a question.

Measured on SwDA train with ``benchmarks/questions_swda.py`` (rule questions of these
forms): conversations 0-249, punctuated, 24 of 24 were not questions (ASR-style 12 of 12);
held-out conversations 250-499, 10 of 10 (ASR-style 2 of 2). The phrases must make up the
whole clause, so "how are you doing with the rollout?" still asks.
"""

from __future__ import annotations

#: Greetings in question form; a name or "hey" may come first ("Amy, how are you today?").
GREETINGS = frozenset(tuple(g.split()) for g in (
    "how are you", "how are you doing", "how you doing", "how are you today",
    "how are you doing today", "how's it going", "hows it going", "how is it going",
    "how's everything", "how have you been", "how you been", "how are things",
    "how's your day", "how's your day going", "how is everyone", "how's everybody",
))
#: Words that may come before a greeting (a name, "hey", "hi").
MAX_BEFORE_GREETING = 2
#: Requests to repeat what was just said.
REPEAT_REQUESTS = frozenset(tuple(r.split()) for r in (
    "what did you say", "is that what you said", "what was that again",
    "what did you say again", "what'd you say", "what did you just say",
    "what was that you said",
))
#: "A what?", "lake what?", "he's got what?": a word the listener missed, asked back.
MAX_ECHO_WORDS = 3
#: Call procedure in question form (the clause may go on: "could you hold on a second").
PROCEDURAL = tuple(tuple(p.split()) for p in (
    "could you hold on", "can you hold on", "could you hold", "can you hold",
    "would you hold on", "why don't you go first", "why don't you go ahead",
    "why don't you start", "why dont you go first", "why dont you go ahead",
    "why dont you start",
))


def conventional(core: list[str], asked: bool) -> str | None:
    """Why the clause ``core`` (lower-cased words, fillers stripped) is a convention rather
    than a question, or None. ``asked``: it ended with '?' (an echo "a what?" needs it)."""
    words = tuple(core)
    if any(words[i:] in GREETINGS for i in range(min(len(words), MAX_BEFORE_GREETING + 1))):
        return "greeting"
    if words in REPEAT_REQUESTS:
        return "request to repeat"
    if (asked and 2 <= len(words) <= MAX_ECHO_WORDS and words[-1] == "what"
            and words[-2] != "or" and words[0] not in {"what", "so", "and"}):
        return "word asked back"
    if any(words[:len(p)] == p for p in PROCEDURAL):
        return "call procedure"
    return None
