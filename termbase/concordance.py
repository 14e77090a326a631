"""Concordance: where a word or phrase occurs in the memory, in any inflected form.

Retrieval uses the memory's stem postings; each candidate is then verified token by token
against the query's inflected forms (morphology expands the query once: this is not on the
lookup hot path) or stems, so "pracownik socjalny" finds "pracownikom socjalnym".
"""

from __future__ import annotations

from termbase.index.memory import word_keys
from termbase.index.structures import Index
from termbase.model import check_lang
from termbase.text.morphology import expand
from termbase.text.normalize import fold, tokenize


def concordance(index: Index, phrase: str, lang: str, target_lang: str | None = None,
                limit: int = 20) -> list[dict]:
    lang = check_lang(lang)
    memory = index.memory
    query_tokens = [t.text for t in tokenize(phrase)]
    if memory is None or not query_tokens:
        return []
    keys = word_keys(phrase, lang)
    forms = [{fold(f) for f in expand(tok, lang)} | {fold(tok)} for tok in query_tokens]
    candidate_sets = [set().union(*(memory.posting(lang, k) for k in word)) for word in keys]
    # A segment must contain every query word (by stem) - or a known form of it.
    candidates = set.intersection(*candidate_sets) if all(candidate_sets) else set()
    if not candidates:
        candidates = set().union(*candidate_sets) if candidate_sets else set()
    results = []
    for seg_key in sorted(candidates, key=_numeric):
        doc = memory.segment(seg_key)
        text = doc["texts"].get(lang) if doc else None
        if not text:
            continue
        span = _find(text, lang, keys, forms)
        if span is None:
            continue
        entry = {"segment": seg_key, "text": text, "start": span[0], "end": span[1],
                 "translations": {l: t for l, t in doc["texts"].items()
                                  if l != lang and (not target_lang or l == target_lang)}}
        results.append(entry)
        if len(results) >= limit:
            break
    return results


def _find(text: str, lang: str, keys: list[frozenset[str]], forms: list[set[str]]):
    tokens = tokenize(text)
    token_keys = word_keys(text, lang)
    n = len(keys)
    for start in range(len(tokens) - n + 1):
        if all(token_keys[start + i] & keys[i] or fold(tokens[start + i].text) in forms[i]
               for i in range(n)):
            return tokens[start].start, tokens[start + n - 1].end
    return None


def _numeric(key: str):
    return (len(key), key)
