"""Data flows one way: the write side never imports the read side, nothing reaches up.

The judging side (profiles, severity, compare, bands) works on the model only: it never reads
text, so it imports neither the read side nor the write side.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sentencenorm"

BASE = {
    "_once",
    "errors",
    "durations",
    "model",
    "_resources",
    "lexicon",
    "notation",
    "serialize",
    "hints",
    "territories",
}
READ = {
    "lalr",
    "scanning",
    "grammars",
    "transformer",
    "notation_reader",
    "parser",
    "extractor",
    "detect",
    "batch",
    "dask",
}
WRITE = {"renderer"}
JUDGE = {"jurisdictions", "comparison", "bands"}

# module -> sibling modules it may import
ALLOWED = {
    "errors": set(),
    "_once": set(),
    "durations": set(),
    # lazily, for to_dict(), str(), severity(), months() and band()
    "model": {"durations", "serialize", "notation", "comparison", "bands", "jurisdictions"},
    "notation": {"model"},
    "serialize": {"durations", "errors", "model"},
    "_resources": set(),
    "lexicon": {"_resources", "errors", "territories"},
    # lazily, to list the profiles in the message of an unknown code
    "territories": {"_resources", "errors", "jurisdictions"},
    "hints": {"_resources"},
    "transformer": {"durations", "lexicon", "model", "hints"},
    "notation_reader": {"durations", "model", "transformer"},
    "lalr": {"scanning"},
    "scanning": set(),
    "grammars": {
        "_once",
        "_resources",
        "errors",
        "hints",
        "lexicon",
        "transformer",
        "notation_reader",
        "lalr",
    },
    "detect": {"_resources", "grammars"},
    "parser": BASE | {"grammars", "transformer", "detect"},
    "extractor": BASE | {"grammars", "transformer", "parser", "detect", "lalr", "scanning"},
    "batch": {"errors", "extractor", "model", "parser"},
    "dask": {"batch"},
    "renderer": BASE,
    "jurisdictions": {"_resources", "durations", "errors", "model", "territories"},
    "comparison": {"durations", "errors", "jurisdictions", "model"},
    "bands": {"_resources", "comparison", "durations", "errors", "jurisdictions", "model"},
}


def sibling_imports(path: Path) -> set[str]:
    """Names of sentencenorm modules that *path* imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sentencenorm."):
            found.add((node.module or "").split(".")[1])
    return found


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_module_imports_only_what_its_layer_allows(module: str) -> None:
    """Each module imports only the siblings its layer allows."""
    assert sibling_imports(SRC / f"{module}.py") <= ALLOWED[module]


def test_write_side_never_reads() -> None:
    """The renderer does not import the grammar, transformer or parser."""
    for module in WRITE:
        assert not sibling_imports(SRC / f"{module}.py") & READ


def test_judging_side_never_reads_or_writes_text() -> None:
    """Profiles, severity, compare and bands import neither the parser nor the renderer."""
    for module in JUDGE:
        assert not sibling_imports(SRC / f"{module}.py") & (READ | WRITE)


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in a layer before it lands."""
    modules = {p.stem for p in SRC.glob("*.py")} - {"__init__", "__main__", "cli"}
    assert modules <= set(ALLOWED), sorted(modules - set(ALLOWED))
