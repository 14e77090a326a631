"""Lithuanian base forms: "socialinių paslaugų centro" -> "socialinių paslaugų centras".

The head is the last noun before any preposition; genitives before it stay as they are,
the head takes its nominative singular (simplemma's lemma) and the adjectives right before
it the nominative of the head's gender: the masculine is the lemma, the feminine is
accepted when the dictionary lists it for that lemma or the input shows it ("socialinė");
a participle's nominative must have been seen.

Words simplemma does not know ("vizitas", "nevyriausybinis"; the text shows "vizito,
vizitą, vizitus" and "nevyriausybinių, nevyriausybines") get their nominative from their
paradigm: each declension class has its own endings, the class whose endings explain most
forms seen on the stem is the word's, and its nominative is the stem plus the class's first
ending. Only a class supported by two seen forms (one for an adjective in -inis, the most
regular class) is used, so a nominative is inferred from evidence, never guessed; when
nothing can be inferred, the phrase is shown in its most nominative-looking seen form.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable

from termbase.extraction.analysis import (ADJ, NOUN, PREP, WordInfo, analyse, head_position,
                                          LT_GENITIVE_ENDINGS, lithuanian_adjective,
                                          lithuanian_noun_gender)
from termbase.extraction.attachment import attachments, lithuanian_gender
from termbase.extraction.lithuanian_datives import dative_complement, governs_dative
from termbase.extraction.lithuanian_gender import feminine_role, may_be_feminine_role
from termbase.extraction.lithuanian_roles import names_an_institution
from termbase.extraction.stopwords import is_time_unit
from termbase.text import dictionary
from termbase.text.lithuanian import (DATIVE, LOCATIVE, case_slots, declined_adjective,
                                      adjective_slots, definite_nominative, indefinite,
                                      is_definite, masculine_nominative, noun_nominative_plural,
                                      noun_numbers, noun_slots, paradigm, spellings)
from termbase.text.normalize import tokenize

FormsOf = Callable[[str], Counter]
_FEMININE_OF = (("inis", "inė"), ("ias", "ia"), ("is", "ė"), ("as", "a"), ("us", "i"))
_NOMINATIVE_SINGULAR = ("as", "is", "ys", "us", "uo", "a", "ė")
_NOMINATIVE_LIKE = _NOMINATIVE_SINGULAR + ("i", "ai", "iai", "os", "ės")
_PARTICIPLE_NOMINATIVE = {"m": ("amas", "imas", "omas", "tas", "ęs", "ąs", "įs"),
                          "f": ("ama", "ima", "oma", "ta", "usi", "anti", "inti")}
GENITIVE_PLURAL = "ų"
_GENITIVE = GENITIVE_ENDINGS = LT_GENITIVE_ENDINGS

# (nominative singular ending, gender, all endings of the class)
NOUN_CLASSES = (
    ("as", "m", ("as", "o", "ui", "ą", "u", "e", "ai", "ų", "ams", "us", "ais", "uose")),
    ("is", "m", ("is", "io", "iui", "į", "iu", "yje", "iai", "ių", "iams", "ius", "iais",
                 "iuose")),
    ("ys", "m", ("ys", "io", "iui", "į", "iu", "yje", "iai", "ių", "iams", "ius", "iais",
                 "iuose")),
    ("us", "m", ("us", "aus", "ui", "ų", "umi", "uje", "ūs", "ums", "umis", "uose")),
    ("a", "f", ("a", "os", "ai", "ą", "oje", "ų", "oms", "as", "omis", "ose")),
    ("ė", "f", ("ė", "ės", "ei", "ę", "e", "ėje", "ių", "ėms", "es", "ėmis", "ėse")),
)
ADJECTIVE_IN = {  # -inis / -inė, by far the commonest adjective class of the domain
    "m": ("is", ("is", "io", "iam", "į", "iu", "iame", "iai", "ių", "iams", "ius", "iais",
                 "iuose")),
    "f": ("ė", ("ė", "ės", "ei", "ę", "e", "ėje", "ių", "ėms", "es", "ėmis", "ėse")),
}


def _support(stem: str, endings: Iterable[str], seen: set[str]) -> int:
    """How many of the endings the text shows on the stem, softened where Lithuanian
    softens ("seniūnaičio", not "seniūnaitio")."""
    return sum(any(form in seen for form in spellings(stem, ending))
               for ending in set(endings))


def noun_nominative(stem: str, seen: Iterable[str]) -> tuple[str, str] | None:
    """(nominative singular, gender) of a noun from the forms seen on its stem."""
    seen = set(seen)
    for nominative, gender, endings in NOUN_CLASSES:  # a suffix that declines one way
        if stem.endswith(_ONE_CLASS_SUFFIXES.get(nominative, "\0")) \
                and _support(stem, endings, seen):  # ("motyvaciją" is no -as noun's)
            return stem + nominative, gender
    best = max(NOUN_CLASSES, key=lambda c: _support(stem, c[2], seen))
    support = _support(stem, best[2], seen)
    if support < 2 and not (support and stem.endswith(_ONE_CLASS_SUFFIXES.get(best[0], "\0"))):
        return None
    return stem + best[0], best[1]


# Noun suffixes that decline one way only, so that one form seen settles the nominative:
# the loanwords in -ija (supervizija, ergoterapija), the agent nouns in -tojas, -ėjas and
# the verbal nouns in -imas, -ymas (apnakvindinimas), the abstract nouns in -umas
# (privatumas, from privatus), the therapists in -eutas (ergoterapeutas) and the
# diminutives in -aitis (seniūnaitis, whose -aitė feminine takes the -ė endings).
_ONE_CLASS_SUFFIXES = {"a": ("ij",), "as": ("toj", "ėj", "im", "ym", "um", "eut"),
                       "is": ("ait",)}


# -yvus / -yvi, the loan adjectives (pozityvus, kreatyvus, inkliuzyvus)
ADJECTIVE_YV = {
    "m": ("us", ("us", "aus", "iam", "ų", "iu", "iame", "ūs", "ių", "iems", "ius", "iais",
                 "iuose")),
    "f": ("i", ("i", "ios", "iai", "ią", "ia", "ioje", "ių", "ioms", "ias", "iomis", "iose")),
}
# -alus / -ali declines as -yvus does (integralus, formalus, individualus)
_ADJECTIVE_CLASSES = {"in": ADJECTIVE_IN, "yv": ADJECTIVE_YV, "al": ADJECTIVE_YV}


def adjective_nominative(stem: str, gender: str, seen: Iterable[str]) -> str | None:
    """Nominative singular of an -inis or -yvus adjective in `gender` ("m" or "f")."""
    table = _ADJECTIVE_CLASSES.get(stem[-2:])
    if table is None:
        return None
    seen = set(seen)
    if not any(_support(stem, endings, seen) for _nominative, endings in table.values()):
        return None
    return stem + table[gender][0]


# Nouns whose terms take a complement in the dative ("kompleksinės paslaugos šeimai",
# "pagalba vaikams") or the locative ("smurtas artimoje aplinkoje"); elsewhere a dative or
# locative after a genitive belongs to its own phrase ("organizacijos vadovui").
COMPLEMENT_CASE = {lemma: DATIVE for lemma in ("paslauga", "pagalba", "parama", "išmoka",
                                               "nuolaida", "lengvata", "kompensacija",
                                               "pašalpa")}
# A threat or harm to someone: "grėsmė vaikui", "žala sveikatai".
COMPLEMENT_CASE.update({lemma: DATIVE for lemma in ("grėsmė", "pavojus", "žala")})
# Care given at a place: "socialinė globa institucijoje", "globa asmens namuose"
# (the head in the nominative only: "vaikų globos namuose" is in a children's home).
COMPLEMENT_CASE.update({"smurtas": LOCATIVE, "globa": LOCATIVE, "priežiūra": LOCATIVE,
                        "apgyvendinimas": LOCATIVE})  # "apgyvendinimas krizių centre"
_VERBAL_NOUN_ENDINGS = ("imas", "ymas")


def complement_case(words: list[str], infos: list[WordInfo], p: int) -> int | None:
    """The case of the complement the noun at p takes: its own (COMPLEMENT_CASE), or the
    dative for a verbal noun after its genitive object, an action done for someone
    ("vaiko grąžinimas tėvams", "paslaugų teikimas asmenims"); a verbal noun alone may
    be the genitive modifier of a dative head ("[slaugymo] specialistui")."""
    case = COMPLEMENT_CASE.get(infos[p].key)
    if case is not None or p == 0:
        return case
    key = infos[p].key
    verbal = key.endswith(_VERBAL_NOUN_ENDINGS) or (
        key.startswith("~") and key.endswith(("im", "ym")))
    if verbal and infos[p - 1].role == NOUN and words[p - 1].lower().endswith(_GENITIVE):
        return DATIVE
    return None


def head_of(words: list[str]) -> int | None:
    """The head: the last noun before any preposition, or, for a noun that takes one,
    before its complement in the dative or locative (a genitive may stand in the
    complement: "globa [asmens] namuose")."""
    after = head_after_object(words)
    if after is not None:
        return after
    h = head_position(words, "lt")
    if h is None:
        return None
    infos = [analyse(w, "lt") for w in words]
    for p in range(h - 1, -1, -1):
        info = infos[p]
        if info.role == ADJ:
            continue
        if info.role != NOUN:
            return h
        case = complement_case(words, infos, p)
        if case == DATIVE and words[p].lower().endswith(GENITIVE_PLURAL):
            case = None  # "socialinių paslaugų projektams": a genitive plural is a modifier
        if case is None or (case == LOCATIVE and words[p].lower().endswith(_GENITIVE)):
            if words[p].lower().endswith(_GENITIVE):
                continue  # perhaps inside the complement
            return h
        if _complement(words, p + 1, h, case):
            return p
    return h


def _complement(words: list[str], start: int, end: int, case: int) -> bool:
    """Words start..end are nouns that can only be in `case`, adjectives, and genitives
    before the last."""
    for p in range(start, end + 1):
        info = analyse(words[p], "lt")
        if info.role not in (NOUN, ADJ):
            return False
        if info.role == ADJ:
            # an adjective of the complement's noun or of a genitive in it ("paslaugos
            # [senyvo] amžiaus asmenims"), not a clause's participle ("paslauga
            # [skiriama] šeimos nariams")
            if not (_may_be_in(words[p], case) or p < end and _may_be_in(words[p], 1)):
                return False
            continue
        if p < end and words[p].lower().endswith(_GENITIVE):
            continue
        if info.key.startswith("~") or case_slots(words[p], info.key) != {case} \
                or _recipient(info, case):
            return False
    return True


def _recipient(info: WordInfo, case: int) -> bool:
    """An institution in the dative is whom something is sent or given to in the clause,
    not the complement of a term: "pateikia prašymą [Socialinės paramos] skyriui", unlike
    "parama šeimai" or "pagalba vaikui"."""
    return case == DATIVE and names_an_institution(info.key)


def nominative_part(words: list[str]) -> list[int]:
    """Positions the base form puts in the nominative: the head, the adjectives right
    before it (a feminine genitive's ending is a nominative plural's too: "administracijos
    [Socialinės paramos]"), and before them any word not in the genitive."""
    h = head_of(words)
    if h is None:
        return []
    first = h
    while first > 0 and analyse(words[first - 1], "lt").role == ADJ:
        first -= 1
    return [p for p in range(h + 1) if p >= first or not words[p].lower().endswith(
        GENITIVE_ENDINGS)]


def _may_be_in(adjective: str, case: int) -> bool:
    """Whether an adjective or participle form (plain or definite) can be in `case`."""
    low = adjective.lower()
    plain = indefinite(low) if is_definite(low) else low
    return any(slot == case for _plural, slot in adjective_slots(plain))


def genitive_head(words: list[str]) -> bool:
    """Whether the head is in the genitive, or a genitive plural before it hides one that
    takes a dative ("kompleksinių paslaugų šeimai"): other variants say more."""
    h = head_of(words)
    return h is not None and (words[h].lower().endswith(_GENITIVE)
                              or _genitive_plural_before(words, h))


def _genitive_plural_before(words: list[str], h: int) -> bool:
    """A genitive plural of a noun that could take the dative head as its complement."""
    return any(word.lower().endswith(GENITIVE_PLURAL)
               and COMPLEMENT_CASE.get(analyse(word, "lt").key) == DATIVE for word in words[:h])


def used_in_plural(variants: list[list[str]], forms_of: FormsOf,
                   nominative_plurals: frozenset = frozenset(), keys: tuple[str, ...] = ()
                   ) -> bool:
    """Whether the head was seen in plural forms only ("globos namuose, globos namų"):
    then the base form is the nominative plural ("globos namai"). `nominative_plurals`:
    lemma keys the input shows in a form that can only be read as a nominative plural
    there (see `headings`); `keys`: the candidate's lemma key, whose lexeme settles the
    head's declension ("direktorių" filed under direktorė is a genitive plural only, under
    direktorius an accusative singular too)."""
    plural = False
    unambiguous = [w for w in variants if (h := head_of(w)) is None
                   or not _genitive_plural_before(w, h)]
    for words in unambiguous or variants:
        h = head_of(words)
        if h is None:
            return False
        lemma = _noun_lemma(words[h], forms_of, keys[h] if len(keys) == len(words) else None)
        if lemma is None:
            return False
        numbers = _numbers(words[h], lemma[0])
        if may_be_feminine_role(words[h], lemma[0]):  # "(socialinei) darbuotojai": the
            numbers |= noun_numbers(words[h], feminine_role(lemma[0]))  # feminine's dative
        if "sg" in numbers and "pl" in numbers:  # "taisyklės": what else the text shows
            numbers = _document_numbers(words[h], lemma[0], forms_of, nominative_plurals)
        if "pl" not in numbers or "sg" in numbers:
            if numbers:  # a singular (or a form that may be one) settles it
                return False
            continue
        plural = True
    return plural


# Nouns whose plural has another stem: (the plural's stem, its nominative).
SUPPLETIVE_PLURAL = {"žmogus": ("žmon", "žmonės")}


def _numbers(word: str, lemma: str) -> frozenset[str]:
    """The numbers a form of the noun may have, a suppletive plural's too ("žmonėms")."""
    suppletive = SUPPLETIVE_PLURAL.get(lemma)
    if suppletive is not None:
        return frozenset({"pl"} if word.lower().startswith(suppletive[0]) else {"sg"})
    return noun_numbers(word, lemma)


def _document_numbers(word: str, lemma: str, forms_of: FormsOf,
                      nominative_plurals: frozenset = frozenset()) -> set[str]:
    """{"pl"} when every form of the word's lemma in the whole input may be a plural and
    one can only be ("taisyklės" beside "taisyklėmis", or "taisyklės" ending a document's
    title, in `nominative_plurals`): a noun the text uses in the plural only; else the
    numbers of the word itself. A genitive plural is no evidence: numbers and amounts
    take it ("30 dienų")."""
    own = noun_numbers(word, lemma)
    if is_time_unit(word.lower(), "lt"):
        return own  # "nuo nustatymo dienos" beside "tris darbo dienas": a counted unit
    key = analyse(word, "lt").key
    readings = {form: noun_numbers(form, lemma) for form in forms_of(key)}
    if lemma in readings:
        return own  # the lemma itself seen: a nominative singular ("poreikis, poreikius")
    if readings and all("pl" in numbers for numbers in readings.values()) and (
            key in nominative_plurals or any(
                numbers == {"pl"} and not form.endswith(GENITIVE_PLURAL)
                for form, numbers in readings.items())):
        return {"pl"}
    return own


def adjective_homographs(words: list[str], infos: list[WordInfo]) -> list[WordInfo]:
    """`infos`, with nouns in -inė that are also the feminine of an -inis adjective the
    dictionary has ("piniginė", a purse, and piniginis, in cash) read as the adjective
    where they agree with the feminine word after them: "piniginės socialinės paramos",
    "piniginės išmokos"."""
    result = list(infos)
    for k in range(len(words) - 1):
        info, after = infos[k], infos[k + 1]
        if info.role != NOUN or not info.key.endswith("inė") or after.role not in (NOUN, ADJ):
            continue
        masculine = info.key[:-1] + "is"
        word, following = words[k].lower(), words[k + 1].lower()
        theirs = adjective_slots(following) if after.role == ADJ else noun_slots(
            following, None if after.key.startswith("~") else after.key)
        if lithuanian_adjective(masculine) and lithuanian_gender(following) == "f" \
                and adjective_slots(word) & theirs:
            result[k] = WordInfo(masculine, ADJ)
    return result


# Endings only a plural case has, of the noun classes in NOUN_CLASSES, with the nominative
# plural and the gender they mark (longest first).
_OBLIQUE_PLURAL = (("iuose", "iai", "m"), ("iams", "iai", "m"), ("iais", "iai", "m"),
                   ("uose", "ai", "m"), ("ėmis", "ės", "f"), ("omis", "os", "f"),
                   ("ams", "ai", "m"), ("ais", "ai", "m"), ("oms", "os", "f"),
                   ("ėms", "ės", "f"), ("ėse", "ės", "f"), ("ose", "os", "f"))


def _plural_of_oblique(word: str) -> tuple[str, str] | None:
    """(nominative plural, gender) of a noun the dictionary lacks, seen in a case whose
    ending only the plural has ("seniūnaičiais" -> seniūnaičiai): the singular cannot be
    told from one form (-as or -is), the plural can."""
    for ending, nominative, gender in _OBLIQUE_PLURAL:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: len(word) - len(ending)] + nominative, gender
    return None


