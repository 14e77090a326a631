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

from termbase.text.normalize import tokenize

# Endings of each paradigm, case by case. Singular: nominative, genitive, dative,
# accusative, instrumental, locative, vocative; after the bar the six plural cases.
_TABLE = {
    "as":     "as o ui ą u e e | ai ų ams us ais uose",                  # vyras
    "as_adj": "as o am ą u ame as | i ų iems us ais uose",               # geras
    "a":      "a os ai ą a oje a | os ų oms as omis ose",                # mokykla, seniūnija
    "ias":    "ias io iui ią iu yje y | iai ių iams ius iais iuose",     # kelias
    "is":     "is io iui į iu yje i | iai ių iams ius iais iuose",       # brolis
    "is_f":   "is ies iai į imi yje ie | ys ių ims is imis yse",         # viltis
    "is_adj": "is io iam į iu iame is | iai ių iams ius iais iuose",     # socialinis
    "nt_adj": "is io iam į iu iame is | ys ių iems ius iais iuose",      # patiriantis
    "us_part": "ęs usio usiam usį usiu usiame ęs | ę usių usiems usius usiais usiuose",  # suaugęs
    "ias_adj": "ias io iam ią iu iame ias | i ių iems ius iais iuose",   # vyriausias
    "ys":     "ys io iui į iu yje y | iai ių iams ius iais iuose",       # narys
    "us":     "us aus ui ų umi uje au | ūs ų ums us umis uose",          # sūnus
    "us_adj": "us aus iam ų iu iame us | ūs ių iems ius iais iuose",     # gražus
    "i_adj":  "i ios iai ią ia ioje i | ios ių ioms ias iomis iose",      # graži
    "ius":    "ius iaus iui ių iumi iuje iau | iai ių iams ius iais iuose",  # skaičius
    "uo":     "uo ens eniui enį eniu enyje enie | enys enų enims enis enimis enyse",  # vanduo
    "ia":     "ia ios iai ią ia ioje ia | ios ių ioms ias iomis iose",    # valia
    "ė":      "ė ės ei ę e ėje e | ės ių ėms es ėmis ėse",               # gėlė, socialinė
}
_PARADIGMS = {name: tuple(row.replace("|", "").split()) for name, row in _TABLE.items()}
SINGULAR = slice(0, 6)    # nom gen dat acc inst loc (the vocative, slot 6, is left out)
PLURAL = slice(7, 13)

