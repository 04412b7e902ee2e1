"""The service-change tests: the four tests (2010) and the bed-closure test (2017) (private)."""

from __future__ import annotations

import datetime as dt
import functools

from typing import TYPE_CHECKING, Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice, aliases
from engagekit.decisions._triangle import judgement_words
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.ratings import Rating


if TYPE_CHECKING:
    from collections.abc import Callable

    from engagekit.decisions._impact import Impact
    from engagekit.decisions._rules import Rule


@aliases(
    {
        "gp commissioners": "gp-support",
        "support from gp commissioners": "gp-support",
        "public and patient engagement": "engagement",
        "clinical evidence base": "evidence-base",
        "bed closure": "bed-closures",
    }
)
class ServiceChangeTest(Choice):
    """The tests a proposal for service change must pass.

    The four tests were set by the Secretary of State in the revised Operating
    Framework for 2010/11 (published 21 June 2010); the bed-closure test was
    announced on 3 March 2017 and applies from 1 April 2017 where a proposal
    involves significant bed closures. Which tests apply depends on the decision's
    date ([`tests_in_force`][engagekit.decisions.tests_in_force]), and so does the
    wording of the first: "support from GP commissioners" in 2010, when GP consortia
    were forming; support from the clinical commissioners (CCGs, then ICBs) from
    1 April 2013 ([`rule_on`][engagekit.decisions.ServiceChangeTest.rule_on]). The
    tests are national policy, not law: a gap against one is not a breach.

    Examples:
        >>> ServiceChangeTest.GP_SUPPORT.rule_on("2011-05-01").title
        'Support from GP commissioners'
        >>> ServiceChangeTest.GP_SUPPORT.rule_on("2024-05-01").title
        'Support for proposals from clinical commissioners'
        >>> ServiceChangeTest.GP_SUPPORT.rule.source.force.label
        'national policy'
        >>> ServiceChangeTest.BED_CLOSURES.applies_from
        datetime.date(2017, 4, 1)

    References:
        Oxfordshire CCG, Patient and Public Engagement Strategy 2015-2019, Appendix 1
        (the four tests' wording). Landmark Chambers, "New bed closure test" (2017).
    """

    GP_SUPPORT = "gp-support"
    ENGAGEMENT = "engagement"
    EVIDENCE_BASE = "evidence-base"
    PATIENT_CHOICE = "patient-choice"
    BED_CLOSURES = "bed-closures"

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The cited rule for the test in each period, newest first."""
        found = _RULES.get(self._value_)
        if found is None:
            found = _RULES[self._value_] = _rules_of(self._value_)
        return found

    @property
    def rule(self) -> Rule:
        """The cited rule for the test as it stands (its newest wording)."""
        return self.rules[0]

    def rule_on(self, on: dt.date | str) -> Rule:
        """The cited rule for the test as worded for a decision taken on ``on``; the
        newest wording if the test did not apply that day."""
        day = _validate.as_date("on", on)
        return next((r for r in self.rules if r.applies_on(day)), self.rules[0])

    @property
    def title(self) -> str:
        """The test as its newest source words it."""
        return self.rule.title

    @property
    def applies_from(self) -> dt.date:
        """The first decision date the test applies to."""
        start = self.rules[-1].applies_from
        assert start is not None  # every test in the data is dated
        return start


#: The rules of a test whose wording changed, newest first (by ``ServiceChangeTest`` value).
_RULE_IDS = {"gp-support": ("test.commissioner-support", "test.gp-support")}


class BedCondition(Choice):
    """The three conditions of the bed-closure test; at least one must be met.

    Examples:
        >>> BedCondition.EFFICIENCY.title
        'A credible plan to use beds better'
    """

    ALTERNATIVE_PROVISION = "alternative-provision"
    NEW_TREATMENTS = "new-treatments"
    EFFICIENCY = "efficiency"

    @property
    def rule(self) -> Rule:
        """The cited rule for the condition."""
        from engagekit.decisions._rules import rule

        return rule(f"bed.{self.value}")

    @property
    def title(self) -> str:
        """The condition in a few words."""
        return self.rule.title


#: Each test's rules by its value, read once: the rule file does not change while
#: running, and `evaluate` asks for them for every decision.
_RULES: dict[str, tuple[Rule, ...]] = {}


def _rules_of(value: str) -> tuple[Rule, ...]:
    from engagekit.decisions._rules import rule

    ids = _RULE_IDS.get(value, (f"test.{value}",))
    return tuple(rule(rule_id) for rule_id in ids)


def _conditions(value: object) -> Any:
    return _validate.members(BedCondition, value, "TestAssessment.conditions")


def _conditions_fit(
    instance: TestAssessment, attribute: attrs.Attribute[Any], value: tuple[BedCondition, ...]
) -> None:
    if value and instance.test is not ServiceChangeTest.BED_CLOSURES:
        raise InvalidValueError(
            "TestAssessment.conditions",
            [c.value for c in value],
            reason=f"only the bed-closure test has conditions, not {instance.test.value!r}",
        )
    if (
        instance.test is ServiceChangeTest.BED_CLOSURES
        and instance.rating is Rating.MET
        and not value
    ):
        raise InvalidValueError(
            "TestAssessment.conditions",
            [],
            allowed=[c.value for c in BedCondition],
            reason="the bed-closure test is met only by naming one or more of its conditions",
        )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class TestAssessment:
    """A judgement on one service-change test, and the evidence behind it.

    Its ``repr`` is one line: the test, the rating, and the evidence, the conditions
    and the start of the notes where given.

    Attributes:
        test: the test judged.
        rating: met, partly met, not met or unknown.
        evidence: the ids of the decision's evidence it rests on.
        conditions: for the bed-closure test, which of its three conditions are met.
        notes: anything the reader should know.

    Examples:
        >>> judged = TestAssessment(test="bed closures", rating="met",
        ...                         conditions=["alternative provision"])
        >>> judged.conditions
        (<BedCondition.ALTERNATIVE_PROVISION: 'alternative-provision'>,)
        >>> judged
        <TestAssessment bed closures: met, conditions=('alternative-provision',)>
    """

    __test__ = False  # not a pytest test class, despite the name

    test: ServiceChangeTest = attrs.field(converter=ServiceChangeTest)
    rating: Rating = attrs.field(converter=Rating)
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.identifiers
    )
    conditions: tuple[BedCondition, ...] = attrs.field(
        default=(), converter=_conditions, validator=_conditions_fit
    )
    notes: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        more = _display.non_defaults(self, skip=["test", "rating", "evidence", "notes"])
        judged = judgement_words(self.rating, self.evidence, self.notes, *more)
        return f"<TestAssessment {self.test.label}: {judged}>"


def tests_in_force(on: dt.date | str) -> tuple[ServiceChangeTest, ...]:
    """The service-change tests in force for a decision taken on ``on``.

    Args:
        on: the decision's date: a `datetime.date` or ``"YYYY-MM-DD"``.

    Raises:
        InvalidTypeError: ``on`` is not a date.
        InvalidValueError: ``on`` is text that is not a ``YYYY-MM-DD`` date.

    Examples:
        >>> import datetime as dt
        >>> [t.value for t in tests_in_force(dt.date(2010, 6, 20))]
        []
        >>> [t.value for t in tests_in_force(dt.date(2016, 1, 1))]
        ['gp-support', 'engagement', 'evidence-base', 'patient-choice']
        >>> ServiceChangeTest.BED_CLOSURES in tests_in_force("2017-04-01")
        True
    """
    return _in_force(_validate.as_date("on", on))


def _in_force(day: dt.date) -> tuple[ServiceChangeTest, ...]:
    return _in_force_table()(day)


@functools.cache
def _in_force_table() -> Callable[[dt.date], tuple[ServiceChangeTest, ...]]:
    from engagekit.decisions._rules import by_date

    return by_date(
        [r for t in ServiceChangeTest for r in t.rules],
        lambda day: tuple(t for t in ServiceChangeTest if any(r.applies_on(day) for r in t.rules)),
    )


def applicable_tests(
    impact: Impact,
    on: dt.date | str,
    *,
    only_when_substantial: bool = False,
    substantial: bool = False,
) -> tuple[ServiceChangeTest, ...]:
    """The tests a change with ``impact``, decided on ``on``, must pass.

    The four tests apply to service reconfiguration: a change that affects how
    services are delivered or the range available (or, if
    ``only_when_substantial``, only a substantial one). The bed-closure test applies
    only when the change involves significant bed closures.

    Raises:
        InvalidTypeError: ``impact`` is not an `Impact`, or ``on`` not a date.

    Examples:
        >>> from engagekit.decisions import Impact
        >>> applicable_tests(Impact(kind="closure", bed_closures=True), "2018-01-10")
        ... # doctest: +NORMALIZE_WHITESPACE
        (<ServiceChangeTest.GP_SUPPORT: 'gp-support'>,
         <ServiceChangeTest.ENGAGEMENT: 'engagement'>,
         <ServiceChangeTest.EVIDENCE_BASE: 'evidence-base'>,
         <ServiceChangeTest.PATIENT_CHOICE: 'patient-choice'>,
         <ServiceChangeTest.BED_CLOSURES: 'bed-closures'>)
    """
    from engagekit.decisions._impact import Impact

    if not isinstance(impact, Impact):
        raise InvalidTypeError("impact", impact, expected="an Impact")
    in_force = tests_in_force(on)
    reconfiguration = impact.affects_delivery and (substantial or not only_when_substantial)
    out: list[ServiceChangeTest] = []
    for test in in_force:
        if test is ServiceChangeTest.BED_CLOSURES:
            if impact.bed_closures:
                out.append(test)
        elif reconfiguration:
            out.append(test)
    return tuple(out)
