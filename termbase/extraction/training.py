"""Fitting the ranker's weights (`ranking`) on the labelled texts; run on purpose, never at
run time:

    python -m termbase.extraction.training            # report only
    python -m termbase.extraction.training --write    # and write ranking's model file
                                                      # and the labelled lexicon

Each labelled document (tests/data: a text and its list of wanted and acceptable terms) is
extracted alone, as a translator runs `extract` on the document in hand, with the shipped
glossary as termbase; every candidate shown is one example: its features, and whether
its base form is one of the document's listed terms. The weights are a logistic
regression's, with an L2 penalty that pulls each towards its hand-set value (a Gaussian
prior centred on the rules as written: where the data say little, the hand-set weight
stands). The report compares hand-set and fitted weights set by set, each set ranked by
weights fitted without it (leave one set out), so a gain shown is on texts the fit did not
see. Only the sets in TRAINING_SETS are read: a new blind set is measured once first, and
joins them only after that.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from dataclasses import astuple, dataclass, field
from pathlib import Path

from termbase.extraction import lexicon, ranking
from termbase.extraction.evaluation import GoldTerm, evaluate_ranking, gold_key, read_gold
from termbase.fileio import atomic_open

REPOSITORY = Path(__file__).resolve().parents[2]
DATA = REPOSITORY / "tests" / "data"
SEEDS = REPOSITORY.parent / "shared" / "seeds"
MODEL_FOLDER = Path(__file__).parent  # where --write puts ranker.json and lexicon.json
TRAINING_SETS = ("extraction_dev", "extraction_seeds", "extraction_eval", "extraction_eval2",
                 "extraction_eval3", "extraction_eval4", "extraction_eval5", "extraction_eval6",
                 "extraction_eval7", "extraction_eval8", "extraction_eval9",
                 "extraction_eval10", "extraction_eval11")
LANGS = ("pl", "lt")
PRECISION_AT, RECALL_AT = 50, 100
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0)
# Fitted weights replace the hand-set ones of a language only when, left one set out, they
# lose neither recall@100 nor precision@50 and gain at least this much in one of them:
# a smaller gain is a few terms of some 600, within what another split would change.
ADOPTION_MARGIN = 0.01


@dataclass
class Document:
    """One labelled document's candidates, best first by hand-set weights."""

    set_name: str
    name: str
    terms: list[str] = field(default_factory=list)           # base forms shown
    keys: list[str] = field(default_factory=list)            # their lexicon keys
    features: list[list[float]] = field(default_factory=list)
    gold: list[GoldTerm] = field(default_factory=list)

    def labels(self) -> list[int]:
        accepted = {form for term in self.gold for form in term.forms}
        return [int(gold_key(term) in accepted) for term in self.terms]

    def figures(self, weights) -> tuple[int, int, int, int]:
        """(right in the top 50, shown in the top 50, wanted in the top 100, wanted) when
        the candidates are ranked by `weights`."""
        order = sorted(range(len(self.terms)), key=lambda n: -sum(
            w * v for w, v in zip(weights, self.features[n])))
        found = evaluate_ranking([self.terms[n] for n in order], self.gold,
                                 precision_n=PRECISION_AT, recall_n=RECALL_AT)
        return (found.correct_in_precision, found.precision_n, len(found.recalled),
                len(found.wanted))


def labelled_documents(lang: str, data: Path = DATA, seeds: Path = SEEDS
                       ) -> list[tuple[str, Path, Path]]:
    """(set, text, term list) of every training document in `lang`; the seed texts are
    read from ../shared/seeds, skipped where that is absent."""
    found = []
    for set_name in TRAINING_SETS:
        folder = data / set_name
        if set_name != "extraction_seeds":
            found += [(set_name, text, text.with_suffix(".terms"))
                      for text in sorted(folder.glob(f"{lang}_*.txt"))]
            continue
        for terms in sorted(folder.glob(f"{lang}_*.terms")):
            found += [(set_name, text, terms)
                      for text in sorted(seeds.glob(f"{terms.stem.split('_')[1]}_*.txt"))]
    return found


def collect(lang: str, index, data: Path = DATA, seeds: Path = SEEDS) -> list[Document]:
    """Every training document of `lang`, extracted with the hand-set weights."""
    from termbase.extract import extract

    documents = []
    for set_name, text, terms in labelled_documents(lang, data, seeds):
        extraction = extract([text], lang, index=index, ranker=ranking.HAND_RANKER)
        document = Document(set_name, text.stem, gold=read_gold(terms))
        for candidate in extraction.candidates():
            document.terms.append(candidate.term)
            document.keys.append(lexicon.phrase_key(candidate.lemmas))
            document.features.append(extraction.features(candidate.lemmas))
        documents.append(document)
    apply_lexicon(documents)
    return documents


