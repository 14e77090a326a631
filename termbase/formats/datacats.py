"""The one table that maps data-category values other tools write onto the model's values.

Covers every value ISO 30042 (TBX v2 and TBX 2019), TBX-Basic, TBX-Min and ISO 12620 define
for the categories the model has a field for, plus what vendor tools write (Trados MultiTerm,
memoQ, IATE, Weblate, IBM, Oracle), matched without regard to case. The README lists it.

A value that maps onto a model value the writers would spell differently (standardizedTerm,
entryTerm, nom) is *not exact*: readers keep the original in the term's `kept` fields, so
exports write the file's own value back. A value the table does not know is kept the same
way, with a warning; it is never a reason to refuse a file.
"""

from __future__ import annotations

from dataclasses import dataclass

# data category -> model field
MODEL_FIELD = {"administrativeStatus": "status", "normativeAuthorization": "status",
               "usageStatus": "status", "status": "status", "termType": "type",
               "partOfSpeech": "pos", "grammaticalGender": "gender",
               "processStatus": "process"}

# model field -> {model value: file value written for it}
CANONICAL = {
    "status": {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
               "deprecated": "deprecatedTerm-admn-sts", "forbidden": "forbiddenTerm-admn-sts"},
    "type": {v: v for v in ("fullForm", "abbreviation", "acronym", "variant", "phrase",
                            "shortForm")},
    "pos": {v: v for v in ("noun", "adjective", "verb", "adverb", "properNoun", "other")},
    "gender": {v: v for v in ("masculine", "feminine", "neuter", "other")},
    "process": {v: v for v in ("unprocessed", "provisionallyProcessed", "finalized")},
}


_AS_WRITTEN: dict[str, str] = {}     # lower-cased spelling -> as the standard writes it


def _values(model_value: str, *spellings: str) -> dict[str, str]:
    _AS_WRITTEN.update((s.lower(), s) for s in spellings)
    return {s.lower(): model_value for s in spellings}


