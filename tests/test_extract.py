"""Term extraction on the seed texts, measured against the shipped glossary.

Assertions are properties (base forms, stop-word boundaries, grouping, marking, one batch
per addition), not outputs copied from a run. The quality test prints its figures as a
Markdown table for the README.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from termbase.extraction.stopwords import STOPWORDS
from termbase.text.normalize import fold, tokenize

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_FILES = {"pl": ("000", "001", "004"), "lt": ("002", "003")}
RECALL_AT, PRECISION_AT = 200, 50
# Of the glossary's multi-word terms occurring in the texts. 0.80 before the 2026-12 review
# added the seeds' long official names (up to 9 words) and the extractor stopped proposing
# participial clauses; 0.78 until names got a seven-word window (README).
MIN_RECALL = 0.81
MIN_RECALL_PER_LANGUAGE = 0.75

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the seed texts are not at {SEEDS} (../shared/seeds beside "
    "the checkout); extraction quality is measured on them")


def changed_ids(changes: list[dict]) -> list[str]:
    """The ids a batch's change-log entries touch (runs of additions expanded)."""
    from termbase.transaction import change_ids

    return [i for change in changes for i in change_ids(change)]


def seed_paths(lang: str) -> list[Path]:
    return [p for p in sorted(SEEDS.glob("*.txt")) if p.name[:3] in SEED_FILES[lang]]


@pytest.fixture(scope="module")
def extractions(shipped):
    """Extraction of each language's seed texts, candidates marked against the glossary."""
    from termbase.extract import extract

    if not SEEDS.is_dir():
        pytest.skip(f"the seed texts are not at {SEEDS}")
    return {lang: extract(seed_paths(lang), lang, index=shipped.index) for lang in SEED_FILES}


@pytest.fixture
def seeded_db(db_path, shipped):
    """TERMBASE_DB holding a copy of the shipped glossary with its index ready."""
    shutil.copy2(shipped.store.path, db_path)
    shutil.copy2(shipped.store.index_path, db_path.with_name(db_path.name + ".tbindex"))
    return db_path


def words(text: str) -> list[str]:
    return [t.text.lower() for t in tokenize(text)]


# -- the extractor -----------------------------------------------------------------------------
@needs_seeds
def test_pracownik_socjalny_is_a_top_candidate_of_seed_000_in_base_form(shipped):
    from termbase.extract import extract

    result = extract([p for p in seed_paths("pl") if p.name.startswith("000")], "pl",
                     index=shipped.index)
    top = {c.term: c for c in result.top(10)}
    assert "pracownik socjalny" in top, list(top)
    candidate = top["pracownik socjalny"]
    # the inflected occurrences are counted together, under the base form
    assert {"pracowników socjalnych", "pracownicy socjalni"} <= set(candidate.forms)
    assert candidate.freq >= 4 and candidate.is_known
    assert all(c.term != "pracowników socjalnych" for c in result.top(200))


@needs_seeds
@pytest.mark.parametrize("lang", ["pl", "lt"])
def test_no_candidate_starts_or_ends_with_a_function_word_or_number(extractions, lang):
    for candidate in extractions[lang].top(RECALL_AT):
        for form in [candidate.term, *candidate.forms]:
            first, last = words(form)[0], words(form)[-1]
            for word in (first, last):
                assert word not in STOPWORDS[lang], (candidate.term, form)
                assert not any(ch.isdigit() for ch in word), (candidate.term, form)


@needs_seeds
def test_polish_candidates_never_start_or_end_with_a_preposition_or_conjunction(extractions):
    import morfeusz2

    analyser = morfeusz2.Morfeusz(expand_tags=True)
    for candidate in extractions["pl"].top(RECALL_AT):
        for word in (words(candidate.term)[0], words(candidate.term)[-1]):
            tags = {tag.split(":")[0] for *_, (_o, _l, tag, *_r) in analyser.analyse(word)}
            assert not tags <= {"prep", "conj", "comp", "qub", "part"}, candidate.term


