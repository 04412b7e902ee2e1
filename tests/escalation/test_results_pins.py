"""The query results' reprs, rows and counts, pinned exactly.

Mutation testing found that no test read the reprs of `Coverage`, `Gaps`,
`NetworkDuties` and `BodyDuties` whole, nor a body's duties as text, HTML or records;
that a row's duties could be joined or replaced by anything; that the length of a
`Gaps` could subtract; and that the shares of a coverage with no practices were never
asked for.
"""

from __future__ import annotations

import datetime as dt

import pytest

from engagekit.errors import UnknownNameError
from engagekit.escalation import (
    BodyDuties,
    Coverage,
    EscalationNetwork,
    Gaps,
    NetworkDuties,
    SeatCount,
    national,
)
from engagekit.examples import oxfordshire, sutton


ENGLAND_2023 = (
    "nhs-act-s13q",
    "nhs-act-s13u",
    "nhs-act-s14z59",
    "nhs-act-s13c",
    "nhs-act-s13h",
    "equality-act-s149",
    "scrutiny-reg-23",
    "service-change-tests",
    "health-act-2009-s2",
)


@pytest.fixture(scope="module")
def small_england() -> EscalationNetwork:
    """The synthetic England at a thousandth: one body per tier."""
    return national(scale=0.001)


class TestNetworkDuties:
    def test_reprs(self, small_england: EscalationNetwork) -> None:
        bound = small_england.duties(on="2023-06-01")
        assert repr(bound) == "<NetworkDuties on 2023-06-01 with 11 bodies>"
        assert repr(bound.of("england")) == "<BodyDuties 'england' with 9 duties>"
        assert repr(bound.of("P0001")) == "<BodyDuties 'P0001' with 1 duty>"
        empty = oxfordshire().duties(on="2018-06-01")
        assert repr(empty.of("healthwatch-oxfordshire")) == (
            "<BodyDuties 'healthwatch-oxfordshire' with 0 duties>"
        )

    def test_a_row_joins_the_duty_ids(self, small_england: EscalationNetwork) -> None:
        """NHS England's nine duties in 2023, in registry order, as one cell."""
        bound = small_england.duties(on="2023-06-01")
        records = {r["body"]: r for r in bound.to_records()}
        assert records["england"] == {
            "body": "england",
            "name": "NHS England",
            "body type": "nhs-england",
            "duties": ", ".join(ENGLAND_2023),
        }
        assert records["P0001"]["duties"] == "contract-involvement"

    def test_a_row_with_no_duties_gives_the_reason_or_nothing(self) -> None:
        net = oxfordshire()
        bound = net.duties(on="2018-06-01")
        records = {r["body"]: r["duties"] for r in bound.to_records()}
        assert records["healthwatch-oxfordshire"] == "a healthwatch / link is not a statutory body"
        assert records["oxfordshire-practice-01"] == (
            "no duty in this registry binds a GP practice on 2018-06-01"
        )
        bare = NetworkDuties([BodyDuties(body=net.body("oxfordshire-hwb"))], on=dt.date(2018, 6, 1))
        assert bare.to_records() == [
            {
                "body": "oxfordshire-hwb",
                "name": "Oxfordshire Health and Wellbeing Board",
                "body type": None,
                "duties": "",
            }
        ]

    def test_of_takes_a_body_or_its_id(self, small_england: EscalationNetwork) -> None:
        bound = small_england.duties(on="2023-06-01")
        practice = small_england.body("P0001")
        assert bound.of(practice) is bound.of("P0001")
        assert bound.of(practice).body == practice

    def test_an_unknown_body_lists_the_ids(self) -> None:
        bound = oxfordshire().duties(on="2018-06-01")
        with pytest.raises(UnknownNameError) as info:
            bound.of("nowhere")
        assert str(info.value) == (
            "unknown body 'nowhere'; known: 'occg-governing-body', 'healthwatch-oxfordshire', "
            "'oxfordshire-hwb', 'oxfordshire-locality-1', 'oxfordshire-locality-1-plf', "
            "'oxfordshire-practice-01', 'oxfordshire-practice-01-ppg', "
            "'oxfordshire-practice-02', 'oxfordshire-practice-02-ppg', "
            "'oxfordshire-locality-2', 'oxfordshire-locality-2-plf', "
            "'oxfordshire-practice-03', … (27 more)"
        )

    def test_an_unknown_body_in_a_large_network_lists_2000_ids_at_most(self) -> None:
        """2,313 bodies at three tenths of England: the list stops at 2,000."""
        net = national(scale=0.3)
        assert len(net.bodies) == 2313
        with pytest.raises(UnknownNameError) as info:
            net.duties(on="2023-06-01").of("nowhere")
        assert str(info.value).endswith(", 'ICB09', … (1988 more)")