_STATUS = {
    # ISO 30042 administrativeStatus (TBX v2 and 2019; TBX-Basic has the first four)
    **_values("preferred", "preferredTerm-admn-sts", "standardizedTerm-admn-sts",
              "regulatedTerm-admn-sts", "legalTerm-admn-sts"),
    **_values("admitted", "admittedTerm-admn-sts"),
    **_values("deprecated", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"),
    **_values("forbidden", "forbiddenTerm-admn-sts"),
    # TBX v2 normativeAuthorization
    **_values("preferred", "preferredTerm", "standardizedTerm", "regulatedTerm", "legalTerm"),
    **_values("admitted", "admittedTerm"),
    **_values("deprecated", "deprecatedTerm", "supersededTerm"),
    # TBX-Min usageStatus
    **_values("preferred", "preferred"), **_values("admitted", "admitted"),
    **_values("deprecated", "notRecommended", "obsolete"),
    # the model's own words and what vendors write (MultiTerm, memoQ, IATE, Weblate)
    **_values("deprecated", "deprecated", "superseded", "obsoleteTerm-admn-sts",
              "not recommended", "outdated"),
    **_values("forbidden", "forbidden", "forbiddenTerm", "do not use", "doNotUse",
              "prohibited", "rejected"),
    **_values("preferred", "approved", "standardized", "recommended", "preferred term"),
    **_values("admitted", "allowed", "permitted", "admitted term", "proposed", "provisional"),
}
_TYPE = {
    **_values("fullForm", "fullForm", "full form", "entryTerm", "mainEntryTerm", "main entry"),
    **_values("abbreviation", "abbreviation", "abbreviatedFormFor", "abbr", "abbrev"),
    **_values("acronym", "acronym", "initialism"),
    **_values("shortForm", "shortForm", "short form", "clippedTerm", "shortcut"),
    **_values("variant", "variant", "orthographicVariant", "transcribedForm",
              "transliteratedForm", "romanizedForm", "spellingVariant"),
    **_values("phrase", "phrase", "phraseologicalUnit", "collocation", "synonymousPhrase",
              "standardText", "set phrase"),
    # ISO 12620 types with no model equivalent: known, kept as they are
    **_values("", "synonym", "internationalism", "internationalScientificTerm", "commonName",
              "equation", "formula", "logicalExpression", "symbol", "partNumber", "sku",
              "stockKeepingUnit"),
}
_POS = {
    **_values("noun", "noun", "n", "n.", "nn", "substantive", "substantiv", "nom", "nome",
              "nombre", "sustantivo", "rzeczownik", "daiktavardis", "commonNoun"),
    **_values("properNoun", "properNoun", "proper noun", "propn", "nom propre", "nazwa własna",
              "tikrinis daiktavardis"),
    **_values("verb", "verb", "v", "v.", "vb", "verbe", "verbo", "czasownik", "veiksmažodis"),
    **_values("adjective", "adjective", "adj", "adj.", "a", "adjectif", "adjetivo",
              "aggettivo", "adjektiv", "przymiotnik", "būdvardis"),
    **_values("adverb", "adverb", "adv", "adv.", "adverbe", "adverbio", "avverbio",
              "przysłówek", "prieveiksmis"),
    **_values("other", "other", "sentence", "phrase"),
    # parts of speech the model folds into "other", kept as they are
    **_values("other", "pronoun", "preposition", "conjunction", "determiner", "article",
              "numeral", "interjection", "particle", "participle", "prep", "conj", "pron",
              "num"),
}
_GENDER = {
    **_values("masculine", "masculine", "m", "masc", "masc.", "męski", "vyriškoji"),
    **_values("feminine", "feminine", "f", "fem", "fem.", "żeński", "moteriškoji"),
    **_values("neuter", "neuter", "n", "neut", "neutr.", "nijaki", "bevardė"),
    **_values("other", "other", "otherGender", "common", "c"),
}
# ISO 30042 processStatus, and what review workflows write
_PROCESS = {
    **_values("unprocessed", "unprocessed", "new", "draft", "candidate"),
    **_values("provisionallyProcessed", "provisionallyProcessed", "provisionally processed",
              "provisional", "unreviewed", "pending"),
    **_values("finalized", "finalized", "finalised", "final", "reviewed"),
}
TABLE = {"status": _STATUS, "type": _TYPE, "pos": _POS, "gender": _GENDER,
         "process": _PROCESS}

# Categories the model has no field for, whose values (ISO 30042 picklists or free text)
# are kept as they are and written back: no warning.
KEPT_CATEGORIES = frozenset({
    "reliabilityCode", "termLocation", "termProvenance", "register",
    "frequency", "grammaticalNumber", "animacy", "usageNote", "customerSubset",
    "projectSubset", "customer", "transferComment", "languagePlanningQualifier", "pronunciation",
    "etymology", "timeRestriction", "temporalQualifier", "termStructure", "lionHotkey",
    "sortKey", "hyphenation", "syllabification", "conceptOrigin", "securitySubset",
    "originatingPerson", "originatingInstitution", "entrySource", "IATE-reliability",
    "evaluation", "lookupForm", "antonymTerm", "relatedConcept", "relatedTerm",
    "homograph", "falseFriend", "explanation", "example", "figure", "audio", "video",
    "thesaurusDescriptor", "collocation", "directionality", "geographicalUsage",
})


@dataclass(frozen=True)
class Mapped:
    field: str          # model field ("" when the category has none)
    value: str          # model value ("" when the table maps it to nothing)
    known: bool         # the table knows this value
    exact: bool         # the writers spell the model value exactly so


def lookup(category: str, raw: str) -> Mapped:
    field = MODEL_FIELD.get(category, "")
    if not field:
        return Mapped("", "", category in KEPT_CATEGORIES, False)
    table = TABLE[field]
    key = raw.strip().lower()
    if key not in table:
        return Mapped(field, "", False, False)
    value = table[key]
    exact = bool(value) and raw.strip() == CANONICAL[field].get(value, "") or (
        bool(value) and raw.strip() == value)
    return Mapped(field, value, True, exact)


def file_value(field: str, model_value: str, original: str = "") -> str:
    """The value to write for a model value: the file's own original when it still maps to
    the same model value (a round trip keeps 'standardizedTerm-admn-sts'), else ours."""
    if original and model_value:
        if TABLE[field].get(original.strip().lower()) == model_value:
            return original
    return CANONICAL[field].get(model_value, model_value)


def rows() -> list[tuple[str, str, str]]:
    """(model field, model value, accepted spellings) for the README table."""
    out = []
    for field, table in TABLE.items():
        by_value: dict[str, list[str]] = {}
        for spelling, value in table.items():
            by_value.setdefault(value, []).append(_AS_WRITTEN.get(spelling, spelling))
        for value, spellings in by_value.items():
            out.append((field, value or "(none: kept as is)", ", ".join(spellings)))
    return out


def readme_table() -> str:
    """The README's table of this module, generated so that the two cannot drift apart."""
    lines = ["| model field | model value | values read as it |", "|---|---|---|"]
    lines += [f"| {field} | {value} | {spellings} |" for field, value, spellings in rows()]
    return "\n".join(lines)


def take(term, category: str, raw: str, kept_key: str) -> str | None:
    """Set the model field `category` maps to on `term` from a file value; keep the
    original (or a value with no model field) in term.kept under `kept_key`. Returns a
    warning for a value the table does not know."""
    raw = raw.strip()
    if not raw:
        return None
    mapped = lookup(category, raw)
    if mapped.field and mapped.value:
        if not getattr(term, mapped.field):
            setattr(term, mapped.field, mapped.value)
        if not mapped.exact:
            term.kept[kept_key] = raw
        return None
    old = term.kept.get(kept_key)
    term.kept[kept_key] = f"{old}\n{raw}" if old and raw not in old.split("\n") else raw
    if mapped.known:
        return None
    return (f"{category} {raw!r} is not in the data-category table; kept as it is "
            f"(exports write it back)")
