"""Where things live: the user's store and the shipped glossary."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "TERMBASE_DB"


def default_db_path() -> Path:
    """`TERMBASE_DB`, else termbase.json in the user's data directory (platformdirs)."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "termbase.json"


def user_data_dir() -> Path:
    """The user's data directory for termbase (the default store, the shell's history)."""
    from platformdirs import user_data_dir as platform_data_dir

    return Path(platform_data_dir("termbase", appauthor=False))


ENV_CACHE = "TERMBASE_CACHE_DIR"


def user_cache_dir() -> Path:
    """`TERMBASE_CACHE_DIR`, else the user's cache directory for termbase: data derived
    from the installed libraries, rebuilt whenever missing."""
    env = os.environ.get(ENV_CACHE)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir as platform_cache_dir

    return Path(platform_cache_dir("termbase", appauthor=False))


def glossary_dir() -> Path:
    """The curated glossary: packaged as termbase/glossaries when installed, or the
    repository's top-level glossaries/ when run from a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "glossaries", here.parent / "glossaries"):
        if candidate.is_dir() and any(candidate.glob("*.tsv")):
            return candidate
    return here.parent / "glossaries"


def glossary_files() -> list[Path]:
    return sorted(glossary_dir().glob("*.tsv"))
