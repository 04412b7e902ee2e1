"""The public surface: every exported name resolves, is documented, and import is cheap."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

from pathlib import Path

import pytest

import engagekit


PUBLIC_MODULES = [
    "engagekit",
    "engagekit.consultations",
    "engagekit.cycles",
    "engagekit.errors",
    "engagekit.io",
    "engagekit.render",
    "engagekit.examples",
    "engagekit.sources",
    "engagekit.ratings",
    "engagekit.disclosure",
]


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_all_names_resolve_and_dir_is_clean(module_name):
    """Every name in __all__ exists, and dir() shows exactly __all__."""
    module = importlib.import_module(module_name)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    assert sorted(dir(module)) == sorted(module.__all__)


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_public_callables_have_docstrings(module_name):
    """Every public class and function has a docstring."""
    module = importlib.import_module(module_name)
    callables = [
        name
        for name in module.__all__
        if inspect.isclass(getattr(module, name)) or inspect.isfunction(getattr(module, name))
    ]
    assert [name for name in callables if not inspect.getdoc(getattr(module, name))] == []


def test_top_level_names_have_examples():
    """The top-level API's classes and functions show an example in their docstring."""
    missing = []
    for name in engagekit.__all__:
        obj = getattr(engagekit, name)
        if (inspect.isclass(obj) or callable(obj)) and not inspect.ismodule(obj):
            doc = inspect.getdoc(obj) or ""
            if ">>>" not in doc:
                missing.append(name)
    assert missing == []


def test_import_loads_no_data_and_no_optional_dependency():
    """`import engagekit` parses no catalogue and imports neither matplotlib nor pandas."""
    code = (
        "import sys, engagekit\n"
        "from engagekit.techniques import _catalogue\n"
        "from engagekit.cycles import _engagement\n"
        "assert _catalogue.catalogue.cache_info().currsize == 0\n"
        "assert _engagement.engagement_cycle.cache_info().currsize == 0\n"
        "bad = [m for m in ('matplotlib', 'pandas') if m in sys.modules]\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_subpackages_are_attributes_after_import() -> None:
    """`import engagekit` is enough to reach every public subpackage as an attribute."""
    code = (
        "import engagekit\n"
        "names = ['choices', 'consultations', 'cycles', 'decisions', 'duties', 'escalation', 'evidence',\n"
        "         'plans', 'render', 'results', 'techniques']\n"
        "print([type(getattr(engagekit, n)).__name__ for n in names])\n"
        "print(engagekit.duties.duties_for('icb', on='2024-06-30').body.value)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [str(["module"] * 11), "icb"]


def test_what_builds_a_network_is_at_the_top_level() -> None:
    """A network can be built from top-level names alone."""
    network = engagekit.EscalationNetwork(
        name="Two-practice federation",
        bodies=[
            engagekit.Body(id="L85001", name="Practice", kind="practice", tier="practice"),
            engagekit.Body(id="fed", name="Federation", kind="gp federation", tier="locality"),
        ],
        links=[engagekit.Link(source="L85001", target="fed")],
    )
    assert repr(network) == "<EscalationNetwork 'Two-practice federation' with 2 bodies and 1 link>"


def test_citation_file_names_the_released_version():
    """CITATION.cff must not drift from the package version."""
    import pathlib
    import re

    from engagekit import __version__

    text = (pathlib.Path(__file__).parents[1] / "CITATION.cff").read_text(encoding="utf-8")
    found = re.search(r'^version: "([^"]+)"$', text, re.MULTILINE)
    assert found is not None
    assert found[1] == __version__


def test_top_level_reference_page_lists_every_name():
    """The API reference's top page names every top-level export, linked to its page."""
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "reference" / "engagekit.md").read_text()
    for name in engagekit.__all__:
        value = getattr(engagekit, name)
        if name == "__version__":
            assert "engagekit.__version__" in page
        elif inspect.ismodule(value):
            assert f"[`engagekit.{name}`]({name}.md)" in page, name
        else:
            assert f"[`{name}`][engagekit." in page, name
    for module in ("cycles", "decisions", "escalation", "plans"):
        assert (Path(__file__).parent.parent / "docs" / "reference" / f"{module}.md").exists()


#: Every package and module whose names the API reference documents.
DOCUMENTED_MODULES = [
    "engagekit",
    "engagekit.choices",
    "engagekit.cli",
    "engagekit.consultations",
    "engagekit.cycles",
    "engagekit.decisions",
    "engagekit.disclosure",
    "engagekit.duties",
    "engagekit.duties.equality",
    "engagekit.errors",
    "engagekit.escalation",
    "engagekit.evidence",
    "engagekit.examples",
    "engagekit.io",
    "engagekit.plans",
    "engagekit.plot",
    "engagekit.ratings",
    "engagekit.render",
    "engagekit.results",
    "engagekit.schema",
    "engagekit.sources",
    "engagekit.techniques",
]


def test_every_exported_name_has_a_docstring_the_reference_can_show() -> None:
    """The API reference is generated from docstrings and leaves out a name without one.
    Constants documented by a `#:` comment (read by Sphinx, not by mkdocstrings) were
    missing from it: DEFAULT_POLICY, SUPPRESS_BELOW, ICB_ERA, FORMAT_VERSION and more."""
    griffe = pytest.importorskip("griffe")
    src = Path(__file__).parent.parent / "src"
    package = griffe.load("engagekit", search_paths=[str(src)], resolve_aliases=True)
    undocumented = []
    for module_name in DOCUMENTED_MODULES:
        module = importlib.import_module(module_name)
        found = package
        for part in module_name.split(".")[1:]:
            found = found[part]
        for name in module.__all__:
            docstring = found[name].docstring
            if docstring is None or not docstring.value.strip():
                undocumented.append(f"{module_name}.{name}")
    assert undocumented == []


def test_every_public_module_is_listed_for_the_reference() -> None:
    """DOCUMENTED_MODULES above names every public package and module."""
    src = Path(__file__).parent.parent / "src"
    found = set()
    for path in (src / "engagekit").rglob("*.py"):
        parts = path.relative_to(src).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if not any(part.startswith("_") for part in parts):
            found.add(".".join(parts))
    assert sorted(found - {"engagekit.data"}) == sorted(DOCUMENTED_MODULES)