@needs_seeds
@pytest.mark.parametrize("lang", ["pl", "lt"])
def test_inflected_occurrences_are_one_candidate(extractions, lang):
    top = extractions[lang].top(RECALL_AT)
    keys = [c.lemmas for c in top]
    assert len(keys) == len(set(keys))
    bases = [fold(c.term) for c in top]
    assert len(bases) == len(set(bases)), "two candidates with one base form"
    assert any(len(c.forms) >= 3 for c in top[:30])
    for candidate in top:
        assert candidate.freq >= len(candidate.forms)


@needs_seeds
def test_polish_base_forms_are_seen_or_generated(extractions):
    """Every word of a base form was seen, or morfeusz2 generates it from the lemma of the
    word seen at its place."""
    import morfeusz2

    morf = morfeusz2.Morfeusz(generate=True)
    for candidate in extractions["pl"].top(100):
        seen = [words(form) for form in candidate.forms]
        for position, word in enumerate(words(candidate.term)):
            at_position = {form[position] for form in seen if position < len(form)}
            if word in at_position:
                continue
            generated = set()
            for observed in at_position:
                for *_, (_o, lemma, *_r) in morf.analyse(observed):
                    generated |= {g[0].lower() for g in morf.generate(lemma)}
            assert word in generated, (candidate.term, candidate.forms)


@needs_seeds
def test_lithuanian_base_forms_are_seen_in_the_dictionary_or_an_ending_away(extractions):
    """Every word of a base form occurs in the texts, or is a form simplemma's dictionary
    lists, or differs from a word of the texts only in its ending (a nominative inferred
    from the paradigm of forms seen: "vizito, vizitus" -> "vizitas")."""
    from termbase.text.dictionary import dictionary

    known = dictionary("lt")
    seen = {w for path in seed_paths("lt") for w in words(path.read_text(encoding="utf-8"))}
    for candidate in extractions["lt"].top(100):
        for word in words(candidate.term):
            stem = word[:-2]
            assert word in seen or word in known or (
                len(stem) >= 4 and any(w.startswith(stem) for w in seen)), candidate.term


@needs_seeds
def test_quality_against_the_shipped_glossary(extractions, shipped):
    """Recall of the glossary's multi-word terms occurring in the texts, within the top 200;
    precision of the top 50 counting only candidates the glossary has (a lower bound: a
    new candidate cannot be verified automatically and is counted as wrong)."""
    from termbase.extraction.evaluation import MARKDOWN_HEADER, evaluate
    from termbase.extraction.known import KnownTerms

    results = {lang: evaluate(extractions[lang], KnownTerms(shipped.index, lang),
                              PRECISION_AT, RECALL_AT) for lang in SEED_FILES}
    found = sum(len(r.recalled) for r in results.values())
    occurring = sum(len(r.occurring) for r in results.values())
    print("\n" + MARKDOWN_HEADER)
    for result in results.values():
        print(result.markdown_row())
    print(f"| both | | | {found}/{occurring} = {found / occurring:.2f} multi-word terms "
          f"recalled@{RECALL_AT} | |")
    for lang, result in results.items():
        print(f"{lang} missed: {', '.join(result.missed)}")
    assert occurring >= 40, "the glossary should have multi-word terms from these texts"
    assert found / occurring >= MIN_RECALL
    for result in results.values():
        assert result.recall >= MIN_RECALL_PER_LANGUAGE, result.markdown_row()
        assert result.precision >= 0.3, result.markdown_row()


# -- the command -------------------------------------------------------------------------------
@needs_seeds
def test_cli_marks_known_terms_and_new_only_hides_them(run_cli, seeded_db):
    seed = str(seed_paths("pl")[0])
    everything = run_cli("extract", seed, "--lang", "pl", "--top", "30", "--json").json()
    known = [c for c in everything["candidates"] if c["known"]]
    assert known and all(c["known_terms"][0]["concept_id"] for c in known)
    new = run_cli("extract", seed, "--lang", "pl", "--top", "30", "--new-only",
                  "--json").json()
    assert len(new["candidates"]) == 30
    assert not any(c["known"] for c in new["candidates"])
    assert not {c["term"] for c in known} & {c["term"] for c in new["candidates"]}
    first = everything["candidates"][0]
    assert first["contexts"][0]["file"] == Path(seed).name and first["contexts"][0]["line"] >= 1


