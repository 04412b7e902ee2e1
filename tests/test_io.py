"""engagekit.io reads strictly and writes losslessly."""

from __future__ import annotations

import copy
import datetime as dt
import io as stdio
import json
import re
import time

from typing import Any

import pytest

from engagekit import ENGAGEMENT_CYCLE, EngagementCycle, ParticipationLevel, Source, examples, io
from engagekit.decisions import DEFAULT_POLICY, Decision, Impact, Policy
from engagekit.errors import (
    MAX_PROBLEMS,
    DocumentError,
    EngagekitError,
    InvalidValueError,
    ParseError,
    Problem,
    WriteError,
)
from engagekit.escalation import EscalationNetwork
from engagekit.evidence import Evidence
from engagekit.plans import ActionPlan


SOMERSET = Source(
    title="Strategy for Patient and Public Engagement",
    publisher="NHS Somerset",
    date="2012",
    section="Figure 2",
)


def transport() -> dict[str, Any]:
    """NHS Somerset's patient transport decision, as plain data."""
    data = io.to_dict(examples.somerset_patient_transport_decision())
    assert isinstance(data, dict)
    return data


def problems(error: pytest.ExceptionInfo[DocumentError]) -> dict[str, Problem]:
    """The problems of a DocumentError by path."""
    return {p.path: p for p in error.value.problems}


class TestDocuments:
    def test_dumps_carries_format_version_and_type(self) -> None:
        """Every JSON document names its format version and type."""
        document = json.loads(io.dumps(SOMERSET))
        assert document["engagekit"] == {"format": io.FORMAT_VERSION, "type": "Source"}
        assert document["data"]["section"] == "Figure 2"

    def test_a_file_that_cannot_be_written_is_a_write_error(self, tmp_path: Any) -> None:
        """It read "cannot read '…': cannot write", a reading error for a writing one."""
        target = tmp_path / "no-such-folder" / "source.json"
        with pytest.raises(WriteError) as info:
            io.dump(SOMERSET, target)
        assert str(info.value) == f"cannot write {str(target)!r}: No such file or directory"
        assert isinstance(info.value, OSError)
        assert info.value.path == str(target)

    def test_dumps_is_compact_unless_asked(self) -> None:
        """Compact JSON by default (the fast C encoder); indent on request, same value."""
        compact = io.dumps(SOMERSET)
        pretty = io.dumps(SOMERSET, indent=2)
        assert "\n" not in compact
        assert "\n  " in pretty
        assert io.loads(pretty, Source) == io.loads(compact, Source) == SOMERSET

    def test_plain_json_without_envelope_loads(self) -> None:
        """Plain JSON data (no envelope) is read as the current format."""
        assert io.loads('{"title": "t", "publisher": "p"}', Source).title == "t"

    def test_newer_format_is_refused(self) -> None:
        """A document from a newer engagekit is refused with a clear reason."""
        text = io.dumps(SOMERSET).replace('"format": 1', '"format": 2')
        with pytest.raises(DocumentError, match="newer than this engagekit reads") as info:
            io.loads(text, Source)
        assert info.value.problems[0].path == "$.engagekit.format"
        assert info.value.problems[0].value == 2

    def test_wrong_type_is_refused(self) -> None:
        """A document of another type is not silently read as this one."""
        with pytest.raises(
            DocumentError, match="the document holds 'Source', not 'EngagementCycle'"
        ):
            io.loads(io.dumps(SOMERSET), EngagementCycle)

    def test_not_json(self) -> None:
        """Text that is not JSON is a ParseError quoting it."""
        with pytest.raises(ParseError, match="not JSON"):
            io.loads("{title: ", Source)


