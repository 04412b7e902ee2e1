"""Mermaid and DOT labels escape markup: a body's name is text in every diagram."""

from __future__ import annotations

import re

import attrs

from engagekit import render
from engagekit.cycles import commissioning_cycles
from engagekit.escalation import Body, BodyKind, EscalationNetwork, Link, LinkKind, Tier


HOSTILE = 'Forum <script>alert("x")</script> & #quot; `md` \\N\nnext line'


def _network() -> EscalationNetwork:
    forum = Body(id="forum", name=HOSTILE, kind=BodyKind.HEALTH_FORUM, tier=Tier.LOCALITY)
    board = Body(id="board", name="Board", kind=BodyKind.GOVERNING_BODY, tier=Tier.PLACE)
    return EscalationNetwork(
        name='Test "net" <b>',
        bodies=[forum, board],
        links=[Link(source="forum", target="board", kind=LinkKind.ESCALATES_TO)],
    )


def test_mermaid_labels_show_markup_as_text():
    """No '<', '>', '&', backtick or raw quote survives inside a label, and the
    name stays on its node's line."""
    text = render.mermaid(_network())
    line = next(line for line in text.splitlines() if "Forum" in line)
    label = re.fullmatch(r'\s+n\d+\["(.*)"\]', line)
    assert label is not None
    assert label.group(1) == (
        "Forum #lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt; #amp; "
        "#35;quot; #96;md#96; \\N next line"
    )
    assert "<script>" not in text


def test_dot_labels_stay_inside_their_quoted_string():
    """The DOT label is one quoted string: quotes, backslashes and line breaks escaped,
    so markup in it is never an HTML-like label."""
    text = _network().to_dot()
    line = next(line for line in text.splitlines() if '"forum" [label=' in line)
    assert line.strip() == (
        '"forum" [label="Forum <script>alert(\\"x\\")</script> & #quot; `md` \\\\N\\nnext line", '
        'tooltip="Health forum, Federation or locality"];'
    )
    assert text.splitlines()[0] == 'digraph "Test \\"net\\" <b>" {'
    assert "label=<" not in text


def test_commissioning_cycle_labels_are_escaped():
    """The same escaping applies to every Mermaid renderer, e.g. a commissioning cycle's."""
    cycle = commissioning_cycles()["nhs-england"]
    first = attrs.evolve(cycle.stages[0], name="<img src=x>")
    renamed = attrs.evolve(cycle, stages=(first, *cycle.stages[1:]))
    assert '["#lt;img src=x#gt;"]' in render.mermaid(renamed)
