"""The TOML files the docs show, as a reader would save them, load as the pages say.

The pages' doctests load shortened copies of these files (no `link`, no `seldom_heard`),
so the files a reader copies were never read by a test.
"""

from __future__ import annotations

import datetime as dt
import io as stdio
import re
import tomllib

from pathlib import Path

import pytest

from engagekit.cli import main
from engagekit.duties import load_evidence
from engagekit.plans import load_plan
from engagekit.techniques import load_techniques


ROOT = Path(__file__).parent.parent
# contributing.md shows fragments of the reference data files, not files of their own.
FRAGMENTS = {"docs/contributing.md"}


def toml_blocks(page: str) -> list[str]:
    text = (ROOT / page).read_text(encoding="utf-8")
    return [
        block
        for block in re.findall(r"^```toml\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
        if not block.startswith("--8<--")  # a data file included whole, read by its tests
    ]


def saved(page: str, tmp_path: Path) -> Path:
    """The page's one TOML file, saved as the reader would save it."""
    (block,) = toml_blocks(page)
    path = tmp_path / "file.toml"
    path.write_text(block, encoding="utf-8")
    return path


def test_every_toml_file_the_docs_show_is_loaded_below() -> None:
    pages = {
        path.relative_to(ROOT).as_posix()
        for path in ROOT.glob("docs/**/*.md")
        if toml_blocks(path.relative_to(ROOT).as_posix())
    }
    assert sorted(pages - FRAGMENTS) == [
        "docs/cli.md",
        "docs/how-to/check-annual-engagement-report.md",
        "docs/how-to/own-catalogue.md",
        "docs/how-to/track-an-action-plan.md",
    ]


def test_own_catalogue_technique(tmp_path: Path) -> None:
    (technique,) = load_techniques(saved("docs/how-to/own-catalogue.md", tmp_path))
    assert (technique.id, technique.seldom_heard, technique.source.publisher) == (
        "community-walkabout",
        True,
        "NHS Example ICB",
    )


def test_annual_report_evidence(tmp_path: Path) -> None:
    path = saved("docs/how-to/check-annual-engagement-report.md", tmp_path)
    evidence = load_evidence(path)
    assert [(e.id, e.date) for e in evidence] == [
        ("annual-report-2023-24", dt.date(2024, 6, 27)),
        ("hwb-letter-2023-05", dt.date(2023, 5, 12)),
    ]
    assert evidence[0].link == "https://example.org/annual-report-2023-24.pdf"
    out = stdio.StringIO()
    command = ["check", str(path), "--body", "icb", "--on", "2024-06-30"]
    assert main([*command, "--applies", "service-impact"], out=out) == 1
    assert "MET            nhs-act-s14z58/explain-duties" in out.getvalue().splitlines()


def test_action_plan(tmp_path: Path) -> None:
    plan = load_plan(saved("docs/how-to/track-an-action-plan.md", tmp_path))
    assert [action.id for action in plan.overdue(as_of="2012-01-15")] == ["1.1a"]


def test_engagement_record(tmp_path: Path) -> None:
    path = saved("docs/cli.md", tmp_path)
    out = stdio.StringIO()
    assert main(["report", str(path), "--year", "2018", "--format", "markdown"], out=out) == 0
    assert out.getvalue().startswith("# NHS Example CCG: annual engagement report 2018/19\n")


@pytest.mark.parametrize("page", sorted(FRAGMENTS))
def test_fragments_are_toml(page: str) -> None:
    for block in toml_blocks(page):
        assert tomllib.loads(block)
