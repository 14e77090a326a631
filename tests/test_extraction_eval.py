"""Term extraction measured on hand-listed terms of texts written for the purpose.

Four sets: the development texts (tests/data/extraction_dev) and the Lithuanian seed texts
(../shared/seeds, their term lists in tests/data/extraction_seeds), on which the extractor
is tuned, and three held-out sets (tests/data/extraction_eval, and extraction_eval2 and
extraction_eval3 written blind), never used to tune it, only to measure. Per set
and language: precision of the top 50 (a candidate is right when its base form is a listed
term), recall of the wanted terms in the top 100, and the share of the top 100 shown in a
grammatical nominative base form. The nominative check is independent of the extractor:
morfeusz2 for Polish, simplemma's dictionary and the case endings of the grammar for
Lithuanian. Each set is read twice: all texts of a language extracted together (merged), and
each text extracted alone against its own list (per document, as a translator runs
`extract` on one document; micro-averaged: sums over the documents). `python -m pytest
tests/test_extraction_eval.py -s` prints the figures, the missed terms and the candidates
judged not nominative, and for the development set the share of base forms a
native-speaker review sheet judges good (the check reads a base form without its text, so
it cannot see a wrong lemma that is a real word; the review can).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest

from termbase.text.normalize import tokenize

DATA = Path(__file__).parent / "data"
SETS = {"held-out": DATA / "extraction_eval", "held-out-2": DATA / "extraction_eval2",
        "held-out-3": DATA / "extraction_eval3", "held-out-4": DATA / "extraction_eval4",
        "held-out-5": DATA / "extraction_eval5", "held-out-6": DATA / "extraction_eval6",
        "held-out-7": DATA / "extraction_eval7", "held-out-8": DATA / "extraction_eval8",
        "held-out-9": DATA / "extraction_eval9", "held-out-10": DATA / "extraction_eval10",
        "held-out-11": DATA / "extraction_eval11", "dev": DATA / "extraction_dev",
        "seeds": DATA / "extraction_seeds"}
# The seed texts stay in ../shared/seeds; their term lists (LANG_NNN.terms, NNN the seed's
# number) are kept here, written for tuning like the development set's.
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
PRECISION_AT, RECALL_AT = 50, 100
# Floors a little under the figures reached (README, "Drawing terms from texts"), so that a
# regression fails: per set, grouping (see GROUPINGS) and language, (precision, recall,
# nominative share).
FIGURES = ("precision", "recall", "nominative")
# Floors lowered a point or two where fitted weights lose a few terms (Lithuanian sets 3
# and 5, Polish set 1 per document, set 2 and dev merged): the weights are adopted for
# their gain over all sets, left one set out (termbase/extraction/training.py), and the
# merged reading is not what they are fitted on.
# held-out merged Polish recall: 49 of 63 before the tenth Polish round, 48 after, 49
# after the eleventh (the Polish recall floors of every held-out set were raised then);
# per document 59/64 after set 9 joined the training
FLOORS = {"held-out": {"merged": {"pl": (0.88, 0.77, 0.98), "lt": (0.72, 0.66, 0.97)},
                       "per document": {"pl": (0.74, 0.92, 0.98), "lt": (0.64, 0.78, 0.95)}},
          # the blind set (its first measured run: extraction_eval2/README.md)
          "held-out-2": {"merged": {"pl": (0.70, 0.60, 0.98), "lt": (0.70, 0.63, 0.98)},
                         "per document": {"pl": (0.60, 0.84, 0.98), "lt": (0.63, 0.79, 0.98)}},
          # the third blind set (extraction_eval3/README.md)
          "held-out-3": {"merged": {"pl": (0.78, 0.58, 0.97), "lt": (0.84, 0.70, 0.98)},
                         "per document": {"pl": (0.65, 0.85, 0.97), "lt": (0.72, 0.90, 0.98)}},
          # the fourth blind set, measured once after the tenth round (extraction_eval4/README.md);
          # floors of both languages raised after the eleventh rounds, tuned with that set read
          "held-out-4": {"merged": {"pl": (0.80, 0.67, 0.98), "lt": (0.66, 0.56, 0.97)},
                         "per document": {"pl": (0.65, 0.86, 0.98), "lt": (0.55, 0.86, 0.97)}},
          # the fifth blind set, measured once after the eleventh rounds at ae65878
          # (extraction_eval5/README.md): floors just under that run; the Lithuanian recall
          # floors raised after the twelfth Lithuanian round, which read the set
          "held-out-5": {"merged": {"pl": (0.60, 0.49, 0.98), "lt": (0.58, 0.57, 0.97)},
                         "per document": {"pl": (0.52, 0.64, 0.98), "lt": (0.58, 0.78, 0.97)}},
          # the sixth blind set, measured once at 94420ba with the Lithuanian weights
          # fitted and the Polish ones hand-set (extraction_eval6/README.md)
          "held-out-6": {"merged": {"pl": (0.70, 0.52, 0.98), "lt": (0.70, 0.54, 0.98)},
                         "per document": {"pl": (0.58, 0.73, 0.98), "lt": (0.59, 0.72, 0.98)}},
          # the seventh blind set, measured once at ec6be0e (extraction_eval7/README.md)
          "held-out-7": {"merged": {"pl": (0.82, 0.59, 0.98), "lt": (0.60, 0.58, 0.98)},
                         "per document": {"pl": (0.73, 0.76, 0.98), "lt": (0.61, 0.71, 0.96)}},
          # the eighth blind set, measured once at b327420 (extraction_eval8/README.md)
          # (merged precision a point or two lower after set 8 joined the training)
          # (Lithuanian merged precision 45/50 after set 9 joined the training)
          "held-out-8": {"merged": {"pl": (0.78, 0.53, 0.98), "lt": (0.89, 0.64, 0.98)},
                         "per document": {"pl": (0.71, 0.74, 0.98), "lt": (0.76, 0.81, 0.98)}},
          # the ninth blind set, measured once at d71bedb (extraction_eval9/README.md)
          # (recall floors raised after the round that read it: per document pl 74/90,
          # lt 99/118 with set 9 trained on)
          "held-out-9": {"merged": {"pl": (0.90, 0.62, 0.98), "lt": (0.92, 0.57, 0.97)},
                         "per document": {"pl": (0.80, 0.80, 0.98), "lt": (0.80, 0.82, 0.97)}},
          # the tenth blind set, measured once at 6bc10bd (extraction_eval10/README.md)
          "held-out-10": {"merged": {"pl": (0.90, 0.65, 0.98), "lt": (0.88, 0.62, 0.98)},
                          "per document": {"pl": (0.83, 0.82, 0.98), "lt": (0.80, 0.77, 0.97)}},
          # the eleventh blind set, measured once at 655bb8a (extraction_eval11/README.md)
          "held-out-11": {"merged": {"pl": (0.96, 0.68, 0.98), "lt": (0.94, 0.68, 0.98)},
                          "per document": {"pl": (0.87, 0.89, 0.98), "lt": (0.81, 0.83, 0.94)}},
          # five Polish and six Lithuanian documents since the ninth round (harder ones
          # added; the merged lists grew faster than the 100 places)
          "dev": {"merged": {"pl": (0.86, 0.50, 0.98), "lt": (0.90, 0.38, 0.98)},
                  "per document": {"pl": (0.64, 0.89, 0.98), "lt": (0.68, 0.93, 0.98)}},
          # Lithuanian seeds only (per document precision 0.47 with the lexicon built
          # without the seeds' own lists)
          # (merged recall 28-30 of 34 from one refit to the next since sets 10 and 11)
          "seeds": {"merged": {"lt": (0.62, 0.82, 0.98)},
                    "per document": {"lt": (0.47, 0.92, 0.97)}}}
LANGS = ("pl", "lt")


def documents(name: str, lang: str) -> list[tuple[Path, Path]]:
    """(text, term list) of each document of a set in `lang`."""
    folder = SETS[name]
    if name != "seeds":
        return [(text, text.with_suffix(".terms"))
                for text in sorted(folder.glob(f"{lang}_*.txt"))]
    return [(text, terms) for terms in sorted(folder.glob(f"{lang}_*.terms"))
            for text in sorted(SEEDS.glob(f"{terms.stem.split('_')[1]}_*.txt"))]


# Two ways of reading a set: all texts of a language extracted as one input, and each text
# alone (as a translator runs `extract` on the one document in hand), its own list as the
# gold; the second's figures are micro-averaged over the documents.
GROUPINGS = {"merged": lambda docs: [docs] if docs else [],
             "per document": lambda docs: [[doc] for doc in docs]}


@pytest.fixture(scope="module")
def evaluations(shipped):
    """(set, grouping) -> {lang: [GoldEvaluation per extraction]}, against the shipped
    glossary as a user's termbase (its words are domain evidence); each is extracted when
    first asked for, so `-k SET` runs only that set. A set the ranker is trained on is
    ranked with a labelled lexicon built from the other sets (`ranker_without`), so the
    figures say how the rules and weights do, not how well the lexicon remembers the
    set's own lists."""
    from termbase.extract import extract
    from termbase.extraction.evaluation import evaluate_gold, read_gold

    results = {}
    rankers = ranker_without(shipped.index)

    def evaluated(name: str, grouping: str) -> dict:
        if (name, grouping) not in results:
            results[name, grouping] = {lang: [
                evaluate_gold(extract([text for text, _ in group], lang, index=shipped.index,
                                      ranker=rankers(name, lang)),
                              _merged([term for _, terms in group for term in read_gold(terms)]),
                              PRECISION_AT, RECALL_AT)
                for group in GROUPINGS[grouping](documents(name, lang))] for lang in LANGS}
        return results[name, grouping]
    return evaluated


