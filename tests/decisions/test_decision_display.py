"""How a decision looks in a notebook, a terminal and Markdown.

A `Decision` showed only its one-line repr in a notebook, and `render.text`, ``html``
and ``markdown`` refused it. It now shows its facts and impact, its assessments, its
options, its service-change tests and its evidence.
"""

from __future__ import annotations

import datetime as dt

from engagekit import examples, render
from engagekit.decisions import (
    Assessment,
    Consultation,
    Decision,
    Evidence,
    Impact,
    Option,
    TestAssessment,
)


#: The inline style of every HTML table cell.
CELL = ' style="text-align:left;vertical-align:top"'
#: A date's cell keeps the date on one line.
DAY = ' style="text-align:left;vertical-align:top;white-space:nowrap"'


def _ward_closure() -> Decision:
    """A temporary ward closure with a known saving, a linked survey, an option, the
    bed-closure test and a consultation: every part a decision can show."""
    return Decision(
        title="Close ward 4 <east>",
        body="Governing Body",
        on=dt.date(2018, 3, 1),
        impact=Impact(
            kind="reduction",
            people_affected=12000,
            permanent=False,
            cost=-250000,
            delivery_changes=False,
            protected_groups=["older people"],
            bed_closures=True,
        ),
        evidence=[
            Evidence(
                id="survey",
                kind="survey",
                date=dt.date(2018, 1, 5),
                what="Survey of 400 patients",
                link="https://example.org/survey.pdf",
                limbs=["proposals", "decisions"],
            )
        ],
        assessments=[Assessment(criterion="affordable", rating="met", evidence=["survey"])],
        options=[
            Option(
                id="close",
                title="Close the ward",
                summary="beds move to ward 2",
                assessments=[Assessment(criterion="affordable", rating="met")],
            )
        ],
        tests=[
            TestAssessment(
                test="bed closures",
                rating="met",
                conditions=["alternative provision"],
                evidence=["survey"],
            )
        ],
        consultation=Consultation(
            title="Ward 4", start=dt.date(2017, 10, 2), end=dt.date(2017, 12, 22)
        ),
    )


def test_the_repr_is_unchanged() -> None:
    assert repr(examples.somerset_rheumatology_decision()) == (
        "<Decision 'Rheumatology pathway: see possible inflammatory arthritis within six weeks'"
        " on 2010-12-31 with 4 evidence, 5 assessments and 0 options>"
    )


def test_text_fits_a_terminal_100_columns_wide() -> None:
    """Somerset's rheumatology pathway: its facts, assessments and evidence."""
    decision = examples.somerset_rheumatology_decision()
    shown = render.text(decision)
    assert str(decision) == shown
    assert shown.splitlines() == [
        "Rheumatology pathway: see possible inflammatory arthritis within six weeks (2010-12-31)",
        "=======================================================================================",
        "Decision maker: NHS Somerset Flexible Healthcare programme",
        (
            "Summary: Extend specialist rheumatology across the county, including Mendip and"
            " Minehead, in seven"
        ),
        (
            "    localities, with a pathway that sees patients with possible inflammatory arthritis"
            " within six"
        ),
        "    weeks.",
        "Change: new service",
        "People affected: not known",
        "Permanent: yes",
        "Access affected: location",
        "Protected groups affected: none recorded",
        "Significant bed closures: no",
        "Change in annual cost: not known",
        "Changes how services are delivered or their range: yes (inferred from the change)",
        "Highest participation in the evidence: Collaborate",
        "Assessments (5):",
        "  - acceptable (patients): met; evidence: fhc-minutes, ra-society-views",
        "      the lay members set the priorities with the clinical team",
        "  - acceptable (staff): met; evidence: fhc-minutes",
        "      clinical leads and GP representatives designed the pathway",
        "  - acceptable (public): partly met; evidence: ra-society-views",
        "      the case study records patients' views, not the wider public's",
        "  - affordable: unknown",
        "      the case study does not report costs",
        "  - safe and effective: met; evidence: nice-guidance",
        "      six-week standard for possible inflammatory arthritis",
        "Evidence (4):",
        (
            "  - fhc-minutes (minutes, 2010-12-31): Minutes of the Flexible Healthcare rheumatology"
            " clinical"
        ),
        (
            "      team: two lay members with rheumatoid arthritis on the team with the clinical"
            " leads and GP"
        ),
        "      representatives, shaping priorities.",
        (
            "  - ra-society-views (engagement activity, 2010-12-31): Views of other patients with"
            " a similar"
        ),
        (
            "      condition in Somerset, gathered through the local branch of the Rheumatoid"
            " Arthritis Society."
        ),
        (
            "  - nice-guidance (clinical evidence, 2010-12-31): NICE guidelines and good practice:"
            " early"
        ),
        (
            "      diagnosis and treatment of acute inflammatory arthritis prevents deterioration"
            " and reduces the"
        ),
        "      risk of major surgery.",
        (
            "  - impact-assessment (impact assessment, 2010-12-31): The programme's impact"
            " assessment, which"
        ),
        "      records the lay membership.",
    ]
    assert max(len(line) for line in shown.splitlines()) <= 100


