"""What TBX-Basic 2019 (`tbx`) and TBX v2 / martif (`tbx2`) share: the mapping between the
model and TBX data categories, one reader for both, and one writer parameterised by element
names. The two format modules only name their dialect.

Mapping decisions (lossless, and valid against the TBX-Basic RNG + Schematron):

* Data-category values are read through the one table in `datacats`; the file's own value
  (standardizedTerm-admn-sts, entryTerm) is kept and written back while it still means the
  model's value. Categories and values the model has no field for are kept as they are and
  written back as the element they came from where the dialect allows it, else as a note
  "kept as is: <element> <type> = <value>" the reader recognises.
* A value the dialect's picklist lacks (Term.status "forbidden": TBX-Basic's
  administrativeStatus picklist has no such value) is
  written as deprecatedTerm-admn-sts (what a tool that knows only TBX-Basic should take from
  it) inside a <termNoteGrp> whose <note> reads "forbiddenTerm-admn-sts". termNoteGrp/note
  is TBX core, unrestricted by the Basic Schematron, and it qualifies that very termNote, so
  it cannot be mistaken for the term's own note. Term.pos "properNoun" (not in Basic's
  partOfSpeech picklist) is written the same way: noun, refined by a note "properNoun".
  TBX v2 has no termNoteGrp inside <tig>, so such terms use <ntig><termGrp> there.
* Term.forms: a term-level <note> "inflected forms: " listing each form as
  <hi type="entailedTerm">. Plain notes never have <hi> children (we write them as text), so
  the reader tells the two apart by structure. With WriteOptions.with_forms the forms (of
  WriteOptions.source_lang only, when that is set) are written instead as terms of termType
  "variant" right after their base term, so that tools without morphology match inflected
  source text. Each carries <ref type="crossReference" target="(base term's id)">inflected
  form of: (base)</ref>: a valid link to the base term that OmegaT and translate-toolkit do
  not pour into their comments; the reader folds those terms back into the base's forms.
* Concept.sources and Term.source: <admin type="source"> at concept and term level.
* Concept.created/modified (+ _by): <transacGrp> with transactionType origination /
  modification, <date> and <transacNote type="responsibility">. A date that is not an
  xsd:date/dateTime (the store writes ISO dateTimes, which are) goes into the group's <note>.
* Definitions: in the language section of their language; a definition in a language with
  no terms goes at concept level with xml:lang.
* Concept ids must be XML IDs (NCNames): an id starting with a digit is written "_" + id and
  read back without the "_"; a concept without id is written "__<n>" and read back without.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from termbase.fileio import atomic_open
from termbase.formats import datacats, projectlangs
from termbase.formats.base import Entry, FormatError, ReadOptions, WriteOptions
from termbase.formats.records import concept_entry
from termbase.formats.xmlsafe import (XML_LANG, XmlWriter, iterparse, localname, namespace,
                                      root_name, sub, text_content)
from termbase.formats.xmlspace import layout_text
from termbase.model import (Concept, Term, ValidationError, check_region, is_concept_id,
                            split_lang_tag)

FORMS_LABEL = "inflected forms: "
FORM_OF_LABEL = "inflected form of: "
ENTAILED = {"type": "entailedTerm"}
KEPT_LABEL = "kept as is: "
TRANSACTION_KEY = "transacGrp"        # kept key of a term's transaction: "transacGrp origination"
TRANSACTION_SEP = " by "
ORIGINAL_ID = "original id"           # kept key of an entry id that cannot be a concept id
# DCT style puts the data category in the element name: <min:administrativeStatus>.
DCT_KINDS = {
    "administrativeStatus": "termNote", "normativeAuthorization": "termNote",
    "partOfSpeech": "termNote", "termType": "termNote", "grammaticalGender": "termNote",
    "geographicalUsage": "termNote", "termLocation": "termNote", "usageStatus": "termNote",
    "reliabilityCode": "descrip", "customer": "admin", "processStatus": "termNote",
    "subjectField": "descrip", "definition": "descrip", "context": "descrip",
    "source": "admin", "customerSubset": "admin", "projectSubset": "admin",
    "transactionType": "transac", "responsibility": "transacNote",
    "crossReference": "ref", "externalCrossReference": "xref", "xGraphic": "xref"}
# Data-category names matched without regard to case: MultiTerm writes its field names
# (`<descrip type="Definition">`); the standard spelling is what the model keeps.
TYPE_NAMES = {name.lower(): name for name in (*DCT_KINDS, "transactionType")}
ENTRY_TAGS = ("conceptEntry", "termEntry", "entry")            # entry: TBX-Min 2013
LANG_TAGS = ("langSec", "langSet", "langGroup")
TERM_TAGS = ("termSec", "tig", "ntig", "termGroup")
ROOTS = ("tbx", "martif", "TBX")
INLINE_TEXT = frozenset({"hi", "foreign"})
_BREAKS = re.compile(r"\s*[\t\n\r]\s*")
_XSD_DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?"
                       r"(Z|[+-]\d{2}:\d{2})?$")


@dataclass(frozen=True)
class Dialect:
    """Element names and root of one TBX flavour."""

    root: str
    root_attrs: tuple[tuple[str, str], ...]
    header: Callable[[], etree._Element]
    entry: str                                  # conceptEntry | termEntry
    lang: str                                   # langSec | langSet
    term: str                                   # termSec | tig
    grouped: tuple[str, str] | None = None      # TBX v2: (ntig, termGrp) for termNoteGrp
    definition_group: bool = False              # TBX v2: definitions in <descripGrp>
    # data category -> values it may carry (None: any); others are written refined
    picklists: tuple[tuple[str, frozenset[str] | None], ...] = ()
    # kept (element, type) pairs written as such; None: all. Others as labelled notes.
    native: frozenset[tuple[str, str]] | None = None

    def allows(self, category: str, value: str) -> bool:
        allowed = dict(self.picklists).get(category, None)
        return allowed is None or value in allowed

    def writes_natively(self, kind: str, kind_type: str) -> bool:
        if kind not in ("termNote", "descrip", "admin"):
            return False
        return self.native is None or (kind, kind_type) in self.native


BASIC_PICKLISTS = (
    ("administrativeStatus", frozenset({"preferredTerm-admn-sts", "admittedTerm-admn-sts",
                                        "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"})),
    ("termType", frozenset({"fullForm", "acronym", "abbreviation", "shortForm", "variant",
                            "phrase"})),
    ("partOfSpeech", frozenset({"noun", "verb", "adjective", "adverb", "other"})),
    ("grammaticalGender", frozenset({"masculine", "feminine", "neuter", "other"})))
BASIC_NATIVE = frozenset({("admin", "customerSubset"), ("admin", "projectSubset"),
                          ("termNote", "geographicalUsage")})
# What a tool that knows only the picklist should take from a model value it lacks.
PICKLIST_FALLBACK = {"forbidden": "deprecatedTerm-admn-sts", "properNoun": "noun"}
MODEL_NOTES = (("administrativeStatus", "status"), ("termType", "type"),
               ("partOfSpeech", "pos"), ("grammaticalGender", "gender"),
               ("processStatus", "process"))
# termNote types TBX-Basic's Schematron allows; other model fields go as kept-as-is notes
BASIC_TERM_NOTES = frozenset({"administrativeStatus", "partOfSpeech", "geographicalUsage",
                              "grammaticalGender", "termLocation", "termType"})


def sniff_root(*names: str) -> Callable[[bytes], bool]:
    return lambda head: root_name(head) in names


# ---------------------------------------------------------------- writing

def is_xsd_date(value: str) -> bool:
    if not _XSD_DATE.match(value):
        return False
    try:
        _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def xml_id(concept_id: str, position: int) -> str:
    if not concept_id:
        return f"__{position}"
    return "_" + concept_id if concept_id[0].isdigit() else concept_id


def model_id(value: str) -> str:
    value = (value or "").strip()
    if value.startswith("__"):
        return ""
    return value[1:] if value.startswith("_") else value


def write(items: Iterable, path: Path, options: WriteOptions, dialect: Dialect) -> int:
    entries = _entries(items, options, dialect)
    first = next(entries, None)
    count = 0
    with atomic_open(path, "wb") as handle:
        out = XmlWriter(handle)
        out.declaration()
        with out.element(dialect.root, dialect.root_attrs):
            out.write(dialect.header())
            if first is None:
                out.empty("text")
            else:
                with out.element("text"), out.element("body"):
                    for elem in chain([first], entries):
                        out.write(elem)
                        count += 1
    return count


def _entries(items: Iterable, options: WriteOptions, dialect: Dialect):
    seen: set[str] = set()
    position = 0
    for concept in items:
        if not isinstance(concept, Concept):
            continue
        terms = [t for t in concept.terms if not options.langs or t.lang in options.langs]
        if not terms:
            continue
        position += 1
        ident = xml_id(concept.id, position)
        if ident in seen:
            raise FormatError(f"concept id {concept.id!r} appears twice; ids must be unique")
        seen.add(ident)
        yield _entry(concept, terms, ident, options, dialect)


def _languages(terms: list[Term], langs: list[str] | None) -> list[str]:
    present = list(dict.fromkeys(t.lang for t in terms))
    return [lang for lang in langs if lang in present] if langs else present


def _entry(concept: Concept, terms: list[Term], ident: str, options: WriteOptions,
           dialect: Dialect):
    entry = etree.Element(dialect.entry, {"id": ident})
    languages = _languages(terms, options.langs)
    if concept.subject:
        sub(entry, "descrip", concept.subject, {"type": "subjectField"})
    for lang, text in concept.definition.items():
        if lang not in languages and text:
            _definition(entry, text, dialect, {XML_LANG: lang},
                        source=concept.definition_sources.get(lang, ""))
    for source in concept.sources:
        sub(entry, "admin", source, {"type": "source"})
    if concept.note:
        sub(entry, "note", concept.note)
    _kept(entry, {k: v for k, v in concept.kept.items() if "@" not in k}, dialect)
    _transaction(entry, "origination", concept.created, concept.created_by)
    _transaction(entry, "modification", concept.modified, concept.modified_by)
    for lang in languages:
        section = sub(entry, dialect.lang, attrib={XML_LANG: projectlangs.tag(lang, options)})
        if concept.definition.get(lang):
            _definition(section, concept.definition[lang], dialect,
                        source=concept.definition_sources.get(lang, ""))
        suffix = f"@{lang}"
        _kept(section, {k[:-len(suffix)]: v for k, v in concept.kept.items()
                        if k.endswith(suffix)}, dialect)
        as_variants = options.with_forms and lang == (options.source_lang or lang)
        for number, term in enumerate(terms, 1):
            if term.lang != lang:
                continue
            element = _term(term, dialect, list_forms=not as_variants)
            section.append(element)
            if as_variants and term.forms:
                base_id = f"_t.{ident}.{number}"     # model ids never start with "_t."
                element.set("id", base_id)
                for form in term.forms:
                    variant = Term(lang=lang, text=form, status=term.status, type="variant",
                                   region=term.region)   # warnings travel with the form
                    section.append(_term(variant, dialect, form_of=(term.text, base_id)))
    return entry


def _definition(parent, text: str, dialect: Dialect, attrib: dict | None = None,
                source: str = "") -> None:
    holder = sub(parent, "descripGrp") if dialect.definition_group or source else parent
    sub(holder, "descrip", text, {"type": "definition", **(attrib or {})})
    if source:
        sub(holder, "admin", source, {"type": "source"})


def _kept(parent, kept: dict[str, str], dialect: Dialect, kinds: tuple[str, ...] | None = None
          ) -> None:
    """Kept-as-is fields, one element per value line: as the element they came from where
    the dialect allows it, else as a labelled note the reader recognises."""
    for key, value in kept.items():
        kind, _, kind_type = key.partition(" ")
        if kinds is not None and kind not in kinds:
            continue
        for line in value.split("\n"):
            if kind == TRANSACTION_KEY:
                date, _, by = line.partition(TRANSACTION_SEP)
                _transaction(parent, kind_type, date, by)
            elif dialect.writes_natively(kind, kind_type):
                sub(parent, kind, line, {"type": kind_type})
            else:
                sub(parent, "note", f"{KEPT_LABEL}{key} = {line}")


def _transaction(parent, kind: str, date: str, by: str) -> None:
    if not (date or by):
        return
    group = sub(parent, "transacGrp")
    sub(group, "transac", kind, {"type": "transactionType"})
    if date:
        sub(group, "date" if is_xsd_date(date) else "note", date)
    if by:
        sub(group, "transacNote", by, {"type": "responsibility"})


def _term_notes(term: Term, dialect: Dialect) -> tuple[list[tuple[str, str, str | None]],
                                                       set[str]]:
    """(data category, TBX value, refinement note or None), in a fixed order, and the kept
    keys they used. The file's own original value is written back while it still means
    the model's value; a value the dialect's picklist lacks is written as the nearest
    picklist value refined by a note."""
    notes, used = [], set()
    for category, name in MODEL_NOTES:
        model_value = getattr(term, name)
        if not model_value:
            continue
        key = f"termNote {category}"
        value = datacats.file_value(name, model_value, term.kept.get(key, ""))
        if dialect.native is not None and category not in BASIC_TERM_NOTES:
            continue        # written by _kept as a note the reader maps back
        used.add(key)
        if dialect.allows(category, value):
            notes.append((category, value, None))
        else:
            fallback = datacats.CANONICAL[name].get(model_value, model_value)
            if not dialect.allows(category, fallback):
                fallback = PICKLIST_FALLBACK[model_value]
            notes.append((category, fallback, value))
    if term.region:
        notes.append(("geographicalUsage", term.region, None))
    return notes, used


def _term(term: Term, dialect: Dialect, form_of: tuple[str, str] | None = None,
          list_forms: bool = True):
    """A termSec/tig (ntig when a termNoteGrp is needed in TBX v2). `form_of` is
    (base term, base term's id) for a with_forms variant."""
    notes, used = _term_notes(term, dialect)
    kept = {k: v for k, v in term.kept.items() if k not in used}
    if term.process and "termNote processStatus" not in used:
        kept["termNote processStatus"] = term.process
    if dialect.grouped and any(refined for _, _, refined in notes):
        outer = etree.Element(dialect.grouped[0])
        holder = sub(outer, dialect.grouped[1])
    else:
        outer = holder = etree.Element(dialect.term)
    sub(holder, "term", term.text)
    for category, value, refined in notes:
        if refined:
            group = sub(holder, "termNoteGrp")
            sub(group, "termNote", value, {"type": category})
            sub(group, "note", refined)
        else:
            sub(holder, "termNote", value, {"type": category})
    _kept(holder, kept, dialect, kinds=("termNote",))
    if term.context and term.context_source:
        group = sub(outer, "descripGrp")
        sub(group, "descrip", term.context, {"type": "context"})
        sub(group, "admin", term.context_source, {"type": "source"})
    elif term.context:
        sub(outer, "descrip", term.context, {"type": "context"})
    if term.source:
        sub(outer, "admin", term.source, {"type": "source"})
    if term.note:
        sub(outer, "note", term.note)
    _kept(outer, {k: v for k, v in kept.items() if not k.startswith("termNote ")}, dialect)
    if term.forms and list_forms:
        note = sub(outer, "note", FORMS_LABEL)
        for i, form in enumerate(term.forms):
            sub(note, "hi", form, ENTAILED).tail = "; " if i < len(term.forms) - 1 else None
    if form_of is not None:
        base, base_id = form_of
        sub(outer, "ref", FORM_OF_LABEL + base, {"type": "crossReference", "target": base_id})
    return outer


# ---------------------------------------------------------------- reading

def read(path: Path, options: ReadOptions) -> Iterator[Entry]:
    """TBX 2019 (DCA or DCT, namespace ed-2, ed:3.0 or none) and TBX v2 (martif), with
    tig or ntig/termGrp terms."""
    state = {"lang": "en", "ns": "", "line": 1}
    ignored: set[str] = set()
    seen_ids: set[str] = set()

    def check_root(root) -> None:
        name = localname(root.tag) if root is not None else ""
        if name not in ROOTS:
            raise FormatError(f"not a TBX file: the root element is <{name or '?'}> (expected "
                              "<tbx> or <martif>)", line=getattr(root, "sourceline", None))
        state.update(lang=(root.get(XML_LANG) or "en").split("-")[0].lower(),
                     ns=namespace(root.tag), line=root.sourceline or 1)

    for _, elem in iterparse(path, ENTRY_TAGS, check_root):
        line = elem.sourceline or 0
        try:
            concept, warnings = _EntryReader(state["ns"], state["lang"], ignored).read(elem)
        except _RecordError as exc:
            yield Entry(exc.line or line, error=str(exc))
            continue
        if concept.id and not is_concept_id(concept.id):
            # not an XML name (a space, a colon): a broken id, not a broken entry
            warnings.append(f"concept id {concept.id!r} is not an XML name; imported under a "
                            "new id, the original kept as 'original id'")
            _keep(concept.kept, ORIGINAL_ID, concept.id)
            concept.id = ""
        elif concept.id in seen_ids:
            # XML ids are unique in a file: a second entry with one is another concept (a
            # tool that numbered two lists), not more terms of the first
            warnings.append(f"concept id {concept.id!r} is used by an earlier entry too; "
                            "imported under a new id, the original kept as 'original id'")
            _keep(concept.kept, ORIGINAL_ID, concept.id)
            concept.id = ""
        if concept.id:
            seen_ids.add(concept.id)
        entry = concept_entry(line, concept, options, "; ".join(warnings) or None)
        if entry is not None:
            yield entry
    if ignored:
        yield Entry(state["line"], warning="data categories the termbase has no field for, "
                                           "kept as they are (exports write them back): "
                                           + ", ".join(sorted(ignored)))


class _RecordError(ValueError):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


class _EntryReader:
    """Turns one conceptEntry/termEntry into a Concept."""

    def __init__(self, tbx_ns: str, doc_lang: str, ignored: set[str]):
        self.ns, self.doc_lang, self.ignored = tbx_ns, doc_lang, ignored
        self.warnings: list[str] = []

    def category(self, elem) -> tuple[str, str]:
        name = localname(elem.tag)
        if name in DCT_KINDS:           # DCT style, or TBX-Min's own elements
            return DCT_KINDS[name], name
        kind_type = (elem.get("type") or "").strip()
        return name, TYPE_NAMES.get(kind_type.lower(), kind_type)

    def read(self, elem) -> tuple[Concept, list[str]]:
        self.concept = Concept(id=model_id(elem.get("id", "")))
        self.form_of: list[tuple[Term, str]] = []
        for child in elem:
            if not isinstance(child.tag, str):
                continue
            if localname(child.tag) in LANG_TAGS:
                self.language(child)
            else:
                self.concept_aux(child)
        self.fold_forms()
        return self.concept, self.warnings

    def concept_aux(self, elem, lang: str | None = None) -> None:
        kind, kind_type = self.category(elem)
        concept = self.concept
        if kind in ("descripGrp", "adminGrp"):
            self.concept_group(elem, lang)
        elif kind == "transacGrp" and lang is None:
            self.transaction(elem)
        elif kind == "transacGrp":          # a language section's own dates and creators
            _keep(concept.kept, self.kept_transaction(elem) + f"@{lang}",
                  self.kept_transaction_value(elem))
        elif kind == "descrip" and kind_type == "subjectField" and lang is None:
            concept.subject = _join(concept.subject, _line(elem), "; ")
        elif kind == "descrip" and kind_type == "definition":
            def_lang = lang or self.lang_attr(elem, default=self.doc_lang)[0]
            concept.definition[def_lang] = _join(concept.definition.get(def_lang, ""),
                                                 _text(elem), "\n")
        elif kind == "admin" and kind_type == "source":
            if _line(elem) and _line(elem) not in concept.sources:
                concept.sources.append(_line(elem))
        elif kind == "note":
            kept = _kept_note(elem)
            if kept:
                _keep(concept.kept, kept[0] + (f"@{lang}" if lang else ""), kept[1])
            else:
                concept.note = _join(concept.note, (f"[{lang}] " if lang else "") + _text(elem),
                                     "\n")
        else:
            self.keep(concept.kept, elem, kind, kind_type, f"@{lang}" if lang else "")

    def concept_group(self, group, lang: str | None) -> None:
        """A descripGrp/adminGrp: a definition's own source stays with the definition."""
        children = [c for c in group if isinstance(c.tag, str)]
        definition = next((c for c in children
                           if self.category(c) == ("descrip", "definition")), None)
        for child in children:
            if definition is not None and self.category(child) == ("admin", "source"):
                def_lang = lang or self.lang_attr(
                    definition, default=self.lang_attr(group, default=self.doc_lang)[0])[0]
                self.concept.definition_sources[def_lang] = _join(
                    self.concept.definition_sources.get(def_lang, ""), _text(child), "; ")
            else:
                self.concept_aux(child, lang)

    def keep(self, kept: dict, elem, kind: str, kind_type: str, suffix: str = "") -> None:
        """A data category the model has no field for: kept as it is, written back."""
        key = f"{kind} {kind_type}".strip()
        value = _text(elem)
        if kind in ("xref", "ref") and elem.get("target"):
            value = f"{elem.get('target')} {value}".strip()
        if not value:
            return
        _keep(kept, key + suffix, value)
        if not datacats.lookup(kind_type, value).known:
            self.ignored.add(key)

    def lang_attr(self, elem, default: str | None = None) -> tuple[str, str]:
        value = elem.get(XML_LANG)
        if value is None and default is not None:
            return default, ""
        if value is None:
            raise _RecordError(f"<{localname(elem.tag)}> has no xml:lang", elem.sourceline)
        try:
            return split_lang_tag(value or "")
        except ValidationError as exc:
            raise _RecordError(f"<{localname(elem.tag)} xml:lang={value!r}>: {exc}",
                               elem.sourceline) from None

    def language(self, elem) -> None:
        lang, region = self.lang_attr(elem)
        for child in elem:
            if not isinstance(child.tag, str):
                continue
            if localname(child.tag) in TERM_TAGS:
                term, base = self.term(child, lang, region)
                if base is None:
                    self.concept.terms.append(term)
                else:
                    self.form_of.append((term, base))
            else:
                self.concept_aux(child, lang)

    def term(self, elem, lang: str, region: str) -> tuple[Term, str | None]:
        term = Term(lang=lang, text="", region=region)
        state = {"base": None}
        self.term_parts(elem, term, state)
        return term, state["base"]

    def term_parts(self, children, term: Term, state: dict) -> None:
        for child in children:
            if not isinstance(child.tag, str):
                continue
            kind, kind_type = self.category(child)
            if kind == "termGrp":
                self.term_parts(child, term, state)
            elif kind in ("descripGrp", "adminGrp"):
                self.term_group(child, term, state)
            elif kind == "term":
                term.text = _line(child)
            elif kind == "termNote":
                self.term_note(term, kind_type, _line(child))
            elif kind == "termNoteGrp":
                self.term_note_group(term, child)
            elif kind == "descrip" and kind_type == "context":
                term.context = _join(term.context, _text(child), "\n")
            elif kind == "admin" and kind_type == "source":
                term.source = _join(term.source, _text(child), "; ")
            elif kind == "note":
                label, words = _hi_list(child)
                kept = _kept_note(child)
                if label == FORMS_LABEL.strip():
                    term.forms.extend(w for w in words if w not in term.forms)
                elif kept and kept[0].partition(" ")[2] in datacats.MODEL_FIELD:
                    self.term_note(term, kept[0].partition(" ")[2], kept[1])
                elif kept:
                    _keep(term.kept, *kept)
                else:
                    term.note = _join(term.note, _text(child), "\n")
            elif kind == "transacGrp":          # a term's own dates and creators, kept
                _keep(term.kept, self.kept_transaction(child),
                      self.kept_transaction_value(child))
            elif (kind, kind_type) == ("ref", "crossReference") and _line(child).startswith(
                    FORM_OF_LABEL):
                state["base"] = _line(child)[len(FORM_OF_LABEL):]
            else:
                self.keep(term.kept, child, kind, kind_type)

    def term_group(self, group, term: Term, state: dict) -> None:
        """A descripGrp/adminGrp: a context's own source stays with the context."""
        children = [c for c in group if isinstance(c.tag, str)]
        context = any(self.category(c) == ("descrip", "context") for c in children)
        for child in children:
            if context and self.category(child) == ("admin", "source"):
                term.context_source = _join(term.context_source, _text(child), "; ")
            else:
                self.term_parts([child], term, state)

    def term_note_group(self, term: Term, group) -> None:
        note_elem = None
        refinement = None
        for child in group:
            if not isinstance(child.tag, str):
                continue
            kind, kind_type = self.category(child)
            if kind == "termNote":
                note_elem = (kind_type, _line(child))
            elif kind == "note":
                refinement = _text(child)
        if note_elem is None:
            return
        kind_type, value = note_elem
        if refinement and datacats.lookup(kind_type, refinement).known:
            value = refinement        # a value the dialect's picklist lacks, refined here
        elif refinement:
            term.note = _join(term.note, refinement, "\n")
        self.term_note(term, kind_type, value)

    def term_note(self, term: Term, kind_type: str, value: str) -> None:
        """Values go through the one data-category table (datacats); what it cannot map is
        kept as it is, with a warning, and written back on export."""
        if kind_type == "geographicalUsage":
            try:
                term.region = check_region(value)
            except ValidationError:
                _keep(term.kept, "termNote geographicalUsage", value)
            return
        warning = datacats.take(term, kind_type, value, f"termNote {kind_type}")
        if warning:
            self.warnings.append(f"{term.text or 'a term'}: {warning}")

    def transaction(self, group) -> None:
        kind, date, by = self.transaction_parts(group)
        concept = self.concept
        if kind == "origination":
            concept.created, concept.created_by = date or concept.created, by or concept.created_by
        elif kind == "modification" and (date or "") >= concept.modified:
            concept.modified, concept.modified_by = date, by

    def kept_transaction(self, group) -> str:
        """The kept key of a transaction below concept level: "transacGrp origination"."""
        return f"{TRANSACTION_KEY} {self.transaction_parts(group)[0] or 'transaction'}"

    def kept_transaction_value(self, group) -> str:
        _, date, by = self.transaction_parts(group)
        return f"{date}{TRANSACTION_SEP}{by}" if by else date

    def transaction_parts(self, group) -> tuple[str, str, str]:
        """(transaction type, date, responsible person) of a transacGrp."""
        kind = date = fallback = by = ""
        for child in group:
            if not isinstance(child.tag, str):
                continue
            name, name_type = self.category(child)
            if name == "transac" and name_type in ("", "transactionType"):
                kind = _text(child)
            elif name == "transac":     # MultiTerm: <transac type="origination">who</transac>
                kind, by = name_type, by or _text(child)
            elif name == "date":
                date = _text(child)
            elif name == "note":
                fallback = _text(child)
            elif name == "transacNote" and name_type == "responsibility":
                by = _text(child)
        return kind, date or fallback, by

    def fold_forms(self) -> None:
        """Variant terms written by with_forms become forms of their base term again."""
        for variant, base in self.form_of:
            target = next((t for t in self.concept.terms
                           if t.lang == variant.lang and t.text == base), None)
            if target is None:
                variant.note = _join(variant.note, FORM_OF_LABEL + base, "\n")
                self.concept.terms.append(variant)
            elif variant.text not in target.forms:
                target.forms.append(variant.text)


def _text(elem) -> str:
    return layout_text(text_content(elem, INLINE_TEXT), elem).strip()


def _keep(kept: dict, key: str, value: str) -> None:
    """A kept field; a repeated one gathers its values one per line."""
    old = kept.get(key)
    if old and value not in old.split("\n"):
        value = f"{old}\n{value}"
    kept[key] = value


def _kept_note(note) -> tuple[str, str] | None:
    """(key, value) of a note written for a kept field where the dialect has no place for
    it: `<note>kept as is: termNote reliabilityCode = 3</note>`."""
    if len(note) or not (note.text or "").startswith(KEPT_LABEL):
        return None
    key, sep, value = note.text[len(KEPT_LABEL):].partition(" = ")
    return (key.strip(), value.strip()) if sep and key.strip() else None


def _line(elem) -> str:
    """Text of a one-line field: line breaks and tabs left by pretty-printing become one
    space (the model forbids them there, so nothing of ours is lost)."""
    return _BREAKS.sub(" ", _text(elem))


def _join(old: str, new: str, sep: str) -> str:
    return f"{old}{sep}{new}" if old and new else (old or new)


def _hi_list(note) -> tuple[str, list[str]]:
    """('inflected forms:', [words]) for a note made of a label and <hi> children."""
    his = [c for c in note if isinstance(c.tag, str) and localname(c.tag) == "hi"]
    if not his or len(his) != len(note):
        return "", []
    return (note.text or "").strip(), [_line(h) for h in his]
