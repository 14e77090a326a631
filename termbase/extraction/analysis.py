"""One word -> its lemma key and its role in a term candidate; cached per word form.

Roles decide where a word may stand in a candidate:

    NOUN  may start, end or stand alone       ADJ   may start or end, never stand alone
    PREP  only inside ("ustawa o pomocy")     STOP  never (breaks the candidate)
    CONJ  only inside a name ("Ochrony Społecznej i Pracy"; given by `ngrams`, in context)
    ADV   only inside, before its adjective ("samotnie gospodarująca"; in context too)

Polish words are read with morfeusz2: a word with an adjectival reading groups under its
adjective lemma (so "niepełnosprawna" and "niepełnosprawnych" share a key although morfeusz
also reads them as nouns), else under its noun lemmas, and a word with only verbal,
adverbial or other function readings is STOP. Lithuanian and English have no tagger here:
simplemma gives the lemma, the dictionary tells adjectives from nouns (a Lithuanian
adjective has a masculine dative in -am/-iam, a noun does not), and the stop lists do the
rest. Lithuanian verb forms are STOP unless they look like participles, a noun that
simplemma reads as a verb ("globos" -> "globoti") is repaired from the dictionary ("globa"),
a capitalised word the dictionary knows only capitalised is a name ("Alytaus"), and a word
it does not know at all is grouped by its Snowball stem: simplemma's guesses for unknown
words mislead ("mediacija" -> "medis").

Every function here is cached (functools.lru_cache): a word costs its analysis once.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from termbase.extraction import lithuanian_roles
from termbase.extraction.abbreviations import is_abbreviation
from termbase.extraction.polish_homographs import noun_lemma_frequency
from termbase.extraction.stopwords import is_preposition, is_stopword
from termbase.extraction.termhood import general_frequency
from termbase.text import dictionary, polish
from termbase.text.lithuanian import indefinite, is_definite, masculine_nominative, paradigm
from termbase.text.morphology import snowball_stem

NOUN, ADJ, PREP, STOP = "noun", "adj", "prep", "stop"
CONJ = "conj"  # given in context only: "i" joining two capitalised words of a name
# given in context only: a Polish adverb modifying the adjective after it ("osoba samotnie
# gospodarująca", the first part of "placówka opiekuńczo-wychowawcza")
ADV = "adv"
AMBIGUOUS = "|"  # joins the candidate lemmas of a word that has several


class WordInfo(NamedTuple):
    key: str        # lemma key: inflected forms of one lexeme share it
    role: str
    name: bool = False        # a proper name (person, place) rather than vocabulary
    participle: bool = False  # an adjective made from a verb ("zagrożona", "teikiamos")
    # may govern a complement after it, as a participle does (Polish: also an adjective
    # that is a participle too, "powołana"; "otwarty konkurs" stays an adjective's phrase)
    governs: bool = False


def _function_word(low: str, lang: str) -> WordInfo | None:
    if is_stopword(low, lang):  # first: "w", "z", "o" are prepositions, not stray letters
        return WordInfo(low, PREP if is_preposition(low, lang) else STOP)
    if any(ch.isdigit() for ch in low) or len(low) < 2:
        return WordInfo(low, STOP)
    return None


# A Roman numeral in capitals, two letters or more (one letter is an initial: "V. Jonaitis")
_ROMAN_NUMERAL = re.compile(r"(?=[IVXL]{2})L?X{0,3}(IX|IV|V?I{0,3})")


def _roman_numeral(word: str) -> bool:
    """A chapter's or a point's number ("II skyrius", "IV SKYRIUS"): never a term. The
    Polish dictionary reads it so; the Lithuanian one took it for an unknown name, and
    "II skyrius" and "II" were candidates."""
    return _ROMAN_NUMERAL.fullmatch(word) is not None


@functools.lru_cache(maxsize=None)
def analyse(word: str, lang: str) -> WordInfo:
    """Key and role of one word as written (case matters for names)."""
    low = word.lower()
    found = _function_word(low, lang)
    if found:
        return found
    if _roman_numeral(word):
        return WordInfo(low, STOP)
    if lang == "pl" and polish.available():
        return _polish(word, low)
    if lang == "lt":
        return _outside_terms(low, _lithuanian(word, low))
    return _dictionary_language(word, low, lang)


# -- Polish ---------------------------------------------------------------------------------
def _polish(word: str, low: str) -> WordInfo:
    readings = polish.readings(word)
    by_pos: dict[str, list[polish.Reading]] = {}
    for reading in readings:
        by_pos.setdefault(reading.pos, []).append(reading)
    if _rare_adjective_homograph(by_pos):
        del by_pos["adj"]  # "umowy": umowa's, not the rare adjective umowy
    if _rare_noun_homograph(word, by_pos) or any(
            is_stopword(r.base_lemma.lower(), "pl") for r in by_pos.get("adj", ())):
        return WordInfo(low, STOP)  # also "każdej", "takich": forms of pronouns
    for pos in polish.KEY_PREFERENCE:
        if pos not in by_pos:
            continue
        common = [r for r in by_pos[pos] if not r.proper] or by_pos[pos]
        # Several lemmas ("pracownicy": pracownik or pracownica) stay a set here; the
        # counter merges the sets that share a lemma once it has seen the whole input.
        key = low if pos == "ign" else AMBIGUOUS.join(sorted({r.base_lemma.lower()
                                                               for r in common}))
        role = ADJ if pos in polish.ADJ_POS else NOUN
        nominal = [r for r in readings if r.pos in polish.NOUN_POS | polish.ADJ_POS]
        name = (bool(nominal) and all(r.proper for r in nominal)) or (
            pos == "ign" and word[:1].isupper() and not is_abbreviation(word))
        # "powołana" is the adjective powołany and a participle: as a participle it
        # governs what follows ("komisja powołana [przez Prezydenta]")
        governs = pos in ("ppas", "pact") or (pos == "adj" and bool(
            {"ppas", "pact"} & set(by_pos)))
        return WordInfo(key, role, name, participle=pos in ("ppas", "pact"),
                        governs=governs)
    return WordInfo(low, PREP if "prep" in by_pos else STOP)


# A noun lemma this many times rarer than the form itself is a homograph of a commoner
# word of another part of speech.
RARE_HOMOGRAPH_RATIO = 20
_FINITE_VERB = ("fin", "praet")


def _rare_adjective_homograph(by_pos: dict) -> bool:
    """A noun form that morfeusz2 also reads as a rare adjective of another lemma ("umowy",
    "umowa" as the adjective umowy; "synowi" as synowy): the forms only the adjective has
    ("umowego", "umowej") are RARE_HOMOGRAPH_RATIO times rarer than those only the noun
    has ("umów", "umowie"), so the word is the noun. The same holds for a verb: "wypełniali"
    is wypełniać's past tense, not the rare adjective wypełniały, and a verb ends no phrase
    ("[wypełniali] funkcjonariusze Policji"). Without forms of its own on both sides
    ("gotowe"), nothing is known."""
    adjectives = {r.base_lemma for r in by_pos.get("adj", ())}
    nouns = {r.base_lemma for pos in ("subst", "depr", *_FINITE_VERB)
             for r in by_pos.get(pos, ())}
    if not adjectives or not nouns or adjectives & nouns:
        return False
    adjective_forms = {f.form for lemma in adjectives for f in polish.generated(lemma)}
    noun_forms = {f.form for lemma in nouns for f in polish.generated(lemma)}
    only_adjective, only_noun = adjective_forms - noun_forms, noun_forms - adjective_forms
    if not only_adjective or not only_noun:
        return False
    rarest = max(general_frequency(form.lower(), "pl") for form in only_adjective)
    return rarest * RARE_HOMOGRAPH_RATIO < max(general_frequency(form.lower(), "pl")
                                               for form in only_noun)


def _rare_noun_homograph(word: str, by_pos: dict) -> bool:
    """A verb or adverb that morfeusz2 can also read as a form of a rare noun: "rośnie"
    (rośnia), "samotnie" (samotnia). Only nouns are read so; adjectives and lemmas as
    common as their forms are kept, and so is a verbal noun ("zaniedbanie", whose forms
    are all its verb's gerund too, and which morfeusz2 also lists as an adverb)."""
    if set(by_pos) - (polish.NOUN_POS | {"ign"}) == set() or set(by_pos) & polish.ADJ_POS \
            or "ger" in by_pos:
        return False
    if not set(by_pos) & {"subst", "depr"}:
        return False
    form = general_frequency(word.lower(), "pl")
    lemmas = {r.base_lemma.lower() for pos in ("subst", "depr") for r in by_pos.get(pos, ())}
    return form > 0 and all(noun_lemma_frequency(lemma) * RARE_HOMOGRAPH_RATIO < form
                            for lemma in lemmas)


# -- Lithuanian -----------------------------------------------------------------------------
# The genitive endings of Lithuanian nouns, singular and plural.
LT_GENITIVE_ENDINGS = ("ų", "os", "ės", "o", "io", "aus", "iaus", "ies", "ens", "ers", "osi")
_LT_NOUN_ENDINGS = ("a", "ė", "as", "is", "ys", "us", "uo", "ai", "iai", "ia", "tis")
# Participles (teikiamos, pažeidžiamų, dirbančios, atsidūrusios, suaugę) decline like
# adjectives.
_LT_PARTICIPLE = re.compile(
    r"(?:(?:iam|am|om|im|anč|inč)[a-ząčęėįšųūž]{1,6}"  # present: teikiamos, dirbančios
    r"|(?:ant|int)[iyį][a-ząčęėįšųūž]{0,5}"  # turintys (not "integrali": a case ending)
    r"|us(?:i|io|ios|ių|iems|ioms|iais|iomis|ius|ias|į|ią|ieji|iosios|iam|iai|iame)"
    r"|ę|ęs)$")  # past
_LT_PARTICIPLE_LEMMAS = ("ęs", "įsis", "ąsis", "ęsis", "antis", "intis", "ąs", "įs")
_LT_GERUNDS = ("dami", "damas", "dama", "damos")  # dalyvaudami: a verb form, no adjective
_LT_ADJ_SUFFIXES = ("in", "išk", "ing", "al", "yv")
_LT_PRESENT_PASSIVE = ("amas", "imas", "omas")
_LT_ADVERBIAL_PARTICIPLE = ("ant", "iant", "int", "ius", "dama", "damas", "dami", "damos")
# Agent nouns in -tojas/-toja, -ėjas/-ėja and their case endings.
# (No plain -e: "Linupėje" is the locative of an -ė noun, an agent noun's is -ėjuje.)
_LT_AGENT_NOUN = re.compile(r"(?:toj|ėj)((?:as|o|ui|ą|u|uje|ai|ų|ams|us|ais|uose|a|os|oje|oms"
                            r"|omis|ose))$")


# A verbal noun in -inimas/-ymas (apnakvindinimas, vertinimo): a present passive
# participle of a verb in -inti or -yti has -inamas, -omas. After another -im- (a noun or
# a participle of a verb in -ėti: rūpimas) only the endings a participle lacks count.
_LT_VERBAL_NOUN = re.compile(r"(?:inim|ym)(?:as|o|ui|ą|u|e|ai|ų|ams|us|ais|uose)$"
                             r"|im(?:ui|e|ai|ams)$")


# A past passive participle's stem (-ot-, -yt-, -int-, ...) and an adjectival ending.
_LT_PASSIVE_FORM = re.compile(r"^(.{3,}[aoyiė]t)(?:as|o|ui|am|ą|u|ame|ai|ų|iems|ams|us|ais"
                              r"|uose|a|os|oje|oms|omis|ose|i)$")


def lithuanian_stem(word: str) -> str:
    """The Snowball stem with its diacritics (unlike the index's folded `stem`)."""
    return snowball_stem(word, "lt")


def _is_verb_lemma(lemma: str) -> bool:
    return lemma.endswith(("ti", "tis"))


# Case endings of an -as noun that its homograph, a participle in -tas, does not have
# (the participle's dative is -tam, its locative -tame): plotui, plote.
_LT_NOUN_ONLY_ENDINGS = ("tui", "te")


# Every case ending of a Lithuanian noun, adjective or participle ends in one of these.
_LT_NOMINAL_FINALS = frozenset("aąeęėiįyouųūsm")
# The third person (present, past) of a reflexive verb: rūpinasi, domisi, gydosi, mokėsi
_LT_REFLEXIVE_FINITE = ("asi", "isi", "osi", "ėsi", "josi")
# The neuter passive participle with the reflexive particle, used without a subject
_LT_IMPERSONAL_REFLEXIVE = ("amasi", "imasi", "omasi", "tasi")


def _participle_form(low: str) -> bool:
    """A participle's ending on a stem long enough to be one ("tęs", future of tęsti, is
    a verb form)."""
    return bool(_LT_PARTICIPLE.search(low)) and not low.endswith(_LT_GERUNDS) and len(low) > 4


_LT_SUPERLATIVE = re.compile(r"(.{2,}?iaus)(?=[iąa])")
_LT_PLAIN_SUPERLATIVE = re.compile(r"i(?:as|a|o|am|ą|u|ame|ų|ems|us|ais|uose|os|ai|oms|omis"
                                   r"|ose|oje)|i")


def _lithuanian_superlative(low: str) -> str | None:
    """The masculine lemma of a superlative adjective, plain or definite ("vyriausioji",
    "vyriausiojo" -> vyriausias), or None."""
    found = _LT_SUPERLATIVE.match(low)
    if found is None:
        return None
    if is_definite(low) or _LT_PLAIN_SUPERLATIVE.fullmatch(low[found.end():]):
        return found.group(1) + "ias"
    return None


_LT_COMPARATIVE = re.compile(r"(.{2,}?esn)(?:is|io|iam|į|iu|iame|i|ių|iems|ius|iais|iuose|"
                             r"ė|ės|ei|ę|e|ėje|ėms|ėmis|ėse|ysis|iojo|iajam|įjį|iuoju|"
                             r"iajame|ieji|iųjų|iesiems|iuosius|iaisiais|iuosiuose|ioji|"
                             r"iosios|iajai|iąją|iąja|iojoje|iosios|iųjų|iosioms|iosiomis|"
                             r"iosiose)")


def _lithuanian_comparative(low: str) -> str | None:
    """The masculine lemma of a comparative adjective ("vyresnio", "vyresnysis" ->
    vyresnis), or None."""
    found = _LT_COMPARATIVE.fullmatch(low)
    return found.group(1) + "is" if found else None


def _lithuanian(word: str, low: str) -> WordInfo:
    if is_abbreviation(word) and not (len(low) > 5 and dictionary.known(low, "lt")):
        return WordInfo(low, NOUN)  # GIMK, VSD: an abbreviation, indeclinable (but
        # "PATVIRTINTA", an approval stamp, is a word in capitals)
    proper = dictionary.dictionary("lt").get(word) if word[:1].isupper() else None
    if proper and proper[:1].isupper() and not dictionary.known(low, "lt"):
        return WordInfo(proper.lower(), NOUN, name=True)  # Alytaus -> Alytus, a place
    lemma = dictionary.lemmatize(low, "lt")
    if is_stopword(lemma, "lt") or low.endswith("iau"):  # forms of pronouns and numerals
        return WordInfo(lemma, STOP)  # (vienam, visiems), comparative adverbs (ilgiau)
    if low[-1:] not in _LT_NOMINAL_FINALS and (word[:1].islower()
                                               or dictionary.known(low, "lt")):
        return WordInfo(low, STOP)  # kasdien, vakar, "Dabar": no case ending, an adverb
    if low.endswith(_LT_IMPERSONAL_REFLEXIVE):
        # vadovaujamasi, kreipiamasi: "one follows, one applies", a verb that agrees with
        # nothing ("Vadovaujamasi Lietuvos Respublika" was a candidate)
        return WordInfo(low, STOP)
    superlative = _lithuanian_superlative(low)
    if superlative:
        # "vyriausiasis", which simplemma files as vyrus; "artimiausias", "didžiausia", which
        # it files as artimas and "didus" and the -usi- ending made a participle
        # ("artimiaęs giminaitis", "didi problema"): the superlative is its own lemma
        return WordInfo(superlative, ADJ)
    comparative = _lithuanian_comparative(low)
    if comparative and not lithuanian_adjective(lemma):
        # "vyresnio amžiaus", "vyresnysis socialinis darbuotojas", filed under "vyrus"
        return WordInfo(comparative, ADJ)
    negated = _negated(word, low)
    if negated:
        return negated
    # a noun filed under a lemma with another beginning is misfiled ("pareigos", duties,
    # under ėjimas): read as a word the dictionary lacks (verbs may change: "buvo", būti)
    misfiled = lemma[:2] != low[:2] and not _is_verb_lemma(lemma)
    if _is_verb_lemma(lemma) and low == lemma[:-1] + "ų":
        return WordInfo(lemma, STOP)  # augtų, būtų: the conditional mood
    if _is_verb_lemma(lemma) and low.endswith(_LT_REFLEXIVE_FINITE):
        # rūpinasi, domisi: a reflexive verb's third person (its infinitive "rūpintis"
        # ends as a participle's nominative does, and "tarnyba rūpinasi neįgaliesiems" was
        # proposed)
        return WordInfo(lemma, STOP)
    if lemma.endswith(("ntis", "įsis")) and dictionary.known(low, "lt"):
        # budintis, budinčių: a present active participle, keyed by its own nominative
        # (simplemma files some forms under a lemma of their own, "budįsis")
        key = masculine_nominative(low, ("ntis",)) or lemma
        return WordInfo(key, ADJ, participle=True)
    if lemma.endswith("tis") and low in paradigm(lemma) and (
            low != lemma or any(dictionary.is_form_of(genitive, lemma, "lt")
                                for genitive in (lemma[:-2] + "ies", lemma[:-3] + "čio"))):
        # nutartimi, mokestis: a noun in -tis (a case form, or its genitive in -ies or
        # -čio is filed), no reflexive verb ("kreiptis", whose forms are a verb's)
        return WordInfo(lemma, NOUN)
    participle = _passive_participle(lemma)
    if participle and low.endswith(_LT_NOUN_ONLY_ENDINGS):
        return WordInfo(lemma, NOUN)  # "plotui": the noun plotas, no participle of ploti
    if participle:
        return WordInfo(lemma, ADJ, participle=True)  # apribota, apsaugotas (būstas)
    plain = _plain_of_definite(low)
    if plain:  # savarankiškoji, savarankiškąją: the definite forms the dictionary lacks
        return WordInfo(plain, ADJ)
    if misfiled or not dictionary.known(low, "lt"):  # simplemma's guesses mislead
        # ("mediacija" -> "medis"): group them by their Snowball stem instead
        base = _locative_stem(low) or lithuanian_stem(low)
        if low.endswith(_LT_ADVERBIAL_PARTICIPLE) or low.endswith("ti") \
                or _past_gerund(low) or _affirmative_of_a_verb(low):
            return WordInfo(low, STOP)   # skatinant, suorganizuojant, viršyti: verb forms
        reflexive = _LT_REFLEXIVE_VERBAL_NOUN.search(low)
        if reflexive:  # ugdymosi: ugdymasis, the reflexive of ugdymas
            return WordInfo(low[:reflexive.start(1)] + "asis", NOUN)
        known_lemma = _lithuanian_lemma_of_unknown(low)
        if known_lemma:  # bendruomeniniuose: a form the dictionary lacks of a lemma it has
            return WordInfo(known_lemma, ADJ if lithuanian_adjective(known_lemma) else NOUN)
        passive = _LT_PASSIVE_FORM.match(low)
        if passive and dictionary.is_lemma(passive.group(1) + "i", "lt"):
            # apsaugoto: a past passive participle of a verb the dictionary has (apsaugoti)
            return WordInfo(passive.group(1) + "as", ADJ, participle=True)
        if _negated_passive(low):  # "artimųjų nerasta": a predicate, no noun
            return WordInfo(low[:-1] + "as", ADJ, participle=True)
        agent = _LT_AGENT_NOUN.search(low)
        if agent:  # globotojams: globotojas, not a participle in -am-
            return WordInfo("~" + low[:agent.start(1)], NOUN, name=word[:1].isupper())
        # an adjective's stem before -ę is its feminine accusative ("institucinę"), not
        # a past participle of a verb the dictionary lacks
        participle = _participle_form(low) and not _LT_VERBAL_NOUN.search(low) and not (
            low.endswith("ę") and base.endswith(_LT_ADJ_SUFFIXES))
        adjectival = participle or base.endswith(_LT_ADJ_SUFFIXES)
        return WordInfo("~" + base, ADJ if adjectival else NOUN, name=word[:1].isupper(),
                        participle=participle)
    agent = _LT_AGENT_NOUN.search(low)
    if _is_verb_lemma(lemma) and agent and dictionary.is_lemma(low[:agent.start(1)] + "as",
                                                               "lt"):
        return WordInfo(low[:agent.start(1)] + "as", NOUN)  # gavėjai, filed under "gavėti"
    if _is_verb_lemma(lemma) and low.endswith(("antis", "intis")) \
            and low not in (lemma, lemma + "s"):
        # patvirtinantis (dokumentas): a present active participle, not the reflexive
        # infinitive its -tis ending looks like (rūpintis)
        return WordInfo(low, ADJ, participle=True)
    if _is_verb_lemma(lemma) and not _is_verb_lemma(low):
        noun = lithuanian_noun_lemma(low)
        if noun:
            return WordInfo(noun, NOUN)
        passive = lemma[:-2] + "tas"
        if lemma.endswith("ti") and masculine_nominative(low, ("as",)) == passive:
            return WordInfo(passive, ADJ, participle=True)  # nustatytas, nustatytos
        if _participle_form(low):
            return WordInfo(lemma, ADJ, participle=True)
        return WordInfo(lemma, STOP)
    if _is_verb_lemma(lemma):
        return WordInfo(lemma, STOP)
    if lemma.endswith("ęs") and low == lemma[:-2] + "us":
        return WordInfo(lemma, STOP)  # prireikus, baigus: a verb form (padalyvis)
    if lemma.endswith(_LT_PARTICIPLE_LEMMAS):  # simplemma lists some as words of their own
        return WordInfo(lemma, ADJ, participle=True)
    if _present_passive_of_a_verb(lemma):  # "nustatomas [pagal pajamas]": a clause's
        return WordInfo(lemma, ADJ, participle=True)  # participle, no noun
    if not lithuanian_adjective(lemma):
        if lemma.endswith(("toja", "ėja")) and low in paradigm(lemma + "s"):
            # simplemma files the masculine agent noun's forms under the feminine
            # ("slaugytojas", "lankytojo"); a form both genders share ("lankytojų",
            # "lankytojai") is the masculine's too, which a term names
            return WordInfo(lemma + "s", NOUN)
        return WordInfo(_declining_noun(low, lemma), NOUN)
    # A present passive participle (teikiamas, kviečiamas) describes an action, unless its
    # definite form names a kind ("gyvenamoji vieta"), as a classifying adjective does, or
    # the dictionary keeps its negation as a word of its own: "nemokamas" (free of
    # charge), "nekilnojamas" (turtas), lexicalised adjectives.
    return WordInfo(lemma, ADJ, participle=lemma.endswith(_LT_PRESENT_PASSIVE)
                    and not is_definite(low) and not (
                        lemma.startswith("ne") and dictionary.is_lemma(lemma, "lt")))


def _outside_terms(low: str, info: WordInfo) -> WordInfo:
    """A word read as a noun or adjective that is a finite verb, an adverb, a numeral or a
    currency unit (see `lithuanian_roles`) stops a candidate."""
    if info.role not in (NOUN, ADJ) or info.name or info.key.startswith("~"):
        return info
    if lithuanian_roles.is_numeral(info.key) or lithuanian_roles.is_measure_unit(info.key) \
            or lithuanian_roles.adverb_of_adjective(low, info.key) \
            or lithuanian_roles.adverbial_instrumental(low) \
            or lithuanian_roles.finite_verb(low, info.key):
        return WordInfo(info.key, STOP)
    return info


def _declining_noun(low: str, lemma: str) -> str:
    """The lemma, or another noun of the same stem when only that one declines to the form
    ("praktikos" is filed under praktikas, the practitioner, whose genitive is praktiko:
    it is praktika's)."""
    if low == lemma:
        return lemma
    if low in paradigm(lemma):
        return _commoner_twin(low, lemma)
    return lithuanian_noun_lemma(low) or lemma


# Noun lemma endings whose declensions share oblique forms, with the ending of the other
# lemma and the form endings they share: -is and -ys nouns (-io, -iui, -į, -iu, -yje,
# -iai, -ių, ...) and an -ė noun's genitive plural, which an -ius noun's accusative
# singular is too.
_SHARED_DECLENSION = (("is", "ys", ""), ("ys", "is", ""), ("ė", "ius", "ių"))


def _commoner_twin(low: str, lemma: str) -> str:
    """Of two dictionary nouns of one stem whose declensions both have the form, the one
    commoner in general language: simplemma files "ryšį, ryšio" under a rare ryšis and
    "direktorių" under direktorė, while ryšys and direktorius are the usual words."""
    for ending, other, form_ending in _SHARED_DECLENSION:
        if not lemma.endswith(ending) or not low.endswith(form_ending):
            continue
        twin = lemma[: len(lemma) - len(ending)] + other
        if dictionary.is_lemma(twin, "lt") and low in paradigm(twin) \
                and general_frequency(twin, "lt") > general_frequency(lemma, "lt"):
            return twin
    return lemma


# A Lithuanian present passive participle in its plain (not definite) form.
_LT_PRESENT_PASSIVE_FORM = re.compile(r"[aio]m(?:as|a|o|os|ai|ą|ų|i|us|ais|oms|omis|ose"
                                      r"|iems|ame|oje|uose|am)$")


def present_passive(word: str, info: WordInfo) -> bool:
    """A participle that says what is being done to the noun ("kviečiamas šeimos
    gydytojas", "keliami kvalifikaciniai reikalavimai"): a clause's predicate, never a
    term's first word (a named kind takes the definite form: "gyvenamoji vieta")."""
    return info.participle and bool(_LT_PRESENT_PASSIVE_FORM.search(word.lower()))


# A reflexive verbal noun's case forms (-masis, -mosi, -muisi, -mąsi) on a stem of some length.
_LT_REFLEXIVE_VERBAL_NOUN = re.compile(r"..[ymi]m(asis|osi|uisi|ąsi)$")


def _past_gerund(low: str) -> bool:
    """A past gerund (padalyvis) the dictionary lacks, of a verb it has: "pablogėjus"
    (pablogėti), "sumažėjus": the stem before -us, or before -jus, takes the infinitive's
    -ti."""
    if not low.endswith("us") or len(low) < 7:
        return False
    stems = {low[:-2], low[:-3]} if low.endswith("jus") else {low[:-2]}
    return any(dictionary.is_lemma(stem + "ti", "lt") for stem in stems)


def _negated(word: str, low: str) -> WordInfo | None:
    """ne- before an adjective, participle or verb the dictionary knows while it lacks the
    whole word: "nesaugios" is saugus negated, "netinkamos" tinkamas."""
    cut = 4 if low.startswith("nebe") else 2  # "nebepakanka": no longer enough
    rest = low[cut:]
    if not low.startswith("ne") or len(rest) < 4 or dictionary.known(low, "lt") \
            or not dictionary.known(rest, "lt"):
        return None
    info = _lithuanian(word[cut:], rest)
    if info.role != ADJ:
        return WordInfo(low, STOP) if info.role == STOP else None
    return info._replace(key="ne" + info.key)


def _affirmative_of_a_verb(low: str) -> bool:
    """A form the dictionary lacks whose negation it files under a verb ("viršija",
    exceeds, known only as "neviršija"), or the spoken first person plural whose written
    form or third person it files so ("nukreipiam": nukreipiame; "surašom": surašo)."""
    return any(dictionary.known(form, "lt") and _is_verb_lemma(dictionary.lemmatize(form, "lt"))
               for form in ("ne" + low, *((low + "e", low[:-1]) if low.endswith(_SPOKEN_PLURAL)
                                          else ())))


_SPOKEN_PLURAL = ("am", "im", "om")  # the written -ame, -ime, -ome without its -e


# Locative singular endings other than an -as noun's -e.
_LT_OTHER_LOCATIVES = ("ose", "ėse", "uose", "yje", "oje", "ėje", "uje", "ame", "ume")


def _locative_stem(low: str) -> str | None:
    """The stem of an -as noun's locative singular the dictionary lacks ("vizite" ->
    vizit-, as "vizito, vizitą"), which the Snowball stemmer cuts as a verb's -ite."""
    if low.endswith("e") and not low.endswith(_LT_OTHER_LOCATIVES) and len(low) > 5 \
            and low[-2] not in "aąeęėiįyouųū":
        return low[:-1]
    return None


def _present_passive_of_a_verb(lemma: str) -> bool:
    """A lemma in -omas the dictionary keeps as a word of its own while its verb in -yti
    or -oti exists: a present passive participle (nustatomas, nustatyti), not a noun
    (diplomas, sindromas have no verb)."""
    return lemma.endswith("omas") and len(lemma) > 6 and any(
        dictionary.is_lemma(lemma[:-4] + ending, "lt") for ending in ("yti", "oti"))


def _negated_passive(low: str) -> bool:
    """A negated past passive participle in -ta or -tas ("nerasta", "nesudarytas") whose
    verb without ne- the dictionary has (rasti, sudaryti)."""
    return low.startswith("ne") and low.endswith(("ta", "tas")) and dictionary.is_lemma(
        low[2:].removesuffix("s")[:-1] + "i", "lt")


def _plain_of_definite(low: str) -> str | None:
    """The adjective lemma of a definite form the dictionary lacks whose plain form it
    files under an adjective ("savarankiškąją" -> savarankišką -> savarankiškas)."""
    if not is_definite(low) or dictionary.known(low, "lt"):
        return None
    plain = indefinite(low)
    lemma = dictionary.lemmatize(plain, "lt")
    return lemma if plain != low and dictionary.known(plain, "lt") \
        and lithuanian_adjective(lemma) else None


def _passive_participle(lemma: str) -> bool:
    """A past passive participle the dictionary lists as a word of its own (apribotas,
    sudarytas): its verb is the same stem with -ti, and no noun's dative in -ui is filed
    under it (plotas, floor area, is a noun though ploti, to clap, is a verb)."""
    return lemma.endswith("tas") and len(lemma) > 5 and dictionary.is_lemma(
        lemma[:-2] + "i", "lt") and not dictionary.is_form_of(lemma[:-2] + "ui", lemma, "lt")


def lithuanian_noun_lemma(form: str) -> str | None:
    """A dictionary noun lemma sharing the form's stem (for nouns read as verbs)."""
    base = lithuanian_stem(form)
    nouns = [base + ending for ending in _LT_NOUN_ENDINGS
             if dictionary.is_lemma(base + ending, "lt") and not _is_verb_lemma(base + ending)]
    # the declension first: the dictionary files "nariais" under narė, whose instrumental
    # plural is narėmis; it is narys's
    declining = [noun for noun in nouns if form in paradigm(noun)]
    filed = [noun for noun in nouns if dictionary.is_form_of(form, noun, "lt")]
    return (declining or filed or [None])[0]  # "globos" is globa's; "saugo" no form of sauga


_LT_LEMMA_ENDINGS = ("is", "as", "us", "ys", "a", "ė", "ius", "ias", "uo")


def _lithuanian_lemma_of_unknown(form: str) -> str | None:
    """A dictionary lemma sharing the Snowball stem of a form the dictionary lacks, whose
    declension has that form; None when there is none or more than one."""
    base = lithuanian_stem(form)
    found = {base + ending for ending in _LT_LEMMA_ENDINGS
             if dictionary.is_lemma(base + ending, "lt") and not _is_verb_lemma(base + ending)
             and form in paradigm(base + ending)}
    if not found:
        found = _feminine_filed_under_masculine(base, form)
    return found.pop() if len(found) == 1 else None


def _feminine_filed_under_masculine(base: str, form: str) -> set[str]:
    """A feminine -ė noun's form the dictionary lacks while it knows the nominative and
    files it under the masculine ("specialistei": specialistė, filed as specialistas)."""
    feminine = base + "ė"
    if not dictionary.known(feminine, "lt") or form not in paradigm(feminine):
        return set()
    lemma = dictionary.lemmatize(feminine, "lt")  # ("pabarė", "baigė": a verb's past)
    return set() if _is_verb_lemma(lemma) else {lemma}


_LT_ADJ_LEMMA_SUFFIXES = ("inis", "iškas", "ingas", "alus")


@functools.lru_cache(maxsize=None)
def lithuanian_adjective(lemma: str) -> bool:
    """Adjective lemmas: a productive adjective suffix (socialinis, prevencinis), or a
    masculine dative in -am/-iam or -iems the dictionary lists (geram, gausiam, senyviems)
    - nouns have -ui, -ams."""
    if lemma.endswith(_LT_ADJ_LEMMA_SUFFIXES):
        return True
    for ending in ("as", "is", "us", "ys"):
        if lemma.endswith(ending):
            base = lemma[: -len(ending)]
            endings = _LT_ADJ_ONLY_AS if ending == "as" else _LT_ADJ_ONLY
            return any(dictionary.is_form_of(base + form, lemma, "lt") for form in endings) \
                or ending == "us" and _definite_us_adjective(base, lemma)
    return False


# Forms only an adjective or participle has: the masculine dative (-am, -iam, -iems), and
# the pronominal (definite) forms; for lemmas in -as also the masculine nominative plural in
# -i (gyvenami, kviečiami), where a noun has -ai.
_LT_ADJ_ONLY = ("am", "iam", "iems", "asis", "oji", "ieji", "osios", "ajam")
_LT_ADJ_ONLY_AS = _LT_ADJ_ONLY + ("i",)
# and for lemmas in -us the definite forms keep the stem's -i- (reguliarioji, reguliariosios):
# sūnus, turgus, medus have none
_LT_DEFINITE_US = ("ioji", "iosios", "ieji", "iasis")


def _definite_us_adjective(base: str, lemma: str) -> bool:
    """An -us adjective known by its definite forms alone ("reguliarus"), unless a noun
    of its stem shares its forms ("veiklų" is veikla's, activities, before veiklus's)."""
    return any(dictionary.is_form_of(base + form, lemma, "lt") for form in _LT_DEFINITE_US) \
        and not any(dictionary.is_lemma(base + ending, "lt") for ending in _NOUN_ENDINGS_US)


_NOUN_ENDINGS_US = ("a", "as", "ė", "is", "ys")


def lithuanian_noun_gender(lemma: str) -> str:
    """"f" for nouns in -a, -ė, the feminine -is declension (dalis, priežastis: the
    genitive is -ies, a masculine's, brolis, viešbutis, -io) and plural-only nouns in -os,
    -ės (lėšos, pajamos, išlaidos: no masculine lemma ends so), else "m"."""
    if lemma.endswith(("a", "ė", "os", "ės")):
        return "f"
    if lemma.endswith("is") and len(lemma) > 3 and dictionary.is_form_of(
            lemma[:-2] + "ies", lemma, "lt") and not dictionary.is_form_of(
            lemma[:-2] + "io", lemma, "lt"):
        return "f"
    return "m"


# -- English and other simplemma languages --------------------------------------------------
def _dictionary_language(word: str, low: str, lang: str) -> WordInfo:
    lemma = dictionary.lemmatize(low, lang)
    name = word[:1].isupper() and not dictionary.known(low, lang)
    return WordInfo(lemma, NOUN, name)


def head_position(words: list[str], lang: str) -> int | None:
    """The head of a head-final phrase (Lithuanian, English): the last noun before any
    preposition ("asmenys [su negalia]", "socialinių paslaugų centras")."""
    roles = [analyse(w, lang).role for w in words]
    end = roles.index(PREP) if PREP in roles else len(words)
    for position in range(end - 1, -1, -1):
        if roles[position] == NOUN:
            return position
    return None