def ranker_without(index):
    """(set, lang) -> the shipped ranker, its lexicon rebuilt without the set when the
    set is one it was trained on (the weights were fitted on it all the same: the
    figures of a read set are never blind ones). A ranker without a lexicon (hand-set
    weights, a lexicon file missing) stays so, as a user's would."""
    import dataclasses

    from termbase.extraction import lexicon, ranking, training

    collected = {}

    def ranker(name: str, lang: str):
        shipped_ranker = ranking.ranker(lang)
        folder = SETS[name].name
        if folder not in training.TRAINING_SETS or shipped_ranker.lexicon == lexicon.EMPTY:
            return shipped_ranker
        if lang not in collected:
            collected[lang] = training.collect(lang, index)
        others = [d for d in collected[lang] if d.set_name != folder]
        return dataclasses.replace(shipped_ranker,
                                   lexicon=training.build_lexicon(others, lang))
    return ranker


def _merged(gold):
    """One entry per term listed in several documents (a `want` anywhere wins)."""
    from termbase.extraction.evaluation import WANT

    by_form = {}
    for term in gold:
        known = next((by_form[f] for f in term.forms if f in by_form), None)
        if known is None or (term.kind == WANT and known.kind != WANT):
            for form in term.forms:
                by_form[form] = term
    return list({id(t): t for t in by_form.values()}.values())


