"""The dispatching render functions and small HTML helpers (private).

They live in ``engagekit._display``, below the domain packages; this module keeps the
names the renderers in this package import.
"""

from __future__ import annotations

from engagekit._display import esc, html, markdown, md_table, mermaid, mermaid_label, table, text


__all__ = ["esc", "html", "markdown", "md_table", "mermaid", "mermaid_label", "table", "text"]
