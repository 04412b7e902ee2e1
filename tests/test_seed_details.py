"""Records checked line by line against the seed documents (issue 10, "Seed details").

Each test quotes the seed text it checks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from engagekit import ENGAGEMENT_CYCLE, examples
from engagekit.cycles import EngagementStage, InvolvementLevel
from engagekit.errors import DocumentError, InvalidValueError
from engagekit.plans import Action, Recurrence, TargetDate, plan_from_dict


D = dt.date


class TestEngagementCycleStageFive:
    def test_stage_five_gives_no_benefits(self) -> None:
        """Sutton Appendix Two: "STAGE FIVE: Working with patients and carers to monitor
        services" goes straight to "Contracts with providers should have specified" and
        "Things to think about"; unlike stages one to four it has no "If this stage is
        done well" list."""
        assert ENGAGEMENT_CYCLE[EngagementStage.MONITOR].benefits == ()
        assert all(ENGAGEMENT_CYCLE[n].benefits for n in (1, 2, 3, 4))

    def test_stage_five_renders_without_a_benefits_line(self) -> None:
        """With no benefits, the stage's text does not claim any."""
        assert "done well" not in str(ENGAGEMENT_CYCLE[5])
        assert "done well" not in ENGAGEMENT_CYCLE[5]._repr_html_()
        assert "done well" in ENGAGEMENT_CYCLE[4]._repr_html_()


class TestSomersetActionPlan:
    def test_row_6_3_timings_are_its_target_not_evidence(self) -> None:
        """Row 6.3: "Quarterly At Advisory group meetings / Annually at Board level /
        Other occasions as req'd" is the Target Date column."""
        action = examples.somerset_action_plan().action("6.3a")
        assert action.evidence == ()
        assert [type(t) for t in action.targets] == [Recurrence, Recurrence]
        assert [t.text for t in action.targets] == ["Quarterly", "Annually"]
        assert "Other occasions as req’d" in action.notes[0]

    def test_rows_4_2_to_4_4_have_no_action(self) -> None:
        """Rows "4.2  That all involved in commissioning should have a role profile",
        "4.3  Adoption of lay-user policies" and "4.4  Designated professional support"
        fill the Objective column only; 4.4 gives evidence ("Adoption of current
        induction/training processes")."""
        plan = examples.somerset_action_plan()
        assert plan.objective("4.2").actions == ()
        assert plan.objective("4.3").actions == ()
        (row,) = plan.objective("4.4").actions
        assert row.description is None
        assert row.text == "(no action given)"
        assert row.evidence[0] == "Adoption of current induction/training processes"
        assert all(a.description != o.title for o in plan.all_objectives() for a in o.actions)

    def test_row_1_2_congress_is_one_action_with_two_dates(self) -> None:
        """Row 1.2: "Hold Bi-annual congress or Forums | Dec 2011 | Sept 2012"."""
        plan = examples.somerset_action_plan()
        congress = [a for a in plan.all_actions() if a.text == "Hold Bi-annual congress or Forums"]
        assert [a.id for a in congress] == ["1.2c"]
        assert [t.text for t in congress[0].targets] == ["Dec 2011", "Sept 2012"]
        assert [a.id for a in plan.due_between("2012-09-01", "2012-09-30")] == ["1.2c"]

    def test_the_sources_statuses_are_statuses(self) -> None:
        """2.1: "Original task complete."; 5.2: "First report published July 2012";
        6.1: "achieved"."""
        plan = examples.somerset_action_plan()
        assert plan.action("2.1a").status("2012-01-15").done
        assert "2.1a" not in [a.id for a in plan.overdue("2012-01-15")]
        report = plan.action("5.2a").latest("2012-08-01")
        assert report is not None
        assert report.note == "First report published July 2012"
        assert "5.2a" in [a.id for a in plan.overdue("2012-06-01")]
        assert "5.2a" not in [a.id for a in plan.overdue("2012-08-01")]
        assert plan.action("6.1a").status("2012-08-01").done
        assert plan.progress("2011-12-01") == 0
        assert (plan.progress("2012-08-01") or 0) > (plan.progress("2012-01-01") or 0) > 0

    def test_more_targets_need_a_first_target(self) -> None:
        """`more_targets` follow `target`; alone they are refused."""
        with pytest.raises(InvalidValueError, match="give the first target as `target`"):
            Action(id="1a", description="Congress", more_targets=[TargetDate.parse("Sept 2012")])

    def test_an_unreadable_further_target_is_reported_with_its_path(self) -> None:
        """A plan document's `more_targets` are read like `target`, with their key path."""
        with pytest.raises(DocumentError, match=r"\$\.action\[0\]\.more_targets\[0\]"):
            plan_from_dict(
                {
                    "title": "Plan",
                    "objective": [{"id": "1", "title": "Seek feedback"}],
                    "action": [
                        {
                            "id": "1a",
                            "objective": "1",
                            "description": "Congress",
                            "target": "Dec 2011",
                            "more_targets": ["Sometime"],
                        }
                    ],
                }
            )


