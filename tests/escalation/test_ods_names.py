"""Names and kinds by date, Wales as Wales, on small files in the published layout.

The fixtures follow `epraccur.csv`'s 27 columns. `epraccur-2021.csv` is a file of
before ICBs (its latest date is 1 January 2021); `epraccur-2024.csv` one of after.
"""

from __future__ import annotations

import datetime as dt
import io

from pathlib import Path

import pytest

from engagekit import EscalationNetwork, render
from engagekit.duties import BodyType
from engagekit.errors import DocumentError, EngagekitError, InvalidTypeError, InvalidValueError
from engagekit.escalation import ICB_ERA, BodyKind, OdsName, OdsNames, Tier, era_kinds


DATA = Path(__file__).with_name("data")
Y2021 = DATA / "epraccur-2021.csv"
Y2024 = DATA / "epraccur-2024.csv"
ICB_NAMES = DATA / "eccg-icbs.csv"


class TestKindsFollowTheDate:
    def test_a_file_of_before_icbs_reports_ccgs_and_stps(self) -> None:
        """No ICB and no sub-ICB location in a 2021 file: a CCG under an STP."""
        result = EscalationNetwork.from_ods(Y2021)
        assert result.era == dt.date(2021, 1, 1)
        net = result.network
        kinds = {b.kind for b in net.bodies}
        assert BodyKind.INTEGRATED_CARE_BOARD not in kinds
        assert BodyKind.SUB_ICB_LOCATION not in kinds
        assert [b.kind for b in net.route("L85001")] == [
            BodyKind.CLINICAL_COMMISSIONING_GROUP,
            BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP,
            BodyKind.REGION,
            BodyKind.NATIONAL_BODY,
        ]

    def test_a_file_of_after_icbs_reports_sub_icb_locations_and_icbs(self) -> None:
        result = EscalationNetwork.from_ods(Y2024)
        assert result.era == dt.date(2022, 7, 1)
        assert [b.kind for b in result.network.route("K81001")] == [
            BodyKind.SUB_ICB_LOCATION,
            BodyKind.INTEGRATED_CARE_BOARD,
            BodyKind.REGION,
            BodyKind.NATIONAL_BODY,
        ]

    def test_as_of_decides_the_era_not_the_file(self) -> None:
        """The 2024 file read as at 2022-06-30: the day before ICBs."""
        day_before = ICB_ERA - dt.timedelta(days=1)
        net = EscalationNetwork.from_ods(Y2024, as_of=day_before).network
        assert net.body("11X").kind is BodyKind.CLINICAL_COMMISSIONING_GROUP
        assert net.body("QSL").kind is BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP
        net = EscalationNetwork.from_ods(Y2024, as_of=ICB_ERA).network
        assert net.body("11X").kind is BodyKind.SUB_ICB_LOCATION
        assert net.body("QSL").kind is BodyKind.INTEGRATED_CARE_BOARD

    def test_a_day_before_the_first_ccgs_is_refused_for_england(self) -> None:
        """Before 1 April 2013 primary care trusts commissioned English practices, and
        the file names none: read so, each practice stood under a CCG of a later day."""
        first = BodyType.CCG.existed_from
        assert first == dt.date(2013, 4, 1)
        with pytest.raises(
            InvalidValueError,
            match=(
                r"^as_of: datetime\.date\(2013, 3, 31\) is not allowed: is before 2013-04-01, "
                r"when clinical commissioning groups took over from primary care trusts; "
                r"epraccur\.csv names an English practice's commissioner only from then, so "
                r"it cannot say who commissioned one on 2013-03-31 \(give a later date, or "
                r"read the Welsh practices alone\)$"
            ),
        ):
            EscalationNetwork.from_ods(Y2021, as_of=first - dt.timedelta(days=1))
        on_first = EscalationNetwork.from_ods(Y2021, as_of=first)
        # L81001 joined 15C on 2018-04-01: on 2013-04-01 the file cannot place it.
        assert len(on_first.network.practices) == 4
        assert [str(row) for row in on_first.skipped if row.code == "L81001"] == [
            (
                "line 5 (L81001): commissioner not known on 2013-04-01 "
                "(joined its commissioner on 2018-04-01)"
            )
        ]
        # Welsh practices alone are not refused the date; each is placed from the day
        # it joined its board (2013-04-01 in this file), so on 2010-01-01 none is.
        wales = EscalationNetwork.from_ods(Y2021, as_of="2010-01-01", nations="wales")
        assert wales.network.practices == ()
        assert wales.skipped_by_reason()["commissioner not known on 2010-01-01"] == 2
        later = EscalationNetwork.from_ods(Y2021, as_of="2013-04-01", nations="wales")
        assert len(later.network.practices) == 2

    def test_a_local_office_in_the_tables_is_an_area_team(self) -> None:
        """Q74 is an NHS England local office in the ODS eauth.csv file (2018)."""
        cells = [""] * 27
        cells[:4] = ["A81001", "SURGERY", "Y54", "Q74"]
        cells[10:16] = ["19740401", "", "A", "B", "00K", "20180401"]
        cells[25] = "4"
        row = ",".join(cells)  # the file's date is its join date, 2018-04-01, when Q74 was open
        net = EscalationNetwork.from_ods(io.StringIO(row + "\n")).network
        office = net.body("Q74")
        assert office.kind is BodyKind.AREA_TEAM
        assert office.name == "NHS England North (Cumbria and North East)"
        assert net.body("00K").name == "NHS Hartlepool and Stockton-on-Tees CCG"
        assert net.body("Y54").name == "North of England Commissioning Region"

    def test_era_kinds(self) -> None:
        assert era_kinds(None) == (BodyKind.SUB_ICB_LOCATION, BodyKind.INTEGRATED_CARE_BOARD)
        assert era_kinds(dt.date(2013, 4, 1))[0] is BodyKind.CLINICAL_COMMISSIONING_GROUP

    def test_a_ccg_and_its_sub_icb_location_are_bound_by_date(self) -> None:
        """One code, a CCG until 30 June 2022, then acting under its ICB's duties."""
        kind = BodyKind.CLINICAL_COMMISSIONING_GROUP
        assert kind.body_type_on("2022-06-30") is BodyType.CCG
        assert kind.body_type_on("2022-07-01") is BodyType.ICB
        assert BodyKind.SUB_ICB_LOCATION.body_type_on("2023-01-01") is BodyType.ICB
        assert BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP.body_type is None


