"""One-line reprs of a duty's parts and of the records cited beside them.

A requirement, a citation, a timeline row, a piece of evidence, a source and a
technique's figure printed every attrs field (a timeline row its duties in full,
each with its sources and notes); each is now one line that names it.
"""

from __future__ import annotations

import datetime as dt

import attrs

from engagekit import Source, duties, examples, techniques
from engagekit.decisions import rule
from engagekit.duties import Citation
from engagekit.techniques import Figure


def test_requirements_show_key_text_reference_and_settings() -> None:
    s14z2 = duties.registry().get("nhs-act-s14z2")
    assert [repr(r) for r in s14z2.requirements] == [
        "<Requirement 'a' 'Involve the public in the planning of t…' (s14Z2(2)(a))>",
        (
            "<Requirement 'b' 'Involve the public in the development a…'"
            " (s14Z2(2)(b); trigger='service-impact')>"
        ),
        (
            "<Requirement 'c' 'Involve the public in decisions affecti…'"
            " (s14Z2(2)(c); trigger='service-impact')>"
        ),
        (
            "<Requirement 'constitution' 'Describe the public involvement arrange…'"
            " (s14Z2(3)-(5); verified=False)>"
        ),
    ]


def test_a_citation_is_what_str_writes_and_its_address() -> None:
    assert repr(duties.registry().get("nhs-act-s14z2").citation) == (
        "<Citation 'National Health Service Act 2006, s14Z2(2)'"
        " https://www.legislation.gov.uk/ukpga/2006/41/section/14Z2/2013-04-01>"
    )
    assert repr(Citation(instrument="S.I. 2013/218", section="reg 23")) == (
        "<Citation 'S.I. 2013/218, reg 23'>"
    )


def test_a_timeline_row_counts_its_duties_or_says_why_none() -> None:
    timeline = duties.law_timeline(through=dt.date(2024, 1, 1))
    assert repr(timeline[0]) == (
        "<TimelineRow pct on 2001-01-01 with 0 duties:"
        " 'no duty in this registry binds a primary care trust on 2001…'>"
    )
    assert repr(timeline[-1]) == "<TimelineRow gp-practice on 2024-01-01 with 1 duty>"


def test_evidence_shows_id_kind_date_and_what_it_is() -> None:
    evidence = examples.unproportionate_service_change().evidence
    assert [repr(e) for e in evidence[:2]] == [
        (
            "<Evidence 'leaflet' engagement-activity 2019-01-21"
            ' "Leaflets in the unit\'s waiting room ann…">'
        ),
        (
            "<Evidence 'staff-briefing' engagement-activity 2019-01-10"
            ' "Briefing and questions for the unit\'s s…">'
        ),
    ]
    partly = attrs.evolve(evidence[0], partial=True)
    assert repr(partly) == (
        "<Evidence 'leaflet' engagement-activity 2019-01-21"
        ' "Leaflets in the unit\'s waiting room ann…" (partial)>'
    )


def test_a_source_is_what_str_writes_with_its_force_and_note() -> None:
    limb = rule("limb.planning")
    assert repr(limb.secondary[0]) == (
        "<Source 'Hartlepool Borough Council, Health Scrutiny Joint Committee papers,"
        " Hartlepool Borough Council <https://yumpu.com/en/document/view/22179473/"
        "health-scrutiny-joint-committee-hartlepool-borough-council/88>'"
        " (note='Quotes s14Z2(2) and its three limbs.')>"
    )
    plain = Source(title="Strategy", publisher="NHS Somerset", date="2012")
    assert repr(plain) == "<Source 'NHS Somerset, Strategy (2012)'>"
    assert repr(attrs.evolve(plain, force="local practice")) == (
        "<Source 'NHS Somerset, Strategy (2012)' (local practice)>"
    )


def test_a_figure_shows_the_words_and_the_bounds() -> None:
    shown = [repr(f) for t in techniques.catalogue() for f in t.figures]
    assert "<Figure session-length 'about three hours' (3 hours)>" in shown
    assert (
        repr(
            Figure(quantity="participants", low=500, high=5000, unit="people", text="500 to 5,000")
        )
        == "<Figure participants '500 to 5,000' (500 to 5000 people)>"
    )
    assert repr(Figure(quantity="participants", low=12, unit="people", text="12 or more")) == (
        "<Figure participants '12 or more' (at least 12 people)>"
    )
