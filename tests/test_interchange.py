"""One document shape per type, in JSON and TOML: `io.dumps(format=...)`, `io.dump`,
`io.load`, and plans written by `engagekit.io` read back by every plan command."""

from __future__ import annotations

import io as stdio
import json
import sys
import tomllib

from importlib import resources

import pytest

from engagekit import examples, io
from engagekit.cli import main
from engagekit.errors import DocumentError, InvalidValueError, MissingExtraError, ParseError
from engagekit.plans import ActionPlan, load_plan, plan_from_dict
from engagekit.sources import Source
from tests.test_schema import BUILT_IN


def _run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_every_built_in_document_round_trips_through_both_formats(name, tmp_path):
    """Written as JSON or TOML, by `dumps` or to a file by `dump`, every built-in
    document reads back equal."""
    values = BUILT_IN[name]()
    assert values
    for number, value in enumerate(values):
        cls = type(value)
        for fmt in io.FORMATS:
            assert io.loads(io.dumps(value, format=fmt), cls, format=fmt) == value
            path = tmp_path / f"{name}-{number}.{fmt}"
            io.dump(value, path)
            assert io.load(path, cls) == value


def test_the_other_document_formats_round_trip_too(tmp_path):
    """A feedback loop and a source (the formats with no built-in value in
    `BUILT_IN`) read back equal from both formats."""
    from tests.test_records import _loop

    source = examples.somerset_action_plan().source
    assert source is not None
    assert source.publisher.startswith("NHS Somerset")
    for value in (_loop(), source):
        for fmt in io.FORMATS:
            path = tmp_path / f"{type(value).__name__}.{fmt}"
            io.dump(value, path)
            assert io.load(path, type(value)) == value


def test_toml_leaves_none_out_and_reading_puts_the_default_back():
    """TOML has no null: a `None` field is not written, and reading gives `None` again."""
    source = Source(title="Strategy", publisher="NHS Somerset", date=None, url=None)
    text = io.dumps(source, format="toml")
    assert tomllib.loads(text) == {
        "title": "Strategy",
        "publisher": "NHS Somerset",
        "engagekit": {"format": 1, "type": "Source"},
    }
    assert io.loads(text, Source, format="toml") == source


def test_toml_writes_dates_as_iso_text_and_reads_toml_dates_too():
    """Dates are `YYYY-MM-DD` text, as in JSON; a native TOML date reads the same."""
    decision = examples.somerset_rheumatology_decision()
    text = io.dumps(decision, format="toml")
    assert f'on = "{decision.on.isoformat()}"' in text
    native = text.replace(f'on = "{decision.on.isoformat()}"', f"on = {decision.on.isoformat()}")
    assert native != text
    assert io.loads(native, type(decision), format="toml") == decision


def test_toml_and_json_hold_the_same_document():
    """The TOML document is the JSON document's `data` (less its nulls) beside the
    same `engagekit` header."""
    plan = examples.somerset_action_plan()
    from_json = json.loads(io.dumps(plan))
    from_toml = tomllib.loads(io.dumps(plan, format="toml"))
    assert from_toml.pop("engagekit") == from_json["engagekit"]
    assert from_toml["objectives"][0]["objectives"][0]["actions"][0]["id"] == "1.1a"
    assert "target" not in from_toml["objectives"][0]["objectives"][0]["actions"][0]
    assert from_json["data"]["objectives"][0]["objectives"][0]["actions"][0]["target"] is None
    assert "statuses" not in from_toml
    assert from_json["data"]["statuses"] is None


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_plan_written_by_io_loads_with_every_plan_reader(fmt, tmp_path):
    """`engagekit plan`, `engagekit report`, `load_plan`, `plan_from_dict` and
    `io.load` all read what `io.dump` writes for a plan."""
    plan = examples.oxfordshire_delivery_plan()
    path = tmp_path / f"plan.{fmt}"
    io.dump(plan, path)
    assert load_plan(path) == plan
    assert io.load(path, ActionPlan) == plan
    assert plan_from_dict(io.to_dict(plan)) == plan
    code, text = _run("report", str(path), "--year", "2015")
    assert code == 0
    assert "# Oxfordshire Clinical Commissioning Group: annual engagement report 2015/16" in text
    somerset = tmp_path / f"somerset.{fmt}"
    io.dump(examples.somerset_action_plan(), somerset)
    code, text = _run("plan", str(somerset), "--as-of", "2012-01-15", "--overdue")
    assert code == 1
    assert "Overdue on 2012-01-15: 6" in text


def test_plan_files_written_as_rows_still_load_everywhere(tmp_path):
    """The shipped plans are written as rows; `io.load` and `io.from_dict` read them
    to the same plan as `load_plan`."""
    raw = resources.files("engagekit.data").joinpath("plan_somerset_v8.toml").read_bytes()
    path = tmp_path / "somerset.toml"
    path.write_bytes(raw)
    plan = load_plan(path)
    assert plan == examples.somerset_action_plan()
    assert io.load(path, ActionPlan) == plan
    assert io.from_dict(tomllib.loads(raw.decode()), ActionPlan) == plan