# Word ending -> the paradigms it may follow; the longest matching ending wins. Adjectives
# get both genders, but only where the ending says adjective (-inis/-inė, participles in
# -ntis/-nti, -us/-i): a noun given adjective endings would collide with common words
# (kova "struggle" -> kovo "of March").
_BY_ENDING = {
    "ias": ("ias",), "ius": ("ius",), "uo": ("uo",), "ys": ("ys",), "ia": ("ia",),
    "is": ("is", "is_f"), "as": ("as",), "a": ("a",), "ė": ("ė",),
    "inis": ("is_adj", "ė"), "inė": ("ė", "is_adj"),
    "ntis": ("nt_adj", "i_adj"), "nti": ("i_adj", "nt_adj"), "mas": ("as", "as_adj"),
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
        for suffix in _PARADIGMS[name]:
            forms.update(_with_suffix(stem, suffix, hard))
        forms.update(_row(stem, name, False))   # the irregular spellings _row knows
    return frozenset(forms)


# The definite (pronominal) adjectives' nominatives, which the table leaves out:
# socialinis -> socialinisis, socialinė -> socialinioji, plural socialiniai -> socialinieji.
_DEFINITE_NOMINATIVES = ("sis", "oji", "ji", "ieji", "osios", "iosios", "ėsios", "ūs")


@functools.lru_cache(maxsize=None)
def _endings_by_case() -> tuple[tuple[str, bool], ...]:
    """(ending, whether it is a nominative) for every ending of the table, longest first."""
    nominative = {row[0] for row in _PARADIGMS.values()} | {
        row[7] for row in _PARADIGMS.values()} | set(_DEFINITE_NOMINATIVES)
    every = {ending for row in _PARADIGMS.values() for ending in row} | nominative
    return tuple((e, e in nominative) for e in sorted(every, key=len, reverse=True))


def may_be_nominative(word: str) -> bool:
    """Whether a noun or adjective form may be a nominative, singular or plural: its
    longest declension ending is one ("paslaugos" may be; "paslaugomis", "centre" may not).
    A word no ending fits may be anything."""
    low = word.lower()
    return next((nominative for ending, nominative in _endings_by_case()
                 if low.endswith(ending) and len(low) > len(ending)), True)


def spellings(stem: str, suffix: str) -> tuple[str, ...]:
    """stem + suffix, and its softened spelling where t/d meet i + a back vowel
    ("seniūnait" + "io": seniūnaitio, seniūnaičio)."""
    return _with_suffix(stem, suffix, None)


def _with_suffix(stem: str, suffix: str, hard: str | None) -> tuple[str, ...]:
    """stem + suffix, and the variant with t/d softened to č/dž before i + back vowel (or,
    for a stem given softened, hardened back before other endings)."""
    softens = suffix[:1] == "i" and suffix[1:2] in _BACK_VOWELS
    if softens and stem[-1:] in _SOFTENED:
        return stem + suffix, stem[:-1] + _SOFTENED[stem[-1]] + suffix
    if hard and not softens:  # patiriančios -> patirianti
        return stem + suffix, stem[: len(stem) - len(_SOFTENED[hard])] + hard + suffix
    return (stem + suffix,)


# --- whole phrases, for exports to CAT tools that know no Lithuanian morphology -------------

# A term's head is its last word before any preposition ("kova su skurdu"); modifiers
# before the head agree with it if they look like adjectives of its gender and number, and
# stay as they are otherwise (genitives: "socialinių paslaugų centras").
PREPOSITIONS = frozenset("su be į iš už per prie dėl apie po nuo pagal tarp ant iki ligi link"
                         .split())
# Head noun: ending -> (paradigms to choose from, gender, plural?)
_HEADS = {
    "ias": (("ias",), "m", False), "ius": (("ius",), "m", False), "uo": (("uo",), "m", False),
    "ys": (("ys", "is_f"), "?", None), "is": (("is", "is_f"), "?", False),
    "as": (("as",), "m", False), "us": (("us",), "m", False), "ia": (("ia",), "f", False),
    "a": (("a",), "f", False), "ė": (("ė",), "f", False),
    "iai": (("is", "ys", "ias"), "m", True), "ai": (("as",), "m", True),
    "enys": (("uo",), "m", True),
    "os": (("a",), "f", True), "ės": (("ė",), "f", True),
}
# Adjective before the head: (gender, plural?) -> ending -> paradigm.
_MODIFIERS = {
    ("m", False): {"inis": "is_adj", "ntis": "nt_adj", "ęs": "us_part", "ias": "ias_adj",
                   "us": "us_adj", "as": "as_adj"},
    ("f", False): {"inė": "ė", "nti": "i_adj", "usi": "i_adj", "i": "i_adj", "a": "a"},
    ("m", True): {"iniai": "is_adj", "ntys": "nt_adj", "ę": "us_part", "ūs": "us_adj",
                  "i": "as_adj"},
    ("f", True): {"inės": "ė", "usios": "i_adj", "ios": "i_adj", "os": "a"},
}
# An ending nouns share ("-os" of "gausios" and of "terapijos", "-inės" of "socialinės"
# and of "ligoninės") marks an adjective only if the dictionary files the word, or its
# masculine dative or locative singular (endings no noun has: "gausiam"), under the
# masculine adjective's own lemma.
_MASCULINE = {"as_adj": "as_adj", "a": "as_adj", "is_adj": "is_adj", "ė": "is_adj",
              "us_adj": "us_adj", "i_adj": "us_adj", "ias_adj": "ias_adj"}
_ADJECTIVE_ONLY_SLOTS = (2, 5)   # dative and locative singular: -am/-iam, -ame/-iame
# Words that end like nouns but are not heads that decline regularly: definite adjectives
# used as nouns, pronouns and numerals, and nouns with irregular stems.
_DEFINITE = ("ysis", "asis", "usis", "oji", "ioji", "ieji", "osios", "iosios")
_NOT_REGULAR = frozenset("vienas kitas pats tas šis kuris sesuo duktė mėnuo šuo moteris "
                         "žmogus naktis durys dantis pati seserys dukterys moterys naktys "
                         "dantys".split())
# What a word left fixed before the head must look like: a genitive ("socialinių paslaugų
# centras"). Anything else there may be a modifier these rules do not know, and inflecting
# the head alone would print ungrammatical forms; then no forms are generated at all.
_GENITIVE_ENDINGS = ("o", "os", "ės", "io", "ies", "aus", "ens", "ų", "ių")
_CONJUNCTIONS = frozenset({"ir", "bei", "ar"})   # "Socialinės apsaugos ir darbo ministerija"
_GENDER = {"is": "m", "ys": "m", "is_f": "f", "ias": "m"}
# Endings that mark an adjective or participle beyond doubt; others ("-us", "-a", "-os"...)
# are also genitives or nouns ("skyriaus vedėjas"), so the dictionary must know the word's
# other forms before it is inflected along with the head.
_SURE_ADJECTIVE = ("inis", "iniai", "inė", "ntis", "nti", "ntys", "ęs", "ę", "usi", "usios")


def _form(stem: str, suffix: str) -> str:
    """The one correct spelling of stem + suffix (softened where Lithuanian softens)."""
    hard = next((h for h, soft in _SOFTENED.items() if stem.endswith(soft)), None)
    forms = _with_suffix(stem, suffix, hard)
    return forms[-1]


def _row(stem: str, name: str, plural: bool) -> list[str]:
    row = [_form(stem, suffix) for suffix in _PARADIGMS[name][PLURAL if plural else SINGULAR]]
    if name == "as" and not plural and stem.endswith("j"):
        row[5] = stem + "uje"   # darbuotojas -> darbuotojuje, not *darbuotoje
    return row


def _own_ending(word: str, name: str, plural: bool) -> str | None:
    """The stem of `word` as the nominative of paradigm `name`, or None."""
    nominative = _PARADIGMS[name][7 if plural else 0]
    if not word.endswith(nominative) or len(word) - len(nominative) < MIN_STEM:
        return None
    return word[: len(word) - len(nominative)]


def _head(word: str, attested) -> tuple[str, str, str, bool] | None:
    """(stem, paradigm, gender, plural) of a nominative head noun. Where the ending allows
    several declensions, the one whose forms the dictionary knows best is taken."""
    ending = next((e for e in sorted(_HEADS, key=len, reverse=True) if word.endswith(e)), None)
    if ending is None or word in _NOT_REGULAR or word.endswith(_DEFINITE):
        return None
    names, gender, plural = _HEADS[ending]
    options: dict[tuple[str, ...], tuple[int, str, str, bool]] = {}
    for name in names:
        for number in ((False, True) if plural is None else (plural,)):
            stem = _own_ending(word, name, number)
            if stem is None:
                continue
            forms = tuple(_row(stem, name, True) if number else
                          _row(stem, name, False) + _row(stem, name, True))
            evidence = sum(f in attested for f in set(forms) - {word})
            options.setdefault(forms, (evidence, stem, name, number))
    ranked = sorted(options.values(), key=lambda option: -option[0])
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None  # unknown, or undecidable: better no forms than wrong ones
    _, stem, name, number = ranked[0]
    # "-ai" is also the dative of a feminine in -a: "šeimai" in "kompleksinės paslaugos
    # šeimai" is šeima's, not a plural of *šeimas. The dictionary tells them apart.
    lemma = attested.get(word) if hasattr(attested, "get") else None
    if name == "as" and number and lemma is not None and lemma.lower() == stem + "a":
        return None
    return stem, name, _GENDER.get(name, gender), number


def phrase_forms(term: str, attested=frozenset()) -> list[tuple[int, list[str]]]:
    """For each word (token) that inflects, its case forms - 6 singular then 6 plural, or
    the 6 plural ones for a plural head: [(token index, forms)]. Empty when the head is not
    recognised.
    `attested`: forms known to exist (a dictionary), to choose between declensions."""
    tokens = tokenize(term)
    words = [token.text.lower() for token in tokens]
    end = next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))
    if end == 0 or not tokens[end - 1].text.islower():
        return []  # names and abbreviations (NMA, Erasmus) are left alone
    if end < len(words) and words[end - 1].endswith(_GENITIVE_ENDINGS):
        return []  # "kovos su skurdu strategija": the head may come after the complement
    head = _head(words[end - 1], attested)
    if head is None:
        return []
    stem, name, gender, plural = head
    numbers = (True,) if plural else (False, True)
    rows = [(end - 1, [f for number in numbers for f in _row(stem, name, number)])]
    modifiers = _MODIFIERS.get((gender, plural), {})
    fixed_from = end - 2
    for i in range(end - 2, -1, -1):
        agreeing = _agreeing(words[i], modifiers, plural, numbers, attested)
        if agreeing is None:
            break
        rows.append((i, agreeing))
        fixed_from = i - 1
    fixed = words[:fixed_from + 1]
    if not all(word.endswith(_GENITIVE_ENDINGS) or word in _CONJUNCTIONS for word in fixed):
        return []
    if fixed and fixed[-1].endswith(tuple(modifiers)) and not _known_word(fixed[-1], attested):
        return []  # "pažeidžiamos grupės": an unknown adjective, or a genitive? Can't tell.
    if plural and _CONJUNCTIONS & set(fixed):
        return []  # "socialinės ir ekonominės teisės": coordinated adjectives, or not
    return rows


