"""Reading reference data files (private).

Records cite a document from `data/sources.toml` by id,
`source = { document = "somerset-2012", section = "Appendix 1" }`, or give a full
[`Source`][engagekit.Source] inline. `resolve_citations` expands the short form before
the record is structured, so every loaded record carries a whole `Source`. A citation
that cannot be expanded (an unknown document, a document id that is not text, an
unknown key) is a [`Problem`][engagekit.errors.Problem] of the document, never a
builtin exception.
"""

from __future__ import annotations

import functools

from importlib import resources
from pathlib import Path
from typing import IO, Any, TypeVar

from engagekit import io
from engagekit.errors import DocumentError, Problem, close_matches, short_repr


T = TypeVar("T")

_CITATION_KEYS = {"document", "section", "note", "force"}


@functools.cache
def documents() -> dict[str, dict[str, Any]]:
    """The cited documents, by id, as plain data."""
    raw = _read_builtin("sources.toml")
    table = raw.get("document", {})
    return {key: dict(value) for key, value in table.items()}


def _read_builtin(filename: str) -> dict[str, Any]:
    resource = resources.files("engagekit.data").joinpath(filename)
    with resource.open("rb") as handle:
        return io.read_toml(handle, origin=f"engagekit/data/{filename}")


def resolve_citations(data: Any, origin: str, path: str = "$") -> tuple[Any, list[str]]:
    """Expand `{document = id, section = …}` citations; return data and problems as text.

    Prefer `resolve`, whose problems keep the value found.
    """
    resolved, problems = resolve(data, origin, path)
    return resolved, [str(p) for p in problems]


#: No engagekit document nests deeper than this; deeper data is refused, not recursed into.
_MAX_DEPTH = 64


def resolve(data: Any, origin: str, path: str = "$", _depth: int = 0) -> tuple[Any, list[Problem]]:
    """Expand `{document = id, section = …}` citations; return data and problems."""
    problems: list[Problem] = []
    if _depth > _MAX_DEPTH and isinstance(data, dict | list):
        return data, [Problem(path, f"nested more than {_MAX_DEPTH} levels deep", None)]
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            here = f"{path}.{key}"
            if key == "source" and isinstance(value, dict) and "document" in value:
                out[key], found = _expand(value, here)
                problems.extend(found)
            else:
                out[key], found = resolve(value, origin, here, _depth + 1)
                problems.extend(found)
        return out, problems
    if isinstance(data, list):
        items = []
        for index, value in enumerate(data):
            item, found = resolve(value, origin, f"{path}[{index}]", _depth + 1)
            items.append(item)
            problems.extend(found)
        return items, problems
    return data, problems


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
    return io.from_dict(resolved, cls, origin=origin)


def load_builtin(filename: str, cls: type[T]) -> T:
    """Load one of engagekit's own data files."""
    return load(_read_builtin(filename), cls, f"engagekit/data/{filename}")


def load_file(source: str | Path | IO[bytes], cls: type[T]) -> T:
    """Load a user's data file in the same format as the built-in ones."""
    origin = str(source) if isinstance(source, str | Path) else getattr(source, "name", "<toml>")
    return load(io.read_toml(source, origin=origin), cls, origin)
