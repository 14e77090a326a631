"""Polish noun phrases: which word is the head, which adjectives agree with it, and whether
the words after it are dependents a noun phrase can have.

    [adjectives] HEAD [adjectives]  ( [preposition] [adjectives] NOUN [adjectives] )*

Adjectives agree with their noun in number, case and gender (the (number, case, gender)
triples of morfeusz2's readings must intersect). A dependent without a preposition is in
the genitive ("ośrodek pomocy społecznej"), dative ("usługi rodzinie") or instrumental
("zarządzanie przypadkiem"), or the accusative after a participle or gerund, which govern
objects like verbs; after a preposition, in a case the preposition governs ("opieka nad
dziećmi"); after a conjunction, in the case of the phrase before it ("Ochrony Społecznej
i Pracy"). So "seminarium kierownik wydziału" (two nominatives in a row) and
"społecznych rejonu wileńskiego" (an adjective agreeing with nothing) are no phrases.
"""

from __future__ import annotations

import functools
from typing import Callable

from termbase.text import polish
from termbase.extraction.analysis import ADJ, NOUN, PREP, analyse
from termbase.extraction.polish_prepositions import PHRASAL
from termbase.extraction.stopwords import is_coordinator
from termbase.extraction.termhood import general_frequency

Triples = frozenset  # of (number, case, gender)
DEPENDENT_CASES = frozenset({"gen", "dat", "inst"})
_HEAD_ORDER = {"subst": 0, "depr": 1, "ger": 2}


def _triples(reading: polish.Reading, cases: frozenset | None = None) -> Triples:
    return frozenset((n, c, g) for n in reading.numbers for c in reading.cases
                     for g in reading.genders if cases is None or c in cases)


def nominal_readings(word: str, kinds: frozenset, prefer: tuple[str, ...] = (),
                     strict: bool = False) -> list[polish.Reading]:
    """Readings of these parts of speech, those of the `prefer`red lemmas first (only
    those, when `strict` and the first preferred lemma has any)."""
    found = [r for r in polish.readings(word) if r.pos in kinds]
    if strict and prefer:
        own = [r for r in found if r.base_lemma.lower() == prefer[0]]
        found = own or found

    def order(reading: polish.Reading) -> tuple[int, int]:
        lemma = reading.base_lemma.lower()
        rank = prefer.index(lemma) if lemma in prefer else len(prefer)
        return rank, _HEAD_ORDER.get(reading.pos, 3)
    return sorted(found, key=order)


def _agreeing(word: str, agreement: Triples, prefer: tuple[str, ...] = ()
              ) -> tuple[polish.Reading, Triples] | None:
    """The first adjective reading (of the preferred lemmas first: "otwartego" as otwarty,
    not as a participle of otworzyć) that agrees, and the agreement left."""
    for reading in nominal_readings(word, polish.ADJ_POS, prefer):
        common = agreement & _triples(reading)
        if common:
            return reading, common
    return None


def is_adverb(word: str) -> bool:
    """A word morfeusz2 reads as an adverb (also when it has other readings: "samotnie"),
    or a word it does not know, in -o, whose stem makes an adjective in -y: the first part
    of a compound adjective ("terapeutyczno-" of "terapeutyczno-opiekuńczy")."""
    readings = polish.readings(word)
    if any(r.pos in ("adv", "adja") for r in readings):
        return True
    low = word.lower()
    return all(r.pos == "ign" for r in readings) and low.endswith("o") and any(
        r.pos == "adj" for r in polish.readings(low[:-1] + "y"))


def _word_triples(word: str, kinds: frozenset, cases: frozenset | None = None) -> Triples:
    """What the word's readings of these parts of speech may agree in, all together."""
    return frozenset().union(*(_triples(r, cases) for r in nominal_readings(word, kinds)))


def _agrees(adjective: str, noun: str, cases: frozenset | None = None) -> bool:
    """Whether some adjective reading of one word agrees with a noun reading of the other."""
    return bool(_word_triples(noun, polish.NOUN_POS, cases)
                & _word_triples(adjective, polish.ADJ_POS))


def next_noun(words: list[str], k: int) -> int | None:
    """The position of the first word after `k` that can be a noun, past words that can
    only be adjectives ("wieloletniego [rządowego] programu")."""
    for m in range(k + 1, len(words)):
        noun, adjective = _nominal_kinds(words[m])
        if noun:
            return m
        if not adjective:
            return None
    return None