# Case endings of the feminine -is declension (viltis) no other noun class has.
_FEMININE_I_ONLY = ("ies", "imi", "ims", "imis", "yse")


def _feminine_i_stem(forms: list[str], h: int, seen: Counter) -> tuple[str, str] | None:
    """(nominative, "f") of a noun the dictionary lacks, of the feminine -is declension
    (the abstract nouns in -tis: įtrauktis, atskirtis): one of its forms has an ending only
    that declension has, or its accusative in -į follows a feminine adjective ("socialinę
    įtrauktį"; a masculine's -į may be an -ys noun's)."""
    word = forms[h]
    own = next((e for e in _FEMININE_I_ONLY + ("į",) if word.endswith(e)), None)
    if own is None or len(word) - len(own) < 3:
        return None
    sure = any(form.endswith(_FEMININE_I_ONLY) for form in seen)
    feminine = own == "į" and h > 0 and forms[h - 1].endswith("ę") \
        and analyse(forms[h - 1], "lt").role == ADJ
    return (word[: len(word) - len(own)] + "is", "f") if sure or feminine else None


def _noun_lemma(word: str, forms_of: FormsOf, lexeme: str | None = None
                ) -> tuple[str, str] | None:
    """(nominative singular, gender) of a noun, inferred for words the dictionary lacks;
    `lexeme` is the key the input's forms settled on for it ("išlaidų", which the
    dictionary files under the adjective išlaidus, is išlaidos where the text has
    "išlaidos")."""
    key = analyse(word, "lt").key
    if lexeme and lexeme != key and not lexeme.startswith("~") and "|" not in lexeme \
            and not key.startswith("~"):
        key = lexeme
    if key.startswith("~"):
        return noun_nominative(key[1:], forms_of(key))
    return key, lithuanian_noun_gender(key)


