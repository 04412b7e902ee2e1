"""Reading and writing engagekit values: plain dicts, JSON and TOML.

One `cattrs` converter serves every public type, so a value that dumps loads back
equal (`loads(dumps(x), type(x)) == x`), in JSON or TOML (`format="toml"`; `dump` and
`load` choose by a file's suffix). A type has one document shape in both formats.
Documents written by `dumps` carry a format version and the type's name. Documents
read by `loads`, `load`, `from_dict` and `load_toml` are exactly as strict as the
constructors:

- text fields take only strings, yes/no fields only `true`/`false`, whole-number
  fields only integers (never a float or a boolean), number fields integers or
  finite floats (an integer stays an integer, so `weight = 1` dumps back as `1`);
- list fields take only lists: a string is never split into characters;
- dates are `YYYY-MM-DD` text or TOML dates; choices are read through their enum
  (value, name or alias);
- a table (an engagekit record) must be a table, with no unknown keys.

Every problem in a document is reported at once, each as a
[`Problem`][engagekit.errors.Problem] with its key path (`$.impact.permanent`), the
value found and what is allowed, in one [`DocumentError`][engagekit.errors.DocumentError].
Errors raised by a constructor (a cross-field rule) are reported at the path of the
record, or of the field they name. Loading never executes code.

Examples:
    >>> from engagekit import Source, io
    >>> s = Source(title="Real Involvement", publisher="Department of Health", date="2008-10")
    >>> text = io.dumps(s)
    >>> io.loads(text, Source) == s
    True
    >>> io.from_dict({"title": 42, "publisher": "y", "colour": "red"}, Source)
    Traceback (most recent call last):
    ...
    engagekit.errors.DocumentError: <dict>: 2 problems
      $.title: got int 42; expected text
      $.colour: unknown field 'colour' of Source; allowed: 'title', 'publisher', 'date', ...
"""

from __future__ import annotations

import collections.abc
import contextvars
import datetime as dt
import enum
import json
import math
import numbers
import os
import re
import tomllib
import types
import typing

from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs
import cattrs

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)
from cattrs.gen import make_dict_structure_fn

from engagekit import _lazy
from engagekit._describe import document_kind
from engagekit._display import Listing
from engagekit.errors import (
    MAX_PROBLEMS,
    DocumentError,
    EngagekitError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    ParseError,
    Problem,
    WriteError,
    _not_utf8,
    close_matches,
    short_repr,
)


__all__ = [
    "FORMATS",
    "FORMAT_VERSION",
    "converter",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "load_toml",
    "loads",
    "read_toml",
    "to_dict",
]


def __dir__() -> list[str]:
    return __all__


T = TypeVar("T")

FORMAT_VERSION = 1
"""The version of the document format `dumps` writes. Documents with a higher
version are refused; documents without a version are read as this version.
"""

_ENVELOPE = "engagekit"

FORMATS = ("json", "toml")
"""The document formats `dumps`, `dump`, `loads` and `load` read and write; a file's
format is chosen by its suffix (`.json`, `.toml`).
"""

#: Integers longer than this many bits (about 1,200 digits) are refused: no engagekit
#: number is near it, and Python will not write an integer over 4,300 digits as text.
_MAX_INT_BITS = 4000

converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
"""The converter behind every function here. Other modules register hooks on it for
types that need them (for example unions); users may use it directly.
"""


class _Invalid(DocumentError):
    """Problems found while structuring part of a document, with paths relative to it.

    It is a `DocumentError`, so code calling `converter.structure` directly gets one.
    """

    def __init__(self, problems: Iterable[Problem | str], *, more: int = 0) -> None:
        super().__init__("<value>", problems, more=more)


def _wrong(value: object, expected: str) -> _Invalid:
    return _Invalid([Problem("$", f"got {_shown(value)}; expected {expected}", value)])


