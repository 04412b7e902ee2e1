"""The built-in frameworks in a notebook: a catalogue's records' tables, not only its
repr, and everything the Engagement Cycle's text says.

`commissioning_cycles()` and `ladders()` showed "<Catalogue with 2 commissioning
cycles>" and nothing more, though each record has an HTML table. A catalogue whose
records have HTML shows them; one whose records have none (levels) shows its repr.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engagekit import render
from engagekit.cycles import commissioning_cycles, involvement_levels, ladders
from engagekit.cycles._catalogue import ReadOnlyCatalogue


def _html(catalogue: Mapping[Any, Any]) -> str | None:
    """What a notebook calls: the built-in catalogues are typed as read-only mappings."""
    assert isinstance(catalogue, ReadOnlyCatalogue)
    return catalogue._repr_html_()


def test_commissioning_cycles_show_each_cycle_table() -> None:
    cycles = commissioning_cycles()
    shown = _html(cycles)
    assert shown == (
        '<div class="engagekit"><p>2 commissioning cycles</p>'
        + "".join(render.html(cycle) for cycle in cycles.values())
        + "</div>"
    )
    assert "<caption>NHS England commissioning cycle</caption>" in shown
    assert "<caption>Engagement Cycle commissioning segments</caption>" in shown


def test_one_ladder_is_counted_in_the_singular() -> None:
    shown = _html(ladders())
    assert shown is not None
    assert shown.startswith(
        '<div class="engagekit"><p>1 ladder</p><table class="engagekit">'
        "<caption>Arnstein&#x27;s Ladder of Citizen Participation</caption>"
    )


def test_records_without_html_leave_the_repr() -> None:
    """IPython shows the repr when ``_repr_html_`` returns None."""
    assert _html(involvement_levels()) is None
    assert repr(involvement_levels()).startswith("<Catalogue with ")


def test_the_engagement_cycle_shows_its_flows_the_other_way_in_a_notebook() -> None:
    """The text listed the four flows back round the cycle; the HTML left them out."""
    from engagekit import ENGAGEMENT_CYCLE

    shown = ENGAGEMENT_CYCLE._repr_html_()
    assert (
        "</ol><p>The flow can also run the other way:</p><ul><li>Stage 3 → stage 2: Engaging"
        " patients in the redesign of pathways can reveal potential changes to services for"
        " planning: the flow of the cycle runs anti-clockwise.</li>"
    ) in shown
    assert shown.count("<li>Stage ") == len(ENGAGEMENT_CYCLE.feeds) == 4
