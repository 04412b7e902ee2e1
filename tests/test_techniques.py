"""Choosing techniques, and loading catalogues strictly."""

from __future__ import annotations

import io as stdio

from pathlib import Path
from typing import Any

import attrs
import pytest

from engagekit import EngagementStage, MethodOfEngagement, ParticipationLevel, Source
from engagekit.errors import (
    DocumentError,
    InvalidTypeError,
    InvalidValueError,
    ParseError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.techniques import (
    Figure,
    Match,
    Matches,
    Technique,
    TechniqueCatalogue,
    catalogue,
    load_techniques,
    select,
)


GOOD = """
[[technique]]
id = "walkabout"
name = "Community walkabout"
method = "getting-information"
levels = ["consult"]
description = "Walk the area with residents."
source = { document = "somerset-2012", section = "Appendix 1" }
"""


def _load(text: str, name: str = "local.toml") -> TechniqueCatalogue:
    handle = stdio.BytesIO(text.encode())
    handle.name = name
    return load_techniques(handle)


class TestSelect:
    def test_town_meeting_for_a_thousand_collaborators(self) -> None:
        """Appendix 1: 21st century town meetings involve between 500 and 5,000 people."""
        matches = catalogue().select(level=ParticipationLevel.COLLABORATE, participants=1000)
        assert matches[0].technique.id == "twenty-first-century-town-meeting"
        assert any("between 500 and 5,000" in r for r in matches[0].reasons)

    def test_participant_figure_excludes(self) -> None:
        """A town meeting is not offered for forty people."""
        ids = [m.technique.id for m in catalogue().select(participants=40)]
        assert "twenty-first-century-town-meeting" not in ids
        assert "world-cafe" in ids

    def test_stage_recommendations_rank_first(self) -> None:
        """Sutton Stage Five recommends mystery shopping for monitoring."""
        matches = catalogue().select(stage=EngagementStage.MONITOR)
        top = {m.technique.id for m in matches if m.score == matches[0].score}
        assert "mystery-shopping" in top
        assert len(matches) == len(catalogue())

    def test_seldom_heard_only(self) -> None:
        """Forum theatre works with socially excluded and disempowered groups (Appendix 1)."""
        ids = {m.technique.id for m in catalogue().select(seldom_heard=True)}
        assert {"forum-theatre", "participatory-appraisal", "creative-methods"} <= ids
        assert "press" not in ids

    def test_method_filter(self) -> None:
        """Only forums for debate, when asked."""
        matches = catalogue().select(method=MethodOfEngagement.FORUMS_FOR_DEBATE)
        assert matches
        assert {m.technique.method for m in matches} == {MethodOfEngagement.FORUMS_FOR_DEBATE}

    def test_deterministic(self) -> None:
        """The same question gives the same ranking."""
        first = catalogue().select(level=ParticipationLevel.INVOLVE, stage=EngagementStage.parse(3))
        second = catalogue().select(
            level=ParticipationLevel.INVOLVE, stage=EngagementStage.parse(3)
        )
        assert first == second

    def test_text_and_any_whole_number(self) -> None:
        """Issue 9: select(level="collaborate") and participants=numpy.int64(1000) were
        refused; text names a choice and any numbers.Integral is a count."""
        numpy = pytest.importorskip("numpy")
        typed = select(level=ParticipationLevel.COLLABORATE, participants=1000)
        assert select(level="collaborate", participants=numpy.int64(1000)) == typed
        assert select(stage=3, method="Participation") == select(
            stage=EngagementStage.DESIGN_AND_IMPROVE, method=MethodOfEngagement.PARTICIPATION
        )

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"level": "co-produce"}, UnknownChoiceError, "level"),
            ({"level": 3}, InvalidTypeError, "level"),
            ({"stage": 0}, UnknownChoiceError, "stage"),
            ({"stage": "evaluate"}, UnknownChoiceError, "stage"),
            ({"stage": 2.0}, InvalidTypeError, "stage"),
            ({"method": ["participation"]}, InvalidTypeError, "method"),
            ({"participants": 0}, InvalidValueError, "participants"),
            ({"participants": True}, InvalidTypeError, "participants"),
            ({"participants": 2.5}, InvalidTypeError, "participants"),
            ({"participants": "40"}, InvalidTypeError, "participants"),
            ({"seldom_heard": "yes"}, InvalidTypeError, "seldom_heard"),
        ],
    )
    def test_bad_arguments(
        self, kwargs: dict[str, Any], error: type[Exception], field: str
    ) -> None:
        """Wrong types raise InvalidTypeError, wrong values InvalidValueError, naming the
        argument."""
        with pytest.raises(error, match=f"^{field}:"):
            select(**kwargs)

    def test_result_is_a_table(self) -> None:
        """select() returns Matches: a sequence with a one-line repr, text (an entry per
        match where a table would be too wide for a terminal), an HTML table and records."""
        matches = select(level="collaborate", participants=1000)
        assert isinstance(matches, Matches)
        assert isinstance(matches[0], Match)
        assert repr(matches) == f"<Matches with {len(matches)} techniques>"
        assert str(matches).splitlines()[:2] == [
            "- technique: 21st century town meeting",
            "    id: twenty-first-century-town-meeting",
        ]
        assert "<table" in matches._repr_html_()
        record = matches.to_records()[0]
        assert record["id"] == "twenty-first-century-town-meeting"
        assert record["score"] == 2


