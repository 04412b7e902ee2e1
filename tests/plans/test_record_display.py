"""How an engagement record looks in a notebook, a terminal and Markdown.

An `EngagementRecord` showed only its one-line repr in a notebook, and `render.text`,
``html`` and ``markdown`` refused it. It now shows its body, its plan and loop in a few
words, and tables of its meetings, evidence, consultations and participants.
"""

from __future__ import annotations

import datetime as dt

from engagekit import examples, render
from engagekit.consultations import Consultation
from engagekit.evidence import Evidence
from engagekit.plans import (
    Channel,
    EngagementRecord,
    FeedbackItem,
    FeedbackLoop,
    Meeting,
    ReachCount,
)


#: The inline style of every HTML table cell.
CELL = ' style="text-align:left;vertical-align:top"'


def _example_ccg() -> EngagementRecord:
    """A year with a loop, a public and a private meeting, a linked survey, two
    consultations (one with its responses and loop, one bare) and counts by age."""
    loop = FeedbackLoop(
        items=[
            FeedbackItem(
                id="f1",
                date=dt.date(2018, 5, 3),
                channel=Channel.PUBLIC_MEETING,
                text="Evening appointments wanted",
                theme="access",
            )
        ]
    )
    return EngagementRecord(
        body="NHS Example CCG",
        body_type="ccg",
        loop=loop,
        meetings=[
            Meeting(
                id="gb-1",
                date=dt.date(2018, 5, 24),
                body="governing-body",
                title="Governing Body in public",
                attendance=1200,
            ),
            Meeting(
                id="gb-2",
                date=dt.date(2018, 7, 26),
                body="governing-body",
                title="Governing Body",
                public=False,
            ),
        ],
        evidence=[
            Evidence(
                id="survey",
                kind="survey",
                what="Survey on access <2018>",
                date=dt.date(2018, 9, 3),
                link="https://example.org/survey.pdf",
                limbs=["planning", "proposals"],
            )
        ],
        consultations=[examples.oxfordshire_synthetic_loop(), Consultation()],
        participants=[
            ReachCount(characteristic="age", group="16-64", count=310),
            ReachCount(characteristic="age", group="65+", count=1188),
        ],
    )


def test_the_repr_is_unchanged() -> None:
    assert repr(examples.somerset_engagement_record()) == (
        "<EngagementRecord 'NHS Somerset and Somerset CCG' with 0 meetings, 2 evidence items "
        "and 1 consultation>"
    )


def test_text_summarises_the_plan_and_fits_100_columns() -> None:
    """Somerset's 2011/12 record: its plan by title and counts, not printed whole."""
    record = examples.somerset_engagement_record()
    shown = render.text(record)
    assert str(record) == shown
    assert shown.splitlines() == [
        "Engagement record: NHS Somerset and Somerset CCG",
        "================================================",
        "Body: NHS Somerset and Somerset CCG",
        "Body type: not stated (the commissioner of the day)",
        "Year: 2011/12",
        "Plan: Draft Patient and Public Engagement Action Plan v8 (28 objectives, 29 actions)",
        "Feedback loop: none",
        "Meetings: 0",
        "Evidence items: 2",
        "Consultations: 1",
        "Participant counts: 0",
        (
            "Source: NHS Somerset and Somerset Clinical Commissioning Group, Strategy for Patient"
            " and Public"
        ),
        (
            "    Engagement for NHS Somerset and the Somerset Clinical Commissioning Group, 2012"
            " onwards (2012)"
        ),
        "Evidence (2):",
        (
            "  - jsna-2011-supported-housing (engagement activity, 2011-10-31): For the 2011 JSNA"
            " for Somerset's"
        ),
        (
            "      'housing' theme, the Somerset LINk sought the views of the third-sector"
            " organisations running"
        ),
        (
            "      Supported Housing services across Somerset: 12 Supported Housing Providers, who"
            " support 2,450"
        ),
        "      people a year. NHS Somerset published the results in the JSNA.",
        "      limbs: (a) planning",
        (
            "  - strategy-event-2011-12-05 (event, 2011-12-05): The 'Dec 5th event': the draft"
            " engagement"
        ),
        (
            "      strategy, amended and circulated with the calling notice, was adopted at the"
            " event (and by the"
        ),
        "      PCT) and submitted to the Board.",
        "      limbs: (a) planning",
        "Consultations (1):",
        "  - somerset-ppi-strategy-2011: Consultation process on the PPI Strategy and Action Plan",
        "      dates: not recorded; recorded as the consultation",
    ]
    assert max(len(line) for line in shown.splitlines()) <= 100


