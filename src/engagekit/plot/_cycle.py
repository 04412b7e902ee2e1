"""The Engagement Cycle as a wheel (private; see `engagekit.plot.engagement_cycle`)."""

from __future__ import annotations

import math

from typing import TYPE_CHECKING

from engagekit.cycles import ENGAGEMENT_CYCLE, CommissioningCycle, EngagementCycle
from engagekit.plot._base import PALETTE, figure_and_axes, require, wrap


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_HUB, _INNER, _OUTER = 0.42, 0.74, 1.0


def _angle(position: float, count: int) -> float:
    """Degrees (matplotlib's, anticlockwise from east) of ``position`` of ``count``
    slots going clockwise from twelve o'clock."""
    return 90.0 - 360.0 * position / count


def engagement_cycle(
    cycle: EngagementCycle = ENGAGEMENT_CYCLE,
    commissioning: CommissioningCycle | None = None,
    *,
    ax: Axes | None = None,
) -> Figure:
    """The Engagement Cycle as a wheel: its five stages clockwise from the top, the
    commissioning cycle they serve as the outer ring, and the strategy, culture and
    systems at the hub with its ten key elements (numbered at the hub and listed
    beside the wheel).

    Args:
        cycle: the engagement cycle (the built-in one by default).
        commissioning: the commissioning cycle for the outer ring; by default the
            Engagement Cycle's own commissioning segments.
        ax: the matplotlib ``Axes`` to draw on; a new figure if ``None``.

    Returns:
        The matplotlib ``Figure`` drawn on.

    Raises:
        MissingExtraError: matplotlib is not installed (the ``plot`` extra).
        InvalidTypeError: an argument of the wrong type.

    Examples:
        >>> from engagekit import plot
        >>> figure = plot.engagement_cycle()
        >>> figure.axes[0].get_title()
        'The Engagement Cycle (outer ring: Engagement Cycle commissioning segments)'
        >>> len(figure.axes[0].patches)  # five stages, four segments and the hub
        10
    """
    require(cycle, EngagementCycle, "cycle", "an EngagementCycle")
    if commissioning is None:
        from engagekit.cycles import commissioning_cycles

        commissioning = commissioning_cycles()["engagement-cycle"]
    require(commissioning, CommissioningCycle, "commissioning", "a CommissioningCycle")
    figure, axes = figure_and_axes(ax, (11.0, 7.0), function="engagement_cycle")
    from matplotlib.patches import Circle, Wedge

    stages = list(cycle)
    count = len(stages)
    slot = {details.stage: index for index, details in enumerate(stages)}
    for index, details in enumerate(stages):
        start, end = _angle(index + 1, count), _angle(index, count)
        axes.add_patch(
            Wedge(
                (0, 0),
                _INNER,
                start,
                end,
                width=_INNER - _HUB,
                facecolor=PALETTE[index % 5],
                alpha=0.35,
                edgecolor="white",
                linewidth=2,
            )
        )
        middle = math.radians(_angle(index + 0.5, count))
        radius = (_HUB + _INNER) / 2
        axes.text(
            radius * math.cos(middle),
            radius * math.sin(middle),
            wrap(f"{details.stage.number}. {details.stage.label}", 12),
            ha="center",
            va="center",
            fontsize=9,
            fontweight="bold",
        )
    for segment in commissioning:
        served = [slot[s] for s in segment.engagement_stages if s in slot]
        if not served:
            continue
        first, last = min(served), max(served)
        start, end = _angle(last + 1, count), _angle(first, count)
        axes.add_patch(
            Wedge(
                (0, 0),
                _OUTER,
                start,
                end,
                width=_OUTER - _INNER,
                facecolor="0.88",
                edgecolor="white",
                linewidth=2,
            )
        )
        middle = math.radians(_angle((first + last + 1) / 2, count))
        radius = (_INNER + _OUTER) / 2
        axes.text(
            radius * math.cos(middle),
            radius * math.sin(middle),
            wrap(segment.name, 9),
            ha="center",
            va="center",
            fontsize=8,
        )
    axes.add_patch(Circle((0, 0), _HUB, facecolor="#FFF8E7", edgecolor="0.6"))
    axes.text(
        0,
        0.06,
        wrap(str(cycle.centre), 18),
        ha="center",
        va="center",
        fontsize=8,
        fontweight="bold",
    )
    elements = cycle.elements
    for position, element in enumerate(elements):
        angle = math.radians(_angle(position, len(elements)))
        axes.text(
            0.33 * math.cos(angle),
            0.33 * math.sin(angle),
            str(element.number),
            ha="center",
            va="center",
            fontsize=7,
            bbox={"boxstyle": "circle,pad=0.2", "facecolor": "white", "edgecolor": "0.6"},
        )
    listing = "\n".join(wrap(f"{e.number}. {e.title}", 44) for e in elements)
    axes.text(
        1.12,
        0.0,
        f"Key elements at the hub\n\n{listing}",
        ha="left",
        va="center",
        fontsize=8,
        linespacing=1.3,
    )
    axes.set_xlim(-1.05, 2.25)
    axes.set_ylim(-1.05, 1.05)
    axes.set_aspect("equal")
    axes.set_axis_off()
    axes.set_title(f"{cycle.name} (outer ring: {commissioning.name})", fontsize=11)
    return figure
