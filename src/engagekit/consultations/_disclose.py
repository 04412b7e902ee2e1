"""The one place a consultation report turns counts into what it shows (private).

A stand-in until `engagekit.disclosure` lands: every count a response report shows
goes through `shown`, so that disclosure control is switched over in one place.
It applies primary suppression (counts from 1 to ``suppress_below - 1`` hidden) and
a simple complementary rule: when a table hides exactly one cell, the smallest other
non-zero cell is hidden too, so that the hidden one cannot be taken from the total.
"""

from __future__ import annotations

from collections.abc import Sequence


#: What a hidden count shows.
HIDDEN = "*"


def shown(counts: Sequence[int], base: int | None = None, *, suppress_below: int = 5) -> list[str]:
    """Each count as shown in a table: ``"12 (40%)"`` with a base, ``"*"`` when hidden.

    Examples:
        >>> shown([31, 2, 42], 75)
        ['*', '*', '42 (56%)']
        >>> shown([0, 12], 12)
        ['0 (0%)', '12 (100%)']
    """
    hidden = [0 < c < suppress_below for c in counts]
    if sum(hidden) == 1:
        others = [(c, n) for n, c in enumerate(counts) if c > 0 and not hidden[n]]
        if others:
            hidden[min(others)[1]] = True
    out = []
    for count, hide in zip(counts, hidden, strict=True):
        if hide:
            out.append(HIDDEN)
        elif base:
            out.append(f"{count} ({count / base:.0%})")
        else:
            out.append(str(count))
    return out
