"""A response standard at its edge (mutation testing's survivors in plans/_feedback.py)."""

from __future__ import annotations

import datetime as dt

from tests.plans.test_feedback import _loop


D = dt.date


class TestStandardOfNoDays:
    def test_an_item_is_past_a_standard_of_0_days_the_day_after_it_was_given(self) -> None:
        """A standard of 0 days (answer the same day) is allowed, as a tolerance of 0 is:
        the complaint f4 of 1 June is past it on 2 June, the survey answer f5 of 2 June
        on 3 June, and neither on the day it was given."""
        loop = _loop()
        assert [i.id for i in loop.past_standard(D(2018, 6, 1), 0)] == []
        assert [i.id for i in loop.past_standard(D(2018, 6, 2), 0)] == ["f4"]
        assert [i.id for i in loop.past_standard(D(2018, 6, 3), 0)] == ["f4", "f5"]

    def test_metrics_count_items_past_a_standard_of_0_days(self) -> None:
        loop = _loop()
        assert loop.metrics(D(2018, 6, 1), standard_days=0).past_standard == 0
        assert loop.metrics(D(2018, 6, 3), standard_days=0).past_standard == 2
        by_tier = loop.metrics_by("tier", D(2018, 6, 3), standard_days=0)
        assert {k: m.past_standard for k, m in by_tier} == {"practice": 0, "locality": 0, None: 2}
