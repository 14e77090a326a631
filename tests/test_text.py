"""Normalisation keys and the tokenizer: properties that every index key relies on."""

import unicodedata

import pytest
from hypothesis import given, strategies as st

from termbase.text.morphology import stem_keys
from termbase.text.normalize import fold, norm, tokenize

any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
letters = st.text(alphabet="aąbcćdeęėfghiįjklłmnńoóprsśštuųūvwyzźżžAĄĘĖŁŃÓŚŠŲŪŹŻŽ -", max_size=40)


@given(any_text)
def test_norm_is_idempotent(text):
    assert norm(norm(text)) == norm(text)


@given(any_text)
def test_fold_is_idempotent_and_never_raises(text):
    assert fold(fold(text)) == fold(text)


@given(any_text)
def test_fold_agrees_with_norm(text):
    assert fold(norm(text)) == fold(text)


@given(letters)
def test_fold_of_polish_and_lithuanian_letters_is_ascii(text):
    folded = fold(text)
    assert folded.isascii()
    assert len(folded) <= len(norm(text)) + text.count("ß")


@given(any_text)
def test_tokens_are_slices_of_the_text(text):
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text
        assert token.text.strip()


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=30))
def test_stems_never_raise(word):
    for lang in ("pl", "lt", "en"):
        assert all(isinstance(k, str) for k in stem_keys(word, lang))


def test_diacritics_fold_as_users_type_them():
    assert fold("Socialinių PASLAUGŲ centre") == "socialiniu paslaugu centre"
    assert fold("Łódź, świadczenie, žmonės, ėjimas") == "lodz, swiadczenie, zmones, ejimas"
    assert norm("Pomoc\u00a0społeczna") == "pomoc społeczna"


def test_composed_and_decomposed_input_give_one_key():
    decomposed = unicodedata.normalize("NFD", "ośrodek pomocy społecznej")
    assert norm(decomposed) == norm("ośrodek pomocy społecznej")


def test_hyphenated_compounds_split_with_offsets():
    text = "usług społeczno-kulturowych"
    assert [t.text for t in tokenize(text)] == ["usług", "społeczno", "kulturowych"]


@pytest.mark.parametrize("lemma, forms", [
    ("mokykla", {"mokyklos", "mokyklai", "mokyklą", "mokykloje", "mokyklų", "mokykloms",
                 "mokyklas", "mokyklomis", "mokyklose"}),
    ("vaikas", {"vaiko", "vaikui", "vaiką", "vaiku", "vaike", "vaikai", "vaikų", "vaikams",
                "vaikus", "vaikais", "vaikuose"}),
    ("socialinis", {"socialinio", "socialiniam", "socialinį", "socialiniame", "socialiniai",
                    "socialinių", "socialinė", "socialinės", "socialinėje", "socialinėmis"}),
    ("viltis", {"vilties", "viltį", "viltimi", "viltyje", "vilčių", "viltys"}),
    ("narys", {"nario", "nariui", "narį", "nariai", "narių", "nariams"}),
    ("sūnus", {"sūnaus", "sūnui", "sūnų", "sūnumi", "sūnūs", "sūnums"}),
    ("patiriančios", {"patirianti", "patiriančių", "patiriančiai", "patiriančioms"}),
])
def test_lithuanian_paradigms_hold_the_case_forms_of_the_grammar(lemma, forms):
    from termbase.text.lithuanian import paradigm

    assert forms <= paradigm(lemma)


@given(st.text(alphabet="abcdeėęghijklmnoprsštuųūvyzž", max_size=12))
def test_a_lithuanian_paradigm_holds_its_word_and_no_empty_form(word):
    from termbase.text.lithuanian import paradigm

    forms = paradigm(word)
    assert "" not in forms and (word in forms or not word)
