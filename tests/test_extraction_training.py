"""The extraction ranker's weights: hand-set factors as a linear model, the fit that
reweighs them, and the shipped model file, which must be what the committed code and
labelled texts give."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from termbase.extraction import ranking, training
from termbase.extraction.evaluation import GoldTerm

numpy = pytest.importorskip("numpy", reason="numpy fits the weights (the test extra has it)")
MODEL = Path(ranking.__file__).with_name(ranking.MODEL_FILE)


def test_hand_set_weights_multiply_the_factors():
    """exp of a sum of logarithms with weight 1 is the product of the factors."""
    factors = {"frequency": 3.3, "keyness": 2.5, "known_term": 2.0, "one_word": 0.15}
    values = [math.log(factors.get(name, 1.0)) for name in ranking.FEATURES]
    assert ranking.HAND_RANKER.score(values) == pytest.approx(
        math.prod(factors.values()))


def test_a_model_file_missing_a_feature_or_naming_an_unknown_one_still_loads():
    loaded = ranking.Ranker.from_mapping({"keyness": 0.5, "a feature since removed": 9.0},
                                         fitted=True)
    weights = loaded.as_mapping()
    assert weights["keyness"] == 0.5 and "a feature since removed" not in weights
    assert all(weights[name] == ranking.HAND[name] for name in ranking.FEATURES
               if name != "keyness")


def test_every_shipped_weight_names_a_feature():
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    for section in ("languages", "not_adopted"):
        for lang, weights in model[section].items():
            assert set(weights) == set(ranking.FEATURES), (section, lang)
    assert set(model["languages"]).isdisjoint(model["not_adopted"])


def _document(rows: list[tuple[str, float, int]]) -> training.Document:
    """A labelled document whose candidates differ in one feature, 'keyness'."""
    column = ranking.FEATURES.index("keyness")
    document = training.Document("set", "doc")
    for term, value, listed in rows:
        features = [0.0] * len(ranking.FEATURES)
        features[column] = value
        document.terms.append(term)
        document.features.append(features)
        if listed:
            document.gold.append(GoldTerm("want", (term,)))
    return document


def test_the_fit_follows_the_labels_and_the_penalty_holds_it_to_the_hand_set_weights():
    column = ranking.FEATURES.index("keyness")
    # listed candidates have the lower value: the data say the feature counts against
    rows = [(f"t{n}", float(n % 7), int(n % 7 < 3)) for n in range(140)]
    free = training.fit([_document(rows)], penalty=1e-3)
    held = training.fit([_document(rows)], penalty=1e6)
    assert free[column] < 0
    assert held == pytest.approx([ranking.HAND[name] for name in ranking.FEATURES], abs=1e-3)


def test_figures_rank_by_the_weights_given():
    # the listed candidate last in the given order, so that only a ranking by the
    # weights puts it first
    document = _document([("a", 1.0, 0), ("b", 2.0, 0), ("c", 3.0, 1)])
    hand = [ranking.HAND[name] for name in ranking.FEATURES]
    reverse = [-w for w in hand]
    assert document.figures(hand) == (1, 3, 1, 1)        # all three within 50 and 100
    training.PRECISION_AT, saved = 1, training.PRECISION_AT
    try:
        assert document.figures(hand)[0] == 1            # "c" first
        assert document.figures(reverse)[0] == 0         # "a" first
    finally:
        training.PRECISION_AT = saved


def test_training_reads_only_the_sets_it_names(tmp_path):
    """A blind set is measured before it is trained on: a folder not named in
    TRAINING_SETS is never read, whatever it holds."""
    for folder in ("extraction_dev", "extraction_eval99"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "pl_text.txt").write_text("Tekst.", encoding="utf-8")
    found = training.labelled_documents("pl", tmp_path, tmp_path / "no seeds")
    assert [set_name for set_name, _, _ in found] == ["extraction_dev"]


@pytest.mark.skipif(not training.SEEDS.is_dir(),
                    reason="the seed texts (../shared/seeds) are part of the training data")
def test_the_shipped_weights_are_what_the_labelled_texts_give(shipped):
    """Refit after changing the extractor or its features:
    `python -m termbase.extraction.training --write`."""
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    shipped_lexicon = json.loads(MODEL.with_name(ranking.LEXICON_FILE).read_text(encoding="utf-8"))
    for lang in training.LANGS:
        section = "languages" if lang in model["languages"] else "not_adopted"
        documents = training.collect(lang, shipped.index)
        assert training.build_lexicon(documents, lang).to_json() == shipped_lexicon[lang], lang
        weights = training.fit(documents, model["penalty"][lang])
        assert weights == pytest.approx(
            [model[section][lang][name] for name in ranking.FEATURES], abs=2e-3), lang


@pytest.mark.parametrize("content", [
    "{not json", "[1, 2]", "", '{"languages": {"lt": {"keyness": "x"}}}',
    '{"languages": {"lt": {"keyness": NaN}}}', '{"languages": ["lt"]}'])
def test_an_unreadable_model_file_leaves_the_hand_set_weights(monkeypatch, tmp_path, content):
    """A damaged install still extracts, with the weights the rules were written with."""
    import importlib.resources

    (tmp_path / ranking.MODEL_FILE).write_text(content, encoding="utf-8")
    monkeypatch.setattr(importlib.resources, "files", lambda package: tmp_path)
    ranking._model_file.cache_clear()
    try:
        assert ranking.ranker("lt") is ranking.HAND_RANKER
    finally:
        monkeypatch.undo()
        ranking._model_file.cache_clear()
    assert ranking.ranker("lt").fitted


@pytest.mark.parametrize("content", ["{not json", "[]", '{"pl": {"phrases": {"a": [2, 1]}}}',
                                     pytest.param('{"pl": {"words": {"a": [0, 1%s]}}}' % ("0" * 400),
                                                  id="a count too large for a float")])
def test_an_unreadable_lexicon_leaves_the_weights_and_no_lexicon(monkeypatch, tmp_path,
                                                                  content):
    """The weights still load; the lexicon's features are all 0, as for unseen text."""
    import importlib.resources

    from termbase.extraction import lexicon

    (tmp_path / ranking.MODEL_FILE).write_text(MODEL.read_text(encoding="utf-8"),
                                               encoding="utf-8")
    (tmp_path / ranking.LEXICON_FILE).write_text(content, encoding="utf-8")
    monkeypatch.setattr(importlib.resources, "files", lambda package: tmp_path)
    ranking._model_file.cache_clear()
    ranking._lexicon.cache_clear()
    try:
        loaded = ranking.ranker("pl")
        assert loaded.fitted and loaded.lexicon is lexicon.EMPTY
    finally:
        monkeypatch.undo()
        ranking._model_file.cache_clear()
        ranking._lexicon.cache_clear()
    assert ranking.ranker("pl").lexicon.phrases


