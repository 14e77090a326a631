"""Layered termbases: a project termbase searched together with lower ones (a team's, an
agency's, the shipped glossary), as memoQ and Trados search several termbases in a given
order of priority.

`Layers` wraps several `Termbase` objects, the first being the project's. Lookups and
suggestions search every layer and say which one each result comes from (`layer`). Writes,
history and undo belong to the first layer only: a face writes through `layers.project`.
Concepts keep their own layer: two layers may use the same concept id for different
concepts, and their results stay apart. Where an upper layer has a term a lower layer's
result shows, the upper layer's status wins: a term the project forbids is shown forbidden
even in the team glossary's results.

The user names the lower layers with `--also PATH` (repeatable), else the environment
variable TERMBASE_ALSO (paths separated by os.pathsep), else the `also` list of the user's
config file (`termbase.config`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

from termbase.api import Termbase, languages_refused
from termbase.langtag import base as base_lang
from termbase.errors import StoreError
from termbase.index.search import CONTAINED_CAP, LEMMA, STEM_FACTOR
from termbase.lookup import trim_by_gap
from termbase.model import check_lang
from termbase.results.lookup import Equivalent, Match
from termbase.text.normalize import fold, norm, tokenize

ALSO_ENV = "TERMBASE_ALSO"
# When one layer holds a term in several concepts with different statuses, the most
# restrictive one speaks for that layer.
_SEVERITY = {"": 0, "preferred": 0, "admitted": 1, "deprecated": 2, "forbidden": 3}
_BAD = 2    # severity from which a term is one not to use (deprecated, forbidden)
# check's flags about a source term's rendering, as opposed to a target term used
_SOURCE_TERM_KINDS = ("missing-equivalent", "other-variant", "unreviewed-term")


def layer_paths_from_env() -> list[str]:
    """The lower layers named by TERMBASE_ALSO."""
    return [p for p in os.environ.get(ALSO_ENV, "").split(os.pathsep) if p.strip()]


def default_layer_paths() -> list[str]:
    """The lower layers when no --also is given: TERMBASE_ALSO, else the config file's
    `also` list."""
    from termbase.config import default_layers

    return layer_paths_from_env() or default_layers()


def _as_one_termbase(matches: list[Match], formed_in: set[str] = frozenset(),
                      one_word: bool = False) -> list[Match]:
    """What one termbase holding every layer would have searched for: it corrects typos only
    when nothing matched the query as written or inflected and only in words it does not
    know, and looks for terms inside a longer query only when nothing matched the whole of
    it well. A layer without such a match took those steps on its own; their hits go when
    another layer has the match (the project's "gminny ośrodek" read as a typo of "gmina",
    which the team holds; "skierować" for "kierować", a form the team's terms have). In
    the languages of `formed_in`, where every word of the query is a form some layer's
    terms have, it neither corrects nor reads by stem a word (a layer lacking "dział"
    reads it by the stem of "działanie", or "zastępca" as a typo of "zastępcza"); a
    phrase that nothing matched well is still re-read as typos there, and a layer's stem
    reading of it ("bendruomeninės paslaugo") stays: the whole's typo reading is the same
    term."""
    if any(m.match != "fuzzy" and m.score >= LEMMA * STEM_FACTOR for m in matches):
        matches = [m for m in matches if m.match != "fuzzy"]
    known_in = {m.lang for m in matches if _words_known(m)}   # typos are sought per language
    matches = [m for m in matches if not (m.match == "fuzzy" and m.lang in known_in)]
    answered = {m.lang for m in matches if not m.approximate and m.score >= LEMMA * STEM_FACTOR}
    matches = [m for m in matches if not (m.approximate and m.lang in formed_in and (
        one_word or m.lang in answered))]
    if any(not m.contained and m.score >= CONTAINED_CAP for m in matches):
        matches = [m for m in matches if not m.contained]
    return matches


def _words_known(match: Match) -> bool:
    """Whether the match shows every word of the query known in its language, as a form
    or a stem (not through a typo or a prefix, nor only some words, as a term inside the
    query): one termbase corrects no such word."""
    return match.match not in ("fuzzy", "prefix") and not match.contained


def _labels(termbases: Sequence[Termbase]) -> list[str]:
    """Short names: the file's stem, numbered when two layers share one."""
    stems = [Path(tb.path).stem for tb in termbases]
    return [stem if stems.count(stem) == 1 else f"{stem}#{n}"
            for n, stem in enumerate(stems, 1)]


class Layers:
    """Several termbases searched as one; the first is the project's, the upper layer.
    The termbases given are the layers' from then on: they leave the question whether a
    language is held at all to `Layers`, which asks every layer."""

    def __init__(self, termbases: Sequence[Termbase]):
        if not termbases:
            raise ValueError("layers need at least one termbase")
        self.termbases = list(termbases)
        self.labels = _labels(self.termbases)
        if len(self.termbases) > 1:     # a language held by any layer will do
            for tb in self.termbases:
                tb.checks_languages = False

    @classmethod
    def open(cls, project: Termbase, also: Iterable[str | Path]) -> "Layers":
        """`project` over the existing termbases at `also`, in that order of priority."""
        lower = []
        for path in also:
            if not Path(path).exists():
                raise StoreError(f"termbase layer {path} does not exist")
            tb = Termbase.open(path, create=False)
            if Path(tb.path).resolve() == Path(project.path).resolve():
                continue      # the project itself named again
            lower.append(tb)
        return cls([project, *lower])

    def close(self) -> None:
        """Release every layer's files now (see `Termbase.close`)."""
        for tb in self.termbases:
            tb.close()

    def __enter__(self) -> "Layers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def project(self) -> Termbase:
        """The first layer: where writes, history and undo go."""
        return self.termbases[0]

    @property
    def path(self) -> Path:
        return self.project.path

    @property
    def last_batch(self) -> str:
        """The batch id of the project layer's last write ("" when it changed nothing)."""
        return self.project.last_batch

    def preload(self) -> int:
        """Open every layer's index now; the number of terms indexed in all."""
        return sum(tb.preload() for tb in self.termbases)

    # -- writing: the project layer only -------------------------------------------------
    def add(self, *args, **kwargs):
        """`Termbase.add` on the project layer (the shell's `:add` with --also)."""
        return self.project.add(*args, **kwargs)

    def write_check_report(self, report, path) -> None:
        self.project.write_check_report(report, path)

    # -- reading -------------------------------------------------------------------------
    def require_languages(self, langs: Iterable[str], memory: bool = False) -> None:
        """`Termbase.require_languages` over all layers: a language is refused only when
        no layer holds it (the team's English serves a Polish-Lithuanian project)."""
        langs = list(langs)
        missing = [lang for lang in langs
                   if all(tb.lacking_languages([lang], memory) for tb in self.termbases)]
        if missing:
            known = sorted({lang for tb in self.termbases for lang in tb.index.languages})
            raise languages_refused(missing, known)

    def lookup(self, query: str, lang: str | None = None, to: Iterable[str] | None = None,
               limit: int = 10, fuzzy: bool = True, variant: str | None = None,
               subject: str | None = None) -> list[Match]:
        """`Termbase.lookup` over every layer, as if one termbase held them all: each
        layer's best `limit` uncut, merged, then cut once by score gap and `limit`, each
        with its `layer`; on equal scores the upper layer's come first."""
        targets = [check_lang(t) for t in to] if to else None
        self.require_languages(targets or [])
        found: list[tuple[float, int, Match]] = []
        for depth, (tb, label) in enumerate(zip(self.termbases, self.labels)):
            for match in tb.lookup(query, lang=lang, to=targets, limit=limit, fuzzy=fuzzy,
                                   variant=variant, subject=subject, gap=False):
                match.layer = label
                for lang_code, terms in match.equivalents.items():
                    match.equivalents[lang_code] = self._ruled(terms, lang_code, depth)
                found.append((-match.score, depth, match))
        found.sort(key=lambda item: item[:2])
        merged = _as_one_termbase([match for _, _, match in found],
                                  self._formed_in(query, {m.lang for _, _, m in found}),
                                  one_word=len(tokenize(query)) == 1)
        return trim_by_gap(merged)[:limit]

    def _formed_in(self, query: str, langs: set[str]) -> set[str]:
        """The languages among `langs` in which every word of the query is a form of some
        layer's terms: one termbase holding them all would read each as that form."""
        words = [fold(t.text) for t in tokenize(query)]
        indexes = [tb.index for tb in self.termbases]
        return {lang for lang in langs if words and all(
            any(index.forms.get(lang, {}).get(word) for index in indexes) for word in words)}

    def suggest(self, segment: str, source_lang: str, target_lang: str, *, memory: int = 5,
                min_score: float = 50.0, variant: str | None = None,
                subject: str | None = None):
        """`Termbase.suggest` over every layer: the terms of all, in segment order (upper
        layer first where two start together), each with its `layer`; the best `memory`
        memory matches of all."""
        from termbase.results import Suggestion

        source_lang, target_lang = check_lang(source_lang), check_lang(target_lang)
        self.require_languages([source_lang, target_lang], memory=memory > 0)
        hits, matches = [], []
        for depth, (tb, label) in enumerate(zip(self.termbases, self.labels)):
            found = tb.suggest(segment, source_lang, target_lang, memory=memory,
                               min_score=min_score, variant=variant, subject=subject)
            for hit in found.terms:
                hit.layer = label
                hit.status = self._status_above(source_lang, hit.term, depth) or hit.status
                hit.equivalents = self._ruled(hit.equivalents, found.target_lang, depth)
                hits.append((hit.start, depth, hit))
            for match in found.memory:
                match.layer = label
                matches.append((-match.score, depth, match))
        hits.sort(key=lambda item: item[:2])
        matches.sort(key=lambda item: item[:2])
        return Suggestion(segment=found.segment, source_lang=found.source_lang,
                          target_lang=found.target_lang, terms=[h for _, _, h in hits],
                          memory=[m for _, _, m in matches[:memory]])

    def check(self, file, source_lang: str, target_lang: str, *, name: str | None = None,
              variant: str | None = None, accept=None, ignore_provisional: bool = False):
        """`Termbase.check` against every layer, each issue with its `layer`. A lower
        layer's issue is dropped where an upper layer has its own word on the same term:
        a missing equivalent for a source term an upper layer also recognises there and
        gives target terms for (its check decides: the project's seniūnija for gmina where
        the team expects savivaldybė), or a target term an upper layer holds as preferred
        or admitted. `segments` counts the file's segments once."""
        from termbase.results import CheckReport
        from termbase.streams import is_stream, readable_path, stream_name

        self.require_languages([base_lang(source_lang), base_lang(target_lang)])
        reports = []
        with readable_path(file, name) as path:       # a stream is read once, for all
            for tb in self.termbases:
                reports.append(tb.check(path, source_lang, target_lang, variant=variant,
                                        accept=accept, ignore_provisional=ignore_provisional))
        source_base, target_base = base_lang(source_lang), base_lang(target_lang)
        kept = []
        for depth, (report, label) in enumerate(zip(reports, self.labels)):
            for issue in report.issues:
                if depth and self._overruled(issue, depth, source_base, target_base):
                    continue
                issue.layer = label
                kept.append((issue.line, depth, issue))
        kept.sort(key=lambda item: item[:2])
        first, issues = reports[0], [i for _, _, i in kept]
        counts: dict[str, int] = {}
        for issue in issues:
            counts[issue.kind] = counts.get(issue.kind, 0) + 1
        return CheckReport(file=stream_name(file, name) if is_stream(file) else first.file,
                           source_lang=first.source_lang, target_lang=first.target_lang,
                           segments=first.segments, issues=issues, variant=first.variant,
                           counts=counts)

    def _overruled(self, issue, depth: int, source_lang: str, target_lang: str) -> bool:
        # a flag on how a source term was rendered (missing, or another variety's term) is
        # the upper layer's to decide once it gives that term target terms of its own
        on_source = issue.kind in _SOURCE_TERM_KINDS
        if on_source:
            text, wanted, (lang, other) = issue.source, issue.source_term, (source_lang,
                                                                           target_lang)
        else:
            text, wanted, (lang, other) = issue.target, issue.target_term, (target_lang,
                                                                           source_lang)
        for tb in self.termbases[:depth]:
            for hit in tb.suggest(text, lang, other, memory=0).terms:
                if hit.text.casefold() != wanted.casefold():
                    continue
                if on_source:
                    if hit.equivalents:        # the upper layer requires its own
                        return True
                elif hit.status in ("preferred", "admitted"):
                    return True
        return False

    # -- the upper layer's word on a term ----------------------------------------------------
    def _status_above(self, lang: str, text: str, depth: int) -> str:
        """The status the nearest layer above `depth` gives the term (lang, text), or ""
        when none above holds it."""
        key = norm(text)
        for tb in self.termbases[:depth]:
            index = tb.index
            statuses = [index.terms[tid].status or "admitted"
                        for tid in index.exact.get(key, ())
                        if index.terms[tid].lang == lang]
            if statuses:
                return max(statuses, key=lambda s: _SEVERITY.get(s, 0))
        return ""

    def _ruled(self, terms: list[Equivalent], lang: str, depth: int) -> list[Equivalent]:
        """Equivalents with the statuses upper layers give them; those an upper layer
        deprecates or forbids move last, the others keep the layer's own order (which
        already puts the requested variety's terms first)."""
        if depth == 0:
            return terms
        for entry in terms:
            entry.status = self._status_above(lang, entry.term, depth) or entry.status
        return sorted(terms, key=lambda e: max(_SEVERITY.get(e.status, 1), _BAD - 1))
