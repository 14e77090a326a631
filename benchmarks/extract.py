"""How fast does `termbase extract` get through 1 MB of text? (The budget is 10 s.)

    PYTHONPATH=. python benchmarks/extract.py [--lang pl|lt] [--size BYTES] [--perturb P]

The input is built from the seed texts of the language (../shared/seeds), repeated with
perturbations so that the vocabulary keeps growing like real text's does: in every copy,
one word in four (--perturb) is replaced by a word drawn from wordfreq's 20,000 most
frequent words of the language, and the sentences are shuffled. Without the seeds,
sentences of wordfreq words alone are used.

Printed: the extraction's seconds and tokens per second (lemmatiser loading included, and
separately), and a baseline measured in the same run on the same text: plain n-gram
counting (the same tokenizer, every run of one to five words, no lemmatisation, no
filtering), with the ratio between the two.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEEDS = ROOT.parent / "shared" / "seeds"
SEED_LANGS = {"pl": ("000", "001", "004"), "lt": ("002", "003")}


def seed_sentences(lang: str) -> list[str]:
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        if path.name[:3] in SEED_LANGS.get(lang, ()):
            for line in path.read_text(encoding="utf-8").splitlines():
                sentences += [s.strip() + "." for s in line.split(". ") if s.strip()]
    return sentences


def build_text(lang: str, size: int, perturb: float = 0.25, seed: int = 7) -> str:
    from wordfreq import top_n_list

    rng = random.Random(seed)
    vocabulary = top_n_list(lang, 20000)
    sentences = seed_sentences(lang) or [
        " ".join(rng.choice(vocabulary) for _ in range(12)) + "." for _ in range(200)]
    lines, total = [], 0
    while total < size:
        rng.shuffle(sentences)
        for sentence in sentences:
            words = [rng.choice(vocabulary) if rng.random() < perturb else w
                     for w in sentence.split()]
            line = " ".join(words)
            lines.append(line)
            total += len(line.encode("utf-8")) + 1
            if total >= size:
                break
    return "\n".join(lines) + "\n"


def baseline(text: str, max_len: int = 5) -> tuple[float, int, int]:
    """Plain n-gram counting: seconds, tokens, distinct n-grams."""
    from termbase.text.normalize import tokenize

    start = time.perf_counter()
    counts: Counter = Counter()
    tokens = 0
    for line in text.splitlines():
        words = [t.text.lower() for t in tokenize(line)]
        tokens += len(words)
        for i in range(len(words)):
            for j in range(i + 1, min(i + max_len, len(words)) + 1):
                counts[tuple(words[i:j])] += 1
    return time.perf_counter() - start, tokens, len(counts)


def measure(text: str, lang: str, top: int = 50):
    from termbase.extract import extract_passages
    from termbase.extraction.passages import Passage

    passages = [Passage("bench.txt", n, line) for n, line in enumerate(text.splitlines(), 1)
                if line.strip()]
    load_start = time.perf_counter()
    from termbase.extraction.analysis import analyse
    analyse("pracownik" if lang == "pl" else "darbuotojas", lang)  # loads the lemmatiser
    load = time.perf_counter() - load_start
    start = time.perf_counter()
    extraction = extract_passages(passages, lang)
    shown = extraction.top(top)
    elapsed = time.perf_counter() - start
    return load, elapsed, extraction, shown


def hyphen_joining(text: str, width: int = 60) -> tuple[float, float]:
    """Seconds to join the lines of `text` wrapped as a PDF leaves it (words broken at
    line ends with a hyphen), and to split them plainly: the baseline."""
    from termbase.extraction.passages import _joined_lines

    wrapped, line = [], ""
    for n, word in enumerate(text.split()):
        if len(line) + len(word) < width:
            line = f"{line} {word}" if line else word
        elif n % 3 == 0 and len(word) > 5:
            wrapped.append(f"{line} {word[:3]}-")
            line = word[3:]
        else:
            wrapped.append(line)
            line = word
    document = "\n".join(wrapped + [line])
    start = time.perf_counter()
    document.splitlines()
    splitting = time.perf_counter() - start
    start = time.perf_counter()
    list(_joined_lines(document.splitlines()))
    return time.perf_counter() - start, max(splitting, 1e-6)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", default="pl")
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of text")
    parser.add_argument("--perturb", type=float, default=0.25,
                        help="share of words replaced by random frequent words")
    args = parser.parse_args()

    text = build_text(args.lang, args.size, args.perturb)
    size_mb = len(text.encode("utf-8")) / 1e6
    load, elapsed, extraction, shown = measure(text, args.lang)
    base_seconds, base_tokens, distinct = baseline(text)
    total = load + elapsed
    types = len({w.lower() for w in text.split()})
    print(f"input: {size_mb:.2f} MB of {args.lang} text, {extraction.tokens} tokens, "
          f"{types} distinct words, {len(extraction.counter.word_forms)} noun/adjective "
          f"lemmas, {len(extraction.ranked)} candidates")
    print(f"extract: {total:.2f} s in all ({load:.2f} s loading the lemmatiser, "
          f"{elapsed:.2f} s extracting), {extraction.tokens / total:,.0f} tokens/s")
    print(f"baseline (plain 1-5-gram counting, no lemmas): {base_seconds:.2f} s, "
          f"{base_tokens / base_seconds:,.0f} tokens/s, {distinct} distinct n-grams")
    print(f"ratio extract / baseline: {total / base_seconds:.1f}x")
    print("top 5:", "; ".join(c.term for c in shown[:5]))
    joining, splitting = hyphen_joining(text)
    print(f"reading the text hard-wrapped at 60 columns, a third of the line ends "
          f"hyphenated: {joining:.2f} s to join lines against {splitting:.3f} s to split "
          f"them ({joining / splitting:.0f}x; grows linearly, see passages._joined_lines)")
    budget_ok = total <= 10.0 * max(size_mb, 1e-9)
    print(f"budget (10 s per MB): {'met' if budget_ok else 'MISSED'}")
    return 0 if budget_ok else 1


if __name__ == "__main__":
    sys.exit(main())