@functools.lru_cache(maxsize=None)
def _nominal_kinds(word: str) -> tuple[bool, bool]:
    """(has a noun reading, has an adjective reading)."""
    kinds = {r.pos for r in polish.readings(word)}
    return bool(kinds & polish.NOUN_POS), bool(kinds & polish.ADJ_POS)


@functools.lru_cache(maxsize=None)
def _gerund(word: str) -> bool:
    return any(r.pos == "ger" for r in polish.readings(word))


def modifies_the_next_noun(words: list[str], k: int, noun: int | None = None) -> bool:
    """Whether the adjective at `k`, right after a noun it could agree with, belongs to the
    noun after it (past other adjectives) instead: where it opens a name ("Kierownika
    [Gminnego Ośrodka] Pomocy Społecznej", both capitalised, in an oblique case, where a
    name's head and its own adjective would stand in the nominative); where the noun
    before is a verbal noun, which takes an object, not a classifying adjective
    ("przyznania [specjalnego zasiłku] celowego", "ustanowienia [wieloletniego rządowego
    programu]"); where the noun after is one, which a classifying adjective does not
    follow ("obowiązku [niezwłocznego informowania]"); and where a name ends before it,
    the adjective in lower case ("Wójtowi Gminy [roczne sprawozdanie]"); and where it is
    an ordinal before a bare genitive ("organu [drugiego stopnia]"). `noun`: the
    noun's position, when adverbs stand between ("opuszczenia [wspólnie] zajmowanego
    mieszkania"); else the word before."""
    noun = k - 1 if noun is None else noun
    following = next_noun(words, k) if 0 <= noun < k else None
    if following is None:
        return False
    before, ours, after = words[noun], words[k], words[following]
    if noun and before[:1].isupper() and words[noun - 1][:1].isupper() \
            and ours[:1].islower() and _agrees(ours, after):
        return True
    if not _agrees(ours, after, DEPENDENT_CASES):
        return False
    if following == k + 1 and _ordinal(ours) and _agrees(ours, after, frozenset({"gen"})) \
            and not (k + 2 < len(words) and _agrees(words[k + 2], after)):
        # "organu [drugiego] stopnia": the degree's, as `inner_ordinal` says (but "klasy
        # pierwszej [szkoły podstawowej]", a genitive with an adjective of its own)
        return True
    if _gerund(before) or (_gerund(after) and not _gerund(ours)):
        return True
    return ours[:1].isupper() and after[:1].isupper() and not _agrees(
        ours, before, frozenset({"nom"}))


_SECOND_OBJECT_CASES = ({"inst"}, {"dat"})


@functools.lru_cache(maxsize=None)
def _second_object_case(word: str) -> bool:
    """Whether the word can only be an instrumental, or only a dative."""
    cases = {c for r in nominal_readings(word, polish.NOUN_POS) for c in r.cases}
    return cases in _SECOND_OBJECT_CASES


def second_object_of_a_verbal_noun(words: list[str], i: int, j: int) -> bool:
    """Whether the noun at `j`, an instrumental or a dative (in no other case) right after
    the phrase opening at `i`, is the second object of a verbal noun before `i` (past its
    object's adjectives), not a complement of that phrase: "objęcie [rodziny] wsparciem",
    "objęcie [najstarszej córki] zajęciami", "zapewnienie [posiłku] osobom" (but "zarząd
    majątkiem", "objęcie rodziny wsparciem", "pomoc osobom"). The object of a complex
    preposition takes none either: "pomoc w zakresie [dożywiania] osobom starszym"."""
    if not 0 < i < j or not _second_object_case(words[j]):
        return False
    k = i - 1
    while k >= 0 and not _gerund(words[k]) and _nominal_kinds(words[k])[1]:
        k -= 1
    return k >= 0 and (_gerund(words[k]) or k > 0 and words[k].lower() in PHRASAL.get(
        words[k - 1].lower(), ()))


def is_reflexive_of_verbal_noun(words: list[str], k: int) -> bool:
    """Whether the word at `k` is the reflexive "się" of the verbal noun before it: part
    of that noun ("zakaz zbliżania się", "zrzeczenie się prawa"), not a verb's."""
    return 0 < k < len(words) and words[k].lower() == "się" and any(
        r.pos == "ger" for r in polish.readings(words[k - 1]))


