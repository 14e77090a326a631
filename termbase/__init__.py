"""termbase: a translation and terminology memory for social-services vocabulary
in Polish, Lithuanian and English.

The public API is `Termbase` (every operation), the model (`Concept`, `Term`, `Segment`),
the result types the operations return and the errors they raise. Names are imported on
first use, so that `import termbase` stays cheap for the command line.
"""

__version__ = "0.1.0"

# public name -> the module that defines it
_PUBLIC = {
    "Termbase": "termbase.api",
    "extraction_languages": "termbase.api",
    "check_subject": "termbase.api",
    "Concept": "termbase.model", "Term": "termbase.model", "Segment": "termbase.model",
    "check_lang": "termbase.model", "has_control_chars": "termbase.model",
    "split_lang_tag": "termbase.model", "STATUSES": "termbase.model",
    "format_names": "termbase.formats", "user_data_dir": "termbase.paths",
    "for_terminal": "termbase.text.display", "CopyResult": "termbase.copying",
    "GlossaryUpdate": "termbase.glossary", "PurgeReport": "termbase.erasure",
    "ConceptEdit": "termbase.editing", "Layers": "termbase.layers",
    "layer_paths_from_env": "termbase.layers", "default_layer_paths": "termbase.layers",
    "default_variant": "termbase.config", "filter_subject": "termbase.subjects",
    "record_accepted": "termbase.check_accept", "variant_warning": "termbase.variant_presence",
    "base_form_proposal": "termbase.entry_form", "occurs_in_segment": "termbase.entry_form",
    "ExtractResult": "termbase.candidates", "AlignResult": "termbase.candidates",
    "Candidate": "termbase.extract", "Proposal": "termbase.align",
    **{name: "termbase.errors" for name in (
        "TermbaseError", "NotFound", "InvalidInput", "FormatError", "ImportRefused",
        "StoreError", "StoreLocked", "StoreDamaged", "CommittedWithWarning")},
    **{name: "termbase.results" for name in (
        "Progress", "Equivalent", "Match", "LookupResult", "TermHit", "MemoryHit",
        "Suggestion", "CheckIssue", "CheckReport", "ConcordanceHit", "ConcordanceResult",
        "ImportReport", "ExportResult", "HistoryEntry", "UndoResult", "Deleted", "Stats",
        "BackupState", "DoctorReport", "ReindexResult")},
}

__all__ = sorted(_PUBLIC) + ["__version__"]


def __getattr__(name):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'termbase' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
