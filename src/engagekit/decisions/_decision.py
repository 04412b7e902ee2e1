"""A commissioning decision with its options, impact, evidence and assessments (private)."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from engagekit import _validate
from engagekit.cycles import ParticipationLevel
from engagekit.decisions._consultation import Consultation
from engagekit.decisions._impact import Impact
from engagekit.decisions._tests import ServiceChangeTest, TestAssessment
from engagekit.decisions._triangle import (
    Assessment,
    Audience,
    Criterion,
    Evidence,
    EvidenceKind,
    Option,
    _find,
    _unique_keys,
)
from engagekit.errors import InvalidValueError


def _check_references(decision: Decision) -> None:
    known = {e.id for e in decision.evidence}
    groups: list[tuple[str, tuple[Assessment | TestAssessment, ...]]] = [
        ("Decision.assessments", decision.assessments),
        ("Decision.tests", decision.tests),
    ]
    groups.extend(
        (f"Decision.options[{i}].assessments", o.assessments)
        for i, o in enumerate(decision.options)
    )
    for where, items in groups:
        for index, item in enumerate(items):
            for ref in item.evidence:
                if ref not in known:
                    raise InvalidValueError(
                        f"{where}[{index}].evidence",
                        ref,
                        allowed=sorted(known),
                        reason="no evidence with this id in Decision.evidence",
                    )


def _evidence_in_time(decision: Decision) -> None:
    for index, item in enumerate(decision.evidence):
        if item.date > decision.date:
            raise InvalidValueError(
                f"Decision.evidence[{index}].date",
                item.date.isoformat(),
                reason=(
                    f"evidence {item.id!r} is dated after the decision it supports "
                    f"({decision.date.isoformat()})"
                ),
            )


def _unique_tests(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.each(TestAssessment)(instance, attribute, value)
    _validate.unique(lambda t: t.test.value, "service-change test assessment")(
        instance, attribute, value
    )


@attrs.frozen(kw_only=True)
class Decision:
    """A commissioning decision, ready to be put through the decision triangle.

    Attributes:
        title: what is being decided.
        body: the deciding body (e.g. ``"Governing Body"``, ``"Clinical Executive"``).
        date: when the decision is (or was) taken; the "as of" date for every rule.
        impact: what the change would do (drives proportionality and the tests).
        evidence: everything seen, each with an id the judgements refer to; none may
            be dated after ``date``.
        assessments: the triangle judgements of the proposal being decided, one per
            criterion (and per audience for acceptability).
        options: the alternatives considered, each assessed on the triangle.
        tests: judgements on the service-change tests.
        consultation: the formal public consultation, if there was one.
        summary: a sentence on the proposal.

    Examples:
        >>> import datetime as dt
        >>> from engagekit import Rating
        >>> from engagekit.decisions import Impact, ChangeKind
        >>> d = Decision(title="Extend clinic hours", body="Governing Body",
        ...              date=dt.date(2012, 5, 1),
        ...              impact=Impact(kind=ChangeKind.VARIATION, people_affected=300),
        ...              evidence=[Evidence(id="audit", kind=EvidenceKind.CLINICAL_EVIDENCE,
        ...                                 date=dt.date(2012, 6, 1), summary="Audit")])
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Decision.evidence[0].date: '2012-06-01' is not ...
    """

    title: str = attrs.field(validator=_validate.text)
    body: str = attrs.field(validator=_validate.text)
    date: dt.date = attrs.field(validator=_validate.a_date)
    impact: Impact = attrs.field(validator=_validate.instance_of(Impact))
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Evidence), _validate.unique(lambda e: e.id, "evidence id")],
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_unique_keys
    )
    options: tuple[Option, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Option), _validate.unique(lambda o: o.id, "option id")],
    )
    tests: tuple[TestAssessment, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_unique_tests
    )
    consultation: Consultation | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(Consultation))
    )
    summary: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __attrs_post_init__(self) -> None:
        _evidence_in_time(self)
        _check_references(self)

    def option(self, option_id: str) -> Option:
        """The option with this id.

        Raises:
            UnknownNameError: naming the closest option ids.
        """
        return _validate.find_by(self.options, "id", option_id, "option")

    def assessment(
        self, criterion: Criterion, audience: Audience | None = None
    ) -> Assessment | None:
        """The proposal's assessment of ``criterion`` (for ``audience``), if any."""
        return _find(self.assessments, criterion, audience)

    def test(self, test: ServiceChangeTest) -> TestAssessment | None:
        """The judgement on service-change ``test``, if any."""
        return next((t for t in self.tests if t.test is test), None)

    def evidence_of(self, kind: EvidenceKind) -> tuple[Evidence, ...]:
        """The evidence of one kind, in the order given."""
        return tuple(e for e in self.evidence if e.kind is kind)

    @property
    def achieved_level(self) -> ParticipationLevel | None:
        """The highest participation level the engagement evidence reached, if any."""
        levels = [e.level for e in self.evidence if e.level is not None]
        return max(levels) if levels else None