@dataclass
class Pooled:
    """Figures summed over extractions (micro-averaged: sum of recalled / sum of wanted)."""
    lang: str
    parts: list

    def _sum(self, of) -> int:
        return sum(of(part) for part in self.parts)

    @property
    def counts(self) -> dict[str, tuple[int, int]]:
        nominative = NOMINATIVE[self.lang]
        return {
            "precision": (self._sum(lambda e: e.correct_in_precision),
                          self._sum(lambda e: e.precision_n)),
            "recall": (self._sum(lambda e: len(e.recalled)), self._sum(lambda e: len(e.wanted))),
            "nominative": (self._sum(lambda e: sum(map(nominative, e.top[:RECALL_AT]))),
                           self._sum(lambda e: len(e.top[:RECALL_AT])))}

    def share(self, figure: str) -> float:
        done, out_of = self.counts[figure]
        return done / out_of if out_of else 1.0


# -- is a base form a grammatical nominative? --------------------------------------------------
def _words(term: str) -> list[str]:
    return [t.text for t in tokenize(term)]


def polish_nominative(term: str) -> bool:
    """The first noun has a nominative reading; every word before it is an adjective in
    the nominative agreeing with it; an adjective after it agrees with the noun it follows
    (the head in the nominative, a complement's noun in any case: "pomoc społecznej" is a
    fragment), or names a person in the genitive ("umieszczenie małoletniego")."""
    import morfeusz2

    morf = _morfeusz(morfeusz2)
    tokens = tokenize(term)
    # the first part of a compound adjective has no case ("miejsko-" of "miejsko-gminny")
    words = [t.text for k, t in enumerate(tokens)
             if k + 1 == len(tokens) or term[t.end:tokens[k + 1].start] != "-"]
    readings = [_polish_readings(morf, word) for word in words]
    for position, ours in enumerate(readings):
        if not any(kind == "noun" for kind, *_ in ours):
            continue
        agreement = {(n, g) for kind, n, c, g in ours if kind == "noun" and c == "nom"}
        for before in readings[:position]:
            agreement &= {(n, g) for kind, n, c, g in before if kind == "adj" and c == "nom"}
        agreeing = [p for p in range(position + 1, len(words)) if any(
            kind == "adj" and c == "nom" and (n, g) in agreement
            for kind, n, c, g in readings[p])]
        return bool(agreement) and _polish_tail_agrees(readings, position, agreement) \
            and not _capitalised_in_a_common_term(words, [position, *agreeing])
    return False