def _agreeing(word: str, modifiers: dict[str, str], plural: bool, numbers: tuple,
              attested) -> list[str] | None:
    """The forms of an adjective that agrees with the head, or None if `word` is not one."""
    ending = next((e for e in sorted(modifiers, key=len, reverse=True) if word.endswith(e)),
                  None)
    if ending is None:
        return None
    adjective = modifiers[ending]
    own = _own_ending(word, adjective, plural)
    if own is None or (ending == "us" and word.endswith("aus")):  # skyriaus: a genitive
        return None
    if not ending.endswith(_SURE_ADJECTIVE) and not _known_adjective(word, own, adjective,
                                                                         attested):
        return None
    return [f for number in numbers for f in _row(own, adjective, number)]


def _known_word(word: str, attested) -> bool:
    return hasattr(attested, "get") and attested.get(word) is not None


def _known_adjective(word: str, stem: str, paradigm_name: str, attested) -> bool:
    masculine = _MASCULINE.get(paradigm_name)
    if masculine is None or not hasattr(attested, "get"):
        return False
    lemma = stem + _PARADIGMS[masculine][0]
    singular = _row(stem, masculine, False)
    # The word itself is evidence only when it is not the masculine nominative, which a
    # noun in apposition shares ("gydytojas psichiatras").
    candidates = [singular[slot] for slot in _ADJECTIVE_ONLY_SLOTS]
    candidates += [word] if word != lemma else []
    return any((attested.get(form) or "").lower() == lemma for form in candidates)


