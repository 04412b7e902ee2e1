"""Drawing an escalation network with matplotlib, laid out by tier (private).

matplotlib is imported inside `draw`, never at import: it is an optional
dependency (the ``plot`` extra).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit.errors import InvalidValueError


if TYPE_CHECKING:
    from engagekit.escalation._network import EscalationNetwork


def layout(network: EscalationNetwork) -> dict[str, tuple[float, float]]:
    """Positions for drawing: ``y`` is the tier's rank, ``x`` spreads each tier evenly,
    with each body placed near its primary parent.

    Examples:
        >>> from engagekit.examples import oxfordshire
        >>> pos = layout(oxfordshire())
        >>> pos["occg-governing-body"][1] > pos["oxfordshire-locality-1"][1]
        True
    """
    positions: dict[str, tuple[float, float]] = {}
    for tier, bodies in network.by_tier().items():  # from the top tier down

        def order(body: Any) -> tuple[float, str]:
            parents = network.parents(body)
            if parents and parents[0].id in positions:
                return (positions[parents[0].id][0], body.id)
            return (0.5, body.id)

        ranked = sorted(bodies, key=order)
        count = len(ranked)
        for number, body in enumerate(ranked):
            positions[body.id] = ((number + 0.5) / count, float(tier.rank))
    return positions


def draw(network: EscalationNetwork, ax: Any = None, *, labels: bool | None = None) -> Any:
    """Draw ``network`` on ``ax`` (a new figure if ``None``); return the ``Axes``.

    Solid arrows are primary routes, dashed ones other vertical links, dotted
    ones lateral "informs" links. Labels are shown for networks of up to 80
    bodies unless ``labels`` says otherwise.

    Raises:
        InvalidValueError: matplotlib is not installed (install ``engagekit[plot]``).
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise InvalidValueError(
            "draw", "matplotlib", reason="needs matplotlib: pip install 'engagekit[plot]'"
        ) from None
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 7))
    pos = layout(network)
    show_labels = len(network) <= 80 if labels is None else labels
    styles = {"primary": ("-", 1.2), "other": ("--", 0.8), "informs": (":", 0.8)}
    for link in network.links:
        x0, y0 = pos[link.source]
        x1, y1 = pos[link.target]
        if not link.kind.is_vertical:
            style = styles["informs"]
        else:
            parents = network.parents(link.source)
            style = styles["primary" if parents and parents[0].id == link.target else "other"]
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={
                "arrowstyle": "->",
                "linestyle": style[0],
                "linewidth": style[1],
                "color": "0.4",
            },
        )
    xs = [pos[b.id][0] for b in network.bodies]
    ys = [pos[b.id][1] for b in network.bodies]
    ax.scatter(xs, ys, s=40 if show_labels else 4, zorder=3)
    if show_labels:
        for body in network.bodies:
            x, y = pos[body.id]
            ax.annotate(
                body.name,
                (x, y),
                fontsize=7,
                ha="center",
                va="bottom",
                xytext=(0, 4),
                textcoords="offset points",
            )
    tiers = sorted({b.tier for b in network.bodies})
    ax.set_yticks([t.rank for t in tiers])
    ax.set_yticklabels([t.label for t in tiers])
    ax.set_xticks([])
    ax.set_title(network.name)
    return ax