def _polish_readings(morf, word: str) -> set[tuple[str, str, str, str]]:
    """(noun or adj, number, case, gender) of every nominal reading of the word."""
    found = set()
    for *_, (_orth, _lemma, tag, *_rest) in morf.analyse(word) + morf.analyse(word.lower()):
        fields = tag.split(":")
        if fields[0] == "adv":
            found.add(("adv", "", "", ""))
        elif len(fields) >= 4 and fields[0] in ("subst", "depr", "ger", "adj", "ppas", "pact"):
            kind = "noun" if fields[0] in ("subst", "depr", "ger") else "adj"
            found |= {(kind, n, c, g) for n in fields[1].split(".")
                      for c in fields[2].split(".") for g in fields[3].split(".")}
    return found


def _polish_tail_agrees(readings: list[set], head: int, agreement: set) -> bool:
    """Each adjective after the head agrees with the noun before it (the head: in the
    nominative) or with the next noun, which it then precedes ("koordynator [rodzinnej]
    pieczy"); after a preposition, with the noun it governs."""
    def nouns(ours: set) -> set:
        return {(n, c, g) for kind, n, c, g in ours if kind == "noun"}
    before = {(n, "nom", g) for n, g in agreement}
    for p in range(head + 1, len(readings)):
        ours = readings[p]
        if ("adv", "", "", "") in ours:  # "osoba samotnie gospodarująca"
            continue
        if not ours:  # a preposition or conjunction: what follows is governed
            before = None
        elif nouns(ours):
            before = nouns(ours)
        else:
            adjective = {(n, c, g) for _kind, n, c, g in ours}
            after = next((nouns(r) for r in readings[p + 1:] if nouns(r) or not r), set())
            if not adjective & ((before if before is not None else adjective) | after) \
                    and ("sg", "gen", "m1") not in adjective:
                return False
    return True


def _capitalised_in_a_common_term(words: list[str], nominative: list[int]) -> bool:
    """A capital on the head or on a word agreeing with it while the first word has none:
    a name cut short ("karta Duża", "administracijos Socialinė parama"); a name in a
    complement keeps its capitals ("wniosek o Kartę", "praca Gminnego Ośrodka")."""
    return words[0][:1].islower() and any(
        words[p][:1].isupper() and not words[p].isupper() for p in nominative)


_MORFEUSZ = []


def _morfeusz(module):
    if not _MORFEUSZ:
        _MORFEUSZ.append(module.Morfeusz(expand_tags=False))
    return _MORFEUSZ[0]


# Lithuanian endings: nominative plural of a noun lemma's declension; nominative adjectives
# and participles (any gender and number, plain or definite); genitives.
_LT_NOMINATIVE_PLURAL = {"as": ("ai",), "ias": ("iai",), "is": ("iai", "ys"), "ys": ("iai",),
                         "us": ("ūs",), "a": ("os",), "ia": ("ios",), "ė": ("ės",),
                         "uo": ("enys",), "tis": ("tys",)}
