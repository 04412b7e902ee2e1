"""The duty registry, its results and duty files pinned to their exact words and date
boundaries (mutation testing's survivors in duties/_registry.py, _results.py and
_loader.py, docs/mutation.md)."""

from __future__ import annotations

import datetime as dt
import io as stdio
import re

import attrs
import pytest

from engagekit.duties import (
    BodyChange,
    BodyType,
    DutiesInForce,
    DutyChange,
    DutyChanges,
    DutyRegistry,
    duties_for,
    load_duties,
    registry,
)
from engagekit.errors import (
    DocumentError,
    InvalidTypeError,
    InvalidValueError,
    UnknownNameError,
)
from engagekit.sources import LegalForce


def _exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


# --- DutyRegistry ----------------------------------------------------------------------


def test_versions_may_be_given_in_any_order_but_must_not_overlap() -> None:
    """s242's four versions: 1 March 2007, 3 November 2008, 1 April 2013, 1 July 2022.
    Given newest first they make the same registry; a second version starting the day
    before the first ended overlaps it."""
    versions = registry().versions("nhs-act-s242")
    backwards = DutyRegistry(duties=tuple(reversed(versions)))
    assert list(backwards.versions("nhs-act-s242")) == list(versions)
    assert repr(backwards) == "<DutyRegistry with 1 duty and 4 versions>"
    early = DutyRegistry(duties=versions[:2])
    assert early.versions("nhs-act-s242")[1].in_force_from == dt.date(2008, 11, 3)
    clash = [versions[0], attrs.evolve(versions[1], in_force_from=dt.date(2008, 11, 2))]
    message = (
        "DutyRegistry.duties: 'nhs-act-s242' is not allowed: version 2008-11-02 to "
        "2013-03-31 overlaps version 2007-03-01 to 2008-11-02 (item 0); versions of one duty "
        "must not overlap"
    )
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        DutyRegistry(duties=clash)
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        early.merged_with(clash[1:])


def test_a_registry_merges_another_registry_or_any_duties() -> None:
    s14z2 = registry().filter(lambda duty: duty.id == "nhs-act-s14z2")
    s14t = registry().filter(lambda duty: duty.id == "nhs-act-s14t")
    assert s14z2.merged_with(s14t).ids == ("nhs-act-s14z2", "nhs-act-s14t")
    assert s14z2.merged_with(iter(s14t)).ids == ("nhs-act-s14z2", "nhs-act-s14t")


def test_lookups_name_what_was_not_found() -> None:
    reg = registry()
    with pytest.raises(
        UnknownNameError, match="^unknown duty 's14z2'; did you mean 'nhs-act-s14z2'"
    ):
        reg.versions("s14z2")
    message = (
        "unknown version of 'nhs-act-s14z2' in force on '2023-01-01'; known: "
        "'2013-02-01 to 2022-06-30'"
    )
    with pytest.raises(UnknownNameError, match=_exactly(message)):
        reg.get("nhs-act-s14z2", on="2023-01-01")
    message = (
        "unknown requirement 'nhs-act-s14z2/d'; did you mean 'nhs-act-s14z2/c', "
        "'nhs-act-s14z2/b', 'nhs-act-s14z2/a'?"
    )
    with pytest.raises(UnknownNameError, match=_exactly(message)):
        reg.requirement("nhs-act-s14z2/d")
    with pytest.raises(UnknownNameError, match="^unknown requirement 's14z2/a'; did you mean"):
        reg.requirement("s14z2/a")
    duty, requirement = reg.requirement("nhs-act-s242/a")
    assert (duty.period, requirement.key) == ("from 2022-07-01", "a")


