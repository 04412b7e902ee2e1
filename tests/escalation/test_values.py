"""Issue 9 in the escalation package: values that look like values, typed results,
one vocabulary of organisations, strings and numbers where users type them."""

from __future__ import annotations

import datetime as dt
import io as stdio
import itertools

import attrs
import numpy as np
import pytest

from engagekit import render
from engagekit.duties import BodyType, duties_for
from engagekit.errors import (
    GraphStructureError,
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.escalation import (
    Body,
    BodyDuties,
    BodyKind,
    Cascade,
    Coverage,
    EscalationNetwork,
    FeedbackFlow,
    FlowItem,
    FlowStage,
    Gaps,
    Link,
    LinkKind,
    NetworkDuties,
    Route,
    Tier,
    national,
)
from engagekit.escalation._index import NetworkIndex
from engagekit.examples import oxfordshire, somerset, sutton, sutton_feedback_flow


@pytest.fixture(scope="module")
def england() -> EscalationNetwork:
    return national(seed=0)


class TestOneLineReprs:
    def test_a_national_network(self, england: EscalationNetwork) -> None:
        """repr of a 7,706-body network was 2.3 million characters; now one short line."""
        assert repr(england) == (
            "<EscalationNetwork 'Synthetic England (seed 0)' with 7706 bodies and 7705 links>"
        )

    def test_every_collection_like_value(self, england: EscalationNetwork) -> None:
        """Networks, flows, imports and the results of every query: under 200 characters."""
        row = (
            "L85001,HEALTH CENTRE,Y58,QSL,,,,,,TA1 1AA,19740401,,A,B,11X,"
            "20130401,,01823,,,,,,,,4,\n"
        )
        values: list[object] = [
            england,
            england.cascade("england"),
            england.route("P0001"),
            england.coverage(),
            england.gaps(),
            england.duties(on=dt.date(2023, 1, 1)),
            england.duties(on=dt.date(2023, 1, 1))[0],
            sutton_feedback_flow(),
            EscalationNetwork.from_ods(stdio.StringIO(row * 1)),
            EscalationNetwork(name="x" * 10_000, bodies=england.bodies[:1]),
        ]
        for value in values:
            text = repr(value)
            assert len(text) < 200, text
            assert "\n" not in text

    def test_print_is_a_readable_summary(self, england: EscalationNetwork) -> None:
        """print(network) summarises by tier; it does not list 7,706 bodies."""
        text = str(england)
        assert text.splitlines()[0] == "Synthetic England (seed 0)"
        assert len(text) < 2000

    def test_errors_never_embed_a_network(self, england: EscalationNetwork) -> None:
        """An error about a network names it in one line (it once embedded 1.7 MB)."""
        with pytest.raises(InvalidTypeError, match="expected a Body") as info:
            EscalationNetwork(name="x", bodies=[england])
        assert len(str(info.value)) < 300
        with pytest.raises(
            InvalidTypeError,
            match=r"items: got TypeError .*unhashable type.*; expected body ids \(text\)",
        ) as type_info:
            england.aggregate([["P0001"]], to="system")
        assert len(str(type_info.value)) < 300

    def test_the_index_is_private_immutable_and_not_the_value(self) -> None:
        """One private field holds read-only indexes, one the route maps built on first
        use by `aggregate`; equality ignores both."""
        net = sutton()
        index = net._index
        assert isinstance(index, NetworkIndex)
        private = [f.name for f in attrs.fields(EscalationNetwork) if not f.init]
        assert private == ["_index", "_targets"]
        assert all(not f.eq for f in attrs.fields(EscalationNetwork) if not f.init)
        net.aggregate(["sutton-practice-01"], to="locality")
        assert net._targets
        assert net == sutton()
        with pytest.raises(TypeError, match="'mappingproxy' object does not support item"):
            index.bodies["new"] = net.bodies[0]  # type: ignore[index]
        with pytest.raises(attrs.exceptions.FrozenInstanceError, match="can't set attribute"):
            index.top = ()  # type: ignore[misc]
        assert net == sutton()
        assert not hasattr(net, "_cache")


class TestTypedResults:
    def test_route(self) -> None:
        """A route is a Route: a sequence of bodies, a table, records."""
        route = sutton().route("sutton-practice-07-ppg")
        assert isinstance(route, Route)
        assert [b.id for b in route] == ["sutton-prg", "sutton-eesg", "sutton-governing-body"]
        assert route[0].id == "sutton-prg"
        assert str(route).splitlines()[0].split() == ["id", "name", "kind", "tier"]
        assert "<table" in route._repr_html_()
        assert route.to_records()[-1]["id"] == "sutton-governing-body"

    def test_cascade(self) -> None:
        """A cascade is ordered by tier from the highest, then by id."""
        reached = oxfordshire().cascade("occg-governing-body")
        assert isinstance(reached, Cascade)
        tiers = [b.tier for b in reached]
        assert tiers == sorted(tiers, reverse=True)
        assert {t.value: len(b) for t, b in reached.by_tier().items()} == {
            "place": 1,
            "locality": 12,
            "practice": 24,
        }
        assert reached.to_records()[0]["tier"] == Tier.PLACE.value == "place"
        with pytest.raises(InvalidTypeError, match="lateral"):
            oxfordshire().cascade("occg-governing-body", lateral="no")  # type: ignore[arg-type]

    def test_coverage_and_gaps(self) -> None:
        """Coverage and gaps print, show as HTML, iterate and give records."""
        coverage = sutton().coverage()
        assert isinstance(coverage, Coverage)
        assert coverage.to_records() == [
            {"measure": "Practices", "count": 25, "share": None, "filled": None},
            {"measure": "With a patient group", "count": 25, "share": 1.0, "filled": None},
            {"measure": "Represented on the next tier", "count": 24, "share": 0.96, "filled": None},
            {
                "measure": "Seats on Sutton CCG Patient Reference Group",
                "count": 75,
                "share": None,
                "filled": None,
            },
        ]
        assert [s.body for s in coverage] == ["sutton-prg"]
        assert "<table" in coverage._repr_html_()
        gaps = sutton().gaps()
        assert isinstance(gaps, Gaps)
        assert list(gaps) == [("not represented", "sutton-practice-25")]
        assert gaps.to_records() == [{"gap": "not represented", "body": "sutton-practice-25"}]
        assert len(gaps) == 1
        assert "sutton-practice-25" in str(gaps)

    def test_gaps_show_one_row_for_each_kind_in_every_rendering(self) -> None:
        """Text, HTML and Markdown agree: each kind of gap with its count and the
        first ten ids; records list every gap."""
        gaps = Gaps(no_patient_group=tuple(f"P{n:05d}" for n in range(12)), no_route=("forum",))
        first_ten = ", ".join(f"P{n:05d}" for n in range(10)) + ", … (2 more)"
        assert render.text(gaps).splitlines() == [  # wrapped at 100 columns
            (
                "Practices with no patient group (12): P00000, P00001, P00002, P00003, P00004,"
                " P00005, P00006,"
            ),
            "    P00007, P00008, P00009, … (2 more)",
            "Bodies with no route to the top (1): forum",
        ]
        assert render.markdown(gaps).splitlines() == [
            "## Gaps",
            "",
            "| Gap | Bodies | Body ids |",
            "|---|---|---|",
            f"| Practices with no patient group | 12 | {first_ten} |",
            "| Bodies with no route to the top | 1 | forum |",
        ]
        html = render.html(gaps)
        assert html.count("<tr>") == 3  # the header and one row for each kind found
        assert f">{first_ten}</td>" in html
        assert len(gaps.to_records()) == 13
        assert render.markdown(Gaps()) == render.text(Gaps()) == "No gaps found."

    def test_aggregate_has_one_return_type(self) -> None:
        """aggregate counts; aggregate_by counts by key (one return type each)."""
        net = sutton()
        items = ["sutton-practice-01", "sutton-practice-12", "sutton-practice-01"]
        counts: dict[str, int] = net.aggregate(items, to="locality")
        assert counts["sutton-locality-carshalton"] == 2
        by: dict[str, dict[bool, int]] = net.aggregate_by(
            items, to="locality", key=lambda i: i.endswith("01")
        )
        assert by["sutton-locality-carshalton"] == {True: 2}
        assert by["sutton-locality-sutton-and-cheam"] == {}

    def test_aggregate_rejects_bad_items(self) -> None:
        """An unknown id names it; an unhashable item is a type error."""
        net = sutton()
        with pytest.raises(UnknownNameError, match="unknown body 'nowhere'"):
            net.aggregate(["sutton-practice-01", "nowhere"], to="place")
        with pytest.raises(InvalidTypeError, match="items"):
            net.aggregate([{"at": "sutton-practice-01"}], to="place")
        with pytest.raises(UnknownChoiceError, match="to: 'parish'"):
            net.aggregate([], to="parish")


#: Every body kind and the statutory body type whose duties bind it (None: not a
#: statutory body, so no duty of engagekit.duties binds it).
BODY_TYPES: list[tuple[BodyKind, BodyType | None]] = [
    (BodyKind.PRACTICE, BodyType.GP_PRACTICE),
    (BodyKind.COMMISSIONER, BodyType.CCG),
    (BodyKind.CLINICAL_COMMISSIONING_GROUP, BodyType.CCG),
    (BodyKind.SUB_ICB_LOCATION, BodyType.ICB),
    (BodyKind.AREA_TEAM, BodyType.NHS_ENGLAND),
    (BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP, None),
    (BodyKind.INTEGRATED_CARE_BOARD, BodyType.ICB),
    (BodyKind.REGION, BodyType.NHS_ENGLAND),
    (BodyKind.NATIONAL_BODY, BodyType.NHS_ENGLAND),
    (BodyKind.HEALTH_AND_WELLBEING_BOARD, BodyType.HEALTH_AND_WELLBEING_BOARD),
    (BodyKind.PATIENT_PARTICIPATION_GROUP, None),
    (BodyKind.PATIENT_REFERENCE_GROUP, None),
    (BodyKind.HEALTH_FORUM, None),
    (BodyKind.PUBLIC_LOCALITY_FORUM, None),
    (BodyKind.HEALTHWATCH, None),
    (BodyKind.GOVERNING_BODY, None),
    (BodyKind.PRIMARY_CARE_NETWORK, None),
    (BodyKind.GP_FEDERATION, None),
    (BodyKind.LOCALITY, None),
    (BodyKind.PATIENT_ADVISORY_GROUP, None),
    (BodyKind.COMMITTEE, None),
    (BodyKind.LOCAL_HEALTH_BOARD, None),
    (BodyKind.NHS_WALES, None),
    (BodyKind.HEALTH_SCRUTINY_COMMITTEE, None),
    (BodyKind.VOLUNTARY_SECTOR_GROUP, None),
]


class TestOneVocabularyOfOrganisations:
    @pytest.mark.parametrize(("kind", "body_type"), BODY_TYPES)
    def test_each_kind_maps_to_a_statutory_body_type_or_none(
        self, kind: BodyKind, body_type: BodyType | None
    ) -> None:
        """The mapping is explicit: statutory bodies map, groups and forums do not."""
        assert kind.body_type is body_type
        made = Body(id="b", name="B", kind=kind, tier=Tier.PLACE)
        assert made.body_type is body_type

    def test_every_kind_is_mapped(self) -> None:
        """No kind is left out: the table above names each kind once, so each kind's
        body type (a BodyType or None) is pinned by the test above."""
        kinds = [kind for kind, _ in BODY_TYPES]
        assert set(kinds) == set(BodyKind)
        assert len(set(kinds)) == len(kinds)

    def test_a_commissioner_by_date(self) -> None:
        """A CCG until 30 June 2022; a sub-ICB location under its ICB's duties from 1 July."""
        kind = BodyKind.COMMISSIONER
        assert kind.body_type_on(dt.date(2022, 6, 30)) is BodyType.CCG
        assert kind.body_type_on(dt.date(2022, 7, 1)) is BodyType.ICB
        assert kind.body_type_on("2013-04-01") is BodyType.CCG
        assert BodyKind.PRACTICE.body_type_on(dt.date(2001, 1, 1)) is BodyType.GP_PRACTICE

    def test_which_duties_bind_each_body(self) -> None:
        """duties(on=) gives each body its statutory duties on that date."""
        on = dt.date(2023, 1, 1)
        bound = EscalationNetwork.from_ods(
            stdio.StringIO(
                "L85001,HEALTH CENTRE,Y58,QSL,,,,,,TA1 1AA,19740401,,A,B,11X,"
                "20130401,,01823,,,,,,,,4,\n"
            ),
            as_of=on,  # the structure of 2023: a sub-ICB location under an ICB
        ).network.duties(on=on)
        assert isinstance(bound, NetworkDuties)
        assert bound.on == on
        assert [row.body.id for row in bound] == ["L85001", "11X", "QSL", "Y58", "england"]
        practice = bound.of("L85001")
        assert isinstance(practice, BodyDuties)
        assert practice.body_type is BodyType.GP_PRACTICE
        assert practice.duties == tuple(duties_for(BodyType.GP_PRACTICE, on))
        assert bound.of("11X").body_type is BodyType.ICB  # a sub-ICB location in 2023
        assert bound.of("QSL").duties == tuple(duties_for(BodyType.ICB, on))
        assert bound.of("england").body_type is BodyType.NHS_ENGLAND
        assert bound.to_records()[0]["body"] == "L85001"
        with pytest.raises(UnknownNameError, match="unknown body 'L85002'"):
            bound.of("L85002")

    def test_in_2018_the_commissioner_was_a_ccg(self) -> None:
        """The same network on 1 June 2018: the commissioner is bound as a CCG."""
        row = (
            "L85001,HEALTH CENTRE,Y58,QSL,,,,,,TA1 1AA,19740401,,A,B,11X,"
            "20130401,,01823,,,,,,,,4,\n"
        )
        net = EscalationNetwork.from_ods(stdio.StringIO(row)).network
        bound = net.duties(on="2018-06-01")
        assert bound.of("11X").body_type is BodyType.CCG
        assert bound.of("11X").duties == tuple(duties_for(BodyType.CCG, dt.date(2018, 6, 1)))
        assert bound.of("QSL").duties == ()
        assert bound.of("QSL").reason

    def test_a_group_is_bound_by_none(self) -> None:
        """A PPG is not a statutory body: no duties, with the reason."""
        found = somerset().duties(on=dt.date(2012, 1, 1)).of("somerset-practice-01-ppg")
        assert found.duties == ()
        assert found.reason == "a patient participation group is not a statutory body"

    def test_bad_dates(self) -> None:
        """on is a date or YYYY-MM-DD text."""
        with pytest.raises(InvalidTypeError, match="on: got int"):
            sutton().duties(on=20230101)  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="on: '2023-02-30'"):
            sutton().duties(on="2023-02-30")