_LT_NOMINATIVE_MODIFIER = ("as", "is", "ys", "us", "a", "ė", "i", "ai", "iai", "os", "ios", "ės",
                           "ūs", "ęs", "ę", "usi", "usios", "ieji", "oji", "osios", "iosios",
                           "asis", "ysis", "ioji", "usis", "ėsios", "iniai", "inės", "ys")
_LT_GENITIVE = ("ų", "os", "ės", "o", "io", "aus", "iaus", "ies", "ens", "ers")
_LT_NOMINATIVE_NOUN = ("as", "is", "ys", "us", "uo", "a", "ė", "ai", "iai", "os", "ės", "ūs")
_LT_OBLIQUE = ("ais", "iais", "imis", "umis", "ijai")
_LT_DEFINITE_PLURAL = ("ieji", "iosios", "osios", "ėsios")
_LT_DATIVE = ("ui", "iui", "ei", "ams", "iams", "oms", "ėms", "iems", "iesiems", "osioms")
# Nouns without a singular, or whose singular is another word: their lemma's singular
# forms are no base form ("globos namas" for "globos namai", "lėša" for "lėšos").
_LT_PLURAL_ONLY_SINGULARS = frozenset({"namas", "įtėvis", "duomuo", "palūkana", "pajama",
                                       "lėša", "dirbtuvė", "atostoga", "kapinė", "vestuvė"})
# t and d soften before the i of -iai: įgūdis -> įgūdžiai, giminaitis -> giminaičiai.
_LT_SOFTENED = (("dž", "d"), ("č", "t"))
# Adjective and participle lemmas by their suffix: one in the genitive plural right before
# the head agrees with no noun ("individualų pagalba").
_LT_ADJECTIVE_LEMMA = ("inis", "iškas", "ingas", "alus", "yvus", "ivus", "ęs", "ąs", "įs",
                       "ntis", "esnis", "iausias")
# An accusative object before an active participle: "smurtą patyrę vaikai".
_LT_ACTIVE_PARTICIPLE = ("ę", "ęs", "usios", "usi", "ntys", "ntis", "nčios", "nti")


def _lithuanian_plurals(lemma: str) -> set[str]:
    """Nominative plurals of a noun lemma's stem in every declension (simplemma files some
    plurals under the other gender's lemma: "nariai" under narė), with the softened stem."""
    stem = next((lemma[: -len(e)] for e in sorted(_LT_NOMINATIVE_PLURAL, key=len,
                                                  reverse=True) if lemma.endswith(e)), None)
    if stem is None:
        return set()
    stems = {stem} | {stem[: -len(hard)] + soft for soft, hard in _LT_SOFTENED
                      if stem.endswith(hard)}
    return {s + plural for s in stems for plurals in _LT_NOMINATIVE_PLURAL.values()
            for plural in plurals}


def _lithuanian_noun_nominative(word: str, known) -> bool:
    if word in _LT_PLURAL_ONLY_SINGULARS:
        return False
    lemma = (known.get(word) or "").lower()
    if not lemma or lemma.endswith(("ti", "tis")) and lemma != word:
        # a word the dictionary lacks, or files under a verb ("gavėjai" under gavėti): its
        # ending must be a nominative's
        return word.endswith(_LT_NOMINATIVE_NOUN) and not word.endswith(_LT_OBLIQUE)
    # a masculine agent noun, which simplemma files under the feminine ("slaugytojas");
    # žmogus's plural, of another stem
    return lemma == word or word in _lithuanian_plurals(lemma) or word == "žmonės" or (
        lemma.endswith(("toja", "ėja")) and word == lemma + "s")


