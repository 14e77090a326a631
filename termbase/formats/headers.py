"""What spreadsheet headers other tools and people write mean, in the termbase's own column
names (see `columns`): a language named in English, Polish, Lithuanian or itself
("Polish", "Polski", "Lenkų"; "Lithuanian", "Litewski", "Lietuvių"), with a suffix or
prefix ("English_word", "en_term", "Term (pl)"), or a full tag ("pl-PL", "sr-Latn");
a long file of pairs ("sourceLang, targetLang, sourceString, targetString", as TICO-19);
and an explicit `--columns` map for anything else.
"""

from __future__ import annotations

import re
import unicodedata

from termbase.formats.base import FormatError
from termbase.model import ValidationError, split_lang_tag

# language -> its names in English, Polish, Lithuanian, Hungarian and the language itself
_NAMES = {
    "en": "english angielski anglų angol angielska",
    "pl": "polish polski lenkų lengyel polska",
    "lt": "lithuanian litewski lietuvių litván litewska",
    "de": "german niemiecki vokiečių német deutsch",
    "fr": "french francuski prancūzų francia français",
    "es": "spanish hiszpański ispanų spanyol español",
    "it": "italian włoski italų olasz italiano",
    "pt": "portuguese portugalski portugalų portugál português",
    "ru": "russian rosyjski rusų orosz русский",
    "uk": "ukrainian ukraiński ukrainiečių ukrán українська",
    "be": "belarusian białoruski baltarusių belarusz беларуская",
    "lv": "latvian łotewski latvių lett latviešu",
    "et": "estonian estoński estų észt eesti",
    "cs": "czech czeski čekų cseh čeština",
    "sk": "slovak słowacki slovakų szlovák slovenčina",
    "hu": "hungarian węgierski vengrų magyar",
    "ro": "romanian rumuński rumunų román română",
    "nl": "dutch niderlandzki olandų holland nederlands",
    "sv": "swedish szwedzki švedų svéd svenska",
    "fi": "finnish fiński suomių finn suomi",
    "da": "danish duński danų dán dansk",
    "no": "norwegian norweski norvegų norvég norsk",
    "sr": "serbian serbski serbų szerb српски srpski",
    "hr": "croatian chorwacki kroatų horvát hrvatski",
    "bg": "bulgarian bułgarski bulgarų bolgár български",
    "el": "greek grecki graikų görög ελληνικά",
    "tr": "turkish turecki turkų török türkçe",
    "ar": "arabic arabski arabų arab العربية",
    "zh": "chinese chiński kinų kínai 中文",
    "ja": "japanese japoński japonų japán 日本語",
}
NAMES = {name: code for code, names in _NAMES.items() for name in names.split()}
# region -> its names in English, Polish and Lithuanian, for "Language (Region)" headers as
# spreadsheet and CAT tools write them ("English (United Kingdom)", "Polish (Lithuania)");
# a two-letter region code ("English (GB)") needs no entry
_REGIONS = {
    "GB": "united kingdom|uk|great britain|britain|wielka brytania|jungtinė karalystė",
    "US": "united states|usa|u.s.|united states of america|stany zjednoczone|jav|"
          "jungtinės amerikos valstijos",
    "IE": "ireland|irlandia|airija",
    "CA": "canada|kanada",
    "AU": "australia|australija",
    "PL": "poland|polska|lenkija",
    "LT": "lithuania|litwa|lietuva",
    "LV": "latvia|łotwa|latvija",
    "BY": "belarus|białoruś|baltarusija",
    "UA": "ukraine|ukraina",
    "DE": "germany|niemcy|vokietija",
    "AT": "austria",
    "CH": "switzerland|szwajcaria|šveicarija",
    "FR": "france|francja|prancūzija",
    "BE": "belgium|belgia|belgija",
    "ES": "spain|hiszpania|ispanija",
    "MX": "mexico|meksyk|meksika",
    "PT": "portugal|portugalia|portugalija",
    "BR": "brazil|brazylia|brazilija",
}
REGIONS = {name: code for code, names in _REGIONS.items() for name in names.split("|")}
_LANGUAGE_REGION = re.compile(r"^(?P<language>[^()]+?)\s*\((?P<region>[^()]+)\)$")
# words that say "the term in this language" around a language name or code
TERM_WORDS = frozenset("term terms word words text string translation entry termin "
                       "terminas wyraz słowo žodis".split())
LONG_SOURCE_LANG = ("sourcelang", "sourcelanguage", "srclang", "source_lang", "source language")
LONG_TARGET_LANG = ("targetlang", "targetlanguage", "tgtlang", "trglang", "target_lang",
                    "target language")
LONG_SOURCE_TEXT = ("sourcestring", "sourceterm", "source", "sourcetext", "source_string")
LONG_TARGET_TEXT = ("targetstring", "targetterm", "target", "targettext", "target_string")
# the row-number column of Polish, Lithuanian and English sheets ("Nr", "Lp.", "Eil. Nr.",
# "No."), which would otherwise read as the codes of South Ndebele and Norwegian
ROW_NUMBERS = frozenset({"nr", "nr.", "lp", "lp.", "eil. nr", "eil. nr.", "no.", "#"})
# Header words that the IANA registry also lists as three-letter languages: a column so
# named is a field of the sheet, not a language (a language column may be `fil`, `yue`)
NOT_LANGUAGES = ("nr", "lp", "pos", "def", "src", "tgt", "key", "ref", "see", "alt", "all",
                 "and", "com", "doc", "not", "new", "old", "url", "tag", "men", "age", "nom",
                 "abc", "cat", "num", "sid", "tid", "uid", "dom", "gen", "acc", "dat", "sex",
                 "var", "val", "max", "min", "sum", "avg", "qty", "top", "img", "web")
