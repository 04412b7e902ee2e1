"""Exact DOT, Mermaid and node-link output and node-link refusals, read whole.

The diagrams are pinned line for line on a built-in network, and the refusals of
`EscalationNetwork.from_node_link` as the full message with every problem's path and value.
"""

from __future__ import annotations

import pytest

from engagekit import Body, EscalationNetwork, Link, io
from engagekit.errors import DocumentError, Problem
from engagekit.examples import oxfordshire, somerset, sutton


OXFORDSHIRE_DOT = """\
digraph "Oxfordshire CCG patient and public voice" {
    rankdir=BT;
    node [shape=box];
    subgraph "tier_place" {
        rank=same;
        "healthwatch-oxfordshire" [label="Healthwatch Oxfordshire", tooltip="Healthwatch / LINk, Place, county or CCG"];
        "occg-governing-body" [label="OCCG Governing Body", tooltip="Governing body or board, Place, county or CCG"];
        "oxfordshire-hwb" [label="Oxfordshire Health and Wellbeing Board", tooltip="Health and wellbeing board, Place, county or CCG"];
    }
    subgraph "tier_locality" {
        rank=same;
        "oxfordshire-locality-1" [label="Oxfordshire locality 1", tooltip="Locality, Federation or locality"];
        "oxfordshire-locality-1-plf" [label="Public Locality Forum, Oxfordshire locality 1", tooltip="Public locality forum, Federation or locality"];
        "oxfordshire-locality-2" [label="Oxfordshire locality 2", tooltip="Locality, Federation or locality"];
        "oxfordshire-locality-2-plf" [label="Public Locality Forum, Oxfordshire locality 2", tooltip="Public locality forum, Federation or locality"];
        "oxfordshire-locality-3" [label="Oxfordshire locality 3", tooltip="Locality, Federation or locality"];
        "oxfordshire-locality-3-plf" [label="Public Locality Forum, Oxfordshire locality 3", tooltip="Public locality forum, Federation or locality"];
        "oxfordshire-locality-4" [label="Oxfordshire locality 4", tooltip="Locality, Federation or locality"];
        "oxfordshire-locality-4-plf" [label="Public Locality Forum, Oxfordshire locality 4", tooltip="Public locality forum, Federation or locality"];
        "oxfordshire-locality-5" [label="Oxfordshire locality 5", tooltip="Locality, Federation or locality"];
        "oxfordshire-locality-5-plf" [label="Public Locality Forum, Oxfordshire locality 5", tooltip="Public locality forum, Federation or locality"];
        "oxfordshire-locality-6" [label="Oxfordshire locality 6", tooltip="Locality, Federation or locality"];
        "oxfordshire-locality-6-plf" [label="Public Locality Forum, Oxfordshire locality 6", tooltip="Public locality forum, Federation or locality"];
    }
    subgraph "tier_practice" {
        rank=same;
        "oxfordshire-practice-01" [label="Oxfordshire practice 01", tooltip="Practice, Practice"];
        "oxfordshire-practice-01-ppg" [label="Oxfordshire practice 01 Patient Participation Group", tooltip="Patient participation group, Practice"];
        "oxfordshire-practice-02" [label="Oxfordshire practice 02", tooltip="Practice, Practice"];
        "oxfordshire-practice-02-ppg" [label="Oxfordshire practice 02 Patient Participation Group", tooltip="Patient participation group, Practice"];
        "oxfordshire-practice-03" [label="Oxfordshire practice 03", tooltip="Practice, Practice"];
        "oxfordshire-practice-03-ppg" [label="Oxfordshire practice 03 Patient Participation Group", tooltip="Patient participation group, Practice"];
        "oxfordshire-practice-04" [label="Oxfordshire practice 04", tooltip="Practice, Practice"];
        "oxfordshire-practice-04-ppg" [label="Oxfordshire practice 04 Patient Participation Group", tooltip="Patient participation group, Practice"];
        "oxfordshire-practice-05" [label="Oxfordshire practice 05", tooltip="Practice, Practice"];
        "oxfordshire-practice-05-ppg" [label="Oxfordshire practice 05 Patient Participation Group", tooltip="Patient participation group, Practice"];
        "oxfordshire-practice-06" [label="Oxfordshire practice 06", tooltip="Practice, Practice"];
        "oxfordshire-practice-06-ppg" [label="Oxfordshire practice 06 Patient Participation Group", tooltip="Patient participation group, Practice"];
    }
    "healthwatch-oxfordshire" -> "occg-governing-body" [style=dotted, label="informs", constraint=false];
    "occg-governing-body" -> "oxfordshire-hwb" [style=dotted, label="informs", constraint=false];
    "oxfordshire-locality-1" -> "occg-governing-body" [label="reports to"];
    "oxfordshire-locality-1-plf" -> "oxfordshire-locality-1";
    "oxfordshire-locality-1-plf" -> "occg-governing-body" [style=dashed];
    "oxfordshire-practice-01" -> "oxfordshire-locality-1";
    "oxfordshire-practice-01" -> "oxfordshire-practice-01-ppg" [style=dotted, label="informs", constraint=false];
    "oxfordshire-practice-01-ppg" -> "oxfordshire-locality-1-plf";
    "oxfordshire-locality-2" -> "occg-governing-body" [label="reports to"];
    "oxfordshire-locality-2-plf" -> "oxfordshire-locality-2";
    "oxfordshire-locality-2-plf" -> "occg-governing-body" [style=dashed];
    "oxfordshire-practice-02" -> "oxfordshire-locality-2";
    "oxfordshire-practice-02" -> "oxfordshire-practice-02-ppg" [style=dotted, label="informs", constraint=false];
    "oxfordshire-practice-02-ppg" -> "oxfordshire-locality-2-plf";
    "oxfordshire-locality-3" -> "occg-governing-body" [label="reports to"];
    "oxfordshire-locality-3-plf" -> "oxfordshire-locality-3";
    "oxfordshire-locality-3-plf" -> "occg-governing-body" [style=dashed];
    "oxfordshire-practice-03" -> "oxfordshire-locality-3";
    "oxfordshire-practice-03" -> "oxfordshire-practice-03-ppg" [style=dotted, label="informs", constraint=false];
    "oxfordshire-practice-03-ppg" -> "oxfordshire-locality-3-plf";
    "oxfordshire-locality-4" -> "occg-governing-body" [label="reports to"];
    "oxfordshire-locality-4-plf" -> "oxfordshire-locality-4";
    "oxfordshire-locality-4-plf" -> "occg-governing-body" [style=dashed];
    "oxfordshire-practice-04" -> "oxfordshire-locality-4";
    "oxfordshire-practice-04" -> "oxfordshire-practice-04-ppg" [style=dotted, label="informs", constraint=false];
    "oxfordshire-practice-04-ppg" -> "oxfordshire-locality-4-plf";
    "oxfordshire-locality-5" -> "occg-governing-body" [label="reports to"];
    "oxfordshire-locality-5-plf" -> "oxfordshire-locality-5";
    "oxfordshire-locality-5-plf" -> "occg-governing-body" [style=dashed];
    "oxfordshire-practice-05" -> "oxfordshire-locality-5";
    "oxfordshire-practice-05" -> "oxfordshire-practice-05-ppg" [style=dotted, label="informs", constraint=false];
    "oxfordshire-practice-05-ppg" -> "oxfordshire-locality-5-plf";
    "oxfordshire-locality-6" -> "occg-governing-body" [label="reports to"];
    "oxfordshire-locality-6-plf" -> "oxfordshire-locality-6";
    "oxfordshire-locality-6-plf" -> "occg-governing-body" [style=dashed];
    "oxfordshire-practice-06" -> "oxfordshire-locality-6";
    "oxfordshire-practice-06" -> "oxfordshire-practice-06-ppg" [style=dotted, label="informs", constraint=false];
    "oxfordshire-practice-06-ppg" -> "oxfordshire-locality-6-plf";
}
"""

