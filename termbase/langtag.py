"""BCP 47 language tags as the termbase keeps them: a base language plus, when a file names
one, the full variety tag (`pl-LT`, `en-GB`, `es-419`, `sr-Latn`, `sr-Latn-RS`).

Everything matches by the base language; the variety travels beside it so that imports and
exports keep it. No I/O, no dependencies: the model and every format use this.
"""

from __future__ import annotations

import re
import sys

# language[-script][-region][-variant...][-extension...][-x-private]; a well-formedness
# check (RFC 5646 section 2.1), with the case conventions of section 2.1.1 applied.
_TAG = re.compile(
    r"^(?P<lang>[A-Za-z]{2,3})"
    r"(?:-(?P<script>[A-Za-z]{4}))?"
    r"(?:-(?P<region>[A-Za-z]{2}|\d{3}))?"
    r"(?P<rest>(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*"
    r"(?:-[A-WYZa-wyz\d](?:-[A-Za-z\d]{2,8})+)*"
    r"(?:-[xX](?:-[A-Za-z\d]{1,8})+)?)$")


class TagError(ValueError):
    """A tag that is not well-formed BCP 47; the message names the tag as given."""


def parse(tag: str) -> tuple[str, str]:
    """'pl-lt' -> ('pl', 'pl-LT'); 'sr_latn' -> ('sr', 'sr-Latn'); 'en' -> ('en', '').
    Underscores (Java and OmegaT locales) are read as hyphens."""
    given = tag
    tag = (tag or "").strip().replace("_", "-")
    match = _TAG.match(tag)
    if not match:
        raise TagError(f"malformed language tag {given!r} (expected a BCP 47 tag such as "
                       "pl, pl-LT, en-GB, sr-Latn)")
    lang = match["lang"].lower()
    if tag.lower() == lang:
        return sys.intern(lang), ""
    parts = [lang]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    if match["rest"]:
        parts.append(match["rest"][1:].lower())
    return sys.intern(lang), sys.intern("-".join(parts))


def base(tag: str) -> str:
    """The base language of a tag ('' for an empty tag); no validation."""
    return (tag or "").strip().replace("_", "-").split("-")[0].lower()


def pick(texts: dict[str, str], wanted: str) -> str | None:
    """The text for `wanted` from a {tag: text} mapping: the exact tag first, else the one
    text whose base language is the wanted one (None when there is none, or several)."""
    if wanted in texts:
        return texts[wanted]
    if "-" in wanted:                    # a variety asked for: a text of no variety serves
        return texts.get(base(wanted))
    found = [text for tag, text in texts.items() if base(tag) == wanted]
    return found[0] if len(found) == 1 else None
