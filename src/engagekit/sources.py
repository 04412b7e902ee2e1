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

import re

from typing import Any

import attrs

from engagekit import _validate
from engagekit.errors import InvalidValueError


__all__ = ["Source"]


def __dir__() -> list[str]:
    return __all__


_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _partial_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            reason="must be an ISO 8601 date, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD",
        )


def _url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not re.match(r"^(https?|file)://\S+$", value):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            reason="must be an http(s) URL",
        )


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from: a document, who published it, when, and where in it.

    Attributes:
        title: the document's title.
        publisher: the body that published it.
        date: when it was published, as an ISO 8601 date that may be partial
            (``"2012"``, ``"2008-10"``, ``"2017-04-06"``), or ``None`` if undated.
        section: the part of the document (``"Appendix 1"``, ``"s14Z2(2)"``), if any.
        url: where it can be read, if public.
        note: anything a reader should know (a paraphrase, a discrepancy).

    Examples:
        >>> Source(title="Real Involvement", publisher="Department of Health").date is None
        True
    """

    title: str = attrs.field(validator=_validate.text)
    publisher: str = attrs.field(validator=_validate.text)
    date: str | None = attrs.field(default=None, validator=_partial_date)
    section: str | None = attrs.field(default=None, validator=_validate.optional_text)
    url: str | None = attrs.field(default=None, validator=_url)
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
