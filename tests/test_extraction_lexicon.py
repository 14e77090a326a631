"""The labelled lexicon: what reviewed documents said of phrases and words, counted per
document, and the rule that a document's own labels never reach its own features."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from termbase.extraction import lexicon, ranking, training
from termbase.extraction.evaluation import GoldTerm
from termbase.extraction.lexicon import Lexicon, phrase_key


def test_counts_are_per_document_and_a_phrase_listed_once_in_a_document_is_listed():
    built = Lexicon.build([
        [("usługa opiekuńczy", True), ("usługa opiekuńczy", False), ("rok", False)],
        [("usługa opiekuńczy", False), ("rok", False)],
    ])
    assert built.phrases["usługa opiekuńczy"] == (1, 2)
    assert built.phrases["rok"] == (0, 2)
    assert built.words["opiekuńczy"] == (1, 2)


def test_a_word_counts_once_per_phrase_that_holds_it():
    """Word counts are over phrases (each once per document), not over documents: what
    the shipped lexicon and the fitted weights were built on."""
    built = Lexicon.build([
        [("usługa opiekuńczy", True), ("usługa opiekuńczy", True), ("usługa społeczny", False),
         ("opiekuńczy usługa specjalistyczny", False)],
        [("usługa", False)],
    ])
    assert built.words["usługa"] == (1, 4)
    assert built.words["opiekuńczy"] == (1, 2)
    assert built.phrases["usługa opiekuńczy"] == (1, 1)


def test_a_phrase_always_listed_scores_above_one_never_listed_and_unseen_is_neutral():
    built = Lexicon.build([[("superwizja", True), ("ogród", False)]] * 3)
    listed_phrase, listed_words = built.features("superwizja")
    never_phrase, never_words = built.features("ogród")
    assert listed_phrase > 0 > never_phrase
    assert listed_words > 0 > never_words
    assert built.features("nieznane słowo") == (0.0, 0.0)


def test_a_new_phrase_of_known_words_takes_their_evidence():
    built = Lexicon.build([[("usługa opiekuńczy", True), ("sytuacja dziecko", False),
                            ("dom pomoc", False)]] * 2)
    phrase, words = built.features("specjalistyczny usługa opiekuńczy")
    assert phrase == 0.0 and words > 0
    assert built.features("sytuacja rodzina")[1] < 0


def test_short_words_are_left_out_of_word_evidence():
    built = Lexicon.build([[("ośrodek w mieście", False)]])
    assert "w" not in built.words and "ośrodek" in built.words


@given(st.dictionaries(st.text(min_size=1), st.tuples(st.integers(0, 50), st.integers(0, 50))
                       .map(lambda pair: (min(pair), max(pair)))))
def test_json_round_trip(phrases):
    built = Lexicon(phrases, {"słowo": (1, 3)})
    again = Lexicon.from_json(json.loads(json.dumps(built.to_json())))
    assert dict(again.phrases) == phrases and dict(again.words) == {"słowo": (1, 3)}


@pytest.mark.parametrize("data", [
    None, [], {"phrases": []}, {"phrases": {"a": [1]}}, {"phrases": {"a": [3, 2]}},
    {"words": {"a": [-1, 2]}}, {"words": {"a": ["1", 2]}}, {"plural_heads": {"a": [1]}},
    {"plural_heads": []},
    # a boolean is no count, nor an integer too large for the float arithmetic of
    # `features` (it would load, then overflow in the middle of an extraction)
    {"words": {"a": [True, True]}}, {"phrases": {"a": [0, 10 ** 400]}},
    {"phrases": {"a": [0, lexicon.MAX_COUNT + 1]}}])
def test_a_malformed_lexicon_is_refused(data):
    with pytest.raises(ValueError):
        Lexicon.from_json(data)


def test_a_head_listed_more_often_in_the_plural_than_shown_is_no_malformed_table():
    """plural_heads counts two kinds of listing, not (listed, shown): 3 > 1 is fine."""
    assert Lexicon.from_json({"plural_heads": {"usługi": [3, 1]}}).plural_heads == {
        "usługi": (3, 1)}


def test_phrase_keys_fold_case_and_unicode_form():
    assert phrase_key(["Pomoc", "Społeczna"]) == phrase_key(["pomoc", "społeczna"])
    assert phrase_key(["zaste\u0328pczy"]) == phrase_key(["zastępczy"])


def _document(set_name: str, name: str, listed: list[str], shown: list[str]
              ) -> training.Document:
    document = training.Document(set_name, name, gold=[GoldTerm("want", (t,)) for t in listed])
    for term in shown:
        document.terms.append(term)
        document.keys.append(term)
        document.features.append([0.0] * len(ranking.FEATURES))
    return document


def test_a_documents_own_labels_never_reach_its_features():
    column = ranking.FEATURES.index("listed_phrase")
    alone = _document("a", "one", ["superwizja"], ["superwizja"])
    same_set = _document("a", "two", ["superwizja"], ["superwizja"])
    other = _document("b", "three", ["superwizja"], ["superwizja"])
    documents = [alone, same_set, other]
    training.apply_lexicon(documents)
    # set a learns only from set b, which listed it once
    assert alone.features[0][column] == pytest.approx(lexicon._log_odds(1, 1))
    # set b learns from both documents of set a
    assert other.features[0][column] == pytest.approx(lexicon._log_odds(2, 2))
    training.apply_lexicon(documents, held_out="b")   # set b held out: set a knows nothing
    assert alone.features[0][column] == 0.0


def test_the_lexicon_moves_a_listed_word_up_the_ranking():
    """The same text ranked with and without what reviewers said of one of its words."""
    from termbase.extract import extract_passages
    from termbase.extraction.passages import Passage

    text = ("Koordynator zapewnia superwizję pracownikom. Rodzina ma mieszkanie i ogród. "
            "Rodzina zastępcza otrzymuje świadczenie. Ogród jest duży, a mieszkanie jasne.")
    passages = [Passage("x.txt", 1, text)]
    plain = ranking.HAND_RANKER
    told = ranking.Ranker.from_mapping(
        ranking.HAND | dict.fromkeys(lexicon.FEATURES, 1.0), fitted=True,
        lexicon=Lexicon.build([[("superwizja", True), ("ogród", False)]] * 5))

    def place(ranker, term):
        terms = [c.term for c in extract_passages(passages, "pl", ranker=ranker).top(None)]
        return terms.index(term)

    assert place(told, "superwizja") < place(plain, "superwizja")
    assert place(told, "ogród") > place(plain, "ogród")


def test_heads_written_in_the_plural_need_two_documents_and_most_of_them():
    built = Lexicon().with_numbers([
        [("usługi", "pl"), ("usługi", "pl")],      # once per document
        [("usługi", "pl"), ("koszty", "pl")],
        [("koszty", "sg"), ("warunki", "pl")],
    ])
    assert built.plural_heads["usługi"] == (2, 0)
    assert built.written_in_plural("usługi")
    assert not built.written_in_plural("koszty")      # 1 of 2
    assert not built.written_in_plural("warunki")     # one document only
    assert not built.written_in_plural("nieznane")


needs_morfeusz = pytest.mark.skipif(
    __import__("importlib").util.find_spec("morfeusz2") is None,
    reason="morfeusz2 has no wheel for this platform")


@needs_morfeusz
@pytest.mark.parametrize("term, expected", [
    ("usługi opiekuńcze", ("usługi", "pl")), ("usługa społeczna", ("usługi", "sg")),
    ("koszty sądowe", ("koszty", "pl")), ("koszt utrzymania", ("koszty", "sg")),
    ("zasiłek", None)])
def test_the_number_a_reviewer_listed_a_head_in(term, expected):
    from termbase.extraction.polish_number import listed_number

    assert listed_number(term) == expected


@needs_morfeusz
@pytest.mark.parametrize("line, plural, singular", [
    ("Asystent pomaga w zaspokajaniu potrzeb życiowych.",
     "potrzeby życiowe", "potrzeba życiowa"),
    ("Wniosek dotyczy zwrotu kosztów sądowych.", "koszty sądowe", "koszt sądowy"),
])
def test_a_class_met_once_in_an_oblique_plural_takes_the_reviewers_number(
        line, plural, singular):
    """Reviewers name such classes in the plural: so is the base form, where the text
    never uses the singular."""
    from termbase.extract import extract_passages
    from termbase.extraction.passages import Passage

    def base_forms(lines: list[str], ranker: ranking.Ranker) -> set[str]:
        passages = [Passage("t.txt", n, text) for n, text in enumerate(lines, 1)]
        return {c.term for c in extract_passages(passages, "pl", ranker=ranker).top(None)}

    told = ranking.Ranker.from_mapping(ranking.HAND, fitted=True, lexicon=Lexicon(
        plural_heads={plural.split()[0]: (3, 0)}))
    plain = base_forms([line], ranking.HAND_RANKER)
    assert singular in plain and plural not in plain
    found = base_forms([line], told)
    assert plural in found and singular not in found
    # the text's own singular wins over the reviewers' habit
    singular_too = f"{singular[:1].upper()}{singular[1:]} jest ważna dla rodzin."
    assert plural not in base_forms([line, singular_too], told)


def test_function_words_are_left_out_of_word_evidence():
    built = Lexicon.build([[("pomoc dla rodzina", True), ("pagalba dėl vaikas", False)]])
    assert "dla" not in built.words and "dėl" not in built.words
    assert "rodzina" in built.words and "vaikas" in built.words
