"""Rendering engagekit values as plain text, HTML, Markdown and Mermaid diagrams.

[`text`][engagekit.render.text], [`html`][engagekit.render.html],
[`markdown`][engagekit.render.markdown] and [`mermaid`][engagekit.render.mermaid]
dispatch on the value's type; the types' ``_repr_html_`` (used by notebooks) and
``__str__`` call them. Each engagekit package's renderers are loaded the first time
one of its values is rendered; register a renderer for your own type with
``render.text.register``.

Examples:
    >>> from engagekit import ENGAGEMENT_CYCLE, render
    >>> print(render.mermaid(ENGAGEMENT_CYCLE).splitlines()[0])
    flowchart LR
    >>> print(render.text(ENGAGEMENT_CYCLE).splitlines()[0])
    The Engagement Cycle
"""

from __future__ import annotations

from engagekit._display import html, markdown, mermaid, text


__all__ = ["html", "markdown", "mermaid", "text"]


def __dir__() -> list[str]:
    return __all__
