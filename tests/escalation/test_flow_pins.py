"""Feedback flows: stage order, lookups, queries, reprs and refusals, pinned exactly.

Sutton CCG's flow (`engagekit.examples.sutton_feedback_flow`) joins every item of a
column to every item of the next; a small flow with a few links shows what a query
leaves out.
"""

from __future__ import annotations

import re

import pytest

from engagekit.errors import (
    GraphStructureError,
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.escalation import FeedbackFlow, FlowItem, FlowLink, FlowStage
from engagekit.escalation._flow import slug
from engagekit.examples import sutton_feedback_flow
from engagekit.sources import Source


DISCUSS = [
    "Commissioning Meetings",
    "Diversity and Engagement Meetings",
    "Quality Committee",
    "Team Briefings and Wider Team Meetings",
    "Governing Body",
    "Executive Committee",
    "Clinical Reference Groups for Long Term Conditions",
    "Primary Care Commissioning Committee",
    "Sutton Locality Meetings",
    "GP Plenary Meetings",
    "Practice Managers Meeting",
    "Practice Nurse Meetings",
    "Scrutiny Committee",
    "Health and Well Being Board",
    "Community Service Review Group",
]
FEEDBACK = [
    "Report to local groups and organisations directly involved",
    "Share reports widely with providers, partners and stakeholders",
    "Staff via Briefings, Meetings and Newsletters",
    "SCCG Database Members",
    "News releases via SCCG website and Twitter",
    "GP and Practice Managers via GP Team Net",
    "Patients and Public via Partners websites and Newsletters",
    "Quarterly and Annual Reports to internal Boards and Committees",
    "Quarterly and Annual Reports",
]
LISTEN = [
    "Sutton Patient Reference Group",
    "Patient Participation Groups",
    "Friends and Family Test",
    "National Patient Survey",
    "Patient and Public Forums",
    "Patient Case Studies",
    "NHS Choices",
    "Patient Advice and Liaison Service",
    "One to one meetings and interviews",
    "Complaints",
    "Service Providers engagement",
    "Annual General Meetings",
    "Public Board Meetings",
    "Partnership Meetings",
    "Outreach sessions and activities",
]
INFORM = [
    "Commissioning Plans",
    "Service Monitoring",
    "Clinical Reviews",
    "Contract Monitoring",
    "Contract Reviews and Redesign",
    "Service Reviews and Redesign",
    "Service Specifications",
    "Service Improvements Plans",
    "Provider Procurement",
    "Internal Strategies and Plans",
    "Joint Strategies and Plans",
    "Pathway Redesign",
    "Resource Improvement Projects Funding",
]


def names(items: tuple[FlowItem, ...]) -> list[str]:
    return [item.name for item in items]


def small() -> FeedbackFlow:
    """Two sources, two meetings, one plan, two channels; PALS's id is not its name's slug.

    complaints -> quality -> plans -> reports; pals -> board (which informs nothing);
    letters is reached from nothing.
    """
    return FeedbackFlow(
        name="Small",
        items=[
            FlowItem(id="complaints", name="Complaints", stage="listen"),
            FlowItem(id="pals", name="Patient Advice and Liaison Service", stage="listen"),
            FlowItem(id="quality", name="Quality Committee", stage="discuss"),
            FlowItem(id="board", name="Governing Body", stage="discuss"),
            FlowItem(id="plans", name="Commissioning Plans", stage="inform"),
            FlowItem(id="reports", name="Annual Reports", stage="feedback"),
            FlowItem(id="letters", name="Letters", stage="feedback"),
        ],
        links=[
            FlowLink(source="complaints", target="quality"),
            FlowLink(source="pals", target="board"),
            FlowLink(source="quality", target="plans"),
            FlowLink(source="plans", target="reports"),
        ],
    )


class TestStages:
    def test_stages_order_by_rank(self) -> None:
        """Listen < Discuss < Inform < Feedback, and comparisons with anything else refused."""
        stages = [FlowStage.FEEDBACK, FlowStage.LISTEN, FlowStage.INFORM, FlowStage.DISCUSS]
        assert sorted(stages) == [
            FlowStage.LISTEN,
            FlowStage.DISCUSS,
            FlowStage.INFORM,
            FlowStage.FEEDBACK,
        ]
        assert FlowStage.LISTEN < FlowStage.DISCUSS
        assert not FlowStage.DISCUSS < FlowStage.DISCUSS
        assert FlowStage.DISCUSS <= FlowStage.DISCUSS
        assert not FlowStage.FEEDBACK < FlowStage.INFORM
        assert FlowStage.FEEDBACK > FlowStage.INFORM
        assert [stage.rank for stage in FlowStage] == [1, 2, 3, 4]
        with pytest.raises(TypeError, match="'<' not supported"):
            assert FlowStage.LISTEN < 2

    def test_labels_and_questions(self) -> None:
        """The chart's headings and what each column answers."""
        assert [(s.label, s.question) for s in FlowStage] == [
            ("Listen", "the sources of voices"),
            ("Discuss", "where findings are discussed"),
            ("Inform", "which areas they influence"),
            ("Feedback", "how we feedback to those involved and beyond"),
        ]


def test_slug() -> None:
    """Runs of anything but lower-case letters and digits become one dash, none at the ends."""
    assert slug("  Staff via Briefings, Meetings and Newsletters!") == (
        "staff-via-briefings-meetings-and-newsletters"
    )
    assert slug("--GP & Practice--") == "gp-practice"
    assert slug("!!") == ""


class TestSutton:
    def test_the_columns_in_order(self) -> None:
        """15 sources, 15 discussions, 13 areas influenced, 9 channels, as Sutton lists them."""
        flow = sutton_feedback_flow()
        stages = flow.stages()
        assert list(stages) == list(FlowStage)
        assert names(stages[FlowStage.LISTEN]) == LISTEN
        assert names(stages[FlowStage.DISCUSS]) == DISCUSS
        assert names(stages[FlowStage.INFORM]) == INFORM
        assert names(stages[FlowStage.FEEDBACK]) == FEEDBACK
        assert len(flow.links) == 15 * 15 + 15 * 13 + 13 * 9

    def test_repr_and_text(self) -> None:
        """The repr counts items and links; the text lists each column under its question."""
        flow = sutton_feedback_flow()
        assert repr(flow) == "<FeedbackFlow 'Sutton CCG feedback flow' with 52 items and 537 links>"
        lines = str(flow).splitlines()
        assert lines[:4] == [
            "Sutton CCG feedback flow",
            "========================",
            "Listen (the sources of voices):",
            "  - Sutton Patient Reference Group",
        ]
        assert lines[18:20] == [
            "Discuss (where findings are discussed):",
            "  - Commissioning Meetings",
        ]
        assert lines[-2:] == [  # wrapped at 100 columns
            (
                "Source: NHS Sutton Clinical Commissioning Group, Patient and Public Engagement "
                "Strategy (2018),"
            ),
            "    Feedback Flow",
        ]
        assert len(lines) == 2 + 4 + 52 + 2

    def test_downstream_of_a_source(self) -> None:
        """Every item after it, in the order listed, or those of one stage."""
        flow = sutton_feedback_flow()
        assert names(flow.downstream("Complaints")) == DISCUSS + INFORM + FEEDBACK
        assert names(flow.downstream("Complaints", "inform")) == INFORM
        assert names(flow.discussed_at("Complaints")) == DISCUSS
        assert names(flow.fed_back("complaints")) == FEEDBACK
        assert flow.downstream("Quarterly and Annual Reports") == ()

    def test_upstream_of_an_area(self) -> None:
        """Every item before it, or those of one stage."""
        flow = sutton_feedback_flow()
        assert names(flow.upstream("Service Specifications")) == LISTEN + DISCUSS
        assert names(flow.upstream("Service Specifications", FlowStage.DISCUSS)) == DISCUSS
        assert names(flow.influencing("Service Specifications")) == LISTEN
        assert flow.upstream("Complaints") == ()

    @pytest.mark.parametrize("query", ["downstream", "upstream"])
    def test_a_stage_that_is_not_one(self, query: str) -> None:
        """The stage is named as "stage" in the refusal."""
        method = getattr(sutton_feedback_flow(), query)
        with pytest.raises(UnknownChoiceError) as caught:
            method("Complaints", "Listening")
        assert str(caught.value) == (
            "stage: 'Listening' is not allowed; allowed: 'listen', 'discuss', 'inform', "
            "'feedback' (did you mean 'listen'?)"
        )
        with pytest.raises(InvalidTypeError) as wrong:
            method("Complaints", 5)
        assert str(wrong.value) == "stage: got int 5; expected a FlowStage or its value as text"


class TestItem:
    def test_by_id_name_item_or_slug(self) -> None:
        """An id, a name in any case and spacing, the item itself, or its name's slug."""
        flow = small()
        pals = flow.items[1]
        assert flow.item("pals") is pals
        assert flow.item(pals) is pals
        assert flow.item(FlowItem(id="pals", name="Other", stage="discuss")) is pals
        assert flow.item("  PATIENT advice and liaison SERVICE ") is pals
        assert flow.item("Complaints!").id == "complaints"
        assert flow.item("ANNUAL REPORTS").id == "reports"

    def test_unknown_names_the_closest(self) -> None:
        """The refusal names the item asked for and the nearest, or every item if none is near."""
        with pytest.raises(UnknownNameError) as caught:
            sutton_feedback_flow().item("Complains")
        assert str(caught.value) == (
            "unknown feedback-flow item 'Complains'; did you mean 'Complaints'?"
        )
        with pytest.raises(UnknownNameError) as other:
            small().item(FlowItem(id="elsewhere", name="Elsewhere", stage="listen"))
        assert str(other.value) == (
            "unknown feedback-flow item 'elsewhere'; known: 'Complaints', 'Patient Advice and "
            "Liaison Service', 'Quality Committee', 'Governing Body', 'Commissioning Plans', "
            "'Annual Reports', 'Letters'"
        )


class TestSmallFlow:
    def test_queries_follow_only_the_links(self) -> None:
        """What a source reaches and what reaches an item, link by link."""
        flow = small()
        assert names(flow.downstream("complaints")) == [
            "Quality Committee",
            "Commissioning Plans",
            "Annual Reports",
        ]
        assert names(flow.downstream("pals")) == ["Governing Body"]
        assert names(flow.fed_back("pals")) == []
        assert names(flow.discussed_at("pals")) == ["Governing Body"]
        assert names(flow.discussed_at("quality")) == []
        assert names(flow.upstream("reports")) == [
            "Complaints",
            "Quality Committee",
            "Commissioning Plans",
        ]
        assert names(flow.influencing("Annual Reports")) == ["Complaints"]
        assert flow.upstream("letters") == ()

    def test_repr_cuts_a_long_name(self) -> None:
        """Up to 60 characters in full; longer, 57 and "..."."""
        items = small().items
        sixty = "x" * 60
        assert repr(FeedbackFlow(name=sixty, items=items)) == (
            f"<FeedbackFlow '{sixty}' with 7 items and 0 links>"
        )
        assert repr(FeedbackFlow(name=sixty + "y", items=items[:1])) == (
            f"<FeedbackFlow '{'x' * 57}...' with 1 item and 0 links>"
        )


class TestRefusals:
    def test_a_duplicate_item_id(self) -> None:
        """Named by the flow's field and the id repeated."""
        items = [*small().items, FlowItem(id="quality", name="Quality Board", stage="discuss")]
        with pytest.raises(InvalidValueError) as caught:
            FeedbackFlow(name="F", items=items)
        assert (
            str(caught.value) == "FeedbackFlow.items: 'quality' is not allowed: duplicate item id"
        )
        assert caught.value.value == "quality"

    @pytest.mark.parametrize(
        ("link", "message"),
        [
            (("complaints", "nobody"), "flow link names an unknown item 'nobody'"),
            (("ghost", "quality"), "flow link names an unknown item 'ghost'"),
            (
                ("complaints", "plans"),
                "a flow link must go to the next stage, not listen -> inform",
            ),
            (
                ("quality", "complaints"),
                "a flow link must go to the next stage, not discuss -> listen",
            ),
        ],
    )
    def test_a_bad_link(self, link: tuple[str, str], message: str) -> None:
        """The link is named after what is wrong with it."""
        source, target = link
        with pytest.raises(GraphStructureError) as caught:
            FeedbackFlow(
                name="F", items=small().items, links=[FlowLink(source=source, target=target)]
            )
        assert str(caught.value) == f"{message}: {source} -> {target}"
        assert caught.value.path == link

    def test_a_link_given_twice(self) -> None:
        """The second of two equal links is refused; the same pair the other way round
        is a link to the previous stage."""
        links = [*small().links, FlowLink(source="complaints", target="quality")]
        with pytest.raises(GraphStructureError) as caught:
            FeedbackFlow(name="F", items=small().items, links=links)
        assert str(caught.value) == "flow link given twice: complaints -> quality"
        assert caught.value.path == ("complaints", "quality")


class TestFromColumns:
    def test_every_item_to_every_item_of_the_next_stage(self) -> None:
        """Columns in any order, keyed by any name of their stage; the source is kept."""
        source = Source(title="Feedback Flow", publisher="NHS Sutton CCG")
        flow = FeedbackFlow.from_columns(
            "F",
            {
                "Feedback": ["Reports"],
                "listen": ["Complaints", "PALS"],
                "Inform and Influence": ["Plans"],
                "discuss": ["Quality Committee"],
            },
            source=source,
        )
        assert flow.source == source
        assert [(i.id, i.stage.value) for i in flow.items] == [
            ("complaints", "listen"),
            ("pals", "listen"),
            ("quality-committee", "discuss"),
            ("plans", "inform"),
            ("reports", "feedback"),
        ]
        assert [(link.source, link.target) for link in flow.links] == [
            ("complaints", "quality-committee"),
            ("pals", "quality-committee"),
            ("quality-committee", "plans"),
            ("plans", "reports"),
        ]
        assert FeedbackFlow.from_columns("F", {}).source is None

    @pytest.mark.parametrize(
        ("columns", "error", "message"),
        [
            ([1], InvalidTypeError, "columns: got list [1]; expected a mapping of stage to names"),
            (
                {"listen": "x"},
                InvalidTypeError,
                "columns['listen']: got str 'x'; expected a list of names",
            ),
            (
                {"Listen": ["a", 3]},
                InvalidTypeError,
                "columns['listen'][1]: got int 3; expected text",
            ),
            (
                {"feedback": ["a", "!!"]},
                InvalidValueError,
                "columns['feedback'][1]: '!!' is not allowed: must have a letter or digit",
            ),
            (
                {"hear": []},
                UnknownChoiceError,
                (
                    "columns: 'hear' is not allowed; allowed: 'listen', 'discuss', 'inform', "
                    "'feedback'"
                ),
            ),
        ],
    )
    def test_refusals(self, columns: object, error: type[Exception], message: str) -> None:
        """Each bad column or name is refused whole, naming its place."""
        with pytest.raises(error, match=re.escape(message) + "$"):
            FeedbackFlow.from_columns("F", columns)  # type: ignore[arg-type]
