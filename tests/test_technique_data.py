"""The built-in technique catalogue holds the sources' techniques and figures."""

from __future__ import annotations

import pytest

from engagekit.cycles import EngagementStage, MethodOfEngagement
from engagekit.techniques import Quantity, catalogue


SOMERSET_TITLE = (
    "Strategy for Patient and Public Engagement for NHS Somerset and the Somerset "
    "Clinical Commissioning Group, 2012 onwards"
)

# Real Involvement's menu as quoted in the Somerset strategy's Appendix 1.
APPENDIX_1_IDS = [
    "websites",
    "leaflets-newsletters",
    "display-boards",
    "texting",
    "podcasts-dvds",
    "press",
    "radio",
    "television",
    "public-meetings",
    "citizens-panel",
    "focus-groups",
    "shadowing",
    "creative-methods",
    "mystery-shopping",
    "comments-cards",
    "polling",
    "telephone-responses",
    "email-responses",
    "video-diaries",
    "online-consultation",
    "conversation-cafe",
    "discussion-groups",
    "blogs",
    "online-forums",
    "webchat",
    "health-panels",
    "nominal-group",
    "co-design",
    "deliberative-events",
    "twenty-first-century-town-meeting",
    "citizens-jury",
    "user-groups",
    "story-telling",
    "participatory-appraisal",
    "forum-theatre",
    "world-cafe",
    "future-search",
    "open-space",
    "peer-review",
    "deliberative-mapping",
]


@pytest.mark.parametrize("technique_id", APPENDIX_1_IDS)
def test_appendix_1_technique_cites_somerset_appendix_1(technique_id: str) -> None:
    """Each Real Involvement menu item is present and cites Somerset's Appendix 1."""
    technique = catalogue()[technique_id]
    assert technique.source.title == SOMERSET_TITLE
    assert technique.source.date == "2012"
    assert technique.source.section is not None
    assert technique.source.section.startswith("Appendix 1")


@pytest.mark.parametrize(
    ("technique_id", "quantity", "low", "high", "text"),
    [
        (
            "twenty-first-century-town-meeting",
            Quantity.PARTICIPANTS,
            500,
            5000,
            "between 500 and 5,000",
        ),
        ("world-cafe", Quantity.ROUND_LENGTH, 20, 30, "20–30 minutes"),
        ("future-search", Quantity.SESSION_LENGTH, 2.5, 2.5, "ideally two and a half days"),
        ("nominal-group", Quantity.SESSION_LENGTH, 3, 3, "about three hours"),
    ],
)
def test_source_figures_have_exact_bounds(
    technique_id: str, quantity: Quantity, low: float, high: float, text: str
) -> None:
    """The figures the source gives are encoded with their exact bounds and wording."""
    figure = catalogue()[technique_id].figure(quantity)
    assert figure is not None
    assert (figure.low, figure.high, figure.text) == (low, high, text)


def test_town_meeting_participant_figure_excludes_small_groups() -> None:
    """A 21st century town meeting fits 1,200 people but not 40."""
    figure = catalogue()["twenty-first-century-town-meeting"].figure(Quantity.PARTICIPANTS)
    assert figure is not None
    assert figure.contains(1200)
    assert not figure.contains(40)


def test_world_cafe_is_a_participation_method() -> None:
    """World café sits in the Participation group of the menu."""
    assert catalogue()["world-cafe"].method is MethodOfEngagement.PARTICIPATION


def test_public_meetings_are_listed_under_giving_information() -> None:
    """The source places public meetings with the giving-information techniques."""
    assert catalogue()["public-meetings"].method is MethodOfEngagement.GIVING_INFORMATION


@pytest.mark.parametrize("method", list(MethodOfEngagement))
def test_every_method_has_a_technique(method: MethodOfEngagement) -> None:
    """Each of the four methods of engagement has at least one technique."""
    assert any(t.method is method for t in catalogue())


def test_mystery_shopping_is_recommended_for_monitoring() -> None:
    """Sutton recommends mystery shopping for stage 5, monitoring services."""
    stage_5 = [t.id for t in catalogue() if EngagementStage.MONITOR in t.stages]
    assert "mystery-shopping" in stage_5


def test_every_technique_has_a_source() -> None:
    """Every technique carries a citation with a title and a publisher."""
    for technique in catalogue():
        assert technique.source.title.strip(), technique.id
        assert technique.source.publisher.strip(), technique.id


def test_seldom_heard_techniques_explain_why() -> None:
    """Techniques marked as suiting seldom-heard groups give the source's reason."""
    flagged = {t.id for t in catalogue() if t.seldom_heard}
    assert {"creative-methods", "participatory-appraisal", "forum-theatre"} <= flagged
    assert all(catalogue()[i].seldom_heard_note for i in flagged)
