"""Polish complex prepositions that join a term's parts: "pomoc [w formie] posiłku",
"świadczenie rzeczowe [w postaci] produktów", "program osłonowy [w zakresie] dożywiania".

Their noun is no noun of the term: "forma posiłku" or "postać zasiłku celowego" cut from
them are no candidates. Followed by a genitive, the pair is one preposition, so the
phrase may run on through it to the genitive; "w formie pisemnej" (an adjective agreeing
with "formie") is a plain noun phrase. Complex prepositions that rather attach
circumstances ("w ramach", "na podstawie", "do czasu") end a candidate instead (see
`stopwords.COMPLEX_PREPOSITION_NOUNS`).
"""

from __future__ import annotations

from termbase.text import polish

PHRASAL = {"w": frozenset({"formie", "postaci", "zakresie"})}
_NOUNS = frozenset().union(*PHRASAL.values())  # (lower case: inside a sentence)


def _genitive_complement(noun: str, following: str) -> bool:
    """Whether `following` can be a genitive and is no adjective agreeing with `noun`."""
    readings = [r for r in polish.readings(following)
                if r.pos in polish.NOUN_POS | polish.ADJ_POS]
    if not any("gen" in r.cases for r in readings):
        return False
    own = {(n, c, g) for r in polish.readings(noun) if r.pos in polish.NOUN_POS
           for n in r.numbers for c in r.cases for g in r.genders}
    return not any((n, c, g) in own for r in readings if r.pos in polish.ADJ_POS
                   for n in r.numbers for c in r.cases for g in r.genders)


def phrasal_preposition_nouns(words: list[str]) -> list[int]:
    """Positions of the nouns of "w formie", "w postaci", "w zakresie" before a genitive."""
    return [k for k in range(1, len(words) - 1) if words[k] in _NOUNS
            and words[k] in PHRASAL.get(words[k - 1].lower(), ())
            and _genitive_complement(words[k], words[k + 1])]
