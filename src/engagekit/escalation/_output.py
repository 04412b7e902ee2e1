"""Mermaid, Graphviz DOT and node-link JSON forms of an escalation network (private)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from engagekit import io
from engagekit._describe import document_kind
from engagekit._display import mermaid_label
from engagekit.errors import DocumentError, Problem
from engagekit.escalation._tiers import LinkKind


if TYPE_CHECKING:
    from engagekit.escalation._network import EscalationNetwork


def to_mermaid(network: EscalationNetwork) -> str:
    """Mermaid flowchart text: bottom to top, one subgraph per tier.

    Primary (or only) vertical links are solid arrows, other vertical links dashed,
    and lateral "informs" links dotted and labelled.

    Examples:
        >>> from engagekit.examples import somerset
        >>> print("\\n".join(somerset().to_mermaid().splitlines()[:3]))
        flowchart BT
            subgraph tier_place["Place, county or CCG"]
                n0["Somerset CCG Board"]
    """
    names = {b.id: f"n{i}" for i, b in enumerate(_ordered(network))}
    lines = ["flowchart BT"]
    for tier, bodies in network.by_tier().items():
        lines.append(f'    subgraph tier_{tier.value}["{mermaid_label(tier.label)}"]')
        for body in bodies:
            lines.append(f'        {names[body.id]}["{mermaid_label(body.name)}"]')
        lines.append("    end")
    first = _first_parents(network)
    for link in network.links:
        a, b = names[link.source], names[link.target]
        if not link.kind.is_vertical:
            lines.append(f"    {a} -. {link.kind.value} .-> {b}")
        elif first.get(link.source) == link.target:
            lines.append(f"    {a} --> {b}")
        else:
            lines.append(f"    {a} -.-> {b}")
    return "\n".join(lines)


def _ordered(network: EscalationNetwork) -> list[Any]:
    return [b for bodies in network.by_tier().values() for b in bodies]


def _first_parents(network: EscalationNetwork) -> dict[str, str]:
    """Each body's first parent (its primary link, else its first vertical link), by id.

    The same body as ``network.parents(body)[0]``, read from the index once for all
    bodies rather than building a tuple of parents per link.
    """
    index = network._index  # noqa: SLF001 - the package's own index
    first = {body: ups[0] for body, ups in index.up.items() if ups}
    first.update(index.primary)
    return first


def _dot_quote(value: object) -> str:
    """A DOT quoted string: backslashes, quotes and line breaks escaped, so a name
    cannot end its string and markup in it (``<script>``) stays text, never an HTML
    label."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def to_dot(network: EscalationNetwork) -> str:
    """Graphviz DOT text, bottom to top, with the bodies of each tier on one rank.

    Examples:
        >>> from engagekit.examples import oxfordshire
        >>> print(oxfordshire().to_dot().splitlines()[0])
        digraph "Oxfordshire CCG patient and public voice" {
    """
    lines = [f"digraph {_dot_quote(network.name)} {{", "    rankdir=BT;", "    node [shape=box];"]
    for tier, bodies in network.by_tier().items():
        lines.append(f"    subgraph {_dot_quote('tier_' + tier.value)} {{")
        lines.append("        rank=same;")
        for body in bodies:
            lines.append(
                f"        {_dot_quote(body.id)} [label={_dot_quote(body.name)}, "
                f"tooltip={_dot_quote(body.kind.label + ', ' + tier.label)}];"
            )
        lines.append("    }")
    first = _first_parents(network)
    for link in network.links:
        edge = f"    {_dot_quote(link.source)} -> {_dot_quote(link.target)}"
        styles = []
        if link.kind is LinkKind.INFORMS:
            styles = ["style=dotted", 'label="informs"', "constraint=false"]
        elif link.kind is LinkKind.REPORTS_TO:
            styles = ['label="reports to"']
        if link.kind.is_vertical and first.get(link.source) != link.target:
            styles.append("style=dashed")
        lines.append(edge + (f" [{', '.join(styles)}];" if styles else ";"))
    lines.append("}")
    return "\n".join(lines)