class TestNames:
    def test_bodies_are_named_from_the_tables(self) -> None:
        net = EscalationNetwork.from_ods(Y2021).network
        assert net.body("11X").name == "NHS Somerset CCG"
        assert net.body("15C").name == ("NHS Bristol, North Somerset and South Gloucestershire CCG")
        assert net.body("Y58").name == "South West Commissioning Region"
        assert net.body("QSL").name == "Somerset"  # the STP, as ONS named it in April 2021

    def test_a_ccg_merger(self) -> None:
        """11H (NHS Bristol CCG) closed on 2018-03-31; 15C opened on 2018-04-01."""
        names = OdsNames.builtin()
        assert names.name("11H", on="2018-03-31") == "NHS Bristol CCG"
        assert names.name("11H", on="2018-04-01") is None
        assert names.name("15C", on="2018-03-31") is None
        then = EscalationNetwork.from_ods(Y2021, as_of="2014-06-01").network
        assert then.body("11H").name == "NHS Bristol CCG"
        assert [b.id for b in then.route("L81002")][:1] == ["11H"]

    def test_a_practice_read_before_it_joined_its_commissioner_is_left_out(self) -> None:
        """L81001 joined 15C on 2018-04-01; read as at 2014 the file cannot say where
        it was before. It stood under 15C, a CCG that did not exist until 2018; now
        the row is skipped with its reason, and 15C is no body of the network."""
        then = EscalationNetwork.from_ods(Y2021, as_of="2014-06-01")
        assert "L81001" not in then.network
        assert "15C" not in then.network
        assert [str(row) for row in then.skipped if row.code == "L81001"] == [
            (
                "line 5 (L81001): commissioner not known on 2014-06-01 "
                "(joined its commissioner on 2018-04-01)"
            )
        ]
        assert len(then.network.practices) + len(then.skipped) == then.rows
        # From its join date it is under 15C.
        joined = EscalationNetwork.from_ods(Y2021, as_of="2018-04-01").network
        assert joined.route("L81001")[0].id == "15C"

    def test_ccg_names_end_when_ccgs_did(self) -> None:
        """In 2024 11X is a sub-ICB location, named as the ONS lookup of July 2022
        names it: the CCG's name is not used."""
        net = EscalationNetwork.from_ods(Y2024).network
        assert net.body("11X").name == "NHS Somerset ICB - 11X"
        names = OdsNames.builtin()
        ccg, location = names.lookup("11X", on="2022-06-30"), names.lookup("11X", on=ICB_ERA)
        assert ccg is not None
        assert (ccg.name, ccg.kind) == ("NHS SOMERSET CCG", "clinical-commissioning-group")
        assert location is not None
        assert (location.name, location.kind) == ("NHS Somerset ICB - 11X", "sub-icb-location")
        assert location.opened == ICB_ERA

    def test_five_character_sub_icb_codes(self) -> None:
        net = EscalationNetwork.from_ods(Y2024).network
        location = net.body("D4U1Y")
        assert location.kind is BodyKind.SUB_ICB_LOCATION
        assert location.tier is Tier.PLACE
        assert location.name == "NHS Frimley ICB - D4U1Y"
        entry = OdsNames.builtin().lookup("D4U1Y")
        assert entry is not None
        assert entry.parent == "QNQ"  # ICB22CDH of its row in the ONS lookup

    def test_a_2023_commissioner_is_a_named_sub_icb_location(self) -> None:
        """A 2023 row in the published layout under 02P, QF7 and Y63: the row of
        E38000006 in the ONS lookup LOC22_ICB22_NHSER22_EN_LU (July 2022)."""
        cells = [""] * 27
        cells[:4] = ["A81001", "SURGERY", "Y63", "QF7"]
        cells[10:16] = ["19740401", "", "A", "B", "02P", "20230401"]
        cells[25] = "4"
        net = EscalationNetwork.from_ods(io.StringIO(",".join(cells) + "\n")).network
        commissioner = net.body("02P")
        assert commissioner.kind is BodyKind.SUB_ICB_LOCATION
        assert commissioner.name == "NHS South Yorkshire ICB - 02P"
        assert net.body("QF7").name == "NHS South Yorkshire Integrated Care Board"
        cells[15] = "20130401"  # joined in 2013: the row places it on 2022-06-30 too
        before = EscalationNetwork.from_ods(
            io.StringIO(",".join(cells) + "\n"), as_of="2022-06-30"
        ).network
        assert before.body("02P").kind is BodyKind.CLINICAL_COMMISSIONING_GROUP
        assert before.body("02P").name == "NHS Barnsley CCG"

    def test_the_sub_icb_locations_of_july_2022(self) -> None:
        """106 locations, each under one of the 42 ICBs (ONS, July 2022)."""
        names = OdsNames.builtin()
        locations = [
            e for code in names for e in names.entries(code) if e.kind == "sub-icb-location"
        ]
        icbs = {
            e.code
            for code in names
            for e in names.entries(code)
            if e.kind == "integrated-care-board"
        }
        assert len(locations) == 106
        assert len(icbs) == 42
        assert {e.parent for e in locations} == icbs
        assert all(e.opened == ICB_ERA and e.closed is None for e in locations)
        assert all(e.name.endswith(f"ICB - {e.code}") for e in locations)
        assert [e.code for e in locations if e.parent == "QSL"] == ["11X"]
        assert sorted(e.code for e in locations if e.parent == "QF7") == [
            "02P",
            "02X",
            "03L",
            "03N",
        ]
        assert names.name("15M", on="2015-06-01") is None  # not a CCG before 2019
        assert names.name("15M", on="2023-01-01") == "NHS Derby and Derbyshire ICB - 15M"

    def test_icbs_are_named_from_1_july_2022(self) -> None:
        net = EscalationNetwork.from_ods(Y2024).network
        assert net.body("QSL").name == "NHS Somerset Integrated Care Board"
        entry = OdsNames.builtin().lookup("QSL", on=ICB_ERA)
        assert entry is not None
        assert entry.verified is True  # two copies of the ONS lookup agree row for row
        assert entry.name == "NHS Somerset Integrated Care Board"  # as ONS spells it
        assert entry.source is not None
        assert entry.source.publisher == "Office for National Statistics"
        assert "LOC22_ICB22_NHSER22_EN_LU" in entry.source.title
        assert entry.source.url is not None
        assert entry.source.url.endswith("/data/LOC22_ICB22_NHSER22_EN_LU.csv")
        before = OdsNames.builtin().lookup("QSL", on="2022-06-30")
        assert before is not None
        assert before.kind == "sustainability-and-transformation-partnership"

    def test_names_from_ods_files_given(self) -> None:
        net = EscalationNetwork.from_ods(Y2024, names=ICB_NAMES).network
        assert net.body("QSL").name == "NHS Somerset Integrated Care Board"
        assert net.body("QNQ").name == "NHS Frimley Integrated Care Board"
        names = OdsNames.read(ICB_NAMES)
        given = names.lookup("QNQ")
        assert given is not None
        assert given.verified is True
        assert given.source is not None
        assert given.source.title == "eccg-icbs.csv"  # the file's name wins
        assert net.body("Y58").name == names.name("Y58") == "South West Commissioning Region"
        assert names.tables[-1] == str(ICB_NAMES)
        assert EscalationNetwork.from_ods(Y2024, names=names).network.body("QNQ").name == (
            "NHS Frimley Integrated Care Board"
        )

    def test_ccgs_opened_after_november_2018(self) -> None:
        """15N (E38000230) is in the ONS file of April 2019, not in the ODS eccg.csv
        of November 2018: named from the end of April 2019, when the file shows it,
        to 30 June 2022; 99P, one of the two CCGs it replaced, keeps its 2018 name."""
        names = OdsNames.builtin()
        assert names.name("15N", on="2020-01-01") == "NHS Devon CCG"
        assert names.name("15N", on="2019-04-30") == "NHS Devon CCG"
        assert names.name("15N", on="2019-04-29") is None  # the file gives no opening date
        assert names.name("15N", on="2016-01-01") is None
        assert names.name("15N", on="2022-07-01") == "NHS Devon ICB - 15N"
        assert names.name("99P", on="2018-06-01") == ("NHS Northern, Eastern and Western Devon CCG")
        devon = names.lookup("15N", on="2020-01-01")
        assert devon is not None
        assert (devon.opened, devon.seen, devon.closed) == (
            None,
            dt.date(2019, 4, 30),
            dt.date(2022, 6, 30),
        )
        assert devon.verified is False  # a processed copy, ' CCG' restored
        assert devon.source is not None
        assert devon.source.title.startswith("CCG names and codes UK as at 04_19")
        assert devon.source.url is not None
        assert "/00b51f8a2b87351cdbb162d1443d20a1c354920a/" in devon.source.url
        assert str(devon) == (
            "15N: NHS Devon CCG (? to 2022-06-30; in force on 2019-04-30) [unverified]"
        )
        old = names.lookup("99P", on="2018-06-01")
        assert old is not None
        assert old.verified is True  # ODS eccg.csv, November 2018

    def test_ccgs_of_april_2020_and_april_2021(self) -> None:
        """16C (E38000247) first appears in the ONS file of April 2020 and D4U1Y
        (E38000252) in that of April 2021; 29 codes in all, every one a sub-ICB
        location in July 2022."""
        names = OdsNames.builtin()
        assert names.name("16C", on="2020-06-01") == "NHS Tees Valley CCG"
        assert names.name("16C", on="2019-06-01") is None
        assert names.name("D4U1Y", on="2021-06-01") == "NHS Frimley CCG"
        assert names.name("D4U1Y", on="2020-06-01") is None
        assert names.name("D4U1Y", on="2022-07-01") == "NHS Frimley ICB - D4U1Y"
        later = [
            e
            for code in names
            for e in names.entries(code)
            if e.kind == "clinical-commissioning-group" and e.seen is not None
        ]
        assert len(later) == 29
        assert {e.seen for e in later} == {
            dt.date(2019, 4, 30),
            dt.date(2020, 4, 30),
            dt.date(2021, 4, 30),
        }
        assert not any(e.verified for e in later)
        assert all(e.name.endswith(" CCG") and e.opened is None for e in later)
        locations = {
            e.code for code in names for e in names.entries(code) if e.kind == "sub-icb-location"
        }
        assert {e.code for e in later} <= locations

    def test_a_2020_file_names_a_ccg_of_2019(self) -> None:
        """A row under 15N, QJK and Y58 (join date 1 April 2019): named as at 2020;
        as at 1 April 2019, before the ONS file shows the name, by kind and code."""
        cells = [""] * 27
        cells[:4] = ["L83001", "SURGERY", "Y58", "QJK"]
        cells[10:16] = ["19740401", "", "A", "B", "15N", "20190401"]
        cells[25] = "4"
        row = ",".join(cells) + "\n"
        net = EscalationNetwork.from_ods(io.StringIO(row), as_of="2020-06-01").network
        assert net.body("15N").kind is BodyKind.CLINICAL_COMMISSIONING_GROUP
        assert net.body("15N").name == "NHS Devon CCG"
        early = EscalationNetwork.from_ods(io.StringIO(row)).network  # the file's date
        assert early.body("15N").name == "Clinical commissioning group (CCG) 15N"

    def test_a_name_seen_in_force_without_an_opening_date(self) -> None:
        entry = OdsName(
            code="15N",
            name="NHS Devon CCG",
            kind="clinical-commissioning-group",
            seen=dt.date(2019, 4, 30),
        )
        assert entry.in_force("2019-04-30")
        assert not entry.in_force("2019-04-29")
        opened = OdsName(
            code="15N",
            name="NHS Devon CCG",
            kind="ods-file",
            opened=dt.date(2019, 4, 1),
            seen=dt.date(2019, 4, 30),
        )
        assert opened.in_force("2019-04-01")  # an opening date wins over seen
        assert str(opened) == "15N: NHS Devon CCG (2019-04-01 to today)"

    def test_a_region_reorganisation(self) -> None:
        """Y57 closed on 2018-03-31; Y58 opened on 2018-04-01 (ODS eauth.csv)."""
        names = OdsNames.builtin()
        assert names.name("Y57", on="2018-03-31") == "South of England Commissioning Region"
        assert names.name("Y57", on="2018-04-01") is None
        assert names.name("Y58", on="2018-04-01") == "South West Commissioning Region"

    def test_a_closed_practice_keeps_the_old_parent_and_the_open_rows_decide(self) -> None:
        """L85002 closed in 2017 under Q80 and Y57; the open rows put 11X under QSL."""
        result = EscalationNetwork.from_ods(Y2021, as_of="2016-06-01")
        net = result.network
        assert [b.id for b in net.route("L85002")] == ["11X", "QSL", "Y58", "england"]
        assert [str(w) for w in result.warnings] == [
            (
                "line 2: 11X is under Q80 here but under QSL on line 1; kept QSL "
                "(rows of practices not closed decide)"
            )
        ]
        assert "Q80" not in net
        assert "Y57" not in net
        # Y58 did not exist in 2016: it is named by kind and code.
        assert net.body("Y58").name == "NHS England region Y58"

    def test_the_sub_icb_locations_are_verified(self) -> None:
        """Rows of the ONS lookup of July 2022, read from two copies that agree."""
        names = OdsNames.builtin()
        locations = [
            e for code in names for e in names.entries(code) if e.kind == "sub-icb-location"
        ]
        assert all(e.verified for e in locations)
        entry = names.lookup("A3A8R", on="2023-01-01")  # E38000255 in the ONS file
        assert entry is not None
        assert (entry.name, entry.parent, entry.verified) == (
            "NHS North East London ICB - A3A8R",
            "QMF",
            True,
        )

    def test_unverified_names_are_marked(self) -> None:
        board = OdsNames.builtin().lookup("7A3")
        assert board is not None
        assert board.verified is False  # read from a processed copy of the ONS file
        assert str(board) == (
            "7A3: Swansea Bay University Health Board (2019-04-01 to today) [unverified]"
        )
        assert OdsNames.builtin().lookup("Y58") is not None

    def test_the_boards_of_april_2018_are_verified(self) -> None:
        """The seven W11 rows of the ONS file CCG names and codes UK as at 04_18."""
        names = OdsNames.builtin()
        boards = {
            code: names.lookup(code, on="2018-04-01")
            for code in ("7A1", "7A2", "7A3", "7A4", "7A5", "7A6", "7A7")
        }
        assert all(b is not None and b.verified for b in boards.values())
        assert {code: b.name for code, b in boards.items() if b is not None} == {
            "7A1": "Betsi Cadwaladr University Health Board",
            "7A2": "Hywel Dda University Health Board",
            "7A3": "Abertawe Bro Morgannwg University Health Board",
            "7A4": "Cardiff and Vale University Health Board",
            "7A5": "Cwm Taf University Health Board",
            "7A6": "Aneurin Bevan University Health Board",
            "7A7": "Powys Teaching Health Board",
        }
        first = boards["7A1"]
        assert first is not None
        assert first.source is not None
        assert first.source.publisher == "Office for National Statistics"
        assert first.source.title.startswith("CCG names and codes UK as at 04_18")

    def test_reprs_are_one_line(self) -> None:
        names = OdsNames.read(ICB_NAMES)
        assert repr(names) == "<OdsNames with 343 codes and 15 tables>"
        entry = names.lookup("QNQ")
        assert isinstance(entry, OdsName)
        assert "\n" not in repr(entry)
        assert str(entry) == "QNQ: NHS Frimley Integrated Care Board (2022-07-01 to today)"

    def test_bad_names_arguments(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidTypeError, match="names"):
            EscalationNetwork.from_ods(Y2024, names=42)  # type: ignore[arg-type]
        bad = tmp_path / "eccg.csv"
        bad.write_text('"qnq","NHS FRIMLEY"\n"QSL",""\n', encoding="utf-8")
        with pytest.raises(DocumentError, match="line 1: column 1 'qnq' is not an ODS code"):
            OdsNames.read(bad)


