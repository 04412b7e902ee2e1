"""`load_plan` reads a binary file object as it reads a path."""

from __future__ import annotations

import io as stdio

from pathlib import Path

import pytest

from engagekit import io
from engagekit.errors import DocumentError
from engagekit.examples import somerset_action_plan
from engagekit.plans import load_plan


def test_a_document_written_by_dump_loads_from_a_file_object(tmp_path: Path) -> None:
    """`io.dump` writes the engagekit header; a file object of it was refused with
    "unknown field 'engagekit'" while the path loaded."""
    path = tmp_path / "plan.toml"
    io.dump(somerset_action_plan(), path)
    with path.open("rb") as handle:
        from_handle = load_plan(handle)
    assert from_handle == load_plan(path) == somerset_action_plan()
    assert from_handle.title == "Draft Patient and Public Engagement Action Plan v8"


def test_a_file_objects_problems_are_named_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b'title = "Plan"\nsource = "Somerset"\n')
    with path.open("rb") as handle, pytest.raises(DocumentError) as info:
        load_plan(handle)
    assert str(info.value) == f"{path}: 1 problem\n  $.source: must be a table"
    with pytest.raises(DocumentError, match=r"^<toml>: 1 problem"):
        load_plan(stdio.BytesIO(b'title = "Plan"\nsource = "Somerset"'))
