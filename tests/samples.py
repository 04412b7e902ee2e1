"""Values built from the documented examples, shared by the rendering and records tests."""

from __future__ import annotations

import io

from engagekit.consultations import (
    Consultation,
    CsvImport,
    ImportMapping,
    Question,
    read_responses,
)


def csv_import() -> CsvImport:
    """The export of `read_responses`' example: one answer unread, one id repeated."""
    consultation = Consultation(
        title="Clinic hours",
        questions=[
            Question(id="support", text="Do you agree?", kind="closed", choices=["Yes", "No"])
        ],
    )
    mapping = ImportMapping.from_dict(
        {
            "id": "Ref",
            "channel": "paper",
            "question": [{"id": "support", "column": "Q1", "values": {"Y": "Yes", "N": "No"}}],
        }
    )
    return read_responses(io.StringIO("Ref,Q1\n1,Y\n2,Perhaps\n1,N\n"), mapping, consultation)