class TestDormantAndProposed:
    def test_skipped_by_status_without_a_date(self) -> None:
        skipped = {s.code: s.reason for s in EscalationNetwork.from_ods(Y2021).skipped}
        assert skipped["L85003"] == "status D (dormant)"
        assert skipped["L85004"] == "status P (proposed)"

    def test_by_their_dates_with_one(self) -> None:
        result = EscalationNetwork.from_ods(Y2021, as_of="2020-06-01")
        assert "L85003" in result.network  # dormant, never closed
        skipped = {s.code: s.reason for s in result.skipped}
        assert skipped["L85004"] == "not open on 2020-06-01 (opened 2021-01-01)"


class TestWalesAsWales:
    def test_welsh_practices_get_no_english_duties(self) -> None:
        net = EscalationNetwork.from_ods(Y2021, nations="both").network
        bound = net.duties(on="2020-06-01")
        welsh = bound.of("W91001")
        assert welsh.body_type is None
        assert welsh.duties == ()
        assert welsh.reason == (
            "in Wales (under NHS Wales): engagekit models the duties of the NHS in England"
        )
        assert bound.of("L85001").body_type is BodyType.GP_PRACTICE
        assert bound.of("7A1").body_type is None

    def test_boards_are_named(self) -> None:
        net = EscalationNetwork.from_ods(Y2024, nations="wales").network
        assert [b.name for b in net.route("W91001")] == [
            "Betsi Cadwaladr University Health Board",
            "NHS Wales",
        ]

    def test_two_boards_renamed_on_1_april_2019(self) -> None:
        """Welsh Government written statement of 16 January 2019: Abertawe Bro
        Morgannwg University Health Board became Swansea Bay University Health Board,
        and Cwm Taf became Cwm Taf Morgannwg, from 1 April 2019."""
        names = OdsNames.builtin()
        assert names.name("7A3", on="2019-03-31") == (
            "Abertawe Bro Morgannwg University Health Board"
        )
        assert names.name("7A3", on="2019-04-01") == ("Swansea Bay University Health Board")
        assert names.name("7A5", on="2018-06-01") == "Cwm Taf University Health Board"
        assert names.name("7A5", on="2019-04-01") == ("Cwm Taf Morgannwg University Health Board")
        assert names.name("7A3") == "Swansea Bay University Health Board"
        old = names.lookup("7A3", on="2019-03-31")
        assert old is not None
        assert (old.opened, old.closed) == (None, dt.date(2019, 3, 31))
        assert old.verified is True  # ONS, April 2018
        new = names.lookup("7A3", on="2019-04-01")
        assert new is not None
        assert new.verified is False  # read from a processed copy of the ONS file

    def test_a_welsh_practice_is_named_by_the_board_of_the_date(self) -> None:
        """A practice under 7A3 read as at 2018 and as at 2020: the same code, the
        board's name of each date."""
        cells = [""] * 27
        cells[:4] = ["W98001", "SURGERY", "W00", "Q99"]
        cells[10:16] = ["19740401", "", "A", "B", "7A3", "20090401"]
        cells[25] = "4"
        row = ",".join(cells) + "\n"
        before = EscalationNetwork.from_ods(
            io.StringIO(row), nations="wales", as_of="2018-06-01"
        ).network
        after = EscalationNetwork.from_ods(
            io.StringIO(row), nations="wales", as_of="2020-06-01"
        ).network
        assert [b.name for b in before.route("W98001")] == [
            "Abertawe Bro Morgannwg University Health Board",
            "NHS Wales",
        ]
        assert [b.name for b in after.route("W98001")] == [
            "Swansea Bay University Health Board",
            "NHS Wales",
        ]

    def test_the_default_is_england(self) -> None:
        result = EscalationNetwork.from_ods(Y2021)
        assert "W91001" not in result.network
        assert result.skipped_by_reason()["in Wales"] == 2


