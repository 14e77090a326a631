"""Short names a document defines for itself: "zwany dalej „Ośrodkiem”", "(toliau –
Centras)", "(hereinafter “the Centre”)".

Agreements, contracts, statutes and regulations capitalise such a name wherever they use
it ("siedziba Ośrodka", "pobyt Mieszkanki"): a convention of the document, not a proper
name. A term holding the word is written in lower case in a glossary ("pobyt
mieszkanki"), so the word is not counted as written like a name. Only one-word
definitions are read: a longer one may be a real name ("zwana dalej „Gminą Żurawiec”").
"""

from __future__ import annotations

import re

from termbase.extraction.abbreviations import is_abbreviation
from termbase.text.normalize import Token

_QUOTE = "[„\"“”«»'‘’]"
_DASH = rf"(?:\s*[:–—-])?"
# Each optional piece takes the spaces before it, so no two runs of spaces stand side by
# side: else a long run of spaces (pdftotext -layout) after "toliau" is split every way
# before the match fails, in time growing with a power of the run's length.


def _name(article: str = "") -> str:
    return (rf"(?:\s*{_QUOTE})?{article}\s*(?P<name>[^\W\d_][\w-]*)\s*"
            rf"(?={_QUOTE}|\)|,|;|\.|$)")


_THE = r"(?:\s*the(?=\s))?"
DEFINITIONS = {
    "pl": re.compile(rf"(?:\b(?:zwan|nazywan|określan)\w*\s+(?:dalej|w\s+dalszej\s+części"
                     rf"(?:\s+\w+)?)|\(\s*dalej)(?:\s+jako)?{_DASH}{_name()}", re.IGNORECASE),
    "lt": re.compile(rf"\btoliau(?:\s*vadinam\w*)?{_DASH}{_name()}", re.IGNORECASE),
    # "the" before the quote or inside it: hereinafter the “Centre”, (hereinafter “the Centre”)
    "en": re.compile(rf"\bhereinafter(?:\s+referred\s+to\s+as|\s+called)?{_DASH}{_THE}"
                     rf"{_name(_THE)}", re.IGNORECASE),
}


def defined_words(text: str, tokens: list[Token], lang: str) -> list[int]:
    """Positions of the capitalised one-word names the text defines (an abbreviation,
    "GOPS", keeps its capitals anyway and is left out)."""
    pattern = DEFINITIONS.get(lang)
    if pattern is None:
        return []
    starts = {token.start: k for k, token in enumerate(tokens)}
    found = []
    for match in pattern.finditer(text):
        k = starts.get(match.start("name"))
        word = match.group("name")
        if k is not None and word[:1].isupper() and not is_abbreviation(word):
            found.append(k)
    return found
