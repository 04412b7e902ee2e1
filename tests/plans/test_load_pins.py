"""Reading plan documents: each problem's key path, words and value, and every field kept.

The rows are the shipped plans' own (Somerset's Action Plan v8, the Somerset GP
Commissioning Consortia's Time Line and Oxfordshire's delivery plan).
"""

from __future__ import annotations

import datetime as dt
import io as stdio
import types

from typing import TYPE_CHECKING, Any

import pytest

from engagekit import examples, io
from engagekit.cycles import EngagementStage, InvolvementLevel
from engagekit.errors import DocumentError, ParseError
from engagekit.plans import (
    Action,
    ActionPlan,
    ActionStatus,
    ActionStatusCatalogue,
    ProgressUpdate,
    load_plan,
    parse_target,
    plan_from_dict,
)


if TYPE_CHECKING:
    from pathlib import Path

_KNOWN = "; known: 'not-started', 'planned', 'in-progress', 'ongoing', 'achieved', 'cancelled'"
"""An unknown status's message lists the statuses there are (the default catalogue)."""


def _refusal(document: Any, **kwargs: str) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        plan_from_dict(document, **kwargs)
    return info.value


def _found(error: DocumentError) -> list[tuple[str, str, object]]:
    """Each problem whole: its key path, its words and the value found there."""
    return [(p.path, p.message, p.value) for p in error.problems]


def _objective(ident: str, title: str = "Time Line") -> dict[str, Any]:
    return {"id": ident, "title": title}


def _action(ident: str, objective: str = "1", **fields: Any) -> dict[str, Any]:
    return {"id": ident, "objective": objective, **fields}


def _rows(*actions: object, **fields: Any) -> dict[str, Any]:
    return {
        "title": "Time Line",
        "objective": [_objective("1")],
        "action": list(actions),
        **fields,
    }


