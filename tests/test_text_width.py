"""Plain text fits a terminal 100 columns wide.

`str()` and `render.text` are what a terminal and the command line show. Lines of
prose are wrapped at 100 columns at spaces, continuing indented under their start; a
word, a hyphenated word or a web address is never split, so only an address longer
than a line may run past.
"""

from __future__ import annotations

import re

from engagekit import ENGAGEMENT_CYCLE, evaluate, examples, render
from engagekit._display import _shown_rows, _text_table
from engagekit.cycles import commissioning_cycles
from engagekit.decisions import Rules, rule, rules
from engagekit.duties import Checklist, duties_for, registry
from engagekit.plans import annual_engagement_report
from engagekit.techniques import Matches, select


WIDTH = 100


def _too_wide(text: str) -> list[str]:
    """The lines wider than a terminal, but for a line that is one address."""
    return [
        line
        for line in text.splitlines()
        if len(line) > WIDTH and not re.fullmatch(r"\s*<?https?://\S+>?", line)
    ]


def test_the_engagement_cycle_wraps_its_things_to_think_about_and_its_flows() -> None:
    lines = render.text(ENGAGEMENT_CYCLE).splitlines()
    assert lines[12:15] == [
        (
            "    Things to think about: Use what you know and bring it all together; Go beyond what"
            " you know;"
        ),
        (
            "      Include people from all walks of life and parts of society; Use the right method"
            " for the"
        ),
        "      purpose",
    ]
    assert lines[-11:] == [
        "The flow can also run the other way:",
        (
            "  stage 3 -> stage 2: Engaging patients in the redesign of pathways can reveal potential"
            " changes to"
        ),
        "    services for planning: the flow of the cycle runs anti-clockwise.",
        (
            "  stage 5 -> stage 3: Monitoring data feed improvement activities. The source calls"
            " improvement"
        ),
        (
            "    'stage two of the Cycle'; its own titles make improvement stage three, which is used"
            " here."
        ),
        (
            "  stage 5 -> stage 1: Patient experience data gathered for monitoring should be available"
            " to others,"
        ),
        "    for example for needs assessments.",
        (
            "  stage 5 -> stage 2: Patient experience data gathered for monitoring should be available"
            " to others,"
        ),
        "    for example for priority setting.",
        (
            "Source: NHS Sutton Clinical Commissioning Group, Patient and Public Engagement Strategy"
            " (2018),"
        ),
        "    Appendix Two: Introduction to the engagement cycle",
    ]
    assert _too_wide(render.text(ENGAGEMENT_CYCLE)) == []


def test_a_stage_wraps_alone_as_in_the_cycle() -> None:
    assert render.text(ENGAGEMENT_CYCLE[3]).splitlines()[-2:] == [
        (
            "    Things to think about: Bring existing sources of data together; Go beyond traditional"
            " methods;"
        ),
        "      Plan how the work will be sustained",
    ]


def test_commissioning_cycles_wrap_their_stages_and_keep_addresses_whole() -> None:
    cycle = commissioning_cycles()["nhs-england"]
    assert render.text(cycle).splitlines()[2:] == [
        (
            "1. Assess needs (engagement stage 1; giving information, getting information, forums"
            " for debate,"
        ),
        "    participation)",
        (
            "2. Plan services (engagement stage 2; giving information, getting information, forums"
            " for debate,"
        ),
        "    participation)",
        (
            "3. Procure services (engagement stages 3, 4; giving information, getting information,"
            " forums for"
        ),
        "    debate, participation)",
        (
            "4. Monitor quality (engagement stage 5; giving information, getting information, forums"
            " for debate,"
        ),
        "    participation)",
        "Source: The King's Fund, What is commissioning and how is it changing?",
        "    <https://www.kingsfund.org.uk/publications/what-commissioning-and-how-it-changing>",
    ]
    for each in commissioning_cycles().values():
        assert _too_wide(render.text(each)) == []


