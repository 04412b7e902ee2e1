"""The public involvement duty of each day, read without the rest of the registry (private).

A decision cites the involvement duty that bound the commissioner of its day.
Building the whole registry for that (every instrument's duties, the registry's index
and its result types) was most of the first call of `engagekit.decisions.evaluate`;
`involvement_versions` reads only the involvement duties' own records, and
`commissioner_duty` answers as `involvement_duty(None, on)` does against the built-in
registry (``tests/duties/test_involvement.py`` checks every day the answer changes).
"""

from __future__ import annotations

import datetime as dt
import functools

from typing import TYPE_CHECKING

from engagekit.duties._bodies import BodyType
from engagekit.duties._model import _date


if TYPE_CHECKING:
    from engagekit.duties._model import Duty


#: The public involvement duty in each of its homes, oldest first: s11 of the 2001
#: Act, s242 of the NHS Act 2006 (SHAs, PCTs, trusts), s13Q (NHS England), s14Z2
#: (CCGs) and s14Z45 (ICBs).
INVOLVEMENT_DUTIES = (
    "hsca-2001-s11",
    "nhs-act-s242",
    "nhs-act-s13q",
    "nhs-act-s14z2",
    "nhs-act-s14z45",
)

#: The built-in duty files that hold the involvement duties, in registry order.
_INVOLVEMENT_FILES = ("duties/hsca-2001.toml", "duties/nhs-act-2006.toml")

_CCGS_FROM = dt.date(2013, 4, 1)
_ICBS_FROM = dt.date(2022, 7, 1)


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
    day = _date("on", on)
    if day < _CCGS_FROM:
        return BodyType.PCT
    if day < _ICBS_FROM:
        return BodyType.CCG
    return BodyType.ICB


@functools.cache
def involvement_versions() -> tuple[Duty, ...]:
    """Every built-in version of an involvement duty, in registry order.

    The same records `registry()` holds for these ids, read from their files alone:
    the other records of those files are skipped before they are structured.
    """
    from engagekit import _data
    from engagekit.duties import _loader

    versions: list[Duty] = []
    for filename in _INVOLVEMENT_FILES:
        raw = _data._read_builtin(filename)  # noqa: SLF001 - the package's own data reader
        items = raw.get("duty")
        if isinstance(items, list):
            mine = [i for i in items if isinstance(i, dict) and i.get("id") in INVOLVEMENT_DUTIES]
            raw = {**raw, "duty": mine}
        versions.extend(_loader.read(raw, f"engagekit/data/{filename}"))
    return tuple(versions)


def commissioner_duty(on: dt.date) -> Duty | None:
    """The built-in involvement duty that bound the commissioner of ``on``'s day.

    What `involvement_duty(None, on)` returns, without building the registry: the
    first of `INVOLVEMENT_DUTIES` with a version in force that binds the
    commissioner, or ``None`` on a day no such body existed or none bound it.
    """
    kind = commissioner_on(on)
    if not (kind.existed_from or dt.date.min) <= on < (kind.existed_to or dt.date.max):
        return None
    binding = [d for d in involvement_versions() if kind in d.bodies and d.in_force_on(on)]
    for duty_id in INVOLVEMENT_DUTIES:
        for duty in binding:
            if duty.id == duty_id:
                return duty
    return None
