"""The engagement frameworks hold what the source strategies say."""

from __future__ import annotations

import re

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pytest

from engagekit import ENGAGEMENT_CYCLE, EngagementStage, ParticipationLevel
from engagekit.cycles import (
    InvolvementKind,
    InvolvementLevel,
    Judgement,
    MethodOfEngagement,
    commissioning_cycles,
    involvement_levels,
    ladders,
    principle_sets,
)
from engagekit.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.ratings import Rating
from engagekit.results import Outcome, Reason, Result


SUTTON_TITLES = [
    "Working with communities (of geography and of interest) to identify needs and aspirations",
    "Working with the public (as citizens and taxpayers) to plan and transform services",
    "Working with patients and carers to design services and improve quality and safety",
    "Working with patients and the public to procure and contract services",
    "Working with patients and carers to monitor services and share learning",
]


class TestEngagementCycle:
    def test_five_stages_in_the_sources_order_and_wording(self) -> None:
        """Sutton CCG strategy, Appendix Two, lists the five purposes in this order."""
        assert [d.title for d in ENGAGEMENT_CYCLE] == SUTTON_TITLES
        assert [d.stage.number for d in ENGAGEMENT_CYCLE] == [1, 2, 3, 4, 5]

    def test_every_stage_cites_appendix_two(self) -> None:
        """Each stage record cites its own stage page of Appendix Two."""
        sections = [d.source.section for d in ENGAGEMENT_CYCLE]
        assert sections == [
            f"Appendix Two, Stage {n}" for n in ("One", "Two", "Three", "Four", "Five")
        ]
        assert {d.source.publisher for d in ENGAGEMENT_CYCLE} == {
            "NHS Sutton Clinical Commissioning Group"
        }

    def test_stage_three_benefits_are_the_sources_six(self) -> None:
        """Stage Three: 'If this stage is done well, there will be improvement in' six areas."""
        benefits = ENGAGEMENT_CYCLE[EngagementStage.DESIGN_AND_IMPROVE].benefits
        assert len(benefits) == 6
        assert benefits[1] == "better patient experience"

    def test_things_to_think_about_headings(self) -> None:
        """Headings quoted from the stage pages, in order."""
        assert ENGAGEMENT_CYCLE[1].headings == (
            "Use what you know and bring it all together",
            "Go beyond what you know",
            "Include people from all walks of life and parts of society",
            "Use the right method for the purpose",
        )
        assert ENGAGEMENT_CYCLE[5].headings == (
            "Be clear about who needs to do what and when",
            "Involve patients in gathering data",
            "Build on what you already know",
            "Share learning",
        )

    def test_ten_key_elements_at_the_centre(self) -> None:
        """Appendix Two: 'There are ten key elements', the sixth on structures."""
        assert ENGAGEMENT_CYCLE.centre == "Engagement strategy, culture and systems"
        assert [e.number for e in ENGAGEMENT_CYCLE.elements] == list(range(1, 11))
        assert ENGAGEMENT_CYCLE.elements[3].title == "Embed engagement in governance arrangements"
        assert ENGAGEMENT_CYCLE.elements[9].title == (
            "Provide learning and support to patients, carers and the public"
        )

    def test_anticlockwise_flow_is_explicit(self) -> None:
        """Stage 3 reveals changes for stage 2; stage 5 data feed improvement (stage 3)."""
        assert ENGAGEMENT_CYCLE.feeds_into(EngagementStage.DESIGN_AND_IMPROVE) == (
            EngagementStage.PROCURE,
            EngagementStage.PLAN_AND_TRANSFORM,
        )
        assert EngagementStage.DESIGN_AND_IMPROVE in ENGAGEMENT_CYCLE.feeds_into(
            EngagementStage.MONITOR
        )
        assert ENGAGEMENT_CYCLE.fed_by(EngagementStage.PLAN_AND_TRANSFORM)[0] is (
            EngagementStage.IDENTIFY_NEEDS
        )

    def test_navigation_wraps(self) -> None:
        """next() and previous() go round the cycle."""
        assert EngagementStage.MONITOR.next() is EngagementStage.IDENTIFY_NEEDS
        assert EngagementStage.IDENTIFY_NEEDS.previous() is EngagementStage.MONITOR

    @pytest.mark.parametrize("bad", ["evaluate", 0, 6, "", "stage"])
    def test_unknown_stage_names_what_was_given(self, bad: object) -> None:
        """A stage that does not exist raises UnknownChoiceError (a ValueError and a
        LookupError) naming the value given."""
        with pytest.raises(
            UnknownChoiceError, match=f"^EngagementStage: {re.escape(repr(bad))} is"
        ) as info:
            EngagementStage.parse(bad)
        assert repr(bad) in str(info.value)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, LookupError)

    def test_calling_the_enum_with_unknown_text_is_an_engagekit_error(self) -> None:
        """Issue 9: EngagementStage("no such stage") raised Python's bare ValueError."""
        with pytest.raises(UnknownChoiceError, match="^EngagementStage: 'no such stage'"):
            EngagementStage("no such stage")

    @pytest.mark.parametrize("bad", [None, 2.0, True, ["monitor"]])
    def test_stage_of_the_wrong_type_is_a_type_error(self, bad: object) -> None:
        """Neither text nor a whole number: InvalidTypeError (a TypeError)."""
        with pytest.raises(InvalidTypeError, match="^EngagementStage: got"):
            EngagementStage.parse(bad)

    def test_any_whole_number_names_a_stage(self) -> None:
        """numpy integers and other numbers.Integral count as stage numbers."""
        numpy = pytest.importorskip("numpy")
        assert EngagementStage.parse(numpy.int64(5)) is EngagementStage.MONITOR
        assert ENGAGEMENT_CYCLE[numpy.int8(1)].stage is EngagementStage.IDENTIFY_NEEDS

    def test_feeds_take_text(self) -> None:
        """Stages may be given as text wherever a stage is asked for."""
        assert ENGAGEMENT_CYCLE.feeds_into("monitor") == ENGAGEMENT_CYCLE.feeds_into(
            EngagementStage.MONITOR
        )

    def test_repr_is_one_line(self) -> None:
        """The cycle's repr says what it is and how many stages and elements it has."""
        assert repr(ENGAGEMENT_CYCLE) == (
            "<EngagementCycle 'The Engagement Cycle' with 5 stages and 10 key elements>"
        )

    def test_key_element_number_must_be_whole(self) -> None:
        """A key element numbered 1.5 is a type error, not a silently truncated number."""
        from engagekit.cycles import KeyElement

        element = ENGAGEMENT_CYCLE.elements[0]
        with pytest.raises(InvalidTypeError, match="KeyElement.number"):
            KeyElement(number=1.5, title=element.title, summary="x", source=element.source)

    def test_parse_by_number_name_and_value(self) -> None:
        """Stages can be looked up the ways users write them."""
        assert EngagementStage.parse(4) is EngagementStage.PROCURE
        assert EngagementStage.parse("PLAN_AND_TRANSFORM") is EngagementStage.PLAN_AND_TRANSFORM
        assert EngagementStage.parse("monitor") is EngagementStage.MONITOR