def _shown(value: object) -> str:
    """A value as a document spells it, with its kind: ``null`` and ``true`` as in
    JSON and TOML, never Python's ``None`` and ``True``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    return f"{document_kind(value)} {short_repr(value)}"


# --- leaf types ------------------------------------------------------------------------


def _structure_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    raise _wrong(value, "text")


def _structure_bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _wrong(value, "true or false")


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        number = int(value)
        if number.bit_length() <= _MAX_INT_BITS:
            return number
        raise _Invalid([Problem("$", "the number is too large", value)])
    raise _wrong(value, "a whole number")


def _structure_float(value: Any, _: type) -> float:
    # An integer stays an integer (``weight = 1`` dumps back as ``1``, byte for byte);
    # ``1 == 1.0``, so the value is equal either way.
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return _structure_int(value, int)
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise _Invalid([Problem("$", f"{value!r} is not allowed; expected a finite number", value)])
    raise _wrong(value, "a number")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise _Invalid(
            [Problem("$", f"got {short_repr(value)}; expected a date, not a date and time", value)]
        )
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError as exc:
                raise _Invalid(
                    [Problem("$", f"{short_repr(value)} is not a date ({exc})", value)]
                ) from None
        raise _Invalid(
            [Problem("$", f"{short_repr(value)} is not a date; expected YYYY-MM-DD", value)]
        )
    raise _wrong(value, "a date, YYYY-MM-DD")


converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(float, _structure_float)
converter.register_structure_hook(dt.date, _structure_date)
converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _enum_structure_factory(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    from engagekit.choices import Choice

    if issubclass(cls, Choice):
        by_value: dict[object, enum.Enum] = dict(cls._value2member_map_)

        def structure_choice(value: Any, _: type) -> enum.Enum:
            # Fast path: a member's own value, as `dumps` writes it.
            if type(value) is str:
                member = by_value.get(value)
                if member is not None:
                    return member
            if isinstance(value, bool | float):
                raise _wrong(value, f"a {cls.__name__} as text")
            # Choice reads value, name or alias text and raises UnknownChoiceError or
            # InvalidTypeError; both name the value and what is allowed.
            return cls(value)

        return structure_choice

    allowed = [member.value for member in cls]

    def structure(value: Any, _: type) -> enum.Enum:
        if isinstance(value, cls):
            return value
        if not isinstance(value, bool | float):
            for member in cls:
                if type(member.value) is type(value) and member.value == value:
                    return member
        raise InvalidValueError(cls.__name__, value, allowed=allowed)

    return structure


converter.register_structure_hook_factory(_is_enum, _enum_structure_factory)
converter.register_unstructure_hook_factory(_is_enum, lambda _: lambda member: member.value)


# --- paths ----------------------------------------------------------------------------

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def _key_path(key: object) -> str:
    if isinstance(key, str) and _PLAIN_KEY.match(key):
        return f".{key}"
    return f"[{short_repr(key)}]"


def _under(prefix: str, problem: Problem) -> Problem:
    """``problem`` (whose path starts at ``$``) moved under ``prefix``."""
    return Problem(prefix + problem.path[1:], problem.message, problem.value)


class _Found:
    """Problems gathered while structuring, capped like `DocumentError`."""

    __slots__ = ("more", "problems")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.more = 0

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS

    def add(self, problem: Problem) -> None:
        if self.full:
            self.more += 1
        else:
            self.problems.append(problem)

    def add_exception(
        self, exc: BaseException, path: str, owner: type | None = None, data: Any = None
    ) -> None:
        """Add the problems `exc` describes, found at `path` (in `data`, if known)."""
        if isinstance(exc, DocumentError):
            for problem in exc.problems:
                self.add(_under(path, problem))
            self.more += exc.more
        elif isinstance(exc, ClassValidationError):
            with_notes, others = exc.group_exceptions()
            for sub, note in with_notes:
                self.add_exception(sub, path + _key_path(note.name))
            for sub in others:
                self.add_exception(sub, path, exc.cl, data)
        elif isinstance(exc, IterableValidationError):
            with_index, others = exc.group_exceptions()
            for sub, index_note in with_index:
                self.add_exception(sub, f"{path}[{index_note.index}]", None)
            for sub in others:
                self.add_exception(sub, path, None)
        elif isinstance(exc, ForbiddenExtraKeysError):
            names = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
            for key in sorted(exc.extra_fields, key=str):
                value = data.get(key) if isinstance(data, Mapping) else None
                self.add(_unknown_field(path, key, exc.cl, names, value))
        elif isinstance(exc, StructureHandlerNotFoundError):
            # A type no document describes, such as a tally's value, which may be
            # anything: reading it back would guess its type.
            self.add(Problem(path, _unreadable(exc.type_)))
        elif isinstance(exc, KeyError):
            self.add(Problem(path, "required field missing"))
        elif isinstance(exc, RecursionError):
            self.add(Problem(path, "nested too deeply"))
        elif isinstance(exc, EngagekitError):
            self.add(_located(exc, path, owner))
        else:
            # A hook or constructor raised a builtin error: report it, located.
            message = str(exc) or type(exc).__name__
            self.add(Problem(path, short_repr(message)[1:-1] if len(message) > 200 else message))

    def raise_if_any(self) -> None:
        if self.problems or self.more:
            raise self.as_error()

    def as_error(self) -> DocumentError:
        return _Invalid(self.problems, more=self.more)


def _unreadable(type_: object) -> str:
    """Why a type no document describes cannot be read."""
    if type_ is object:
        return "cannot be read from a document: it holds a value of any type"
    name = getattr(type_, "__name__", None) or str(type_)
    return f"cannot be read from a document: engagekit does not read {name} values"


def _unknown_field(path: str, key: object, cls: type, names: list[str], value: object) -> Problem:
    message = f"unknown field {short_repr(key)}"
    if not cls.__name__.startswith("_"):  # private document wrappers are named by their path
        message += f" of {cls.__name__}"
    if names:
        message += "; allowed: " + ", ".join(repr(n) for n in names[:12])
        if len(names) > 12:
            message += f", … ({len(names) - 12} more)"
        near = close_matches(str(key), names) if isinstance(key, str) else ()
        if near:
            message += " (did you mean " + ", ".join(repr(n) for n in near) + "?)"
    return Problem(path + _key_path(key), message, value)


_FIELD_NAME = re.compile(r"(?:(\w+)\.)?(\w+)((?:\[\d+\])*)\Z")


def _located(exc: EngagekitError, path: str, owner: type | None) -> Problem:
    """A constructor's error, at the path of the field it names when it names one."""
    value = getattr(exc, "value", getattr(exc, "name", None))
    field = getattr(exc, "field", None)
    if owner is not None and attrs.has(owner) and isinstance(field, str):
        match = _FIELD_NAME.match(field)
        if match:
            cls_name, name, index = match.groups()
            names = {a.name for a in attrs.fields(owner)}
            if (cls_name in (None, owner.__name__)) and name in names:
                return Problem(f"{path}.{name}{index}", str(exc), value)
    return Problem(path, str(exc), value)


