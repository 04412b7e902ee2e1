"""The decision-making triangle (private; see `engagekit.plot.decision_triangle`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from engagekit.decisions import Column, Comparison, Criterion, Verdict
from engagekit.plot._base import OUTCOME_COLOURS, RATING_COLOURS, figure_and_axes, require, wrap
from engagekit.ratings import Rating
from engagekit.results import Outcome


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Corner positions of a unit triangle: acceptable at the top, as in Somerset's Figure 2.
_CORNERS = {
    Criterion.ACCEPTABLE: (0.5, 0.87),
    Criterion.AFFORDABLE: (0.0, 0.0),
    Criterion.SAFE_AND_EFFECTIVE: (1.0, 0.0),
}
_LABEL_OFFSET = {
    Criterion.ACCEPTABLE: (0.0, 0.11, "center", "bottom"),
    Criterion.AFFORDABLE: (0.0, -0.11, "center", "top"),
    Criterion.SAFE_AND_EFFECTIVE: (0.0, -0.11, "center", "top"),
}
_SHORT = {
    Criterion.ACCEPTABLE: "Acceptable",
    Criterion.AFFORDABLE: "Affordable",
    Criterion.SAFE_AND_EFFECTIVE: "Clinically safe\nand effective",
}


def _draw(
    axes: Axes,
    left: float,
    corners: dict[Criterion, tuple[str, str]],
    centre: tuple[str, str] | None,
    caption: str,
) -> None:
    from matplotlib.patches import Circle, Polygon

    points = [(left + x, y) for x, y in _CORNERS.values()]
    axes.add_patch(Polygon(points, closed=True, facecolor="none", edgecolor="0.5", linewidth=1.5))
    for criterion, (x, y) in _CORNERS.items():
        colour, detail = corners[criterion]
        axes.add_patch(Circle((left + x, y), 0.08, facecolor=colour, edgecolor="0.3", zorder=3))
        dx, dy, ha, va = _LABEL_OFFSET[criterion]
        axes.text(
            left + x + dx,
            y + dy,
            f"{_SHORT[criterion]}\n{detail}",
            ha=ha,
            va=va,
            fontsize=8,
            linespacing=1.2,
        )
    if centre is not None:
        colour, detail = centre
        axes.add_patch(
            Circle((left + 0.5, 0.32), 0.07, facecolor=colour, edgecolor="0.3", zorder=3)
        )
        axes.text(left + 0.5, 0.21, f"Proportionate?\n{detail}", ha="center", va="top", fontsize=7)
    axes.text(
        left + 0.5, -0.42, wrap(caption, 30), ha="center", va="top", fontsize=8, fontweight="bold"
    )


def _verdict_corners(verdict: Verdict) -> dict[Criterion, tuple[str, str]]:
    corners: dict[Criterion, tuple[str, str]] = {}
    for criterion in Criterion:
        reasons = [r for r in verdict.reasons if r.criterion is criterion]
        outcome = Outcome.worst((r.outcome for r in reasons), default=Outcome.INSUFFICIENT_EVIDENCE)
        if criterion is Criterion.ACCEPTABLE and any(r.audience for r in reasons):
            detail = "\n".join(
                f"{r.audience.value}: {r.outcome.label}" for r in reasons if r.audience is not None
            )
        else:
            detail = outcome.label if reasons else "not assessed"
        corners[criterion] = (OUTCOME_COLOURS[outcome], detail)
    return corners


def _option_corners(
    ratings: Sequence[tuple[Column, Rating]],
) -> dict[Criterion, tuple[str, str]]:
    corners: dict[Criterion, tuple[str, str]] = {}
    order = [Rating.NOT_MET, Rating.UNKNOWN, Rating.PARTLY_MET, Rating.MET]
    for criterion in Criterion:
        found = [(column, rating) for column, rating in ratings if column.criterion is criterion]
        worst = min((r for _, r in found), key=order.index) if found else Rating.UNKNOWN
        if any(column.audience is not None for column, _ in found):
            detail = "\n".join(
                f"{column.audience.value}: {rating.label}"
                for column, rating in found
                if column.audience is not None
            )
        else:
            detail = worst.label if found else "not assessed"
        corners[criterion] = (RATING_COLOURS[worst], detail)
    return corners


def decision_triangle(result: Verdict | Comparison, *, ax: Axes | None = None) -> Figure:
    """The decision-making triangle: each criterion at a corner, coloured by how it
    was judged (green met, yellow partly met, grey unknown, orange not met), with
    proportionality at the centre for a verdict.

    Given a [`Verdict`][engagekit.decisions.Verdict], one triangle (acceptability
    shows each audience's judgement); given a
    [`Comparison`][engagekit.decisions.Comparison], one triangle per option, side
    by side, each corner the worst rating of that criterion's columns.

    Args:
        result: what to draw: an evaluated decision or an options comparison.
        ax: the matplotlib ``Axes`` to draw on; a new figure if ``None``.

    Returns:
        The matplotlib ``Figure`` drawn on.

    Raises:
        MissingExtraError: matplotlib is not installed (the ``plot`` extra).
        InvalidTypeError: ``result`` is neither a verdict nor a comparison.
        InvalidValueError: a comparison with no options.

    Examples:
        >>> from engagekit import evaluate, examples, plot
        >>> figure = plot.decision_triangle(evaluate(examples.somerset_rheumatology_decision()))
        >>> len(figure.axes[0].patches)  # the triangle, three corners and the centre
        5
    """
    require(result, (Verdict, Comparison), "result", "a Verdict or a Comparison")
    if isinstance(result, Verdict):
        figure, axes = figure_and_axes(ax, (6.5, 6.0), function="decision_triangle")
        proportionality = [r for r in result.reasons if r.rule.startswith("proportionality.")]
        outcome = Outcome.worst(
            (r.outcome for r in proportionality), default=Outcome.INSUFFICIENT_EVIDENCE
        )
        centre = (OUTCOME_COLOURS[outcome], outcome.label if proportionality else "not assessed")
        _draw(axes, 0.0, _verdict_corners(result), centre, f"verdict: {result.readiness}")
        width = 1.0
        axes.set_title(wrap(result.title, 60), fontsize=10)
    else:
        from engagekit.plot._base import non_empty

        non_empty(len(result.rows), "result.rows", result.title, "options")
        figure, axes = figure_and_axes(
            ax, (max(6.5, 3.4 * len(result.rows)), 6.0), function="decision_triangle"
        )
        # The picture names the options by title, so a dominating option is named so.
        titles = {row.option: row.title for row in result.rows}
        for index, row in enumerate(result.rows):
            ratings = [
                (column, rating) for column, rating in zip(result.columns, row.ratings, strict=True)
            ]
            caption = row.title
            if row.dominated:
                by = "; ".join(titles.get(option, option) for option in row.dominated_by)
                caption += f" (dominated by: {by})"
            _draw(axes, 1.5 * index, _option_corners(ratings), None, caption)
        width = 1.5 * (len(result.rows) - 1) + 1.0
        axes.set_title(wrap(result.title, 60), fontsize=10)
    axes.set_xlim(-0.45, width + 0.45)
    axes.set_ylim(-0.75, 1.3)
    axes.set_aspect("equal")
    axes.set_axis_off()
    return figure