class TestCatalogue:
    def test_repr_is_one_line(self) -> None:
        """Issue 9: a catalogue's repr says what it is and how many techniques it holds."""
        assert repr(catalogue()) == f"<TechniqueCatalogue with {len(catalogue())} techniques>"

    def test_catalogue_is_immutable_and_shared(self) -> None:
        """The cached catalogue cannot be changed by one caller for the next."""
        shared = catalogue()
        with pytest.raises(attrs.exceptions.FrozenInstanceError, match="can't set attribute"):
            shared.techniques = ()  # type: ignore[misc]
        with pytest.raises(TypeError, match="'mappingproxy' object does not support item"):
            shared._index["x"] = shared["world-cafe"]  # type: ignore[index]
        assert catalogue() is shared

    def test_module_is_public(self) -> None:
        """engagekit.techniques is a module; the top level exports it."""
        import engagekit

        assert engagekit.techniques.catalogue is catalogue
        assert engagekit.Technique is Technique
        assert engagekit.TechniqueCatalogue is TechniqueCatalogue

    def test_get_with_a_non_text_id(self) -> None:
        """An id that is not text is reported, not a crash."""
        with pytest.raises(UnknownNameError, match=r"unknown technique \['world-cafe'\]"):
            catalogue().get(["world-cafe"])  # type: ignore[arg-type]


class TestTechniqueValues:
    def _fields(self) -> dict[str, Any]:
        cafe = catalogue()["world-cafe"]
        return {
            "id": "walkabout",
            "name": "Community walkabout",
            "method": "getting-information",
            "levels": ["consult"],
            "description": "Walk the area with residents.",
            "source": cafe.source,
        }

    def test_choices_as_text(self) -> None:
        """A technique built in code takes its method, levels and stages as text."""
        technique = Technique(**self._fields(), stages=["monitor", 1])
        assert technique.method is MethodOfEngagement.GETTING_INFORMATION
        assert technique.levels == (ParticipationLevel.CONSULT,)
        assert technique.stages == (EngagementStage.IDENTIFY_NEEDS, EngagementStage.MONITOR)

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"levels": "consult"}, "Technique.levels"),
            ({"seldom_heard": "false"}, "Technique.seldom_heard"),
            ({"id": 42}, "Technique.id"),
        ],
    )
    def test_wrong_types(self, change: dict[str, Any], field: str) -> None:
        """A string for a list, a string for a flag, a number for an id: type errors."""
        with pytest.raises(InvalidTypeError, match=f"^{field}:"):
            Technique(**{**self._fields(), **change})

    def test_id_follows_the_one_id_rule(self) -> None:
        """An id with spaces is refused with the one id rule."""
        with pytest.raises(InvalidValueError, match="must be an id"):
            Technique(**{**self._fields(), "id": "world cafe"})

    def test_figure_bounds(self) -> None:
        """A figure whose low is above its high is refused however it is built."""
        with pytest.raises(InvalidValueError, match="^Figure.high"):
            Figure(quantity="participants", low=50, high=5, unit="people", text="x")

    def test_figure_bound_is_a_number_not_nan(self) -> None:
        """NaN compares false with everything, so it passed "at least 0" unseen."""
        with pytest.raises(InvalidValueError, match=r"^Figure\.low: nan .*at least 0"):
            Figure(quantity="participants", low=float("nan"), unit="people", text="x")


class TestSources:
    def test_file_url_is_refused(self) -> None:
        """Issue 9: the URL rule said 'must be an http(s) URL' while accepting file://."""
        with pytest.raises(InvalidValueError, match="must be an http\\(s\\) URL"):
            Source(title="Notes", publisher="NHS Example ICB", url="file:///etc/passwd")

    @pytest.mark.parametrize("date", ["2012-13", "2012-02-30", "12", "2012/01"])
    def test_partial_dates_must_be_real(self, date: str) -> None:
        """A publication date is YYYY, YYYY-MM or YYYY-MM-DD and a real date."""
        with pytest.raises(InvalidValueError, match="^Source.date"):
            Source(title="Strategy", publisher="NHS Somerset", date=date)

    def test_date_of_the_wrong_type(self) -> None:
        """A number for a date is a type error."""
        with pytest.raises(InvalidTypeError, match="^Source.date"):
            Source(title="Strategy", publisher="NHS Somerset", date=2012)  # type: ignore[arg-type]