# --- containers -----------------------------------------------------------------------

_SEQUENCES = {
    tuple: tuple,
    list: list,
    frozenset: frozenset,
    set: set,
    collections.abc.Sequence: tuple,
    collections.abc.MutableSequence: list,
    collections.abc.Set: frozenset,
    collections.abc.MutableSet: set,
}
_MAPPINGS = {dict, collections.abc.Mapping, collections.abc.MutableMapping}


def _origin(type_: Any) -> Any:
    return typing.get_origin(type_) or type_


def _is_sequence(type_: Any) -> bool:
    try:
        return _origin(type_) in _SEQUENCES
    except TypeError:  # unhashable special forms
        return False


def _is_mapping(type_: Any) -> bool:
    try:
        return _origin(type_) in _MAPPINGS
    except TypeError:
        return False


def _hook(type_: Any) -> Callable[[Any, Any], Any]:
    if type_ is Any:
        return lambda value, _: value
    return converter.get_structure_hook(type_)


def _sequence_factory(type_: Any) -> Callable[[Any, Any], Any]:
    origin = _origin(type_)
    build = _SEQUENCES[origin]
    args = typing.get_args(type_)
    is_set = build in (frozenset, set)
    accepted: tuple[type, ...] = (list, tuple, frozenset, set) if is_set else (list, tuple)
    if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        if args == ((),):  # tuple[()]
            args = ()
        return _fixed_tuple_factory(args)
    item_type = args[0] if args else Any
    expected = "a list"

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, accepted):
            raise _wrong(value, expected)
        items = typing.cast("Collection[Any]", value)
        handle = _hook(item_type)
        out = []
        found: _Found | None = None
        for index, item in enumerate(items):
            try:
                out.append(handle(item, item_type))
            except Exception as exc:  # noqa: BLE001 - every problem is reported
                found = found or _Found()
                found.add_exception(exc, f"$[{index}]")
                rest = len(items) - index - 1
                if rest and len(found.problems) >= MAX_PROBLEMS - 1:
                    # Stop here: checking the rest would only add problems not shown.
                    found.add(Problem(f"$[{index + 1}:]", f"{rest} more items not checked"))
                    break
        if found is not None:
            found.raise_if_any()
        return build(out)

    return structure


def _fixed_tuple_factory(args: tuple[Any, ...]) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise _wrong(value, f"a list of {len(args)} items")
        if len(value) != len(args):
            raise _Invalid([Problem("$", f"got {len(value)} items; expected {len(args)}", value)])
        out = []
        found = _Found()
        for index, (item, item_type) in enumerate(zip(value, args, strict=True)):
            try:
                out.append(_hook(item_type)(item, item_type))
            except Exception as exc:  # noqa: BLE001 - every problem is reported
                found.add_exception(exc, f"$[{index}]")
        found.raise_if_any()
        return tuple(out)

    return structure


def _mapping_factory(type_: Any) -> Callable[[Any, Any], Any]:
    args = typing.get_args(type_)
    key_type, value_type = args if len(args) == 2 else (Any, Any)

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise _wrong(value, "a table")
        key_hook, value_hook = _hook(key_type), _hook(value_type)
        out = {}
        found = _Found()
        for key, item in value.items():
            path = "$" + _key_path(key)
            try:
                new_key = key_hook(key, key_type)
            except Exception as exc:  # noqa: BLE001 - every problem is reported
                found.add_exception(exc, path)
                continue
            try:
                out[new_key] = value_hook(item, value_type)
            except Exception as exc:  # noqa: BLE001 - every problem is reported
                found.add_exception(exc, path)
            if found.full:
                break
        found.raise_if_any()
        return out

    return structure


#: Whether the document being read is TOML, which has no null: `dumps` leaves a
#: `None` field out, so a missing field that may be `None` reads as `None`.
_READING_TOML: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "engagekit_io_reading_toml", default=False
)


def _admits_none(type_: Any) -> bool:
    return type_ is None or type_ is type(None) or type(None) in typing.get_args(type_)


