"""The package shows the pipeline: stages in folders, imports running one way, modules of a readable size."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "publisher"

# Each unit may import itself and the units of lower layers, never a higher layer or a sibling:
# cli → builder → (pdf, epub, web) → typeset → source → version → workspace → (errors, children).
LAYERS: list[set[str]] = [
    {"errors", "children"},
    {"workspace"},
    {"version"},
    {"source"},
    {"typeset"},
    {"pdf", "epub", "web"},
    {"builder"},
    {"cli"},
    {"__init__", "__main__"},
]
RANK = {unit: rank for rank, units in enumerate(LAYERS) for unit in units}
MAX_TOP_LEVEL_MODULES = 6
MAX_LINES = 450


def unit_of(module: str) -> str:
    """The unit of a dotted module name inside the package: its subpackage, or its top-level module."""
    parts = module.split(".")
    assert parts[0] == "publisher", module
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every module of the package that `source` imports (at any depth: in functions and
    TYPE_CHECKING blocks too), with its line, as an absolute dotted name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "publisher"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "publisher":
                continue
            if target == "publisher":  # from publisher import x: x may be a subpackage
                found += [(node.lineno, f"publisher.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
    return found


def violations(files: dict[str, str]) -> list[str]:
    """The imports that run against the layers, as "file line: importer → imported" for each."""
    wrong = []
    for relative, source in sorted(files.items()):
        path = PACKAGE.parent / relative
        module = module_name(path)
        unit = unit_of(module)
        for line, target in imported_modules(source, module, path.name == "__init__.py"):
            other = unit_of(target)
            if other == unit:
                continue
            if other not in RANK or unit not in RANK or RANK[other] >= RANK[unit]:
                wrong.append(f"{relative}:{line}: {unit} → {other}")
    return wrong


def package_sources() -> dict[str, str]:
    return {
        path.relative_to(PACKAGE.parent).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(PACKAGE.rglob("*.py"))
        if "_defaults" not in path.parts
    }


def test_imports_run_one_way() -> None:
    assert violations(package_sources()) == []


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("publisher/source/reader.py", "from ..typeset.bidi import isolate_ltr"),  # upward
        ("publisher/epub/package.py", "from ..pdf.render import html_to_pdf"),  # sideways
        ("publisher/web/site.py", "def f():\n    from publisher.builder.cache import Cache"),  # late, absolute
        ("publisher/version.py", "from . import __version__"),  # the package __init__, from below
        ("publisher/typeset/job.py", "if TYPE_CHECKING:\n    from ..builder.pool import Task"),
        ("publisher/workspace.py", "import publisher.source.manifest"),
    ],
)
def test_the_import_check_catches_an_import_against_the_layers(relative: str, source: str) -> None:
    assert len(violations({relative: source})) == 1


def test_the_import_check_allows_the_pipeline_order() -> None:
    allowed = {
        "publisher/cli.py": "from .builder.plan import build\nfrom .web.site import human_size",
        "publisher/builder/pool.py": "from ..pdf.render import render_pdf\nfrom .dist import Release",
        "publisher/pdf/render.py": "from ..typeset.job import Job\nfrom ..version import __version__",
        "publisher/typeset/bidi.py": "from ..source.reader import read_document",
        "publisher/source/reader.py": "from ..errors import SourceError\nfrom ..workspace import display_path",
    }
    assert violations(allowed) == []


def test_every_module_belongs_to_a_layer() -> None:
    units = {unit_of(module_name(PACKAGE.parent / relative)) for relative in package_sources()}
    assert units <= set(RANK), units - set(RANK)


def test_the_top_level_holds_few_modules_and_every_stage_says_what_it_does() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    stages = [p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()]
    assert {p.name for p in stages} >= {"source", "typeset", "pdf", "epub", "web", "builder"}
    for stage in stages:
        docstring = ast.get_docstring(ast.parse((stage / "__init__.py").read_text(encoding="utf-8")))
        assert docstring and len(docstring) > 60, f"{stage.name}/__init__.py must say what the stage takes and gives"


def test_no_module_is_too_long_to_read() -> None:
    long = {name: source.count("\n") for name, source in package_sources().items() if source.count("\n") > MAX_LINES}
    assert long == {}


def test_the_package_ships_type_information() -> None:
    assert (PACKAGE / "py.typed").is_file()


def test_ruff_and_mypy_are_clean() -> None:
    for command in (
        ["ruff", "check", "publisher", "tests", "benchmarks"],
        ["ruff", "format", "--check", "publisher", "tests", "benchmarks"],
        ["mypy", "publisher", "--ignore-missing-imports"],
    ):
        result = subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True)
        assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}{result.stderr}"
