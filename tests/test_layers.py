"""The package's layout shows its flow, and the imports keep to it.

Layers, bottom up (README, "Layout"):

- base: ``errors``, ``_once``, ``_resources``;
- ``model``: durations, values, components (imports nothing above it);
- ``law``: jurisdiction codes and profiles, severity, comparison, bands (the model only: it
  never reads or writes text); ``writing.serialize`` and ``writing.notation`` (the model to
  JSON and notation);
- ``language``: each language's words, shared by both sides;
- ``sentence``: `Sentence`, on top of the model, handing itself to writing and law;
- ``reading``: text to the model; ``writing``: the model to prose (never the read side);
- ``cli``, ``dask``, ``spacy_pipe``, ``strategies`` and the package itself, on top.

Every import counts, at the top of a module or inside a function; only ``if TYPE_CHECKING:``
blocks (never run) are left out. No two modules may import each other, even through others.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sentencenorm"
#: About this many lines at most per module: a longer one holds more than one idea.
LONGEST_MODULE = 600

BASE = {"errors", "_once", "_resources"}
# layer -> the layers its modules may import (besides their own)
LAYERS: dict[str, set[str]] = {
    "base": set(),
    "model": {"base"},
    "law": {"base", "model"},
    "writing.core": {"base", "model"},
    "language": {"base", "model", "law.territories"},
    "sentence": {"base", "model", "law", "writing.core"},
    "reading": {"base", "model", "law.territories", "language", "sentence"},
    "writing": {"base", "model", "language", "sentence", "writing.core", "reading"},
    "top": {"base", "model", "law", "writing.core", "language", "sentence", "reading", "writing"},
}


def layer_of(module: str) -> str:
    """The layer of a module given by its dotted name inside the package ("reading.parser")."""
    first = module.split(".")[0]
    if module in BASE:
        return "base"
    if module in {"writing.serialize", "writing.notation"}:
        return "writing.core"
    if module == "law.territories":
        return "law"
    if first in {"model", "law", "language", "reading", "writing", "sentence"}:
        return first
    return "top"  # __init__, __main__, cli, dask, spacy_pipe, strategies


def in_layer(target: str, allowed: str) -> bool:
    """Whether *target* belongs to the layer (or the single module) named *allowed*."""
    return target == allowed or layer_of(target) == allowed


def modules() -> dict[str, Path]:
    """Every module by its dotted name inside the package ("" for the package itself)."""
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """The nodes of *tree* outside ``if TYPE_CHECKING:`` blocks."""
    found: list[ast.AST] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def imports(name: str, path: Path) -> set[str]:
    """The package's modules that module *name* imports when it runs."""
    known = modules()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    package = [part for part in package if part]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            stem = [*base, *(node.module.split(".") if node.module else [])]
            targets = [".".join([*stem, alias.name]) for alias in node.names] + [".".join(stem)]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sentencenorm"):
            stem = (node.module or "").split(".")[1:]
            targets = [".".join([*stem, alias.name]) for alias in node.names] + [".".join(stem)]
        elif isinstance(node, ast.Import):
            targets = [
                ".".join(alias.name.split(".")[1:])
                for alias in node.names
                if alias.name.startswith("sentencenorm.")
            ]
        for target in targets:
            if target in known and target != name:
                found.add(target)
                break  # the most specific module the statement names
    return found


GRAPH = {name: imports(name, path) for name, path in modules().items()}


@pytest.mark.parametrize("module", sorted(name for name in GRAPH if name))
def test_module_imports_only_what_its_layer_allows(module: str) -> None:
    """Each module imports only modules of its own layer or the layers below it."""
    own = layer_of(module)
    allowed = LAYERS[own]
    wrong = {
        target
        for target in GRAPH[module]
        if layer_of(target) != own and not any(in_layer(target, layer) for layer in allowed)
    }
    assert not wrong, f"{module} ({own}) imports {sorted(wrong)}"


def test_no_import_cycle() -> None:
    """No module imports itself through others (a farm-studio-style check: a depth-first
    search over every import the code runs)."""
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(GRAPH.get(node, ())):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for node in sorted(GRAPH):
        if node not in state:
            visit(node)


#: The write side reads in one place only: `render` asks the language's reader whether a
#: phrase reads back (writing/writer.py), instead of copying the reader's rules.
READS_BACK = {"writing.renderer": {"reading.parser"}}


def test_write_side_reads_only_to_check_its_phrases() -> None:
    """Nothing on the write side imports the read side but `render`, which imports `parse`."""
    for module, targets in GRAPH.items():
        if layer_of(module) in {"writing", "writing.core"}:
            reading = {t for t in targets if layer_of(t) == "reading"}
            assert reading == READS_BACK.get(module, set()), module


def test_no_module_is_too_long() -> None:
    """No module is over about 600 lines."""
    long = {
        name: count
        for name, path in modules().items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert not long, long
