"""Each decisions test starts from empty evaluation caches.

`evaluate` shares reasons and triangle plans between calls, `required_engagement`
keeps each requirement it built, and each service-change test keeps its rules once
read. A test that found them already built would not run the code that builds them,
so a change there (a message's words, say) could pass every test that reads the result.
"""

from __future__ import annotations

import pytest

from engagekit.decisions import _evaluate as evaluate_module
from engagekit.decisions import _requirement as requirement_module
from engagekit.decisions import _tests as tests_module


@pytest.fixture(autouse=True)
def _empty_evaluation_caches() -> None:
    evaluate_module._REASONS.clear()
    evaluate_module._PLANS.clear()
    requirement_module._required.cache_clear()
    tests_module._RULES.clear()
