"""The one evidence record, as the decisions, duties and reports use it."""

from __future__ import annotations

import datetime as dt

import pytest

from engagekit import examples, io
from engagekit.cycles import EngagementStage, ParticipationLevel
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownChoiceError
from engagekit.evidence import Audience, Evidence, EvidenceFile, EvidenceKind, Limb


def test_a_record_built_from_text() -> None:
    """Choices given as text become members; lists become tuples in a stable order."""
    item = Evidence(
        id="stories-2011",
        kind="patient experience",
        what="Patient stories about transport to community hospitals",
        date=dt.date(2011, 3, 1),
        limbs=["c", "planning"],
        stage="design and improve",
        level="involve",
        audiences=["public", "patients", "public"],
        count=350,
    )
    assert item.kind is EvidenceKind.PATIENT_EXPERIENCE
    assert item.limbs == (Limb.PLANNING, Limb.DECISIONS)
    assert item.stage is EngagementStage.DESIGN_AND_IMPROVE
    assert item.level is ParticipationLevel.INVOLVE
    assert item.audiences == (Audience.PATIENTS, Audience.PUBLIC)


def test_limbs_cite_the_statute() -> None:
    """Each limb carries its letter and its cited rule."""
    assert [limb.letter for limb in Limb] == ["a", "b", "c"]
    assert Limb.PLANNING.rule.source.section == "s14Z2(2)(a)"


@pytest.mark.parametrize(
    ("fields", "error", "match"),
    [
        ({"supports": "nhs-act-s14z2/a"}, InvalidTypeError, "Evidence.supports: got str"),
        ({"link": "file:///etc/passwd"}, InvalidValueError, "must be an http"),
        ({"count": 3.9}, InvalidTypeError, "expected a whole number"),
        ({"count": -1}, InvalidValueError, "must be at least 0"),
        ({"partial": "false"}, InvalidTypeError, "expected true or false"),
        ({"kind": "rumour"}, UnknownChoiceError, "'rumour' is not allowed"),
        ({"id": "has space"}, InvalidValueError, "must be an id"),
        ({"date": "2011-03-01"}, InvalidTypeError, "expected a datetime.date"),
    ],
)
def test_bad_fields_are_refused(fields, error, match) -> None:
    """Each bad field raises the engagekit error that is also the matching builtin."""
    base = {"id": "minutes", "what": "Governing body minutes", "date": dt.date(2019, 3, 7)}
    with pytest.raises(error, match=match):
        Evidence(**(base | fields))


def test_an_evidence_file_is_one_line() -> None:
    """A file of many records reads as what it is and how many it holds."""
    held = io.load_toml(examples.data_file("icb-evidence-2023-24.toml"), EvidenceFile)
    assert repr(held) == "<EvidenceFile with 8 records>"
    assert repr(EvidenceFile(evidence=held.evidence[:1])) == "<EvidenceFile with 1 record>"
    assert repr(EvidenceFile(evidence=[])) == "<EvidenceFile with 0 records>"