class TestStringsAndNumbers:
    def test_enums_accept_their_words(self) -> None:
        """The aliases the parse methods had work through the Choice base."""
        assert Tier("federation") is Tier.LOCALITY
        assert Tier.parse("Sub-ICB location") is Tier.PLACE
        assert Tier.parse("ICB") is Tier.SYSTEM
        assert BodyKind.parse("PPG") is BodyKind.PATIENT_PARTICIPATION_GROUP
        assert BodyKind("hwb") is BodyKind.HEALTH_AND_WELLBEING_BOARD
        assert LinkKind.parse("reports to") is LinkKind.REPORTS_TO
        assert FlowStage.parse("Inform and Influence") is FlowStage.INFORM
        with pytest.raises(InvalidTypeError, match="Tier: got int 3; expected a Tier or its value"):
            Tier.parse(3)

    def test_integers_accept_any_integral(self) -> None:
        """national() and the example builders take numpy integers; floats are refused."""
        assert national(seed=np.int64(1), scale=0.01) == national(seed=1, scale=0.01)
        assert len(somerset(practices_per_federation=np.int64(1)).practices) == 9
        with pytest.raises(InvalidTypeError, match="seed: got float"):
            national(seed=1.5)  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="scale: got str"):
            national(scale="1")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="scale: 2"):
            national(scale=2)
        with pytest.raises(InvalidTypeError, match="practices_per_federation: got float"):
            somerset(practices_per_federation=2.0)  # type: ignore[arg-type]

    def test_one_id_rule(self) -> None:
        """Bodies, links and flow items follow the one id rule."""
        with pytest.raises(InvalidValueError, match="Link.source: 'a b'.*must be an id"):
            Link(source="a b", target="c")
        with pytest.raises(InvalidValueError, match="FlowItem.id: '-x'.*must be an id"):
            FlowItem(id="-x", name="X", stage="listen")
        assert FlowItem(id="x", name="X", stage="Listen").stage is FlowStage.LISTEN

    def test_a_link_to_an_unknown_body_in_a_large_network_is_cheap(
        self, england: EscalationNetwork
    ) -> None:
        """The error names the id; no suggestion search over thousands of ids."""
        with pytest.raises(GraphStructureError, match="unknown body 'nowhere'") as info:
            EscalationNetwork(
                name="x",
                bodies=england.bodies,
                links=[*england.links, Link(source="P0001", target="nowhere")],
            )
        assert len(str(info.value)) < 200


