"""Alignment: term pairs from parallel text, on sentences written for this test.

The sentences (Polish, Lithuanian, English) are our own, not the seed texts; each known
pair occurs in several segments in different inflected forms, and every segment holds
other nouns too, so co-occurrence has competitors to beat.
"""

from __future__ import annotations

import pytest

from test_extract import seeded_db  # noqa: F401 - a fixture: the glossary store, ready

from termbase.align import align, cognate_similarity
from termbase.extraction.passages import SegmentPair
from termbase.text.normalize import fold

# (Polish, Lithuanian, English)
PARALLEL = [
    ("Pracownik socjalny odwiedził rodzinę w poniedziałek.",
     "Socialinis darbuotojas pirmadienį aplankė šeimą.",
     "The social worker visited the family on Monday."),
    ("Gmina zatrudnia trzech pracowników socjalnych.",
     "Savivaldybė įdarbina tris socialinius darbuotojus.",
     "The municipality employs three social workers."),
    ("Pracownikom socjalnym brakuje czasu na dokumentację.",
     "Socialiniams darbuotojams trūksta laiko dokumentams.",
     "Social workers lack time for documentation."),
    ("Z pracownikiem socjalnym rozmawiała matka dwojga dzieci.",
     "Su socialiniu darbuotoju kalbėjosi dviejų vaikų motina.",
     "A mother of two children spoke with the social worker."),
    ("Rodzina otrzymała pomoc społeczną po pożarze domu.",
     "Po namo gaisro šeima gavo socialinę paramą.",
     "The family received social assistance after the house fire."),
    ("Wniosek o pomoc społeczną złożono w urzędzie.",
     "Prašymas dėl socialinės paramos pateiktas įstaigoje.",
     "The application for social assistance was submitted at the office."),
    ("Pomocy społecznej udziela się osobom o niskich dochodach.",
     "Socialinė parama teikiama mažas pajamas gaunantiems asmenims.",
     "Social assistance is granted to persons with low incomes."),
    ("Pracownik socjalny ocenia, czy pomoc społeczna jest potrzebna.",
     "Socialinis darbuotojas įvertina, ar reikalinga socialinė parama.",
     "The social worker assesses whether social assistance is needed."),
    ("Mediacja rodzinna pomaga rozwiązać konflikt bez sądu.",
     "Šeimos mediacija padeda išspręsti konfliktą be teismo.",
     "Family mediation helps to resolve a conflict without a court."),
    ("Sąd skierował rodziców na mediację rodzinną.",
     "Teismas nukreipė tėvus į šeimos mediaciją.",
     "The court referred the parents to family mediation."),
    ("Koszty mediacji rodzinnej pokrywa samorząd.",
     "Šeimos mediacijos išlaidas apmoka savivaldybė.",
     "The municipality covers the costs of family mediation."),
    ("Po mediacji rodzinnej rodzice podpisali porozumienie.",
     "Po šeimos mediacijos tėvai pasirašė susitarimą.",
     "After family mediation the parents signed an agreement."),
    ("Program wspiera integrację społeczną migrantów.",
     "Programa remia migrantų socialinę integraciją.",
     "The programme supports the social integration of migrants."),
    ("Integracja społeczna wymaga współpracy wielu instytucji.",
     "Socialinei integracijai reikia daugelio institucijų bendradarbiavimo.",
     "Social integration requires the cooperation of many institutions."),
    ("Szkoła też odpowiada za integrację społeczną uczniów.",
     "Mokykla taip pat atsako už mokinių socialinę integraciją.",
     "The school is also responsible for the social integration of pupils."),
    ("Projekt dotyczy integracji społecznej osób bezdomnych.",
     "Projektas skirtas benamių asmenų socialinei integracijai.",
     "The project concerns the social integration of homeless persons."),
    ("Opieka dzienna dla seniorów jest bezpłatna.",
     "Dienos globa senjorams yra nemokama.",
     "Day care for seniors is free of charge."),
    ("Ośrodek zapewnia opiekę dzienną osobom starszym.",
     "Centras teikia dienos globą pagyvenusiems žmonėms.",
     "The centre provides day care to older people."),
    ("Z opieki dziennej korzysta dwudziestu mieszkańców.",
     "Dienos globa naudojasi dvidešimt gyventojų.",
     "Twenty residents use day care."),
    ("Na opiekę dzienną czeka jeszcze pięć rodzin.",
     "Dienos globos dar laukia penkios šeimos.",
     "Five more families are waiting for day care."),
    ("Rehabilitacja społeczna przywraca samodzielność.",
     "Socialinė reabilitacija grąžina savarankiškumą.",
     "Social rehabilitation restores independence."),
    ("Warsztaty prowadzą rehabilitację społeczną od wielu lat.",
     "Dirbtuvės jau daug metų vykdo socialinę reabilitaciją.",
     "The workshops have provided social rehabilitation for many years."),
    ("Finansowanie rehabilitacji społecznej wzrosło.",
     "Socialinės reabilitacijos finansavimas padidėjo.",
     "Funding for social rehabilitation has increased."),
    ("Pracownik socjalny planuje rehabilitację społeczną klienta.",
     "Socialinis darbuotojas planuoja kliento socialinę reabilitaciją.",
     "The social worker plans the social rehabilitation of the client."),
    ("Pracownicy socjalni prowadzą też mediację rodzinną.",
     "Socialiniai darbuotojai taip pat veda šeimos mediaciją.",
     "Social workers also conduct family mediation."),
    ("Opieka dzienna i pomoc społeczna to zadania gminy.",
     "Dienos globa ir socialinė parama yra savivaldybės uždaviniai.",
     "Day care and social assistance are tasks of the municipality."),
    ("Integracja społeczna zaczyna się od rozmowy.",
     "Socialinė integracija prasideda nuo pokalbio.",
     "Social integration begins with a conversation."),
    ("Budżet na pomoc społeczną zatwierdziła rada.",
     "Socialinės paramos biudžetą patvirtino taryba.",
     "The council approved the budget for social assistance."),
    ("Mediacja rodzinna trwa zwykle kilka tygodni.",
     "Šeimos mediacija paprastai trunka kelias savaites.",
     "Family mediation usually lasts several weeks."),
    ("W opiece dziennej pracuje dwóch opiekunów.",
     "Dienos globoje dirba du globėjai.",
     "Two carers work in day care."),
    ("Rehabilitacja społeczna obejmuje trening umiejętności.",
     "Socialinė reabilitacija apima įgūdžių treniruotes.",
     "Social rehabilitation includes skills training."),
    ("Nowy pracownik socjalny zna język litewski.",
     "Naujas socialinis darbuotojas moka lietuvių kalbą.",
     "The new social worker speaks Lithuanian."),
    ("Raport opisuje integrację społeczną oraz rehabilitację społeczną.",
     "Ataskaitoje aprašyta socialinė integracija bei socialinė reabilitacija.",
     "The report describes social integration as well as social rehabilitation."),
    ("Miasto zwiększyło liczbę miejsc w opiece dziennej.",
     "Miestas padidino vietų skaičių dienos globoje.",
     "The city increased the number of places in day care."),
]

