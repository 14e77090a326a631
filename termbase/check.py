"""Term QA over a bilingual file: missing target equivalents, deprecated or forbidden terms.

For each segment, the source terms are recognised; the target text must then contain one of
the concept's allowed target terms in some inflected form (recognised the same way). Target
terms marked deprecated or forbidden are reported wherever they appear.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Iterator

from termbase import formats
from termbase.formats import delimited
from termbase.formats.base import FormatError, ReadOptions
from termbase.formats.encoding import SAVE_AS_UTF8, decode
from termbase.check_accept import AcceptList, segment_key
from termbase.check_target import TargetText, closest_first
from termbase.index.recognize import recognize
from termbase.index.structures import Index
from termbase import langtag
from termbase.model import Segment, ValidationError, split_lang_tag
from termbase.process import PROVISIONAL, Unreviewed, provisional_texts
from termbase.results.segments import CheckIssue as Issue
from termbase.text.placeholders import without_tags
from termbase.text.langguess import guess_language
from termbase.text.normalize import norm
from termbase.variants import concepts_for_variant, fits, for_lang, region_rank

BAD_STATUSES = ("deprecated", "forbidden")
LANGUAGE_SAMPLE = 50   # rows whose language is guessed to catch swapped --from/--to


def read_pairs(path: Path, source_lang: str, target_lang: str) -> Iterator[tuple[int, str, str]]:
    """(line, source, target) from TMX, XLIFF or a two-column TSV/CSV. A file none of whose
    segments has both languages is an error, not an empty result."""
    formats.ensure_regular_file(path)
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab", ".txt", ".csv"):
        yield from _read_two_columns(path, source_lang, target_lang)
        return
    fmt = formats.detect(path)
    if fmt.kind not in ("memory", "both"):
        raise FormatError(f"{path.name} is a {fmt.name} file; check needs a bilingual file "
                          "(TMX, XLIFF or two-column TSV)")
    seen_langs: set[str] = set()
    pairs = 0
    # --from/--to stand in for languages the file does not declare (XLIFF 2 without trgLang)
    options = ReadOptions(source_lang=source_lang, target_lang=target_lang)
    for entry in fmt.read(path, options):
        if entry.error:
            raise FormatError(entry.error, line=entry.line)
        if isinstance(entry.item, Segment):
            texts = entry.item.texts
            seen_langs.update(texts)
            if fmt.name == "xliff":
                _refuse_reversed(path, list(texts), source_lang, target_lang, entry.line)
            source = langtag.pick(texts, source_lang)
            target = langtag.pick(texts, target_lang)
            if source is not None and target is not None:
                pairs += 1
                yield entry.line, source, target
            elif source_lang == target_lang and len(texts) >= 2:
                raise FormatError(f"the file holds {', '.join(texts)}: name the varieties "
                                  f"to check, e.g. --from {list(texts)[0]} --to "
                                  f"{list(texts)[1]}", line=entry.line)
    if seen_langs and not pairs:
        raise FormatError(f"{path.name} has no {source_lang}-{target_lang} segment pairs "
                          f"(its languages: {', '.join(sorted(seen_langs))}); "
                          "check --from and --to")


def _refuse_reversed(path: Path, declared: list[str], source_lang: str, target_lang: str,
                     line: int) -> None:
    """XLIFF says which side is the source (its texts come source first): checked the other
    way round, --from and --to were swapped by mistake, which must not pass as 0 issues."""
    bases = [langtag.base(tag) for tag in declared[:2]]
    wanted = [langtag.base(source_lang), langtag.base(target_lang)]
    if len(bases) == 2 and bases[0] != bases[1] and bases == wanted[::-1]:
        raise FormatError(f"{path.name} is translated from {declared[0]} into {declared[1]}, "
                          f"not from {source_lang}: check --from and --to", line=line)


def _read_two_columns(path: Path, source_lang: str, target_lang: str):
    text, _ = decode(path.read_bytes(), name=path.name, advice=SAVE_AS_UTF8)
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    rows = []
    for number, row in delimited.rows(io.StringIO(text, newline=""), delimiter):
        header = [c.strip().lower() for c in row[:2]]
        if number == 1 and _names_languages(header):
            if [langtag.base(c) for c in header] != [langtag.base(source_lang),
                                                     langtag.base(target_lang)]:
                raise FormatError(f"{path.name}: the columns are {header[0]} and "
                                  f"{header[1]}, not {source_lang} and {target_lang}",
                                  line=1)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            raise FormatError("expected two columns (source, target)", line=number)
        rows.append((number, row[0], row[1]))
    _check_column_languages(path, rows, source_lang, target_lang)
    yield from rows


def _names_languages(header: list[str]) -> bool:
    return len(header) == 2 and all(re.fullmatch(r"[a-z]{2,3}(-[a-z]{2})?", c) for c in header)


def _check_column_languages(path: Path, rows, source_lang: str, target_lang: str) -> None:
    """A column written in a language other than the one given is a usage mistake (most
    often --from and --to swapped), reported instead of a silent "0 issues"."""
    sample = rows[:LANGUAGE_SAMPLE]
    for column, lang, option in ((1, source_lang, "--from"), (2, target_lang, "--to")):
        guessed, lang = guess_language(row[column] for row in sample), langtag.base(lang)
        if guessed and guessed != lang and lang in ("pl", "lt", "en"):
            raise FormatError(f"{path.name}: the {'source' if column == 1 else 'target'} "
                              f"column looks {guessed}, not {lang}; check {option}")


def _check_languages_by_terms(index: Index, path: Path, pairs: list, source_lang: str,
                              target_lang: str) -> None:
    """Segments too short for `guess_language` ("Gmina." / "Savivaldybė.") still show
    their language through the termbase: when the source column holds terms of the target
    language and none of its own, and the target column the reverse, --from and --to are
    swapped."""
    if source_lang == target_lang or not {source_lang, target_lang} <= set(index.languages):
        return
    sample = pairs[:LANGUAGE_SAMPLE]
    if any(guess_language(row[column] for row in sample) for column in (1, 2)):
        return  # long enough to be told by their words, and told right already

    def terms_in(column: int, lang: str) -> int:
        return sum(span.kind != "fuzzy" for row in sample
                   for span in recognize(index, without_tags(row[column]), lang, fuzzy=False))

    if (terms_in(1, target_lang) and not terms_in(1, source_lang)
            and terms_in(2, source_lang) and not terms_in(2, target_lang)):
        raise FormatError(f"{path.name}: the source column holds {target_lang} terms and the "
                          f"target column {source_lang} terms; check --from and --to")


def check_segment(index: Index, line: int, source: str, target: str, source_lang: str,
                  target_lang: str, variant: str | None = None,
                  accepted: AcceptList | None = None,
                  ignore_provisional: bool = False) -> list[Issue]:
    """The issues of one segment pair. `variant` (e.g. pl-PL) is the regional variety of the
    side in its language: it picks among homonyms of the source and judges target terms.
    `ignore_provisional`: terms nobody has reviewed yet (processStatus) neither raise nor
    satisfy a check; otherwise issues name them (`provisional`)."""
    source_variant = for_lang(variant, source_lang)
    target_variant = for_lang(variant, target_lang)
    unreviewed = Unreviewed(index, ignore_provisional,
                            lambda idx, cid, lang: _allowed(idx, cid, lang, target_variant))
    # inline codes (tag placeholders) break words, never terms: matched as spaces
    readings = []
    for span in recognize(index, without_tags(source), source_lang):
        term_ids = closest_first(index, [t for t in span.term_ids
                                         if not unreviewed.skipped(index.terms[t])], span.text)
        readings.append((span, concepts_for_variant(index, term_ids, source_lang,
                                                    source_variant)))
    # a target term one concept deprecates is still right where the source holds a concept
    # it is an allowed equivalent of (Karta Dużej Rodziny for the Polish national card)
    justified = {norm(text) for _, candidates in readings for cid in candidates
                 for text in unreviewed.allowed(cid, target_lang)}
    issues = _bad_target_terms(index, line, source, target, target_lang, unreviewed,
                               justified)
    bad_concepts = {issue.concept_id for issue in issues}
    view = TargetText(index, without_tags(target), target_lang)
    for span, candidates in readings:
        verdicts = [_verdict(index, view, cid, target_lang, target_variant, bad_concepts,
                             unreviewed)
                    for cid in candidates]
        if not verdicts or any(v is None for v in verdicts):
            continue  # no target term recorded, or an equivalent is there
        if any(v == "bad" for v in verdicts):
            continue  # already reported as a deprecated/forbidden use
        if "unreviewed" in verdicts:
            issues.append(_unreviewed_issue(index, view, line, span.text, candidates,
                                            verdicts, target_lang, unreviewed, source,
                                            target))
            continue
        cid, kind = next(((c, v) for c, v in zip(candidates, verdicts) if v == "other-variant"),
                         (candidates[0], "missing-equivalent"))
        expected = [t for c in ([cid] + [c for c in candidates if c != cid])
                    for t in unreviewed.allowed(c, target_lang)]
        issues.append(Issue(line, kind, cid, source_term=span.text,
                            expected=list(dict.fromkeys(expected)), source=source,
                            target=target, match=span.kind))
    for issue in issues:
        issue.segment = segment_key(source)
    if accepted is not None:
        issues = [issue for issue in issues if not accepted.accepts(issue)]
    return unreviewed.named(issues, target_lang)


def _bad_target_terms(index: Index, line: int, source: str, target: str,
                      target_lang: str, unreviewed: Unreviewed,
                      justified: set[str]) -> list[Issue]:
    """Deprecated and forbidden target terms, except those `justified` (normalised texts
    that are allowed equivalents of a concept the source segment holds)."""
    issues, seen = [], set()
    for span in recognize(index, without_tags(target), target_lang, fuzzy=False):
        for tid in span.term_ids:
            ref = index.terms[tid]
            if ref.lang == target_lang and ref.status in BAD_STATUSES and \
                    ref.concept_id not in seen and not unreviewed.skipped(ref) and \
                    norm(ref.text) not in justified:
                seen.add(ref.concept_id)
                issues.append(Issue(line, f"{ref.status}-term", ref.concept_id,
                                    target_term=span.text, source=source, target=target,
                                    expected=_allowed(index, ref.concept_id, target_lang, None),
                                    match=span.kind))
    return issues


def _verdict(index: Index, view: TargetText, concept_id: str, lang: str,
             variant: str | None, bad_concepts: set[str], unreviewed: Unreviewed
             ) -> str | None:
    """None when the concept needs nothing more (no target term, or one is there);
    "bad" when a deprecated/forbidden equivalent was used; "other-variant" when only a
    term of another variety is there and one of the text's variety exists; "unreviewed"
    when only terms nobody has reviewed yet (provisional) are there; else "missing"."""
    doc = index.concepts[concept_id]
    skipped = provisional_texts(doc, lang) if unreviewed.ignore else set()
    terms = [t for t in doc["terms"] if t["lang"] == lang and t["text"] not in skipped]
    if not terms:
        return None
    present = [t for t in terms if t.get("status") not in BAD_STATUSES
               and view.contains(concept_id, t["text"])]
    if present:
        if variant and not any(fits(t.get("region"), variant) for t in present) and any(
                fits(t.get("region"), variant) for t in terms
                if t.get("status") not in BAD_STATUSES):
            return "other-variant"
        if not unreviewed.ignore and all(t.get("process") in PROVISIONAL for t in present):
            return "unreviewed"
        return None
    return "bad" if concept_id in bad_concepts else "missing"


def _unreviewed_issue(index: Index, view: TargetText, line: int, source_term: str,
                      candidates: list[str], verdicts: list, target_lang: str,
                      unreviewed: Unreviewed, source: str, target: str) -> Issue:
    """A source term rendered only by provisional target terms: not an error, but not an
    approved rendering either, so the translator sees it ("unreviewed-term")."""
    cid = candidates[verdicts.index("unreviewed")]
    used = [text for text in sorted(provisional_texts(index.concepts[cid], target_lang))
            if view.contains(cid, text)]
    pending = provisional_texts(index.concepts[cid], target_lang)
    reviewed = [text for text in unreviewed.allowed(cid, target_lang) if text not in pending]
    return Issue(line, "unreviewed-term", cid, source_term=source_term,
                 target_term=" / ".join(used), expected=reviewed, source=source, target=target)


def _allowed(index: Index, concept_id: str, lang: str, variant: str | None) -> list[str]:
    terms = sorted((t for t in index.concepts[concept_id]["terms"] if t["lang"] == lang),
                   key=lambda t: (region_rank(t.get("region"), variant) if variant else 0,
                                  t.get("status") != "preferred"))
    return [t["text"] for t in terms if t.get("status") not in BAD_STATUSES
            and fits(t.get("region"), variant)]


def check_file(index: Index, path: Path, source_lang: str, target_lang: str,
               variant: str | None = None, accepted: AcceptList | None = None,
               ignore_provisional: bool = False) -> dict:
    """--from/--to may name varieties (en-US, pl-LT): the file's texts are picked by them,
    the termbase is consulted by base language."""
    try:
        (source_base, source_variety), (target_base, target_variety) = (
            split_lang_tag(source_lang), split_lang_tag(target_lang))
    except ValidationError as exc:
        raise FormatError(str(exc)) from None
    source_lang, target_lang = source_variety or source_base, target_variety or target_base
    # --to pl-LT (or --from) names the text's variety: its terms are the expected ones
    variant = variant or target_variety or source_variety or None
    issues, segments = [], 0
    pairs = list(read_pairs(Path(path), source_lang, target_lang))
    if Path(path).suffix.lower() in (".tsv", ".csv", ".txt", ".tab"):
        _check_languages_by_terms(index, Path(path), pairs, source_base, target_base)
    for line, source, target in pairs:
        segments += 1
        issues += check_segment(index, line, source, target, source_base, target_base,
                                variant, accepted, ignore_provisional)
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.kind] = counts.get(issue.kind, 0) + 1
    return {"file": str(path), "from": source_lang, "to": target_lang, "variant": variant,
            "segments": segments, "counts": counts,
            "issues": [i.to_json() for i in issues]}
