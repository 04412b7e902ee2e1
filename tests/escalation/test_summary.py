"""The national view: summaries by tier and kind, paths to the top, and diffs."""

from __future__ import annotations

import datetime as dt
import io as stdio
import json

from pathlib import Path

import pytest

from engagekit import io as engagekit_io
from engagekit import render
from engagekit import schema as engagekit_schema
from engagekit.cli import main
from engagekit.errors import InvalidTypeError, UnknownChoiceError
from engagekit.escalation import (
    BodyKind,
    Change,
    ChangeKind,
    EscalationNetwork,
    NetworkDiff,
    OdsNames,
    Tier,
    national,
)


DATA = Path(__file__).with_name("data")
PCN = DATA / "epcn-sample.csv"
EPRACCUR = DATA / "epraccur-sample.csv"
HISTORY = DATA / "epraccur-history.csv"
BEFORE = DATA / "epraccur-before.csv"
AFTER = DATA / "epraccur-after.csv"


def merged() -> EscalationNetwork:
    ods = EscalationNetwork.from_ods(EPRACCUR).network
    return EscalationNetwork.from_pcn(PCN, network=ods).network


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


class TestSummary:
    def test_counts_by_tier_and_kind_with_names(self) -> None:
        summary = merged().summary()
        assert [(r.tier, r.kind, r.count) for r in summary] == [
            (Tier.NATIONAL, BodyKind.NATIONAL_BODY, 1),
            (Tier.REGION, BodyKind.REGION, 2),
            (Tier.SYSTEM, BodyKind.INTEGRATED_CARE_BOARD, 3),
            (Tier.PLACE, BodyKind.SUB_ICB_LOCATION, 3),
            (Tier.NEIGHBOURHOOD, BodyKind.PRIMARY_CARE_NETWORK, 3),
            (Tier.PRACTICE, BodyKind.PRACTICE, 5),
        ]
        assert summary.total == 17
        # ICBs are named from engagekit's tables, and the sub-ICB locations too (ONS,
        # July 2022), in id order.
        assert summary.of("icb").names == (
            "NHS North East and North Cumbria Integrated Care Board",
            "NHS Leicester, Leicestershire and Rutland Integrated Care Board",
            "NHS Humber and North Yorkshire Integrated Care Board",
        )
        assert summary.of("sub-icb-location").names == (
            "NHS Leicester, Leicestershire and Rutland ICB - 04C",
            "NHS North East and North Cumbria ICB - 16C",
            "NHS Humber and North Yorkshire ICB - 42D",
        )
        assert summary.of("pcn").names == ("RIVERSIDE PCN", "TOWN PCN", "COAST PCN")
        assert summary.of("healthwatch").count == 0
        with pytest.raises(UnknownChoiceError, match="'parish' is not allowed"):
            summary.of("parish")

    def test_display(self) -> None:
        summary = merged().summary()
        assert repr(summary) == "<NetworkSummary with 6 rows and 17 bodies>"
        lines = render.text(summary).splitlines()
        assert lines[0].split() == ["tier", "kind", "bodies", "for", "example"]
        # The examples' column is narrowed for a terminal 100 columns wide; it wraps.
        assert [line[38:] for line in lines[-3:]] == [
            "Practice               5       THE EXAMPLE SURGERY, RIVERSIDE",
            "                               MEDICAL CENTRE, PARK LANE",
            "                               PRACTICE, …",
        ]
        assert max(len(line) for line in lines) == 100
        assert summary.to_records()[4] == {
            "tier": "neighbourhood",
            "kind": "primary-care-network",
            "bodies": 3,
            "for example": "RIVERSIDE PCN, TOWN PCN, COAST PCN",
        }
        assert "<table" in summary._repr_html_()
        assert render.markdown(summary).startswith(
            "## GP practices from epraccur-sample.csv with primary care networks: 17 bodies by "
            "tier and kind\n\n| tier | kind | bodies | for example |"
        )

    def test_national_summary_stays_short(self) -> None:
        summary = national().summary()
        assert len(repr(summary)) < 80
        assert summary.of("practice").count == summary.total - sum(
            r.count for r in summary if r.kind is not BodyKind.PRACTICE
        )


