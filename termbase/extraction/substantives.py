"""Lithuanian adjectives used as nouns: "neįgalieji" (the disabled), "vienišieji".

Lithuanian makes a noun of an adjective by its definite (pronominal) form: a definite
adjective that modifies no noun is one ("Pirmumo teisę turi neįgalieji"), and a term
("neįgalusis" | "neįgalieji"). Its base form is the definite nominative of the gender and
number seen, made from the adjective's lemma (`text.lithuanian.definite_nominative`).
Participles ("nukentėjusieji") are left alone: their lemma gives no definite form here.
"""

from __future__ import annotations

from termbase.text.lithuanian import definite_nominative, is_definite

_PLURAL = ("ieji", "ųjų", "iesiems", "uosius", "aisiais", "uosiuose", "osios", "osioms",
           "ąsias", "osiomis", "osiose")
_FEMININE = ("oji", "osios", "ojoje", "ąją", "ajai", "osioms", "ąsias", "osiomis", "osiose")


def definite_noun(form: str, lemma: str) -> str | None:
    """The definite nominative of `form` (a definite adjective of `lemma`) in its own
    gender and number; None when the form is not definite or the lemma gives no form."""
    low = form.lower()
    if not is_definite(low):
        return None
    plural = low.endswith(_PLURAL)
    return definite_nominative(lemma, "f" if low.endswith(_FEMININE) else "m", plural)
