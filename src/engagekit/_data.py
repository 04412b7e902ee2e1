"""Reading reference data files (private).

Records cite a document from `data/sources.toml` by id,
`source = { document = "somerset-2012", section = "Appendix 1" }` (with the rule's legal
`force` where the record is a rule), or give a full
[`Source`][engagekit.Source] inline. `resolve` expands the short form before
the record is structured, so every loaded record carries a whole `Source`. A citation
that cannot be expanded (an unknown document, a document id that is not text, an
unknown key) is a [`Problem`][engagekit.errors.Problem] of the document, never a
builtin exception.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
import types
import typing

from collections.abc import Callable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs

from engagekit.choices import Choice
from engagekit.errors import DocumentError, Problem, close_matches, short_repr


if TYPE_CHECKING:
    from pathlib import Path


T = TypeVar("T")

_CITATION_KEYS = {"document", "section", "note", "force"}

#: The keys whose values cite documents: one citation (`source`, a duty's `rule_source`,
#: a requirement's `read_through`) or a list (`secondary`).
_CITING_KEYS = {"source", "secondary", "rule_source", "read_through"}


@functools.cache
def documents() -> Mapping[str, dict[str, Any]]:
    """The cited documents, by id, as plain data.

    Read from the parsed cache when it is current (see `PARSED_FILE`); otherwise each
    document is parsed the first time it is asked for: a first call citing two
    documents need not parse all of ``sources.toml``.
    """
    raw = builtin_bytes("sources.toml")
    whole: dict[str, Any] | None = _parsed("sources.toml", raw)
    if whole is None:
        chunks = _document_chunks(raw.decode("utf-8"))
        if chunks is not None:
            return _Documents(chunks)
        whole = _read_builtin("sources.toml")  # not the plain layout: read the whole file
    return {key: dict(value) for key, value in whole.get("document", {}).items()}


_DOCUMENT_HEADER = r"\[document\.([A-Za-z0-9_-]+)\][ \t]*\Z"


def _document_chunks(text: str) -> dict[str, str] | None:
    """The text of each ``[document.<id>]`` table of ``sources.toml``, by id.

    `None` unless the file is only such tables, with single-line strings, each id
    once: then each table parses alone exactly as it does in the whole file.
    """
    if '"""' in text or "'''" in text:
        return None
    chunks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("["):
            match = re.match(_DOCUMENT_HEADER, stripped)
            if match is None or match.group(1) in chunks:
                return None
            current = chunks[match.group(1)] = [line]
        elif current is not None:
            current.append(line)
        elif stripped and not stripped.startswith("#"):
            return None  # a key before the first table
    return {key: "".join(lines) for key, lines in chunks.items()}


class _Documents(Mapping[str, dict[str, Any]]):
    """The cited documents, each parsed from its own table on first use."""

    def __init__(self, chunks: dict[str, str]) -> None:
        self._chunks = chunks
        self._parsed: dict[str, dict[str, Any]] = {}

    def __getitem__(self, key: str) -> dict[str, Any]:
        found = self._parsed.get(key)
        if found is None:
            import tomllib

            chunk = self._chunks[key]
            try:
                found = dict(tomllib.loads(chunk)["document"][key])
            except (tomllib.TOMLDecodeError, ValueError, KeyError, TypeError):
                # Let the whole file's reading say what is wrong, with its line.
                found = dict(_read_builtin("sources.toml")["document"][key])
            self._parsed[key] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._chunks)

    def __len__(self) -> int:
        return len(self._chunks)

    def __contains__(self, key: object) -> bool:
        return key in self._chunks


def builtin_bytes(filename: str) -> bytes:
    """The bytes of one of engagekit's own data files (``filename`` under ``data/``).

    Read through the package's loader (a directory or a zip file alike), as
    `importlib.resources` would, without importing it or `pathlib`: a first call
    would pay for both.
    """
    import engagekit.data as package

    loader: Any = package.__spec__.loader
    if loader is None or not hasattr(loader, "get_data"):  # pragma: no cover - a custom importer
        from importlib import resources

        return resources.files("engagekit.data").joinpath(filename).read_bytes()
    folder = os.path.dirname(package.__file__ or "")  # noqa: PTH120 - see above
    data: bytes = loader.get_data(os.path.join(folder, *filename.split("/")))  # noqa: PTH118
    return data