def lithuanian_nominative(term: str) -> bool:
    """Some word is a noun's nominative (a dictionary lemma, or the nominative plural of
    one), every word before it is a genitive or a nominative modifier (or the accusative
    object of an active participle), and no adjective in the genitive plural stands right
    before it. A lone abbreviation does not decline."""
    from termbase.text.dictionary import dictionary

    known = dictionary("lt")
    written = _words(term)
    words = [w.lower() for w in written]
    if len(written) == 1 and len(written[0]) > 1 and written[0].isupper():
        return True
    if len(words) == 1 and words[0].endswith(_LT_DEFINITE_PLURAL):
        return True  # an adjective used as a noun: "neįgalieji", "artimieji"
    for position, word in enumerate(words):
        if _lithuanian_noun_nominative(word, known) and not _genitive_before_a_head(
                words, position, known):
            # an abbreviation before the head does not decline ("GIMK programa")
            if all(_lithuanian_modifier(words, k) or original.isupper()
                   for k, original in enumerate(written[:position])) \
                    and not _genitive_adjective(words, position, known):
                modifier = [position - 1] if position and not words[position - 1].endswith(
                    _LT_GENITIVE) else []
                return not _capitalised_in_a_common_term(written, [position, *modifier])
    return False


def _genitive_before_a_head(words: list[str], position: int, known) -> bool:
    """A word in -os, -ės, -ios (a genitive singular or a nominative plural) before a later
    nominative is its genitive ("globos namas" has no head in the nominative plural)."""
    return words[position].endswith(("os", "ės")) and any(
        w in _LT_PLURAL_ONLY_SINGULARS or _lithuanian_noun_nominative(w, known)
        for w in words[position + 1:])


def _lithuanian_modifier(words: list[str], k: int) -> bool:
    """A genitive or nominative modifier, a conjunction between two, the dative a genitive
    before it governs ("pagalbos vaikui ir šeimai planas", "pagalbos neįgaliesiems
    centras"), or the accusative object of an active participle."""
    if words[k] in ("ir", "bei") and 0 < k < len(words) - 1:
        return True
    if words[k].endswith(_LT_DATIVE) and k and (
            words[k - 1].endswith(_LT_GENITIVE) or words[k - 1] in ("ir", "bei") or (
                words[k - 1].endswith(_LT_DATIVE) and _lithuanian_modifier(words, k - 1))):
        return True  # (the last: a governed dative's adjective before it, "paramos
        # nepasiturintiems gyventojams įstatymas")
    return words[k].endswith(_LT_GENITIVE + _LT_NOMINATIVE_MODIFIER) or (
        words[k].endswith(("ą", "ę", "į", "ų")) and k + 1 < len(words)
        and words[k + 1].endswith(_LT_ACTIVE_PARTICIPLE))


def _genitive_adjective(words: list[str], head: int, known) -> bool:
    if head == 0 or not words[head - 1].endswith("ų"):
        return False
    return (known.get(words[head - 1]) or "").lower().endswith(_LT_ADJECTIVE_LEMMA)


NOMINATIVE = {"pl": polish_nominative, "lt": lithuanian_nominative}


# -- the figures -------------------------------------------------------------------------------
needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")


@needs_morfeusz
@pytest.mark.parametrize("grouping", list(GROUPINGS))
@pytest.mark.parametrize("name", list(SETS))
def test_figures(evaluations, name, grouping):
    if name == "seeds" and not SEEDS.is_dir():
        pytest.skip(f"the seed texts are not at {SEEDS}")
    results = {lang: parts for lang, parts in evaluations(name, grouping).items() if parts}
    print(f"\n{name} set, {grouping}\n| language | tokens | precision@{PRECISION_AT} | "
          f"recall@{RECALL_AT} of wanted terms | top {RECALL_AT} in nominative base form |"
          f"\n|---|---|---|---|---|")
    pooled = {lang: Pooled(lang, parts) for lang, parts in results.items()}
    for lang, figures in pooled.items():
        cells = [f"{done}/{out_of} = {figures.share(figure):.2f}"
                 for figure, (done, out_of) in figures.counts.items()]
        print(f"| {lang} | {sum(e.tokens for e in figures.parts)} | " + " | ".join(cells) + " |")
    for lang, parts in results.items():
        for part in parts:
            print(f"{lang} missed: {'; '.join(part.missed)}")
            print(f"{lang} not nominative: "
                  f"{'; '.join(t for t in part.top[:RECALL_AT] if not NOMINATIVE[lang](t))}")
            print(f"{lang} top {RECALL_AT}: {'; '.join(part.top[:RECALL_AT])}")
    for lang, figures in pooled.items():
        for figure, floor in zip(FIGURES, FLOORS[name][grouping][lang]):
            assert figures.share(figure) >= floor, (lang, figure, figures.counts[figure])
    if (name, grouping) == REVIEWED:
        for lang, parts in results.items():
            good, reviewed, top = reviewed_base_forms(lang, parts[0].top[:RECALL_AT])
            print(f"{lang} base forms judged good by the review sheet: {good}/{reviewed}"
                  f" ({top - reviewed} of the top {top} not in the sheet)")
            assert reviewed and good / reviewed >= REVIEWED_GOOD_FLOOR, (lang, good, reviewed)


