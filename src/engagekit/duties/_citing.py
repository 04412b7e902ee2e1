"""How a duty's citation reads, and who made the rule (private).

Shared by the [`Duty`][engagekit.duties.Duty] model and the light path that cites
the involvement duty of a day from the records themselves
(`engagekit.duties._involvement`), so the two cannot drift apart. Imports no attrs
classes of its own.
"""

from __future__ import annotations

from engagekit.sources import LegalForce


def reference(section: str | None, subsection: str | None) -> str:
    """The section and subsection as usually written, e.g. ``"s14Z2(2)(a)"``: a section
    number is written after an "s", any other reference (``"reg 23"``, a contract's
    ``"SC13.5"``) as it is.

    Examples:
        >>> reference("14Z2", "(2)(a)"), reference("reg 23", None), reference(None, "(1)")
        ('s14Z2(2)(a)', 'reg 23', '(1)')
        >>> reference("SC13.5", None)
        'SC13.5'
    """
    if section:
        prefix = "s" if section[:1].isdigit() else ""
        return f"{prefix}{section}{subsection or ''}"
    return subsection or ""


def publisher(force: LegalForce, document_publisher: str) -> str:
    """Who made a rule of ``force``: Parliament for statute, the Government for
    regulations, else the publisher of the document the record was taken from.

    Examples:
        >>> publisher(LegalForce.STATUTE, "NHS England")
        'UK Parliament'
        >>> publisher(LegalForce.NATIONAL_POLICY, "NHS England")
        'NHS England'
    """
    if force is LegalForce.STATUTE:
        return "UK Parliament"
    if force is LegalForce.REGULATIONS:
        return "UK Government"
    return document_publisher