# --- number and the nominative plural, for base forms of terms used in the plural -----------
_NOUN_PARADIGMS = frozenset({"as", "ias", "is", "is_f", "ys", "us", "ius", "uo", "a", "ia",
                             "ė"})
# Masculine adjective lemma ending -> (masculine paradigm, feminine paradigm, the part of
# the lemma the feminine stem drops)
_ADJECTIVE_LEMMAS = (("ntis", "nt_adj", "i_adj", "is"), ("inis", "is_adj", "ė", "is"),
                     ("ias", "ias_adj", "ia", "ias"), ("ęs", "us_part", "i_adj", "ęs"),
                     ("us", "us_adj", "i_adj", "us"), ("as", "as_adj", "a", "as"),
                     ("is", "is_adj", "ė", "is"))


def _noun_options(lemma: str) -> list[tuple[str, str]]:
    """(stem, paradigm) of a noun lemma under each declension its ending allows."""
    word = lemma.lower()
    ending = next((e for e in _ENDINGS if word.endswith(e)), None)
    if ending is None:
        return []
    options = []
    for name in _BY_ENDING[ending]:
        if name in _NOUN_PARADIGMS:
            stem = _own_ending(word, name, False)
            if stem is not None:
                options.append((stem, name))
    if word.endswith("enys") and len(word) - 4 >= MIN_STEM:
        options.append((word[:-4], "uo"))  # a lemma given in the plural: duomenys (duomuo)
    return options


