"""How a value read from a document is described in a message (private).

The interchange reader (`engagekit.io`) and the node-link reader of an escalation
network both say what they got where a table or a list was wanted; they say it in
one vocabulary, that of the document (JSON / TOML), not Python's.
"""

from __future__ import annotations

from collections.abc import Mapping


def document_kind(value: object) -> str:
    """How a value is described in a message: its JSON kind where it has one.

    Examples:
        >>> [document_kind(v) for v in (None, True, "x", {}, [], (), 1.5)]
        ['null', 'boolean', 'text', 'a table', 'a list', 'a list', 'float']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__