def test_each_date_parameter_is_named_in_its_error() -> None:
    reg = registry()
    s14z2 = reg.get("nhs-act-s14z2")
    for name, call in (
        ("on", lambda: reg.get("nhs-act-s14z2", on="1 Jan 2019")),
        ("on", lambda: reg.in_force_on("1 Jan 2019")),
        ("on", lambda: reg.for_body("ccg", on="1 Jan 2019")),
        ("on", lambda: reg.duties_for("ccg", "1 Jan 2019")),
        ("on", lambda: s14z2.in_force_on("1 Jan 2019")),
        ("start", lambda: reg.changes_between("1 Jan 2019", "2019-01-02")),
        ("end", lambda: reg.changes_between("2019-01-01", "1 Jan 2019")),
    ):
        message = f"{name}: '1 Jan 2019' is not allowed: must be a date, YYYY-MM-DD"
        with pytest.raises(InvalidValueError, match=_exactly(message)):
            call()
    message = "registry: got int 5; expected a DutyRegistry"
    with pytest.raises(InvalidTypeError, match=_exactly(message)):
        duties_for("ccg", "2019-01-01", registry=5)  # type: ignore[arg-type]


def test_no_duty_binding_an_existing_body_is_said_with_its_article() -> None:
    only_s14z2 = registry().filter(lambda duty: duty.id == "nhs-act-s14z2")
    assert only_s14z2.duties_for("icb", "2024-06-30").reason == (
        "no duty in this registry binds an integrated care board on 2024-06-30"
    )
    assert only_s14z2.duties_for("nhs-trust", "2024-06-30").reason == (
        "no duty in this registry binds an NHS trust on 2024-06-30"
    )
    assert only_s14z2.duties_for("local-authority", "2012-06-30").reason == (
        "no duty in this registry binds a local authority on 2012-06-30: the earliest law "
        "engagekit encodes began on 2013-02-01"
    )


def test_no_body_of_a_kind_existing_is_said_with_its_dates() -> None:
    reg = registry()
    assert reg.duties_for("sha", "2001-01-01").reason == (
        "no strategic health authorities existed on 2001-01-01: they existed from "
        "2002-10-01 to 2013-03-31"
    )
    assert reg.duties_for("pct", "2013-04-01").reason == (
        "no primary care trusts existed on 2013-04-01: they ceased to exist on 2013-04-01"
    )
    assert reg.duties_for("icb", "2022-06-30").reason == (
        "no integrated care boards existed on 2022-06-30: the first were established on 2022-07-01"
    )
    assert reg.duties_for("nhs-england", "2012-09-30").reason == (
        "NHS England did not exist on 2012-09-30: it was established on 2012-10-01"
    )


def test_changes_count_from_the_day_after_start_to_end() -> None:
    """On 1 July 2022 CCGs gave way to ICBs; counted from that day, nothing changed."""
    reg = registry()
    moved = reg.changes_between("2022-06-30", "2022-07-01")
    assert "nhs-act-s242" in [c.duty_id for c in moved.changed]
    assert "nhs-act-s242" not in [c.duty_id for c in moved.ended + moved.started]
    assert [(b.body.value, b.started) for b in moved.bodies] == [("ccg", False), ("icb", True)]
    after = reg.changes_between("2022-07-01", "2022-07-02")
    assert (len(after), after.bodies) == (0, ())
    assert (
        repr(after)
        == "<DutyChanges from 2022-07-01 to 2022-07-02 with 0 changes and 0 body changes>"
    )
    message = "end: '2022-06-30' is not allowed: must not be before start (2022-07-01)"
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        reg.changes_between("2022-07-01", "2022-06-30")


# --- What the registry returns (_results) ------------------------------------------------


def test_duties_in_force_built_directly() -> None:
    reg = registry()
    s14z2 = reg.get("nhs-act-s14z2")
    guidance = reg.get("guidance-participation-2017")
    found = DutiesInForce(body="ccg", on=dt.date(2019, 4, 1), duties=[s14z2, guidance])
    assert list(found) == [s14z2, guidance]
    assert len(found) == 2
    assert repr(found) == "<DutiesInForce for a CCG on 2019-04-01 with 2 duties>"
    assert found.by_force() == {
        LegalForce.STATUTE: (s14z2,),
        LegalForce.STATUTORY_GUIDANCE: (guidance,),
    }
    message = "DutiesInForce.reason: missing: say why no duty bound the body"
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        DutiesInForce(body="ccg", on=dt.date(2023, 1, 1), duties=())


