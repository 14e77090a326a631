"""Suggestions, translation memory, term QA and concordance on real-looking text."""

from pathlib import Path

import pytest
from vocabulary import build_termbase, concept_of

from termbase.check import check_file
from termbase.concordance import concordance
from termbase.model import Segment, Term
from termbase.suggest import suggest

TMX = Path(__file__).parent / "data" / "memory_pl_lt_en.tmx"


@pytest.fixture(scope="module")
def tb(tmp_path_factory):
    extra = [("social assistance centre", Term("lt", "socialinės paramos skyrius", status="deprecated")),
             ("night shelter", Term("lt", "nakvynės namas", status="forbidden"))]
    return build_termbase(tmp_path_factory.mktemp("suggest") / "tb.json", extra)


def spans(result):
    return [(h["text"], h["term"]) for h in result["terms"]]


def test_inflected_multiword_terms_with_offsets(tb):
    segment = "Spotkanie pracowników socjalnych z osobami niepełnosprawnymi odbyło się w gminie."
    result = suggest(tb.index, segment, "pl", "lt")
    assert spans(result) == [("pracowników socjalnych", "pracownik socjalny"),
                             ("osobami niepełnosprawnymi", "osoba niepełnosprawna"),
                             ("gminie", "gmina")]
    for hit in result["terms"]:
        assert segment[hit["start"]:hit["end"]] == hit["text"]
    assert result["terms"][0]["equivalents"][0] == {"term": "socialinis darbuotojas", "status": "preferred"}


def test_longest_match_wins_over_the_term_inside_it(tb):
    result = suggest(tb.index, "Dyrektor ośrodka pomocy społecznej mówił o pomocy społecznej.", "pl", "lt")
    assert spans(result) == [("ośrodka pomocy społecznej", "ośrodek pomocy społecznej"),
                             ("pomocy społecznej", "pomoc społeczna")]


def test_terms_that_partly_overlap_are_both_found(tmp_path):
    from termbase import Termbase
    from termbase.model import Concept

    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    with tb.store.transaction("fixture") as tx:
        for pl, lt in [("kierownik wydziału", "skyriaus vedėjas"),
                       ("wydział opieki społecznej", "socialinės paramos skyrius"),
                       ("opieka społeczna", "socialinė globa")]:
            tx.add(Concept(terms=[Term("pl", pl), Term("lt", lt)]))
    result = suggest(tb.index, "Kierownik Wydziału Opieki Społecznej przyjmuje w środy.",
                     "pl", "lt")
    assert spans(result) == [("Kierownik Wydziału", "kierownik wydziału"),
                             ("Wydziału Opieki Społecznej", "wydział opieki społecznej")]


def test_case_and_diacritics_tolerant(tb):
    result = suggest(tb.index, "KIEROWNIK OSRODKA POMOCY SPOLECZNEJ", "pl", "en")
    assert spans(result) == [("OSRODKA POMOCY SPOLECZNEJ", "ośrodek pomocy społecznej")]
    assert result["terms"][0]["equivalents"][0]["term"] == "social assistance centre"


def test_lithuanian_source(tb):
    result = suggest(tb.index, "Socialinių paslaugų centre dirba socialiniai darbuotojai.", "lt", "pl")
    assert spans(result) == [("Socialinių paslaugų centre", "socialinių paslaugų centras"),
                             ("socialiniai darbuotojai", "socialinis darbuotojas")]


def test_deprecated_and_forbidden_are_marked_after_preferred(tb):
    hit = suggest(tb.index, "Noclegownia jest pełna.", "pl", "lt")["terms"][0]
    assert [e["status"] for e in hit["equivalents"]] == ["preferred", "forbidden"]


def test_regional_usage_is_flagged(tb):
    hit = suggest(tb.index, "Mieszkańcy gminy Rukojnie.", "pl", "lt")["terms"][0]
    assert hit["term"] == "gmina" and "pl-LT" in hit["source_note"]


def test_off_domain_text_has_no_hits(tb):
    for segment in ("Wczoraj padał deszcz, a dzisiaj świeci słońce nad morzem.",
                    "Rytoj bus šilta ir saulėta diena prie jūros.",
                    "Samochód stoi w garażu obok roweru i kosiarki."):
        lang = "lt" if "Rytoj" in segment else "pl"
        assert suggest(tb.index, segment, lang, "en")["terms"] == []


@pytest.fixture(scope="module")
def with_memory(tmp_path_factory):
    tb = build_termbase(tmp_path_factory.mktemp("tm") / "tb.json")
    report = tb.import_file(TMX)
    assert report.segments_added == 32
    return tb


def test_tmx_import_fills_the_memory(with_memory):
    assert len(with_memory.index.memory) == 32


def test_identical_segment_scores_100(with_memory):
    source = "Mediacja pomaga rodzinom rozwiązywać konflikty."
    (best, *_) = suggest(with_memory.index, source, "pl", "lt")["memory"]
    assert best["score"] == 100 and best["target"] == "Mediacija padeda šeimoms spręsti konfliktus."


