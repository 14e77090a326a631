"""Which number a Polish term is written in: the plural where the text uses it only so.

A terminologist writes "zadania własne", "potrzeby życiowe", "świadczenia nienależnie
pobrane" when the text never speaks of one such thing: the term names a class used in the
plural. Persons keep the singular all the same ("pracownik socjalny" from "pracownicy
socjalni", "osoba starsza" from "osoby starsze"): a role or a class of people is named by
one of its members. A head the reviewed lists name in the plural (the labelled lexicon's
`plural_heads`: "usługi", "warunki", "zajęcia") takes the plural even met once in an
oblique case, and even as a verbal noun or a person. The termbase's own wording wins over
the text's number; it, and the text's own singular of the phrase, win over the lists too.
"""

from __future__ import annotations

from typing import Callable, Iterable

from termbase.extraction.known import KnownTerms
from termbase.extraction.polish_np import Phrase, parse_phrase, plurale_tantum
from termbase.text import polish
from termbase.text.normalize import tokenize

# a variant's words -> whether the termbase has that term in the singular
SingularInTermbase = Callable[[list[str]], bool]

PERSONAL = "m1"  # morfeusz2's gender of masculine persons ("pracownicy", "opiekunowie")
# The general nouns for people and households, whose classes are the field's beneficiaries
# ("osoba starsza", "dziecko niepełnosprawne", "rodzina wielodzietna"): one member names
# the class, as with a masculine person, but morfeusz2's gender does not tell them.
PEOPLE = frozenset({"osoba", "dziecko", "rodzina", "kobieta"})


def phrase_numbers(phrase: Phrase) -> frozenset[str]:
    """The numbers the head and its agreeing adjectives can all be read in."""
    return frozenset(n for n, _c, _g in phrase.agreement)


def plural_of_head(head: polish.Reading) -> str | None:
    """The nominative plural of a phrase's head noun ("usług" -> "usługi", "koszt" ->
    "koszty"): how reviewed lists and a new text name the same head whatever lemma
    morfeusz2 files a plural-only reading under."""
    for gender in sorted(head.genders):
        form = polish.generate_form(head.base_lemma, head.pos, "pl", "nom", gender)
        if form:
            return form.lower()
    return None


def listed_number(term: str) -> tuple[str, str] | None:
    """(the head's nominative plural, "pl" or "sg") of a term as a reviewer listed it:
    "usługi opiekuńcze" -> ("usługi", "pl"), "usługa społeczna" -> ("usługi", "sg");
    None for one word or no phrase."""
    words = [t.text for t in tokenize(term)]
    if len(words) < 2 or not polish.available():
        return None
    phrase = parse_phrase(words, [])
    if phrase is None:
        return None
    numbers = phrase_numbers(phrase)
    if numbers == {"pl"} and {"nom", "acc"} & {c for _n, c, _g in phrase.agreement}:
        return words[phrase.position].lower(), "pl"
    plural = plural_of_head(phrase.head) if "sg" in numbers else None
    return (plural, "sg") if plural else None


