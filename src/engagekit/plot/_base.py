"""What every picture shares: the optional matplotlib import, figures, colours (private).

matplotlib is imported on the first call of a plot function, never when
`engagekit.plot` is imported, and only through its object-oriented API: no pyplot,
no global state, so pictures can be drawn from threads and in servers.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys

from typing import TYPE_CHECKING, Any

from engagekit.errors import InvalidTypeError, InvalidValueError, MissingExtraError
from engagekit.ratings import Rating
from engagekit.results import Outcome


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


#: Colours for outcomes, from good to bad; colour-blind safe (Okabe and Ito, 2008).
OUTCOME_COLOURS = {
    Outcome.MET: "#009E73",
    Outcome.PARTLY_MET: "#F0E442",
    Outcome.INSUFFICIENT_EVIDENCE: "#BBBBBB",
    Outcome.NOT_MET: "#D55E00",
    Outcome.NOT_APPLICABLE: "#FFFFFF",
}

#: Colours for an assessor's ratings, matching the outcome each reads as.
RATING_COLOURS = {
    Rating.MET: OUTCOME_COLOURS[Outcome.MET],
    Rating.PARTLY_MET: OUTCOME_COLOURS[Outcome.PARTLY_MET],
    Rating.UNKNOWN: OUTCOME_COLOURS[Outcome.INSUFFICIENT_EVIDENCE],
    Rating.NOT_MET: OUTCOME_COLOURS[Outcome.NOT_MET],
}

#: A qualitative palette (Okabe and Ito) for series with no meaning of their own.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def figure_and_axes(
    ax: Axes | None, size: tuple[float, float], *, function: str
) -> tuple[Figure, Axes]:
    """The figure to draw on: ``ax``'s, or a new constrained-layout figure of ``size``.

    Raises:
        MissingExtraError: matplotlib is not installed.
        InvalidTypeError: ``ax`` is not a matplotlib ``Axes``.
    """
    try:
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure
    except ModuleNotFoundError:
        raise MissingExtraError(
            f"engagekit.plot.{function}", package="matplotlib", extra="plot"
        ) from None
    if ax is None:
        _show_in_notebooks(Figure)
        figure = Figure(figsize=size, layout="constrained")
        return figure, figure.add_subplot()
    if not isinstance(ax, Axes):
        raise InvalidTypeError("ax", ax, expected="a matplotlib Axes, or None for a new figure")
    parent: Any = ax.get_figure(root=True)
    return parent, ax


def _show_in_notebooks(figure_type: type) -> None:
    """Let IPython show a figure as a PNG when it is a cell's last value.

    Without pyplot no matplotlib backend registers figures with IPython's display
    formatters, so a notebook would print ``<Figure size 1100x700 with 1 Axes>``.
    A PNG formatter the user or ``%matplotlib inline`` set up is kept. Outside
    IPython nothing happens, and IPython is never imported here.
    """
    ipython: Any = sys.modules.get("IPython")
    shell: Any = ipython.get_ipython() if ipython is not None else None
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", None)
    if not formatters or "image/png" not in formatters:
        return
    png = formatters["image/png"]
    try:
        png.lookup_by_type(figure_type)
    except KeyError:
        from IPython.core.pylabtools import print_figure

        png.for_type(figure_type, functools.partial(print_figure, fmt="png"))


def day_number(day: dt.date) -> float:
    """``day`` as matplotlib's date number (days since its epoch), for date axes."""
    from matplotlib import dates

    convert: Any = dates.date2num
    return float(convert(day))


def require(value: object, expected: type | tuple[type, ...], field: str, what: str) -> None:
    """Raise `InvalidTypeError` unless ``value`` is an instance of ``expected``."""
    if not isinstance(value, expected):
        raise InvalidTypeError(field, value, expected=what)


def non_empty(count: int, field: str, value: object, what: str) -> None:
    """Raise `InvalidValueError` when there is nothing to draw."""
    if count == 0:
        raise InvalidValueError(field, value, reason=f"has no {what} to draw")


def wrap(text: str, width: int) -> str:
    """``text`` wrapped to lines of at most ``width`` characters."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text