def test_an_action_plan_wraps_each_action_under_its_text() -> None:
    """Somerset's action 1.2a was one line of 241 characters; it continues under its text."""
    lines = render.text(examples.somerset_action_plan()).splitlines()
    at = lines.index(
        "1.2. Undertake activities to engage CCG’s with the community and to involve community"
        " reps in the"
    )
    assert lines[at : at + 5] == [
        (
            "1.2. Undertake activities to engage CCG’s with the community and to involve community"
            " reps in the"
        ),
        "     commissioning process",
        (
            "    1.2a  To provide a range of fora where CCG’s can promote public engagement and"
            " encourage their"
        ),
        (
            "          views such as: Health Forums; Health focussed events (World Mental Health Day);"
            " Single"
        ),
        "          interest groups (ie Stroke Association, Youth groups)",
    ]
    for plan in (examples.somerset_action_plan(), examples.oxfordshire_delivery_plan()):
        assert _too_wide(render.text(plan)) == []
        for action in plan.all_actions():
            assert _too_wide(render.text(action)) == []


def test_the_annual_report_says_which_actions_are_completed_and_which_overdue() -> None:
    """The text listed the completed and the overdue actions alike ("- 2.1a", "- 1.2c"):
    the first column's header, which says which they are, was left out."""
    report = annual_engagement_report(2011, examples.somerset_engagement_record())
    lines = render.text(report).splitlines()
    at = lines.index("Actions")
    assert lines[at + 3 : at + 13] == [
        (
            "Legal force: local practice (NHS Somerset and Somerset CCG's own action plan), not law:"
            " an overdue"
        ),
        "action is a departure from the body's own plan, not a breach.",
        "",
        "- Completed: 2.1a",
        "    Action: Test groups approve a strategy that is adopted by the Board",
        "    On: 2011-12-05",
        "",
        "- Overdue: 1.2c",
        "    Action: Hold Bi-annual congress or Forums",
        "    Target: Dec 2011",
    ]
    assert _too_wide(render.text(report)) == []


def test_a_long_heading_is_wrapped_and_underlined_as_wide_as_it_is() -> None:
    report = annual_engagement_report(2011, examples.somerset_engagement_record())
    lines = render.text(report).splitlines()
    at = lines.index(
        "The development and consideration of proposals for changes which, if implemented, would"
        " have an"
    )
    assert lines[at + 1 : at + 3] == ["impact on services", "~" * 95]


def test_responsibilities_continue_indented() -> None:
    assert render.text(examples.sutton_responsibilities()).splitlines()[1:3] == [
        (
            "commissioning-decisions: All staff (responsible); Chief Operating Officer (accountable);"
            " Service"
        ),
        "    Leads and Commissioners (responsible); NEL Commissioning Support Unit (supports)",
    ]


def test_a_verdict_wraps_each_reason_under_its_start() -> None:
    """Somerset's rheumatology verdict ran lines of up to 247 characters."""
    shown = render.text(evaluate(examples.somerset_rheumatology_decision()))
    lines = shown.splitlines()
    assert lines[:2] == [
        (
            "Rheumatology pathway: see possible inflammatory arthritis within six weeks (NHS Somerset"
            " Flexible"
        ),
        "    Healthcare programme, 2010-12-31)",
    ]
    at = lines.index(
        "  ? Due regard to race equality: no equality impact assessment on record: Race"
        " Relations Act 1976"
    )
    assert lines[at + 1 : at + 7] == [
        (
            "      s71(1) requires due regard to equality, not an equality impact assessment; the"
            " policy asks for"
        ),
        "      one as the record of that regard [3]",
        "      force: law: statute; no evidence yet that the law is met",
        (
            "      note: The start, 2 April 2001 (S.I. 2001/566, art 2(1)), is legislation.gov.uk's"
            " annotation as"
        ),
        "          the legalize-uk copy of the Statute Law Database text reproduces it, not seen on",
        "          legislation.gov.uk itself, and is not verified.",
    ]
    assert lines[-3:] == [
        (
            "  [5] legislation.gov.uk, Equality Act 2006, section 84 (general duty to promote"
            " equality), s84 (Sex"
        ),
        "      Discrimination Act 1975 s76A(1))",
        "      <https://www.legislation.gov.uk/ukpga/2006/3/section/84/enacted>",
    ]
    assert _too_wide(shown) == []
    for decision in (
        examples.somerset_patient_transport_decision(),
        examples.unproportionate_service_change(),
    ):
        verdict = evaluate(decision)
        assert _too_wide(render.text(verdict)) == []
        assert _too_wide(render.text(verdict.requirement)) == []