def used_in_plural(variants: Iterable[list[str]], prefer: list[tuple[str, ...]],
                   singular_in_termbase: SingularInTermbase | None = None,
                   occurrences: int = 1,
                   written_in_plural: Callable[[str], bool] | None = None) -> bool:
    """Whether every occurrence of the phrase reads only as a plural, the head alone
    ("warunki przyznawania usług") or its agreement with an adjective leaving no singular
    ("zadania własne" is no genitive singular, as "własne" is no genitive), and the text
    names it so: one occurrence is the plural nominative or accusative, the form the term
    would be written in ("Świadczenia nienależnie pobrane" as a heading), or it comes back
    (`occurrences` two or more) only in oblique plurals with an agreeing adjective ("środków
    odurzających", "pomocy technicznych": a class used in the plural, whose singular may
    even name something else, "pomoc techniczna" being support and "pomoce techniczne"
    devices). One oblique occurrence says nothing of how the term is named ("w trakcie
    interwencji domowych"), unless reviewers write that head in the plural
    (`written_in_plural`, from the labelled lexicon: "usługi", "warunki", whatever the
    text) or the head is a plural-only noun ("w aktach sprawy", see `plurale_tantum`).
    Not for a verbal noun ("ustania przemocy"), a person (masculine personal gender) or a
    term the termbase writes in the singular, unless reviewers write the head in the
    plural."""
    variants = list(variants)
    if _class_with_plural_attribute(variants, prefer):
        return True
    named, parsed = False, False
    agreeing = occurrences >= 2
    listed = written_in_plural is not None
    evidence = True  # that the head is named in the plural whatever the text's cases
    for words in variants:
        if len(words) < 2:
            return False  # a word alone is a lemma: "zasiłek", not "zasiłki"
        phrase = parse_phrase(words, prefer)
        if phrase is None:
            continue  # no reading of this variant says anything
        parsed = True
        if phrase_numbers(phrase) != {"pl"} or not phrase.adjectives and not _only_plural(
                words[phrase.position]):
            return False
        # the generator only for a phrase that reads as a plural at all
        plural_head = listed and written_in_plural(plural_of_head(phrase.head) or "") or (
            plurale_tantum(words[phrase.position]) is not None)
        if _named_in_the_singular(phrase.head) and not plural_head or (
                singular_in_termbase is not None and singular_in_termbase(words)):
            return False
        named = named or bool({"nom", "acc"} & {c for _n, c, _g in phrase.agreement})
        agreeing = agreeing and bool(phrase.adjectives)
        evidence = evidence and plural_head
    return named or agreeing or (evidence and parsed)


def _class_with_plural_attribute(variants: list[list[str]], prefer: list[tuple[str, ...]]
                                 ) -> bool:
    """Whether the phrase is a class of people or things with an attribute in the plural
    after "z" in every occurrence, and some occurrence shows the head in the plural only
    ("osób z niepełnosprawnościami"): the singular head would need the attribute's
    singular too, which the text never gives, and the class is named in the plural
    ("osoby z niepełnosprawnościami", not "osoba z niepełnosprawnościami")."""
    if not all(any(w.lower() == "z" for w in words) for words in variants):
        return False  # (cheap first: most phrases hold no "z")
    plural_only = False
    for words in variants:
        phrase = parse_phrase(words, prefer)
        if phrase is None:
            return False
        p = phrase.position
        if p + 2 >= len(words) or words[p + 1].lower() != "z" \
                or not _plural_instrumental(words[p + 2]) or not any(
                    "pl" in r.numbers for r in polish.readings(words[p])
                    if r.pos in polish.NOUN_POS):
            return False
        plural_only = plural_only or phrase_numbers(phrase) == {"pl"}
    return plural_only


def _plural_instrumental(word: str) -> bool:
    """A noun read as an instrumental in the plural only ("niepełnosprawnościami")."""
    readings = [r for r in polish.readings(word)
                if r.pos in polish.NOUN_POS and "inst" in r.cases]
    return bool(readings) and all(r.numbers == {"pl"} for r in readings)


def _named_in_the_singular(head: polish.Reading) -> bool:
    """A verbal noun, a person or a class of people: named in the singular whatever the
    text's number."""
    return head.pos == "ger" or PERSONAL in head.genders or head.base_lemma.lower() in PEOPLE


def _only_plural(word: str) -> bool:
    """Whether every noun reading of the word is plural ("warunki"; not "sprawy", also
    sprawa's genitive singular)."""
    readings = [r for r in polish.readings(word) if r.pos in polish.NOUN_POS]
    return bool(readings) and all(r.numbers == {"pl"} for r in readings)


def termbase_writes_singular(known: KnownTerms, words: list[str]) -> bool:
    """Whether the termbase has the phrase as a term written in the singular."""
    return any(singular_head([t.text for t in tokenize(found.term)]) is not None
               for found in known.match(words))


def singular_head(words: list[str]) -> str | None:
    """The head lemma of a term written in the singular ("osoba starsza" -> "osoba"),
    None for a plural term or no phrase."""
    if not polish.available():
        return None
    phrase = parse_phrase(words, [])
    if phrase is None or "sg" not in phrase_numbers(phrase):
        return None
    return phrase.head.base_lemma.lower()
