"""Copying a store with its backup, for tests that damage or attack copies of one store."""

import shutil
from pathlib import Path


def copy_store(source: Path, directory: Path) -> Path:
    directory.mkdir(parents=True)
    target = directory / source.name
    for suffix in ("", ".bak"):
        shutil.copy2(str(source) + suffix, str(target) + suffix)
    return target
