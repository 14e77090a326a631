"""Three-letter primary language subtags, checked against the IANA Language Subtag Registry
(which the `langcodes` package ships, so no network is needed).

BCP 47 allows a three-letter primary subtag only where ISO 639 has no two-letter code
(`fil`, `yue`, `ckb`); a file or a command line that writes the ISO 639-2 code of a
language that has one (`pol`, `lit`, `ger`) means that language, so it is read as the
two-letter code that the rest of termbase matches by. Anything the registry does not know
(`xyz`) is not a language.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=512)
def canonical(code: str) -> str | None:
    """'fil' -> 'fil'; 'pol' -> 'pl'; 'xyz' -> None. `code` is three lower-case letters."""
    from langcodes import Language, tag_is_valid

    if not tag_is_valid(code):
        return None
    language = Language.get(code).language
    if not language:                       # 'und': no language at all
        return None
    # only a two-letter equivalent replaces the code: langcodes also maps some three-letter
    # codes onto others (tgl -> fil), which would rename a language the user named
    return language if len(language) == 2 else code