def build_lexicon(documents: list[Document], lang: str = "") -> lexicon.Lexicon:
    """The lexicon of these documents; for Polish (`lang`) with the numbers their lists
    name heads in."""
    built = lexicon.Lexicon.build(zip(d.keys, d.labels()) for d in documents)
    if lang != "pl":
        return built
    from termbase.extraction.polish_number import listed_number

    return built.with_numbers(
        [found for term in d.gold if (found := listed_number(term.forms[0]))]
        for d in documents)


def apply_lexicon(documents: list[Document], held_out: str | None = None) -> None:
    """Fill each candidate's lexicon features from the documents of the other sets, the
    held-out one left out too: a document's own labels never reach its features (they
    would predict themselves), and the fit learns what a lexicon from other texts is worth
    on a new one, which is what the shipped lexicon, built from all, meets at run time."""
    columns = [ranking.FEATURES.index(name) for name in lexicon.FEATURES]
    built: dict[str, lexicon.Lexicon] = {}
    for document in documents:
        known = built.get(document.set_name)
        if known is None:
            known = built[document.set_name] = build_lexicon(
                [d for d in documents if d.set_name not in (document.set_name, held_out)])
        base = known.word_base_rate
        for row, key in zip(document.features, document.keys):
            for column, value in zip(columns, known.features(key, base)):
                row[column] = value


def fit(documents: list[Document], penalty: float, iterations: int = 50) -> list[float]:
    """Logistic regression by Newton's method, the L2 penalty centred on the hand-set
    weights; returns the weights over `ranking.FEATURES` (the intercept, which does not
    change a ranking, is dropped)."""
    import numpy as np

    x = np.array([row for d in documents for row in d.features], dtype=float)
    y = np.array([label for d in documents for label in d.labels()], dtype=float)
    x = np.hstack([x, np.ones((len(x), 1))])
    prior = np.array([ranking.HAND[name] for name in ranking.FEATURES] + [0.0])
    penalties = np.full(len(prior), penalty)
    penalties[-1] = 0.0
    w = prior.copy()
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -35, 35)))
        gradient = x.T @ (p - y) + penalties * (w - prior)
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalties + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [float(v) for v in w[:-1]]


@dataclass
class Figures:
    right: int = 0
    shown: int = 0
    recalled: int = 0
    wanted: int = 0

    def add(self, figures: tuple[int, int, int, int]) -> None:
        """Add one document's (or set's) counts, in the order of the fields."""
        self.right, self.shown, self.recalled, self.wanted = (
            mine + theirs for mine, theirs in zip(astuple(self), figures))

    @property
    def recall(self) -> float:
        return self.recalled / max(self.wanted, 1)

    @property
    def precision(self) -> float:
        return self.right / max(self.shown, 1)

    def __str__(self) -> str:
        return (f"p@50 {self.precision:.3f}  "
                f"r@100 {self.recalled}/{self.wanted} = {self.recall:.3f}")


def leave_one_set_out(documents: list[Document], penalty: float
                      ) -> dict[str, tuple[Figures, Figures]]:
    """Per set: (hand-set figures, figures with weights fitted on the other sets)."""
    hand = [ranking.HAND[name] for name in ranking.FEATURES]
    results = {}
    for set_name in dict.fromkeys(d.set_name for d in documents):
        apply_lexicon(documents, held_out=set_name)
        weights = fit([d for d in documents if d.set_name != set_name], penalty)
        before, after = Figures(), Figures()
        for document in documents:
            if document.set_name == set_name:
                before.add(document.figures(hand))
                after.add(document.figures(weights))
        results[set_name] = (before, after)
    apply_lexicon(documents)
    return results


def _total(results: dict[str, tuple[Figures, Figures]], which: int) -> Figures:
    total = Figures()
    for pair in results.values():
        figures = pair[which]
        total.add(astuple(figures))
    return total


def adopted(hand: Figures, fitted: Figures) -> bool:
    """Whether fitted weights earn their place (see ADOPTION_MARGIN)."""
    gains = (fitted.recall - hand.recall, fitted.precision - hand.precision)
    return min(gains) >= 0 and max(gains) >= ADOPTION_MARGIN