OXFORDSHIRE_MERMAID = """\
flowchart BT
    subgraph tier_place["Place, county or CCG"]
        n0["Healthwatch Oxfordshire"]
        n1["OCCG Governing Body"]
        n2["Oxfordshire Health and Wellbeing Board"]
    end
    subgraph tier_locality["Federation or locality"]
        n3["Oxfordshire locality 1"]
        n4["Public Locality Forum, Oxfordshire locality 1"]
        n5["Oxfordshire locality 2"]
        n6["Public Locality Forum, Oxfordshire locality 2"]
        n7["Oxfordshire locality 3"]
        n8["Public Locality Forum, Oxfordshire locality 3"]
        n9["Oxfordshire locality 4"]
        n10["Public Locality Forum, Oxfordshire locality 4"]
        n11["Oxfordshire locality 5"]
        n12["Public Locality Forum, Oxfordshire locality 5"]
        n13["Oxfordshire locality 6"]
        n14["Public Locality Forum, Oxfordshire locality 6"]
    end
    subgraph tier_practice["Practice"]
        n15["Oxfordshire practice 01"]
        n16["Oxfordshire practice 01 Patient Participation Group"]
        n17["Oxfordshire practice 02"]
        n18["Oxfordshire practice 02 Patient Participation Group"]
        n19["Oxfordshire practice 03"]
        n20["Oxfordshire practice 03 Patient Participation Group"]
        n21["Oxfordshire practice 04"]
        n22["Oxfordshire practice 04 Patient Participation Group"]
        n23["Oxfordshire practice 05"]
        n24["Oxfordshire practice 05 Patient Participation Group"]
        n25["Oxfordshire practice 06"]
        n26["Oxfordshire practice 06 Patient Participation Group"]
    end
    n0 -. informs .-> n1
    n1 -. informs .-> n2
    n3 --> n1
    n4 --> n3
    n4 -.-> n1
    n15 --> n3
    n15 -. informs .-> n16
    n16 --> n4
    n5 --> n1
    n6 --> n5
    n6 -.-> n1
    n17 --> n5
    n17 -. informs .-> n18
    n18 --> n6
    n7 --> n1
    n8 --> n7
    n8 -.-> n1
    n19 --> n7
    n19 -. informs .-> n20
    n20 --> n8
    n9 --> n1
    n10 --> n9
    n10 -.-> n1
    n21 --> n9
    n21 -. informs .-> n22
    n22 --> n10
    n11 --> n1
    n12 --> n11
    n12 -.-> n1
    n23 --> n11
    n23 -. informs .-> n24
    n24 --> n12
    n13 --> n1
    n14 --> n13
    n14 -.-> n1
    n25 --> n13
    n25 -. informs .-> n26
    n26 --> n14
"""