class TestStrictness:
    def test_unknown_field_named(self) -> None:
        """Unknown fields are reported at their own path, with a suggestion."""
        with pytest.raises(
            DocumentError,
            match=r"\$\.pubisher: unknown field 'pubisher' of Source.*did you mean 'publisher'",
        ) as info:
            io.from_dict({"title": "t", "publisher": "p", "pubisher": "x"}, Source)
        (problem,) = info.value.problems
        assert problem.path == "$.pubisher"
        assert problem.value == "x"
        assert problem.message.startswith("unknown field 'pubisher' of Source")
        assert "did you mean 'publisher'?" in problem.message

    def test_unknown_enum_value_named(self) -> None:
        """Unknown enum values name the value and the allowed values."""
        with pytest.raises(
            DocumentError, match=r"\$: ParticipationLevel: 'co-produce' is not allowed"
        ) as info:
            io.from_dict("co-produce", ParticipationLevel)
        message = str(info.value)
        assert "'co-produce'" in message
        assert "'inform', 'consult', 'involve', 'collaborate', 'empower'" in message
        assert info.value.problems[0].value == "co-produce"

    def test_every_problem_reported_at_once(self) -> None:
        """Several bad fields in one document: all are reported, nothing half-built."""
        data = io.to_dict(ENGAGEMENT_CYCLE)
        data["stages"][0]["stage"] = "evaluate"
        data["elements"][2]["number"] = "three"
        del data["centre"]
        with pytest.raises(
            DocumentError, match=r"^cycle\.json: 3 problems\n  \$\.centre: required field missing"
        ) as info:
            io.from_dict(data, EngagementCycle, origin="cycle.json")
        found = problems(info)
        assert "'evaluate'" in found["$.stages[0].stage"].message
        assert found["$.stages[0].stage"].value == "evaluate"
        assert found["$.elements[2].number"].value == "three"
        assert found["$.centre"].message == "required field missing"
        assert str(info.value).startswith("cycle.json: 3 problems")

    def test_invalid_value_from_validator_is_located(self) -> None:
        """A constructor's validation error is reported at the field's key path."""
        with pytest.raises(
            DocumentError, match=r"\$\.title: Source\.title: ' ' is not allowed"
        ) as info:
            io.from_dict({"title": " ", "publisher": "p"}, Source)
        assert "Source.title" in str(info.value)
        assert info.value.problems[0].path == "$.title"
        assert info.value.problems[0].value == " "

    def test_cross_field_invariant_is_located(self) -> None:
        """An invariant checked by a nested record's constructor names that record's path."""
        data = io.to_dict(examples.sutton())
        index = next(i for i, body in enumerate(data["bodies"]) if body["id"] == "sutton-prg")
        data["bodies"][index]["members"] = data["bodies"][index]["seats"] + 1
        with pytest.raises(
            DocumentError,
            match=r"\.members: Body\.members: 76 is not allowed: more members than seats \(75\)",
        ) as info:
            io.from_dict(data, EscalationNetwork)
        (problem,) = info.value.problems
        assert problem.path == f"$.bodies[{index}].members"
        assert "more members than" in problem.message
        assert problem.value == 76

    def test_dates(self) -> None:
        """Dates are ISO strings in JSON; datetimes and garbage are refused."""
        assert io.to_dict(dt.date(2013, 4, 1)) == "2013-04-01"
        assert io.from_dict("2013-04-01", dt.date) == dt.date(2013, 4, 1)
        with pytest.raises(DocumentError, match="'1 April 2013'"):
            io.from_dict("1 April 2013", dt.date)
        with pytest.raises(DocumentError, match="not a date and time"):
            io.from_dict(dt.datetime(2013, 4, 1, 9, 0), dt.date)


