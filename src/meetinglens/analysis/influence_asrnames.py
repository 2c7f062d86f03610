"""Names of absent people in ASR text, where nothing is capitalised.

Raw ASR output ("so our cfo henrik signs off on anything over fifty thousand") loses the
capitals that tell a name from a word, so spaCy's PERSON entities mostly vanish. We keep only
the syntactic places where a name is expected — right beside a role phrase ("our ceo erik",
"camilla our ceo", "our director of customer care paula reyes owns ...") or before a decision
verb or a department ("dave holds the budget", "karl in it confirms") — and accept a word
there only when it looks like a name: a noun or proper noun to spaCy's tagger, not a stop
word, not a time, role or department word, and ending its noun phrase. Precision first: a
missed name still leaves the role phrase ("our cfo") as the mention.
"""

from __future__ import annotations

from functools import lru_cache

#: Nouns that sit beside role phrases and are never names.
NOT_NAMES_LOWER = frozenset("""
today tomorrow tonight yesterday morning afternoon evening night week weekend month year
quarter monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december office team teams budget board
finance procurement legal security operations ops compliance engineering meeting call calls
contract company business department group people side time thing things approval decision
decisions process plan plans money cost costs price project projects vendor vendors customer
customers staff management leadership level sign signature committee partner partners owner
owners ceo cfo coo cto cio ciso cro cmo dpo director directors head lead manager vp president
founder chair chairman dean provost it admin data platform tech kind sort lot bit way stuff
anything everything nothing something number numbers figure point case cases system tool
demo trial pilot deal proposal quote review reviews say call word input view opinion
driver drivers haulier hauliers operator operators engineer engineers supplier suppliers
contractor contractors client clients member members visitor visitors guest guests tenant
tenants patient patients student students
""".split())
NAME_POS = {"PROPN", "NOUN"}
#: Entity types a name never has.
NOT_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
#: Tokens that may follow a name: not another noun or adjective of the same noun phrase.
PHRASE_CONTINUES = {"NOUN", "ADJ", "PROPN", "NUM"}
#: Words scanned after "of" in "our director of customer care paula reyes".
OF_REACH = 4


@lru_cache(maxsize=256)
def _doc(text: str):
    from meetinglens.nlp import load_spacy

    return load_spacy()(text)


def _name_like(tok) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    w = tok.text
    return (w.isalpha() and len(w) >= 3 and w not in STOP_WORDS and w not in NOT_NAMES_LOWER
            and (tok.pos_ in NAME_POS or tok.ent_type_ == "PERSON")
            and tok.ent_type_ not in NOT_NAME_ENTS)


def _ends_phrase(doc, j: int) -> bool:
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in PHRASE_CONTINUES or nxt.ent_type_ == "PERSON"


def _name_from(doc, i: int) -> str | None:
    """One or two name-like tokens from token ``i`` that end their noun phrase."""
    if i >= len(doc) or not _name_like(doc[i]):
        return None
    for j in (i + 1, i):  # "paula reyes" before "paula"
        if j < len(doc) and _name_like(doc[j]) and _ends_phrase(doc, j):
            return doc[i:j + 1].text
    return None


def _token_at(doc, char: int, after: bool):
    """Index of the first token starting at/after ``char`` (after) or ending before it."""
    if after:
        return next((t.i for t in doc if t.idx >= char), len(doc))
    return next((t.i for t in reversed(doc) if t.idx + len(t.text) <= char), -1)


def name_beside(text: str, start: int, end: int) -> str | None:
    """A name right after ("our ceo erik") or right before ("camilla our ceo") a role phrase."""
    doc = _doc(text)
    i = _token_at(doc, end, after=True)
    if i < len(doc) and doc[i].text == "of":  # "director of customer care paula reyes"
        for k in range(i + 1, min(i + 1 + OF_REACH, len(doc))):
            name = _name_from(doc, k)
            if name and (k + len(name.split()) >= len(doc)
                         or doc[k + len(name.split())].pos_ in {"VERB", "AUX"}):
                return name
    elif (name := _name_from(doc, i)) is not None:
        return name
    b = _token_at(doc, start, after=False)
    if b >= 0 and doc[b].text in {"our", "my", "the", "their"}:
        b -= 1
    if b >= 0 and _name_like(doc[b]):
        for first in (b - 1, b):  # "gloria marsh our ...", then "camilla our ..."
            if first < 0 or not _name_like(doc[first]):
                continue
            if first == 0 or doc[first - 1].pos_ not in {"DET", "ADJ", "ADP", "VERB"}:
                return doc[first:b + 1].text
    return None


def plain_name(word: str) -> bool:
    """A word that could name a person or firm: no stop word or common noun beside roles."""
    from spacy.lang.en.stop_words import STOP_WORDS

    w = word.lower()
    return w.isalpha() and len(w) >= 3 and w not in STOP_WORDS and w not in NOT_NAMES_LOWER


def name_at(text: str, char: int, verb_after: bool = False) -> bool:
    """Whether the word at ``char`` looks like a name (optionally: a verb follows its phrase)."""
    doc = _doc(text)
    i = _token_at(doc, char, after=True)
    if i >= len(doc) or doc[i].idx != char or not _name_like(doc[i]):
        return False
    if i > 0 and (doc[i - 1].pos_ in {"DET", "ADJ"} or doc[i - 1].tag_ == "PRP$"):
        return False  # "a mandate from the board", "our budget": a noun, not a name
    if not verb_after:
        return True
    k = i + 1
    while k < len(doc) and doc[k].text in {"in", "from", "it", "at", "on"}:
        k += 1
    return k < len(doc) and doc[k].pos_ in {"VERB", "AUX"}
