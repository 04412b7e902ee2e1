"""The layering DESIGN.md promises: presentation sits above the domain.

The test reads every module's source (module-level and function-local imports alike)
and checks that no domain module imports ``engagekit.render`` or the CLI, and that no
import circle runs through ``engagekit.render``.
"""

from __future__ import annotations

import ast

from pathlib import Path

import networkx as nx
import pytest

import engagekit


PACKAGE = Path(engagekit.__file__).parent

#: Modules allowed to import the presentation layer: the layer itself (text renderers
#: and pictures) and the CLI.
PRESENTATION = ("engagekit.render", "engagekit.plot", "engagekit.cli", "engagekit.__main__")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, name: str) -> set[str]:
    """Every engagekit module ``path`` imports, anywhere in its body."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("engagekit"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if not module.startswith("engagekit"):
                continue
            found.add(module)
            # "from engagekit import render" imports the submodule.
            found.update(f"{module}.{a.name}" for a in node.names)
    return found


def _graph() -> nx.DiGraph[str]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for target in _imports(path, name):
            # "from engagekit import x" names the root package only as a namespace.
            if target in modules and target not in {name, "engagekit"}:
                graph.add_edge(name, target)
    return graph


GRAPH = _graph()
DOMAIN = sorted(m for m in GRAPH if not m.startswith(PRESENTATION) and m != "engagekit")


def _is_presentation(module: str) -> bool:
    return module.startswith(PRESENTATION)


def test_the_graph_sees_the_packages() -> None:
    """The walk finds the domain packages and the presentation layer."""
    assert {"engagekit.decisions", "engagekit.duties", "engagekit.render"} <= set(GRAPH)
    assert "engagekit.escalation._network" in DOMAIN


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_modules_do_not_import_presentation(module) -> None:
    """No domain module imports engagekit.render or engagekit.cli, even inside a function."""
    upward = sorted(t for t in GRAPH.successors(module) if _is_presentation(t))
    assert upward == []


def test_no_import_circle_runs_through_render() -> None:
    """engagekit.render depends on the domain, never the other way round."""
    circles = [
        cycle
        for component in nx.strongly_connected_components(GRAPH)
        if len(component) > 1
        for cycle in [sorted(component)]
        if any(m.startswith("engagekit.render") for m in component)
    ]
    assert circles == []


def _private_names_from(path: Path, source: str) -> list[str]:
    """The underscore names ``path`` imports from module ``source``, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == source
        for alias in node.names
        if alias.name.startswith("_")
    )


@pytest.mark.parametrize("path", sorted((PACKAGE / "escalation").glob("*.py")), ids=str)
def test_escalation_takes_no_private_helper_of_io(path: Path) -> None:
    """The escalation package reads node-link documents with helpers of its own or of a
    shared private module (``engagekit._describe``), never io's private ones."""
    assert _private_names_from(path, "engagekit.io") == []


def test_the_wording_of_a_document_kind_has_one_home() -> None:
    """io and the node-link reader both describe a value by ``engagekit._describe``."""
    for module in ("engagekit.io", "engagekit.escalation._output"):
        assert "engagekit._describe" in set(GRAPH.successors(module))