class TestTheFastIndex:
    """The reader indexes its tree without re-checking it: the index must be the one
    the checked constructor builds."""

    @pytest.mark.parametrize("path", [Y2021, Y2024, DATA / "epraccur-history.csv"])
    def test_same_index_as_the_checked_constructor(self, path: Path) -> None:
        net = EscalationNetwork.from_ods(path, nations="both", strict=False).network
        checked = EscalationNetwork(
            name=net.name, bodies=net.bodies, links=net.links, source=net.source
        )
        assert net == checked
        ours, theirs = net._index, checked._index
        for field in ("bodies", "rank", "up", "down", "lateral", "primary", "root"):
            assert list(getattr(ours, field).items()) == list(getattr(theirs, field).items())
        assert ours.top == theirs.top
        assert [b.id for b in net.top] == ["england", "wales"]

    def test_a_code_in_two_columns_goes_to_the_checked_constructor(self) -> None:
        cells = [""] * 27
        cells[:4] = ["A81001", "SURGERY", "Y58", "QSL"]
        cells[10:16] = ["19740401", "", "A", "B", "Y58", "20220701"]
        cells[25] = "4"
        with pytest.raises(EngagekitError, match="Y58"):
            EscalationNetwork.from_ods(io.StringIO(",".join(cells) + "\n"))


