"""Terms a text writes only inside a coordination of adjectives.

"usługi opiekuńcze i specjalistyczne" holds two terms, *usługi opiekuńcze* and *usługi
specjalistyczne*; "bendrosios ir specialiosios socialinės paslaugos" holds *bendrosios
socialinės paslaugos* and *specialiosios socialinės paslaugos*. The contiguous n-grams give
the one written next to the shared noun; the other is a phrase with a gap, which term
extractors that read coordinations (TermSuite's coordination variants, Jacquemin's FASTR)
rebuild by giving the shared noun to the other adjective. Only two adjectives joined by a
coordinator are read so: a noun after a conjunction starts a phrase of its own.
"""

from __future__ import annotations

from termbase.extraction.analysis import ADJ, CONJ, LT_GENITIVE_ENDINGS, NOUN, WordInfo
from termbase.extraction.attachment import polish_agrees
from termbase.extraction.stopwords import is_coordinator
from termbase.text.lithuanian import adjective_slots, noun_slots
from termbase.text.normalize import Token

# The shared part is at most this many words besides the adjective that takes it.
MAX_SHARED = 3
# Lithuanian adjectives that agree share the case ending's last letters.
_LT_AGREEMENT = 2
# "ar" (or) is filed as a particle by the stop list; between two genitives it joins them.
_LT_JOINING = frozenset({"ir", "ar", "bei"})


def elided_phrases(tokens: list[Token], infos: list[WordInfo], attach: list[int],
                   start: int, end: int, lang: str) -> list[list[int]]:
    """Word positions (in order, with a gap) of the phrases a coordination of two
    adjectives leaves implicit within tokens[start:end]; `attach` as
    `attachment.attachments` gives it (the offset of the word an adjective modifies)."""
    found = []
    for k in range(start + 1, end - 1):
        if lang == "lt" and _genitive_nouns_joined(tokens, infos, k, end):
            found.append([k - 1, k + 2])
            continue
        if not is_coordinator(tokens[k].text.lower(), lang) or infos[k + 1].role != ADJ:
            continue
        if lang == "pl" and infos[k - 1].role == ADJ and attach[k - 1] < 0 \
                and infos[k].role != CONJ:  # a title's: "Kodeks rodzinny i opiekuńczy"
            found.extend(_polish(tokens, infos, start, end, k))
        elif lang == "lt" and attach[k + 1] > 0:
            found.extend(_lithuanian(tokens, infos, attach, start, end, k))
    return found


def _polish(tokens: list[Token], infos: list[WordInfo], start: int, end: int, k: int
            ) -> list[list[int]]:
    """"usługi opiekuńcze i specjalistyczne": the noun (and adjectives) before the first
    adjective, with the second, which modifies no noun after it."""
    noun = k - 2
    while noun >= start and k - 1 - noun <= MAX_SHARED and infos[noun].role == ADJ:
        noun -= 1
    if noun < start or infos[noun].role != NOUN or k - 1 - noun > MAX_SHARED:
        return []
    head, first, second = tokens[noun].text, tokens[k - 1].text, tokens[k + 1].text
    if not (polish_agrees(first, head) and polish_agrees(second, head)):
        return []
    if k + 2 < end and infos[k + 2].role == NOUN and polish_agrees(second, tokens[k + 2].text):
        return []  # "opiekuńcze i specjalistyczne usługi": its own noun follows
    return [list(range(noun, k - 1)) + [k + 1]]


def _genitive_nouns_joined(tokens: list[Token], infos: list[WordInfo], k: int, end: int
                           ) -> bool:
    """"proto ar psichikos negalia", "vaiko ir šeimos gerovė": two bare genitive nouns
    joined before their one head, which the first takes as well ("proto negalia"; the
    second's phrase is contiguous). Only bare ones, the whole phrase: a first genitive
    with its own adjective opens a name more often than not ("Socialinės apsaugos ir darbo
    ministerija" names one ministry, which no "apsaugos ministerija" is)."""
    if k < 1 or k + 2 >= end or tokens[k].text.lower() not in _LT_JOINING:
        return False
    members = (k - 1, k + 1, k + 2)
    return all(infos[p].role == NOUN and not infos[p].name for p in members) \
        and all(tokens[p].text.lower().endswith(LT_GENITIVE_ENDINGS) for p in members[:2]) \
        and (k - 2 < 0 or infos[k - 2].role not in (NOUN, ADJ)) \
        and (k + 3 >= end or infos[k + 3].role not in (NOUN, ADJ))


_NOMINATIVE_PLURAL = (True, 0)  # (plural?, case) as `noun_slots` gives it


def _nominative_plural_only(adjective: str) -> bool:
    """An adjective form that can agree with a nominative plural and with no genitive or
    accusative ("vertybiniai"; not "trumpalaikės", "trumpalaikę")."""
    slots = adjective_slots(adjective)
    return _NOMINATIVE_PLURAL in slots and not any(case in (1, 3) for _plural, case in slots)


def _lithuanian(tokens: list[Token], infos: list[WordInfo], attach: list[int], start: int,
                end: int, k: int) -> list[list[int]]:
    """"bendrosios ir specialiosios socialinės paslaugos", "dienos ir trumpalaikė socialinė
    globa", "senyvo amžiaus ir neįgalūs asmenys": the first member (an adjective that
    agrees with the second, or a genitive noun with its own adjectives) with what follows
    the second up to the head noun."""
    first, second = tokens[k - 1].text.lower(), tokens[k + 1].text.lower()
    if infos[k - 1].role == ADJ:
        if first[-_LT_AGREEMENT:] != second[-_LT_AGREEMENT:]:
            return []
        member = [k - 1]
    elif infos[k - 1].role == NOUN and first.endswith(LT_GENITIVE_ENDINGS) and not (
            _nominative_plural_only(second) and _NOMINATIVE_PLURAL in
            noun_slots(first, None if infos[k - 1].key.startswith("~") else infos[k - 1].key)):
        # (a noun that may be a nominative plural before an adjective that can only be one
        # is a phrase of its own: "piniginės lėšos ir vertybiniai popieriai" holds no
        # "lėšos popieriai"; "dienos ir trumpalaikės [socialinės globos]" may be genitives)
        opening = k - 1
        while opening - 1 >= start and infos[opening - 1].role == ADJ \
                and opening - 1 + attach[opening - 1] == k - 1:
            opening -= 1
        member = list(range(opening, k))
    else:
        return []
    head = k + 2
    while head < end and head - k - 1 <= MAX_SHARED and infos[head].role == ADJ:
        head += 1
    if head >= end or infos[head].role != NOUN or head - k - 1 > MAX_SHARED:
        return []
    if infos[k - 1].role == NOUN and infos[k - 1].key == infos[head].key:
        # "ilgalaikės socialinės globos ir trumpalaikės socialinės globos paslaugos": two
        # whole genitives of one noun; the first takes the noun after them ("ilgalaikės
        # socialinės globos socialinė globa" was proposed)
        if head + 1 < end and infos[head + 1].role == NOUN:
            return [member + [head + 1]]
        return []
    if infos[k - 1].role == NOUN and head == k + 2 and head + 1 < end \
            and infos[head + 1].role == NOUN \
            and tokens[head].text.lower().endswith(LT_GENITIVE_ENDINGS):
        # "šildymo ir karšto vandens išlaidos": two genitives before the noun after them
        # (heating costs, hot water costs), not "šildymo vanduo"; with more shared words
        # the first does take them ("dienos ir trumpalaikės socialinės globos")
        return []
    return [member + list(range(k + 2, head + 1))]
