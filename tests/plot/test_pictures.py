"""The pictures: structure (artists, labels, counts), nothing clipped, bad input refused.

No pixels are compared: each test checks what the picture must show, from the same
data the library holds, and that every visible text lies inside the figure.
"""

from __future__ import annotations

import datetime as dt
import re
import sys

from pathlib import Path
from typing import Any

import pytest

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Polygon, Rectangle, Wedge
from matplotlib.text import Text

from engagekit import evaluate, examples, plot
from engagekit.cycles import ENGAGEMENT_CYCLE, commissioning_cycles
from engagekit.decisions import compare
from engagekit.duties import registry
from engagekit.duties.equality import representation
from engagekit.errors import InvalidTypeError, InvalidValueError, MissingExtraError
from engagekit.escalation import EscalationNetwork, Tier, national
from engagekit.plot._base import day_number


def _texts(figure: Figure) -> list[Text]:
    found: list[Any] = list(figure.findobj(Text))
    return [t for t in found if t.get_visible() and t.get_text().strip()]


def assert_nothing_clipped(figure: Figure) -> None:
    """Everything drawn (every text, label, legend and patch) lies inside the figure."""
    canvas: Any = FigureCanvasAgg(figure)
    canvas.draw()
    drawn = figure.get_tightbbox(canvas.get_renderer())  # in inches
    assert drawn is not None
    width, height = figure.get_size_inches()
    slack = 0.02
    assert drawn.x0 >= -slack, drawn
    assert drawn.y0 >= -slack, drawn
    assert drawn.x1 <= width + slack, (drawn, width)
    assert drawn.y1 <= height + slack, (drawn, height)


def _ods_with_pcns() -> EscalationNetwork:
    """The test ODS sample and its primary care networks: five practices, three PCNs."""
    data = Path(__file__).parent.parent / "escalation" / "data"
    read = EscalationNetwork.from_ods(data / "epraccur-sample.csv")
    return EscalationNetwork.from_pcn(data / "epcn-sample.csv", network=read.network).network


def _all_text(figure: Figure) -> str:
    return "\n".join(t.get_text() for t in _texts(figure))


class TestEngagementCycle:
    def test_stages_segments_and_key_elements(self) -> None:
        """Five stage wedges, one outer wedge per commissioning segment, the hub, and
        the ten key elements numbered and listed."""
        figure = plot.engagement_cycle()
        axes = figure.axes[0]
        wedges = [p for p in axes.patches if isinstance(p, Wedge)]
        segments = commissioning_cycles()["engagement-cycle"]
        assert len(wedges) == 5 + len(segments.stages)
        assert len([p for p in axes.patches if isinstance(p, Circle)]) == 1
        texts = _all_text(figure)
        for details in ENGAGEMENT_CYCLE:
            assert f"{details.stage.number}." in texts
        assert "Engagement\nstrategy, culture\nand systems" in texts
        assert "1. Be clear on the vision, and build a" in texts
        numbers = {t.get_text() for t in axes.texts}
        assert {str(n) for n in range(1, 11)} <= numbers
        assert_nothing_clipped(figure)

    def test_another_commissioning_cycle_as_the_ring(self) -> None:
        """NHS England's four-stage cycle can be the outer ring instead."""
        cycle = commissioning_cycles()["nhs-england"]
        figure = plot.engagement_cycle(commissioning=cycle)
        assert "Procure\nservices" in _all_text(figure)
        assert_nothing_clipped(figure)

    def test_wrong_type(self) -> None:
        with pytest.raises(InvalidTypeError, match="cycle: .* expected an EngagementCycle"):
            plot.engagement_cycle("the engagement cycle")  # type: ignore[arg-type]