class TestNoSilentCoercion:
    """Each document here loaded with a changed meaning before the strict hooks."""

    def test_false_as_text_is_not_true(self) -> None:
        """`permanent = "false"` and `bed_closures = "false"` were read as True."""
        data = transport()
        data["impact"]["permanent"] = "false"
        data["impact"]["bed_closures"] = "false"
        with pytest.raises(
            DocumentError,
            match=r"\$\.impact\.bed_closures: got text 'false'; expected true or false",
        ) as info:
            io.from_dict(data, Decision)
        found = problems(info)
        assert set(found) == {"$.impact.permanent", "$.impact.bed_closures"}
        assert found["$.impact.permanent"].value == "false"
        assert "expected true or false" in found["$.impact.permanent"].message

    def test_policy_no_as_text_is_not_true(self) -> None:
        """`require_evidence = "no"` in a policy was read as True."""
        data = io.to_dict(DEFAULT_POLICY)
        data["require_evidence"] = "no"
        with pytest.raises(DocumentError, match=r"\$.require_evidence: got text 'no'"):
            io.from_dict(data, Policy)

    def test_booleans_are_not_numbers(self) -> None:
        """A boolean where a number belongs, and a number where a boolean belongs."""
        data = io.to_dict(DEFAULT_POLICY)
        data["consultation_weeks"] = True
        data["require_evidence"] = 1
        with pytest.raises(
            DocumentError, match=r"\$\.require_evidence: got int 1; expected true or false"
        ) as info:
            io.from_dict(data, Policy)
        assert set(problems(info)) == {"$.consultation_weeks", "$.require_evidence"}

    def test_number_is_not_text(self) -> None:
        """`title = 42` was read as "42"."""
        with pytest.raises(DocumentError, match=r"\$.title: got int 42; expected text"):
            io.from_dict({**io.to_dict(SOMERSET), "title": 42}, Source)
        data = transport()
        data["title"] = 2012
        with pytest.raises(DocumentError, match=r"\$.title"):
            io.from_dict(data, Decision)

    def test_text_is_not_split_into_a_list(self) -> None:
        """A string where a list belongs was split into characters."""
        data = transport()
        data["impact"]["access"] = "travel"
        with pytest.raises(
            DocumentError, match=r"\$\.impact\.access: got text 'travel'; expected a list"
        ) as info:
            io.from_dict(data, Decision)
        (problem,) = info.value.problems
        assert problem.path == "$.impact.access"
        assert problem.message == "got text 'travel'; expected a list"
        evidence = {"id": "board-paper", "what": "Board paper", "date": "2012-01-01"}
        with pytest.raises(DocumentError, match=r"\$.supports: got text"):
            io.from_dict({**evidence, "supports": "nhs-act-s14z58/explain-duties"}, Evidence)
        assert io.from_dict({**evidence, "supports": ["a/b"]}, Evidence).supports == ("a/b",)

    def test_float_is_not_truncated_into_a_whole_number(self) -> None:
        """`seats = 75.9` was read as 75."""
        data = io.to_dict(examples.sutton())
        index = next(i for i, body in enumerate(data["bodies"]) if body["id"] == "sutton-prg")
        data["bodies"][index]["seats"] = 75.9
        with pytest.raises(
            DocumentError, match=r"\.seats: got float 75\.9; expected a whole number"
        ) as info:
            io.from_dict(data, EscalationNetwork)
        assert info.value.problems[0].path == f"$.bodies[{index}].seats"
        assert "expected a whole number" in info.value.problems[0].message

    def test_whole_weight_dumps_back_byte_for_byte(self) -> None:
        """`weight = 1` stays 1 (not 1.0), so a document dumps back as it was."""
        text = io.dumps(examples.somerset_action_plan())
        weights = re.findall(r'"weight": ([^,}\s]+)', text)
        assert len(weights) == text.count('"weight"') == 57  # every objective and action
        assert set(weights) == {"1"}
        plan = io.loads(text, ActionPlan)
        assert io.dumps(plan) == text
        data = json.loads(text)
        data["data"]["objectives"][0]["weight"] = 1.5
        again = json.dumps(data, ensure_ascii=False)
        assert io.dumps(io.loads(again, ActionPlan)) == again
        data["data"]["objectives"][0]["weight"] = True
        with pytest.raises(DocumentError, match=r"\$.objectives\[0\].weight: got boolean"):
            io.loads(json.dumps(data), ActionPlan)

    def test_null_and_booleans_are_named_as_a_document_spells_them(self) -> None:
        """A JSON null read 'got null None' and true 'got boolean True': Python's names."""
        data = transport()
        data["title"] = None
        data["body"] = True
        with pytest.raises(DocumentError) as info:
            io.from_dict(data, Decision)
        messages = [p.message for p in info.value.problems]
        assert messages[:2] == [
            "got null; expected text",
            "got boolean true; expected text",
        ]
        with pytest.raises(DocumentError, match=r"\$: got null; expected a table of Decision"):
            io.loads("null", Decision)

    def test_week_dates_are_refused(self) -> None:
        """ISO week and basic-format dates ('2012-W01-1', '20120101') were accepted."""
        for text in ("2012-W01-1", "20120101", "2012-01-01T00:00"):
            data = transport()
            data["on"] = text
            with pytest.raises(DocumentError, match=r"\$.on: .* expected YYYY-MM-DD"):
                io.from_dict(data, Decision)

    def test_choices_read_through_their_enum(self) -> None:
        """Enum fields take a value, a name or an alias; others name what is allowed."""
        data = transport()
        data["impact"]["kind"] = "VARIATION"
        assert io.from_dict(data, Decision) == examples.somerset_patient_transport_decision()
        data["impact"]["kind"] = "relocate-everything"
        with pytest.raises(DocumentError, match=r"\$.impact.kind: .*'relocate-everything'"):
            io.from_dict(data, Decision)
        data["impact"]["kind"] = 3
        with pytest.raises(DocumentError, match=r"\$.impact.kind: .*got int 3"):
            io.from_dict(data, Decision)

    @pytest.mark.parametrize("value", [[], "Somerset", 3, True])
    def test_non_table_where_a_table_belongs(self, value: object) -> None:
        """A list, text or number where a record belongs was an AttributeError."""
        with pytest.raises(DocumentError, match=r"\$: got .*; expected a table of Source"):
            io.loads(json.dumps(value), Source)
        data = transport()
        data["impact"] = value
        with pytest.raises(
            DocumentError,
            match=r"^<dict>: 1 problem\n  \$\.impact: got .*; expected a table of Impact fields",
        ) as info:
            io.from_dict(data, Decision)
        assert [p.path for p in info.value.problems] == ["$.impact"]
        assert info.value.problems[0].value == value

    def test_optional_and_union_fields_still_load(self) -> None:
        """None where a field is optional, and a plan's phrase or table targets."""
        data = transport()
        data["impact"]["cost"] = None
        assert io.from_dict(data["impact"], Impact).cost is None
        plan = examples.oxfordshire_delivery_plan()
        assert io.loads(io.dumps(plan), ActionPlan) == plan


