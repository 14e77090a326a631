"""Deterministic synthetic data for the benchmarks, built from REAL word lists.

Every benchmark script takes its data from here, so they all measure the same termbase.

* Word lists: `wordfreq.top_n_list(lang, 50000)` for pl, lt and en.
* Polish terms are realistic noun phrases built with morfeusz2 (analysis to find noun and
  adjective lemmas in the frequency list, generation for agreement):
  N ("pomoc"), N A ("pomoc społeczna"), A N, N N-gen ("ośrodek pomocy"),
  N N-gen A-gen ("ośrodek pomocy społecznej"), N A N-gen A-gen.
* Lithuanian terms combine lemmas of the frequency list (words that simplemma's dictionary
  lists as a lemma); English terms combine frequent content words. 1-4 words each.
* A concept has one pl, one lt and one en term, so N terms = N/3 concepts.
* Queries derived from terms: exact, inflected (pl: the head noun and its agreeing
  adjectives put into another case/number with morfeusz2 generation; lt: the last word, and
  sometimes the one before, replaced by another form of its lemma from simplemma's inverted
  dictionary), folded (diacritics stripped) and typo (one edit in one word).
* Translation-memory segments: Zipf-weighted sentences from the pl and lt lists.

Everything is seeded: the same arguments give the same data in every run.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import itertools
import math
import os
import random
import resource
import string
import sys
import time
import unicodedata
from pathlib import Path

SEED = 20240611
WORDS = 50_000
LANGS = ("pl", "lt", "en")
SUBJECTS = ("social assistance", "social services", "social work", "child protection",
            "disability", "family", "elderly care", "employment", "institutions", "policy",
            "administration", "projects and funding")
CACHE_DIR = Path(os.environ.get("TERMBASE_BENCH_DIR", "/tmp/termbase-bench"))
REPO = Path(__file__).resolve().parent.parent


# -- measuring ---------------------------------------------------------------------------------
def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return float("nan")


RESULT_PREFIX = "RESULT "


def emit_result(result: dict) -> None:
    """A worker subprocess reports to its driver with one marked JSON line on stdout."""
    import json

    print(RESULT_PREFIX + json.dumps(result))


def worker_result(stdout: str) -> dict:
    """The last marked JSON line a worker printed."""
    import json

    line = [l for l in stdout.splitlines() if l.startswith(RESULT_PREFIX)][-1]
    return json.loads(line[len(RESULT_PREFIX):])


def profile_text(fn, top: int = 14) -> str:
    """Run fn under cProfile; the `top` functions by own time, with repository paths shortened."""
    import cProfile
    import io
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    lines = buf.getvalue().splitlines()
    start = next((i for i, l in enumerate(lines) if "ncalls" in l), 0)
    return "\n".join(l.replace(str(REPO) + "/", "") for l in lines[start:] if l.strip())


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[k]


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def table(headers: list[str], rows: list[list], title: str = "") -> str:
    """A plain fixed-width table (no dependency, readable in a log)."""
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]
    line = "  ".join("-" * w for w in widths)
    out = [title] if title else []
    out.append("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
    out.append(line)
    for row in cells:
        out.append("  ".join(c.rjust(w) if _numeric(c) else c.ljust(w)
                             for c, w in zip(row, widths)))
    return "\n".join(out)


def _fmt(value) -> str:
    if isinstance(value, float):
        if value != value:
            return "n/a"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        if abs(value) >= 0.1:
            return f"{value:.2f}"
        return f"{value:.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _numeric(text: str) -> bool:
    return bool(text) and (text[0].isdigit() or text[0] in "-x") and text not in ("-",)


def human_size(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def code_hash() -> str:
    """Identifies the termbase code that built an index, so a cached benchmark index is not
    reused after the index or text code changed."""
    digest = hashlib.sha1()
    for sub in ("termbase/index", "termbase/text"):
        for file in sorted((REPO / sub).rglob("*.py")):
            digest.update(file.read_bytes())
    digest.update(str(SEED).encode())
    return digest.hexdigest()[:12]


def fold_simple(text: str) -> str:
    """Diacritics stripped (what a user without a Polish/Lithuanian keyboard types)."""
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


# -- word lists --------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def words(lang: str) -> tuple[str, ...]:
    import wordfreq

    return tuple(wordfreq.top_n_list(lang, WORDS))


def _alpha(word: str) -> bool:
    return word.isalpha() and len(word) >= 3


@functools.lru_cache(maxsize=1)
def _morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz(generate=True, expand_tags=False)


def _tag(tag: str) -> list[list[str]]:
    return [part.split(".") for part in tag.split(":")]


@functools.lru_cache(maxsize=1)
def polish_lexicon() -> dict:
    """Noun and adjective lemmas of the Polish frequency list, with the forms needed to
    build agreeing noun phrases: {"nouns": [(lemma, gender, gen_sg)],
    "adjs": {lemma: {(case, gender): form}}}."""
    morf = _morfeusz()
    nouns, adjs = [], {}
    seen = set()
    for word in words("pl")[200:]:
        if not _alpha(word) or word in seen:
            continue
        seen.add(word)
        for _s, _e, (orth, lemma, tag, *_r) in morf.analyse(word):
            lemma = lemma.split(":")[0]
            parts = _tag(tag)
            if lemma != word or len(parts) < 4:
                continue
            if parts[0] == ["subst"] and "sg" in parts[1] and "nom" in parts[2]:
                gender = parts[3][0]
                gen = _generate(lemma, "subst", "sg", "gen", gender)
                if gen:
                    nouns.append((lemma, gender, gen))
                break
            if parts[0] == ["adj"] and "sg" in parts[1] and "nom" in parts[2] \
                    and parts[-1] == ["pos"]:
                forms = {}
                for case in ("nom", "gen"):
                    for gender in ("m1", "m2", "m3", "f", "n"):
                        form = _generate(lemma, "adj", "sg", case, gender)
                        if form:
                            forms[(case, gender)] = form
                if len(forms) == 10:
                    adjs[lemma] = forms
                break
    return {"nouns": nouns, "adjs": adjs, "adj_names": sorted(adjs)}


@functools.lru_cache(maxsize=100_000)
def _generated(lemma: str) -> tuple:
    try:
        return tuple((g[0], _tag(g[2])) for g in _morfeusz().generate(lemma))
    except RuntimeError:
        return ()


def _generate(lemma: str, pos: str, number: str, case: str, gender: str) -> str | None:
    for form, parts in _generated(lemma):
        if len(parts) < 4 or pos not in parts[0] or number not in parts[1] \
                or case not in parts[2]:
            continue
        if pos == "adj" and (gender not in parts[3] or parts[-1] != ["pos"]):
            continue
        if pos == "subst" and gender not in parts[3]:
            continue
        return form
    return None


@functools.lru_cache(maxsize=None)
def _lt_dictionary():
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary("lt")


@functools.lru_cache(maxsize=1)
def lithuanian_lexicon() -> tuple[list[str], dict[str, list[str]]]:
    """Lemmas of the Lithuanian frequency list and, from simplemma's inverted dictionary,
    the other forms of each (lemma -> sorted forms)."""
    dictionary = _lt_dictionary()
    forms: dict[str, set[str]] = {}
    for form, lemma in dictionary.items():
        lemma = lemma.lower()
        form = form.lower()
        if form != lemma and form.isalpha():
            forms.setdefault(lemma, set()).add(form)
    # Infinitives (-ti, -tis) left out: terms are noun phrases.
    lemmas = [w for w in dict.fromkeys(words("lt")[200:])
              if _alpha(w) and len(w) >= 4 and w in forms and not w.endswith(("ti", "tis"))]
    return lemmas, {lemma: sorted(forms[lemma]) for lemma in lemmas}


@functools.lru_cache(maxsize=1)
def english_words() -> list[str]:
    return [w for w in dict.fromkeys(words("en")[300:]) if _alpha(w) and len(w) >= 4]


# -- terms and concepts ------------------------------------------------------------------------
_LENGTHS = (1, 2, 3, 4)
_LENGTH_WEIGHTS = (20, 45, 25, 10)


def _pl_term(rng: random.Random, lex: dict) -> tuple[str, tuple]:
    """A Polish noun phrase and its structure (for inflecting it later)."""
    nouns, adjs = lex["nouns"], lex["adjs"]
    adj_names = lex["adj_names"]
    size = rng.choices(_LENGTHS, _LENGTH_WEIGHTS)[0]
    head, gender, _ = rng.choice(nouns)
    if size == 1:
        return head, (("N", head, gender),)
    if size == 2:
        kind = rng.random()
        if kind < 0.45:
            adj = rng.choice(adj_names)
            return f"{head} {adjs[adj][('nom', gender)]}", (("N", head, gender), ("A", adj))
        if kind < 0.6:
            adj = rng.choice(adj_names)
            return f"{adjs[adj][('nom', gender)]} {head}", (("A", adj), ("N", head, gender))
        mod = rng.choice(nouns)
        return f"{head} {mod[2]}", (("N", head, gender), ("G", mod[2]))
    mod = rng.choice(nouns)
    adj2 = rng.choice(adj_names)
    tail = f"{mod[2]} {adjs[adj2][('gen', mod[1])]}"
    if size == 3:
        return f"{head} {tail}", (("N", head, gender), ("G", tail))
    adj = rng.choice(adj_names)
    return (f"{head} {adjs[adj][('nom', gender)]} {tail}",
            (("N", head, gender), ("A", adj), ("G", tail)))


def _lt_term(rng: random.Random, lemmas: list[str]) -> str:
    size = rng.choices(_LENGTHS, _LENGTH_WEIGHTS)[0]
    return " ".join(rng.choice(lemmas) for _ in range(size))


def _en_term(rng: random.Random, vocab: list[str]) -> str:
    size = rng.choices(_LENGTHS, _LENGTH_WEIGHTS)[0]
    return " ".join(rng.choice(vocab) for _ in range(size))


class Termbase:
    """Synthetic concepts as plain dicts (the store's concept layout) plus the structure
    of each Polish term, for generating inflected queries."""

    def __init__(self, n_terms: int, seed: int = SEED):
        self.n_terms = n_terms
        self.n_concepts = -(-n_terms // 3)
        rng = random.Random(seed)
        pl_lex = polish_lexicon()
        lt_lemmas, _ = lithuanian_lexicon()
        en_vocab = english_words()
        self.concepts: list[dict] = []
        self.pl_structure: dict[str, tuple] = {}
        used = {lang: set() for lang in LANGS}
        for number in range(1, self.n_concepts + 1):
            while True:
                pl, structure = _pl_term(rng, pl_lex)
                if pl not in used["pl"]:
                    break
            lt = _unique(lambda: _lt_term(rng, lt_lemmas), used["lt"])
            en = _unique(lambda: _en_term(rng, en_vocab), used["en"])
            used["pl"].add(pl)
            self.pl_structure[pl] = structure
            self.concepts.append({
                "id": f"c{number}", "subject": SUBJECTS[number % len(SUBJECTS)],
                "terms": [{"lang": "pl", "text": pl, "status": "preferred"},
                          {"lang": "lt", "text": lt, "status": "preferred"},
                          {"lang": "en", "text": en, "status": "preferred"}],
            })

    def model_concepts(self):
        from termbase.model import Concept

        return (Concept.from_dict(doc) for doc in self.concepts)

    def term_strings(self) -> list[str]:
        return [t["text"] for c in self.concepts for t in c["terms"]]

    def terms(self, lang: str | None = None) -> list[tuple[str, str, str]]:
        """(concept id, lang, text)."""
        return [(c["id"], t["lang"], t["text"]) for c in self.concepts for t in c["terms"]
                if lang is None or t["lang"] == lang]

    def write_tsv(self, path: Path, rows: int | None = None) -> int:
        """The concepts as an import file: id, subject, pl, lt, en, status columns."""
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write("id\tsubject\tpl\tlt\ten\tstatus_pl\tstatus_lt\tstatus_en\n")
            count = 0
            for c in self.concepts[:rows]:
                t = {term["lang"]: term["text"] for term in c["terms"]}
                handle.write(f"{c['id']}\t{c['subject']}\t{t['pl']}\t{t['lt']}\t{t['en']}"
                             "\tpreferred\tpreferred\tpreferred\n")
                count += 1
        return count


def _unique(make, used: set) -> str:
    for _ in range(50):
        text = make()
        if text not in used:
            used.add(text)
            return text
    text = make() + " " + make()
    used.add(text)
    return text


# -- queries -----------------------------------------------------------------------------------
_PL_CASES = [(n, c) for n in ("sg", "pl") for c in ("gen", "dat", "inst", "loc")] + [("pl", "nom")]


def inflect_pl(text: str, structure: tuple, rng: random.Random) -> str | None:
    """The phrase in another case/number: head noun and agreeing adjectives change,
    genitive modifiers stay ("pracownik socjalny" -> "pracownikom socjalnym")."""
    for number, case in rng.sample(_PL_CASES, len(_PL_CASES)):
        head = structure[0] if structure[0][0] == "N" else structure[1]
        gender = head[2]
        out, ok = [], True
        for part in structure:
            if part[0] == "N":
                form = _generate(part[1], "subst", number, case, gender)
            elif part[0] == "A":
                form = _generate(part[1], "adj", number, case, gender)
            else:
                form = part[1]
            if not form:
                ok = False
                break
            out.append(form)
        result = " ".join(out)
        if ok and result != text:
            return result
    return None


def inflect_lt(text: str, rng: random.Random) -> str | None:
    """Last word (the head, in Lithuanian) and sometimes the one before replaced by another
    form of the same lemma, from simplemma's inverted dictionary."""
    _, forms = lithuanian_lexicon()
    tokens = text.split()
    changed = False
    positions = [len(tokens) - 1]
    if len(tokens) > 1 and rng.random() < 0.5:
        positions.append(len(tokens) - 2)
    for i in positions:
        options = forms.get(tokens[i])
        if options:
            tokens[i] = rng.choice(options)
            changed = True
    return " ".join(tokens) if changed else None


def typo(text: str, rng: random.Random) -> str | None:
    """One edit (substitution, insertion, deletion or transposition) inside one word of at
    least 5 letters, not in its first letter."""
    tokens = text.split()
    long_words = [i for i, t in enumerate(tokens) if len(t) >= 5]
    if not long_words:
        return None
    i = rng.choice(long_words)
    word = tokens[i]
    pos = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("sub", "ins", "del", "swap"))
    letters = string.ascii_lowercase
    if kind == "sub":
        new = word[:pos] + rng.choice([c for c in letters if c != word[pos]]) + word[pos + 1:]
    elif kind == "ins":
        new = word[:pos] + rng.choice(letters) + word[pos:]
    elif kind == "del":
        new = word[:pos] + word[pos + 1:]
    else:
        new = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2:]
    if new == word:
        return None
    tokens[i] = new
    return " ".join(tokens)