# Nouns used in the plural only, under the singular lemma simplemma files their forms
# under (or an adjective's, "išlaidų" under išlaidus): a genitive plural alone says
# nothing of the number, these are never singular ("slaugos išlaidos", "asmens pajamos").
PLURAL_ONLY = {"išlaidus": "išlaidos", "išlaida": "išlaidos", "pajama": "pajamos",
               "lėša": "lėšos", "dirbtuvė": "dirbtuvės", "palūkana": "palūkanos",
               "atostoga": "atostogos", "kapinė": "kapinės", "vestuvė": "vestuvės",
               "kelnė": "kelnės", "įkurtuvė": "įkurtuvės"}
_PLURAL_ONLY_NOMINATIVES = frozenset(PLURAL_ONLY.values())


def base_words(words: list[str], forms_of: FormsOf, plural: bool = False,
               keys: tuple[str, ...] = (), unchanging: frozenset = frozenset()
               ) -> list[str] | None:
    """The phrase's words with head and agreeing adjectives in the nominative (plural when
    `plural`); None when one of them cannot be made with certainty (see `most_nominative`).
    `keys`: the candidate's lemma key, word by word; `unchanging`: positions the text
    shows keeping their form while the head's changes (no agreeing adjective there)."""
    h = head_of(words)
    if h is None:
        return None
    forms = [w.lower() for w in words]
    lemma = _noun_lemma(words[h], forms_of, keys[h] if len(keys) == len(words) else None)
    if lemma is None:
        if analyse(words[h], "lt").key[:1] != "~":
            return None
        oblique = _plural_of_oblique(forms[h])
        if oblique is not None:
            plural = True  # seen in a plural case only: its nominative plural
            forms[h], gender = oblique
        else:  # "socialinę įtrauktį" -> "socialinė įtrauktis"
            singular = _feminine_i_stem(forms, h, forms_of(analyse(words[h], "lt").key))
            if singular is None:
                return None
            (forms[h], gender), plural = singular, False
    elif lemma[0] in PLURAL_ONLY or lemma[0] in _PLURAL_ONLY_NOMINATIVES:
        # "slaugos išlaidų" -> "slaugos išlaidos"; a lemma given in the plural ("pajamos")
        forms[h], gender, plural = PLURAL_ONLY.get(lemma[0], lemma[0]), "f", True
    elif plural and lemma[0] in SUPPLETIVE_PLURAL:  # "vieniši žmonės"
        forms[h], gender = SUPPLETIVE_PLURAL[lemma[0]][1], "m"
    elif plural:
        forms[h], gender = lemma
        lemma_ = forms[h]
        forms[h] = noun_nominative_plural(lemma_, forms_of(analyse(words[h], "lt").key),
                                          lambda form: dictionary.is_form_of(form, lemma_,
                                                                             "lt"))
        if forms[h] is None:
            return None
    else:
        forms[h], gender = lemma
    infos = adjective_homographs(words, [analyse(w, "lt") for w in words])
    attach = attachments(words, infos, "lt")
    for p in range(h - 1, -1, -1):
        info = infos[p]
        if info.role == NOUN and (words[p].lower().endswith(_GENITIVE)
                                  or _governed(words, infos, p)):
            continue  # a genitive between the head and its adjective: "[vaikų globos]",
            # or its complement: "antrasis [grėsmės vaikui] lygis"
        if info.role != ADJ:
            break
        if governed_adjective(words, p) or _modified(words, infos, attach, p) != h \
                or _substantive_genitive(words, p) or p in unchanging:
            continue  # the adjective of a genitive: "vieniši [senyvo] amžiaus asmenys"
        forms[p] = adjective_form(info, gender, forms_of, words[p], plural)
        if forms[p] is None:
            return None
    return forms