class TestRobustness:
    def test_non_utf8_bytes(self, tmp_path: Any) -> None:
        """Non-UTF-8 bytes were a UnicodeDecodeError."""
        with pytest.raises(ParseError, match="not UTF-8"):
            io.loads(b'{"title": "\xff"}', Source)
        with pytest.raises(ParseError, match="not UTF-8"):
            io.load_toml(stdio.BytesIO(b'title = "\xfe\xff"\n'), Source)

    def test_json_nested_deep(self) -> None:
        """JSON nested 100,000 deep was a RecursionError."""
        with pytest.raises(ParseError, match="nested too deeply"):
            io.loads("[" * 100_000 + "]" * 100_000, Source)

    def test_toml_arrays_nested_deep(self) -> None:
        """TOML arrays nested 500 deep were a RecursionError."""
        text = ("title = " + "[" * 500 + "]" * 500 + "\n").encode()
        with pytest.raises(ParseError, match="nested too deeply"):
            io.load_toml(stdio.BytesIO(text), Source)

    def test_integer_over_python_digit_limit(self) -> None:
        """An integer literal over 4,300 digits was a plain ValueError."""
        with pytest.raises(ParseError, match="not readable JSON"):
            io.loads('{"title": ' + "9" * 5000 + "}", Source)
        with pytest.raises(ParseError, match="not readable TOML"):
            io.read_toml(stdio.BytesIO(b"seats = " + b"9" * 5000))

    def test_integer_too_large_to_keep(self) -> None:
        """A long integer under the limit is refused where a number belongs, not kept."""
        data = io.to_dict(DEFAULT_POLICY)
        data["consultation_weeks"] = int("9" * 2000)
        with pytest.raises(DocumentError, match=r"\$.consultation_weeks: the number is too large"):
            io.from_dict(data, Policy)

    def test_nan_and_infinity(self) -> None:
        """NaN and Infinity are not JSON numbers; TOML's nan is not a finite number."""
        with pytest.raises(ParseError, match="NaN"):
            io.loads('{"title": NaN}', Source)
        data = io.to_dict(examples.somerset_action_plan())
        data["objectives"][0]["weight"] = float("nan")
        with pytest.raises(DocumentError, match="expected a finite number"):
            io.from_dict(data, ActionPlan)

    def test_long_string_where_a_list_belongs_is_rejected_fast(self) -> None:
        """A 100,000-character string where a list belongs took 26 s to reject."""
        data = transport()
        data["impact"]["access"] = "x" * 100_000
        start = time.perf_counter()
        with pytest.raises(
            DocumentError, match=r"\$\.impact\.access: got text 'x+\.\.\.x+'; expected a list"
        ) as info:
            io.from_dict(data, Decision)
        assert time.perf_counter() - start < 1
        assert len(str(info.value)) < 300

    def test_long_list_of_bad_items_is_capped(self) -> None:
        """A list of 100,000 bad choices is rejected fast, with at most 50 problems."""
        data = transport()
        data["impact"]["access"] = ["x"] * 100_000
        start = time.perf_counter()
        with pytest.raises(
            DocumentError,
            match=r"^<dict>: 50 problems\n  \$\.impact\.access\[0\]: AccessEffect: 'x'",
        ) as info:
            io.from_dict(data, Decision)
        assert time.perf_counter() - start < 1
        assert len(info.value.problems) == MAX_PROBLEMS
        assert info.value.more == 0
        assert info.value.problems[-2].path == "$.impact.access[48]"
        assert str(info.value.problems[-1]) == "$.impact.access[49:]: 99951 more items not checked"

    def test_empty_json_is_said_to_be_empty(self) -> None:
        """An empty file read "empty.json:1: cannot read '': not JSON (Expecting value)"."""
        for text in ("", " \n"):
            with pytest.raises(ParseError) as info:
                io.loads(text, Decision, origin="empty.json")
            assert str(info.value) == "cannot read 'empty.json': not JSON: it is empty"
            assert info.value.line is None

    def test_errors_are_engagekit_errors_and_builtins(self) -> None:
        """Every failure is an EngagekitError that is also a ValueError."""
        expected: dict[str | bytes, str] = {
            "[]": r"\$: got a list \[\]; expected a table of Source fields",
            "{": r"^<json>:1: cannot read '\{': not JSON",
            b"\xff": r"^cannot read '<json>': not UTF-8 text: line 1, byte 1 is 0xFF;",
            '{"title": 1}': r"\$\.title: got int 1; expected text",
        }
        for text, message in expected.items():
            with pytest.raises(EngagekitError, match=message) as info:
                io.loads(text, Source)
            assert isinstance(info.value, ValueError)

    def test_loading_leaves_the_document_unchanged(self) -> None:
        """Loading reads the document; it neither changes nor keeps it."""
        data = transport()
        before = copy.deepcopy(data)
        io.from_dict(data, Decision)
        assert data == before


