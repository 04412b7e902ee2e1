"""Fuzz every command with arbitrary bytes, JSON and TOML documents and arguments.

Whatever a command is given, it either works (exit 0, or 1 for a negative
judgement, with nothing on standard error) or refuses the input with exit 2 and
exactly one line on standard error: never a traceback, never exit 1 for a crash.
The number of examples follows the hypothesis profile (`HYPOTHESIS_PROFILE=ci`
runs more).
"""

from __future__ import annotations

import io as stdio
import json
import math
import sys
import tempfile

from pathlib import Path
from typing import Any

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagekit.cli import main


#: Every way a command reads a file; FILE is replaced by the fuzzed file's path.
FILE_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("evaluate", "FILE"),
    ("evaluate", "somerset-rheumatology", "--policy", "FILE"),
    ("check", "FILE", "--body", "icb", "--on", "2024-06-30"),
    ("plan", "FILE", "--as-of", "2012-01-15"),
    ("report", "FILE", "--year", "2015"),
    ("network", "--ods", "FILE"),
    ("network", "--pcn", "FILE"),
    ("duties", "--local", "FILE", "--body", "icb", "--on", "2024-06-30"),
    ("techniques", "--catalogue", "FILE"),
)

#: Every command with a text argument; TEXT is replaced by the fuzzed text (after
#: `--` or `=`, so that it is never read as an option such as `-h`).
TEXT_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("demo", "--", "TEXT"),
    ("evaluate", "--", "TEXT"),
    ("network", "--", "TEXT"),
    ("network", "sutton", "--route=TEXT"),
    ("duties", "--body=TEXT"),
    ("check", "icb-annual-reports", "--body=TEXT"),
    ("plan", "--", "TEXT"),
    ("report", "somerset", "--year=TEXT"),
    ("dates", "--", "TEXT"),
    ("schema", "--", "TEXT"),
    ("cycle", "--", "TEXT"),
    ("commissioning", "--", "TEXT"),
    ("levels", "--", "TEXT"),
    ("techniques", "--stage=TEXT"),
    ("techniques", "--level=TEXT"),
)

#: Keys the document formats use, so that fuzzed documents reach past the top level
#: (an engagement record's keys send `report` down its record path).
KEYS = st.sampled_from(
    ["id", "title", "name", "date", "on", "impact", "evidence", "action", "objective",
     "technique", "duty", "body", "kind", "engagekit", "format", "type", "data", "options",
     "plan", "loop", "meetings", "consultations", "participants", "body_type", "limbs",
     "responses"]
)  # fmt: skip

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
JSON_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(), inner, max_size=4)
    ),
    max_leaves=20,
)
_TOML_SCALARS = (
    st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20) | st.dates()
)
TOML_VALUES = st.recursive(
    _TOML_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(), inner, max_size=4)
    ),
    max_leaves=20,
)
TOML_DOCUMENTS = st.dictionaries(KEYS | st.text(max_size=10), TOML_VALUES, max_size=6)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | str):
        return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    return str(value)  # a date


