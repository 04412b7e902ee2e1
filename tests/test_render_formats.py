"""Every type engagekit shows is shown in all three formats: text, Markdown and HTML.

The types are found by walking every package's ``__all__``, so a new public type with
one renderer and not the others fails here.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import io
import pkgutil

from collections.abc import Callable
from typing import Any

import pytest

import engagekit

from engagekit import ENGAGEMENT_CYCLE, _display, examples, render
from engagekit import io as io_
from engagekit.consultations import Consultation, ImportMapping, Question, read_responses
from engagekit.decisions import Consultation as DecisionConsultation
from engagekit.decisions import Decision, check_consultation, required_engagement
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


def _csv_import() -> Any:
    """The export of `read_responses`' example: one answer unread, one id repeated."""
    consultation = Consultation(
        title="Clinic hours",
        questions=[
            Question(id="support", text="Do you agree?", kind="closed", choices=["Yes", "No"])
        ],
    )
    mapping = ImportMapping.from_dict(
        {
            "id": "Ref",
            "channel": "paper",
            "question": [{"id": "support", "column": "Q1", "values": {"Y": "Yes", "N": "No"}}],
        }
    )
    return read_responses(io.StringIO("Ref,Q1\n1,Y\n2,Perhaps\n1,N\n"), mapping, consultation)


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
        ("Tell people what happened to their views",),
    ),
    "engagekit.ResponseSet": (examples.oxfordshire_synthetic_responses, ("24 responses to",)),
    "engagekit.consultations.CsvImport": (_csv_import, ("Perhaps", "3 rows")),
    "engagekit.FeedbackLoop": (_feedback, ("Evening appointments wanted", "2018-05-03")),
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