def to_node_link(network: EscalationNetwork) -> dict[str, Any]:
    """networkx node-link data: ``directed``, ``multigraph``, ``graph``, ``nodes``, ``links``.

    Nodes carry every `Body` field and links every `Link` field, so
    `from_node_link` rebuilds the same network; networkx reads it with
    ``networkx.node_link_graph(data, edges="links")``.

    Examples:
        >>> from engagekit.examples import sutton
        >>> data = sutton().to_node_link()
        >>> sorted(data), data["nodes"][0]["id"]
        (['directed', 'graph', 'links', 'multigraph', 'nodes'], 'sutton-governing-body')
    """
    return {
        "directed": True,
        "multigraph": False,
        "graph": {
            "name": network.name,
            "source": io.to_dict(network.source),  # None stays None
        },
        "nodes": [io.to_dict(body) for body in network.bodies],
        "links": [io.to_dict(link) for link in network.links],
    }


def _unknown(path: str, key: object, allowed: tuple[str, ...]) -> str:
    """An unknown key at its own path, with the keys allowed there."""
    plain = isinstance(key, str) and key.isidentifier()
    where = f"{path}.{key}" if plain else f"{path}[{key!r}]"
    return f"{where}: unknown field {key!r}; allowed: " + ", ".join(map(repr, allowed))


def from_node_link(data: Mapping[str, Any]) -> EscalationNetwork:
    """Rebuild a network from `to_node_link` data, strictly.

    Raises:
        DocumentError: a missing or unknown key, or a bad body or link, by key path;
            a body or link that breaks a structural rule at its place in ``nodes``
            or ``links`` (a cycle or a route that misses the top, at ``$``).
    """
    from engagekit.escalation._network import EscalationNetwork

    origin = "<node-link>"
    if not isinstance(data, Mapping):
        raise DocumentError(origin, [f"$: expected a mapping, got {type(data).__name__}"])
    problems = []
    keys = ("directed", "multigraph", "graph", "nodes", "links")
    for key in sorted(set(data) - set(keys), key=str):
        problems.append(_unknown("$", key, keys))
    if data.get("directed", True) is not True:
        problems.append("$.directed: an escalation network is directed")
    if data.get("multigraph", False) is not False:
        problems.append("$.multigraph: an escalation network is not a multigraph")
    graph = data.get("graph")
    if "graph" in data and not isinstance(graph, Mapping):
        problems.append(f"$.graph: expected a table with a name, got {document_kind(graph)}")
    elif not isinstance(graph, Mapping) or "name" not in graph:
        problems.append("$.graph.name: required field missing")
    else:
        for key in sorted(set(graph) - {"name", "source"}, key=str):
            problems.append(_unknown("$.graph", key, ("name", "source")))
    for key in ("nodes", "links"):
        if key not in data:
            problems.append(f"$.{key}: required field missing")
    if problems:
        raise DocumentError(origin, problems)
    # The checks above make data["graph"] a mapping with a name.
    document: dict[str, Any] = {
        "name": data["graph"]["name"],
        "bodies": data["nodes"],
        "links": data["links"],
    }
    if data["graph"].get("source") is not None:
        document["source"] = data["graph"]["source"]
    try:
        return io.from_dict(document, EscalationNetwork)
    except DocumentError as exc:
        fixed = [Problem(_node_link_path(p.path), p.message, p.value) for p in exc.problems]
        raise DocumentError(origin, fixed, more=exc.more) from None


#: Where a network document's keys sit in node-link data.
_NODE_LINK_KEYS = (
    ("$.bodies", "$.nodes"),
    ("$.name", "$.graph.name"),
    ("$.source", "$.graph.source"),
)


def _node_link_path(path: str) -> str:
    """A network document's key path as the same key's path in node-link data."""
    for key, moved in _NODE_LINK_KEYS:
        if path == key or path.startswith((key + ".", key + "[")):
            return moved + path[len(key) :]
    return path
