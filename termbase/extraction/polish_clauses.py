"""Polish phrases that hold a participle with its complement: a clause describing the noun
("uczeń [objęty pomocą]", "dochód [przekraczający kryterium dochodowe]", "liczba uczniów
[otrzymujących posiłek]") more often than a term. Terms of that shape name a class of the
field's beneficiaries by a general noun for people ("osoba doznająca przemocy domowej",
"rodzina przeżywająca trudności"): those keep their prior, the rest get
CLAUSE_PRIOR.
"""

from __future__ import annotations

from termbase.extraction.polish_number import PEOPLE

CLAUSE_PRIOR = 0.5


def describing_clause(key: tuple[str, ...], shape: str) -> bool:
    """Whether the phrase (lemma `key`, letters `shape`, see `ngrams._shape`) holds a
    participle after a noun other than a general noun for people, with words after it."""
    return len(shape) == len(key) and any(
        letter == "v" and 0 < k < len(shape) - 1 and shape[k - 1] == "N"
        and key[k - 1] not in PEOPLE for k, letter in enumerate(shape))
