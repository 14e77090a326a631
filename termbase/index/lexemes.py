"""What the index stores of one word: its lexeme's folded forms and their stems.

The one costly step of indexing (dictionary look-ups and generation of every form), shared
by the in-memory reference build and the on-disk index so that both hold the same keys.
"""

from __future__ import annotations

from termbase.text.morphology import expand, stem_keys_many
from termbase.text.normalize import fold


def lexeme_data(token: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(folded forms, stems) of every candidate lemma of `token`, each sorted."""
    all_forms = expand(token, lang) | {token.lower()}
    return (tuple(sorted({fold(form) for form in all_forms})),
            tuple(sorted(stem_keys_many(all_forms, lang))))
