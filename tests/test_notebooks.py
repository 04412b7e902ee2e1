"""The example notebooks run from a clean kernel, from any folder, without a cell error."""

from __future__ import annotations

import functools
import os
import re
import tempfile

from pathlib import Path
from typing import Any

import pytest


nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

import engagekit  # noqa: E402


NOTEBOOKS = sorted((Path(__file__).parent.parent / "examples").glob("*.ipynb"))


def test_there_are_three_notebooks_saved_without_outputs():
    assert [p.name for p in NOTEBOOKS][:3] == [
        "01-evaluate-a-service-change.ipynb",
        "02-map-an-areas-patient-voice.ipynb",
        "03-check-a-years-compliance.ipynb",
    ]
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert all(c.outputs == [] and c.execution_count is None for c in code), path.name


@functools.cache
def _run(path: Path) -> tuple[Any, list[Path]]:
    """``path`` executed in a new kernel started in an empty folder, and what it wrote there."""
    notebook = nbformat.read(path, as_version=4)
    source = str(Path(engagekit.__file__).parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    # The notebooks write their files into new temporary folders, for the reader to
    # open: the kernel's are made in one the test removes.
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as scratch:
        client = nbclient.NotebookClient(
            notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": folder}}
        )
        client.execute(
            env={**env, "TMPDIR": scratch}
        )  # raises CellExecutionError on any cell error
        written = list(Path(folder).iterdir())
    return notebook, written


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path):
    """Every cell runs from a folder that is not the notebook's, and shows what it promises."""
    notebook, written = _run(path)
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    tables = [o for o in outputs if "<table" in o.get("data", {}).get("text/html", "")]
    assert pictures, "a picture shows"
    assert tables, "a result shows as a table"
    assert written == [], "nothing is written to the working folder"


def test_first_notebook_shows_the_cycle_and_a_verdict():
    """The README's first notebook: the Engagement Cycle picture, then an evaluated decision."""
    notebook, _ = _run(NOTEBOOKS[0])
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code[0].source.endswith("plot.engagement_cycle()")
    assert "image/png" in code[0].outputs[0].data
    verdict = next(c for c in code if c.source.startswith("verdict = evaluate(decision)"))
    assert "NOT READY" in verdict.outputs[0].data["text/html"]


def test_command_lines_name_no_document_shipped_inside_the_package():
    """A command a notebook's text gives runs in the reader's folder, where the example
    documents are not: `engagekit evaluate clinic-move.toml` found no such file."""
    from engagekit import examples
    from engagekit.errors import UnknownNameError

    shipped = []
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
        for command in re.findall(r"`(engagekit [^`]+)`", text):
            for word in command.split()[2:]:
                try:
                    examples.data_file(word)
                except UnknownNameError:
                    continue
                shipped.append((path.name, command))
    assert shipped == []


def test_second_notebook_counts_the_somerset_practices_of_the_extract():
    """Its prose said "six of the ten open Somerset practices"; the extract has eleven."""
    from engagekit import EscalationNetwork, examples

    network = EscalationNetwork.from_ods(examples.data_file("epraccur-extract.csv")).network
    somerset = [p for p in network.practices if network.route(p)[0].id == "11X"]
    notebook = nbformat.read(NOTEBOOKS[1], as_version=4)
    text = " ".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    said = re.search(r"for six of\s+the (\w+) open Somerset practices", text)
    assert said is not None
    words = {9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen"}
    assert said[1] == words[len(somerset)] == "eleven"
