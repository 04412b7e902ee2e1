"""Closing the loop: lineage, metrics, "You said, we did" and bad input.

The feedback below is illustrative; the channels are those Sutton's feedback flow and
Oxfordshire's "Talking Health" name.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hypothesis import given

from engagekit import render
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError
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
        assert lineage.theme == "access"
        assert [r.id for r in lineage.responses] == ["r1", "r2"]
        assert lineage.decisions == ("extended-hours",)
        assert lineage.actions == ("7.2",)
        assert lineage.evidence == ("Governing Body minutes, December 2018",)
        assert lineage.closed

    def test_trace_outcomes_in_loop_order(self) -> None:
        """Outcomes of several responses come in the loop's order, not the responses'."""
        loop = _loop()
        outcomes = [
            FeedbackOutcome(id="o2", response="r2", date=D(2019, 1, 5), text="Clinics full"),
            FeedbackOutcome(id="o1", response="r1", date=D(2018, 12, 1), text="Pilot run"),
        ]
        loop = FeedbackLoop(items=loop.items, responses=loop.responses, outcomes=outcomes)
        assert [o.id for o in loop.trace("f3").outcomes] == ["o2", "o1"]
        assert [o.id for o in loop.trace("f2").outcomes] == ["o1"]

    def test_unknown_item(self) -> None:
        """Asking for an item the loop lacks names the closest ids."""
        with pytest.raises(UnknownNameError) as info:
            _loop().item("f9")
        assert str(info.value) == "unknown feedback item 'f9'; did you mean 'f5', 'f4', 'f3'?"

    def test_repr(self) -> None:
        """One-line reprs count what a loop and a query hold."""
        assert repr(_loop()) == "<FeedbackLoop with 5 items, 3 responses and 1 outcome>"
        assert repr(_loop().past_standard(D(2018, 7, 1), 20)) == "<FeedbackItems with 2 items>"

    def test_informed(self) -> None:
        """The feedback that informed the extended-hours decision."""
        assert [i.id for i in _loop().informed("extended-hours")] == ["f2", "f3"]
        with pytest.raises(UnknownNameError) as info:
            _loop().informed("extended-hour")
        assert str(info.value) == "unknown decision 'extended-hour'; did you mean 'extended-hours'?"

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

    def test_graph_edges(self) -> None:
        """Every edge of the lineage graph: a theme leads to a decision only through a
        response that names the decision (f1's estates theme leads nowhere)."""
        edges = set(_loop().graph().edges)
        evidence = ("evidence", "Governing Body minutes, December 2018")
        assert edges == {
            (("feedback", "f1"), ("theme", "estates")),
            (("feedback", "f2"), ("theme", "access")),
            (("feedback", "f3"), ("theme", "access")),
            (("feedback", "f4"), ("theme", "information")),
            (("feedback", "f1"), ("response", "r3")),
            (("feedback", "f2"), ("response", "r1")),
            (("feedback", "f3"), ("response", "r1")),
            (("feedback", "f3"), ("response", "r2")),
            (("theme", "access"), ("decision", "extended-hours")),
            (("response", "r1"), ("decision", "extended-hours")),
            (("response", "r2"), ("decision", "extended-hours")),
            (("response", "r1"), ("action", "7.2")),
            (("decision", "extended-hours"), ("action", "7.2")),
            (("response", "r2"), ("outcome", "o1")),
            (("outcome", "o1"), evidence),
        }
        assert ("feedback", "f5") in _loop().graph().nodes  # no theme, no response


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

    def test_as_of_and_since_are_inclusive(self) -> None:
        """An item or response dated on ``as_of`` counts, and an item dated on ``since``."""
        m = _loop().metrics(D(2018, 4, 20))  # f1 and its response r3 that day
        assert (m.total, m.closed, m.median_days_to_respond) == (1, 1, 10)
        m = _loop().metrics(D(2018, 6, 1), since="2018-05-03")  # f3 and f4
        assert (m.total, m.closed, m.concerns, m.changed) == (2, 1, 2, 1)
        m = _loop().metrics("2019-03-31", since=D(2018, 5, 2), standard_days=20)
        assert (m.total, m.closed, m.past_standard) == (3, 1, 2)

    def test_first_response_counts(self) -> None:
        """The days to respond run to an item's first response, whichever is listed first."""
        item = FeedbackItem(id="f1", date=D(2018, 5, 1), channel=Channel.PALS, text="x")
        later = Response(id="r1", feedback=["f1"], date=D(2018, 6, 1), text="y")
        sooner = Response(id="r2", feedback=["f1"], date=D(2018, 5, 11), text="z")
        loop = FeedbackLoop(items=[item], responses=[later, sooner])
        assert loop.metrics(D(2018, 12, 31)).median_days_to_respond == 10

    def test_median_of_an_even_count_is_the_mean_of_the_middle_two(self) -> None:
        """Two items answered in 10 and 31 days: the median is 20.5 days."""
        items = [
            FeedbackItem(id="f1", date=D(2018, 5, 1), channel=Channel.PALS, text="x"),
            FeedbackItem(id="f2", date=D(2018, 5, 1), channel=Channel.PALS, text="y"),
        ]
        responses = [
            Response(id="r1", feedback=["f1"], date=D(2018, 5, 11), text="a"),
            Response(id="r2", feedback=["f2"], date=D(2018, 6, 1), text="b"),
        ]
        loop = FeedbackLoop(items=items, responses=responses)
        assert loop.metrics(D(2018, 12, 31)).median_days_to_respond == 20.5

    def test_standard_days_boundary(self) -> None:
        """The complaint f4 of 1 June is past a 20-day standard on 22 June, not on 21 June."""
        assert [i.id for i in _loop().past_standard(D(2018, 6, 21), 20)] == []
        assert [i.id for i in _loop().past_standard("2018-06-22", 20)] == ["f4"]
        assert _loop().metrics(D(2018, 6, 21), standard_days=20).past_standard == 0
        assert _loop().metrics(D(2018, 6, 22), standard_days=20).past_standard == 1

    def test_metrics_html(self) -> None:
        """Metrics have an HTML table."""
        assert (
            "<caption>Closing the loop</caption>" in _loop().metrics(D(2019, 3, 31))._repr_html_()
        )

    @pytest.mark.parametrize(
        ("call", "error", "message"),
        [
            (
                lambda loop: loop.metrics("soon"),
                InvalidValueError,
                "as_of: 'soon' is not allowed: must be a date, YYYY-MM-DD",
            ),
            (
                lambda loop: loop.metrics(D(2019, 3, 31), since="spring"),
                InvalidValueError,
                "since: 'spring' is not allowed: must be a date, YYYY-MM-DD",
            ),
            (
                lambda loop: loop.metrics(D(2019, 3, 31), standard_days="20"),
                InvalidTypeError,
                "standard_days: got str '20'; expected a whole number",
            ),
            (
                lambda loop: loop.past_standard("soon", 20),
                InvalidValueError,
                "as_of: 'soon' is not allowed: must be a date, YYYY-MM-DD",
            ),
            (
                lambda loop: loop.past_standard(D(2019, 3, 31), "20"),
                InvalidTypeError,
                "standard_days: got str '20'; expected a whole number",
            ),
            (
                lambda loop: loop.between("spring", D(2019, 3, 31)),
                InvalidValueError,
                "start: 'spring' is not allowed: must be a date, YYYY-MM-DD",
            ),
            (
                lambda loop: loop.between(D(2018, 4, 1), "summer"),
                InvalidValueError,
                "end: 'summer' is not allowed: must be a date, YYYY-MM-DD",
            ),
            (
                lambda loop: loop.metrics_by(3, D(2019, 3, 31)),
                InvalidTypeError,
                "by: got int 3; expected text: theme, channel, tier, body, kind",
            ),
            (
                lambda loop: loop.metrics_by("colour", D(2019, 3, 31)),
                InvalidValueError,
                "by: 'colour' is not allowed; allowed: 'theme', 'channel', 'tier', 'body', 'kind'",
            ),
        ],
    )
    def test_bad_arguments(self, call, error, message):
        """Each bad argument is refused, naming it and the value."""
        with pytest.raises(error) as info:
            call(_loop())
        assert str(info.value) == message

    def test_by_theme_and_channel(self) -> None:
        """Metrics by theme and by channel, keys sorted, unfiled last."""
        by_theme = dict(_loop().metrics_by("theme", D(2019, 3, 31)))
        assert list(by_theme) == ["access", "estates", "information", None]
        assert by_theme["access"].closure_rate == 1.0
        by_tier = dict(_loop().metrics_by("tier", D(2019, 3, 31)))
        assert by_tier["practice"].closed == 2
        records = _loop().metrics_by("theme", D(2019, 3, 31)).to_records()
        assert records[0] == {
            "group": "access",
            "total": 2,
            "closed": 2,
            "closure rate": 1.0,
            "concerns": 2,
            "changed": 2,
            "change rate": 1.0,
        }

    def test_by_group_since_and_standard(self) -> None:
        """Metrics by group take ``since`` and ``standard_days`` as the loop's metrics do."""
        by_theme = _loop().metrics_by("theme", D(2018, 7, 1), since=D(2018, 5, 2), standard_days=20)
        assert [(k, m.total, m.past_standard) for k, m in by_theme] == [
            ("access", 1, 0),
            ("estates", 0, 0),
            ("information", 1, 1),
            (None, 1, 1),
        ]

    def test_past_standard(self) -> None:
        """Items unanswered more than 20 days on: the complaint and the compliment."""
        assert [i.id for i in _loop().past_standard(D(2018, 7, 1), 20)] == ["f4", "f5"]

    def test_a_negative_standard_is_refused(self) -> None:
        """A response standard of fewer than 0 days means nothing: refused, as a negative
        tolerance is, by metrics, metrics_by and past_standard alike."""
        loop = _loop()
        message = "^standard_days: -1 is not allowed: must be 0 or more$"
        with pytest.raises(InvalidValueError, match=message):
            loop.past_standard(D(2018, 7, 1), -1)
        with pytest.raises(InvalidValueError, match=message):
            loop.metrics(D(2018, 7, 1), standard_days=-1)
        with pytest.raises(InvalidValueError, match=message):
            loop.metrics_by("kind", D(2018, 7, 1), standard_days=-1)

    @given(loops(), days)
    def test_closure_rate(self, loop, as_of):
        """Closure rate is between 0 and 1 and equals closed / total."""
        m = loop.metrics(as_of)
        assert m.closure_rate == (m.closed / m.total if m.total else None)
        assert 0 <= m.closed <= m.total
        assert m.change_rate == (m.changed / m.concerns if m.concerns else None)
        assert 0 <= m.changed <= m.concerns


class TestBetween:
    def test_items_and_their_follow_up(self) -> None:
        """From 3 May to 1 June 2018 (both days included): f3 and f4, r1 cut to f3, r2 and
        its outcome."""
        loop = _loop().between("2018-05-03", D(2018, 6, 1))
        assert [i.id for i in loop.items] == ["f3", "f4"]
        assert [(r.id, r.feedback) for r in loop.responses] == [("r1", ("f3",)), ("r2", ("f3",))]
        assert [o.id for o in loop.outcomes] == ["o1"]

    def test_outcomes_of_dropped_responses_go(self) -> None:
        """April 2018 holds f1 and its response r3; r1, r2 and o1 are left out."""
        loop = _loop().between(D(2018, 4, 1), D(2018, 4, 30))
        assert [i.id for i in loop.items] == ["f1"]
        assert [r.id for r in loop.responses] == ["r3"]
        assert loop.outcomes == ()


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
        with pytest.raises(UnknownNameError) as info:
            FeedbackLoop(items=[item], responses=[stray])
        assert str(info.value) == "unknown feedback item 'f9'; did you mean 'f1'?"

    def test_outcome_of_unknown_response(self) -> None:
        """An outcome of a response the loop lacks is refused, naming the closest."""
        loop = _loop()
        stray = FeedbackOutcome(id="o9", response="r4", date=D(2019, 1, 1), text="z")
        with pytest.raises(UnknownNameError) as info:
            FeedbackLoop(items=loop.items, responses=loop.responses, outcomes=[stray])
        assert str(info.value) == "unknown response 'r4'; did you mean 'r3', 'r2', 'r1'?"

    def test_outcome_before_response(self) -> None:
        """An outcome dated before its response is refused, naming both."""
        loop = _loop()
        early = FeedbackOutcome(id="o9", response="r2", date=D(2018, 8, 1), text="z")
        with pytest.raises(InvalidValueError) as info:
            FeedbackLoop(items=loop.items, responses=loop.responses, outcomes=[early])
        assert str(info.value) == (
            "FeedbackOutcome 'o9'.date: datetime.date(2018, 8, 1) is not allowed: "
            "is before response 'r2'"
        )

    def test_unknown_channel(self) -> None:
        """An unknown channel is refused, naming the value and the allowed channels."""
        with pytest.raises(InvalidValueError, match=r"'twitter'.*'social-media'"):
            FeedbackItem(id="f", date=D(2018, 1, 1), channel="twitter", text="x")
