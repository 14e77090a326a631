"""Whole-phrase inflection of Polish terms, for CAT tools that know no morphology.

A CAT tool matching "pracownik socjalny" literally misses "pracownikom socjalnym". Exports
with `--with-forms` therefore list the phrase in every case and number. We find the head
noun (the first noun in the nominative), let the adjectives around it that agree with it in
the base form follow it through each case, and keep the rest (genitive complements such as
"pomocy społecznej" in "ośrodek pomocy społecznej") unchanged. morfeusz2 generates the forms.

Lithuanian has no tagged generator among our libraries; its phrases are inflected from the
declension each word's ending gives (`termbase.text.lithuanian`), and only where the head
noun's declension is clear.
"""

from __future__ import annotations

import functools

from termbase.text.morphology import _morfeusz
from termbase.text.normalize import tokenize

# The vocative is left out: terms are hardly ever addressed, and its forms add noise.
CASES = ("nom", "gen", "dat", "acc", "inst", "loc")
NUMBERS = ("sg", "pl")


def _parts(tag: str) -> list[set[str]]:
    return [set(part.split(".")) for part in tag.split(":")]


@functools.lru_cache(maxsize=50_000)
def _analyses(word: str) -> tuple[tuple[str, str, tuple], ...]:
    """(lemma, pos, tag parts) readings of a word."""
    morf = _morfeusz()
    found = []
    for _s, _e, (_orth, lemma, tag, *_rest) in morf.analyse(word):
        parts = _parts(tag)
        found.append((lemma, tag.split(":")[0], tuple(frozenset(p) for p in parts)))
    return tuple(found)


@functools.lru_cache(maxsize=50_000)
def _generated(lemma: str) -> tuple[tuple[str, str, tuple], ...]:
    morf = _morfeusz()
    try:
        forms = morf.generate(lemma)
    except RuntimeError:
        return ()
    return tuple((form, tag.split(":")[0], tuple(frozenset(p) for p in _parts(tag)))
                 for form, _lemma, tag, *_rest in forms)


def _noun_reading(word: str):
    """(lemma, number, gender) of a nominative noun reading, or None."""
    for lemma, pos, parts in _analyses(word.lower()) + _analyses(word):
        if pos == "subst" and len(parts) >= 4 and "nom" in parts[2]:
            return lemma, next(iter(parts[1])), next(iter(parts[3]))
    return None


def _agreeing_adjective(word: str, number: str, gender: str):
    for lemma, pos, parts in _analyses(word.lower()):
        if pos == "adj" and len(parts) >= 4 and number in parts[1] and "nom" in parts[2] \
                and gender in parts[3]:
            return lemma
    return None


def _pick(lemma: str, pos: str, number: str, case: str, gender: str | None) -> str | None:
    for form, form_pos, parts in _generated(lemma):
        if form_pos != pos or len(parts) < 3 or number not in parts[1] or case not in parts[2]:
            continue
        if pos == "adj" and (len(parts) < 5 or gender not in parts[3] or "pos" not in parts[4]):
            continue
        if pos == "subst" and gender and len(parts) >= 4 and gender not in parts[3]:
            continue
        return form
    return None


def _match_case(template: str, form: str) -> str:
    if template.isupper() and len(template) > 1:
        return form.upper()
    if template[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def polish_phrase_forms(term: str) -> list[str]:
    """Every case/number form of a Polish noun phrase (the base form first), or []."""
    if _morfeusz() is None:
        return []
    tokens = tokenize(term)
    words = [t.text for t in tokens]
    head_at, head = next(((i, r) for i, w in enumerate(words) if (r := _noun_reading(w))),
                         (None, None))
    if head is None:
        return []
    head_lemma, base_number, gender = head
    roles: dict[int, str] = {head_at: head_lemma}
    for direction in (range(head_at - 1, -1, -1), range(head_at + 1, len(words))):
        for i in direction:
            lemma = _agreeing_adjective(words[i], base_number, gender)
            if lemma is None:
                break
            roles[i] = lemma
    numbers = NUMBERS if _pick(head_lemma, "subst", "sg", "nom", gender) else ("pl",)
    results: list[str] = []
    for number in numbers:
        for case in CASES:
            pieces = []
            for i, word in enumerate(words):
                if i not in roles:
                    pieces.append(word)
                    continue
                pos = "subst" if i == head_at else "adj"
                form = _pick(roles[i].split(":")[0] if pos == "subst" else roles[i], pos,
                             number, case, gender)
                if form is None and pos == "subst":
                    form = _pick(roles[i], pos, number, case, gender)
                if form is None:
                    break
                pieces.append(_match_case(word, form))
            else:
                results.append(_rebuild(term, tokens, pieces))
    unique = []
    for form in [term] + results:
        if form not in unique:
            unique.append(form)
    return unique


def _rebuild(term: str, tokens, pieces: list[str]) -> str:
    """Put new words where the old ones stood, keeping spaces, hyphens and punctuation."""
    out, last = [], 0
    for token, piece in zip(tokens, pieces):
        out.append(term[last:token.start])
        out.append(piece)
        last = token.end
    out.append(term[last:])
    return "".join(out)


def lithuanian_phrase_forms(term: str) -> list[str]:
    """Every case/number form of a Lithuanian noun phrase (the base form first), or []:
    generated from the head noun's declension, see `termbase.text.lithuanian`."""
    from termbase.text.lithuanian import phrase_forms as inflecting_words
    from termbase.text.morphology import _simplemma

    tokens = tokenize(term)
    rows = inflecting_words(term, attested=_simplemma("lt").dictionary)
    if not rows:
        return []
    results = [term]
    for slot in range(len(rows[0][1])):
        pieces = [token.text for token in tokens]
        for index, forms in rows:
            pieces[index] = _match_case(tokens[index].text, forms[slot])
        form = _rebuild(term, tokens, pieces)
        if form not in results:
            results.append(form)
    return results


def phrase_forms(term: str, lang: str, observed: list[str] | None = None) -> list[str]:
    """Inflected forms of a term for export: generated (Polish, Lithuanian) plus those
    seen in texts."""
    generate = {"pl": polish_phrase_forms, "lt": lithuanian_phrase_forms}.get(lang)
    forms = (generate(term) if generate else []) or [term]
    for form in observed or ():
        if form not in forms:
            forms.append(form)
    return [f for f in forms if f != term]


def stem_marked(term: str, lang: str) -> str:
    """memoQ's stem notation: `pracowni|k socjaln|y` - each word cut where its inflected
    forms stop sharing a beginning, so memoQ's prefix matching finds every case."""
    from os.path import commonprefix

    from termbase.text.morphology import expand

    tokens = tokenize(term)
    pieces = []
    for token in tokens:
        word = token.text
        forms = [f for f in expand(word, lang) if f[:1] == word[:1].lower()] or [word.lower()]
        stem_len = len(commonprefix([word.lower()] + forms))
        if 3 <= stem_len < len(word):
            word = f"{word[:stem_len]}|{word[stem_len:]}"
        pieces.append(word)
    return _rebuild(term, tokens, pieces)
