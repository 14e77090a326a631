"""How term-like a word is on its own, from evidence other than its frequency in the text.

In a short text nearly every word occurs once, so frequency cannot tell "ergoterapija" from
"diena". What can, as in TermoStat's specificity and TermSuite's single-word ranking:

* rarity in general language (wordfreq): the rarer, the more likely domain vocabulary.
  Rarity is measured against the language's own list: Lithuanian has only wordfreq's small
  list (nothing below Zipf 3), Polish the large one (down to Zipf 1), so an unlisted
  Lithuanian word is about as rare as a Polish word of Zipf 1.5;
* the shape of a term: derivational suffixes that make names of persons, services,
  institutions and procedures (-acja, -ość, -ant, -terapia; -ija, -umas, -tojas, -ystė);
* domain evidence: the word occurs in a term the termbase already has.

Evidence never makes a word a term alone: a lone participle, adjective or adverb (words
that say how, not what: "maitinamas", "prevenciškai") is held down whatever its rarity.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Iterable, Mapping

from termbase.extraction.termhood import general_frequency

# Zipf frequencies: at or above COMMON a word is everyday vocabulary; at the language's
# floor (its list's rarest listed words) it is as rare as the list can tell.
COMMON_ZIPF = 4.8
LIST_FLOOR_ZIPF = {"small": 3.0, "large": 2.5}
# Below SPECIALISED_ZIPF a word is no everyday vocabulary: at least this much evidence.
SPECIALISED_ZIPF = 4.0
SPECIALISED_EVIDENCE = 0.65
# A noun naming a person by role is specialised up to a higher frequency ("psycholog",
# "policjant"); everyday people ("syn", "człowiek", "kolega") stay above it.
PERSON_SPECIALISED_ZIPF = 4.5
RARITY_EVIDENCE = 0.5
SUFFIX_EVIDENCE = 0.5
GLOSSARY_EVIDENCE = 0.3
# A lone word that is no noun: its prior is multiplied by this.
NOT_A_NOUN = 0.2

# Derivational suffixes of terms, on the stem, before an optional case ending.
_PL_ENDING = r"(?:a|i|y|e|ę|ą|o|u|om|ami|ach|ów|em|owi|ie|ek|k[aiąęo]|kom|ce|ek)?"
_LT_ENDING = (r"(?:a|os|ai|ą|oje|ų|oms|omis|ose|as|o|ui|u|e|us|ais|uose|ams|ė|ės|ei|ę|ėje"
              r"|ėms|ėmis|ėse|iai|ių|iams|ius|iais|iuose)?")
TERM_SUFFIX = {
    "pl": re.compile(r"(?:[aiy]cj|[iy]zj|ość|ośc|stw|ctw|nictw|terapi|terapeu[tc]|opiek"
                     r"|opiec|ant|ent|ator|ist|log|lóg)" + _PL_ENDING + "$"),
    "lt": re.compile(r"(?:ij|umas|umo|umui|umą|umu|ume|yst|toj|ėj|inink|terapeut|yb|olog"
                     r"|iatr|oped)"
                     + _LT_ENDING + "$"),
}
# Forms that, alone, are a participle or an adverb rather than a noun.
NOT_NOUN_ALONE = {
    "pl": re.compile(r"(?:ąc[aey]|ący|ącego|ącym|ących)$"),
    "lt": re.compile(r"(?:[ao]m(?:as|i|us)|iškai|ingai|ęs|usi|usios|ant|int)$"),
}


@functools.lru_cache(maxsize=None)
def list_floor(lang: str) -> float:
    """The Zipf frequency of the rarest words wordfreq lists for the language."""
    from wordfreq import available_languages

    return LIST_FLOOR_ZIPF["large" if lang in available_languages("large") else "small"]


def zipf(forms: Iterable[str], lang: str) -> float:
    """The Zipf frequency of the word's forms together (the list's floor when unlisted)."""
    total = sum(general_frequency(form, lang) for form in forms)
    return math.log10(total) + 9 if total > 0 else list_floor(lang)


def rarity(zipf_: float, lang: str) -> float:
    """0 for everyday words, 1 for words as rare as wordfreq can tell (or unlisted)."""
    floor = list_floor(lang)
    return min(1.0, max(0.0, (COMMON_ZIPF - zipf_) / (COMMON_ZIPF - floor)))


def term_shaped(forms: Iterable[str], lang: str) -> bool:
    pattern = TERM_SUFFIX.get(lang)
    return bool(pattern) and any(pattern.search(form) for form in forms)


def noun_alone(lemma: str, forms: Mapping[str, int], lang: str) -> bool:
    """False when the lemma or the form seen most is a participle's or adverb's."""
    pattern = NOT_NOUN_ALONE.get(lang)
    if not pattern or not forms:
        return True
    commonest = max(forms, key=lambda f: (forms[f], f))
    return not (pattern.search(commonest.lower()) or pattern.search(lemma))


def evidence(lemma: str, forms: Mapping[str, int], lang: str, in_glossary: bool,
             person: bool = False) -> float:
    """How sure one can be, from the word alone, that it is a term: 0 to 1. The cues are
    independent and multiply: a rare word of no term shape ("pulkas") gets half, a term-
    shaped or known word that is everyday vocabulary ("rodzina", "centras") nothing. A
    `person`'s noun (see `persons`) counts as specialised up to PERSON_SPECIALISED_ZIPF."""
    lowered = {f.lower() for f in forms}
    shape = SUFFIX_EVIDENCE * term_shaped(lowered, lang) + GLOSSARY_EVIDENCE * in_glossary
    zipf_ = zipf(lowered, lang)
    value = rarity(zipf_, lang) * min(1.0, RARITY_EVIDENCE + shape)
    if zipf_ < (PERSON_SPECIALISED_ZIPF if person else SPECIALISED_ZIPF):
        # the domain's procedures (postanowienie, umieszczenie) and roles (psycholog)
        value = max(value, SPECIALISED_EVIDENCE)
    return value if noun_alone(lemma, forms, lang) else value * NOT_A_NOUN
