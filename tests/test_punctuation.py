"""Punctuation variants of translation-memory segments folded to one spelling."""

from hypothesis import given, strategies as st

from termbase.text.normalize import tokenize
from termbase.text.punctuation import normalise_punctuation

any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
QUOTES = ['"', "\u201e", "\u201c", "\u201d", "\u00ab", "\u00bb"]
DASHES = ["-", "\u2013", "\u2014", "\u2212"]
SPACES = [" ", "\u00a0", "\u202f", "\u2009"]
words = st.text(alphabet="aąčęėįłńóšųūżAĄŁŠŽ0123456789", min_size=1, max_size=10)


@given(any_text)
def test_normalising_twice_changes_nothing(text):
    once = normalise_punctuation(text)
    assert normalise_punctuation(once) == once


@given(any_text)
def test_words_and_their_case_are_kept(text):
    assert [t.text for t in tokenize(normalise_punctuation(text))] == \
        [t.text for t in tokenize(text)]


@given(st.lists(words, min_size=2, max_size=6), st.data())
def test_segments_differing_in_quote_dash_and_space_style_become_equal(parts, data):
    def styled() -> str:
        quote = data.draw(st.sampled_from(QUOTES))
        close = data.draw(st.sampled_from(QUOTES))
        dash = data.draw(st.sampled_from(DASHES))
        space = data.draw(st.sampled_from(SPACES))
        return f"{quote}{parts[0]}{close}{space}{dash}{space}" + space.join(parts[1:])

    assert normalise_punctuation(styled()) == normalise_punctuation(styled())


def test_polish_and_lithuanian_typography():
    assert normalise_punctuation("„Karta Dużej Rodziny” – od 2024\u00a0r.…") == \
        '"Karta Dużej Rodziny" - od 2024 r....'
    assert normalise_punctuation("«Vaikų globos namai»\u2009—\u20092025–2026") == \
        '"Vaikų globos namai" - 2025-2026'
    assert normalise_punctuation("Ośrodek Pomocy Społecznej") == "Ośrodek Pomocy Społecznej"
