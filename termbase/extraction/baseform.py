"""The dictionary form of a candidate: "pracownikom socjalnym" -> "pracownik socjalny".

Only the head noun and the adjectives that agree with it change; dependent words keep the
form they were seen in ("ośrodków pomocy społecznej" -> "ośrodek pomocy społecznej",
"socialinių paslaugų centro" -> "socialinių paslaugų centras"). The result is the
nominative singular (plural for nouns without a singular, and for Polish terms the text
uses only in the plural: `polish_number`).

* Polish: morfeusz2 reads every word; the head is the noun reading that the adjectives
  before it agree with (same number, case and gender), adjectives after it agree in turn,
  and morfeusz2's generator supplies the nominative of each.
* Lithuanian (`lithuanian`): the head is the last noun before any preposition; it takes
  simplemma's lemma, the adjectives just before it the nominative of its gender; words
  the dictionary lacks get theirs from the paradigm of the forms seen.
* English: the head's lemma (singular); nothing else inflects.

A form is never invented: each word is generated (morfeusz2), confirmed by the dictionary
(simplemma), inferred from the paradigm of forms seen, or seen itself. When nothing works,
the phrase keeps a form it was seen in (Polish: the commonest grammatical one; Lithuanian:
the most nominative-looking).
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from termbase.extraction import lithuanian
from termbase.extraction.polish_homographs import noun_lemma_frequency
from termbase.text import polish
from termbase.extraction.analysis import RARE_HOMOGRAPH_RATIO, analyse, head_position
from termbase.extraction.polish_np import (dative_before_an_object, is_noun_phrase,
                                          parse_phrase, plurale_tantum)
from termbase.extraction.polish_number import SingularInTermbase, used_in_plural
from termbase.text.normalize import tokenize

FormsOf = Callable[[str], Counter]  # lemma key -> lower-case forms seen in the input


def base_form(variants: dict[str, int], lang: str, forms_of: FormsOf,
              lemmas: tuple[str, ...] = (), members: dict[str, set[str]] | None = None,
              substantives: frozenset = frozenset(),
              nominative_plurals: frozenset = frozenset(),
              singular_in_termbase: SingularInTermbase | None = None,
              written_in_plural: Callable[[str], bool] | None = None) -> str:
    """The base form of a candidate from its observed surface variants (with counts).

    `lemmas` is the candidate's lemma key and `members` the lemmas merged into each key:
    a Polish word is generated from the reading of the candidate's own lexeme ("gmin" as
    gmina, not as the rare noun gmin). `substantives`: Polish adjective lemmas the input
    uses as nouns of their own ("Podopieczny uczestniczy"); `nominative_plurals`:
    Lithuanian lemma keys seen where only a nominative plural fits (`lithuanian`);
    `singular_in_termbase`: whether the termbase names a Polish head in the singular (see
    `polish_number`); `written_in_plural`: whether reviewers name terms with a Polish
    head (its nominative plural) in the plural (`lexicon.Lexicon.written_in_plural`)."""
    ordered = sorted(variants, key=lambda v: (-variants[v], v))
    styles = _case_styles(variants)
    prefer: list[tuple[str, ...]] = []
    if lang == "pl" and polish.available():  # grammatical variants first ("Samorządu
        prefer = _preferred(lemmas, members or {}, forms_of)  # Rejonu", not "Rejon")
        ordered.sort(key=lambda v: not is_noun_phrase(words_of(v), prefer))
    plural = lang == "lt" and lithuanian.used_in_plural([words_of(v) for v in ordered],
                                                        forms_of, nominative_plurals, lemmas)
    if lang == "lt":  # a genitive head hides which adjectives agree with it: try others first
        ordered.sort(key=lambda v: lithuanian.genitive_head(words_of(v)))
    complements = _polish_complements(ordered, prefer) if lang == "pl" and \
        polish.available() else frozenset()
    declining = _declining(ordered)
    unchanging = _unchanging(ordered) if lang == "lt" else frozenset()
    numbers = ("pl", "sg") if lang == "pl" and polish.available() and used_in_plural(
        map(words_of, ordered), prefer, singular_in_termbase,
        sum(variants.values()), written_in_plural) else ("sg", "pl")
    for variant in ordered:
        words = words_of(variant)
        if lang == "pl" and polish.available():
            forms = _polish(words, prefer, complements | (_substantive_complements(
                words, lemmas, prefer, substantives) - declining), numbers)
        elif lang == "lt":
            forms = lithuanian.base_words(words, forms_of, plural, lemmas, unchanging)
        else:
            forms = _head_lemma(words, lang)
        if forms:
            styles = _no_capitals_cut_from_a_name(styles, _nominative_part(words, lang,
                                                                           prefer))
            return _join(variant, [_restyle(f, s) for f, s in zip(forms, styles)])
    return lithuanian.most_nominative(ordered) if lang == "lt" else ordered[0]


def well_formed(variants: dict[str, int], lang: str, lemmas: tuple[str, ...] = (),
                members: dict[str, set[str]] | None = None) -> bool:
    """False for a run of words that is no noun phrase (see `polish_np`; in Lithuanian, a
    noun before the head that is not in the genitive)."""
    if lang == "lt":
        return any(lithuanian.dependents_in_genitive(words)
                   and lithuanian.complete_after_preposition(words)
                   and lithuanian.modifiers_agree(words)
                   for words in map(words_of, variants))
    if lang != "pl" or not polish.available():
        return True
    prefer = _preferred(lemmas, members or {})
    if sum(variants.values()) == 1 and all(dative_before_an_object(words_of(v), prefer)
                                           for v in variants):
        return False  # seen once, as a verb's objects: "[udzielił] rodzinie porad"
    return any(is_noun_phrase(words_of(v), prefer) for v in variants)


# -- shared helpers --------------------------------------------------------------------------
def words_of(variant: str) -> list[str]:
    return [t.text for t in tokenize(variant)]


def _join(variant: str, words: list[str]) -> str:
    """Put new words in place of the variant's tokens, keeping its separators (hyphens)."""
    tokens = tokenize(variant)
    out, last = [], 0
    for token, word in zip(tokens, words):
        separator = variant[last:token.start]
        if separator == ", " and not word[:1].isupper():
            separator = " "  # the pl-LT participle comma; a name's list keeps its commas
        out.append(separator)
        out.append(word)
        last = token.end
    return "".join(out)


