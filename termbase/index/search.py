"""Answering a query from the index: exact, folded, lemma, fuzzy and prefix matches.

Every step is a dictionary look-up or a bounded candidate list; nothing scans the termbase.
"""

from __future__ import annotations

from dataclasses import dataclass

from termbase.index.recognize import recognize
from termbase.index.structures import Index
from termbase.text.morphology import stem_keys
from termbase.text.normalize import fold, norm, tokenize

# Scores: what a CAT tool user reads as "how sure is this".
EXACT, FOLDED, LEMMA, STEM_FACTOR, FUZZY_CAP = 100.0, 95.0, 90.0, 0.95, 89.0
# A term found inside a longer query scores between these (never as high as a whole match).
CONTAINED_BASE, CONTAINED_CAP = 60.0, 80.0
MAX_CONTAINING = 2000  # candidate terms examined for a query word inside longer terms


@dataclass(frozen=True)
class TokenMatch:
    """How one query token reaches one lexeme."""

    kind: str          # "lemma" (a known form or stem) or "fuzzy"
    similarity: float  # 1.0 for a known form


@dataclass
class Hit:
    term_id: int
    score: float
    kind: str
    approximate: bool = False   # reached only through a stem or a typo correction
    contained: bool = False     # a term inside a longer query, not a match of the whole


def token_lexemes(index: Index, token: str, lang: str, fuzzy: bool = True,
                  in_phrase: bool = False, retype_known: bool = False
                  ) -> dict[int, TokenMatch]:
    """Lexemes a query token may belong to, in one language. `in_phrase`: the token is one
    of several in the query (short words may then be corrected too). `retype_known`: also
    try typo corrections of a word that is itself a known form or stem, since a typo can
    spell another real word ("rodzinny ryzyka" for "rodziny ryzyka")."""
    folded = fold(token)
    known = index.forms.get(lang, {}).get(folded)
    found: dict[int, TokenMatch] = {}
    if known:
        found = {lex: TokenMatch("lemma", 1.0) for lex in known}
    else:
        stems = index.stems.get(lang, {})
        for key in stem_keys(token, lang):
            for lex in stems.get(key, ()):
                found[lex] = TokenMatch("lemma", STEM_FACTOR)
    typo_index = index.typo_index(lang) if fuzzy and (retype_known or not found) else None
    if typo_index is None:
        return found
    for word, edits in typo_index.candidates(folded, in_phrase=in_phrase):
        similarity = 1.0 - edits / max(len(word), len(folded))
        for lex in index.forms[lang].get(word, ()):
            if lex not in found or found[lex].similarity < similarity:
                found[lex] = TokenMatch("fuzzy", similarity)
    return found


def match_sequence(query: list[dict[int, TokenMatch]], seq: tuple[int, ...]
                   ) -> tuple[float, str] | None:
    """Best alignment of the query tokens to a contiguous window of `seq`: (quality, kind)."""
    n, m = len(query), len(seq)
    best = None
    for offset in range(m - n + 1):
        sims, kind = [], "lemma"
        for position, options in enumerate(query):
            hit = options.get(seq[offset + position])
            if hit is None:
                break
            sims.append(hit.similarity)
            if hit.kind == "fuzzy":
                kind = "fuzzy"
        else:
            quality = sum(sims) / n
            if best is None or quality > best[0]:
                best = (quality, kind)
    return best


class _Hits(dict):
    """Best hit per term id, in the languages asked for."""

    def __init__(self, index: Index, langs: list[str] | None):
        super().__init__()
        self.index, self.wanted = index, set(langs) if langs else None

    def offer(self, tid: int, score: float, kind: str, approximate: bool = False,
              contained: bool = False) -> None:
        if self.wanted and self.index.terms[tid].lang not in self.wanted:
            return
        current = self.get(tid)
        if current is None or score > current.score:
            self[tid] = Hit(tid, round(score, 1), kind, approximate, contained)

    def concepts_above(self, score: float) -> int:
        """Concepts with a hit scoring strictly more than `score`."""
        terms = self.index.terms
        return len({terms[hit.term_id].concept_id for hit in self.values()
                    if hit.score > score})

    def cut_below(self, score: float) -> bool:
        """Whether the ranked answer ends above `score` whatever approximate hits scoring
        `score` or less are added: every concept with a better hit is at least GAP above
        it, and every hit at or below it is approximate, so `trim_by_gap` cuts the first
        of them and all that follow."""
        from termbase.lookup import GAP

        lowest = None  # of the hits above `score`: at most the lowest concept's best
        for hit in self.values():
            if hit.score <= score:
                if not hit.approximate:
                    return False
            elif lowest is None or hit.score < lowest:
                lowest = hit.score
        return lowest is not None and lowest - score >= GAP


