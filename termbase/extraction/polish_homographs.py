"""How common a Polish lemma is, measured on the forms only it has.

wordfreq counts strings, not lexemes: "prawa" is frequent as a form of prawo and of the
adjective prawy, which says nothing of the rare noun prawa; "działo" is frequent as a
form of the verb dziać się, not as the noun (a cannon). A lemma's own frequency is that of
the forms morfeusz2 reads as that lemma alone, so "Dział Świadczeń" is dział's and "prawa
do wniesienia odwołania" prawo's.
"""

from __future__ import annotations

import functools

from termbase.extraction.termhood import general_frequency
from termbase.text import polish


@functools.lru_cache(maxsize=None)
def own_frequency(lemma: str) -> float:
    """The general-language frequency of the lemma's forms that no other lemma (of any
    part of speech) shares; 0 when every form is shared or the generator knows none."""
    forms = {f.form.lower() for f in polish.generated(lemma)}
    return sum(general_frequency(form, "pl") for form in forms
               if all(r.base_lemma.lower() == lemma for r in polish.readings(form)))


def noun_lemma_frequency(lemma: str) -> float:
    """The general-language frequency of a noun lemma: of its citation form, unless that
    string is also a form of another part of speech ("działo", dziać się's past tense),
    whose uses wordfreq cannot tell apart: then of its own forms alone."""
    if any(r.pos not in polish.NOMINAL_POS for r in polish.readings(lemma)):
        return own_frequency(lemma)
    return general_frequency(lemma, "pl")
