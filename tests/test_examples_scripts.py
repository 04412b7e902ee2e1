"""The runnable scripts in examples/ run and print what they promise."""

from __future__ import annotations

import subprocess
import sys

from pathlib import Path

import pytest


SCRIPTS = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_runs(script):
    """Each example script exits 0 and prints something."""
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_stage_plan_mentions_the_stage():
    """The stage-planning script shows Sutton's stage five headings for 'monitor'."""
    script = Path(__file__).parent.parent / "examples" / "plan_engagement_for_a_stage.py"
    result = subprocess.run(
        [sys.executable, str(script), "monitor", "involve"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Stage 5: Working with patients and carers to monitor services" in result.stdout
    assert "Share learning" in result.stdout
