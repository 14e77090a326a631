"""Proposals drawn from texts, and how the chosen ones become concepts.

`Termbase.extract` and `Termbase.align` return an `ExtractResult` / `AlignResult`. The
translator chooses among their proposals by number, or marks rows of a review sheet the
result wrote (`write_review`); either way the chosen proposals become concepts here (one
term per extracted candidate, a term pair per aligned proposal) and go in as one batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from termbase.align import Proposal
from termbase.extract import Candidate, Extraction
from termbase.extraction.adding import pair_concept, term_concept
from termbase.extraction.passages import SegmentPair, is_xml
from termbase.extraction.review import read_marked, split_list, write_tsv
from termbase.formats.cells import guard
from termbase.model import Concept, ValidationError

EXTRACT_COLUMNS = ["term", "lang", "score", "freq", "known", "concept_ids", "forms", "files",
                   "context"]
# The example segments and contexts are shown, never read back, and may open with "=", "+",
# "-" or "@" ("- Pomoc społeczna ..." of a list): `guard`ed, a spreadsheet shows them as text.
ALIGN_COLUMNS = ["source", "target", "from", "to", "score", "cooccurrences", "dice",
                 "cognate", "known", "file", "line", "source_segment", "target_segment"]


@dataclass
class ExtractResult:
    """`Termbase.extract`: the best candidates (`candidates`, ranked) of all those found."""

    lang: str
    files: list[str]
    tokens: int
    candidates_total: int
    new_only: bool
    candidates: list[Candidate] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.candidates)

    def to_json(self) -> dict:
        return {"lang": self.lang, "files": list(self.files), "tokens": self.tokens,
                "candidates_total": self.candidates_total, "new_only": self.new_only,
                "candidates": [c.to_json() for c in self.candidates]}

    def write_review(self, path: str | Path) -> int:
        """Write the candidates as a review sheet to mark (y in its `add` column) and give
        back to `Termbase.add_reviewed`; returns the number of rows."""
        write_tsv(Path(path), EXTRACT_COLUMNS, [_extract_row(self.lang, c)
                                                for c in self.candidates])
        return len(self.candidates)

    def concepts(self, subject: str = "") -> list[tuple[int, Concept]]:
        """(number, concept) per candidate, numbered from 1 as shown."""
        return [(c.rank, term_concept(self.lang, c.term, subject, c.files, c.forms,
                                      c.concept_ids[0] if len(c.concept_ids) == 1 else ""))
                for c in self.candidates]

    @classmethod
    def of(cls, extraction: Extraction, lang: str, files: Sequence[str], top: int | None,
           new_only: bool) -> "ExtractResult":
        chosen = extraction.top(top, new_only)
        total = len(extraction.ranked)  # an upper bound: not every sequence is a phrase
        if top is None or len(chosen) < top:  # every candidate was checked: the true count
            total = sum(1 for _ in extraction.candidates())
        return cls(lang=lang, files=list(files), tokens=extraction.tokens,
                   candidates_total=total, new_only=new_only, candidates=chosen)


@dataclass
class AlignResult:
    """`Termbase.align`: translation proposals from `segments` segment pairs, best first."""

    source_lang: str
    target_lang: str
    segments: int
    proposals: list[Proposal] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.proposals)

    def to_json(self) -> dict:
        return {"from": self.source_lang, "to": self.target_lang, "segments": self.segments,
                "proposals": [p.to_json() for p in self.proposals]}

    def write_review(self, path: str | Path) -> int:
        """Write the proposals as a review sheet (see `ExtractResult.write_review`)."""
        write_tsv(Path(path), ALIGN_COLUMNS, [self._row(p) for p in self.proposals])
        return len(self.proposals)

    def concepts(self, subject: str = "") -> list[tuple[int, Concept]]:
        """(number, concept) per proposal, numbered from 1 as shown."""
        return [(number, pair_concept((self.source_lang, p.source),
                                      (self.target_lang, p.target), subject,
                                      [p.example.file]))
                for number, p in enumerate(self.proposals, 1)]

    def _row(self, p: Proposal) -> list:
        return [p.source, p.target, self.source_lang, self.target_lang, p.score,
                p.cooccurrences, p.dice, p.cognate, "yes" if p.known else "", p.example.file,
                p.example.line, guard(p.example.source), guard(p.example.target)]


def _extract_row(lang: str, c: Candidate) -> list:
    context = c.contexts[0] if c.contexts else None
    return [c.term, lang, c.score, c.freq, "yes" if c.known else "",
            c.concept_ids, c.forms, c.files,
            guard(f"{context.file}:{context.line}: {context.text}") if context else ""]


def reviewed_concepts(sheet: Path, kind: str, subject: str = "", lang: str | None = None,
                      source_lang: str | None = None, target_lang: str | None = None
                      ) -> list[tuple[int, Concept]]:
    """(line, concept) for every row marked in a review sheet. `kind` names the sheet:
    "extract" (one term per row) or "align" (a term pair per row). A row's own language
    columns win over the languages given here."""
    if kind == "extract":
        numbered = []
        for line, row in read_marked(sheet, ("term",)):
            row_lang = row.get("lang") or lang
            if not row_lang:
                raise ValidationError(f"line {line}: no language (fill the lang column or "
                                      "give --lang)")
            numbered.append((line, term_concept(row_lang, row["term"], subject,
                                                split_list(row.get("files", "")),
                                                split_list(row.get("forms", "")))))
        return numbered
    if kind == "align":
        numbered = []
        for line, row in read_marked(sheet, ("source", "target")):
            source = (row.get("from") or source_lang, row["source"])
            target = (row.get("to") or target_lang, row["target"])
            files = [row["file"]] if row.get("file") else []
            numbered.append((line, pair_concept(source, target, subject, files)))
        return numbered
    raise ValueError(f"unknown review sheet kind {kind!r} (extract or align)")


def read_segment_pairs(files: Sequence[Path], source_lang: str, target_lang: str,
                       encoding: str | None = None) -> list[SegmentPair]:
    """Segment pairs from one TMX/XLIFF file, or from two line-aligned text files."""
    from termbase.errors import naming_file
    from termbase.extraction.passages import read_bilingual, read_line_aligned

    if len(files) == 2:
        _two_plain_texts(files)
        pairs = read_line_aligned(files[0], files[1], encoding)
    elif len(files) == 1:
        if files[0].is_file() and not is_xml(files[0]):
            raise ValidationError(f"{files[0]} is plain text: give a TMX/XLIFF file, or a "
                                  "source and a target text file aligned line by line")
        with naming_file(files[0]):
            pairs = read_bilingual(files[0], source_lang, target_lang)
    else:
        raise ValidationError("give one TMX/XLIFF file, or a source and a target text file")
    from termbase.text.running import as_words

    pairs = [p._replace(source=as_words(p.source), target=as_words(p.target)) for p in pairs]
    if not pairs:
        raise ValidationError(f"no segments with both {source_lang} and {target_lang} text "
                              f"in {', '.join(map(str, files))}")
    return pairs


def _two_plain_texts(files: Sequence[Path]) -> None:
    """Two files are aligned line by line: two TMX files would pair lines of markup, and one
    file twice pairs each line with itself."""
    for path in files:
        if path.is_file() and is_xml(path):
            raise ValidationError(f"{path} is TMX/XLIFF: align one such file alone, or two "
                                  "plain-text files line by line")
    if all(path.is_file() for path in files) and files[0].samefile(files[1]):
        raise ValidationError(f"the source and target are the same file ({files[0]})")