def test_a_network_wraps_its_tiers_and_source() -> None:
    """Sutton's place tier and its source ran to 143 and 129 characters."""
    assert render.text(examples.sutton()).splitlines() == [
        "Sutton CCG patient voice",
        "========================",
        (
            "Place, county or CCG: 5 (1 Healthwatch / LINk, 1 committee, 1 governing body or board,"
            " 1 health and"
        ),
        "    wellbeing board, 1 patient reference group)",
        "Federation or locality: 3 (3 localities)",
        "Practice: 50 (25 practices, 25 patient participation groups)",
        "Top: Sutton CCG Governing Body",
        "50 bodies are placeholders: the source gives a count, not names",
        (
            "Source: NHS Sutton Clinical Commissioning Group, Patient and Public Engagement Strategy"
            " (2018), 3.4"
        ),
        "    Infrastructure for engagement",
    ]
    for network in (examples.somerset(), examples.oxfordshire(), examples.sutton_feedback_flow()):
        assert _too_wide(render.text(network)) == []


def test_the_duty_registry_continues_under_the_citation() -> None:
    """A duty's title ran past the edge (149 characters); it now continues under itself."""
    lines = render.text(registry()).splitlines()
    at = lines.index(
        "2003-01-01 to 2013-03-31   S.I. 2002/3048, reg 4 (PCT, SHA, trust) [unverified]"
    )
    assert lines[at + 1 : at + 3] == [
        (
            "                           Consult the overview and scrutiny committee on substantial"
            " development or"
        ),
        "                           variation (2003 to 2013) [regulations]",
    ]
    assert _too_wide(render.text(registry())) == []


def test_duties_in_force_and_a_compliance_report_fit() -> None:
    found = duties_for("ccg", "2018-06-01")
    lines = render.text(found).splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("  guidance-participation-2017"))
    assert lines[at : at + 5] == [
        (
            "  guidance-participation-2017                Patient and public participation in"
            " commissioning"
        ),
        (
            "                                             health and care: statutory guidance for"
            " CCGs and NHS"
        ),
        "                                             England",
        (
            "      Have regard to the 2017 statutory guidance on participation (ten actions) (in force"
            " 2017-04-06"
        ),
        "        to 2022-06-30)",
    ]
    assert _too_wide(render.text(found)) == []
    report = Checklist.for_body("icb", on="2023-06-01").assess([], as_of="2023-06-01")
    lines = render.text(report).splitlines()
    assert lines[3:5] == [
        (
            "Breaches of law: 12; gaps against guidance, contract, policy or local practice (not"
            " breaches of"
        ),
        "    law): 16",
    ]
    assert [line for line in _too_wide(render.text(report)) if "https://" not in line] == []


def test_a_consultation_loop_lists_its_themes_within_100_columns() -> None:
    """A consultation loop's table was 219 characters wide, then 117: its "we did"
    answers wrap in their column, but a decision's id cannot. Like the response
    report's "You said, we did", it lists each theme with its cells labelled, each id
    whole on its line."""
    loop = examples.oxfordshire_synthetic_loop()
    shown = render.text(loop)
    assert shown == str(loop) == render.text(loop.status())
    assert _too_wide(shown) == []
    assert max(len(line) for line in shown.splitlines()) <= WIDTH
    assert shown.splitlines()[:10] == [
        "- theme: Tell people what happened to their views",
        "    respondents: 13",
        (
            "    we did: A response report after every consultation, published on Talking Health"
            " and sent to"
        ),
        "        respondents [synthetic, for the tutorial]",
        "    change: planned",
        "    decisions: occg-strategy-approval",
        "    actions: 7.15",
        "- theme: Reach more people online",
        "    respondents: 11",
        "    change: none",
    ]
    # Every theme, answer, decision and action of the loop is there, ids unbroken.
    for status in loop.status():
        assert f"- theme: {status.theme.title}\n" in shown
        for decision in status.decisions:
            assert f"    decisions: {decision}\n" in shown
        for action in status.actions:
            assert f"    actions: {action}" in shown
    report = examples.oxfordshire_synthetic_report()
    assert report.loop is not None
    assert _too_wide(render.text(report.loop)) == []