class TestFeedbackFlowColumns:
    def test_stage_names_as_text(self) -> None:
        """Columns may be keyed by a stage's name."""
        flow = FeedbackFlow.from_columns("F", {"Listen": ["Complaints"], "discuss": ["Board"]})
        assert [i.stage for i in flow.items] == [FlowStage.LISTEN, FlowStage.DISCUSS]

    @pytest.mark.parametrize(
        ("columns", "error", "message"),
        [
            ({FlowStage.LISTEN: [42]}, InvalidTypeError, r"columns\['listen'\]\[0\]: got int"),
            ({FlowStage.LISTEN: "Complaints"}, InvalidTypeError, r"columns\['listen'\]: got str"),
            ({FlowStage.LISTEN: ["!!"]}, InvalidValueError, "must have a letter or digit"),
            ({"hear": ["Complaints"]}, UnknownChoiceError, "columns: 'hear'"),
            (["Complaints"], InvalidTypeError, "columns: got list"),
        ],
    )
    def test_bad_columns(self, columns: object, error: type[Exception], message: str) -> None:
        """A non-string item or a bad column is an engagekit error, not AttributeError."""
        with pytest.raises(error, match=message):
            FeedbackFlow.from_columns("F", columns)  # type: ignore[arg-type]


class TestCycles:
    @pytest.mark.parametrize(
        "edges",
        [
            [("a", "b"), ("b", "a")],
            [("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")],
            [("x", "y"), ("a", "b"), ("b", "c"), ("c", "a")],
        ],
    )
    def test_same_tier_cycles_are_found_with_their_path(self, edges: list[tuple[str, str]]) -> None:
        """The cycle check walks the same-tier links itself and names the cycle."""
        from engagekit.escalation._rules import check_acyclic

        with pytest.raises(GraphStructureError, match="form a cycle") as info:
            check_acyclic(edges)
        path = info.value.path
        assert path[0] == path[-1]
        assert all((a, b) in edges for a, b in itertools.pairwise(path))

    def test_chains_and_diamonds_are_not_cycles(self) -> None:
        """A diamond (two ways to one body) is not a cycle."""
        from engagekit.escalation._rules import check_acyclic

        check_acyclic([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e")])

    def test_building_the_examples_does_not_import_networkx(self) -> None:
        """sutton() has same-tier links; checking them needs no networkx."""
        import subprocess
        import sys

        code = (
            "import sys; from engagekit.examples import sutton, somerset, oxfordshire; "
            "sutton(); somerset(); oxfordshire(); print('networkx' in sys.modules)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "False"


class TestTheSyntheticNetworkIsBuiltAsChecked:
    """`national()` builds its bodies and links unchecked and indexes its tree in one
    pass: each must equal what the checked constructors build, index included."""

    @pytest.mark.parametrize(("seed", "scale"), [(0, 1.0), (3, 0.05), (1, 0.001)])
    def test_same_values_and_index_as_the_checked_constructors(
        self, seed: int, scale: float
    ) -> None:
        net = national(seed, scale=scale)
        bodies = [Body(**attrs.asdict(b, recurse=False)) for b in net.bodies]
        links = [Link(**attrs.asdict(link, recurse=False)) for link in net.links]
        checked = EscalationNetwork(name=net.name, bodies=bodies, links=links)
        assert net == checked
        assert net.bodies == tuple(bodies)
        assert all(b.placeholder and b.source is None for b in net.bodies)
        ours, theirs = net._index, checked._index
        for field in ("bodies", "rank", "up", "down", "lateral", "primary", "root"):
            assert list(getattr(ours, field).items()) == list(getattr(theirs, field).items())
        assert ours.top == theirs.top == ("england",)
