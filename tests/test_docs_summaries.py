"""The API reference's summary tables show whole sentences, and each return value once.

The tables show a docstring's first line; docs_extensions/summaries.py (which mkdocs.yml
loads) joins the first paragraph onto that line. A Google "Returns:" section reads each
line at the item's indent as another value, so a description's second line must be
indented further.
"""

from __future__ import annotations

import importlib.util

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


ROOT = Path(__file__).parent.parent
griffe = pytest.importorskip("griffe")


def extension() -> Any:
    """The docs' griffe extension module, loaded from its file as mkdocs loads it."""
    path = ROOT / "docs_extensions" / "summaries.py"
    spec = importlib.util.spec_from_file_location("docs_summaries", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def objects(obj: Any) -> Iterator[Any]:
    """Every object defined in engagekit's source, once (aliases left out)."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from objects(member)


@pytest.fixture(scope="module")
def package() -> Any:
    return griffe.load(
        "engagekit",
        search_paths=[str(ROOT / "src")],
        extensions=griffe.load_extensions(extension().OneLineSummaries),
        docstring_parser="google",
    )


def test_a_wrapped_first_paragraph_is_joined_and_a_list_is_kept() -> None:
    unwrap = extension().unwrap_summary
    text = "One column of a table: a criterion, and an\naudience.\n\nMore text\nhere."
    assert (
        unwrap(text) == "One column of a table: a criterion, and an audience.\n\nMore text\nhere."
    )
    assert unwrap("Kinds:\n- one\n- two\n\nMore.") == "Kinds:\n- one\n- two\n\nMore."
    assert unwrap("One line.\n\nTwo\nlines.") == "One line.\n\nTwo\nlines."


def test_every_summary_line_is_the_whole_first_paragraph(package: Any) -> None:
    """The table read "One column of a Comparison: a criterion, and an" (and 75 more)."""
    cut = [
        obj.path
        for obj in objects(package)
        if obj.docstring is not None
        and obj.docstring.value.split("\n", 1)[0] != obj.docstring.value.split("\n\n", 1)[0]
        and not obj.is_module
    ]
    assert cut == []


def test_every_returns_section_describes_one_value(package: Any) -> None:
    """check_consultation's reference listed "[Result] whose bool is its ok" as a
    second return value, and duties.involvement_duty "day (before 1 January 2003, when s11 ...)"."""
    split = [
        obj.path
        for obj in objects(package)
        if obj.is_function and obj.docstring is not None
        for section in obj.docstring.parsed
        if section.kind.value == "returns" and len(section.value) > 1
    ]
    assert split == []
