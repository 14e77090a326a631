"""Finding every termbase term in a segment, in any inflected form, and through typos.

Each segment token is mapped to lexeme ids by dictionary look-ups (known forms, then stems,
then, for a word the termbase does not know, typo corrections from the deletion index); two
tokens written together or one token split by a space are tried as well. From every position
we walk the language's trie of lexeme sequences over these readings, so the work is linear in
the segment length times the longest term, whatever the termbase size.

Candidate spans are then chosen longest first, so "ośrodek pomocy społecznej" wins over
"pomoc społeczna" inside it. Terms that only partly overlap are both kept: in "kierownik
Wydziału Opieki Społecznej" the translator needs "kierownik wydziału" as much as "Wydział
Opieki Społecznej". A typo reading never stands alone in a short word, never outnumbers the
words read as written, and loses to a reading without typos where they overlap: precision on
ordinary text matters more than one more corrected word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.index.structures import Index
from termbase.text.morphology import stem_keys
from termbase.text.normalize import Token, fold, norm, tokenize

# Stems stand in for unknown forms only for words at least this long: short stems of
# everyday words would otherwise produce false hits in off-domain text.
MIN_STEM_WORD = 5
# A typo is corrected in a word of at least this many letters inside a longer term, and of
# at least MIN_TYPO_ALONE letters when the corrected word is a whole term on its own.
MIN_TYPO_WORD = 5
MIN_TYPO_ALONE = 9
# ... and only if one letter in ten or more is wrong: a one-word term misread from another
# real word ("krzyżaków" for "krzyżyków") is the commonest false hit of typo tolerance.
MIN_ALONE_SIMILARITY = 0.9
MIN_SPLIT_PART = 3       # "pomocspołeczna": both halves must be known forms this long
MAX_TYPO_WORD = 40       # longer "words" are not words: no corrections tried (cost bound)
# A one-word term is read from a form only if the form keeps all but this many of the
# term's last letters: "zatrudnia" (a verb) is not the noun "zatrudnienie", though the
# dictionary files the noun under the verb, while "gminie", "skierowano", "nukreiptas" are.
MAX_CHANGED_ENDING = 3
# English nouns change at most their last two letters when inflected (-s, -es, -ies):
# "trained" is a form of the verb, not of the noun "training".
MAX_CHANGED_ENDING_BY_LANG = {"en": 2}

# How sure a reading is: a known form, a stem, a corrected typo (times its similarity).
FORM, STEM, TYPO = "form", "stem", "typo"
TIER_SCORE = {"exact": 100.0, "folded": 95.0, "lemma": 90.0, "stem": 85.0}
FUZZY_CAP = 84.0


@dataclass
class Span:
    start: int          # character offsets into the segment
    end: int
    text: str           # as written in the segment
    term_ids: list[int]
    kind: str           # exact | folded | lemma | fuzzy
    tokens: int
    score: float = 100.0
    scores: dict[int, float] = field(default_factory=dict)  # term id -> its own score


@dataclass(frozen=True)
class Reading:
    """One way to read tokens [start, stop) as a run of lexeme steps."""

    stop: int
    steps: tuple[dict[int, float], ...]   # per lexeme step: lexeme -> similarity
    tier: str


def token_options(index: Index, token: Token, lang: str) -> tuple[set[int], set[int]]:
    """(lexemes reached by a known form, lexemes reached only by a stem): how one word of
    a segment is read, here and by the target-side check (`termbase.check_target`)."""
    folded = fold(token.text)
    known = set(index.forms.get(lang, {}).get(folded, ()))
    if known or len(token.text) < MIN_STEM_WORD:
        return known, set()
    stems = index.stems.get(lang, {})
    by_stem = set()
    for key in stem_keys(token.text, lang):
        by_stem.update(stems.get(key, ()))
    return known, by_stem


def typo_options(index: Index, folded: str, lang: str) -> dict[int, float]:
    """Lexemes of the known forms one or two edits from an unknown word."""
    typo_index = index.typo_index(lang)
    if typo_index is None or not MIN_TYPO_WORD <= len(folded) <= MAX_TYPO_WORD:
        return {}
    forms = index.forms.get(lang, {})
    found: dict[int, float] = {}
    for word, edits in typo_index.candidates(folded, limit=5, in_phrase=True):
        similarity = 1.0 - edits / max(len(word), len(folded))
        for lex in forms.get(word, ()):
            found[lex] = max(found.get(lex, 0.0), similarity)
    return found


class _Lattice:
    """The readings of a segment's tokens, computed on first need (typo look-ups cost more
    than form look-ups, so only tokens a walk reaches pay for them)."""

    def __init__(self, index: Index, tokens: list[Token], lang: str, fuzzy: bool):
        self.index, self.tokens, self.lang, self.fuzzy = index, tokens, lang, fuzzy
        self.forms = index.forms.get(lang, {})
        self.options = [token_options(index, tok, lang) for tok in tokens]
        self._readings: dict[int, list[Reading]] = {}
        self._typos: dict[int, list[Reading]] = {}

    def known(self, i: int) -> bool:
        return bool(self.options[i][0] or self.options[i][1])

    def readings(self, i: int, at_root: bool) -> list[Reading]:
        """At the root of the trie (a term starting here), a typo correction is worth its
        cost only where it could stand alone or be followed by a known word."""
        base = self._readings.get(i)
        if base is None:
            base = self._readings[i] = self._plain(i)
        if not self.fuzzy or self.options[i][0] or self.options[i][1]:
            return base
        if at_root and not self._typo_may_start(i):
            return base
        typo = self._typos.get(i)
        if typo is None:
            found = typo_options(self.index, fold(self.tokens[i].text), self.lang)
            typo = self._typos[i] = [Reading(i + 1, (found,), TYPO)] if found else []
        return base + typo

    def _typo_may_start(self, i: int) -> bool:
        return (len(self.tokens[i].text) >= MIN_TYPO_ALONE
                or (i + 1 < len(self.tokens) and self.known(i + 1)))

    def _plain(self, i: int) -> list[Reading]:
        """Known forms and stems, and the two spacing mistakes (cheap look-ups)."""
        known, by_stem = self.options[i]
        result = []
        if known:
            result.append(Reading(i + 1, (dict.fromkeys(known, 1.0),), FORM))
        if by_stem:
            result.append(Reading(i + 1, (dict.fromkeys(by_stem, 1.0),), STEM))
        folded = fold(self.tokens[i].text)
        if not self.fuzzy or known or len(folded) > MAX_TYPO_WORD:
            return result
        return result + self._split(i, folded) + self._joined(i, folded)

    def _split(self, i: int, folded: str) -> list[Reading]:
        """A missing space: "pomocspołeczna" read as two known forms."""
        found = []
        for cut in range(MIN_SPLIT_PART, len(folded) - MIN_SPLIT_PART + 1):
            left, right = self.forms.get(folded[:cut]), self.forms.get(folded[cut:])
            if left and right:
                found.append(Reading(i + 1, ({l: 0.9 for l in left}, {l: 0.9 for l in right}),
                                     TYPO))
        return found

    def _joined(self, i: int, folded: str) -> list[Reading]:
        """An extra space: "pracow ników" read as one known form with the next token."""
        if i + 1 >= len(self.tokens) or self.tokens[i].end == self.tokens[i + 1].start:
            return []
        if self.known(i + 1) and self.known(i):
            return []
        joined = self.forms.get(folded + fold(self.tokens[i + 1].text))
        return [Reading(i + 2, ({lex: 0.9 for lex in joined},), TYPO)] if joined else []


@dataclass
class _Path:
    node: dict
    stop: int
    steps: int = 0
    stems: int = 0
    typos: int = 0
    similarity: float = 0.0


def find_spans(index: Index, segment: str, lang: str, fuzzy: bool = True) -> list[Span]:
    """All candidate term occurrences (overlapping), before selection."""
    trie = index.trie.get(lang)
    if not trie:
        return []
    tokens = tokenize(segment)
    lattice = _Lattice(index, tokens, lang, fuzzy)
    spans = []
    for start in range(len(tokens)):
        frontier = [_Path(trie, start)]
        while frontier:
            step = []
            for path in frontier:
                for reading in lattice.readings(path.stop, path.steps == 0):
                    step += _advance(path, reading)
            frontier = [p for p in step if p.stop < len(tokens)]
            for path in step:
                if None in path.node:
                    span = _span_of(index, segment, tokens, start, path)
                    if span is not None:
                        spans.append(span)
    return spans


def _advance(path: _Path, reading: Reading) -> list[_Path]:
    node = path.node
    if len(reading.steps) == 1:  # the usual case, without building intermediate lists
        nodes = [(node[lex], sim) for lex, sim in reading.steps[0].items() if lex in node]
    else:
        nodes = [(node, 0.0)]
        for options in reading.steps:
            nodes = [(n[lex], total + sim) for n, total in nodes
                     for lex, sim in options.items() if lex in n]
    if not nodes:
        return []
    stems = path.stems + (reading.tier == STEM)
    typos = path.typos + (reading.tier == TYPO)
    steps = path.steps + len(reading.steps)
    return [_Path(n, reading.stop, steps, stems, typos, path.similarity + total)
            for n, total in nodes]


def _span_of(index: Index, segment: str, tokens: list[Token], start: int,
             path: _Path) -> Span | None:
    tids = path.node.get(None)
    if not tids:
        return None
    first, last = tokens[start], tokens[path.stop - 1]
    text = segment[first.start:last.end]
    if path.typos:
        plain = path.steps - path.typos
        alone_ok = (path.steps == 1 and len(fold(text)) >= MIN_TYPO_ALONE
                    and path.similarity >= MIN_ALONE_SIMILARITY)
        if not alone_ok and (plain == 0 or path.typos > plain):
            return None
        kind = "fuzzy"
        score = min(FUZZY_CAP, TIER_SCORE["lemma"] * path.similarity / path.steps)
    elif path.stems:
        if path.steps == 1:
            return None  # a stem alone is too loose in running text
        kind, score = "lemma", TIER_SCORE["stem"]
    else:
        kind, score = None, 0.0
    if path.steps == 1:
        tids = [tid for tid in tids if _reads_as_the_term(index.terms[tid], text)]
        if not tids:
            return None
    if kind:
        kinds = dict.fromkeys(tids, kind)
    else:
        text_norm, text_fold = norm(text), fold(text)
        kinds = {tid: _kind(index, tid, text_norm, text_fold) for tid in tids}
        score = max(TIER_SCORE[k] for k in kinds.values())
    kept = [tid for tid in tids if kind or TIER_SCORE[kinds[tid]] == score]
    score = round(score, 1)
    return Span(first.start, last.end, text, kept, kinds[kept[0]], path.stop - start, score,
                dict.fromkeys(kept, score))


def _reads_as_the_term(ref, written: str) -> bool:
    """Whether one written word may stand for a one-word term: an abbreviation in capitals
    (PO, BSI) only when written in capitals ("po" is a Polish preposition), any other term
    only from a form that keeps all but the last few letters of it."""
    if len(ref.text) > 1 and ref.text.isupper() and not written.isupper():
        return False
    term, written = fold(ref.text), fold(written)
    shared = 0
    for a, b in zip(term, written):
        if a != b:
            break
        shared += 1
    return len(term) - shared <= MAX_CHANGED_ENDING_BY_LANG.get(ref.lang, MAX_CHANGED_ENDING)


def _kind(index: Index, tid: int, text_norm: str, text_fold: str) -> str:
    term = index.terms[tid].text
    if norm(term) == text_norm:
        return "exact"
    if fold(term) == text_fold:
        return "folded"
    return "lemma"


def select_spans(spans: list[Span]) -> list[Span]:
    """Longest first; a span inside one already chosen is dropped (a span that only partly
    overlaps is another term of the segment and stays, unless it rests on a typo). At one
    place, only the best-scored readings stay ("Seniūnas" as written is the elder, not the
    senior resident whose forms it shares)."""
    best_at: dict[tuple[int, int], Span] = {}
    for span in spans:
        place = (span.start, span.end)
        same = best_at.get(place)
        if same is None or span.score > same.score:
            best_at[place] = Span(span.start, span.end, span.text, list(span.term_ids),
                                  span.kind, span.tokens, span.score, dict(span.scores))
        elif span.score == same.score:
            for tid in span.term_ids:
                if tid not in same.term_ids:
                    same.term_ids.append(tid)
                    same.scores[tid] = span.scores.get(tid, span.score)
    chosen: list[Span] = []
    for span in sorted(best_at.values(),
                       key=lambda s: (-s.tokens, -(s.end - s.start), -s.score, s.start)):
        if any(c.start <= span.start and span.end <= c.end for c in chosen):
            continue
        if span.kind == "fuzzy" and any(c.start < span.end and span.start < c.end
                                        for c in chosen):
            continue
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def recognize(index: Index, segment: str, lang: str, fuzzy: bool = True) -> list[Span]:
    return select_spans(find_spans(index, segment, lang, fuzzy))