def queries(tb: Termbase, kind: str, count: int, seed: int = SEED + 1
            ) -> list[tuple[str, str, str, str]]:
    """`count` queries of one kind as (query, concept id, lang, intended term)."""
    rng = random.Random(f"{seed}-{kind}")
    pool = tb.terms("pl") + tb.terms("lt") if kind in ("inflected", "folded") else tb.terms()
    out = []
    attempts = 0
    while len(out) < count and attempts < count * 50:
        attempts += 1
        cid, lang, text = rng.choice(pool)
        if kind == "exact":
            query = text
        elif kind == "inflected":
            query = (inflect_pl(text, tb.pl_structure[text], rng) if lang == "pl"
                     else inflect_lt(text, rng))
        elif kind == "folded":
            query = fold_simple(text)
            if query == text:
                query = None
        elif kind == "typo":
            query = typo(text, rng)
        else:
            raise ValueError(kind)
        if query:
            out.append((query, cid, lang, text))
    return out


# -- sentences (translation memory, suggest) ---------------------------------------------------
@functools.lru_cache(maxsize=None)
@functools.lru_cache(maxsize=None)
def _zipf(lang: str) -> tuple[list[str], list[float]]:
    """The vocabulary and its cumulative Zipf weights, computed once: `rng.choices` given
    plain weights would sum all 50,000 of them again for every sentence (the same draws)."""
    vocab = [w for w in words(lang) if w.isalpha()]
    return vocab, list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(vocab))))