class TestStpNames:
    """The STPs of April 2021 (ONS CCG21_STP21_EN_LU), column 4 before 1 July 2022."""

    @staticmethod
    def stps() -> list[OdsName]:
        names = OdsNames.builtin()
        kind = "sustainability-and-transformation-partnership"
        return [e for code in names for e in names.entries(code) if e.kind == kind]

    def test_the_42_stps_are_the_codes_that_became_icbs(self) -> None:
        stps = self.stps()
        names = OdsNames.builtin()
        icbs = {
            e.code
            for code in names
            for e in names.entries(code)
            if e.kind == "integrated-care-board"
        }
        assert len(stps) == 42
        assert {e.code for e in stps} == icbs  # ICBs kept the STP codes (ODS)
        assert all(e.opened is None and e.closed == ICB_ERA - dt.timedelta(days=1) for e in stps)
        assert all(e.verified is False and e.parent is None for e in stps)

    def test_real_rows_as_ons_names_them(self) -> None:
        names = {e.code: e.name for e in self.stps()}
        assert names["QSL"] == "Somerset"
        assert names["QHM"] == "Cumbria and North East"
        assert names["QT6"] == (
            "Cornwall and the Isles of Scilly Health and Social Care Partnership"
        )
        assert names["QWO"] == "West Yorkshire and Harrogate (Health and Care Partnership)"
        assert names["QF7"] == "South Yorkshire and Bassetlaw"
        assert names["QNQ"] == "Frimley Health and Care ICS"
        assert names["QUA"] == "The Black Country and West Birmingham"

    def test_the_source_is_a_processed_copy_of_the_ons_lookup(self) -> None:
        entry = OdsNames.builtin().lookup("QSL", on="2020-01-01")
        assert entry is not None
        assert entry.source is not None
        assert "CCG21_STP21_EN_LU" in entry.source.title
        assert entry.source.url is not None
        assert "samuel-book/geography_data" in entry.source.url
        assert str(entry) == "QSL: Somerset (? to 2022-06-30) [unverified]"

    def test_the_stp_name_gives_way_to_the_icb_on_1_july_2022(self) -> None:
        names = OdsNames.builtin()
        assert names.name("QSL", on="2020-01-01") == "Somerset"
        assert names.name("QSL", on="2022-06-30") == "Somerset"
        assert names.name("QSL", on="2022-07-01") == "NHS Somerset Integrated Care Board"
        current = names.lookup("QSL")  # no date: the name in force today
        assert current is not None
        assert current.kind == "integrated-care-board"

    def test_a_file_of_before_icbs_names_its_stps(self) -> None:
        net = EscalationNetwork.from_ods(Y2021).network
        stp = net.body("QSL")
        assert stp.kind is BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP
        assert stp.name == "Somerset"
        assert net.body("QUY").name == "Bristol, North Somerset and South Gloucestershire"
        assert [b.name for b in net.route("L85001")][:2] == ["NHS Somerset CCG", "Somerset"]

    def test_the_era_decides_between_the_stp_and_the_icb(self) -> None:
        day_before = ICB_ERA - dt.timedelta(days=1)
        before = EscalationNetwork.from_ods(Y2024, as_of=day_before).network.body("QSL")
        assert (before.kind, before.name) == (
            BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP,
            "Somerset",
        )
        after = EscalationNetwork.from_ods(Y2024, as_of=ICB_ERA).network.body("QSL")
        assert (after.kind, after.name) == (
            BodyKind.INTEGRATED_CARE_BOARD,
            "NHS Somerset Integrated Care Board",
        )

    def test_an_stp_name_does_not_make_a_code_an_area_team(self) -> None:
        """Only the area-team and local-office tables make a column-4 code an area team."""
        net = EscalationNetwork.from_ods(Y2021, as_of="2019-01-01").network
        assert net.body("QSL").kind is BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP
        assert BodyKind.AREA_TEAM not in {b.kind for b in net.bodies}


