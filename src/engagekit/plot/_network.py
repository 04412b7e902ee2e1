"""An escalation network laid out by tier (private; see `engagekit.plot.escalation_network`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from engagekit.escalation import Body, EscalationNetwork, Tier
from engagekit.plot._base import PALETTE, figure_and_axes, require, wrap


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Networks of up to this many bodies are drawn whole when no tier is chosen.
DRAWN_WHOLE_UP_TO = 80


def _cut(network: EscalationNetwork, collapse_below: Tier | str | None) -> Tier | None:
    """The lowest tier drawn, or ``None`` to draw every tier."""
    if collapse_below is not None:
        return Tier.parse(collapse_below, field="collapse_below")
    if len(network) <= DRAWN_WHOLE_UP_TO:
        return None
    drawn = 0
    last: Tier | None = None
    for tier, bodies in network.by_tier().items():  # from the top down
        if drawn + len(bodies) > DRAWN_WHOLE_UP_TO and last is not None:
            return last
        drawn += len(bodies)
        last = tier
    return None


class _Across:
    """Where each drawn body sits across the picture, in inches from the left (a tidy
    tree): each body takes as much width as its label, or its children drawn below it,
    need, whichever is more, and sits over the middle of its children."""

    def __init__(self, children: dict[str | None, list[str]], needs: dict[str, float]) -> None:
        self._children = children
        self._centre: dict[str, float] = {}
        spans: dict[str, float] = {}
        for body_id in reversed(list(needs)):  # from the bottom row up: children first
            inner = sum(spans[c] for c in children.get(body_id, ()))
            spans[body_id] = max(needs[body_id], inner)
        self._spans = spans
        left = 0.0
        for root in children.get(None, ()):
            self._place(root, left)
            left += spans[root]
        self.width = max(left, 1e-9)

    def _place(self, body_id: str, left: float) -> None:
        span = self._spans[body_id]
        kids = self._children.get(body_id, ())
        start = left + (span - sum(self._spans[k] for k in kids)) / 2
        for kid in kids:
            self._place(kid, start)
            start += self._spans[kid]
        if kids:  # over the middle of its children, its first and last
            self._centre[body_id] = (self._centre[kids[0]] + self._centre[kids[-1]]) / 2
        else:
            self._centre[body_id] = left + span / 2

    def centres(self, ids: Iterable[str]) -> list[tuple[str, float]]:
        """Each of ``ids`` with its centre."""
        return [(i, self._centre[i]) for i in ids]


def _across(
    network: EscalationNetwork, shown: dict[Tier, tuple[Body, ...]], slot: dict[Tier, float]
) -> _Across:
    """Lay the drawn bodies out across: each under its first parent drawn in a row above
    (a body with none starts a tree of its own), siblings in the order of their ids."""
    rank = {body.id: tier.rank for tier, bodies in shown.items() for body in bodies}
    children: dict[str | None, list[str]] = {}
    needs: dict[str, float] = {}
    for tier, bodies in shown.items():  # from the top tier down
        for body in sorted(bodies, key=lambda b: b.id):
            parent = next(
                (p.id for p in network.parents(body.id) if rank.get(p.id, -1) > tier.rank),
                None,
            )
            children.setdefault(parent, []).append(body.id)
            needs[body.id] = slot[tier]
    return _Across(children, needs)


def escalation_network(
    network: EscalationNetwork,
    *,
    collapse_below: Tier | str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """An escalation network laid out by tier, top tier at the top, each body under
    its primary parent: solid lines are primary routes, dashed ones other upward
    links, dotted ones lateral "informs" links.

    A large network is summarised: the bodies below ``collapse_below`` are not drawn
    but counted, by kind, under the body of that tier they report to. With no tier
    chosen, a network of up to 80 bodies is drawn whole, and a larger one down to
    the lowest tier that keeps the picture within 80 bodies (the national network:
    down to the 42 ICBs, each with its counts).

    Args:
        network: the network to draw.
        collapse_below: the lowest tier to draw (a `Tier` or its name).
        ax: the matplotlib ``Axes`` to draw on; a new figure if ``None``.

    Returns:
        The matplotlib ``Figure`` drawn on.

    Raises:
        MissingExtraError: matplotlib is not installed (the ``plot`` extra).
        InvalidTypeError: ``network`` is not an `EscalationNetwork`.
        UnknownChoiceError: ``collapse_below`` is not a tier.

    Examples:
        >>> from engagekit import examples, plot
        >>> figure = plot.escalation_network(examples.sutton(), collapse_below="locality")
        >>> [t.get_text() for t in figure.axes[0].get_yticklabels()]
        ['Place, county or CCG', 'Federation or locality']
    """
    require(network, EscalationNetwork, "network", "an EscalationNetwork")
    cut = _cut(network, collapse_below)
    tiers = network.by_tier()
    shown = {t: bodies for t, bodies in tiers.items() if cut is None or t.rank >= cut.rank}
    if cut is not None and cut not in shown:
        shown = {t: b for t, b in tiers.items() if t.rank >= cut.rank}
    counts: dict[str, Counter[str]] = {}
    if cut is not None:
        below = network.ancestors(cut)
        for body in network.bodies:
            if body.tier.rank < cut.rank and body.id in below:
                counts.setdefault(below[body.id], Counter())[body.kind.label] += 1
    labels: dict[str, tuple[str, bool]] = {}
    depth: dict[Tier, float] = {}  # how far each row's labels reach below it, in inches
    slot: dict[Tier, float] = {}  # the width each body of a row needs, in inches
    for tier, bodies in shown.items():
        crowded = len(bodies) > 10
        reach = 0.0
        longest = 0
        for body in bodies:
            counted = [
                f"{kind}: {n:,}" for kind, n in counts.get(body.id, Counter()).most_common(3)
            ]
            if crowded:
                text = " · ".join([body.name, *counted])
                reach = max(reach, 0.048 * len(text))
            else:
                text = "\n".join([wrap(body.name, 18), *counted])
                reach = max(reach, 0.14 * (text.count("\n") + 1))
                longest = max(longest, *(len(line) for line in text.split("\n")))
            labels[body.id] = (text, crowded)
        depth[tier] = reach + 0.15
        # A rotated label needs a line's height and a gap; a level one about 0.075 inch
        # a character at 7 points (capitals are wide), and a gap.
        slot[tier] = 0.25 if crowded else 0.075 * longest + 0.2
    # Rows are placed in inches, so that each row's labels fit above the next row.
    row: dict[Tier, float] = {}
    y = 0.0
    for tier in shown:
        row[tier] = y
        y -= max(depth[tier] + 0.45, 1.1)
    bottom = y + max(depth[tier] + 0.45, 1.1) - depth[tier] - 0.1
    height = -bottom + 0.5
    across = _across(network, shown, slot)
    # The tier names on the left and the legend on the right take about 4.5 inches.
    width = max(8.0, min(across.width + 4.5, 30.0))
    figure, axes = figure_and_axes(ax, (width, height + 0.9), function="escalation_network")
    positions = {
        body_id: (x / across.width, row[tier])
        for tier, bodies in shown.items()
        for body_id, x in across.centres(b.id for b in bodies)
    }
    styles = {"primary": ("-", 1.2), "other": ("--", 0.7), "informs": (":", 0.7)}
    for link in network.links:
        if link.source not in positions or link.target not in positions:
            continue
        if not link.kind.is_vertical:
            style = styles["informs"]
        else:
            parents = network.parents(link.source)
            primary = bool(parents) and parents[0].id == link.target
            style = styles["primary" if primary else "other"]
        (x0, y0), (x1, y1) = positions[link.source], positions[link.target]
        axes.plot(
            [x0, x1], [y0, y1], linestyle=style[0], linewidth=style[1], color="0.55", zorder=1
        )
    kinds = sorted({network.body(i).kind for i in positions}, key=lambda k: k.value)
    colour = {kind: PALETTE[index % len(PALETTE)] for index, kind in enumerate(kinds)}
    for kind in kinds:
        ids = [i for i in positions if network.body(i).kind is kind]
        axes.scatter(
            [positions[i][0] for i in ids],
            [positions[i][1] for i in ids],
            s=36,
            color=colour[kind],
            label=kind.label,
            zorder=3,
            edgecolors="white",
        )
    for body_id, (text, crowded) in labels.items():
        options: dict[str, Any]
        if crowded:
            options = {"fontsize": 6, "rotation": 90, "ha": "center", "va": "top"}
        else:
            options = {"fontsize": 7, "ha": "center", "va": "top"}
        axes.annotate(
            text,
            positions[body_id],
            xytext=(0, -6),
            textcoords="offset points",
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 0.5},
            **options,
        )
    axes.set_yticks(list(row.values()), [t.label for t in row])
    axes.set_ylim(bottom, 0.4)
    axes.set_xlim(-0.02, 1.02)
    axes.set_xticks([])
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    title = wrap(network.name, 90)
    if cut is not None:
        title += f"\nbodies below the tier '{cut.label}' are counted, not drawn"
    axes.set_title(title, fontsize=10)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    return figure
