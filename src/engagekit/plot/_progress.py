"""An action plan's progress over time (private; see `engagekit.plot.plan_progress`)."""

from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from engagekit import _validate
from engagekit.errors import InvalidValueError
from engagekit.plans import ActionPlan
from engagekit.plot._base import PALETTE, day_number, figure_and_axes, require, wrap


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _span(plan: ActionPlan) -> tuple[dt.date, dt.date] | None:
    days = [a.due for a in plan.all_actions() if a.due is not None]
    days += [u.date for a in plan.all_actions() for u in a.updates]
    if not days:
        return None
    return min(days) - relativedelta(months=3), max(days) + relativedelta(months=3)


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    day, found = first.replace(day=1), []
    while day <= last:
        found.append(day)
        day += relativedelta(months=1)
    return found or [first]


def plan_progress(
    plan: ActionPlan,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """An action plan's progress month by month: the plan's weighted progress as a
    bold line, each top-level objective's as a thin one, and the number of actions
    overdue as grey bars on the right-hand scale.

    Args:
        plan: the action plan.
        start: the first month shown; by default three months before the earliest
            target or update.
        end: the last month shown; by default three months after the latest.
        ax: the matplotlib ``Axes`` to draw on; a new figure if ``None``.

    Returns:
        The matplotlib ``Figure`` drawn on.

    Raises:
        MissingExtraError: matplotlib is not installed (the ``plot`` extra).
        InvalidTypeError: ``plan`` is not an `ActionPlan`.
        InvalidValueError: the plan has no dated targets or updates and no
            ``start`` and ``end`` are given, or ``end`` is before ``start``.

    Examples:
        >>> from engagekit import examples, plot
        >>> figure = plot.plan_progress(examples.somerset_action_plan())
        >>> figure.axes[0].get_ylabel()
        'progress (%)'
    """
    require(plan, ActionPlan, "plan", "an ActionPlan")
    span = _span(plan)
    if (start is None or end is None) and span is None:
        raise InvalidValueError(
            "plan", plan.title, reason="has no dated targets or updates: give start and end"
        )
    default_first, default_last = span if span is not None else (None, None)
    first = _validate.as_date("start", start if start is not None else default_first)
    last = _validate.as_date("end", end if end is not None else default_last)
    if last < first:
        raise InvalidValueError("end", last.isoformat(), reason=f"is before start ({first})")
    months = _months(first, last)
    xs = [day_number(m) for m in months]
    figure, axes = figure_and_axes(ax, (10.0, 5.5), function="plan_progress")
    from matplotlib import ticker

    overdue = axes.twinx()
    overdue.bar(
        xs,
        [len(plan.overdue(m)) for m in months],
        width=20,
        color="0.85",
        label="actions overdue",
    )
    overdue.set_ylabel("actions overdue")
    # A count of actions: whole numbers from 0, even when none is overdue (matplotlib
    # would centre an empty scale on 0, from -0.04 to 0.04).
    overdue.set_ylim(bottom=0, top=max(1.0, overdue.get_ylim()[1]))
    overdue.yaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    axes.set_zorder(overdue.get_zorder() + 1)
    axes.patch.set_visible(False)
    for index, objective in enumerate(plan.objectives):
        values = [objective.progress(m) for m in months]
        axes.plot(
            xs,
            [float("nan") if v is None else v for v in values],
            linewidth=1,
            color=PALETTE[index % len(PALETTE)],
            label=wrap(f"{objective.id}. {objective.title}", 40),
        )
    overall = [plan.progress(m) for m in months]
    axes.plot(
        xs,
        [float("nan") if v is None else v for v in overall],
        linewidth=3,
        color="black",
        label="whole plan",
    )
    axes.set_ylim(-2, 102)
    axes.xaxis_date()
    axes.set_ylabel("progress (%)")
    axes.set_title(wrap(plan.title, 80), fontsize=10)
    handles, labels = axes.get_legend_handles_labels()
    more, more_labels = overdue.get_legend_handles_labels()
    axes.legend(
        handles + more,
        labels + more_labels,
        loc="upper left",
        bbox_to_anchor=(1.08, 1.0),
        fontsize=7,
        frameon=False,
    )
    return figure
