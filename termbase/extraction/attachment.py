"""Which word each adjective modifies, so that no candidate takes an adjective away from
its noun.

In "pracowników socjalnych gmin" the adjective belongs to "pracowników": "socjalnych gmin"
is no phrase, and counting it would make such fragments compete with real phrases; in a
small text (where every phrase occurs once or twice) frequency cannot tell them apart.

* Polish adjectives follow their noun ("pomoc społeczna") or precede it ("aktywna
  integracja"); an adjective modifies the neighbour it agrees with in number, case and
  gender, the one on the left first (a classifying adjective after its noun is the
  commoner order in terms).
* Lithuanian adjectives precede their noun, possibly across genitives ("socialinės
  [pasienio] iniciatyvos": the feminine adjective skips the masculine "pasienio"); the
  gender shows in the adjective's ending and in the noun lemma's.
* English adjectives precede their noun.
"""

from __future__ import annotations

import functools

from termbase.text import polish
from termbase.extraction.analysis import (ADJ, ADV, CONJ, NOUN, WordInfo,
                                          lithuanian_noun_gender, present_passive)
from termbase.extraction.lithuanian_datives import dative_noun, governs_dative
from termbase.extraction.lithuanian_gender import may_be_feminine_role
from termbase.extraction.lithuanian_roles import names_a_role, names_an_institution
from termbase.extraction.polish_np import modifies_the_next_noun
from termbase.extraction.stopwords import before_a_predicate

NONE = 0
LEFT, RIGHT = -1, 1   # the neighbour modified, as an offset


@functools.lru_cache(maxsize=None)
def _agreement(word: str) -> tuple[frozenset, frozenset]:
    """(number, case, gender) triples of a word's adjective readings and of all its nominal
    readings."""
    adjective, nominal = set(), set()
    for reading in polish.readings(word):
        if reading.pos not in polish.ADJ_POS | polish.NOUN_POS:
            continue
        triples = {(n, c, g) for n in reading.numbers for c in reading.cases
                   for g in reading.genders}
        nominal |= triples
        if reading.pos in polish.ADJ_POS:
            adjective |= triples
    return frozenset(adjective), frozenset(nominal)


def polish_agrees(adjective: str, other: str) -> bool:
    """Whether an adjective or participle can agree with a noun (or adjective)."""
    return bool(_agreement(adjective)[0] & _agreement(other)[1])


def _polish(words: list[str], infos: list[WordInfo], k: int, done: list[int]) -> int:
    """`done`: what the words before do (an adjective after an adjective follows the same
    noun only if that one does: "[świadczone] integralne wsparcie" is not "świadczone
    integralne"). Adverbs before the adjective are stepped over ("osoby [samotnie]
    gospodarujące")."""
    nominal = (NOUN, ADJ)
    back = k - 1
    while back > 0 and infos[back].role == ADV:
        back -= 1
    if back >= 0 and infos[back].role == NOUN and infos[k + 1:k + 2] \
            and infos[k + 1].role in nominal and modifies_the_next_noun(words, k, back):
        return RIGHT
    if back >= 0 and (infos[back].role == NOUN or done[back] < 0) and polish_agrees(
            words[k], words[back]):
        return back - k
    if back > 0 and infos[back].role == CONJ and done[back - 1] < 0:
        # "Kodeksu rodzinnego [i] opiekuńczego": coordinated with the adjective before
        target = back - 1 + done[back - 1]
        if polish_agrees(words[k], words[target]):
            return target - k
    if k + 1 < len(words) and infos[k + 1].role in nominal and polish_agrees(words[k],
                                                                              words[k + 1]):
        return RIGHT
    return NONE


_LT_FEMININE_FORM = ("ė", "ės", "ei", "ę", "ėje", "ėms", "ėmis", "ėse", "os", "oje", "oms",
                     "omis", "ose", "a", "ą", "es")