class Phrase:
    """A head reading and the adjectives that agree with it, by position."""

    def __init__(self, position: int, head: polish.Reading, cases: frozenset | None):
        self.position, self.head = position, head
        self.adjectives: dict[int, polish.Reading] = {}
        self.agreement: Triples = _triples(head, cases)
        self.end = position + 1  # one past the last word of the phrase

    def extend(self, words: list[str], positions, prefer: list[tuple[str, ...]] = ()
               ) -> bool:
        """Take the adjectives at `positions` while they agree; False at the first that does
        not."""
        for p in positions:
            if p + 1 < len(words) and p + 1 in positions and is_adverb(words[p]):
                continue  # "samotnie [gospodarująca]", "opiekuńczo-[wychowawcza]"
            if p - 1 in self.adjectives and p + 1 in positions \
                    and is_coordinator(words[p].lower(), "pl"):
                continue  # "Kodeksu rodzinnego [i] opiekuńczego": the next one agrees too
            if p > self.position and all(map(is_adverb, words[self.position + 1:p])) \
                    and modifies_the_next_noun(words, p, self.position):
                return False
            found = _agreeing(words[p], self.agreement, prefer[p] if p < len(prefer) else ())
            if not found:
                return False
            self.adjectives[p], self.agreement = found
            self.end = max(self.end, p + 1)
        return True


def parse_phrase(words: list[str], prefer: list[tuple[str, ...]], start: int = 0,
                 cases: frozenset | None = None, strict: bool = False) -> Phrase | None:
    """The phrase beginning at `start`: the rightmost noun with only agreeing adjectives
    before it heads it (so "socjalnych pracowników" is headed by the noun, not by socjalny
    read as a noun), unless a plural-only noun has it as its adjective ("dane osobowe",
    not the adjective dany before osobowy read as a noun); of its readings, the one most
    following adjectives agree with ("pracownicy socjalni": the plural of pracownik, not
    the genitive of pracownica)."""
    best = None
    for h in range(start, len(words)):
        options = []
        lemmas = prefer[h] if h < len(prefer) else ()
        for head in nominal_readings(words[h], polish.NOUN_POS, lemmas, strict):
            phrase = Phrase(h, head, cases)
            if phrase.agreement and phrase.extend(words, range(start, h), prefer):
                phrase.extend(words, range(h + 1, len(words)), prefer)
                options.append(phrase)
        if options and not (best is not None and "pt" in best.head.rest and (
                h in best.adjectives or best.adjectives and all(
                    best.position in ph.adjectives for ph in options))):
            # (nor a noun after a plural-only noun's own adjectives, that would read the
            # noun as an adjective: "[dane osobowe] dzieci", not "dane osobowe dziecko")
            best = max(options, key=lambda ph: len(ph.adjectives))
        if not nominal_readings(words[h], polish.ADJ_POS) and not is_adverb(words[h]):
            break  # a head further right would have this non-adjective before it
            # (an adverb may stand before its adjective: "[wspólnie] zajmowanego")
    return best


@functools.lru_cache(maxsize=None)
def governed_cases(preposition: str) -> frozenset:
    """Cases a preposition governs: morfeusz2 tags it prep:gen, prep:acc, prep:loc ..."""
    return frozenset(r.rest[0] for r in polish.readings(preposition)
                     if r.pos == "prep" and r.rest)


def _verbal(phrase: Phrase, position: int) -> bool:
    """Whether the word at `position` (the phrase's last) is a participle or gerund."""
    if position == phrase.position:
        return phrase.head.pos == "ger"
    reading = phrase.adjectives.get(position)
    return reading is not None and reading.pos in ("ppas", "pact")


@functools.lru_cache(maxsize=None)
def _active_participle(word: str) -> bool:
    """A word that may be an active participle, whatever reading a phrase took it in (the
    noun "zarządzający", the adjective "zarządzający:A"): it governs its verb's cases."""
    return any(r.pos == "pact" for r in polish.readings(word))


def _name(words: list[str]) -> bool:
    """Every word capitalised but the prepositions and conjunctions: an official name."""
    return all(w[:1].isupper() for w in words
               if analyse(w, "pl").role != PREP and not is_coordinator(w.lower(), "pl"))