class TestToml:
    def test_load_toml_with_header(self) -> None:
        """A TOML document may carry an engagekit table with its format."""
        text = b'engagekit = { format = 1 }\ntitle = "Strategy"\npublisher = "NHS Somerset"\n'
        assert io.load_toml(stdio.BytesIO(text), Source).publisher == "NHS Somerset"

    def test_load_toml_from_path(self, tmp_path: Any) -> None:
        """Paths work as well as file objects, and errors name the file."""
        path = tmp_path / "source.toml"
        path.write_text('title = "Strategy"\n', encoding="utf-8")
        with pytest.raises(
            DocumentError,
            match=re.escape(str(path)) + r": 1 problem\n  \$\.publisher: required field",
        ) as info:
            io.load_toml(path, Source)
        assert str(path) in str(info.value)
        assert "$.publisher: required field missing" in str(info.value)

    def test_toml_dates_are_native(self) -> None:
        """TOML's native dates structure into datetime.date."""
        data = io.read_toml(stdio.BytesIO(b"on = 2022-07-01\n"))
        assert io.from_dict(data["on"], dt.date) == dt.date(2022, 7, 1)

    def test_text_mode_file_is_a_parse_error(self) -> None:
        """A file opened in text mode gets an engagekit error saying so."""
        with pytest.raises(ParseError, match="text mode"):
            io.read_toml(stdio.StringIO('title = "x"'))  # type: ignore[arg-type]