class TestTheDocument:
    def test_a_document_that_is_not_a_table(self) -> None:
        error = _refusal(["Time Line"])
        assert str(error) == "<plan>: 1 problem\n  $: a plan must be a table"
        assert error.origin == "<plan>"
        assert _found(error) == [("$", "a plan must be a table", ["Time Line"])]
        named = _refusal("Time Line", origin="plan_gpcc_2011.toml")
        assert str(named) == "plan_gpcc_2011.toml: 1 problem\n  $: a plan must be a table"

    def test_the_io_shape_is_read_by_io(self) -> None:
        plan = examples.somerset_action_plan()
        document = io.to_dict(plan)
        assert plan_from_dict(document) == plan
        assert plan_from_dict(types.MappingProxyType(document)) == plan

    def test_the_io_shape_s_problems_name_the_origin(self) -> None:
        error = _refusal({"title": "Time Line", "objectives": "1"}, origin="plan.json")
        assert str(error) == "plan.json: 1 problem\n  $.objectives: got text '1'; expected a list"
        assert error.origin == "plan.json"

    def test_unknown_fields_are_named_in_order(self) -> None:
        """Each at its own key, with the value found and the fields a plan has."""
        error = _refusal({"title": "Time Line", "colour": "red", 2: "x", "objectve": []})
        allowed = "allowed: 'action', 'body', 'objective', 'source', 'status', 'title'"
        assert _found(error) == [
            ("$[2]", f"unknown field 2 of a plan; {allowed}", "x"),
            (
                "$.colour",
                f"unknown field 'colour' of a plan; {allowed} (did you mean 'source'?)",
                "red",
            ),
            (
                "$.objectve",
                f"unknown field 'objectve' of a plan; {allowed} (did you mean 'objective'?)",
                [],
            ),
        ]

    @pytest.mark.parametrize("title", ["  ", 3, None])
    def test_the_title_is_a_non_empty_string(self, title: object) -> None:
        document = {"body": "Somerset GP Commissioning Consortia"}
        if title is not None:
            document["title"] = title  # type: ignore[assignment]
        error = _refusal(document)
        assert str(error) == "<plan>: 1 problem\n  $.title: must be a non-empty string"
        assert _found(error) == [("$.title", "must be a non-empty string", title)]

    @pytest.mark.parametrize("body", ["  ", 4])
    def test_the_body_is_a_non_empty_string(self, body: object) -> None:
        error = _refusal({"title": "Time Line", "body": body})
        assert str(error) == "<plan>: 1 problem\n  $.body: must be a non-empty string"
        assert _found(error) == [("$.body", "must be a non-empty string", body)]

    def test_the_title_body_and_source_are_kept(self) -> None:
        plan = plan_from_dict(
            {
                "title": "Time Line",
                "body": "Somerset GP Commissioning Consortia",
                "source": {"document": "somerset-gpcc-2011", "section": "Time Line"},
            }
        )
        assert plan == ActionPlan(
            title="Time Line",
            objectives=[],
            body="Somerset GP Commissioning Consortia",
            source=examples.gpcc_timeline_2011().source,
        )

    def test_an_unknown_cited_document_keeps_the_id_given(self) -> None:
        error = _refusal({"title": "Time Line", "source": {"document": "somerset-gpcc"}})
        # One problem: the unexpanded citation is not checked again as a Source.
        assert _found(error) == [
            (
                "$.source.document",
                (
                    "unknown document 'somerset-gpcc' (did you mean 'somerset-gpcc-2011', "
                    "'somerset-2012', 'nhs-somerset-approach'?)"
                ),
                "somerset-gpcc",
            )
        ]

    def test_a_bad_citation_s_own_problems_are_kept_beside_others(self) -> None:
        """Only problems inside a failed citation are left out, not its neighbours'."""
        error = _refusal(
            {
                "title": " ",
                "source": {"document": "somerset-2012", "page": 4},
                "objective": [{"id": "1", "title": "Engage", "source": {"document": 7}}],
            }
        )
        assert [(path, message) for path, message, _ in _found(error)] == [
            (
                "$.source",
                "unknown field(s) 'page'; a citation has document, section, note and force",
            ),
            (
                "$.objective[0].source.document",
                "expected the id of a cited document as text, got int",
            ),
            ("$.title", "must be a non-empty string"),
        ]

    def test_rows_that_are_not_lists(self) -> None:
        error = _refusal({"title": "Time Line", "status": 5, "objective": {}, "action": "1a"})
        assert str(error) == (
            "<plan>: 3 problems\n"
            "  $.status: must be a list of tables\n"
            "  $.objective: must be a list of tables\n"
            "  $.action: must be a list of tables"
        )
        assert _found(error) == [
            ("$.status", "must be a list of tables", 5),
            ("$.objective", "must be a list of tables", {}),
            ("$.action", "must be a list of tables", "1a"),
        ]


class TestStatuses:
    def test_a_plan_s_own_statuses_replace_the_default_ones(self) -> None:
        paused = {"id": "paused", "name": "Paused", "progress": 25}
        update = {"date": dt.date(2011, 12, 5), "status": "paused"}
        plan = plan_from_dict(_rows(_action("1a", updates=[update]), status=[paused]))
        own = ActionStatusCatalogue(status=[ActionStatus(id="paused", name="Paused", progress=25)])
        assert plan.statuses == own
        assert plan.catalogue == own
        action = plan.action("1a")
        assert action.updates == (ProgressUpdate(date=dt.date(2011, 12, 5), status="paused"),)
        assert plan.progress(dt.date(2012, 1, 1)) == 25

    def test_a_default_status_is_unknown_to_a_plan_s_own(self) -> None:
        achieved = {"date": dt.date(2011, 12, 5), "status": "achieved"}
        paused = {"id": "paused", "name": "Paused", "progress": 25}
        error = _refusal(_rows(_action("2.1a", updates=[achieved]), status=[paused]))
        assert str(error) == (
            "<plan>: 1 problem\n"
            "  $.action[0].updates[0].status: unknown status 'achieved'; known: 'paused'"
        )
        assert _found(error) == [
            (
                "$.action[0].updates[0].status",
                "unknown status 'achieved'; known: 'paused'",
                "achieved",
            )
        ]

    def test_an_unknown_status_names_the_closest_or_the_statuses_there_are(self) -> None:
        """The message was "unknown status 'in progress'" alone: a plan's author could
        not tell what to write instead."""
        near = {"date": dt.date(2011, 12, 5), "status": "in progress"}
        error = _refusal(_rows(_action("2.1a", updates=[near])))
        assert str(error) == (
            "<plan>: 1 problem\n  $.action[0].updates[0].status: unknown status "
            "'in progress'; did you mean 'in-progress'?"
        )

    def test_a_bad_status_row_is_named_under_status(self) -> None:
        error = _refusal(_rows(status=[{"id": "paused", "name": "Paused", "progress": 140}]))
        assert _found(error) == [
            (
                "$.status[0].progress",
                "ActionStatus.progress: 140 is not allowed: must lie between 0 and 100",
                140,
            )
        ]


