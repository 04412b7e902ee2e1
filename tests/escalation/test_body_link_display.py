"""How a body and a link look in a list, a notebook, a terminal and Markdown.

Both printed every attrs field (a body its source in full), so a list of parents or
a route read as a wall of text; a body now has a one-line repr and a fact sheet, a
link a one-line repr showing all it holds.
"""

from __future__ import annotations

from engagekit import examples, render
from engagekit.escalation import Body, Link


CELL = ' style="text-align:left;vertical-align:top"'


def test_a_list_of_bodies_reads_as_one_line_each() -> None:
    net = examples.sutton()
    assert repr(net.parents("sutton-practice-07-ppg")) == (
        "(<Body 'sutton-prg' 'Sutton CCG Patient Reference Group'"
        " (patient-reference-group, place tier)>,)"
    )
    assert [repr(b) for b in net.route("sutton-practice-07-ppg")] == [
        (
            "<Body 'sutton-prg' 'Sutton CCG Patient Reference Group'"
            " (patient-reference-group, place tier)>"
        ),
        "<Body 'sutton-eesg' 'Equality and Engagement Steering Group' (committee, place tier)>",
        "<Body 'sutton-governing-body' 'Sutton CCG Governing Body' (governing-body, place tier)>",
    ]


def test_a_placeholder_name_is_marked() -> None:
    """A body the source counts but does not name shows its name is engagekit's label."""
    practice = examples.sutton().body("sutton-practice-07")
    assert repr(practice) == (
        "<Body 'sutton-practice-07' 'Sutton practice 07' (practice, practice tier, placeholder name)>"
    )
    named = Body(
        id="sutton-practice-07", name="Sutton practice 07", kind="practice", tier="practice"
    )
    assert named != practice
    assert (
        repr(named) == "<Body 'sutton-practice-07' 'Sutton practice 07' (practice, practice tier)>"
    )


def test_links_show_every_field() -> None:
    assert repr(examples.sutton().links[:3]) == (
        "(<Link 'sutton-prg' reports-to 'sutton-eesg'>,"
        " <Link 'sutton-eesg' reports-to 'sutton-governing-body'>,"
        " <Link 'healthwatch-sutton' informs 'sutton-prg'>)"
    )
    assert repr(Link(source="ppg-a", target="forum", primary=True, representatives=1)) == (
        "<Link 'ppg-a' escalates-to 'forum' (primary, 1 representative)>"
    )
    assert repr(Link(source="ppg-a", target="forum", representatives=0)) == (
        "<Link 'ppg-a' escalates-to 'forum' (0 representatives)>"
    )


def test_str_is_still_the_name_and_the_fact_sheet_is_rendered() -> None:
    prg = examples.sutton().body("sutton-prg")
    assert str(prg) == "Sutton CCG Patient Reference Group"
    assert render.text(prg).splitlines() == [
        "Sutton CCG Patient Reference Group",
        "==================================",
        "Id: sutton-prg",
        "Kind: Patient reference group",
        "Tier: Place, county or CCG",
        "Seats: 75",
        "Membership: up to 3 members per practice, elected by its PPG; led by an elected chair and 2 vice",
        "    chairs; meets bi-monthly",
        "Meetings a year: 6",
        "Source: NHS Sutton Clinical Commissioning Group, Patient and Public Engagement Strategy (2018),",
        "    3.4.3 Patient Groups",
    ]
    assert render.markdown(examples.sutton().body("sutton-practice-07")).splitlines() == [
        "## Sutton practice 07",
        "",
        "| Aspect | Detail |",
        "|---|---|",
        "| Id | sutton-practice-07 |",
        "| Kind | Practice |",
        "| Tier | Practice |",
        "| Name | a placeholder: the source counts this body but does not name it |",
        (
            "| Source | NHS Sutton Clinical Commissioning Group, Patient and Public Engagement"
            " Strategy (2018), 3.4.3 Patient Groups |"
        ),
    ]


def test_a_notebook_shows_the_fact_sheet_with_markup_as_text() -> None:
    prg = examples.sutton().body("sutton-prg")
    shown = prg._repr_html_()
    assert shown == render.html(prg)
    assert shown.startswith(
        '<div class="engagekit"><table class="engagekit">'
        "<caption>Sutton CCG Patient Reference Group</caption>"
    )
    assert f'<tr><th scope="row"{CELL}>Seats</th><td{CELL}>75</td></tr>' in shown
    hostile = Body(
        id="x",
        name="<script>alert(1)</script>",
        kind="committee",
        tier="place",
        membership="a & b <b>",
    )
    html = hostile._repr_html_()
    assert "<script>" not in html
    assert "<b>" not in html
    assert "<caption>&lt;script&gt;alert(1)&lt;/script&gt;</caption>" in html
    assert f"<td{CELL}>a &amp; b &lt;b&gt;</td>" in html


def test_long_ids_are_shown_in_full() -> None:
    """Two bodies or links whose ids differ only past the 60th character print apart."""
    long_id = "a" * 70
    body = Body(id=long_id, name="Forum", kind="health forum", tier="locality")
    assert repr(body) == f"<Body {long_id!r} 'Forum' (health-forum, locality tier)>"
    assert repr(Link(source=long_id, target=long_id + "b")) == (
        f"<Link {long_id!r} escalates-to {long_id + 'b'!r}>"
    )
