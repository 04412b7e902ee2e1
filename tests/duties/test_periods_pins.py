"""The law of each period at its edges (mutation testing's survivors in duties/_periods.py)."""

from __future__ import annotations

import re

import pytest

from engagekit.duties import (
    BodyType,
    DutyRegistry,
    commissioner_on,
    involvement_duty,
    law_timeline,
    registry,
)
from engagekit.errors import InvalidTypeError, InvalidValueError


def _without_s242() -> DutyRegistry:
    """The built-in duties less s242 of the NHS Act 2006, the PCTs' involvement duty."""
    return DutyRegistry(duties=tuple(d for d in registry() if d.id != "nhs-act-s242"))


class TestRefusals:
    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: commissioner_on("soon"), "on: 'soon' is not allowed"),
            (lambda: involvement_duty(None, "soon"), "on: 'soon' is not allowed"),
            (lambda: law_timeline(through="soon"), "through: 'soon' is not allowed"),
            (
                lambda: law_timeline(through="2010-01-01", start="soon"),
                "start: 'soon' is not allowed",
            ),
        ],
    )
    def test_a_bad_date_names_its_parameter(self, call, message: str) -> None:
        with pytest.raises(
            InvalidValueError, match=f"^{re.escape(message)}: must be a date, YYYY-MM-DD$"
        ):
            call()

    def test_through_before_start(self) -> None:
        message = "through: '2010-01-01' is not allowed: must not be before start (2011-01-01)"
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
            law_timeline(through="2010-01-01", start="2011-01-01")

    def test_a_registry_of_the_wrong_type(self) -> None:
        with pytest.raises(
            InvalidTypeError, match=r"^registry: got str 'x'; expected a DutyRegistry$"
        ):
            law_timeline(through="2010-01-01", registry="x")  # type: ignore[arg-type]


class TestRegistryGiven:
    def test_involvement_duty_asks_the_registry_given(self) -> None:
        """A PCT on 1 June 2011 was bound by s242(1B); a registry without it has no duty."""
        builtin = involvement_duty(None, "2011-06-01")
        assert builtin is not None
        assert builtin.id == "nhs-act-s242"
        assert involvement_duty(None, "2011-06-01", registry=registry()) == builtin
        assert involvement_duty(None, "2011-06-01", registry=_without_s242()) is None

    def test_law_timeline_reads_the_registry_given(self) -> None:
        def ids(reg: DutyRegistry | None) -> set[str]:
            rows = law_timeline(through="2012-01-01", bodies=["pct"], registry=reg)
            return {duty_id for row in rows for duty_id in row.ids}

        assert "nhs-act-s242" in ids(None)
        assert ids(registry()) == ids(None)
        assert ids(_without_s242()) == ids(None) - {"nhs-act-s242"}


class TestForBody:
    def test_rows_of_one_kind_of_body(self) -> None:
        """CCGs existed from 1 April 2013: none the day before, nine duties that day."""
        timeline = law_timeline(through="2013-04-01")
        rows = timeline.for_body("ccg")
        assert {row.body for row in rows} == {BodyType.CCG}
        assert len(rows) == len(timeline) // len(BodyType)
        assert [(r.on.isoformat(), len(r.duties)) for r in rows][-2:] == [
            ("2013-03-31", 0),
            ("2013-04-01", 9),
        ]
        assert rows == timeline.for_body(BodyType.CCG)
