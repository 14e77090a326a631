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

from termbase.text import polish
from termbase.text.normalize import tokenize

# The vocative is left out: terms are hardly ever addressed, and its forms add noise.
CASES = ("nom", "gen", "dat", "acc", "inst", "loc")
NUMBERS = ("sg", "pl")


def _noun_reading(word: str):
    """(lemma, number, gender) of a nominative noun reading, or None."""
    for reading in polish.own_readings(word.lower()) + polish.own_readings(word):
        if reading.pos == "subst" and reading.genders and "nom" in reading.cases:
            return reading.lemma, next(iter(reading.numbers)), next(iter(reading.genders))
    return None


def _agreeing_adjective(word: str, number: str, gender: str):
    for reading in polish.own_readings(word.lower()):
        if reading.pos == "adj" and number in reading.numbers and "nom" in reading.cases \
                and gender in reading.genders:
            return reading.lemma
    return None


def _pick(lemma: str, pos: str, number: str, case: str, gender: str | None) -> str | None:
    for found in polish.generated(lemma):
        if found.pos != pos or number not in found.numbers or case not in found.cases:
            continue
        if pos == "adj" and (gender not in found.genders or found.rest[:1] != ("pos",)):
            continue
        if pos == "subst" and gender and found.genders and gender not in found.genders:
            continue
        return found.form
    return None


def _match_case(template: str, form: str) -> str:
    if template.isupper() and len(template) > 1:
        return form.upper()
    if template[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def polish_phrase_forms(term: str) -> list[str]:
    """Every case/number form of a Polish noun phrase (the base form first), or []."""
    if not polish.available():
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
    from termbase.text.dictionary import dictionary
    from termbase.text.lithuanian import phrase_forms as inflecting_words

    tokens = tokenize(term)
    rows = inflecting_words(term, attested=dictionary("lt"))
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