def _modified(words: list[str], infos: list[WordInfo], attach: list[int], p: int
              ) -> int | None:
    """The noun the adjective at p modifies: the first after it that it can agree with
    in number and case ("tarpines [veiklos] ataskaitas"); by `attachments` when the
    endings say nothing."""
    ours = adjective_slots(words[p])
    gender = lithuanian_gender(words[p].lower())
    for m in range(p + 1, len(words)):
        if infos[m].role != NOUN:
            continue
        known = not infos[m].key.startswith("~")
        theirs = noun_slots(words[m], infos[m].key if known else None)
        if not ours or not theirs:
            break
        if ours & theirs and not (gender and known
                                  and lithuanian_noun_gender(infos[m].key) != gender):
            return m  # "Bendrojo [duomenų apsaugos] reglamento": the masculine skips apsaugos
    return p + attach[p] if attach[p] else None


def adjective_form(info: WordInfo, gender: str, forms_of: FormsOf, seen_as: str = "",
                   plural: bool = False) -> str | None:
    """Nominative of an adjective (or participle) for a head of `gender` and number;
    `seen_as` is the form in the phrase."""
    lemma = info.key
    if info.participle:  # the lemma is the verb: decline the form seen, or find a nominative
        plain = indefinite(seen_as.lower()) if seen_as and is_definite(seen_as) else seen_as
        masculine = masculine_nominative(plain, _participle_kind(plain)) if seen_as \
            else None
        if masculine:
            return declined_adjective(masculine, gender, plural)
        if plural:
            return None
        endings = _PARTICIPLE_NOMINATIVE[gender]
        seen = [f for f, _ in forms_of(lemma).most_common() if f.endswith(endings)]
        return seen[0] if seen else None
    if lemma.startswith("~"):
        # definite forms ("psichoaktyviųjų") show their paradigm by the plain form inside
        seen = Counter({indefinite(form) if is_definite(form) else form: n
                        for form, n in forms_of(lemma).items()})
        masculine = adjective_nominative(lemma[1:], "m", seen)
        if masculine is not None and seen_as and is_definite(seen_as):
            return definite_nominative(masculine, gender, plural)
        if masculine is None or not plural:
            return adjective_nominative(lemma[1:], gender, seen)
        return declined_adjective(masculine, gender, True)
    if seen_as:
        lemma = _declining_lemma(seen_as.lower(), _degree(seen_as.lower(), lemma))
        if is_definite(seen_as):  # "laikinąją globą" -> "laikinoji globa"
            return definite_nominative(lemma, gender, plural)
    if plural:
        return _plural_adjective(lemma, gender)
    if gender == "m":
        return lemma
    for masculine, feminine in _FEMININE_OF:
        if lemma.endswith(masculine):
            candidate = lemma[: -len(masculine)] + feminine
            if dictionary.is_form_of(candidate, lemma, "lt") or candidate in forms_of(lemma):
                return candidate
            if _adjective_lemma(lemma) or lemma != info.key:
                # a regular adjective ("sunkia" -> "sunki"), or one whose lemma the form
                # settled ("ilgos" -> "ilga")
                return declined_adjective(lemma, "f", False)
            return None
    return None


