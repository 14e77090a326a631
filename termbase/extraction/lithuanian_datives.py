"""Lithuanian adjectives that take a dative complement before them.

"visuomenei naudinga veikla" (activity useful to society), "vaikams skirtos paslaugos"
(services meant for children), "neįgaliesiems pritaikytas būstas" (housing adapted for
the disabled): an adjective or participle of benefit, need, purpose or fitness governs
the dative, and the dative noun standing right before it is part of the noun phrase the
adjective opens, as a genitive before its head is. The reading is kept narrow: only the
adjectives listed here, only a dative noun directly before one, and only where the
adjective has its noun after it (in a clause, "paslauga yra naudinga šeimai", the dative
follows and nothing is read).
"""

from __future__ import annotations

from termbase.extraction.analysis import ADJ, NOUN, WordInfo
from termbase.text.lithuanian import DATIVE, case_slots

# Lemmas (an adjective's masculine nominative; a participle's, as `analyse` gives it) of
# the adjectives and participles that govern the dative.
DATIVE_GOVERNING = frozenset({
    "naudingas", "nenaudingas", "reikalingas", "nereikalingas", "būtinas", "skirtas",
    "pritaikytas", "nepritaikytas", "palankus", "nepalankus", "būdingas", "nebūdingas",
    "prieinamas", "neprieinamas", "draugiškas", "pavojingas", "kenksmingas", "žalingas",
    "tinkamas", "netinkamas", "svarbus", "priimtinas", "nepriimtinas", "suprantamas",
    "pavaldus", "atskaitingas", "ištikimas", "lojalus", "skolingas", "dėkingas",
})

# The dative plural of every noun class ends so ("vaikams", "šeimoms", "žmonėms"), and of
# an adjective used as a noun ("neįgaliesiems").
_DATIVE_PLURAL = ("ams", "oms", "ėms", "ims", "ums", "iems")


def governs_dative(info: WordInfo) -> bool:
    """An adjective or participle of DATIVE_GOVERNING."""
    return info.role == ADJ and info.key in DATIVE_GOVERNING


def dative_noun(word: str, info: WordInfo) -> bool:
    """A noun that can only be a dative: the dictionary's forms say so ("visuomenei",
    "vaikams"), or, where they say nothing, a plural dative ending ("žmonėms", and
    "neįgaliesiems", a definite adjective read as a noun)."""
    if info.role != NOUN or info.name:
        return False
    slots = set() if info.key.startswith("~") else case_slots(word, info.key)
    if slots:
        return slots == {DATIVE}
    return word.lower().endswith(_DATIVE_PLURAL)


def dative_complement(words: list[str], infos: list[WordInfo], k: int) -> bool:
    """Word k is the dative complement of the adjective right after it, which governs
    the dative and modifies a noun later in `words`: "[visuomenei] naudinga veikla"."""
    if k + 2 >= len(words) or not dative_noun(words[k], infos[k]) \
            or not governs_dative(infos[k + 1]):
        return False
    return any(info.role == NOUN for info in infos[k + 2:])
