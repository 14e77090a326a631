"""Lithuanian extraction on sentences written for these tests (issue 17, tenth round):
statute titles longer than an ordinary candidate, genitives coordinated before one head,
and the other kinds of unseen text this round reads (see docs/extraction-rounds.md)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termbase.extraction.analysis import analyse
from termbase.extraction.lithuanian_statutes import statute_titles
from termbase.extraction.ngrams import sentence_initial
from termbase.text.normalize import tokenize

from extraction_support import extract_lines


def extracted(lines: list[str]):
    return extract_lines(lines, "lt")


def base_forms(lines: list[str], n: int = 200) -> list[str]:
    return [candidate.term for candidate in extracted(lines).top(n)]


def titles(text: str) -> list[str]:
    tokens = tokenize(text)
    infos = [analyse(t.text, "lt") for t in tokens]
    return [" ".join(t.text for t in tokens[first:head + 1])
            for first, head, _capital in statute_titles(
                text, tokens, infos, lambda k: sentence_initial(text, tokens, k), 5, 7)]


# -- statute titles ------------------------------------------------------------------------
def test_a_cited_statute_title_is_one_candidate_with_its_head_in_the_nominative():
    terms = base_forms([
        "Centras veikia pagal Lietuvos Respublikos apsaugos nuo smurto artimoje aplinkoje "
        "įstatymą ir savivaldybės tarybos sprendimus.",
        "Būstas nuomojamas asmenims, nurodytiems Lietuvos Respublikos paramos būstui "
        "įsigyti ar išsinuomoti įstatyme."])
    assert "apsaugos nuo smurto artimoje aplinkoje įstatymas" in terms
    assert "paramos būstui įsigyti ar išsinuomoti įstatymas" in terms


def test_a_title_opened_by_a_capital_inside_a_sentence_keeps_it():
    terms = base_forms(["Darbuotojai susipažino su Paramos būstui įsigyti ar išsinuomoti "
                        "įstatymo pakeitimais."])
    assert "Paramos būstui įsigyti ar išsinuomoti įstatymas" in terms


def test_a_title_needs_a_visible_start():
    # no "Lietuvos Respublikos", no capital inside the sentence: where would it begin?
    assert titles("Savivaldybė pagal šį įstatymą skiria paramą būstui įsigyti ar "
                  "išsinuomoti įstatymo nustatyta tvarka.") == []
    # a sentence's own capital says nothing of a name
    assert titles("Apsaugos nuo smurto artimoje aplinkoje įstatymas taikomas visiems.") == []


def test_a_short_title_is_left_to_the_ordinary_candidates():
    # five words with one preposition at most: an ordinary candidate already
    assert titles("Pagal Lietuvos Respublikos socialinių paslaugų įstatymą centras "
                  "teikia paslaugas.") == []
    assert "socialinių paslaugų įstatymas" in base_forms([
        "Pagal Lietuvos Respublikos socialinių paslaugų įstatymą centras teikia paslaugas."])


def test_several_statutes_make_no_title():
    assert titles("Ginčai sprendžiami Lietuvos Respublikos apsaugos nuo smurto artimoje "
                  "aplinkoje įstatymų nustatyta tvarka.") == []


def test_a_finite_verb_or_punctuation_ends_a_title():
    assert titles("Lietuvos Respublikos Vyriausybė nustato, kaip taikomas apsaugos nuo "
                  "smurto artimoje aplinkoje įstatymas.") == []


_TITLE_WORDS = st.sampled_from(["apsaugos", "nuo", "smurto", "artimoje", "aplinkoje",
                                "paramos", "būstui", "įsigyti", "ar", "socialinių",
                                "paslaugų", "vaiko", "teisių"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_TITLE_WORDS, min_size=1, max_size=12),
       st.sampled_from(["įstatymą", "įstatymo", "įstatyme", "įstatymu"]))
def test_a_found_title_lies_between_the_citation_and_the_statute(words, form):
    text = "Pagal Lietuvos Respublikos " + " ".join(words) + f" {form} centras dirba."
    for title in titles(text):
        assert title.endswith(form)
        assert title.split()[:-1] == words[len(words) - len(title.split()) + 1:]
        assert "Respublikos" not in title


# -- genitives coordinated before one head -------------------------------------------------
def test_two_genitives_joined_before_one_head_give_both_terms():
    terms = base_forms([
        "Centras priima suaugusius asmenis su proto ar psichikos negalia.",
        "Lankytojams su proto ar psichikos negalia skiriamas užimtumo specialistas."])
    assert {"proto negalia", "psichikos negalia"} <= set(terms)


def test_a_name_of_coordinated_genitives_is_not_split():
    terms = base_forms(["Socialinės apsaugos ir darbo ministerija skiria lėšas centrui.",
                        "Apie tai informuojama Socialinės apsaugos ir darbo ministerija."])
    assert "apsaugos ministerija" not in terms
    assert "socialinės apsaugos ministerija" not in terms


def test_a_genitive_before_a_longer_phrase_is_not_taken_as_shared():
    # "vaiko ir šeimos gerovės planas": the head is "planas", two nouns away
    terms = base_forms(["Komanda parengė vaiko ir šeimos gerovės planą."])
    assert "vaiko gerovė" not in terms


# -- single words that name a role -----------------------------------------------------------
@given(st.sampled_from(["psicholog", "ergoterapeut", "slaugytoj", "globėj", "teisinink",
                        "pedagog", "psichiatr", "kineziterapeut", "specialist"]),
       st.sampled_from(["as", "ė", "a"]))
def test_a_lithuanian_role_is_told_by_its_suffix(stem, ending):
    from termbase.extraction.lithuanian_roles import names_a_role

    lemma = stem + ending
    # "-ė" ends no masculine suffix, "-a" only -toja/-ėja: the feminine of those
    expected = ending == "as" or (ending == "ė" and not stem.endswith(("toj", "ėj"))) or (
        ending == "a" and stem.endswith(("toj", "ėj")))
    assert names_a_role(lemma) == expected


def test_everyday_people_are_no_roles():
    from termbase.extraction.lithuanian_roles import names_a_role

    assert not any(map(names_a_role, ["žmogus", "vaikas", "sūnus", "mama", "vadovas"]))


def test_a_role_seen_once_outranks_everyday_words_seen_once():
    lines = ["Dienos centre dirba socialinis darbuotojas ir psichologas.",
             "Socialinis darbuotojas padeda lankytojams kiekvieną dieną.",
             "Socialinis darbuotojas sudaro planą, o vadovas jį tvirtina."]
    terms = base_forms(lines)
    assert terms.index("psichologas") < terms.index("vadovas")
    assert terms.index("psichologas") < terms.index("diena")


def test_a_role_as_common_as_everyday_words_counts_as_specialised():
    from termbase.extraction.persons import names_a_person
    from termbase.extraction.single_words import SPECIALISED_EVIDENCE, evidence

    # "psichologas" is about as frequent in general Lithuanian as "pedagogas" or
    # "teisininkas" (Zipf 4.1-4.2), above the plain specialised threshold
    for word in ("psichologas", "pedagogas", "teisininkas"):
        assert evidence(word, {word: 1}, "lt", False, names_a_person(word, "lt")) \
            >= SPECIALISED_EVIDENCE
    assert evidence("vadovas", {"vadovas": 1}, "lt", False,
                    names_a_person("vadovas", "lt")) < SPECIALISED_EVIDENCE


# -- a plural title -------------------------------------------------------------------------
def test_a_title_ending_in_an_ambiguous_form_gives_the_plural():
    lines = ["Savivaldybės socialinio būsto nuomos taisyklės",
             "Šios taisyklės nustato, kaip savivaldybė nuomoja socialinį būstą.",
             "Nuomininkas laikosi šios taisyklės reikalavimų."]
    terms = base_forms(lines)
    assert "socialinio būsto nuomos taisyklės" in terms
    assert "socialinio būsto nuomos taisyklė" not in terms


def test_a_singular_seen_elsewhere_outweighs_a_title():
    lines = ["Savivaldybės socialinio būsto nuomos taisyklės",
             "Ši taisyklė nustato, kaip savivaldybė nuomoja socialinį būstą."]
    assert "taisyklė" in base_forms(lines)


@given(st.sampled_from(["Šios taisyklės nustato tvarką.", "Paslaugų teikimo taisyklės:",
                        "Kreiptis galima darbo dienomis", "Taisyklės"]))
def test_a_sentence_or_a_lone_word_is_no_heading(line):
    from termbase.extraction.lithuanian_headings import heading_head

    tokens = tokenize(line)
    assert heading_head(line, tokens, [analyse(t.text, "lt") for t in tokens]) is None


def test_a_numbered_heading_gives_its_last_noun():
    from termbase.extraction.lithuanian_headings import heading_head

    line = "2. Paslaugų gavėjų teisės"
    tokens = tokenize(line)
    assert heading_head(line, tokens, [analyse(t.text, "lt") for t in tokens]) == \
        analyse("teisės", "lt").key


# -- a role with its field inside a longer phrase --------------------------------------------
def _candidate(lines: list[str], term: str):
    return next(c for c in extracted(lines).top(None) if c.term == term)


def test_a_role_with_its_field_before_another_noun_is_a_phrase_of_its_own():
    lines = ["Prie prašymo pridedama šeimos gydytojo išvada apie sveikatos būklę.",
             "Pagalbos planą tvirtina paslaugų centro direktorius."]
    role = _candidate(lines, "šeimos gydytojas")
    assert role.independent_freq == role.freq  # not cut out of "šeimos gydytojo išvada"
    # a genitive of a thing before a noun is still the front of the longer phrase
    stats = extracted(lines).counter.stats
    assert stats[tuple(analyse(w, "lt").key for w in ("paslaugų", "centro"))].partial == 1
    # and a participle makes no role's phrase ("[prašymo] pridedama šeimos gydytojo")
    assert all(not c.term.startswith("prašymo pridedama") or c.independent_freq < c.freq
               for c in extracted(lines).top(None))


# -- a role's prepositional complement ---------------------------------------------------
def _stats_of(lines: list[str], words: list[str]):
    return extracted(lines).counter.stats[tuple(analyse(w, "lt").key for w in words)]


def test_a_role_followed_by_a_clause_complement_is_held_down_once_seen():
    from termbase.extraction.lithuanian_roles import role_in_a_circumstance

    lines = ["Lankytojai į centrą atvyksta iki devintos valandos.",
             "Centras priima asmenis su negalia ir jų globėjus."]
    words = ["Lankytojai", "į", "centrą"]
    key = tuple(analyse(w, "lt").key for w in words)
    assert role_in_a_circumstance(key, _stats_of(lines, words).shape)
    kind = ["asmenis", "su", "negalia"]
    assert not role_in_a_circumstance(tuple(analyse(w, "lt").key for w in kind),
                                      _stats_of(lines, kind).shape)
    ranked = [c.term for c in extracted(lines).top(None)]
    assert ranked.index("lankytojai į centrą") > ranked.index("asmenys su negalia")


def test_a_repeated_role_complement_is_not_held_down():
    def gain(sentence: str, again: str, term: str) -> float:
        def score(lines):
            return next(c.score for c in extracted(lines).top(None) if c.term == term)
        return score([sentence, again]) / score([sentence])

    # seen twice, the role's complement loses its damping: it gains about twice what a
    # phrase never damped gains from its second occurrence
    role = gain("Lankytojai į centrą atvyksta iki devintos valandos.",
                "Lankytojai į centrą vežami autobusu.", "lankytojai į centrą")
    control = gain("Pagalba į namus teikiama darbo dienomis.",
                   "Pagalba į namus skiriama pagal poreikį.", "pagalba į namus")
    assert role > 1.5 * control


# -- an institution's name in the genitive before another noun ------------------------------
def test_an_institution_named_in_the_genitive_keeps_its_capital_and_its_count():
    lines = ["Vežimėlius išduoda Techninės pagalbos neįgaliesiems centro padalinys.",
             "Lankytojai kreipiasi į Neįgaliųjų reikalų departamento specialistus."]
    found = {c.term: c for c in extracted(lines).top(None)}
    for name in ("Techninės pagalbos neįgaliesiems centras",
                 "Neįgaliųjų reikalų departamentas"):
        assert name in found
        assert found[name].independent_freq == found[name].freq
        assert name.lower() not in found


def test_a_name_opening_with_genitives_of_things_is_still_cut():
    # "Socialinių paslaugų" opens the department's name; it names no institution alone
    lines = ["Patikrinimą atliko Socialinių paslaugų priežiūros departamentas."]
    terms = base_forms(lines)
    assert "Socialinių paslaugų priežiūros departamentas" in terms
    assert "Socialinės paslaugos" not in terms


def test_the_second_of_two_joined_genitives_keeps_its_count():
    lines = ["Specialistai padeda lankytojams ugdyti savarankiškumo ir darbo įgūdžius."]
    found = {c.term: c for c in extracted(lines).top(None)}
    assert {"savarankiškumo įgūdžiai", "darbo įgūdžiai"} <= set(found)
    assert found["darbo įgūdžiai"].independent_freq == found["darbo įgūdžiai"].freq


def test_a_capitalised_name_whose_adjective_agrees_across_genitives_keeps_its_count():
    lines = ["Duomenys tvarkomi laikantis Bendrojo duomenų apsaugos reglamento reikalavimų."]
    found = {c.term: c for c in extracted(lines).top(None)}
    name = found["Bendrasis duomenų apsaugos reglamentas"]
    assert name.independent_freq == name.freq


def test_the_manner_formula_after_a_title_is_no_part_of_it():
    """"... įstatymo nustatyta tvarka" ("in the manner the act lays down"): the act's
    title is the term, the formula after it no phrase."""
    found = base_forms(["Centras steigiamas Lietuvos Respublikos biudžetinių įstaigų "
                        "įstatymo nustatyta tvarka.",
                        "Išmokos skiriamos teisės aktų nustatyta tvarka."])
    assert "Lietuvos Respublikos biudžetinių įstaigų įstatymas" in found
    assert not [term for term in found if "tvarka" in term]


def test_a_noun_in_tas_is_no_participle_in_a_case_only_nouns_have():
    """"plotas" (area) is also the past passive participle of "ploti" (to clap); its
    dative "plotui" and locative "plote" are the noun's alone (the participle's are
    "plotam", "plotame"), so the phrase runs to its head."""
    assert analyse("plotui", "lt").role == "noun" and analyse("plote", "lt").role == "noun"
    assert analyse("sudarytame", "lt").participle
    found = base_forms(["Išlaidos, tenkančios normatyviniam būsto naudingajam plotui, "
                        "kompensuojamos."])
    assert "normatyvinis būsto naudingasis plotas" in found


def test_a_definite_adjective_skips_a_plural_only_genitive_to_agree_with_its_head():
    """"duomenų" is the genitive of duomenys (the plural of duomuo), no accusative
    singular: "Bendrąjį" agrees with "reglamentą" and is put in the nominative."""
    found = base_forms(["Centras tvarko duomenis pagal Bendrąjį duomenų apsaugos "
                        "reglamentą.",
                        "Bendrojo duomenų apsaugos reglamento reikalavimai taikomi visiems."])
    assert "Bendrasis duomenų apsaugos reglamentas" in found
    assert not [term for term in found if term.startswith("Bendrąjį")]