class TestPath:
    def test_path_from_practice_to_the_top_with_names(self) -> None:
        path = merged().path("A81002")
        assert repr(path) == "<PathToTop with 6 bodies>"
        assert path.text() == (
            "RIVERSIDE MEDICAL CENTRE -> TOWN PCN -> NHS North East and North Cumbria ICB - 16C"
            " -> NHS North East and North Cumbria Integrated Care Board -> North East and Yorkshire Commissioning "
            "Region -> NHS England"
        )
        assert [r["tier"] for r in path.to_records()] == [
            "practice",
            "neighbourhood",
            "place",
            "system",
            "region",
            "national",
        ]

    def test_the_top_is_its_own_path(self) -> None:
        assert [b.id for b in merged().path("england")] == ["england"]


class TestDiff:
    def test_two_files(self) -> None:
        """Opened, closed, moved commissioner, two CCG codes merged into one, and a
        CCG named only at the later file's date: 16C is NHS Tees Valley CCG from the
        ONS file of April 2020, so unnamed on 2013-04-01 (the earlier file's date)."""
        old = EscalationNetwork.from_ods(BEFORE).network
        new = EscalationNetwork.from_ods(AFTER).network
        changes = old.diff(new)
        assert [str(c) for c in changes] == [
            "opened: A81009 NEW QUAY SURGERY (under 16C)",
            "closed: C81003 OLD MILL SURGERY (was under 15M)",
            "added: 00K NHS Hartlepool and Stockton-on-Tees CCG (under QHM)",
            "added: 99X Clinical commissioning group (CCG) 99X (under QOQ)",
            "removed: Y60 Midlands Commissioning Region (was under england)",
            "removed: QJ2 Joined Up Care Derbyshire (was under Y60)",
            "removed: 15M Clinical commissioning group (CCG) 15M (was under QJ2)",
            "merged: 42D Clinical commissioning group (CCG) 42D into 99X",
            "merged: 42E Clinical commissioning group (CCG) 42E into 99X",
            "moved: A81002 RIVERSIDE MEDICAL CENTRE from 16C to 00K",
            "moved: B82005 HIGH STREET GROUP PRACTICE from 42D to 99X",
            "moved: B82006 HARBOUR GROUP PRACTICE from 42E to 99X",
            (
                "renamed: 16C NHS Tees Valley CCG from Clinical commissioning group (CCG) 16C"
                " to NHS Tees Valley CCG"
            ),
        ]
        assert changes.counts() == {
            "opened": 1,
            "closed": 1,
            "added": 2,
            "removed": 3,
            "merged": 2,
            "moved": 3,
            "renamed": 1,
        }
        assert [c.id for c in changes.of("merged")] == ["42D", "42E"]
        assert repr(changes) == "<NetworkDiff with 13 changes>"
        assert changes.to_records()[0] == {
            "change": "opened",
            "tier": "practice",
            "id": "A81009",
            "name": "NEW QUAY SURGERY",
            "before": None,
            "after": "16C",
        }
        assert not old.diff(old)

    def test_two_dates_of_one_file(self) -> None:
        old = EscalationNetwork.from_ods(HISTORY, as_of="2016-06-01").network
        new = EscalationNetwork.from_ods(HISTORY, as_of="2018-06-01").network
        assert [str(c) for c in old.diff(new)] == [
            "closed: C81003 OLD MILL SURGERY (was under 15M)",
        ]

    def test_a_practice_that_moved_pcn(self) -> None:
        old = EscalationNetwork.from_pcn(PCN, as_of="2020-06-01").network
        new = EscalationNetwork.from_pcn(PCN, as_of="2021-06-01").network
        changes = old.diff(new)
        assert [str(c) for c in changes] == [
            "moved: A81002 RIVERSIDE MEDICAL CENTRE from U00001 to U00002",
        ]

    def test_a_practice_that_moved_commissioner_but_not_pcn(self) -> None:
        """Its PCN stays its route; its commissioner, a second parent, changed."""
        old_ods = EscalationNetwork.from_ods(EPRACCUR).network
        moved = EPRACCUR.read_text().replace(
            '"TS1 3QY","19740401","","A","B","16C"', '"TS1 3QY","19740401","","A","B","16D"'
        )
        new_ods = EscalationNetwork.from_ods(stdio.StringIO(moved)).network
        old = EscalationNetwork.from_pcn(PCN, network=old_ods).network
        new = EscalationNetwork.from_pcn(PCN, network=new_ods).network
        assert [str(c) for c in old.diff(new).of("moved")] == [
            "moved: A81004 PARK LANE PRACTICE from U00002, 16C to U00002, 16D"
        ]

    def test_split_and_rename(self) -> None:
        """A code whose practices went to two bodies split; a changed name is a rename."""
        old = EscalationNetwork.from_ods(BEFORE).network
        text = AFTER.read_text().replace('"B82006","HARBOUR GROUP', '"B82006","HARBOUR HOUSE')
        text = text.replace('"99X"', '"98X"', 1)
        new = EscalationNetwork.from_ods(stdio.StringIO(text)).network
        changes = old.diff(new)
        assert [str(c) for c in changes.of("renamed")] == [
            (  # named only on the later file's date (see test_two_files)
                "renamed: 16C NHS Tees Valley CCG from Clinical commissioning group (CCG) 16C"
                " to NHS Tees Valley CCG"
            ),
            (
                "renamed: B82006 HARBOUR HOUSE PRACTICE from HARBOUR GROUP PRACTICE "
                "to HARBOUR HOUSE PRACTICE"
            ),
        ]
        assert [str(c) for c in changes.of("merged")] == [
            "merged: 42D Clinical commissioning group (CCG) 42D into 98X",
            "merged: 42E Clinical commissioning group (CCG) 42E into 99X",
        ]

    def test_bad_values(self) -> None:
        with pytest.raises(InvalidTypeError, match="other"):
            merged().diff("national")  # type: ignore[arg-type]
        with pytest.raises(UnknownChoiceError, match="'vanished' is not allowed"):
            Change(kind="vanished", id="A1", name="A", tier="practice")
        assert ChangeKind.parse("MERGED") is ChangeKind.MERGED


