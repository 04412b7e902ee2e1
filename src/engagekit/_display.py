"""The display methods shared by engagekit's result types (private)."""

from __future__ import annotations

from typing import Any


class Displayable:
    """Gives a result type ``str()`` (plain text), ``_repr_html_`` and ``to_dict()``.

    Each goes through :mod:`engagekit.render` or :mod:`engagekit.io`, imported when
    first used so that defining a result type stays cheap.
    """

    __slots__ = ()

    def __str__(self) -> str:
        from engagekit import render

        return render.text(self)

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)

    def to_dict(self) -> Any:
        """Plain data, as :func:`engagekit.io.to_dict` gives."""
        from engagekit import io

        return io.to_dict(self)
