"""Reading and writing engagekit values: plain dicts, JSON and TOML.

One :mod:`cattrs` converter serves every public type, so a value that dumps loads
back equal (``loads(dumps(x), type(x)) == x``). Documents written by :func:`dumps`
carry a format version and the type's name; documents read by :func:`loads`,
:func:`from_dict` and :func:`load_toml` are checked strictly: an unknown field, an
unknown enum value, a missing field or a bad value is reported with its key path,
every problem at once, as a :class:`~engagekit.errors.DocumentError`.

Examples:
    >>> from engagekit import Source, io
    >>> s = Source(title="Real Involvement", publisher="Department of Health", date="2008-10")
    >>> text = io.dumps(s)
    >>> io.loads(text, Source) == s
    True
    >>> io.from_dict({"title": "x", "publisher": "y", "colour": "red"}, Source)
    Traceback (most recent call last):
    ...
    engagekit.errors.DocumentError: <dict>: 1 problem
      $: unknown field 'colour'
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import tomllib

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import cattrs

from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError
from cattrs.v import format_exception

from engagekit.errors import DocumentError, EngagekitError, InvalidValueError, ParseError


__all__ = [
    "FORMAT_VERSION",
    "converter",
    "dumps",
    "from_dict",
    "load_toml",
    "loads",
    "read_toml",
    "to_dict",
]


def __dir__() -> list[str]:
    return __all__


T = TypeVar("T")

#: The version of the document format :func:`dumps` writes. Documents with a higher
#: version are refused; documents without a version are read as this version.
FORMAT_VERSION = 1

_ENVELOPE = "engagekit"

#: The converter behind every function here. Other modules register hooks on it for
#: types that need them (for example unions); users may use it directly.
converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise InvalidValueError("date", value, reason="expected a date, not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidValueError(
                "date", value, reason="expected an ISO 8601 date, YYYY-MM-DD"
            ) from None
    raise InvalidValueError("date", value, reason="expected an ISO 8601 date, YYYY-MM-DD")


converter.register_structure_hook(dt.date, _structure_date)
converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())


def _enum_structure_factory(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    allowed = [member.value for member in cls]

    def structure(value: Any, _: type) -> enum.Enum:
        if isinstance(value, cls):
            return value
        try:
            return cls(value)
        except ValueError:
            raise InvalidValueError(cls.__name__, value, allowed=allowed) from None

    return structure


converter.register_structure_hook_factory(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_structure_factory
)
converter.register_unstructure_hook_factory(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
    lambda _: lambda member: member.value,
)


def _format(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        names = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        plural = "s" if len(exc.extra_fields) > 1 else ""
        return f"unknown field{plural} {names}"
    if isinstance(exc, EngagekitError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    return format_exception(exc, type_)


def _problems(exc: BaseException) -> list[str]:
    if isinstance(exc, BaseValidationError):
        lines = cattrs.transform_error(exc, path="$", format_exception=_format)
        # cattrs writes "message @ $.path"; engagekit writes "$.path: message".
        out = []
        for line in lines:
            message, _, path = line.rpartition(" @ ")
            out.append(f"{path}: {message}" if message else line)
        return out
    return [f"$: {_format(exc, None)}"]


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
    """Build a ``cls`` from plain data, reporting every problem at once.

    Raises:
        DocumentError: naming each bad key path and value; nothing is half-built.

    Examples:
        >>> from engagekit import Source
        >>> from_dict({"title": "Strategy", "publisher": "NHS Somerset"}, Source).publisher
        'NHS Somerset'
    """
    try:
        return converter.structure(data, cls)
    except DocumentError:
        raise
    except (BaseValidationError, EngagekitError, TypeError, ValueError, KeyError) as exc:
        raise DocumentError(origin, _problems(exc)) from None


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """Serialise an engagekit value as a JSON document with a format version.

    Examples:
        >>> from engagekit import ParticipationLevel
        >>> print(dumps(ParticipationLevel.EMPOWER, indent=None))
        {"engagekit": {"format": 1, "type": "ParticipationLevel"}, "data": "empower"}
    """
    document = {
        _ENVELOPE: {"format": FORMAT_VERSION, "type": type(value).__name__},
        "data": to_dict(value),
    }
    return json.dumps(document, indent=indent, ensure_ascii=False)


def _unwrap(document: Any, cls: type, origin: str) -> Any:
    if not (isinstance(document, dict) and _ENVELOPE in document):
        return document
    header = document[_ENVELOPE]
    problems = []
    extra = set(document) - {_ENVELOPE, "data"}
    if extra:
        problems.append(
            f"$: unknown field{'s' if len(extra) > 1 else ''} "
            + ", ".join(repr(k) for k in sorted(extra))
        )
    if not isinstance(header, dict):
        raise DocumentError(origin, [f"$.{_ENVELOPE}: expected a table with 'format' and 'type'"])
    version = header.get("format", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(f"$.{_ENVELOPE}.format: {version!r} is not a format version")
    elif version > FORMAT_VERSION:
        problems.append(
            f"$.{_ENVELOPE}.format: {version} is newer than this engagekit reads "
            f"({FORMAT_VERSION}); upgrade engagekit"
        )
    name = header.get("type")
    if name is not None and name != cls.__name__:
        problems.append(f"$.{_ENVELOPE}.type: {name!r} is not {cls.__name__!r}")
    unknown = set(header) - {"format", "type"}
    if unknown:
        problems.append(f"$.{_ENVELOPE}: unknown field(s) " + ", ".join(sorted(unknown)))
    if "data" not in document:
        problems.append("$.data: required field missing")
    if problems:
        raise DocumentError(origin, problems)
    return document["data"]


def loads(text: str | bytes, cls: type[T], *, origin: str = "<json>") -> T:
    """Read a ``cls`` from JSON text written by :func:`dumps` (or plain JSON data).

    Raises:
        ParseError: the text is not JSON.
        DocumentError: the document does not describe a valid ``cls``.

    Examples:
        >>> from engagekit import ParticipationLevel
        >>> loads('"collaborate"', ParticipationLevel)
        <ParticipationLevel.COLLABORATE: 'collaborate'>
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        snippet = text if isinstance(text, str) else text.decode("utf-8", "replace")
        raise ParseError(
            snippet[:60], reason=f"not JSON ({exc.msg})", origin=origin, line=exc.lineno
        ) from None
    return from_dict(_unwrap(document, cls, origin), cls, origin=origin)