def _declining_lemma(form: str, lemma: str) -> str:
    """The lemma, or the -as adjective of its stem when only that one declines to the
    form: simplemma files "ilgas, ilgos" under ilgus, whose feminine is ilgi, ilgios."""
    if not lemma.endswith("us") or form in paradigm(lemma) or is_definite(form):
        return lemma
    other = lemma[:-2] + "as"
    return other if masculine_nominative(form, ("as",)) == other else lemma


def _plural_adjective(lemma: str, gender: str) -> str | None:
    """Nominative plural of an adjective. The masculine of an -is adjective outside -inis
    and -ntis takes -iai (benamis, benamiai) or -i (didelis, dideli): the one the dictionary
    files under the lemma."""
    form = declined_adjective(lemma, gender, True)
    if gender == "m" and form and form.endswith("iai") and not dictionary.is_form_of(
            form, lemma, "lt") and dictionary.is_form_of(form[:-2], lemma, "lt"):
        return form[:-2]
    return form


def _adjective_lemma(lemma: str) -> bool:
    """An adjective by the dictionary, itself or negated ("nesaugus")."""
    return lithuanian_adjective(lemma) or (
        lemma.startswith("ne") and lithuanian_adjective(lemma[2:]))


def _degree(form: str, lemma: str) -> str:
    """The lemma with the degree the form has: "geriausi" (geras) -> "geriausias",
    "didesnės" (didelis) -> "didesnis"; the lemma itself for the positive."""
    stem = lemma[: -2] if lemma.endswith(("as", "is", "us", "ys")) else lemma
    for suffix, lemma_ending in (("iaus", "iausias"), ("esn", "esnis")):
        if form.startswith(stem + suffix) and not lemma.startswith(stem + suffix):
            return stem + lemma_ending
    return lemma