def _read_builtin(filename: str) -> dict[str, Any]:
    """One of engagekit's own TOML files, parsed (from `PARSED_FILE` when it is current)."""
    raw = builtin_bytes(filename)
    parsed: dict[str, Any] | None = _parsed(filename, raw)
    if parsed is not None:
        return parsed
    import tomllib

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        # `io.read_toml` says what is wrong, naming the file and line.
        from io import BytesIO

        from engagekit import io

        return io.read_toml(BytesIO(raw), origin=f"engagekit/data/{filename}")


# --- the parsed built-in data --------------------------------------------------------
#
# Parsing TOML is pure Python and was the largest part of most first calls (all the
# duty files take about 20 ms). `data/parsed.pickle` keeps each built-in TOML file as
# `tomllib` parses it, with the size and CRC-32 of the bytes it was parsed from. The
# TOML stays the one source of truth: an entry is used only when the file's bytes
# still have that size and checksum, and a missing, unreadable or stale cache (or
# entry) means the TOML is parsed, as before. `python -m engagekit._datacache` writes
# the cache, and `tests/test_data_cache.py` checks it equals every file's parse. It is
# read-only data shipped inside the package, like the TOML files, so read-only
# installs and zip imports read it too; it is engagekit's own file, never a user's.

#: The parsed built-in files, under ``data/``.
PARSED_FILE = "parsed.pickle"

#: The layout of `PARSED_FILE`; a cache of any other layout is ignored.
PARSED_FORMAT = 1


def _unpickle(data: bytes) -> Any:
    # The C unpickler alone: `pickle` itself also defines the pure-Python pickler,
    # which reading needs not pay for on a first call.
    try:
        from _pickle import loads
    except ImportError:  # pragma: no cover - a Python without the C accelerator
        from pickle import loads
    return loads(data)  # noqa: S301 - engagekit's own file, never a user's


@functools.cache
def _parsed_index() -> dict[str, tuple[int, int, bytes]]:
    """Each cached file's size, CRC-32 and pickled parse, by name; empty without a cache."""
    try:
        cache = _unpickle(builtin_bytes(PARSED_FILE))
    except Exception:  # noqa: BLE001 - missing or unreadable: the TOML is read instead
        return {}
    if type(cache) is not dict or cache.get("format") != PARSED_FORMAT:
        return {}
    files = cache.get("files")
    return files if type(files) is dict else {}


def _parsed(filename: str, raw: bytes) -> Any:
    """The parse of built-in file ``filename`` whose bytes are ``raw``, if the cache has it.

    `None` when the cache has no entry for the file or its entry was made from other
    bytes. Each call unpickles a fresh value, so a caller may change what it gets.
    """
    import zlib

    entry = _parsed_index().get(filename)
    if type(entry) is not tuple or len(entry) != 3:
        return None
    size, crc, value = entry
    if size != len(raw) or crc != zlib.crc32(raw):
        return None
    try:
        return _unpickle(value)
    except Exception:  # noqa: BLE001 - an unreadable entry: the TOML is read instead
        return None


#: No engagekit document nests deeper than this; deeper data is refused, not recursed into.
_MAX_DEPTH = 64

#: Values `resolve` returns as they are, without a call per value: what TOML parses
#: to, other than tables and arrays.
_LEAVES = frozenset({str, int, float, bool, dt.date, dt.datetime, dt.time, type(None)})


def resolve(data: Any, origin: str, path: str = "$", _depth: int = 0) -> tuple[Any, list[Problem]]:
    """Expand `{document = id, section = …}` citations; return data and problems."""
    problems: list[Problem] = []
    if _depth > _MAX_DEPTH and isinstance(data, dict | list):
        return data, [Problem(path, f"nested more than {_MAX_DEPTH} levels deep", None)]
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            if type(value) in _LEAVES:  # nothing to expand (most values of a record)
                out[key] = value
                continue
            here = f"{path}.{key}"
            if key in _CITING_KEYS and isinstance(value, dict) and "document" in value:
                out[key], found = _expand(value, here)
                problems.extend(found)
            elif key == "secondary" and isinstance(value, list):
                items = []
                for index, item in enumerate(value):
                    at = f"{here}[{index}]"
                    if isinstance(item, dict) and "document" in item:
                        expanded, found = _expand(item, at)
                    else:
                        expanded, found = resolve(item, origin, at, _depth + 1)
                    items.append(expanded)
                    problems.extend(found)
                out[key] = items
            else:
                out[key], found = resolve(value, origin, here, _depth + 1)
                problems.extend(found)
        return out, problems
    if isinstance(data, list):
        items = []
        for index, value in enumerate(data):
            if type(value) in _LEAVES:
                items.append(value)
                continue
            item, found = resolve(value, origin, f"{path}[{index}]", _depth + 1)
            items.append(item)
            problems.extend(found)
        return items, problems
    return data, problems


