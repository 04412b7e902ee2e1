"""What a reader copies from the docs runs when pasted into a fresh `python`.

The docs' Python sessions run as doctests, but the copy button copied the page as shown:
prompts, output and all, which `python` cannot run. docs/javascripts/copy-session.js
makes the button copy the statements alone; these tests run that script's copies of
each page, in order, through an interactive interpreter, as a reader pasting them would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap

from pathlib import Path

import pytest


ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "docs" / "javascripts" / "copy-session.js"
FENCE = re.compile(r"^( *)```[^\n]*\n(.*?)^\1```", re.MULTILINE | re.DOTALL)
PAGES = sorted(
    path.relative_to(ROOT).as_posix()
    for path in [*ROOT.glob("docs/**/*.md"), ROOT / "README.md"]
    if ">>> " in path.read_text(encoding="utf-8")
)


def sessions(page: str) -> list[str]:
    """The page's Python sessions, as the built page shows them."""
    text = (ROOT / page).read_text(encoding="utf-8")
    return [
        textwrap.dedent(match.group(2))
        for match in FENCE.finditer(text)
        if re.search(r"^\s*>>> ", match.group(2), re.MULTILINE)
    ]


def copies(blocks: list[str]) -> list[str]:
    """What the copy button copies from each block, computed by the site's own script."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is needed to run the docs' copy script")
    program = (
        f"const {{ sessionInput }} = require({json.dumps(str(SCRIPT))});"
        "const blocks = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(blocks.map(sessionInput)));"
    )
    result = subprocess.run(
        [node, "-e", program], input=json.dumps(blocks), capture_output=True, text=True, check=True
    )
    copied: list[str] = json.loads(result.stdout)
    return copied


def test_a_copy_is_the_statements_alone() -> None:
    """Prompts, output, tracebacks and doctest directives are left out; a statement of
    several lines is followed by a blank line, which ends it at the interactive prompt."""
    block = (
        ">>> for stage in (1, 2):\n"
        "...     print(stage)\n"
        "1\n"
        "2\n"
        '>>> text = """\n'
        "...\n"
        '... """\n'
        '>>> int("x")  # doctest: +ELLIPSIS\n'
        "Traceback (most recent call last):\n"
        "...\n"
        "ValueError: invalid literal for int() with base 10: 'x'\n"
        ">>> print(text)\n"
    )
    lines = [
        "for stage in (1, 2):",
        "    print(stage)",
        "",
        'text = """',
        "",
        '"""',
        "",
        'int("x")',
        "print(text)",
    ]
    assert copies([block]) == ["\n".join(lines)]


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_copies_run_in_a_fresh_interpreter(page: str, tmp_path: Path) -> None:
    """Every copy runs; the only errors are the ones the page shows."""
    blocks = sessions(page)
    pasted = "\n".join(copies(blocks)) + "\n\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, "-i", "-q"],
        input=pasted,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
        check=False,
    )
    shown = sum(block.count("Traceback (most recent call last):") for block in blocks)
    tracebacks = result.stderr.count("Traceback (most recent call last):")
    syntax_errors = len(re.findall(r"\b(?:Syntax|Indentation)Error:", result.stderr))
    assert (tracebacks, syntax_errors) == (shown, 0), result.stderr[-4000:]
