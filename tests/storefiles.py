"""Copying a store with its backup and index, for tests that damage or attack copies of one store."""

import shutil
from pathlib import Path


def copy_store(source: Path, directory: Path) -> Path:
    directory.mkdir(parents=True)
    target = directory / source.name
    for suffix in ("", ".bak", ".tbindex"):
        if Path(str(source) + suffix).exists():
            shutil.copy2(str(source) + suffix, str(target) + suffix)
    return target


def selected_params(request, name: str) -> set:
    """The values of parameter `name` among this module's tests selected for the session,
    so a module fixture prepares only the cases that will run."""
    return {item.callspec.params[name] for item in request.session.items
            if getattr(item, "module", None) is request.module and hasattr(item, "callspec")
            and name in item.callspec.params}
