"""Term QA a translator can trust: verb forms and nested terms, regional varieties, accept
lists, the language sanity check, counts per kind and reports a CAT tool reads."""

import csv
import io
from pathlib import Path

import pytest
from lxml import etree

from termbase.check import check_file, check_segment
from termbase.check_accept import AcceptList, segment_key
from termbase.formats.base import FormatError

TMX = Path(__file__).parent / "data" / "memory_pl_lt_en.tmx"


def flags(shipped, source, target, pair="pl-lt", variant=None):
    source_lang, target_lang = pair.split("-")
    return [(i.kind, i.concept_id) for i in check_segment(
        shipped.index, 1, source, target, source_lang, target_lang, variant)]


@pytest.mark.parametrize("source, target, pair", [
    ("Rodzinę skierowano do ośrodka.", "Šeima buvo nukreipta į centrą.", "pl-lt"),  # participle
    ("Pracownik skierował wniosek.", "Darbuotojas nukreipė prašymą.", "pl-lt"),    # past tense
    ("Šeima buvo nukreipta pas psichologą.", "The family was referred to a psychologist.",
     "lt-en"),
    ("Szkolenie pozytywnego rodzicielstwa", "Pozityviosios tėvystės mokymai", "pl-lt"),  # nested
    ("Szkolenia odbyły się w maju.", "Gegužę vyko pozityviosios tėvystės mokymai.", "pl-lt"),
    ("Socialinę riziką patiriančios šeimos gauna paramą.",
     "Rodziny ryzyka otrzymują wsparcie.", "lt-pl"),
    ("Families at social risk", "šeimos, patiriančios socialinę riziką", "en-lt"),  # reordered
])
def test_inflected_verbal_nested_and_reordered_equivalents_pass(shipped, source, target, pair):
    assert flags(shipped, source, target, pair) == []


def test_missing_and_deprecated_terms_are_flagged(shipped):
    assert flags(shipped, "Mediacja pomogła rodzinie.", "Konsultacija padėjo šeimai.") == [
        ("missing-equivalent", "svc-mediation")]
    assert flags(shipped, "Intelekto negalia nėra liga.", "Upośledzenie umysłowe nie jest "
                 "chorobą.", "lt-pl") == [("deprecated-term", "grp-intellectual-disability")]


def test_variant_decides_which_gmina_the_source_means(shipped):
    to_lt = ("Gmina zatrudnia pracowników socjalnych.", "Savivaldybė įdarbina socialinius "
             "darbuotojus.")
    assert flags(shipped, *to_lt, variant="pl-PL") == []
    assert flags(shipped, *to_lt, variant="pl-LT") == [("missing-equivalent", "adm-eldership")]
    assert flags(shipped, *to_lt) == []  # no variety given: either reading is accepted


def test_target_variant_flags_another_varietys_term(shipped):
    pair = ("Pagalbą į namus teikia savivaldybė.", "Pomoc w domu zapewnia gmina.")
    assert flags(shipped, *pair, "lt-pl", "pl-PL") == [("other-variant", "svc-home-help")]
    assert flags(shipped, *pair, "lt-pl", "pl-LT") == [("other-variant", "adm-municipality")]
    assert flags(shipped, "Pagalbą į namus teikia savivaldybė.", "Usługi opiekuńcze zapewnia "
                 "gmina.", "lt-pl", "pl-PL") == []


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


JOB = ("pl\tlt\n"
       "Pracownicy socjalni odwiedzili rodziny.\tSocialiniai darbuotojai aplankė šeimas.\n"
       "Mediacja pomogła rodzinie.\tKonsultacija padėjo šeimai.\n"
       "Dzienny ośrodek wsparcia jest czynny.\tDienos globos namai dirba.\n")


def test_report_counts_per_kind_and_keys_each_flag(shipped, tmp_path):
    report = check_file(shipped.index, write(tmp_path, "job.tsv", JOB), "pl", "lt")
    assert report["counts"] == {"missing-equivalent": 2}
    assert [i["segment"] for i in report["issues"]] == [
        segment_key("Mediacja pomogła rodzinie."),
        segment_key("Dzienny ośrodek wsparcia jest czynny.")]


def test_accept_list_silences_exactly_the_accepted_flags(shipped_any, tmp_path):
    key = segment_key("Mediacja  pomogła RODZINIE.")  # blind to case and spacing
    accept = write(tmp_path, "accept.tsv", "# reviewed\nkind\tconcept_id\tsegment\n"
                   f"missing-equivalent\tsvc-mediation\t{key}\n*\tinst-day-centre\t*\n")
    report = shipped_any.check(write(tmp_path, "job.tsv", JOB), "pl", "lt", accept=accept)
    assert report.issues == [] and report.counts == {}
    other = write(tmp_path, "other.tsv", "pl\tlt\nMediacja trwała godzinę.\tKonsultacija "
                  "truko valandą.\n")
    assert shipped_any.check(other, "pl", "lt", accept=accept).counts == {"missing-equivalent": 1}


