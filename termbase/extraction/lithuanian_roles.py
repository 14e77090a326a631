"""Lithuanian words that decline like nouns in the dictionary's eyes but stand outside
any term: finite verbs, adverbs, numerals and the units they count.

simplemma files a form under one lemma, and the analysis repairs a verb lemma to a noun of
the same stem where one declines to the form ("globos" -> globa). That repair also turns
finite verbs into genitives ("aplanko" -> aplankas, "lanko" -> lankas: "paslaugos gavėją
aplanko mobilioji komanda"), and the dictionary keeps some verb forms as lemmas of their
own ("moka"). A third person of the present or past tense is told by its first person
plural: the form plus -me ("aplankome", "mokame") is a form of a verb in -ti. Where the
form is also a real noun's ("aprašo", "įrašo"), general-language frequency decides: the
word is a verb only when its verb is clearly commoner than the noun's other forms.

Adverbs made from adjectives end in -(i)ai, like a masculine plural, and the dictionary
keeps some as lemmas ("tiesiogiai", "dažnai"); a few instrumentals are adverbs of manner
("raštu"); numerals ("keturiolika", "trisdešimties", "aštuntos") and the units counted
after a number or a preposition of time ("šimtą eurų", "per keturiolika dienų", "per
mėnesį") are no part of a term either. Prepositions that govern the genitive end a
candidate at their object's last genitive ("dėl integralios pagalbos | gyventojai").
"""

from __future__ import annotations

import functools

from termbase.extraction.stopwords import is_time_unit
from termbase.extraction.termhood import general_frequency
from termbase.text import dictionary
from termbase.text.lithuanian import paradigm

# A verb must be this many times commoner in general language than the noun's other
# forms before a form both may be is read as the verb.
VERB_DOMINANCE = 2.0
_CARDINALS = frozenset("vienas du trys keturi penki šeši septyni aštuoni devyni dešimt "
                       "vienuolika dvylika trylika keturiolika penkiolika šešiolika "
                       "septyniolika aštuoniolika devyniolika šimtas tūkstantis "
                       "milijonas".split())
_CARDINAL_ENDINGS = ("dešimt",)   # dvidešimt ... devyniasdešimt
# Ordinals from the third up ("aštuntos valandos"; pirmas and antras name kinds too:
# "pirmoji pagalba"), by the feminine stem the dictionary files some of them under.
_ORDINALS = frozenset("trečia ketvirta penkta šešta septinta aštunta devinta dešimta "
                      "šimta tūkstanta".split())
_ORDINAL_ENDINGS = ("likta", "dešimta")
# Prepositions of time: "per mėnesį", "nuo aštuntos", "kas savaitę".
_TIME_PREPOSITIONS = frozenset("per nuo iki po kas".split())
# Currency and share units: counted, never a term's first word ("šimtą eurų ...").
_MEASURE_UNITS = frozenset("euras centas procentas litas".split())
_ADVERB_BASES = ("as", "us", "is", "inis")


# Instrumentals used as adverbs of manner: "pateikia raštu" (in writing), "žodžiu".
_ADVERBIAL_INSTRUMENTALS = frozenset({"raštu", "žodžiu"})


def adverbial_instrumental(low: str) -> bool:
    return low in _ADVERBIAL_INSTRUMENTALS


def _verb(lemma: str) -> bool:
    return lemma.endswith(("ti", "tis"))


def is_numeral(lemma: str) -> bool:
    """A numeral's lemma: cardinal ("septyniolika", "trisdešimt", "šimtas") or ordinal
    from the third up ("aštuntas", "šešioliktas")."""
    if lemma in _CARDINALS or lemma.endswith(_CARDINAL_ENDINGS):
        return True
    feminine = lemma[:-1] if lemma.endswith("as") else lemma
    return feminine in _ORDINALS or feminine.endswith(_ORDINAL_ENDINGS)


def is_measure_unit(lemma: str) -> bool:
    return lemma in _MEASURE_UNITS


@functools.lru_cache(maxsize=None)
def finite_verb(low: str, noun_lemma: str) -> bool:
    """Whether a lower-case form read as a form of `noun_lemma` is the third person of a
    verb: its first person plural (form + -me) is a verb's form in the dictionary, and
    the verb is VERB_DOMINANCE times commoner than any other form of the noun."""
    plural = low + "me"
    if not dictionary.known(plural, "lt"):
        return False
    verb = dictionary.lemmatize(plural, "lt")
    if not _verb(verb):
        return False
    others = [general_frequency(form, "lt") for form in paradigm(noun_lemma)
              if form != low and not _verb(dictionary.lemmatize(form, "lt"))]
    return general_frequency(verb, "lt") > VERB_DOMINANCE * max(others, default=0.0)


