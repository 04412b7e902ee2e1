"""Fuzz every public loader with mutated and arbitrary documents.

Each loader is fed documents made from real values (the built-in examples and data
files), mutated (a value's type flipped, a key dropped or added, a value replaced by
text, a list, a huge integer, deep nesting …), and arbitrary bytes. Whatever it is
given, a loader must:

- raise only engagekit errors (`EngagekitError`), never a builtin one;
- return a value or reject the document (how long it takes is for the benchmarks,
  not for a unit test on a shared machine);
- give back a value that dumps and loads back equal, byte for byte on the second dump.

`HYPOTHESIS_PROFILE=ci` runs 10,000 examples across these tests; a local run fewer.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import io as stdio
import json
import math
import os
import re

from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engagekit

from engagekit import cycles, decisions, duties, escalation, evidence, examples, io, plans
from engagekit.errors import EngagekitError


_CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
#: Examples across all the fuzz tests: 10,000 in CI, fewer locally.
_TOTAL = 10_000 if _CI else 600


def _fuzz(share: float) -> Callable[[Any], Any]:
    """Settings for a test that takes `share` of the fuzz examples."""
    return settings(
        max_examples=max(10, int(_TOTAL * share)),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


# --- calling a loader ------------------------------------------------------------------


def _call(load: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a loader: an engagekit error is a rejection; anything else escapes."""
    try:
        return load(*args, **kwargs)
    except EngagekitError:
        return None


def _round_trips(value: Any) -> None:
    """A value that loaded dumps and loads back equal, and dumps the same again."""
    if isinstance(value, tuple):
        for item in value:
            _round_trips(item)
        return
    text = io.dumps(value)
    again = io.loads(text, type(value))
    assert again == value
    assert io.dumps(again) == text


# --- documents -------------------------------------------------------------------------

#: Stand-ins replaced in the written text, so a document can hold what Python's own
#: writers refuse: nesting deeper than the recursion limit, integers over 4,300 digits.
_DEEP = "\x00deep\x00"
_BIG = "\x00big\x00"
_DEEP_LEVELS = 3_000
_BIG_DIGITS = 5_000

_SAMPLES = [
    "false", "true", "no", "yes", "0", "1", "", " ", "null", "none",
    "2012-W01-1", "20120101", "2012-13-01", "2012-02-30", "2012-01-01T09:00",
    "End of May 2011", "every month", "x" * 100_000, "A81001", "QHM", "england",
    "consult", "CONSULT", "involve", "met", "icb", "gp-practice", "sexuality",
    "https://example.org", "file:///etc/passwd", "javascript:alert(1)",
    "__class__", "engagekit", "data", "type", "format", "{}", "[]", "\u2028", "é",
]  # fmt: skip

_odd = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.sampled_from([0, 1, -1, 3, 2012, 10**400]),
    st.floats(),
    st.sampled_from([0.0, 1.0, 3.9, -0.5, 1e308, math.inf, math.nan]),
    st.text(max_size=12),
    st.sampled_from(_SAMPLES),
    st.lists(st.text(max_size=6), max_size=3),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=6), st.text(max_size=6), max_size=2),
    st.dates(),
    st.just(_DEEP),
    st.just(_BIG),
)


def _pick(data: st.DataObject, doc: Any) -> tuple[Any, Any, Any]:
    """Walk into `doc` at random: (parent, key, value), parent None for the root."""
    parent, key, node = None, None, doc
    while isinstance(node, dict | list) and node and data.draw(st.integers(0, 3)) > 0:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = keys[data.draw(st.integers(0, len(keys) - 1))]
        parent, node = node, node[key]
    return parent, key, node


def _flipped(data: st.DataObject, value: Any) -> Any:
    """`value` in another shape: the mistakes people make by hand."""
    if isinstance(value, bool):
        return data.draw(st.sampled_from([str(value).lower(), "no", "yes", int(value)]))
    if isinstance(value, int):
        near = value + 0.9 if abs(value) < 2**53 else str(value)
        return data.draw(st.sampled_from([str(value), near, [value], -value]))
    if isinstance(value, float):
        whole = int(value) if math.isfinite(value) else str(value)
        return data.draw(st.sampled_from([str(value), whole, [value]]))
    if isinstance(value, str):
        return data.draw(st.sampled_from([[value], 42, {"value": value}, value.upper(), ""]))
    if isinstance(value, list):
        joined = ",".join(map(str, value))
        return data.draw(st.sampled_from([joined, value[:1] * 3, {"0": value}, value[::-1]]))
    if isinstance(value, dict):
        return data.draw(st.sampled_from([list(value.values()), list(value), str(value)]))
    return str(value)


