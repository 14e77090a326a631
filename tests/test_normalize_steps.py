"""`norm` and `fold` skip the steps that would change nothing (an import keys millions of
terms); the keys must be those of every step applied, on any text."""

import re
import sys
import unicodedata

from hypothesis import given, settings, strategies as st

from termbase.text import normalize
from termbase.text.normalize import fold, norm

# Text rich in what the skipped steps handle: typographic punctuation, letters folded by
# table, combining marks, every kind of whitespace at the edges and in runs.
tricky = st.text(alphabet=st.one_of(
    st.sampled_from("\u2019\u2018\u02bc\u2010\u2011\u2013\u2014\u00a0\u201e\u201c\u201d"
                    "łŁđøØħıæÆœŒŀßŉǣǿ\u0301\u0328\u030c \t\n\u2003\u3000\u2028\x85"
                    "aąęėšžAĄŠ-'"),
    st.characters(blacklist_categories=("Cs",))), max_size=40)
SPACES = re.compile(r"\s+")


def every_step_norm(text: str) -> str:
    key = unicodedata.normalize("NFC", text).casefold().translate(normalize.PUNCT_FOLDING)
    return SPACES.sub(" ", unicodedata.normalize("NFC", key)).strip()


def every_step_fold(text: str) -> str:
    key = every_step_norm(text)
    stripped = unicodedata.normalize("NFD", key).translate(normalize._MARKS)
    folded = unicodedata.normalize("NFC", stripped.translate(normalize._SPECIAL))
    return SPACES.sub(" ", folded).strip()


@settings(max_examples=1500)
@given(tricky)
def test_norm_is_every_step_applied(text):
    assert norm(text) == every_step_norm(text)


@settings(max_examples=1500)
@given(tricky)
def test_fold_is_every_step_applied(text):
    assert fold(text) == every_step_fold(text)


# Every character a skipped step acts on, taken from the tables themselves: a character
# added to one later is covered without editing the test.
from_tables = st.text(alphabet=st.sampled_from(sorted(
    {chr(c) for c in normalize.PUNCT_FOLDING} | {chr(c) for c in normalize._SPECIAL}
    | {chr(c).upper() for c in normalize._SPECIAL if len(chr(c).upper()) == 1}
    | set(" \t\u0301ab"))), max_size=12)


@settings(max_examples=500)
@given(from_tables)
def test_keys_of_text_made_of_what_the_tables_map(text):
    assert norm(text) == every_step_norm(text)
    assert fold(text) == every_step_fold(text)


def test_only_the_plain_space_is_both_whitespace_and_printable():
    """The skip of the whitespace step tests `isprintable()` for every other whitespace
    character: true of every code point of this Python's Unicode."""
    assert [hex(c) for c in range(sys.maxunicode + 1)
            if not 0xD800 <= c <= 0xDFFF and SPACES.match(chr(c)) and chr(c).isprintable()
            ] == ["0x20"]


def test_keys_of_real_terms():
    assert norm("Pracownik  socjalny\u00a0") == "pracownik socjalny"
    assert norm("child\u2019s allowance") == "child's allowance"
    assert fold("Łódzki ośrodek") == "lodzki osrodek"
    assert fold("ŠEIMOS  gerovė ") == "seimos gerove"
