"""What `required_engagement` says and refuses, read whole (mutation testing's survivors).

The dates are those of the built-in relocation (14 March 2019), of a day before the
earliest involvement duty engagekit encodes (s11 of the Health and Social Care Act
2001, in force for England from 1 January 2003), and none (the rules as they stand).
"""

from __future__ import annotations

import datetime as dt

import pytest

from engagekit.decisions import DEFAULT_POLICY, Impact, required_engagement
from engagekit.errors import InvalidTypeError, InvalidValueError


_RELOCATION_DAY = "2019-03-14"


def _why(impact: Impact, on: str | None = _RELOCATION_DAY) -> list[str]:
    """The reason each limb of the involvement duty applies, after its letter and title."""
    requirement = required_engagement(impact, on=on)
    return [g.message.split(": ", 1)[1] for g in requirement.grounds if g.rule.startswith("limb.")]


class TestRefusals:
    def test_an_impact_that_is_not_an_impact(self) -> None:
        with pytest.raises(InvalidTypeError) as exc:
            required_engagement("closure")  # type: ignore[arg-type]
        assert str(exc.value) == "impact: got str 'closure'; expected an Impact"

    def test_a_policy_that_is_not_a_policy(self) -> None:
        with pytest.raises(InvalidTypeError) as exc:
            required_engagement(Impact(kind="closure"), policy="strict")  # type: ignore[arg-type]
        assert str(exc.value) == "policy: got str 'strict'; expected a Policy"

    def test_a_date_that_is_not_iso_text(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            required_engagement(Impact(kind="closure"), on="14 March 2019")
        assert str(exc.value) == "on: '14 March 2019' is not allowed: must be a date, YYYY-MM-DD"

    def test_a_date_given_as_text_is_the_date(self) -> None:
        impact = Impact(kind="relocation", access=["travel"])
        assert required_engagement(impact, on=_RELOCATION_DAY) == required_engagement(
            impact, on=dt.date(2019, 3, 14)
        )


class TestWhyTheLimbsApply:
    def test_a_stated_effect_on_delivery(self) -> None:
        impact = Impact(kind="variation", delivery_changes=True)
        assert _why(impact) == [
            "always applies",
            "the change affects how services are delivered or the range available",
            "the change affects how services are delivered or the range available",
        ]

    def test_a_relocation(self) -> None:
        assert (
            _why(Impact(kind="relocation"))[1:]
            == ["a relocation changes where services are delivered"] * 2
        )

    def test_a_closure_with_its_effects_on_access_and_beds(self) -> None:
        impact = Impact(kind="closure", access=["travel", "opening hours"], bed_closures=True)
        why = "a closure changes the range of services; it affects opening hours, travel; "
        assert _why(impact)[1:] == [why + "it closes beds"] * 2

    def test_a_variation_that_closes_beds(self) -> None:
        assert _why(Impact(kind="variation", bed_closures=True))[1:] == ["it closes beds"] * 2

    def test_a_relocation_affecting_travel(self) -> None:
        assert (
            _why(Impact(kind="relocation", access=["travel"]))[1:]
            == ["a relocation changes where services are delivered; it affects travel"] * 2
        )


class TestBeforeTheEarliestDuty:
    def test_the_limbs_are_shown_as_the_law_now_stands(self) -> None:
        requirement = required_engagement(
            Impact(kind="variation", delivery_changes=False), on="2000-06-01"
        )
        planning = requirement.grounds[0]
        assert planning.message == (
            "limb (a) involvement in planning the commissioning arrangements: always applies; "
            "engagekit encodes no involvement duty on 2000-06-01: the earliest, s11 of the "
            "Health and Social Care Act 2001, came into force in England on 2003-01-01, so the "
            "limbs are shown as the law now stands"
        )

    def test_the_rules_own_sources_are_cited(self) -> None:
        """No commissioner's duty bound anyone then: the limbs cite the rules' own section."""
        requirement = required_engagement(Impact(kind="relocation"), on="2000-06-01")
        assert [g.source.section for g in requirement.grounds if g.rule.startswith("limb.")] == [
            "s14Z2(2)(a)",
            "s14Z2(2)(b)",
            "s14Z2(2)(c)",
        ]

    def test_after_royal_assent_and_before_commencement(self) -> None:
        """The 2001 Act had Royal Assent on 11 May 2001, but s11 came into force for
        England on 1 January 2003: the day before, the limbs still cite the rules' own
        section, and say why."""
        requirement = required_engagement(Impact(kind="relocation"), on="2002-12-31")
        assert [g.source.section for g in requirement.grounds if g.rule.startswith("limb.")] == [
            "s14Z2(2)(a)",
            "s14Z2(2)(b)",
            "s14Z2(2)(c)",
        ]
        assert requirement.grounds[0].message == (
            "limb (a) involvement in planning the commissioning arrangements: always applies; "
            "engagekit encodes no involvement duty on 2002-12-31: the earliest, s11 of the "
            "Health and Social Care Act 2001, came into force in England on 2003-01-01, so the "
            "limbs are shown as the law now stands"
        )

    def test_from_the_first_day_the_2001_act_is_cited(self) -> None:
        requirement = required_engagement(Impact(kind="relocation"), on="2003-01-01")
        assert [g.source.section for g in requirement.grounds if g.rule.startswith("limb.")] == [
            "s11"
        ] * 3
        assert "encodes no involvement duty" not in requirement.grounds[0].message


class TestTheRulesAsTheyStand:
    """Without a date, the newest scrutiny rule and the public sector equality duty alone."""

    def test_scrutiny_under_reg_23(self) -> None:
        requirement = required_engagement(Impact(kind="relocation", access=["travel"]))
        scrutiny = [g for g in requirement.grounds if g.rule.startswith("scrutiny.")]
        assert [g.rule for g in scrutiny] == ["scrutiny.substantial-variation"]
        assert scrutiny[0].message == (
            "a substantial development or variation: consult the local authority's health "
            "scrutiny committee (reg 23); 'substantial' is the policy's reading, the "
            "Regulations do not define it"
        )

    def test_only_the_public_sector_equality_duty(self) -> None:
        requirement = required_engagement(
            Impact(kind="relocation", protected_groups=["older people"]), policy=DEFAULT_POLICY
        )
        assert requirement.equality_impact_assessment
        assert [g.rule for g in requirement.grounds if g.rule.startswith("equality.")] == [
            "equality.due-regard"
        ]