def _participle_kind(form: str) -> tuple[str, ...]:
    """The masculine lemma ending of a participle, from the suffix of one of its forms."""
    low = form.lower()
    if re.search(r"(?:us(?:i|io|ios|ių|iam|iai|iems|ioms|iais|iomis|ius|ias|į|ią|iu|iame|ioje|iuose"
                 r"|iose)|ę|ęs)$", low):
        return ("ęs",)
    if re.search(r"[aiy](?:nč[a-ząčęėįšųūž]{0,5}|nt(?:is|į|ys|i|ieji|ysis|ies|iems|iesiems)?)$", low):
        return ("ntis",)
    return ("as",)


def dependents_in_genitive(words: list[str]) -> bool:
    """Nouns before the head modify it in the genitive ("socialinių paslaugų centras"), are
    the accusative object of a participle ("negalią turintys asmenys") or the dative
    complement of an adjective ("visuomenei naudinga veikla", see `lithuanian_datives`); "centras
    darbuotojai" is two phrases run together, and "darbuotojams organizuojama supervizija"
    a participial clause."""
    h = head_of(words)
    if h is None:
        return False
    infos = adjective_homographs(words, [analyse(w, "lt") for w in words])
    if any(_governed(words, infos, k) for k in range(h)):
        return True  # "pagalbos vaikui planas": the genitive's own complement
    if head_after_object(words) is not None:  # "pagalbos į [namus] paslaugos"
        q = next(k for k, info in enumerate(infos) if info.role == PREP)
        infos = infos[:q] + [WordInfo(i.key, PREP) for i in infos[q:h]] + infos[h:]
    return all(info.role != NOUN or w.lower().endswith(_GENITIVE) or w.isupper()
               or _object_of_participle(words, infos, k)
               or dative_complement(words, infos, k)  # "[visuomenei] naudinga veikla"
               for k, (w, info) in enumerate(zip(words[:h], infos)))


def _object_of_participle(words: list[str], infos: list[WordInfo], k: int) -> bool:
    """Whether the noun at k is the accusative object of an active participle after it
    ("[negalią] turintys asmenys", "socialinę [riziką] patiriančios šeimos")."""
    return k + 1 < len(words) and infos[k + 1].participle \
        and words[k].lower().endswith(_ACCUSATIVE_SINGULAR) \
        and _ACTIVE_PARTICIPLE.search(words[k + 1].lower()) is not None


_ACCUSATIVE_SINGULAR = ("ą", "ę", "į", "ų")
# Active participles (turintys, patiriančios, patyrusios) take an object; passive ones
# (organizuojama, teikiamos) do not: "ketvirtį organizuojama" is a clause.
_ACTIVE_PARTICIPLE = re.compile(r"(?:[aiy]n[tč]|us[iį]|ę)[a-ząčęėįšųūž]{0,6}$")


def _governed(words: list[str], infos: list[WordInfo], k: int) -> bool:
    """Word k is the dative or locative complement of the genitive noun before it, and
    all other nouns before the head are genitives, or a second complement joined to it
    ("pagalbos vaikui ir šeimai planas")."""
    if k == 0 or infos[k].role != NOUN or infos[k - 1].role != NOUN:
        return False
    case = complement_case(words, infos, k - 1)
    if case is None or not words[k - 1].lower().endswith(_GENITIVE) \
            or not _only_in(words[k], infos[k], case) or _recipient(infos[k], case):
        return False
    h = head_of(words)
    joined = k + 2 if k + 2 < h and words[k + 1].lower() in _COORDINATORS \
        and _only_in(words[k + 2], infos[k + 2], case) else k
    return all(infos[m].role != NOUN or m in (k, joined)
               or words[m].lower().endswith(_GENITIVE) for m in range(h))


_COORDINATORS = ("ir", "bei")


def governed_adjective(words: list[str], p: int) -> bool:
    """A definite adjective used as a noun, in the dative a genitive before it governs:
    "Techninės pagalbos [neįgaliesiems] centras" (help for the disabled), or the
    adjective after it (see `lithuanian_datives`): "[neįgaliesiems] pritaikytas būstas";
    it stays as it is while the head declines."""
    if not is_definite(words[p]):
        return False
    plain = indefinite(words[p].lower())
    if {case for _plural, case in adjective_slots(plain)} != {DATIVE}:
        return False
    if p + 2 < len(words) and governs_dative(analyse(words[p + 1], "lt")):
        return True
    if p == 0:
        return False
    governor = analyse(words[p - 1], "lt")
    return governor.role == NOUN and COMPLEMENT_CASE.get(governor.key) == DATIVE \
        and words[p - 1].lower().endswith(_GENITIVE)


def _only_in(word: str, info: WordInfo, case: int) -> bool:
    """A noun the dictionary knows whose form can only be in `case`."""
    return info.role == NOUN and not info.key.startswith("~") \
        and case_slots(word, info.key) == {case}


