"""Concordance: where a word or phrase occurs in the memory, in any inflected form.

Retrieval uses the memory's stem postings; each candidate is then verified token by token
against the query's inflected forms (morphology expands the query once: this is not on the
lookup hot path) or stems, so "pracownik socjalny" finds "pracownikom socjalnym".
"""

from __future__ import annotations

from termbase.index.memory import word_keys
from termbase.index.structures import Index
from termbase import langtag
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
        if doc is None:
            continue
        found = _find_in_variety(doc["texts"], lang, keys, forms)
        if found is None:
            continue
        tag, text, span = found
        entry = {"segment": seg_key, "text": text, "start": span[0], "end": span[1],
                 "translations": _translations(doc["texts"], tag, target_lang)}
        if tag != lang:
            entry["variety"] = tag
        results.append(entry)
        if len(results) >= limit:
            break
    return results


def _find_in_variety(texts: dict[str, str], lang: str, keys, forms):
    """(tag, text, span) of the first text in `lang` or one of its varieties that holds the
    query; texts are keyed by variety (pl-PL, pl-LT) where the memory has them."""
    for tag, text in texts.items():
        if langtag.base(tag) == lang and text:
            span = _find(text, lang, keys, forms)
            if span is not None:
                return tag, text, span
    return None


def _translations(texts: dict[str, str], found: str, target_lang: str | None) -> dict:
    """The other texts, keyed by base language; by full tag only for another variety of
    the query's own language (a pl-PL/pl-LT memory)."""
    base = langtag.base(found)
    result = {}
    for tag, text in texts.items():
        other = langtag.base(tag)
        if tag == found or (target_lang and other != target_lang and tag != target_lang):
            continue
        result[tag if other == base else other] = text
    return result


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