class TestDecisionTriangle:
    def test_verdict(self) -> None:
        """Corners coloured by the reasons: the rheumatology decision's affordability is
        unknown (grey), its safety met (green), and acceptability shows each audience."""
        verdict = evaluate(examples.somerset_rheumatology_decision())
        figure = plot.decision_triangle(verdict)
        axes = figure.axes[0]
        circles = [p for p in axes.patches if isinstance(p, Circle)]
        assert len(circles) == 4  # three corners and proportionality
        assert len([p for p in axes.patches if isinstance(p, Polygon)]) == 1
        colours = sorted(to_hex(c.get_facecolor()) for c in circles)
        # grey for the unknown cost; green for safety, proportionality and (worst of
        # the audiences) partly met acceptability is yellow
        assert colours == sorted(["#bbbbbb", "#009e73", "#009e73", "#f0e442"])
        texts = _all_text(figure)
        assert "patients: met\nstaff: met\npublic: partly met" in texts
        assert "Affordable\ninsufficient evidence" in texts
        assert "verdict: insufficient evidence" in texts
        assert_nothing_clipped(figure)

    def test_comparison(self) -> None:
        """One triangle per option, and a dominated option says by which."""
        comparison = compare(examples.somerset_patient_transport_decision())
        figure = plot.decision_triangle(comparison)
        axes = figure.axes[0]
        assert len([p for p in axes.patches if isinstance(p, Polygon)]) == 2
        assert len([p for p in axes.patches if isinstance(p, Circle)]) == 6
        texts = _all_text(figure)
        # By the title each triangle is labelled with: the id "link-recommendations"
        # appeared nowhere else in the picture.
        assert (
            "Develop patient transport on the plans as they stood (dominated by: Include the"
            " LINk's recommendations as service development proposals)"
        ) in texts.replace("\n", " ")
        assert "patients: partly met" in texts
        assert_nothing_clipped(figure)

    def test_wrong_type(self) -> None:
        with pytest.raises(InvalidTypeError, match="expected a Verdict or a Comparison"):
            plot.decision_triangle(examples.somerset_rheumatology_decision())  # type: ignore[arg-type]


def _points(figure: Figure) -> int:
    total = 0
    for collection in figure.axes[0].collections:
        if isinstance(collection, PathCollection):
            offsets: Any = collection.get_offsets()
            total += len(offsets)
    return total


class TestEscalationNetwork:
    def test_small_network_drawn_whole(self) -> None:
        """Oxfordshire is drawn whole: one point per body, one label per body, tiers
        named on the left."""
        network = examples.oxfordshire()
        figure = plot.escalation_network(network)
        assert _points(figure) == len(network)
        labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
        assert labels == [t.label for t in network.by_tier()]  # the top tier first
        assert_nothing_clipped(figure)

    def test_collapsed_below_a_tier_counts_what_it_hides(self) -> None:
        """Sutton collapsed below its localities: 50 practices and PPGs are counted
        under the locality they report to, not drawn."""
        network = examples.sutton()
        figure = plot.escalation_network(network, collapse_below=Tier.LOCALITY)
        shown = sum(len(b) for t, b in network.by_tier().items() if t.rank >= Tier.LOCALITY.rank)
        assert _points(figure) == shown
        assert "counted, not drawn" in figure.axes[0].get_title()
        assert_nothing_clipped(figure)

    def test_national_network_summarised(self) -> None:
        """The national network is drawn to the ICBs (50 bodies), and the practice
        counts under the ICBs add up to every practice in the network."""
        network = national()
        figure = plot.escalation_network(network)
        assert _points(figure) == 1 + 7 + 42
        counted = 0
        for text in figure.axes[0].texts:
            for part in text.get_text().split(" · "):
                if part.startswith("Practice: "):
                    counted += int(part.removeprefix("Practice: ").replace(",", ""))
        assert counted == len(network.practices)
        assert_nothing_clipped(figure)

    @pytest.mark.parametrize(
        "network",
        [
            pytest.param(_ods_with_pcns, id="ods-and-pcns"),
            pytest.param(examples.oxfordshire, id="oxfordshire"),
            pytest.param(examples.sutton, id="sutton"),
        ],
    )
    def test_no_two_labels_overlap(self, network: Any) -> None:
        """Five practices read from ODS files printed "THE EXAMPVALLEY SURGERY": the
        figure was as wide for five wrapped names as for five dots."""
        figure = plot.escalation_network(network())
        canvas: Any = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts]
        overlapping = [
            (a.get_text(), b.get_text())
            for i, (a, box_a) in enumerate(zip(figure.axes[0].texts, boxes, strict=True))
            for b, box_b in zip(figure.axes[0].texts[i + 1 :], boxes[i + 1 :], strict=True)
            if box_a.overlaps(box_b)
        ]
        assert overlapping == []
        assert_nothing_clipped(figure)

    @pytest.mark.parametrize(
        "network",
        [
            pytest.param(examples.sutton, id="sutton"),
            pytest.param(lambda: national(scale=0.01), id="national-1%"),
            pytest.param(_ods_with_pcns, id="ods-and-pcns"),
        ],
    )
    def test_each_body_is_drawn_under_its_parent(self, network: Any) -> None:
        """A parent sits over the middle of the bodies it is the primary parent of, and
        no two primary links cross. Each row was spread evenly across the picture
        instead: Sutton's Wallington locality stood over the patient participation
        groups, 8 inches right of its own practices, and its lines crossed the others'."""
        net = network()
        figure = plot.escalation_network(net)
        annotations: list[Any] = list(figure.axes[0].texts)
        drawn = {a.get_text().replace("\n", " "): a.xy[0] for a in annotations}
        x = {b.id: drawn[b.name] for b in net.bodies}
        rank = {b.id: b.tier.rank for b in net.bodies}
        primary = {}
        for body in net.bodies:
            parents = net.parents(body.id)
            if parents and rank[parents[0].id] > rank[body.id]:
                primary[body.id] = parents[0].id
        assert primary  # a walk that found no links would pass
        for parent in set(primary.values()):
            under = [x[c] for c, p in primary.items() if p == parent]
            assert x[parent] == pytest.approx((min(under) + max(under)) / 2), parent
        crossing = [
            (a, b)
            for a, pa in primary.items()
            for b, pb in primary.items()
            if rank[a] == rank[b] and rank[pa] == rank[pb] and x[a] < x[b] and x[pa] > x[pb]
        ]
        assert crossing == []

    def test_unknown_tier(self) -> None:
        with pytest.raises(ValueError, match="collapse_below: 'parish'"):
            plot.escalation_network(examples.sutton(), collapse_below="parish")