def read_toml(source: str | Path | IO[bytes], *, origin: str | None = None) -> dict[str, Any]:
    """Parse a TOML file (a path or a binary file object) into a dict.

    Duplicate keys and malformed dates are TOML errors and raise ``ParseError``
    naming the file and line.

    Examples:
        >>> import io as stdio
        >>> read_toml(stdio.BytesIO(b"name = 'x'"))
        {'name': 'x'}
    """
    if isinstance(source, str | Path):
        name = origin or str(source)
        try:
            raw = Path(source).read_bytes()
        except OSError as exc:
            raise ParseError(str(source), reason=f"cannot open: {exc.strerror}") from None
    else:
        name = origin or str(getattr(source, "name", "<toml>"))
        raw = source.read()
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ParseError(name, reason="not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ParseError(name, reason=f"not valid TOML ({exc})", origin=name) from None


def load_toml(source: str | Path | IO[bytes], cls: type[T], *, origin: str | None = None) -> T:
    """Read a ``cls`` from a TOML file, strictly.

    The file may start with ``engagekit = { format = 1 }`` (optionally with ``type``);
    the rest of the file is the value's fields.

    Raises:
        ParseError: the file cannot be read or is not TOML.
        DocumentError: naming the file, each bad key path and value.

    Examples:
        >>> import io as stdio
        >>> from engagekit import Source
        >>> doc = b'title = "Strategy"\\npublisher = "NHS Somerset"\\ndate = "2012"\\n'
        >>> load_toml(stdio.BytesIO(doc), Source).date
        '2012'
    """
    name = origin or (
        str(source) if isinstance(source, str | Path) else str(getattr(source, "name", "<toml>"))
    )
    data = read_toml(source, origin=name)
    if _ENVELOPE in data:
        header = data.pop(_ENVELOPE)
        data = _unwrap({_ENVELOPE: header, "data": data}, cls, name)
    return from_dict(data, cls, origin=name)
