"""The direction of dependency, read from the source: faces over the service, never back.

Modules under termbase/cli import only `termbase`'s public names (`from termbase import X`
with X in `termbase.__all__`), other termbase.cli modules, the standard library and rich;
nothing outside termbase/cli (but the `python -m termbase` entry point) imports termbase.cli.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import termbase

PACKAGE = Path(termbase.__file__).resolve().parent
CLI = PACKAGE / "cli"
ALLOWED_THIRD_PARTY = {"rich"}


def _imports(path: Path):
    """(line, module, names) of every import statement, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                base = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[
                    :-node.level])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            yield node.lineno, module, [alias.name for alias in node.names]


def _cli_problem(module: str, names: list[str]) -> str | None:
    top = module.split(".")[0]
    if module == "termbase":
        private = [n for n in names if n not in termbase.__all__]
        return f"non-public names {private}" if private else None
    if module == "termbase.cli" or module.startswith("termbase.cli."):
        return None
    if top == "termbase":
        return f"reaches below the public API into {module}"
    if top in sys.stdlib_module_names or top == "__future__" or top in ALLOWED_THIRD_PARTY:
        return None
    return f"imports the third-party module {module} (go through termbase)"


CLI_FILES = sorted(CLI.rglob("*.py"))
# __main__ (`python -m termbase`) is an entry point that starts the CLI face: above it.
OTHER_FILES = sorted(p for p in PACKAGE.rglob("*.py")
                     if CLI not in p.parents and p.name != "__main__.py")


@pytest.mark.parametrize("path", CLI_FILES, ids=lambda p: p.name)
def test_the_cli_uses_only_the_public_api(path):
    problems = [f"{path.name}:{line}: {problem}"
                for line, module, names in _imports(path)
                if (problem := _cli_problem(module, names))]
    assert not problems, "\n".join(problems)


def test_nothing_below_the_cli_imports_it():
    offenders = [f"{path.relative_to(PACKAGE.parent)}:{line}"
                 for path in OTHER_FILES for line, module, names in _imports(path)
                 if module.startswith("termbase.cli")
                 or (module == "termbase" and "cli" in names)]
    assert not offenders, offenders


def test_every_public_name_resolves():
    for name in termbase.__all__:
        assert getattr(termbase, name) is not None, name


def test_the_checks_catch_a_violation():
    """The rules above are not vacuous: a private import and a deep import are caught."""
    assert _cli_problem("termbase", ["_PUBLIC"]) is not None
    assert _cli_problem("termbase.store", ["Store"]) is not None
    assert _cli_problem("tinydb", ["TinyDB"]) is not None
    assert _cli_problem("termbase", ["Termbase"]) is None
    assert _cli_problem("rich.table", ["Table"]) is None
