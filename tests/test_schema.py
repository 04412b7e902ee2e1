"""JSON Schema for every document format: valid schemas, and every document
`engagekit.io` writes validates against its format's schema."""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import json
import pkgutil
import tomllib

from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engagekit

from engagekit import examples, io, schema
from engagekit.cli import main
from engagekit.cycles import principle_sets
from engagekit.decisions import DEFAULT_POLICY
from engagekit.duties import load_evidence, registry
from engagekit.errors import DocumentError, UnknownNameError
from engagekit.evidence import EvidenceFile
from engagekit.plans import EngagementRecord
from engagekit.techniques import catalogue
from tests import strategies


#: The example documents shipped with engagekit, for `engagekit evaluate` and `check`.
_SHIPPED = Path(examples.__file__).parent / "data"

STRATEGIES: dict[Any, Any] = {}
for _info in pkgutil.iter_modules(strategies.__path__):
    _module = importlib.import_module(f"tests.strategies.{_info.name}")
    STRATEGIES.update(getattr(_module, "STRATEGIES", {}))


@functools.cache
def _validator(name: str, *, envelope: bool = True) -> jsonschema.Draft202012Validator:
    found = schema.schema(name, envelope=envelope)
    jsonschema.Draft202012Validator.check_schema(found)
    return jsonschema.Draft202012Validator(
        found, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _errors(validator: jsonschema.Draft202012Validator, document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


@pytest.mark.parametrize("name", schema.names())
def test_every_schema_is_a_valid_2020_12_schema(name):
    """Each format's schema passes the draft 2020-12 meta-schema, with and without
    the envelope, and names the type it holds."""
    found = schema.schema(name)
    jsonschema.Draft202012Validator.check_schema(found)
    jsonschema.Draft202012Validator.check_schema(schema.schema(name, envelope=False))
    assert found["properties"]["engagekit"]["properties"]["type"] == {
        "const": schema.document_type(name).__name__
    }


BUILT_IN: dict[str, Callable[[], list[Any]]] = {
    "action-plan": lambda: [
        examples.somerset_action_plan(),
        examples.oxfordshire_delivery_plan(),
        examples.gpcc_timeline_2011(),
    ],
    "decision": lambda: [
        examples.somerset_rheumatology_decision(),
        examples.somerset_patient_transport_decision(),
        examples.unproportionate_service_change(),
    ],
    "duty-registry": lambda: [registry()],
    "engagement-cycle": lambda: [engagekit.ENGAGEMENT_CYCLE],
    "engagement-record": lambda: [
        examples.somerset_engagement_record(),
        EngagementRecord(
            body="Oxfordshire Clinical Commissioning Group",
            plan=examples.oxfordshire_delivery_plan(),
            consultations=[
                examples.oxfordshire_synthetic_loop(),
                attrs.evolve(examples.oxfordshire_consultation(), id="strategy-questions"),
            ],
        ),
    ],
    "evidence": lambda: list(examples.somerset_rheumatology_decision().evidence),
    "evidence-file": lambda: [
        EvidenceFile(evidence=examples.somerset_rheumatology_decision().evidence),
        EvidenceFile(evidence=load_evidence(_SHIPPED / "icb-evidence-2023-24.toml")),
    ],
    "network": lambda: [examples.sutton(), examples.somerset(), examples.oxfordshire()],
    "policy": lambda: [DEFAULT_POLICY],
    "principle-set": lambda: list(principle_sets().values()),
    "technique-catalogue": lambda: [catalogue()],
}


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_built_in_documents_validate(name):
    """Every built-in value, written by io.dumps, validates against its schema."""
    validator = _validator(name)
    values = BUILT_IN[name]()
    assert values
    for value in values:
        assert _errors(validator, json.loads(io.dumps(value))) == []


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_built_in_toml_documents_validate(name):
    """Every built-in value, written as TOML, validates against its schema without
    the envelope, and its `engagekit` table is the JSON document's header."""
    values = BUILT_IN[name]()
    assert values
    for value in values:
        document = tomllib.loads(io.dumps(value, format="toml"))
        assert document.pop("engagekit") == json.loads(io.dumps(value))["engagekit"]
        assert _errors(_validator(name, envelope=False), document) == []


@pytest.mark.parametrize(
    "name", [n for n in schema.names() if schema.document_type(n) in STRATEGIES]
)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_documents_validate(name, data):
    """Any value of the type (as the round-trip strategies draw it) writes a document
    its schema accepts, with and without the envelope."""
    value = data.draw(STRATEGIES[schema.document_type(name)])
    document = json.loads(io.dumps(value))
    assert _errors(_validator(name), document) == []
    assert _errors(_validator(name, envelope=False), document["data"]) == []


def test_a_toml_document_may_leave_out_a_field_that_is_none():
    """TOML has no null, so a loop's metrics with no closure rate leave it out; the
    schema of the TOML form requires it no longer, the JSON form still does."""
    from engagekit.plans import LoopMetrics

    metrics = LoopMetrics(
        total=1,
        closed=0,
        closure_rate=None,
        concerns=0,
        changed=0,
        change_rate=None,
        median_days_to_respond=None,
        past_standard=0,
    )
    document = tomllib.loads(io.dumps(metrics, format="toml"))
    document.pop("engagekit")
    assert "closure_rate" not in document
    toml_form = schema.schema(LoopMetrics, envelope=False)
    assert toml_form["$defs"]["LoopMetrics"]["required"] == [
        "total",
        "closed",
        "concerns",
        "changed",
        "past_standard",
    ]
    assert jsonschema.Draft202012Validator(toml_form).is_valid(document)
    json_form = schema.schema(LoopMetrics)
    assert "closure_rate" in json_form["$defs"]["LoopMetrics"]["required"]


def test_a_document_with_an_unknown_field_or_value_does_not_validate():
    """The schema refuses what engagekit would refuse: an unknown field, an unknown
    choice, a date in another format, and the wrong type name."""
    validator = _validator("decision")
    document = json.loads(io.dumps(examples.somerset_rheumatology_decision()))
    document["data"]["colour"] = "red"
    document["data"]["impact"]["kind"] = "demolition"
    document["data"]["on"] = "31/12/2010"
    document["engagekit"]["type"] = "Policy"
    errors = _errors(validator, document)
    assert any("'colour' was unexpected" in e for e in errors)
    assert any(e.startswith("data/impact/kind: 'demolition' is not one of") for e in errors)
    assert any(e.startswith("data/on: '31/12/2010' does not match") for e in errors)
    assert "engagekit/type: 'Decision' was expected" in errors


def test_required_fields_are_those_without_a_default():
    """A Source needs a title and a publisher; everything else may be left out."""
    found = schema.schema("source", envelope=False)
    assert found["$defs"]["Source"]["required"] == ["title", "publisher"]
    assert found["$defs"]["LegalForce"]["enum"][:2] == ["statute", "regulations"]


def test_unknown_format_names_the_closest():
    with pytest.raises(UnknownNameError, match="'decisions'.*'decision'"):
        schema.schema("decisions")


def test_cli_lists_and_prints_schemas(capsys):
    """`engagekit schema` lists the formats; `engagekit schema NAME` prints valid JSON."""
    assert main(["schema"]) == 0
    listing = capsys.readouterr().out
    assert "decision\tDecision\n" in listing
    assert main(["schema", "network", "--data-only"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$ref"] == "#/$defs/EscalationNetwork"
    assert main(["schema", "nope"]) == 2
    assert "unknown document format 'nope'" in capsys.readouterr().err


def _as_json(value: Any) -> Any:
    """A TOML document's data as JSON holds it: TOML's dates become 'YYYY-MM-DD' text."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize(
    ("file", "name"),
    [("clinic-move.toml", "decision"), ("icb-evidence-2023-24.toml", "evidence-file")],
)
def test_shipped_example_documents_validate(file, name):
    """The example files users copy validate against their format's schema without
    the envelope, once their TOML dates are written as text, as JSON holds them."""
    document = _as_json(tomllib.loads((_SHIPPED / file).read_text(encoding="utf-8")))
    assert document  # read, and not empty
    assert _errors(_validator(name, envelope=False), document) == []


def test_an_evidence_file_validates_but_a_single_record_schema_refuses_it():
    """`engagekit check` reads a file of records: the evidence-file schema describes
    it, where the evidence schema describes one record."""
    document = _as_json(
        tomllib.loads((_SHIPPED / "icb-evidence-2023-24.toml").read_text(encoding="utf-8"))
    )
    assert len(document["evidence"]) == len(load_evidence(_SHIPPED / "icb-evidence-2023-24.toml"))
    assert _errors(_validator("evidence-file", envelope=False), document) == []
    assert _errors(_validator("evidence", envelope=False), document) != []


def test_a_document_of_another_type_is_refused_naming_both():
    """A command's JSON output read back as a plan says what the file holds."""
    text = io.dumps({"title": "Draft Patient and Public Engagement Action Plan v8"})
    with pytest.raises(DocumentError) as info:
        io.loads(text, EvidenceFile)
    assert str(info.value) == (
        "<json>: 1 problem\n"
        "  $.engagekit.type: the document holds 'dict', not 'EvidenceFile'"
        " (a command's --format json output is a report, not a document to read back)"
    )
