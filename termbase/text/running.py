"""Running text as the extractor and aligner should see it.

Text pasted from Word or a PDF often arrives decomposed (NFD: "ą" as a + U+0328) or with
invisible characters inside words (a soft hyphen, a zero-width space or joiner). The
tokenizer's word pattern stops at both, so "społecznej" came out as "spo" + "łecznej" and
no term was found. Composing and dropping those characters first keeps the words whole;
contexts are cut from this same text, so their offsets still agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM as ZWNBSP
_INSIDE_WORDS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def as_words(text: str) -> str:
    """`text` composed (NFC) and without the invisible characters that split a word."""
    return unicodedata.normalize("NFC", _INSIDE_WORDS.sub("", text))


LONG_LINE = 20_000   # characters; a line this long is a whole document without line breaks
PIECE = 2_000        # about the length of the pieces it is cut into
_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+")


def pieces(line: str) -> list[str]:
    """A very long line (a PDF or web page saved without line breaks) cut at sentence ends
    into pieces of about `PIECE` characters; any other line whole. Candidates never cross a
    sentence end, so nothing is lost, and counting a line costs time growing with its
    square: five megabytes on one line took minutes, cut they take as long as on many."""
    if len(line) < LONG_LINE:
        return [line]
    cut, start = [], 0
    for end in _SENTENCE_END.finditer(line):
        if end.start() - start >= PIECE:
            cut.extend(_without_sentence_ends(line[start:end.start()]))
            start = end.end()
    cut.extend(_without_sentence_ends(line[start:]))
    return [piece for piece in cut if piece.strip()]


_CLAUSE_END = re.compile(r"(?<=[,:])\s*|\s+")


def _without_sentence_ends(text: str) -> list[str]:
    """A stretch as long as a long line with no sentence end in it (words listed with
    commas, a table's cells, "słowo,słowo,..."), cut after a comma or colon, else at a
    space, into pieces of about `PIECE` characters: whole, two megabytes of it took six
    minutes. Such a stretch is no running text, and a phrase cut there is rare."""
    if len(text) < LONG_LINE:
        return [text]
    cut, start = [], 0
    for end in _CLAUSE_END.finditer(text):
        if end.start() - start >= PIECE:
            cut.append(text[start:end.start()])
            start = end.end()
    cut.append(text[start:])
    return cut


_WORD = re.compile(r"\w+")
_ROMAN = re.compile(r"(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})")


def _all_capitals(text: str) -> bool:
    """A heading or a document typed in capitals: every cased letter upper, and enough of
    them to tell (a line holding only "GOPS" is an abbreviation, not a heading)."""
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= 5 and all(c.isupper() for c in cased) and \
        any(len(word) >= 5 for word in _WORD.findall(text))


def in_running_case(texts: list[str]) -> list[str]:
    """`texts` with each line written all in capitals put in the case of running text, so
    that its words are read and declined like any others ("PASLAUGOS GAVĖJAI" is
    "paslaugos gavėjai"). A word takes the spelling the other lines give it (a name keeps its
    capital), an abbreviation they write in capitals and a Roman numeral stay as they are,
    and every other word goes to lower case. Each character keeps its place (offsets of
    contexts still agree), and with no such line nothing changes. A heading in capitals
    after its number in running case ("Art. 5. USŁUGI OPIEKUŃCZE", "1 straipsnis.
    SOCIALINĖS PASLAUGOS") is one too: it gave "USŁUGI OPIEKUŃCZE" and "USŁUGA"."""
    starts = [_capitals_from(text) for text in texts]
    if all(start is None for start in starts):
        return texts
    seen: dict[str, Counter] = {}
    for text, start in zip(texts, starts):
        text = text if start is None else text[:start]
        for match in _WORD.finditer(text):
            if not _opens_sentence(text[:match.start()]):   # that says nothing of case
                seen.setdefault(match.group().lower(), Counter())[match.group()] += 1

    def recased(text: str) -> str:
        words = list(_WORD.finditer(text))

        def spelt(match: re.Match) -> str:
            word = match.group()
            known = seen.get(word.lower())
            if known:
                usual = known.most_common(1)[0][0]
                return usual if len(usual) == len(word) else word
            # a chapter's number opens its heading or stands beside one word ("SKYRIUS
            # IV"); elsewhere "I" is a conjunction and CIVIL a word
            numeral = _ROMAN.fullmatch(word) and (match.start() == words[0].start() or len(words) <= 2)
            return word if numeral else _same_length_lower(word)

        return _WORD.sub(spelt, text)

    return [text if start is None else text[:start] + recased(text[start:])
            for text, start in zip(texts, starts)]


_NUMBER_END = re.compile(r"[.):]\s+")
HEADING_NUMBER_MAX = 25  # characters of a heading's number before its title in capitals


def _capitals_from(text: str) -> int | None:
    """Where `text`'s heading in capitals starts: 0 for a line all in capitals, the end of
    a short number before the title in capitals ("Art. 5. ", "1 straipsnis. "), or None."""
    if _all_capitals(text):
        return 0
    for end in _NUMBER_END.finditer(text, 0, HEADING_NUMBER_MAX + 1):
        if _A_NUMBER.search(text[:end.start()]) and _all_capitals(text[end.end():]):
            return end.end()
    return None


_A_NUMBER = re.compile(r"\d|§|\b[IVXL]+\b")  # a sentence before capitals is no number


_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_OPEN = re.compile(r"[.!?:;…]\s*$")


def _opens_sentence(before: str) -> bool:
    """Whether a word after `before` opens its line or a sentence ("1. Asmeninio")."""
    return not _LETTER.search(before) or bool(_SENTENCE_OPEN.search(before))


def _same_length_lower(word: str) -> str:
    """Lower case letter by letter, where that keeps the letter one character ("İ" stays)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)
