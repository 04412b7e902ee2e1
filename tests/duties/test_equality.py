"""Protected characteristics, PSED aims, Brown principles, representation and EDS."""

from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

from engagekit import Rating, io
from engagekit.cycles import Judgement, PrincipleSet
from engagekit.duties.equality import (
    RELEVANT_CHARACTERISTICS,
    EdsGrading,
    EdsModel,
    ProtectedCharacteristic,
    PsedAim,
    RepresentationReport,
    brown_principles,
    coverage,
    eds_models,
    representation,
    wilson_interval,
)
from engagekit.errors import InvalidValueError, UnknownChoiceError
from engagekit.results import Outcome


def test_nine_characteristics_in_s4_order():
    """Equality Act 2010 s4 lists nine, in this statutory order (domain.md §3.9)."""
    assert [c.label for c in ProtectedCharacteristic] == [
        "age",
        "disability",
        "gender reassignment",
        "marriage and civil partnership",
        "pregnancy and maternity",
        "race",
        "religion or belief",
        "sex",
        "sexual orientation",
    ]


def test_aims_b_and_c_cover_eight_not_marriage():
    """s149(7): eight relevant characteristics; marriage and civil partnership excluded."""
    assert len(RELEVANT_CHARACTERISTICS) == 8
    for aim in (PsedAim.B, PsedAim.C):
        assert aim.characteristics == RELEVANT_CHARACTERISTICS
        assert ProtectedCharacteristic.MARRIAGE_AND_CIVIL_PARTNERSHIP not in aim.characteristics
    assert ProtectedCharacteristic.MARRIAGE_AND_CIVIL_PARTNERSHIP in PsedAim.A.characteristics
    assert PsedAim.A.note is not None
    assert "not verified" in PsedAim.A.note


def test_coverage_matches_registry_requirements():
    """Every coverage line names a requirement in the duty registry."""
    from engagekit.duties import registry

    for line in coverage():
        duty, requirement = registry().requirement(line.requirement_id)
        assert duty.requirement_id(requirement) == line.requirement_id


def test_parse_characteristic_unknown():
    """An unknown characteristic names the closest."""
    with pytest.raises(UnknownChoiceError, match="did you mean 'religion-or-belief'"):
        ProtectedCharacteristic.parse("religion or beleif")


def test_brown_principles_checklist():
    """The six Brown principles (Aikens LJ, 2008) score as a due-regard checklist."""
    brown = brown_principles()
    assert [p.id for p in brown] == [
        "aware",
        "before-and-at-the-time",
        "substance-rigour-open-mind",
        "not-delegated",
        "continuing",
        "records",
    ]
    result = brown.score(
        {p.id: Judgement(rating=Rating.MET, reason="recorded in the EqIA") for p in brown}
    )
    assert result.points == result.max_points == 12
    assert brown.source.note is not None
    assert "not verified" in brown.source.note
    assert io.loads(io.dumps(brown), PrincipleSet) == brown


def test_representation_shares_differences_and_suppression():
    """Shares of those who stated; small cells hidden with a partner; zero shown."""
    report = representation(
        {
            "age": {"16-24": 4, "25-64": 150, "65+": 46},
            ProtectedCharacteristic.SEX: {"female": 120},
        },
        {"age": {"16-24": 14, "25-64": 62, "65+": 24}, "sex": {"female": 51, "male": 49}},
        suppress_below=5,
    )
    rows = {(r.characteristic.value, r.category): r for r in report}
    young = rows[("age", "16-24")]
    assert young.suppressed
    assert young.share is None
    assert young.under_represented is None
    # 46 is hidden too: with 150 and the 200 who answered shown, 4 = 200 - 150 - 46.
    older = rows[("age", "65+")]
    assert older.suppressed
    assert older.outcome is Outcome.INSUFFICIENT_EVIDENCE
    middle = rows[("age", "25-64")]
    assert middle.share == pytest.approx(150 / 200)
    assert middle.difference == pytest.approx(0.75 - 0.62)
    assert middle.ratio == pytest.approx(0.75 / 0.62)
    assert middle.under_represented is False
    male = rows[("sex", "male")]
    assert male.participants == 0
    assert male.under_represented is True
    assert male.high is not None
    assert male.high == pytest.approx(wilson_interval(0, 120)[1] - 0.49)
    assert male in report.under_represented
    assert "*" in str(report)
    assert io.loads(io.dumps(report), RepresentationReport) == report


