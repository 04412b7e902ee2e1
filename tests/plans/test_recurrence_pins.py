"""Dated text is no recurrence, found without compiling the recurrence patterns
(mutation testing's survivors in plans/_recurrence.py)."""

from __future__ import annotations

import re

from collections.abc import Iterator

import pytest

from engagekit.errors import ParseError
from engagekit.plans import Frequency, Recurrence, _recurrence


@pytest.fixture(name="cold", autouse=True)
def _cold() -> Iterator[None]:
    """Each test starts with the recurrence patterns not compiled (as a new process
    does) and leaves them so."""
    _recurrence._compiled.cache_clear()
    yield
    _recurrence._compiled.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "2011",  # a year with a nought among its first three digits
        "March 1999",  # a year whose second digit is a nine
        "every 100 weeks",  # exactly three digits: more than any pattern allows
        "By end of 2012/13",
    ],
)
def test_text_with_three_digits_in_a_row_is_refused_without_compiling(text: str) -> None:
    """No recurrence pattern allows more than two digits in a row, so such text is
    refused, with the message any other unread phrase gets, before they are compiled."""
    message = f"cannot read {text!r}: not a recurrence engagekit reads (e.g. 'quarterly')"
    with pytest.raises(ParseError, match=f"^{re.escape(message)}$"):
        Recurrence.parse(text)
    assert _recurrence._compiled.cache_info().currsize == 0


def test_two_digits_after_other_characters_are_read() -> None:
    """Two digits after letters and spaces are no run of three: "every 12 weeks" is read."""
    rule = Recurrence.parse("every 12 weeks")
    assert (rule.frequency, rule.interval) == (Frequency.WEEKLY, 12)
    assert _recurrence._compiled.cache_info().currsize == 1


def test_capital_letters_are_not_digits() -> None:
    """A phrase in capitals is read like any other."""
    rule = Recurrence.parse("ANNUALLY")
    assert (rule.frequency, rule.interval) == (Frequency.YEARLY, 1)