def test_a_field_error_is_not_located_twice() -> None:
    """An error naming its own field, raised while structuring it, keeps one path step."""
    data = io.to_dict(examples.somerset_action_plan())
    data["objectives"][0]["actions"] = [{"id": "1a", "description": "Review", "target": [1]}]
    with pytest.raises(
        DocumentError,
        match=r"\$\.objectives\[0\]\.actions\[0\]\.target: target: \[1\] is not allowed",
    ) as info:
        io.from_dict(data, ActionPlan)
    assert [p.path for p in info.value.problems] == ["$.objectives[0].actions[0].target"]


def test_a_key_given_twice_in_a_json_object_is_refused_not_the_last_one_kept():
    """JSON readers keep the last of two equal keys; a document saying `permanent`
    twice has no one meaning, so it is refused naming the key (TOML refuses it too)."""
    text = io.dumps(examples.somerset_rheumatology_decision())
    twice = text.replace('"permanent": true', '"permanent": false, "permanent": true', 1)
    assert twice != text
    with pytest.raises(
        ParseError,
        match=re.escape(
            "the key 'permanent' is given twice in one object (the object with keys 'kind', "
            "'people_affected', 'permanent', 'access', 'protected_groups', 'bed_closures', …);"
            " give it once"
        ),
    ):
        io.loads(twice, Decision, origin="decision.json")
    with pytest.raises(ParseError, match=r"^<json>: cannot read .*the key 'title' is given twice"):
        io.loads('{"title": "A", "publisher": "B", "title": "C"}', Source)


def test_tallies_keep_their_base_and_title_and_say_why_they_cannot_be_read_back():
    """A tally's value may be anything (a channel, an answer, a number), so no
    document can say its type: reading one back says so at its path, instead of
    cattrs' "Unsupported type: <class 'object'>". Its base and title, which it was
    written without, are kept."""
    tallies = examples.oxfordshire_synthetic_report().profile["channel"]
    data = io.to_dict(tallies)
    assert (data["base"], data["title"]) == (24, "respondents by channel")
    assert data["items"][0] == {"value": "online-consultation", "count": 14, "share": 14 / 24}
    with pytest.raises(
        DocumentError,
        match=re.escape(
            "<json>: 1 problem\n"
            "  $.items: cannot be read from a document: it holds a value of any type"
        ),
    ):
        io.loads(io.dumps(tallies), type(tallies))