@pytest.mark.parametrize("text, message", [
    ("missing-equivalent\tsvc-mediation\n", "expected kind, concept_id, segment"),
    ("wrong-kind\tsvc-mediation\t*\n", "unknown kind"),
])
def test_a_malformed_accept_list_is_an_error_with_its_line(tmp_path, text, message):
    with pytest.raises(FormatError, match=message) as error:
        AcceptList.load(write(tmp_path, "accept.tsv", "# comment\n" + text))
    assert error.value.line == 2


def test_swapped_languages_are_an_error_not_zero_issues(shipped, tmp_path):
    with pytest.raises(FormatError, match="columns are pl and lt"):
        check_file(shipped.index, write(tmp_path, "job.tsv", JOB), "lt", "pl")
    headless = write(tmp_path, "headless.tsv", JOB.split("\n", 1)[1])
    with pytest.raises(FormatError, match="source column looks pl, not lt; check --from"):
        check_file(shipped.index, headless, "lt", "pl")
    with pytest.raises(FormatError, match="no lt-de segment pairs"):
        check_file(shipped.index, TMX, "lt", "de")


@pytest.mark.parametrize("source, target", [("Gmina.", "Savivaldybė."),
                                             ("Pracownik socjalny", "Socialinis darbuotojas")])
def test_short_segments_with_swapped_languages_are_caught_by_their_terms(shipped, tmp_path,
                                                                        source, target):
    """Too short for a guess from letters and common words, but each side holds termbase
    terms of the other language only."""
    path = write(tmp_path, "short.tsv", f"{source}\t{target}\n")
    with pytest.raises(FormatError, match="source column holds pl terms.*--from and --to"):
        check_file(shipped.index, path, "lt", "pl")
    assert check_file(shipped.index, path, "pl", "lt")["segments"] == 1


def test_a_short_segment_left_untranslated_is_not_taken_for_swapped_languages(shipped,
                                                                               tmp_path):
    """A target that only repeats the source term is a QA finding, not a usage mistake."""
    path = write(tmp_path, "copy.tsv", "Gmina.\tGmina.\n")
    assert check_file(shipped.index, path, "pl", "lt")["segments"] == 1


def test_cli_swapped_languages_exit_1_with_one_line(run_cli, tmp_path):
    result = run_cli("check", str(write(tmp_path, "job.tsv", JOB)), "--from", "lt", "--to", "pl")
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err.strip().count("\n") == 0 and "--from" not in result.out


def test_csv_and_xliff_reports_open_in_other_tools(shipped_any, tmp_path):
    report = shipped_any.check(write(tmp_path, "job.tsv", JOB), "pl", "lt")
    assert report.counts == {"missing-equivalent": 2}
    write_report = shipped_any.write_check_report
    write_report(report, tmp_path / "qa.csv")
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "qa.csv").read_bytes().decode("utf-8-sig"))))
    assert [(r["line"], r["kind"], r["concept_id"]) for r in rows] == [
        ("3", "missing-equivalent", "svc-mediation"), ("4", "missing-equivalent", "inst-day-centre")]
    write_report(report, tmp_path / "qa.xlf")
    from translate.storage import xliff

    store = xliff.xlifffile.parsefile(str(tmp_path / "qa.xlf"))
    units = [u for u in store.units if not u.isheader()]
    assert [u.source for u in units] == ["Mediacja pomogła rodzinie.",
                                         "Dzienny ośrodek wsparcia jest czynny."]
    assert "svc-mediation" in units[0].getnotes()
    assert etree.parse(str(tmp_path / "qa.xlf")).getroot().get("version") == "1.2"
    with pytest.raises(FormatError, match="use .csv, .xlf or .xliff"):
        write_report(report, tmp_path / "qa.pdf")


def test_cli_check_with_variant_accept_and_report(run_cli, tmp_path):
    job = write(tmp_path, "job.tsv", "pl\tlt\nGmina zatrudnia pracowników socjalnych.\t"
                "Savivaldybė įdarbina socialinius darbuotojus.\nMediacja pomogła rodzinie.\t"
                "Konsultacija padėjo šeimai.\n")
    result = run_cli("check", str(job), "--from", "pl", "--to", "lt", "--variant", "pl-PL",
                     "--report", str(tmp_path / "qa.csv"))
    assert result.code == 1, result.err
    assert "1 issue(s): 1 missing-equivalent" in result.out and "svc-mediation" in result.out
    accept = write(tmp_path, "accept.tsv", "missing-equivalent\tsvc-mediation\t*\n")
    result = run_cli("check", str(job), "--from", "pl", "--to", "lt", "--accept", str(accept),
                     "--json", env={"TERMBASE_CONFIG": str(write(
                         tmp_path, "config.toml", 'variant = "pl-PL"\n'))})
    assert result.code == 0, result.err
    assert result.json()["variant"] == "pl-PL" and result.json()["issues"] == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab*-\t\n #\r"), max_size=60))