# A native-speaker terminologist's judgment of each base form in the merged development
# set's top 100 (extraction_dev/LANG.review.tsv: candidate, verdict good or wrong, the
# correct form, a note); candidates the extractor ranks there later count as not reviewed.
REVIEWED = ("dev", "merged")
REVIEWED_GOOD_FLOOR = 0.90  # the target for a review pass


def reviewed_base_forms(lang: str, top: list[str]) -> tuple[int, int, int]:
    """(judged good, reviewed, shown) of the candidates shown."""
    sheet = SETS[REVIEWED[0]] / f"{lang}.review.tsv"
    verdicts = {}
    for line in sheet.read_text(encoding="utf-8").splitlines()[1:]:
        candidate, verdict, *_ = line.split("\t")
        verdicts[candidate] = verdict
    judged = [verdicts[t] for t in top if t in verdicts]
    return judged.count("good"), len(judged), len(top)


@needs_morfeusz
@pytest.mark.parametrize("term, expected", [
    ("pracownik socjalny", True), ("ośrodek pomocy społecznej", True),
    ("osoby starsze", True), ("pracowników socjalnych", False), ("pomocy społecznej", False),
    ("socjalny pracownik", True), ("socjalnego pracownika", False),
    # an adjective after the head agrees with the noun it follows or precedes
    ("pomoc społecznej", False), ("koordynator rodzinnej pieczy zastępczej", True),
    ("osoba samotnie gospodarująca", True), ("umieszczenie małoletniego", True),
    ("osoba z niepełnosprawnością", True), ("odpłatność za usługi opiekuńcze", True),
    # capitals: a name in a complement keeps them, a fragment of a name does not
    ("karta Duża", False), ("Karta Dużej Rodziny", True), ("wniosek o Kartę", True),
    ("praca Gminnego Ośrodka Pomocy Społecznej", True),
    # a compound adjective's first part has no case
    ("miejsko-gminny ośrodek pomocy społecznej", True), ("miejsko-gminnego ośrodka", False)])
def test_the_polish_nominative_check(term, expected):
    assert polish_nominative(term) is expected


@pytest.mark.parametrize("term, expected", [
    ("socialinių paslaugų centras", True), ("vaikų globos namai", True),
    ("socialinių paslaugų centro", False), ("budintys globotojai", True),
    ("slaugytojas", True), ("slaugytojo", False), ("neįgalieji", True),
    ("neįgaliesiems", False), ("artimieji", True), ("vieniši žmonės", True),
    ("vienišų žmonių", False), ("pagalbos vaikui ir šeimai planas", True),
    ("pagalbos neįgaliesiems centras", True), ("neįgaliesiems centras", False),
    ("budinčiais globotojais", False), ("sunkią negalią", False), ("įtėviai", True),
    ("kompleksinės paslaugos šeimai", True), ("smurtas artimoje aplinkoje", True),
    ("globos namas", False), ("supervizija", True), ("supervizijos", True),
    ("supervizijai", False), ("GIMK programa", True), ("gimk programos", False),
    # t, d softened in the plural; a plural filed under the other gender or a verb
    ("darbo įgūdžiai", True), ("giminaičiai", True), ("bendruomenių nariai", True),
    ("paslaugų gavėjai", True), ("teikimo sąlygos", True), ("GIMK", True),
    # the accusative object of an active participle
    ("smurtą patyrę vaikai", True), ("negalią turintys asmenys", True),
    # an adjective in the genitive plural right before the head; plural-only nouns
    ("individualų pagalba", False), ("lėša", False), ("lėšos", True),
    ("motyvaciją", False), ("studijų vizite", False),
    ("administracijos Socialinė parama", False), ("savivaldybės administracijos Būsto skyrius",
                                                  True),
    # a governed dative with its adjective
    ("paramos nepasiturintiems gyventojams įstatymas", True),
    ("nepasiturintiems gyventojams įstatymas", False)])