_LT_MASCULINE_FORM = ("as", "is", "us", "ys", "o", "io", "am", "iam", "ame", "iame", "į",
                      "ieji", "iems", "ems", "ams", "iams", "ius", "ais", "iais", "uose",
                      "iuose", "iu", "u")


def lithuanian_gender(form: str) -> str:
    """The gender the longest matching ending marks ("-uose" masculine, "-ose" feminine)."""
    feminine = max((len(e) for e in _LT_FEMININE_FORM if form.endswith(e)), default=0)
    masculine = max((len(e) for e in _LT_MASCULINE_FORM if form.endswith(e)), default=0)
    if not feminine and not masculine:
        return ""
    return "f" if feminine > masculine else "m"


# Endings and the cases they can mark, for both adjectives and nouns (endings missing here
# say too little: -us is a nominative or an accusative plural, -a a nominative or an
# instrumental).
_LT_CASES = sorted({
    "ų": {"gen.pl"}, "io": {"gen.sg"}, "o": {"gen.sg"}, "aus": {"gen.sg"},
    "os": {"gen.sg", "nom.pl"}, "ės": {"gen.sg", "nom.pl"},
    "as": {"nom.sg"}, "is": {"nom.sg"}, "uo": {"nom.sg"},
    "ą": {"acc.sg"}, "ę": {"acc.sg"}, "į": {"acc.sg"},
    "ams": {"dat.pl"}, "iams": {"dat.pl"}, "iems": {"dat.pl"}, "oms": {"dat.pl"},
    "ėms": {"dat.pl"},
    "ais": {"ins.pl"}, "iais": {"ins.pl"}, "omis": {"ins.pl"}, "ėmis": {"ins.pl"},
    "imis": {"ins.pl"},
    "uose": {"loc.pl"}, "ose": {"loc.pl"}, "ėse": {"loc.pl"},
    # reflexive verbal nouns: mokymasis, mokymosi, mokymuisi, mokymąsi
    "asis": {"nom.sg"}, "osi": {"gen.sg"}, "uisi": {"dat.sg"}, "ąsi": {"acc.sg"},
    # definite adjectives: specialiuosius, laikinąsias, specialieji, laikinoji
    "uosius": {"acc.pl"}, "ąsias": {"acc.pl"}, "ieji": {"nom.pl"}, "oji": {"nom.sg"},
}.items(), key=lambda item: -len(item[0]))


def _lithuanian_case(form: str) -> frozenset:
    return frozenset(next((cases for ending, cases in _LT_CASES if form.endswith(ending)),
                          ()))


def _lithuanian(words: list[str], infos: list[WordInfo], k: int) -> int:
    """The first noun to the right whose gender and case the adjective's ending allows
    ("pagrindinis [projekto] tikslas": the nominative skips the genitive)."""
    form = words[k].lower()
    if k and infos[k].participle and before_a_predicate(words[k - 1].lower(), "lt"):
        return NONE  # a predicate: "administracija yra sudariusi [paslaugų ... sutartį]"
    gender, case = lithuanian_gender(form), _lithuanian_case(form)
    if form.endswith("ų") and not form.endswith(("ių", "jų")) \
            and infos[k].key.endswith("us"):
        # an -us adjective's accusative singular ("individualų planą"; its genitive plural
        # is "individualių", the definite one "neįgaliųjų")
        gender, case = "m", frozenset({"acc.sg"})
    for target in range(k + 1, len(words)):
        info = infos[target]
        if info.role == ADJ:
            continue
        if info.role != NOUN:
            return NONE
        noun = words[target].lower()
        noun_gender = lithuanian_noun_gender(info.key)
        gender_ok = not gender or info.key.startswith("~") or gender == noun_gender or (
            gender == "f" and may_be_feminine_role(noun, info.key))  # "socialinė darbuotoja"
        noun_case = _lithuanian_case(noun)
        if gender_ok and (not case or not noun_case or case & noun_case):
            return target - k
    return NONE