def best_penalty(documents: list[Document], penalties) -> tuple[float, dict]:
    """The penalty whose weights, left one set out, recall most (the first of equals),
    with its per-set figures; each tried is printed."""
    best = None
    for penalty in penalties:
        results = leave_one_set_out(documents, penalty)
        after = _total(results, 1)
        print(f"  penalty {penalty:g}: hand {_total(results, 0)}  fitted {after}")
        if best is None or after.recalled > best[2].recalled:
            best = (penalty, results, after)
    return best[0], best[1]


def model_of_language(lang: str, documents: list[Document], penalties, model: dict) -> None:
    """Fit `lang`'s weights, print the report and put them in `model`, adopted or not."""
    print(f"{lang}: {len(documents)} documents, "
          f"{sum(len(d.terms) for d in documents)} candidates, "
          f"{sum(sum(d.labels()) for d in documents)} listed")
    penalty, results = best_penalty(documents, penalties)
    for set_name, (before, after) in results.items():
        print(f"    {set_name:18} hand {before}   fitted {after}")
    weights = fit(documents, penalty)
    for name, weight in zip(ranking.FEATURES, weights):
        print(f"    {name:26} {ranking.HAND[name]:5.2f} -> {weight:6.3f}")
    hand, fitted = _total(results, 0), _total(results, 1)
    verdict = "languages" if adopted(hand, fitted) else "not_adopted"
    print(f"  {lang}: " + ("fitted weights adopted" if verdict == "languages"
                          else "fitted weights not adopted: hand-set ones stay"))
    model[verdict][lang] = {n: round(w, 4) for n, w in zip(ranking.FEATURES, weights)}
    model["penalty"][lang] = penalty
    model["leave_one_set_out"][lang] = {
        set_name: {"hand": str(before), "fitted": str(after)}
        for set_name, (before, after) in results.items()} | {
        "all": {"hand": str(hand), "fitted": str(fitted)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m termbase.extraction.training",
        description="Fit the extraction ranker's weights on the labelled texts and report "
                    "leave-one-set-out figures against the hand-set weights.")
    parser.add_argument("--write", action="store_true",
                        help=f"write the weights and the lexicon to termbase/extraction/"
                             f"{ranking.MODEL_FILE} and {ranking.LEXICON_FILE}")
    parser.add_argument("--penalty", type=float,
                        help="the L2 penalty (default: the best of a few, by leave-one-set-out recall)")
    args = parser.parse_args(argv)
    if args.penalty is not None and not args.penalty >= 0:
        parser.error("--penalty must be 0 or more")
    if not DATA.is_dir():  # an installed package has no tests/data
        print(f"error: no labelled texts at {DATA}: run this from a checkout of the "
              f"repository", file=sys.stderr)
        return 2
    if not SEEDS.is_dir():
        print(f"note: {SEEDS} is absent: the seed texts are left out", file=sys.stderr)
    from termbase import Termbase

    penalties = [args.penalty] if args.penalty is not None else PENALTIES
    model = {"trained_on": list(TRAINING_SETS), "languages": {}, "not_adopted": {},
             "penalty": {}, "leave_one_set_out": {}}
    lexicons = {}
    with tempfile.TemporaryDirectory() as folder:
        with Termbase.open(Path(folder) / "shipped.json") as termbase:
            for lang in LANGS:
                documents = collect(lang, termbase.index)
                model_of_language(lang, documents, penalties, model)
                lexicons[lang] = build_lexicon(documents, lang).to_json()
    if args.write:
        for target in write_model_files(MODEL_FOLDER, {ranking.MODEL_FILE: (model, 1),
                                                       ranking.LEXICON_FILE: (lexicons, None)}):
            print(f"wrote {target}")
    return 0


def write_model_files(folder: Path, contents: dict[str, tuple[object, int | None]]
                      ) -> list[Path]:
    """Write each file of `contents` (name -> (JSON data, indent)) into `folder`; returns
    the paths written. Every file is serialised, then written to a temporary file beside
    its target, before any target is replaced (each by a rename): data that cannot be
    written, a full disk or an interruption while writing leaves the shipped weights and
    lexicon as they were, never one of them truncated nor a new one beside an old one
    (short of a rename failing after the other succeeded)."""
    payloads = {folder / name: (json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
                                ).encode("utf-8")
                for name, (data, indent) in contents.items()}
    with contextlib.ExitStack() as stack:  # the renames happen as the stack unwinds
        for target, payload in payloads.items():
            stack.enter_context(atomic_open(target, "wb")).write(payload)
    return list(payloads)


if __name__ == "__main__":
    sys.exit(main())
