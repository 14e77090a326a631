"""Build the search index from concepts: all morphology is paid here, once.

For every token of every term we collect the folded inflected forms of its candidate lemmas
(morfeusz2 for Polish, simplemma's inverted dictionary for Lithuanian and English) plus the
forms observed in texts, and give the token a *lexeme id*. A term becomes a tuple of lexeme
ids; a query token is mapped to lexeme ids by a dictionary look-up of its folded form (or,
failing that, of its Snowball stem). No lemmatiser is needed at query time.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from termbase.index.fuzzy import DeletionIndex
from termbase.index.memory import InMemoryIndex
from termbase.index.structures import Index, TermRef
from termbase.model import Concept
from termbase.index.lexemes import lexeme_data
from termbase.text.morphology import lemma_key, stem_keys
from termbase.text.normalize import fold, norm, tokenize

def build_index(concepts: Iterable[Concept], fingerprint: tuple = (),
                progress: Callable[[int], None] | None = None,
                segments: dict[str, dict] | None = None,
                previous: Index | None = None, typo: bool = True) -> Index:
    """The full index: terms (with morphology) and the translation memory's segments.

    `previous` (a stale index of the same store) lends its morphology memo, so a rebuild
    after a small change does not analyse and generate every word again. `typo`: build
    the typo index too (the on-disk index writes its own).
    """
    index = Index(fingerprint=fingerprint)
    index.memory = InMemoryIndex(segments or {})
    old_tokens, old_lexemes = previous.morphology if previous is not None else ({}, {})
    token_memo: dict[tuple[str, str], str] = {}
    lexeme_memo: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    lexeme_ids: dict[tuple[str, str], int] = {}
    forms = defaultdict(lambda: defaultdict(set))  # lang -> folded form -> lexeme ids
    stems = defaultdict(lambda: defaultdict(set))  # lang -> stem -> lexeme ids
    lexeme_terms: dict[int, list[int]] = defaultdict(list)
    trie: dict[str, dict] = defaultdict(dict)

    def lexeme_of(token: str, lang: str) -> int:
        token_key = (lang, token)
        lemma = token_memo.get(token_key) or old_tokens.get(token_key) or lemma_key(token, lang)
        token_memo[token_key] = lemma
        key = (lang, lemma)
        lex = lexeme_ids.get(key)
        if lex is None:
            lex = lexeme_ids[key] = len(lexeme_ids)
            data = old_lexemes.get(key) or lexeme_data(token, lang)
            lexeme_memo[key] = data
            folded_forms, stem_set = data
            for form in folded_forms:
                forms[lang][form].add(lex)
            for key_ in stem_set:
                stems[lang][key_].add(lex)
        return lex

    for count, concept in enumerate(concepts, 1):
        index.concepts[concept.id] = concept.to_dict()
        for term in concept.terms:
            tid = len(index.terms)
            index.terms.append(TermRef(concept.id, term.lang, term.text, term.status or ""))
            index.exact.setdefault(norm(term.text), []).append(tid)
            index.folded.setdefault(fold(term.text), []).append(tid)
            tokens = [t.text for t in tokenize(term.text)]
            if not tokens:
                index.sequences.append(())
                continue
            seq = tuple(lexeme_of(tok, term.lang) for tok in tokens)
            index.sequences.append(seq)
            _add_observed_forms(term.forms, seq, term.lang, forms, stems)
            for lex in set(seq):
                lexeme_terms[lex].append(tid)
            node = trie[term.lang]
            for lex in seq:
                node = node.setdefault(lex, {})
            node.setdefault(None, []).append(tid)
        if progress and count % 1000 == 0:
            progress(count)

    index.forms = {lang: {f: tuple(sorted(ids)) for f, ids in table.items()}
                   for lang, table in forms.items()}
    index.stems = {lang: {s: tuple(sorted(ids)) for s, ids in table.items()}
                   for lang, table in stems.items()}
    # Shortest terms first, so a capped scan of a frequent word keeps the closest terms;
    # then by concept, as the on-disk index orders them.
    index.lexeme_terms = {lex: sorted(tids, key=lambda t: (len(index.sequences[t]),
                                                           index.terms[t].concept_id))
                          for lex, tids in lexeme_terms.items()}
    index.trie = dict(trie)
    index.prefix_keys = sorted((key, index.terms[tid].concept_id, tid)
                               for key, tids in index.folded.items() for tid in tids)
    index.fuzzy = previous.typo_indexes() if previous is not None else {}
    for lang, table in index.forms.items() if typo else ():
        index.fuzzy.setdefault(lang, DeletionIndex()).update(table.keys())
    index.languages = sorted({ref.lang for ref in index.terms})
    index.morphology = (token_memo, lexeme_memo)
    return index


def _add_stems(table, form: str, lang: str, lex: int) -> None:
    for key in stem_keys(form, lang):
        table[key].add(lex)


def _add_observed_forms(observed: list[str], seq: tuple, lang: str, forms, stems) -> None:
    """Forms seen in texts ("pracownikom socjalnym") add their tokens position by position."""
    for text in observed:
        tokens = tokenize(text)
        if len(tokens) != len(seq):
            continue
        for token, lex in zip(tokens, seq):
            forms[lang][fold(token.text)].add(lex)
            _add_stems(stems[lang], token.text, lang, lex)