def _attrs_factory(cls: type) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cls)
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    # A private document type names itself in words (``_document_name``), not by its
    # class name, which means nothing to whoever wrote the file.
    expected = f"a table of {getattr(cls, '_document_name', cls.__name__)} fields"
    # The fields without a default that may be `None`: TOML leaves them out.
    nullable = tuple(
        field.name
        for field in attrs.fields(cls)
        if field.init and field.default is attrs.NOTHING and _admits_none(field.type)
    )

    def structure(value: Any, _: Any) -> Any:
        # A dict (what JSON and TOML give) skips the slower ABC check for Mapping.
        if type(value) is not dict:
            if isinstance(value, cls):
                return value
            if not isinstance(value, Mapping):
                raise _wrong(value, expected)
        if nullable and _READING_TOML.get():
            missing = [name for name in nullable if name not in value]
            if missing:
                value = {**value, **dict.fromkeys(missing)}
        try:
            return generated(value, cls)
        except ClassValidationError as exc:
            found = _Found()
            found.add_exception(exc, "$", cls, value)
            found.raise_if_any()
            raise  # pragma: no cover - a validation error always has a problem

    return structure


converter.register_structure_hook_factory(_is_sequence, _sequence_factory)
converter.register_structure_hook_factory(_is_mapping, _mapping_factory)
converter.register_structure_hook_factory(attrs.has, _attrs_factory)


def _is_listing(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, Listing) and not attrs.has(type_)


def _listing_item_type(cls: type) -> Any:
    for klass in cls.__mro__:
        for base in getattr(klass, "__orig_bases__", ()):
            if typing.get_origin(base) is Listing:
                return typing.get_args(base)[0]
    return Any


class _Names(Mapping[str, Any]):
    """The names a type's annotations may use: its module's, its package's, then
    engagekit's public names (a module imports some only for type checking)."""

    _PACKAGES = (
        "engagekit",
        "engagekit.duties",
        "engagekit.decisions",
        "engagekit.escalation",
        "engagekit.plans",
        "engagekit.consultations",
        "engagekit.cycles",
        "engagekit.disclosure",
    )

    def __init__(self, module: str) -> None:
        import sys

        package = sys.modules.get(module.rsplit(".", 1)[0])
        self._spaces = [vars(sys.modules[module])] + ([vars(package)] if package else [])

    def __getitem__(self, name: str) -> Any:
        for space in self._spaces:
            if name in space:
                return space[name]
        import importlib

        for package in self._PACKAGES:
            found = importlib.import_module(package)
            if name in getattr(found, "__all__", ()):
                return getattr(found, name)
        raise KeyError(name)

    def __iter__(self) -> collections.abc.Iterator[str]:
        return iter(self._spaces[0])

    def __len__(self) -> int:
        return len(self._spaces[0])


def _type_hints(annotations: dict[str, Any], module: str) -> dict[str, Any]:
    """``annotations`` (perhaps text) as types, read in `module`."""

    def annotated() -> None: ...

    annotated.__annotations__ = annotations
    return typing.get_type_hints(annotated, globalns={}, localns=_Names(module))