def test_bad_rows_read_through_io_are_located():
    """A bad row read through `io.from_dict` names the origin and the row's path."""
    rows = {
        "title": "Plan",
        "objective": [{"id": "1", "title": "Seek feedback"}],
        "action": [{"id": "1a", "objective": "7", "description": "Survey"}],
    }
    with pytest.raises(DocumentError, match=r"plan\.json: 1 problem\n") as caught:
        io.from_dict(rows, ActionPlan, origin="plan.json")
    assert [p.path for p in caught.value.problems] == ["$.action[0].objective"]


def test_a_plan_in_io_shape_keeps_its_strictness():
    """The io shape of a plan is read as strictly as any document."""
    data = io.to_dict(examples.gpcc_timeline_2011())
    data["objectives"][0]["colour"] = "red"
    with pytest.raises(DocumentError, match=r"\$\.objectives\[0\]\.colour: unknown field"):
        plan_from_dict(data, origin="plan.toml")


def test_format_must_be_json_or_toml(tmp_path):
    """An unknown format or suffix is an error naming it, never a guess."""
    source = Source(title="Strategy", publisher="NHS Somerset")
    with pytest.raises(InvalidValueError, match="format.*'yaml'"):
        io.dumps(source, format="yaml")
    with pytest.raises(ParseError, match=r"suffix '\.yaml'; expected \.json or \.toml"):
        io.dump(source, tmp_path / "s.yaml")
    with pytest.raises(ParseError, match=r"suffix ''"):
        io.load(tmp_path / "s", Source)
    io.dump(source, tmp_path / "s.txt", format="toml")
    assert io.load(tmp_path / "s.txt", Source, format="toml") == source
    with pytest.raises(ParseError, match="cannot open"):
        io.load(tmp_path / "missing.json", Source)


def test_toml_refuses_what_it_cannot_hold():
    """TOML documents are tables, and a list cannot hold a missing value."""
    from engagekit import ParticipationLevel
    from engagekit.disclosure import count_table

    with pytest.raises(InvalidValueError, match="TOML, whose documents are tables"):
        io.dumps(ParticipationLevel.CONSULT, format="toml")
    table = count_table({"16-24": 2, "25-64": 31, "65+": 42}, name="Age")
    with pytest.raises(InvalidValueError, match=r"\$\.counts holds null"):
        io.dumps(table, format="toml")


def test_toml_without_tomli_w_names_the_extra(monkeypatch):
    """Without `tomli-w`, writing TOML says which extra to install."""
    monkeypatch.setitem(sys.modules, "tomli_w", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'engagekit\[toml\]'"):
        io.dumps(Source(title="Strategy", publisher="NHS Somerset"), format="toml")


def test_toml_text_is_read_as_strictly_as_a_file():
    """`loads(format="toml")` reports the same problems as `load_toml`."""
    with pytest.raises(ParseError, match="not valid TOML"):
        io.loads("title = ", Source, format="toml")
    with pytest.raises(DocumentError, match=r"\$\.title: got int 42; expected text"):
        io.loads('title = 42\npublisher = "x"', Source, format="toml")
    with pytest.raises(DocumentError, match=r"the document holds 'Policy', not 'Source'"):
        io.loads(
            'title = "t"\npublisher = "x"\nengagekit = {type = "Policy"}', Source, format="toml"
        )


def test_toml_reads_a_left_out_none_back_as_none_where_the_field_has_no_default():
    """A field that may be `None` but has no default (a metric with nothing to measure,
    a suppressed representation finding) is left out of TOML like any `None`, and
    reading the document back gives `None` again, not "required field missing"."""
    from engagekit.plans import LoopMetrics

    empty = LoopMetrics(
        total=0,
        closed=0,
        closure_rate=None,
        concerns=0,
        changed=0,
        change_rate=None,
        median_days_to_respond=None,
        past_standard=0,
    )
    text = io.dumps(empty, format="toml")
    assert "closure_rate" not in text
    assert io.loads(text, LoopMetrics, format="toml") == empty
    report = examples.oxfordshire_synthetic_report().representation
    assert report is not None
    assert report.reasons[0].participants is None
    assert report.reasons[0].ratio is None
    toml_text = io.dumps(report, format="toml")
    assert io.loads(toml_text, type(report), format="toml") == report


def test_json_still_requires_a_none_field_without_a_default():
    """JSON has null, and `dumps` writes it: a missing field is still reported."""
    from engagekit.plans import LoopMetrics

    text = (
        '{"total": 0, "closed": 0, "concerns": 0, "changed": 0, "change_rate": null,'
        ' "median_days_to_respond": null, "past_standard": 0}'
    )
    with pytest.raises(DocumentError, match=r"\$\.closure_rate: required field missing"):
        io.loads(text, LoopMetrics)
