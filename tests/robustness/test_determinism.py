"""Reports and renderings are byte-identical whatever the hash seed, and importing
engagekit loads no optional dependency and no reference data.

Each check runs fresh interpreters, so a difference between processes (set and dict
order under another ``PYTHONHASHSEED``, say) cannot hide behind one process's state.
"""

from __future__ import annotations

import os
import subprocess
import sys

from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]

#: The optional dependencies (extras) and heavy libraries a plain import must not load.
OPTIONAL = (
    "matplotlib",
    "icalendar",
    "holidays",
    "openpyxl",
    "jsonschema",
    "pandas",
    "numpy",
    "tomli_w",
)


def _run(code_or_module: list[str], seed: str) -> str:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = seed
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src")])
    result = subprocess.run(
        [sys.executable, *code_or_module],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    return result.stdout


def test_every_rendering_is_identical_across_hash_seeds():
    """Verdicts, checklists, networks (Mermaid and DOT), plans, annual and consultation
    reports, schemas and the CLI's output come out byte for byte the same under two
    hash seeds."""
    first = _run(["-m", "tests.robustness.outputs"], "1")
    second = _run(["-m", "tests.robustness.outputs"], "4242")
    assert first.count("--- output ") > 100
    # Compared output by output, so a failure shows the first one that differs.
    assert first.split("--- output ") == second.split("--- output ")


@pytest.mark.parametrize(
    "module",
    [
        "engagekit",
        "engagekit.decisions",
        "engagekit.duties",
        "engagekit.escalation",
        "engagekit.plans",
        "engagekit.consultations",
        "engagekit.disclosure",
        "engagekit.plot",
        "engagekit.schema",
        "engagekit.cli",
    ],
)
def test_import_loads_no_optional_dependency(module):
    """Importing any package loads none of the extras: pictures, calendars, xlsx,
    schema validation and pandas are imported only when a function needs them."""
    code = f"import sys, {module}; print(sorted(m for m in {OPTIONAL!r} if m in sys.modules))"
    assert _run(["-c", code], "0").strip() == "[]"


def test_import_engagekit_reads_no_reference_data():
    """`import engagekit` imports only the package itself: no subpackage, no catalogue,
    no data file is loaded until it is used."""
    code = "import sys, engagekit; print(sorted(m for m in sys.modules if 'engagekit' in m))"
    assert _run(["-c", code], "0").strip() == "['engagekit', 'engagekit._version']"