def _awkward() -> EscalationNetwork:
    """Names with quotes, a backslash and every kind of line break, and a secondary
    "reports to" link (none of the built-in networks has one)."""
    return EscalationNetwork(
        name='Dr "Q" \\ network',
        bodies=[
            Body(id="board", name="Board", kind="governing-body", tier="place"),
            Body(id="loc", name="North\r\nlocality\nA\rB", kind="locality", tier="locality"),
            Body(id="p1", name='Dr "Q" \\ Partners', kind="practice", tier="practice"),
        ],
        links=[
            Link(source="loc", target="board"),
            Link(source="p1", target="loc", primary=True),
            Link(source="p1", target="board", kind="reports-to"),
        ],
    )


def test_dot_of_oxfordshire_line_for_line() -> None:
    """Header, one rank per tier with each body's label and tooltip, then every link:
    plain, "reports to", dashed secondary and dotted "informs"."""
    assert oxfordshire(practices_per_locality=1).to_dot() == OXFORDSHIRE_DOT.rstrip("\n")


def test_mermaid_of_oxfordshire_line_for_line() -> None:
    """Solid primary arrows, dashed secondary ones and labelled dotted "informs" links."""
    assert oxfordshire(practices_per_locality=1).to_mermaid() == OXFORDSHIRE_MERMAID.rstrip("\n")


def test_dot_of_sutton_and_somerset_begins_and_ends_as_pinned() -> None:
    """The other two built-in networks: their header, first tier and last link."""
    text = sutton().to_dot().splitlines()
    assert text[:6] == [
        'digraph "Sutton CCG patient voice" {',
        "    rankdir=BT;",
        "    node [shape=box];",
        '    subgraph "tier_place" {',
        "        rank=same;",
        (
            '        "healthwatch-sutton" [label="Healthwatch Sutton", '
            'tooltip="Healthwatch / LINk, Place, county or CCG"];'
        ),
    ]
    assert '    "sutton-prg" -> "sutton-eesg" [label="reports to"];' in text
    assert text[-1] == "}"
    lines = somerset().to_dot().splitlines()
    assert lines[0] == 'digraph "Somerset CCG patient voice (draft structure)" {'
    assert len(lines) == 146


