"""Polish complex prepositions that join a term's parts: "pomoc [w formie] posiłku",
"świadczenie rzeczowe [w postaci] produktów", "program osłonowy [w zakresie] dożywiania",
and "[do spraw]" naming the field of a body ("komisja do spraw rozwiązywania problemów").

Their noun is no noun of the term: "forma posiłku" or "postać zasiłku celowego" cut from
them are no candidates. Followed by a genitive, the pair is one preposition, so the
phrase may run on through it to the genitive; "w formie pisemnej" (an adjective agreeing
with "formie") is a plain noun phrase. Complex prepositions that rather attach
circumstances ("w ramach", "na podstawie", "do czasu") end a candidate instead (see
`stopwords.COMPLEX_PREPOSITION_NOUNS`).

A preposition's object may take a complement of its own, which a term keeps with it
("orzeczenie o niezdolności [do pracy]"): see `complements_the_object`.
"""

from __future__ import annotations

import functools

from termbase.text import polish

PHRASAL = {"w": frozenset({"formie", "postaci", "zakresie"}), "do": frozenset({"spraw"})}
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
    """Positions of the nouns of "w formie", "w postaci", "w zakresie", "do spraw" before a
    genitive; capitalised after a preposition in lower case too, as a name writes it
    ("Zespół do Spraw Orzekania")."""
    return [k for k in range(1, len(words) - 1)
            if (words[k] in _NOUNS or words[k - 1].islower() and words[k].lower() in _NOUNS)
            and words[k].lower() in PHRASAL.get(words[k - 1].lower(), ())
            and _genitive_complement(words[k].lower(), words[k + 1])]


# Prepositions that never open a noun's own complement: they attach an agent, a ground or
# a time to a clause ("wydane [przez] lekarza", "[według] stanu", "[podczas] wizyty").
_CLAUSE_PREPOSITIONS = frozenset({"przez", "według", "podczas", "wśród", "spośród",
                                  "między", "pomiędzy", "zamiast", "oprócz", "dzięki",
                                  "około", "wskutek", "mimo"})


@functools.lru_cache(maxsize=None)
def _takes_a_complement(word: str) -> bool:
    """A verbal noun ("orzekania", "umieszczeniu") or a noun of a quality made from an
    adjective, in -ość ("niezdolności", "zawartość"): nouns that keep the prepositional
    complement of their verb or adjective (orzekać o, niezdolny do)."""
    return any(r.pos == "ger" or r.pos in polish.NOUN_POS and r.base_lemma.lower().endswith(
        "ość") for r in polish.readings(word))


def _case_reading(word: str, case: str, number: str | None = None) -> bool:
    return any(case in r.cases and (number is None or number in r.numbers)
               for r in polish.readings(word) if r.pos in polish.NOUN_POS)


def _place(word: str) -> bool:
    """A capitalised word read as a proper name, or with no common noun or adjective
    reading: a place (or a person) after a name, "[w] Opolu", no complement."""
    readings = [r for r in polish.readings(word) if r.pos in polish.NOUN_POS | polish.ADJ_POS]
    return word[:1].isupper() and (any(r.proper for r in readings)
                                   or not any(not r.proper for r in readings))


def per_unit(words: list[str], prepositions: list[bool], k: int) -> bool:
    """Whether words k..k+3 are a distributive "na" with the singular accusative of the
    unit it counts per, then "w" and the locative of the whole that unit belongs to: "[na
    osobę w rodzinie]", "[na dziecko w placówce]". One formula: "dochód na osobę" leaves
    out its end, "osoba w rodzinie" its beginning."""
    return 0 <= k and k + 3 < len(words) and words[k].lower() == "na" \
        and prepositions[k] and not (k and prepositions[k - 1]) \
        and not prepositions[k + 1] and words[k + 2].lower() in ("w", "we") \
        and _case_reading(words[k + 1], "acc", "sg") and _case_reading(words[k + 3], "loc")


def complements_the_object(words: list[str], prepositions: list[bool], j: int,
                           start: int = 0) -> bool:
    """Whether the preposition at `j` opens a complement of the object of the preposition
    before it, not a circumstance of the whole phrase: so a term may hold both. (Not
    before a place's name: "orzekania o niepełnosprawności [w Opolu]".)

    * The object is a verbal noun or a noun in -ość, which take a complement as their verb
      or adjective does; past its genitives: "orzeczenie o [niezdolności] do pracy",
      "badanie na [zawartość] alkoholu w wydychanym powietrzu", "zespół do spraw
      [orzekania] o niepełnosprawności".
    * The object is the unit a distributive "na" counts per (a singular accusative right
      after it), and "w" + locative names the whole it is counted in: "dochód na osobę w
      rodzinie", "kwota na dziecko w placówce".

    `prepositions`: per word, whether it is read as a preposition (the noun of a complex
    one, "do [spraw]", too); the preposition before is looked for from `start` on."""
    if not 0 < j < len(words) - 1 or not prepositions[j] or prepositions[j - 1] \
            or words[j].lower() in _CLAUSE_PREPOSITIONS or _place(words[j + 1]):
        return False
    p = j - 1
    while p >= start and not prepositions[p]:
        p -= 1
    if p < start or p == j - 1:
        return False
    if p == j - 2 and per_unit(words, prepositions, p):
        return True
    # the object's head: its first word that can be a noun (adjectives may stand before it)
    head = next((k for k in range(p + 1, j) if any(
        r.pos in polish.NOUN_POS for r in polish.readings(words[k]))), None)
    return head is not None and _takes_a_complement(words[head])