def is_noun_phrase(words: list[str], prefer: list[tuple[str, ...]]) -> bool:
    """Whether the words parse as a noun phrase. A name may also coordinate after its head
    ("Wydział Rodzinny i [Wydział] Nieletnich") and name a title in the nominative after it
    ("Program Aktywizacja i Integracja")."""
    phrase = head = parse_phrase(words, prefer)
    if phrase is None:
        return False
    name = _name(words)
    p = phrase.end
    governed = frozenset()  # the case of the last preposition's object
    while p < len(words):
        if is_reflexive_of_verbal_noun(words, p):
            p += 1
            continue
        cases = DEPENDENT_CASES | ({"nom"} if name and phrase is head else frozenset())
        if "m1" in phrase.head.genders and not _verbal(phrase, p - 1) \
                and not _active_participle(words[p - 1]):
            # a person governs no instrumental: "[koszty przejazdów] asystenta
            # komunikacją publiczną" is the journey's means, not the assistant's; a
            # participle does, its verb's ("zarządzający nieruchomością wspólną", "uczniów
            # objętych pomocą")
            cases = cases - {"inst"}
        if _verbal(phrase, p - 1):  # "osób doświadczających wykluczenie": a verb's object
            cases = cases | {"acc"}
        if is_coordinator(words[p].lower(), "pl"):
            if phrase is head and not name:
                return False  # "Ubóstwu i Wykluczeniu" only coordinates within a name
            # the case of the phrase before; after a name's head, also a genitive; after
            # a preposition, its object's ("o wspieraniu rodziny i systemie pieczy")
            cases = frozenset(c for _n, c, _g in phrase.agreement) | governed
            if phrase is head:
                cases |= DEPENDENT_CASES
            p += 1
        after_preposition = p < len(words) and analyse(words[p], "pl").role == PREP
        if after_preposition:
            # (also after a conjunction: "o działalności ... i o wolontariacie")
            cases = governed_cases(words[p].lower())
            p += 1
        # A dependent must be read as the lexeme it was counted under: "uczestnicy" in
        # "seminarium uczestnicy" is uczestnik (nominative), not uczestnica (genitive).
        dependent = parse_phrase(words, prefer, p, cases, strict=True) \
            if p < len(words) else None
        if dependent is None:
            return False
        if after_preposition:
            governed = frozenset(c for _n, c, _g in dependent.agreement)
        phrase, p = dependent, dependent.end
    return True


_OBJECT_CASES = frozenset({"nom", "acc", "gen"})


def dative_before_an_object(words: list[str], prefer: list[tuple[str, ...]]) -> bool:
    """Whether the phrase is a verb's two objects rather than a head and its genitive: a
    head read as a dative (or a locative too, not a locative alone), then a noun read as a genitive plural and not
    as a nominative or accusative ("[udzielił] rodzinie porad", "[zapewnił] mieszkańcom
    usług"); "rodzinie dziecka" (a genitive singular) stays a phrase."""
    phrase = parse_phrase(words, prefer)
    if phrase is None or phrase.end >= len(words):
        return False
    cases = {c for _n, c, _g in phrase.agreement}
    if "dat" not in cases or cases & (_OBJECT_CASES | {"inst"}):
        return False  # "[w otwartym] konkursie ofert": a locative is a preposition's
    after = nominal_readings(words[phrase.end], polish.NOUN_POS)
    return any("gen" in r.cases and "pl" in r.numbers for r in after) and not any(
        {"nom", "acc"} & r.cases or "sg" in r.numbers and "gen" in r.cases for r in after)


def heads_a_name(words: list[str], k: int) -> bool:
    """Whether a capitalised word that morfeusz2 also reads as an adjective is a noun
    heading a name: a capitalised noun it cannot agree with follows, its genitive ("ustala
    corocznie [Rada] Gminy": rada, not the adjective rad)."""
    if k + 1 >= len(words) or not words[k][:1].isupper() or not words[k + 1][:1].isupper():
        return False
    return bool(nominal_readings(words[k], frozenset({"subst", "depr"}))) and bool(
        nominal_readings(words[k + 1], polish.NOUN_POS)) and not _agrees(words[k],
                                                                          words[k + 1])