def _shipped_pair(folder: Path) -> dict[str, str]:
    old = {ranking.MODEL_FILE: '{"old": "weights"}\n', ranking.LEXICON_FILE: '{"old": 1}\n'}
    for name, text in old.items():
        (folder / name).write_text(text, encoding="utf-8")
    return old


@pytest.mark.parametrize("damage", ["data that is no JSON", "a target that cannot be replaced"])
def test_writing_the_model_files_is_all_or_nothing(tmp_path, damage):
    """Neither file is replaced unless both could be written: not a new weights file
    beside an old lexicon, nor a truncated file."""
    old = _shipped_pair(tmp_path)
    lexicon_data = {"pl": object()} if damage == "data that is no JSON" else {"pl": {}}
    if damage == "a target that cannot be replaced":
        (tmp_path / ranking.LEXICON_FILE).unlink()
        (tmp_path / ranking.LEXICON_FILE).mkdir()
        del old[ranking.LEXICON_FILE]
    with pytest.raises((TypeError, OSError)):
        training.write_model_files(tmp_path, {ranking.MODEL_FILE: ({"new": 1}, 1),
                                              ranking.LEXICON_FILE: (lexicon_data, None)})
    assert {name: (tmp_path / name).read_text(encoding="utf-8") for name in old} == old
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [ranking.MODEL_FILE, ranking.LEXICON_FILE])  # no temporary file left


def test_write_puts_both_files_in_the_model_folder(monkeypatch, tmp_path, capsys):
    """`--write` end to end, the costly steps stubbed: both files replaced, nothing else."""
    import contextlib

    import termbase
    from termbase.extraction.lexicon import Lexicon

    folder = tmp_path / "model"
    folder.mkdir()
    _shipped_pair(folder)

    class Store:
        index = None

    monkeypatch.setattr(termbase, "Termbase", type("Fake", (), {"open": staticmethod(
        lambda path: contextlib.nullcontext(Store()))}))
    monkeypatch.setattr(training, "DATA", tmp_path)
    monkeypatch.setattr(training, "MODEL_FOLDER", folder)
    monkeypatch.setattr(training, "collect", lambda lang, index: [])
    monkeypatch.setattr(training, "model_of_language", lambda lang, documents, penalties,
                        model: model["languages"].__setitem__(lang, {"keyness": 0.5}))
    monkeypatch.setattr(training, "build_lexicon", lambda documents, lang: Lexicon(
        {"usługa": (1, 2)}))
    assert training.main(["--write"]) == 0
    model = json.loads((folder / ranking.MODEL_FILE).read_text(encoding="utf-8"))
    assert model["languages"] == {"pl": {"keyness": 0.5}, "lt": {"keyness": 0.5}}
    shipped = json.loads((folder / ranking.LEXICON_FILE).read_text(encoding="utf-8"))
    assert shipped["lt"]["phrases"] == {"usługa": [1, 2]}
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [ranking.MODEL_FILE, ranking.LEXICON_FILE])
    assert str(folder / ranking.LEXICON_FILE) in capsys.readouterr().out