def _toml_key(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def toml_text(document: dict[str, Any]) -> str:
    """A TOML document (possibly one tomllib refuses, e.g. for a raw control character)."""
    return "".join(f"{_toml_key(k)} = {_toml_value(v)}\n" for k, v in document.items())


CONTENTS = (
    st.binary(max_size=300)
    | JSON_VALUES.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8"))
    | TOML_DOCUMENTS.map(lambda d: toml_text(d).encode("utf-8", "surrogatepass"))
)

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _run(argv: list[str]) -> tuple[int, str]:
    err = stdio.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        status = main(argv, out=stdio.StringIO())
    finally:
        sys.stderr = saved
    return status, err.getvalue()


def _check(argv: list[str], status: int, err: str) -> None:
    assert "Traceback" not in err, (argv, err)
    if status == 2:
        assert err.count("\n") == 1, (argv, err)
        assert err.startswith("engagekit"), (argv, err)
    else:
        assert (status in (0, 1), err) == (True, ""), (argv, status, err)


@FUZZ
@given(
    command=st.sampled_from(FILE_COMMANDS),
    suffix=st.sampled_from([".toml", ".json", ".csv"]),
    content=CONTENTS,
)
def test_any_file_is_read_or_refused_on_one_line(command, suffix, content):
    """Arbitrary bytes, JSON or TOML in place of every file a command reads."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        argv = [str(path) if part == "FILE" else part for part in command]
        status, err = _run(argv)
    _check(argv, status, err)


@FUZZ
@given(command=st.sampled_from(TEXT_COMMANDS), text=st.text(max_size=40))
def test_any_argument_is_read_or_refused_on_one_line(command, text):
    """Arbitrary text in place of every name, date, level or stage a command takes."""
    argv = [part.replace("TEXT", text) for part in command]
    status, err = _run(argv)
    _check(argv, status, err)


#: Documents shaped as engagement records, their parts arbitrary.
RECORD_DOCUMENTS = st.fixed_dictionaries(
    {"body": st.text(max_size=10) | JSON_VALUES},
    optional=dict.fromkeys(
        (
            "plan",
            "loop",
            "meetings",
            "evidence",
            "consultations",
            "participants",
            "body_type",
            "year",
        ),
        JSON_VALUES,
    ),
)


@FUZZ
@given(document=RECORD_DOCUMENTS, envelope=st.booleans())
def test_any_record_is_read_or_refused_on_one_line(document, envelope):
    """`report` on arbitrary engagement records, with or without the envelope."""
    if envelope:
        document = {"engagekit": {"format": 1, "type": "EngagementRecord"}, "data": document}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "record.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        argv = ["report", str(path), "--year", "2015"]
        status, err = _run(argv)
    _check(argv, status, err)


def _deep(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.toml", bytes(range(256)), "not UTF-8 text"),
        ("latin1.json", "Décision".encode("latin-1"), "not UTF-8 text"),
        ("list.json", b"[1, 2]", "got a list [1, 2]"),
        ("deep.json", _deep(100_000), "nested too deeply"),
        ("deep.toml", b"a = " + _deep(100_000), "nested too deeply"),
        ("empty.json", b"", "not JSON"),
    ],
)
@pytest.mark.parametrize("command", FILE_COMMANDS[:5], ids=lambda c: " ".join(c[:2]))
def test_bad_files_exit_2_with_one_line(tmp_path, name, content, message, command, capsys):  # noqa: PLR0917
    """Binary files, a JSON list, deep nesting: one line naming the file, exit 2."""
    path = tmp_path / name
    path.write_bytes(content)
    argv = [str(path) if part == "FILE" else part for part in command]
    assert main(argv, out=stdio.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(path) in err
    assert message in err


@pytest.mark.parametrize("command", FILE_COMMANDS, ids=lambda c: " ".join(c[:3]))
def test_a_directory_or_a_missing_file_exits_2_with_one_line(tmp_path, command, capsys):
    """A directory where a file should be, or a file that is not there."""
    for path in (tmp_path, tmp_path / "missing.toml"):
        argv = [str(path) if part == "FILE" else part for part in command]
        assert main(argv, out=stdio.StringIO()) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert str(path) in err


def test_debug_shows_the_traceback(tmp_path, capsys):
    """`--debug` (before or after the command) shows the traceback, still exit 2."""
    path = tmp_path / "list.json"
    path.write_bytes(b"[1, 2]")
    for argv in (["--debug", "evaluate", str(path)], ["evaluate", str(path), "--debug"]):
        assert main(argv, out=stdio.StringIO()) == 2
        err = capsys.readouterr().err
        assert err.startswith("Traceback (most recent call last):")
        assert "DocumentError" in err


def test_an_unexpected_error_is_one_line_without_debug(monkeypatch, capsys):
    """A builtin error from deep inside (a bug, say) is still one line and exit 2,
    naming its type and pointing at --debug."""
    from engagekit.cli import _frameworks

    def broken() -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(_frameworks, "engagement_cycle", broken)
    assert main(["cycle"], out=stdio.StringIO()) == 2
    assert capsys.readouterr().err == ("engagekit: error: the input is nested too deeply to read\n")

    def index_error() -> object:
        raise IndexError("list index out of range")

    monkeypatch.setattr(_frameworks, "engagement_cycle", index_error)
    assert main(["cycle"], out=stdio.StringIO()) == 2
    assert capsys.readouterr().err == (
        "engagekit: error: list index out of range (IndexError; run with --debug for the "
        "traceback)\n"
    )
