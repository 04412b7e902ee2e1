"""How a duty's citation reads, and who made the rule (private).

Shared by the [`Duty`][engagekit.duties.Duty] model and the light path that cites
the involvement duty of a day from the records themselves
(`engagekit.duties._involvement`), so the two cannot drift apart. Imports no attrs
classes of its own.
"""

from __future__ import annotations

import re

from engagekit.sources import LegalForce, Source


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


#: An Act or a statutory instrument, as the data names them ("National Health Service
#: Act 2006", "S.I. 2013/218"): law, whatever the force of a rule cited to it.
_LEGISLATION = re.compile(r"\bAct \d{4}\b|^S\.I\. \d{4}/\d+")

#: How `Duty.source_of` says, in a source's note, what the record's document is to the
#: rule when the rule is not law and the document is not the rule itself.
ISSUED_UNDER = "issued under "
CITES = "cites "
#: How it says that a requirement of its own force (a body's local practice recorded
#: beside a statutory duty) is the record's publisher's, serving the duty's citation.
SERVING = "serving "


def legislation(instrument: str) -> bool:
    """Whether ``instrument`` is an Act or a statutory instrument.

    Examples:
        >>> legislation("National Health Service Act 2006"), legislation("S.I. 2013/218")
        (True, True)
        >>> legislation("NHS Standard Contract")
        False
    """
    return _LEGISLATION.search(instrument) is not None


def issued_under(force: LegalForce, instrument: str) -> bool:
    """Whether a rule of ``force`` cited to ``instrument`` is a document made under it:
    guidance, policy or a contract cited to the Act or regulations that empower it.

    Examples:
        >>> issued_under(LegalForce.STATUTORY_GUIDANCE, "National Health Service Act 2006")
        True
        >>> issued_under(LegalForce.STATUTE, "National Health Service Act 2006")
        False
    """
    return not force.binding and legislation(instrument)


def cited(citation: str, force: LegalForce, instrument: str) -> str:
    """A rule's citation as it reads beside the rule: the power a document not of law
    was issued under says so, so that guidance does not read as the Act itself.

    Examples:
        >>> cited("National Health Service Act 2006, s242(1G)",
        ...       LegalForce.STATUTORY_GUIDANCE, "National Health Service Act 2006")
        'issued under National Health Service Act 2006, s242(1G)'
        >>> cited("NHS Standard Contract, SC13.5", LegalForce.CONTRACT, "NHS Standard Contract")
        'NHS Standard Contract, SC13.5'
    """
    return f"{ISSUED_UNDER}{citation}" if issued_under(force, instrument) else citation


def _document(source: Source) -> str:
    text = source.title
    if source.date:
        text += f" ({source.date})"
    if source.section:
        text += f", {source.section}"
    return text


def described(source: Source) -> str:
    """A rule's source in words. A rule that is not law, read through another document
    than its own, names what it is first: the document and whom it was read through,
    with the power it was issued under or the document it cites (see `Duty.source_of`);
    a body's own practice recorded beside a duty says whose it is and what it serves;
    any other source reads as ``str(source)``.

    Examples:
        >>> lexology = Source(title="Real involvement", publisher="Lexology",
        ...                   url="https://www.lexology.com/x", force="statutory-guidance",
        ...                   note="issued under NHS Act 2006, s242(1G)")
        >>> described(lexology)
        'Real involvement (read through Lexology), issued under NHS Act 2006, s242(1G) <https://www.lexology.com/x>'
        >>> leeds = Source(title="Equality Delivery System (EDS)", publisher="Leeds",
        ...                note="cites NHS Standard Contract, SC13.5", force="contract")
        >>> described(leeds)
        'NHS Standard Contract, SC13.5 (read through Leeds, Equality Delivery System (EDS))'
        >>> described(Source(title="Strategy", publisher="NHS Somerset", note="cites x"))
        'NHS Somerset, Strategy'
        >>> described(Source(title="Constitution", publisher="NHS Example ICB",
        ...                  force="local-practice", note="serving NHS Act 2006, s14Z45"))
        "NHS Example ICB's own practice (Constitution), serving NHS Act 2006, s14Z45"
    """
    note = source.note or ""
    url = f" <{source.url}>" if source.url else ""
    if source.force is None or source.force.binding:
        return str(source)
    if note.startswith(ISSUED_UNDER):
        return f"{_document(source)} (read through {source.publisher}), {note}{url}"
    if note.startswith(CITES):
        rule = note.removeprefix(CITES)
        return f"{rule} (read through {source.publisher}, {_document(source)}{url})"
    if note.startswith(SERVING):
        whose = source.publisher
        if source.force is LegalForce.LOCAL_PRACTICE:
            whose += "'s own practice"
        return f"{whose} ({_document(source)}{url}), {note}"
    return str(source)


def citation_cell(source: Source) -> str:
    """The short citation a table shows for a rule's source: the section, else the
    title; for a rule read through another document (see `described`), the power it
    was issued under or the document it cites, and for a body's own practice beside a
    duty, what it serves, without its address.

    Examples:
        >>> citation_cell(Source(title="Act", publisher="UK Parliament", section="s1"))
        's1'
        >>> citation_cell(Source(title="Guidance", publisher="Lexology", force="contract",
        ...                      note="cites NHS Standard Contract, SC13.5 <https://x.org>"))
        'NHS Standard Contract, SC13.5'
    """
    note = source.note or ""
    if source.force is not None and not source.force.binding:
        if note.startswith((ISSUED_UNDER, SERVING)):
            return note.split(" <", 1)[0]
        if note.startswith(CITES):
            return note.removeprefix(CITES).split(" <", 1)[0]
    return source.section or source.title