def test_text_lists_meetings_consultations_and_participants() -> None:
    assert render.text(_example_ccg()).splitlines() == [
        "Engagement record: NHS Example CCG",
        "==================================",
        "Body: NHS Example CCG",
        "Body type: clinical commissioning group",
        "Plan: none",
        "Feedback loop: 1 item, 0 responses, 0 outcomes",
        "Meetings: 2",
        "Evidence items: 1",
        "Consultations: 2",
        "Participant counts: 2",
        "Meetings (2):",
        "  - gb-1: 2018-05-24 Governing Body in public (governing-body), 1200 attended",
        "  - gb-2: 2018-07-26 Governing Body (governing-body), in private",
        "Evidence (1):",
        (
            "  - survey (survey, 2018-09-03): Survey on access <2018>"
            " <https://example.org/survey.pdf>"
        ),
        "      limbs: (a) planning, (b) proposals",
        "Consultations (2):",
        "  - occg-strategy-2015: Patient and Public Engagement Strategy 2015-2019 (consultation draft)",
        '      dates: not recorded; recorded as 24 responses and their "You said, we did" loop',
        "  - untitled",
        "      dates: not recorded; recorded as the consultation",
        "Participants (2 counts):",
        "  - age, 16-64: 310",
        "  - age, 65+: 1,188",
    ]


def test_markdown_tables_of_facts_evidence_and_consultations() -> None:
    lines = render.markdown(examples.somerset_engagement_record()).splitlines()
    assert lines[:8] == [
        "## Engagement record: NHS Somerset and Somerset CCG",
        "",
        "| Aspect | Detail |",
        "|---|---|",
        "| Body | NHS Somerset and Somerset CCG |",
        "| Body type | not stated (the commissioner of the day) |",
        "| Year | 2011/12 |",
        "| Plan | Draft Patient and Public Engagement Action Plan v8 (28 objectives, 29 actions) |",
    ]
    assert lines[15:19] == [
        "### Evidence",
        "",
        "| Id | Kind | What | Date | Limbs |",
        "|---|---|---|---|---|",
    ]
    assert lines[-5:] == [
        "### Consultations",
        "",
        "| Id | Consultation | Dates | Recorded as |",
        "|---|---|---|---|",
        (
            "| somerset-ppi-strategy-2011 | Consultation process on the PPI Strategy and Action "
            "Plan | not recorded | the consultation |"
        ),
    ]


def test_markdown_of_meetings_and_participants_escapes_markup_and_keeps_links() -> None:
    parts = render.markdown(_example_ccg()).split("### ")
    assert [part.split("\n", 1)[0] for part in parts[1:]] == [
        "Meetings",
        "Evidence",
        "Consultations",
        "Participants",
    ]
    assert parts[1] == (
        "Meetings\n\n"
        "| Id | Date | Body | Title | Public | Attendance |\n"
        "|---|---|---|---|---|---|\n"
        "| gb-1 | 2018-05-24 | governing-body | Governing Body in public | yes | 1,200 |\n"
        "| gb-2 | 2018-07-26 | governing-body | Governing Body | no | not recorded |\n\n"
    )
    assert (
        "| survey | survey | Survey on access &lt;2018&gt; <https://example.org/survey.pdf> "
        "| 2018-09-03 | (a) planning, (b) proposals |"
    ) in parts[2]
    assert "| — | untitled | not recorded | the consultation |" in parts[3]
    assert parts[4] == (
        "Participants\n\n"
        "| Characteristic | Group | Participants |\n"
        "|---|---|---|\n"
        "| age | 16-64 | 310 |\n"
        "| age | 65+ | 1,188 |"
    )


def test_notebooks_show_the_html_tables() -> None:
    record = examples.somerset_engagement_record()
    shown = record._repr_html_()
    assert shown == render.html(record)
    assert shown.startswith(
        '<div class="engagekit"><table class="engagekit">'
        "<caption>Engagement record: NHS Somerset and Somerset CCG</caption>"
    )
    assert shown.endswith("</table></div>")
    assert (
        f'<tr><th scope="row"{CELL}>Plan</th><td{CELL}>Draft Patient and Public Engagement '
        "Action Plan v8 (28 objectives, 29 actions)</td></tr>"
    ) in shown
    captions = ("Meetings", "Evidence", "Consultations", "Participants")
    assert [c for c in captions if f"<caption>{c}</caption>" in shown] == [
        "Evidence",
        "Consultations",
    ]
    assert (
        f"<tr><td{CELL}>somerset-ppi-strategy-2011</td><td{CELL}>Consultation process on the "
        f"PPI Strategy and Action Plan</td><td{CELL}>not recorded</td>"
        f"<td{CELL}>the consultation</td></tr>"
    ) in shown


def test_html_links_the_evidence_and_counts_participants() -> None:
    shown = render.html(_example_ccg())
    url = "https://example.org/survey.pdf"
    assert (
        f'<td{CELL}>Survey on access &lt;2018&gt; &lt;<a href="{url}">{url}</a>&gt;</td>'
    ) in shown
    assert f"<tr><td{CELL}>age</td><td{CELL}>65+</td><td{CELL}>1,188</td></tr>" in shown
    assert "<caption>Meetings</caption>" in shown