def noun_numbers(form: str, lemma: str) -> frozenset[str]:
    """"sg", "pl" or both: the numbers `form` has as a case form of the noun `lemma`."""
    form = form.lower()
    found = set()
    for stem, name in _noun_options(lemma):
        if form in _row(stem, name, False):
            found.add("sg")
        if form in _row(stem, name, True):
            found.add("pl")
    return frozenset(found)


def noun_nominative_plural(lemma: str, seen=(), known=None) -> str | None:
    """The nominative plural of a noun lemma; where its ending allows two declensions
    (brolis/viltis), the one whose plural forms were `seen`, else the one `known(form)`
    (a dictionary) confirms; None when still unclear."""
    options = {_row(stem, name, True)[0]: sum(f in set(seen) for f in _row(stem, name, True))
               for stem, name in _noun_options(lemma)}
    if len(options) > 1:
        best = max(options.values())
        options = {form: n for form, n in options.items() if n == best}
    if len(options) > 1 and known is not None:
        options = {form: n for form, n in options.items() if known(form)}
    return next(iter(options)) if len(options) == 1 else None


def declined_adjective(lemma: str, gender: str, plural: bool) -> str | None:
    """The nominative ("m" or "f", singular or plural) of an adjective or participle given
    by its masculine nominative singular: socialinis -> socialinė, socialiniai, socialinės."""
    word = lemma.lower()
    for ending, masculine, feminine, dropped in _ADJECTIVE_LEMMAS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            stem = word[: len(word) - len(dropped)]
            if gender == "m":
                return _row(stem, masculine, plural)[0]
            if masculine == "us_part":
                stem += "us"   # suaugęs -> suaugusi, suaugusios
            return _row(stem, feminine, plural)[0]
    return None


DATIVE, LOCATIVE = 2, 5   # slots of a paradigm row


def case_slots(form: str, lemma: str) -> frozenset[int]:
    """The cases (paradigm slots: 0 nominative ... 5 locative) `form` can be as a form of
    the noun `lemma`, in either number."""
    form = form.lower()
    slots = set()
    for stem, name in _noun_options(lemma):
        for plural in (False, True):
            slots |= {k for k, f in enumerate(_row(stem, name, plural)) if f == form}
    return frozenset(slots)


def masculine_nominative(form: str, lemma_endings: tuple[str, ...]) -> str | None:
    """The masculine nominative singular of an adjective or participle seen in any form,
    its lemma ending in one of `lemma_endings` (a participle's kind: "as" passive, "ntis"
    present active, "ęs" past active), when only one way of declining explains the form
    (teikiamų -> teikiamas, budintiems -> budintis); None otherwise."""
    form = form.lower()
    found = set()
    for ending, masculine, feminine, dropped in _ADJECTIVE_LEMMAS:
        if ending not in lemma_endings:
            continue
        for name in (masculine, feminine):
            for suffix in set(_PARADIGMS[name]):
                if not form.endswith(suffix) or len(form) - len(suffix) < MIN_STEM:
                    continue
                stem = form[: len(form) - len(suffix)]
                for option in _hardened(stem):
                    if form not in _row(option, name, False) + _row(option, name, True):
                        continue
                    base = _hardened(option)[-1]   # lemmas are spelt with the hard stem
                    if masculine == "us_part" and name == "i_adj":
                        if not base.endswith("us"):
                            continue
                        base = base[:-2]             # suaugus|ios -> suaug|ęs
                    if (base + dropped).endswith(ending):  # not "socialinėj|is"
                        found.add(base + dropped)
    return next(iter(found)) if len(found) == 1 else None


def _hardened(stem: str) -> tuple[str, ...]:
    for hard, soft in _SOFTENED.items():
        if stem.endswith(soft):
            return stem, stem[: len(stem) - len(soft)] + hard
    return (stem,)


# --- definite (pronominal) adjectives: "laikinoji globa", "specialioji tikslinė dotacija" --
# Case endings only a definite adjective or participle has (the plain ones never end so).
DEFINITE_ENDINGS = ("asis", "ysis", "usis", "oji", "ieji", "osios", "ojo", "ajam", "ąjį",
                    "uoju", "ajame", "ajai", "ąją", "ąja", "ojoje", "ųjų", "iesiems",
                    "osioms", "uosius", "ąsias", "aisiais", "osiomis", "uosiuose",
                    "osiose", "ųjį", "įjį")  # (specialųjį, vidinįjį)