def test_text_shows_cost_options_tests_consultation_links_and_limbs() -> None:
    assert render.text(_ward_closure()).splitlines() == [
        "Close ward 4 <east> (2018-03-01)",
        "================================",
        "Decision maker: Governing Body",
        "Change: reduction",
        "People affected: 12,000",
        "Permanent: no",
        "Access affected: none",
        "Protected groups affected: older people",
        "Significant bed closures: yes",
        "Change in annual cost: £250,000 a year saved",
        "Changes how services are delivered or their range: no",
        "Highest participation in the evidence: none",
        "Consultation: Ward 4, 2017-10-02 to 2017-12-22",
        "Assessments (1):",
        "  - affordable: met; evidence: survey",
        "Options (1):",
        "  - close: Close the ward",
        "      beds move to ward 2",
        "    - affordable: met",
        "Service-change tests (1):",
        "  - Bed-closure test: met; evidence: survey",
        "      conditions: Sufficient alternative provision",
        "Evidence (1):",
        "  - survey (survey, 2018-01-05): Survey of 400 patients <https://example.org/survey.pdf>",
        "      limbs: (b) proposals, (c) decisions",
    ]


def test_a_cost_is_a_saving_an_increase_or_none() -> None:
    def cost_line(cost: float) -> str:
        decision = Decision(
            title="Clinic",
            body="Board",
            on=dt.date(2020, 1, 1),
            impact=Impact(kind="variation", cost=cost),
        )
        return next(
            line for line in render.text(decision).splitlines() if line.startswith("Change in")
        )

    assert cost_line(1500.4) == "Change in annual cost: £1,500 a year more"
    assert cost_line(0) == "Change in annual cost: none"
    assert cost_line(-20) == "Change in annual cost: £20 a year saved"


def test_a_consultation_without_dates_or_title_says_so() -> None:
    decision = Decision(
        title="Clinic",
        body="Board",
        on=dt.date(2020, 1, 1),
        impact=Impact(kind="variation"),
        consultation=Consultation(),
    )
    assert "Consultation: dates not recorded" in render.text(decision).splitlines()


def test_markdown_tables_of_facts_assessments_and_evidence() -> None:
    lines = render.markdown(examples.somerset_rheumatology_decision()).splitlines()
    assert lines[:4] == [
        (
            "## Rheumatology pathway: see possible inflammatory arthritis within six weeks "
            "(2010-12-31)"
        ),
        "",
        "| Aspect | Detail |",
        "|---|---|",
    ]
    assert lines[16:20] == [
        "### Assessments",
        "",
        "| Criterion | Audience | Rating | Evidence | Notes |",
        "|---|---|---|---|---|",
    ]
    assert lines[23] == "| affordable | — | unknown | — | the case study does not report costs |"
    assert lines[26:30] == [
        "### Evidence",
        "",
        "| Id | Kind | What | Date | Limbs |",
        "|---|---|---|---|---|",
    ]
    assert lines[-1] == (
        "| impact-assessment | impact assessment | The programme's impact assessment, which "
        "records the lay membership. | 2010-12-31 | — |"
    )


