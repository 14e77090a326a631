"""Input files -> numbered passages (one line of plain text, or one TMX/XLIFF segment).

Plain text is read line by line, in whatever encoding it came (the importer's detection:
UTF-8, UTF-16, cp1250, cp1257). XML files go through the format registry's TMX and XLIFF
readers, taking the text of the wanted language from each segment; the passage's line is
the segment's line in the file, so a context snippet can be found again.
"""

from __future__ import annotations

import re

from pathlib import Path
from typing import Iterator, NamedTuple

from termbase.formats.base import FormatError, ReadOptions
from termbase.model import Segment, ValidationError
from termbase.text.placeholders import without_tags

XML_SUFFIXES = (".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff")


class Passage(NamedTuple):
    file: str
    line: int
    text: str


class SegmentPair(NamedTuple):
    file: str
    line: int
    source: str
    target: str


def _is_xml(path: Path) -> bool:
    if path.suffix.lower() in XML_SUFFIXES:
        return True
    with open(path, "rb") as handle:
        head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<tmx", b"<xliff"))


is_xml = _is_xml  # public: `candidates` checks what it was given before aligning


def _read_text(path: Path, encoding: str | None) -> str:
    from termbase.formats.encoding import decode

    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise FormatError(f"{path} is a directory, not a file") from None
    return decode(raw, encoding, name=path.name)[0]


def _segments(path: Path, one_language: bool = False) -> Iterator[tuple[int, Segment]]:
    from termbase import formats

    try:
        fmt = formats.detect(path)
    except FormatError as exc:
        if "cannot recognise" not in str(exc):
            raise
        raise FormatError(f"{path.name} is XML but neither TMX nor XLIFF") from None
    if fmt.kind == "terms" or not fmt.read:
        raise FormatError(f"{path.name}: {fmt.name} holds terms, not text to extract from")
    for entry in fmt.read(path, ReadOptions(one_language=one_language)):
        if isinstance(entry.item, Segment):
            yield entry.line, entry.item


def _text_in(segment: Segment, lang: str) -> str:
    """The segment's text in `lang`, tag placeholders of inline codes left out."""
    for code, text in segment.texts.items():
        if code.split("-")[0].lower() == lang:
            return without_tags(text or "")
    return ""


def read_passages(path: Path, lang: str, encoding: str | None = None) -> Iterator[Passage]:
    """Non-empty passages of `lang` in one file."""
    path = Path(path)
    if _is_xml(path):
        for line, segment in _segments(path, one_language=True):  # untranslated units too
            text = _text_in(segment, lang).strip()
            if text:
                yield Passage(path.name, line, text)
        return
    for number, line in _joined_lines(_read_text(path, encoding).splitlines()):
        yield Passage(path.name, number, line)