def test_a_concept_matched_by_two_of_its_terms_is_named_once(run_cli, seeded_db, tmp_path):
    """The shipped concept of a social worker has a masculine and a feminine Lithuanian
    term; a candidate both match names the concept once on the terminal and in the sheet."""
    text = tmp_path / "report.txt"
    text.write_text("Socialinis darbuotojas aplankė šeimą. Socialinio darbuotojo išvada "
                    "pateikta skyriui.\n", encoding="utf-8")
    listing = run_cli("extract", str(text), "--lang", "lt", "--top", "5").out
    line = next(line for line in listing.splitlines() if "known" in line)
    assert line.count("role-social-worker") == 1, listing
    sheet = tmp_path / "review.tsv"
    run_cli("extract", str(text), "--lang", "lt", "--top", "5", "--tsv", str(sheet))
    rows = [row.split("\t") for row in sheet.read_text(encoding="utf-8").splitlines()]
    ids = {row[1]: row[rows[0].index("concept_ids")] for row in rows[1:]}
    assert ids["socialinis darbuotojas"] == "role-social-worker"


@needs_seeds
def test_cli_add_from_review_file_is_one_batch_that_undo_removes(run_cli, seeded_db, tmp_path):
    from termbase import Termbase

    review = tmp_path / "candidates.tsv"
    seed = str(seed_paths("lt")[0])
    result = run_cli("extract", seed, "--lang", "lt", "--new-only", "--top", "10",
                     "--tsv", str(review))
    assert result.code == 0, result.err
    lines = review.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header[:3] == ["add", "term", "lang"]
    rows = [line.split("\t") for line in lines[1:]]
    chosen = [rows[0][1], rows[2][1]]
    rows[0][0], rows[2][0] = "y", "x"
    review.write_text("\n".join(["\t".join(header)] + ["\t".join(r) for r in rows]) + "\n",
                      encoding="utf-8")

    tb = Termbase.open(seeded_db)
    before = {c.id for c in tb.concepts()}
    result = run_cli("extract", "--add-from", str(review), "--subject", "social services")
    assert result.code == 0, result.err
    history = tb.history()
    batch = history[-1].batch
    assert batch in result.out
    added = [c for c in tb.concepts() if c.id not in before]
    assert sorted(c.terms[0].text for c in added) == sorted(chosen)
    for concept in added:
        assert concept.subject == "social services"
        assert [t.lang for t in concept.terms] == ["lt"]
        assert concept.sources == [Path(seed).name]
    assert set(changed_ids(tb.store.changes(batch))) == {c.id for c in added}
    assert history[-1].counts == {"add": len(added)}

    assert run_cli("undo", batch).code == 0
    assert {c.id for c in tb.concepts()} == before


@needs_seeds
def test_cli_add_chooses_by_number(run_cli, seeded_db):
    from termbase import Termbase

    seed = str(seed_paths("pl")[0])
    tb = Termbase.open(seeded_db)
    batches = len(tb.history())
    result = run_cli("extract", seed, "--lang", "pl", "--new-only", "--top", "5", "--add",
                     "--subject", "social work", input="1-2, 4\n")
    assert result.code == 0, result.err
    assert len(tb.history()) == batches + 1
    assert len(changed_ids(tb.store.changes(tb.history()[-1].batch))) == 3
    assert sum(tb.history()[-1].counts.values()) == 3
    bad = run_cli("extract", seed, "--lang", "pl", "--top", "5", "--add", input="9\n")
    assert bad.code == 2 and "outside" in bad.err
    assert len(tb.history()) == batches + 1


