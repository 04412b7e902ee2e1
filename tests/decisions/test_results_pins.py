"""A verdict, a requirement and a consultation check: one-line reprs and reasons pinned.

The decisions are the built-in examples: Somerset's rheumatology pathway (a new service,
31 December 2010), Somerset LINk's Patient Transport Project (a variation with two
options, 1 January 2012) and the relocation of a community minor injuries unit (a
substantial change, 14 March 2019). The consultation is Oxfordshire CCG's on its draft
engagement strategy, which published no dates or report.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest

from engagekit import examples
from engagekit.decisions import (
    Audience,
    Criterion,
    Decision,
    Impact,
    ServiceChangeTest,
    check_consultation,
    evaluate,
    required_engagement,
)


@pytest.mark.parametrize(
    ("example", "shown"),
    [
        (
            examples.somerset_rheumatology_decision,
            (
                "<Verdict 'Rheumatology pathway: see possible inflammatory arthritis within six "
                "weeks': insufficient evidence, with 9 reasons>"
            ),
        ),
        (
            examples.somerset_patient_transport_decision,
            (
                "<Verdict 'Develop patient transport services across Somerset': insufficient "
                "evidence, with 7 reasons>"
            ),
        ),
        (
            examples.unproportionate_service_change,
            (
                "<Verdict 'Move the community minor injuries unit to the district hospital': "
                "not ready, with 13 reasons>"
            ),
        ),
    ],
)
def test_verdict_repr(example: Callable[[], Decision], shown: str) -> None:
    assert repr(evaluate(example())) == shown


def _titled(length: int) -> Decision:
    """The transport decision titled with its first option's title after its own, cut."""
    decision = examples.somerset_patient_transport_decision()
    title = f"{decision.title}: {decision.options[0].title}"
    return attrs.evolve(decision, title=title[:length])


def test_a_verdict_repr_shows_a_title_of_80_characters_whole() -> None:
    title = _titled(80).title
    assert len(title) == 80
    assert repr(evaluate(_titled(80))) == (
        "<Verdict \"Develop patient transport services across Somerset: Include the LINk's "
        'recommend": insufficient evidence, with 7 reasons>'
    )


def test_a_verdict_repr_cuts_a_longer_title_with_an_ellipsis() -> None:
    """81 characters or more: the first 79 and an ellipsis, 80 in all."""
    for length in (81, 200):
        assert repr(evaluate(_titled(length))) == (
            "<Verdict \"Develop patient transport services across Somerset: Include the LINk's "
            'recommen…": insufficient evidence, with 7 reasons>'
        )


@pytest.mark.parametrize(
    ("impact", "shown"),
    [
        (
            Impact(kind="closure", bed_closures=True),
            "<EngagementRequirement for a closure: Involve, substantial, with 7 grounds>",
        ),
        (
            Impact(kind="variation"),
            "<EngagementRequirement for a variation: Inform, not substantial, with 2 grounds>",
        ),
        (
            Impact(kind="new service"),
            "<EngagementRequirement for a new service: Consult, not substantial, with 5 grounds>",
        ),
    ],
)
def test_requirement_repr(impact: Impact, shown: str) -> None:
    assert repr(required_engagement(impact)) == shown


def test_the_examples_requirements() -> None:
    reprs = [
        repr(evaluate(f()).requirement)
        for f in (
            examples.somerset_rheumatology_decision,
            examples.unproportionate_service_change,
        )
    ]
    assert reprs == [
        "<EngagementRequirement for a new service: Consult, not substantial, with 7 grounds>",
        "<EngagementRequirement for a relocation: Involve, substantial, with 7 grounds>",
    ]


def test_consultation_check_repr() -> None:
    """Oxfordshire's draft records no dates or report: two principles not met, two unknown."""
    check = check_consultation(examples.oxfordshire_consultation(), on="2015-05-01")
    assert (
        repr(check) == "<ConsultationCheck for a decision on 2015-05-01: not met, with 4 reasons>"
    )


def test_reasons_name_what_they_judge() -> None:
    """A triangle reason names its criterion (and audience); a test reason its test."""
    verdict = evaluate(examples.unproportionate_service_change())
    judged = [(r.rule, r.criterion, r.audience, r.test) for r in verdict.reasons]
    assert judged[:5] == [
        ("triangle.acceptable", Criterion.ACCEPTABLE, Audience.PATIENTS, None),
        ("triangle.acceptable", Criterion.ACCEPTABLE, Audience.STAFF, None),
        ("triangle.acceptable", Criterion.ACCEPTABLE, Audience.PUBLIC, None),
        ("triangle.affordable", Criterion.AFFORDABLE, None, None),
        ("triangle.safe-and-effective", Criterion.SAFE_AND_EFFECTIVE, None, None),
    ]
    assert judged[5] == ("proportionality.level", None, None, None)
    assert judged[-4:] == [
        ("test.commissioner-support", None, None, ServiceChangeTest.GP_SUPPORT),
        ("test.engagement", None, None, ServiceChangeTest.ENGAGEMENT),
        ("test.evidence-base", None, None, ServiceChangeTest.EVIDENCE_BASE),
        ("test.patient-choice", None, None, ServiceChangeTest.PATIENT_CHOICE),
    ]
