"""Text, HTML and Mermaid renderings of the frameworks."""

from __future__ import annotations

import pytest

from engagekit import ENGAGEMENT_CYCLE, EngagementStage, commissioning_cycles, render, techniques
from engagekit.cycles import ladders
from engagekit.errors import InvalidTypeError


def test_mermaid_cycle_has_clockwise_and_feed_edges():
    """Five clockwise edges and a dotted edge for each anti-clockwise feed."""
    text = render.mermaid(ENGAGEMENT_CYCLE)
    assert "    s5 --> s1" in text
    assert "    s3 -.-> s2" in text
    assert text.count("-.->") == len(ENGAGEMENT_CYCLE.feeds)


def test_html_reprs_for_notebooks():
    """Framework types display as HTML tables in notebooks, escaped."""
    page = ENGAGEMENT_CYCLE._repr_html_()
    assert page.startswith('<div class="engagekit"><table')
    assert "Working with patients and carers to monitor services and share learning" in page
    assert "&amp;" in commissioning_cycles()["engagement-cycle"]._repr_html_()
    assert "<table" in techniques.catalogue()["world-cafe"]._repr_html_()
    assert "Citizen control" in ladders()["arnstein"]._repr_html_()
    assert "68 techniques" in techniques.catalogue()._repr_html_()


def test_text_cycle_lists_sources():
    """The text rendering ends with the source (wrapped to a second line)."""
    text = render.text(ENGAGEMENT_CYCLE)
    assert text.splitlines()[-2].startswith("Source: NHS Sutton Clinical Commissioning Group")
    assert text.endswith("Appendix Two: Introduction to the engagement cycle")
    assert "Stage 3: Working with patients and carers" in text


def test_markdown_cycle():
    """The Markdown rendering is a table of the five stages."""
    text = render.markdown(ENGAGEMENT_CYCLE)
    assert "| 4 | Working with patients and the public to procure and contract services |" in text


def test_commissioning_mermaid_wraps():
    """The commissioning cycle closes the loop."""
    assert "c4 --> c1" in render.mermaid(commissioning_cycles()["nhs-england"])


@pytest.mark.parametrize("func", [render.text, render.html, render.markdown, render.mermaid])
def test_unrenderable_value(func):
    """Rendering something engagekit does not know is an InvalidTypeError (a TypeError)."""
    expected = "a cycle or a network" if func is render.mermaid else "a value engagekit can"
    with pytest.raises(
        InvalidTypeError, match=rf"^render\.{func.__name__}: got int 42; expected {expected}"
    ):
        func(42)


def test_stage_text():
    """A stage renders with its benefits and headings."""
    text = render.text(ENGAGEMENT_CYCLE[EngagementStage.PLAN_AND_TRANSFORM])
    assert "If this stage is done well:" in text
    assert "Support patient leaders" in text


def test_shares_show_as_percentages_and_stay_fractions_in_records():
    """The Oxfordshire tutorial's support question: 13 of 24 said yes."""
    from engagekit import examples

    support = examples.oxfordshire_synthetic_responses().all_results()["support"]
    assert render.text(support).splitlines()[1].split() == ["Yes", "13", "54.2%"]
    assert "| Yes | 13 | 54.2% |" in render.markdown(support)
    assert ">54.2%</td>" in render.html(support)
    assert support.to_records()[0] == {"value": "Yes", "count": 13, "share": 0.542}