class TestObjectiveRows:
    def test_each_bad_row_is_named_where_it_is(self) -> None:
        error = _refusal(
            {
                "title": "Time Line",
                "objective": [
                    _objective("1"),
                    _objective("1", "Time Line again"),
                    _objective("2.1"),
                    _objective("3", 4),  # type: ignore[arg-type]
                    "4",
                ],
            }
        )
        assert _found(error) == [
            ("$.objective[1].id", "duplicate objective '1'", "1"),
            ("$.objective[3].title", "got int 4; expected text", 4),
            ("$.objective[4]", "must be a table", "4"),
            # The third row of the document: the repeated row before it is not counted.
            ("$.objective[2].id", "'2.1' has no parent objective '2'", "2.1"),
        ]
        assert str(error) == (
            "<plan>: 4 problems\n"
            "  $.objective[1].id: duplicate objective '1'\n"
            "  $.objective[3].title: got int 4; expected text\n"
            "  $.objective[4]: must be a table\n"
            "  $.objective[2].id: '2.1' has no parent objective '2'"
        )

    def test_objectives_nest_by_their_numbers(self) -> None:
        plan = plan_from_dict(
            {
                "title": "Draft Patient and Public Involvement Action Plan",
                "objective": [
                    _objective("1", "Communication"),
                    {"id": "1.2", "title": "Congress", "weight": 2},
                    _objective("1.2.1", "Forums"),
                    _objective("2", "Governance"),
                ],
            }
        )
        assert [o.id for o in plan.objectives] == ["1", "2"]
        (congress,) = plan.objectives[0].objectives
        assert (congress.id, congress.weight) == ("1.2", 2)
        assert [o.id for o in congress.objectives] == ["1.2.1"]
        assert plan.objectives[0].weight == 1

    def test_an_objective_objectives_refuse_is_named_at_its_field(self) -> None:
        error = _refusal({"title": "Time Line", "objective": [_objective("1", "")]}, origin="p")
        assert str(error) == (
            "p: 1 problem\n"
            "  $.objective[0].title: Objective.title: '' is not allowed: must be a non-empty string"
        )
        assert error.origin == "p"

    def test_a_bad_objective_row_is_not_also_an_unknown_objective_of_its_actions(self) -> None:
        """An action naming an objective whose row has a problem was also told the
        objective is unknown ("known: none"), which it is not."""
        error = _refusal(
            {
                "title": "Time Line",
                "objective": [{"id": "1", "title": "Time Line", "weight": -1}],
                "action": [_action("1a")],
            }
        )
        assert _found(error) == [
            (
                "$.objective[0].weight",
                "Objective.weight: -1 is not allowed: must be at least 0",
                -1,
            )
        ]
        error = _refusal({"title": "Time Line", "objective": "1", "action": [_action("1a")]})
        assert _found(error) == [("$.objective", "must be a list of tables", "1")]


