"""Lithuanian extraction, eleventh round: faults the native review of the fourth blind set
found, each checked on sentences written for these tests (not taken from any set)."""

from __future__ import annotations

import pytest

from termbase.extraction.analysis import ADJ, NOUN, STOP, analyse
from extraction_support import extract_lines


def base_forms(lines: list[str]) -> list[str]:
    return [candidate.term for candidate in extract_lines(lines, "lt").top(200)]


# (case, lines, base forms that must be shown, base forms that must not)
CASES = [
    ("an institution in the dative is whom a request goes to, not a term's complement",
     ["Pareiškėjas įteikė prašymą Šeimos pagalbos skyriui antradienį.",
      "Seniūnas perdavė Šeimos pagalbos skyriui metinę ataskaitą."],
     ["Šeimos pagalbos skyrius"],
     ["Šeimos pagalbos skyriui ataskaita", "pagalba skyriui", "Šeimos pagalbos skyriui"]),
    ("an -us adjective known by its definite forms agrees with its noun",
     ["Savanoriai užtikrina reguliaraus lankymo tvarką kaimuose.",
      "Reguliaraus lankymo grafikas pridedamas prie sutarties."],
     ["reguliarus lankymas"], ["reguliaraus lankymas"]),
    ("a verb negated with nebe- and a past gerund are no nouns",
     ["Šeimai nebepakanka pagalbos, todėl padidinta pagalbos į namus trukmė.",
      "Pablogėjus sveikatos būklei, asmeniui skiriama dienos socialinė globa."],
     ["pagalba į namus", "dienos socialinė globa"],
     ["nebepakanka", "nebepakanka pagalba", "pablogėjus", "pablogėjai"]),
    ("a preposition that takes no genitive has its object's noun after the genitives",
     ["Gyventojas moka už maitinimą pagal seniūnijos tarybos nustatytą tvarką.",
      "Už maitinimą mokama pagal seniūnijos tarybos patvirtintą tvarką."],
     [], ["maitinimas pagal seniūnijos tarybos", "maitinimas pagal seniūnijos taryba"]),
    ("\"už\" for payment takes the accusative: a genitive after it is cut from its noun",
     ["Nustatytas mokėjimas už nakties socialinę priežiūrą."],
     ["mokėjimas už nakties socialinę priežiūrą"], ["mokėjimas už nakties"]),
    ("a reflexive verbal noun in the genitive is a modifier, and a definite adjective in the "
     "accusative plural agrees with the head past it",
     ["Komisija įvertino mergaitės specialiuosius mokymosi poreikius.",
      "Mokykla atsižvelgė į specialiuosius ugdymosi poreikius."],
     ["specialieji ugdymosi poreikiai", "specialieji mokymosi poreikiai"],
     ["specialiuosius ugdymosi poreikiai", "specialiuosius ugdymosi"]),
]


@pytest.mark.parametrize("case, lines, shown, not_shown", CASES, ids=[c[0] for c in CASES])
def test_lithuanian_round_eleven(case, lines, shown, not_shown):
    forms = base_forms(lines)
    for term in shown:
        assert term in forms, (case, term, forms[:30])
    for term in not_shown:
        assert term not in forms, (case, term, forms[:30])


def test_lietuvos_respublikos_and_its_title_are_one_name():
    extraction = extract_lines(["Komisija rėmėsi Lietuvos Respublikos neįgaliųjų teisių "
                                "įstatymu.", "Taip nustato Lietuvos Respublikos neįgaliųjų "
                                "teisių įstatymas."], "lt")
    whole = ("lietuva", "respublika", "neįgalus", "teisė", "įstatymas")
    assert extraction.counter.stats[whole].whole_name
    assert not extraction.name_first(whole)  # not damped as a place before a term
    assert not extraction.is_phrase(whole[1:])  # "[Lietuvos] Respublikos ... įstatymas"
    assert not extraction.is_phrase(whole[1:4])


def test_a_citation_cut_before_its_preposition_or_conjunction_is_no_name():
    """Only the whole citation is a name; its pieces rank as ordinary phrases do."""
    extraction = extract_lines(["Taikomas Lietuvos Respublikos globos nuo skurdo įstatymas.",
                                "Sutartį pasirašė Lietuvos Respublikos švietimo ir mokslo "
                                "ministras."], "lt")
    stats = extraction.counter.stats
    assert not stats[("lietuva", "respublika", "globa")].whole_name
    assert not stats[("lietuva", "respublika", "švietimas")].whole_name
    assert stats[("lietuva", "respublika", "švietimas", "ir", "mokslas", "ministras")
                 ].whole_name


@pytest.mark.parametrize("word, role", [
    ("nebepakanka", STOP), ("nebedirba", STOP), ("pablogėjus", STOP), ("sumažėjus", STOP),
    ("reguliaraus", ADJ), ("ugdymosi", NOUN), ("ugdymasis", NOUN),
    # a noun of the stem shares the -us adjective's forms: the noun it stays
    ("veiklų", NOUN)])
def test_the_role_of_a_lithuanian_word(word, role):
    assert analyse(word, "lt").role == role