def test_edited_segment_scores_lower_and_nearest_first(with_memory):
    result = suggest(with_memory.index, "Pracownik socjalny odwiedza rodzinę trzy razy w tygodniu.", "pl", "en")
    scores = [m["score"] for m in result["memory"]]
    assert 70 <= scores[0] < 100 and scores == sorted(scores, reverse=True)
    assert result["memory"][0]["source"].startswith("Pracownik socjalny odwiedza rodzinę")


def test_memory_ignores_case_and_punctuation_only_differences(with_memory):
    best = suggest(with_memory.index, "mediacja pomaga rodzinom rozwiązywać konflikty", "pl", "lt")["memory"][0]
    assert best["score"] == 97          # case and the final full stop differ: punctuation


def test_concordance_is_inflection_aware(with_memory):
    hits = concordance(with_memory.index, "pracownik socjalny", "pl", "lt")
    texts = [h["text"][h["start"]:h["end"]] for h in hits]
    assert "pracowników socjalnych" in texts and "Pracownik socjalny" in texts
    assert all("lt" in h["translations"] for h in hits)


def write_pairs(tmp_path, rows):
    path = tmp_path / "job.tsv"
    path.write_text("pl\tlt\n" + "".join(f"{s}\t{t}\n" for s, t in rows), encoding="utf-8")
    return path


def test_check_flags_missing_and_bad_terms_only(tb, tmp_path):
    path = write_pairs(tmp_path, [
        ("Pracownicy socjalni odwiedzają rodziny.", "Socialiniai darbuotojai lanko šeimas."),       # ok, inflected
        ("Pracownik socjalny przyszedł.", "Atvyko darbuotojas."),                                 # missing
        ("Noclegownia jest otwarta.", "Nakvynės namas atidarytas."),                               # forbidden used
        ("Dzień był słoneczny.", "Diena buvo saulėta."),                                          # nothing to check
        ("Ośrodek pomocy społecznej", "Socialinės paramos centras"),                              # ok
    ])
    report = check_file(tb.index, path, "pl", "lt")
    kinds = sorted((i["line"], i["kind"]) for i in report["issues"])
    assert report["segments"] == 5
    assert kinds == [(3, "missing-equivalent"), (4, "forbidden-term")]


def test_check_reads_tmx(with_memory):
    report = check_file(with_memory.index, TMX, "pl", "lt")
    assert report["segments"] == 32
    flagged = {i["concept_id"] for i in report["issues"]}
    assert concept_of(with_memory, "social worker") not in flagged


def test_word_diff_marks_exactly_the_changed_words():
    from termbase.index.memory import word_diff

    marked = word_diff("Pracownik socjalny odwiedza rodzinę trzy razy w tygodniu.",
                       "Pracownik socjalny odwiedza rodzinę dwa razy w tygodniu.")
    assert [w for w, differs in marked if differs] == ["dwa"]


def test_shell_answers_lookups_and_segments(run_cli, tmp_path):
    from vocabulary import build_termbase

    tb = build_termbase(tmp_path / "shell.json")
    result = run_cli("--db", str(tb.store.path), "shell", "--from", "pl", "--to", "lt",
                     input="pracownikom socjalnym\n:to en\n"
                           "Spotkanie pracowników socjalnych z osobami niepełnosprawnymi\n"
                           ":from xx\n:quit\nnever read\n")
    assert result.code == 0, result.err
    out = result.out
    assert "socialinis darbuotojas" in out                      # lookup, target lt
    assert "-> social worker" in out and "person with a disability" in out  # suggestion, target en
    assert "unknown language code" in out


@pytest.mark.parametrize("xliff", [
    '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file source-language="pl" target-language="lt" datatype="plaintext" original="a"><body>'
    '<trans-unit id="1"><source>Pracownik socjalny przyszedł.</source><target>Atvyko darbuotojas.</target></trans-unit>'
    '<trans-unit id="2"><source>Ośrodek pomocy społecznej</source><target>Socialinės paramos centras</target></trans-unit>'
    '</body></file></xliff>',
    '<?xml version="1.0"?><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="pl" trgLang="lt">'
    '<file id="f"><unit id="1"><segment><source>Pracownik socjalny przyszedł.</source><target>Atvyko darbuotojas.</target></segment></unit>'
    '<unit id="2"><segment><source>Ośrodek pomocy społecznej</source><target>Socialinės paramos centras</target></segment></unit>'
    '</file></xliff>',
], ids=["xliff-1.2", "xliff-2.0"])
def test_check_reads_xliff(tb, tmp_path, xliff):
    path = tmp_path / "job.xlf"
    path.write_text(xliff, encoding="utf-8")
    report = check_file(tb.index, path, "pl", "lt")
    assert report["segments"] == 2
    assert [(i["kind"], i["source_term"]) for i in report["issues"]] == [
        ("missing-equivalent", "Pracownik socjalny")]
