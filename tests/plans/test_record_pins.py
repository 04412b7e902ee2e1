"""The engagement record: its refusals read whole, the consultations of a period, and how
engagekit.io tells a record's consultation entries apart (and what `register` puts on a
converter that lacks the record's hooks)."""

from __future__ import annotations

import datetime as dt

from typing import NoReturn

import attrs
import pytest

from engagekit import examples, io
from engagekit.consultations import Consultation, ConsultationLoop, ResponseSet
from engagekit.errors import DocumentError, InvalidValueError, UnknownChoiceError
from engagekit.plans import EngagementRecord, _record_io
from engagekit.plans._record import ConsultationPart


D = dt.date

#: The community hospital beds consultation of `test_record` (2016-01-04 to 2016-03-28).
BEDS = Consultation(
    id="beds", title="Community hospital beds", start=D(2016, 1, 4), end=D(2016, 3, 28)
)


def _between(
    consultation: Consultation, start: dt.date, end: dt.date, year: int | None = None
) -> bool:
    record = EngagementRecord(body="NHS Example CCG", year=year, consultations=[consultation])
    return record.consultations_between(start, end) == (consultation,)


class TestRefusals:
    def test_an_unknown_body_type_names_the_field(self) -> None:
        with pytest.raises(UnknownChoiceError) as info:
            EngagementRecord(body="NHS Somerset", body_type="hospital")
        assert str(info.value) == (
            "EngagementRecord.body_type: 'hospital' is not allowed; allowed: 'pct', 'sha', "
            "'ccg', 'icb', 'nhs-england', 'nhs-trust', 'foundation-trust', 'local-authority', "
            "'health-and-wellbeing-board', 'gp-practice'"
        )

    def test_a_repeated_consultation_id_after_one_without_an_id(self) -> None:
        untitled = Consultation(title="Consultation process on the PPI Strategy and Action Plan")
        with pytest.raises(InvalidValueError) as info:
            EngagementRecord(body="NHS Somerset", consultations=[untitled, BEDS, BEDS])
        assert str(info.value) == (
            "EngagementRecord.consultations[2]: 'beds' is not allowed: "
            "another consultation has this id"
        )
        assert info.value.value == "beds"

    def test_consultations_without_ids_do_not_clash(self) -> None:
        untitled = Consultation(title="Consultation process on the PPI Strategy and Action Plan")
        record = EngagementRecord(body="NHS Somerset", consultations=[untitled, untitled, BEDS])
        assert len(record.consultations) == 3


class TestConsultationsBetween:
    def test_a_consultation_counts_from_its_first_day_to_its_last(self) -> None:
        assert _between(BEDS, D(2015, 4, 1), D(2016, 1, 4))
        assert _between(BEDS, D(2016, 3, 28), D(2017, 3, 31))
        assert _between(BEDS, D(2016, 2, 1), D(2016, 2, 29))
        assert not _between(BEDS, D(2015, 4, 1), D(2016, 1, 3))
        assert not _between(BEDS, D(2016, 3, 29), D(2017, 3, 31))

    def test_one_known_day_is_both_its_first_and_last(self) -> None:
        opened = attrs.evolve(BEDS, end=None)
        closed = attrs.evolve(BEDS, start=None)
        assert _between(opened, D(2016, 1, 4), D(2016, 1, 4))
        assert not _between(opened, D(2015, 4, 1), D(2016, 1, 3))
        assert not _between(opened, D(2016, 1, 5), D(2017, 3, 31))
        assert _between(closed, D(2016, 3, 28), D(2016, 3, 28))
        assert not _between(closed, D(2015, 4, 1), D(2016, 3, 27))
        assert not _between(closed, D(2016, 3, 29), D(2017, 3, 31))

    def test_a_consultation_without_dates_is_the_record_year_s(self) -> None:
        """Counted in a period that holds the whole of the record's financial year only."""
        undated = attrs.evolve(BEDS, start=None, end=None)
        assert _between(undated, D(2011, 4, 1), D(2012, 3, 31), year=2011)
        assert _between(undated, D(2010, 4, 1), D(2013, 3, 31), year=2011)
        assert not _between(undated, D(2022, 4, 1), D(2023, 3, 31), year=2011)
        assert not _between(undated, D(2011, 1, 1), D(2011, 12, 31), year=2011)
        assert not _between(undated, D(2011, 4, 1), D(2012, 3, 30), year=2011)

    def test_without_a_year_it_is_in_no_period(self) -> None:
        """It was counted in every year: a 2011 consultation in 2022's report."""
        undated = attrs.evolve(BEDS, id="hours", start=None, end=None)
        record = EngagementRecord(body="NHS Example CCG", consultations=[BEDS, undated])
        for start, end in ((D(2011, 4, 1), D(2012, 3, 31)), (D(2022, 4, 1), D(2023, 3, 31))):
            assert not _between(undated, start, end)
            assert record.undated_consultations(start, end) == (undated,)
        assert record.consultations_between(D(2015, 4, 1), D(2016, 3, 31)) == (BEDS,)

    def test_undated_ones_are_apart_only_where_the_year_may_overlap(self) -> None:
        undated = attrs.evolve(BEDS, start=None, end=None)
        record = EngagementRecord(body="NHS Example CCG", year=2011, consultations=[undated])
        assert record.undated_consultations(D(2011, 4, 1), D(2012, 3, 31)) == ()
        assert record.undated_consultations(D(2022, 4, 1), D(2023, 3, 31)) == ()
        assert record.undated_consultations(D(2012, 3, 31), D(2012, 12, 31)) == (undated,)
        assert record.undated_consultations(D(2011, 1, 1), D(2011, 4, 1)) == (undated,)
        assert record.undated_consultations(D(2010, 1, 1), D(2011, 3, 31)) == ()

    def test_the_year_is_refused_outside_the_nhs_s(self) -> None:
        with pytest.raises(InvalidValueError) as info:
            EngagementRecord(body="NHS Example CCG", year=1947)
        assert str(info.value) == (
            "EngagementRecord.year: 1947 is not allowed: must be the first year of a "
            "financial year, from 1948 to 9998"
        )