def _joined_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(number, text) of the non-empty lines, stripped, with the lines a PDF or an e-mail
    broke joined again, each passage numbered by its first line:
    - a word hyphenated at a line's end ("społecz-" + "nej") is joined with the next line
      when that begins in lower case, across blank lines too (a page break); a compound's
      own hyphen stays ("opiekuńczo-" + "wychowawcza"): see `_keeps_hyphen`;
    - a line hard-wrapped inside a sentence (as long as the document's wrapped lines, no
      punctuation at its end) goes on into the next when that begins with a letter
      ("... posiedzenie Zespołu" + "interdyscyplinarnego ..."); a blank line, or a next
      line opening with a number, dash or bullet (a list), ends it.
    Short lines (a list of terms, headings) stay apart, and so does a numbered heading
    ("1 straipsnis. Socialinės paslaugos", "Art. 5. Usługi opiekuńcze") before a line
    opening with a capital: in a short document it is as long as the wrapped lines, and
    "socialinės paslaugos socialinė paslauga" came out of the heading and the sentence."""
    wrap = _wrap_width(lines)
    spelled: set[str] | None = None  # the document's words, made on first need
    pending: tuple[int, str] | None = None  # a passage that may go on in the next line
    blank = False  # a blank line since the pending one
    for number, raw in enumerate(lines, 1):
        line, start = raw.strip(), number
        if not line:
            blank = True
            continue
        if pending is not None:
            if line[:1].islower() and _hyphenated(pending[1]):
                head, hyphen = pending[1][:-1], pending[1][-1]
                if spelled is None:
                    spelled = _spellings(lines)
                joint = "-" if hyphen != "\u00ad" and _keeps_hyphen(head, line, spelled) \
                    else ""
                start, line = pending[0], head + joint + line
            elif line[:1].isalpha() and not blank and not _hyphenated(pending[1]) and not (
                    line[:1].isupper() and _HEADING.match(pending[1])):
                start, line = pending[0], f"{pending[1]} {line}"
            else:
                yield pending
            pending = None
        blank = False
        if _hyphenated(line) or _wrapped(line, wrap):
            pending = (start, line)
        else:
            yield start, line
    if pending is not None:
        yield pending


# A heading's number: a Lithuanian article, section or chapter ("1 straipsnis", "II
# skyrius"), a Polish article, paragraph or chapter ("Art. 5.", "§ 3.", "Rozdział 2")
_HEADING = re.compile(r"(?:\d+[a-z]?\s+(?:straipsnis|skirsnis|skyrius)\b"
                      r"|[IVXL]+\s+(?:skyrius|skirsnis)\b"
                      r"|(?:art\.?|§)\s*\d+[a-z]?\."
                      r"|(?:rozdział|dział)\s+(?:\d+|[IVXL]+)\b)", re.IGNORECASE)


def _wrap_width(lines: list[str]) -> int:
    """How long a line must be to have been wrapped: near the document's longest (a line
    wrapped at 60 columns before a long word can be well short of 60), never under 30
    characters (shorter lines are lists and headings)."""
    longest = max((len(line.strip()) for line in lines), default=0)
    return max(30, int(longest * 0.6))


def _wrapped(line: str, wrap: int) -> bool:
    """Long enough, no punctuation at the end, and no heading in capitals."""
    return len(line) >= wrap and line[-1:].isalnum() and not line.isupper()


_LINE_END_HYPHENS = ("-", "\u2010", "\u00ad")  # hyphen-minus, hyphen, soft hyphen
_LAST_WORD = re.compile(r"(\w+)$")
_FIRST_WORD = re.compile(r"^(\w+)")
_WORD = re.compile(r"\w+(?:-\w+)*")


def _hyphenated(line: str) -> bool:
    return len(line) > 2 and line.endswith(_LINE_END_HYPHENS) and line[-2].isalpha()


def _spellings(lines: list[str]) -> set[str]:
    """Every word of the document in lower case, and each pair of a hyphenated compound's
    parts as written ("opiekuńczo-wychowawczej"): read once, looked up per line end."""
    found: set[str] = set()
    for line in lines:
        for word in _WORD.findall(line.lower()):
            parts = word.split("-")
            found.update(parts)
            found.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
    return found


def _keeps_hyphen(head: str, tail: str, spelled: set[str]) -> bool:
    """Whether the hyphen that ended `head` belongs to the word (a compound) rather than
    to the line break. The document decides where it can (`spelled`, its words): the word
    written hyphenated or whole elsewhere in it. Otherwise a first part ending in -o is
    taken for a compound's ("opiekuńczo-wychowawczy", "społeczno-zawodowy"): a line break
    rarely falls there in a simple word, and a wrongly kept hyphen only splits a word
    where a wrongly dropped one makes a non-word. (A soft hyphen is never the word's: the
    caller.)"""
    before, after = _LAST_WORD.search(head), _FIRST_WORD.search(tail)
    if before is None or after is None:
        return False
    first, second = before.group(1).lower(), after.group(1).lower()
    if f"{first}-{second}" in spelled:
        return True
    if first + second in spelled:
        return False
    return len(first) >= 4 and first.endswith("o")


def read_bilingual(path: Path, source: str, target: str) -> list[SegmentPair]:
    """Segments of a TMX or XLIFF file that have text in both languages."""
    path = Path(path)
    pairs = []
    for line, segment in _segments(path):
        src, tgt = _text_in(segment, source).strip(), _text_in(segment, target).strip()
        if src and tgt:
            pairs.append(SegmentPair(path.name, line, src, tgt))
    return pairs


def read_line_aligned(source_path: Path, target_path: Path,
                      encoding: str | None = None) -> list[SegmentPair]:
    """Two plain-text files whose line N translate each other (blank in both: skipped)."""
    src_lines = _read_text(Path(source_path), encoding).splitlines()
    tgt_lines = _read_text(Path(target_path), encoding).splitlines()
    while src_lines and not src_lines[-1].strip():
        src_lines.pop()
    while tgt_lines and not tgt_lines[-1].strip():
        tgt_lines.pop()
    if len(src_lines) != len(tgt_lines):
        raise ValidationError(
            f"{Path(source_path).name} has {len(src_lines)} lines but "
            f"{Path(target_path).name} has {len(tgt_lines)}: the files are not line-aligned")
    name = Path(source_path).name
    return [SegmentPair(name, number, src.strip(), tgt.strip())
            for number, (src, tgt) in enumerate(zip(src_lines, tgt_lines), 1)
            if src.strip() and tgt.strip()]
