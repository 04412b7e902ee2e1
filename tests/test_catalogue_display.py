"""A built-in catalogue in a notebook: its records' tables, not only its repr.

`commissioning_cycles()` and `ladders()` showed "<Catalogue with 2 commissioning
cycles>" and nothing more, though each record has an HTML table. A catalogue whose
records have HTML shows them; one whose records have none (levels) shows its repr.
"""

from __future__ import annotations

from engagekit import render
from engagekit.cycles import commissioning_cycles, involvement_levels, ladders


def test_commissioning_cycles_show_each_cycle_table() -> None:
    cycles = commissioning_cycles()
    shown = cycles._repr_html_()
    assert shown == (
        '<div class="engagekit"><p>2 commissioning cycles</p>'
        + "".join(render.html(cycle) for cycle in cycles.values())
        + "</div>"
    )
    assert "<caption>NHS England commissioning cycle</caption>" in shown
    assert "<caption>Engagement Cycle commissioning segments</caption>" in shown


def test_one_ladder_is_counted_in_the_singular() -> None:
    shown = ladders()._repr_html_()
    assert shown is not None
    assert shown.startswith(
        '<div class="engagekit"><p>1 ladder</p><table class="engagekit">'
        "<caption>Arnstein&#x27;s Ladder of Citizen Participation</caption>"
    )


def test_records_without_html_leave_the_repr() -> None:
    """IPython shows the repr when ``_repr_html_`` returns None."""
    assert involvement_levels()._repr_html_() is None
    assert repr(involvement_levels()).startswith("<Catalogue with ")