def _mutate(data: st.DataObject, doc: Any) -> Any:
    """A copy of `doc` with one to four mutations."""
    doc = copy.deepcopy(doc)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        parent, key, node = _pick(data, doc)
        action = data.draw(
            st.sampled_from(["replace", "flip", "drop", "add", "duplicate", "wrap"]),
            label="action",
        )
        if action == "add" and isinstance(node, dict):
            node[data.draw(st.text(max_size=10))] = data.draw(_odd)
            continue
        if action == "duplicate" and isinstance(node, list) and node:
            node.append(copy.deepcopy(node[data.draw(st.integers(0, len(node) - 1))]))
            continue
        if action == "drop" and parent is not None:
            del parent[key]
            continue
        if action == "flip":
            new = _flipped(data, node)
        elif action == "wrap":
            new = data.draw(st.sampled_from([[node], {"value": node}, str(node)[:200]]))
        else:
            new = data.draw(_odd)
        if parent is None:
            doc = new
        else:
            parent[key] = new
    return doc


def _real(doc: Any) -> Any:
    """The stand-ins made real, for loaders that take Python data."""
    if doc == _DEEP:
        deep: list[Any] = []
        for _ in range(_DEEP_LEVELS):
            deep = [deep]
        return deep
    if doc == _BIG:
        return 10**_BIG_DIGITS
    if isinstance(doc, dict):
        return {k: _real(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_real(v) for v in doc]
    return doc


def _written(text: str) -> str:
    deep = "[" * _DEEP_LEVELS + "]" * _DEEP_LEVELS
    return text.replace(json.dumps(_DEEP), deep).replace(json.dumps(_BIG), "9" * _BIG_DIGITS)


def _json(doc: Any) -> str:
    return _written(json.dumps(doc, ensure_ascii=False, default=str))


_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")


def _toml_key(key: object) -> str:
    text = str(key)
    return text if _BARE.match(text) else _toml_string(text)


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: Any) -> str:
    if value in (_DEEP, _BIG):
        return json.dumps(value)  # replaced by _written
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        pairs = (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items() if v is not None)
        return "{" + ", ".join(pairs) + "}"
    return _toml_string(str(value))


def _toml(doc: Any) -> bytes:
    """`doc` as a TOML document (None is left out: TOML has no null)."""
    if not isinstance(doc, dict):
        doc = {"value": doc}
    lines = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in doc.items() if v is not None]
    return _written("\n".join(lines) + "\n").encode()


def _data_file(name: str) -> dict[str, Any]:
    with resources.files("engagekit.data").joinpath(name).open("rb") as handle:
        return io.read_toml(handle, origin=name)


# --- the example values --------------------------------------------------------------

_PUBLIC_MODULES = (engagekit, cycles, decisions, duties, escalation, evidence, plans)


def _public_types() -> set[type]:
    found: set[type] = set()
    for module in _PUBLIC_MODULES:
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name, None)
            if isinstance(obj, type) and attrs.has(obj):
                found.add(obj)
    return found


def _roots() -> Iterator[Any]:
    yield engagekit.ENGAGEMENT_CYCLE
    yield engagekit.techniques.catalogue()
    yield from engagekit.commissioning_cycles().values()
    yield from cycles.ladders().values()
    yield from cycles.principle_sets().values()
    yield from cycles.involvement_levels().values()
    yield decisions.DEFAULT_POLICY
    for name in examples.__all__:
        builder = getattr(examples, name)
        if callable(builder) and name != "data_file":  # data_file takes a name: see below
            yield builder()
    yield io.load_toml(examples.data_file("clinic-move.toml"), decisions.Decision)
    yield from duties.load_evidence(examples.data_file("icb-evidence-2023-24.toml"))