def recapitalise(term: str, capitals: list[bool | None]) -> str:
    """The term with a capital on each word marked True and none on each marked False
    (None: as it is). True marks a word whose lemma the input mostly writes as a name:
    "Rūtiškių rajono savivaldybė" when the title line (a sentence start, whose capital
    says nothing) is its only occurrence but "Rūtiškių" stands capitalised inside other
    sentences; False a short name the document defines for itself ("pobyt mieszkanki",
    see `defined_names`). Left as it is when its words and the lemmas do not pair up."""
    tokens = tokenize(term)
    if len(tokens) != len(capitals):
        return term
    words = [t.text if capital is None else
             (t.text[:1].upper() if capital else t.text[:1].lower()) + t.text[1:]
             for t, capital in zip(tokens, capitals)]
    return _join(term, words)


def _style(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "upper"
    return "title" if word[:1].isupper() else "lower"


def _case_styles(variants: dict[str, int]) -> list[str]:
    """Per position, the case most occurrences were written in (sentence starts excluded),
    unless that puts together capitals no variant has and cuts a name's capitals short:
    then the capitals of one variant as a whole (`_whole_variant_styles`)."""
    votes: list[Counter] = []
    patterns: Counter = Counter()
    for variant, count in variants.items():
        pattern = tuple(_style(word) for word in words_of(variant))
        patterns[pattern] += count
        for position, style in enumerate(pattern):
            while len(votes) <= position:
                votes.append(Counter())
            votes[position][style] += count
    styles = [v.most_common(1)[0][0] for v in votes]
    if any(_cuts_capitals(styles, pattern) for pattern in patterns):
        return _whole_variant_styles(styles, votes, patterns)
    return styles


def _cuts_capitals(styles: list[str] | tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether `styles` stops a run of capitals in the middle where `other`, a variant's
    styles, goes on with them: "Gminny Ośrodek pomocy społecznej" beside "Gminny Ośrodek
    Pomocy Społecznej"."""
    return len(styles) == len(other) and any(
        styles[a] != "lower" and styles[a + 1] == "lower"
        and other[a] != "lower" and other[a + 1] != "lower" for a in range(len(styles) - 1))


def _whole_variant_styles(styles: list[str], votes: list[Counter], patterns: Counter
                          ) -> list[str]:
    """The styles of one observed variant, taken whole: of those that cut no other's run
    of capitals, the most often written, then the one the per-word votes favour most, then
    one with capitals (a name as the text writes it). The per-position styles stand when
    the variants differ in length or every one cuts another's capitals."""
    whole = [p for p in patterns if len(p) == len(styles)
             and not any(_cuts_capitals(p, other) for other in patterns)]
    if not whole:
        return styles
    best = max(whole, key=lambda p: (patterns[p], sum(v[s] for v, s in zip(votes, p)),
                                     sum(s != "lower" for s in p)))
    return list(best)


def _nominative_part(words: list[str], lang: str, prefer: list[tuple[str, ...]]
                     ) -> list[int]:
    """Positions of the head and the adjectives agreeing with it."""
    if lang == "lt":
        return lithuanian.nominative_part(words)
    if lang == "pl" and polish.available():
        phrase = parse_phrase(words, prefer)
        return [] if phrase is None else [phrase.position, *phrase.adjectives]
    return []


def _no_capitals_cut_from_a_name(styles: list[str], nominative: list[int]) -> list[str]:
    """Lower case for a head and its adjectives written with capitals when the first word
    has none: they were cut from a name ("administracijos [Būsto skyrius]" makes no
    "administracijos Būstas", "[Karta] Dużej" no "karta Duża"); a name in a complement
    keeps its capitals ("wniosek o Kartę")."""
    if not styles or styles[0] != "lower":
        return styles
    return ["lower" if p in nominative and style == "title" else style
            for p, style in enumerate(styles)]


def _restyle(word: str, style: str) -> str:
    if style == "upper":
        return word.upper()
    if style == "title":
        return word[:1].upper() + word[1:]
    return word.lower() if not word.isupper() or len(word) == 1 else word


# -- Polish ----------------------------------------------------------------------------------
def _preferred(lemmas: tuple[str, ...], members: dict[str, set[str]],
               forms_of: FormsOf | None = None) -> list[tuple[str, ...]]:
    """Per position, the lemmas to try first: the key, then the lemmas merged into it;
    with `forms_of`, those whose own nominative the input shows go first ("rady gminy"
    merged under the adjective rad is the council's when the text has "Rada Gminy")."""
    return [_seen_first((key, *sorted(members.get(key, ()))), forms_of) for key in lemmas]


def _seen_first(lemmas: tuple[str, ...], forms_of: FormsOf | None) -> tuple[str, ...]:
    """Lemmas the input shows in their own nominative first (a one-word key too:
    "badanie" alone is badanie, not the rare noun badan)."""
    if forms_of is None:
        return lemmas
    parts = tuple(dict.fromkeys(part for lemma in lemmas for part in lemma.split("|")))
    if len(parts) < 2:
        return lemmas
    seen = set().union(*(forms_of(lemma) for lemma in (*lemmas, *parts)))
    shown = {lemma for lemma in parts if lemma in seen and _only_nominative(lemma, parts)}
    return tuple(sorted(dict.fromkeys((*lemmas, *parts)), key=lambda l: l not in shown))


def _only_nominative(lemma: str, lemmas: tuple[str, ...]) -> bool:
    """The word is its noun lemma's nominative singular and no other of `lemmas`' oblique
    form: "rada" shows rada, but "karty" (gen. of karta) does not show karty, nor "gmin"
    (gen. pl. of gmina) the noun gmin. An oblique form of a rare homograph does not count
    ("badanie", also the locative of badan, shows badanie)."""
    readings = [r for r in polish.readings(lemma) if r.pos in polish.NOUN_POS]
    return any(r.base_lemma.lower() == lemma and "nom" in r.cases and "sg" in r.numbers
               for r in readings) and not any(
        r.base_lemma.lower() != lemma and r.base_lemma.lower() in lemmas
        and "nom" not in r.cases and noun_lemma_frequency(r.base_lemma.lower())
        * RARE_HOMOGRAPH_RATIO >= noun_lemma_frequency(lemma) for r in readings)


_GENDER_ORDER = {"m1": 0, "m2": 1, "m3": 2, "f": 3, "n": 4}


def _polish_complements(variants: list[str], prefer: list[tuple[str, ...]]) -> frozenset:
    """Positions after the head that keep their form while the head's case changes and
    that some variant shows not agreeing with it: a genitive complement ("zdrowiu
    podopiecznego" makes "zdrowia podopiecznego" the health of the ward, not a ward-like
    health), never an agreeing adjective to bring to the nominative."""
    split = [[w.lower() for w in words_of(v)] for v in variants]
    if len({tuple(words) for words in split}) < 2 or len({len(w) for w in split}) > 1:
        return frozenset()
    same = {p for p in range(len(split[0])) if len({words[p] for words in split}) == 1}
    found = set()
    for variant in variants:
        phrase = parse_phrase(words_of(variant), prefer)
        if phrase is not None:
            found |= {p for p in same if p > phrase.position and p not in phrase.adjectives}
    return frozenset(found)


def _unchanging(variants: list[str]) -> frozenset:
    """Positions whose word keeps its form in every variant while the last word's form
    changes: no adjective agreeing with the head ("bendrai gyvenantys asmenys", "bendrai
    gyvenančiam asmeniui": an adverb, not the plural of bendras). A form that can agree
    with the head in every variant is kept as an adjective: "svarbios priežasties",
    "svarbios priežastys" (its genitive singular and nominative plural are one form)."""
    split = [[w.lower() for w in words_of(v)] for v in variants]
    if len({len(words) for words in split}) != 1 or len({w[-1] for w in split}) < 2:
        return frozenset()
    return frozenset(p for p in range(len(split[0]) - 1) if p not in _declining(variants)
                     and not all(lithuanian.may_agree(w[p], w[-1]) for w in split))


def _declining(variants: list[str]) -> frozenset:
    """Positions whose word some variants show in other forms: it declines with the head
    ("rejonu wileńskiego", "rejonie wileńskim"), so it is no genitive complement."""
    split = [[w.lower() for w in words_of(v)] for v in variants]
    if len({len(words) for words in split}) != 1:
        return frozenset()
    return frozenset(p for p in range(len(split[0])) if len({w[p] for w in split}) > 1)


def _substantive_complements(words: list[str], lemmas: tuple[str, ...],
                             prefer: list[tuple[str, ...]], substantives: frozenset
                             ) -> frozenset:
    """Positions after the head holding a genitive singular in -ego of an adjective the
    input uses as a noun: "zdrowia podopiecznego" is the ward's health ("zdrowie
    podopiecznego"), not a ward-like one; only a masculine or neuter head could agree
    with it, and the text shows what the word is."""
    if not substantives or len(lemmas) != len(words):
        return frozenset()
    phrase = parse_phrase(words, prefer)
    if phrase is None:
        return frozenset()
    return frozenset(p for p in phrase.adjectives if p > phrase.position
                     and lemmas[p] in substantives and words[p].lower().endswith("ego"))


def _polish(words: list[str], prefer: list[tuple[str, ...]],
            complements: frozenset = frozenset(), numbers: tuple[str, ...] = ("sg", "pl")
            ) -> list[str] | None:
    phrase = parse_phrase(words, prefer)
    if phrase is None:
        return None
    head = phrase.head
    genders = sorted({g for _n, _c, g in phrase.agreement},
                     key=lambda g: _GENDER_ORDER.get(g, 9))
    head_pos = "subst" if head.pos == "depr" else head.pos
    head_rest = head.rest if head.pos == "ger" else ()
    # a plural is written with the plural-only noun the word also is: "akta", not "akty"
    only_plural = plurale_tantum(words[phrase.position])
    plural_only_form = only_plural and polish.generate_form(
        only_plural.lemma, "subst", "pl", "nom", min(only_plural.genders))
    for number in numbers:
        for gender in genders:
            forms = list(words)
            if number == "pl" and only_plural:
                forms[phrase.position] = plural_only_form
            else:
                forms[phrase.position] = polish.generate_form(
                    head.lemma, head_pos, number, "nom", gender, head_rest,
                    seen=words[phrase.position].lower())
            for p, reading in phrase.adjectives.items():
                if p in complements:
                    continue
                forms[p] = polish.generate_form(reading.lemma, reading.pos, number, "nom",
                                                gender, _agreement_rest(reading))
            if all(forms):
                return forms
    return None


def _agreement_rest(reading: polish.Reading) -> tuple[str, ...]:
    """What must stay as seen: an adjective's degree, a participle's aspect and negation."""
    return reading.rest[:1] if reading.pos == "adj" else reading.rest


# -- English and other languages -------------------------------------------------------------
def _head_lemma(words: list[str], lang: str) -> list[str] | None:
    h = head_position(words, lang)
    if h is None:
        return None
    forms = [w.lower() for w in words]
    forms[h] = analyse(words[h], lang).key
    return forms
