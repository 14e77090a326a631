"""The user's small configuration file: defaults a translator sets once.

TOML in the user configuration directory (platformdirs), or at the path in
TERMBASE_CONFIG:

    variant = "pl-PL"      # regional variety assumed by lookup, suggest, check, export
    also = ["~/team.sqlite", "shipped.json"]   # lower termbase layers (relative: to this file)

A missing file means no defaults; an unreadable one is an error, never silently ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

from termbase.model import ValidationError

KNOWN_KEYS = {"variant", "also"}


def config_path() -> Path:
    explicit = os.environ.get("TERMBASE_CONFIG")
    if explicit:
        return Path(explicit)
    from platformdirs import user_config_dir

    return Path(user_config_dir("termbase")) / "config.toml"


def load_config() -> dict:
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}   # the usual case: no TOML parser is loaded for a lookup
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read the config file {path}: {exc}") from None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"config file {path} is not valid TOML: {exc}") from None
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ValidationError(f"config file {path}: unknown key(s) {', '.join(unknown)}")
    return data


NO_VARIANT = "none"   # --variant none: no variety, whatever the config file says


def default_variant(explicit: str | None) -> str | None:
    """The variety to use: the one given on the command line, else the config's; `none`
    in either place means no variety (a pl-PL translator's one job from Vilnius)."""
    from termbase.variants import parse_variant

    if explicit:
        if _says_none(explicit):
            return None
        try:
            return parse_variant(explicit)
        except ValidationError as exc:
            raise ValidationError(f"{exc}, or none for no variety") from None
    value = load_config().get("variant")
    if value is not None and not isinstance(value, str):
        raise ValidationError(f"config file {config_path()}: variant must be a string")
    if value is not None and _says_none(value):
        return None
    try:
        return parse_variant(value)
    except ValidationError as exc:   # say where the bad tag came from
        raise ValidationError(f"config file {config_path()}: {exc}") from None


def _says_none(value: str) -> bool:
    return value.strip().casefold() == NO_VARIANT


def default_layers() -> list[str]:
    """The lower termbase layers the config file names (`also`), in order; a relative path is
    read from the config file's directory, so the file means the same wherever it is used."""
    value = load_config().get("also", [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                              for v in value):
        raise ValidationError(f"config file {config_path()}: also must be a list of paths")
    base = config_path().parent
    return [str(base / Path(v).expanduser()) for v in value]
