"""The command line page's table lists exactly the formats each command writes."""

from __future__ import annotations

import io as stdio
import re

from pathlib import Path

import pytest

from engagekit.cli import main


ROOT = Path(__file__).parent.parent.parent
FORMATS = ("text", "json", "markdown", "html", "mermaid", "dot")
# Arguments that make each command print something, from the built-in examples.
ARGUMENTS = {
    "demo": [],
    "evaluate": ["somerset-rheumatology"],
    "network": ["sutton"],
    "duties": ["--body", "icb", "--on", "2024-06-30"],
    "check": ["icb-annual-reports", "--body", "icb", "--on", "2024-06-30"],
    "plan": ["somerset", "--as-of", "2012-01-15"],
    "report": ["somerset-2011", "--year", "2011"],
    "dates": ["Nov/Dec 2011"],
    "schema": ["evidence"],
    "cycle": [],
    "commissioning": ["nhs-england"],
    "levels": [],
    "techniques": ["--level", "involve"],
}


def table() -> dict[str, set[str]]:
    """Each command's formats, as the Commands table of docs/cli.md lists them."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)[^|]*\|[^|]*\| ([^|]+) \|", page, re.MULTILINE)
    return {
        command: {word for word in re.findall(r"\w+", formats) if word in FORMATS}
        for command, formats in rows
    }


def test_the_table_has_a_row_per_command() -> None:
    assert sorted(table()) == sorted(ARGUMENTS)


@pytest.mark.parametrize("command", sorted(ARGUMENTS))
def test_a_command_writes_the_formats_its_row_lists(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    written = {
        fmt
        for fmt in FORMATS
        if main([command, *ARGUMENTS[command], "--format", fmt], out=stdio.StringIO()) != 2
    }
    capsys.readouterr()
    assert written == table()[command]
