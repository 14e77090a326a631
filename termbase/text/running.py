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
from typing import Iterator

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
    and every other word goes to lower case. A run of words the other lines write in the
    same forms takes their spelling of the run as a whole (`_run_spellings`): a name keeps
    all its capitals although some of its words, alone, are common words in lower case.
    Each character keeps its place (offsets of contexts still agree), and with no such
    line nothing changes. A heading in capitals after its number in running case ("Art. 5.
    USŁUGI OPIEKUŃCZE", "1 straipsnis. SOCIALINĖS PASLAUGOS") is one too: it gave
    "USŁUGI OPIEKUŃCZE" and "USŁUGA"."""
    starts = [_capitals_from(text) for text in texts]
    if all(start is None for start in starts):
        return texts
    in_capitals = [start is not None for start in starts]
    seen: dict[str, Counter] = {}
    for text, start in zip(texts, starts):
        text = text if start is None else text[:start]
        for match in _WORD.finditer(text):
            if not _opens_sentence(text[:match.start()]):   # that says nothing of case
                seen.setdefault(match.group().lower(), Counter())[match.group()] += 1
    runs = _runs_written_elsewhere(
        [text if start is None else text[start:] for text, start in zip(texts, starts)],
        in_capitals, seen)

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

        spellings = [spelt(match) for match in words]
        for start, spelling in _run_spellings(text, words, runs):
            for n, word in enumerate(spelling, start):
                if word is not None and len(word) == len(spellings[n]):
                    spellings[n] = word
        out, last = [], 0
        for match, word in zip(words, spellings):
            out.append(text[last:match.start()] + word)
            last = match.end()
        return "".join(out) + text[last:]

    return [text if start is None else text[:start] + recased(text[start:])
            for text, start in zip(texts, starts)]


MAX_RUN = 8   # words; a name written in capitals is seldom longer


def _keys(text: str, words: list[re.Match], lower: list[str], i: int
          ) -> Iterator[tuple[int, str]]:
    """(j, key) for the runs of words i..j-1, two to `MAX_RUN` long: the words in lower
    case with what stands between them (spaces as one), up to where something other than
    spaces or a hyphen parts two of them (a comma, a period: no longer one name)."""
    key = lower[i]
    for k in range(i + 1, min(i + MAX_RUN, len(words))):
        gap = text[words[k - 1].end():words[k].start()]
        gap = " " if not gap.strip() else gap
        if gap not in (" ", "-"):
            return
        key = f"{key}{gap}{lower[k]}"
        yield k + 1, key


def _runs_written_elsewhere(texts: list[str], in_capitals: list[bool],
                            seen: dict[str, Counter]) -> dict[str, list]:
    """For each run of two to `MAX_RUN` words of a line in capitals that the other lines
    write too (the same forms, in the same order), how they spell it: a Counter of the
    spellings of the words after the first, and one of the first word's spellings where it
    does not open a sentence (there its capital says nothing). Only runs holding a word
    that `seen` (the other lines' spellings) ever capitalises: any other run is written in
    lower case, as its words alone are."""
    if all(in_capitals):
        return {}
    capitalised = {word for word, spellings in seen.items()
                   if any(s[:1].isupper() for s in spellings)}
    wanted: set[str] = set()
    prefixes: set[str] = set()
    for text, capitals in zip(texts, in_capitals):
        if capitals:
            words = list(_WORD.finditer(text))
            lower = [w.group().lower() for w in words]
            nearest = len(words)  # the first word from i on that `seen` capitalises
            after: list[int] = [nearest] * len(words)
            for i in range(len(words) - 1, -1, -1):
                if lower[i] in capitalised:
                    nearest = i
                after[i] = nearest
            for i in range(len(words)):
                if after[i] - i >= MAX_RUN:
                    continue
                keys = [lower[i], *(key for _j, key in _keys(text, words, lower, i))]
                if len(keys) > max(1, after[i] - i):
                    prefixes.update(keys)
                    wanted.update(keys[max(1, after[i] - i):])
    if not wanted:
        return {}
    runs: dict[str, list] = {}
    for text, capitals in zip(texts, in_capitals):
        if capitals:
            continue
        words = list(_WORD.finditer(text))
        lower = [w.group().lower() for w in words]
        for i in range(len(words)):
            if lower[i] not in prefixes:
                continue
            for j, key in _keys(text, words, lower, i):
                if key in wanted:
                    spellings = runs.get(key)
                    if spellings is None:
                        spellings = runs[key] = [Counter(), Counter()]
                    first, rest = spellings
                    if not _opens_sentence(text[:words[i].start()]):
                        first[words[i].group()] += 1
                    rest[tuple(w.group() for w in words[i + 1:j])] += 1
                elif key not in prefixes:
                    break
    return runs


def _run_spellings(text: str, words: list[re.Match], runs: dict
                   ) -> list[tuple[int, list[str | None]]]:
    """Where the other lines write a run of this capitals line's words, the run's spelling
    as a whole (its first word None where the other lines only open sentences with it):
    the longest runs first, and of two as long a capitalised one first, none overlapping.
    So "KIEROWNIK GMINNEGO OŚRODKA POMOCY SPOŁECZNEJ" next to "Kierownik Gminnego Ośrodka
    Pomocy Społecznej" keeps the name's capitals together, although "pomocy społecznej"
    alone is written in lower case more often."""
    found = []
    lower = [w.group().lower() for w in words]
    for i in range(len(words)):
        for j, key in _keys(text, words, lower, i):
            if key in runs:
                first, rest = runs[key]
                spelling = [first.most_common(1)[0][0] if first else None,
                            *rest.most_common(1)[0][0]]
                capitalised = any(w is not None and w[:1].isupper() for w in spelling)
                found.append((j - i, capitalised, i, spelling))
    found.sort(key=lambda run: (-run[0], not run[1], run[2]))
    taken: set[int] = set()
    chosen = []
    for length, _, i, spelling in found:
        if taken.isdisjoint(range(i, i + length)):
            taken.update(range(i, i + length))
            chosen.append((i, spelling))
    return chosen


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