def test_issue_14_prefer_not_to_say_is_counted():
    """ "Prefer not to say" is counted apart (it used to raise) and not compared."""
    report = representation(
        {"age": {"16-24": 12, "25-64": 150, "65+": 45, "Prefer not to say": 9}},
        {"age": {"16-24": 0.14, "25-64": 0.62, "65+": 0.24}},
    )
    declined = report.reasons[-1]
    assert (declined.category, declined.participants, declined.stated) == (
        "Prefer not to say", 9, False,
    )  # fmt: skip
    assert declined.share == pytest.approx(9 / 216)
    assert declined.outcome is Outcome.NOT_APPLICABLE
    young = report.reasons[0]
    assert young.share == pytest.approx(12 / 207)
    assert young.under_represented is True
    with pytest.raises(InvalidValueError, match="'Rather not say'"):
        representation({"age": {"Rather not say": 9}}, {"age": {"65+": 1}})
    own = representation(
        {"age": {"65+": 9, "Rather not say": 9}}, {"age": {"65+": 1}}, not_stated=["Rather not say"]
    )
    assert own.reasons[-1].stated is False


def test_issue_14_leak_is_closed_in_representation():
    """With 16-24 = 2 hidden, the 25-64 share no longer gives 75 and so 2."""
    report = representation(
        {"age": {"16-24": 2, "25-64": 31, "65+": 42}},
        {"age": {"16-24": 0.14, "25-64": 0.62, "65+": 0.24}},
    )
    shown = [(r.category, r.participants, r.share) for r in report]
    assert shown == [("16-24", None, None), ("25-64", None, None), ("65+", 42, 42 / 75)]


def test_wilson_interval_matches_newcombes_example():
    """Newcombe (1998) works 81 of 263: Wilson's 95% interval is 0.2553 to 0.3662."""
    low, high = wilson_interval(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)
    with pytest.raises(InvalidValueError, match="base"):
        wilson_interval(1, 0)
    with pytest.raises(InvalidValueError, match="confidence"):
        wilson_interval(1, 2, confidence=1.5)


def test_the_kept_95_percent_quantile_is_the_normal_distributions():
    """The default level's quantile, kept to spare importing statistics, is exactly
    the one statistics computes; another level is computed."""
    import statistics

    from engagekit.duties.equality import _representation

    assert statistics.NormalDist().inv_cdf(0.975) == _representation._Z_95
    assert _representation._z(0.95) == _representation._Z_95
    assert _representation._z(0.9) == statistics.NormalDist().inv_cdf(0.95)
    low, high = wilson_interval(81, 263, confidence=0.9)
    assert (round(low, 4), round(high, 4)) == (0.2633, 0.3566)


def test_representation_bad_input():
    """A category without a baseline, a negative count, bad settings: errors naming them."""
    with pytest.raises(InvalidValueError, match="'90\\+'"):
        representation({"age": {"90+": 10}}, {"age": {"65+": 1}})
    with pytest.raises(InvalidValueError, match="-1"):
        representation({"age": {"65+": -1}}, {"age": {"65+": 1}})
    with pytest.raises(InvalidValueError, match="suppress_below"):
        representation({}, {}, suppress_below=0)
    with pytest.raises(InvalidValueError, match="population"):
        representation({"race": {"a": 10}}, {})


@given(
    st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers(0, 50), min_size=1),
    st.integers(1, 10),
)
def test_representation_never_shows_small_counts(counts, k):
    """No shown count lies between 1 and suppress_below - 1."""
    report = representation({"age": counts}, {"age": {"a": 1, "b": 1, "c": 1}}, suppress_below=k)
    for row in report:
        assert row.participants not in range(1, k)
        assert row.suppressed is (row.participants is None)


def test_eds_models_and_what_is_verified():
    """EDS/EDS2: 4 goals, 18 outcomes, four grades; EDS 2022: 3 domains, 11 outcomes (§3.11)."""
    models = eds_models()
    eds2 = models["eds2"]
    assert [u.name for u in eds2.units] == [
        "Better health outcomes",
        "Improved patient access and experience",
        "Empowered, engaged and included staff",
        "Inclusive leadership",
    ]
    assert eds2.total_outcomes == 18
    assert eds2.grades == ("undeveloped", "developing", "achieving", "excelling")
    assert eds2.grade_colours == ("red", "amber", "green", "purple")
    assert [u.count_verified for u in eds2.units] == [False, True, False, False]
    assert len(eds2.units[1].outcomes) == 4
    eds22 = models["eds-2022"]
    assert (len(eds22.units), eds22.total_outcomes, eds22.grades_verified) == (3, 11, False)
    assert any("July 2011" in n and "November 2011" in n for n in models["eds-2011"].notes)
    for model in models.values():
        assert io.loads(io.dumps(model), EdsModel) == model


def test_eds_grading():
    """Grades must be on the version's scale; ungraded goals are listed."""
    eds2 = eds_models()["eds2"]
    grading = eds2.grade({1: "achieving", 4: "undeveloped"})
    assert [line.number for line in grading.ungraded] == [2, 3]
    assert grading.counts == {"achieving": 1, "undeveloped": 1}
    assert io.loads(io.dumps(grading), EdsGrading) == grading
    with pytest.raises(InvalidValueError, match="'outstanding'"):
        eds2.grade({1: "outstanding"})
    with pytest.raises(InvalidValueError, match="goal number"):
        eds2.grade({5: "achieving"})
    assert not eds_models()["eds-2022"].grade({1: "2"}).verified
