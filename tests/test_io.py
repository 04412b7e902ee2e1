"""engagekit.io reads strictly and writes losslessly."""

from __future__ import annotations

import datetime as dt
import io as stdio
import json

import pytest

from engagekit import ENGAGEMENT_CYCLE, EngagementCycle, ParticipationLevel, Source, io
from engagekit.errors import DocumentError, ParseError


SOMERSET = Source(
    title="Strategy for Patient and Public Engagement",
    publisher="NHS Somerset",
    date="2012",
    section="Figure 2",
)


class TestDocuments:
    def test_dumps_carries_format_version_and_type(self):
        """Every JSON document names its format version and type."""
        document = json.loads(io.dumps(SOMERSET))
        assert document["engagekit"] == {"format": io.FORMAT_VERSION, "type": "Source"}
        assert document["data"]["section"] == "Figure 2"

    def test_plain_json_without_envelope_loads(self):
        """Plain JSON data (no envelope) is read as the current format."""
        assert io.loads('{"title": "t", "publisher": "p"}', Source).title == "t"

    def test_newer_format_is_refused(self):
        """A document from a newer engagekit is refused with a clear reason."""
        text = io.dumps(SOMERSET).replace('"format": 1', '"format": 2')
        with pytest.raises(DocumentError, match="newer than this engagekit reads"):
            io.loads(text, Source)

    def test_wrong_type_is_refused(self):
        """A document of another type is not silently read as this one."""
        with pytest.raises(DocumentError, match="'Source' is not 'EngagementCycle'"):
            io.loads(io.dumps(SOMERSET), EngagementCycle)

    def test_not_json(self):
        """Text that is not JSON is a ParseError quoting it."""
        with pytest.raises(ParseError, match="not JSON"):
            io.loads("{title: ", Source)


class TestStrictness:
    def test_unknown_field_named(self):
        """Unknown fields are reported, not dropped."""
        with pytest.raises(DocumentError) as info:
            io.from_dict({"title": "t", "publisher": "p", "pubisher": "x"}, Source)
        assert info.value.problems == ("$: unknown field 'pubisher'",)

    def test_unknown_enum_value_named(self):
        """Unknown enum values name the value and the allowed values."""
        with pytest.raises(DocumentError) as info:
            io.from_dict("co-produce", ParticipationLevel)
        message = str(info.value)
        assert "'co-produce'" in message
        assert "'inform', 'consult', 'involve', 'collaborate', 'empower'" in message

    def test_every_problem_reported_at_once(self):
        """Several bad fields in one document: all are reported, nothing half-built."""
        data = io.to_dict(ENGAGEMENT_CYCLE)
        data["stages"][0]["stage"] = "evaluate"
        data["elements"][2]["number"] = "three"
        del data["centre"]
        with pytest.raises(DocumentError) as info:
            io.from_dict(data, EngagementCycle, origin="cycle.json")
        problems = "\n".join(info.value.problems)
        assert "$.stages[0].stage" in problems
        assert "'evaluate'" in problems
        assert "$.elements[2].number" in problems
        assert "$.centre: required field missing" in problems
        assert str(info.value).startswith("cycle.json: ")

    def test_invalid_value_from_validator_is_located(self):
        """A constructor's validation error is reported with its key path."""
        with pytest.raises(DocumentError) as info:
            io.from_dict({"title": " ", "publisher": "p"}, Source)
        assert "Source.title" in str(info.value)

    def test_dates(self):
        """Dates are ISO strings in JSON; datetimes and garbage are refused."""
        assert io.to_dict(dt.date(2013, 4, 1)) == "2013-04-01"
        assert io.from_dict("2013-04-01", dt.date) == dt.date(2013, 4, 1)
        with pytest.raises(DocumentError, match="'1 April 2013'"):
            io.from_dict("1 April 2013", dt.date)
        with pytest.raises(DocumentError, match="not a date and time"):
            io.from_dict(dt.datetime(2013, 4, 1, 9, 0), dt.date)


class TestToml:
    def test_load_toml_with_header(self):
        """A TOML document may carry an engagekit table with its format."""
        text = b'engagekit = { format = 1 }\ntitle = "Strategy"\npublisher = "NHS Somerset"\n'
        assert io.load_toml(stdio.BytesIO(text), Source).publisher == "NHS Somerset"

    def test_load_toml_from_path(self, tmp_path):
        """Paths work as well as file objects, and errors name the file."""
        path = tmp_path / "source.toml"
        path.write_text('title = "Strategy"\n', encoding="utf-8")
        with pytest.raises(DocumentError) as info:
            io.load_toml(path, Source)
        assert str(path) in str(info.value)
        assert "$.publisher: required field missing" in str(info.value)

    def test_toml_dates_are_native(self):
        """TOML's native dates structure into datetime.date."""
        data = io.read_toml(stdio.BytesIO(b"on = 2022-07-01\n"))
        assert io.from_dict(data["on"], dt.date) == dt.date(2022, 7, 1)
