"""A rule that is not law says what its source is: the document it was read through
and the power it was issued under, or the document it cites, never a publisher that
did not make it (Real Involvement's findings read "Lexology, National Health Service
Act 2006, s242(1G)", as if Lexology had published the Act; the bed-closure test read
"NHS England, NHS England bed-closure test" at Landmark Chambers' address; a body's
local practice recorded beside s14Z45 read as if the body had published the Act)."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest

from engagekit import render
from engagekit.duties import (
    Checklist,
    ChecklistItem,
    Citation,
    Duty,
    Requirement,
    _citing,
    registry,
)
from engagekit.errors import InvalidValueError
from engagekit.sources import LegalForce, Source


_LEXOLOGY = "https://www.lexology.com/library/detail.aspx?g=4645e357-4ac0-4d39-86bc-add17d1b7c6a"
_REAL_INVOLVEMENT = (
    "Department of Health, Real Involvement: Working with People to Improve Health "
    "Services, issued under National Health Service Act 2006, s242(1G)"
)
_LANDMARK = (
    "https://www.landmarkchambers.co.uk/resource-post/"
    "new-bed-closure-test-a-potentially-powerful-tool/"
)
_BED_TEST = (
    "NHS England bed-closure test (announced 3 March 2017) (read through Landmark "
    f"Chambers, New bed closure test: a potentially powerful tool (2017) <{_LANDMARK}>)"
)


def test_statutory_guidance_reads_as_the_department_s_document_issued_under_the_act() -> None:
    """The record was read through Lexology's article; the guidance is the Department
    of Health's (sources.toml), issued under s242(1G)."""
    duty = registry().get("guidance-real-involvement-2008")
    source = duty.source_of(duty.requirement("open"))
    assert (source.title, source.publisher, source.url, source.section, source.note) == (
        "Real involvement: new statutory guidance on the duty to involve",
        "Lexology",
        _LEXOLOGY,
        None,
        f"cites {_REAL_INVOLVEMENT}",
    )
    assert _citing.described(source) == (
        f"{_REAL_INVOLVEMENT} (read through Lexology, Real involvement: new statutory "
        f"guidance on the duty to involve <{_LEXOLOGY}>)"
    )
    assert _citing.citation_cell(source) == _REAL_INVOLVEMENT
    assert duty.publisher == "Department of Health"
    # The month of the guidance is not verified: the line does not give it, the note
    # still says so.
    assert "2008-10" not in _citing.described(source)
    assert any("'October 2008' is not verified" in note for note in duty.notes)


def test_guidance_issued_under_a_power_without_its_own_document_names_the_page() -> None:
    """Without a rule_source, the page read through is named, as before."""
    duty = attrs.evolve(registry().get("guidance-real-involvement-2008"), rule_source=None)
    assert _citing.described(duty.source_of()) == (
        "Real involvement: new statutory guidance on the duty to involve (read through "
        "Lexology), issued under National Health Service Act 2006, s242(1G) "
        f"<{_LEXOLOGY}>"
    )
    assert duty.publisher == "Lexology"


def test_a_compliance_report_shows_the_guidance_and_its_power_in_every_view() -> None:
    report = Checklist.for_body("pct", on="2010-01-01").assess([], as_of="2010-01-01")
    lines = render.text(report).splitlines()
    at = lines.index(
        "NOT FOLLOWED: departure needs recorded reasons guidance-real-involvement-2008/open"
    )
    assert lines[at + 1 : at + 7] == [
        "    Make involvement open.",
        (
            "    Department of Health, Real Involvement: Working with People to Improve "
            "Health Services, issued"
        ),
        (
            "        under National Health Service Act 2006, s242(1G) (read through Lexology, "
            "Real involvement:"
        ),
        "        new statutory guidance on the duty to involve",
        f"        <{_LEXOLOGY}>)",
        "        [statutory guidance (have regard)]",
    ]
    assert "Lexology, National Health Service Act 2006" not in render.text(report)
    row = (
        "| not followed: departure needs recorded reasons | guidance-real-involvement-2008/open "
        f"| {_REAL_INVOLVEMENT} | statutory guidance (have regard) | none |"
    )
    assert row in render.markdown(report)
    assert f'vertical-align:top">{_REAL_INVOLVEMENT}</td>' in render.html(report)
    # The statute beside it is still Parliament's, at its own address.
    assert (
        "    UK Parliament, National Health Service Act 2006, s242(1B)(a)\n"
        "        <https://www.legislation.gov.uk/ukpga/2006/41/section/242/2008-11-03> [statute]"
    ) in render.text(report)