def test_a_value_no_document_describes_is_refused_as_an_engagekit_error():
    """`dumps` of something holding a plain object raised json's TypeError."""

    class Unwritable:
        def __repr__(self) -> str:
            return "Unwritable()"

    with pytest.raises(
        InvalidValueError,
        match=re.escape(
            "list: [Unwritable()] is not allowed: cannot be written as JSON "
            "(Object of type Unwritable is not JSON serializable)"
        ),
    ):
        io.dumps([Unwritable()])
    with pytest.raises(
        InvalidValueError,
        match=re.escape(
            "dict: {'kept': Unwritable()} is not allowed: cannot be written as TOML "
            "(Object of type 'test_a_value_no_document_describes_is_refused_as_an_engagekit"
            "_error.<locals>.Unwritable' is not TOML serializable)"
        ),
    ):
        io.dumps({"kept": Unwritable()}, format="toml")


def test_a_type_name_given_for_the_type_is_refused_as_the_callers_mistake():
    """`loads(text, "Decision")` said "the document holds 'Decision', not None", as if
    the document were wrong; the type argument is named instead."""
    text = io.dumps(examples.somerset_rheumatology_decision())
    by_name = re.escape(
        "cls: got str 'Decision'; expected the type to read, such as "
        "engagekit.decisions.Decision (engagekit.schema.document_type(name) gives a "
        "document format's type)"
    )
    with pytest.raises(EngagekitError, match=by_name):
        io.loads(text, "Decision")  # type: ignore[arg-type]
    with pytest.raises(EngagekitError, match=by_name):
        io.load("decision.json", "Decision")  # type: ignore[arg-type]
    with pytest.raises(EngagekitError, match=r"^cls: got NoneType None; expected the type to read"):
        io.from_dict({}, None)  # type: ignore[arg-type]
    with pytest.raises(EngagekitError, match=r"^cls: got str 'source'; expected the type"):
        io.load_toml(stdio.BytesIO(b'title = "t"'), "source")  # type: ignore[arg-type]


def test_a_union_reads_a_document_of_any_of_its_types():
    """`Source | None` reads a Source document; it said "not None"."""
    source = Source(title="Strategy", publisher="NHS Somerset")
    assert io.loads(io.dumps(source), Source | None) == source  # type: ignore[arg-type]
    with pytest.raises(
        DocumentError, match=r"\$\.engagekit\.type: the document holds 'Policy', not 'Source'$"
    ):
        io.loads(io.dumps(DEFAULT_POLICY), Source | None)  # type: ignore[arg-type]


def test_a_format_version_is_shown_as_the_document_spells_it():
    """`"format": true` was reported as Python's `True`."""
    with pytest.raises(
        DocumentError, match=r"\$\.engagekit\.format: boolean true is not a format version"
    ):
        io.loads('{"engagekit": {"format": true}, "data": {}}', Decision)


def test_a_built_in_catalogue_says_it_cannot_be_read_back():
    """A catalogue of ladders dumps as a table of its records, but what the records
    are is not in the document: reading one said Python's "ReadOnlyCatalogue.__init__()
    missing 1 required keyword-only argument: 'what'"."""
    from engagekit import cycles
    from engagekit.escalation import OdsNames

    ladders = cycles.ladders()
    with pytest.raises(
        DocumentError,
        match=re.escape(
            "<json>: 1 problem\n"
            "  $: cannot be read from a document: engagekit does not read "
            "ReadOnlyCatalogue values"
        ),
    ):
        io.loads(io.dumps(ladders), type(ladders))
    for ladder in ladders.values():
        assert io.loads(io.dumps(ladder), type(ladder)) == ladder
    with pytest.raises(
        DocumentError,
        match=re.escape("$: cannot be read from a document: engagekit does not read OdsNames"),
    ):
        io.loads("{}", OdsNames)
    with pytest.raises(
        InvalidValueError, match=r"Object of type OdsNames is not JSON serializable"
    ):
        io.dumps(OdsNames.builtin())