def test_names_are_read_from_a_text_file_named_by_its_name() -> None:
    """A text file object (standard input, for `engagekit network --names -`) is read
    as a path is, and its errors name it."""
    text = (DATA / "eccg-icbs.csv").read_text(encoding="utf-8")
    from_file = OdsNames.read(DATA / "eccg-icbs.csv")
    handle = io.StringIO(text)
    handle.name = "<stdin>"
    from_text = OdsNames.read(handle)
    assert from_text.name("QSL") == from_file.name("QSL") == "NHS Somerset Integrated Care Board"
    assert from_text.tables[-1] == "<stdin>"
    bad = io.StringIO("QSL\n")
    bad.name = "<stdin>"
    with pytest.raises(DocumentError, match=r"^<stdin>: 1 problem\n  line 1: expected a code"):
        OdsNames.read(bad)
    with pytest.raises(InvalidTypeError, match="expected a path to an ODS file, or a text file"):
        OdsNames.read(io.BytesIO(b"QSL,NAME\n"))  # type: ignore[arg-type]


def test_a_read_before_the_files_day_says_its_upper_parents_are_the_files() -> None:
    """The 2021 file read as on 2014-06-01: the practices open then, under their 2014
    commissioners, but under the local office and region their rows give, which the
    built-in eauth.csv tables open on 2015-04-01 (Q80) and 2018-04-01 (Y58)."""
    then = EscalationNetwork.from_ods(Y2021, as_of="2014-06-01", strict=False)
    assert (then.era, then.file_date) == (dt.date(2014, 6, 1), dt.date(2021, 1, 1))
    assert [(e.code, e.opened) for e in then.opened_after] == [
        ("Q80", dt.date(2015, 4, 1)),
        ("Y58", dt.date(2018, 4, 1)),
    ]
    assert then.parents_note == (
        "the bodies above each commissioner are as the file gives them on 2021-01-01 "
        "(its latest date), not as on 2014-06-01; the name tables say Q80 (NHS England "
        "South (South West)) opened on 2015-04-01, Y58 (South West Commissioning Region) "
        "opened on 2018-04-01"
    )
    second = render.text(then).splitlines()[1]
    assert second.startswith("Note: the bodies above each commissioner are as the file gives")
    # Read as on its own day, or with no day, a file's parents are its day's.
    for read in (
        EscalationNetwork.from_ods(Y2021, strict=False),
        EscalationNetwork.from_ods(Y2021, as_of="2021-06-01", strict=False),
    ):
        assert (read.parents_note, read.opened_after) == (None, ())
        assert "Note:" not in render.text(read)


def test_a_welsh_read_before_the_files_day_has_no_upper_parents_to_note() -> None:
    """A Welsh practice's commissioner is its local health board, dated by its join
    date; nothing stands between the board and NHS Wales, so a read as on an earlier
    day has no note, and a board the names open later (7A8 here) is not listed."""
    rows = (
        '"W91001","VALLEY SURGERY","W00","Q99","","","","","","","19740401","","A","B",'
        '"7A8","20130401","","","","","","","","","","4",""\n'
        '"W91002","OLD SURGERY","W00","Q99","","","","","","","19740401","20210331","C","B",'
        '"7A1","20130401","20210331","","","","","","","","","4",""\n'
    )
    names = OdsNames.read(io.StringIO('"7A8","NEW BOARD","","","","","","","","","20190401",""\n'))
    then = EscalationNetwork.from_ods(
        io.StringIO(rows), as_of="2015-01-01", nations="wales", names=names
    )
    assert (then.file_date, then.era) == (dt.date(2021, 3, 31), dt.date(2015, 1, 1))
    assert (then.opened_after, then.parents_note) == ((), None)
    assert then.network.body("7A8").kind is BodyKind.LOCAL_HEALTH_BOARD