def _three_kinds() -> list[ConsultationPart]:
    """Oxfordshire's tutorial loop (its answers synthetic), its responses under another id,
    and its consultation under a third."""
    loop = examples.oxfordshire_synthetic_loop()
    consultation = loop.responses.consultation
    responses = ResponseSet(
        attrs.evolve(consultation, id="responses-only"),
        loop.responses.responses,
        themes=examples.oxfordshire_themes(),
    )
    return [attrs.evolve(consultation, id="consultation-only"), responses, loop]


class TestShapes:
    def test_a_loop_is_known_by_its_answers_or_outcomes_too(self) -> None:
        """A loop whose responses are mistyped is still reported as a loop's."""
        for key in ("answers", "outcomes"):
            document = {"body": "Oxfordshire CCG", "consultations": [{"responses": 5, key: []}]}
            with pytest.raises(DocumentError) as info:
                io.from_dict(document, EngagementRecord)
            assert str(info.value) == (
                "<dict>: 1 problem\n  $.consultations[0].responses: ResponseSet: got int 5; "
                "expected a table of consultation, themes and responses"
            )

    def test_a_loop_without_answers_or_outcomes_is_a_loop(self) -> None:
        loop = examples.oxfordshire_synthetic_loop()
        bare = ConsultationLoop(responses=loop.responses)
        document = io.to_dict(bare)
        del document["answers"], document["outcomes"]
        record = io.from_dict(
            {"body": "Oxfordshire CCG", "consultations": [document]}, EngagementRecord
        )
        assert record.consultations == (bare,)

    def test_built_entries_are_taken_as_they_are(self) -> None:
        entries = _three_kinds()
        record = io.from_dict(
            {"body": "Oxfordshire CCG", "consultations": entries}, EngagementRecord
        )
        assert record.consultations == tuple(entries)
        assert [type(part) for part in record.consultations] == [
            Consultation,
            ResponseSet,
            ConsultationLoop,
        ]


def _unregistered(value: object, _: object = None) -> NoReturn:
    pytest.fail(f"a hook register() should have replaced was used on {value!r}")


class TestRegister:
    @pytest.fixture(autouse=True)
    def _registered(self) -> None:
        # io's own converter: a copy lacks the structure hooks registered for union types
        # (a response's answers). `register` puts back the hook replaced here.
        io.converter.register_structure_hook(ConsultationPart, _unregistered)
        _record_io.register()

    def test_each_kind_of_entry_is_written_and_read_as_itself(self) -> None:
        entries = _three_kinds()
        record = EngagementRecord(body="Oxfordshire CCG", consultations=entries)
        document = io.to_dict(record)
        assert document["consultations"] == [io.to_dict(entry) for entry in entries]
        assert io.from_dict(document, EngagementRecord) == record