class TestDutyTimeline:
    @pytest.mark.parametrize("bodies", [("pct", "ccg", "icb"), ("ccg", "icb"), ("pct", "ccg")])
    def test_the_change_of_kind_is_written_clear_of_the_bars(self, bodies: Any) -> None:
        """ "PCTs end · CCGs begin" was written left of its line, over the end of the
        PCTs' s242(2) bar, which ends there."""
        figure = plot.duty_timeline(bodies)
        axes = figure.axes[0]
        canvas: Any = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        bars = [
            p.get_window_extent(renderer)
            for p in axes.patches
            if isinstance(p, Rectangle) and p.get_width() > 0
        ]
        changes = [t for t in axes.texts if " begin" in t.get_text() or " end" in t.get_text()]
        assert changes
        covered = [
            t.get_text()
            for t in changes
            for bar in bars
            if t.get_window_extent(renderer).overlaps(bar)
        ]
        assert covered == []
        assert_nothing_clipped(figure)

    def test_bars_follow_the_registry(self) -> None:
        """One bar per version of each duty binding CCGs or ICBs, and the CCG → ICB
        change of 1 July 2022 marked."""
        end = dt.date(2024, 12, 31)
        figure = plot.duty_timeline(["ccg", "icb"], end=end)
        axes = figure.axes[0]
        bars = [p for p in axes.patches if isinstance(p, Rectangle) and p.get_width() > 0]
        expected = sum(
            1
            for kind in ("ccg", "icb")
            for duty in registry().for_body(kind)
            if duty.in_force_from < min(duty.in_force_to or end, end)
            and duty.in_force_from < {"ccg": dt.date(2022, 7, 1), "icb": end}[kind]
            and (duty.in_force_to or end)
            > {"ccg": dt.date(2013, 4, 1), "icb": dt.date(2022, 7, 1)}[kind]
        )
        assert len(bars) == expected
        assert "CCGs end · ICBs begin" in [t.get_text() for t in axes.texts]
        assert_nothing_clipped(figure)

    def test_row_labels_say_the_body_and_the_instrument_once(self) -> None:
        """Rows read "CCG: CCG: promote the NHS Constitution", "ICB: ICB annual report"
        and "Have regard to Transforming Participation in Health and Care
        (Transforming Participation in Health and Care (NHS England, ...))"."""
        figure = plot.duty_timeline(["ccg", "icb"], end=dt.date(2024, 12, 31))
        labels = [t.get_text().replace("\n", " ") for t in figure.axes[0].get_yticklabels()]
        assert "CCG: promote the NHS Constitution (s14P)" in labels
        assert "ICB annual report (s14Z58)" in labels
        assert "CCG: Have regard to Transforming Participation in Health and Care" in labels
        assert "CCG: Public involvement by clinical commissioning groups (s14Z2(2))" in labels
        assert not [label for label in labels if re.match(r"(CCG|ICB):? \1", label)]

    def test_no_duties_in_the_period(self) -> None:
        with pytest.raises(InvalidValueError, match="no duties in the period"):
            plot.duty_timeline(["icb"], start="2001-01-01", end="2010-01-01")

    def test_end_before_start(self) -> None:
        with pytest.raises(InvalidValueError, match="end: '2001-01-01'.*must be after start"):
            plot.duty_timeline(start="2010-01-01", end="2001-01-01")