def test_markdown_of_every_part_escapes_the_title_and_keeps_the_link() -> None:
    assert render.markdown(_ward_closure()).split("\n\n")[0] == (
        "## Close ward 4 &lt;east&gt; (2018-03-01)"
    )
    assert render.markdown(_ward_closure()).split("### ")[2:] == [
        (
            "Options\n\n"
            "| Id | Option | Assessments |\n"
            "|---|---|---|\n"
            "| close | Close the ward: beds move to ward 2 | affordable: met |\n\n"
        ),
        (
            "Service-change tests\n\n"
            "| Test | Rating | Conditions | Evidence | Notes |\n"
            "|---|---|---|---|---|\n"
            "| Bed-closure test | met | Sufficient alternative provision | survey |  |\n\n"
        ),
        (
            "Evidence\n\n"
            "| Id | Kind | What | Date | Limbs |\n"
            "|---|---|---|---|---|\n"
            "| survey | survey | Survey of 400 patients <https://example.org/survey.pdf> "
            "| 2018-01-05 | (b) proposals, (c) decisions |"
        ),
    ]


def test_options_of_an_appraisal_are_rated_in_a_few_words() -> None:
    """Somerset's patient transport decision weighs two options."""
    lines = render.markdown(examples.somerset_patient_transport_decision()).splitlines()
    start = lines.index("### Options")
    assert lines[start + 2 : start + 6] == [
        "| Id | Option | Assessments |",
        "|---|---|---|",
        (
            "| link-recommendations | Include the LINk's recommendations as service development "
            "proposals | acceptable (patients): met; acceptable (public): met; acceptable (staff): "
            "unknown; affordable: unknown; safe and effective: unknown |"
        ),
        (
            "| current-plans | Develop patient transport on the plans as they stood | acceptable "
            "(patients): partly met; acceptable (public): partly met; acceptable (staff): unknown; "
            "affordable: unknown; safe and effective: unknown |"
        ),
    ]


def test_service_change_tests_are_worded_as_on_the_day() -> None:
    """The 2019 minor injuries move: the first test names clinical commissioners."""
    lines = render.text(examples.unproportionate_service_change()).splitlines()
    start = lines.index("Service-change tests (4):")
    assert lines[start + 1 : start + 8] == [
        "  - Support for proposals from clinical commissioners: met; evidence: gp-letter",
        "  - Strengthened public and patient engagement: not met; evidence: leaflet",
        "      information only",
        "  - Clarity on the clinical evidence base: met; evidence: clinical-review",
        (
            "  - Consistency with current and prospective patient choice: partly met; evidence:"
            " clinical-review"
        ),
        "      one site instead of two",
        "Evidence (6):",
    ]


def test_notebooks_show_the_html_tables() -> None:
    decision = examples.somerset_rheumatology_decision()
    shown = decision._repr_html_()
    assert shown == render.html(decision)
    assert shown.startswith(
        '<div class="engagekit"><table class="engagekit"><caption>Rheumatology pathway: see '
        "possible inflammatory arthritis within six weeks (2010-12-31)</caption>"
    )
    assert shown.endswith("</table></div>")
    assert (
        f'<tr><th scope="row"{CELL}>Highest participation in the evidence</th>'
        f"<td{CELL}>Collaborate</td></tr>"
    ) in shown
    assert [c for c in ("Assessments", "Options", "Evidence") if f"<caption>{c}" in shown] == [
        "Assessments",
        "Evidence",
    ]
    assert (
        f"<tr><td{CELL}>acceptable</td><td{CELL}>public</td><td{CELL}>partly met</td>"
        f"<td{CELL}>ra-society-views</td>"
        f"<td{CELL}>the case study records patients&#x27; views, not the wider public&#x27;s</td>"
        "</tr>"
    ) in shown


def test_html_escapes_the_title_and_links_the_evidence() -> None:
    shown = render.html(_ward_closure())
    assert "<caption>Close ward 4 &lt;east&gt; (2018-03-01)</caption>" in shown
    url = "https://example.org/survey.pdf"
    assert (
        f'<td{CELL}>Survey of 400 patients &lt;<a href="{url}">{url}</a>&gt;</td>'
        f"<td{DAY}>2018-01-05</td><td{CELL}>(b) proposals, (c) decisions</td>"
    ) in shown
    assert "<caption>Service-change tests</caption>" in shown
