"""DutyRegistry lookups, changes, composition, and strict loading of duty files."""

from __future__ import annotations

import datetime as dt
import io as stdio

from importlib import resources

import pytest

from engagekit import _data
from engagekit.duties import (
    BodyType,
    DutyChangeKind,
    DutyRegistry,
    duties_for,
    load_duties,
    registry,
)
from engagekit.duties._loader import INSTRUMENT_FILES
from engagekit.errors import DocumentError, InvalidValueError, UnknownNameError


GOOD = """
[[duty]]
id = "local-charter"
title = "Local engagement charter"
summary = "Publish an engagement plan each year."
force = "local-practice"
citation = { instrument = "Example ICB constitution", section = "Part 5" }
bodies = ["icb"]
in_force_from = 2023-04-01
verified = true
reviewed_on = 2024-01-15
source = { title = "Constitution", publisher = "NHS Example ICB" }
[[duty.requirements]]
key = "plan"
text = "Publish the engagement plan"
"""


def load(text: str) -> DutyRegistry:
    handle = stdio.BytesIO(text.encode())
    handle.name = "local-duties.toml"
    return load_duties(handle)


def test_get_unknown_id_names_closest():
    """An unknown id raises UnknownNameError naming the closest ids."""
    with pytest.raises(UnknownNameError, match="nhs-act-s14z4") as info:
        registry().get("nhs-act-s14z4")
    assert "nhs-act-s14z45" in info.value.suggestions
    assert isinstance(info.value, LookupError)


def test_get_on_a_day_with_no_version():
    """get(id, on) before the duty existed raises, listing the versions' periods."""
    with pytest.raises(UnknownNameError, match="in force on '2010-01-01'"):
        registry().get("nhs-act-s14z45", on=dt.date(2010, 1, 1))


def test_in_force_on_and_for_body():
    """in_force_on lists every body's duties; for_body ignores whether bodies existed."""
    reg = registry()
    ids = {d.id for d in reg.in_force_on(dt.date(2018, 6, 1))}
    assert {"nhs-act-s14z2", "nhs-act-s13q", "nhs-act-s242", "equality-act-s149"} <= ids
    assert "nhs-act-s14z45" not in ids
    assert [d.id for d in reg.for_body(BodyType.CCG, dt.date(2018, 6, 1))] == list(
        duties_for(BodyType.CCG, dt.date(2018, 6, 1)).ids
    )
    assert "nhs-act-s14z2" in [d.id for d in reg.for_body(BodyType.CCG)]


def test_changes_ccg_to_icb():
    """changes_between(2022-06-30, 2022-07-01) shows the CCG -> ICB transition."""
    changes = registry().changes_between(dt.date(2022, 6, 30), dt.date(2022, 7, 1))
    started = {c.duty_id for c in changes.started}
    ended = {c.duty_id for c in changes.ended}
    assert {"nhs-act-s14z45", "nhs-act-s14z35", "nhs-act-s14z58"} <= started
    assert {"nhs-act-s14z2", "nhs-act-s14t", "nhs-act-s14z15"} <= ended
    s242 = next(c for c in changes.changed if c.duty_id == "nhs-act-s242")
    assert s242.before is not None
    assert s242.after is not None
    assert s242.before.guidance != s242.after.guidance
    assert {(b.body, b.started) for b in changes.bodies} == {
        (BodyType.CCG, False),
        (BodyType.ICB, True),
    }


def test_changes_on_3_november_2008():
    """s242 changed version on 3 November 2008 and Real Involvement started."""
    changes = registry().changes_between(dt.date(2008, 11, 2), dt.date(2008, 11, 3))
    assert [(c.kind, c.duty_id) for c in changes.changes] == [
        (DutyChangeKind.STARTED, "guidance-real-involvement-2008"),
        (DutyChangeKind.CHANGED, "nhs-act-s242"),
    ]


def test_changes_between_reversed_dates():
    """end before start is bad input."""
    with pytest.raises(InvalidValueError, match="end"):
        registry().changes_between(dt.date(2023, 1, 1), dt.date(2022, 1, 1))


def test_merged_with_adds_local_duty_without_mutating():
    """merged_with returns a new registry; the built-in one is unchanged."""
    before = len(registry())
    merged = registry().merged_with(load(GOOD))
    assert len(merged) == before + 1
    assert len(registry()) == before
    assert "local-charter" in duties_for(BodyType.ICB, dt.date(2024, 1, 1), registry=merged).ids
    assert "local-charter" not in duties_for(BodyType.ICB, dt.date(2024, 1, 1)).ids


def test_merged_with_overlapping_version_is_refused():
    """A local version overlapping a built-in one is bad input."""
    clash = GOOD.replace('"local-charter"', '"nhs-act-s14z45"')
    with pytest.raises(InvalidValueError, match="overlaps"):
        registry().merged_with(load(clash))


def test_bad_file_reports_every_problem_at_once():
    """Unknown key, missing citation, end before start, overlap and unknown body: one error."""
    bad = (
        GOOD.replace('bodies = ["icb"]', 'bodies = ["icb", "cgc"]').replace(
            "summary =", 'colour = "red"\nsummary ='
        )
        + GOOD.replace(
            'citation = { instrument = "Example ICB constitution", section = "Part 5" }\n', ""
        ).replace("in_force_from = 2023-04-01", "in_force_from = 2023-06-01")
        + GOOD.replace('"local-charter"', '"other"').replace(
            "in_force_from = 2023-04-01", "in_force_from = 2023-04-01\nin_force_to = 2020-01-01"
        )
    )
    with pytest.raises(DocumentError, match=r"local-duties\.toml") as info:
        load(bad)
    err = info.value
    text = str(err)
    assert err.origin == "local-duties.toml"
    assert "local-duties.toml" in text
    assert "$.duty[0]" in text
    assert "'colour'" in text
    assert "'cgc'" in text
    assert "$.duty[1].citation" in text
    assert "overlaps" in text
    assert "$.duty[1]" in text
    assert "2020-01-01" in text
    assert "$.duty[2]" in text
    assert len(err.problems) >= 5


def test_bad_file_unknown_citation_document():
    """A citation to an unknown document id is reported with close matches."""
    bad = GOOD.replace(
        'source = { title = "Constitution", publisher = "NHS Example ICB" }',
        'source = { document = "sutton-2019" }',
    )
    with pytest.raises(DocumentError) as exc:
        load(bad)
    # One problem: the unexpanded citation is not checked again as a Source, which
    # would add "required field missing" twice and "unknown field 'document'".
    assert str(exc.value) == (
        "local-duties.toml: 1 problem\n"
        "  $.duty[0].source.document: unknown document 'sutton-2019' (did you mean "
        "'sutton-2018', 'legislation-ea-2010-s149', 'somerset-2012'?)"
    )


def test_builtin_files_are_package_resources():
    """Each instrument file is read through importlib.resources (and so ships in the wheel)."""
    for filename in (*INSTRUMENT_FILES, "duties/eds.toml", "duties/brown-principles.toml"):
        assert resources.files("engagekit.data").joinpath(filename).is_file()
        assert _data._read_builtin(filename)


def test_every_builtin_duty_cites_a_source_and_reviewed_date():
    """Every record has a citation, a source and a reviewed_on date."""
    for duty in registry():
        assert duty.citation.instrument
        assert duty.source.publisher
        assert duty.reviewed_on <= dt.date(2026, 12, 1)
