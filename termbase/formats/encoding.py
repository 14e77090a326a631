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


def _plausibility(text: str) -> float:
    """Share of characters that are letters, digits, spacing or common punctuation."""
    if not text:
        return 1.0
    good = 0
    for ch in text:
        if ch.isalnum() or ch in " \t\r\n,.;:!?'\"()-_/[]{}|%&+*=<>@#€§°–—„”“’«»…":
            good += 1
    return good / len(text)


def decode(raw: bytes, encoding: str | None = None, name: str = "file") -> tuple[str, str]:
    """Return (text, encoding used). Raises FormatError for binary or undecodable input."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise FormatError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise FormatError(f"{name} is not valid {encoding} (byte {exc.start})") from None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise FormatError(f"{name}: invalid {codec} after its byte-order mark "
                                  f"(byte {exc.start})") from None
    if b"\x00" in raw:
        raise FormatError(f"{name} contains NUL bytes: binary data, or UTF-16 without a "
                          "byte-order mark (name the encoding with --encoding)")
    legacy = False
    try:
        # Random bytes are almost never valid UTF-8, so a strict decode is strong evidence.
        text, used = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_mixed(raw, exc.start, name)
        candidates = [(raw.decode(cp, errors="replace"), cp) for cp in ("cp1250", "cp1257")]
        text, used = max(candidates, key=lambda c: sum(ch in _EXPECTED for ch in c[0]))
        legacy = True
    if _CONTROL.search(text) or (legacy and _plausibility(text[:200_000]) < 0.9):
        raise FormatError(f"{name} does not look like text in {used} (binary or wrong "
                          "encoding); name the encoding with --encoding")
    return text, used


def _utf8_letters(raw: bytes) -> int:
    count = 0
    for match in _UTF8_SEQ.finditer(raw):
        ch = match.group().decode("utf-8")
        if ch.isalpha() and ch not in "\u00d7\u00f7":
            count += 1
    return count


def _refuse_mixed(raw: bytes, bad: int, name: str) -> None:
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
                              "mixed encodings? name the encoding with --encoding")


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
    if encoding:
        _scan(path, encoding, lambda byte: f"{path.name} is not valid {encoding} (byte {byte})")
        codec = encoding
    elif bom_codec:
        _scan(path, bom_codec, lambda byte: f"{path.name}: invalid {bom_codec} after its "
                                            f"byte-order mark (byte {byte})")
        codec = bom_codec
    else:
        try:
            _scan(path, "utf-8", None)
        except _NotUTF8:
            text, used = decode(path.read_bytes(), None, name=path.name)
            return io.StringIO(text, newline=""), used
        codec = "utf-8"
    return open(path, encoding=codec, newline=""), codec


def _scan(path: Path, codec: str, invalid_message) -> None:
    """Decode the whole file in chunks, keeping nothing, and raise what `decode` would.
    Without `invalid_message` the file is being tried as BOM-less UTF-8: then NUL bytes and
    control characters are refused and invalid UTF-8 raises _NotUTF8 (try a code page)."""
    try:
        decoder = codecs.getincrementaldecoder(codec)("strict")
    except LookupError:
        raise FormatError(f"unknown encoding {codec!r}") from None
    offset = 0
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(SCAN_CHUNK)
            if invalid_message is None and b"\x00" in chunk:
                raise FormatError(f"{path.name} contains NUL bytes: binary data, or UTF-16 "
                                  "without a byte-order mark (name the encoding with "
                                  "--encoding)")
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                if invalid_message is None:
                    raise _NotUTF8() from None
                raise FormatError(invalid_message(max(offset - pending + exc.start, 0))
                                  ) from None
            if invalid_message is None and _CONTROL.search(text):
                raise FormatError(f"{path.name} does not look like text in utf-8 (binary or "
                                  "wrong encoding); name the encoding with --encoding")
            if not chunk:
                return
            offset += len(chunk)
