"""The one place that reads and writes XML, so that every XML format is safe the same way.

Reading never expands entities, never loads a DTD, never touches the network and keeps
libxml2's size limits (huge_tree=False). A DOCTYPE that declares entities (billion laughs,
XXE) is refused before parsing starts; a plain `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` is fine
(the DTD is simply never fetched). Syntax errors become FormatError with a line number.

Writing streams one record at a time: records are built as small un-namespaced trees and
serialised under a root start tag that declares the default namespace (lxml's `xmlfile`
mangles `xml:lang` on the root and re-declares the namespace on every record).
"""

from __future__ import annotations

import codecs
import re
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from lxml import etree

from termbase.formats.base import FormatError

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
_PROLOG_LIMIT = 1 << 20            # a DOCTYPE longer than this is refused, not scanned
_ROOT_RE = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_SKIP_RE = re.compile(r"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\]\s*)?>)", re.S)


def _split_tag(tag: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark-notation tag, parsed by hand: etree.QName raises
    ValueError for a namespace URI containing '}' or an undeclared prefix ('x:tuv')."""
    if tag.startswith("{"):
        ns, sep, local = tag[1:].rpartition("}")
        if sep:
            return ns, local
    return "", tag


def localname(tag) -> str:
    return _split_tag(tag)[1] if isinstance(tag, str) else ""


def namespace(tag) -> str:
    return _split_tag(tag)[0] if isinstance(tag, str) else ""


def lang_of(elem) -> str:
    """xml:lang, or the `lang` attribute of old TMX 1.1 files."""
    return (elem.get(XML_LANG) or elem.get("lang") or "").strip()


def _decode_head(head: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, errors="ignore")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="ignore")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="ignore")
    return head.decode("latin-1")   # markup is ASCII in every encoding we accept


def root_name(head: bytes) -> str:
    """Local name of the first element in the first bytes of a file ('' if none is seen)."""
    text = _decode_head(head).lstrip("\ufeff")
    pos = 0
    while True:
        match = _SKIP_RE.match(text, pos)
        if not match:
            break
        pos = match.end()
    match = _ROOT_RE.match(text[pos:].lstrip())
    return match.group(2) if match else ""


def _refuse_entities(path: Path) -> None:
    """Refuse a DOCTYPE that declares entities, before libxml2 sees it. '<!ENTITY' cannot
    occur literally in element content (it would be '&lt;!ENTITY'), so any occurrence after
    the DOCTYPE is a declaration (or, harmlessly refused, one inside a comment)."""
    with open(path, "rb") as handle:
        head = handle.read(_PROLOG_LIMIT)
    text = _decode_head(head)
    start = text.find("<!DOCTYPE")
    if start < 0:
        return
    found = text.find("<!ENTITY", start)
    if found >= 0:
        raise FormatError("the DOCTYPE declares entities; refused for safety",
                          line=text.count("\n", 0, found) + 1)
    bracket, close = text.find("[", start), text.find(">", start)
    if close < 0 or (0 <= bracket < close and text.find("]", bracket) < 0):
        raise FormatError("the DOCTYPE is too long or unterminated; refused for safety")


def iterparse(path: Path, tags: Iterable[str], check_root: Callable[[etree._Element], None],
              events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, etree._Element]]:
    """Yield (event, element) for elements whose local name is in `tags`, in any namespace.

    `check_root` sees the root element before the first record (or at the end when there is
    none) and raises FormatError for a file of the wrong kind. After the caller has handled
    an "end" element it is cleared and dropped, so memory stays bounded.
    """
    path = Path(path)
    try:
        if path.stat().st_size == 0:
            raise FormatError(f"{path.name} is empty")
        _refuse_entities(path)
        context = etree.iterparse(
            str(path), events=events, tag=[f"{{*}}{t}" for t in tags],
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
            remove_comments=True, remove_pis=True)
    except OSError as exc:
        raise FormatError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    checked = False
    try:
        for event, elem in context:
            if not checked:
                tree = elem.getroottree()
                _check_docinfo(tree)
                check_root(tree.getroot())
                checked = True
            yield event, elem
            if event == "end":
                elem.clear(keep_tail=False)
                parent = elem.getparent()
                while parent is not None and elem.getprevious() is not None:
                    del parent[0]
        if not checked:
            check_root(context.root)
    except etree.XMLSyntaxError as exc:
        message, line = _syntax_error(exc, str(path))
        raise FormatError(f"malformed XML: {message}", line=line) from None
    except OSError as exc:
        raise FormatError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def _syntax_error(exc: etree.XMLSyntaxError, filename: str) -> tuple[str, int | None]:
    """The first real error libxml2 logged for this file (iterparse's own message can be a
    vague 'no element found'), on one line."""
    logged = [e for e in exc.error_log
              if e.level >= etree.ErrorLevels.ERROR and e.filename == filename]
    if logged:
        message, line = logged[0].message, logged[0].line
    else:
        message, line = exc.msg or str(exc), exc.lineno
    message = re.sub(r",? line \d+, column \d+$", "", message.strip())
    return " ".join(message.split()), line or None


def _check_docinfo(tree) -> None:
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise FormatError("the DOCTYPE declares entities; refused for safety")


def text_content(elem, keep: frozenset[str] = frozenset()) -> str:
    """The text of an element; inline children named in `keep` contribute their text, all
    others (placeholders, native codes) only what follows them."""
    parts = [elem.text or ""]
    for child in elem:
        if isinstance(child.tag, str) and localname(child.tag) in keep:
            parts.append(text_content(child, keep))
        parts.append(child.tail or "")
    return "".join(parts)


# ---------------------------------------------------------------- writing

def sub(parent, tag: str, text: str | None = None, attrib: dict | None = None):
    """Append a child element; refuse text that XML 1.0 cannot carry (e.g. U+FFFF)."""
    elem = etree.SubElement(parent, tag, attrib or {})
    if text is not None:
        set_text(elem, text)
    return elem


def set_text(elem, text: str) -> None:
    try:
        elem.text = text
    except ValueError:
        bad = next((f"U+{ord(c):04X}" for c in text if not _xml_char(c)), "a control character")
        raise FormatError(f"{text[:40]!r} contains {bad}, which XML cannot carry") from None


def _xml_char(ch: str) -> bool:
    code = ord(ch)
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


# Elements whose content is text that may hold inline markup (TMX seg/sub, TBX term, note,
# descrip, def and their kin, and the inline elements themselves): layout whitespace added
# inside one would be read back as part of the text, even when the content happens to be a
# single inline element such as <seg><hi>Warning</hi></seg>.
MIXED_CONTENT = frozenset({
    "seg", "sub", "term", "note", "descrip", "def", "termNote", "admin", "adminNote",
    "descripNote", "transacNote", "hi", "foreign", "mrk", "g", "ph", "bpt", "ept", "it", "ut"})


def indent(elem, level: int, step: str = "  ") -> None:
    """Pretty-print element-only content; mixed content (text beside elements, or an element
    that holds text by kind) is untouched."""
    children = list(elem)
    if not children or localname(elem.tag) in MIXED_CONTENT or (
            elem.text and elem.text.strip()) or any(
            c.tail and c.tail.strip() for c in children):
        return
    pad = "\n" + step * (level + 1)
    elem.text = pad
    for child in children:
        indent(child, level + 1, step)
        child.tail = pad
    children[-1].tail = "\n" + step * level


def _attr(value: str) -> str:
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
            .replace("\r", "&#13;"))


class XmlWriter:
    """Streams one XML document to a binary handle: declaration, optional DOCTYPE, nested
    container elements, and records serialised one at a time, indented by `step`."""

    def __init__(self, handle: IO[bytes], step: str = "  "):
        self.handle, self.step, self.depth = handle, step, 0

    def declaration(self, doctype: str | None = None) -> None:
        self.handle.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        if doctype:
            self.handle.write(doctype.encode("ascii") + b"\n")

    def _start(self, tag: str, attrib: Iterable[tuple[str, str]], empty: bool = False) -> None:
        attrs = "".join(f' {k}="{_attr(v)}"' for k, v in attrib)
        end = "/>" if empty else ">"
        self.handle.write(f"{self.step * self.depth}<{tag}{attrs}{end}\n".encode("utf-8"))

    @contextmanager
    def element(self, tag: str, attrib: Iterable[tuple[str, str]] = ()) -> Iterator[None]:
        """A container element; attributes are (name, value) pairs written in order, with
        literal names such as 'xmlns' or 'xml:lang'."""
        self._start(tag, attrib)
        self.depth += 1
        yield
        self.depth -= 1
        self.handle.write(f"{self.step * self.depth}</{tag}>\n".encode("utf-8"))

    def empty(self, tag: str, attrib: Iterable[tuple[str, str]] = ()) -> None:
        self._start(tag, attrib, empty=True)

    def write(self, elem) -> None:
        indent(elem, self.depth, self.step)
        self.handle.write(self.step.encode() * self.depth)
        self.handle.write(etree.tostring(elem, encoding="UTF-8", with_tail=False))
        self.handle.write(b"\n")