def search(index: Index, query: str, langs: list[str] | None = None,
           fuzzy: bool = True, limit: int | None = None) -> list[Hit]:
    """All hits for a query, best per term, unsorted. With `limit`, hits that cannot be
    among the best `limit` concepts may be left out (the ranking of those is unchanged):
    a frequent word then costs its shortest terms, not all of them."""
    hits = _Hits(index, langs)
    offer = hits.offer
    nq, fq = norm(query), fold(query)
    for tid in index.exact.get(nq, ()):
        offer(tid, EXACT, "exact")
    for tid in index.folded.get(fq, ()):
        offer(tid, FOLDED, "folded")

    tokens = [t.text for t in tokenize(query)]
    prefixed = [(key, tid) for key, tid in index.prefixed(fq)
                if key != fq] if len(fq) >= 3 else []
    if tokens:
        languages = langs or index.languages
        for lang in languages:
            _lemma_hits(index, tokens, lang, False, hits, limit)
        # Typo correction only when nothing matched as written or inflected: it is the
        # costliest step, and its index is loaded from the cache only when needed. Words
        # that are real forms are re-read as typos only for a phrase that matched nothing
        # at all (not for part of a longer term, a common and cheap query).
        if fuzzy and not any(hit.score >= LEMMA * STEM_FACTOR for hit in hits.values()):
            retype_known = len(tokens) > 1 and not hits
            for lang in languages:
                # The last hits of a one-word query without prefix matches: nothing is
                # offered after this language's, so the search may stop on a gap.
                last = lang == languages[-1] and len(tokens) == 1 and not prefixed
                _lemma_hits(index, tokens, lang, True, hits, limit, retype_known, last)
    if len(tokens) > 1 and not any(hit.score >= CONTAINED_CAP for hit in hits.values()):
        for lang in (langs or index.languages):
            _contained_hits(index, query, len(tokens), lang, offer)
    for key, tid in prefixed:
        offer(tid, 50 + 30 * len(fq) / len(key), "prefix")
    return list(hits.values())


def _contained_hits(index: Index, query: str, n_tokens: int, lang: str, offer) -> None:
    """Terms inside a longer query ("stopień niepełnosprawności" holds *niepełnosprawność*),
    found as `suggest` finds them in a segment, ranked below any match of the whole query
    and higher the more of the query they cover."""
    for span in recognize(index, query, lang):
        coverage = span.tokens / n_tokens
        for tid in span.term_ids:
            own = span.scores.get(tid, span.score) / 100
            offer(tid, own * (CONTAINED_BASE + (CONTAINED_CAP - 1 - CONTAINED_BASE) * coverage),
                  span.kind, span.kind == "fuzzy", True)


class _AnyWord:
    """Stands for the one word of a longer query that nothing explains (a typo in a short
    word: "dom opieki dla osó starszych"): it aligns with any word, adding nothing."""

    def get(self, lex: int) -> TokenMatch:
        return TokenMatch("fuzzy", 0.0)


ANY_WORD = _AnyWord()
MIN_WORDS_FOR_GAP = 3


def _lemma_hits(index: Index, tokens: list[str], lang: str, fuzzy: bool, hits: _Hits,
                limit: int | None, retype_known: bool = False, last: bool = False) -> None:
    """Terms holding the query's words in order, as whole terms or inside longer ones.
    `last`: no hit is offered after these, so the search may also stop once the ranked
    answer is cut by its gap above anything a longer term could score."""
    query = [token_lexemes(index, tok, lang, fuzzy, len(tokens) > 1, retype_known)
             for tok in tokens]
    unexplained = [i for i, options in enumerate(query) if not options]
    if unexplained:
        if not fuzzy or len(unexplained) > 1 or len(query) < MIN_WORDS_FOR_GAP:
            return
        query[unexplained[0]] = ANY_WORD
    # Candidate terms: those holding a lexeme of the most selective query token and one
    # of every other token, shortest first.
    explained = [opts for opts in query if opts is not ANY_WORD]
    counts = index.lexeme_term_counts({lex for opts in explained for lex in opts},
                                      MAX_CONTAINING)
    rarest = min(explained, key=lambda opts: sum(counts[lex] for lex in opts))
    required = [list(opts) for opts in explained if opts is not rarest]
    # Every hit of this pass is approximate when one word is reached only by a stem, a
    # typo correction or not at all (a gap).
    approximate = any(opts is ANY_WORD or all(
        match.kind == "fuzzy" or match.similarity < 1.0 for match in opts.values())
        for opts in query)
    prefetch = getattr(index, "prefetch_terms", None)  # the on-disk index reads in bulk
    for length, candidates in index.containing_bands(list(rarest), required, MAX_CONTAINING):
        if length < len(query):
            continue
        if prefetch is not None:
            prefetch(candidates)
        for tid in candidates:
            if index.terms[tid].lang != lang:
                continue
            result = match_sequence(query, index.sequences[tid])
            if result is None:
                continue
            quality, kind = result
            score = LEMMA * quality
            if length > len(query):  # the query names part of a longer term
                score *= _part_factor(len(query), length)
            if kind == "fuzzy":
                score = min(score, FUZZY_CAP)
            hits.offer(tid, score, kind, kind == "fuzzy" or quality < 1.0)
        # Every longer term scores at most this: stop once `limit` concepts are above it.
        if limit:
            bound = round(LEMMA * _part_factor(len(query), length + 1), 1)
            if hits.concepts_above(bound) >= limit or (
                    last and approximate and hits.cut_below(bound)):
                return


def _part_factor(query_words: int, term_words: int) -> float:
    """A query naming part of a longer term scores less, the more of the term it leaves."""
    return 0.55 + 0.25 * query_words / term_words