def test_checklists_and_duty_lists_say_the_guidance_was_issued_under_the_act() -> None:
    checklist = Checklist.for_body("pct", on="2010-01-01")
    assert (
        "[ ] guidance-real-involvement-2008/open\n"
        "      Make involvement open. (issued under National Health Service Act 2006, s242(1G);\n"
        "      statutory guidance (have regard))"
    ) in render.text(checklist)
    duty = registry().get("guidance-real-involvement-2008")
    assert render.text(duty).splitlines()[1:3] == [
        (
            "    issued under National Health Service Act 2006, s242(1G) | statutory guidance "
            "(have regard) | in"
        ),
        "        force 2008-11-03 to 2022-06-30",
    ]
    # Statute is cited as itself.
    assert "    National Health Service Act 2006, s242(1B) | statute" in render.text(
        registry().get("nhs-act-s242", on="2010-01-01")
    )


def test_a_contract_read_through_a_trust_is_not_the_trust_s() -> None:
    reg = registry()
    eds = reg.get("contract-eds").source_of()
    assert _citing.described(eds) == (
        "NHS Standard Contract, SC13.5 (read through Leeds Teaching Hospitals NHS Trust, "
        "Equality Delivery System (EDS) <https://www.leedsth.nhs.uk/about/trust/"
        "equality-diversity/equality-delivery-system-eds/>)"
    )
    assert _citing.citation_cell(eds) == "NHS Standard Contract, SC13.5"
    tests = reg.get("service-change-tests", on="2011-01-01").source_of()
    # The framework is the Department of Health's, at no address of its own: the
    # Lexology summary it was also read through is no longer shown as its address.
    assert _citing.described(tests) == (
        "The Revised Operating Framework for the NHS in England 2010/11 (Department of "
        "Health, 21 June 2010) (read through Oxfordshire Clinical Commissioning Group, "
        "Patient and Public Engagement Strategy 2015-2019 (consultation draft) (2015), "
        "Appendix 1)"
    )
    framework = reg.get("service-change-tests", on="2011-01-01")
    assert framework.publisher == "Department of Health"
    assert "lexology" not in _citing.described(tests)


def test_guidance_that_is_its_own_document_keeps_its_publisher() -> None:
    duty = registry().get("guidance-working-in-partnership-2022")
    assert _citing.described(duty.source_of()) == (
        "NHS England, Working in partnership with people and communities: statutory "
        "guidance <https://www.england.nhs.uk/long-read/"
        "working-in-partnership-with-people-and-communities-statutory-guidance/>"
    )


def test_every_rule_in_the_registry_names_only_who_made_it_first() -> None:
    """A source line opens with its publisher only where the publisher made the rule:
    Parliament or the Government for law, else the publisher of the document the duty
    cites; any other line names the rule first and whom it was read through."""
    for duty in registry():
        for requirement in (None, *duty.requirements):
            source = duty.source_of(requirement)
            line = _citing.described(source)
            own = duty.force.binding or (
                duty.rule_source is None and duty.citation.url == duty.source.url
            )
            if requirement is not None and requirement.read_through is not None:
                page = requirement.read_through.publisher
                assert f"(read through {page}, " in line, (duty.id, line)
                assert not line.startswith(f"{page}, "), (duty.id, line)
            elif own:
                assert line.startswith(f"{source.publisher}, "), (duty.id, line)
            else:
                assert f"(read through {duty.source.publisher}" in line, (duty.id, line)
                assert not line.startswith(f"{duty.source.publisher}, "), (duty.id, line)
            if source.url is not None:
                assert f"<{source.url}>" in line


def test_a_finding_on_its_own_reads_the_same() -> None:
    report = Checklist.for_body("pct", on="2010-01-01").assess([], as_of="2010-01-01")
    finding = report.finding("guidance-real-involvement-2008/open")
    assert render.markdown(finding).splitlines()[1] == (
        f"{_REAL_INVOLVEMENT} (read through Lexology, Real involvement: new statutory "
        f"guidance on the duty to involve <{_LEXOLOGY}>)"
    )
    assert f"{_REAL_INVOLVEMENT} (read through Lexology, Real involvement:" in (
        render.html(finding)
    )
    assert render.text(report.finding("nhs-act-s242/a")).splitlines()[1] == (
        "    UK Parliament, National Health Service Act 2006, s242(1B)(a)"
    )


# --- The bed-closure test, read through Landmark Chambers --------------------------------