def coordinated_datives(words: list[str], infos: list[WordInfo], k: int) -> bool:
    """Whether the conjunction at k joins two dative complements of the genitive before
    them, the whole modifying a noun after: "pagalbos [vaikui ir šeimai] planas"."""
    if k < 2 or k + 2 >= len(words) or words[k].lower() not in _COORDINATORS:
        return False
    governor = infos[k - 2]
    return governor.role == NOUN and COMPLEMENT_CASE.get(governor.key) == DATIVE \
        and words[k - 2].lower().endswith(_GENITIVE) \
        and _only_in(words[k - 1], infos[k - 1], DATIVE) \
        and _only_in(words[k + 1], infos[k + 1], DATIVE) and infos[k + 2].role == NOUN


def modifiers_agree(words: list[str]) -> bool:
    """Every adjective or participle before the head can agree (number and case) with the
    word after it: "geriausi vaiko" (a nominative before a genitive), "laikinai apribota"
    (an adverb before a participle) and "sudarytas pagalbos vaikui" (a participle whose
    noun comes later) are no phrases."""
    h = head_of(words)
    if h is None:
        return False
    for p in range(h):
        info = analyse(words[p], "lt")
        if info.role != ADJ or governed_adjective(words, p) or _substantive_genitive(words, p):
            continue
        # a definite form agrees as its plain one does: "neįgaliesiems" is a dative
        seen = indefinite(words[p].lower()) if is_definite(words[p]) else words[p].lower()
        ours = adjective_slots(seen)
        # the definite ending tells the gender its plain one hides: "aukštąjį" is
        # masculine, though the plain "aukštą" may be either
        gender = is_definite(words[p]) and lithuanian_gender(words[p].lower()) \
            or _adjective_gender(seen, info.key)
        # the next word, or across genitives a later one or the head: "geriausi [vaiko]
        # interesai", "Privalomojo [sveikatos] draudimo"; a noun before the head is a
        # genitive, so an adjective agrees with it as one ("leisti [savivaldybės]
        # atstovui" does not); a definite adjective read as a noun is no word to agree
        # with ("rūpinasi [neįgaliesiems] pritaikytu būstu")
        if not (_agrees(ours, words[p + 1], gender) and not _dependent(words, p + 1, h)
                and not governed_adjective(words, p + 1)
                or any(_agrees(_genitives(ours), words[m], gender)
                       for m in range(p + 1, h) if _dependent(words, m, h))
                or _agrees(ours, words[h], gender)):
            return False
    return True


# Genitive endings of a definite adjective: one standing before other genitives is the
# adjective used as a noun, a dependent of its own ("[neįgaliųjų] socialinės integracijos
# įstatymas": of the disabled), not a modifier that must agree with the next word.
_DEFINITE_GENITIVES = ("ųjų", "ojo", "osios")


def _substantive_genitive(words: list[str], p: int) -> bool:
    """Whether the definite adjective at p is a genitive that agrees with no word after
    it ("neįgaliųjų socialinės integracijos"; in "neįgaliųjų asmenų" and "Bendrojo
    duomenų apsaugos reglamento" it is the adjective of a noun)."""
    low = words[p].lower()
    slots, gender = adjective_slots(indefinite(low)), lithuanian_gender(low)
    return low.endswith(_DEFINITE_GENITIVES) and p + 1 < len(words) and not any(
        _agrees(slots, word, gender) for word in words[p + 1:])


def _dependent(words: list[str], m: int, h: int) -> bool:
    """A noun before the head other than a preposition's or a participle's object: a
    genitive."""
    if m >= h or analyse(words[m], "lt").role != NOUN:
        return False
    infos = [analyse(w, "lt") for w in words[:m + 2]]
    return not any(info.role == PREP for info in infos[:m]) \
        and not _object_of_participle(words, infos, m)


def _genitives(slots: frozenset) -> frozenset:
    """The genitive readings among (plural?, case) slots; none leaves a dummy slot that
    agrees with nothing."""
    found = frozenset(slot for slot in slots if slot[1] == 1)
    return found or frozenset({(False, -1)})


def _adjective_gender(form: str, lemma: str) -> str:
    """The gender an adjective form shows: by its ending (`lithuanian_gender`), and the
    masculine plural of -is and -as adjectives (socialiniai; nauji, leisti: the feminine
    of an -as adjective never ends in -i); a noun's -ai may be a feminine dative (šeimai),
    so `lithuanian_gender` leaves those out."""
    return lithuanian_gender(form) or ("m" if form.endswith("iai") or (
        form.endswith("i") and lemma.endswith("as")) else "")


def may_agree(adjective: str, noun: str) -> bool:
    """Whether the adjective form (plain or definite) can agree with the noun form."""
    low = adjective.lower()
    plain = indefinite(low) if is_definite(low) else low
    return _agrees(adjective_slots(plain), noun, lithuanian_gender(low))


def _agrees(ours: frozenset, word: str, gender: str = "") -> bool:
    """Whether an adjective with these slots (and gender, when its ending shows one) can
    agree with the word: "bendruomeniniai [šeimos]" cannot, šeima being feminine."""
    info = analyse(word, "lt")
    if is_definite(word) or info.role not in (ADJ, NOUN) or not ours:
        return True
    if gender and info.role == NOUN and not info.key.startswith("~") \
            and lithuanian_noun_gender(info.key) not in ("", gender) \
            and not (gender == "f" and may_be_feminine_role(word, info.key)):
        return False  # ("socialinė darbuotoja": the role's feminine, filed as masculine)
    if info.role == ADJ:
        theirs = adjective_slots(word)
    else:
        theirs = noun_slots(word, None if info.key.startswith("~") else info.key)
    return not theirs or bool(ours & theirs)