class TestLoading:
    def test_user_catalogue_merges(self) -> None:
        """A local technique file in the built-in format adds to the catalogue."""
        merged = catalogue().merged_with(_load(GOOD))
        assert merged["walkabout"].source.section == "Appendix 1"
        assert len(merged) == len(catalogue()) + 1

    def test_duplicate_technique(self) -> None:
        """A duplicate id is refused, naming the id."""
        with pytest.raises(
            DocumentError,
            match=(
                r"local\.toml: 1 problem\n  \$\.technique\[1\]: technique\[1\]: 'walkabout' is not "
                r"allowed: duplicate technique id \(first at \[0\]\)$"
            ),
        ) as info:
            _load(GOOD + GOOD.replace("[[technique]]", "\n[[technique]]"))
        assert "local.toml" in str(info.value)
        assert "'walkabout'" in str(info.value)
        assert "duplicate technique id" in str(info.value)

    def test_duplicate_with_built_in(self) -> None:
        """Merging a technique whose id is already built in is an error naming it."""
        clash = GOOD.replace('"walkabout"', '"world-cafe"')
        with pytest.raises(InvalidValueError, match="'world-cafe'"):
            catalogue().merged_with(_load(clash))

    def test_unknown_method_names_file_key_and_value(self) -> None:
        """An unknown method of engagement: file, key path and value in one message."""
        with pytest.raises(
            DocumentError,
            match=r"\$\.technique\[0\]\.method: MethodOfEngagement: 'giving-info' is not allowed",
        ) as info:
            _load(GOOD.replace("getting-information", "giving-info"))
        message = str(info.value)
        assert message.startswith("local.toml: 1 problem")
        assert "$.technique[0].method" in message
        assert "'giving-info'" in message
        assert "giving-information" in message

    def test_incomplete_record_reports_every_problem(self) -> None:
        """Missing and unknown fields are all reported at once."""
        broken = GOOD.replace('description = "Walk the area with residents."\n', "")
        broken = broken.replace('levels = ["consult"]', 'levels = ["consult"]\ncolour = "red"')
        with pytest.raises(
            DocumentError, match=r"\$\.technique\[0\]\.colour: unknown field 'colour' of Technique"
        ) as info:
            _load(broken)
        problems = info.value.problems
        assert any(
            p.path.endswith("description") and "required field missing" in p.message
            for p in problems
        )
        assert any("unknown field 'colour'" in str(p) for p in problems)

    def test_citation_document_of_the_wrong_type(self) -> None:
        """Issue 9: a citation whose document is a list raised TypeError inside _data."""
        with pytest.raises(
            DocumentError,
            match=r"\$\.technique\[0\]\.source\.document: expected the id of a cited document as",
        ) as info:
            _load(GOOD.replace('document = "somerset-2012"', 'document = ["somerset-2012"]'))
        (problem,) = info.value.problems
        assert problem.path == "$.technique[0].source.document"
        assert problem.value == ["somerset-2012"]

    def test_citation_with_an_unknown_key(self) -> None:
        """A citation key other than document, section and note is a document problem."""
        with pytest.raises(DocumentError, match=r"\$\.technique\[0\]\.source: unknown field"):
            _load(GOOD.replace('section = "Appendix 1"', "page = 4"))

    def test_unknown_cited_document(self) -> None:
        """Citing a document engagekit does not know names the closest ids."""
        with pytest.raises(DocumentError, match="unknown document 'somerset-2021'"):
            _load(GOOD.replace("somerset-2012", "somerset-2021"))

    def test_malformed_toml(self) -> None:
        """A file that is not TOML is a ParseError naming the file."""
        with pytest.raises(ParseError, match="local.toml"):
            _load("[[technique]\nid = ")

    def test_duplicate_toml_key(self) -> None:
        """TOML's own duplicate keys are refused, not silently merged."""
        with pytest.raises(ParseError, match=r"local\.toml.*not valid TOML \(Cannot overwrite"):
            _load(GOOD + 'id = "again"\n')

    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is named."""
        missing = tmp_path / "nope.toml"
        with pytest.raises(ParseError, match="nope.toml"):
            load_techniques(missing)

    def test_unknown_technique_suggests(self) -> None:
        """Looking up a misspelt id suggests the right one."""
        with pytest.raises(
            UnknownNameError, match=r"unknown technique 'world cafe'; did you mean 'world-cafe'\?"
        ) as info:
            catalogue().get("world cafe")
        assert info.value.suggestions[0] == "world-cafe"
