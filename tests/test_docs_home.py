"""The documentation pages: what the home page links, and lists that render as lists."""

from __future__ import annotations

import json
import re

from pathlib import Path

import pytest


ROOT = Path(__file__).parent.parent


def test_home_page_links_every_concept_guide_the_cli_and_the_reference() -> None:
    """It listed six of nine how-to guides, nine of eleven concepts, no command line page,
    and named the API reference without a link."""
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([^)#]+\.md)\)", home))
    docs = ROOT / "docs"
    pages = {
        p.relative_to(docs).as_posix()
        for folder in ("concepts", "how-to")
        for p in (docs / folder).glob("*.md")
    }
    wanted = pages | {"cli.md", "getting-started.md", "reference/engagekit.md"}
    assert sorted(wanted - linked) == []
    assert sorted(p for p in linked if not (docs / p).is_file()) == []


def test_no_list_item_is_swallowed_into_a_paragraph() -> None:
    """Python-Markdown ends a list item at content indented less than four spaces, and
    a bullet right after a paragraph joins it: the command line page printed four of its
    contract's points as one paragraph with literal '- ' in it."""
    markdown = pytest.importorskip("markdown")
    pytest.importorskip("pymdownx")
    swallowed = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        html = markdown.markdown(
            page.read_text(encoding="utf-8"),
            extensions=["admonition", "tables", "pymdownx.superfences"],
        )
        for paragraph in re.findall(r"<p>(.*?)</p>", html, re.DOTALL):
            if re.search(r"\n- \S", paragraph):
                swallowed.append(page.relative_to(ROOT).as_posix())
    assert swallowed == []


def test_performance_page_shows_code_as_written() -> None:
    """The page is generated from benchmarks/results.json, and showed the baseline
    `Counter(map(d.__getitem__, items))` as "Counter(map(d.getitem, items))" with
    "getitem" in bold."""
    markdown = pytest.importorskip("markdown")
    from benchmarks._docs import render

    results = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert page == render(results)
    html = markdown.markdown(page, extensions=["tables"])
    assert "Counter(map(d.__getitem__, items))" in html
    # Only the intro's term and a target missed ("**no**") are emphasised.
    assert set(re.findall(r"<(?:strong|em)>(.*?)</", html)) <= {"growth exponent", "no"}