def test_a_change_needs_exactly_the_versions_its_kind_has() -> None:
    reg = registry()
    s14z2 = reg.get("nhs-act-s14z2")
    day = dt.date(2022, 7, 1)
    for kwargs, message in (
        (
            {"kind": "ended", "duty_id": "nhs-act-s14z2"},
            (
                "DutyChange.before: missing: a duty that ended needs the version "
                "that stopped applying"
            ),
        ),
        (
            {"kind": "started", "duty_id": "nhs-act-s14z2"},
            ("DutyChange.after: missing: a duty that started needs the version that began"),
        ),
        (
            {"kind": "started", "duty_id": "nhs-act-s14z2", "before": s14z2, "after": s14z2},
            (
                "DutyChange.before: 'nhs-act-s14z2' is not allowed: a duty that started has no "
                "version before the change"
            ),
        ),
        (
            {"kind": "ended", "duty_id": "nhs-act-s14z45", "before": s14z2},
            "DutyChange.before.id: 'nhs-act-s14z2' is not allowed: must be 'nhs-act-s14z45'",
        ),
    ):
        with pytest.raises(InvalidValueError, match=_exactly(message)):
            DutyChange(on=day, **kwargs)
    message = "DutyChange.before: got str 'nhs-act-s14z2'; expected a Duty"
    with pytest.raises(InvalidTypeError, match=_exactly(message)):
        DutyChange(kind="ended", duty_id="nhs-act-s14z2", on=day, before="nhs-act-s14z2")  # type: ignore[arg-type]


def test_changes_built_directly() -> None:
    ccgs_end = BodyChange(body="ccg", on=dt.date(2022, 7, 1), started=False)
    changes = DutyChanges(
        start=dt.date(2022, 6, 30), end=dt.date(2022, 7, 1), changes=(), bodies=(ccgs_end,)
    )
    assert (
        repr(changes)
        == "<DutyChanges from 2022-06-30 to 2022-07-01 with 0 changes and 1 body change>"
    )
    message = "DutyChanges.end: '2022-06-30' is not allowed: must not be before start (2022-07-01)"
    with pytest.raises(InvalidValueError, match=_exactly(message)):
        DutyChanges(start=dt.date(2022, 7, 1), end=dt.date(2022, 6, 30), changes=())


# --- Duty files (_loader) ------------------------------------------------------------------

_CHARTER = """
[[duty]]
id = "local-charter"
title = "Local engagement charter"
summary = "Publish an engagement plan each year."
{force}
citation = {{ instrument = "Example ICB constitution", section = "Part 5" }}
bodies = ["icb"]
in_force_from = {start}
{end}
verified = true
reviewed_on = 2024-01-15
source = {{ title = "Constitution", publisher = "NHS Example ICB" }}
[[duty.requirements]]
key = "plan"
text = "Publish the engagement plan"
"""


def _charter(
    start: str = "2023-04-01", end: str | None = None, force: str = 'force = "local-practice"'
) -> str:
    until = "" if end is None else f"in_force_to = {end}"
    return _CHARTER.format(force=force, start=start, end=until)


def _load(text: str, name: str | None = "local-duties.toml") -> DutyRegistry:
    handle = stdio.BytesIO(text.encode())
    if name is not None:
        handle.name = name
    return load_duties(handle)


def test_a_duty_file_may_use_the_older_name_kind() -> None:
    """Files written before 'force' was renamed say kind = "policy" (an alias)."""
    both = _load(
        _charter(force='kind = "policy"')
        + _charter(start="2024-04-01", end=None).replace("local-charter", "local-promise")
    )
    assert [(d.id, d.force) for d in both] == [
        ("local-charter", LegalForce.NATIONAL_POLICY),
        ("local-promise", LegalForce.LOCAL_PRACTICE),
    ]
    twice = _charter(force='kind = "policy"\nforce = "local-practice"')
    message = (
        "local-duties.toml: 1 problem\n  $.duty[0]: give 'force' only ('kind' is its older name), not "
        "both (kind='policy', force='local-practice')"
    )
    with pytest.raises(DocumentError, match=_exactly(message)):
        _load(twice)


