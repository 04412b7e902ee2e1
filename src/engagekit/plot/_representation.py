"""Who took part against the population (private; see `engagekit.plot.representation`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engagekit.duties.equality import RepresentationReport
from engagekit.plot._base import OUTCOME_COLOURS, figure_and_axes, non_empty, require
from engagekit.results import Outcome


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def representation(report: RepresentationReport, *, ax: Axes | None = None) -> Figure:
    """Participants' share of each category against the population's, grouped by
    protected characteristic: grey bars the population baseline, coloured bars the
    participants (orange under-represented, green not), and suppressed counts shown
    as "suppressed", never as a bar.

    Args:
        report: the representation report (see
            [`representation`][engagekit.duties.equality.representation]).
        ax: the matplotlib ``Axes`` to draw on; a new figure if ``None``.

    Returns:
        The matplotlib ``Figure`` drawn on.

    Raises:
        MissingExtraError: matplotlib is not installed (the ``plot`` extra).
        InvalidTypeError: ``report`` is not a `RepresentationReport`.
        InvalidValueError: the report has no findings.

    Examples:
        >>> from engagekit import plot
        >>> from engagekit.duties.equality import representation as compare
        >>> report = compare({"age": {"16-24": 12, "25-64": 150, "65+": 45}},
        ...                  {"age": {"16-24": 0.14, "25-64": 0.62, "65+": 0.24}})
        >>> figure = plot.representation(report)
        >>> [t.get_text() for t in figure.axes[0].get_yticklabels()]
        ['Age: 16-24', 'Age: 25-64', 'Age: 65+']
    """
    require(report, RepresentationReport, "report", "a RepresentationReport")
    findings = list(report)
    non_empty(len(findings), "report", report, "findings")
    figure, axes = figure_and_axes(ax, (9.0, 0.42 * len(findings) + 1.8), function="representation")
    positions = range(len(findings))
    axes.barh(
        [p + 0.2 for p in positions],
        # A category with no population figure ("prefer not to say") has no grey bar.
        [(f.population_share or 0.0) * 100 for f in findings],
        height=0.38,
        color="0.8",
        label="population",
    )
    for position, finding in zip(positions, findings, strict=True):
        if finding.share is None:
            axes.text(
                1,
                position - 0.2,
                "suppressed (small number)" if finding.suppressed else "no share shown",
                va="center",
                fontsize=7,
                style="italic",
            )
            continue
        colour = OUTCOME_COLOURS[finding.outcome]
        axes.barh(
            position - 0.2,
            finding.share * 100,
            height=0.38,
            color=colour,
            edgecolor="0.3",
            linewidth=0.5,
        )
        if finding.under_represented:
            axes.text(
                finding.share * 100 + 1,
                position - 0.2,
                "under-represented",
                va="center",
                fontsize=7,
            )
    from matplotlib.patches import Patch

    axes.legend(
        handles=[
            Patch(color="0.8", label="population"),
            Patch(color=OUTCOME_COLOURS[Outcome.MET], label="participants"),
            Patch(
                color=OUTCOME_COLOURS[Outcome.NOT_MET],
                label="participants, under-represented",
            ),
        ],
        loc="lower right",
        fontsize=7,
    )
    axes.set_yticks(
        list(positions),
        [f"{f.characteristic.label.capitalize()}: {f.category}" for f in findings],
        fontsize=8,
    )
    axes.invert_yaxis()
    axes.set_xlabel("share (%)")
    axes.set_xlim(0, 105)
    axes.set_title("Who took part, against the population", fontsize=10)
    return figure