def test_dot_escapes_quotes_backslashes_and_line_breaks() -> None:
    """A name cannot end its quoted string: quotes and backslashes are escaped and
    CR LF, LF and CR each become one \\n; a secondary "reports to" link is dashed too."""
    assert _awkward().to_dot().splitlines() == [
        'digraph "Dr \\"Q\\" \\\\ network" {',
        "    rankdir=BT;",
        "    node [shape=box];",
        '    subgraph "tier_place" {',
        "        rank=same;",
        '        "board" [label="Board", tooltip="Governing body or board, Place, county or CCG"];',
        "    }",
        '    subgraph "tier_locality" {',
        "        rank=same;",
        '        "loc" [label="North\\nlocality\\nA\\nB", tooltip="Locality, Federation or locality"];',
        "    }",
        '    subgraph "tier_practice" {',
        "        rank=same;",
        '        "p1" [label="Dr \\"Q\\" \\\\ Partners", tooltip="Practice, Practice"];',
        "    }",
        '    "loc" -> "board";',
        '    "p1" -> "loc";',
        '    "p1" -> "board" [label="reports to", style=dashed];',
        "}",
    ]


def test_node_link_of_a_network_without_a_source() -> None:
    """No source: the graph's source is null, not a mapping of nulls."""
    data = _awkward().to_node_link()
    assert data["directed"] is True
    assert data["multigraph"] is False
    assert data["graph"] == {"name": 'Dr "Q" \\ network', "source": None}
    assert [node["id"] for node in data["nodes"]] == ["board", "loc", "p1"]
    assert data["links"][2] == {
        "source": "p1",
        "target": "board",
        "kind": "reports-to",
        "primary": False,
        "representatives": None,
    }
    assert EscalationNetwork.from_node_link(data) == _awkward()


def test_node_link_keeps_the_source() -> None:
    """Sutton's source is in the graph's data and read back."""
    data = sutton().to_node_link()
    assert data["graph"]["source"] == io.to_dict(sutton().source)
    assert data["graph"]["source"]["title"] == "Patient and Public Engagement Strategy"
    assert EscalationNetwork.from_node_link(data).source == sutton().source


def _refusal(data: object) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        EscalationNetwork.from_node_link(data)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize("data", [[1, 2], "nodes"])
def test_node_link_that_is_not_a_mapping(data: object) -> None:
    """Refused whole, naming the type found."""
    err = _refusal(data)
    assert str(err) == f"<node-link>: 1 problem\n  $: expected a mapping, got {type(data).__name__}"
    assert err.origin == "<node-link>"


def test_node_link_with_nothing_in_it() -> None:
    """Every required key is named, in order."""
    err = _refusal({})
    assert str(err) == (
        "<node-link>: 3 problems\n"
        "  $.graph.name: required field missing\n"
        "  $.nodes: required field missing\n"
        "  $.links: required field missing"
    )


def test_node_link_with_unknown_keys_and_the_wrong_graph_kind() -> None:
    """Unknown keys sorted, undirected and multigraph data refused, unknown graph keys."""
    data = {
        "directed": False,
        "multigraph": True,
        "graph": {"name": "n", "x": 1, "a": 2},
        "nodes": [],
        "links": [],
        "zz": 1,
        "aa": 2,
    }
    err = _refusal(data)
    keys = "allowed: 'directed', 'multigraph', 'graph', 'nodes', 'links'"
    assert str(err) == (
        "<node-link>: 6 problems\n"
        f"  $.aa: unknown field 'aa'; {keys}\n"
        f"  $.zz: unknown field 'zz'; {keys}\n"
        "  $.directed: an escalation network is directed\n"
        "  $.multigraph: an escalation network is not a multigraph\n"
        "  $.graph.a: unknown field 'a'; allowed: 'name', 'source'\n"
        "  $.graph.x: unknown field 'x'; allowed: 'name', 'source'"
    )
    assert err.origin == "<node-link>"


def test_node_link_directed_and_multigraph_must_be_the_booleans() -> None:
    """1 and 0 are not True and False here; a graph that is not a mapping is named
    as what it is, not as a missing name."""
    err = _refusal({"directed": 1, "multigraph": 0, "graph": [], "nodes": [], "links": []})
    assert str(err) == (
        "<node-link>: 3 problems\n"
        "  $.directed: an escalation network is directed\n"
        "  $.multigraph: an escalation network is not a multigraph\n"
        "  $.graph: expected a table with a name, got a list"
    )
    err = _refusal({"graph": None, "nodes": [], "links": []})
    assert str(err) == "<node-link>: 1 problem\n  $.graph: expected a table with a name, got null"