def attachments(words: list[str], infos: list[WordInfo], lang: str) -> list[int]:
    """Per word: for an adjective, the offset of the word it modifies; else NONE."""
    result = [NONE] * len(words)
    for k, info in enumerate(infos):
        if info.role != ADJ:
            continue
        if lang == "pl" and polish.available():
            result[k] = _polish(words, infos, k, result)
        elif lang == "lt":
            result[k] = _lithuanian(words, infos, k)
        elif k + 1 < len(words) and infos[k + 1].role in (NOUN, ADJ):
            result[k] = RIGHT
    return result


def cuts(infos: list[WordInfo], attach: list[int], i: int, j: int) -> bool:
    """True when the words i..j hold an adjective whose noun lies outside them, or that
    modifies nothing at all ("skirtą [socialiniams darbuotojams]": no agreement).

    Leaving out a modifier is allowed: "osoby starsze" inside "samotne osoby starsze" and
    "samorząd rejonu" inside "samorząd rejonu wileńskiego" are terms of their own, and the
    nested-frequency discount ranks the fragments that are not."""
    return any(not i <= k + attach[k] <= j if attach[k] else infos[k].role == ADJ
               for k in range(i, j + 1))


def runs_on(infos: list[WordInfo], attach: list[int], i: int, j: int, end: int,
            lang: str, last_word: str = "", first_word: str = "", prev_word: str = ""
            ) -> bool:
    """True when the phrase i..j (its first and last words `first_word`, `last_word`, the
    word before it in its chunk `prev_word`) is cut out of a longer one in this
    occurrence.

    Polish noun phrases grow to the right: when an adjective follows in the same chunk
    ("Centrum Usług [Socjalnych]"), or a noun follows a final noun ("przedstawiciel
    Wydziału [Opieki]"; a name after it is an apposition, "zastępca kierownika wydziału
    [Elena ...]"), the words are
    the beginning of a longer phrase (in the seed texts, 5 % of such phrases were glossary
    terms against 20 % of those not followed by one). Lithuanian and English phrases grow
    to the left through adjectives: "[gausių] šeimų centras" leaves out the adjective of its
    first word. (A Polish adjective before the noun is mostly descriptive, "[nowa]
    perspektywa finansowa", and leaving it out is what a term does.) A conjunction that
    joins the parts of a name or two genitives (see `ngrams`) carries the phrase on past
    it, on either side: "Wydział Rodzinny [i Nieletnich]", "[apsaugos ir] įvaikinimo
    tarnyba"."""
    if (j + 1 < end and infos[j + 1].role == CONJ) or (
            prev_word and infos[i - 1].role == CONJ
            and not (lang == "lt" and _second_of_bare_genitives(infos, i, j, first_word))):
        return True
    if lang == "pl":
        following = infos[j + 1] if j + 1 < end else None
        if following is None or following.name:
            return False
        if following.role == ADJ:  # one of ours: "Centrum Usług [Socjalnych]"
            return attach[j + 1] < 0 and i <= j + 1 + attach[j + 1] <= j
        # A noun after a complete "noun + adjective" is its complement ("pracownicy socjalni
        # [gmin]"); after a bare noun it continues a chain ("przedstawiciel Wydziału [Opieki]").
        return following.role == NOUN and infos[j].role == NOUN
    k = i - 1
    if k >= 0 and attach[k] > 0 and i <= k + attach[k] <= j and not (
            prev_word and present_passive(prev_word, infos[k])):
        return True  # (a predicate before the phrase takes nothing from it)
    # A Lithuanian phrase opening with a genitive right after another genitive noun left
    # that one out: "[atvejo] vadybos posėdis", "[vaiko] teisių apsauga".
    if lang == "lt" and prev_word and infos[k].role == NOUN and not infos[k].name \
            and first_word.lower().endswith(LT_GENITIVE) \
            and prev_word.lower().endswith(LT_GENITIVE):
        return True
    # A Lithuanian participle takes its complement before it: "[smurtą] patyrę vaikai",
    # "[traumos] paveikti asmenys" leave it out; so does an adjective that governs the
    # dative: "[visuomenei] naudinga veikla" (see `lithuanian_datives`).
    if lang == "lt" and prev_word and infos[i].participle and infos[k].role == NOUN:
        return True
    if lang == "lt" and prev_word and governs_dative(infos[i]) \
            and dative_noun(prev_word, infos[k]):
        return True
    # A capitalised word right after a name's word goes on with that name: "[Lietuvos]
    # Respublikos parama būstui" is a piece of one, whatever follows.
    if lang == "lt" and prev_word[:1].isupper() and first_word[:1].isupper() \
            and not prev_word.isupper():
        return True
    # After a preposition that takes the genitive, the genitives are its object and a head
    # in another case begins a new phrase: "[dėl] socialinio būsto nuomos | asmuo
    # pateikia", "[iš] krizių centro | asmenims".
    if lang == "lt" and prev_word.lower() in LT_GENITIVE_PREPOSITIONS \
            and first_word.lower().endswith(LT_GENITIVE) \
            and not (last_word.lower().endswith(LT_GENITIVE) and not last_word.endswith("uo")):
        return True  # ("asmuo" is a nominative)
    # A Lithuanian genitive modifies the noun after it ("[socialinių paslaugų] centras"),
    # so a phrase ending in one before a noun is the front of a longer phrase; unless it
    # is a unit of its own: a person named by role with the role's field ("šeimos
    # gydytojo [išvada]"), or a capitalised institution's name ("Techninės pagalbos
    # neįgaliesiems centro [padalinys]"); see `lithuanian_roles`.
    return lang == "lt" and j + 1 < end and _noun_phrase_follows(infos, attach, j + 1) \
        and last_word.lower().endswith(LT_GENITIVE) \
        and not (j > i and _named_unit(infos[i:j + 1], attach, i, first_word))


