"""The loop: theme → you said, we did → decision → action → evidence, and Gunning."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from engagekit import examples
from engagekit.consultations import ConsultationLoop
from engagekit.decisions import DEFAULT_POLICY, check_consultation
from engagekit.errors import UnknownNameError
from engagekit.plans import Response


def test_unanswered_themes_are_listed_most_raised_first():
    loop = examples.oxfordshire_synthetic_loop()
    assert [(s.theme.id, s.respondents) for s in loop.unanswered()] == [
        ("online-reach", 11),
        ("plain-language", 9),
    ]
    assert len(loop.unanswered(min_respondents=10)) == 1
    assert len(loop.unanswered(as_of="2015-04-19")) == 5


def test_lineage_runs_from_a_response_to_evidence():
    """Response TH-1002 raised report-back: answered, fed a decision and action 15."""
    loop = examples.oxfordshire_synthetic_loop()
    (lineage,) = loop.trace("TH-1002")
    assert lineage.theme == "report-back"
    assert [r.id for r in lineage.responses] == ["wd-report-back"]
    assert lineage.decisions == ("occg-strategy-approval",)
    assert lineage.actions == ("7.15",)
    assert lineage.evidence == ("occg-response-report",)
    with pytest.raises(UnknownNameError, match="'TH-9'"):
        loop.trace("TH-9")


def test_closure_metrics_per_consultation():
    loop = examples.oxfordshire_synthetic_loop()
    before = loop.metrics("2015-04-01")
    after = loop.metrics("2015-12-31")
    assert (before.themes, before.answered, before.closure_rate) == (5, 0, 0.0)
    assert (after.answered, after.closure_rate) == (3, 0.6)
    assert (after.respondents, after.heard) == (24, 9)
    assert after.decisions == ("occg-strategy-approval",)
    assert after.loop.change_rate == 2 / 3


def test_closure_metrics_count_only_the_responses_received_by_the_date():
    """On 1 January 2015, before the first synthetic response (5 January), the metrics
    reported 5 themes raised by 24 respondents, none answered: every response counted
    whatever its date."""
    loop = examples.oxfordshire_synthetic_loop()
    before = loop.metrics("2015-01-01")
    assert (before.themes, before.respondents, before.closure_rate, before.heard_rate) == (
        0,
        0,
        None,
        None,
    )
    midway = loop.metrics("2015-01-31")
    assert (midway.themes, midway.answered, midway.respondents, midway.heard) == (5, 0, 11, 0)
    after = loop.metrics("2015-12-31")
    assert (after.themes, after.answered, after.respondents, after.heard) == (5, 3, 24, 9)


def test_an_answer_to_a_theme_nobody_raised_is_refused():
    loop = examples.oxfordshire_synthetic_loop()
    stray = Response(id="x", feedback=["seldom-heard"], date=dt.date(2015, 5, 1), text="Outreach")
    with pytest.raises(UnknownNameError, match="'seldom-heard'"):
        ConsultationLoop(responses=loop.responses, answers=[stray])


def test_gunning_finds_themes_raised_by_many_and_never_answered():
    """Conscientious consideration is not met while a much-raised theme is unanswered."""
    loop = examples.oxfordshire_synthetic_loop()
    consultation = attrs.evolve(
        loop.responses.consultation,
        report_published=dt.date(2015, 4, 20),
        considered_in_decision=True,
    )
    check = check_consultation(consultation, on="2015-05-01", loop=loop)
    reason = check.reasons[-1]
    assert reason.rule == "gunning.conscientious-consideration"
    assert reason.outcome.value == "not-met"
    assert "Reach more people online (11 responses)" in reason.message
    assert "Use plain language (9 responses)" in reason.message
    lenient = attrs.evolve(DEFAULT_POLICY, theme_respondents=12)
    met = check_consultation(consultation, on="2015-05-01", loop=loop, policy=lenient)
    assert met.reasons[-1].outcome.value == "met"
    assert "24 responses; every theme raised by 12+ answered" in met.reasons[-1].message
