"""Which duties bound which kinds of body when (private; see `engagekit.plot.duty_timeline`)."""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable
from typing import TYPE_CHECKING

from engagekit import _validate
from engagekit.duties import BodyType, Duty, DutyRegistry, registry
from engagekit.duties._bodies import as_body_type
from engagekit.plot._base import PALETTE, day_number, figure_and_axes, non_empty, wrap


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_START = dt.date(2001, 1, 1)


def _default_start(kinds: tuple[BodyType, ...]) -> dt.date:
    """1 January of the year before the first kind came into existence, so its start
    shows; 2001 if any kind existed before then (or always has)."""
    births = [kind.existed_from for kind in kinds]
    if any(day is None for day in births):
        return _START
    earliest = min(day for day in births if day is not None)
    return max(_START, dt.date(earliest.year - 1, 1, 1))


def duty_timeline(
    bodies: Iterable[BodyType | str] = (BodyType.PCT, BodyType.CCG, BodyType.ICB),
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    duties: DutyRegistry | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Which duties bound the given kinds of body, and when: one row per duty and kind
    of body, one bar per version in force, coloured by its legal force, with the
    days each kind of body came into and went out of existence marked (so the PCT →
    CCG change of 1 April 2013 and the CCG → ICB change of 1 July 2022 show).

    Args:
        bodies: the kinds of body (`BodyType` or their names); PCTs, CCGs and ICBs
            by default.
        start: the first day shown. By default 1 January of the year before the
            first of the kinds of body came into existence (2012 for CCGs and ICBs),
            or 1 January 2001 for a kind that existed before then.
        end: the last day shown (today by default).
        duties: the registry to draw from (the built-in one by default).
        ax: the matplotlib ``Axes`` to draw on; a new figure if ``None``.

    Returns:
        The matplotlib ``Figure`` drawn on.

    Raises:
        MissingExtraError: matplotlib is not installed (the ``plot`` extra).
        UnknownChoiceError: a kind of body engagekit does not know.
        InvalidValueError: no kinds of body, no duties binding them, or ``end`` not
            after ``start``.

    Examples:
        >>> import datetime as dt
        >>> from engagekit import plot
        >>> figure = plot.duty_timeline(["ccg", "icb"], end=dt.date(2024, 12, 31))
        >>> [t.get_text() for t in figure.axes[0].texts]
        ['CCGs begin', 'CCGs end · ICBs begin']
    """
    kinds = tuple(dict.fromkeys(as_body_type(b) for b in bodies))
    non_empty(len(kinds), "bodies", list(kinds), "kinds of body")
    first = _default_start(kinds) if start is None else _validate.as_date("start", start)
    last = dt.date.today() if end is None else _validate.as_date("end", end)  # noqa: DTZ011
    if last <= first:
        from engagekit.errors import InvalidValueError

        raise InvalidValueError("end", last.isoformat(), reason=f"must be after start ({first})")
    source = registry() if duties is None else duties
    rows: list[tuple[BodyType, str]] = []
    bars: dict[tuple[BodyType, str], list[tuple[dt.date, dt.date, str]]] = {}
    titles: dict[tuple[BodyType, str], str] = {}
    for kind in kinds:
        for duty in source.for_body(kind):
            begin = max(duty.in_force_from, first)
            finish = min(duty.in_force_to or last, last)
            if kind.existed_from is not None:
                begin = max(begin, kind.existed_from)
            if kind.existed_to is not None:
                finish = min(finish, kind.existed_to)
            if finish <= begin:
                continue
            key = (kind, duty.id)
            if key not in bars:
                rows.append(key)
                bars[key] = []
            bars[key].append((begin, finish, duty.force.label))
            titles.setdefault(key, _row_label(kind, duty))
    non_empty(len(rows), "bodies", [k.value for k in kinds], "duties in the period")
    figure, axes = figure_and_axes(ax, (12.0, 0.32 * len(rows) + 2.2), function="duty_timeline")
    labels = sorted({label for spans in bars.values() for _, _, label in spans})
    colour = {label: PALETTE[index % len(PALETTE)] for index, label in enumerate(labels)}
    for position, key in enumerate(rows):
        for begin, finish, label in bars[key]:
            axes.barh(
                position,
                day_number(finish) - day_number(begin),
                left=day_number(begin),
                height=0.6,
                color=colour[label],
                edgecolor="white",
            )
    axes.set_yticks(
        range(len(rows)),
        [wrap(titles[key], 70) for key in rows],
        fontsize=7,
    )
    axes.invert_yaxis()
    axes.xaxis_date()
    axes.set_xlim(day_number(first), day_number(last))
    changes: dict[dt.date, list[str]] = {}
    for kind in kinds:
        for day, word in ((kind.existed_from, "begin"), (kind.existed_to, "end")):
            if day is not None and first < day < last:
                changes.setdefault(day, []).append(f"{kind.abbreviation}s {word}")
    for day, words in sorted(changes.items()):
        axes.axvline(day_number(day), color="0.2", linestyle="--", linewidth=0.8)
        # Clear of the bars: the rows at the top belong to the earliest kind of body,
        # whose bars end at its "end" line (so the text goes just right of it) or
        # start at its "begin" line (so it goes just left).
        right = any(w.endswith(" end") for w in words)
        axes.annotate(
            " · ".join(words),
            (day_number(day), -0.45),
            xytext=(3 if right else -3, 0),
            textcoords="offset points",
            rotation=90,
            fontsize=7,
            ha="left" if right else "right",
            va="top",
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
        )
    from matplotlib.patches import Patch

    axes.legend(
        handles=[Patch(color=colour[label], label=label) for label in labels],
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=7,
        frameon=False,
    )
    axes.set_title(
        f"Duties binding {', '.join(k.abbreviation for k in kinds)}, {first.year} to {last.year}",
        fontsize=10,
    )
    return figure


def _row_label(kind: BodyType, duty: Duty) -> str:
    """A row's label: the kind of body, the duty and its citation, each said once.

    A title that already names the kind ("CCG: promote the NHS Constitution", "ICB
    annual report") is not prefixed again, and an instrument the title already names
    ("Have regard to Transforming Participation in Health and Care") is not repeated.
    """
    title = duty.title
    label = title if title.startswith(kind.abbreviation) else f"{kind.abbreviation}: {title}"
    citation = duty.citation.reference
    if not citation:
        instrument = duty.citation.instrument
        name = instrument.split(" (")[0].split(":")[0].strip().casefold()
        citation = "" if name in title.casefold() else instrument
    return f"{label} ({citation})" if citation else label