@functools.lru_cache(maxsize=None)
def adverb_of_adjective(low: str, lemma: str) -> bool:
    """A form in -(i)ai the dictionary keeps as its own lemma while an adjective of its stem
    exists: "tiesiogiai" (tiesioginis), "dažnai" (dažnas), "gražiai" (gražus)."""
    if low != lemma or not low.endswith("ai"):
        return False
    stems = {low[:-2], low[:-3]} if low.endswith("iai") else {low[:-2]}
    return any(dictionary.is_lemma(stem + ending, "lt")
               for stem in stems for ending in _ADVERB_BASES)


def counted_units(words: list[str], lemmas: list[str]) -> set[int]:
    """Positions of a unit of time right after a numeral word ("keturiolika dienų",
    "dešimties valandų") or a preposition of time ("per mėnesį", "kas savaitę"): a
    quantity or a time, never part of a term (as after a digit)."""
    return {k for k in range(1, len(words)) if is_time_unit(words[k].lower(), "lt") and (
        is_numeral(lemmas[k - 1]) or words[k - 1].lower() in _TIME_PREPOSITIONS)}


# "[teisės aktų] nustatyta tvarka": "in the manner laid down (by ...)", an instrumental
# of manner, never a term; nor is the genitive before it a term's part.
_MANNER_NOUNS = frozenset({"tvarka", "tvarkomis"})
_MANNER_PARTICIPLE = ("nustatyta", "numatyta", "patvirtinta", "nurodyta", "apibrėžta",
                      "reglamentuota", "nustatytąja", "numatytąja")


def manner_formula(words: list[str]) -> set[int]:
    """Positions of "nustatyta tvarka" and the like: a participle and the noun of manner
    after it."""
    return {p for k in range(1, len(words)) if words[k].lower() in _MANNER_NOUNS
            and words[k - 1].lower().endswith(_MANNER_PARTICIPLE) for p in (k - 1, k)}


# Prepositions that govern the genitive alone: the genitive phrase after one is its object.
_GENITIVE_PREPOSITIONS = frozenset("dėl iš nuo iki be prie tarp vietoj link virš šalia "
                                   "arti".split())
_GENITIVE_ENDINGS = ("ų", "os", "ės", "o", "io", "aus", "iaus", "ies", "ens", "ers")


def past_a_genitive_object(before: list[str], last: str) -> bool:
    """Whether words ending in `last`, whose first word ends `before`, run past the object
    of a preposition that governs the genitive: its object's words are all genitives, so
    when the first word and all between it and the preposition are genitives, a last word
    that cannot be one belongs to the clause ("dėl integralios [pagalbos] gyventojai
    kreipiasi")."""
    if len(before) < 2 or last.lower().endswith(_GENITIVE_ENDINGS):
        return False
    for word in reversed(before):
        low = word.lower()
        if low in _GENITIVE_PREPOSITIONS:
            return True
        if not low.endswith(_GENITIVE_ENDINGS):
            return False
    return False


# Derivational suffixes of nouns that name a person by occupation or role (agent nouns in
# -tojas/-ėjas, -ininkas, professions in -ologas, -terapeutas, -iatras, -istas, -agogas),
# masculine and feminine: like Polish m1 nouns (`persons`), specialised vocabulary up to a
# higher general-language frequency ("psichologas", "slaugytojas", "globėjas").
_ROLE_SUFFIXES = ("tojas", "toja", "ėjas", "ėja", "ininkas", "ininkė", "ologas", "ologė",
                  "terapeutas", "terapeutė", "iatras", "iatrė", "istas", "istė", "agogas",
                  "agogė")


def names_a_role(lemma: str) -> bool:
    """Whether a Lithuanian noun lemma is a person's occupation or role by its suffix."""
    return lemma.endswith(_ROLE_SUFFIXES)


# A person "with" or "without" something is a kind of person ("asmenys su negalia",
# "vaikai be tėvų globos"); after any other preposition a role's complement belongs to the
# clause ("lankytojai [atvyksta] į centrą", "globėjai nuo [nustatymo dienos]").
_KIND_OF_PERSON = frozenset({"su", "be"})


def role_in_a_circumstance(key: tuple[str, ...], shape: str) -> bool:
    """Whether a phrase is a role noun followed by a prepositional complement other than
    "su"/"be": seldom a term unless the text repeats it or the termbase has it."""
    p = next((n for n, letter in enumerate(shape) if letter in "Pp"), None)
    return p is not None and 0 < p < len(key) and names_a_role(key[p - 1]) \
        and key[p] not in _KIND_OF_PERSON


# Nouns that name a kind of institution or body: the head of an official name ("Techninės
# pagalbos neįgaliesiems centras", "Neįgaliųjų reikalų departamentas").
_INSTITUTIONS = frozenset({
    "centras", "skyrius", "departamentas", "tarnyba", "ministerija", "fondas", "agentūra",
    "inspekcija", "įstaiga", "taryba", "komisija", "biuras", "teismas", "administracija",
    "seniūnija", "institutas", "universitetas", "kolegija", "mokykla", "ligoninė",
    "draugija", "asociacija", "sąjunga", "valdyba", "vyriausybė", "seimas", "poliklinika"})


def names_an_institution(lemma: str) -> bool:
    return lemma in _INSTITUTIONS