class TestCommand:
    def test_pcn_merged_and_path(self) -> None:
        status, text = run("network", "--ods", str(EPRACCUR), "--pcn", str(PCN))
        assert status == 0
        assert "6 rows read; 4 memberships in 3 primary care networks; 2 rows skipped" in text
        assert "Neighbourhood (primary care network): 3" in text
        status, text = run("network", "--ods", str(EPRACCUR), "--pcn", str(PCN), "--path", "A81002")
        assert status == 0
        assert text.splitlines() == [
            "RIVERSIDE MEDICAL CENTRE [A81002] (Practice)",
            "  -> TOWN PCN [U00002] (Primary care network)",
            "  -> NHS North East and North Cumbria ICB - 16C [16C] (Sub-ICB location)",
            "  -> NHS North East and North Cumbria Integrated Care Board [QHM] (Integrated care board)",
            "  -> North East and Yorkshire Commissioning Region [Y63] (NHS England region)",
            "  -> NHS England [england] (National body)",
        ]

    def test_summary(self) -> None:
        status, text = run("network", "--pcn", str(PCN), "--as-of", "2019-08-01", "--summary")
        assert status == 0
        assert "6 rows read; 4 memberships in 3 primary care networks; 2 rows skipped" in text
        # On 2019-08-01 the PCNs' parents are CCGs. The file names them as sub-ICB
        # locations ("NHS Leicester, Leicestershire and Rutland ICB - 04C", the name of
        # its publication day), which a CCG of 2019 must not take: 04C keeps its CCG
        # name, and the codes no source names on that day are named from the code.
        assert text.splitlines()[6:8] == [
            "Place, county or CCG            Clinical commissioning group    3       NHS Leicester City CCG, …",
            "                                (CCG)",
        ]
        document = json.loads(
            run("network", "--pcn", str(PCN), "--as-of", "2019-08-01", "--format", "json")[1]
        )
        assert sorted(
            (b["id"], b["name"]) for b in document["data"]["bodies"] if b["tier"] == "place"
        ) == [
            ("04C", "NHS Leicester City CCG"),
            ("16C", "Clinical commissioning group (CCG) 16C"),
            ("42D", "Clinical commissioning group (CCG) 42D"),
        ]
        assert text.splitlines()[8:10] == [
            (
                "Neighbourhood (primary care     Primary care network            3       RIVERSIDE"
                " PCN, COAST PCN, VALE"
            ),
            "network)                                                                PCN",
        ]
        status, text = run("network", "sutton", "--summary", "--format", "json")
        document = json.loads(text)
        assert document["engagekit"] == {"format": 1, "type": "NetworkSummary"}
        assert document["data"]["name"] == "Sutton CCG patient voice"
        assert document["data"]["items"][0]["kind"] == "committee"

    def test_diff_of_two_files_and_of_two_dates(self) -> None:
        status, text = run("network", "--diff", str(BEFORE), str(AFTER))
        assert status == 0
        assert text.splitlines()[0] == (
            f"From {BEFORE} to {AFTER}: 1 opened, 1 closed, 2 added, 3 removed, 2 merged, 3 moved"
        )
        assert "merged   Place, county or CCG            42D" in text
        status, text = run("network", "--pcn", str(PCN), "--diff", "2020-06-01", "2021-06-01")
        assert status == 0
        assert "moved   Practice  A81002  RIVERSIDE MEDICAL CENTRE  U00001  U00002" in text
        status, text = run("network", "--ods", str(HISTORY), "--diff", "2018-06-01", "2018-07-01")
        assert text == "No changes from 2018-06-01 to 2018-07-01.\n"

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (
                ("network", "sutton", "--pcn", "x.csv"),
                "NAME 'sutton' and --pcn FILE: give one, not both",
            ),
            (("network", "sutton", "--lenient"), "only applies with --ods or --pcn"),
            (("network", "--pcn", "x.csv", "--nations", "both"), "only applies with --ods"),
            (("network", "--diff", "2020-01-01", "2021-01-01"), "two dates need --ods FILE"),
            (("network", "--diff", "2020-01-01", "b.csv"), "give two epraccur files or two"),
            (("network", "sutton", "--summary", "--path", "x"), "give one of --route"),
            # It read "unknown network ''".
            (
                ("network",),
                (
                    "network: error: give a NAME (somerset, sutton, oxfordshire, national), "
                    "or --ods FILE or --pcn FILE to read one"
                ),
            ),
            (
                ("network", "sutton", "--summary", "--format", "dot"),
                "--summary prints as text, json, markdown or html",
            ),
        ],
    )
    def test_misuse_is_one_line(
        self, argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert run(*argv)[0] == 2
        err = capsys.readouterr().err
        assert message in err
        assert err.count("\n") == 1

    def test_layout_error_on_the_command_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run("network", "--pcn", str(EPRACCUR))[0] == 2
        assert "line 1: not the ePCN core partner details layout" in capsys.readouterr().err


def test_a_pcn_whose_practices_went_up_to_its_commissioner_was_removed() -> None:
    """VALE PCN's one membership ended by 2022-07-01 and its practice C82009 is then
    under its commissioner 04C: the diff said "merged: U00005 VALE PCN into 04C", a
    PCN merged into the sub-ICB location it was under."""
    ods = DATA / "epraccur-sample.csv"

    def read(day: dt.date) -> EscalationNetwork:
        network = EscalationNetwork.from_ods(ods, as_of=day).network
        return EscalationNetwork.from_pcn(PCN, network=network, as_of=day).network

    changes = read(dt.date(2019, 7, 1)).diff(read(dt.date(2022, 7, 1)))
    # A81004 joined 16C on 2020-04-01: the file cannot place it on 2019-07-01, so the
    # older read leaves it out (a skipped row) and the newer one has it.
    assert changes.counts() == {
        "opened": 1,
        "added": 1,
        "removed": 1,
        "moved": 2,
        "renamed": 8,
        "reclassified": 8,
    }
    assert [c.id for c in changes.of("opened")] == ["A81004"]
    assert [str(c) for c in changes.of("removed")] == ["removed: U00005 VALE PCN (was under 04C)"]
    assert [str(c) for c in changes.of("moved")][1] == (
        "moved: C82009 VALLEY SURGERY from U00005 to 04C"
    )


def test_a_pcn_alone_diff_says_what_opened_and_closed_mean(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Read alone, the ePCN file holds a practice only while it is in a PCN: C82009,
    whose membership of VALE PCN ended, read "closed" with nothing to say it was
    still open."""
    status, text = run("network", "--pcn", str(PCN), "--diff", "2019-07-01", "2021-05-01")
    assert status == 0
    assert "closed   Practice                        C82009  VALLEY SURGERY" in text
    assert text.splitlines()[-2:] == [
        (
            "With --pcn alone, opened and closed practices are those that joined or left "
            "every primary care"
        ),
        (
            "network: the ePCN file does not say when a practice opened or closed "
            "(add --ods FILE to tell)."
        ),
    ]
    status, text = run(
        "network", "--ods", str(EPRACCUR), "--pcn", str(PCN), "--diff", "2019-07-01", "2021-05-01"
    )
    assert "With --pcn alone" not in text


def test_a_date_diff_warns_of_practices_the_older_date_could_not_place(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A81004 joined 16C on 2020-04-01, so the read of 2019-07-01 leaves it out and
    the diff reports it opened: stderr says why, as it does for malformed rows."""
    status, text = run("network", "--ods", str(EPRACCUR), "--diff", "2019-07-01", "2021-07-01")
    assert status == 0
    assert text.startswith("From 2019-07-01 to 2021-07-01: 1 opened, 2 renamed\n")
    assert "A81004" in text
    assert capsys.readouterr().err == (
        f"engagekit: warning: {EPRACCUR}: 1 open practice left out: the file does not say "
        "their commissioner before they joined it; the first: line 3 (A81004): commissioner "
        "not known on 2019-07-01 (joined its commissioner on 2020-04-01)\n"
    )


class TestTwoFilesAreNamedAsOnOneDate:
    """Each file's date is its own latest date (2013-04-01 for BEFORE, 2022-04-01 for
    AFTER): named each on its own, 16C was "Clinical commissioning group (CCG) 16C" in
    the one (no table names it in 2013) and "NHS Tees Valley CCG" in the other, and
    the diff reported a rename neither file records."""

    def test_the_older_file_is_named_as_on_the_newer_files_date(self) -> None:
        newer = EscalationNetwork.from_ods(AFTER)
        assert newer.era == dt.date(2022, 4, 1)
        alone = EscalationNetwork.from_ods(BEFORE)
        assert alone.era == dt.date(2013, 4, 1)
        assert alone.network.body("16C").name == "Clinical commissioning group (CCG) 16C"
        older = EscalationNetwork.from_ods(BEFORE, names_on=newer.era)
        assert older.era == dt.date(2013, 4, 1)  # kinds still follow the file's date
        assert older.network.body("16C").name == "NHS Tees Valley CCG"
        changes = older.network.diff(newer.network)
        assert changes.of("renamed") == ()
        assert [str(c) for c in alone.network.diff(newer.network).of("renamed")] == [
            (
                "renamed: 16C NHS Tees Valley CCG from Clinical commissioning group (CCG) 16C "
                "to NHS Tees Valley CCG"
            )
        ]

    def test_a_body_gone_by_the_newer_date_keeps_its_own_dates_name(self) -> None:
        """42E is named by no table on 2022-04-01 nor on 2013-04-01, so it is named by
        its kind and code; 42D is named on 2022-04-01 (its name seen in 2019)."""
        older = EscalationNetwork.from_ods(BEFORE, names_on="2022-04-01").network
        assert older.body("42E").name == "Clinical commissioning group (CCG) 42E"
        assert older.body("42D").name == "NHS North Yorkshire CCG"
        # A name the tables give on the era but not on names_on is kept: no sub-ICB
        # location 00K was named in 2023 (its practices are under 16C).
        names = OdsNames.builtin()
        assert names.lookup("00K", on="2023-01-01") is None
        later = EscalationNetwork.from_ods(AFTER, names_on="2023-01-01").network
        assert later.body("00K").name == "NHS Hartlepool and Stockton-on-Tees CCG"
        assert later.body("16C").name == "NHS North East and North Cumbria ICB - 16C"
        assert later.body("16C").kind is BodyKind.CLINICAL_COMMISSIONING_GROUP

    def test_a_practice_renamed_between_the_files_is_still_reported(self, tmp_path: Path) -> None:
        """The files' own names (column 2) are compared as they are."""
        renamed = tmp_path / "renamed.csv"
        renamed.write_text(
            AFTER.read_text().replace("THE EXAMPLE SURGERY", "EXAMPLE HEALTH CENTRE"),
            encoding="utf-8",
        )
        status, text = run("network", "--diff", str(BEFORE), str(renamed), "--format", "json")
        assert status == 0
        renames = [c for c in json.loads(text)["data"] if c["kind"] == "renamed"]
        assert renames == [
            {
                "kind": "renamed",
                "id": "A81001",
                "name": "EXAMPLE HEALTH CENTRE",
                "tier": "practice",
                "before": "THE EXAMPLE SURGERY",
                "after": "EXAMPLE HEALTH CENTRE",
            }
        ]

    def test_names_on_must_be_a_date(self) -> None:
        with pytest.raises(InvalidTypeError, match=r"^names_on: "):
            EscalationNetwork.from_ods(BEFORE, names_on=2022)  # type: ignore[arg-type]


Y2021 = DATA / "epraccur-2021.csv"
Y2024 = DATA / "epraccur-2024.csv"


class TestChangesOfKind:
    """On 1 July 2022 each CCG code became a sub-ICB location and each STP code an
    ICB: a diff across that day kept the ids and said nothing of the change."""

    @staticmethod
    def across_july_2022() -> NetworkDiff:
        newer = EscalationNetwork.from_ods(Y2024)
        older = EscalationNetwork.from_ods(Y2021, names_on=newer.era)
        assert (older.era, newer.era) == (dt.date(2021, 1, 1), dt.date(2022, 7, 1))
        return older.network.diff(newer.network)

    def test_ccgs_and_stps_are_reported_reclassified(self) -> None:
        changes = self.across_july_2022()
        assert [str(c) for c in changes.of(ChangeKind.RECLASSIFIED)] == [
            (
                "reclassified: QSL NHS Somerset Integrated Care Board from "
                "sustainability-and-transformation-partnership to integrated-care-board"
            ),
            (
                "reclassified: QUY NHS Bristol, North Somerset and South Gloucestershire "
                "Integrated Care Board from sustainability-and-transformation-partnership to "
                "integrated-care-board"
            ),
            (
                "reclassified: 11X NHS Somerset ICB - 11X from clinical-commissioning-group "
                "to sub-icb-location"
            ),
            (
                "reclassified: 15C NHS Bristol, North Somerset and South Gloucestershire ICB - "
                "15C from clinical-commissioning-group to sub-icb-location"
            ),
        ]
        change = changes.of("reclassified")[0]
        assert BodyKind.parse(change.before) is (
            BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP
        )
        assert BodyKind.parse(change.after) is BodyKind.INTEGRATED_CARE_BOARD
        assert changes.counts() == {"opened": 1, "added": 3, "reclassified": 4}

    def test_no_change_of_kind_within_one_era(self) -> None:
        older = EscalationNetwork.from_ods(Y2021, as_of="2019-01-01").network
        newer = EscalationNetwork.from_ods(Y2021, as_of="2021-01-01").network
        assert older.diff(newer).of("reclassified") == ()

    def test_every_view_and_the_interchange_format_carry_it(self) -> None:
        changes = self.across_july_2022()
        records = [r for r in changes.to_records() if r["change"] == "reclassified"]
        assert records[2] == {
            "change": "reclassified",
            "tier": "place",
            "id": "11X",
            "name": "NHS Somerset ICB - 11X",
            "before": "clinical-commissioning-group",
            "after": "sub-icb-location",
        }
        assert "reclassified" in render.text(changes)
        assert 'vertical-align:top">reclassified</td>' in render.html(changes)
        assert "| reclassified |" in render.markdown(changes)
        assert engagekit_io.loads(engagekit_io.dumps(changes), NetworkDiff) == changes
        kinds = engagekit_schema.schema(NetworkDiff)["$defs"]["ChangeKind"]
        assert "reclassified" in kinds["enum"]

    def test_the_command_line_counts_it(self) -> None:
        status, text = run("network", "--diff", str(Y2021), str(Y2024))
        assert status == 0
        assert text.splitlines()[0] == (
            f"From {Y2021} to {Y2024}: 1 opened, 3 added, 4 reclassified"
        )
