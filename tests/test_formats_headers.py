"""Spreadsheet headers people and other tools write: language names in English, Polish,
Lithuanian or the language itself, suffixes, full tags, a long file of pairs (as TICO-19),
files without a header, and an explicit --columns map; the dry run shows the mapping."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from termbase import formats
from termbase.formats import FormatError, ReadOptions
from termbase.formats.headers import language_column


def read(fmt: str, path: Path, **options):
    entries = list(formats.get(fmt).read(path, ReadOptions(**options)))
    assert [e.error for e in entries if e.error] == []
    return entries, [e.item for e in entries if e.item is not None]


def pairs(concepts):
    return [sorted((t.region or t.lang, t.text) for t in c.terms) for c in concepts]


@pytest.mark.parametrize("header, tag", [
    ("English", "en"), ("Polish", "pl"), ("Polski", "pl"), ("Lenkų", "pl"),
    ("Lithuanian", "lt"), ("Litewski", "lt"), ("Lietuvių", "lt"), ("Magyar", "hu"),
    ("Angol", "en"), ("English_word", "en"), ("en_term", "en"), ("term (lt)", "lt"),
    ("Termin polski", "pl"), ("pl-PL", "pl-PL"), ("pl_LT", "pl-LT"), ("sr-Latn", "sr-Latn"),
    ("es-BO", "es-BO"), ("Comment", ""), ("url", ""), ("English Polish", "")])
def test_header_cells_name_languages(header, tag):
    assert language_column(header) == tag


def test_named_columns_with_regional_tags(tmp_path):
    path = tmp_path / "weblate.csv"
    path.write_text("English_word,Polski,pl-LT,Lietuvių,Comment\n"
                    "social worker,pracownik socjalny,socialinis darbuotojas (pl),socialinis "
                    "darbuotojas,\n", encoding="utf-8")
    entries, (concept,) = read("csv", path)
    assert pairs([concept]) == [sorted([("en", "social worker"), ("pl", "pracownik socjalny"),
                                        ("pl-LT", "socialinis darbuotojas (pl)"),
                                        ("lt", "socialinis darbuotojas")])]
    mapping = next(e.warning for e in entries if e.warning and "column mapping" in e.warning)
    assert "'English_word' = en" in mapping and "'Lietuvių' = lt" in mapping
    assert any("ignored columns: Comment" in (e.warning or "") for e in entries)


def test_long_file_of_pairs_like_tico19(tmp_path):
    path = tmp_path / "tico.tsv"
    path.write_text("id\tsourceLang\ttargetLang\tsourceString\ttargetString\turl\n"
                    "CMU_1\ten\tes-BO\tquarantine\tcuarentena\thttps://example.org\n"
                    "CMU_2\ten\tpl\tsocial distancing\tdystans społeczny\t\n", encoding="utf-8")
    entries, concepts = read("tsv", path)
    assert [c.id for c in concepts] == ["CMU_1", "CMU_2"]
    assert pairs(concepts) == [[("en", "quarantine"), ("es-BO", "cuarentena")],
                               [("en", "social distancing"), ("pl", "dystans społeczny")]]
    assert concepts[0].terms[1].lang == "es"


def test_headerless_omegat_csv_with_from_and_to(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text('pomoc społeczna,socialinė parama,"ustawa, art. 1"\n'
                    "gmina,savivaldybė,\n", encoding="utf-8")
    with pytest.raises(FormatError, match="--from and --to"):
        read("csv", path)
    entries, concepts = read("csv", path, source_lang="pl", target_lang="lt")
    assert pairs(concepts) == [[("lt", "socialinė parama"), ("pl", "pomoc społeczna")],
                               [("lt", "savivaldybė"), ("pl", "gmina")]]
    assert concepts[0].note == "ustawa, art. 1"
    assert any("no header: columns read as pl, lt, note" in (e.warning or "") for e in entries)


def test_explicit_columns_by_position_and_by_header(tmp_path):
    path = tmp_path / "odd.tsv"
    path.write_text("x1\tgmina\tseniūnija\n", encoding="utf-8")
    _, (concept,) = read("tsv", path, columns="-,pl,lt")
    assert pairs([concept]) == [[("lt", "seniūnija"), ("pl", "gmina")]]
    named = tmp_path / "named.tsv"
    named.write_text("Begriff\tBenennung\tStatus\ngmina\tseniūnija\tpreferred\n",
                     encoding="utf-8")
    _, (concept,) = read("tsv", named, columns="Begriff=pl,Benennung=lt,Status=status_pl")
    assert concept.terms[0].status == "preferred"
    with pytest.raises(FormatError, match="Nope"):
        read("tsv", named, columns="Nope=pl")


def test_xlsx_with_language_names(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Polish", "Lithuanian", "English"])
    book.active.append(["rodzina zastępcza", "globėjų šeima", "foster family"])
    path = tmp_path / "names.xlsx"
    book.save(path)
    _, (concept,) = read("xlsx", path)
    assert {t.lang for t in concept.terms} == {"pl", "lt", "en"}


def test_dry_run_shows_the_mapping_it_chose(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("Polski,Lietuvių\ngmina,seniūnija\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "termbase", "--db", str(tmp_path / "t.json"),
                             "import", str(path), "--dry-run"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "column mapping: 'Polski' = pl; 'Lietuvių' = lt" in result.stdout
    as_json = subprocess.run([sys.executable, "-m", "termbase", "--db",
                              str(tmp_path / "t.json"), "import", str(path), "--dry-run",
                              "--json"], capture_output=True, text=True, timeout=120)
    assert any("column mapping" in w for w in json.loads(as_json.stdout)["warnings"])


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from termbase.model import split_lang_tag  # noqa: E402


@given(st.text(max_size=30))
def test_any_header_cell_gives_nothing_or_a_valid_tag(cell):
    tag = language_column(cell)
    assert tag == "" or split_lang_tag(tag)[0] == tag.split("-")[0]


@pytest.mark.parametrize("spec, bad", [
    ("pl,Lithuanain", "'Lithuanain'"), ("Lietuviu=lt,Polsih=Plish", "'Plish'"),
    ("pl,lt,notes", "'notes'")])
def test_a_columns_value_that_names_nothing_is_refused(tmp_path, spec, bad):
    path = tmp_path / "two.csv"
    path.write_text("Lietuviu,Polsih,x\nkuratorius,kurator,\n", encoding="utf-8")
    with pytest.raises(FormatError, match=bad):
        read("csv", path, columns=spec)


@pytest.mark.parametrize("spec, named", [("pl,Lithuanain", "'Lithuanain'"),
                                         (" , ", "empty"), ("=pl", "'=pl'")])
def test_a_columns_typo_is_a_usage_error_naming_the_value(tmp_path, spec, named):
    path = tmp_path / "two.csv"
    path.write_text("zasiłek rodzinny,šeimos pašalpa\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "termbase", "--db", str(tmp_path / "t.json"),
                             "import", str(path), "--columns", spec],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and named in result.stderr
    fine = subprocess.run([sys.executable, "-m", "termbase", "--db", str(tmp_path / "t.json"),
                           "import", str(path), "--columns", "pl,Lithuanian"],
                          capture_output=True, text=True, timeout=120)
    assert fine.returncode == 0, fine.stderr


@pytest.mark.parametrize("header, tag", [
    ("English (United Kingdom)", "en-GB"), ("English (UK)", "en-GB"), ("English (US)", "en-US"),
    ("Polish (Poland)", "pl-PL"), ("Polish (Lithuania)", "pl-LT"), ("Polski (Litwa)", "pl-LT"),
    ("Lietuvių (Lietuva)", "lt-LT"), ("Lithuanian (LT)", "lt-LT"), ("English (Narnia)", ""),
    ("Term (pl)", "pl")])
def test_language_and_region_headers_give_regional_tags(header, tag):
    assert language_column(header) == tag


def test_a_sheet_with_language_and_region_headers_keeps_every_column(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text("English (United Kingdom),Polish (Poland),Polish (Lithuania)\n"
                    "care leaver,usamodzielniany wychowanek,wychowanek usamodzielniany\n",
                    encoding="utf-8")
    entries, (concept,) = read("csv", path)
    assert pairs([concept]) == [sorted([("en-GB", "care leaver"),
                                        ("pl-PL", "usamodzielniany wychowanek"),
                                        ("pl-LT", "wychowanek usamodzielniany")])]
    assert not any("ignored columns" in (e.warning or "") for e in entries)


@pytest.mark.parametrize("first, source", [
    ("polish,polerować", "polish"), ("English,angielski", "English"),
    ("Lithuanian,litewski", "Lithuanian")])
def test_a_headerless_pair_file_whose_first_row_looks_like_languages(tmp_path, first, source):
    path = tmp_path / "pairs.csv"
    path.write_text(f"{first}\ncarer,opiekun\n", encoding="utf-8")
    entries, concepts = read("csv", path, source_lang="en", target_lang="pl")
    assert pairs(concepts) == [[("en", source), ("pl", first.split(",")[1])],
                               [("en", "carer"), ("pl", "opiekun")]]
    assert any("first row does not name en and pl" in (e.warning or "") for e in entries)


def test_a_header_naming_both_languages_is_still_a_header_with_from_and_to(tmp_path):
    path = tmp_path / "named.csv"
    path.write_text("Polish,Lithuanian\ngmina,savivaldybė\n", encoding="utf-8")
    _, concepts = read("csv", path, source_lang="pl", target_lang="lt")
    assert pairs(concepts) == [[("lt", "savivaldybė"), ("pl", "gmina")]]


@pytest.mark.parametrize("header", ["Source,Target", "source,target,note",
                                    "Source term,Target term"])
def test_source_target_header_with_from_and_to_is_not_a_term_pair(tmp_path, header):
    path = tmp_path / "st.csv"
    row = "family allowance,zasiłek rodzinny" + (",from the act" if header.count(",") == 2
                                                else "")
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    _, concepts = read("csv", path, source_lang="en", target_lang="pl")
    assert pairs(concepts) == [[("en", "family allowance"), ("pl", "zasiłek rodzinny")]]
    assert concepts[0].note == ("from the act" if header.count(",") == 2 else "")
