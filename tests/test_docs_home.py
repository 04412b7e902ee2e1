"""The documentation's home page links every guide a reader can find in the navigation."""

from __future__ import annotations

import re

from pathlib import Path


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
