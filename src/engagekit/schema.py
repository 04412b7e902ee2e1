"""JSON Schema (draft 2020-12) for every document engagekit reads and writes.

Other systems that write decisions, policies, plans, evidence, engagement records or
networks for engagekit can validate what they write before they send it. Each schema is generated
from the types themselves, so it always describes the documents
[`engagekit.io`][engagekit.io] writes: `dumps` output validates against
`schema(name)`, and a TOML document (`dumps(value, format="toml")`), less its
`engagekit` table, validates against `schema(name, envelope=False)`.

A schema describes each field as engagekit writes it: choices by their values
(`"not-met"`), dates as `YYYY-MM-DD`. When reading, engagekit is a little more
forgiving than the schema (a choice may also be given by its name or an alias, in
any case; a plan target may be a phrase); it is never less strict.

Examples:
    >>> from engagekit import examples, io, schema
    >>> schema.names()[:4]
    ('action-plan', 'decision', 'duty-registry', 'engagement-cycle')
    >>> decision = schema.schema("decision")
    >>> decision["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> decision["properties"]["data"]
    {'$ref': '#/$defs/Decision'}
    >>> sorted(decision["$defs"]["Impact"]["properties"])[:3]
    ['access', 'bed_closures', 'cost']
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import functools
import types
import typing

from typing import Any

import attrs

from engagekit._display import Listing
from engagekit.errors import UnknownNameError


__all__ = ["DIALECT", "document_type", "names", "schema"]


def __dir__() -> list[str]:
    return __all__


DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect every schema declares."""

#: Each document format by name: the module and type it holds.
_DOCUMENTS = {
    "action-plan": ("engagekit.plans", "ActionPlan"),
    "decision": ("engagekit.decisions", "Decision"),
    "duty-registry": ("engagekit.duties", "DutyRegistry"),
    "engagement-cycle": ("engagekit.cycles", "EngagementCycle"),
    "engagement-record": ("engagekit.plans", "EngagementRecord"),
    "evidence": ("engagekit.evidence", "Evidence"),
    "evidence-file": ("engagekit.evidence", "EvidenceFile"),
    "feedback-loop": ("engagekit.plans", "FeedbackLoop"),
    "network": ("engagekit.escalation", "EscalationNetwork"),
    "policy": ("engagekit.decisions", "Policy"),
    "principle-set": ("engagekit.cycles", "PrincipleSet"),
    "source": ("engagekit.sources", "Source"),
    "technique-catalogue": ("engagekit.techniques", "TechniqueCatalogue"),
}

_DATE = {
    "type": "string",
    "format": "date",
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "description": "a date, YYYY-MM-DD",
}


def names() -> tuple[str, ...]:
    """The names of the document formats, sorted.

    Examples:
        >>> "network" in names()
        True
    """
    return tuple(sorted(_DOCUMENTS))


def document_type(name: str) -> type:
    """The engagekit type a named document format holds.

    Raises:
        UnknownNameError: not a document format, naming the closest names.

    Examples:
        >>> document_type("policy").__name__
        'Policy'
    """
    import importlib

    try:
        module, attribute = _DOCUMENTS[name]
    except (KeyError, TypeError):
        raise UnknownNameError("document format", name, choices=names()) from None
    found: type = getattr(importlib.import_module(module), attribute)
    return found


def schema(document: str | type, *, envelope: bool = True) -> dict[str, Any]:
    """The JSON Schema of a document format, by name or by type.

    With ``envelope`` (the default) it is the schema of the JSON document
    [`io.dumps`][engagekit.io.dumps] writes: ``{"engagekit": {"format": 1, "type":
    ...}, "data": ...}``. Without, it is the schema of the data alone, as a TOML file
    holds it: a field that may be ``None`` is not required there, since TOML has no
    null and leaves it out.

    Raises:
        UnknownNameError: an unknown document name.
        InvalidTypeError: a type engagekit does not write.

    Examples:
        >>> policy = schema("policy", envelope=False)
        >>> policy["$ref"], policy["$defs"]["Policy"]["additionalProperties"]
        ('#/$defs/Policy', False)
    """
    cls = document_type(document) if isinstance(document, str) else document
    defs: dict[str, Any] = {}
    data = _schema_of(cls, defs)
    title = document if isinstance(document, str) else cls.__name__
    result: dict[str, Any] = {"$schema": DIALECT, "title": f"engagekit {title} document"}
    if envelope:
        from engagekit.io import FORMAT_VERSION

        result |= {
            "type": "object",
            "properties": {
                "engagekit": {
                    "type": "object",
                    "properties": {
                        "format": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
                        "type": {"const": cls.__name__},
                    },
                    "required": ["type"],
                    "additionalProperties": False,
                },
                "data": data,
            },
            "required": ["engagekit", "data"],
            "additionalProperties": False,
        }
    else:
        result |= data
    result["$defs"] = dict(sorted(defs.items()))
    if not envelope:
        _toml_leaves_out_none(result)
    return result


def _admits_null(found: Any) -> bool:
    if not isinstance(found, dict):
        return False
    kind = found.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    return any(_admits_null(option) for option in found.get("anyOf", ()))


def _toml_leaves_out_none(found: Any) -> None:
    """Require no field that may be ``None``: TOML has no null, so a TOML document
    leaves such a field out, and engagekit reads it back as ``None``."""
    if isinstance(found, dict):
        required, properties = found.get("required"), found.get("properties")
        if isinstance(required, list) and isinstance(properties, dict):
            kept = [name for name in required if not _admits_null(properties.get(name))]
            if kept:
                found["required"] = kept
            else:
                del found["required"]
        for value in found.values():
            _toml_leaves_out_none(value)
    elif isinstance(found, list):
        for value in found:
            _toml_leaves_out_none(value)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    import sys

    module = sys.modules[cls.__module__]
    namespace = dict(vars(module))
    # Names a module imports only for type checking are found in the package.
    package = sys.modules.get(cls.__module__.rsplit(".", 1)[0])
    if package is not None:
        namespace = {**vars(package), **namespace}
    return typing.get_type_hints(cls, globalns=namespace)


