"""NHS financial years: 1 April to 31 March."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from dateutil.relativedelta import relativedelta

from engagekit import _validate, _value
from engagekit.errors import InvalidTypeError, InvalidValueError


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.whole(instance, attribute, value)
    if not 1900 <= value <= 2999:  # type: ignore[operator]
        raise InvalidValueError(
            "FinancialYear.start_year", value, reason="must be a whole year between 1900 and 2999"
        )


@attrs.frozen(order=True)
@_value.shared_methods
class FinancialYear:
    """The NHS financial year that starts on 1 April of ``start_year``.

    Annual duties (an annual report explaining how the public involvement duty was
    discharged "in the previous financial year") are measured in these years.

    Examples:
        >>> fy = FinancialYear.containing(dt.date(2023, 1, 1))
        >>> fy.label, fy.start, fy.end
        ('2022/23', datetime.date(2022, 4, 1), datetime.date(2023, 3, 31))
        >>> fy.previous().label, fy.next().label
        ('2021/22', '2023/24')
        >>> dt.date(2023, 4, 1) in fy
        False

    References:
        NHS Sutton CCG strategy: annual reports "must explain how the public
        involvement duty in the previous financial year has been fulfilled".
    """

    start_year: int = attrs.field(converter=_validate.to_int, validator=_year)

    @classmethod
    def containing(cls, day: dt.date | str) -> FinancialYear:
        """The financial year that ``day`` (a date or ``YYYY-MM-DD`` text) falls in."""
        if type(day) is not dt.date:
            day = _validate.as_date("day", day)
        shifted = day + relativedelta(months=-3)  # 1 April → 1 January
        return cls(shifted.year)

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Read ``"2022/23"`` or ``"2022-23"``.

        Raises:
            InvalidValueError: the text is not a financial year.
            InvalidTypeError: ``text`` is not a string.

        Examples:
            >>> FinancialYear.parse("2019/20").start
            datetime.date(2019, 4, 1)
        """
        if not isinstance(text, str):
            raise InvalidTypeError("financial year", text, expected="text such as '2022/23'")
        parts = text.strip().replace("-", "/").split("/")
        if len(parts) == 2 and all(p.isascii() and p.isdigit() for p in parts):
            first = int(parts[0])
            after = str(first + 1) if len(parts[1]) == 4 else f"{(first + 1) % 100:02d}"
            if len(parts[0]) == 4 and parts[1] == after:
                return cls(first)
        raise InvalidValueError("financial year", text, reason="expected e.g. '2022/23'")

    @property
    def start(self) -> dt.date:
        """1 April of ``start_year``."""
        return dt.date(self.start_year, 4, 1)

    @property
    def end(self) -> dt.date:
        """31 March of the following year."""
        return self.start + relativedelta(years=1, days=-1)

    @property
    def label(self) -> str:
        """The usual short form, e.g. ``"2022/23"``."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    def next(self) -> FinancialYear:
        """The following financial year."""
        return FinancialYear(self.start_year + 1)

    def previous(self) -> FinancialYear:
        """The financial year before."""
        return FinancialYear(self.start_year - 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label
