"""Light paths of first calls give exactly what the whole catalogues give.

A decision's evaluation cites the involvement duty of its day and suggests a few
techniques; it reads those from the duties' and techniques' own records instead of
building the duty registry and the technique catalogue (see `tests/duties/
test_involvement.py` for the citations). No test times anything.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from hypothesis import given
from hypothesis import strategies as st

from engagekit.cycles import EngagementStage, ParticipationLevel
from engagekit.techniques import select
from engagekit.techniques._ranking import best_ids


@pytest.mark.parametrize("level", list(ParticipationLevel))
@pytest.mark.parametrize("stage", list(EngagementStage))
def test_best_ids_are_selects_first_ids(level, stage):
    full = [m.technique.id for m in select(level=level, stage=stage)]
    assert full
    for count in (1, 3, len(full), len(full) + 5):
        assert best_ids(level, stage, count) == tuple(full[:count])


def test_the_empower_techniques():
    ids = best_ids(ParticipationLevel.EMPOWER, EngagementStage.parse(1), 68)
    assert ids == ("citizens-jury", "participatory-appraisal", "participatory-budgeting")


@pytest.mark.parametrize(
    ("call", "unused"),
    [
        (
            "engagekit.evaluate(engagekit.examples.somerset_rheumatology_decision())",
            [
                "engagekit.decisions._gunning",
                "engagekit.duties._model",
                "engagekit.duties._registry",
                "engagekit.techniques._catalogue",
            ],
        ),
        # A network example needs no feedback flow, and the feedback flow no network.
        ("engagekit.examples.sutton()", ["engagekit.escalation._flow"]),
        ("engagekit.examples.sutton_feedback_flow()", ["engagekit.escalation._network"]),
        # Sutton's stakeholder table and its roles load only their own types.
        ("engagekit.examples.sutton_stakeholders()", ["engagekit.plans._responsibilities"]),
        ("engagekit.examples.sutton_responsibilities()", ["engagekit.plans._stakeholders"]),
        # The law of a day needs no types of what changed between two days.
        ("engagekit.duties_for('icb', '2023-01-01')", ["engagekit.duties._changes"]),
        # Rating evidence needs no results module; judging it does.
        ("engagekit.examples.somerset_rheumatology_decision()", ["engagekit.results"]),
        # Scoring's types load with the first score, not with the sets.
        ("engagekit.cycles.principle_sets()", ["engagekit.cycles._rubric", "engagekit.results"]),
    ],
)
def test_first_calls_build_no_catalogue_they_do_not_return(call, unused):
    code = (
        f"import sys, engagekit\n{call}\nprint(sorted(m for m in {unused!r} if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == "[]"


def test_a_principle_set_scores_after_a_first_call():
    code = (
        "import engagekit\n"
        "real = engagekit.cycles.principle_sets()['real-involvement']\n"
        "from engagekit.cycles import Judgement\n"
        "print(real.score({'open': Judgement(rating='met', reason='Board meets in public')}).points)"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == "2"


def test_citations_expand_among_plain_values_at_any_depth():
    """Plain values pass through resolve untouched; citations in tables and lists expand."""
    import datetime as dt

    from engagekit import _data

    somerset = {
        "title": (
            "Strategy for Patient and Public Engagement for NHS Somerset and the Somerset "
            "Clinical Commissioning Group, 2012 onwards"
        ),
        "publisher": "NHS Somerset and Somerset Clinical Commissioning Group",
        "date": "2012",
    }
    data = {
        "id": "x",
        "count": 3,
        "weight": 0.5,
        "flag": True,
        "on": dt.date(2012, 4, 1),
        "tags": ["a", 1, None],
        "rows": [{"source": {"document": "somerset-2012", "section": "Appendix 1"}}, "b"],
        "secondary": ["plain", {"document": "somerset-2012"}],
    }
    resolved, problems = _data.resolve(data, "doc.toml")
    assert problems == []
    assert resolved == {
        **data,
        "rows": [{"source": {**somerset, "section": "Appendix 1"}}, "b"],
        "secondary": ["plain", somerset],
    }


def test_too_deep_data_is_still_refused_with_its_path():
    from engagekit import _data

    deep: object = "leaf"
    for _ in range(70):
        deep = [deep]
    _, problems = _data.resolve({"a": deep}, "doc.toml")
    assert [p.message for p in problems] == ["nested more than 64 levels deep"]
    assert problems[0].path.startswith("$.a[0][0]")


_RECURRENCE_WORDS = [
    "every",
    "each",
    "once",
    "a",
    "per",
    "year",
    "weeks",
    "months",
    "times",
    "meetings",
    "in",
    "locality",
    "quarterly",
    "annually",
    "two",
    "six",
    "12",
    "2",
]


@given(
    st.lists(st.sampled_from(_RECURRENCE_WORDS), max_size=6),
    st.integers(min_value=100, max_value=99999),
    st.integers(min_value=0, max_value=6),
)
def test_no_recurrence_pattern_matches_text_with_three_digits_in_a_row(words, number, at):
    """The guard that skips compiling the recurrence patterns for a dated target is sound."""
    from engagekit.plans import _recurrence

    words.insert(min(at, len(words)), str(number))
    text = " ".join(words)
    assert _recurrence._has_digit_run(text)
    compiled = _recurrence._compiled()
    assert not any(p.match(text) for p, _, _ in compiled.fixed)
    assert compiled.every.match(text) is None
    assert compiled.times.match(text) is None


def test_a_dated_target_is_no_recurrence_and_a_recurrence_needs_no_date_patterns():
    from engagekit.errors import ParseError
    from engagekit.plans import Recurrence

    with pytest.raises(
        ParseError, match=r"not a recurrence engagekit reads \(e\.g\. 'quarterly'\)"
    ):
        Recurrence.parse("every 2011 weeks")
    assert Recurrence.parse("every 12 weeks").interval == 12
    assert Recurrence.parse("six times a year").interval == 2


@pytest.mark.parametrize(
    ("call", "idle"),
    [
        # Every target of Oxfordshire's plan is a recurrence; every one of GPCC's has a year.
        ("engagekit.examples.oxfordshire_delivery_plan()", "engagekit.plans._dates"),
        ("engagekit.examples.gpcc_timeline_2011()", "engagekit.plans._recurrence"),
    ],
)
def test_a_plan_compiles_only_the_patterns_its_targets_need(call, idle):
    code = (
        f"import sys, engagekit\n{call}\n"
        f"print(sys.modules[{idle!r}]._compiled.cache_info().currsize)"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == "0"