def sentence(rng: random.Random, lang: str, length: int) -> str:
    vocab, weights = _zipf(lang)
    tokens = rng.choices(vocab, cum_weights=weights, k=length)
    text = " ".join(tokens)
    return text[:1].upper() + text[1:] + "."


def segments(count: int, seed: int = SEED + 2) -> dict[str, dict]:
    """Translation-memory segments in the store's layout: key -> {"texts": {pl, lt}}."""
    rng = random.Random(seed)
    out = {}
    for number in range(1, count + 1):
        length = rng.randint(6, 30)
        out[str(number)] = {"id": f"s{number}", "origin": "synthetic",
                            "texts": {"pl": sentence(rng, "pl", length),
                                      "lt": sentence(rng, "lt", max(4, length + rng.randint(-3, 3)))}}
    return out


def perturb(text: str, rng: random.Random, edits: int) -> str:
    """A sentence with `edits` words replaced, removed or inserted (a fuzzy TM query)."""
    vocab, weights = _zipf("pl")
    tokens = text.rstrip(".").split()
    for _ in range(edits):
        kind = rng.random()
        i = rng.randrange(len(tokens))
        if kind < 0.5:
            tokens[i] = rng.choices(vocab, cum_weights=weights)[0]
        elif kind < 0.75 and len(tokens) > 3:
            del tokens[i]
        else:
            tokens.insert(i, rng.choices(vocab, cum_weights=weights)[0])
    text = " ".join(tokens)
    return text[:1].upper() + text[1:] + "."


