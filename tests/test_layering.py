"""The house rule on dependencies, read from the code itself: nothing under
``site/`` (the cluster-wide apps) imports a domain, and no domain imports
another. Every import statement counts, those inside functions included."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAINS = ("disclosure", "services", "interaction")


def python_files(folder: Path):
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, top-level package) of every absolute import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):  # walks into functions, classes and conditionals
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name.split(".")[0]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
        elif isinstance(node, ast.Call) and _is_dynamic_import(node):
            found.append((node.lineno, node.args[0].value.split(".")[0]))
    return found


def _is_dynamic_import(node: ast.Call) -> bool:
    # import_module("disclosure.x") / __import__("disclosure") with a literal name
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return (
        name in ("import_module", "__import__")
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def violations(folder: Path, forbidden: set[str]) -> list[str]:
    out = []
    for path in python_files(folder):
        for line, top in imported_modules(path):
            if top in forbidden:
                out.append(f"{path.relative_to(ROOT)}:{line} imports {top}")
    return out


def test_nothing_under_site_imports_a_domain():
    assert violations(ROOT / "site", set(DOMAINS)) == []


def test_no_domain_imports_another():
    # services/ and interaction/ may still be empty: they are checked as soon as they have code
    assert python_files(ROOT / "disclosure")
    found = []
    for domain in DOMAINS:
        found += violations(ROOT / domain, set(DOMAINS) - {domain})
    assert found == []


def test_the_scan_sees_imports_inside_functions(tmp_path):
    # the check itself: an import hidden in a function body is found
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from disclosure.models import Topic\n    import services.x\n", encoding="utf-8")
    assert [top for _, top in imported_modules(module)] == ["disclosure", "services"]
