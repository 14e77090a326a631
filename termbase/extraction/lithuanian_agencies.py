"""Lithuanian names of agencies attached to a ministry: "Socialinių paslaugų priežiūros
departamentas prie Socialinės apsaugos ir darbo ministerijos", "Užimtumo tarnyba prie
Lietuvos Respublikos socialinės apsaugos ir darbo ministerijos".

"prie" (at, by) joins an agency's own name to the ministry or government it reports to,
and the whole is the agency's official name. An ordinary candidate holds one preposition
and a few words, so only the part before "prie" was proposed. Here a name is the run from
a capital back before an institution noun ("departamentas", "tarnyba"), through "prie", to
the genitive of a ministry or government, with capitals after "prie" showing that a name
follows. The words before the institution noun are genitives (its complements), so only
the institution noun declines: the name is recorded with it in the nominative.
"""

from __future__ import annotations

from typing import Callable

from termbase.extraction.analysis import ADJ, LT_GENITIVE_ENDINGS, NOUN, WordInfo
from termbase.extraction.lithuanian import may_agree
from termbase.extraction.lithuanian_roles import names_an_institution
from termbase.extraction.stopwords import is_coordinator
from termbase.text.normalize import Token

ATTACHED_TO = "prie"
# what an agency is attached to ("prie Vyriausybės", "prie ... ministerijos")
_PARENTS = frozenset({"ministerija", "vyriausybė"})
MAX_BEFORE, MAX_AFTER = 7, 9  # words of the agency's own name, and of its parent's


def attached_agencies(tokens: list[Token], infos: list[WordInfo],
                      sentence_initial: Callable[[int], bool]
                      ) -> list[tuple[int, int, int]]:
    """(first, head, last) word positions of each agency name in the sentence: `head` is
    the institution noun before "prie", `last` the parent's genitive."""
    found = []
    for k, token in enumerate(tokens):
        if token.text != ATTACHED_TO or k == 0 or not names_an_institution(infos[k - 1].key):
            continue
        last = _parent_end(tokens, infos, k)
        first = _name_start(tokens, infos, k - 1, sentence_initial)
        if last is not None and first is not None:
            found.append((first, k - 1, last))
    return found


def _name_start(tokens: list[Token], infos: list[WordInfo], head: int,
                sentence_initial: Callable[[int], bool]) -> int | None:
    """The agency name's first word: the nearest capital before the head, across
    genitive nouns and adjectives ("Valstybės vaiko teisių apsaugos ir įvaikinimo
    tarnyba"); the head alone when it is capitalised itself ("Tarnyba")."""
    for p in range(head, max(-1, head - MAX_BEFORE - 1), -1):
        word = tokens[p].text
        if p < head - 1 and _opening_adjective(word, infos[p], tokens[head].text, infos[head]):
            return p  # "[Valstybinė] mokesčių inspekcija", even opening a sentence
        if p < head and not (_genitive(word, infos[p]) or is_coordinator(word.lower(), "lt")):
            return None
        if p < head and infos[p].role == ADJ and not _agrees_before_head(tokens, infos, p, head):
            return None  # "Valstybinės [mokesčių] inspekcijos": the head's adjective
        if word[:1].isupper():
            return p if p < head or not sentence_initial(p) else None
    return None


def _agrees_before_head(tokens: list[Token], infos: list[WordInfo], p: int, head: int
                        ) -> bool:
    """Whether the adjective at p belongs to a genitive noun before the head ("Socialinių
    paslaugų", "Socialinės apsaugos"): one that agrees with the head instead would have to
    decline with it, which the recorded name, the head alone in the nominative, does not."""
    q = next((q for q in range(p + 1, head) if infos[q].role == NOUN), head)
    return q < head and may_agree(tokens[p].text, tokens[q].text)


def _opening_adjective(word: str, info: WordInfo, head_word: str, head: WordInfo) -> bool:
    """A capitalised classifying adjective in -inis/-inė opening the name before the head's
    genitives ("Valstybinė mokesčių inspekcija", "Nacionalinė sveikatos tarnyba"), where
    the head is written in its nominative: the name as written is then its base form, and
    the adjective agrees with the head."""
    low = word.lower()
    return word[:1].isupper() and info.role == ADJ and low.endswith(("inė", "inis")) \
        and head_word.lower() == head.key and low[-1:] == ("ė" if head.key.endswith(
            ("a", "ė")) else "s")


def _genitive(word: str, info: WordInfo) -> bool:
    return info.role in (NOUN, ADJ) and word.lower().endswith(LT_GENITIVE_ENDINGS)


def _parent_end(tokens: list[Token], infos: list[WordInfo], k: int) -> int | None:
    """The position of the parent's genitive noun after "prie", reached through
    capitalised genitives and "ir"; None when no capital opens the parent's name."""
    if k + 1 >= len(tokens) or not tokens[k + 1].text[:1].isupper():
        return None
    for p in range(k + 1, min(len(tokens), k + 2 + MAX_AFTER)):
        word, info = tokens[p].text, infos[p]
        if info.key in _PARENTS and _genitive(word, info):
            return p
        if not (_genitive(word, info) or is_coordinator(word.lower(), "lt")):
            return None
    return None
