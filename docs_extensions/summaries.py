"""A griffe extension for the API reference: each docstring's first paragraph on one line.

The reference's summary tables show the first line of a docstring, and engagekit's
docstrings open with a paragraph wrapped at 100 characters, so a table read "One column
of a Comparison: a criterion, and an". Markdown renders a paragraph the same however its
lines are wrapped, so joining them changes the tables alone. mkdocs.yml loads this file;
tests/test_docs_summaries.py checks it.
"""

from __future__ import annotations

import re

from typing import Any

import griffe


# A line that starts a Markdown block (a list, a quote, a heading, a table, a fence, a
# doctest) or ends in a hard line break: the paragraph is not plain text, and is kept.
_BLOCK = re.compile(r"^(?:[-*+] |>|#|\||```|\d+[.)] )")


def unwrap_summary(text: str) -> str:
    """The docstring with its first paragraph joined onto one line, where it is plain text.

    Examples:
        >>> unwrap_summary("One column of a table: a criterion,\\nand an option.\\n\\nMore.")
        'One column of a table: a criterion, and an option.\\n\\nMore.'
        >>> unwrap_summary("Kinds:\\n- a\\n- b")
        'Kinds:\\n- a\\n- b'
    """
    first, sep, rest = text.partition("\n\n")
    lines = first.split("\n")
    if len(lines) == 1:
        return text
    for line in lines:
        if _BLOCK.match(line.lstrip()) or line.endswith(("  ", "\\")) or line.startswith(" "):
            return text
    return " ".join(line.strip() for line in lines) + sep + rest


class OneLineSummaries(griffe.Extension):
    """Join the first paragraph of every docstring onto one line."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of each object as it is loaded."""
        if obj.docstring is not None:
            obj.docstring.value = unwrap_summary(obj.docstring.value)
