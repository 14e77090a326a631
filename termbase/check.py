"""Term QA over a bilingual file: missing target equivalents, deprecated or forbidden terms.

For each segment, the source terms are recognised; the target text must then contain one of
the concept's allowed target terms in some inflected form (recognised the same way). Target
terms marked deprecated or forbidden are reported wherever they appear.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterator

from termbase import formats
from termbase.formats import delimited, projectlangs
from termbase.formats.base import FormatError, ReadOptions
from termbase.formats.encoding import decode
from termbase.index.recognize import recognize
from termbase.index.structures import Index
from termbase import langtag
from termbase.model import Segment, ValidationError, check_lang, split_lang_tag
from termbase.results.segments import CheckIssue as Issue

BAD_STATUSES = ("deprecated", "forbidden")


def read_pairs(path: Path, source_lang: str, target_lang: str) -> Iterator[tuple[int, str, str]]:
    """(line, source, target) from TMX, XLIFF or a two-column TSV/CSV."""
    formats.ensure_regular_file(path)
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab", ".txt", ".csv"):
        yield from _read_two_columns(path, source_lang, target_lang)
        return
    fmt = formats.detect(path)
    if fmt.kind not in ("memory", "both"):
        raise FormatError(f"{path.name} is a {fmt.name} file; check needs a bilingual file "
                          "(TMX, XLIFF or two-column TSV)")
    # --from/--to stand in for languages the file does not declare (XLIFF 2 without trgLang)
    options = ReadOptions(source_lang=source_lang, target_lang=target_lang)
    for entry in fmt.read(path, options):
        if entry.error:
            raise FormatError(entry.error, line=entry.line)
        if isinstance(entry.item, Segment):
            texts = entry.item.texts
            source = langtag.pick(texts, source_lang)
            target = langtag.pick(texts, target_lang)
            if source is not None and target is not None:
                yield entry.line, source, target
            elif source_lang == target_lang and len(texts) >= 2:
                raise FormatError(f"the file holds {', '.join(texts)}: name the varieties "
                                  f"to check, e.g. --from {list(texts)[0]} --to "
                                  f"{list(texts)[1]}", line=entry.line)


def _read_two_columns(path: Path, source_lang: str, target_lang: str):
    text, _ = decode(path.read_bytes(), name=path.name)
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    for number, row in delimited.rows(io.StringIO(text, newline=""), delimiter):
        if number == 1 and [c.strip().lower() for c in row[:2]] == [source_lang, target_lang]:
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            raise FormatError("expected two columns (source, target)", line=number)
        yield number, row[0], row[1]


def check_segment(index: Index, line: int, source: str, target: str, source_lang: str,
                  target_lang: str, target_variety: str = "") -> list[Issue]:
    """target_variety (pl-LT): only terms of that variety or of none are equivalents; a
    term marked for another variety (pl-PL) does not count as one."""
    issues = []
    target_spans = recognize(index, target, target_lang)
    found_in_target: dict[str, list[tuple[str, str]]] = {}
    for span in target_spans:
        for tid in span.term_ids:
            ref = index.terms[tid]
            if ref.lang == target_lang and _serves(index, ref, target_variety):
                found_in_target.setdefault(ref.concept_id, []).append((ref.text, ref.status))
                if ref.status in BAD_STATUSES:
                    issues.append(Issue(line, f"{ref.status}-term", ref.concept_id,
                                        target_term=span.text, source=source, target=target,
                                        expected=_allowed(index, ref.concept_id, target_lang,
                                                          target_variety)))
    for span in recognize(index, source, source_lang):
        for cid in {index.terms[t].concept_id for t in span.term_ids
                    if index.terms[t].lang == source_lang}:
            allowed = _allowed(index, cid, target_lang, target_variety)
            if not allowed:
                continue  # the termbase has no target term to require
            present = found_in_target.get(cid, [])
            if not any(status not in BAD_STATUSES for _, status in present):
                if present:
                    continue  # already reported as a deprecated/forbidden use
                issues.append(Issue(line, "missing-equivalent", cid, source_term=span.text,
                                    expected=allowed, source=source, target=target))
    return issues


def _serves(index: Index, ref, variety: str) -> bool:
    if not variety:
        return True
    return any(projectlangs.serves(t.get("region", ""), variety)
               for t in index.concepts[ref.concept_id]["terms"]
               if t["lang"] == ref.lang and t["text"] == ref.text)


def _allowed(index: Index, concept_id: str, lang: str, variety: str = "") -> list[str]:
    terms = sorted((t for t in index.concepts[concept_id]["terms"] if t["lang"] == lang
                    and (not variety or projectlangs.serves(t.get("region", ""), variety))),
                   key=lambda t: t.get("status") != "preferred")
    return [t["text"] for t in terms if t.get("status") not in BAD_STATUSES]


def check_file(index: Index, path: Path, source_lang: str, target_lang: str) -> dict:
    """--from/--to may name varieties (en-US, pl-LT): the file's texts are picked by them,
    the termbase is consulted by base language."""
    try:
        (source_base, source_variety), (target_base, target_variety) = (
            split_lang_tag(source_lang), split_lang_tag(target_lang))
    except ValidationError as exc:
        raise FormatError(str(exc)) from None
    source_lang, target_lang = source_variety or source_base, target_variety or target_base
    issues, segments = [], 0
    for line, source, target in read_pairs(Path(path), source_lang, target_lang):
        segments += 1
        issues += check_segment(index, line, source, target, source_base, target_base,
                                target_variety)
    return {"file": str(path), "from": source_lang, "to": target_lang, "segments": segments,
            "issues": [i.to_json() for i in issues]}
