"""Evidence items as table rows and lines of text, for the views that list them
(a decision's, an engagement record's) (private)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from engagekit.evidence import Evidence, Limb


#: The columns of a table of evidence.
COLUMNS = ("Id", "Kind", "What", "Date", "Limbs")


def limbs(given: Iterable[Limb]) -> str:
    """The limbs of the involvement duty a piece of evidence supports, or "—"."""
    return ", ".join(f"({limb.letter}) {limb.value}" for limb in given) or "—"


def rows(items: Iterable[Evidence]) -> list[tuple[str, str, str, str, str]]:
    """Each piece of evidence; what it is ends with its address, where it has one."""
    return [
        (
            e.id,
            e.kind.label,
            e.what + (f" <{e.link}>" if e.link else ""),
            e.date.isoformat(),
            limbs(e.limbs),
        )
        for e in items
    ]


def lines(items: Sequence[Evidence]) -> list[str]:
    """The evidence as a list under its count, each item's limbs on a line below it."""
    found = [f"Evidence ({len(items)}):"] if items else []
    for ident, kind, what, date, supported in rows(items):
        found.append(f"  - {ident} ({kind}, {date}): {what}")
        if supported != "—":
            found.append(f"      limbs: {supported}")
    return found