class TestPlanProgress:
    def test_one_line_per_objective_and_the_whole_plan(self) -> None:
        """Somerset's plan: its six objectives and the whole plan, month by month."""
        plan = examples.somerset_action_plan()
        figure = plot.plan_progress(plan)
        axes = figure.axes[0]
        assert len(axes.get_lines()) == len(plan.objectives) + 1
        assert axes.get_lines()[-1].get_label() == "whole plan"
        assert_nothing_clipped(figure)

    def test_overdue_bars_count_overdue_actions(self) -> None:
        """The grey bars on the right-hand scale are the plan's overdue actions."""
        plan = examples.somerset_action_plan()
        figure = plot.plan_progress(plan, start="2012-06-01", end="2012-08-31")
        bars = [p.get_height() for p in figure.axes[1].patches if isinstance(p, Rectangle)]
        assert bars == [len(plan.overdue(dt.date(2012, m, 1))) for m in (6, 7, 8)]

    def test_no_overdue_action_is_a_scale_of_whole_counts_from_zero(self) -> None:
        """With no action overdue the right-hand scale still counts actions from 0 in
        whole numbers; matplotlib alone drew an empty scale from -0.04 to 0.04."""
        plan = examples.oxfordshire_delivery_plan()
        figure = plot.plan_progress(plan, start="2015-04-01", end="2019-03-31")
        overdue = figure.axes[1]
        assert [p.get_height() for p in overdue.patches if isinstance(p, Rectangle)] == [0] * 48
        assert overdue.get_ylim() == (0.0, 1.0)
        canvas: Any = FigureCanvasAgg(figure)
        canvas.draw()
        assert [t.get_text() for t in overdue.get_yticklabels()] == ["0", "1"]

    def test_wrong_type(self) -> None:
        with pytest.raises(InvalidTypeError, match="plan: .* expected an ActionPlan"):
            plot.plan_progress(examples.sutton())  # type: ignore[arg-type]


class TestRepresentation:
    def test_shares_and_suppression(self) -> None:
        """A bar per shown category, the population beside it, and a suppressed count
        written as suppressed, never drawn."""
        report = representation(
            {
                "age": {"16-24": 12, "25-64": 150, "65+": 45},
                "sex": {"female": 120, "male": 85, "intersex": 3},
            },
            {
                "age": {"16-24": 0.14, "25-64": 0.62, "65+": 0.24},
                "sex": {"female": 0.51, "male": 0.49, "intersex": 0.001},
            },
        )
        figure = plot.representation(report)
        axes = figure.axes[0]
        widths = sorted(round(p.get_width(), 1) for p in axes.patches if isinstance(p, Rectangle))
        population = [round((f.population_share or 0) * 100, 1) for f in report]
        shown = [round(f.share * 100, 1) for f in report if f.share is not None]
        hidden = [f for f in report if f.suppressed]
        # 3 intersex respondents are suppressed, and so is "male", lest the total tell
        assert [f.category for f in hidden] == ["male", "intersex"]
        assert widths == sorted(population + shown)
        texts = [t.get_text() for t in axes.texts]
        assert texts.count("suppressed (small number)") == len(hidden)
        assert texts.count("under-represented") == 1  # 16-24: 12 of 207 against 14%
        assert_nothing_clipped(figure)

    def test_wrong_type(self) -> None:
        with pytest.raises(InvalidTypeError, match="expected a RepresentationReport"):
            plot.representation({"age": {"16-24": 12}})  # type: ignore[arg-type]