def beside_citations(citing: list[Problem], later: list[Problem]) -> list[Problem]:
    """``citing`` (`resolve`'s problems) and the ``later`` problems not inside a citation
    that failed to expand.

    A citation that names no known document is left as it was written; checked later
    against `Source`, it would add "required field missing" and "unknown field
    'document'" to the one problem that says what is wrong.
    """
    failed = tuple(p.path.removesuffix(".document") for p in citing)
    if not failed:
        return [*citing, *later]
    inside = tuple(f"{root}{mark}" for root in failed for mark in (".", "["))
    return [
        *citing,
        *(p for p in later if p.path not in failed and not p.path.startswith(inside)),
    ]


def _expand(citation: dict[str, Any], path: str) -> tuple[Any, list[Problem]]:
    unknown = sorted(str(k) for k in set(citation) - _CITATION_KEYS)
    if unknown:
        message = "unknown field(s) " + ", ".join(repr(k) for k in unknown)
        message += "; a citation has document, section, note and force"
        return citation, [Problem(path, message, citation)]
    known = documents()
    doc_id = citation["document"]
    if not isinstance(doc_id, str):
        message = f"expected the id of a cited document as text, got {type(doc_id).__name__}"
        return citation, [Problem(f"{path}.document", message, doc_id)]
    if doc_id not in known:
        near = close_matches(doc_id, known)
        hint = f" (did you mean {', '.join(repr(n) for n in near)}?)" if near else ""
        message = f"unknown document {short_repr(doc_id)}{hint}"
        return citation, [Problem(f"{path}.document", message, doc_id)]
    expanded = dict(known[doc_id])
    for key in ("section", "note", "force"):
        if key in citation:
            expanded[key] = citation[key]
    return expanded, []


def load(data: dict[str, Any], cls: type[T], origin: str) -> T:
    """Structure reference data into ``cls``, reporting every problem with ``origin``."""
    resolved, problems = resolve(data, origin)
    if problems:
        raise DocumentError(origin, problems)
    return from_dict(resolved, cls, origin=origin)


def load_builtin(filename: str, cls: type[T]) -> T:
    """Load one of engagekit's own data files."""
    return load(_read_builtin(filename), cls, f"engagekit/data/{filename}")


def load_file(source: str | Path | IO[bytes], cls: type[T]) -> T:
    """Load a user's data file in the same format as the built-in ones."""
    from pathlib import Path

    from engagekit import io

    origin = str(source) if isinstance(source, str | Path) else getattr(source, "name", "<toml>")
    return load(io.read_toml(source, origin=origin), cls, origin)


# --- structuring well-formed data without cattrs ---------------------------------------
#
# Reference data is well-formed, and reading it through `engagekit.io` would import
# cattrs and generate a structuring function per class on every first call. `from_dict`
# builds the value directly when the data is exactly what `io.from_dict` accepts
# (text for text, a list for a tuple, a table with known keys for a record …) and
# otherwise hands the same data to `io.from_dict`, which builds it or reports every
# problem with its path. Either way the value and the errors are io's.


class _Unsupported(Exception):
    """The fast path does not take this value (or type): `io.from_dict` decides."""


#: Classes io reads through hooks of their own (a phrase for a target date …).
_CUSTOM_HOOKS = frozenset(
    {
        "engagekit.plans._dates.TargetDate",
        "engagekit.plans._recurrence.Recurrence",
        "engagekit.consultations._responses.ResponseSet",
    }
)

#: io refuses integers longer than this many bits (see `engagekit.io`).
_MAX_INT_BITS = 4000
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")

_Hook = Callable[[Any], Any]
_HOOKS: dict[Any, _Hook] = {}
#: For a union io reads by the value's shape: the function choosing the member type.
_UNION_SHAPES: dict[Any, Callable[[Any], type]] = {}


def register_union(union: Any, shape: Callable[[Any], type]) -> None:
    """Read ``union`` as io does: as the member type ``shape(value)`` names.

    The module defining the union registers the same function io's hook uses, so
    both paths choose alike.
    """
    _UNION_SHAPES[union] = shape


def from_dict(data: Any, cls: type[T], *, origin: str = "<dict>") -> T:
    """Build a `cls` from plain data exactly as `engagekit.io.from_dict` does.

    Raises:
        DocumentError: from `engagekit.io.from_dict`, for data it refuses.
    """
    try:
        value: T = _hook(cls)(data)
    except Exception:  # noqa: BLE001 - io builds the value or reports every problem
        from engagekit import io

        return io.from_dict(data, cls, origin=origin)
    return value