def may_be_genitive(word: str, kinds: frozenset = polish.NOUN_POS | polish.ADJ_POS) -> bool:
    """Whether a reading of `word` of these kinds (nouns and adjectives) is a genitive
    (true of any word when there is no dictionary)."""
    return not polish.available() or any(
        "gen" in r.cases for r in polish.readings(word) if r.pos in kinds)


def polish_genitives(text: str, tokens, infos) -> list[int]:
    """Positions of "i"/"oraz" joining two genitive nouns right after the noun they both
    complement: "sąd [pracy i ubezpieczeń] społecznych", "wydział [oświaty i spraw]
    społecznych"; one term, not a phrase and the start of another. No punctuation between
    (a comma makes a list)."""
    if not polish.available():
        return []  # no cases to read: no join
    found = []
    for k in range(2, len(tokens) - 1):
        if not is_coordinator(tokens[k].text.lower(), "pl") or any(
                text[tokens[m].end:tokens[m + 1].start] != " " for m in (k - 2, k - 1, k)):
            continue
        if infos[k - 2].role == NOUN and infos[k - 1].role == NOUN \
                and infos[k + 1].role == NOUN \
                and may_be_genitive(tokens[k - 1].text, polish.NOUN_POS) \
                and may_be_genitive(tokens[k + 1].text, polish.NOUN_POS) \
                and not _gerund(tokens[k - 2].text) \
                and not (k + 2 < len(tokens) and infos[k + 2].role in (NOUN, PREP)):
            # (a verbal noun's two objects, "przyznanie [zasiłku i pomocy]", are an act's;
            # a second genitive with its own complement, "[sytuacji rodziny] i [potrzeb
            # dziecka]", "[stopniem niepełnosprawności] i [osoby z ...]", is a phrase of
            # its own, its head another noun's)
            found.append(k)
    return found


# Ordinal adjectives are stop words (no "pierwszy etap", "drugi rok"), but a legal term can
# hold one inside: "organ pierwszej instancji", "sąd drugiej instancji".
ORDINALS = frozenset({"pierwszy", "drugi", "trzeci"})


def inner_ordinal(words: list[str], k: int) -> str | None:
    """The lemma of an ordinal at `k` that modifies a noun's genitive complement: a noun
    before it, a genitive noun after it that it agrees with ("organowi [pierwszej]
    instancji"); None otherwise. So the ordinal never opens a phrase of its own there
    unless its noun does ("pierwsza instancja")."""
    if not 0 < k < len(words) - 1:
        return None
    lemma = _ordinal(words[k])
    if lemma is None or analyse(words[k - 1], "pl").role != NOUN:
        return None
    return lemma if _agrees(words[k], words[k + 1], frozenset({"gen"})) else None


def _ordinal(word: str) -> str | None:
    return min(_lemmas(word, polish.ADJ_POS) & ORDINALS, default=None)


@functools.lru_cache(maxsize=65_536)
def _lemmas(word: str, kinds: frozenset) -> frozenset[str]:
    """The lemmas of the word's readings of these parts of speech (cached: the rules
    below ask for them per token)."""
    return frozenset(r.base_lemma.lower() for r in nominal_readings(word, kinds))


# A plural-only noun sharing its forms with another noun's plural is taken for what the
# text means when its own forms are this many times as common as the other noun's
# singular: "akta" (files) beside akt, "studia" beside studio, but not "posiłki"
# (reinforcements) beside posiłek, nor "środki" beside środek.
PLURAL_DOMINANCE = 2.0


@functools.lru_cache(maxsize=65_536)
def plurale_tantum(word: str) -> polish.Reading | None:
    """The reading of a word as a noun that has only a plural ("aktach" as akta, "studiów"
    as studia, "danych" as dane, "usług" as usługi), when morfeusz2 knows one, the word
    names no person (the plural "rodzice" still gives "rodzic zastępczy") and that noun is
    the commoner sense (`PLURAL_DOMINANCE`, weighed on general-language frequencies)."""
    readings = polish.readings(word)
    found = []
    for reading in readings:
        if reading.pos == "subst" and "pt" in reading.rest and "m1" not in reading.genders:
            others = {r.base_lemma for r in readings if r.pos == "subst"
                      and "pt" not in r.rest} - {reading.base_lemma}
            own = _forms_frequency(reading.base_lemma, "pl")
            if all(own >= PLURAL_DOMINANCE * _forms_frequency(other, "sg", reading.base_lemma)
                   for other in others):
                found.append((own, reading))
    # of two plural-only nouns, the commoner ("alimenty", not the archaic "alimenta")
    return max(found, key=lambda pair: pair[0])[1] if found else None