def segment_with_terms(tb: Termbase, rng: random.Random, tokens: int = 40,
                       n_terms: int = 4) -> tuple[str, list[str]]:
    """A Polish segment of exactly `tokens` words holding `n_terms` termbase terms, most of
    them inflected, among Zipf-sampled frequent words. Returns (segment, intended terms)."""
    vocab, weights = _zipf("pl")
    pool = tb.terms("pl")
    pieces, intended, used = [], [], 0
    for _ in range(n_terms):
        _, _, text = rng.choice(pool)
        form = inflect_pl(text, tb.pl_structure[text], rng) if rng.random() < 0.75 else None
        phrase = form or text
        pieces.append(phrase.split())
        intended.append(text)
        used += len(phrase.split())
    filler = rng.choices(vocab, cum_weights=weights, k=max(0, tokens - used))
    slots = sorted(rng.sample(range(len(filler) + 1), len(pieces)))
    words_out, last = [], 0
    for slot, piece in zip(slots, pieces):
        words_out += filler[last:slot] + piece
        last = slot
    words_out += filler[last:]
    text = " ".join(words_out[:max(tokens, used)])
    return text[:1].upper() + text[1:] + ".", intended


# -- the benchmark index (shared between scripts) -----------------------------------------------
def fingerprint(n_terms: int) -> tuple:
    return ("synthetic", n_terms, SEED, code_hash())


def load_or_build_index(n_terms: int, tb: Termbase | None = None, segs: dict | None = None,
                        log=print):
    """(index, seconds, how): the reference in-memory index of this size, built."""
    from termbase.index.build import build_index

    tb = tb or Termbase(n_terms)
    log(f"  building the index of {n_terms:,} terms ...")
    with Timer() as t:
        index = build_index(tb.model_concepts(), fingerprint(n_terms), segments=segs)
    return index, t.seconds, "built"


def python() -> str:
    return sys.executable


def scale_parser(doc: str, sizes_help: str, quick_help: str) -> argparse.ArgumentParser:
    """What every scale benchmark's command line starts with: output flushed line by line
    (figures appear as they are measured), --sizes and --quick."""
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help=sizes_help)
    parser.add_argument("--quick", action="store_true", help=quick_help)
    return parser
