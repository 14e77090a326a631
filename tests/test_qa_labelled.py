"""How far `check` can be trusted, measured on a labelled set written before any tuning
(tests/data/qa_labelled/test.tsv, never used to tune; dev.tsv is the tuning set)."""

from collections import Counter

from qa_scoring import LABELLED, read_labelled, score, score_suggest

# Floors just under the measured figures (108 pairs, 36 planted errors). On the branch that
# wrote the set (its glossary of that day): precision 0.947 (36 of 38 flags), recall 1.000;
# first held-out measurement, before the one-word-term ending rule in recognize.py: 0.923.
# Ported onto main, whose glossary had grown, the same code gave 0.783 (36 of 46): the set's
# clean translations use "people" for "person" and "trained" beside "training" (matcher
# fixed by general rules: English irregular plurals, English noun endings) and paraphrase
# five terms the glossary gained since (dożywianie, współfinansowanie, wywiad środowiskowy,
# beneficjent, partnership agreement): flags a termbase with those terms rightly raises,
# though the set labels the pairs clean. After the fixes: 0.878 (36 of 41), recall 1.000.
# The set has now been seen while fixing, so the figure is no longer strictly held out.
# Issue #16, tuned on this set and dev.tsv (the held-out set is tests/test_qa_heldout.py):
# Lithuanian verb forms stand for verbal nouns ("bendrai finansuojamas"), a relational
# adjective for a noun modifier ("umowę partnerską"): 0.923 (36 of 39), recall 1.000.
PRECISION_FLOOR = 0.92
RECALL_FLOOR = 0.97


def test_labelled_set_covers_every_direction_and_case():
    rows = read_labelled("test.tsv")
    assert len(rows) >= 100
    assert set(Counter(r["pair"] for r in rows)) == {
        "pl-lt", "lt-pl", "pl-en", "en-pl", "lt-en", "en-lt"}
    categories = {r["category"] for r in rows}
    assert {"clean-inflected", "clean-reordered", "clean-synonym", "clean-variant",
            "error-missing", "error-deprecated", "error-variant"} <= categories
    assert all(bool(r["expected"]) == r["category"].startswith("error") for r in rows)


def test_check_precision_and_recall_on_the_labelled_set(shipped, capsys):
    result = score(shipped.index, read_labelled("test.tsv"))
    with capsys.disabled():
        print(f"\ncheck on tests/data/qa_labelled/test.tsv: {result.flags} flags, "
              f"precision {result.precision:.3f}, recall {result.recall:.3f} "
              f"({result.found}/{result.expected} planted errors found)")
        for line, flag, target in result.false_flags:
            print(f"  false flag, line {line}: {flag} in {target!r}")
        for line, flag, target in result.missed:
            print(f"  missed, line {line}: {flag} in {target!r}")
    assert result.precision >= PRECISION_FLOOR
    assert result.recall >= RECALL_FLOOR


# suggest on tests/data/suggest_labelled/test.tsv, first run (no tuning): 52 concepts shown,
# 49 right (precision 0.942), 49 of 50 expected found (recall 0.980). The three "false"
# hits are real glossary terms the labels missed: "Projekt" (proj-project), and "foster
# care" / "vaiko globa šeimoje", which are terms of pol-pl-family-foster-care too (in the
# Lithuanian segment the longer term took the place of the expected pol-foster-care).
SUGGEST_PRECISION_FLOOR = 0.93
SUGGEST_RECALL_FLOOR = 0.97


def test_suggest_precision_and_recall_on_the_labelled_set(shipped_any, capsys):
    rows = read_labelled(LABELLED.parent / "suggest_labelled" / "test.tsv")
    assert len(rows) >= 36 and {r["lang"] for r in rows} == {"pl", "lt", "en"}
    result = score_suggest(shipped_any.index, rows)
    with capsys.disabled():
        print(f"\nsuggest on tests/data/suggest_labelled/test.tsv: {result.flags} concepts "
              f"shown, precision {result.precision:.3f}, recall {result.recall:.3f}")
    assert result.precision >= SUGGEST_PRECISION_FLOOR
    assert result.recall >= SUGGEST_RECALL_FLOOR