@functools.lru_cache(maxsize=65_536)
def _forms_frequency(lemma: str, number: str, besides: str = "") -> float:
    """The general-language frequency of a noun's forms that are only of this number and
    no form of `besides` (a plural-only noun whose forms it shares)."""
    shared = {f.form.lower() for f in polish.generated(besides)} if besides else set()
    forms = {f.form.lower() for f in polish.generated(lemma)
             if f.pos == "subst" and f.numbers == {number}} - shared
    return sum(general_frequency(form, "pl") for form in forms)


def plural_only_noun(words: list[str], k: int) -> polish.Reading | None:
    """The plural-only noun an adjective's homograph at `k` is where an adjective after it
    agrees with that noun: "[danych] osobowych" is dane's, not the adjective dany's
    ("w danym roku" keeps it)."""
    noun = plurale_tantum(words[k]) if k + 1 < len(words) else None
    if noun is None:
        return None
    return noun if _triples(noun) & _word_triples(words[k + 1], polish.ADJ_POS) else None


def title_coordinators(words: list[str], roles: list[str], initial: Callable[[int], bool]
                       ) -> list[int]:
    """The conjunction between two adjectives that both agree with a capitalised noun
    before them, inside a sentence: the "i" of "Kodeksu rodzinnego i opiekuńczego", a
    title whose words would otherwise give "Kodeks opiekuńczy". Not where the second
    adjective opens a phrase of its own ("Rady miejskiej i [gminnej komisji]"). `initial`
    tells whether a position opens a sentence (its capital says nothing, except a code's:
    "Kodeks rodzinny i opiekuńczy reguluje ...", where "Zasiłek stały i okresowy" is two)."""
    found = []
    for k in range(2, len(words) - 1):
        noun, first, second = k - 2, k - 1, k + 1
        if not is_coordinator(words[k].lower(), "pl") or roles[noun] != NOUN \
                or roles[first] != ADJ or roles[second] != ADJ \
                or not words[noun][:1].isupper() or initial(noun) and not _code(words[noun]) \
                or not words[first].islower() or not words[second].islower():
            continue
        if second + 1 < len(words) and roles[second + 1] == NOUN \
                and _agrees(words[second], words[second + 1]):
            continue
        if _word_triples(words[noun], polish.NOUN_POS) \
                & _word_triples(words[first], polish.ADJ_POS) \
                & _word_triples(words[second], polish.ADJ_POS):
            found.append(k)
    return found


def _code(word: str) -> bool:
    """Whether the word is a form of "kodeks", a title noun wherever it stands."""
    return "kodeks" in _lemmas(word, polish.NOUN_POS)


# Nouns of time are stop words, so that no date is a term ("dnia 15 marca", "w roku
# 2026"); with an adjective of their own they name a period: "rok szkolny", "rok
# kalendarzowy", "dzień roboczy", "czynności dnia codziennego".
TIME_NOUNS = frozenset({"dzień", "rok"})
# adjectives that date by pointing from the text's own time: "w roku bieżącym", "w dniu
# dzisiejszym" are dates, no period's name
POINTING_IN_TIME = frozenset({"bieżący", "dzisiejszy", "wczorajszy", "jutrzejszy",
                              "obecny", "tegoroczny", "ostatni", "kolejny", "dany"})


def time_noun(words: list[str], k: int, adjective_next: bool) -> str | None:
    """The lemma of a noun of time at `k` followed by an adjective (`adjective_next`: the
    next word's role) that agrees with it; None otherwise."""
    if not adjective_next or k + 1 >= len(words):
        return None
    lemmas = _lemmas(words[k], polish.NOUN_POS) & TIME_NOUNS
    if not lemmas or not _agrees(words[k + 1], words[k]) \
            or _lemmas(words[k + 1], polish.ADJ_POS) & POINTING_IN_TIME:
        return None
    return min(lemmas)
