"""The import graph of `pipeline/`: no circle between modules, click only in `cli/`.

The graph is read from the source with `ast` (nothing is imported). Every
import statement counts: at module level, inside functions and under
`if TYPE_CHECKING:` (two modules that need each other's types are still a
circle). An import is an edge to the module it names, resolved to the most
specific module of `pipeline`: `from pipeline.facts import Heading` →
`pipeline.facts`, `from pipeline import facts_walk` → `pipeline.facts_walk`,
`from . import x` resolved like Python does.

What is a circle, for packages: a package's `__init__` is its front door, a
table of contents. Its imports of modules inside its own package (to re-export
their names, to register the rules they declare, or for the lazy public API of
`pipeline/__init__.py`) are not edges, and neither is the implicit import of the
parent package that `import pipeline.a.b` makes. So `pipeline.checks` importing
`pipeline.checks.length`, or `pipeline.report.sarif` taking `__version__` from
`pipeline`, is no circle; two modules (an `__init__` included) that import each
other's contents are. Whether a package's `__init__` runs in a working order is
proven by every test that imports it, not by this graph.

Not followed: names loaded by string through `importlib.import_module` (the lazy
public API in `pipeline/__init__.py`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping, Set
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    """`pipeline/checks/length.py` → `pipeline.checks.length`; an `__init__` is its package."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def imported_names(path: Path, name: str) -> Iterator[str]:
    """Every dotted name a module imports (`from a import b` gives `a.b`, then
    `a` is tried when `a.b` is not a module), relative imports made absolute."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".")
                if not is_package:
                    package.pop()
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph(found: Mapping[str, Path]) -> dict[str, set[str]]:
    """Module → the modules of the package it imports (see the module docstring)."""
    graph: dict[str, set[str]] = {}
    for name, path in found.items():
        targets: set[str] = set()
        for dotted in imported_names(path, name):
            # `from a.b import c`: the module `a.b.c` if there is one, else `a.b`;
            # `import a.b.c`: `a.b.c`.
            while dotted and dotted not in found:
                dotted = dotted.rpartition(".")[0]
            if dotted and not (
                path.name == "__init__.py" and dotted.startswith(f"{name}.")
            ):
                targets.add(dotted)
        graph[name] = targets
    return graph


def circles(graph: Mapping[str, Set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (or a module
    that imports itself), each sorted, in sorted order (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in graph.get(node, ()):
                        found.append(sorted(component))
    return sorted(found)


# --- the finder itself -------------------------------------------------------------


def test_circles_finds_each_circle_once_and_nothing_else() -> None:
    graph = {
        "a": {"b"},
        "b": {"c", "x"},
        "c": {"a"},  # a → b → c → a
        "x": {"y"},
        "y": set(),  # x → y: no way back
        "self": {"self"},  # a module importing itself
        "p": {"q"},
        "q": {"p", "a"},  # p ↔ q, and a way into the other circle (no way back)
    }
    assert circles(graph) == [["a", "b", "c"], ["p", "q"], ["self"]]
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_a_long_chain_is_walked_without_recursion() -> None:
    chain = {str(i): {str(i + 1)} for i in range(5000)}
    assert circles(chain) == []
    assert circles(chain | {"5000": {"0"}}) == [sorted(map(str, range(5001)))]


def test_imports_are_resolved_to_modules(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "from pkg.sub import leaf\nfrom pkg import top\n",
        "sub/__init__.py": "from . import leaf\nfrom .leaf import VALUE\n",
        "sub/leaf.py": "VALUE = 1\n",
        "top.py": (
            "from typing import TYPE_CHECKING\n"
            "import pkg.sub.leaf\n"
            "from pkg import sub\n"
            "if TYPE_CHECKING:\n    from pkg.other import Thing\n"
            "def late():\n    from .sub.leaf import VALUE\n"
        ),
        "other.py": "from pkg import top, VERSION\nThing = int\n",
    }
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    graph = import_graph(modules(root))
    assert graph == {
        "pkg": set(),  # an __init__ importing its own modules: no edges
        "pkg.sub": set(),
        "pkg.sub.leaf": set(),
        "pkg.top": {"pkg.sub", "pkg.sub.leaf", "pkg.other"},
        "pkg.other": {"pkg.top", "pkg"},
    }
    assert circles(graph) == [["pkg.other", "pkg.top"]]  # one under TYPE_CHECKING


# --- the package -------------------------------------------------------------------


def test_no_circle_between_modules_of_pipeline() -> None:
    graph = import_graph(modules())
    assert "pipeline.facts_walk" in graph["pipeline.facts"]  # the graph is read
    assert circles(graph) == []


def test_only_the_command_line_imports_click() -> None:
    """`pipeline/cli/` holds every click command; nothing else may need click."""
    cli = PACKAGE / "cli"
    users = sorted(
        name
        for name, path in modules().items()
        if not path.is_relative_to(cli)
        and any(n.split(".")[0] == "click" for n in imported_names(path, name))
    )
    assert users == []
