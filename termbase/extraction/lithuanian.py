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

from collections import Counter
from typing import Callable, Iterable

from termbase.text import dictionary
from termbase.extraction.analysis import ADJ, NOUN, WordInfo, analyse, head_position
from termbase.text.normalize import tokenize

FormsOf = Callable[[str], Counter]
FEMININE_LEMMA = ("a", "ė")
_FEMININE_OF = (("inis", "inė"), ("ias", "ia"), ("is", "ė"), ("as", "a"), ("us", "i"))
_NOMINATIVE_SINGULAR = ("as", "is", "ys", "us", "uo", "a", "ė")
_NOMINATIVE_LIKE = _NOMINATIVE_SINGULAR + ("i", "ai", "iai", "os", "ės")
_PARTICIPLE_NOMINATIVE = {"m": ("amas", "imas", "omas", "tas", "ęs", "ąs", "įs"),
                          "f": ("ama", "ima", "oma", "ta", "usi", "anti", "inti")}
_GENITIVE = ("ų", "os", "ės", "o", "io", "aus", "iaus", "ies", "ens", "ers")

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
    return sum(stem + ending in seen for ending in set(endings))


def noun_nominative(stem: str, seen: Iterable[str]) -> tuple[str, str] | None:
    """(nominative singular, gender) of a noun from the forms seen on its stem."""
    seen = set(seen)
    best = max(NOUN_CLASSES, key=lambda c: _support(stem, c[2], seen))
    if _support(stem, best[2], seen) < 2:
        return None
    return stem + best[0], best[1]


def adjective_nominative(stem: str, gender: str, seen: Iterable[str]) -> str | None:
    """Nominative singular of an -inis adjective in `gender` ("m" or "f")."""
    if not stem.endswith("in"):
        return None
    seen = set(seen)
    if not any(_support(stem, endings, seen) for _nominative, endings in ADJECTIVE_IN.values()):
        return None
    return stem + ADJECTIVE_IN[gender][0]


def base_words(words: list[str], forms_of: FormsOf) -> list[str] | None:
    """The phrase's words with head and adjectives in the nominative singular; None when
    one of them cannot be (see `most_nominative`)."""
    h = head_position(words, "lt")
    if h is None:
        return None
    forms = [w.lower() for w in words]
    head = analyse(words[h], "lt").key
    if head.startswith("~"):
        inferred = noun_nominative(head[1:], forms_of(head))
        if inferred is None:
            return None
        forms[h], gender = inferred
    else:
        forms[h], gender = head, "f" if head.endswith(FEMININE_LEMMA) else "m"
    genitive_plural = words[h].lower().endswith("ų")
    for p in range(h - 1, -1, -1):
        info = analyse(words[p], "lt")
        if info.role != ADJ or words[p].lower().endswith("ų") != genitive_plural:
            break
        forms[p] = adjective_form(info, gender, forms_of)
        if forms[p] is None:
            return None
    return forms


def adjective_form(info: WordInfo, gender: str, forms_of: FormsOf) -> str | None:
    """Nominative singular of an adjective (or participle) for a head of `gender`."""
    lemma = info.key
    if info.participle:  # the lemma is the verb: only a nominative seen will do
        endings = _PARTICIPLE_NOMINATIVE[gender]
        seen = [f for f, _ in forms_of(lemma).most_common() if f.endswith(endings)]
        return seen[0] if seen else None
    if lemma.startswith("~"):
        return adjective_nominative(lemma[1:], gender, forms_of(lemma))
    if gender == "m":
        return lemma
    for masculine, feminine in _FEMININE_OF:
        if lemma.endswith(masculine):
            candidate = lemma[: -len(masculine)] + feminine
            if dictionary.is_form_of(candidate, lemma, "lt") or candidate in forms_of(lemma):
                return candidate
            return None
    return None


def dependents_in_genitive(words: list[str]) -> bool:
    """Nouns before the head modify it in the genitive ("socialinių paslaugų centras"), or
    are the object of a participle ("krizėje atsidūrusios mamos"); "centras darbuotojai"
    is two phrases run together."""
    h = head_position(words, "lt")
    if h is None:
        return False
    infos = [analyse(w, "lt") for w in words]
    return all(info.role != NOUN or w.lower().endswith(_GENITIVE) or infos[k + 1].participle
               for k, (w, info) in enumerate(zip(words[:h], infos)))


def most_nominative(variants: list[str]) -> str:
    """The seen variant whose words look most like nominatives, the head's singular first
    ("gausios šeimos" rather than "gausioms šeimoms"); `variants` by frequency."""
    def score(variant: str) -> int:
        words = [t.text.lower() for t in tokenize(variant)]
        head = words[-1] if words else ""
        return (sum(w.endswith(_NOMINATIVE_LIKE) for w in words)
                + head.endswith(_NOMINATIVE_SINGULAR))
    return max(variants, key=score)