class TestCommissioningCycles:
    def test_nhs_england_cycle(self) -> None:
        """The King's Fund: assessing needs, planning, procuring, monitoring quality."""
        cycle = commissioning_cycles()["nhs-england"]
        assert [s.name for s in cycle] == [
            "Assess needs",
            "Plan services",
            "Procure services",
            "Monitor quality",
        ]

    def test_engagement_cycle_segments_and_hub(self) -> None:
        """The NHS Institute diagram's four segments and its 'Making it happen' hub."""
        cycle = commissioning_cycles()["engagement-cycle"]
        assert [s.name for s in cycle] == [
            "Analyse & plan",
            "Design pathways",
            "Specify & procure",
            "Deliver & improve",
        ]
        assert cycle.centre == "Making it happen"
        assert cycle.stage("analyse-and-plan").engagement_stages == (
            EngagementStage.IDENTIFY_NEEDS,
            EngagementStage.PLAN_AND_TRANSFORM,
        )

    def test_four_methods_at_every_stage(self) -> None:
        """Somerset Figure 1: people are involved at each stage in the inner circle's ways."""
        for cycle in commissioning_cycles().values():
            for stage in cycle:
                assert stage.methods == tuple(MethodOfEngagement)

    def test_methods_cite_somerset_figure_one(self) -> None:
        """The four methods of engagement are Somerset's inner circle."""
        details = [m.details for m in MethodOfEngagement]
        assert {d.source.section for d in details} == {"Figure 1 and Appendix 1"}

    def test_unknown_stage_id(self) -> None:
        """Asking a cycle for a stage it does not have names the closest ids."""
        with pytest.raises(UnknownNameError, match="did you mean 'procure-services'"):
            commissioning_cycles()["nhs-england"].stage("procure-service")

    def test_unknown_cycle_id_suggests(self) -> None:
        """Looking up a cycle that is not there names the closest ids (a LookupError)."""
        with pytest.raises(UnknownNameError, match="did you mean 'nhs-england'"):
            commissioning_cycles()["nhs-englnd"]

    def test_serving_takes_text(self) -> None:
        """The stage may be given by name."""
        cycle = commissioning_cycles()["engagement-cycle"]
        assert cycle.serving("monitor") == cycle.serving(EngagementStage.MONITOR)

    def test_reprs_are_one_line(self) -> None:
        """A cycle and the catalogue of cycles show what they are, not every field."""
        assert repr(commissioning_cycles()) == "<Catalogue with 2 commissioning cycles>"
        assert repr(commissioning_cycles()["nhs-england"]) == (
            "<CommissioningCycle 'nhs-england' with 4 stages>"
        )


