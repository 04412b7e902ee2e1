"""The consultation response report: Markdown, HTML, suppression, quotes, evidence."""

from __future__ import annotations

import pytest

from engagekit import examples, render
from engagekit.consultations import response_report
from engagekit.disclosure import MARK, CountTable
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
    assert "| online consultation | 14 |" in text
    assert "| Yes | 13 |" in text
    assert "16 of the * responses answered; the consultation reported 39 answers." in text
    assert "| Tell people what happened to their views | 11 (69%) |" in text
    assert "> Tell us what you did with what we said. (Tell people what happened" in text
    assert "3 of 5 themes answered (60%)" in text
    assert "| Reach more people online | 11 | not yet answered | none |  |  |" in text
    assert "| sex | Female | 11 | 48% | 51% | -3% (-22% to +16%) |  |" in text
    assert "| age | 16 to 24 | * |  | 14% |  | not known |" in text
    assert "| sex | Prefer not to say | * |  |  |  | not stated |" in text


def test_every_count_goes_through_disclosure_control_together():
    """The report's tables are protected together: the small 'event' count and every
    figure that would give it back (the total of 24, shown in no table) are hidden."""
    report = examples.oxfordshire_synthetic_report()
    names = [t.name for t in report.tables()]
    assert names[:4] == ["Channel", "Responding as", "Answered", "Respondents who raised a theme"]
    assert {"age", "sex"} <= set(names)
    shown = report.disclosure()
    channel = shown[0]
    assert isinstance(channel, CountTable)
    assert channel.counts == (14, 6, None)
    assert channel.total is None
    text = render.markdown(report)
    assert " 24 " not in text.replace("16 to 24", "")
    assert f"| event | {MARK} |" in text
    assert f"| Not sure | {MARK} |" in text


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


def test_chart_draws_the_protected_counts():
    """The chart shows what the table shows: hidden counts are drawn as 0 and marked."""
    import matplotlib as mpl

    mpl.use("Agg")
    report = examples.oxfordshire_synthetic_report()
    ax = report.chart("support")
    assert [p.get_width() for p in ax.patches] == [13, 5, 0, 0]
    assert [t.get_text() for t in ax.texts] == ["13", "5", MARK, MARK]
    with pytest.raises(InvalidValueError, match="is a free-text question: it has no chart"):
        report.chart("measure")


def test_who_is_missing_goes_through_representation():
    """The representation of the report is engagekit.duties.equality.representation's:
    confidence intervals, and under-representation when the whole interval is below."""
    report = examples.oxfordshire_synthetic_report()
    assert report.representation is not None
    female = next(r for r in report.representation.reasons if r.category == "Female")
    assert (female.participants, round(female.population_share or 0, 2)) == (11, 0.51)
    assert female.under_represented is False
    assert [c.value for c in report.participants] == ["age", "sex"]
    assert report.participants[female.characteristic]["Female"] == 11
