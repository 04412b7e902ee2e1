"""Rendering engagekit values as plain text, HTML and Mermaid diagrams.

:func:`text`, :func:`html` and :func:`mermaid` dispatch on the value's type; the
framework types' ``_repr_html_`` (used by notebooks) and ``__str__`` call them.
Register a renderer for your own type with ``render.text.register``.

Examples:
    >>> from engagekit import ENGAGEMENT_CYCLE, render
    >>> print(render.mermaid(ENGAGEMENT_CYCLE).splitlines()[0])
    flowchart LR
    >>> print(render.text(ENGAGEMENT_CYCLE).splitlines()[0])
    The Engagement Cycle
"""

from __future__ import annotations

from engagekit.render._core import html, markdown, mermaid, text


# Renderers for each family of types register themselves on import.
from engagekit.render import _frameworks  # noqa: F401  isort: skip
from engagekit.render import _plans  # noqa: F401  isort: skip
from engagekit.render import _decisions  # noqa: F401  isort: skip
from engagekit.render import _duties  # noqa: F401  isort: skip


__all__ = ["html", "markdown", "mermaid", "text"]


def __dir__() -> list[str]:
    return __all__