def test_versions_in_a_file_may_meet_but_not_overlap() -> None:
    """A charter to 31 March 2024 and its successor from 1 April 2024 meet, in either
    order; a successor from 31 March 2024 overlaps, and is reported with its place."""
    first = _charter(start="2023-04-01", end="2024-04-01")
    assert len(_load(first + _charter(start="2024-04-01"))) == 2
    assert len(_load(_charter(start="2024-04-01") + first)) == 2
    nameless = "[[duty]]\nsummary = 'no id'\n"
    message = (
        "$.duty[2]: 'local-charter' from 2024-03-31 overlaps $.duty[0] (from 2023-04-01); "
        "versions of one duty must not overlap"
    )
    with pytest.raises(DocumentError, match=re.escape(message)) as info:
        _load(first + nameless + _charter(start="2024-03-31"))
    assert info.value.origin == "local-duties.toml"


def test_a_duty_file_is_named_by_its_path_or_handle(tmp_path) -> None:
    bad = _charter(start="2024-03-31", end="2024-03-31")
    message = "must be after in_force_from (2024-03-31)"
    with pytest.raises(DocumentError, match=f"^<toml>: 1 problem\n  .*{re.escape(message)}$"):
        _load(bad, name=None)
    path = tmp_path / "charter.toml"
    path.write_text(_charter(start="2023-04-01", end="2024-04-01") + _charter(start="2024-03-31"))
    with pytest.raises(
        DocumentError, match=f"^{re.escape(str(path))}: 1 problem\n  \\$\\.duty\\[1\\]: "
    ):
        load_duties(str(path))


def test_a_duty_file_names_every_problem_of_every_duty() -> None:
    """A duty giving both 'kind' and 'force' does not hide the next duty's problems; a
    version with no start is a missing field, not a crash; a file with no duties, or an
    entry that is not a table, is refused in words."""
    both = _charter(force='kind = "policy"\nforce = "local-practice"')
    coloured = (
        _charter(start="2024-04-01")
        .replace("local-charter", "local-promise")
        .replace("summary =", 'colour = "red"\nsummary =')
    )
    with pytest.raises(DocumentError) as info:
        _load(both + coloured)
    assert [p.path for p in info.value.problems] == ["$.duty[1].colour", "$.duty[0]"]
    startless = _charter(start="2023-04-01", end="2024-04-01") + _charter(
        start="2024-04-01"
    ).replace("in_force_from = 2024-04-01\n", "")
    with pytest.raises(DocumentError, match=re.escape("$.duty[1].in_force_from: required field")):
        _load(startless)
    with pytest.raises(DocumentError, match=re.escape("$.duty: required field missing")):
        _load('title = "No duties"\n')
    inline = (
        'duty = [5, {id = "local-charter", in_force_from = 2023-04-01}, '
        '{id = "local-charter", in_force_from = 2023-04-02}]\n'
    )
    with pytest.raises(DocumentError) as info:
        _load(inline)
    assert "$.duty[2]: 'local-charter' from 2023-04-02 overlaps $.duty[1] (from 2023-04-01)" in str(
        info.value
    )
    assert "$.duty[0]" in [p.path for p in info.value.problems]


def test_results_are_sequences_of_duties_shown_as_rows() -> None:
    reg = registry()
    s14z2 = reg.get("nhs-act-s14z2")
    found = reg.duties_for("ccg", "2019-04-01")
    s14z2_id: object = "nhs-act-s14z2"
    s14z45_id: object = "nhs-act-s14z45"
    assert s14z2_id in found
    assert s14z2 in found
    assert s14z45_id not in found
    assert reg.get("nhs-act-s14z45") not in found
    row = (
        "nhs-act-s14z2",
        "Public involvement by clinical commissioning groups",
        "statute",
        "National Health Service Act 2006, s14Z2(2)",
        "2013-02-01 to 2022-06-30",
        True,
    )
    assert found.row(s14z2) == row
    assert reg.in_force_on("2019-04-01").row(s14z2) == row
    assert "nhs-act-s14z2" in reg
    assert "s14z2" not in reg
    assert repr(s14z2) == "<Duty 'nhs-act-s14z2' from 2013-02-01 with 4 requirements>"
    assert s14z2.binds("ccg")
    assert not s14z2.binds(BodyType.ICB)