def test_a_short_list_of_themes_stays_a_table() -> None:
    loop = examples.oxfordshire_synthetic_loop()
    assert render.text(loop.unanswered(min_respondents=10)).splitlines() == [
        "theme                     respondents  we did  change  decisions  actions",
        "Reach more people online  11                   none",
    ]


def test_a_text_table_keeps_its_words_whole() -> None:
    """A column is never narrowed below its longest word: the id
    "twenty-first-century-town-meeting" pushed its row out of line when it was. (The
    matches are listed as entries now, but other tables are laid out so.)"""
    matches = select(level="collaborate", participants=1000)
    lines = _text_table(matches.columns, _shown_rows(matches)).splitlines()
    assert lines[:4] == [
        (
            "technique                       id                                 method         score"
            "  reasons"
        ),
        (
            "21st century town meeting       twenty-first-century-town-meeting  Participation  2    "
            "  serves the Collaborate level;"
        ),
        (
            "                                                                                      "
            "   the source gives between 500"
        ),
        (
            "                                                                                      "
            "   and 5,000 people; 1000 fits"
        ),
    ]


def _entries(shown: str) -> dict[str, str]:
    """Each entry of a text listing by its first line, its lines joined by spaces."""
    found: dict[str, str] = {}
    for block in re.split(r"\n(?=- )", shown):
        first, *rest = block.splitlines()
        found[first] = " ".join(line.strip() for line in [first, *rest])
    return found


def test_selected_techniques_are_listed_as_entries_within_100_columns() -> None:
    """The table of matches was 118 columns wide: a technique's id cannot wrap, and its
    reasons could not be narrowed further. Each match is an entry, its id whole."""
    matches = select(level="collaborate", participants=1000)
    shown = render.text(matches)
    assert shown == str(matches)
    assert max(len(line) for line in shown.splitlines()) == 99
    assert shown.splitlines()[:10] == [
        "- technique: 21st century town meeting",
        "    id: twenty-first-century-town-meeting",
        "    method: Participation",
        "    score: 2",
        (
            "    reasons: serves the Collaborate level; the source gives between 500 and 5,000"
            " people; 1000 fits"
        ),
        "- technique: Citizens' Juries",
        "    id: citizens-jury",
        "    method: Participation",
        "    score: 1",
        "    reasons: serves the Collaborate level; the source gives no participant numbers",
    ]
    # Every match is there with all its cells, in order, its id unbroken on its line.
    entries = _entries(shown)
    assert len(entries) == len(matches) == 24
    for match, (first, entry) in zip(matches, entries.items(), strict=True):
        t = match.technique
        assert first == f"- technique: {t.name}"
        assert f"\n    id: {t.id}\n" in shown
        assert entry == (
            f"- technique: {t.name} id: {t.id} method: {t.method.label} score: {match.score}"
            f" reasons: {'; '.join(match.reasons)}"
        )