_SPLIT = re.compile(r"[\s_.:/()\[\]-]+")
_CODE = re.compile(r"^[a-z]{2}$")
# a header that is a tag: two-letter language, then real script or region subtags only
# ("en_term" is a code and a word, not the script "Term")
_HEADER_TAG = re.compile(rf"^(?!(?:{'|'.join(NOT_LANGUAGES)})(?:$|[-_]))[a-z]{{2,3}}"
                         r"(?:[-_](?:latn|cyrl|arab|grek|hans|hant|hebr|deva|jpan|"
                         r"kore|thai|geor|armn|[a-z]{2}|\d{3}))*$", re.I)


def _language(word: str) -> str:
    """A code for a language name or a two-letter code; '' for anything else."""
    word = unicodedata.normalize("NFC", word.strip().casefold())
    if word in NAMES:
        return NAMES[word]
    if _CODE.match(word):
        try:
            return split_lang_tag(word)[0]
        except ValidationError:
            return ""
    return ""


def language_column(name: str) -> str:
    """The language tag a header names ('English_word' -> 'en', 'Polski' -> 'pl',
    'term (lt)' -> 'lt', 'pl-PL' -> 'pl-PL'), or ''."""
    cell = name.strip()
    if cell.casefold() in ROW_NUMBERS:
        return ""
    if _HEADER_TAG.match(cell):
        try:
            lang, variety = split_lang_tag(cell)
            return variety or lang
        except ValidationError:
            return ""
    regional = _language_and_region(cell)
    if regional:
        return regional
    words = [w for w in _SPLIT.split(cell) if w]
    langs = [_language(w) for w in words]
    named = [l for l in langs if l]
    rest = [w for w, l in zip(words, langs) if not l]
    if len(set(named)) == 1 and all(w.casefold() in TERM_WORDS for w in rest):
        return named[0]
    return ""


def _language_and_region(cell: str) -> str:
    """'English (United Kingdom)' -> 'en-GB', 'Polish (LT)' -> 'pl-LT'; '' when the cell is
    not a language name followed by a region in brackets."""
    match = _LANGUAGE_REGION.match(cell)
    if not match:
        return ""
    lang = _language(match["language"])
    key = unicodedata.normalize("NFC", match["region"].strip().casefold())
    region = REGIONS.get(key) or (key.upper() if re.fullmatch(r"[a-z]{2}", key) else "")
    if not (lang and region):
        return ""
    try:
        return split_lang_tag(f"{lang}-{region}")[1]
    except ValidationError:
        return ""


def _key(cell: str) -> str:
    return re.sub(r"[\s_]+", "", cell.strip().casefold())


def long_format(header: list[str]) -> dict[str, int] | None:
    """Column positions of a file with one pair per row (TICO-19 style), else None."""
    keys = [_key(c) for c in header]
    found = {}
    for role, names in (("source_lang", LONG_SOURCE_LANG), ("target_lang", LONG_TARGET_LANG),
                        ("source", LONG_SOURCE_TEXT), ("target", LONG_TARGET_TEXT)):
        wanted = {_key(n) for n in names}
        col = next((i for i, k in enumerate(keys) if k in wanted), None)
        if col is None:
            return None
        found[role] = col
    return found


class BadColumnsOption(FormatError):
    """A --columns value the termbase cannot use (empty, malformed, or a meaning it does not
    know such as the typo `Lithuanain`): bad usage, refused before a column is dropped."""

    usage = True      # the CLI exits 2, as for its own option errors


def explicit(spec: str, header_row: list[str]) -> tuple[list[str], bool]:
    """(the header to use, whether the file's first row is a header) from --columns.
    `pl,lt,note` names each column by position: the file has no header. `Begriff=de,
    Kommentar=note` renames the file's own header cells: the others keep their meaning."""
    parts = [p.strip() for p in spec.split(",")]
    if not any(parts):
        raise BadColumnsOption("--columns is empty (e.g. --columns pl,lt,note or "
                          "--columns 'Begriff=de,Kommentar=note')")
    if all("=" not in p for p in parts):
        return ["" if p in ("-", "") else p for p in parts], False
    renames = {}
    for part in parts:
        old, sep, new = part.partition("=")
        if not sep or not old.strip():
            raise BadColumnsOption(f"--columns: expected HEADER=MEANING, got {part!r}")
        renames[old.strip().casefold()] = "" if new.strip() == "-" else new.strip()
    present = {c.strip().casefold() for c in header_row}
    missing = [p.partition("=")[0].strip() for p in parts
               if p.partition("=")[0].strip().casefold() not in present]
    if missing:
        raise FormatError(f"--columns names {', '.join(map(repr, missing))}, which the header "
                          f"does not have (it has: {', '.join(header_row[:10])})", line=1)
    return [renames.get(c.strip().casefold(), c) for c in header_row], True


def source_and_target(header: list[str]) -> bool:
    """Whether a row of two or three cells is a `Source,Target[,Note]` header (the languages
    then come from --from and --to)."""
    sources = {_key(n) for n in LONG_SOURCE_TEXT}
    targets = {_key(n) for n in LONG_TARGET_TEXT}
    return (len(header) >= 2 and _key(header[0]) in sources and _key(header[1]) in targets)


def explicit_meanings(spec: str) -> list[str]:
    """The meanings a --columns spec gives (`pl`, `de`, `note`), without the skipped ones."""
    parts = (p.partition("=") for p in spec.split(","))
    meanings = ((new if sep else old).strip() for old, sep, new in parts)
    return [m for m in meanings if m not in ("", "-")]
