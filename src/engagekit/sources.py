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

from engagekit import _validate
from engagekit.errors import InvalidTypeError, InvalidValueError


__all__ = ["Source"]


def __dir__() -> list[str]:
    return __all__


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


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from: a document, who published it, when, and where in it.

    Attributes:
        title: the document's title.
        publisher: the body that published it.
        date: when it was published, as an ISO 8601 date that may be partial
            (`"2012"`, `"2008-10"`, `"2017-04-06"`), or `None` if undated.
        section: the part of the document (`"Appendix 1"`, `"s14Z2(2)"`), if any.
        url: where it can be read, if public: an http(s) URL.
        note: anything a reader should know (a paraphrase, a discrepancy).

    Raises:
        InvalidTypeError: a field of the wrong type (a number for `date`).
        InvalidValueError: a date that is not (partial) ISO 8601, or a URL that is not
            http(s).

    Examples:
        >>> Source(title="Real Involvement", publisher="Department of Health").date is None
        True
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
