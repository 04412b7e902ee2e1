"""A commissioning decision with its options, impact, evidence and assessments (private)."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.cycles import ParticipationLevel
from engagekit.decisions._consultation import Consultation
from engagekit.decisions._impact import Impact
from engagekit.decisions._tests import ServiceChangeTest, TestAssessment
from engagekit.decisions._triangle import Assessment, Criterion, Option, find, unique_keys
from engagekit.errors import InvalidValueError
from engagekit.evidence import Audience, Evidence, EvidenceKind


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
        if item.date > decision.on:
            raise InvalidValueError(
                f"Decision.evidence[{index}].date",
                item.date.isoformat(),
                reason=(
                    f"evidence {item.id!r} is dated after the decision it supports "
                    f"({decision.on.isoformat()})"
                ),
            )


def _unique_tests(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.each(TestAssessment)(instance, attribute, value)
    _validate.unique(lambda t: t.test.value, "service-change test assessment")(
        instance, attribute, value
    )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Decision(_display.Displayable):
    """A commissioning decision, ready to be put through the decision triangle.

    Attributes:
        title: what is being decided.
        body: the deciding body (e.g. ``"Governing Body"``, ``"Clinical Executive"``).
        on: the date the decision is (or was) taken: the law and the rules in force
            on this date apply.
        impact: what the change would do (drives proportionality and the tests).
        evidence: everything seen, each an [`Evidence`][engagekit.evidence.Evidence]
            with an id the judgements refer to; none may be dated after ``on``.
        assessments: the triangle judgements of the proposal being decided, one per
            criterion (and per audience for acceptability).
        options: the alternatives considered, each assessed on the triangle.
        tests: judgements on the service-change tests.
        consultation: the formal public consultation, if there was one.
        summary: a sentence on the proposal.

    Every id an assessment or test cites must be the id of one of the decision's
    evidence, however the decision is built (here or by `engagekit.io`).

    ``repr`` is one line; ``str()``, a notebook and `engagekit.render`'s ``text``,
    ``html`` and ``markdown`` show its facts and impact, its assessments, options,
    service-change tests and evidence.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.decisions import Evidence, Impact
        >>> d = Decision(title="Extend clinic hours", body="Governing Body",
        ...              on=dt.date(2012, 5, 1), impact=Impact(kind="variation"),
        ...              evidence=[Evidence(id="audit", kind="clinical evidence",
        ...                                 date=dt.date(2012, 4, 1), what="Audit")])
        >>> d
        <Decision 'Extend clinic hours' on 2012-05-01 with 1 evidence, 0 assessments and 0 options>
        >>> Decision(title="Extend clinic hours", body="Governing Body",
        ...          on=dt.date(2012, 5, 1), impact=Impact(kind="variation"),
        ...          evidence=[Evidence(id="audit", kind="clinical evidence",
        ...                             date=dt.date(2012, 6, 1), what="Audit")])
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Decision.evidence[0].date: '2012-06-01' is not ...
    """

    title: str = attrs.field(validator=_validate.text)
    body: str = attrs.field(validator=_validate.text)
    on: dt.date = attrs.field(validator=_validate.a_date)
    impact: Impact = attrs.field(validator=_validate.instance_of(Impact))
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Evidence), _validate.unique(lambda e: e.id, "evidence id")],
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=unique_keys
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
        default=None, validator=_validate.optional(_validate.instance_of(Consultation))
    )
    summary: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __attrs_post_init__(self) -> None:
        _evidence_in_time(self)
        _check_references(self)

    def __repr__(self) -> str:
        noun = f"Decision {_display.quoted(self.title, 80)} on {self.on.isoformat()}"
        counts = [
            (len(self.evidence), "evidence"),
            (len(self.assessments), "assessments"),
            (len(self.options), "options"),
        ]
        return _display.short_repr(self, noun, counts)

    def option(self, option_id: str) -> Option:
        """The option with this id.

        Raises:
            UnknownNameError: naming the closest option ids, or saying the decision
                lists none.
        """
        within = None if self.options else "this decision, which lists no options"
        return _validate.find_by(self.options, "id", option_id, "option", within=within)

    def assessment(
        self, criterion: Criterion | str, audience: Audience | str | None = None
    ) -> Assessment | None:
        """The proposal's assessment of ``criterion`` (for ``audience``), if any.

        Both may be given as text: ``d.assessment("acceptable", "staff")``.
        """
        return find(self.assessments, criterion, audience)

    def test(self, test: ServiceChangeTest | str) -> TestAssessment | None:
        """The judgement on service-change ``test`` (a member or its value), if any."""
        wanted = ServiceChangeTest.parse(test, field="test")
        return next((t for t in self.tests if t.test is wanted), None)

    def evidence_of(self, kind: EvidenceKind | str) -> tuple[Evidence, ...]:
        """The evidence of one kind (a member or its value), in the order given."""
        wanted = EvidenceKind.parse(kind, field="kind")
        return tuple(e for e in self.evidence if e.kind is wanted)

    @property
    def achieved_level(self) -> ParticipationLevel | None:
        """The highest participation level the engagement evidence reached, if any."""
        levels = [e.level for e in self.evidence if e.level is not None]
        return max(levels) if levels else None