def test_the_rules_are_listed_as_entries_with_their_addresses_whole() -> None:
    """The table of every decision rule was 177 columns wide: a rule's id cannot wrap,
    and its source's address is one word. Each rule is an entry; an address too long
    for the rest of its line starts the next, whole."""
    shown = render.text(rules())
    assert shown == str(rules())
    assert _too_wide(shown) == []
    lines = shown.splitlines()
    assert max(len(line) for line in lines if "://" not in line) == 100
    assert lines[:6] == [
        "- id: triangle.acceptable",
        "    title: Acceptable to patients, staff and the public",
        "    force: local practice",
        (
            "    source: NHS Somerset and Somerset Clinical Commissioning Group, Strategy for Patient"
            " and Public"
        ),
        (
            "        Engagement for NHS Somerset and the Somerset Clinical Commissioning Group, 2012"
            " onwards"
        ),
        "        (2012), Figure 2, The decision making triangle",
    ]
    at = lines.index("- id: scrutiny.substantial-variation-2002")
    assert lines[at : at + 8] == [
        "- id: scrutiny.substantial-variation-2002",
        (
            "    title: Consult the overview and scrutiny committee on a substantial development or"
            " variation"
        ),
        "    force: regulations",
        (
            "    source: legislation.gov.uk, The Local Authority (Overview and Scrutiny Committees"
            " Health"
        ),
        (
            "        Scrutiny Functions) Regulations 2002 (S.I. 2002/3048), regulation 4 (2002-12-11),"
            " Regulation"
        ),
        "        4 <https://www.legislation.gov.uk/uksi/2002/3048/regulation/4/made>",
        "    applies from: 2003-01-01",
        "    applies to: 2013-03-31",
    ]
    at = lines.index("- id: test.bed-closures")
    assert lines[at + 3 : at + 6] == [
        "    source: Landmark Chambers, New bed closure test: a potentially powerful tool (2017)",
        (
            "        <https://www.landmarkchambers.co.uk/resource-post/new-bed-closure-test-a-potentially"
            "-powerful-tool/>"
        ),
        "    applies from: 2017-04-01",
    ]
    # Every rule is there with all its cells, in order, its id whole on its line.
    entries = _entries(shown)
    assert len(entries) == len(rules()) == 34
    for each, (first, entry) in zip(rules(), entries.items(), strict=True):
        assert first == f"- id: {each.id}"
        cells = [
            ("title", each.title),
            ("force", each.force.label if each.force is not None else None),
            ("source", str(each.source)),
            ("applies from", each.applies_from),
            ("applies to", each.applies_to),
        ]
        labelled = "".join(f" {label}: {cell}" for label, cell in cells if cell is not None)
        assert entry == f"- id: {each.id}{labelled}"


def test_matches_that_fit_stay_a_table() -> None:
    """Only matches too wide for a terminal are listed as entries."""
    blogs = Matches(m for m in select(method="Forums for debate") if m.technique.id == "blogs")
    assert render.text(blogs).splitlines() == [
        "technique  id     method             score  reasons",
        "Blogs      blogs  Forums for debate  1      is a 'forums for debate' method",
    ]
    assert render.text(Matches()) == "technique  id  method  score  reasons"
    # A rule's source, cited in full, is wider than any column: one rule is an entry.
    assert render.text(Rules([rule("limb.planning")])).splitlines()[0] == "- id: limb.planning"


def test_a_text_table_that_fits_is_left_as_it_was() -> None:
    assert render.text(examples.somerset().summary()).splitlines()[:2] == [
        "tier                    kind                         bodies  for example",
        "Place, county or CCG    Governing body or board      1       Somerset CCG Board",
    ]


def test_a_reason_and_a_representation_report_wrap_on_their_own() -> None:
    """A verdict wrapped its reasons, but a reason shown alone ran to 263 columns,
    and a representation report's first line to 186."""
    verdict = evaluate(examples.somerset_rheumatology_decision())
    for reason in verdict.reasons:
        assert _too_wide(render.text(reason)) == []
    race = next(r for r in verdict.reasons if r.rule == "equality.race-2001")
    assert render.text(race).splitlines()[:3] == [
        (
            "[insufficient evidence] Due regard to race equality: no equality impact assessment"
            " on record: Race"
        ),
        (
            "    Relations Act 1976 s71(1) requires due regard to equality, not an equality impact"
            " assessment;"
        ),
        "    the policy asks for one as the record of that regard",
    ]
    report = examples.oxfordshire_synthetic_report().representation
    assert report is not None
    assert _too_wide(render.text(report)) == []
    assert render.text(report).splitlines()[:2] == [
        (
            "Representation: insufficient evidence (* suppressed: fewer than 5, or a figure that"
            " would reveal"
        ),
        (
            "    such a count; under-represented when the whole 95% interval of the difference is"
            " below 0)"
        ),
    ]
