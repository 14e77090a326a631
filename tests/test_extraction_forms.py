"""Base forms, boundaries and the terminal listing of extracted candidates, on sentences
written for these tests (the held-out documents are measured in test_extraction_eval)."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, strategies as st

from termbase.cli.listing import block, fit, plain_lines
from termbase.extraction.passages import Passage
from termbase.text import lithuanian

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")


def extract_lines(lines: list[str], lang: str):
    from termbase.extract import extract_passages

    return extract_passages([Passage("t.txt", n, line) for n, line in enumerate(lines, 1)],
                            lang)


def terms(extraction, n: int = 200) -> dict[str, object]:
    return {c.term: c for c in extraction.top(n)}


# -- Lithuanian ------------------------------------------------------------------------------
LT = ["Vaikai gyvena bendruomeniniuose vaikų globos namuose.",
      "Bendruomeninių vaikų globos namų darbuotojai dirba pamainomis.",
      "Mokymai skirti budintiems globotojams ir įtėviams.",
      "Budinčių globotojų ir įtėvių susitikimai vyksta kas mėnesį.",
      "Savivaldybė finansuoja kompleksines paslaugas šeimai.",
      "Kompleksinių paslaugų šeimai teikėjai bendradarbiauja, skatinant tėvus dalyvauti.",
      "Socialiniams darbuotojams organizuojama supervizija.",
      "Supervizijos metu aptariami sunkūs atvejai."]


def test_lithuanian_terms_used_in_the_plural_get_a_nominative_plural():
    found = terms(extract_lines(LT, "lt"))
    assert "vaikų globos namai" in found and "vaikų globos namas" not in found
    assert "bendruomeniniai vaikų globos namai" in found
    assert "įtėviai" in found
    assert "budintys globotojai" in found   # a participle and a word the dictionary lacks


def test_lithuanian_dative_complement_stays_and_verb_forms_break_candidates():
    found = terms(extract_lines(LT, "lt"))
    assert "kompleksinės paslaugos šeimai" in found  # seen in the plural only
    assert not any(word in term.split() for term in found
                   for word in ("skatinant", "dalyvauti", "darbuotojams"))


def test_lithuanian_single_word_term_in_its_nominative():
    found = terms(extract_lines(LT, "lt"))
    assert "supervizija" in found


@pytest.mark.parametrize("lemma, m_plural, f_singular, f_plural", [
    ("socialinis", "socialiniai", "socialinė", "socialinės"),
    ("budintis", "budintys", "budinti", "budinčios"),
    ("apsaugotas", "apsaugoti", "apsaugota", "apsaugotos"),
    ("suaugęs", "suaugę", "suaugusi", "suaugusios"),
    ("gausus", "gausūs", "gausi", "gausios")])
def test_lithuanian_adjectives_decline_to_every_nominative(lemma, m_plural, f_singular,
                                                           f_plural):
    assert lithuanian.declined_adjective(lemma, "m", True) == m_plural
    assert lithuanian.declined_adjective(lemma, "f", False) == f_singular
    assert lithuanian.declined_adjective(lemma, "f", True) == f_plural


@given(st.text(alphabet="abcegiklmnoprsšuvyzž", min_size=3, max_size=8))
def test_every_form_of_an_inis_adjective_leads_back_to_its_lemma(stem):
    lemma = stem + "inis"
    forms = lithuanian.paradigm(lemma) | lithuanian.paradigm(stem + "inė")
    for form in forms:
        assert lithuanian.masculine_nominative(form, ("inis",)) == lemma, form


def test_lithuanian_number_and_case_of_noun_forms():
    assert lithuanian.noun_numbers("namuose", "namas") == {"pl"}
    assert lithuanian.noun_numbers("paslaugos", "paslauga") == {"sg", "pl"}
    assert lithuanian.case_slots("šeimai", "šeima") == {lithuanian.DATIVE}
    assert lithuanian.noun_nominative_plural("įtėvis", ["įtėviams"]) == "įtėviai"


# -- Polish ----------------------------------------------------------------------------------
PL = ["Sąd Rejonowy w Lublinie wyznaczył opiekuna prawnego.",
      "Podopieczny mieszka w domu pomocy społecznej.",
      "Opiekun prawny odwiedza podopiecznego co tydzień.",
      "Podopieczny otrzymuje rentę socjalną.",
      "Wnioski przyjmuje Centrum Usług Społecznych w Lublinie.",
      "Ogłoszono otwarty konkurs ofert na usługi społeczne.",
      "Wyniki otwartego konkursu ofert ogłosi prezydent."]


@needs_morfeusz
def test_polish_names_keep_capitals_and_common_terms_do_not():
    found = terms(extract_lines(PL, "pl"))
    assert "Sąd Rejonowy" in found          # a sentence-initial name keeps both capitals
    assert "Usługi Społeczne" not in found  # a piece cut from inside a name
    assert "usługi społeczne" in found


@needs_morfeusz
def test_polish_substantivised_adjective_is_a_single_word_term():
    found = terms(extract_lines(PL, "pl"))
    assert "podopieczny" in found
    assert "otwarty konkurs ofert" in found  # otwarty, not a participle of otworzyć


# -- the listing -----------------------------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("lang, lines", [("pl", PL), ("lt", LT)])
def test_listing_fits_80_columns_and_shows_form_forms_and_context(lang, lines):
    for number, candidate in enumerate(extract_lines(lines, lang).top(30), 1):
        shown = plain_lines(block(number, candidate, 80), 80)
        assert all(len(line) <= 80 for line in shown), shown
        text = "\n".join(shown)
        assert candidate.term in shown[0] and "seen as:" in text and "t.txt:" in text


@given(st.text(alphabet="abc dé…", max_size=300), st.data())
def test_fit_keeps_the_occurrence_and_the_room(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    room = data.draw(st.integers(10, 200))
    cut, s, e = fit(text, start, end, room)
    assert cut[s:e] == text[start:end]
    assert len(cut) <= max(room, end - start) + 2


def test_lithuanian_name_may_open_a_term_and_keeps_its_capital():
    found = terms(extract_lines(["Projektas finansuojamas Europos socialinio fondo lėšomis.",
                                 "Europos socialinio fondo agentūra skelbia kvietimą."], "lt"))
    assert "Europos socialinis fondas" in found
    assert "socialinis fondas" in found
    assert not any(term.startswith("europos") for term in found)


@needs_morfeusz
def test_polish_complex_prepositions_are_no_part_of_a_term():
    found = terms(extract_lines(["Szkolenia prowadzono w ramach Europejskiego Funduszu "
                                 "Społecznego.", "Wsparcie z zakresu pomocy społecznej "
                                 "udzielane jest w ramach Europejskiego Funduszu Społecznego."],
                                "pl"))
    assert "Europejski Fundusz Społeczny" in found and "pomoc społeczna" in found
    assert not any(term.split()[0] in ("rama", "ramy", "zakres") for term in found)


def test_listing_wraps_a_name_longer_than_the_line():
    from termbase.extract import Candidate, Context

    name = ("Stowarzyszenie Wspierania Rodzin Zastępczych i Placówek Opiekuńczo-"
            "Wychowawczych Województwa Wielkopolskiego")
    candidate = Candidate(term=name, lemmas=("x",), score=3.0, freq=1, files=["t.txt"],
                          independent_freq=1.0, keyness=1.0, forms=[name.lower()],
                          contexts=[Context("t.txt", 4, f"Umowę podpisało {name}.", 16,
                                            16 + len(name))])
    shown = plain_lines(block(7, candidate, 80), 80)
    assert all(len(line) <= 80 for line in shown), shown
    head = " ".join(line.strip() for line in shown[:3])
    assert name.split()[-1] in head and "seen 1x" in head


@needs_morfeusz
@pytest.mark.parametrize("lang, lines", [("pl", PL), ("lt", LT)])
def test_review_sheet_carries_base_form_forms_and_one_context(lang, lines, tmp_path):
    import csv

    from termbase.candidates import ExtractResult

    extraction = extract_lines(lines, lang)
    result = ExtractResult.of(extraction, lang, ["t.txt"], 20, False)
    sheet = tmp_path / "review.tsv"
    result.write_review(sheet)
    with sheet.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [row["term"] for row in rows] == [c.term for c in result.candidates]
    for row, candidate in zip(rows, result.candidates):
        assert row["forms"].split("; ") == candidate.forms
        context = candidate.contexts[0]
        assert row["context"].startswith(f"t.txt:{context.line}: ")
        assert context.text[context.start:context.end] in row["context"]


# -- mechanisms of general grammar, on sentences written for them ----------------------------
@needs_morfeusz
def test_polish_adverbs_participles_and_compound_adjectives_inside_terms():
    found = terms(extract_lines([
        "Dziecko umieszczono w placówce opiekuńczo-wychowawczej.",
        "Zasiłek przysługuje osobie samotnie gospodarującej, jeśli spełnia kryterium.",
        "Rodzina zastępcza spokrewniona nie otrzymuje wynagrodzenia.",
        "Osoby zagrożone wykluczeniem społecznym korzystają ze wsparcia."], "pl"))
    assert "placówka opiekuńczo-wychowawcza" in found
    assert "osoba samotnie gospodarująca" in found
    assert "rodzina zastępcza spokrewniona" in found
    assert "osoba zagrożona" not in found  # the participle wants its complement


@needs_morfeusz
def test_polish_names_coordinate_and_take_titles():
    found = terms(extract_lines([
        "Sprawę rozpoznał IV Wydział Rodzinny i Nieletnich tego sądu.",
        "Bezrobotni biorą udział w zajęciach Programu Aktywizacja i Integracja co tydzień."],
        "pl"))
    assert "Wydział Rodzinny i Nieletnich" in found
    assert "Program Aktywizacja i Integracja" in found


def test_lithuanian_definite_and_superlative_adjectives_keep_their_form():
    found = terms(extract_lines([
        "Vaikui nustatyta laikinoji globa.", "Laikinosios globos trukmė ribojama.",
        "Lėšos skiriamos iš specialiosios tikslinės dotacijos.",
        "Sprendimą lemia geriausi vaiko interesai.",
        "Paslauga teikiama asmenims su sunkia negalia."], "lt"))
    assert {"laikinoji globa", "specialioji tikslinė dotacija", "geriausi vaiko interesai",
            "sunki negalia"} <= set(found), list(found)
    assert not {"laikina globa", "speciali tikslinė dotacija", "geri vaiko interesai",
                "geriausias vaikas"} & set(found)


@pytest.mark.parametrize("lines, wanted, never", [
    # modifiers agree with their noun; a verb or an adverb breaks the phrase
    (["Posėdyje sudarytas pagalbos vaikui planas.",
      "Teismo nutartimi laikinai apribota tėvų valdžia.",
      "Svarbu, kad vaikas augtų šeimos aplinkoje."],
     {"pagalbos vaikui planas", "tėvų valdžia"},
     ("sudaryta pagalba", "laikin", "augt")),
    # adverbial clauses stay out; an active participle takes its object
    (["Kartą per ketvirtį organizuojama grupinė supervizija.",
      "Prireikus socialinis darbuotojas aplanko šeimą.",
      "Paslaugos teikiamos negalią turintiems asmenims."],
     {"grupinė supervizija", "socialinis darbuotojas", "negalią turintys asmenys"},
     ("ketvirtį organizuojama", "prireik"))])
def test_lithuanian_phrases_stop_at_clauses_and_disagreement(lines, wanted, never):
    found = terms(extract_lines(lines, "lt"))
    assert wanted <= set(found), list(found)
    assert not [term for term in found if any(part in term for part in never)], list(found)


def test_lithuanian_genitives_joined_by_ir_and_care_in_a_place():
    found = terms(extract_lines([
        "Teikimą pateikė Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba.",
        "Ilgalaikė socialinė globa institucijoje teikiama senyvo amžiaus asmenims.",
        "Dienos socialinė globa asmens namuose teikiama pagal poreikį."], "lt"))
    assert "Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba" in found
    assert "socialinė globa institucijoje" in found
    assert "dienos socialinė globa asmens namuose" in found
    assert not any(term.endswith(("ir įvaikinimas", "apsaugos ir")) for term in found)



@pytest.mark.parametrize("seen, base", [
    ("esminę priežastį", "esminė priežastis"), ("naujosios srities", "naujoji sritis"),
    ("socialinei atskirčiai", "socialinė atskirtis"), ("geram broliui", "geras brolis")])
def test_lithuanian_feminine_nouns_in_is_take_feminine_adjectives(seen, base):
    from collections import Counter

    from termbase.extraction.baseform import base_form

    assert base_form({seen: 1}, "lt", lambda lemma: Counter()) == base


def test_lithuanian_genitive_plural_before_a_dative_head_stays_a_modifier():
    found = terms(extract_lines([
        "Lėšos skiriamos nevyriausybinių organizacijų programoms.",
        "Nevyriausybinių organizacijų programoms pritarė taryba."], "lt"))
    assert "nevyriausybinių organizacijų programos" in found, list(found)
    assert not any(term.startswith("nevyriausybinė organizacija") for term in found)


def test_lithuanian_passive_participle_takes_the_nominative_of_its_head():
    found = terms(extract_lines([
        "Direktorius pristatė patvirtinto plano įgyvendinimą.",
        "Patvirtinto plano priemonės vykdomos."], "lt"))
    assert "patvirtintas planas" in found and "patvirtinto planas" not in found


@pytest.mark.parametrize("lang, word, forms, more_than", [
    ("lt", "kineziterapeutas", {"kineziterapeutas": 1}, "diena"),
    ("lt", "ergoterapija", {"ergoterapijos": 1}, "miestas"),
    ("pl", "mediacja", {"mediacji": 1}, "dzień"),
    ("pl", "doradztwo", {"doradztwa": 1}, "miasto")])
def test_rare_term_shaped_words_outweigh_everyday_ones(lang, word, forms, more_than):
    from termbase.extraction.single_words import evidence

    assert evidence(word, forms, lang, False) > 0.5
    assert evidence(more_than, {more_than: 1}, lang, False) == 0.0
    assert evidence(more_than, {more_than: 1}, lang, True) == 0.0  # known, yet everyday


def test_lone_participles_and_adverbs_are_held_down():
    from termbase.extraction.single_words import evidence

    assert evidence("vykdomas", {"vykdoma": 1}, "lt", False) < 0.2
    assert evidence("~operatyv", {"operatyviai": 1}, "lt", False) < \
        evidence("~operatyvum", {"operatyvumas": 1}, "lt", False)


def test_words_of_known_terms_count_as_domain_evidence():
    from termbase.extraction.single_words import evidence

    assert evidence("atokvėpis", {"atokvėpis": 1}, "lt", True) > \
        evidence("atokvėpis", {"atokvėpis": 1}, "lt", False)


def test_lithuanian_feminine_nouns_in_is_make_candidates_with_their_adjectives():
    found = terms(extract_lines([
        "Kaime socialinės atskirties mastas didelis.",
        "Programa skirta socialinei atskirčiai mažinti."], "lt"))
    assert "socialinė atskirtis" in found, list(found)


@needs_morfeusz
@pytest.mark.parametrize("variants, base", [
    ({"praw bezdomnego": 1, "prawom bezdomnego": 1}, "prawo bezdomnego"),
    ({"rodziny zastępczej": 2, "rodzinie zastępczej": 1}, "rodzina zastępcza"),
    ({"dziecka niepełnosprawnego": 1, "dziecku niepełnosprawnemu": 1},
     "dziecko niepełnosprawne")])
def test_polish_word_unchanged_while_its_head_declines_is_a_genitive_complement(variants,
                                                                               base):
    from collections import Counter

    from termbase.extraction.baseform import base_form

    assert base_form(variants, "pl", lambda lemma: Counter()) == base


# -- Lithuanian word classes the dictionary files under another word --------------------------
LT_CLASSES = ["Pirmoji programos dalis – laikino apnakvindinimo paslaugos.",
              "Gyventojus lanko bendrosios praktikos slaugytojas, o prireikus kviečiamas "
              "šeimos gydytojas.",
              "Paslaugos teikiamos asmenims jų gyvenamojoje vietoje.",
              "Bendrijos vidaus tvarkos taisyklės skelbiamos skelbimų lentoje.",
              "Su šiomis taisyklėmis supažindinamas kiekvienas narys."]


def test_lithuanian_verbal_noun_the_dictionary_lacks_takes_its_nominative():
    found = terms(extract_lines(LT_CLASSES, "lt"))
    assert "laikinas apnakvindinimas" in found       # seen once, in the genitive
    assert "laikino apnakvindinimo" not in found


def test_lithuanian_noun_is_read_by_the_lemma_that_declines_to_it():
    found = terms(extract_lines(LT_CLASSES, "lt"))
    # "praktikos" is praktika's (not praktikas's, the practitioner), so its adjective agrees
    # with it; "slaugytojas" is the masculine nominative, not a plural of "slaugytoja"
    assert "bendrosios praktikos slaugytojas" in found
    assert not any(term.endswith("slaugytojos") for term in found)


def test_lithuanian_present_passive_participles_are_modifiers_not_nouns():
    found = terms(extract_lines(LT_CLASSES, "lt"))
    assert "gyvenamoji vieta" in found                # the definite form names a kind
    assert not any(term.startswith("kviečiamas") for term in found)
    candidate = extract_lines(LT_CLASSES, "lt")
    shapes = {c.term: candidate.counter.stats[c.lemmas].shape for c in candidate.top(200)}
    assert shapes.get("kviečiamas šeimos gydytojas", "v").startswith("v")


def test_lithuanian_noun_the_text_uses_in_the_plural_only_gets_its_plural():
    found = terms(extract_lines(LT_CLASSES, "lt"))
    # "taisyklės" alone may be a genitive singular; "taisyklėmis" settles the number
    assert "vidaus tvarkos taisyklės" in found and "vidaus tvarkos taisyklė" not in found


def test_a_counted_unit_is_no_plural_only_noun():
    found = terms(extract_lines(["Sprendimas įsigalioja nuo jo įteikimo dienos.",
                                 "Skundą galima paduoti per dvidešimt darbo dienų.",
                                 "Atsakymas pateikiamas per tris darbo dienas."], "lt"))
    assert "įteikimo diena" in found


def test_one_base_form_is_one_candidate():
    extraction = extract_lines(LT + LT_CLASSES, "lt")
    bases = [c.term.lower() for c in extraction.top(None)]
    assert len(bases) == len(set(bases))


@needs_morfeusz
def test_polish_adjective_used_as_a_noun_stays_a_genitive_complement():
    found = terms(extract_lines(["Podopieczny uczestniczy w zajęciach klubu.",
                                 "Opiekun dba o zdrowie i dochód podopiecznego.",
                                 "Sąd zezwolił na objęcie podopiecznego opieką wytchnieniową.",
                                 "Wniosek złożyła osoba niepełnosprawna."], "pl"))
    assert "objęcie podopiecznego" in found and "objęcie podopieczne" not in found
    assert "osoba niepełnosprawna" in found   # an adjective that agrees is still one


@needs_morfeusz
def test_polish_rare_adjective_homograph_compound_adjectives_and_adverb_pairs():
    found = terms(extract_lines([
        "Z wybranymi oferentami zostaną zawarte umowy o dofinansowanie projektu.",
        "Zajęcia prowadzi zespół rehabilitacyjno-opiekuńczy ośrodka.",
        "Dom przyjmuje osoby przewlekle somatycznie chore."], "pl"))
    # "umowy" is umowa's, not a form of the rare adjective umowy
    assert "umowa o dofinansowanie projektu" in found
    assert "zespół rehabilitacyjno-opiekuńczy" in found   # a compound morfeusz2 lacks
    assert "osoba przewlekle somatycznie chora" in found


@needs_morfeusz
def test_polish_participle_with_an_adjective_reading_still_wants_its_complement():
    found = terms(extract_lines(["Oferty ocenia komisja konkursowa powołana przez "
                                 "Prezydenta Miasta, w której zasiadają radni."], "pl"))
    assert "komisja konkursowa" in found
    assert "komisja konkursowa powołana" not in found


def test_lithuanian_adjective_agrees_across_genitives_of_another_gender():
    found = terms(extract_lines(["Duomenys tvarkomi laikantis Bendrojo duomenų apsaugos "
                                 "reglamento reikalavimų."], "lt"))
    assert "Bendrasis duomenų apsaugos reglamentas" in found


def test_lithuanian_phrase_cut_from_a_name_loses_the_names_capital():
    found = terms(extract_lines(
        ["Prašymus dėl išmokų priima Socialinės paramos skyrius.",
         "Dokumentus pateikite Socialinės paramos skyriaus vedėjui.",
         "Mokymus remia Europos socialinio fondo agentūra."], "lt"))
    assert "Socialinės paramos skyrius" in found   # the whole name keeps its capital
    assert "socialinė parama" in found and "Socialinė parama" not in found
    assert not any(term.startswith("europos") for term in found)  # a proper noun's own


def test_lithuanian_abstract_noun_in_umas_the_dictionary_lacks_takes_its_nominative():
    found = terms(extract_lines(
        ["Tarnyba užtikrina konfidencialumą ir nešališkumą."], "lt"))
    assert "konfidencialumas" in found and "nešališkumas" in found
    assert "konfidencialumą" not in found


@pytest.mark.parametrize("line, base, never", [
    ("Pagalba teikiama vaikams, turintiems didelių slaugos poreikių.",
     "dideli slaugos poreikiai", "dideliai slaugos poreikiai"),
    ("Nakvynė skirta benamiams vyrams.", "benamiai vyrai", "benami vyrai"),
    ("Sprendimą aptarė su tarybos nariais.", "tarybos nariai", "tarybos narės"),
])
def test_lithuanian_plural_takes_the_declension_the_form_belongs_to(line, base, never):
    found = terms(extract_lines([line], "lt"))
    assert base in found and never not in found


def test_lithuanian_ambiguous_form_joins_the_noun_the_text_shows_unambiguously():
    found = terms(extract_lines(["Komisijos narių posėdis vyko vasarį.",
                                 "Sprendimas aptartas su komisijos nariais."], "lt"))
    assert "komisijos nariai" in found
    assert not any("narė" in term.split() or "narės" in term.split() for term in found)


@pytest.mark.parametrize("line, base, seen", [
    ("Mokymai skirti kreatyvios tėvystės įgūdžiams.", "kreatyvi tėvystė", "kreatyvios tėvystės"),
    ("Vyksta inkliuzyvaus ugdymo renginiai.", "inkliuzyvus ugdymas", "inkliuzyvaus ugdymo"),
])
def test_lithuanian_yvus_adjective_the_dictionary_lacks_takes_its_nominative(line, base, seen):
    found = terms(extract_lines([line], "lt"))
    assert base in found and seen not in found


# -- seventh round: forms and boundaries ------------------------------------------------------
@pytest.mark.parametrize("line, base, never", [
    # a noun the dictionary lacks, seen in a case only the plural has
    ("Susitikime kalbėjomės su seniūnaičiais apie kelius.", "seniūnaičiai", "seniūnaičiais"),
    # a definite participle: the nominative of its plain form
    ("Darbuotojai susisiekė su nukentėjusiaisiais asmenimis.", "nukentėję asmenys",
     "nukentėjusiaisi asmenys"),
    # a noun in -inė that is also the feminine of an -inis adjective, agreeing
    ("Šeima gauna piniginės socialinės paramos išmokas.", "piniginė socialinė parama",
     "piniginės socialinė parama"),
    # a sentence's capital on a word the dictionary lacks makes no name
    ("Smurtautojams pasiūlyta elgesio keitimo programa.", "smurtautojai", "Smurtautojai")])
def test_lithuanian_base_forms_of_the_seventh_round(line, base, never):
    found = terms(extract_lines([line], "lt"))
    assert base in found and never not in found


@pytest.mark.parametrize("line, piece", [
    # after a preposition that takes the genitive, a head in another case starts anew
    ("Prašymą dėl socialinio būsto nuomos asmuo pateikia raštu.",
     "socialinio būsto nuomos asmuo"),
    # a capitalised word after a name's word belongs to that name
    ("Jis rėmėsi Lietuvos Respublikos civiliniu kodeksu.", "respublikos civiliniu kodeksu"),
    # a participle's complement stands before it
    ("Dirbome su smurtą patyrusiais vaikais ir mamomis.", "patyrusiais vaikais")])
def test_lithuanian_pieces_cut_from_a_longer_phrase_count_as_cut(line, piece):
    counter = extract_lines([line], "lt").counter
    found = [stats for stats in counter.stats.values()
             if piece in {variant.lower() for variant in stats.variants}]
    assert found and all(stats.partial == stats.freq for stats in found)


def test_a_participle_after_to_be_opens_no_candidate():
    lt = terms(extract_lines(["Kiekvienam vaikui buvo sudarytas pagalbos planas."], "lt"))
    assert "pagalbos planas" in lt and "sudarytas pagalbos planas" not in lt


def test_a_counted_genitive_heads_a_phrase_but_modifies_none():
    found = terms(extract_lines(["Gauta 214 pranešimų apie smurtą artimoje aplinkoje.",
                                 "Nustatytas 40 procentų darbingumo lygis."], "lt"))
    assert "darbingumo lygis" in found and "procentų darbingumo lygis" not in found
    assert any(term.startswith("pranešimai apie smurtą") or term.startswith(
        "pranešimas apie smurtą") for term in found)


def test_a_generic_head_alone_ranks_below_a_word_seen_in_no_phrase():
    from termbase.extraction import termhood

    counts = termhood.phrases_per_word({("socialinis", "centras"): 1, ("krizė", "centras"): 1,
                                        ("centras", "veikla"): 1, ("dienos", "centras"): 1,
                                        ("centras",): 4, ("supervizija",): 1})
    assert counts["centras"] == 4 and counts["supervizija"] == 0
    assert termhood.generic_word_damping(counts["centras"]) < termhood.generic_word_damping(
        counts["supervizija"]) == 1.0