def test_any_accept_list_text_loads_or_is_one_format_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("accept") / "accept.tsv"
    path.write_text(text, encoding="utf-8")
    try:
        accepted = AcceptList.load(path)
    except FormatError:
        return
    assert all(len(entry) == 3 for entry in accepted.entries)


@given(st.lists(st.text(alphabet="abcząćęłńóśźżėųū", min_size=1, max_size=8), min_size=1,
                max_size=6), st.sampled_from([" ", "  ", "\t", " \n "]))
def test_segment_key_ignores_case_and_spacing_only(words, space):
    plain = " ".join(words)
    assert segment_key(f" {space.join(w.upper() for w in words)} ") == segment_key(plain)
    assert segment_key(plain + "x") != segment_key(plain)


def test_an_irregular_english_plural_counts_as_the_term(shipped_any):
    source = "Užimtumo terapijos dirbtuvėse dirba dešimt žmonių su negalia."
    for target in ("Ten people with disabilities work in the occupational therapy workshop.",
                   "Ten persons with disabilities work in the occupational therapy workshop."):
        assert check_segment(shipped_any.index, 1, source, target, "lt", "en") == []
    flagged = check_segment(shipped_any.index, 1, source, "Ten workers work in the occupational therapy workshop.", "lt", "en")
    assert [i.concept_id for i in flagged] == ["grp-persons-with-disabilities"]


TERM_SPLIT_BY_CODES = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Ask about the respite <ph x="1">&lt;br/&gt;</ph>care.</seg></tuv>
 <tuv xml:lang="pl"><seg>Zapytaj o pomoc.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Ask about <bpt i="1">&lt;b&gt;</bpt>respite<ept i="1">&lt;/b&gt;</ept> care.</seg></tuv>
 <tuv xml:lang="pl"><seg>Zapytaj o pomoc.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Ask about respite care.</seg></tuv>
 <tuv xml:lang="pl"><seg>Zapytaj o opiekę <ph x="1">&lt;br/&gt;</ph>wytchnieniową.</seg></tuv></tu>
</body></tmx>
"""


def test_inline_codes_inside_a_term_do_not_hide_it(tmp_path):
    """A code between the words of a term (a line break, bold on one word) is a break
    between words, not a word: the source term is still found, and so is its equivalent
    split by a code in the target."""
    from termbase import Concept, Term, Termbase

    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.add(Concept(terms=[Term("en", "respite care"), Term("pl", "opieka wytchnieniowa")]))
    path = tmp_path / "job.tmx"
    path.write_text(TERM_SPLIT_BY_CODES, encoding="utf-8")
    report = tb.check(path, "en", "pl")
    assert [(i.line, i.kind) for i in report.issues] == [(4, "missing-equivalent"),
                                                          (6, "missing-equivalent")]


def test_the_csv_report_never_hands_a_spreadsheet_a_formula(shipped, tmp_path):
    job = write(tmp_path, "job.tsv", "pl\tlt\n"
                "=Mediacja pomogła rodzinie.\t-Konsultacija padėjo šeimai.\n")
    report = shipped.check(job, "pl", "lt")
    assert [i.kind for i in report.issues] == ["missing-equivalent"]
    shipped.write_check_report(report, tmp_path / "qa.csv")
    (row,) = csv.DictReader(io.StringIO((tmp_path / "qa.csv").read_bytes().decode("utf-8-sig")))
    assert row["source"] == "'=Mediacja pomogła rodzinie."
    assert row["target"] == "'-Konsultacija padėjo šeimai."
    assert row["concept_id"] == "svc-mediation"


def test_a_term_another_concept_deprecates_is_right_for_the_source_concept(shipped):
    # Karta Dużej Rodziny: preferred for Poland's national card, deprecated as a name of the
    # local discount card; which one the translation means, the source segment tells
    national = ("Lenkija išduoda Lenkijos didelės šeimos kortelę.",
                "Polska wydaje Kartę Dużej Rodziny.")
    assert flags(shipped, *national, "lt-pl") == []
    assert flags(shipped, "Poland issues the Large Family Card.",
                 "Polska wydaje Kartę Dużej Rodziny.", "en-pl") == []
    local = ("Gausių šeimų nuolaidų kortelė galioja trijose savivaldybėse.",
             "Karta Dużej Rodziny obowiązuje w trzech gminach.")
    assert flags(shipped, *local, "lt-pl") == [("deprecated-term", "svc-large-family-card")]
