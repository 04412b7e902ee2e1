"""Errors are engagekit errors, the matching builtins, informative and picklable."""

from __future__ import annotations

import pickle

import pytest

from engagekit import errors


CASES = [
    (errors.InvalidValueError("stage", "x", allowed=("a", "b")), ValueError),
    (errors.UnknownNameError("technique", "wrld-cafe", choices=["world-cafe"]), LookupError),
    (errors.ParseError("Sometime", reason="no date", origin="plan.toml", line=3), ValueError),
    (errors.GraphStructureError("cycle", path=("a", "b", "a")), ValueError),
    (errors.DocumentError("f.toml", ["$.x: bad"]), ValueError),
    (errors.InvalidTypeError("render.text", 3, expected="a value"), TypeError),
]


@pytest.mark.parametrize(("error", "builtin"), CASES, ids=lambda c: type(c).__name__)
def test_hierarchy(error: errors.EngagekitError, builtin: type[Exception]) -> None:
    """Every error is an EngagekitError and the builtin a user would catch."""
    assert isinstance(error, errors.EngagekitError)
    assert isinstance(error, builtin)


@pytest.mark.parametrize(("error", "builtin"), CASES, ids=lambda c: type(c).__name__)
def test_pickles(error: errors.EngagekitError, builtin: type[Exception]) -> None:
    """Errors survive pickling with their message and attributes."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)


def test_invalid_value_suggests_close_allowed_values() -> None:
    """The message names the field, the value and what is allowed, with a suggestion."""
    error = errors.InvalidValueError("method", "forum-for-debate", allowed=["forums-for-debate"])
    assert str(error) == (
        "method: 'forum-for-debate' is not allowed; allowed: 'forums-for-debate' "
        "(did you mean 'forums-for-debate'?)"
    )


def test_a_missing_value_is_said_to_be_missing_not_none() -> None:
    """A field not given at all read "None is not allowed", which names no value given."""
    error = errors.InvalidValueError(
        "population['race']", None, reason="the participants answered it"
    )
    assert str(error) == "population['race']: missing: the participants answered it"
    assert error.value is None
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error)
    assert str(errors.InvalidValueError("stage", None)) == "stage: missing"
    assert str(errors.InvalidValueError("stage", "")) == "stage: '' is not allowed"


def test_unknown_name_attributes() -> None:
    """Structured attributes carry what the message says."""
    error = errors.UnknownNameError("technique", "wrld-cafe", choices=["world-cafe", "open-space"])
    assert error.suggestions == ("world-cafe",)
    assert error.name == "wrld-cafe"
    assert str(error) == "unknown technique 'wrld-cafe'; did you mean 'world-cafe'?"


def test_parse_error_location() -> None:
    """A parse error names the file and line."""
    error = errors.ParseError("Sometime", reason="no date", origin="plan.toml", line=3)
    assert str(error) == "plan.toml:3: cannot read 'Sometime': no date"


def test_short_repr_of_a_huge_integer() -> None:
    """An integer Python will not write as text is described, not written."""
    assert errors.short_repr(10**5000) == "<an integer of about 5001 digits>"
    assert errors.short_repr([10**5000]) == "[<an integer of about 5001 digits>]"
    error = errors.InvalidTypeError("Body.seats", 10**5000, expected="a whole number")
    assert "about 5001 digits" in str(error)


def test_document_error_keeps_problems_and_counts_the_rest() -> None:
    """At most 50 problems are kept, each with its path and value; the rest are counted."""
    found = [errors.Problem(f"$.items[{i}]", "bad", i) for i in range(60)]
    error = errors.DocumentError("plan.toml", found)
    assert len(error.problems) == errors.MAX_PROBLEMS
    assert error.more == 10
    assert error.problems[3].value == 3
    assert str(error).endswith("… and 10 more")