# Prepositions that govern the accusative or instrumental only: a genitive right after one
# belongs to a noun further on ("asmuo į [globos namus]", "pagal [savivaldybės sprendimą]").
_NO_GENITIVE_AFTER = frozenset({"į", "su", "per", "pagal", "prieš", "apie", "pas", "pro",
                                "palei", "už"})  # (už with the genitive is "beyond": a place)


def complete_after_preposition(words: list[str]) -> bool:
    """False when the phrase ends in a genitive after a preposition that cannot govern
    one (the object's own noun was left out: "paslauga pagal [Savivaldybės tarybos]
    ... tvarką"), or runs on past the preposition's object (see `_object_ends_phrase`)."""
    if not _object_ends_phrase(words):
        return False
    if len(words) < 2 or not words[-1].lower().endswith(_GENITIVE):
        return True
    lowered = [w.lower() for w in words]
    # only genitives after it: its object's noun is missing. A genitive-looking word
    # after the object ("vaikų su negalia [šeimos]": -os is also a nominative plural) is
    # the head the phrase goes on to, not a stray genitive.
    return not any(w in _NO_GENITIVE_AFTER and all(x.endswith(_GENITIVE) for x in lowered[p + 1:])
                   for p, w in enumerate(lowered[:-1]))


def _object_ends_phrase(words: list[str]) -> bool:
    """After a preposition only its object follows, the object's noun last (nouns before
    it are genitives or a complement a genitive governs: "nuo smurto artimoje aplinkoje"),
    unless the whole modifies a head after it (`head_after_object`): "asmenys su negalia
    programą" runs on into the clause."""
    infos = [analyse(w, "lt") for w in words]
    start = next((k for k, info in enumerate(infos) if info.role == PREP), None)
    if start is None or head_after_object(words) is not None:
        return True
    return _only_dependents(words, infos, start + 1, len(words) - 1)


def _only_dependents(words: list[str], infos: list[WordInfo], start: int, stop: int
                     ) -> bool:
    """Nouns start..stop-1 are genitives, or a complement in the case the genitive before
    them (across adjectives) governs."""
    for m in range(start, stop):
        if infos[m].role != NOUN or words[m].lower().endswith(_GENITIVE):
            continue
        governor = m - 1
        while governor >= start and infos[governor].role == ADJ:
            governor -= 1
        case = COMPLEMENT_CASE.get(infos[governor].key) if governor >= start else None
        if case is None or not _only_in(words[m], infos[m], case):
            return False
    return True


def head_after_object(words: list[str]) -> int | None:
    """The head of a phrase whose genitive takes a prepositional complement before the
    head: "[pagalbos į namus] paslaugos", "[mokėjimo už socialines paslaugas] dydis" -
    the last word, a noun, when a genitive noun stands right before the (only)
    preposition and only the preposition's object and its dependents lie between."""
    infos = [analyse(w, "lt") for w in words]
    preps = [k for k, info in enumerate(infos) if info.role == PREP]
    last = len(words) - 1
    if len(preps) != 1 or preps[0] == 0 or infos[last].role != NOUN:
        return None
    q = preps[0]
    if infos[q - 1].role != NOUN or not words[q - 1].lower().endswith(_GENITIVE):
        return None
    # the object: its first noun not in the genitive (genitives before it are its own)
    obj = next((m for m in range(q + 1, last + 1) if infos[m].role == NOUN
                and not words[m].lower().endswith(_GENITIVE)), last)
    if obj == last and _genitive_object_before(words, infos, q, last):
        return last  # "[apsaugos nuo smurto] orderis": the object was the genitive
    if obj == last or not _only_dependents(words, infos, obj + 1, last) \
            or _complement_of_object(words, infos, obj, last):
        return None
    return last


def _genitive_object_before(words: list[str], infos: list[WordInfo], q: int, last: int
                            ) -> bool:
    """A preposition that takes the genitive (nuo, iš, dėl, be, ...) has its object in
    genitives and adjectives up to a last noun in another case, which is not a complement
    the object governs: that noun is the head ("apsaugos nuo smurto orderis")."""
    if words[q].lower() in _NO_GENITIVE_AFTER or last - q < 2 \
            or words[last].lower().endswith(_GENITIVE):
        return False
    between = range(q + 1, last)
    return any(infos[m].role == NOUN for m in between) and all(
        infos[m].role == ADJ or infos[m].role == NOUN and words[m].lower().endswith(_GENITIVE)
        for m in between) and not _complement_of_object(words, infos, q + 1, last)


def _complement_of_object(words: list[str], infos: list[WordInfo], start: int, last: int
                          ) -> bool:
    """Whether the last noun is the complement a noun of the object governs ("nuo
    [smurto] artimoje aplinkoje"), not a head of its own."""
    governor = last - 1
    while governor > start and infos[governor].role == ADJ:
        governor -= 1
    case = COMPLEMENT_CASE.get(infos[governor].key)
    return case is not None and _only_in(words[last], infos[last], case)


def most_nominative(variants: list[str]) -> str:
    """The seen variant whose words look most like nominatives, the head's singular first
    ("gausios šeimos" rather than "gausioms šeimoms"); `variants` by frequency."""
    def score(variant: str) -> int:
        words = [t.text.lower() for t in tokenize(variant)]
        head = words[-1] if words else ""
        return (sum(w.endswith(_NOMINATIVE_LIKE) for w in words)
                + head.endswith(_NOMINATIVE_SINGULAR))
    return max(variants, key=score)
