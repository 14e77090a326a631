"""A rough guess of which of pl, lt, en a handful of segments is written in.

Enough to catch a bilingual file read with its languages swapped (`check --from lt` on a
Polish column), not a general language identifier: it counts letters only one of the two
Baltic/Slavic alphabets has and the commonest short words, and answers only when sure.
"""

from __future__ import annotations

import re
from typing import Iterable

_LETTERS = {"pl": set("ćłńóśźż"), "lt": set("čėįšųūž"), "en": set()}
_WORDS = {
    "pl": {"i", "w", "z", "na", "do", "się", "nie", "jest", "że", "oraz", "dla", "od", "przez",
           "są", "to", "ze", "po", "we"},
    "lt": {"ir", "į", "su", "iš", "yra", "kad", "bei", "nuo", "per", "prie", "buvo", "tai",
           "kaip", "dėl", "už", "bus"},
    "en": {"the", "and", "of", "to", "in", "is", "for", "with", "are", "by", "was", "on",
           "a", "an", "that", "be", "at", "it", "this", "from", "will", "has", "have",
           "their", "our", "out", "were", "can"},
}
_WORD = re.compile(r"\w+", re.UNICODE)


def language_scores(texts: Iterable[str]) -> dict[str, int]:
    scores = dict.fromkeys(_WORDS, 0)
    for text in texts:
        lowered = text.lower()
        for lang, letters in _LETTERS.items():
            scores[lang] += sum(ch in letters for ch in lowered)
        for word in _WORD.findall(lowered):
            for lang, words in _WORDS.items():
                scores[lang] += 2 * (word in words)
    return scores


def guess_language(texts: Iterable[str], min_score: int = 4) -> str | None:
    """The clear winner among pl, lt, en, or None when the evidence is thin or mixed."""
    ranked = sorted(language_scores(texts).items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= min_score and top >= 2 * second:
        return best
    return None