def test_the_bed_closure_test_says_it_was_read_through_landmark_chambers() -> None:
    """NHS England's test, at no address of its own: the address is Landmark Chambers'
    page, which the line names as what it was read through."""
    for on in ("2018-01-01", "2023-01-01"):
        duty = registry().get("service-change-tests", on=on)
        requirement = duty.requirement("5-bed-closures")
        source = duty.source_of(requirement)
        assert (source.publisher, source.title, source.url, source.note, source.force) == (
            "Landmark Chambers",
            "New bed closure test: a potentially powerful tool",
            _LANDMARK,
            "cites NHS England bed-closure test (announced 3 March 2017)",
            LegalForce.NATIONAL_POLICY,
        )
        assert _citing.described(source) == _BED_TEST
        assert _citing.citation_cell(source) == (
            "NHS England bed-closure test (announced 3 March 2017)"
        )
        # The four tests beside it are NHS England's own document's.
        assert _citing.described(duty.source_of(duty.requirement("2-engagement"))) == (
            "NHS England, Four tests for service change (Revised Operating Framework "
            "2010/11), NHS England assurance <https://www.england.nhs.uk/publication/"
            "planning-assuring-and-delivering-service-change-for-patients/>"
        )


def test_a_report_shows_the_bed_closure_test_as_read_through_and_still_unverified() -> None:
    report = Checklist.for_body("icb", on="2023-01-01").assess([], as_of="2023-01-01")
    lines = render.text(report).splitlines()
    at = lines.index(
        "NOT FOLLOWED: departure from national policy service-change-tests/5-bed-closures "
        "[unverified]"
    )
    assert lines[at + 7 : at + 11] == [
        (
            "    NHS England bed-closure test (announced 3 March 2017) (read through Landmark "
            "Chambers, New bed"
        ),
        "        closure test: a potentially powerful tool (2017)",
        f"        <{_LANDMARK}>)",
        "        [national policy]",
    ]
    assert "NHS England, NHS England bed-closure test" not in render.text(report)
    row = (
        "| not followed: departure from national policy | service-change-tests/5-bed-closures "
        "(unverified) | NHS England bed-closure test (announced 3 March 2017) | national "
        "policy | none |"
    )
    assert row in render.markdown(report)
    finding = report.finding("service-change-tests/5-bed-closures")
    assert render.markdown(finding).splitlines()[1] == _BED_TEST


def test_a_read_through_page_is_only_for_a_rule_that_is_not_law_with_its_own_citation() -> None:
    s14z45 = registry().get("nhs-act-s14z45")
    page = Source(title="Briefing", publisher="A law firm", url="https://example.org/b")
    limb = attrs.evolve(s14z45.requirement("a"), read_through=page)
    message = (
        "Duty('nhs-act-s14z45').requirements['a'].read_through: 'A law firm, Briefing "
        "<https://example.org/b>' is not allowed: law (statute) is cited as itself: give none"
    )
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}"):
        attrs.evolve(s14z45, requirements=(limb,))
    tests = registry().get("service-change-tests", on="2023-01-01")
    uncited = Requirement(key="x", text="Something.", read_through=page)
    message = (
        "Duty('service-change-tests').requirements['x'].read_through: 'A law firm, Briefing "
        "<https://example.org/b>' is not allowed: name the rule read through it: give the "
        "requirement a citation"
    )
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}"):
        attrs.evolve(tests, requirements=(uncited,))
    message = (
        "Duty('nhs-act-s14z45').rule_source: 'A law firm, Briefing <https://example.org/b>' "
        "is not allowed: law (statute) is cited as itself: give no rule_source"
    )
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}"):
        attrs.evolve(s14z45, rule_source=page)


# --- A body's own practice recorded beside a statutory duty --------------------------------


_LOCAL = b"""
[[duty]]
id = "icb-involvement"
title = "Involvement, with our own forum"
summary = "The ICB's involvement duty, with its promise of a quarterly forum."
force = "statute"
citation = { instrument = "National Health Service Act 2006", section = "14Z45", url = "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45" }
bodies = ["icb"]
in_force_from = 2022-07-01
verified = true
reviewed_on = 2024-01-15
source = { title = "Involvement strategy", publisher = "NHS Example ICB", date = "2023" }
[[duty.requirements]]
key = "a"
text = "Involve the public in the planning of commissioning arrangements."
citation = { instrument = "National Health Service Act 2006", section = "14Z45", subsection = "(2)(a)" }
[[duty.requirements]]
key = "forum"
text = "Hold a public forum each quarter."
force = "local-practice"
"""

_ACT = "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45"


