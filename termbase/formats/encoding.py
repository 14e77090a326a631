"""Decoding text files whose encoding nobody wrote down.

Translators receive UTF-8 (with or without BOM), UTF-16 from Excel, and legacy Windows code
pages of the region: cp1250 (Polish) and cp1257 (Baltic). The two code pages decode any byte,
so we choose by which gives more letters of the languages we expect, and refuse text that is
mostly control characters or otherwise implausible.
"""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path
from typing import TextIO

from termbase.formats.base import FormatError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A valid two- or three-byte UTF-8 sequence; in a legacy code page such pairs occur only by
# chance (cp1250 'ÓŁ' is D3 A3), so a sequence counts as UTF-8 evidence only if it decodes to
# a Latin letter (U+00C0-U+024F, U+1E00-U+1EFF).
_UTF8_SEQ = re.compile(rb"[\xc3-\xc9][\x80-\xbf]|\xe1[\xb8-\xbb][\x80-\xbf]")
SCAN_CHUNK = 1 << 20
_EXPECTED = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻčėįšųūžČĖĮŠŲŪŽ")
NAME_ENCODING = "name the encoding with --encoding"
SAVE_AS_UTF8 = "save it as UTF-8"   # for commands that have no --encoding option


def _plausibility(text: str) -> float:
    """Share of characters that are letters, digits, spacing or common punctuation."""
    if not text:
        return 1.0
    good = 0
    for ch in text:
        if ch.isalnum() or ch in " \t\r\n,.;:!?'\"()-_/[]{}|%&+*=<>@#€§°–—„”“’«»…":
            good += 1
    return good / len(text)


def _nul_bytes(name: str, advice: str = NAME_ENCODING) -> FormatError:
    return FormatError(f"{name} contains NUL bytes: binary data, or UTF-16 without a "
                       f"byte-order mark ({advice})")


def _not_text(name: str, used: str, advice: str = NAME_ENCODING) -> FormatError:
    return FormatError(f"{name} does not look like text in {used} (binary or wrong "
                       f"encoding); {advice}")


def _invalid(name: str, codec: str, byte: int, after_bom: bool) -> FormatError:
    if after_bom:
        return FormatError(f"{name}: invalid {codec} after its byte-order mark (byte {byte})")
    return FormatError(f"{name} is not valid {codec} (byte {byte})")


def _file_offset(codec: str, position: int, head: bytes) -> int:
    """Python's utf-8-sig decoder counts positions after the BOM it skipped; a byte offset
    for the user counts from the start of the file."""
    try:
        canonical = codecs.lookup(codec).name
    except LookupError:
        return position
    skipped = canonical == "utf-8-sig" and head.startswith(codecs.BOM_UTF8)
    return position + (len(codecs.BOM_UTF8) if skipped else 0)