class TestParticipationLevels:
    def test_somerset_gpcc_order(self) -> None:
        """Somerset GP Commissioning Consortia (2011): Inform, Consult, Involve, Collaborate,
        Empower."""
        assert [lvl.label for lvl in sorted(ParticipationLevel, reverse=True)] == [
            "Empower",
            "Collaborate",
            "Involve",
            "Consult",
            "Inform",
        ]

    @pytest.mark.parametrize("other", [1, "inform", None, EngagementStage.PROCURE, 2.5])
    def test_ordering_against_non_levels_is_a_type_error(self, other: object) -> None:
        """Comparing a level with anything else is a TypeError, as Python users expect."""
        them = type(other).__name__
        with pytest.raises(TypeError, match=f"'>' not supported between instances of '{them}'"):
            _ = other > ParticipationLevel.INFORM
        with pytest.raises(TypeError, match=f"'<=' not supported between instances of '{them}'"):
            _ = other <= ParticipationLevel.INFORM

    def test_goals_and_promises_cite_iap2(self) -> None:
        """Every level has a goal and promise, paraphrased, citing IAP2."""
        for level in ParticipationLevel:
            assert level.details.source.publisher.startswith("International Association")
            assert level.goal
            assert level.promise


class TestArnstein:
    def test_eight_rungs_three_groups(self) -> None:
        """Arnstein (1969): eight rungs in three groups."""
        ladder = ladders()["arnstein"]
        assert len(ladder) == 8
        assert ladder.groups == ("Non-participation", "Tokenism", "Citizen power")
        assert [r.name for r in ladder][:2] == ["Manipulation", "Therapy"]
        assert ladder.rung("Citizen control").number == 8

    def test_mapping_onto_levels(self) -> None:
        """Non-participation rungs map to no level; the rest rise with the rungs."""
        ladder = ladders()["arnstein"]
        assert ladder.at_level(ParticipationLevel.INFORM)[0].name == "Informing"
        assert ladder.at_level("Collaborate")[0].name == "Partnership"
        assert [r.level for r in ladder if r.group == "Non-participation"] == [None, None]

    def test_repr_is_one_line(self) -> None:
        """Arnstein's ladder: what and how many rungs."""
        assert repr(ladders()["arnstein"]) == "<Ladder 'arnstein' with 8 rungs>"
        assert repr(ladders()) == "<Catalogue with 1 ladder>"

    def test_rung_of_the_wrong_type(self) -> None:
        """A rung asked for by a number is a type error naming what was given."""
        with pytest.raises(InvalidTypeError, match="^rung: got int 3"):
            ladders()["arnstein"].rung(3)  # type: ignore[arg-type]


