"""One-line reprs of a consultation response and of a requirement's coverage of the
protected characteristics: a response printed its every answer and monitoring
category, a coverage line every characteristic as an enum repr and its note in full."""

from __future__ import annotations

from engagekit import examples
from engagekit.consultations import ConsultationResponse
from engagekit.duties import equality


def test_a_consultation_response_is_one_line() -> None:
    first = examples.oxfordshire_synthetic_responses().responses[0]
    assert repr(first) == (
        "<ConsultationResponse 'TH-1001' online-consultation individual 2015-03-09"
        " with 3 answers, 2 themed answers and 9 monitoring answers>"
    )
    bare = ConsultationResponse(id="17", channel="paper")
    assert repr(bare) == (
        "<ConsultationResponse '17' paper-form not-known with 0 answers, 0 themed answers"
        " and 0 monitoring answers>"
    )


def test_coverage_names_the_characteristics_covered() -> None:
    lines = list(equality.coverage())
    assert repr(lines[1]) == (
        "<CharacteristicCoverage 'equality-act-s149/b' (verified): age, disability,"
        " gender-reassignment, pregnancy-and-maternity, race, religion-or-belief, sex,"
        " sexual-orientation>"
    )
    assert repr(lines[0]).startswith("<CharacteristicCoverage 'equality-act-s149/a' (not verified)")
    assert repr(lines[0]).endswith(
        " sexual-orientation, note='Marriage and civil partnership counts f…'>"
    )