def decode(raw: bytes, encoding: str | None = None, name: str = "file",
           advice: str = NAME_ENCODING) -> tuple[str, str]:
    """Return (text, encoding used). Raises FormatError for binary or undecodable input;
    `advice` ends the message (SAVE_AS_UTF8 where the command takes no --encoding)."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise FormatError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise _invalid(name, encoding, _file_offset(encoding, exc.start, raw),
                           False) from None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise _invalid(name, codec, _file_offset(codec, exc.start, raw),
                               True) from None
    if b"\x00" in raw:
        raise _nul_bytes(name, advice)
    legacy = False
    try:
        # Random bytes are almost never valid UTF-8, so a strict decode is strong evidence.
        text, used = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_mixed(raw, exc.start, name, advice)
        candidates = [(raw.decode(cp, errors="replace"), cp) for cp in ("cp1250", "cp1257")]
        text, used = max(candidates, key=lambda c: sum(ch in _EXPECTED for ch in c[0]))
        legacy = True
    if _CONTROL.search(text) or (legacy and _plausibility(text[:200_000]) < 0.9):
        raise _not_text(name, used, advice)
    return text, used


def _utf8_letters(raw: bytes) -> int:
    count = 0
    for match in _UTF8_SEQ.finditer(raw):
        ch = match.group().decode("utf-8")
        if ch.isalpha() and ch not in "\u00d7\u00f7":
            count += 1
    return count


def _refuse_mixed(raw: bytes, bad: int, name: str, advice: str = NAME_ENCODING) -> None:
    """Refuse a file that is partly UTF-8 and partly something else: decoding all of it in a
    legacy code page would turn every UTF-8 letter into mojibake ('ż' -> 'Å¼')."""
    if _utf8_letters(raw) < 2:
        return
    # Evidence beyond chance: some whole line that is valid UTF-8 with a Latin letter in it.
    for line in raw.splitlines():
        if not _UTF8_SEQ.search(line):
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if _utf8_letters(line):
            lineno = raw.count(b"\n", 0, bad) + 1
            raise FormatError(f"{name} line {lineno}: not valid UTF-8 while other lines are; "
                              f"mixed encodings? {advice}")
    # One line, or every line with a stray byte: the UTF-8 letters are still the evidence
    # when they hold nearly all the bytes above ASCII (in a real cp1250 or cp1257 text they
    # are rare chance pairs).
    above_ascii = sum(byte >= 0x80 for byte in raw)
    in_letters = sum(len(m.group()) for m in _UTF8_SEQ.finditer(raw))
    if in_letters >= 0.8 * above_ascii:
        lineno = raw.count(b"\n", 0, bad) + 1
        raise FormatError(f"{name} line {lineno}: a byte that is not UTF-8 (offset {bad}) in "
                          f"text that otherwise is; mixed encodings? {advice}")


class _NotUTF8(Exception):
    pass


def open_text(path: Path, encoding: str | None = None) -> tuple[TextIO, str]:
    """Open a text file for streaming, with the encoding `decode` would choose.

    A large UTF-8 file (the common case) is checked in one streaming pass - valid, no NUL
    bytes, no control characters - and then read as a stream, so a million-row import
    never holds the file's bytes or text whole. Files in a legacy code page are rare and
    small; they are decoded whole by `decode`, which needs all the evidence at once."""
    path = Path(path)
    with open(path, "rb") as handle:
        head = handle.read(4)
    bom_codec = next((c for bom, c in _BOMS if head.startswith(bom)), None)
    codec = encoding or bom_codec
    try:
        _scan(path, codec or "utf-8", after_bom=bool(bom_codec and not encoding),
              strict_text=codec is None)
    except _NotUTF8:
        text, used = decode(path.read_bytes(), None, name=path.name)
        return io.StringIO(text, newline=""), used
    return open(path, encoding=codec or "utf-8", newline=""), codec or "utf-8"


def _scan(path: Path, codec: str, after_bom: bool, strict_text: bool) -> None:
    """Decode the whole file in chunks, keeping nothing, and raise what `decode` would.
    `strict_text`: the file is being tried as UTF-8 without a BOM, so NUL bytes and control
    characters are refused, and invalid UTF-8 raises _NotUTF8 (a code page, then). A control
    character only counts once the whole file is known to be UTF-8."""
    try:
        decoder = codecs.getincrementaldecoder(codec)("strict")
    except LookupError:
        raise FormatError(f"unknown encoding {codec!r}") from None
    offset, control_seen = 0, False
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(SCAN_CHUNK)
            if strict_text and b"\x00" in chunk:
                raise _nul_bytes(path.name)
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                if strict_text:
                    raise _NotUTF8() from None
                where = offset - pending + exc.start
                if offset == 0:
                    where = _file_offset(codec, where, chunk)
                raise _invalid(path.name, codec, max(where, 0), after_bom) from None
            control_seen = control_seen or (strict_text and bool(_CONTROL.search(text)))
            if not chunk:
                break
            offset += len(chunk)
    if control_seen:
        raise _not_text(path.name, codec)