def _walk(value: Any, seen: dict[type, list[Any]], depth: int = 0) -> None:
    if depth > 30:
        return
    if attrs.has(type(value)):
        seen.setdefault(type(value), []).append(value)
        for field in attrs.fields(type(value)):
            if field.init:
                _walk(getattr(value, field.name), seen, depth + 1)
    elif isinstance(value, tuple | list | frozenset):
        for item in value:
            _walk(item, seen, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            _walk(item, seen, depth + 1)


def _examples() -> dict[type, Any]:
    """The smallest example value of each public attrs type found in the examples."""
    seen: dict[type, list[Any]] = {}
    for root in _roots():
        _walk(root, seen)
    public = _public_types()
    return {
        cls: min(values, key=lambda v: len(io.dumps(v)))
        for cls, values in seen.items()
        if cls in public
    }


EXAMPLES = _examples()
_NAMES = sorted(EXAMPLES, key=lambda c: c.__name__)


@pytest.mark.parametrize("cls", _NAMES, ids=lambda c: c.__name__)
def test_every_example_round_trips(cls: type) -> None:
    """The unmutated example of each type dumps and loads back equal."""
    _round_trips(EXAMPLES[cls])


def test_examples_cover_the_main_types() -> None:
    """The fuzzed types include the records users load from files."""
    names = {c.__name__ for c in EXAMPLES}
    assert {"ActionPlan", "Decision", "EscalationNetwork", "Source", "Policy"} <= names


# --- engagekit.io ------------------------------------------------------------------------


def _fuzzable() -> list[type]:
    """Types whose example round-trips (the others fail the test above)."""
    out = []
    for cls in _NAMES:
        try:
            _round_trips(EXAMPLES[cls])
        except Exception:  # noqa: BLE001 - reported by test_every_example_round_trips
            continue
        out.append(cls)
    return out


_FUZZABLE = _fuzzable()
_ENVELOPE = st.sampled_from(["plain", "envelope", "header"])


@_fuzz(0.4)
@given(data=st.data())
def test_io_mutated_documents(data: st.DataObject) -> None:
    """io.loads / from_dict / load_toml on a mutated example of every public type."""
    cls = data.draw(st.sampled_from(_FUZZABLE), label="type")
    doc = _mutate(data, io.to_dict(EXAMPLES[cls]))
    door = data.draw(st.sampled_from(["loads", "from_dict", "load_toml"]), label="door")
    if door == "loads":
        if data.draw(_ENVELOPE) != "plain":
            doc = {"engagekit": {"format": 1, "type": cls.__name__}, "data": doc}
        value = _call(io.loads, _json(doc), cls)
    elif door == "from_dict":
        value = _call(io.from_dict, _real(doc), cls)
    else:
        if isinstance(doc, dict) and data.draw(_ENVELOPE) == "header":
            doc = {"engagekit": {"format": 1, "type": cls.__name__}, **doc}
        value = _call(io.load_toml, stdio.BytesIO(_toml(doc)), cls)
    if value is not None:
        _round_trips(value)


@_fuzz(0.1)
@given(data=st.data(), raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_io_arbitrary_bytes(data: st.DataObject, raw: bytes) -> None:
    """Arbitrary bytes and text given to io.loads, io.load_toml and io.read_toml."""
    cls = data.draw(st.sampled_from(_FUZZABLE), label="type")
    for value in (
        _call(io.loads, raw, cls),
        _call(io.load_toml, stdio.BytesIO(raw), cls),
    ):
        if value is not None:
            _round_trips(value)
    _call(io.read_toml, stdio.BytesIO(raw))


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@_fuzz(0.06)
@given(data=st.data(), doc=_json_values)
def test_io_arbitrary_values(data: st.DataObject, doc: Any) -> None:
    """Arbitrary JSON-like data given to io.from_dict and io.loads."""
    cls = data.draw(st.sampled_from(_FUZZABLE), label="type")
    for value in (_call(io.from_dict, doc, cls), _call(io.loads, _json(doc), cls)):
        if value is not None:
            _round_trips(value)


# --- the area loaders ----------------------------------------------------------------

_PLAN = _data_file("plan_gpcc_2011.toml")


@_fuzz(0.1)
@given(data=st.data())
def test_plan_loaders(data: st.DataObject) -> None:
    """plans.load_plan and plans.plan_from_dict on a mutated plan file, and odd values."""
    doc = data.draw(st.just(_PLAN) | _odd.map(lambda v: {"title": v}) | _odd, label="seed")
    doc = _mutate(data, doc) if data.draw(st.booleans()) else doc
    if data.draw(st.booleans(), label="toml"):
        value = _call(plans.load_plan, stdio.BytesIO(_toml(doc)))
    else:
        value = _call(plans.plan_from_dict, _real(doc))
    if value is not None:
        _round_trips(value)


def _first(doc: dict[str, Any], key: str, count: int) -> dict[str, Any]:
    return {**doc, key: doc[key][:count]}


_TECHNIQUES = _first(_data_file("techniques.toml"), "technique", 2)


@_fuzz(0.08)
@given(data=st.data())
def test_technique_loader(data: st.DataObject) -> None:
    """engagekit.load_techniques on a mutated technique file."""
    value = _call(engagekit.load_techniques, stdio.BytesIO(_toml(_mutate(data, _TECHNIQUES))))
    if value is not None:
        _round_trips(value)


_DUTIES = _data_file("duties/hsca-2001.toml")
_EVIDENCE = {
    "evidence": [
        {
            "what": "Annual report 2023/24",
            "date": dt.date(2024, 6, 27),
            "kind": "annual-report",
            "supports": ["nhs-act-s14z58/explain-duties"],
            "link": "https://example.org/annual-report-2023-24.pdf",
        }
    ]
}


@_fuzz(0.08)
@given(data=st.data())
def test_duties_loaders(data: st.DataObject) -> None:
    """duties.load_duties and duties.load_evidence on mutated files."""
    if data.draw(st.booleans(), label="duties"):
        value = _call(duties.load_duties, stdio.BytesIO(_toml(_mutate(data, _DUTIES))))
    else:
        value = _call(duties.load_evidence, stdio.BytesIO(_toml(_mutate(data, _EVIDENCE))))
    if value is not None:
        _round_trips(value)


_ODS = (Path(__file__).parent / "escalation" / "data" / "epraccur-sample.csv").read_text()
_ODS_ROWS = _ODS.splitlines(keepends=True)
_cells = st.one_of(
    st.text(max_size=10),
    st.sampled_from(["", "4", "A", "C", "X", "19740401", "20191340", "Y63", "QHM", "16C"]),
    st.sampled_from(['"', '""', "\r", "\n", ",", '"a\nb"', "x" * 140_000, "\x00"]),
)


@_fuzz(0.08)
@given(data=st.data())
def test_ods_loader(data: st.DataObject) -> None:
    """EscalationNetwork.from_ods on mutated epraccur rows and odd sources."""
    rows = list(_ODS_ROWS[: data.draw(st.integers(0, len(_ODS_ROWS)))])
    for _ in range(data.draw(st.integers(0, 3))):
        if not rows:
            break
        index = data.draw(st.integers(0, len(rows) - 1))
        cells = rows[index].rstrip("\n").split(",")
        if data.draw(st.booleans()):
            cells[data.draw(st.integers(0, len(cells) - 1))] = data.draw(_cells)
        else:
            cells = cells[: data.draw(st.integers(0, len(cells)))]
        rows[index] = ",".join(cells) + "\n"
    text = "".join(rows)
    kind = data.draw(st.sampled_from(["text", "bytes", "other"]), label="source")
    source: Any = stdio.StringIO(text)
    if kind == "bytes":
        source = stdio.BytesIO(text.encode())
    elif kind == "other":
        source = data.draw(st.sampled_from([42, None, ["A81001"]]))
    strict = data.draw(st.booleans())
    result = _call(escalation.EscalationNetwork.from_ods, source, strict=strict)
    if result is not None:
        _round_trips(result.network)


_NODE_LINK = escalation.EscalationNetwork.to_node_link(examples.sutton())


@_fuzz(0.05)
@given(data=st.data())
def test_node_link_loader(data: st.DataObject) -> None:
    """EscalationNetwork.from_node_link on a mutated node-link document."""
    doc = _real(_mutate(data, _NODE_LINK))
    value = _call(escalation.EscalationNetwork.from_node_link, doc)
    if value is not None:
        _round_trips(value)


_COLUMNS = {stage.value: list(items) for stage, items in examples.SUTTON_FEEDBACK_COLUMNS.items()}


@_fuzz(0.05)
@given(data=st.data())
def test_feedback_flow_from_columns(data: st.DataObject) -> None:
    """FeedbackFlow.from_columns on mutated columns."""
    doc = _real(_mutate(data, _COLUMNS))
    columns: Any = doc
    if isinstance(doc, dict) and data.draw(st.booleans(), label="members"):
        columns = {}
        for key, items in doc.items():
            try:
                columns[escalation.FlowStage(key)] = items
            except (EngagekitError, ValueError):
                columns[key] = items
    name = data.draw(st.sampled_from(["Sutton", "", 42]), label="name")
    value = _call(escalation.FeedbackFlow.from_columns, name, columns)
    if value is not None:
        _round_trips(value)


def test_enum_examples_are_values() -> None:
    """Sanity check of the fixtures: no enum member stands in for a document."""
    assert not any(isinstance(v, enum.Enum) for v in EXAMPLES.values())