# Masculine lemma ending -> the definite nominatives: (m sg, f sg, m pl, f pl) endings
_DEFINITE_NOMINATIVE = (("ias", ("iasis", "ioji", "ieji", "iosios")),
                        ("is", ("ysis", "ioji", "ieji", "iosios")),
                        ("us", ("usis", "ioji", "ieji", "iosios")),
                        ("as", ("asis", "oji", "ieji", "osios")))


def is_definite(form: str) -> bool:
    return form.lower().endswith(DEFINITE_ENDINGS)


# Definite (pronominal) endings and the plain endings inside them, longest first.
_DEFINITE_TO_PLAIN = sorted({
    "asis": "as", "ojo": "o", "ajam": "am", "ąjį": "ą", "uoju": "u", "ajame": "ame",
    "oji": "a", "ajai": "ai", "ąją": "ą", "ąja": "a", "ojoje": "oje", "ieji": "i",
    "ųjų": "ų", "iesiems": "iems", "uosius": "us", "aisiais": "ais", "uosiuose": "uose",
    "osios": "os", "osioms": "oms", "ąsias": "as", "osiomis": "omis", "osiose": "ose",
    "ųjį": "ų", "įjį": "į",
}.items(), key=lambda item: -len(item[0]))


def indefinite(form: str) -> str:
    """The plain form inside a definite one, which the participle's declension explains:
    "nukentėjusiaisiais" -> "nukentėjusiais" (nukentėjęs); the definite nominative of a
    participle in -ęs is not made, its plain one is ("nukentėję asmenys")."""
    for definite, plain in _DEFINITE_TO_PLAIN:
        if form.endswith(definite):
            return form[: len(form) - len(definite)] + plain
    return form


def definite_nominative(lemma: str, gender: str, plural: bool) -> str | None:
    """The definite nominative of an adjective given by its masculine lemma: laikinas ->
    laikinasis, laikinoji, laikinieji, laikinosios; specialus -> specialioji."""
    word = lemma.lower()
    for ending, endings in _DEFINITE_NOMINATIVE:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            slot = (2 if plural else 0) + (gender == "f")
            return word[: len(word) - len(ending)] + endings[slot]
    return None


# --- agreement: which (number, case) a form can be -------------------------------------------
_ADJECTIVE_PARADIGMS = ("as_adj", "a", "is_adj", "ė", "us_adj", "i_adj", "ias_adj", "ia",
                        "nt_adj", "us_part")


def _slots_by_suffix(form: str, names) -> frozenset[tuple[bool, int]]:
    """(plural?, case) pairs of every paradigm slot whose ending the form has."""
    found = set()
    for name in names:
        row = _PARADIGMS[name]
        for slot, suffix in enumerate(row):
            stem = form[: len(form) - len(suffix)]
            if slot == 6 or not form.endswith(suffix) or len(stem) < MIN_STEM \
                    or stem[-1] in _VOWELS:  # "laikinai" is no "laikina" + "i"
                continue
            found.add((slot > 6, slot - 7 if slot > 6 else slot))
    return frozenset(found)


_VOWELS = frozenset("aąeęėiįyouųū")


def adjective_slots(form: str) -> frozenset[tuple[bool, int]]:
    """(plural?, case) readings an adjective or participle form may have, by its ending."""
    return _slots_by_suffix(form.lower(), _ADJECTIVE_PARADIGMS)


def noun_slots(form: str, lemma: str | None) -> frozenset[tuple[bool, int]]:
    """(plural?, case) readings of a noun form: from its lemma's paradigm when the lemma is
    known, else by its ending."""
    form = form.lower()
    if lemma:
        found = set()
        for stem, name in _noun_options(lemma):
            for plural in (False, True):
                found |= {(plural, k) for k, f in enumerate(_row(stem, name, plural))
                          if f == form}
        if found:
            return frozenset(found)
    return _slots_by_suffix(form, sorted(_NOUN_PARADIGMS))