class TestSutton:
    def test_roles_and_responsibilities_list_eight_roles_from_ccg(self) -> None:
        """Sutton, "Roles and responsibilities": "CCG", "All staff", "Governing Body",
        "Lay Member (Patient and Public Engagement)", "Chief Operating Officer", "Service
        Leads and Commissioners", "Equality & Engagement Steering Group", "NEL
        Commissioning Support Unit"."""
        matrix = examples.sutton_responsibilities()
        assert [role.name for role in matrix.roles] == [
            "CCG",
            "All staff",
            "Governing Body",
            "Lay Member (Patient and Public Engagement)",
            "Chief Operating Officer",
            "Service Leads and Commissioners",
            "Equality & Engagement Steering Group",
            "NEL Commissioning Support Unit",
        ]
        ccg, staff = matrix.roles[0], matrix.roles[1]
        assert len(ccg.responsibilities) == 9
        assert ccg.responsibilities[3].text == "Promote patient choice"
        assert staff.responsibilities[0].text.startswith("To hold each other to account")

    def test_patient_reference_group_meets_bi_monthly(self) -> None:
        """Sutton 3.4.3: "The group, which meets bi-monthly, brings together the
        representatives"."""
        assert examples.sutton().body("sutton-prg").meetings_per_year == 6


class TestOxfordshire:
    def test_twelve_public_meetings_are_the_ccgs_two_in_each_locality(self) -> None:
        """Delivery action 6: "Hold twelve public meetings (two in each Locality) per year
        with the Public Locality Forums": the CCG's meetings, held in each Locality; the
        source does not say how often a forum itself meets."""
        net = examples.oxfordshire()
        forums = [b for b in net.bodies if b.kind.value == "public-locality-forum"]
        assert {f.meetings_per_year for f in forums} == {None}
        target = examples.oxfordshire_delivery_plan().action("7.6").target
        assert isinstance(target, Recurrence)
        assert target.per_year == 12
        assert target.bodies == tuple(f"locality-{n}" for n in range(1, 7))


class TestSomersetStructure:
    def test_the_county_level_is_the_bi_annual_congress(self) -> None:
        """The seeds give no county-wide forum: a one-off "County – wide Conference"
        (Action Plan 5.1) and "Hold Bi-annual congress or Forums" (Action Plan 1.2)."""
        county = examples.somerset().body("somerset-county-forum")
        assert county.name == "Somerset bi-annual congress or Forums"
        assert county.meetings_per_year == 2
        assert county.membership is None
        assert county.source is not None
        assert county.source.section is not None
        assert "Hold Bi-annual congress or Forums" in county.source.section

    def test_men_alert_is_quoted(self) -> None:
        """Level 3's case study: "Men and women heard first hand from doctors at the Frome
        Medical Practices about men’s health issues during the recent MEN ALERT evening
        at Frome Rugby Club." """
        case = InvolvementLevel.PRACTICE.details.case_study
        assert case.summary.startswith("“Men and women heard first hand from doctors")
        assert "run by" not in case.summary

    def test_level_five_is_quoted(self) -> None:
        """ "5. Service level involvement – helping to develop care pathways for specific
        long term conditions or looking at the flexible healthcare initiatives from the
        perspective of someone with the condition or caring for someone who may have it." """
        description = InvolvementLevel.SERVICE.details.description
        assert "or looking at the flexible healthcare initiatives" in description
        assert description.endswith("caring for someone who may have it.")

    def test_link_blog_is_dated_2012(self) -> None:
        """The blog opens "I posted back in November about ..." and links the "Somerset
        Patient and Public Engagement Strategy and Action Plan 2012"."""
        source = examples.somerset().source
        assert source is not None
        assert source.publisher == "Somerset LINk"
        assert source.date == "2012"
        assert source.note is not None
        assert "I posted back in November" in source.note
