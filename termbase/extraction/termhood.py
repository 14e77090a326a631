"""How term-like a candidate is: independent frequency x domain keyness x phrase shape.

* Independent frequency, after C-value (Frantzi, Ananiadou & Mima 2000): a lemma sequence's
  frequency minus the mean frequency of the longer candidates it is nested in, so "pomoc
  społeczna" inside a repeated "ośrodek pomocy społecznej" keeps only its own occurrences.
  A container seen once is no evidence (in a small text every phrase is seen once, and all
  its parts would score zero), so only containers seen twice or more discount, and never
  below a quarter of the sequence's frequency.
* Keyness of the words: how much more often a word occurs in the input than in general
  language (wordfreq's frequencies, summed over the forms seen): count x log10(ratio), the
  leading term of the log-likelihood keyness statistic. A word seen once scores little
  however rare it is in general language, so incidental rare words ("podekscytowanie") do
  not outrank the domain's recurring vocabulary (usługa, socjalny, pomoc). A phrase's
  keyness is the mean over its content words of log2(1 + keyness).
* Shape, instead of C-value's log2(length): terms are mostly two- or three-word noun
  phrases (Justeson & Katz 1995), and a phrase whose noun carries a classifying adjective
  (Polish "pomoc społeczna" with the adjective after the noun; Lithuanian and English
  adjectives before it) is a term far more often than a chain of nouns ("zakres pracy").
* Proper names (every word a name: people, places) are damped, not dropped: an
  institution's name may be wanted.
* Evidence from outside the text, where frequency says nothing (in a short text nearly
  every phrase is seen once): a whole name of an institution, programme or act is raised,
  and so is a term the user's termbase already has.

This module states the factors; `ranking` combines them, with weights fitted on labelled
texts (`training`).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import Iterable, Mapping

# The score multiplies (independent frequency + FREQUENCY_SMOOTHING), (KEYNESS_SMOOTHING +
# keyness) and the priors below: `ranking` weighs the logarithm of each.
FREQUENCY_SMOOTHING = 0.3
KEYNESS_SMOOTHING = 0.5
GENERAL_FLOOR = 1e-7        # wordfreq's smallest listed frequencies are about 1e-8
NAME_DAMPING = 0.25
MIN_CONTAINER_FREQ = 2
# Even a sequence always seen inside the same longer one may be a term ("ekonomia
# społeczna" in "rozwój ekonomii społecznej"): keep a quarter of its frequency.
NESTED_FLOOR = 0.25
# A one-word candidate's prior runs from LENGTH_PRIOR[1] to SINGLE_WORD_PRIOR_MAX with the
# evidence that it is a term alone (`single_words`; set on the seed and development texts);
# from SPECIFIC_WORD_PRIOR up it is domain vocabulary and keeps its whole frequency (no nesting discount: "globėjas" is a term inside "vaiko
# globėjas" and alone, as TermoStat ranks single words by specificity alone).
# A common word alone (praca, rodzina, usługi) gets LENGTH_PRIOR[1]: seldom wanted, it
# would take the places of phrases (set on the seed and development texts).
SPECIFIC_WORD_PRIOR = 0.6
SINGLE_WORD_PRIOR_MAX = 0.85
LENGTH_PRIOR = {1: 0.15, 2: 1.0, 3: 1.0, 4: 0.75, 5: 0.35}
# A complete capitalised name of five words or more: the length prior of four words. A
# whole name (not a piece of one) is what a terminologist records of an institution, a
# programme or an act, whatever its words: its prior is raised by WHOLE_NAME_BOOST.
WHOLE_NAME_PRIOR = 0.75
WHOLE_NAME_BOOST = 1.5
# A candidate the termbase already has is a term by its users' own judgement (MultiTerm
# Extract and TermSuite read a reference termbase the same way): its score is doubled.
KNOWN_TERM_PRIOR = 2.0
PREPOSITION_PRIOR = 0.5        # "gmina z rejonu", "zmiany w ustawodawstwie": circumstances
TERM_PREPOSITION_PRIOR = 0.85  # "opieka nad dziećmi", "asmenys su negalia"
PARTICIPLE_FIRST_PRIOR = 0.5  # "teikiamos paslaugos", "zrealizowany projekt": descriptions
# A phrase headed by a verbal noun that is only a verb's form ("przyznawanie usług",
# "ponoszenie opłat") describes an act the text reports, seldom a term (on the development
# texts 1 of 20 such phrases in the top 100 was wanted): TermoStat and TermSuite rank such
# event nominals below the domain's nouns.
ACTION_HEAD_PRIOR = 0.5
CLASSIFYING_ADJECTIVE_PRIOR = 1.6
# A classifying adjective completing the phrase: Polish puts it after its noun, and a
# Polish term usually ends with it ("pomoc społeczna", "ośrodek pomocy społecznej"), while
# a phrase running on to a bare noun ("usługi socjalne samorządu") is two phrases joined;
# Lithuanian and English adjectives stand right before the head ("socialinė globa").
CLASSIFYING_ADJECTIVE = {"pl": re.compile(r"a$")}
CLASSIFYING_ADJECTIVE_DEFAULT = re.compile(r"A+N$|A+N[Pp]")


@functools.lru_cache(maxsize=None)
def general_frequency(word: str, lang: str) -> float:
    from wordfreq import word_frequency

    try:
        return word_frequency(word, lang)
    except (LookupError, ValueError):
        return 0.0


def keyness(forms: Mapping[str, int], total_tokens: int, lang: str) -> float:
    """count x log10(share in the input / share in general language), 0 when not key."""
    count = sum(forms.values())
    general = sum(general_frequency(form, lang) for form in forms)
    ratio = (count / max(total_tokens, 1)) / max(general, GENERAL_FLOOR)
    return count * math.log10(ratio) if ratio > 1 else 0.0


def phrase_keyness(values: Iterable[float]) -> float:
    logs = [math.log2(1 + v) for v in values]
    return sum(logs) / len(logs) if logs else 0.0


def independent_frequencies(freqs: dict[tuple[str, ...], int],
                            longer: dict[tuple[str, ...], int] | None = None,
                            not_containers: frozenset = frozenset()
                            ) -> dict[tuple[str, ...], float]:
    """Frequency minus the mean frequency of the (repeated) longer sequences containing it;
    `longer` holds sequences one word past the longest candidate, counted only for this;
    `not_containers` discount nothing (a name before a phrase: "[Alytaus] socialinių
    paslaugų centras" takes nothing from "socialinių paslaugų centras")."""
    nested_sum: Counter = Counter()
    nested_by: Counter = Counter()

    def nest(sub: tuple[str, ...], freq: int) -> None:
        if sub in freqs:
            nested_sum[sub] += freq
            nested_by[sub] += 1

    for key, freq in freqs.items():
        if freq < MIN_CONTAINER_FREQ or key in not_containers:
            continue
        n = len(key)
        for length in range(1, n):
            for start in range(n - length + 1):
                nest(key[start:start + length], freq)
    for key, freq in (longer or {}).items():
        if freq >= MIN_CONTAINER_FREQ:
            nest(key[:-1], freq)
            nest(key[1:], freq)
    return {key: max(freq - nested_sum[key] / nested_by[key], NESTED_FLOOR * freq)
            if nested_by[key] else float(freq) for key, freq in freqs.items()}


# A word that heads or joins many different phrases of the text ("centras", "paslauga",
# "pagalba") is their generic part, not a term alone (TermSuite reads such words as the
# components of terms): its one-word score is divided by 1 + GENERIC_STEP x the number of
# those phrases past GENERIC_FREE (set on the seed and development texts).
GENERIC_FREE = 2
GENERIC_STEP = 0.1


def phrases_per_word(freqs: Mapping[tuple[str, ...], float]) -> Counter:
    """How many distinct longer lemma sequences each word is part of."""
    counts: Counter = Counter()
    for key in freqs:
        if len(key) > 1:
            counts.update(set(key))
    return counts


def generic_word_damping(phrases: int) -> float:
    """The factor of a one-word candidate that is part of `phrases` distinct phrases."""
    return 1.0 / (1.0 + GENERIC_STEP * max(0, phrases - GENERIC_FREE))


def single_word_prior(evidence: float) -> float:
    """The length prior of a one-word candidate, from the evidence (0 to 1) that the word
    alone is a term (`single_words.evidence`): up to SINGLE_WORD_PRIOR_MAX for the
    domain's own vocabulary (supervizija, teleopieka, oferent), LENGTH_PRIOR[1] for common
    words (projekt, centras), which are seldom wanted alone."""
    return LENGTH_PRIOR[1] + (SINGLE_WORD_PRIOR_MAX - LENGTH_PRIOR[1]) * evidence
