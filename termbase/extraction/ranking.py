"""Ranking candidates: a weighted sum of the logarithms of termhood's factors.

`termhood` states each piece of evidence as a factor: independent frequency, keyness, and
the priors of a phrase's shape, of a name, of a word alone. The hand-set score multiplies
them; in logarithms that is a linear model whose weights are all 1. Here each factor is
one feature (the logarithm of the factor the hand-set rule applies, 0 where it does not
apply), so the rules stay as written and only how much each counts is learned:
`training` fits a weight per feature and language by logistic regression on the labelled
texts (tests/data), pulled towards the hand-set weights where the data say little, and
writes them to `ranker.json`. A few features have no hand-set factor (weight 0 by hand):
evidence the hand-set score did not use, which the fit may take up.

The score shown is exp(weights x features): with the hand-set weights, exactly the old
termhood score; with fitted ones a number on a scale of its own, comparable between the
candidates of one run, not with a hand-set score or across languages.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Mapping, Sequence

from termbase.extraction.lexicon import EMPTY, FEATURES as LEXICON_FEATURES, Lexicon

# The hand-set factors, each the logarithm of a `termhood` factor (weight 1 by hand) ...
FACTORS = (
    "frequency",               # log(independent frequency + 0.3)
    "keyness",                 # log(0.5 + the phrase's keyness)
    "one_word",                # log LENGTH_PRIOR[1]
    "long_phrase",             # log LENGTH_PRIOR[n] for four words or more
    "whole_name",              # the raise of a whole capitalised name
    "circumstance_preposition",
    "term_preposition",
    "participle_first",
    "classifying_adjective",
    "word_alone",              # a one-word candidate's own evidence (single_words)
    "generic_word",            # a word that is part of many of the text's phrases
    "action_head",
    "describing_clause",
    "known_term",
    "role_in_a_circumstance",
    "all_names",
    "name_first",
)
# ... and evidence the hand-set score does not use (weight 0 by hand).
EXTRA = (
    "rarest_word",             # the rarest content word's rarity in general language (0-1)
    "least_key_word",          # log(1 + keyness) of the least key content word
    "early",                   # first seen in the first tenth of the text (title, subject)
    "cut_share",               # share of occurrences cut out of a longer phrase
    *LEXICON_FEATURES,         # what reviewed documents said of the phrase and its words
)
FEATURES = FACTORS + EXTRA
HAND = {name: 1.0 for name in FACTORS} | {name: 0.0 for name in EXTRA}
MODEL_FILE = "ranker.json"
LEXICON_FILE = "lexicon.json"


@dataclass(frozen=True)
class Ranker:
    """Weights over FEATURES; `fitted` says whether they come from `training`."""

    weights: tuple[float, ...]
    fitted: bool = False
    lexicon: Lexicon = EMPTY

    @classmethod
    def from_mapping(cls, weights: Mapping[str, float], fitted: bool,
                     lexicon: Lexicon = EMPTY) -> "Ranker":
        """Unknown names are ignored and missing ones take the hand-set weight, so a
        model file written before a feature was added still loads."""
        return cls(tuple(float(weights.get(name, HAND[name])) for name in FEATURES), fitted,
                   lexicon)

    def score(self, values: Sequence[float]) -> float:
        return math.exp(min(sum(w * v for w, v in zip(self.weights, values)), 700.0))

    def as_mapping(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.weights))


HAND_RANKER = Ranker.from_mapping(HAND, fitted=False)

# The largest weight a fitted model can hold (fitted ones stay within a few units): a file
# with larger ones is damaged, and their sum overflowed to NaN, which left the ranking in
# no order at all ("rodzina" first, every score 0).
MAX_WEIGHT = 100.0


@functools.lru_cache(maxsize=None)
def _model_file() -> dict:
    """The shipped weights; a missing or unreadable file leaves the hand-set ones, which
    rank well enough to go on with (the fitted ones gain a point or two)."""
    try:
        text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
        model = json.loads(text)
    except (OSError, ValueError, RecursionError):  # (nesting too deep for the parser)
        return {}
    return model if isinstance(model, dict) else {}


def ranker(lang: str) -> Ranker:
    """The fitted weights of `lang`, or the hand-set ones where none were fitted."""
    weights = _model_file().get("languages", {})
    weights = weights.get(lang) if isinstance(weights, dict) else None
    if not isinstance(weights, dict) or not all(
            isinstance(v, (int, float)) and math.isfinite(v) and abs(v) <= MAX_WEIGHT
            for v in weights.values()):
        return HAND_RANKER
    return Ranker.from_mapping(weights, fitted=True, lexicon=_lexicon(lang))


@functools.lru_cache(maxsize=None)
def _lexicon(lang: str) -> Lexicon:
    """The shipped lexicon of `lang`; without a readable one its features are all 0 (the
    fitted weights then rank a little worse, as on the hand-set features alone)."""
    try:
        text = resources.files(__package__).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
        data = json.loads(text)
        return Lexicon.from_json(data.get(lang, {}) if isinstance(data, dict) else None)
    except (OSError, ValueError, RecursionError):
        return EMPTY
