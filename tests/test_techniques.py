"""Choosing techniques, and loading catalogues strictly."""

from __future__ import annotations

import io as stdio

import pytest

from engagekit import (
    EngagementStage,
    MethodOfEngagement,
    ParticipationLevel,
    load_techniques,
    techniques,
)
from engagekit.errors import DocumentError, InvalidValueError, ParseError, UnknownNameError


GOOD = """
[[technique]]
id = "walkabout"
name = "Community walkabout"
method = "getting-information"
levels = ["consult"]
description = "Walk the area with residents."
source = { document = "somerset-2012", section = "Appendix 1" }
"""


def _load(text: str, name: str = "local.toml"):
    handle = stdio.BytesIO(text.encode())
    handle.name = name
    return load_techniques(handle)


class TestSelect:
    def test_town_meeting_for_a_thousand_collaborators(self):
        """Appendix 1: 21st century town meetings involve between 500 and 5,000 people."""
        matches = techniques().select(level=ParticipationLevel.COLLABORATE, participants=1000)
        assert matches[0].technique.id == "twenty-first-century-town-meeting"
        assert any("between 500 and 5,000" in r for r in matches[0].reasons)

    def test_participant_figure_excludes(self):
        """A town meeting is not offered for forty people."""
        ids = [m.technique.id for m in techniques().select(participants=40)]
        assert "twenty-first-century-town-meeting" not in ids
        assert "world-cafe" in ids

    def test_stage_recommendations_rank_first(self):
        """Sutton Stage Five recommends mystery shopping for monitoring."""
        matches = techniques().select(stage=EngagementStage.MONITOR)
        top = {m.technique.id for m in matches if m.score == matches[0].score}
        assert "mystery-shopping" in top
        assert len(matches) == len(techniques())

    def test_seldom_heard_only(self):
        """Forum theatre works with socially excluded and disempowered groups (Appendix 1)."""
        ids = {m.technique.id for m in techniques().select(seldom_heard=True)}
        assert {"forum-theatre", "participatory-appraisal", "creative-methods"} <= ids
        assert "press" not in ids

    def test_method_filter(self):
        """Only forums for debate, when asked."""
        matches = techniques().select(method=MethodOfEngagement.FORUMS_FOR_DEBATE)
        assert matches
        assert {m.technique.method for m in matches} == {MethodOfEngagement.FORUMS_FOR_DEBATE}

    def test_deterministic(self):
        """The same question gives the same ranking."""
        first = techniques().select(
            level=ParticipationLevel.INVOLVE, stage=EngagementStage.parse(3)
        )
        second = techniques().select(
            level=ParticipationLevel.INVOLVE, stage=EngagementStage.parse(3)
        )
        assert first == second

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"level": "involve"}, "level"),
            ({"stage": 3}, "stage"),
            ({"method": "participation"}, "method"),
            ({"participants": 0}, "participants"),
            ({"participants": True}, "participants"),
        ],
    )
    def test_bad_arguments(self, kwargs, field):
        """Arguments of the wrong kind are named in the error."""
        with pytest.raises(InvalidValueError, match=f"^{field}:"):
            techniques().select(**kwargs)


class TestLoading:
    def test_user_catalogue_merges(self):
        """A local technique file in the built-in format adds to the catalogue."""
        merged = techniques().merged_with(_load(GOOD))
        assert merged["walkabout"].source.section == "Appendix 1"
        assert len(merged) == len(techniques()) + 1

    def test_duplicate_technique(self):
        """A duplicate id is refused, naming the id."""
        with pytest.raises(DocumentError) as info:
            _load(GOOD + GOOD.replace("[[technique]]", "\n[[technique]]"))
        assert "local.toml" in str(info.value)
        assert "'walkabout'" in str(info.value)
        assert "duplicate technique id" in str(info.value)

    def test_duplicate_with_built_in(self):
        """Merging a technique whose id is already built in is an error naming it."""
        clash = GOOD.replace('"walkabout"', '"world-cafe"')
        with pytest.raises(InvalidValueError, match="'world-cafe'"):
            techniques().merged_with(_load(clash))

    def test_unknown_method_names_file_key_and_value(self):
        """An unknown method of engagement: file, key path and value in one message."""
        with pytest.raises(DocumentError) as info:
            _load(GOOD.replace("getting-information", "giving-info"))
        message = str(info.value)
        assert message.startswith("local.toml: 1 problem")
        assert "$.technique[0].method" in message
        assert "'giving-info'" in message
        assert "giving-information" in message

    def test_incomplete_record_reports_every_problem(self):
        """Missing and unknown fields are all reported at once."""
        broken = GOOD.replace('description = "Walk the area with residents."\n', "")
        broken = broken.replace('levels = ["consult"]', 'levels = ["consult"]\ncolour = "red"')
        with pytest.raises(DocumentError) as info:
            _load(broken)
        problems = info.value.problems
        assert any("description" in p and "required field missing" in p for p in problems)
        assert any("unknown field 'colour'" in p for p in problems)

    def test_unknown_cited_document(self):
        """Citing a document engagekit does not know names the closest ids."""
        with pytest.raises(DocumentError, match="unknown document 'somerset-2021'"):
            _load(GOOD.replace("somerset-2012", "somerset-2021"))

    def test_malformed_toml(self):
        """A file that is not TOML is a ParseError naming the file."""
        with pytest.raises(ParseError, match="local.toml"):
            _load("[[technique]\nid = ")

    def test_duplicate_toml_key(self):
        """TOML's own duplicate keys are refused, not silently merged."""
        with pytest.raises(ParseError):
            _load(GOOD + 'id = "again"\n')

    def test_missing_file(self, tmp_path):
        """A path that does not exist is named."""
        missing = tmp_path / "nope.toml"
        with pytest.raises(ParseError, match="nope.toml"):
            load_techniques(missing)

    def test_unknown_technique_suggests(self):
        """Looking up a misspelt id suggests the right one."""
        with pytest.raises(UnknownNameError) as info:
            techniques().get("world cafe")
        assert info.value.suggestions[0] == "world-cafe"
