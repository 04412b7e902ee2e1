"""The plan hooks on engagekit.io's converter: targets read as phrases or tables, and written
whole; and what `register` puts on a converter that lacks them.

The targets are the shipped plans' own ("Dec 2011" and "Sept 2012", Somerset's action
1.2c; "Quarterly", its 6.3a; "six times a year" for the governing body, Oxfordshire's 7.7a).
"""

from __future__ import annotations

from typing import Any, NoReturn

import pytest

from engagekit import examples, io
from engagekit.errors import DocumentError
from engagekit.plans import (
    Action,
    ActionPlan,
    Recurrence,
    TargetDate,
    _io,
    parse_target,
    plan_from_dict,
)
from engagekit.plans._actions import Target


DEC_2011 = {
    "text": "Dec 2011",
    "start": "2011-12-01",
    "end": "2011-12-31",
    "precision": "month",
    "uncertain": False,
    "label": None,
    "note": None,
}
QUARTERLY = {
    "text": "Quarterly",
    "frequency": "monthly",
    "interval": 3,
    "bodies": [],
    "anchor": None,
}
GOVERNING_BODY = {
    "text": "six times a year",
    "frequency": "monthly",
    "interval": 2,
    "bodies": ["governing-body"],
    "anchor": None,
}

ROWS = {
    "title": "Time Line",
    "objective": [{"id": "1", "title": "Time Line"}],
    "action": [{"id": "1a", "objective": "1", "target": "27th April 2011"}],
}


def _refusal(document: Any, cls: type) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        io.from_dict(document, cls)
    return info.value


class TestTargets:
    def test_a_target_is_read_from_its_phrase(self) -> None:
        action = io.from_dict(
            {"id": "1.2c", "target": "Dec 2011", "more_targets": ["Sept 2012", "Quarterly"]},
            Action,
        )
        assert action.target == parse_target("Dec 2011")
        assert action.more_targets == (parse_target("Sept 2012"), parse_target("Quarterly"))

    def test_a_target_is_read_from_its_table(self) -> None:
        action = io.from_dict(
            {"id": "1.2c", "target": DEC_2011, "more_targets": [QUARTERLY]}, Action
        )
        assert action.target == parse_target("Dec 2011")
        assert action.more_targets == (parse_target("Quarterly"),)

    def test_a_target_is_written_whole(self) -> None:
        action = Action(
            id="7.7a", target=parse_target("six times a year", bodies=["governing-body"])
        )
        document = io.to_dict(action)
        assert document["target"] == GOVERNING_BODY
        assert io.to_dict(Action(id="1.2c", target=parse_target("Dec 2011")))["target"] == DEC_2011
        assert io.to_dict(Action(id="1.2d"))["target"] is None
        assert io.from_dict(document, Action) == action

    @pytest.mark.parametrize(
        ("document", "path", "value"),
        [
            ({"id": "1.2c", "target": 5}, "$.target", 5),
            (
                {"id": "1.2c", "target": "Dec 2011", "more_targets": ["Sept 2012", 7]},
                "$.more_targets[1]",
                7,
            ),
        ],
    )
    def test_a_target_that_is_neither_is_refused(
        self, document: Any, path: str, value: int
    ) -> None:
        error = _refusal(document, Action)
        message = f"target: {value} is not allowed: must be a phrase or a table of a target date or recurrence"
        assert str(error) == f"<dict>: 1 problem\n  {path}: {message}"
        assert [(p.path, p.message, p.value) for p in error.problems] == [(path, message, value)]

    def test_a_target_date_s_table_takes_no_other_field(self) -> None:
        error = _refusal({**DEC_2011, "colour": "red"}, TargetDate)
        assert str(error) == (
            "<dict>: 1 problem\n  $.colour: unknown field 'colour' of TargetDate; allowed: "
            "'text', 'start', 'end', 'precision', 'uncertain', 'label', 'note'"
        )


def _unregistered(value: object, _: object = None) -> NoReturn:
    pytest.fail(f"a hook register() should have replaced was used on {value!r}")


@pytest.fixture
def bare() -> Any:
    """io's converter with io's own plan hook and, for each hook `register` sets, one that fails."""
    converter = io.converter.copy()
    for type_ in (TargetDate, Recurrence, Target, Target | None):
        converter.register_structure_hook(type_, _unregistered)
    converter.register_structure_hook(ActionPlan, _io._NESTED["plan"])
    return converter


class TestRegister:
    @pytest.fixture(autouse=True)
    def _registered(self, bare: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        self.own = _io._NESTED["plan"]
        monkeypatch.setattr(io, "converter", bare)
        monkeypatch.setattr(_io, "_NESTED", {})
        _io.register()

    def test_io_s_own_plan_hook_is_kept(self) -> None:
        assert _io._NESTED["plan"] is self.own
        assert list(_io._NESTED) == ["plan"]

    def test_both_plan_shapes_are_read(self) -> None:
        plan = examples.somerset_action_plan()
        assert io.from_dict(io.to_dict(plan), ActionPlan) == plan
        assert io.from_dict(ROWS, ActionPlan) == plan_from_dict(ROWS)

    def test_the_rows_problems_are_reported(self) -> None:
        rows = {**ROWS, "action": [{"id": "1a", "objective": "1", "target": "Sometime"}]}
        error = _refusal(rows, ActionPlan)
        assert str(error) == (
            "<dict>: 1 problem\n  $.action[0].target: cannot read 'Sometime': no date found"
        )

    @pytest.mark.parametrize("type_", [TargetDate, Target, Target | None])
    def test_a_target_date_is_read_from_a_phrase_a_table_or_itself(self, type_: Any) -> None:
        dec = parse_target("Dec 2011")
        assert io.converter.structure("Dec 2011", type_) == dec
        assert io.converter.structure(DEC_2011, type_) == dec
        assert io.converter.structure(dec, type_) is dec

    @pytest.mark.parametrize("type_", [Recurrence, Target, Target | None])
    def test_a_recurrence_is_read_from_a_phrase_a_table_or_itself(self, type_: Any) -> None:
        quarterly = parse_target("Quarterly")
        assert io.converter.structure("Quarterly", type_) == quarterly
        assert io.converter.structure(QUARTERLY, type_) == quarterly
        assert io.converter.structure(quarterly, type_) is quarterly

    def test_no_target_is_none(self) -> None:
        optional: Any = Target | None
        assert io.converter.structure(None, optional) is None

    @pytest.mark.parametrize(
        ("type_", "table", "allowed"),
        [
            (
                TargetDate,
                DEC_2011,
                "'text', 'start', 'end', 'precision', 'uncertain', 'label', 'note'",
            ),
            (Recurrence, QUARTERLY, "'text', 'frequency', 'interval', 'bodies', 'anchor'"),
        ],
    )
    def test_a_table_takes_no_other_field(self, type_: type, table: Any, allowed: str) -> None:
        error = _refusal({**table, "owner": "Board"}, type_)
        assert str(error) == (
            f"<dict>: 1 problem\n  $.owner: unknown field 'owner' of {type_.__name__}; "
            f"allowed: {allowed}"
        )

    @pytest.mark.parametrize("type_", [Target, Target | None])
    def test_a_target_is_written_as_its_own_kind(self, type_: Any) -> None:
        governing_body = parse_target("six times a year", bodies=["governing-body"])
        assert io.converter.unstructure(governing_body, type_) == GOVERNING_BODY
        assert io.converter.unstructure(parse_target("Dec 2011"), type_) == DEC_2011

    def test_no_target_is_written_as_none(self) -> None:
        assert io.converter.unstructure(None, Target | None) is None
