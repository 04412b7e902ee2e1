"""The citation every reference record carries.

Examples:
    >>> from engagekit import Source
    >>> s = Source(
    ...     title="Patient and Public Engagement Strategy",
    ...     publisher="NHS Sutton CCG",
    ...     date="2018",
    ...     section="Appendix Two",
    ... )
    >>> print(s)
    NHS Sutton CCG, Patient and Public Engagement Strategy (2018), Appendix Two
"""

from __future__ import annotations

import datetime as dt
import re

from typing import Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice, aliases
from engagekit.errors import InvalidTypeError, InvalidValueError


__all__ = ["LegalForce", "Source"]


def __dir__() -> list[str]:
    return __all__


@aliases(
    {
        "statutory": "statute",
        "act": "statute",
        "regulation": "regulations",
        "statutory instrument": "regulations",
        "have-regard": "statutory-guidance",
        "have regard": "statutory-guidance",
        "common law": "case-law",
        "policy": "national-policy",
        "local": "local-practice",
        "engagekit": "convention",
    }
)
class LegalForce(Choice):
    """The authority a cited rule carries: whether a gap against it is a breach of law.

    - ``STATUTE``, ``REGULATIONS``, ``CASE_LAW``: law. Only a gap against law is a breach.
    - ``STATUTORY_GUIDANCE``: guidance a body must *have regard* to; departing from it is
      lawful when the reasons are recorded.
    - ``CONTRACT``: a term of a contract (the NHS Standard Contract); binding on its
      parties as a contract, not as statute.
    - ``NATIONAL_POLICY``: national policy (the four tests of service change, NHS England
      guidance that is not statutory); the decision maker may depart from it.
    - ``LOCAL_PRACTICE``: one organisation's own practice or promise (whose: the
      source's publisher).
    - ``CONVENTION``: a reading or default of engagekit's own.

    Examples:
        >>> LegalForce("have regard") is LegalForce.STATUTORY_GUIDANCE
        True
        >>> LegalForce.REGULATIONS.binding, LegalForce.NATIONAL_POLICY.binding
        (True, False)
        >>> LegalForce.STATUTORY_GUIDANCE.gap
        'departure needs recorded reasons'
    """

    STATUTE = "statute"
    REGULATIONS = "regulations"
    CASE_LAW = "case-law"
    STATUTORY_GUIDANCE = "statutory-guidance"
    CONTRACT = "contract"
    NATIONAL_POLICY = "national-policy"
    LOCAL_PRACTICE = "local-practice"
    CONVENTION = "convention"

    @property
    def binding(self) -> bool:
        """Whether this is law, so that a gap against it is a breach."""
        return self in _LAW

    @property
    def label(self) -> str:
        """The force in words."""
        return _FORCE_LABELS[self]

    @property
    def gap(self) -> str:
        """What a gap against a rule of this force means, in words."""
        return _FORCE_GAPS[self]


_LAW = frozenset({LegalForce.STATUTE, LegalForce.REGULATIONS, LegalForce.CASE_LAW})

_FORCE_LABELS = {
    LegalForce.STATUTE: "statute",
    LegalForce.REGULATIONS: "regulations",
    LegalForce.CASE_LAW: "case law",
    LegalForce.STATUTORY_GUIDANCE: "statutory guidance (have regard)",
    LegalForce.CONTRACT: "contract term",
    LegalForce.NATIONAL_POLICY: "national policy",
    LegalForce.LOCAL_PRACTICE: "local practice",
    LegalForce.CONVENTION: "engagekit convention",
}

_FORCE_GAPS = {
    LegalForce.STATUTE: "breach of statute",
    LegalForce.REGULATIONS: "breach of regulations",
    LegalForce.CASE_LAW: "breach of the common law",
    LegalForce.STATUTORY_GUIDANCE: "departure needs recorded reasons",
    LegalForce.CONTRACT: "breach of contract",
    LegalForce.NATIONAL_POLICY: "departure from national policy",
    LegalForce.LOCAL_PRACTICE: "departure from local practice",
    LegalForce.CONVENTION: "short of engagekit's convention",
}


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PARTIAL_DATE_RULE = "an ISO 8601 date, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD"


def _partial_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # A publication date is often known only to the year or month, which no shared
    # validator allows; a full date must still be a real calendar date.
    if value is None:
        return
    field = _validate.field_name(attribute, instance)
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, expected=_PARTIAL_DATE_RULE)
    found = _PARTIAL_DATE.match(value)
    if found is not None:
        year, month, day = (int(part) if part else 1 for part in found.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            found = None
    if found is None:
        raise InvalidValueError(field, value, reason=f"must be {_PARTIAL_DATE_RULE}")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Source:
    """Where a fact comes from: a document, who published it, when, and where in it.

    Its ``repr`` is one line: the source as ``str`` writes it, then its legal force
    and the start of its note where it has them.

    Attributes:
        title: the document's title.
        publisher: the body that published it.
        date: when it was published, as an ISO 8601 date that may be partial
            (`"2012"`, `"2008-10"`, `"2017-04-06"`), or `None` if undated.
        section: the part of the document (`"Appendix 1"`, `"s14Z2(2)"`), if any.
        url: where it can be read, if public: an http(s) URL.
        note: anything a reader should know (a paraphrase, a discrepancy).
        force: where the source is a rule, the authority it carries (statute,
            statutory guidance, policy …); `None` for a source of facts.

    Raises:
        InvalidTypeError: a field of the wrong type (a number for `date`).
        InvalidValueError: a date that is not (partial) ISO 8601, or a URL that is not
            http(s).

    Examples:
        >>> Source(title="Real Involvement", publisher="Department of Health").date is None
        True
        >>> Source(title="Health and Social Care Act 2012", publisher="UK Parliament",
        ...        section="s14Z2", force="statute")
        <Source 'UK Parliament, Health and Social Care Act 2012, s14Z2' (statute)>
        >>> Source(title="Notes", publisher="Me", url="file:///etc/passwd")
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Source.url: 'file:///etc/passwd' is not allowed: ...
    """

    title: str = attrs.field(validator=_validate.text)
    publisher: str = attrs.field(validator=_validate.text)
    date: str | None = attrs.field(default=None, validator=_partial_date)
    section: str | None = attrs.field(default=None, validator=_validate.optional_text)
    url: str | None = attrs.field(default=None, validator=_validate.optional(_validate.url))
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)
    force: LegalForce | None = attrs.field(
        default=None, converter=attrs.converters.optional(LegalForce)
    )

    def __repr__(self) -> str:
        shown = [] if self.force is None else [self.force.label]
        if self.note is not None:
            shown.append(f"note={_display.quoted(self.note, 40)}")
        detail = f" ({', '.join(shown)})" if shown else ""
        return f"<Source {str(self)!r}{detail}>"

    def __str__(self) -> str:
        text = f"{self.publisher}, {self.title}"
        if self.date:
            text += f" ({self.date})"
        if self.section:
            text += f", {self.section}"
        if self.url:
            text += f" <{self.url}>"
        return text

    def at(self, section: str) -> Source:
        """Return the same document cited at another section.

        Examples:
            >>> s = Source(title="Strategy", publisher="NHS Somerset", section="Appendix 1")
            >>> s.at("Figure 2").section
            'Figure 2'
        """
        return attrs.evolve(self, section=section)