class TestInvolvementLevels:
    def test_seven_levels_with_case_studies(self) -> None:
        """Somerset's seven levels, each with the case study the strategy gives."""
        levels = involvement_levels()
        assert list(levels) == list(InvolvementLevel)
        assert len(levels) == 7
        assert "over 350 patient stories evaluated" in (
            levels[InvolvementLevel.PATIENT_EXPERIENCE].case_study.facts
        )
        service = levels[InvolvementLevel.SERVICE].case_study
        assert "two lay members on the clinical team" in service.facts

    def test_only_level_one_is_individual(self) -> None:
        """Individual involvement is about a person's own care; the other six are collective."""
        kinds = {lvl: lvl.kind for lvl in InvolvementLevel}
        assert [k for k, v in kinds.items() if v is InvolvementKind.INDIVIDUAL] == [
            InvolvementLevel.INDIVIDUAL
        ]

    def test_levels_can_be_named_as_text(self) -> None:
        """The catalogue takes a level's name as well as the level."""
        levels: Mapping[Any, Any] = involvement_levels()
        assert levels["third sector"] is levels[InvolvementLevel.THIRD_SECTOR]
        assert "community" in levels
        assert "no-such-level" not in levels

    def test_case_studies_name_roles_not_people(self) -> None:
        """Examples name roles: Somerset names the PPG Chair; engagekit does not."""
        men_alert = InvolvementLevel.PRACTICE.details.case_study
        assert "reported by the PPG Chair, Frome Medical Practice" in men_alert.facts
        text = " ".join((men_alert.summary, *men_alert.facts))
        for name in ("Simpson", "Lashbrook", "Powell"):
            assert name not in text


class TestPrinciples:
    def test_real_involvement_seven_of_which_somerset_quotes_six(self) -> None:
        """Lexology lists seven Real Involvement principles; Somerset quotes six."""
        real = principle_sets()["real-involvement"]
        assert len(real) == 7
        not_quoted = [p.name for p in real if p.note]
        assert not_quoted == ["Inclusive"]

    def test_sutton_guiding_principles(self) -> None:
        """Sutton's strategy lists six guiding principles."""
        sutton = principle_sets()["sutton"]
        assert [p.name for p in sutton][0] == "Integration and co-operation across services"
        assert len(sutton) == 6

    def test_rubric_scores_with_reasons(self) -> None:
        """A plan is scored 2 per principle met, 1 per partly met, with its reasons."""
        result = principle_sets()["real-involvement"].score(
            {
                "open": Judgement(rating=Rating.MET, reason="Governing Body meets in public"),
                "inclusive": Judgement(rating=Rating.NOT_MET, reason="No outreach planned"),
            }
        )
        assert (result.points, result.max_points) == (2, 14)
        assert [g.rating for g in result.gaps].count(Rating.UNKNOWN) == 5
        assert "No outreach planned" in str(result)
        assert result.share == pytest.approx(2 / 14)

    def test_rubric_result_is_a_result(self) -> None:
        """Issue 9: a rubric result has the one result protocol: outcome, ok, gaps,
        reasons with the rule and source, and bool() == ok."""
        real = principle_sets()["real-involvement"]
        judgements = {
            p.id: Judgement(rating="met", reason="Seen in the Governing Body papers") for p in real
        }
        judgements["responsive"] = Judgement(rating="partly", reason="Replies within 20 days")
        result = real.score(judgements)
        assert isinstance(result, Result)
        assert (result.outcome, result.ok, bool(result)) == (Outcome.PARTLY_MET, True, True)
        assert [r.rule for r in result.gaps] == ["real-involvement/responsive"]
        assert all(isinstance(r, Reason) for r in result.reasons)
        assert {r.source for r in result.reasons} == {real.source}

    def test_unjudged_principles_are_insufficient_evidence(self) -> None:
        """A rubric with principles not judged is not ok."""
        result = principle_sets()["sutton"].score({})
        assert result.outcome is Outcome.INSUFFICIENT_EVIDENCE
        assert not result
        assert len(result.unassessed) == 6

    def test_rubric_result_checks_its_outcome(self) -> None:
        """An outcome that is not the worst of the reasons' is refused however it is built."""
        result = principle_sets()["sutton"].score({})
        with pytest.raises(InvalidValueError, match="RubricResult.outcome"):
            type(result)(principles="sutton", outcome=Outcome.MET, reasons=result.reasons)

    def test_judgement_rating_of_the_wrong_type(self) -> None:
        """A rating that is neither a Rating nor text is a type error."""
        with pytest.raises(InvalidTypeError, match="^Rating: got int"):
            Judgement(rating=2, reason="two")

    def test_reprs_are_one_line(self) -> None:
        """A principle set and the catalogue of sets show what they are."""
        assert repr(principle_sets()) == "<Catalogue with 3 principle sets>"
        assert repr(principle_sets()["sutton"]) == "<PrincipleSet 'sutton' with 6 principles>"

    def test_rubric_rejects_unknown_principle(self) -> None:
        """Judging a principle the set does not have is an error naming it."""
        with pytest.raises(UnknownNameError, match="'opne'"):
            principle_sets()["real-involvement"].score(
                {"opne": Judgement(rating=Rating.MET, reason="typo")}
            )