def test_the_lithuanian_nominative_check(term, expected):
    assert lithuanian_nominative(term) is expected


# The fourth and fifth blind sets' native-speaker reviews (extraction_eval4/NAME.review.tsv,
# extraction_eval5/NAME.review.tsv): each document's top 100, as extracted alone in the
# set's one measured run, judged row by row:
# `good`, or `wrong` with the form a terminologist would write and the fault, `bad form`
# (case, number, agreement, capitals, lemma) or `bad boundary` (cut in the wrong place,
# a verb or junk inside). The README reports the shares; this test keeps the sheets whole.
REVIEW_COLUMNS = ["rank", "candidate", "verdict", "correct form", "note", "seen as", "context"]
FAULTS = ("bad form", "bad boundary")


def review_rows(sheet: Path) -> list[dict[str, str]]:
    lines = sheet.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == REVIEW_COLUMNS, sheet.name
    return [dict(zip(REVIEW_COLUMNS, line.split("\t"))) for line in lines[1:]]


@pytest.mark.parametrize("text", sorted(SETS["held-out-4"].glob("*.txt"))
                         + sorted(SETS["held-out-5"].glob("*.txt"))
                         + sorted(SETS["held-out-6"].glob("*.txt"))
                         + sorted(SETS["held-out-7"].glob("*.txt"))
                         + sorted(SETS["held-out-8"].glob("*.txt"))
                         + sorted(SETS["held-out-9"].glob("*.txt"))
                         + sorted(SETS["held-out-10"].glob("*.txt"))
                         + sorted(SETS["held-out-11"].glob("*.txt")),
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_candidate_of_the_blind_review_has_a_verdict(text):
    rows = review_rows(text.with_suffix(".review.tsv"))
    assert [int(row["rank"]) for row in rows] == list(range(1, RECALL_AT + 1))
    assert all(row["verdict"] in ("good", "wrong") for row in rows)
    wrong = [row for row in rows if row["verdict"] == "wrong"]
    # the fault, optionally followed by the reviewer's reason ("bad form: wrong lemma")
    assert all(row["note"].split(":")[0] in FAULTS for row in wrong), text.name
    faults = {fault: sum(row["note"].split(":")[0] == fault for row in wrong)
              for fault in FAULTS}
    print(f"\n{text.stem}: good {len(rows) - len(wrong)}/{len(rows)}, {faults}")


def test_a_read_set_is_ranked_with_a_lexicon_built_without_its_own_lists(monkeypatch):
    """The figures stay honest only if `ranker_without` leaves the set's own lists out
    of the lexicon (its phrases and the numbers its terms are listed in), and a blind set
    keeps the shipped ranker: a slip here would raise every figure and fail no floor."""
    from termbase.extraction import ranking, training
    from termbase.extraction.evaluation import GoldTerm

    def document(set_name: str, listed: str) -> training.Document:
        found = training.Document(set_name, listed, gold=[GoldTerm("want", (listed,))])
        found.terms.append(listed)
        found.keys.append(listed)
        found.features.append([0.0] * len(ranking.FEATURES))
        return found

    collected = [document("extraction_eval", "superwizja"), document("extraction_dev", "ogród")]
    monkeypatch.setattr(training, "collect", lambda lang, index: collected)
    monkeypatch.setitem(SETS, "blind", DATA / "not_a_training_set")
    rankers = ranker_without(None)
    lexicon = rankers("held-out", "lt").lexicon
    assert "superwizja" not in lexicon.phrases and lexicon.phrases["ogród"] == (1, 1)
    assert "ogród" not in rankers("dev", "lt").lexicon.phrases
    assert rankers("blind", "lt") == ranking.ranker("lt")
    # hand-set weights come without a lexicon, and so are they measured
    monkeypatch.setattr(ranking, "ranker", lambda lang: ranking.HAND_RANKER)
    assert rankers("held-out", "pl") is ranking.HAND_RANKER
