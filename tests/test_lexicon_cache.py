"""The dictionaries read by key from the user's cache answer exactly as the dictionaries
in memory, and a cache that cannot be written only costs time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from termbase.text import dictionary, lexicon_cache

WORDS = {"lt": ["šeima", "šeimos", "globėjas", "globėjų", "paslaugų", "Vilniaus", "namai",
                "neįgalumas", "socialinis", "darbuotojams", "bandomasis"],
         "en": ["families", "care", "worker", "children", "Respite", "went", "assessed"]}


def _answers(word: str, lang: str) -> tuple:
    return (dictionary.lemmas(word, lang), dictionary.forms(word, lang),
            dictionary.known(word, lang), dictionary.is_lemma(word, lang))


def _from_memory(word: str, lang: str) -> tuple:
    dictionary._LOADED.add(lang)
    try:
        return _answers(word, lang)
    finally:
        dictionary._LOADED.discard(lang)


@pytest.fixture
def from_cache(monkeypatch):
    """The cache path as a fresh process takes it (dictionary not held in memory)."""
    monkeypatch.setattr(dictionary, "_LOADED", set())
    lexicon_cache.open_lexicon.cache_clear()
    yield
    lexicon_cache.open_lexicon.cache_clear()


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_the_cache_answers_as_the_dictionary_in_memory(from_cache, lang):
    assert lexicon_cache.open_lexicon(lang, dictionary.dictionary) is not None
    for word in WORDS[lang]:
        assert _answers(word, lang) == _from_memory(word, lang), word


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(dictionary.dictionary("lt"))[::997]))
def test_any_listed_lithuanian_form_answers_the_same(word):
    dictionary._LOADED.discard("lt")
    try:
        cached = _answers(word, "lt")
    finally:
        dictionary._LOADED.add("lt")
    assert cached == _from_memory(word, "lt")


def test_an_unwritable_cache_falls_back_to_memory(from_cache, monkeypatch, tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(blocked / "cache"))
    assert lexicon_cache.open_lexicon("lt", dictionary.dictionary) is None
    assert "šeima" in dictionary.forms("šeimos", "lt")
