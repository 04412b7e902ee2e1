"""The public involvement duty of each day, cited without building the registry (private).

A decision cites the involvement duty that bound the commissioner of its day.
Building the whole registry for that (every instrument's duties, the registry's index
and its result types) was most of the first call of `engagekit.decisions.evaluate`.
Here the involvement duties' own records are read alone, as plain data, and
`commissioner_sources` gives the sources of limbs (a), (b) and (c) exactly as
``involvement_duty(None, on).source_of(...)`` gives them from the built-in registry
(``tests/duties/test_involvement.py`` checks every day the answer can change).
"""

from __future__ import annotations

import datetime as dt
import functools

from typing import Any

from engagekit import _validate
from engagekit.duties import _citing
from engagekit.duties._bodies import BodyType
from engagekit.sources import LegalForce, Source


INVOLVEMENT_DUTIES = (
    "hsca-2001-s11",
    "nhs-act-s242",
    "nhs-act-s13q",
    "nhs-act-s14z2",
    "nhs-act-s14z45",
)
"""The public involvement duty in each of its homes, oldest first: s11 of the 2001
Act, s242 of the NHS Act 2006 (SHAs, PCTs, trusts), s13Q (NHS England), s14Z2
(CCGs) and s14Z45 (ICBs).
"""

#: The built-in duty files that hold the involvement duties, in registry order.
_INVOLVEMENT_FILES = ("duties/hsca-2001.toml", "duties/nhs-act-2006.toml")

_CCGS_FROM = dt.date(2013, 4, 1)
_ICBS_FROM = dt.date(2022, 7, 1)


def _day(field: str, value: object) -> dt.date:
    return value if type(value) is dt.date else _validate.as_date(field, value)


def commissioner_on(on: dt.date | str) -> BodyType:
    """The kind of body that commissioned local health services on ``on``.

    Primary care trusts until 31 March 2013, clinical commissioning groups from
    1 April 2013 to 30 June 2022, integrated care boards from 1 July 2022. engagekit
    uses it where a date is known but the kind of body is not (a decision, an annual
    report), to cite the law that bound the commissioner of the day.

    Examples:
        >>> commissioner_on("2011-06-01"), commissioner_on("2022-06-30")
        (<BodyType.PCT: 'pct'>, <BodyType.CCG: 'ccg'>)
        >>> commissioner_on(dt.date(2022, 7, 1))
        <BodyType.ICB: 'icb'>
    """
    day = _day("on", on)
    if day < _CCGS_FROM:
        return BodyType.PCT
    if day < _ICBS_FROM:
        return BodyType.CCG
    return BodyType.ICB


class _Version:
    """What citing one version of an involvement duty needs, read from its record.

    The records are the built-in ones, which the registry's loader checks: TOML gives
    their days as dates, and their bodies are `BodyType` values.
    """

    __slots__ = ("bodies", "end", "id", "limbs", "start")

    def __init__(self, record: dict[str, Any]) -> None:
        self.id: str = record["id"]
        self.start: dt.date = record["in_force_from"]
        self.end: dt.date | None = record.get("in_force_to")
        self.bodies = frozenset(BodyType(body) for body in record["bodies"])
        requirements: dict[str, dict[str, Any]] = {}
        for requirement in record["requirements"]:
            requirements.setdefault(requirement["key"], requirement)  # the first, as find_by
        self.limbs = tuple(_source(record, requirements.get(letter)) for letter in ("a", "b", "c"))

    def in_force_on(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


def _source(duty: dict[str, Any], requirement: dict[str, Any] | None) -> Source:
    """As `Duty.source_of(requirement)` for an involvement duty: the requirement's
    citation if it has one, else the duty's, with the duty's force and URL (no
    requirement of theirs has a force or URL of its own: a test checks it)."""
    citation = duty["citation"]
    if requirement is not None and requirement.get("citation") is not None:
        citation = requirement["citation"]
    force = LegalForce(duty["force"])
    return Source(
        title=citation["instrument"],
        publisher=_citing.publisher(force, duty["source"]["publisher"]),
        section=_citing.reference(citation.get("section"), citation.get("subsection")) or None,
        url=duty["citation"].get("url"),
        force=force,
    )


@functools.cache
def involvement_versions() -> tuple[_Version, ...]:
    """Every built-in version of an involvement duty, in registry order, as plain data.

    The records `registry()` holds for these ids, read from their files alone (the
    other records are skipped) with their citations expanded.
    """
    from engagekit import _data

    versions: list[_Version] = []
    for filename in _INVOLVEMENT_FILES:
        raw = _data._read_builtin(filename)  # noqa: SLF001 - the package's own data reader
        mine = [r for r in raw["duty"] if r["id"] in INVOLVEMENT_DUTIES]
        resolved, _ = _data.resolve(mine, f"engagekit/data/{filename}")
        versions.extend(_Version(record) for record in resolved)
    return tuple(versions)


def involvement_days() -> list[dt.date]:
    """Every day an involvement duty, or a kind of commissioner, began or ended, sorted."""
    days: set[dt.date] = set()
    for version in involvement_versions():
        days.add(version.start)
        if version.end is not None:
            days.add(version.end)
    for kind in BodyType:
        days.update(d for d in (kind.existed_from, kind.existed_to) if d is not None)
    return sorted(days)


def commissioner_sources(on: dt.date) -> tuple[Source, Source, Source] | None:
    """The sources of limbs (a), (b) and (c) of the involvement duty that bound the
    commissioner of ``on``'s day, as the built-in registry gives them.

    ``None`` on a day no such body existed, or no involvement duty bound it. The
    versions are in the order of `INVOLVEMENT_DUTIES`, so the first that binds is the
    one `involvement_duty` picks (the built-in versions for one kind of body do not
    overlap, so there is only one).
    """
    kind = commissioner_on(on)
    if not (kind.existed_from or dt.date.min) <= on < (kind.existed_to or dt.date.max):
        return None
    for version in involvement_versions():
        if kind in version.bodies and version.in_force_on(on):
            a, b, c = version.limbs
            return (a, b, c)
    return None
