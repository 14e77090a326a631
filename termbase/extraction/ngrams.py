"""Passages -> lemma n-gram statistics: the raw material of term candidates.

Tokenising: `termbase.text.normalize.tokenize` (one regular expression), as everywhere in
termbase; sacremoses is not used (see README, "Why not sacremoses").
Candidates need character offsets (for context snippets and to rebuild the surface form
with its hyphens), and the index splits terms with this same tokenizer, so a candidate's
tokens line up one-to-one with the termbase's lemma sequences when we check whether it is
already known. It is also about twenty times faster than sacremoses (measured: 0.02 s
against 0.36 s for 250 kB of Polish), which matters for the 1 MB in 10 s budget. What
sacremoses adds (abbreviations, non-breaking prefixes) we get from the gaps between tokens:
any punctuation except a word-internal hyphen ends a candidate, and one-letter tokens or
numbers never start or end one.

A candidate is a run of up to five tokens (seven where a name may begin, see `_name_start`;
Polish prepositions not counted) inside such a chunk that starts and ends with a noun or
adjective (not a participle, which wants its complement: "zagrożona [wykluczeniem]", unless
nothing it could govern follows), contains at least one noun, never contains a STOP word,
holds at most one preposition or conjunction inside a name or a coordinated Lithuanian
genitive (never at its edges), an adverb only before its adjective, does not mix proper
names with other words, and never separates an adjective from its noun (see
`attachment`). A Polish phrase may hold a second preposition where it opens the complement
of the first one's object ("orzeczenie o niezdolności do pracy", "dochód na osobę w
rodzinie", see `polish_prepositions`). Polish phrases may end with an
adjective ("pomoc społeczna"); Lithuanian and English ones end with their head noun.
Beside these runs: phrases with a gap, where a coordination or a parenthesis splits a term
(`coordination`, `insertions`), a name an abbreviation in parentheses defines whatever its
length (`abbreviations`), and a Lithuanian definite adjective used as a noun (`substantives`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Iterable

from termbase.text import dictionary, polish
from termbase.extraction.abbreviations import defined_phrase_start, is_abbreviation
from termbase.extraction.act_titles import act_titles, dated_titles
from termbase.extraction.analysis import (ADJ, ADV, CONJ, LT_GENITIVE_ENDINGS, NOUN, PREP,
                                          STOP, WordInfo, analyse, present_passive)
from termbase.extraction.coordination import elided_phrases
from termbase.extraction.defined_names import defined_words
from termbase.extraction.insertions import across_parentheses, alternatives, runs_on_after
from termbase.extraction.substantives import definite_noun
from termbase.extraction.attachment import (NONE, attachments, cuts, polish_agrees,
                                            runs_on)
from termbase.extraction.lexemes import (canonical_keys, lithuanian_homographs, merged_counters,
                                         rekey)
from termbase.extraction.lithuanian import (GENITIVE_PLURAL, adjective_homographs,
                                           coordinated_datives, governed_adjective)
from termbase.extraction.lithuanian_roles import (counted_units, manner_formula,
                                                  names_an_institution,
                                                  past_a_genitive_object)
from termbase.extraction.lithuanian_agencies import attached_agencies
from termbase.extraction.lithuanian_headings import heading_head
from termbase.extraction.lithuanian_statutes import (STATUTE, inside_citation, opens_citation,
                                                     statute_titles)
from termbase.extraction.passages import Passage
from termbase.extraction.persons import homograph_first_names, names_a_person, surnames
from termbase.extraction.polish_lists import listed_adjectives
from termbase.extraction.polish_names import (capitalised, goes_on_in_capitals,
                                               piece_of_a_name)
from termbase.extraction.polish_prepositions import (complements_the_object, per_unit,
                                                     phrasal_preposition_nouns)
from termbase.extraction.polish_np import (heads_a_name, inner_ordinal, is_adverb,
                                          is_reflexive_of_verbal_noun, may_be_genitive,
                                          plural_only_noun, polish_genitives,
                                          second_object_of_a_verbal_noun, time_noun,
                                          title_coordinators)
from termbase.extraction.quoted_names import QuotedName, quoted_names
from termbase.extraction.stopwords import (NOT_IN_NAMES, before_a_predicate,
                                           ends_complex_preposition, is_coordinator,
                                           is_term_preposition, is_time_unit)
from termbase.text.normalize import Token, tokenize

MAX_LEN = 5
# Official names run longer than terms ("Valstybės vaiko teisių apsaugos ir įvaikinimo
# tarnyba", "Krajowy Program Przeciwdziałania Ubóstwu i Wykluczeniu Społecznemu"): a
# sequence that opens like a name (see `_name_start`) may have up to seven words.
NAME_MAX_LEN = 7
_SENTENCE_END = re.compile(r"[.!?:;•\u2022\"„“”«»()\[\]–—]")
_SPACES = re.compile(r"\s+")
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
HEAD_FINAL = {"lt", "en"}


class Stats:
    """Everything counted for one lemma sequence."""

    __slots__ = ("freq", "partial", "variants", "contexts", "files", "segments", "shape",
                 "whole_name", "quoted", "not_a_phrase", "fixed", "alternatives")

    def __init__(self) -> None:
        self.freq = 0
        self.partial = 0  # occurrences cut out of a longer phrase (see attachment.runs_on)
        self.variants: dict[str, int] = {}          # surface as written -> count
        self.contexts: list[tuple[int, int, int]] = []  # (passage index, start, end)
        self.files: set[str] = set()
        self.segments: set[int] | None = None      # passage indices (alignment only)
        self.shape = ""  # the roles of its words, see `_shape`
        self.whole_name = False  # seen as a whole capitalised name (see `_whole_name`)
        self.quoted = 0  # occurrences standing alone between quotation marks
        # occurrences that are no phrase of their own (Lithuanian): a name's opening
        # genitives, or a run past a preposition's genitive object into the clause
        self.not_a_phrase = 0
        # occurrences recorded in their base form already (a Lithuanian statute's title)
        self.fixed = 0
        # (word position, the alternative in parentheses after it, as written) -> count:
        # "globos (rūpybos) išmoka" (see `insertions`)
        self.alternatives: Counter | None = None

    @property
    def weighted_freq(self) -> float:
        """Occurrences cut out of a longer phrase ("Centrum Usług [Socjalnych]") count a
        quarter."""
        return self.freq - 0.75 * self.partial

    def merge(self, other: "Stats") -> "Stats":
        self.freq += other.freq
        self.partial += other.partial
        for variant, count in other.variants.items():
            self.variants[variant] = self.variants.get(variant, 0) + count
        self.contexts = (self.contexts + other.contexts)[:2]
        self.whole_name |= other.whole_name
        self.quoted += other.quoted
        self.not_a_phrase += other.not_a_phrase
        self.files |= other.files
        if other.alternatives:
            self.alternatives = (self.alternatives or Counter()) + other.alternatives
        if self.segments is not None and other.segments is not None:
            self.segments |= other.segments
        return self


class NgramCounter:
    def __init__(self, lang: str, max_len: int = MAX_LEN, keep_segments: bool = False):
        self.lang = lang
        self.max_len = max_len
        self.keep_segments = keep_segments
        self.stats: dict[tuple[str, ...], Stats] = {}
        # Sequences one word longer than a candidate may be: counted only so that the
        # nested-frequency discount can tell a fragment of a longer name from a term.
        self.longer: dict[tuple[str, ...], int] = {}
        self.lexeme_members: dict[str, set[str]] = {}
        self.word_forms: dict[str, Counter] = {}   # lemma key -> lower-case forms seen
        self.name_votes: Counter = Counter()       # lemma key -> occurrences read as a name
        self.person_keys: set[str] = set()         # lemma keys written as a person's name
        # the same, and all occurrences, away from sentence starts (see `written_as_names`)
        self.inside_votes: Counter = Counter()
        self.inside_counts: Counter = Counter()
        self.adjective_keys: set[str] = set()      # lemma keys read as adjectives
        self.written_lower: set[str] = set()       # lemma keys written in lower case
        self.oblique_alone: set[str] = set()       # see `_oblique_alone`
        # analysed (unmerged) lemma keys of Lithuanian headings' heads: `lithuanian_headings`
        self.nominative_plurals: set[str] = set()
        # one-word short names the text defines ("zwany dalej „Ośrodkiem”"): see
        # `defined_names`; their capitals are the document's convention
        self.defined_keys: set[str] = set()
        # Polish lemma keys capitalised inside a sentence, alone (see `standalone_names`)
        self.alone_capitals: set[str] = set()
        # pairs of lemma keys written one after the other, both capitalised, inside a
        # sentence ("Ośrodka Pomocy"): a name's capitals go on there (`capitalised_together`)
        self.capitalised_pairs: set[tuple[str, str]] = set()
        # positions of the passage being counted that go on a phrase past an alternative
        # in parentheses (Lithuanian: "priežiūros (pagalbos) [išlaidų] ...")
        self._continuing: set[int] = set()
        self._alternative_after: dict[int, str] = {}
        self.tokens = 0
        self.passages: list[Passage] = []
        self._words: list[str] = []  # the words of the passage being counted
        self._prepositions: list[bool] = []  # per word of it, whether a preposition

    # -- counting ------------------------------------------------------------------------
    def add_all(self, passages: Iterable[Passage], progress=None) -> "NgramCounter":
        """Count every passage; `progress(characters done)` now and then."""
        done = 0
        for number, passage in enumerate(passages, 1):
            self.add(passage)
            done += len(passage.text) + 1
            if progress and number % 64 == 0:
                progress(done)
        if progress:
            progress(done)
        return self.finish()

    def name_keys(self) -> set[str]:
        """Lemma keys read as proper names in most of their occurrences."""
        return ({key for key, votes in self.name_votes.items()
                 if 2 * votes > sum(self.word_forms[key].values())}
                | self.standalone_names()) - self.defined_keys

    def written_as_names(self) -> set[str]:
        """Lemma keys capitalised in most occurrences whose capital says something (not at
        a sentence start): a place named in a title line is still a name ("Rūtiškių")."""
        return ({key for key, votes in self.inside_votes.items()
                 if 2 * votes > self.inside_counts[key]}
                | self.standalone_names()) - self.defined_keys

    def capitalised_together(self, first: str, second: str) -> bool:
        """Whether the input writes these two lemma keys one after the other, both with a
        capital, inside a sentence: a name's words ("Ośrodka Pomocy [Społecznej]"), whose
        capitals do not stop between them."""
        return (first, second) in self.capitalised_pairs

    def standalone_names(self) -> set[str]:
        """Polish words capitalised inside a sentence with no capitalised word beside them,
        and never written in lower case: places and people the dictionary reads as
        common nouns ("w Żurawcu", żurawiec a bird's name; "w Jarzębinie")."""
        return self.alone_capitals - self.written_lower

    def substantive_keys(self) -> frozenset:
        """Adjective lemmas used in the input as nouns of their own ("Podopieczny
        uczestniczy"): counted alone, which only a noun is (see `_substantivised`)."""
        return frozenset(key[0] for key in self.stats if len(key) == 1
                         and key[0] in self.adjective_keys) | self.oblique_alone

    def add(self, passage: Passage) -> int:
        """Count one passage; returns its index (the segment number for alignment)."""
        index = len(self.passages)
        self.passages.append(passage)
        tokens = tokenize(passage.text)
        self.tokens += len(tokens)
        self._words = [t.text for t in tokens]
        listed: list[tuple[int, int]] = []  # see `polish_lists`
        infos = [analyse(tok.text, self.lang) for tok in tokens]
        for k in _glued(passage.text, tokens) | self._complex_prepositions(tokens):
            infos[k] = WordInfo(infos[k].key, STOP)
        for k in {*_name_coordinators(passage.text, tokens, self.lang),
                  *_genitive_coordinators(passage.text, tokens, infos, self.lang)}:
            infos[k] = WordInfo(infos[k].key, CONJ)
        if self.lang == "pl" and polish.available():
            for k in title_coordinators(self._words, [info.role for info in infos],
                                        lambda k: sentence_initial(passage.text, tokens, k)):
                infos[k] = WordInfo(infos[k].key, CONJ)  # "Kodeks rodzinny [i] opiekuńczy"
            for k in _adverbs_of_adjectives(passage.text, tokens, infos):
                infos[k] = WordInfo(tokens[k].text.lower(), ADV)
            words = self._words
            listed = listed_adjectives(passage.text, tokens, infos)
            for _noun, k in listed:  # "osobom starszym, [chorym]": no noun of its own
                infos[k] = infos[k]._replace(role=STOP)
            for k in phrasal_preposition_nouns(words):  # "pomoc [w formie] posiłku"
                infos[k] = WordInfo(infos[k].key, PREP)
            for k in range(len(tokens) - 1):  # "[Rada] Gminy": a noun, not the adjective
                if infos[k].role == ADJ and heads_a_name(words, k):  # (keeping its key)
                    infos[k] = WordInfo(infos[k].key, NOUN)
            for k in range(1, len(tokens)):  # "zakaz zbliżania [się]": the noun's own
                if is_reflexive_of_verbal_noun(words, k):
                    infos[k] = WordInfo("się", ADV)
            for k in range(1, len(tokens) - 1):  # "organ [pierwszej] instancji"
                if infos[k].role == STOP and (ordinal := inner_ordinal(words, k)):
                    infos[k] = WordInfo(ordinal, ADJ)
            for k in range(len(tokens) - 1):  # "[rok] szkolny", "czynności [dnia] codziennego"
                if infos[k].role == STOP and (
                        noun := time_noun(words, k, infos[k + 1].role == ADJ)):
                    infos[k] = WordInfo(noun, NOUN)
            for k in homograph_first_names(words, infos):  # "[Marek] Nowak": no marka
                infos[k] = infos[k]._replace(name=True)
            for k in surnames(words, infos):  # "Agnieszka [Rosół]": no broth
                infos[k] = infos[k]._replace(name=True)
                self.person_keys.add(infos[k].key)
            for k in range(len(tokens) - 1):  # "[danych] osobowych": dane, not dany
                if infos[k].role == ADJ and infos[k + 1].role == ADJ and (
                        noun := plural_only_noun(words, k)):
                    infos[k] = WordInfo(noun.base_lemma.lower(), NOUN)
        if self.lang == "lt":
            infos = adjective_homographs([t.text for t in tokens], infos)
            words = [t.text for t in tokens]
            for k in counted_units(words, [i.key for i in infos]) | manner_formula(words):
                infos[k] = WordInfo(infos[k].key, STOP)  # "keturiolika dienų", see both
            for k in range(len(words) - 1):  # "[koordinuoti] kompleksinę pagalbą"
                if infos[k].role == ADJ and words[k].lower().endswith("ti") \
                        and words[k + 1].lower().endswith(("ą", "ę", "į")):
                    # a plural participle agrees with no singular accusative: the
                    # infinitive the dictionary lacks, taking its object
                    infos[k] = WordInfo(infos[k].key, STOP)
            for k in range(len(words)):  # "pagalbos [neįgaliesiems]": a noun's place
                if infos[k].role == ADJ and governed_adjective(words, k):
                    infos[k] = infos[k]._replace(role=NOUN)
        for k in [*_numbered(passage.text, tokens), *_codes(passage.text, tokens),
                  *_reference_abbreviations(passage.text, tokens, self.lang)]:
            infos[k] = WordInfo(infos[k].key, STOP)  # "Nr. SP-146", "ust. 2": references
        for k in _capitalised_by_position(passage.text, tokens, infos):
            infos[k] = infos[k]._replace(name=False)
        # a place the dictionary knows as a name stays one ("zwane dalej „Krakowem”")
        self.defined_keys.update(infos[k].key for k in defined_words(passage.text, tokens,
                                                                      self.lang)
                                 if not infos[k].name)
        for k, (tok, info) in enumerate(zip(tokens, infos)):
            if info.role == ADJ:
                self.adjective_keys.add(info.key)
            if info.role in (NOUN, ADJ):
                forms = self.word_forms.get(info.key)
                if forms is None:
                    forms = self.word_forms[info.key] = Counter()
                forms[tok.text.lower()] += 1
                if tok.text[:1].islower():
                    self.written_lower.add(info.key)
                if info.name:
                    self.name_votes[info.key] += 1
                if not sentence_initial(passage.text, tokens, k):
                    self.inside_counts[info.key] += 1
                    self.inside_votes[info.key] += info.name
                    if self.lang == "pl" and _capital_alone(passage.text, tokens, infos, k):
                        self.alone_capitals.add(info.key)
                    if _capitalised_with_next(passage.text, tokens, infos, k):
                        self.capitalised_pairs.add((info.key, infos[k + 1].key))
        found = list(alternatives(passage.text, tokens, infos))
        self._continuing = {close + 1 for _k, close in found
                            if runs_on_after(passage.text, tokens, close)
                            } if self.lang == "lt" else set()
        # an alternative in parentheses after a phrase's last word: "laikinąją globą (rūpybą)"
        self._alternative_after = {k: passage.text[tokens[k + 1].start:tokens[close].end]
                                   for k, close in found}
        self._prepositions = [info.role == PREP for info in infos]
        chunks = _chunks(passage.text, tokens, infos, self.lang)
        for start, end in chunks:
            self._count_chunk(index, passage, tokens, infos, start, end)
        phrases = across_parentheses(passage.text, tokens, infos, self.lang)
        for n, positions in enumerate(phrases):
            stats = self._record_elided(index, passage, tokens, infos, positions)
            _note_alternative(stats, passage.text, tokens, positions)
            # a longer one from the same parenthesis follows: this one is a piece of it
            stats.partial += n + 1 < len(phrases) and phrases[n + 1][-1] == positions[-1] \
                and phrases[n + 1][0] < positions[0]
        for noun, k in listed:  # "osobom starszym, chorym" -> "osoba chora"
            self._record_elided(index, passage, tokens, infos, [noun, k])
        if self.lang == "lt":
            head = heading_head(passage.text, tokens, infos)
            if head is not None:  # "... vidaus tvarkos taisyklės": a nominative
                self.nominative_plurals.add(head)
            for first, head, capital in statute_titles(
                    passage.text, tokens, infos,
                    lambda k: sentence_initial(passage.text, tokens, k), self.max_len,
                    NAME_MAX_LEN):
                self._record_statute(index, passage, tokens, infos, first, head, capital)
            for first, head, last in attached_agencies(
                    tokens, infos, lambda k: sentence_initial(passage.text, tokens, k)):
                self._record_agency(index, passage, tokens, infos, first, head, last)
        if self.lang == "pl":  # "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym"
            ends = [end for _start, end in chunks]
            for positions in dated_titles(self._words, infos,
                                          lambda k: ends[bisect.bisect_right(ends, k)]):
                self._record_elided(index, passage, tokens, infos, positions)
            for name in quoted_names(passage.text, tokens, infos,
                                     lambda k: sentence_initial(passage.text, tokens, k)):
                self._record_quoted(index, passage, tokens, name)
        return index

    def _record_quoted(self, index: int, passage: Passage, tokens: list[Token],
                       name: QuotedName) -> None:
        """A noun and the name in quotation marks after it (see `quoted_names`): ranked
        as a noun with a whole name."""
        stats = self.stats.get(name.key)
        if stats is None:
            stats = self.stats[name.key] = Stats()
            stats.shape, stats.whole_name = "NN", True
            if self.keep_segments:
                stats.segments = set()
        stats.freq += 1
        stats.variants[name.surface] = stats.variants.get(name.surface, 0) + 1
        if len(stats.contexts) < 2 and all(c[0] != index for c in stats.contexts):
            stats.contexts.append((index, tokens[name.head].start, tokens[name.last].end))
        stats.files.add(passage.file)
        if stats.segments is not None:
            stats.segments.add(index)

    def _record_statute(self, index: int, passage: Passage, tokens: list[Token],
                        infos: list[WordInfo], first: int, head: int, capital: bool
                        ) -> None:
        """A statute's title (see `lithuanian_statutes`): a whole name, recorded in its
        base form (the head in the nominative, its complements as written)."""
        positions = list(range(first, head + 1))
        words = [tokens[k].text for k in positions[:-1]] + [STATUTE]
        if not capital:
            words[0] = words[0].lower()
            # cited as "Lietuvos Respublikos ...": the full citation is a name too
            self._record_statute(index, passage, tokens, infos, first - 2, head, True)
        self._record_whole_name(index, passage, tokens, infos, positions, words)

    def _record_agency(self, index: int, passage: Passage, tokens: list[Token],
                       infos: list[WordInfo], first: int, head: int, last: int) -> None:
        """An agency's name with the ministry it is attached to (see
        `lithuanian_agencies`): a whole name, its institution noun in the nominative."""
        positions = list(range(first, last + 1))
        words = [tokens[k].text for k in positions]
        noun = infos[head].key
        if not noun.startswith("~"):
            words[head - first] = tokens[head].text[:1] + noun[1:]
        self._record_whole_name(index, passage, tokens, infos, positions, words)

    def _record_whole_name(self, index: int, passage: Passage, tokens: list[Token],
                           infos: list[WordInfo], positions: list[int], words: list[str]
                           ) -> None:
        """One occurrence of a name longer than a candidate may be, written `words`."""
        stats = self._occurrence(tuple(infos[k].key for k in positions), index, passage,
                                 " ".join(words), tokens[positions[0]].start,
                                 tokens[positions[-1]].end)
        stats.shape = stats.shape or "N" * len(positions)
        stats.whole_name = True
        stats.fixed += 1

    def _occurrence(self, key: tuple[str, ...], index: int, passage: Passage,
                    surface: str, start: int, end: int) -> Stats:
        """Count one occurrence of `key` written `surface` at text[start:end]."""
        stats = self.stats.get(key)
        if stats is None:
            stats = self.stats[key] = Stats()
            if self.keep_segments:
                stats.segments = set()
        stats.freq += 1
        stats.variants[surface] = stats.variants.get(surface, 0) + 1
        if len(stats.contexts) < 2 and all(c[0] != index for c in stats.contexts):
            stats.contexts.append((index, start, end))
        stats.files.add(passage.file)
        if stats.segments is not None:
            stats.segments.add(index)
        return stats

    def _complex_prepositions(self, tokens: list[Token]) -> set[int]:
        """The nouns of "w ramach", "z zakresu", and a unit of time after a number ("2027
        metų", "2026 roku"): never part of a candidate."""
        return {k for k in range(1, len(tokens)) if ends_complex_preposition(
            tokens[k - 1].text.lower(), tokens[k].text.lower(), self.lang) or (
            tokens[k - 1].text.isdigit() and is_time_unit(tokens[k].text.lower(), self.lang))}

    def _count_chunk(self, index: int, passage: Passage, tokens: list[Token],
                     infos: list[WordInfo], start: int, end: int) -> None:
        head_final = self.lang in HEAD_FINAL
        attach = [NONE] * start + attachments(
            [t.text for t in tokens[start:end]], infos[start:end], self.lang)
        # read before a lone adjective is taken for a noun ("osoby starsze i niepełnosprawne")
        elided = elided_phrases(tokens, infos, attach, start, end, self.lang)
        if self.lang == "pl":
            _substantivised(tokens, infos, attach, start, end)
            self.oblique_alone.update(_oblique_alone(tokens, infos, attach, start, end))
        elif self.lang == "lt":
            for k in range(start, end):  # "neįgalieji": see `substantives`
                if infos[k].role == ADJ and attach[k] == NONE and not infos[k].participle \
                        and definite_noun(tokens[k].text, infos[k].key):
                    self._record_elided(index, passage, tokens, infos, [k])
        capitals = None  # computed once per chunk, when a candidate is recorded
        words = self._words
        defined = defined_phrase_start(passage.text, tokens,
                                       lambda k: infos[k].role in (NOUN, ADJ), start, end)
        defined_key = defined is not None and tuple(x.key for x in infos[defined:end])
        defined_before = defined_key and self.stats.get(defined_key, Stats()).freq
        for i in range(start, end):
            # a Polish compound adjective is whole: "[Miejsko-]Gminny Ośrodek" starts at
            # its first part, never inside it
            compound = self.lang == "pl" and i + 1 < end and infos[i].role == ADV \
                and _hyphenated(passage.text, tokens, i)
            if self.lang == "pl" and i > start and _hyphenated(passage.text, tokens, i - 1):
                continue
            if infos[i].role not in (NOUN, ADJ) and not compound or (
                    head_final and present_passive(tokens[i].text, infos[i])) or (
                    infos[i].participle and i > 0
                    and before_a_predicate(tokens[i - 1].text.lower(), self.lang)):
                continue  # a predicate: "buvo sudarytas [pagalbos planas]"
            # What a number counts is a head, never a genitive modifier: "214 pranešimų apie
            # smurtą", but not "40 procentų [darbingumo lygis]"
            counted = self.lang == "lt" and i > 0 and tokens[i - 1].text.isdigit() \
                and tokens[i].text.lower().endswith(GENITIVE_PLURAL)
            prepositions, nouns, name = 0, 0, infos[i].name
            nouns_after_name = False
            conjunction = None  # where a conjunction joins two genitives (Lithuanian)
            limit = self.max_len
            # a Polish name may hold two prepositions or conjunctions between its capitals
            # ("Powiatowy Zespół do Spraw Orzekania o Niepełnosprawności")
            capitals_only = False
            if _name_start(passage.text, tokens, i):
                limit = max(limit, NAME_MAX_LEN)
                capitals_only = self.lang == "pl"
            # A Polish adverb before its adjective ("wspólnie [zajmowanego]") and a verbal
            # noun's "się" do not count towards the length: they add no constituent.
            skipped = 0
            for j in range(i, end):
                if j - i - skipped > limit:
                    break
                info = infos[j]
                if info.role == STOP:
                    break
                if info.role == ADV:
                    skipped += self.lang == "pl"
                    continue  # inside only, with its adjective after it
                if info.role in (PREP, CONJ):
                    # (a Polish complex preposition, "w formie", counts once; a Polish
                    # preposition adds no constituent, its object does: it does not count
                    # towards the length, "świadczenie [na] pokrycie kosztów utrzymania
                    # dziecka", "Powiatowy Urząd Pracy [w] Radlicach")
                    complex_ = self.lang == "pl" and j > i and infos[j - 1].role == PREP
                    prepositions += not complex_
                    # and a Lithuanian conjunction joining two genitives (or datives)
                    # before one head counts as no word: "socialinių įgūdžių ugdymo [ir]
                    # palaikymo paslaugos", "buities [ir] gyvenimo sąlygų patikrinimo
                    # aktas" reach as far left as the chain would without the coordination
                    skipped += (self.lang == "pl" and info.role == PREP) + (
                        self.lang == "lt" and info.role == CONJ)
                    # a second one may open the complement of the first one's object:
                    # "orzeczenie o niezdolności [do pracy]" (see `polish_prepositions`)
                    if prepositions > 1 + (capitals_only and prepositions == 2 and j + 1 < end
                                           and capitalised(tokens[j + 1].text)) + (
                            prepositions == 2 and info.role == PREP and self.lang == "pl"
                            and complements_the_object(words, self._prepositions, j, i)):
                        break
                    conjunction = j if info.role == CONJ else None
                    continue
                if info.name != name:
                    # "Irena Ingielewicz" is a candidate, "kierownik Irena" is not; but a
                    # Lithuanian name may open a phrase: "Europos socialinis fondas", and
                    # a Polish one may end with its place: "Zespół Interdyscyplinarny w
                    # Jodłowie"
                    if _place_of_a_name(tokens, infos, i, j, self.lang):
                        pass
                    elif not (head_final and name and j > i and not nouns_after_name):
                        break
                    else:
                        name, nouns_after_name = False, True
                if self.lang == "pl" and info.role == NOUN and infos[j - 1].role in (
                        NOUN, ADJ) and second_object_of_a_verbal_noun(words, i, j):
                    break  # "objęcie [rodziny] wsparciem": the verbal noun's objects
                if capitals_only:
                    capitals_only = capitalised(tokens[j].text)
                nouns += info.role == NOUN
                if not nouns or (head_final and info.role != NOUN) or (
                        (info.participle or info.governs)
                        and not _without_complement(tokens, infos, j, end)):
                    continue  # no head yet, or a participle that wants its complement
                if cuts(infos, attach, i, j) or (
                        head_final and conjunction is not None and j == conjunction + 1):
                    continue  # "apsaugos ir įvaikinimo [tarnyba]": the head is still ahead
                if counted and j > i and not prepositions:
                    continue
                last = j + 1 if j + 1 < end and infos[j + 1].key == "się" \
                    and infos[j + 1].role == ADV else j  # "zakaz zbliżania się"
                if j - i - skipped == limit:
                    key = tuple(x.key for x in infos[i:last + 1])
                    self.longer[key] = self.longer.get(key, 0) + 1
                else:
                    if capitals is None:
                        capitals = _capitals(passage.text, tokens, infos, start, end)
                    self._record(index, passage, tokens, infos, i, last, attach,
                                 (start, end, capitals))
        if defined_key:
            self._record_defined(index, passage, tokens, infos, defined, end, attach,
                                 defined_before)
        if self.lang == "pl":  # "ustawa o wspieraniu rodziny i systemie pieczy zastępczej"
            for first, last in act_titles([t.text for t in tokens[start:end]],
                                          infos[start:end]):
                self._record(index, passage, tokens, infos, start + first, start + last - 1,
                             attach, (start, end, _capitals(passage.text, tokens, infos,
                                                            start, end)))
                key = tuple(x.key for x in infos[start + first:start + last])
                self.stats[key].whole_name = True  # a statute's title is a name
        for positions in elided:
            self._record_elided(index, passage, tokens, infos, positions)

    def _record_elided(self, index: int, passage: Passage, tokens: list[Token],
                       infos: list[WordInfo], positions: list[int]) -> Stats:
        """A phrase a coordination leaves implicit ("usługi [opiekuńcze i]
        specjalistyczne", see `coordination`): its words as written, the gap left out."""
        first = positions[0]
        surface = " ".join(tokens[k].text for k in positions)
        if sentence_initial(passage.text, tokens, first) and not infos[first].name \
                and not is_abbreviation(tokens[first].text):
            surface = surface[:1].lower() + surface[1:]
        stats = self._occurrence(tuple(infos[k].key for k in positions), index, passage,
                                 surface, tokens[first].start, tokens[positions[-1]].end)
        if not stats.shape:
            seen_noun = False
            for k in positions:
                seen_noun |= infos[k].role == NOUN
                stats.shape += "N" if infos[k].role == NOUN else "a" if seen_noun else "A"
        return stats

    def _record_defined(self, index: int, passage: Passage, tokens: list[Token],
                        infos: list[WordInfo], i: int, end: int, attach: list[int],
                        freq_before: int) -> None:
        """The phrase words i..end-1 an abbreviation in parentheses defines (see
        `abbreviations`): counted even where the phrase's length or prepositions keep it
        from being a candidate, and ranked as a whole name."""
        key = tuple(x.key for x in infos[i:end])
        if self.stats.get(key, Stats()).freq == freq_before:
            self._record(index, passage, tokens, infos, i, end - 1, attach,
                         (i, end, _capitals(passage.text, tokens, infos, i, end)))
        stats = self.stats[key]
        stats.whole_name = True
        # a name keeps the capitals it is written with, at a sentence's start too
        shown = _surface(passage.text, tokens, i, end - 1, infos, self.lang)
        written = _SPACES.sub(" ", passage.text[tokens[i].start:tokens[end - 1].end])
        if shown != written and stats.variants.get(shown):
            stats.variants[shown] -= 1
            if not stats.variants[shown]:
                del stats.variants[shown]
            stats.variants[written] = stats.variants.get(written, 0) + 1

    def _record(self, index: int, passage: Passage, tokens: list[Token],
                infos: list[WordInfo], i: int, j: int, attach: list[int],
                chunk: tuple[int, int, list[bool]]) -> None:
        end = chunk[1]
        if i == j and infos[i].role != NOUN:
            return
        key = tuple(info.key for info in infos[i:j + 1])
        stats = self.stats.get(key)
        if stats is None:
            stats = self.stats[key] = Stats()
            stats.shape = _shape(tokens, infos, attach, i, j, self.lang, self._words,
                                 self._prepositions if self.lang == "pl" else None)
            if self.keep_segments:
                stats.segments = set()
        stats.freq += 1
        citation = self.lang == "lt" and _whole_citation(tokens, infos, i, j, end)
        cut = not citation and (i in self._continuing or runs_on(
            infos, attach, i, j, end, self.lang, tokens[j].text, tokens[i].text,
            tokens[i - 1].text if i > chunk[0] else ""))
        if self.lang == "pl" and not cut and (  # "[Powiatowy Zespół] do Spraw ..."
                (j + 1 < end and infos[j + 1].role == PREP)
                or (i > chunk[0] and infos[i - 1].role == PREP)):
            cut = piece_of_a_name(self._words, infos, i, j, chunk[0], end, lambda k: (
                sentence_initial(passage.text, tokens, k)))
        if self.lang == "pl" and not cut:
            cut = _object_cut_off(self._words, self._prepositions, i, j, chunk[0], end)
        stats.partial += cut
        if j > i and not stats.whole_name and capitalised(tokens[i].text):
            stats.whole_name = citation or _whole_name(infos, i, j, chunk) or (
                self.lang == "lt" and not cut
                and _lithuanian_name(passage.text, tokens, infos, i, j))
        surface = _surface(passage.text, tokens, i, j, infos, self.lang)
        if self.lang == "lt" and _lithuanian_name_prefix(tokens, infos, attach, i, j, end):
            surface = surface.lower()
            # genitive nouns alone modify the name's head, not each other
            stats.not_a_phrase += j > i and all(info.role == NOUN for info in infos[i:j + 1])
        elif self.lang == "pl":  # "opieka dla osób [starszych]": the object cut short;
            # "Gminny Ośrodek [Pomocy Społecznej]": a name's piece, capitals and all
            stats.not_a_phrase += j - i >= 2 and _truncated_object(
                infos, attach, i, j, end, self._words[j + 1] if j + 1 < end else "") or (
                i == chunk[0] and _inside_a_quotation(passage.text, tokens, i, j, end)) or (
                cut and j > i and goes_on_in_capitals(self._words, infos, i, j, end,
                                                       NAME_MAX_LEN))
        elif self.lang == "lt":
            stats.not_a_phrase += _into_a_name(tokens, infos, i, j, end) or (
                past_a_genitive_object([t.text for t in tokens[max(0, i - 6):i + 1]],
                                       tokens[j].text))
        if self.lang == "lt" and i > 0 and capitalised(tokens[i].text):
            stats.not_a_phrase += inside_citation(tokens, i) or _inside_a_name(
                passage.text, tokens, i, chunk[0])
        elif self.lang == "lt" and i > chunk[0] and capitalised(tokens[i - 1].text) \
                and i <= i - 1 + attach[i - 1] <= j \
                and not sentence_initial(passage.text, tokens, i - 1):
            stats.not_a_phrase += 1  # "[Socialinės] paramos skyrius": a name's piece
        stats.variants[surface] = stats.variants.get(surface, 0) + 1
        if j in self._alternative_after:
            stats.alternatives = stats.alternatives or Counter()
            stats.alternatives[j - i, self._alternative_after[j]] += 1
        stats.quoted += _quoted(passage.text, tokens, i, j)
        if len(stats.contexts) < 2 and all(c[0] != index for c in stats.contexts):
            stats.contexts.append((index, tokens[i].start, tokens[j].end))
        stats.files.add(passage.file)
        if stats.segments is not None:
            stats.segments.add(index)

    def finish(self) -> "NgramCounter":
        """Merge the keys of ambiguous words into one per lexeme (see `lexemes`)."""
        raw_counts = {key: sum(forms.values()) for key, forms in self.word_forms.items()}
        mapping, self.lexeme_members = canonical_keys(raw_counts, self.lang)
        if self.lang == "lt":
            mapping.update(lithuanian_homographs(self.word_forms))
        if not mapping:
            return self
        self.word_forms = merged_counters(self.word_forms.items(), mapping)
        self.name_votes, self.inside_votes, self.inside_counts = (
            _remapped(counts, mapping)
            for counts in (self.name_votes, self.inside_votes, self.inside_counts))
        self.adjective_keys = {mapping.get(key, key) for key in self.adjective_keys}
        self.person_keys = {mapping.get(key, key) for key in self.person_keys}
        self.capitalised_pairs = {(mapping.get(a, a), mapping.get(b, b))
                                  for a, b in self.capitalised_pairs}
        self.oblique_alone = {mapping.get(key, key) for key in self.oblique_alone}
        stats, longer = {}, {}
        for key, old in self.stats.items():
            new_key = rekey(key, mapping)
            current = stats.get(new_key)
            stats[new_key] = old if current is None else current.merge(old)
        for key, freq in self.longer.items():
            new_key = rekey(key, mapping)
            longer[new_key] = longer.get(new_key, 0) + freq
        self.stats, self.longer = stats, longer
        return self

    # -- reading results -----------------------------------------------------------------
    def snippet(self, ref: tuple[int, int, int], width: int = 60
                ) -> tuple[Passage, str, int, int]:
        """The passage, a window of its text around one occurrence (cut at spaces, "…"
        where cut, line breaks as spaces) and the occurrence's offsets in that window."""
        index, start, end = ref
        passage = self.passages[index]
        text = passage.text
        left = max(0, start - width)
        right = min(len(text), end + width)
        if left > 0:
            left = text.find(" ", left, start) + 1 or left
        if right < len(text):
            space = text.rfind(" ", end, right)
            right = space if space > 0 else right
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(text) else ""
        window = text[left:right].translate(_LINE_BREAKS)
        offset = len(prefix) - left
        return passage, prefix + window + suffix, start + offset, end + offset


def _note_alternative(stats: Stats, text: str, tokens: list[Token], positions: list[int]
                      ) -> None:
    """Remember the alternative in parentheses an elided phrase's occurrence skipped."""
    gap = next(n for n in range(len(positions) - 1) if positions[n + 1] > positions[n] + 1)
    inside = text[tokens[positions[gap] + 1].start:tokens[positions[gap + 1] - 1].end]
    stats.alternatives = stats.alternatives or Counter()
    stats.alternatives[gap, inside] += 1


def _substantivised(tokens: list[Token], infos: list[WordInfo], attach: list[int],
                    start: int, end: int) -> None:
    """A Polish adjective that modifies nothing here and has a noun reading of its own
    lemma is used as a noun ("Podopieczny uczestniczy", "oferent"): read it as one."""
    for k in range(start, end):
        info = infos[k]
        if info.role == ADJ and attach[k] == NONE and not info.participle and any(
                r.pos in polish.NOUN_POS and r.base_lemma.lower() == info.key
                for r in polish.readings(tokens[k].text)):
            infos[k] = info._replace(role=NOUN)


def _remapped(counts: Counter, mapping: dict[str, str]) -> Counter:
    merged: Counter = Counter()
    for key, count in counts.items():
        merged[mapping.get(key, key)] += count
    return merged


def _oblique_alone(tokens: list[Token], infos: list[WordInfo], attach: list[int],
                   start: int, end: int) -> set[str]:
    """Polish adjectives seen alone in the genitive-accusative or dative singular, after a
    verb or preposition ("umieścić małoletniego w placówce", "wobec małoletniego"): a
    person named by an adjective, which morfeusz2 may know only as one (a predicate is a
    nominative; after a noun, "Rejon Wileńskiego" is a name miswritten)."""
    return {infos[k].key for k in range(start, end)
            if infos[k].role == ADJ and attach[k] == NONE and not infos[k].participle
            and tokens[k].text.lower().endswith(("ego", "emu"))
            and not (k + 1 < end and infos[k + 1].role == NOUN)
            and not (k > start and infos[k - 1].role in (NOUN, ADJ))
            # nor the second of two coordinated adjectives ("prawa rodzinnego i
            # [opiekuńczego]"), which has the noun of the first
            and not (k - 2 >= start and infos[k - 2].role == ADJ
                     and is_coordinator(tokens[k - 1].text.lower(), "pl"))}


def _chunks(text: str, tokens: list[Token], infos: list[WordInfo], lang: str
            ) -> list[tuple[int, int]]:
    """Token ranges not crossed by punctuation. A hyphen inside a word does not count, nor
    in Polish a comma before a participle: Polish written in Lithuania follows the
    Lithuanian rule of setting participle phrases off by commas ("dzieciom, doświadczającym
    ryzyka społecznego", the participle agreeing with the noun)."""
    chunks, start = [], 0
    listed = _name_list_commas(text, tokens, lang)
    for k in range(1, len(tokens)):
        gap = text[tokens[k - 1].end:tokens[k].start]
        if gap.strip() and gap != "-" and k not in listed and not (
                lang == "pl" and gap.strip() == "," and infos[k].participle
                and infos[k - 1].role == NOUN
                and polish_agrees(tokens[k].text, tokens[k - 1].text)):
            chunks.append((start, k))
            start = k
    if tokens:
        chunks.append((start, len(tokens)))
    return chunks


# The most commas a name listing its parts has ("Ministerstwo Rodziny, Pracy i Polityki
# Społecznej" one; a ministry of four fields three)
_NAME_LIST_MAX = 4


def _name_list_commas(text: str, tokens: list[Token], lang: str) -> set[int]:
    """Polish: the words after commas that list a name's capitalised parts up to its
    "i"/"oraz" ("Minister Rodziny, Pracy i Polityki Społecznej"): the name goes on past
    them. A comma after a sentence's first word or before a lower-case word ends a chunk
    as usual."""
    if lang != "pl" or "," not in text:
        return set()
    found: set[int] = set()
    k = 2
    while k < len(tokens):
        if text[tokens[k - 1].end:tokens[k].start].strip() != "," \
                or not capitalised(tokens[k - 1].text) or not capitalised(tokens[k - 2].text):
            k += 1
            continue
        commas, m, closed = [k], k, False
        while m + 2 < len(tokens) and capitalised(tokens[m].text):
            gap = text[tokens[m].end:tokens[m + 1].start].strip()
            if gap == "," and capitalised(tokens[m + 1].text):
                commas.append(m + 1)
            elif gap or not (is_coordinator(tokens[m + 1].text, lang)
                             and capitalised(tokens[m + 2].text)):
                break
            else:
                closed = True  # the list ends in "i" and a capitalised word
                break
            m += 1
        # the parts a name lists complement its head, in the genitive; more than a few,
        # or in another case ("Dyrektor Ośrodka, Wójt i Skarbnik"), are a list of names
        if closed and len(commas) <= _NAME_LIST_MAX and all(
                may_be_genitive(tokens[p].text) for p in (k - 1, *commas, m + 2)):
            found.update(commas)
        # the list's later commas would be scanned to the same end: go on after it
        # (scanning from each made a line of 20,000 listed words take minutes)
        k = m + 1
    return found


_ROLE_LETTER = {NOUN: "N", PREP: "P", CONJ: "C", ADV: "d"}


def _shape(tokens: list[Token], infos: list[WordInfo], attach: list[int], i: int, j: int,
           lang: str, words: list[str] = (), prepositions: list[bool] | None = None
           ) -> str:
    """N noun, P preposition (p one that joins a term's parts, see stopwords), C
    conjunction, v participle, a/A adjective after/before the noun it modifies: "Na" is
    "pomoc społeczna", "AN" "aktywna integracja", "NpN" "opieka nad dziećmi". A Polish
    preposition opening the complement of an object, or a per-unit formula, joins the
    term's parts too ("niezdolność [do] pracy", "dochód [na] osobę [w] rodzinie"):
    `words`, the passage's, and `prepositions`, per word whether it is one."""
    letters = []
    for k in range(i, j + 1):
        info = infos[k]
        if info.role == PREP:  # (a name's place after it: "w Jodłowie", see above)
            letters.append("p" if _joins_term(tokens, k, lang) or (
                lang == "pl" and _in_phrasal(infos, k, i, j)) or (
                prepositions is not None and k < j and (
                    complements_the_object(words, prepositions, k, i)
                    or per_unit(words, prepositions, k) and k + 3 <= j
                    or k - 2 >= i and per_unit(words, prepositions, k - 2))) or (
                k < j and _place_of_a_name(tokens, infos, i, k + 1, lang)) else "P")
        else:
            letters.append(_ROLE_LETTER.get(info.role) or (
                "v" if info.participle else "a" if attach[k] < 0 else "A"))
    return "".join(letters)


def _in_phrasal(infos: list[WordInfo], k: int, i: int, j: int) -> bool:
    """Whether the preposition at k is half of a complex one inside words i..j ("pomoc [w
    formie] posiłku", see `polish_prepositions`): it joins the term's parts."""
    return (k > i and infos[k - 1].role == PREP) or (k < j and infos[k + 1].role == PREP)


def _joins_term(tokens: list[Token], k: int, lang: str) -> bool:
    word = tokens[k].text.lower()
    if not is_term_preposition(word, lang):
        return False
    if lang == "pl" and word in ("z", "ze") and k + 1 < len(tokens):
        return any("inst" in r.cases for r in polish.readings(tokens[k + 1].text))
    return True


def _name_coordinators(text: str, tokens: list[Token], lang: str) -> list[int]:
    """Conjunctions between two capitalised words inside a sentence: the "i" of "Minister
    Ochrony Społecznej i Pracy" belongs to the name."""
    found = []
    for k in range(1, len(tokens) - 1):
        word, before, after = tokens[k].text, tokens[k - 1].text, tokens[k + 1].text
        if is_coordinator(word, lang) and before[:1].isupper() and after[:1].isupper() \
                and not text[tokens[k - 1].end:tokens[k + 1].start].replace(word, "").strip():
            found.append(k)
    return found


_NO_COMPLEMENT = frozenset({"fin", "praet", "bedzie", "impt", "inf", "imps", "aglt", "conj",
                            "qub", "comp", "pred"})
# Prepositions that name whom a thing is for, a noun's dependent and no verb's governed
# complement: "mieszkanie chronione [dla osób ...]" ends a term before them.
_NOUNS_PREPOSITIONS = frozenset({"dla"})


def _without_complement(tokens: list[Token], infos: list[WordInfo], j: int, end: int
                        ) -> bool:
    """A Polish participle after its noun, followed by punctuation, a verb or a conjunction
    (nothing it could govern) or "dla", ends a phrase: "rodzina zastępcza spokrewniona [nie
    wchodziła]", "osoba samotnie gospodarująca", "mieszkanie chronione [dla osób]" (but not "osoba zagrożona [wykluczeniem]",
    "sprawy dotyczące [wszystkich mieszkańców]")."""
    if j == 0 or infos[j - 1].role not in (NOUN, ADJ, ADV):
        return False
    if j + 1 >= end:
        return True
    if tokens[j + 1].text.lower() == "się":
        return False  # the participle's own: "rodziny znajdujące się [w sytuacjach]"
    following = {r.pos for r in polish.readings(tokens[j + 1].text)}
    if following & {"part", "qub"} or tokens[j + 1].text.lower() in _NOUNS_PREPOSITIONS \
            or is_coordinator(tokens[j + 1].text.lower(), "pl"):
        return True  # "nie": a particle, "oraz": a conjunction, whatever else they may be
    return bool(following) and following <= _NO_COMPLEMENT


def _adverbs_of_adjectives(text: str, tokens: list[Token], infos: list[WordInfo]
                           ) -> list[int]:
    """Polish adverbs that modify the adjective or participle right after them inside a
    noun phrase: after a noun or adjective ("osób starszych samotnie gospodarujących",
    "osoba przewlekle chora"), or joined to it by a hyphen ("opiekuńczo-wychowawcza")."""
    found = []
    for k in range(len(tokens) - 1):
        if infos[k + 1].role != ADJ or infos[k].role in (PREP, CONJ):
            continue
        gap = text[tokens[k].end:tokens[k + 1].start]
        if gap == "-":
            if is_adverb(tokens[k].text):
                found.append(k)
            continue
        # one or two adverbs, after a noun or adjective: "osoby przewlekle psychicznie chore"
        run = k
        while run > k - 2 and run >= 0 and gap == " " and is_adverb(tokens[run].text):
            before = text[tokens[run - 1].end:tokens[run].start] if run else ""
            if run and before == " " and infos[run - 1].role in (NOUN, ADJ):
                found.extend(range(run, k + 1))
                break
            run -= 1
            gap = before
    return found


def _capitals(text: str, tokens: list[Token], infos: list[WordInfo], start: int, end: int
              ) -> list[bool]:
    """Per word of a chunk, whether it is a capitalised noun or adjective; a sentence's
    first word counts only before another capitalised word."""
    def capital(k: int) -> bool:
        if infos[k].role not in (NOUN, ADJ) or not capitalised(tokens[k].text):
            return False
        return not sentence_initial(text, tokens, k) or (
            k + 1 < end and capitalised(tokens[k + 1].text))
    return [capital(k) for k in range(start, end)]


def _whole_name(infos: list[WordInfo], i: int, j: int, chunk: tuple[int, int, list[bool]]
                ) -> bool:
    """Whether words i..j, every one capitalised but the prepositions and conjunctions
    inside, are a whole name ("Krajowy Program Przeciwdziałania Ubóstwu i Wykluczeniu
    Społecznemu"), not a piece of one ("Krajowy Program", but also "Polityki Społecznej"
    of "Ośrodek Polityki Społecznej", often a term of its own)."""
    start, end, capitals = chunk
    if not all(capitals[k - start] for k in range(i, j + 1) if infos[k].role in (NOUN, ADJ)):
        return False
    if any(infos[k].role == PREP and infos[k].key in NOT_IN_NAMES for k in range(i, j + 1)):
        return False
    before = i - 1 >= start and capitals[i - 1 - start] and infos[i - 1].name == infos[i].name
    after = j + 1 < end and capitals[j + 1 - start] and infos[j + 1].name == infos[j].name
    return not (before or after)


def _lithuanian_name(text: str, tokens: list[Token], infos: list[WordInfo], i: int, j: int
                     ) -> bool:
    """Words i..j, not cut from a longer phrase (the caller checks), are a whole Lithuanian
    name: a capital on the first word only, which stands inside a sentence after a word
    without one, and no person's or place's name in it ("pagal Vaiko globos organizavimo
    nuostatus"; a name capitalises its first word alone)."""
    return not sentence_initial(text, tokens, i) and not capitalised(tokens[i - 1].text) \
        and not any(info.name for info in infos[i:j + 1]) \
        and not any(capitalised(token.text) for token in tokens[i + 1:j + 1])


def _inside_a_name(text: str, tokens: list[Token], i: int, start: int) -> bool:
    """Word i, capitalised, follows a capitalised word inside a sentence: a Lithuanian
    name capitalises its first word alone, so two capitals in a row are one proper name
    ("Lietuvos [Raudonojo Kryžiaus] draugija"), and a phrase from the second is a piece."""
    if i <= start or not capitalised(tokens[i].text) or tokens[i].text.isupper():
        return False
    before = tokens[i - 1].text
    return capitalised(before) and not before.isupper() \
        and not sentence_initial(text, tokens, i - 1)


def _whole_citation(tokens: list[Token], infos: list[WordInfo], i: int, j: int, end: int
                    ) -> bool:
    """Words i..j are "Lietuvos Respublikos" and a title ending where its phrase does: no
    noun, adjective or preposition after it, nor a conjunction after a genitive
    ("Lietuvos Respublikos vietos savivaldos įstatymu", not "... vietos [savivaldos]",
    "... apsaugos [nuo smurto]" or "... socialinės apsaugos [ir darbo ministras]")."""
    if not opens_citation(tokens, i, j) or any(infos[p].role == PREP for p in range(i, j)):
        return False  # (a title with a preposition is `lithuanian_statutes`' to read)
    following = infos[j + 1].role if j + 1 < end else None
    return following not in (NOUN, ADJ, PREP) and not (
        following == CONJ and tokens[j].text.lower().endswith(LT_GENITIVE_ENDINGS))


def _place_of_a_name(tokens: list[Token], infos: list[WordInfo], i: int, j: int,
                     lang: str) -> bool:
    """Whether word j, a proper name after a preposition, names the place of the
    capitalised name i..j-2 before it ("Sąd Rejonowy w Jodłowie"), the whole name: not
    the end of a longer one ("[Ośrodka] Pomocy Społecznej w Jodłowie")."""
    return lang == "pl" and infos[j].name and j - 1 > i and infos[j - 1].role == PREP \
        and not infos[i].name and not (i and capitalised(tokens[i - 1].text)) \
        and all(capitalised(tokens[k].text) for k in range(i, j - 1)
                if infos[k].role in (NOUN, ADJ))


def _name_start(text: str, tokens: list[Token], i: int) -> bool:
    """A capitalised word inside a sentence, or one followed by another capitalised word:
    where an official name may begin."""
    if not capitalised(tokens[i].text):
        return False
    if not sentence_initial(text, tokens, i):
        return True
    return i + 1 < len(tokens) and capitalised(tokens[i + 1].text)




def _lithuanian_name_prefix(tokens: list[Token], infos: list[WordInfo], attach: list[int],
                            i: int, j: int, end: int) -> bool:
    """Words i..j are the opening genitives of a longer Lithuanian name: a capital on the
    first word only (names capitalise their first word alone), the last word a genitive
    followed by the noun it modifies ("[Socialinių paslaugų] priežiūros departamentas").
    The capital belongs to the name, not to the common phrase cut from it ("socialinės
    paslaugos"); a proper noun inside ("Europos") keeps its own. An adjective reaching
    across genitives to the last word marks a whole name in the genitive before its own
    noun: "[Bendrojo duomenų apsaugos reglamento] reikalavimai"; so does a run ending in
    an institution's noun: "[Techninės pagalbos neįgaliesiems centro] padalinys"."""
    if not capitalised(tokens[i].text) or any(info.name for info in infos[i:j + 1]):
        return False
    if j > i and names_an_institution(infos[j].key):
        return False
    if j + 1 >= end or infos[j + 1].role != NOUN or capitalised(tokens[j + 1].text):
        return False
    if infos[i].role == ADJ and j - i >= 2 and i + attach[i] == j:
        return False
    return infos[j].role == NOUN and tokens[j].text.lower().endswith(LT_GENITIVE_ENDINGS)


def _into_a_name(tokens: list[Token], infos: list[WordInfo], i: int, j: int, end: int
                 ) -> bool:
    """Words i..j run from before a Lithuanian name into it and stop inside: a capital on
    a later word that is no proper noun, and the name's noun still to come
    ("savivaldybės [Vaiko teisių] apsaugos skyrius", "administracijos [Socialinės
    paramos] skyrius")."""
    first = i + 2 if opens_citation(tokens, i, j) else i + 1  # its "Respublikos" aside
    return j + 1 < end and infos[j + 1].role == NOUN and any(
        capitalised(tokens[p].text) and not infos[p].name for p in range(first, j + 1))


def _truncated_object(infos: list[WordInfo], attach: list[int], i: int, j: int, end: int,
                      following: str) -> bool:
    """Whether words i..j end with a preposition's object that the words after it go on
    with: "usługi opiekuńcze dla osób [starszych]", "wniosek o Kartę [Dużej Rodziny]",
    "pomoc w zaspokajaniu [codziennych potrzeb]". A Polish object runs to the right, so
    the phrase stops inside its last constituent: no phrase in this occurrence. (A
    participle after it that modifies neither the object nor a noun after it closes the
    phrase: "decyzja o przyznaniu pomocy [wydana przez ...]"; so does a noun that cannot
    be a genitive, `following` as written: "pomoc w zakresie dożywiania [dzieciom]".)"""
    if j - i < 2 or j + 1 >= end or infos[j].role != NOUN \
            or infos[j + 1].role not in (NOUN, ADJ, ADV) or infos[j + 1].name \
            or not any(info.role == PREP for info in infos[i + 1:j]):
        return False
    after = infos[j + 1]
    if after.role == NOUN:
        return any("gen" in r.cases for r in polish.readings(following)
                   if r.pos in polish.NOUN_POS)
    return after.role != ADJ or not after.participle or attach[j + 1] == -1 \
        or attach[j + 1] > 0


def _object_cut_off(words: list[str], prepositions: list[bool], i: int, j: int, start: int,
                    end: int) -> bool:
    """Whether the Polish phrase i..j stops before the complement of its preposition's
    object ("orzeczenie o niezdolności [do pracy]", "dochód na osobę [w rodzinie]") or
    opens inside a per-unit formula ("[na] osoba w rodzinie"): a piece of a longer phrase
    in this occurrence (see `polish_prepositions`)."""
    if j + 1 < end and any(prepositions[i + 1:j]) \
            and complements_the_object(words, prepositions, j + 1, i):
        return True
    return i - 1 >= start and per_unit(words, prepositions, i - 1)


def _genitive_coordinators(text: str, tokens: list[Token], infos: list[WordInfo],
                           lang: str) -> list[int]:
    """Lithuanian "ir"/"bei" joining two genitive nouns that modify one head after them:
    "mamos ir vaiko dienos centras", "vaiko teisių apsaugos ir įvaikinimo tarnyba";
    Polish "i"/"oraz" joining two genitives after their head (`polish_genitives`)."""
    if lang == "pl":
        return polish_genitives(text, tokens, infos)
    if lang != "lt":
        return []
    found = []
    for k in range(1, len(tokens) - 2):
        if not is_coordinator(tokens[k].text.lower(), lang):
            continue
        before, after, then = tokens[k - 1], tokens[k + 1], tokens[k + 2]
        gaps = (text[a.end:b.start] for a, b in ((before, tokens[k]), (tokens[k], after),
                                                  (after, then)))
        if any(gap.strip() for gap in gaps):
            continue  # punctuation between: a list, not one modifier
        if infos[k - 1].role == NOUN and infos[k + 1].role == NOUN \
                and before.text.lower().endswith(LT_GENITIVE_ENDINGS) \
                and after.text.lower().endswith(LT_GENITIVE_ENDINGS) \
                and infos[k + 2].role in (NOUN, ADJ) \
                or coordinated_datives([t.text for t in tokens], infos, k):
            found.append(k)
    return found


def _capitalised_by_position(text: str, tokens: list[Token], infos: list[WordInfo]
                             ) -> list[int]:
    """Words the dictionary lacks, read as names for their capital alone, where the capital
    is the sentence's ("Smurtautojams buvo siūloma...", "Supervizija vyko..."): common
    nouns, unless the next word has a capital too (a name of several words)."""
    return [k for k, info in enumerate(infos)
            if info.name and info.key.startswith("~") and sentence_initial(text, tokens, k)
            and not (k + 1 < len(tokens) and capitalised(tokens[k + 1].text))]


def _glued(text: str, tokens: list[Token]) -> set[int]:
    """Tokens joined by '.', '/', '@' or ':' without a space: web addresses, file names,
    abbreviations ("vrsa.lt", "m.in."), never terms."""
    glued = set()
    for k in range(1, len(tokens)):
        if text[tokens[k - 1].end:tokens[k].start] in (".", "/", "@", ":", "_"):
            glued.update((k - 1, k))
    return glued


def _numbered(text: str, tokens: list[Token]) -> list[int]:
    """The number sign "Nr"/"nr" (numeris, numer) and the word right after it: the code
    of a document or a case ("Nr. SP-146", "decyzja nr SP-146", "Nr T-58"), never a
    term. Without the period only a code in capitals or with digits is taken ("nr
    telefonu" is read as usual)."""
    found = []
    for k in range(1, len(tokens)):
        if tokens[k - 1].text.lower() != "nr":
            continue
        gap = text[tokens[k - 1].end:tokens[k].start].strip().rstrip("(").strip()
        code = tokens[k].text  # ("Nr. (8.14)-SD-2417": the bracket opens the code)
        if gap == "." or not gap and (code.isupper() or any(ch.isdigit() for ch in code)):
            found += [k - 1, k]
    return found


def _codes(text: str, tokens: list[Token]) -> list[int]:
    """Capitals joined by a hyphen to a number: a postal code's country ("LT-59117"), a
    register's or a file's letters ("(8.14)-SD-2417", "GOPS-2/2026"), never a term."""
    found = []
    for k, token in enumerate(tokens):
        word = token.text
        if not (word.isalpha() and word.isupper() and len(word) <= 5):
            continue
        after = text[token.end:token.end + 2]
        before = text[max(0, token.start - 2):token.start]
        if after[:1] == "-" and after[1:2].isdigit() or before[-1:] == "-" and (
                before[:1].isdigit() or before[:1] == ")"):
            found.append(k)
    return found


# Prepositions a Polish place name stands after ("w Żurawcu", "do Borowca", "z Radlic").
BEFORE_A_PLACE = frozenset({"w", "we", "do", "z", "ze", "na", "od", "pod", "przy",
                            "koło", "obok", "spod", "nad"})


# The longest abbreviation of a reference's unit: "art.", "ust.", "pkt.", "str.", "sec."
_REFERENCE_ABBREVIATION_MAX = 4


# Units written without a period before their number ("pkt 1", "poz. 5" or "poz 5").
_DOTLESS_UNITS = frozenset({"pkt", "poz", "lit", "par"})


# Units of references that are also words the dictionaries know ("ust": usta's genitive,
# "str", "d" Lithuanian words): any other cut word before a number must be unknown, so that
# a sentence ending in a short word before one starting with a number ("namų. 3 metus",
# "osób. 2 razy") keeps it
_REFERENCE_UNITS = frozenset({"art", "ust", "par", "lit", "str", "d", "p", "nr"})


def _reference_abbreviations(text: str, tokens: list[Token], lang: str) -> list[int]:
    """A short lower-case word cut with a period before a number, or a unit written
    without one: the unit of a reference ("art. 103 ust. 2 pkt 1", "7 str. 2 d."),
    never a term; read as a word, "ust." would be the plural of "usta" (mouth). A unit
    opening a heading or a sentence is capitalised: "Art. 5. Usługi opiekuńcze" made "Art"
    a candidate."""
    return [k for k in range(len(tokens) - 1)
            if len(tokens[k].text) <= _REFERENCE_ABBREVIATION_MAX
            and tokens[k + 1].text[:1].isdigit()
            and (_reference_unit(tokens[k].text) and (
                tokens[k].text.lower() in _DOTLESS_UNITS
                or text[tokens[k].end:tokens[k + 1].start].strip() == ".")
                or tokens[k].text.islower()
                and text[tokens[k].end:tokens[k + 1].start].strip() == "."
                and not dictionary.known(tokens[k].text, lang))]


def _reference_unit(word: str) -> bool:
    """A unit of a reference, in lower case or capitalised ("art.", "Art.", "Pkt")."""
    return word.lower() in _REFERENCE_UNITS | _DOTLESS_UNITS and (
        word.islower() or len(word) > 1 and word[0].isupper() and word[1:].islower())


def _hyphenated(text: str, tokens: list[Token], k: int) -> bool:
    """Word k joined to the next by a hyphen alone: "miejsko-gminny"."""
    return k + 1 < len(tokens) and text[tokens[k].end:tokens[k + 1].start] == "-"


def _capital_alone(text: str, tokens: list[Token], infos: list[WordInfo], k: int) -> bool:
    """Word k capitalised (not in capitals) right after a preposition of place, with no
    capitalised word beside it and no noun or adjective of its phrase after it, as a
    place stands ("w Żurawcu", "do Borowca"); a word of a longer name has capitals beside
    it, a title's first word its phrase after it ("Kodeksu cywilnego"), and a party an
    agreement capitalises by convention ("Zleceniobiorca wykonuje") no preposition of
    place before it."""
    if not capitalised(tokens[k].text) or any(
            tokens[m].text[:1].isupper() for m in (k - 1, k + 1) if 0 <= m < len(tokens)):
        return False
    if k == 0 or tokens[k - 1].text not in BEFORE_A_PLACE:
        return False  # a place stands after "w", "do", "z" ...; a party by convention not
    if k + 1 == len(tokens) or text[tokens[k].end:tokens[k + 1].start].strip():
        return True
    return infos[k + 1].role not in (NOUN, ADJ, PREP) or infos[k + 1].key in NOT_IN_NAMES


def _capitalised_with_next(text: str, tokens: list[Token], infos: list[WordInfo], k: int
                           ) -> bool:
    """Word k and the next, both nouns or adjectives, both capitalised (not in capitals)
    and parted by spaces alone."""
    return k + 1 < len(tokens) and infos[k + 1].role in (NOUN, ADJ) \
        and capitalised(tokens[k].text) and capitalised(tokens[k + 1].text) \
        and not text[tokens[k].end:tokens[k + 1].start].strip()


def sentence_initial(text: str, tokens: list[Token], i: int) -> bool:
    return i == 0 or bool(_SENTENCE_END.search(text[tokens[i - 1].end:tokens[i].start]))


def _surface(text: str, tokens: list[Token], i: int, j: int,
             infos: list[WordInfo] | None = None, lang: str = "") -> str:
    """The words as written, with the capitals that say nothing of a name lowered: a
    sentence-initial one (unless the next word has a capital too: "Sąd Rejonowy"), and all
    of a fragment cut from inside a name ("[Centrum] Usługi Społeczne": common words), but
    not of a name after a sentence's first word naming a person by role, whose capital is
    the sentence's (see `persons.names_a_person`)."""
    surface = _SPACES.sub(" ", text[tokens[i].start:tokens[j].end])
    first = tokens[i].text
    if not first[:1].isupper() or first.isupper() or is_abbreviation(first) or \
            _opens_a_quotation(text, tokens, i):
        return surface  # „Bendruomeniniai šeimos namai“: a quoted capital names a thing
    if sentence_initial(text, tokens, i):
        # "Sąd Rejonowy", "Krajowy Rejestr": a name whose adjective has a capital too
        name = infos is not None and (infos[i].name or j > i and capitalised(
            tokens[i + 1].text) and ADJ in (infos[i].role, infos[i + 1].role))
        if not name:
            surface = surface[:1].lower() + surface[1:]
    elif capitalised(tokens[i - 1].text) and infos is not None \
            and not any(info.name for info in infos[i:j + 1]) \
            and not (names_a_person(infos[i - 1].key, lang) and (
                infos[i].role == ADJ or sentence_initial(text, tokens, i - 1)
                and infos[i].role == NOUN)):
        # (after a person's title the capitals open a name of their own where it begins
        # with its adjective, "Kierownika [Gminnego Ośrodka Pomocy Społecznej]", or the
        # title opens the sentence, "Psycholog [Punktu Konsultacyjnego]"; a genitive is
        # the title's own, "Ministra [Rodziny, Pracy i Polityki Społecznej]")
        surface = surface.lower()
    return surface


_OPENING_QUOTES = frozenset("„“\"«‚'")


def _opens_a_quotation(text: str, tokens: list[Token], i: int) -> bool:
    before = text[tokens[i - 1].end if i else 0:tokens[i].start]
    return bool(before) and before.rstrip()[-1:] in _OPENING_QUOTES


_CLOSING_QUOTES = frozenset("“”\"»‘’'")


def _inside_a_quotation(text: str, tokens: list[Token], i: int, j: int, end: int) -> bool:
    """Whether words i..j open a quotation and stop before its end, the chunk's: a piece
    of a quoted title ("„Posiłek w szkole [i w domu]”"), which names nothing alone. (A
    quotation mark ends a chunk, so only a chunk's first word can open one.)"""
    if j + 1 >= end or not _opens_a_quotation(text, tokens, i):
        return False
    after = text[tokens[end - 1].end:tokens[end].start if end < len(tokens) else len(text)]
    return after.lstrip()[:1] in _CLOSING_QUOTES


def _quoted(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Words i..j are all that stands between quotation marks, capitalised: a name given in
    its nominative whatever the sentence's case („Bendruomeniniai šeimos namai“)."""
    after = text[tokens[j].end:tokens[j + 1].start if j + 1 < len(tokens) else len(text)]
    return tokens[i].text[:1].isupper() and _opens_a_quotation(text, tokens, i) \
        and after.lstrip()[:1] in _CLOSING_QUOTES