def test_node_link_needs_only_a_name_nodes_and_links() -> None:
    """directed and multigraph default to what a network is; no source is no source."""
    net = EscalationNetwork.from_node_link({"graph": {"name": "n"}, "nodes": [], "links": []})
    assert net == EscalationNetwork(name="n", bodies=[], links=[])
    assert net.source is None
    data = sutton().to_node_link()
    data["graph"]["source"] = None
    assert EscalationNetwork.from_node_link(data).source is None


def test_node_link_problems_are_named_by_their_node_link_path() -> None:
    """The network's name, bodies and source are under graph and nodes in node-link data;
    each problem keeps the value found."""
    data = sutton().to_node_link()
    data["graph"]["name"] = 7
    data["nodes"][3]["seats"] = -1
    data["links"][2]["kind"] = "x"
    err = _refusal(data)
    assert str(err) == (
        "<node-link>: 3 problems\n"
        "  $.graph.name: got int 7; expected text\n"
        "  $.nodes[3].seats: Body.seats: -1 is not allowed: must be at least 0\n"
        "  $.links[2].kind: LinkKind: 'x' is not allowed; allowed: 'escalates-to', "
        "'reports-to', 'informs'"
    )
    assert [(p.path, p.value) for p in err.problems] == [
        ("$.graph.name", 7),
        ("$.nodes[3].seats", -1),
        ("$.links[2].kind", "x"),
    ]
    assert err.origin == "<node-link>"


def test_node_link_source_problems_are_under_graph() -> None:
    """A bad source is at $.graph.source, where it is in the data (it read $.source)."""
    data = sutton().to_node_link()
    data["graph"]["source"] = {"title": 5}
    err = _refusal(data)
    assert err.problems == (
        Problem("$.graph.source.title", "got int 5; expected text", 5),
        Problem("$.graph.source.publisher", "required field missing"),
    )


def test_node_link_problems_past_fifty_are_counted() -> None:
    """Two bad fields on each of Sutton's 58 bodies: 50 kept, the rest counted."""
    data = sutton().to_node_link()
    for node in data["nodes"]:
        node["kind"] = "nope"
        node["tier"] = "nope"
    err = _refusal(data)
    assert len(err.problems) == 50
    assert err.more == 1
    assert str(err).startswith("<node-link>: 51 problems\n  $.nodes[0].kind: BodyKind: 'nope'")
    assert str(err).endswith("\n  … and 1 more")
    assert err.problems[1] == Problem(
        "$.nodes[0].tier",
        "Tier: 'nope' is not allowed; allowed: 'individual', 'practice', 'neighbourhood', "
        "'locality', 'place', 'system', 'region', 'national'",
        "nope",
    )


def test_node_link_breaking_a_structural_rule_is_a_document_error() -> None:
    """A link to a body not in the data, and a link given twice: the document is
    refused at the link that breaks the rule, naming its ends."""
    data = sutton().to_node_link()
    data["links"][0]["target"] = "nobody"
    assert str(_refusal(data)) == (
        "<node-link>: 1 problem\n"
        "  $.links[0]: link names an unknown body 'nobody': sutton-prg -> nobody"
    )
    data = sutton().to_node_link()
    data["links"].append(dict(data["links"][0]))
    assert str(_refusal(data)) == (
        "<node-link>: 1 problem\n"
        "  $.links[82]: vertical link given twice (two bodies share at most one): "
        "sutton-prg -> sutton-eesg"
    )


def test_node_link_graph_with_a_source_and_an_unknown_key() -> None:
    """Only the unknown key is named; the source is a field of the graph."""
    data = sutton().to_node_link()
    data["graph"]["layout"] = "dot"
    assert str(_refusal(data)) == (
        "<node-link>: 1 problem\n"
        "  $.graph.layout: unknown field 'layout'; allowed: 'name', 'source'"
    )
    data = sutton().to_node_link()
    data[3] = "three"  # type: ignore[index]
    assert str(_refusal(data)) == (
        "<node-link>: 1 problem\n"
        "  $[3]: unknown field 3; allowed: 'directed', 'multigraph', 'graph', 'nodes', 'links'"
    )
