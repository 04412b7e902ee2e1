"""Disclosure control: counts tables that give no small number away.

Counts of people by a protected characteristic, or by what they answered, can
identify someone when a count is small. engagekit publishes counts through this
package: primary suppression hides every count from 1 to ``suppress_below - 1``
(engagekit's convention is 5: `engagekit.disclosure.SOURCE` says why), and
complementary suppression hides enough further counts that no hidden count can be
worked out from the totals, shares and other tables of the same report.

Examples:
    >>> from engagekit.disclosure import OneWay, TwoWay, protect
    >>> age = OneWay(name="Age", counts={"16-24": 2, "25-64": 31, "65+": 42})
    >>> by_channel = TwoWay(rows="Age", columns="Channel", counts={
    ...     "16-24": {"online": 2}, "25-64": {"online": 20, "paper": 11},
    ...     "65+": {"online": 12, "paper": 30}})
    >>> report = protect([age, by_channel])
    >>> report
    <Disclosure with 2 tables and 6 suppressed figures>
    >>> print(report[0])
    Age    Count  Share
    16-24  *      *
    25-64  31     41.3%
    65+    *      *
    Total  75     100.0%
    * suppressed: fewer than 5, or a figure that would reveal such a count
    >>> report[1].cell("25-64", "paper"), report[1].cell("65+", "online")
    (11, None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
    from engagekit.disclosure._tables import (
        MARK,
        NOT_STATED,
        SOURCE,
        SUPPRESS_BELOW,
        CountTable,
        CrossTable,
        Disclosure,
        OneWay,
        TwoWay,
        count_table,
        cross_table,
        protect,
    )

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "MARK": "engagekit.disclosure._tables",
    "NOT_STATED": "engagekit.disclosure._tables",
    "SOURCE": "engagekit.disclosure._tables",
    "SUPPRESS_BELOW": "engagekit.disclosure._tables",
    "CountTable": "engagekit.disclosure._tables",
    "CrossTable": "engagekit.disclosure._tables",
    "Disclosure": "engagekit.disclosure._tables",
    "OneWay": "engagekit.disclosure._tables",
    "TwoWay": "engagekit.disclosure._tables",
    "count_table": "engagekit.disclosure._tables",
    "cross_table": "engagekit.disclosure._tables",
    "protect": "engagekit.disclosure._tables",
}


__all__ = [
    "MARK",
    "NOT_STATED",
    "SOURCE",
    "SUPPRESS_BELOW",
    "CountTable",
    "CrossTable",
    "Disclosure",
    "OneWay",
    "TwoWay",
    "count_table",
    "cross_table",
    "protect",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, _EXPORTS, name)
