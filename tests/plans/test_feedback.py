"""Closing the loop: lineage, metrics, "You said, we did" and bad input.

The feedback below is illustrative; the channels are those Sutton's feedback flow and
Oxfordshire's "Talking Health" name.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hypothesis import given

from engagekit import render
from engagekit.errors import InvalidValueError, UnknownNameError
from engagekit.plans import (
    ChangeStatus,
    Channel,
    FeedbackItem,
    FeedbackKind,
    FeedbackLoop,
    FeedbackOutcome,
    Response,
    TargetDate,
    you_said_we_did,
)
from tests.strategies.plans import days, loops


D = dt.date


def _loop() -> FeedbackLoop:
    items = [
        FeedbackItem(
            id="f1",
            date=D(2018, 4, 10),
            channel=Channel.FRIENDS_AND_FAMILY_TEST,
            text="Waiting room is cold",
            theme="estates",
            tier="practice",
        ),
        FeedbackItem(
            id="f2",
            date=D(2018, 5, 1),
            channel=Channel.PALS,
            text="Could not get through on the phone",
            theme="access",
            tier="practice",
        ),
        FeedbackItem(
            id="f3",
            date=D(2018, 5, 3),
            channel=Channel.PUBLIC_MEETING,
            text="Evening appointments wanted",
            theme="access",
            tier="locality",
            asked="What would improve access?",
        ),
        FeedbackItem(
            id="f4",
            date=D(2018, 6, 1),
            channel=Channel.COMPLAINT,
            text="Letter was sent to the wrong address",
            theme="information",
        ),
        FeedbackItem(
            id="f5",
            date=D(2018, 6, 2),
            channel=Channel.SURVEY,
            text="Staff were kind",
            kind=FeedbackKind.COMPLIMENT,
        ),
    ]
    responses = [
        Response(
            id="r1",
            feedback=["f2", "f3"],
            date=D(2018, 6, 1),
            decision="extended-hours",
            action="7.2",
            text="Extended hours pilot agreed",
            change=ChangeStatus.PLANNED,
        ),
        Response(
            id="r2",
            feedback=["f3"],
            date=D(2018, 9, 1),
            decision="extended-hours",
            text="Evening clinics started",
            change=ChangeStatus.MADE,
        ),
        Response(id="r3", feedback=["f1"], date=D(2018, 4, 20), text="Heating checked; no fault"),
    ]
    outcomes = [
        FeedbackOutcome(id="o1", response="r2", date=D(2018, 12, 1), text="300 evening appointments",
                evidence=["Governing Body minutes, December 2018"]),
    ]  # fmt: skip
    return FeedbackLoop(items=items, responses=responses, outcomes=outcomes)


class TestLineage:
    def test_trace(self) -> None:
        """What happened to f3: two responses, one decision and action, an outcome, evidence."""
        lineage = _loop().trace("f3")
        assert [r.id for r in lineage.responses] == ["r1", "r2"]
        assert lineage.decisions == ("extended-hours",)
        assert lineage.actions == ("7.2",)
        assert lineage.evidence == ("Governing Body minutes, December 2018",)
        assert lineage.closed

    def test_informed(self) -> None:
        """The feedback that informed the extended-hours decision."""
        assert [i.id for i in _loop().informed("extended-hours")] == ["f2", "f3"]
        with pytest.raises(UnknownNameError, match="extended-hour"):
            _loop().informed("extended-hour")

    def test_graph_runs_feedback_to_evidence(self) -> None:
        """The graph has a path feedback -> theme -> decision -> action and on to evidence."""
        import networkx as nx

        graph = _loop().graph()
        assert nx.has_path(
            graph, ("feedback", "f3"), ("evidence", "Governing Body minutes, December 2018")
        )
        assert graph.has_edge(("theme", "access"), ("decision", "extended-hours"))
        assert graph.has_edge(("decision", "extended-hours"), ("action", "7.2"))
        with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
            graph.add_node(("feedback", "new"))  # read-only


class TestMetrics:
    def test_year_end(self) -> None:
        """At 31 March 2019: 3 of 5 answered; 2 of 4 concerns led to a change."""
        m = _loop().metrics(D(2019, 3, 31), standard_days=20)
        assert (m.total, m.closed, m.closure_rate) == (5, 3, 0.6)
        assert (m.concerns, m.changed, m.change_rate) == (4, 2, 0.5)
        assert m.median_days_to_respond == 29  # 10, 31 and 29 days
        assert m.past_standard == 2

    def test_as_of_ignores_later_responses(self) -> None:
        """On 31 May 2018 only r3 had been made."""
        m = _loop().metrics(D(2018, 5, 31))
        assert (m.total, m.closed, m.changed) == (3, 1, 0)

    def test_by_theme_and_channel(self) -> None:
        """Metrics by theme and by channel, keys sorted, unfiled last."""
        by_theme = dict(_loop().metrics_by("theme", D(2019, 3, 31)))
        assert list(by_theme) == ["access", "estates", "information", None]
        assert by_theme["access"].closure_rate == 1.0
        by_tier = dict(_loop().metrics_by("tier", D(2019, 3, 31)))
        assert by_tier["practice"].closed == 2
        with pytest.raises(InvalidValueError, match="'colour'"):
            _loop().metrics_by("colour", D(2019, 3, 31))

    def test_past_standard(self) -> None:
        """Items unanswered more than 20 days on: the complaint and the compliment."""
        assert [i.id for i in _loop().past_standard(D(2018, 7, 1), 20)] == ["f4", "f5"]

    @given(loops(), days)
    def test_closure_rate(self, loop, as_of):
        """Closure rate is between 0 and 1 and equals closed / total."""
        m = loop.metrics(as_of)
        assert m.closure_rate == (m.closed / m.total if m.total else None)
        assert 0 <= m.closed <= m.total
        assert m.change_rate == (m.changed / m.concerns if m.concerns else None)
        assert 0 <= m.changed <= m.concerns


class TestYouSaidWeDid:
    def test_document(self) -> None:
        """The 2018/19 document groups by theme with what was asked, said, done and came of it."""
        doc = you_said_we_did(_loop(), TargetDate.parse("2018/19"))
        access = doc.entries[0]
        assert access.theme == "access"
        assert access.we_asked == ("What would improve access?",)
        assert access.we_did == ("Extended hours pilot agreed", "Evening clinics started")
        assert access.outcome == ("300 evening appointments",)
        assert access.change is ChangeStatus.MADE
        markdown = render.markdown(doc)
        assert "| access | What would improve access? |" in markdown
        assert "not yet answered" in markdown

    def test_open_period_refused(self) -> None:
        """A period open at one end cannot be published."""
        with pytest.raises(InvalidValueError, match="From April 2012"):
            you_said_we_did(_loop(), TargetDate.parse("From April 2012"))


class TestBadInput:
    def test_response_before_feedback(self) -> None:
        """A response dated before its feedback is refused, naming both."""
        item = FeedbackItem(id="f1", date=D(2018, 5, 1), channel=Channel.PALS, text="x")
        early = Response(id="r1", feedback=["f1"], date=D(2018, 4, 1), text="y")
        with pytest.raises(InvalidValueError, match="'r1'") as info:
            FeedbackLoop(items=[item], responses=[early])
        message = str(info.value)
        assert "'r1'" in message
        assert "2018, 4, 1" in message
        assert "'f1'" in message

    def test_response_to_unknown_item(self) -> None:
        """A response to an item the loop lacks is refused."""
        item = FeedbackItem(id="f1", date=D(2018, 5, 1), channel=Channel.PALS, text="x")
        stray = Response(id="r1", feedback=["f9"], date=D(2018, 6, 1), text="y")
        with pytest.raises(UnknownNameError, match="'f9'"):
            FeedbackLoop(items=[item], responses=[stray])

    def test_unknown_channel(self) -> None:
        """An unknown channel is refused, naming the value and the allowed channels."""
        with pytest.raises(InvalidValueError, match=r"'twitter'.*'social-media'"):
            FeedbackItem(id="f", date=D(2018, 1, 1), channel="twitter", text="x")