class TestBodyDutiesDisplay:
    def test_text_html_and_records(self, small_england: EscalationNetwork) -> None:
        england = small_england.duties(on="2023-06-01").of("england")
        assert str(england) == (
            "NHS England [england]:\n"
            "  - nhs-act-s13q: Public involvement by NHS England\n"
            "  - nhs-act-s13u: NHS England annual report: public involvement\n"
            "  - nhs-act-s14z59: NHS England's annual assessment of each ICB\n"
            "  - nhs-act-s13c: NHS England: promote the NHS Constitution\n"
            "  - nhs-act-s13h: NHS England: promote the involvement of each patient\n"
            "  - equality-act-s149: Public Sector Equality Duty\n"
            "  - scrutiny-reg-23: Consult the local authority on substantial development or "
            "variation\n"
            "  - service-change-tests: The four tests for service change, with the bed-closure "
            "test (ICBs)\n"
            "  - health-act-2009-s2: Have regard to the NHS Constitution (with integrated care "
            "boards)"
        )
        assert [r["duty"] for r in england.to_records()] == list(ENGLAND_2023)
        assert england.to_records()[0] == {
            "duty": "nhs-act-s13q",
            "title": "Public involvement by NHS England",
        }
        html = england._repr_html_()
        assert html.startswith('<table class="engagekit"><caption>NHS England: 9 duties</caption>')
        assert html.count("<tr>") == 10

    def test_no_duties(self) -> None:
        practice = oxfordshire().duties(on="2018-06-01").of("oxfordshire-practice-01")
        assert str(practice) == (
            "Oxfordshire practice 01 [oxfordshire-practice-01]: no duties "
            "(no duty in this registry binds a GP practice on 2018-06-01)"
        )
        assert practice.to_records() == []


class TestCoverage:
    def test_repr(self) -> None:
        assert repr(sutton().coverage()) == (
            "<Coverage with 25 practices, 24 represented and 1 seat count>"
        )
        seats = (SeatCount(body="sutton-prg", seats=75), SeatCount(body="sutton-pef", seats=20))
        coverage = Coverage(practices=1, with_patient_group=1, represented=0, seats=seats)
        assert repr(coverage) == "<Coverage with 1 practice, 0 represented and 2 seat counts>"

    def test_no_practices_has_no_shares(self) -> None:
        empty = Coverage(practices=0, with_patient_group=0, represented=0)
        assert empty.share_represented is None
        assert empty.share_with_patient_group is None
        assert repr(empty) == "<Coverage with 0 practices, 0 represented and 0 seat counts>"


class TestGaps:
    def test_repr_names_only_the_gaps_found(self) -> None:
        assert repr(oxfordshire().gaps()) == "<Gaps>"
        assert (
            repr(Gaps(unrepresented=("sutton-practice-25-ppg",))) == "<Gaps with 1 unrepresented>"
        )
        assert repr(Gaps(no_route=("x",), empty_forums=("y",))) == (
            "<Gaps with 1 dead end and 1 empty forum>"
        )

    def test_every_kind_counted(self) -> None:
        gaps = Gaps(
            no_patient_group=("P0001",),
            unrepresented=("P0002-ppg", "P0003-ppg"),
            no_route=("forum",),
            empty_forums=("forum-a", "forum-b", "forum-c"),
        )
        assert repr(gaps) == (
            "<Gaps with 1 missing patient group, 2 unrepresented, 1 dead end and 3 empty forums>"
        )
        assert len(gaps) == 7
        assert len(list(gaps)) == 7
        assert len(Gaps(no_route=("a", "b"), empty_forums=("c",))) == 3
        assert not gaps.is_empty

    def test_is_a_gap_kind_label(self) -> None:
        """Each pair starts with its kind's label."""
        gaps = Gaps(no_patient_group=("P0001",), empty_forums=("forum-a",))
        assert list(gaps) == [("no patient group", "P0001"), ("forum with no members", "forum-a")]
        assert repr(gaps) == "<Gaps with 1 missing patient group and 1 empty forum>"
