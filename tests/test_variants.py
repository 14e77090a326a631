"""Regional varieties: --variant and the user config's default, on lookup, suggest and
export; the target side's notes are always there."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termbase.config import default_variant
from termbase.model import ValidationError
from termbase.variants import fits, parse_variant


@given(st.sampled_from(["pl", "lt", "en", "PL"]), st.sampled_from(["pl", "lt", "gb", "PL"]))
def test_variant_tags_are_canonical_whatever_the_case(lang, region):
    assert parse_variant(f"{lang}-{region}") == f"{lang.lower()}-{region.upper()}"


@given(st.text(max_size=12).filter(lambda t: t.strip() and "-" not in t and "_" not in t))
def test_anything_but_a_regional_tag_is_refused(text):
    with pytest.raises(ValidationError):
        parse_variant(text)


def test_an_underscore_separates_as_a_hyphen_does():
    """Locale names as other tools write them (pl_PL, lt_LT) are the same tags."""
    assert parse_variant("pl_PL") == "pl-PL" and parse_variant("lt_lt") == "lt-LT"


def test_neutral_terms_fit_every_variety():
    assert fits("", "pl-PL") and fits("pl-PL", "pl-pl") and not fits("pl-LT", "pl-PL")


def test_config_file_gives_the_default_and_the_command_line_wins(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    monkeypatch.setenv("TERMBASE_CONFIG", str(config))
    assert default_variant(None) is None  # no file, no default
    config.write_text('variant = "pl-lt"\n', encoding="utf-8")
    assert default_variant(None) == "pl-LT"
    assert default_variant("pl-PL") == "pl-PL"
    config.write_text('variant = [1\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid TOML"):
        default_variant(None)
    config.write_text('varaint = "pl-PL"\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="unknown key"):
        default_variant(None)


def first_equivalents(tb, segment, source, target, variant):
    result = tb.suggest(segment, source, target, memory=0, variant=variant)
    return [(hit.concept_id, hit.equivalents[0].term) for hit in result.terms]


def test_suggest_puts_the_varietys_homonym_and_equivalent_first(shipped_any):
    assert first_equivalents(shipped_any, "Gmina", "pl", "lt", "pl-PL")[0] == (
        "adm-municipality", "savivaldybė")
    assert first_equivalents(shipped_any, "Gmina", "pl", "lt", "pl-LT")[0] == (
        "adm-eldership", "seniūnija")
    assert first_equivalents(shipped_any, "Pagalba į namus", "lt", "pl", "pl-PL") == [
        ("svc-home-help", "usługi opiekuńcze")]
    assert first_equivalents(shipped_any, "Pagalba į namus", "lt", "pl", "pl-LT") == [
        ("svc-home-help", "pomoc w domu")]


def test_lookup_ranks_the_varietys_homonym_first(shipped_any):
    assert shipped_any.lookup("gmina", variant="pl-PL")[0].concept_id == "adm-municipality"
    assert shipped_any.lookup("gmina", variant="pl-LT")[0].concept_id == "adm-eldership"


def test_plain_suggest_prints_the_target_sides_regional_notes(run_cli):
    result = run_cli("suggest", "Pagalba į namus", "--from", "lt", "--to", "pl",
                     "--variant", "pl-PL")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "usługi opiekuńcze [pl-PL]; pomoc w domu [pl-LT]" in lines[1]
    assert any(line.strip().startswith("warning: pomoc w domu: ") for line in lines)


def test_export_for_one_variety_leaves_out_the_others_terms(run_cli, tmp_path):
    path = tmp_path / "glossary.txt"
    result = run_cli("export", str(path), "--format", "omegat", "--from", "lt", "--to", "pl",
                     "--variant", "pl-PL")
    assert result.code == 0, result.err
    rows = [line.split("\t")[:2] for line in path.read_text(encoding="utf-8").splitlines()]
    assert ["savivaldybė", "gmina"] in rows and ["savivaldybė", "samorząd"] not in rows
    assert ["rajonas", "rejon"] in rows  # no Polish-of-Poland term: the only one stays


def test_a_bad_variant_is_one_line_and_exit_2_or_1(run_cli):
    result = run_cli("lookup", "gmina", "--variant", "Polish")
    assert result.code in (1, 2) and "regional tag" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("suffix", ["json", "sqlite"])
def test_the_varietys_term_comes_first_unless_it_is_one_not_to_use(tmp_path, suffix):
    from termbase import ConceptEdit, Termbase

    tb = Termbase.open(tmp_path / f"t.{suffix}", seed=False)
    tb.add(ConceptEdit(terms=[("lt", "seniūnija"), ("pl", "starostwo"), ("pl", "sołectwo"),
                              ("pl", "gmina")], subject="administration",
                       regions=[("pl", "sołectwo", "pl-LT"), ("pl", "gmina", "pl-LT")],
                       statuses=[("pl", "gmina", "deprecated")]))
    (hit,) = tb.suggest("Seniūnija dirba.", "lt", "pl", memory=0, variant="pl-LT").terms
    assert [e.term for e in hit.equivalents] == ["sołectwo", "starostwo", "gmina"]
    (match,) = tb.lookup("seniūnija", to=["pl"], variant="pl-LT")
    assert [e.term for e in match.equivalents["pl"]] == ["sołectwo", "starostwo", "gmina"]