class TestRatings:
    @pytest.mark.parametrize(
        ("text", "rating"),
        [
            ("met", Rating.MET),
            ("Partly", Rating.PARTLY_MET),
            ("partially met", Rating.PARTLY_MET),
            ("not known", Rating.UNKNOWN),
            ("NOT_MET", Rating.NOT_MET),
        ],
    )
    def test_assessors_words(self, text: str, rating: Rating) -> None:
        """Issue 9: the words assessors write name a rating."""
        assert Rating(text) is rating

    def test_outcomes(self) -> None:
        """Each rating amounts to one outcome; no evidence is insufficient evidence."""
        assert [r.outcome for r in Rating] == [
            Outcome.MET,
            Outcome.PARTLY_MET,
            Outcome.NOT_MET,
            Outcome.INSUFFICIENT_EVIDENCE,
        ]

    def test_unknown_rating_text(self) -> None:
        """Unknown text raises UnknownChoiceError listing the ratings."""
        with pytest.raises(UnknownChoiceError, match="'so-so' is not allowed; allowed: 'met'"):
            Rating("so-so")


CATALOGUES: dict[str, Callable[[], Mapping[Any, Any]]] = {
    "involvement_levels": involvement_levels,
    "commissioning_cycles": commissioning_cycles,
    "ladders": ladders,
    "principle_sets": principle_sets,
}


class TestCataloguesAreReadOnly:
    @pytest.mark.parametrize("name", sorted(CATALOGUES))
    def test_cannot_be_changed(self, name: str) -> None:
        """Issue 9: involvement_levels() returned the cached dict; after .pop() every later
        caller saw six levels. Every catalogue is now read-only."""
        catalogue = CATALOGUES[name]()
        size = len(catalogue)
        key = next(iter(catalogue))
        with pytest.raises(
            AttributeError, match="'ReadOnlyCatalogue' object has no attribute 'pop'"
        ):
            catalogue.pop(key)  # type: ignore[attr-defined]
        with pytest.raises(TypeError, match="object does not support item assignment"):
            catalogue[key] = None  # type: ignore[index]
        with pytest.raises(TypeError, match="object does not support item deletion"):
            del catalogue[key]  # type: ignore[attr-defined]
        assert len(CATALOGUES[name]()) == size

    @pytest.mark.parametrize("name", sorted(CATALOGUES))
    def test_one_shape_and_one_line_repr(self, name: str) -> None:
        """Every catalogue is the same read-only mapping, cached, with a short repr."""
        catalogue = CATALOGUES[name]()
        assert CATALOGUES[name]() is catalogue
        assert repr(catalogue).startswith("<Catalogue with ")
        assert len(repr(catalogue)) < 200


@pytest.mark.parametrize(
    ("stages", "phrase"),
    [
        ((), "engagement stages none"),
        ((EngagementStage.DESIGN_AND_IMPROVE,), "engagement stage 3"),
        ((1, 2), "engagement stages 1, 2"),
    ],
)
def test_engagement_stages_phrase_counts_the_stages(stages: tuple[Any, ...], phrase: str) -> None:
    """One engagement stage is "stage", none or several "stages"."""
    from engagekit.cycles._render import engagement_stages_phrase

    base = commissioning_cycles()["engagement-cycle"].stages[0]
    stage = attrs.evolve(base, engagement_stages=stages)
    assert engagement_stages_phrase(stage) == phrase
