"""Lithuanian noun and adjective paradigms generated from the lemma's ending.

simplemma's Lithuanian dictionary lists many forms of a word but seldom all of them, and the
Snowball stemmer needs the diacritics to find an ending. A translator typing
"socialineje" for "socialinėje" on a keyboard without Lithuanian letters then found nothing.
So the index also holds every case form the lemma's ending allows, as Lithuanian grammar
declines it (seven singular cases, six plural). An ending shared by several declensions gets
all of them; a form that does not exist costs one index entry. Nouns are not given
adjective endings: those would be other words' real forms (kova "struggle" -> kovo "of
March"). simplemma's one-lemma-per-form dictionary cannot filter such collisions: it files
"kovos" under kovoti and "vedėjui" under vedėja.
"""

from __future__ import annotations

import functools

# Endings of each paradigm, the lemma's own ending first. Singular: nominative, genitive,
# dative, accusative, instrumental, locative, vocative; then the plural cases.
_PARADIGMS = {
    "as":     "as o ui ą u e ai ų ams us ais uose",              # vyras
    "as_adj": "as o am ą u ame i ų iems us ais uose",             # geras
    "a":      "a os ai ą oje ų oms as omis ose",                  # mokykla, seniūnija
    "ias":    "ias io iui ią iu yje y iai ių iams ius iais iuose",  # kelias
    "is":     "is io iui į iu yje i iai ių iams ius iais iuose",   # brolis
    "is_f":   "is ies iai į imi yje ie ys ių ims imis yse",         # viltis
    "is_adj": "is io iam į iu iame iai ių iams ius iais iuose",   # socialinis
    "ys":     "ys io iui į iu yje y iai ių iams ius iais iuose",   # narys
    "us":     "us aus ui ų umi uje au ūs ums umis uose",          # sūnus
    "us_adj": "us aus iam ų iu iame ūs ių iems ius iais iuose",   # gražus
    "i_adj":  "i ios iai ią ia ioje ių ioms ias iomis iose",       # graži
    "ius":    "ius iaus iui ių iumi iuje iau iai iams iais iuose",  # skaičius
    "uo":     "uo ens eniui enį eniu enyje enie enys enų enims enis enimis enyse",  # vanduo
    "ia":     "ia ios iai ią ioje ių ioms ias iomis iose",         # valia
    "ė":      "ė ės ei ę e ėje ių ėms es ėmis ėse",                # gėlė, socialinė
}
# Word ending -> the paradigms it may follow; the longest matching ending wins. Adjectives
# get both genders, but only where the ending says adjective (-inis/-inė, participles in
# -ntis/-nti, -us/-i): a noun given adjective endings would collide with common words
# (kova "struggle" -> kovo "of March").
_BY_ENDING = {
    "ias": ("ias",), "ius": ("ius",), "uo": ("uo",), "ys": ("ys",), "ia": ("ia",),
    "is": ("is", "is_f"), "as": ("as",), "a": ("a",), "ė": ("ė",),
    "inis": ("is_adj", "ė"), "inė": ("ė", "is_adj"),
    "ntis": ("is_adj", "i_adj"), "nti": ("i_adj", "is_adj"), "mas": ("as", "as_adj"),
    "us": ("us", "us_adj", "i_adj"), "i": ("i_adj", "us_adj"),
    # Forms that are not lemmas but name their paradigm: a genitive singular or nominative
    # plural of a feminine (šeimos, patiriančios, paslaugos), a masculine plural (nariai,
    # darbuotojai).
    "ios": ("i_adj", "ia"), "os": ("a",), "ės": ("ė",), "iai": ("is", "ys", "ias"),
    "ai": ("as",),
}
# Where the matched ending is longer than the inflection it carries, the part to replace.
_INFLECTION = {"inis": "is", "inė": "ė", "ntis": "is", "nti": "i", "mas": "as"}
_ENDINGS = sorted(_BY_ENDING, key=len, reverse=True)
_SOFTENED = {"t": "č", "d": "dž"}   # before i + back vowel: viltis -> vilčių, žodis -> žodžio
_BACK_VOWELS = set("aąouųū")
MIN_STEM = 2


@functools.lru_cache(maxsize=100_000)
def paradigm(lemma: str) -> frozenset[str]:
    """Lower-case case forms of a Lithuanian noun or adjective lemma (itself included);
    just the lemma when its ending declines no known way. A few unambiguous non-lemma
    endings are accepted too, for words the lemmatiser does not know."""
    word = lemma.lower()
    if not word:
        return frozenset()
    forms = {word}
    ending = next((e for e in _ENDINGS if word.endswith(e)), None)
    if ending is None or len(word) - len(ending) < MIN_STEM:
        return frozenset(forms)
    stem = word[: len(word) - len(_INFLECTION.get(ending, ending))]
    hard = next((h for h, soft in _SOFTENED.items() if stem.endswith(soft)), None)
    for name in _BY_ENDING[ending]:
        for suffix in _PARADIGMS[name].split():
            forms.add(stem + suffix)
            softens = suffix[:1] == "i" and suffix[1:2] in _BACK_VOWELS
            if softens and stem[-1] in _SOFTENED:
                forms.add(stem[:-1] + _SOFTENED[stem[-1]] + suffix)
            elif hard and not softens:  # a softened form given: patiriančios -> patirianti
                forms.add(stem[: len(stem) - len(_SOFTENED[hard])] + hard + suffix)
    return frozenset(forms)