EXPECTED = {
    "lt": {"pracownik socjalny": "socialinis darbuotojas", "pomoc społeczna": "socialinė parama",
           "mediacja rodzinna": "šeimos mediacija",
           "integracja społeczna": "socialinė integracija",
           "opieka dzienna": "dienos globa",
           "rehabilitacja społeczna": "socialinė reabilitacija"},
    "en": {"pracownik socjalny": "social worker", "pomoc społeczna": "social assistance",
           "mediacja rodzinna": "family mediation",
           "integracja społeczna": "social integration", "opieka dzienna": "day care",
           "rehabilitacja społeczna": "social rehabilitation"},
}
COLUMN = {"lt": 1, "en": 2}


def pairs_for(target: str) -> list[SegmentPair]:
    return [SegmentPair("test", n, row[0], row[COLUMN[target]])
            for n, row in enumerate(PARALLEL, 1)]


def test_the_corpus_is_big_enough_and_inflected():
    assert len(PARALLEL) >= 30
    # "pracownik socjalny" occurs in at least four different case forms
    forms = {w for row in PARALLEL for w in row[0].lower().replace(",", "").split()
             if w.startswith("pracowni")}
    assert len(forms) >= 4


@pytest.mark.parametrize("target", ["lt", "en"])
def test_known_pairs_come_out_on_top(target):
    expected = EXPECTED[target]
    proposals = align(pairs_for(target), "pl", target)
    linked = {fold(p.source): fold(p.target) for p in proposals}
    for source, wanted in expected.items():
        assert linked.get(fold(source)) == fold(wanted), (source, [
            (p.source, p.target, round(p.score, 1)) for p in proposals[:12]])
    top = {(fold(p.source), fold(p.target)) for p in proposals[:len(expected)]}
    assert top == {(fold(s), fold(t)) for s, t in expected.items()}
    for proposal in proposals[:len(expected)]:
        example = proposal.example
        assert example.line >= 1 and example.source and example.target
        assert proposal.cooccurrences >= 3 and 0 < proposal.score <= 100


def test_scores_are_ordered_and_each_term_used_once():
    proposals = align(pairs_for("lt"), "pl", "lt")
    scores = [p.score for p in proposals]
    assert scores == sorted(scores, reverse=True)
    assert len({p.source for p in proposals}) == len(proposals)
    assert len({p.target for p in proposals}) == len(proposals)


