"""Reading duty files: the built-in instruments and a user's local duties (private)."""

from __future__ import annotations

import datetime as dt
import functools

from typing import IO, TYPE_CHECKING, Any

import attrs

from engagekit import _validate, _value
from engagekit.duties._model import Duty
from engagekit.errors import DocumentError


if TYPE_CHECKING:
    from pathlib import Path


#: The built-in duty files, one per instrument, in the order the registry lists them.
INSTRUMENT_FILES = (
    "duties/hsca-2001.toml",
    "duties/nhs-act-2006.toml",
    "duties/equality-duties-2001-2011.toml",
    "duties/equality-act-2010.toml",
    "duties/real-involvement-2008.toml",
    "duties/transforming-participation-2013.toml",
    "duties/participation-guidance-2017.toml",
    "duties/working-in-partnership-2022.toml",
    "duties/scrutiny-regulations-2002.toml",
    "duties/scrutiny-regulations-2013.toml",
    "duties/service-change-tests.toml",
    "duties/nhs-standard-contract.toml",
    "duties/health-act-2009.toml",
)


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _DutiesFile:
    duty: tuple[Duty, ...] = attrs.field(converter=_validate.to_tuple, validator=_validate.a_tuple)


def _raw_overlaps(data: dict[str, Any]) -> list[str]:
    """Overlap problems found in raw file data, so they join the structural ones.

    Versions are grouped by id first, so the cost is quadratic only in the versions of
    one id, which a valid file keeps small.
    """
    items = data.get("duty")  # a parsed TOML document is a table
    if not isinstance(items, list):
        return []
    seen: dict[str, list[tuple[int, dt.date, dt.date]]] = {}
    problems = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        duty_id, start, end = item.get("id"), item.get("in_force_from"), item.get("in_force_to")
        if not isinstance(duty_id, str) or not isinstance(start, dt.date):
            continue
        stop = end if isinstance(end, dt.date) else dt.date.max
        for other_index, o_start, o_stop in seen.get(duty_id, []):
            if start < o_stop and o_start < stop:
                problems.append(
                    f"$.duty[{index}]: {duty_id!r} from {start.isoformat()} overlaps "
                    f"$.duty[{other_index}] (from {o_start.isoformat()}); versions of one "
                    "duty must not overlap"
                )
        seen.setdefault(duty_id, []).append((index, start, stop))
    return problems


def _renamed_kind(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Read the older name of a duty's ``force``, ``kind``, as ``force``.

    Duty files written before the field was renamed say ``kind = "statutory"``; the old
    words are aliases of [`LegalForce`][engagekit.sources.LegalForce]. A duty that gives
    both is a problem, never a silent choice between them.
    """
    items = data.get("duty")  # a parsed TOML document is a table
    if not isinstance(items, list) or not any(
        isinstance(item, dict) and "kind" in item for item in items
    ):
        return data, []
    problems = []
    renamed = []
    for index, item in enumerate(items):
        if isinstance(item, dict) and "kind" in item:
            if "force" in item:
                problems.append(
                    f"$.duty[{index}]: give 'force' only ('kind' is its older name), "
                    f"not both (kind={item['kind']!r}, force={item['force']!r})"
                )
                renamed.append({k: v for k, v in item.items() if k != "kind"})
                continue
            renamed.append({("force" if k == "kind" else k): v for k, v in item.items()})
        else:
            renamed.append(item)
    return {**data, "duty": renamed}, problems


def read(data: dict[str, Any], origin: str) -> tuple[Duty, ...]:
    """The duties in a parsed duty file, every problem reported at once.

    A duty's ``force`` may still be given under its older name, ``kind``.
    """
    from engagekit import _data

    data, renames = _renamed_kind(data)
    resolved, citing = _data.resolve(data, origin)
    problems = [*renames, *_raw_overlaps(resolved)]
    try:
        loaded = _data.from_dict(resolved, _DutiesFile, origin=origin)
    except DocumentError as exc:
        found = _data.beside_citations(citing, list(exc.problems))
        raise DocumentError(origin, [*found, *problems]) from None
    if citing or problems:
        raise DocumentError(origin, [*citing, *problems])
    return loaded.duty


def read_file(source: str | Path | IO[bytes]) -> tuple[Duty, ...]:
    """The duties in a TOML file in the built-in format."""
    from pathlib import Path

    from engagekit import io

    origin = str(source) if isinstance(source, str | Path) else getattr(source, "name", "<toml>")
    return read(io.read_toml(source, origin=origin), origin)


@functools.cache
def builtin() -> tuple[Duty, ...]:
    """The built-in duties, read from the package's data files on first call."""
    from engagekit import _data

    duties: list[Duty] = []
    for filename in INSTRUMENT_FILES:
        raw = _data._read_builtin(filename)  # noqa: SLF001 - the package's own data reader
        duties.extend(read(raw, f"engagekit/data/{filename}"))
    return tuple(duties)
