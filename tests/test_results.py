"""The one result protocol: Outcome ordering, Reason, and Result's ok, gaps and bool."""

from __future__ import annotations

import attrs
import pytest

from engagekit import Source
from engagekit.errors import InvalidTypeError, UnknownChoiceError
from engagekit.results import Outcome, Reason, Result


GUNNING = Source(
    title="R v Brent London Borough Council, ex parte Gunning",
    publisher="High Court",
    date="1985",
)


def _reason(outcome: Outcome, rule: str = "gunning.time") -> Reason:
    return Reason(
        rule=rule, title="Adequate time", outcome=outcome, message="judged", source=GUNNING
    )


@attrs.frozen(kw_only=True)
class _Check(Result):
    outcome: Outcome
    reasons: tuple[Reason, ...]


class TestOutcome:
    def test_order_from_best_to_worst(self) -> None:
        """Outcomes compare by how good they are."""
        assert Outcome.MET > Outcome.PARTLY_MET > Outcome.INSUFFICIENT_EVIDENCE > Outcome.NOT_MET
        assert [o.severity for o in Outcome] == [0, 1, 2, 3, 4]

    def test_decision_words_are_aliases(self) -> None:
        """The words decisions use parse to the same outcomes."""
        assert Outcome("ready") is Outcome.MET
        assert Outcome("Not ready") is Outcome.NOT_MET
        assert Outcome("ready with conditions") is Outcome.PARTLY_MET
        assert Outcome.parse("unknown") is Outcome.INSUFFICIENT_EVIDENCE

    def test_worst_is_non_compensatory(self) -> None:
        """One not-met outcome makes the whole not met, whatever else is met."""
        assert Outcome.worst([Outcome.MET] * 5 + [Outcome.NOT_MET]) is Outcome.NOT_MET
        assert Outcome.worst([]) is Outcome.MET
        assert Outcome.worst([], default=Outcome.INSUFFICIENT_EVIDENCE) is (
            Outcome.INSUFFICIENT_EVIDENCE
        )

    def test_ok(self) -> None:
        """Met, partly met and not applicable let the thing go ahead."""
        assert [o for o in Outcome if o.ok] == [
            Outcome.NOT_APPLICABLE,
            Outcome.MET,
            Outcome.PARTLY_MET,
        ]


class TestReason:
    def test_outcome_accepts_text(self) -> None:
        """A reason's outcome may be given as text."""
        assert _reason("not met").outcome is Outcome.NOT_MET  # type: ignore[arg-type]
        assert str(_reason(Outcome.MET)) == "[met] Adequate time: judged"

    def test_bad_values(self) -> None:
        """A bad outcome or a non-Source source is refused, naming the field."""
        with pytest.raises(UnknownChoiceError, match="'fine' is not allowed"):
            _reason("fine")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="Reason.evidence"):
            Reason(
                rule="r", title="t", outcome=Outcome.MET, message="m", evidence="e1", source=GUNNING
            )


class TestResult:
    def test_bool_is_ok_and_gaps_and_blocking(self) -> None:
        """A not-ok result is falsy; gaps are what is short of met; blocking is what is not ok."""
        partly = _reason(Outcome.PARTLY_MET, "gunning.formative")
        missing = _reason(Outcome.INSUFFICIENT_EVIDENCE, "gunning.information")
        check = _Check(
            outcome=Outcome.INSUFFICIENT_EVIDENCE,
            reasons=(_reason(Outcome.MET), partly, missing),
        )
        assert not check
        assert check.ok is False
        assert check.gaps == (partly, missing)
        assert check.blocking == (missing,)
        assert bool(_Check(outcome=Outcome.PARTLY_MET, reasons=(partly,))) is True


def _every_reason_type() -> list[type[Reason]]:
    # The packages load their modules on first use: name a type from each.
    from engagekit.cycles import PrincipleScore
    from engagekit.decisions import Reason as DecisionReason
    from engagekit.duties import Finding
    from engagekit.duties.equality import OutcomeGrade, RepresentationFinding, UnitGrade

    loaded = (
        PrincipleScore,
        DecisionReason,
        Finding,
        OutcomeGrade,
        RepresentationFinding,
        UnitGrade,
    )
    assert all(issubclass(cls, Reason) for cls in loaded)

    found: list[type[Reason]] = []
    todo = [Reason]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_reason_type_keeps_the_one_line_repr() -> None:
    names = {cls.__name__ for cls in _every_reason_type()}
    assert {
        "Finding",
        "RepresentationFinding",
        "UnitGrade",
        "OutcomeGrade",
        "PrincipleScore",
    } <= names
    for cls in _every_reason_type():
        assert cls.__repr__ is Reason.__repr__, cls.__qualname__


def test_a_finding_reads_in_a_notebook() -> None:
    import datetime as dt

    from engagekit import render
    from engagekit.duties import Checklist

    report = Checklist.for_body("icb", on=dt.date(2024, 6, 30)).assess(
        [], as_of=dt.date(2024, 6, 30)
    )
    finding = next(f for f in report.findings if f.rule == "nhs-act-s14z45/c")
    assert repr(finding) == "<Finding 'nhs-act-s14z45/c' not met: 'not met: no evidence'>"
    # A requirement written as a sentence loses its full stop before the colon.
    assert str(finding) == (
        "[not met] Involve the public in decisions affecting the operation of the "
        "commissioning arrangements: not met: no evidence"
    )
    shown = finding._repr_html_()
    assert shown == render.html(finding)
    assert (
        '<a href="https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45/2022-07-01">' in shown
    )
    assert render.markdown(finding).startswith("**not met** Involve the public in decisions")
    # Wrapped at 100 columns (a reason's text ran to 263), its source under it.
    assert render.text(finding).splitlines() == [
        (
            "[not met] Involve the public in decisions affecting the operation of the"
            " commissioning arrangements:"
        ),
        "    not met: no evidence",
        "    UK Parliament, National Health Service Act 2006, s14Z45(2)(c)",
        "        <https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45/2022-07-01>",
    ]