def test_cli_reads_the_segments_of_one_language_from_tmx(run_cli, seeded_db, tmp_path):
    tmx = tmp_path / "memory.tmx"
    units = "".join(
        f'<tu><tuv xml:lang="pl"><seg>{pl}</seg></tuv><tuv xml:lang="lt"><seg>{lt}</seg>'
        "</tuv></tu>" for pl, lt in [
            ("Mediacja rodzinna pomaga rodzicom.", "Šeimos mediacija padeda tėvams."),
            ("Koszty mediacji rodzinnej pokrywa gmina.",
             "Šeimos mediacijos išlaidas apmoka savivaldybė."),
            ("Po mediacji rodzinnej podpisano porozumienie.",
             "Po šeimos mediacijos pasirašytas susitarimas.")])
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header '
                   'creationtool="test" creationtoolversion="1" segtype="sentence" '
                   'o-tmf="none" adminlang="en" srclang="pl" datatype="plaintext"/><body>'
                   f"{units}</body></tmx>", encoding="utf-8")
    result = run_cli("extract", str(tmx), "--lang", "lt", "--json")
    assert result.code == 0, result.err
    terms = [c["term"] for c in result.json()["candidates"]]
    # the phrase of the Lithuanian segments among the first few (its exact place is the
    # ranker's: see termbase/extraction/ranking.py)
    assert "šeimos mediacija" in terms[:3]
    assert not any("mediacj" in t or "rodzin" in t for t in terms)  # nothing Polish


def test_cli_usage_errors(run_cli, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Pomoc społeczna.\n", encoding="utf-8")
    assert run_cli("extract", str(text)).code == 2                       # no --lang
    assert run_cli("extract", str(text), "--lang", "pl", "--top", "0").code == 2
    assert run_cli("extract", str(text), "--lang", "xx").code == 2
    assert run_cli("extract", str(text), "--lang", "pl", "--add", "--json").code == 2
    missing = run_cli("extract", str(tmp_path / "none.txt"), "--lang", "pl")
    assert missing.code == 1 and "none.txt" in missing.err


def test_cli_add_of_a_known_candidate_joins_its_concept(run_cli, seeded_db, tmp_path):
    """A candidate the listing marks known (the termbase writes it otherwise: 'osoby
    starsze') joins that concept when chosen; no second concept names it."""
    from termbase import Termbase

    text = tmp_path / "pl_note.txt"
    text.write_text("Gmina wspiera osoby starsze i samotne.\n"
                    "Dla osoby starszej ośrodek organizuje usługi opiekuńcze.\n"
                    "Osoba starsza otrzymuje pomoc sąsiedzką.\n", encoding="utf-8")
    listing = run_cli("extract", str(text), "--lang", "pl", "--top", "5", "--json").json()
    known = [c for c in listing["candidates"] if len(c["known_terms"]) == 1
             and len({k["concept_id"] for k in c["known_terms"]}) == 1]
    assert known, listing
    chosen = known[0]
    tb = Termbase.open(seeded_db)
    before = len(list(tb.concepts()))
    result = run_cli("extract", str(text), "--lang", "pl", "--top", "5", "--add",
                     input=f"{chosen['rank']}\n")
    assert result.code == 0, result.err
    assert len(list(tb.concepts())) == before
    concept = tb.get(chosen["known_terms"][0]["concept_id"])
    assert chosen["term"] in [t.text for t in concept.terms]


def test_cli_a_regional_tag_names_the_texts_language(run_cli, tmp_path):
    """'--lang pl-PL' (as CAT tools write it) extracts Polish; a malformed tag is usage."""
    text = tmp_path / "a.txt"
    text.write_text("Ośrodek pomocy społecznej przyznał zasiłek celowy.\n", encoding="utf-8")
    result = run_cli("extract", str(text), "--lang", "pl-PL", "--json")
    assert result.code == 0, result.err
    assert result.json()["lang"] == "pl"
    assert "zasiłek celowy" in [c["term"] for c in result.json()["candidates"]]
    assert run_cli("extract", str(text), "--lang", "pl-!").code == 2


def test_cli_reads_the_text_from_standard_input(run_cli):
    """'-' as the file: a pipe from another tool; contexts cite 'stdin'. --add, which
    reads its choice from standard input, refuses it."""
    piped = "Ośrodek pomocy społecznej przyznał zasiłek celowy.\nZasiłek celowy wypłacono.\n"
    result = run_cli("extract", "-", "--lang", "pl", "--json", input=piped)
    assert result.code == 0, result.err
    top = result.json()["candidates"][0]
    assert top["term"] == "zasiłek celowy" and top["files"] == ["stdin"]
    assert run_cli("extract", "-", "--lang", "pl", "--add", input=piped).code == 2