class TestActionRows:
    def test_every_field_of_a_row_is_kept(self) -> None:
        update = {"date": dt.date(2011, 12, 5), "status": "achieved", "note": "Complete."}
        row = _action(
            "1.2c",
            description="Hold Bi-annual congress or Forums",
            lead="PCT management support",
            target="Dec 2011",
            more_targets=["Sept 2012"],
            evidence=["Holding of meetings"],
            ideas=["Set a date for a summer/autumn county wide event"],
            stages=["plan-and-transform"],
            levels=["practice"],
            duties=["nhs-act-s14z2"],
            decisions=["somerset-rheumatology"],
            links=["6.5"],
            notes=["Link to 6.5"],
            updates=[update],
            weight=2,
        )
        plan = plan_from_dict(_rows(row))
        assert plan.action("1.2c") == Action(
            id="1.2c",
            description="Hold Bi-annual congress or Forums",
            lead="PCT management support",
            target=parse_target("Dec 2011"),
            more_targets=[parse_target("Sept 2012")],
            evidence=["Holding of meetings"],
            ideas=["Set a date for a summer/autumn county wide event"],
            stages=[EngagementStage.PLAN_AND_TRANSFORM],
            levels=[InvolvementLevel.PRACTICE],
            duties=["nhs-act-s14z2"],
            decisions=["somerset-rheumatology"],
            links=["6.5"],
            notes=["Link to 6.5"],
            updates=[
                ProgressUpdate(date=dt.date(2011, 12, 5), status="achieved", note="Complete.")
            ],
            weight=2,
        )

    def test_the_bodies_hold_every_target_of_the_row(self) -> None:
        row = _action(
            "7.7a",
            target="six times a year",
            more_targets=["every year"],
            bodies=["governing-body"],
        )
        action = plan_from_dict(_rows(row)).action("7.7a")
        assert action.targets == (
            parse_target("six times a year", bodies=["governing-body"]),
            parse_target("every year", bodies=["governing-body"]),
        )
        assert action.targets != (parse_target("six times a year"), parse_target("every year"))

    def test_an_unknown_objective_when_none_is_known(self) -> None:
        error = _refusal({"title": "Time Line", "action": [_action("1a")]})
        assert (
            str(error)
            == "<plan>: 1 problem\n  $.action[0].objective: unknown objective '1'; known: none"
        )
        assert _found(error) == [
            ("$.action[0].objective", "unknown objective '1'; known: none", "1")
        ]

    def test_twelve_known_objectives_are_all_listed(self) -> None:
        objectives = [_objective(str(number)) for number in range(1, 13)]
        error = _refusal(
            {"title": "Time Line", "objective": objectives, "action": [_action("a", "13")]}
        )
        assert error.problems[0].message == (
            "unknown objective '13'; known: '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', "
            "'11', '12'"
        )

    def test_past_twelve_known_objectives_the_list_is_cut(self) -> None:
        objectives = [_objective(str(number)) for number in range(1, 14)]
        error = _refusal(
            {"title": "Time Line", "objective": objectives, "action": [_action("a", "14")]}
        )
        assert error.problems[0].message == (
            "unknown objective '14'; known: '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', "
            "'11', '12', …"
        )

    def test_each_bad_row_is_named_where_it_is(self) -> None:
        error = _refusal(
            _rows(
                _action("1"),
                _action("1a", updates=[{"date": dt.date(2011, 12, 5), "status": "done"}]),
                _action("1b", target="Dec 2011", more_targets=["Sept 2012", "Sometime"]),
                _action("1c", weight=-1),
                _action("1d", target="Sometime"),
                "1e",
                _action("1f"),
                _action("1f"),
                _action("1g", objective="7"),
            )
        )
        assert _found(error) == [
            ("$.action[0].id", "duplicate id '1'", "1"),
            ("$.action[1].updates[0].status", "unknown status 'done'" + _KNOWN, "done"),
            ("$.action[2].more_targets[1]", "cannot read 'Sometime': no date found", "Sometime"),
            ("$.action[3].weight", "Action.weight: -1 is not allowed: must be at least 0", -1),
            ("$.action[4].target", "cannot read 'Sometime': no date found", "Sometime"),
            ("$.action[5]", "must be a table", "1e"),
            ("$.action[7].id", "duplicate id '1f'", "1f"),
            ("$.action[8].objective", "unknown objective '7'; known: '1'", "7"),
        ]
        assert str(error) == (
            "<plan>: 8 problems\n"
            "  $.action[0].id: duplicate id '1'\n"
            "  $.action[1].updates[0].status: unknown status 'done'" + _KNOWN + "\n"
            "  $.action[2].more_targets[1]: cannot read 'Sometime': no date found\n"
            "  $.action[3].weight: Action.weight: -1 is not allowed: must be at least 0\n"
            "  $.action[4].target: cannot read 'Sometime': no date found\n"
            "  $.action[5]: must be a table\n"
            "  $.action[7].id: duplicate id '1f'\n"
            "  $.action[8].objective: unknown objective '7'; known: '1'"
        )

    @pytest.mark.parametrize(
        ("bad", "path", "message"),
        [
            ({"target": "Sometime"}, "$.action[0].target", "cannot read 'Sometime': no date found"),
            (
                {"target": "Dec 2011", "more_targets": ["Sometime"]},
                "$.action[0].more_targets[0]",
                "cannot read 'Sometime': no date found",
            ),
            (
                {"updates": [{"date": dt.date(2011, 12, 5), "status": "done"}]},
                "$.action[0].updates[0].status",
                "unknown status 'done'" + _KNOWN,
            ),
            ({"objective": "7"}, "$.action[0].objective", "unknown objective '7'; known: '1'"),
        ],
    )
    def test_a_row_with_a_problem_does_not_claim_its_id(
        self, bad: dict[str, Any], path: str, message: str
    ) -> None:
        """The row is left out, so a later row with its id is no duplicate."""
        error = _refusal(_rows(_action("1a", **bad), _action("1a")))
        assert [(p.path, p.message) for p in error.problems] == [(path, message)]

    def test_the_rows_problems_name_the_origin(self) -> None:
        error = _refusal(_rows(_action("1a", target="Sometime")), origin="plan_gpcc_2011.toml")
        assert error.origin == "plan_gpcc_2011.toml"
        assert str(error).startswith("plan_gpcc_2011.toml: 1 problem\n")


