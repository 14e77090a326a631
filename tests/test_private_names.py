"""No termbase module imports another module's private name (`_name`): what one module
needs from another is part of that module's API, named without the underscore, so a change
inside a module cannot break a neighbour that reached in (check_target once took
recognize's `_token_options`)."""

from __future__ import annotations

import ast
from pathlib import Path

import termbase

PACKAGE = Path(termbase.__file__).resolve().parent


def _private_imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(
                "termbase")):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    yield node.lineno, node.module, alias.name


def test_no_module_imports_a_private_name_of_another():
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {module}.{name}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for line, module, name in _private_imports(path)]
    assert found == []


def test_the_check_finds_a_private_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from termbase.index.recognize import _hidden, visible\n",
                      encoding="utf-8")
    assert list(_private_imports(sample)) == [(1, "termbase.index.recognize", "_hidden")]