def _noun_phrase_follows(infos: list[WordInfo], attach: list[int], k: int) -> bool:
    """Word k opens a noun phrase of common words: a noun, or an adjective of a noun
    after it ("Regionų apygardos [administraciniam teismui]")."""
    if infos[k].name:
        return False
    return infos[k].role == NOUN or (infos[k].role == ADJ and attach[k] > 0
                                     and not infos[k + attach[k]].name)


def _named_unit(infos: list[WordInfo], attach: list[int], i: int, first_word: str) -> bool:
    """`infos`: the phrase's words, from position `i` of `attach`."""
    head = infos[-1].key
    if first_word[:1].isupper() and (names_an_institution(head) or (
            infos[0].role == ADJ and attach[i] == len(infos) - 1)):
        return True  # "[Bendrojo duomenų apsaugos reglamento] reikalavimai"
    return names_a_role(head) and not any(info.participle for info in infos)


def _second_of_bare_genitives(infos: list[WordInfo], i: int, j: int, first_word: str
                              ) -> bool:
    """"savarankiškumo ir [darbo įgūdžiai]": the second of two bare genitives joined
    before one head (see `coordination`) makes a term with it as the first does."""
    return j == i + 1 and i >= 2 and first_word[:1].islower() \
        and infos[i].role == infos[j].role == infos[i - 2].role == NOUN \
        and not infos[i - 2].name and (i < 3 or infos[i - 3].role not in (NOUN, ADJ))


LT_GENITIVE = ("ų", "o", "os", "ės", "io", "aus", "ies", "ens", "osi")
LT_GENITIVE_PREPOSITIONS = frozenset({"dėl", "iš", "nuo", "be", "iki", "prie", "po", "tarp",
                                      "vietoj", "vietoje", "šalia", "virš", "link", "abipus"})
