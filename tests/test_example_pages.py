"""Each example organisation's docs page shows the diagram the library renders for it."""

from __future__ import annotations

import re

from collections.abc import Callable
from pathlib import Path

import pytest

from engagekit import examples
from engagekit.escalation import EscalationNetwork


ROOT = Path(__file__).parent.parent
PAGES: dict[str, Callable[[], EscalationNetwork]] = {
    "somerset": lambda: examples.somerset(practices_per_federation=1),
    "sutton": examples.sutton,
    "oxfordshire": lambda: examples.oxfordshire(practices_per_locality=1),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_diagram_is_the_librarys(name):
    page = (ROOT / "docs" / "examples" / f"{name}.md").read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", page, re.DOTALL)
    assert block is not None
    # The networks are wider than the page: shrunk to fit, no label could be read, so
    # each is drawn at its own size and scrolls sideways (docs/stylesheets/extra.css).
    directive, _, diagram = block.group(1).partition("\n")
    assert directive == '%%{init: {"flowchart": {"useMaxWidth": false}}}%%'
    assert diagram.strip() == PAGES[name]().to_mermaid()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_states_its_extras_and_cites_its_seeds(name):
    page = (ROOT / "docs" / "examples" / f"{name}.md").read_text(encoding="utf-8")
    assert '!!! note "Extras"' in page
    assert re.search(r"seed `00[0-4]`|`00[0-4]`", page)