def _first_line(doc: str | None) -> str | None:
    if not doc:
        return None
    line = doc.strip().split("\n\n", 1)[0]
    return " ".join(line.split())


def _schema_of(type_: Any, defs: dict[str, Any]) -> dict[str, Any]:
    from engagekit.errors import InvalidTypeError

    if type_ is Any:
        return {}
    if type_ is type(None):
        return {"type": "null"}
    if type_ is str:
        return {"type": "string"}
    if type_ is bool:
        return {"type": "boolean"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is float:
        return {"type": "number"}
    if type_ is dt.date:
        return dict(_DATE)
    target = _special(type_, defs)
    if target is not None:
        return target
    origin = typing.get_origin(type_)
    args = typing.get_args(type_)
    if origin in (typing.Union, types.UnionType):
        options = [_schema_of(arg, defs) for arg in args]
        return {"anyOf": options}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in (tuple, list, collections.abc.Sequence, frozenset, set, collections.abc.Set):
        if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            items = [_schema_of(arg, defs) for arg in args]
            return {
                "type": "array",
                "prefixItems": items,
                "minItems": len(items),
                "maxItems": len(items),
            }
        return {"type": "array", "items": _schema_of(args[0], defs) if args else {}}
    if origin in (dict, collections.abc.Mapping, collections.abc.MutableMapping):
        key, value = args or (str, Any)
        mapping: dict[str, Any] = {
            "type": "object",
            "additionalProperties": _schema_of(value, defs),
        }
        if isinstance(key, type) and issubclass(key, enum.Enum):
            mapping["propertyNames"] = {"enum": [m.value for m in key]}
        return mapping
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return _define(type_, defs, lambda: _enum_schema(type_))
    if isinstance(type_, type) and issubclass(type_, Listing):
        return _listing_schema(type_, defs)
    if isinstance(type_, type) and issubclass(type_, tuple) and hasattr(type_, "_fields"):
        return _define(type_, defs, lambda: _named_tuple_schema(type_, defs))
    if isinstance(type_, type) and attrs.has(type_):
        return _define(type_, defs, lambda: _record_schema(type_, defs))
    raise InvalidTypeError("document", type_, expected="a type engagekit reads and writes")


def _listing_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """A listing is a list of its items, or, when it holds more (a summary's network
    name), a table of that and its ``items``."""
    from engagekit.io import _listing_attributes, _listing_item_type

    items = {"type": "array", "items": _schema_of(_listing_item_type(cls), defs)}
    attributes = _listing_attributes(cls)
    if not attributes:
        return items
    properties = {name: _schema_of(type_, defs) for name, type_, _ in attributes}
    required = [name for name, _, needed in attributes if needed]
    return {
        "type": "object",
        "properties": {**properties, "items": items},
        "required": [*required, "items"],
        "additionalProperties": False,
    }


def _named_tuple_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    from engagekit.io import _type_hints

    hints = _type_hints(dict(cls.__annotations__), cls.__module__)
    defaults = cls._field_defaults  # type: ignore[attr-defined]
    found: dict[str, Any] = {
        "type": "object",
        "properties": {name: _schema_of(hints[name], defs) for name in hints},
        "additionalProperties": False,
    }
    required = [name for name in hints if name not in defaults]
    if required:
        found["required"] = required
    description = _first_line(cls.__doc__)
    if description:
        found["description"] = description
    return found


def _special(type_: Any, defs: dict[str, Any]) -> dict[str, Any] | None:
    """Types written in more than one shape (a plan target), or not as attrs records
    (a consultation's response set)."""
    from engagekit.plans._actions import Target

    if getattr(type_, "__name__", None) == "ResponseSet" and type_.__module__.startswith(
        "engagekit.consultations"
    ):
        return _define(type_, defs, lambda: _response_set_schema(defs))

    if type_ == Target:
        from engagekit.plans import Recurrence, TargetDate

        return {
            "anyOf": [
                {"type": "string", "description": "a target phrase, read as a plan reads it"},
                _schema_of(TargetDate, defs),
                _schema_of(Recurrence, defs),
            ]
        }
    return None


def _response_set_schema(defs: dict[str, Any]) -> dict[str, Any]:
    from engagekit.consultations import Consultation, ConsultationResponse, Theme

    return {
        "type": "object",
        "properties": {
            "consultation": _schema_of(Consultation, defs),
            "themes": {"type": "array", "items": _schema_of(Theme, defs)},
            "responses": {"type": "array", "items": _schema_of(ConsultationResponse, defs)},
        },
        "required": ["consultation"],
        "additionalProperties": False,
        "description": "The responses to one consultation and the themes coded on them.",
    }


def _define(
    cls: type, defs: dict[str, Any], build: typing.Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # placeholder: a type may refer to itself
        defs[name] = build()
    return {"$ref": f"#/$defs/{name}"}


def _enum_schema(cls: type[enum.Enum]) -> dict[str, Any]:
    found: dict[str, Any] = {"type": "string", "enum": [m.value for m in cls]}
    description = _first_line(cls.__doc__)
    if description:
        found["description"] = description
    return found


def _record_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = _hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        name = field.name
        properties[name] = _schema_of(hints.get(field.name, Any), defs)
        if field.default is attrs.NOTHING:
            required.append(name)
    found: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        found["required"] = required
    description = _first_line(cls.__doc__)
    if description:
        found["description"] = description
    return found