def test_cognates_count_as_evidence():
    assert cognate_similarity(["mediacja"], ["mediacija"]) > 0.8
    assert cognate_similarity(["socjalny"], ["socialinis"]) > 0.6
    assert cognate_similarity(["pomoc"], ["parama"]) < 0.6
    # word order does not matter: "mediacja rodzinna" / "šeimos mediacija"
    assert cognate_similarity(["mediacja", "rodzinny"], ["seima", "mediacija"]) > 0.5


def test_a_pair_in_the_termbase_is_boosted(empty):
    from termbase.model import Concept, Term

    before = {p.source: p for p in align(pairs_for("lt"), "pl", "lt", empty.index)}
    empty.add(Concept(terms=[Term("pl", "opieka dzienna"), Term("lt", "dienos globa")]))
    after = {p.source: p for p in align(pairs_for("lt"), "pl", "lt", empty.index)}
    assert not before["opieka dzienna"].known
    assert after["opieka dzienna"].known
    assert after["opieka dzienna"].score > before["opieka dzienna"].score


# -- the command -------------------------------------------------------------------------------
def write_line_aligned(tmp_path, target: str):
    src, tgt = tmp_path / "a.pl", tmp_path / f"a.{target}"
    src.write_text("\n".join(r[0] for r in PARALLEL) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(r[COLUMN[target]] for r in PARALLEL) + "\n", encoding="utf-8")
    return src, tgt


def write_tmx(tmp_path):
    from xml.sax.saxutils import escape

    units = "".join(
        f'<tu><tuv xml:lang="pl"><seg>{escape(pl)}</seg></tuv>'
        f'<tuv xml:lang="en-GB"><seg>{escape(en)}</seg></tuv></tu>\n'
        for pl, _lt, en in PARALLEL)
    path = tmp_path / "memory.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                    'creationtool="test" creationtoolversion="1" segtype="sentence" '
                    'o-tmf="none" adminlang="en" srclang="pl" datatype="plaintext"/>'
                    f"<body>\n{units}</body></tmx>\n", encoding="utf-8")
    return path


def test_cli_line_aligned_files(run_cli, seeded_db, tmp_path):
    src, tgt = write_line_aligned(tmp_path, "lt")
    result = run_cli("align", "--src", str(src), "--tgt", str(tgt), "--from", "pl", "--to",
                     "lt", "--json", "--top", "10")
    assert result.code == 0, result.err
    data = result.json()
    assert data["segments"] == len(PARALLEL)
    pairs = {(fold(p["source"]), fold(p["target"])) for p in data["proposals"][:6]}
    assert (fold("mediacja rodzinna"), fold("šeimos mediacija")) in pairs
    first = data["proposals"][0]
    assert {"score", "cooccurrences", "dice", "cognate", "known", "example"} <= set(first)


def test_cli_tmx_review_file_adds_one_batch_and_undo_removes_it(run_cli, seeded_db, tmp_path):
    tmx = write_tmx(tmp_path)
    review = tmp_path / "pairs.tsv"
    result = run_cli("align", str(tmx), "--from", "pl", "--to", "en", "--tsv", str(review))
    assert result.code == 0, result.err
    lines = review.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header[:3] == ["add", "source", "target"]
    marked, chosen = [lines[0]], []
    for line in lines[1:]:
        cells = line.split("\t")
        if fold(cells[1]) in {fold("mediacja rodzinna"), fold("opieka dzienna")}:
            cells[0] = "y"
            chosen.append((cells[1], cells[2]))
        marked.append("\t".join(cells))
    assert len(chosen) == 2
    review.write_text("\n".join(marked) + "\n", encoding="utf-8")

    from termbase import Termbase

    tb = Termbase.open(seeded_db)
    batches_before = len(tb.history())
    result = run_cli("align", "--from", "pl", "--to", "en", "--add-from", str(review),
                     "--subject", "family")
    assert result.code == 0, result.err
    history = tb.history()
    assert len(history) == batches_before + 1
    batch = history[-1].batch
    top = tb.lookup("mediacji rodzinnej", lang="pl")[0]
    assert fold(top.term) == fold("mediacja rodzinna")
    assert [e.term for e in top.equivalents["en"]] == ["family mediation"]
    assert top.subject == "family"

    assert run_cli("undo", batch).code == 0
    after = tb.lookup("mediacja rodzinna", lang="pl")
    assert all(m.concept_id != top.concept_id for m in after)


def test_cli_usage_and_data_errors(run_cli, tmp_path):
    src, tgt = write_line_aligned(tmp_path, "lt")
    assert run_cli("align", "--src", str(src), "--from", "pl", "--to", "lt").code == 2
    assert run_cli("align", str(src), str(tgt), "--from", "pl").code == 2
    assert run_cli("align", str(src), str(tgt), "--from", "pl", "--to", "pl").code == 2
    tgt.write_text("jedna linia\n", encoding="utf-8")
    result = run_cli("align", str(src), str(tgt), "--from", "pl", "--to", "lt")
    assert result.code == 1 and "line-aligned" in result.err
