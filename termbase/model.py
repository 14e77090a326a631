"""Concept-oriented data model (TBX-Basic data categories), with validation and no I/O.

A concept is one meaning; it holds terms per language. Field names map one-to-one onto
TBX-Basic data categories so that TBX round-trips without loss:

    Concept.subject     -> subjectField          Term.status  -> administrativeStatus
    Concept.definition  -> definition (per lang) Term.type    -> termType
    Concept.note        -> note                  Term.pos     -> partOfSpeech
    Concept.sources     -> source                Term.gender  -> grammaticalGender
    Term.region         -> geographicalUsage     Term.context -> context
    Term.process        -> processStatus (unprocessed | provisionallyProcessed | finalized;
                           empty: finalized, as every term stored before the field existed)
    Term.forms          -> inflected variants (exported as termType "variant" where wanted)
    Term.context_source, Concept.definition_sources -> the source of that very context or
                           definition (<admin type="source"> inside its group)
    Term.kept, Concept.kept -> data categories (or original values) the model has no field
                           for, kept as they came so that export writes them back

A regional variety is a full BCP 47 tag (`pl-LT`, `en-GB`, `sr-Latn`) in Term.region beside
the base language in Term.lang; memory segments key their texts by the same tag (the base
language when the file named no variety). See `termbase.langtag`.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from dataclasses import dataclass, field, fields

from termbase.errors import InvalidInput
from termbase.text.display import for_terminal, only_invisible
from termbase import langsubtags, langtag

STATUSES = ("preferred", "admitted", "deprecated", "forbidden")
# TBX processStatus: how far a term has been reviewed. Empty means finalized.
PROCESS_STATUSES = ("unprocessed", "provisionallyProcessed", "finalized")
PROVISIONAL = ("unprocessed", "provisionallyProcessed")
TERM_TYPES = ("fullForm", "abbreviation", "acronym", "variant", "phrase", "shortForm")
PARTS_OF_SPEECH = ("noun", "adjective", "verb", "adverb", "properNoun", "other")
GENDERS = ("masculine", "feminine", "neuter", "other")
# The fixed subject list of the shipped glossary; user concepts may use other subjects.
SUBJECTS = (
    "social assistance", "social services", "social work", "child protection", "disability",
    "family", "elderly care", "employment", "institutions", "policy", "administration",
    "projects and funding",
)
CORE_LANGS = ("pl", "lt", "en")

# ISO 639-1: a header or xml:lang naming anything else is a mistake worth reporting.
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
_LANG_RE = re.compile(r"^[a-z]{2,3}$")
# Concept ids: any XML NCName (what TBX's conceptEntry/@id allows), also starting with a
# digit as spreadsheet ids do. NameChars exclude spaces, controls, slashes and colons, so an
# id is safe in a file name and on a terminal line; at most 128 characters.
_NAME_START = ("A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d"
               "\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff"
               "\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_NAME_CHAR = _NAME_START + "0-9.\\-\u00b7\u0300-\u036f\u203f\u2040"
_ID_PATTERN = f"^[{_NAME_START}0-9][{_NAME_CHAR}]{{0,127}}$"


# The name this module always raised; the same class as `termbase.errors.InvalidInput`.
ValidationError = InvalidInput


# Control characters (Unicode category Cc), lone surrogates (Cs), line/paragraph separators
# and the two non-characters XML cannot carry. One regex: this runs on every imported cell.
# Compiled on first use: these wide character classes cost milliseconds to compile, which
# a terminal lookup should not pay on every start.
_CONTROL = "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufffe\uffff]"
_CONTROL_EXCEPT_NEWLINES = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufffe\uffff]"


@functools.cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def is_concept_id(value: str) -> bool:
    """Whether `value` can be a concept id (an XML name, see _ID_PATTERN)."""
    return bool(_compiled(_ID_PATTERN).match(value))


def has_control_chars(text: str, allow_newlines: bool = False) -> bool:
    pattern = _CONTROL_EXCEPT_NEWLINES if allow_newlines else _CONTROL
    return _compiled(pattern).search(text) is not None


def check_lang(code: str) -> str:
    """Accept a BCP 47 primary language subtag: an ISO 639-1 code like 'pl', or a
    three-letter code the IANA registry knows ('fil'; 'pol' is read as 'pl'); lower-cased.
    Reject anything else, naming the value."""
    if type(code) is str and code in _CHECKED_LANGS:  # once per code, not per term
        return _CHECKED_LANGS[code]
    norm = (code or "").strip().lower()
    if not _LANG_RE.match(norm):
        raise ValidationError(f"malformed language code {code!r} (expected e.g. pl, lt, en)")
    if len(norm) == 2 and norm not in ISO_639_1:
        raise ValidationError(f"unknown language code {code!r} (not in ISO 639-1)")
    if len(norm) == 3:
        known = langsubtags.canonical(norm)
        if known is None:
            raise ValidationError(f"unknown language code {code!r} (not a language in the "
                                  "IANA subtag registry)")
        norm = known
    norm = sys.intern(norm)
    if type(code) is str:
        _CHECKED_LANGS[code] = norm
    return norm


_CHECKED_LANGS: dict[str, str] = {}  # accepted codes as given -> their canonical form


def split_lang_tag(tag: str) -> tuple[str, str]:
    """'pl-LT' -> ('pl', 'pl-LT'); 'sr-latn' -> ('sr', 'sr-Latn'); 'en' -> ('en', '').
    Underscores are accepted for hyphens."""
    try:
        lang, variety = langtag.parse(tag)
    except langtag.TagError as exc:
        raise ValidationError(str(exc)) from None
    try:
        known = check_lang(lang)
    except ValidationError as exc:
        if tag.strip().lower() == lang:
            raise
        raise ValidationError(f"{exc} in the language tag {tag!r}") from None
    if known != lang:                    # 'pol-PL' -> ('pl', 'pl-PL')
        variety = known + variety[len(lang):] if variety else ""
    return known, variety


def check_region(region: str) -> str:
    """A regional variety is a BCP 47 tag with more than a language (pl-LT, en-GB,
    sr-Latn); case is normalised."""
    try:
        _, variety = langtag.parse(region)
    except langtag.TagError:
        variety = ""
    if not variety:
        raise ValidationError(f"malformed region {region!r} (expected a language tag with "
                              "a region or script, e.g. pl-LT, pl-PL, sr-Latn)")
    return variety


def _check_text(label: str, value: str, allow_newlines: bool = True) -> str:
    if value == "":
        return value
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text")
    if has_control_chars(value, allow_newlines=allow_newlines):
        raise ValidationError(f"{label} contains control characters: {value[:40]!r}")
    return unicodedata.normalize("NFC", value)


def _check_choice(label: str, value: str, allowed: tuple[str, ...]) -> str:
    if value and value not in allowed:
        raise ValidationError(f"unknown {label} {value!r} (allowed: {', '.join(allowed)})")
    return sys.intern(value)  # one shared string per value, not one per term of a large import


@dataclass(slots=True)
class Term:
    lang: str
    text: str
    status: str = ""
    type: str = ""
    pos: str = ""
    gender: str = ""
    region: str = ""
    context: str = ""
    source: str = ""
    note: str = ""
    forms: list[str] = field(default_factory=list)
    context_source: str = ""
    kept: dict[str, str] = field(default_factory=dict)
    process: str = ""

    def validate(self) -> "Term":
        self.lang = check_lang(self.lang)
        self.text = _check_text("term", self.text, allow_newlines=False).strip()
        if not self.text:
            raise ValidationError(f"empty term for language {self.lang!r}")
        if only_invisible(self.text):
            raise ValidationError(f"a {self.lang} term made only of invisible characters: "
                                  f"{for_terminal(self.text)}")
        if len(self.text) > 500:
            raise ValidationError(f"term longer than 500 characters: {self.text[:40]!r}...")
        # Fields left empty (most of them, on most terms of a large import) pass as they are.
        for name, label, allowed in _TERM_CHOICES:
            value = getattr(self, name)
            if value != "":
                setattr(self, name, _check_choice(label, value, allowed))
        if self.region:
            self.region = check_region(self.region)
            if langtag.base(self.region) != self.lang:
                raise ValidationError(f"region {self.region!r} is not a variety of "
                                      f"{self.lang!r} (term {self.text[:40]!r})")
        if self.kept or not isinstance(self.kept, dict):
            self.kept = check_kept(self.kept)
        for name in ("context", "source", "note", "context_source"):
            value = getattr(self, name)
            if value != "":
                setattr(self, name, _check_text(name, value).strip())
        if self.forms:
            forms = []
            for form in self.forms:
                form = _check_text("inflected form", form, allow_newlines=False).strip()
                if form and not only_invisible(form) and form not in forms and \
                        form != self.text:
                    forms.append(form)
            self.forms = forms
        return self

    @property
    def provisional(self) -> bool:
        """Taken in without review (extract, align, an import marked so): not to pass
        as an approved term."""
        return self.process in PROVISIONAL

    @property
    def rank(self) -> int:
        """Sort key: preferred first, forbidden last."""
        return {"preferred": 0, "": 1, "admitted": 1, "deprecated": 2, "forbidden": 3}[self.status]

    def to_dict(self) -> dict:
        data = {}
        for name in _TERM_FIELDS:
            value = getattr(self, name)
            if value not in _EMPTY:
                data[name] = _copy(value)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Term":
        return cls(**{k: _copy(v) for k, v in data.items() if k in _TERM_FIELD_SET})


# What a record leaves out. One tuple made once: a literal holding [] and {} builds a new
# list and dict each time it is tested, for every field of every term (millions in an import).
_EMPTY = ("", [], {}, None)


def _copy(value):
    """A fresh list or dict, so records and objects never share a mutable value."""
    return list(value) if isinstance(value, list) else (
        dict(value) if isinstance(value, dict) else value)


def check_kept(kept: dict) -> dict[str, str]:
    """Kept-as-is fields: text keys and values, no control characters but line breaks."""
    if not isinstance(kept, dict):
        raise ValidationError("kept fields must be a mapping")
    clean = {}
    for key, value in kept.items():
        key = _check_text("kept field name", str(key), allow_newlines=False).strip()
        value = _check_text(f"kept field {key!r}", str(value)).strip()
        if key and value:
            clean[sys.intern(key)] = value
    return clean


_TERM_CHOICES = (("status", "status", STATUSES), ("type", "term type", TERM_TYPES),
                 ("pos", "part of speech", PARTS_OF_SPEECH), ("gender", "gender", GENDERS),
                 ("process", "process status", PROCESS_STATUSES))
_TERM_FIELDS = tuple(f.name for f in fields(Term))
_TERM_FIELD_SET = frozenset(_TERM_FIELDS)


@dataclass(slots=True)
class Concept:
    id: str = ""
    subject: str = ""
    definition: dict[str, str] = field(default_factory=dict)
    note: str = ""
    sources: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    created: str = ""
    modified: str = ""
    created_by: str = ""
    modified_by: str = ""
    definition_sources: dict[str, str] = field(default_factory=dict)
    kept: dict[str, str] = field(default_factory=dict)

    def validate(self) -> "Concept":
        if self.id and not is_concept_id(self.id):
            raise ValidationError(f"malformed concept id {self.id!r}")
        # Subjects repeat across thousands of concepts: one shared string each.
        self.subject = sys.intern(
            _check_text("subject", self.subject, allow_newlines=False).strip())
        self.note = _check_text("note", self.note).strip()
        self.definition = {
            check_lang(lang): _check_text("definition", text).strip()
            for lang, text in self.definition.items() if text and text.strip()
        }
        self.definition_sources = {
            check_lang(lang): _check_text("definition source", text).strip()
            for lang, text in self.definition_sources.items() if text and text.strip()}
        self.kept = check_kept(self.kept)
        sources = []
        for src in self.sources:
            src = _check_text("source", src, allow_newlines=False).strip()
            if src and src not in sources:
                sources.append(src)
        self.sources = sources
        if not self.terms:
            raise ValidationError("a concept needs at least one term")
        seen = set()
        unique = []
        for term in self.terms:
            term.validate()
            key = (term.lang, term.text)
            if key not in seen:
                seen.add(key)
                unique.append(term)
        # Group terms by language (in order of first appearance), keeping their order within
        # a language: that order is meaningful (synonym rank), the interleaving is not.
        first_seen = {}
        for term in unique:
            first_seen.setdefault(term.lang, len(first_seen))
        self.terms = sorted(unique, key=lambda t: first_seen[t.lang])
        return self

    def absorb(self, more: "Concept") -> None:
        """Take in a further record of this same concept (another row of a spreadsheet with
        the same id): its terms, and the fields this one leaves empty. Validation later
        drops repeated terms and groups them by language."""
        self.terms.extend(more.terms)
        self.fill_from(more)

    def fill_from(self, other: "Concept") -> None:
        """Take the definitions, subject and note this concept lacks, and new sources."""
        for lang, text in other.definition.items():
            self.definition.setdefault(lang, text)
        for lang, text in other.definition_sources.items():
            self.definition_sources.setdefault(lang, text)
        for key, value in other.kept.items():
            self.kept.setdefault(key, value)
        for name in ("subject", "note"):
            if not getattr(self, name):
                setattr(self, name, getattr(other, name))
        self.sources.extend(s for s in other.sources if s not in self.sources)

    def terms_in(self, lang: str) -> list[Term]:
        """Terms of one language, preferred first, in stored order otherwise."""
        return sorted((t for t in self.terms if t.lang == lang), key=lambda t: t.rank)

    @property
    def languages(self) -> list[str]:
        return sorted({t.lang for t in self.terms})

    def to_dict(self) -> dict:
        data = {
            "id": self.id, "subject": self.subject, "definition": dict(self.definition),
            "note": self.note, "sources": list(self.sources),
            "terms": [t.to_dict() for t in self.terms],
            "created": self.created, "modified": self.modified,
            "created_by": self.created_by, "modified_by": self.modified_by,
            "definition_sources": dict(self.definition_sources), "kept": dict(self.kept),
        }
        return {k: v for k, v in data.items() if v not in _EMPTY or k == "terms"}

    @classmethod
    def from_dict(cls, data: dict) -> "Concept":
        return cls(
            id=data.get("id", ""), subject=data.get("subject", ""),
            definition=dict(data.get("definition") or {}), note=data.get("note", ""),
            sources=list(data.get("sources") or []),
            terms=[Term.from_dict(t) for t in data.get("terms") or []],
            created=data.get("created", ""), modified=data.get("modified", ""),
            created_by=data.get("created_by", ""), modified_by=data.get("modified_by", ""),
            definition_sources=dict(data.get("definition_sources") or {}),
            kept=dict(data.get("kept") or {}),
        )

    def content_key(self) -> tuple:
        """What makes two concepts the same for import de-duplication (ignores ids/dates)."""
        data = self.to_dict()
        for k in ("id", "created", "modified", "created_by", "modified_by"):
            data.pop(k, None)
        return (repr(sorted(data.items())),)


@dataclass
class Segment:
    """One translation-memory unit: aligned text per language, keyed by language tag (the
    base language, or the full tag of a variety: a memory between en-US and en-GB, or
    pl-PL and pl-LT, keeps both). `kept` holds what a TMX unit carries beyond that (its
    attributes, props and notes at unit and variant level, its file's header data, the
    inline codes behind the placeholders in the texts), for export to write back; see
    formats/tmx.py and formats/tmxheader.py."""

    texts: dict[str, str]
    origin: str = ""
    created: str = ""
    id: str = ""
    note: str = ""
    kept: dict = field(default_factory=dict)

    def validate(self) -> "Segment":
        clean = {}
        for tag, text in self.texts.items():
            lang, variety = split_lang_tag(tag)
            text = _check_text("segment", text or "").strip()
            if text:
                clean.setdefault(variety or lang, text)
        if len(clean) < 2:
            raise ValidationError("a memory segment needs text in at least two languages "
                                  "(or two varieties of one)")
        self.texts = clean
        self.origin = _check_text("origin", self.origin, allow_newlines=False)
        if not isinstance(self.kept, dict):
            raise ValidationError("kept unit data must be a mapping")
        return self

    def to_dict(self) -> dict:
        data = {"id": self.id, "texts": dict(self.texts), "origin": self.origin,
                "created": self.created, "note": self.note, "kept": self.kept}
        return {k: v for k, v in data.items() if v or k == "texts"}

    @classmethod
    def from_dict(cls, data: dict) -> "Segment":
        return cls(texts=dict(data.get("texts") or {}), origin=data.get("origin", ""),
                   created=data.get("created", ""), id=data.get("id", ""),
                   note=data.get("note", ""), kept=dict(data.get("kept") or {}))
