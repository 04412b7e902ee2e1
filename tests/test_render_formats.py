"""Every type engagekit shows is shown in all three formats: text, Markdown and HTML.

The types are found by walking every package's ``__all__``, so a new public type with
one renderer and not the others fails here.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil

from collections.abc import Callable
from typing import Any

import attrs
import pytest

import engagekit

from engagekit import ENGAGEMENT_CYCLE, _display, examples, render
from engagekit import io as io_
from engagekit.decisions import Consultation as DecisionConsultation
from engagekit.decisions import Decision, check_consultation, required_engagement, rule
from engagekit.duties import BodyType, Checklist
from engagekit.escalation import EscalationNetwork
from engagekit.plans import (
    Channel,
    FeedbackItem,
    FeedbackLoop,
    Meeting,
    Recurrence,
)
from engagekit.techniques import catalogue
from tests.samples import csv_import


FORMATS = {"text": render.text, "markdown": render.markdown, "html": render.html}


def _public_types() -> dict[type, str]:
    """Every class in the ``__all__`` of engagekit and of each public subpackage."""
    names = ["engagekit"] + [
        m.name
        for m in pkgutil.walk_packages(engagekit.__path__, "engagekit.")
        if m.ispkg and not any(part.startswith("_") for part in m.name.split("."))
    ]
    found: dict[type, str] = {}
    for name in names:
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            obj = getattr(module, attr)
            if inspect.isclass(obj) and obj.__module__.startswith("engagekit"):
                found.setdefault(obj, f"{name}.{attr}")
    return found


def _registered(cls: type) -> dict[str, bool]:
    """Which of text, Markdown and HTML have a renderer for ``cls`` (its package's loaded)."""
    _display._load_renderers(cls)
    return {name: f.dispatch(cls) is not f.dispatch(object) for name, f in FORMATS.items()}


PUBLIC = _public_types()
RENDERED = sorted(
    (name for cls, name in PUBLIC.items() if any(_registered(cls).values())),
)


@pytest.mark.parametrize("name", RENDERED)
def test_a_type_shown_in_one_format_is_shown_in_all(name):
    """A public type with a text, Markdown or HTML renderer has all three."""
    cls = next(cls for cls, found in PUBLIC.items() if found == name)
    assert _registered(cls) == {"text": True, "markdown": True, "html": True}


def test_the_walk_finds_the_types_shown():
    """The walk reaches the subpackages' types (a walk that found none would pass)."""
    assert {"engagekit.Technique", "engagekit.plans.StakeholderMap"} <= set(RENDERED)
    assert "engagekit.duties.equality.RepresentationReport" in RENDERED


def _requirement() -> Any:
    """What the example clinic move (12,000 people, a relocation) must engage on."""
    decision = io_.load_toml(examples.data_file("clinic-move.toml"), Decision)
    return required_engagement(decision.impact, on=decision.on)


def _consultation_check() -> Any:
    """The consultation of `check_consultation`'s example, decided on 7 April 2016."""
    consultation = DecisionConsultation(
        start=dt.date(2016, 1, 4),
        end=dt.date(2016, 2, 29),
        proposal_status="preferred option",
        published=["proposal", "reasons"],
        responses=412,
        report_published=dt.date(2016, 3, 21),
        considered_in_decision=True,
    )
    return check_consultation(consultation, on="2016-04-07")


def _feedback() -> FeedbackLoop:
    """The first item of the feedback of docs/how-to/publish-you-said-we-did.md."""
    item = FeedbackItem(
        id="f1",
        date=dt.date(2018, 5, 3),
        channel=Channel.PUBLIC_MEETING,
        text="Evening appointments wanted",
        theme="access",
    )
    return FeedbackLoop(items=[item])


def _board() -> Recurrence:
    """Oxfordshire's Governing Body in public, six times a year (action 7.7a)."""
    target = examples.oxfordshire_delivery_plan().action("7.7a").target
    assert isinstance(target, Recurrence)
    return target


def _adherence() -> Any:
    """Governing Body meetings held in 2015/16, as in docs/how-to/plans-notebook.md."""
    held = [(dt.date(2015, m, 20), "governing-body") for m in (5, 9, 11)]
    return _board().adherence(held, "2015-04-01", "2016-03-31", tolerance_days=31)


def _network_duties() -> Any:
    """The duties of the practice L85901 of the example ODS extract in mid-2024."""
    network = EscalationNetwork.from_ods(examples.data_file("epraccur-extract.csv")).network
    return network.duties("2024-06-30").of("L85901")


#: For each type given all three renderers here: a built-in example and what each
#: rendering must show of it.
EXAMPLES: dict[str, tuple[Callable[[], Any], tuple[str, ...]]] = {
    "engagekit.Technique": (lambda: catalogue()["nominal-group"], ("Nominal Group technique",)),
    "engagekit.TechniqueCatalogue": (catalogue, ("68 techniques", "Display boards/exhibitions")),
    "engagekit.cycles.StageDetails": (
        lambda: ENGAGEMENT_CYCLE[3],
        ("Working with patients and carers to design services and improve quality and safety",),
    ),
    "engagekit.cycles.RubricResult": (
        lambda: ENGAGEMENT_CYCLE.rubric().score({}),
        ("Be clear on the vision, and build a shared understanding", "not assessed"),
    ),
    "engagekit.EngagementRequirement": (_requirement, ("(a) planning", "Involve")),
    "engagekit.decisions.ConsultationCheck": (
        _consultation_check,
        ("Allow adequate time", "partly met"),
    ),
    "engagekit.Checklist": (
        lambda: Checklist.for_body(BodyType.ICB, on="2024-06-30"),
        ("Checklist for an integrated care board on 2024-06-30", "nhs-act-s14z45"),
    ),
    "engagekit.escalation.BodyDuties": (
        _network_duties,
        ("HIGH STREET SURGERY", "contract-involvement"),
    ),
    "engagekit.consultations.ClosureMetrics": (
        lambda: examples.oxfordshire_synthetic_loop().metrics("2015-12-31"),
        ("themes answered", "decisions informed"),
    ),
    "engagekit.ConsultationLoop": (
        examples.oxfordshire_synthetic_loop,
        ("Use plain language", "occg-strategy-approval"),
    ),
    "engagekit.ResponseSet": (examples.oxfordshire_synthetic_responses, ("24 responses to",)),
    "engagekit.Consultation": (
        examples.oxfordshire_consultation,
        ("Oxfordshire Clinical Commissioning Group", "How would you measure the success"),
    ),
    "engagekit.consultations.CsvImport": (csv_import, ("Perhaps", "3 rows")),
    "engagekit.Decision": (
        examples.somerset_rheumatology_decision,
        ("NHS Somerset Flexible Healthcare programme", "ra-society-views", "partly met"),
    ),
    "engagekit.decisions.Rule": (
        lambda: rule("test.bed-closures"),
        ("Bed-closure test", "national policy, not law", "2017-04-01"),
    ),
    "engagekit.FeedbackLoop": (_feedback, ("Evening appointments wanted", "2018-05-03")),
    "engagekit.EngagementRecord": (
        examples.somerset_engagement_record,
        (
            "Draft Patient and Public Engagement Action Plan v8 (28 objectives, 29 actions)",
            "strategy-event-2011-12-05",
            "Consultation process on the PPI Strategy and Action Plan",
        ),
    ),
    "engagekit.plans.LoopMetrics": (
        lambda: _feedback().metrics(dt.date(2019, 3, 31)),
        ("Loop-closure rate", "Feedback items"),
    ),
    "engagekit.plans.StakeholderMap": (
        examples.sutton_stakeholders,
        ("Patients, Public, Carers and service users", "All Sutton CCG staff"),
    ),
    "engagekit.plans.ResponsibilityMatrix": (
        examples.sutton_responsibilities,
        ("annual-engagement-report", "Chief Operating Officer (accountable)"),
    ),
    "engagekit.plans.Action": (
        lambda: examples.oxfordshire_delivery_plan().action("7.7a"),
        ("7.7a", "six times a year"),
    ),
    "engagekit.TargetDate": (
        lambda: examples.somerset_action_plan().action("6.2a").target,
        ("2012",),
    ),
    "engagekit.Recurrence": (_board, ("six times a year",)),
    "engagekit.plans.Adherence": (_adherence, ("3 of 6 held", "missed 2016-02-01")),
    "engagekit.plans.Meeting": (
        lambda: Meeting(
            id="gb-5",
            date=dt.date(2015, 5, 20),
            body="governing-body",
            title="Governing Body in public",
        ),
        ("2015-05-20 Governing Body in public",),
    ),
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@pytest.mark.parametrize("form", FORMATS)
def test_every_format_shows_the_example(name, form):
    """Text, Markdown and HTML each show the example's key content."""
    build, contents = EXAMPLES[name]
    shown = FORMATS[form](build())
    needles = [_display.esc(c) if form == "html" else c for c in contents]
    assert [n for n in needles if n not in shown] == []


def test_the_examples_are_of_the_types_named():
    """Each example is a value of the type it is listed under."""
    by_name = {name: cls for cls, name in PUBLIC.items()}
    assert {name: type(build()) for name, (build, _) in EXAMPLES.items()} == {
        name: by_name[name] for name in EXAMPLES
    }


# --- The Markdown tables, exactly ------------------------------------------------------


def test_technique_markdown_is_a_table_of_its_aspects():
    """Somerset's nominal group technique: method, levels, description, figure, source."""
    assert render.markdown(catalogue()["nominal-group"]).splitlines()[:7] == [
        "## Nominal Group technique",
        "",
        "| Aspect | Detail |",
        "|---|---|",
        "| Method | Forums for debate |",
        "| Levels | Consult, Involve |",
        (
            "| Description | Starting from one clear question, participants identify issues and "
            "put them in priority order; the same question can be put to different groups "
            "(staff, patients, carers) and their priorities compared. |"
        ),
    ]


def test_stage_markdown_joins_who_by_commas_and_lists_by_semicolons():
    """Stage 3 of Sutton's Engagement Cycle, as its HTML table shows it."""
    lines = render.markdown(ENGAGEMENT_CYCLE[3]).splitlines()
    assert lines[0] == (
        "## Stage 3: Working with patients and carers to design services and improve "
        "quality and safety"
    )
    assert lines[5:] == [
        "| Who | patients, carers |",
        (
            "| If this stage is done well | better access to, and quality of, services; better "
            "patient experience; better patient outcomes; better integration of services; better "
            "co-ordination of care across health and social care; fewer complaints and more "
            "positive feedback, which also improve staff morale |"
        ),
        (
            "| Things to think about | Bring existing sources of data together; Go beyond "
            "traditional methods; Plan how the work will be sustained |"
        ),
        (
            "| Source | NHS Sutton Clinical Commissioning Group, Patient and Public Engagement "
            "Strategy (2018), Appendix Two, Stage Three |"
        ),
    ]


def test_consultation_check_markdown_rates_each_gunning_principle():
    """The 2016 consultation of `check_consultation`'s example: eight weeks is partly met."""
    assert render.markdown(_consultation_check()).splitlines() == [
        "## Gunning principles: partly met",
        "",
        "| Rating | Principle | Judgement | Force |",
        "|---|---|---|---|",
        (
            "| ✓ met | Consult at a formative stage | opened 2016-01-04 and closed 2016-02-29, "
            "before the decision; proposal preferred option when it opened | law: case law |"
        ),
        "| ✓ met | Give sufficient reasons | published proposal, reasons | law: case law |",
        (
            "| ~ partly met | Allow adequate time | ran 8 weeks, shorter than the policy default "
            "of 12 (a planning default, not a legal minimum): record why the time was adequate "
            "| law: case law |"
        ),
        (
            "| ✓ met | Take the responses conscientiously into account | 412 responses; report "
            "published 2016-03-21 and referred to by the decision | law: case law |"
        ),
    ]


def test_requirement_markdown_lists_each_ground_as_an_item():
    """The clinic move: the table of what is needed, then one list item per ground,
    its force and its source's address as a Markdown autolink."""
    lines = render.markdown(_requirement()).splitlines()
    assert lines[:6] == [
        "## Engagement required for a relocation affecting 12000 people",
        "",
        "| What | Needed |",
        "|---|---|",
        "| Limbs | (a) planning, (b) proposals, (c) decisions |",
        "| Minimum level | Involve |",
    ]
    grounds = [line for line in lines if line.startswith("- ")]
    assert len(grounds) == len(_requirement().grounds) == 7
    assert grounds[0] == (
        "- limb (a) involvement in planning the commissioning arrangements: always applies "
        "[law: statute] (UK Parliament, National Health Service Act 2006, s14Z45(2)(a) "
        "<https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45/2022-07-01>)"
    )


def test_checklist_markdown_is_a_table_or_says_why_there_is_nothing():
    """A CCG in June 2018 has requirements to check; none existed in 2010."""
    lines = render.markdown(Checklist.for_body("ccg", on="2018-06-01")).splitlines()
    assert lines[:5] == [
        "## Checklist for a clinical commissioning group on 2018-06-01",
        "",
        "| Requirement | Text | Citation | Force | Verified |",
        "|---|---|---|---|---|",
        (
            "| nhs-act-s14t/have-regard | Have regard to the need to reduce inequalities in access "
            "to services and in outcomes. | National Health Service Act 2006, s14T | statute | yes |"
        ),
    ]
    assert render.markdown(Checklist.for_body("ccg", on="2010-01-01")) == (
        "## Checklist for a clinical commissioning group on 2010-01-01\n\n"
        "Nothing to check: no clinical commissioning groups existed on 2010-01-01: "
        "they existed from 2013-04-01 to 2022-06-30"
    )


def test_an_empty_checklist_in_a_notebook_says_why():
    """The HTML of a checklist with nothing to check was an empty table: a notebook
    showed a CCG's checklist for 2023 as headings alone, without the reason the text
    and Markdown give (CCGs were abolished on 1 July 2022)."""
    empty = Checklist.for_body("ccg", on="2023-01-01")
    assert empty._repr_html_() == (
        '<div class="engagekit"><p><strong>Checklist for a clinical commissioning group on '
        "2023-01-01</strong></p><p>Nothing to check: no clinical commissioning groups existed "
        "on 2023-01-01: they existed from 2013-04-01 to 2022-06-30.</p></div>"
    )
    assert render.html(empty) == empty._repr_html_()
    # An empty checklist built by hand has no reason, and says so without "None".
    bare = Checklist(body="ccg", on=dt.date(2018, 6, 1), items=())
    assert "Nothing to check" in render.text(bare)
    assert "None" not in render.text(bare) + render.markdown(bare) + render.html(bare)


def test_body_duties_markdown():
    """The practice L85901 of the example ODS extract is bound by its contract in 2024."""
    assert render.markdown(_network_duties()) == (
        "## HIGH STREET SURGERY: 1 duty\n\n"
        "| Duty | Title |\n"
        "|---|---|\n"
        "| contract-involvement | Involve people and communities (contractual responsibility "
        "of providers) |"
    )


def test_closure_metrics_markdown():
    """The synthetic Oxfordshire loop at the end of 2015: 3 of 5 themes answered."""
    metrics = examples.oxfordshire_synthetic_loop().metrics("2015-12-31")
    assert render.markdown(metrics) == (
        "## Closing the loop\n\n"
        "| Measure | Value |\n"
        "|---|---|\n"
        "| themes raised | 5 |\n"
        "| themes answered | 3 (60%) |\n"
        "| respondents who raised a theme | 24 |\n"
        "| of them, every theme answered | 9 (38%) |\n"
        "| decisions informed | occg-strategy-approval |"
    )


def testcsv_import_markdown_escapes_the_stream_origin():
    """Text read from a stream is "<csv>": Markdown would take it as a tag and hide it."""
    assert render.markdown(csv_import()).splitlines()[:6] == [
        "&lt;csv&gt;: 3 rows, 1 response read",
        "",
        "## Import findings with 2 findings",
        "",
        "| line | column | value | message |",
        "|---|---|---|---|",
    ]


def test_loop_metrics_markdown():
    """One unanswered concern: no closure, no median time to respond."""
    assert render.markdown(_feedback().metrics(dt.date(2019, 3, 31))) == (
        "## Closing the loop\n\n"
        "| Measure | Value |\n"
        "|---|---|\n"
        "| Feedback items | 1 |\n"
        "| Answered | 0 |\n"
        "| Loop-closure rate | 0% |\n"
        "| Concerns | 1 |\n"
        "| Concerns leading to a change planned or made | 0% |\n"
        "| Median days to respond |  |\n"
        "| Past the response standard | 0 |"
    )


def test_adherence_markdown_lists_each_missed_meeting():
    """Oxfordshire's Governing Body met in May, September and November 2015."""
    assert render.markdown(_adherence()) == (
        "six times a year from 2015-04-01 to 2016-03-31: 3 of 6 held (50%), 3 missed, 0 late\n"
        "\n"
        "- missed 2015-04-01 (governing-body)\n"
        "- missed 2015-08-01 (governing-body)\n"
        "- missed 2016-02-01 (governing-body)"
    )


_MARKUP = "<script>alert(1)</script>"


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("verdict", lambda: engagekit.evaluate(_titled(examples.somerset_rheumatology_decision()))),
        (
            "comparison",
            lambda: engagekit.decisions.compare(
                _titled(examples.somerset_patient_transport_decision())
            ),
        ),
        ("action plan", lambda: _titled(examples.somerset_action_plan())),
        ("network", lambda: _named(examples.sutton())),
        ("engagement cycle", lambda: _named(ENGAGEMENT_CYCLE)),
        ("technique", lambda: _named(catalogue()["focus-groups"])),
    ],
)
def test_markdown_headings_escape_markup_from_user_text(kind, make):
    """A title or name the user wrote is shown, not run: its `<` and `>` are escaped
    in Markdown headings as in table cells, so a board paper rendered from the
    Markdown shows the text rather than an HTML element."""
    shown = render.markdown(make())
    assert _MARKUP not in shown, kind
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown.splitlines()[0], kind


def _titled(value: Any) -> Any:
    return attrs.evolve(value, title=f"{value.title} {_MARKUP}")


def _named(value: Any) -> Any:
    return attrs.evolve(value, name=f"{value.name} {_MARKUP}")