def test_drawing_on_a_given_axes_returns_its_figure() -> None:
    """Every function draws on the ``ax`` it is given and returns that figure."""
    figure = Figure()
    left, right = figure.subplots(1, 2)
    assert plot.engagement_cycle(ax=left) is figure
    assert (
        plot.decision_triangle(evaluate(examples.somerset_rheumatology_decision()), ax=right)
        is figure
    )
    with pytest.raises(InvalidTypeError, match="ax: .* expected a matplotlib Axes"):
        plot.engagement_cycle(ax="left")  # type: ignore[arg-type]


def test_without_matplotlib_every_function_names_the_extra(monkeypatch: Any) -> None:
    """Without matplotlib the error is the same engagekit error every extra raises."""
    for name in ("matplotlib", "matplotlib.axes", "matplotlib.figure"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(MissingExtraError, match=r"pip install 'engagekit\[plot\]'"):
        plot.engagement_cycle()
    with pytest.raises(ModuleNotFoundError, match="engagekit.plot.duty_timeline needs"):
        plot.duty_timeline()


class TestNotebookDisplay:
    """A figure left as a notebook cell's last value shows as a picture, without pyplot."""

    def _shell(self, monkeypatch: pytest.MonkeyPatch) -> Any:
        from types import SimpleNamespace

        import IPython

        from IPython.core.formatters import PNGFormatter

        shell = SimpleNamespace(
            display_formatter=SimpleNamespace(formatters={"image/png": PNGFormatter()})
        )
        monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
        return shell.display_formatter.formatters["image/png"]

    def test_a_new_figure_formats_as_png_in_ipython(self, monkeypatch) -> None:
        png = self._shell(monkeypatch)
        figure = plot.engagement_cycle()
        assert png(figure).startswith(b"\x89PNG")

    def test_a_png_formatter_already_set_is_kept(self, monkeypatch) -> None:
        png = self._shell(monkeypatch)

        def mine(figure: Figure) -> bytes:
            return b"mine"

        png.for_type(Figure, mine)
        assert png(plot.engagement_cycle()) == b"mine"

    def test_outside_ipython_nothing_is_registered(self, monkeypatch) -> None:
        import IPython

        png = self._shell(monkeypatch)
        monkeypatch.setattr(IPython, "get_ipython", lambda: None)
        plot.engagement_cycle()
        with pytest.raises(KeyError, match="Figure"):
            png.lookup_by_type(Figure)


class TestDutyTimelineStart:
    def test_starts_the_year_before_the_first_kind_began(self) -> None:
        """CCGs and ICBs begin in 2013 and 2022: the picture starts in 2012, not in
        2001, which left half of it empty; PCTs always existed, so theirs starts in 2001."""
        figure = plot.duty_timeline(["ccg", "icb"], end=dt.date(2024, 12, 31))
        axes = figure.axes[0]
        assert axes.get_title() == "Duties binding CCG, ICB, 2012 to 2024"
        assert axes.get_xlim()[0] == day_number(dt.date(2012, 1, 1))
        assert "CCGs begin" in [t.get_text() for t in axes.texts]
        whole = plot.duty_timeline(["pct", "ccg"], end=dt.date(2014, 12, 31))
        assert whole.axes[0].get_title() == "Duties binding PCT, CCG, 2001 to 2014"
        given = plot.duty_timeline(["icb"], start="2022-01-01", end="2024-12-31")
        assert given.axes[0].get_title() == "Duties binding ICB, 2022 to 2024"