class TestLoadPlan:
    def test_a_json_path_is_read_as_json(self, tmp_path: Path) -> None:
        plan = examples.gpcc_timeline_2011()
        for name in ("plan.json", "PLAN.JSON"):
            io.dump(plan, tmp_path / name)
            assert load_plan(tmp_path / name) == plan
            assert load_plan(str(tmp_path / name)) == plan

    def test_any_other_path_is_read_as_toml(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.txt"
        path.write_text('title = "Time Line"\nsource = "Somerset"\n', encoding="utf-8")
        with pytest.raises(DocumentError) as info:
            load_plan(path)
        assert str(info.value) == f"{path}: 1 problem\n  $.source: must be a table"

    def test_a_file_object_is_named_by_its_name(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.toml"
        path.write_text('title = "Time Line"\nsource = "Somerset"\n', encoding="utf-8")
        with path.open("rb") as file, pytest.raises(DocumentError) as info:
            load_plan(file)
        assert str(info.value) == f"{path}: 1 problem\n  $.source: must be a table"
        assert info.value.origin == str(path)
        path.write_text("title = ", encoding="utf-8")
        with path.open("rb") as file, pytest.raises(ParseError) as parse:
            load_plan(file)
        assert str(parse.value) == (
            f"cannot read '{path}': not valid TOML (Invalid value (at end of document))"
        )

    def test_a_file_object_without_a_name_is_toml(self) -> None:
        with pytest.raises(DocumentError) as info:
            load_plan(stdio.BytesIO(b'title = "Time Line"\nsource = "Somerset"\n'))
        assert str(info.value) == "<toml>: 1 problem\n  $.source: must be a table"
        assert info.value.origin == "<toml>"
        with pytest.raises(ParseError) as parse:
            load_plan(stdio.BytesIO(b"title = "))
        assert str(parse.value) == (
            "cannot read '<toml>': not valid TOML (Invalid value (at end of document))"
        )

    def test_a_file_object_s_rows_are_read(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.toml"
        path.write_text(
            'title = "Time Line"\n[[objective]]\nid = "1"\ntitle = "Time Line"\n'
            '[[action]]\nid = "1a"\nobjective = "1"\ntarget = "27th April 2011"\n',
            encoding="utf-8",
        )
        with path.open("rb") as file:
            plan = load_plan(file)
        assert plan.action("1a").target == parse_target("27th April 2011")
