"""Duty records, body types and financial years pinned to their exact words and date
boundaries (mutation testing's survivors in duties/_model.py, _bodies.py and
_financial_year.py, docs/mutation.md)."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest

from engagekit.duties import BodyType, Citation, FinancialYear, Requirement, _citing, registry
from engagekit.duties._bodies import as_body_type
from engagekit.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.sources import LegalForce


def _exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


_BODIES = (
    "'pct', 'sha', 'ccg', 'icb', 'nhs-england', 'nhs-trust', 'foundation-trust', "
    "'local-authority', 'health-and-wellbeing-board', 'gp-practice'"
)


# --- Duty and Citation (_model) ------------------------------------------------------------


def test_a_duty_refuses_no_bodies_no_requirements_and_an_empty_period() -> None:
    """s14Z2 (CCGs, from 1 February 2013)."""
    s14z2 = registry().get("nhs-act-s14z2")
    message = (
        f"Duty('nhs-act-s14z2').bodies: [] is not allowed: name at least one body type; "
        f"allowed: {_BODIES}"
    )
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        attrs.evolve(s14z2, bodies=())
    message = "Duty('nhs-act-s14z2').requirements: [] is not allowed: give at least one requirement"
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        attrs.evolve(s14z2, requirements=())
    message = (
        "Duty('nhs-act-s14z2').in_force_to: '2013-02-01' is not allowed: must be after "
        "in_force_from (2013-02-01)"
    )
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        attrs.evolve(s14z2, in_force_to=dt.date(2013, 2, 1))
    assert attrs.evolve(s14z2, in_force_to=dt.date(2013, 2, 2)).period == "2013-02-01 to 2013-02-01"
    message = "Duty.in_force_to: got str '2022-07-01'; expected a datetime.date"
    with pytest.raises(InvalidTypeError, match=_exactly(message)):
        attrs.evolve(s14z2, in_force_to="2022-07-01")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidTypeError, match=_exactly("Duty.bodies: got str 'ccg'; expected a list")
    ):
        attrs.evolve(s14z2, bodies="ccg")
    message = "unknown requirement 'd' of 'nhs-act-s14z2'; known: 'a', 'b', 'c', 'constitution'"
    with pytest.raises(UnknownNameError, match=_exactly(message)):
        s14z2.requirement("d")


def test_a_requirement_source_keeps_its_own_url_else_takes_its_duty() -> None:
    reg = registry()
    s14z2 = reg.get("nhs-act-s14z2")
    limb_a = s14z2.source_of(s14z2.requirement("a"))
    assert (limb_a.section, limb_a.url) == (
        "s14Z2(2)(a)",
        "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z2/2013-04-01",
    )
    tests = reg.get("service-change-tests")
    bed_test = tests.source_of(tests.requirement("5-bed-closures"))
    assert bed_test.url == (
        "https://www.landmarkchambers.co.uk/resource-post/"
        "new-bed-closure-test-a-potentially-powerful-tool/"
    )
    assert bed_test.url != tests.citation.url
    # The contract's clause has no address: the source is the page it was read through.
    contract = reg.get("contract-involvement").source_of()
    assert (contract.publisher, contract.url, contract.note) == (
        "East of England Citizens' Senate",
        (
            "https://eoecitizenssenate.org/training-resources/"
            "working-partnership-people-and-communities-statutory-guidance"
        ),
        "cites NHS Standard Contract",
    )


def test_a_requirement_of_another_force_is_published_by_the_duty_source() -> None:
    """Statute is Parliament's; a local promise recorded beside it is the publisher's of
    the record it came from (NHS Sutton CCG's strategy, for s14Z2)."""
    s14z2 = registry().get("nhs-act-s14z2")
    promise = Requirement(
        key="forum", text="Hold a public forum each quarter.", force="local practice"
    )
    assert s14z2.source_of(s14z2.requirement("a")).publisher == "UK Parliament"
    source = s14z2.source_of(promise)
    assert (source.publisher, source.force) == (s14z2.source.publisher, LegalForce.LOCAL_PRACTICE)
    assert source.publisher != "UK Parliament"


def test_a_citation_without_a_reference_is_its_instrument() -> None:
    url = "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45"
    citation = Citation(instrument="National Health Service Act 2006", section="14Z45", url=url)
    assert citation.to_source("UK Parliament").url == url
    assert str(Citation(instrument="NHS Standard Contract")) == "NHS Standard Contract"


# --- Body types (_bodies) ------------------------------------------------------------------


def test_a_kind_of_body_exists_from_its_first_day_to_the_day_before_its_last() -> None:
    """CCGs from 1 April 2013 to 30 June 2022; ICBs from 1 July 2022."""
    assert BodyType.CCG.exists_on("2013-04-01")
    assert not BodyType.CCG.exists_on("2013-03-31")
    assert BodyType.CCG.exists_on("2022-06-30")
    assert not BodyType.CCG.exists_on("2022-07-01")
    assert not BodyType.CCG.exists_on(dt.date(2023, 1, 1))
    assert BodyType.ICB.exists_on(dt.date(2022, 7, 1))
    message = "on: '1 July 2022' is not allowed: must be a date, YYYY-MM-DD"
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        BodyType.CCG.exists_on("1 July 2022")
    message = (
        "on: got datetime datetime.datetime(2022, 6, 30, 12, 0); expected a datetime.date "
        "or YYYY-MM-DD text"
    )
    with pytest.raises(InvalidTypeError, match=_exactly(message)):
        BodyType.CCG.exists_on(dt.datetime(2022, 6, 30, 12))


def test_a_body_type_is_named_or_had() -> None:
    class Forum:
        body_type = None

    message = (
        "body.body_type: missing: is not a statutory body type, so no duty binds "
        f"it as such; allowed: {_BODIES}"
    )
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        as_body_type(Forum())
    message = "body: got int 5; expected a BodyType, its name as text, or a body with a body_type"
    with pytest.raises(InvalidTypeError, match=_exactly(message)):
        as_body_type(5)
    message = f"Checklist.body: 'ccgs' is not allowed; allowed: {_BODIES} (did you mean 'ccg'?)"
    with pytest.raises(UnknownChoiceError, match=_exactly(message)):
        as_body_type("ccgs", "Checklist.body")


# --- Financial years -----------------------------------------------------------------------


def test_a_financial_year_starts_between_1900_and_2999() -> None:
    assert (FinancialYear(1900).label, FinancialYear(2999).label) == ("1900/01", "2999/00")
    for year in (1899, 3000):
        message = (
            f"FinancialYear.start_year: {year} is not allowed: must be a whole year between "
            "1900 and 2999"
        )
        with pytest.raises(InvalidValueError, match=_exactly(message)):
            FinancialYear(year)
    message = "FinancialYear.start_year: got str '2022'; expected a whole number"
    with pytest.raises(InvalidTypeError, match=_exactly(message)):
        FinancialYear("2022")


def test_a_financial_year_holds_1_april_to_31_march() -> None:
    year = FinancialYear(2023)
    assert dt.date(2024, 3, 31) in year
    assert dt.date(2023, 4, 1) in year
    assert dt.date(2024, 4, 1) not in year
    assert "2024-03-31" not in year
    message = "day: '2024/04/01' is not allowed: must be a date, YYYY-MM-DD"
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        FinancialYear.containing("2024/04/01")


def test_a_financial_year_is_read_from_its_label_only() -> None:
    message = "financial year: got int 2022; expected text such as '2022/23'"
    with pytest.raises(InvalidTypeError, match=_exactly(message)):
        FinancialYear.parse(2022)  # type: ignore[arg-type]
    for text in ("2022", "abcd/ef", "\u0662\u0660\u0662\u0662/23", "2022/24", "22/23"):
        message = f"financial year: {text!r} is not allowed: expected e.g. '2022/23'"
        with pytest.raises(InvalidValueError, match=_exactly(message)):
            FinancialYear.parse(text)
    assert FinancialYear.parse(" 1999-2000 ") == FinancialYear(1999)
    assert FinancialYear.parse("1999/00") == FinancialYear(1999)


def test_a_body_type_given_as_text_in_body_type_is_refused() -> None:
    class Board:
        body_type = "icb"

    message = (
        "body.body_type: 'icb' is not allowed: is not a statutory body type, so no duty binds "
        f"it as such; allowed: {_BODIES} (did you mean 'icb'?)"
    )
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        as_body_type(Board())


# --- How a citation reads and who made the rule (_citing) -----------------------------------


def test_a_section_number_is_written_after_an_s_and_any_other_reference_as_it_is() -> None:
    """s14Z2(2)(a) of the NHS Act 2006, reg 23 of S.I. 2013/218 and SC13.5 of the NHS
    Standard Contract, as the registry cites them."""
    assert _citing.reference("14Z2", "(2)(a)") == "s14Z2(2)(a)"
    assert _citing.reference("2", "(1)") == "s2(1)"  # the Health Act 2009
    assert _citing.reference("2A", None) == "s2A"  # one digit, then a letter
    assert _citing.reference("reg 23", None) == "reg 23"
    assert _citing.reference("SC13.5", None) == "SC13.5"
    assert _citing.reference(None, "(1)") == "(1)"
    assert _citing.reference(None, None) == ""
    cited = {d.id: str(d.citation) for d in registry()}
    assert cited["contract-eds"] == "NHS Standard Contract, SC13.5"
    assert cited["scrutiny-reg-23"] == "S.I. 2013/218, reg 23"
    assert cited["nhs-act-s14z2"] == "National Health Service Act 2006, s14Z2(2)"


def test_parliament_makes_statutes_the_government_regulations_and_others_their_publisher() -> None:
    """The publisher of each kind of rule, from the registry's own records."""
    assert _citing.publisher(LegalForce.STATUTE, "NHS England") == "UK Parliament"
    assert _citing.publisher(LegalForce.REGULATIONS, "NHS England") == "UK Government"
    assert _citing.publisher(LegalForce.NATIONAL_POLICY, "NHS England") == "NHS England"
    sources = {d.id: d.source_of() for d in registry()}
    assert (sources["scrutiny-reg-23"].publisher, sources["scrutiny-reg-23"].section) == (
        "UK Government",
        "reg 23",
    )
    assert (sources["contract-eds"].publisher, sources["contract-eds"].force) == (
        "Leeds Teaching Hospitals NHS Trust",
        LegalForce.CONTRACT,
    )
    assert sources["nhs-act-s14z45"].publisher == "UK Parliament"
