"""The dispatching render functions and small HTML helpers (private)."""

from __future__ import annotations

import functools
import html as _html

from collections.abc import Iterable, Sequence

from engagekit.errors import InvalidTypeError


@functools.singledispatch
def text(value: object) -> str:
    """Render ``value`` as readable plain text.

    Raises:
        InvalidTypeError: no text renderer is registered for the value's type.
    """
    raise InvalidTypeError("render.text", value, expected="a value engagekit can render")


@functools.singledispatch
def html(value: object) -> str:
    """Render ``value`` as an HTML fragment (what notebooks display).

    Raises:
        InvalidTypeError: no HTML renderer is registered for the value's type.
    """
    raise InvalidTypeError("render.html", value, expected="a value engagekit can render")


@functools.singledispatch
def markdown(value: object) -> str:
    """Render ``value`` as Markdown.

    Raises:
        InvalidTypeError: no Markdown renderer is registered for the value's type.
    """
    raise InvalidTypeError("render.markdown", value, expected="a value engagekit can render")


@functools.singledispatch
def mermaid(value: object) -> str:
    """Render ``value`` as Mermaid diagram text.

    Raises:
        InvalidTypeError: the value is not something engagekit draws as a diagram.
    """
    raise InvalidTypeError("render.mermaid", value, expected="a cycle or a network")


def esc(value: object) -> str:
    """HTML-escape ``str(value)``."""
    return _html.escape(str(value), quote=True)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str = "") -> str:
    """A small HTML table; cells are escaped."""
    parts = ['<table class="engagekit">']
    if caption:
        parts.append(f"<caption>{esc(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in headers) + "</tr></thead>")
    parts.append("<tbody>")
    parts.extend("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    parts.append("</tbody></table>")
    return "".join(parts)


def md_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; pipes in cells are escaped."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def mermaid_label(value: object) -> str:
    """Text safe inside a Mermaid ``["…"]`` label."""
    return str(value).replace('"', "#quot;")
