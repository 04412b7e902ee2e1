"""Tiers and kinds of body: the steps between tiers, and the statutory body types
(mutation testing)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from engagekit.duties import BodyType
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.escalation import BodyKind, Tier, _tiers


def test_each_tier_is_one_step_above_the_one_below() -> None:
    assert [tier.above() for tier in Tier] == [
        Tier.PRACTICE,
        Tier.NEIGHBOURHOOD,
        Tier.LOCALITY,
        Tier.PLACE,
        Tier.SYSTEM,
        Tier.REGION,
        Tier.NATIONAL,
        None,
    ]
    assert [tier.below() for tier in Tier] == [
        None,
        Tier.INDIVIDUAL,
        Tier.PRACTICE,
        Tier.NEIGHBOURHOOD,
        Tier.LOCALITY,
        Tier.PLACE,
        Tier.SYSTEM,
        Tier.REGION,
    ]


def test_a_day_that_is_not_a_date_is_refused_naming_on() -> None:
    with pytest.raises(InvalidValueError) as bad_text:
        BodyKind.COMMISSIONER.body_type_on("1 July 2022")
    assert str(bad_text.value) == "on: '1 July 2022' is not allowed: must be a date, YYYY-MM-DD"
    with pytest.raises(
        InvalidTypeError,
        match=re.escape("on: got int 20220701; expected a datetime.date or YYYY-MM-DD text"),
    ):
        BodyKind.COMMISSIONER.body_type_on(20220701)  # type: ignore[arg-type]


def test_the_body_types_are_built_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before anything asked, the table is empty; the first question fills it whole."""
    monkeypatch.setattr(_tiers, "_BODY_TYPES", {})
    assert BodyKind.SUB_ICB_LOCATION.body_type is BodyType.ICB
    assert _tiers._BODY_TYPES == {
        BodyKind.PRACTICE: BodyType.GP_PRACTICE,
        BodyKind.COMMISSIONER: BodyType.CCG,
        BodyKind.CLINICAL_COMMISSIONING_GROUP: BodyType.CCG,
        BodyKind.SUB_ICB_LOCATION: BodyType.ICB,
        BodyKind.AREA_TEAM: BodyType.NHS_ENGLAND,
        BodyKind.INTEGRATED_CARE_BOARD: BodyType.ICB,
        BodyKind.REGION: BodyType.NHS_ENGLAND,
        BodyKind.NATIONAL_BODY: BodyType.NHS_ENGLAND,
        BodyKind.HEALTH_AND_WELLBEING_BOARD: BodyType.HEALTH_AND_WELLBEING_BOARD,
    }
    monkeypatch.setattr(_tiers, "_BODY_TYPES", {})
    assert BodyKind.COMMISSIONER.body_type_on(dt.date(2022, 6, 30)) is BodyType.CCG
    assert BodyKind.COMMISSIONER.body_type_on(dt.date(2022, 7, 1)) is BodyType.ICB
