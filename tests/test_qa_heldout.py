"""`check` on a labelled set written for issue #16 before any tuning and kept out of it
(tests/data/qa_heldout/heldout.tsv): this file only measures, nothing is tuned on it."""

from collections import Counter

from qa_scoring import LABELLED, read_labelled, score

HELDOUT = LABELLED.parent / "qa_heldout" / "heldout.tsv"

# Measured (108 pairs, 43 expected flags). First run, before the changes of this round:
# 42 flags, all expected (precision 1.000), 42 of 43 planted errors found (recall 0.977);
# after them (Lithuanian verbal nouns, relational adjectives, real words not typos, the
# homonym spelt like the text named first): the same. The miss: "A personal helper assists"
# passes for *personal assistant* ("assists" shares the stem "assist"). Floors are the
# measured figures, not higher.
PRECISION_FLOOR = 1.0
RECALL_FLOOR = 0.976


def test_heldout_set_covers_every_direction_and_error_kind():
    rows = read_labelled(HELDOUT)
    assert len(rows) >= 100
    assert Counter(r["pair"] for r in rows) == Counter(
        {pair: 18 for pair in ("pl-lt", "lt-pl", "pl-en", "en-pl", "lt-en", "en-lt")})
    categories = {r["category"] for r in rows}
    assert {"clean-inflected", "clean-reordered", "clean-synonym", "clean-variant",
            "clean-verbal", "error-wrong-term", "error-missing", "error-deprecated",
            "error-variant"} <= categories
    assert all(bool(r["expected"]) == r["category"].startswith("error") for r in rows)
    assert {r["variant"] for r in rows} == {"", "pl-PL", "pl-LT"}


def test_check_precision_and_recall_on_the_heldout_set(shipped_any, capsys):
    result = score(shipped_any.index, read_labelled(HELDOUT))
    with capsys.disabled():
        print(f"\ncheck on {HELDOUT.name}: {result.flags} flags, precision "
              f"{result.precision:.3f}, recall {result.recall:.3f} "
              f"({result.found}/{result.expected} planted errors found)")
        for line, flag, target in result.false_flags + result.missed:
            print(f"  line {line}: {flag} in {target!r}")
    assert result.precision >= PRECISION_FLOOR
    assert result.recall >= RECALL_FLOOR
