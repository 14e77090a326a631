"""Term extraction: propose the terms of a set of texts, ranked by termhood.

    from termbase.extract import extract
    result = extract(["report.txt"], "pl", index=Termbase.open().index)
    for candidate in result.top(50, new_only=True):
        print(candidate.term, candidate.score, candidate.freq)

Pipeline (modules in `termbase.extraction`): passages -> lemma n-grams of up to five words
(seven for a name opening with a capital) that never cross punctuation, never start or end with a function word or number, and never
split an adjective from its noun (`ngrams`) -> termhood: nested-frequency discounted
frequency (after C-value) x keyness against wordfreq's general language x phrase shape,
raised for whole names and for terms the termbase already has (`termhood`) -> noun-phrase
check, base form, and which of the termbase's terms it is. Counting and scoring cover
every lemma sequence (the termbase check by one form of each); the phrase check, base
forms and the termbase matches shown are computed only for the candidates shown, which
keeps 1 MB of text within seconds. The full lemmatisers (morfeusz2, simplemma) load here: this is batch work, unlike
a lookup.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from termbase.extraction import lexicon, ranking, single_words, termhood
from termbase.extraction.polish_clauses import CLAUSE_PRIOR, describing_clause
from termbase.extraction.abbreviations import is_abbreviation
from termbase.extraction.baseform import base_form, recapitalise, well_formed
from termbase.extraction.substantives import definite_noun
from termbase.extraction.insertions import insert_after, with_alternative
from termbase.extraction.known import KnownTerm, KnownTerms
from termbase.extraction.lithuanian_gender import masculine_term
from termbase.extraction.lithuanian_roles import role_in_a_circumstance
from termbase.extraction.lithuanian_statutes import cited_key
from termbase.extraction.ngrams import NgramCounter
from termbase.extraction.passages import Passage, read_passages
from termbase.extraction.persons import (first_name_or_surname, names_a_person,
                                         office_title, personal_name)
from termbase.extraction.polish_number import termbase_writes_singular
from termbase.extraction import quoted_names
from termbase.extraction.quoted_names import QUOTE_KEY
from termbase.index.structures import Index
from termbase.model import check_lang
from termbase.text import polish
from termbase.text.normalize import fold

Key = tuple[str, ...]


@dataclass
class Context:
    file: str
    line: int
    text: str
    start: int = 0   # the occurrence's offsets in `text`
    end: int = 0


@dataclass
class Candidate:
    term: str                      # base form ("pracownik socjalny")
    lemmas: Key                    # the grouping key
    score: float                   # termhood
    freq: int                      # occurrences in the input
    files: list[str]
    independent_freq: float
    keyness: float
    forms: list[str]               # surface forms seen, most frequent first
    contexts: list[Context]
    known: list[KnownTerm] = field(default_factory=list)
    rank: int = 0
    variant_keys: list[Key] = field(default_factory=list)  # lemma sequences merged in

    @property
    def is_known(self) -> bool:
        return bool(self.known)

    @property
    def concept_ids(self) -> list[str]:
        """The known concepts, each once (two terms of one concept may both match)."""
        return list(dict.fromkeys(k.concept_id for k in self.known))

    def to_json(self) -> dict:
        return {
            "rank": self.rank, "term": self.term, "score": round(self.score, 2),
            "freq": self.freq, "independent_freq": round(self.independent_freq, 2),
            "keyness": round(self.keyness, 2), "lemmas": list(self.lemmas),
            "forms": self.forms, "files": self.files,
            "contexts": [c.__dict__ for c in self.contexts],
            "known": bool(self.known),
            "known_terms": [{"concept_id": k.concept_id, "term": k.term} for k in self.known],
        }


class Extraction:
    """The ranked lemma sequences of one input; `Candidate`s are built on demand."""

    def __init__(self, counter: NgramCounter, min_freq: int = 1,
                 known: KnownTerms | None = None, ranker: ranking.Ranker | None = None):
        self.counter = counter
        self.lang = counter.lang
        self.known = known
        self._candidates: dict[Key, Candidate] = {}
        self._well_formed: dict[Key, bool] = {}
        self._keyness: dict[str, float] = {}
        self._rarity: dict[str, float] = {}
        self._seen_forms: frozenset[str] | None = None
        self.names = counter.name_keys()
        self.written_as_names = counter.written_as_names()
        self.substantives = counter.substantive_keys()
        self.nominative_plurals = frozenset(counter.nominative_plurals)
        self.defined_keys = frozenset(counter.defined_keys)
        freqs = {key: s.weighted_freq for key, s in counter.stats.items()
                 if s.freq >= min_freq}
        self.name_first_keys = frozenset(key for key in freqs if self.name_first(key))
        self.independent = termhood.independent_frequencies(freqs, counter.longer,
                                                            self.name_first_keys)
        self.phrases_of = termhood.phrases_per_word(freqs)
        self.ranker = ranking.ranker(self.lang) if ranker is None else ranker
        scored = []
        for key, freq in freqs.items():
            key_ = self.phrase_keyness(key)
            score = self.ranker.score(self.features(key, freq, key_))
            scored.append((-score, -freq, key, self.independent[key], key_))
        scored.sort()
        self.ranked: list[tuple[Key, float, float, float]] = [
            (key, -neg_score, indep, key_) for neg_score, _f, key, indep, key_ in scored]

    def features(self, key: Key, freq: float | None = None, keyness: float | None = None
                 ) -> list[float]:
        """The evidence on one lemma sequence, as `ranking.FEATURES`: the logarithm of
        each `termhood` factor that applies (0 where none does), then the extra evidence;
        `freq` and `keyness`, when the caller has them, are not computed again."""
        stats = self.counter.stats[key]
        freq = stats.weighted_freq if freq is None else freq
        keyness = self.phrase_keyness(key) if keyness is None else keyness
        own = self.independent[key]
        value = dict.fromkeys(ranking.FEATURES, 0.0)
        shape = self.shape(key)  # a quoted name is one word of it
        length = termhood.LENGTH_PRIOR.get(len(shape), termhood.LENGTH_PRIOR[5])
        if len(shape) == 1:
            value["one_word"] = math.log(length)
        elif len(shape) >= 4:
            value["long_phrase"] = math.log(length)
        if stats.whole_name:
            value["whole_name"] = math.log(
                max(length, termhood.WHOLE_NAME_PRIOR) * termhood.WHOLE_NAME_BOOST / length)
        if "P" in shape:
            value["circumstance_preposition"] = math.log(termhood.PREPOSITION_PRIOR)
        elif "p" in shape:
            value["term_preposition"] = math.log(termhood.TERM_PREPOSITION_PRIOR)
        if shape.startswith("v"):
            value["participle_first"] = math.log(termhood.PARTICIPLE_FIRST_PRIOR)
        if termhood.CLASSIFYING_ADJECTIVE.get(
                self.lang, termhood.CLASSIFYING_ADJECTIVE_DEFAULT).search(shape):
            value["classifying_adjective"] = math.log(termhood.CLASSIFYING_ADJECTIVE_PRIOR)
        if len(key) == 1 and key[0] in self.counter.word_forms:
            single = self.single_word_prior(key[0])
            value["word_alone"] = math.log(single / termhood.LENGTH_PRIOR[1])
            value["generic_word"] = math.log(termhood.generic_word_damping(
                self.phrases_of[key[0]]))
            if single >= termhood.SPECIFIC_WORD_PRIOR:
                own = freq  # the domain's own word: a term in its phrases and alone
        if self.action_head(key):
            value["action_head"] = math.log(termhood.ACTION_HEAD_PRIOR)
        if self.lang == "pl" and describing_clause(key, stats.shape):
            value["describing_clause"] = math.log(CLAUSE_PRIOR)  # see polish_clauses
        if self.known_phrase(key):
            value["known_term"] = math.log(termhood.KNOWN_TERM_PRIOR)
        elif self.lang == "lt" and freq < 2 and role_in_a_circumstance(key, stats.shape):
            value["role_in_a_circumstance"] = math.log(termhood.PREPOSITION_PRIOR)
        if self.all_names(key):
            value["all_names"] = math.log(termhood.NAME_DAMPING)
        elif key in self.name_first_keys:
            value["name_first"] = math.log(termhood.NAME_DAMPING)
        value["frequency"] = math.log(own + termhood.FREQUENCY_SMOOTHING)
        value["keyness"] = math.log(termhood.KEYNESS_SMOOTHING + keyness)
        self._extra_features(key, stats, value)
        return [value[name] for name in ranking.FEATURES]

    def _extra_features(self, key: Key, stats, value: dict) -> None:
        """Evidence the hand-set score does not use (`ranking.EXTRA`)."""
        content = [k for k in key if k in self.counter.word_forms]
        if content:
            value["rarest_word"] = max(map(self.rarity, content))
            value["least_key_word"] = min(math.log1p(self.lemma_keyness(k)) for k in content)
        passages = len(self.counter.passages)
        if stats.contexts and passages:
            value["early"] = float(stats.contexts[0][0] < max(1, passages // 10))
        value["cut_share"] = stats.partial / stats.freq if stats.freq else 0.0
        value["listed_phrase"], value["listed_words"] = self.ranker.lexicon.features(
            lexicon.phrase_key(key))

    def rarity(self, lemma: str) -> float:
        """How rare the word is in general language, 0 (everyday) to 1 (unlisted)."""
        value = self._rarity.get(lemma)
        if value is None:
            value = single_words.rarity(single_words.zipf(self.counter.word_forms[lemma],
                                                          self.lang), self.lang)
            self._rarity[lemma] = value
        return value

    def action_head(self, key: Key) -> bool:
        """Whether a Polish phrase's head is a verbal noun the dictionary knows only as a
        verb's form ("przyznawanie [usług]", "ponoszenie [opłat]": its lemma is the verb),
        which names an act, not a thing of the domain (see termhood.ACTION_HEAD_PRIOR);
        "postanowienie", "świadczenie" are nouns of their own as well and not counted."""
        if self.lang != "pl" or not polish.available():
            return False
        shape = self.counter.stats[key].shape
        head = next((k for k, letter in enumerate(shape) if letter == "N"), None)
        return head is not None and head < len(key) and any(
            r.pos == "inf" for r in polish.readings(key[head]))

    def known_phrase(self, key: Key) -> bool:
        """Whether the termbase has the candidate, matched as `candidate` marks it but by
        its commonest form alone (this runs for every lemma sequence, not only those shown)."""
        if self.known is None:
            return False
        variants = self.counter.stats[key].variants
        return bool(self.known.term_ids(_words(max(variants, key=variants.get))))

    def shape(self, key: Key) -> str:
        """The phrase's shape (`ngrams._shape`), with an adjective the input uses as a
        noun of its own read as a noun after its head ("objęcie podopiecznego": a
        complement, not a classifying adjective)."""
        stats = self.counter.stats[key]
        shape = stats.shape
        if not self.substantives or "a" not in shape or len(shape) != len(key):
            return shape
        seen = [_words(variant) for variant in stats.variants]
        return "".join("N" if letter == "a" and word in self.substantives and all(
            len(w) == len(key) and w[p].lower().endswith("ego") for w in seen) else letter
            for p, (letter, word) in enumerate(zip(shape, key)))

    @property
    def tokens(self) -> int:
        return self.counter.tokens

    def lemma_keyness(self, lemma: str) -> float:
        value = self._keyness.get(lemma)
        if value is None:
            value = termhood.keyness(self.counter.word_forms[lemma], self.counter.tokens,
                                     self.lang)
            self._keyness[lemma] = value
        return value

    def single_word_prior(self, lemma: str) -> float:
        """The length prior of a one-word candidate, from how term-like the word is alone
        (`single_words`): its rarity, its suffix, and whether known terms use it."""
        forms = self.counter.word_forms[lemma]
        if all(map(is_abbreviation, self.counter.stats[(lemma,)].variants)):
            return termhood.single_word_prior(1.0)  # "PCPR", "GIMK": see `abbreviations`
        in_glossary = self.known is not None and any(
            self.known.in_vocabulary(form) for form in forms)
        return termhood.single_word_prior(single_words.evidence(
            lemma, forms, self.lang, in_glossary, names_a_person(lemma, self.lang)))

    def phrase_keyness(self, key: Key) -> float:
        content = [k for k in key if k in self.counter.word_forms]
        return termhood.phrase_keyness(self.lemma_keyness(k) for k in content)

    def all_names(self, key: Key) -> bool:
        content = [k for k in key if k in self.counter.word_forms]
        return bool(content) and all(k in self.names for k in content)

    def name_first(self, key: Key) -> bool:
        """A name opening a phrase of common words ("Europos socialinis fondas"): kept, but
        damped like a name, for most are a place before a term."""
        return len(key) > 1 and key[0] in self.names and not self.all_names(key) \
            and not (self.lang == "lt" and cited_key(key) and self.counter.stats[key].whole_name)

    def forms_of(self, lemma: str) -> Counter:
        """Lower-case forms of a lemma seen anywhere in the input, with counts."""
        return self.counter.word_forms.get(lemma) or Counter()

    # -- candidates ----------------------------------------------------------------------
    def candidate(self, key: Key, score: float, independent: float, keyness: float
                  ) -> Candidate:
        found = self._candidates.get(key)
        if found is not None:
            return found
        stats = self.counter.stats[key]
        forms = sorted(stats.variants, key=lambda v: (-stats.variants[v], v))
        contexts = []
        for ref in stats.contexts:
            passage, text, start, end = self.counter.snippet(ref)
            contexts.append(Context(passage.file, passage.line, text, start, end))
        lowered = list(dict.fromkeys(f.lower() for f in forms))
        term = forms[0] if stats.freq in (stats.quoted, stats.fixed) else base_form(
            stats.variants, self.lang, self.forms_of, key, self.counter.lexeme_members,
            self.substantives, self.nominative_plurals,  # a name in quotes does not decline
            self.termbase_writes_singular, self.ranker.lexicon.written_in_plural)
        if QUOTE_KEY in key:  # "procedura „Niebieskie Karty”"
            term = quoted_names.base_form(stats.variants, lambda heads: base_form(
                heads, self.lang, self.forms_of, key[:1], self.counter.lexeme_members))
        elif len(key) == 1 and all(map(is_abbreviation, forms)):
            term = forms[0]  # "MRiPS": as written
        elif self.definite_noun(key) is not None:
            term = self.definite_noun(key)
        elif len(key) == 1 and not self.all_names(key) and not term.isupper():
            term = term.lower()  # "Wydział" of "Wydział Opieki" is the common noun
        elif self.lang == "pl" and office_title(key, self.counter.written_lower.__contains__):
            term = term.lower()  # "wójt gminy", see persons.office_title
        elif len(key) > 1 and stats.fixed < stats.freq:  # a fixed form has its capitals
            term = recapitalise(term, self.capitals(key, term))
        with_it = with_alternative(term, stats.alternatives, stats.freq, stats.variants,
                                   self.lang)              # "globos (rūpybos) išmoka"
        if with_it != term and len(stats.alternatives) == 1:  # the forms seen had it too
            (position, inside), = stats.alternatives
            lowered = [insert_after(f, position, inside.lower()) for f in lowered]
        term = with_it
        if self.lang == "lt" and QUOTE_KEY not in key and stats.fixed < stats.freq:
            term = masculine_term(term, self.seen_form)  # "komisijos narė" -> "narys"
        candidate = Candidate(
            term=term, lemmas=key,
            score=score, freq=stats.freq, files=sorted(stats.files),
            independent_freq=independent, keyness=keyness, forms=lowered, contexts=contexts)
        if self.known is not None:
            candidate.known = self.known.match(_words(forms[0]))
            for form in forms[1:4]:
                if candidate.known:
                    break
                candidate.known = self.known.match(_words(form))
            candidate.term = _as_the_termbase_writes(candidate.term, candidate.known, lowered)
        self._candidates[key] = candidate
        return candidate

    def seen_form(self, form: str) -> bool:
        """Whether the input has this lower-case word form anywhere."""
        if self._seen_forms is None:
            self._seen_forms = frozenset().union(*self.counter.word_forms.values())
        return form in self._seen_forms

    def capitals(self, key: Key, term: str) -> list[bool | None]:
        """Per word of a phrase's base form `term`: True for a word the input mostly
        writes as a name, False for a short name the document defines ("pobyt
        mieszkanki", see `defined_names`) unless another word has a capital, as in a
        name ("Gminny Ośrodek Pomocy Społecznej"), None for the others (as they are)."""
        names = [k in self.written_as_names for k in key]
        words = _words(term)
        if len(words) == len(key):  # no capital that stops a name's run of capitals
            names = [name and not self._cuts_a_name(key, words, p, names)
                     for p, name in enumerate(names)]
        in_a_name = any(names) or len(words) != len(key) or any(
            word[:1].isupper() for word, k in zip(words, key) if k not in self.defined_keys)
        return [True if name else None if in_a_name or k not in self.defined_keys else False
                for k, name in zip(key, names)]

    def _cuts_a_name(self, key: Key, words: list[str], p: int, names: list[bool]) -> bool:
        """Whether a capital put on word p, a word the input mostly writes as a name,
        would stop where the input writes the next word capitalised with it: "Ośrodek
        pomocy społecznej" cut from "Gminny Ośrodek Pomocy Społecznej" in a document that
        calls the centre "Ośrodek" for short stays "ośrodek pomocy społecznej"."""
        return p + 1 < len(key) and not names[p + 1] and not words[p + 1][:1].isupper() \
            and self.counter.capitalised_together(key[p], key[p + 1])

    def termbase_writes_singular(self, words: list[str]) -> bool:
        """Whether the termbase has these words as a Polish term in the singular: then
        the text's plural does not override it (`polish_number`)."""
        return self.known is not None and termbase_writes_singular(self.known, words)

    def definite_noun(self, key: Key) -> str | None:
        """A Lithuanian adjective the input uses as a noun alone, in its base form
        ("neįgalieji", see `substantives`); None for anything else."""
        if self.lang != "lt" or len(key) != 1 or key[0] not in self.counter.adjective_keys:
            return None
        variants = self.counter.stats[key].variants
        return definite_noun(max(variants, key=lambda v: (variants[v], v)), key[0])

    def is_phrase(self, key: Key) -> bool:
        """Whether the words make a noun phrase (see `baseform.well_formed`); the opening
        genitive nouns of a Lithuanian name, seen nowhere else, make none ("Valstybės
        vaiko [teisių apsaugos ir įvaikinimo tarnyba]" is no "valstybės vaikas")."""
        found = self._well_formed.get(key)
        if found is None:
            stats = self.counter.stats[key]
            variants = stats.variants
            found = QUOTE_KEY in key or stats.not_a_phrase < stats.freq and well_formed(
                variants, self.lang, key, self.counter.lexeme_members) or (
                len(key) == 1 and all(map(is_abbreviation, variants))  # no dictionary has it
            ) or self.definite_noun(key) is not None or stats.fixed == stats.freq
            found = found and not personal_name(variants, self.lang) and not (
                len(key) == 1 and key[0] in self.names
                and (key[0] in self.counter.person_keys
                     or first_name_or_surname(key[0].capitalize(), self.lang)))
            self._well_formed[key] = found
        return found

    def candidates(self) -> Iterator[Candidate]:
        """Every well-formed candidate, best first, numbered from 1. Two lemma sequences
        with one base form (a participle the dictionary knows in some forms only:
        "teikiamos paslaugos") are one term: the second adds its forms and occurrences to
        the first instead of taking a rank of its own."""
        rank = 0
        shown: dict[str, Candidate] = {}
        for key, score, independent, keyness in self.ranked:
            if not self.is_phrase(key):
                continue
            candidate = self.candidate(key, score, independent, keyness)
            same = shown.get(fold(candidate.term))
            if same is not None and same is not candidate:
                _absorb(same, candidate)
                continue
            shown[fold(candidate.term)] = candidate
            rank += 1
            candidate.rank = rank
            yield candidate

    def top(self, n: int | None, new_only: bool = False) -> list[Candidate]:
        chosen = []
        for candidate in self.candidates():
            if new_only and candidate.is_known:
                continue
            chosen.append(candidate)
            if n is not None and len(chosen) >= n:
                break
        return chosen


def _absorb(first: Candidate, other: Candidate) -> None:
    """Count a variant's occurrences and forms in the candidate ranked above it."""
    if other.lemmas in first.variant_keys:
        return
    first.variant_keys.append(other.lemmas)
    first.freq += other.freq
    first.files = sorted(set(first.files) | set(other.files))
    first.forms.extend(f for f in other.forms if f not in first.forms)


def _as_the_termbase_writes(term: str, known: list[KnownTerm], forms: list[str]) -> str:
    """The termbase's wording of a known candidate where it and the extractor's base form
    put different words in the nominative: word order alone may take a complement for the
    head ("smurto artimoje aplinkoje" made "smurto artima aplinka", which changes the last
    two words of the text's form; the termbase's *smurtas artimoje aplinkoje* changes the
    first). Where both change the same words (the same head, in another number or case),
    or the extractor keeps the form seen, the extractor's form stands: it follows the
    text. Capitals follow the text, word by
    word."""
    wordings = {k.term.lower() for k in known}
    if len(wordings) != 1 or not forms:
        return term
    wording = wordings.pop()
    seen, ours, theirs = _words(forms[0].lower()), _words(term), _words(wording)
    if not len(seen) == len(ours) == len(theirs):
        return term
    changed_by_us = {n for n, (a, b) in enumerate(zip(seen, ours)) if a != b.lower()}
    changed_by_them = {n for n, (a, b) in enumerate(zip(seen, theirs)) if a != b}
    if not changed_by_us or not changed_by_them or changed_by_us & changed_by_them:
        return term
    return " ".join(word[:1].upper() + word[1:] if own[:1].isupper() else word
                    for word, own in zip(theirs, ours))


def _words(text: str) -> list[str]:
    from termbase.text.normalize import tokenize

    return [t.text for t in tokenize(text)]


def read_all(paths: Iterable[Path | str], lang: str, encoding: str | None = None
             ) -> list[Passage]:
    """The passages of `lang` in every file, in order; a file named twice (`a.txt a.txt`,
    two overlapping globs, a link to it) is read once: read twice, every count doubled."""
    from termbase.errors import naming_file
    from termbase.text.running import as_words, in_running_case, pieces

    passages = []
    read: set[tuple[int, int]] = set()
    for path in paths:
        try:
            status = Path(path).stat()
        except OSError:
            status = None  # reading it says what is wrong
        if status is not None and Path(path).is_file():
            if (status.st_dev, status.st_ino) in read:
                continue
            read.add((status.st_dev, status.st_ino))
        with naming_file(path):
            passages.extend(p._replace(text=piece)
                            for p in read_passages(Path(path), lang, encoding)
                            for piece in pieces(as_words(p.text)))
    texts = in_running_case([p.text for p in passages])   # headings in capitals
    return [p._replace(text=text) for p, text in zip(passages, texts)]


def extract_passages(passages: list[Passage], lang: str, index: Index | None = None,
                     min_freq: int = 1, progress: Callable[[int, int], None] | None = None,
                     max_len: int = 5, ranker: ranking.Ranker | None = None) -> Extraction:
    """Count and rank; `min_freq` drops candidates seen fewer times, `progress(done,
    total)` hears of the characters processed; `ranker` replaces the language's weights
    (`ranking.ranker`)."""
    lang = check_lang(lang)
    counter = NgramCounter(lang, max_len=max_len)
    total = sum(len(p.text) + 1 for p in passages)
    counter.add_all(passages, (lambda done: progress(done, total)) if progress else None)
    return Extraction(counter, min_freq, KnownTerms(index, lang) if index is not None else None,
                      ranker)


def extract(paths: Iterable[Path | str], lang: str, index: Index | None = None,
            min_freq: int = 1, encoding: str | None = None,
            progress: Callable[[int, int], None] | None = None,
            ranker: ranking.Ranker | None = None) -> Extraction:
    """Extract term candidates of `lang` from plain-text, TMX or XLIFF files."""
    return extract_passages(read_all(paths, check_lang(lang), encoding), lang, index,
                            min_freq, progress, ranker=ranker)