def test_a_genitive_before_an_adjective_and_its_noun_is_cut_from_their_phrase():
    """"[apygardos] administraciniam teismui": the genitive modifies the noun after the
    adjective, so a phrase ending in it is the front of a longer one."""
    extraction = extract_lines(["Skundas paduodamas regionų apygardos administraciniam "
                                "teismui per mėnesį."], "lt")
    stats = extraction.counter.stats
    assert stats[("regionas", "apygarda")].partial == stats[("regionas", "apygarda")].freq
    whole = ("regionas", "apygarda", "administracinis", "teismas")
    assert stats[whole].partial == 0


def test_pagal_joins_a_term_of_its_ground():
    """"atstovas pagal įstatymą" (a representative by law) is one term, its preposition
    one that joins a term's parts, as "su" and "be" do, not one of a circumstance."""
    extraction = extract_lines(["Prašymą pateikia vaiko atstovas pagal įstatymą."], "lt")
    assert extraction.counter.stats[("atstovas", "pagal", "įstatymas")].shape == "NpN"
    assert "atstovas pagal įstatymą" in [c.term for c in extraction.top(20)]


def test_a_participle_after_an_auxiliary_is_a_predicate_that_cuts_nothing():
    """"yra sudariusi [paslaugų pirkimo sutartį]": the participle is the clause's verb,
    not an adjective of the phrase after it, which is whole."""
    extraction = extract_lines(["Seniūnija yra sudariusi maitinimo paslaugų sutartį su "
                                "valgykla."], "lt")
    stats = extraction.counter.stats[("maitinimas", "paslauga", "sutartis")]
    assert stats.freq == 1 and stats.partial == 0


def test_a_reflexive_verbal_noun_the_dictionary_lacks_is_keyed_by_its_nominative():
    assert analyse("ugdymosi", "lt").key == analyse("ugdymuisi", "lt").key == "ugdymasis"


@pytest.mark.parametrize("form, key", [("specialistei", "specialistas"),
                                       ("psichologei", "psichologas")])
def test_a_feminine_form_the_dictionary_lacks_joins_its_lexeme(form, key):
    """The dictionary has "specialistė" (filed under specialistas) but not its dative."""
    assert analyse(form, "lt") == analyse(key, "lt")._replace(key=key)


def test_a_verb_past_tense_is_no_feminine_noun():
    """"baigė" is a verb's past tense: "baigę" stays a participle, not a noun."""
    assert analyse("baigę", "lt").role != NOUN


def test_a_phrase_from_the_second_capital_of_a_name_is_a_piece():
    """Lithuanian names capitalise their first word alone: "Baltijos Jūrų Gelbėjimo
    draugija" is one proper name, and "Jūrų Gelbėjimo draugija" a piece of it."""
    extraction = extract_lines(["Seniūnija bendradarbiauja su Baltijos Jūrų Gelbėjimo "
                                "draugijos nariais."], "lt")
    pieces = [key for key in extraction.counter.stats if key[0] == "jūra"]
    assert pieces and not any(extraction.is_phrase(key) for key in pieces)


def test_a_term_around_an_alternative_in_parentheses_keeps_its_opening_words():
    """"specialųjį nuolatinės priežiūros (pagalbos) poreikį": the whole term with its
    alternative, its definite adjective in the nominative; the pieces from inside it and
    the words after the parenthesis alone count as cut from it."""
    extraction = extract_lines(["Komisija nustatė specialųjį nuolatinės slaugos (priežiūros) "
                                "poreikį ir skyrė slaugos (priežiūros) išlaidų tikslinę "
                                "kompensaciją."], "lt")
    forms = [candidate.term for candidate in extraction.top(100)]
    assert "specialusis nuolatinės slaugos (priežiūros) poreikis" in forms
    stats = extraction.counter.stats
    assert stats[("slauga", "poreikis")].partial == 1
    assert stats[("išlaidus", "tikslinis", "kompensacija")].partial == 1


@pytest.mark.parametrize("word, participle", [
    ("nemokamo", False), ("nekilnojamą", False),  # lexicalised: free, immovable
    ("teikiamos", True), ("neteikiamos", True)])
def test_a_negated_present_passive_the_dictionary_keeps_is_an_adjective(word, participle):
    assert analyse(word, "lt").participle is participle


def test_a_lexicalised_negated_participle_opens_a_term():
    forms = base_forms(["Vaikams skiriamas nemokamas maitinimas mokykloje.",
                        "Prašymą dėl nemokamo maitinimo pateikė motina."])
    assert "nemokamas maitinimas" in forms


def test_a_phrase_without_the_capitalised_adjective_of_its_name_is_a_piece():
    """"savivaldybės Socialinės paramos skyriui": the name is "Socialinės paramos skyrius";
    "paramos skyrius" leaves out its capitalised first word and is no phrase."""
    extraction = extract_lines(["Prašymas perduotas savivaldybės Socialinės paramos skyriui "
                                "vakar."], "lt")
    assert not extraction.is_phrase(("parama", "skyrius"))
    assert extraction.is_phrase(("socialinis", "parama", "skyrius"))


def test_the_code_after_nr_is_no_term():
    """"Nr. SP-146": a document's number, whatever letters it has."""
    forms = base_forms(["Išvada 2026-03-02 Nr. KV-271", "Sprendimas Nr. AB-17 dėl globos."])
    assert not {"KV", "kv", "AB", "ab"} & set(forms)
    assert "sprendimas" in forms
