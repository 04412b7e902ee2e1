"""The consultation response report: Markdown, HTML, suppression, quotes, evidence."""

from __future__ import annotations

import pytest

from engagekit import examples, render
from engagekit.consultations import response_report
from engagekit.consultations._disclose import shown
from engagekit.errors import InvalidValueError, UnknownNameError


def test_report_has_every_section_in_markdown():
    text = render.markdown(examples.oxfordshire_synthetic_report())
    for heading in (
        "# Consultation response report: Patient and Public Engagement Strategy 2015-2019",
        "## Who responded and how",
        "## Results per question",
        "### How would you measure the success of this strategy?",
        "## Who is missing",
        "## You said, we did",
    ):
        assert heading in text
    assert "| online-consultation | 14 (58%) |" in text
    assert "| Yes | 13 (54%) |" in text
    assert "16 of the 24 responses answered; the consultation reported 39 answers." in text
    assert "> Tell us what you did with what we said. (Tell people what happened" in text
    assert "3 of 5 themes answered (60%)" in text
    assert "| Reach more people online | 11 | not yet answered | none |  |  |" in text


def test_small_counts_are_hidden_with_a_complement():
    """Counts 1-4 are hidden; a lone hidden cell takes the smallest other with it."""
    text = render.markdown(examples.oxfordshire_synthetic_report())
    assert "| Not sure | * |" in text
    assert "| Prefer not to say | * |" in text
    assert shown([31, 2, 42], 75) == ["*", "*", "42 (56%)"]
    assert shown([31, 0, 42], 73) == ["31 (42%)", "0 (0%)", "42 (58%)"]
    assert shown([3, 2, 40]) == ["*", "*", "40"]


def test_report_renders_as_html():
    page = render.html(examples.oxfordshire_synthetic_report())
    assert page.startswith('<div class="engagekit consultation-report"><h1>')
    assert "<h2>You said, we did</h2>" in page
    assert "<blockquote>Tell us what you did with what we said." in page


def test_report_cites_as_evidence_for_the_decision():
    report = examples.oxfordshire_synthetic_report()
    evidence = report.evidence("occg-response-report", date="2015-06-02")
    assert (evidence.kind.value, evidence.count, evidence.date.isoformat()) == (
        "consultation-report",
        24,
        "2015-06-02",
    )


def test_a_quote_must_come_from_a_response_tagged_with_the_theme():
    rs = examples.oxfordshire_synthetic_responses()
    with pytest.raises(InvalidValueError, match="has no answer tagged with theme 'seldom-heard'"):
        response_report(rs, as_of="2015-06-01", quotes={"seldom-heard": ["TH-1002"]})
    with pytest.raises(UnknownNameError, match="'nonsense'"):
        response_report(rs, as_of="2015-06-01", quotes={"nonsense": ["TH-1002"]})


def test_the_oxfordshire_consultation_as_the_seed_gives_it():
    c = examples.oxfordshire_consultation()
    assert [q.answered for q in c.questions] == [31, 39, 32, 0]
    assert c.questions[0].text == (
        "Do you have any other suggestions as to how we can deliver the strategy in a "
        "measurable way?"
    )
    assert (c.start, c.end, c.proposal_status) == (None, None, None)
