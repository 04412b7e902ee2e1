"""A rule that is not law says what its source is: the document it was read through
and the power it was issued under, or the document it cites, never a publisher that
did not make it (Real Involvement's findings read "Lexology, National Health Service
Act 2006, s242(1G)", as if Lexology had published the Act)."""

from __future__ import annotations

from engagekit import render
from engagekit.duties import Checklist, _citing, registry


_LEXOLOGY = "https://www.lexology.com/library/detail.aspx?g=4645e357-4ac0-4d39-86bc-add17d1b7c6a"


def test_statutory_guidance_reads_as_the_document_issued_under_the_act() -> None:
    duty = registry().get("guidance-real-involvement-2008")
    source = duty.source_of(duty.requirement("open"))
    assert (source.title, source.publisher, source.url, source.section, source.note) == (
        "Real involvement: new statutory guidance on the duty to involve",
        "Lexology",
        _LEXOLOGY,
        None,
        "issued under National Health Service Act 2006, s242(1G)",
    )
    assert _citing.described(source) == (
        "Real involvement: new statutory guidance on the duty to involve (read through "
        "Lexology), issued under National Health Service Act 2006, s242(1G) "
        f"<{_LEXOLOGY}>"
    )
    assert _citing.citation_cell(source) == (
        "issued under National Health Service Act 2006, s242(1G)"
    )


def test_a_compliance_report_shows_the_guidance_and_its_power_in_every_view() -> None:
    report = Checklist.for_body("pct", on="2010-01-01").assess([], as_of="2010-01-01")
    lines = render.text(report).splitlines()
    at = lines.index(
        "NOT FOLLOWED: departure needs recorded reasons guidance-real-involvement-2008/open"
    )
    assert lines[at + 1 : at + 6] == [
        "    Make involvement open.",
        (
            "    Real involvement: new statutory guidance on the duty to involve (read through "
            "Lexology), issued"
        ),
        "        under National Health Service Act 2006, s242(1G)",
        f"        <{_LEXOLOGY}>",
        "        [statutory guidance (have regard)]",
    ]
    assert "Lexology, National Health Service Act 2006" not in render.text(report)
    row = (
        "| not followed: departure needs recorded reasons | guidance-real-involvement-2008/open "
        "| issued under National Health Service Act 2006, s242(1G) | statutory guidance "
        "(have regard) | none |"
    )
    assert row in render.markdown(report)
    assert (
        'vertical-align:top">issued under National Health Service Act 2006, s242(1G)</td>'
        in render.html(report)
    )
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
    assert _citing.described(tests) == (
        "The Revised Operating Framework for the NHS in England 2010/11 (Department of "
        "Health, 21 June 2010) <https://www.lexology.com/library/detail.aspx?"
        "g=41603c8c-4bac-4a9e-8ed7-89ad22b4be0d> (read through Oxfordshire Clinical "
        "Commissioning Group, Patient and Public Engagement Strategy 2015-2019 "
        "(consultation draft) (2015), Appendix 1)"
    )


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
            own = duty.force.binding or duty.citation.url == duty.source.url
            if own:
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
        "Real involvement: new statutory guidance on the duty to involve (read through "
        "Lexology), issued under National Health Service Act 2006, s242(1G) "
        f"<{_LEXOLOGY}>"
    )
    assert "(read through Lexology), issued under National Health Service Act 2006" in (
        render.html(finding)
    )
    assert render.text(report.finding("nhs-act-s242/a")).splitlines()[1] == (
        "    UK Parliament, National Health Service Act 2006, s242(1B)(a)"
    )