def _listing_attributes(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """What a listing holds beside its items (a summary's network name, the date
    duties were in force): the keyword arguments it is built with, each with its
    type and whether it must be given."""
    import inspect

    parameters = [
        parameter
        for parameter in inspect.signature(cls).parameters.values()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
    ]
    hints = _type_hints({p.name: p.annotation for p in parameters}, cls.__module__)
    return tuple((p.name, hints[p.name], p.default is inspect.Parameter.empty) for p in parameters)


def _listing_structure_factory(cls: type[Listing[Any]]) -> Callable[[Any, Any], Any]:
    items: Any = tuple[_listing_item_type(cls), ...]  # type: ignore[misc]
    attributes = _listing_attributes(cls)
    if not attributes:

        def structure(value: Any, _: Any) -> Any:
            return cls(converter.structure(value, items))

        return structure

    names = [name for name, _, _ in attributes] + ["items"]

    def structure_table(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise _wrong(value, f"a table of {cls.__name__} fields")
        found = _Found()
        for key in value:
            if key not in names:
                found.add(_unknown_field("$", key, cls, names, value[key]))
        given: dict[str, Any] = {}
        for name, type_, required in [*attributes, ("items", items, True)]:
            if name not in value:
                if required:
                    found.add(Problem(f"$.{name}", "required field missing"))
                continue
            try:
                given[name] = _hook(type_)(value[name], type_)
            except Exception as exc:  # noqa: BLE001 - every problem is reported
                found.add_exception(exc, f"$.{name}")
        found.raise_if_any()
        return cls(given.pop("items"), **given)

    return structure_table


def _listing_unstructure_factory(cls: type[Listing[Any]]) -> Callable[[Any], Any]:
    attributes = [name for name, _, _ in _listing_attributes(cls)]
    if not attributes:
        return lambda value: [converter.unstructure(item) for item in value]

    def unstructure(value: Any) -> Any:
        table = {name: converter.unstructure(getattr(value, name)) for name in attributes}
        table["items"] = [converter.unstructure(item) for item in value]
        return table

    return unstructure


# A plain listing (a query result) is written as the list of its items; one that holds
# more (the date duties were in force) as a table of that and its `items`.
converter.register_structure_hook_factory(_is_listing, _listing_structure_factory)
converter.register_unstructure_hook_factory(_is_listing, _listing_unstructure_factory)


def _is_named_tuple(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, tuple) and hasattr(type_, "_fields")


def _named_tuple_unstructure_factory(cls: type) -> Callable[[Any], Any]:
    fields: tuple[str, ...] = cls._fields  # type: ignore[attr-defined]
    return lambda value: {name: converter.unstructure(getattr(value, name)) for name in fields}


def _named_tuple_structure_factory(cls: type) -> Callable[[Any, Any], Any]:
    fields: tuple[str, ...] = cls._fields  # type: ignore[attr-defined]
    defaults: dict[str, Any] = cls._field_defaults  # type: ignore[attr-defined]
    hints = _type_hints(dict(cls.__annotations__), cls.__module__)

    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise _wrong(value, f"a table of {cls.__name__} fields")
        found = _Found()
        for key in value:
            if key not in fields:
                found.add(_unknown_field("$", key, cls, list(fields), value[key]))
        given: dict[str, Any] = {}
        for name in fields:
            if name not in value:
                if name in defaults:
                    continue
                if _READING_TOML.get() and _admits_none(hints[name]):
                    given[name] = None  # TOML has no null: `dumps` left it out
                else:
                    found.add(Problem(f"$.{name}", "required field missing"))
                continue
            try:
                given[name] = _hook(hints[name])(value[name], hints[name])
            except Exception as exc:  # noqa: BLE001 - every problem is reported
                found.add_exception(exc, f"$.{name}")
        found.raise_if_any()
        return cls(**given)

    return structure


def _is_own_mapping(type_: Any) -> bool:
    """An engagekit mapping class (a built-in catalogue), which has no document."""
    return (
        isinstance(type_, type)
        and issubclass(type_, Mapping)
        and not attrs.has(type_)
        and type_.__module__.startswith("engagekit.")
    )


def _refuse_factory(type_: Any) -> Callable[[Any, Any], Any]:
    def refuse(value: Any, _: Any) -> Any:
        raise _Invalid([Problem("$", _unreadable(type_))])

    return refuse


# A built-in catalogue is written as a table of its records, but what they are is not
# in the document: say so, instead of Python's "missing argument" of its constructor.
converter.register_structure_hook_factory(_is_own_mapping, _refuse_factory)


# A named tuple (a row of a listing) is written as a table of its fields, like a record.
converter.register_structure_hook_factory(_is_named_tuple, _named_tuple_structure_factory)
converter.register_unstructure_hook_factory(_is_named_tuple, _named_tuple_unstructure_factory)


# --- public functions -----------------------------------------------------------------


def to_dict(value: Any) -> Any:
    """Turn an engagekit value into plain data (dicts, lists, strings, numbers).

    Dates become ISO strings and enum members their string values.

    Examples:
        >>> from engagekit import ParticipationLevel
        >>> to_dict(ParticipationLevel.CONSULT)
        'consult'
    """
    return converter.unstructure(value)


def from_dict(data: Any, cls: type[T], *, origin: str = "<dict>") -> T:
    """Build a `cls` from plain data, reporting every problem at once.

    Raises:
        DocumentError: naming each bad key path, the value found there and what is
            allowed; nothing is half-built.
        InvalidTypeError: `cls` is not a type (a type's name, a value).

    Examples:
        >>> from engagekit import Source
        >>> from_dict({"title": "Strategy", "publisher": "NHS Somerset"}, Source).publisher
        'NHS Somerset'
        >>> from_dict({"title": "Strategy", "publisher": ["NHS Somerset"]}, Source)
        Traceback (most recent call last):
        ...
        engagekit.errors.DocumentError: <dict>: 1 problem
          $.publisher: got a list ['NHS Somerset']; expected text
    """
    _check_type(cls)
    try:
        loaded: T = converter.structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - every failure is a problem of the document
        owner: Any = cls  # a class, or a union such as `Source | None`
        found = _Found()
        found.add_exception(exc, "$", owner if isinstance(owner, type) else None, data)
        raise DocumentError(origin, found.problems, more=found.more) from None
    return loaded


def _format(format: str) -> str:  # noqa: A002
    if format in FORMATS:
        return format
    raise InvalidValueError("format", format, allowed=FORMATS)


def dumps(value: Any, *, indent: int | None = None, format: str = "json") -> str:  # noqa: A002
    """Serialise an engagekit value as a JSON (or TOML) document with a format version.

    A JSON document is compact by default (Python writes it several times faster than
    an indented one); pass `indent=2` for a document to read. A TOML document
    (`format="toml"`, which needs the `toml` extra) holds the same fields as the JSON
    one's `data`, beside an `engagekit` table naming the format and type; TOML has no
    null, so a field that is `None` is left out (reading it back gives the field's
    default, `None`), and dates are written as `YYYY-MM-DD` text, as in JSON.

    Raises:
        InvalidValueError: the value holds a number JSON cannot write (NaN, infinity);
            for TOML, the value is not a record (TOML documents are tables) or holds
            `None` inside a list; `format` is neither `"json"` nor `"toml"`.
        MissingExtraError: `format="toml"` without `tomli-w` (the `toml` extra).

    Examples:
        >>> from engagekit import ParticipationLevel, Source
        >>> print(dumps(ParticipationLevel.EMPOWER))
        {"engagekit": {"format": 1, "type": "ParticipationLevel"}, "data": "empower"}
        >>> print(dumps(Source(title="Strategy", publisher="NHS Somerset"), format="toml"))
        title = "Strategy"
        publisher = "NHS Somerset"
        <BLANKLINE>
        [engagekit]
        format = 1
        type = "Source"
        <BLANKLINE>
    """
    if _format(format) == "toml":
        return _dumps_toml(value)
    document = {
        _ENVELOPE: {"format": FORMAT_VERSION, "type": type(value).__name__},
        "data": to_dict(value),
    }
    try:
        return json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
    except ValueError as exc:
        raise InvalidValueError(
            type(value).__name__, value, reason=f"cannot be written as JSON ({exc})"
        ) from None
    except TypeError as exc:  # a part of the value no engagekit document describes
        raise InvalidValueError(
            type(value).__name__, value, reason=f"cannot be written as JSON ({exc})"
        ) from None


def _without_none(data: Any, name: str, path: str) -> Any:
    """``data`` with every ``None`` field left out (TOML has no null)."""
    if isinstance(data, dict):
        return {
            key: _without_none(item, name, f"{path}{_key_path(key)}")
            for key, item in data.items()
            if item is not None
        }
    if isinstance(data, list):
        if any(item is None for item in data):
            raise InvalidValueError(
                name, data, reason=f"cannot be written as TOML: {path} holds null, which TOML lacks"
            )
        return [_without_none(item, name, f"{path}[{i}]") for i, item in enumerate(data)]
    return data


def _dumps_toml(value: Any) -> str:
    try:
        import tomli_w
    except ImportError:
        raise MissingExtraError(
            "engagekit.io TOML writing", package="tomli-w", extra="toml"
        ) from None
    name = type(value).__name__
    data = to_dict(value)
    if not isinstance(data, dict):
        raise InvalidValueError(
            name, value, reason="cannot be written as TOML, whose documents are tables; use JSON"
        )
    document = _without_none(data, name, "$")
    document[_ENVELOPE] = {"format": FORMAT_VERSION, "type": name}
    try:
        return tomli_w.dumps(document)
    except TypeError as exc:  # a part of the value no engagekit document describes
        raise InvalidValueError(name, value, reason=f"cannot be written as TOML ({exc})") from None


def _suffix_format(path: Path, format: str | None) -> str:  # noqa: A002
    if format is not None:
        return _format(format)
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise ParseError(
        str(path),
        reason=f"cannot tell the format from the suffix {path.suffix!r}; "
        "expected .json or .toml (or pass format=)",
    )


def dump(
    value: Any,
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002
    indent: int | None = 2,
) -> None:
    """Write an engagekit value to a `.json` or `.toml` file, as `dumps` writes it.

    The format follows the file's suffix unless `format` names it. A JSON file is
    indented by `indent` spaces (2 unless told otherwise). `load` reads it back.

    Raises:
        ParseError: the suffix is neither `.json` nor `.toml` and no `format` is given.
        WriteError: the file cannot be written (an `OSError`).
        InvalidValueError: the value cannot be written in the format (see `dumps`).
        MissingExtraError: TOML without `tomli-w` (the `toml` extra).

    Examples:
        >>> import pathlib, tempfile
        >>> from engagekit import Source
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> dump(Source(title="Strategy", publisher="NHS Somerset"), folder / "s.toml")
        >>> load(folder / "s.toml", Source).publisher
        'NHS Somerset'
    """
    path = Path(path)
    chosen = _suffix_format(path, format)
    text = dumps(value, indent=indent if chosen == "json" else None, format=chosen)
    try:
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        raise WriteError(str(path), reason=exc.strerror or str(exc)) from None


def load(source: str | Path, cls: type[T], *, format: str | None = None) -> T:  # noqa: A002
    """Read a `cls` from a `.json` or `.toml` file, strictly (see `loads`, `load_toml`).

    The format follows the file's suffix unless `format` names it. Every command that
    reads a document from a file reads it with this function.

    Raises:
        ParseError: the file cannot be read, its suffix is neither `.json` nor `.toml`
            (and no `format` is given), or it is not JSON or TOML.
        DocumentError: naming the file, each bad key path and value.
        InvalidTypeError: `cls` is not a type (a type's name, a value).

    Examples:
        >>> import pathlib, tempfile
        >>> from engagekit import ParticipationLevel
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "level.json"
        >>> dump(ParticipationLevel.INVOLVE, path)
        >>> load(path, ParticipationLevel)
        <ParticipationLevel.INVOLVE: 'involve'>
        >>> load(path.with_suffix(".yaml"), ParticipationLevel)
        Traceback (most recent call last):
        ...
        engagekit.errors.ParseError: cannot read '...level.yaml': cannot tell the format ...
    """
    _check_type(cls)
    path = Path(source)
    if _suffix_format(path, format) == "toml":
        return load_toml(path, cls)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ParseError(str(path), reason=f"cannot open: {exc.strerror}") from None
    return loads(raw, cls, origin=str(path))


#: The type names of plain values in an envelope: what a command's JSON output holds.
_PLAIN_TYPES = frozenset({"dict", "list", "str", "int", "float", "bool"})


def _unwrap(document: Any, cls: Any, origin: str) -> Any:
    if not (isinstance(document, dict) and _ENVELOPE in document):
        return document
    header = document[_ENVELOPE]
    problems: list[Problem] = []
    for key in sorted(set(document) - {_ENVELOPE, "data"}, key=str):
        problems.append(
            Problem(f"${_key_path(key)}", f"unknown field {short_repr(key)}", document[key])
        )
    if not isinstance(header, dict):
        problems.append(
            Problem(f"$.{_ENVELOPE}", "expected a table with 'format' and 'type'", header)
        )
        raise DocumentError(origin, problems)
    version = header.get("format", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(
            Problem(f"$.{_ENVELOPE}.format", f"{_shown(version)} is not a format version", version)
        )
    elif version > FORMAT_VERSION:
        problems.append(
            Problem(
                f"$.{_ENVELOPE}.format",
                f"{version} is newer than this engagekit reads ({FORMAT_VERSION}); "
                "upgrade engagekit",
                version,
            )
        )
    name = header.get("type")
    # A union (`Source | None`) reads a document of any of its types.
    members = typing.get_args(cls) if typing.get_origin(cls) in _UNIONS else (cls,)
    names = [getattr(member, "__name__", repr(member)) for member in members]
    if name is not None and name not in names:
        expected = " or ".join(repr(n) for n in names if n != "NoneType")
        reason = f"the document holds {short_repr(name)}, not {expected}"
        if name in _PLAIN_TYPES:
            reason += " (a command's --format json output is a report, not a document to read back)"
        problems.append(Problem(f"$.{_ENVELOPE}.type", reason, name))
    for key in sorted(set(header) - {"format", "type"}, key=str):
        problems.append(
            Problem(
                f"$.{_ENVELOPE}{_key_path(key)}", f"unknown field {short_repr(key)}", header[key]
            )
        )
    if "data" not in document:
        problems.append(Problem("$.data", "required field missing"))
    if problems:
        raise DocumentError(origin, problems)
    return document["data"]


_UNIONS = (typing.Union, types.UnionType)


def _check_type(cls: object) -> None:
    """Refuse a `cls` that is not a type (a type's name, a value), which would
    otherwise be reported as a problem of the document."""
    if isinstance(cls, type) or typing.get_origin(cls) is not None:
        return
    expected = "the type to read, such as engagekit.decisions.Decision"
    if isinstance(cls, str):
        expected += " (engagekit.schema.document_type(name) gives a document format's type)"
    raise InvalidTypeError("cls", cls, expected=expected)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str, keys: list[str]) -> None:
        super().__init__(key)
        self.key = key
        self.keys = keys


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice: `json` would keep the last silently
    (TOML refuses it too)."""
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key, list(found))
            seen.add(key)
    return found


def _decode(raw: bytes, origin: str) -> str:
    """UTF-8 text, without the byte order mark editors on Windows put first (Excel's
    "CSV UTF-8", Notepad): read as text, it made the first key unreadable."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParseError(origin, reason=_not_utf8(raw)) from None


def loads(
    text: str | bytes,
    cls: type[T],
    *,
    origin: str | None = None,
    format: str = "json",  # noqa: A002
) -> T:
    """Read a `cls` from JSON (or TOML) text written by `dumps` (or plain data).

    Raises:
        ParseError: the text is not UTF-8 JSON (or is nested too deeply to read, holds
            a number Python will not read, or gives a key twice in one object).
        DocumentError: the document does not describe a valid `cls`.
        InvalidTypeError: `cls` is not a type (a type's name, a value).

    Examples:
        >>> from engagekit import ParticipationLevel
        >>> loads('"collaborate"', ParticipationLevel)
        <ParticipationLevel.COLLABORATE: 'collaborate'>
        >>> from engagekit import Source
        >>> loads('title = "Strategy"\\npublisher = "NHS Sutton CCG"', Source, format="toml")
        <Source 'NHS Sutton CCG, Strategy'>
    """
    _check_type(cls)
    if _format(format) == "toml":
        return _loads_toml(text, cls, origin or "<toml>")
    origin = origin or "<json>"
    if isinstance(text, bytes | bytearray):
        text = _decode(bytes(text), origin)
    if not isinstance(text, str):
        raise ParseError(short_repr(text), reason="expected JSON text", origin=origin)
    return from_dict(_unwrap(_parse_json(text, origin), cls, origin), cls, origin=origin)


def _parse_json(text: str, origin: str) -> Any:
    """JSON text as plain data, strictly: no NaN or Infinity, no key given twice."""
    if not text.strip():
        # Named by its origin: quoting the empty text read "cannot read ''", as if no
        # file had been named.
        raise ParseError(origin, reason="not JSON: it is empty")
    try:
        return json.loads(text, parse_constant=_no_constant, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise ParseError(
            _around(text, exc.pos),
            reason=f"not JSON ({exc.msg}, column {exc.colno})",
            origin=origin,
            line=exc.lineno,
        ) from None
    except _DuplicateKeyError as exc:
        keys = ", ".join(short_repr(key) for key in exc.keys[:6])
        more = ", …" if len(exc.keys) > 6 else ""
        raise ParseError(
            text[:60],
            reason=f"the key {short_repr(exc.key)} is given twice in one object "
            f"(the object with keys {keys}{more}); give it once",
            origin=origin,
        ) from None
    except RecursionError:
        raise ParseError(
            text[:60], reason="not readable: nested too deeply", origin=origin
        ) from None
    except ValueError as exc:  # a number over Python's digit limit; NaN or Infinity
        raise ParseError(text[:60], reason=f"not readable JSON ({exc})", origin=origin) from None


def _around(text: str, at: int) -> str:
    """The line of ``text`` that holds position ``at``, or 60 characters of it around
    ``at``: what an error quotes, rather than the start of the file."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if end - start > 60:
        start = max(start, at - 30)
        end = min(end, start + 60)
    return text[start:end]


def read_toml(
    source: str | os.PathLike[str] | IO[bytes], *, origin: str | None = None
) -> dict[str, Any]:
    """Parse a TOML file (a path or a binary file object) into a dict.

    Duplicate keys and malformed dates are TOML errors and raise `ParseError`
    naming the file and line.

    Raises:
        ParseError: the file cannot be read, is not UTF-8 or is not TOML (or is nested
            too deeply to read, or holds a number Python will not read).

    Examples:
        >>> import io as stdio
        >>> read_toml(stdio.BytesIO(b"name = 'x'"))
        {'name': 'x'}
    """
    if isinstance(source, str | os.PathLike):
        name = origin or str(source)
        try:
            raw = Path(source).read_bytes()
        except OSError as exc:
            raise ParseError(str(source), reason=f"cannot open: {exc.strerror}") from None
    else:
        name = origin or str(getattr(source, "name", "<toml>"))
        read = getattr(source, "read", None)
        if read is None:
            raise ParseError(name, reason="expected a path or a binary file")
        raw = read()
        if isinstance(raw, str):
            raise ParseError(name, reason="the file is open in text mode; open it with 'rb'")
    return _parse_toml(_decode(raw, name), name)


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - a name, maybe not a path
        hint = (
            ""
            if suffix in ("", ".toml")
            else f"; it was read as TOML, as a file not ending .json is, but it ends {suffix}"
        )
        raise ParseError(name, reason=f"not valid TOML ({exc}){hint}") from None
    except RecursionError:
        raise ParseError(name, reason="not readable: nested too deeply", origin=name) from None
    except ValueError as exc:  # a number over Python's digit limit
        raise ParseError(name, reason=f"not readable TOML ({exc})", origin=name) from None


def load_toml(source: str | Path | IO[bytes], cls: type[T], *, origin: str | None = None) -> T:
    """Read a `cls` from a TOML file, strictly.

    The file may start with `engagekit = { format = 1 }` (optionally with `type`);
    the rest of the file is the value's fields.

    Raises:
        ParseError: the file cannot be read or is not TOML.
        DocumentError: naming the file, each bad key path and value.
        InvalidTypeError: `cls` is not a type (a type's name, a value).

    Examples:
        >>> import io as stdio
        >>> from engagekit import Source
        >>> doc = b'title = "Strategy"\\npublisher = "NHS Somerset"\\ndate = "2012"\\n'
        >>> load_toml(stdio.BytesIO(doc), Source).date
        '2012'
    """
    _check_type(cls)
    name = origin or (
        str(source) if isinstance(source, str | Path) else str(getattr(source, "name", "<toml>"))
    )
    return _from_toml(read_toml(source, origin=name), cls, name)


def _loads_toml(text: str | bytes, cls: type[T], origin: str) -> T:
    if isinstance(text, bytes | bytearray):
        text = _decode(bytes(text), origin)
    if not isinstance(text, str):
        raise ParseError(short_repr(text), reason="expected TOML text", origin=origin)
    return _from_toml(_parse_toml(text, origin), cls, origin)


def _from_toml(data: dict[str, Any], cls: type[T], origin: str) -> T:
    document: Any = data
    if _ENVELOPE in data:
        header = data.pop(_ENVELOPE)
        document = _unwrap({_ENVELOPE: header, "data": data}, cls, origin)
    # TOML has no null: a field that may be `None` and is missing is `None`.
    token = _READING_TOML.set(True)
    try:
        return from_dict(document, cls, origin=origin)
    finally:
        _READING_TOML.reset(token)


# Hooks for the types of areas already imported (the others register theirs on import).
_lazy.register_io_hooks()