def test_a_local_promise_beside_the_act_is_the_body_s_serving_the_section() -> None:
    """NHS Example ICB's forum is its own promise, cited to the section it serves; it
    read "NHS Example ICB, National Health Service Act 2006, s14Z45", as if the ICB had
    published the Act."""
    import io

    from engagekit.duties import load_duties

    duty = load_duties(io.BytesIO(_LOCAL)).get("icb-involvement")
    forum = duty.source_of(duty.requirement("forum"))
    assert (forum.publisher, forum.title, forum.note, forum.force) == (
        "NHS Example ICB",
        "Involvement strategy",
        f"serving National Health Service Act 2006, s14Z45 <{_ACT}>",
        LegalForce.LOCAL_PRACTICE,
    )
    assert _citing.described(forum) == (
        "NHS Example ICB's own practice (Involvement strategy (2023)), serving National "
        f"Health Service Act 2006, s14Z45 <{_ACT}>"
    )
    assert _citing.citation_cell(forum) == "serving National Health Service Act 2006, s14Z45"
    # The Act beside it is still Parliament's.
    assert _citing.described(duty.source_of(duty.requirement("a"))) == (
        f"UK Parliament, National Health Service Act 2006, s14Z45(2)(a) <{_ACT}>"
    )
    checklist = Checklist(
        body="icb",
        on=dt.date(2024, 6, 30),
        items=[ChecklistItem(duty=duty, requirement=duty.requirement("forum"))],
    )
    assert render.text(checklist).splitlines()[2:] == [
        "[ ] icb-involvement/forum",
        "      Hold a public forum each quarter. (serving National Health Service Act 2006,",
        "      s14Z45; local practice)",
    ]
    report = checklist.assess([], as_of="2024-06-30")
    lines = render.text(report).splitlines()
    at = lines.index("NOT FOLLOWED: departure from local practice icb-involvement/forum")
    assert lines[at + 1 : at + 5] == [
        "    Hold a public forum each quarter.",
        (
            "    NHS Example ICB's own practice (Involvement strategy (2023)), serving "
            "National Health Service"
        ),
        f"        Act 2006, s14Z45 <{_ACT}> [local",
        "        practice]",
    ]
    assert "NHS Example ICB, National Health Service Act" not in render.text(report)
    assert (
        "| serving National Health Service Act 2006, s14Z45 | local practice |"
        in render.markdown(report)
    )


def test_law_recorded_beside_a_rule_that_is_not_law_is_parliament_s() -> None:
    s14z45 = Citation(instrument="National Health Service Act 2006", section="14Z45")
    involve = Requirement(
        key="involve", text="Involve the public.", force="statute", citation=s14z45
    )
    charter = Duty(
        id="charter",
        title="Charter",
        summary="Our charter.",
        force="local-practice",
        citation=Citation(instrument="Example ICB constitution"),
        bodies=["icb"],
        in_force_from=dt.date(2023, 4, 1),
        verified=True,
        reviewed_on=dt.date(2024, 1, 15),
        source=Source(title="Constitution", publisher="NHS Example ICB"),
        requirements=[involve],
    )
    source = charter.source_of(involve)
    assert str(source) == "UK Parliament, National Health Service Act 2006, s14Z45"
    checklist = Checklist(
        body="icb",
        on=dt.date(2024, 6, 30),
        items=[ChecklistItem(duty=charter, requirement=involve)],
    )
    assert render.text(checklist).splitlines()[3] == (
        "      Involve the public. (National Health Service Act 2006, s14Z45; statute)"
    )


def test_a_duty_read_through_a_page_names_its_own_document_first_in_its_views() -> None:
    duty = registry().get("guidance-real-involvement-2008")
    assert render.text(duty).splitlines()[-4:] == [
        (
            "    source: Department of Health, Real Involvement: Working with People to "
            "Improve Health Services"
        ),
        (
            "        (read through Lexology, Real involvement: new statutory guidance on the "
            "duty to involve"
        ),
        f"        <{_LEXOLOGY}>);",
        "        reviewed 2026-11-22",
    ]
    assert (
        "<p><small>Source: Department of Health, Real Involvement: Working with People to "
        "Improve Health Services (read through Lexology, Real involvement: new statutory "
        "guidance on the duty to involve &lt;<a href="
    ) in render.html(duty)
    # A duty without a rule_source shows its record's source as it is.
    s14z45 = registry().get("nhs-act-s14z45")
    lines = render.text(s14z45).splitlines()
    assert lines[-3] == "    source: Improving Lives North West, What is engagement?"