def _hook(type_: Any) -> _Hook:
    try:
        return _HOOKS[type_]
    except KeyError:
        pass
    except TypeError:  # an unhashable annotation
        raise _Unsupported from None
    try:
        hook = _make_hook(type_)
    except _Unsupported:
        hook = _refuse
    _HOOKS[type_] = hook
    return hook


def _refuse(value: Any) -> Any:
    raise _Unsupported


def _make_hook(type_: Any) -> _Hook:
    if type_ is Any:
        return lambda value: value
    if type_ is str:
        return _str
    if type_ is bool:
        return _bool
    if type_ is int:
        return _int
    if type_ is float:
        return _float
    if type_ is dt.date:
        return _date
    if isinstance(type_, type) and issubclass(type_, Choice):
        return _choice(type_)
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin in (types.UnionType, typing.Union):
        others = [arg for arg in args if arg is not type(None)]
        if len(args) == 2 and len(others) == 1:
            return _optional(others[0])
        shape = _UNION_SHAPES.get(type_)
        if shape is not None:
            return lambda value: _hook(shape(value))(value)
        raise _Unsupported
    if origin in (list, frozenset) and len(args) == 1:
        return _sequence(origin, args[0])
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence(tuple, args[0])
    if origin in (dict, Mapping) and len(args) == 2:
        return _mapping(args[0], args[1])
    if isinstance(type_, type) and attrs.has(type_) and origin is None:
        if f"{type_.__module__}.{type_.__qualname__}" in _CUSTOM_HOOKS:
            raise _Unsupported
        return _record(type_)
    raise _Unsupported


def _str(value: Any) -> str:
    if type(value) is str:
        return value
    raise _Unsupported


def _bool(value: Any) -> bool:
    if type(value) is bool:
        return value
    raise _Unsupported


def _int(value: Any) -> int:
    if type(value) is int and value.bit_length() <= _MAX_INT_BITS:
        return value
    raise _Unsupported


def _float(value: Any) -> float:
    # io keeps an integer an integer (``weight = 1`` dumps back as ``1``).
    if type(value) is int and value.bit_length() <= _MAX_INT_BITS:
        return value
    if type(value) is float and math.isfinite(value):
        return value
    raise _Unsupported


def _date(value: Any) -> dt.date:
    if type(value) is dt.date:
        return value
    if type(value) is str and _ISO_DATE.match(value):
        return dt.date.fromisoformat(value)
    raise _Unsupported


def _choice(cls: type[Choice]) -> _Hook:
    by_value = cls._value2member_map_

    def structure(value: Any) -> Any:
        if type(value) is str:
            member = by_value.get(value)
            # Text that is not a member's own value: a name or an alias, as io reads it.
            return member if member is not None else cls(value)
        raise _Unsupported

    return structure


def _optional(inner_type: Any) -> _Hook:
    inner = _hook(inner_type)
    return lambda value: None if value is None else inner(value)


def _sequence(build: Any, item_type: Any) -> _Hook:
    item = _hook(item_type)

    def structure(value: Any) -> Any:
        if type(value) is list or type(value) is tuple:
            return build(map(item, value))
        raise _Unsupported

    return structure


def _mapping(key_type: Any, value_type: Any) -> _Hook:
    key_hook, value_hook = _hook(key_type), _hook(value_type)

    def structure(value: Any) -> Any:
        if type(value) is dict:
            return {key_hook(k): value_hook(v) for k, v in value.items()}
        raise _Unsupported

    return structure


def _record(cls: type) -> _Hook:
    fields = attrs.fields(attrs.resolve_types(cls))
    if any(a.init and (a.name.startswith("_") or a.type is None) for a in fields):
        raise _Unsupported
    # Field hooks are made on first use, so a record may contain itself.
    spec = [(a.name, a.alias, a.type, a.default is attrs.NOTHING) for a in fields if a.init]
    known = frozenset(name for name, _, _, _ in spec)
    made: list[tuple[str, str, _Hook, bool]] = []

    def structure(value: Any) -> Any:
        if type(value) is not dict or not known.issuperset(value):
            raise _Unsupported
        if not made:
            made[:] = [(n, alias, _hook(t), required) for n, alias, t, required in spec]
        kwargs = {}
        for name, alias, hook, required in made:
            if name in value:
                kwargs[alias] = hook(value[name])
            elif required:
                raise _Unsupported
        return cls(**kwargs)

    return structure
