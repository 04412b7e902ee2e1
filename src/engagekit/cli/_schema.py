"""The ``schema`` command: JSON Schema of each document format (private)."""

from __future__ import annotations

import argparse
import json

from typing import Any, TextIO

from engagekit import schema
from engagekit._display import Listing
from engagekit.cli._output import UsageError, command, emit


class _Formats(Listing[str]):
    """The document formats ``engagekit schema`` knows."""

    noun = "formats"
    columns = ("name", "type")
    caption = "Document formats"

    def row(self, item: str) -> tuple[object, ...]:
        return (item, schema.document_type(item).__name__)


def register(commands: Any) -> None:
    """Add the ``schema`` command to the parser."""
    parser = command(
        commands,
        "schema",
        help="print the JSON Schema of a document format",
        description="Print the JSON Schema (draft 2020-12) of a document format, to validate "
        "documents written for engagekit by other systems. With no name, list the formats. "
        "The text form is the schema itself; json wraps it in the engagekit envelope.",
        example="engagekit schema\nengagekit schema decision > decision.schema.json",
        formats=("text", "json", "markdown"),
    )
    parser.add_argument("name", nargs="?", help="a document format, e.g. decision")
    parser.add_argument(
        "--data-only",
        action="store_true",
        help="the schema of the data alone, as a TOML file holds it (no 'engagekit' envelope)",
    )
    parser.set_defaults(handler=_schema)


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    if args.name is None:
        if args.data_only:
            raise UsageError("--data-only: give the NAME of a format")
        formats = _Formats(schema.names())
        if args.format == "json":
            emit(out, args.format, {name: schema.document_type(name).__name__ for name in formats})
        else:
            rows = ["\t".join(map(str, row)) for row in formats.rows()]
            emit(out, args.format, formats, text=lambda: "\n".join(rows))
        return 0
    found = schema.schema(args.name, envelope=not args.data_only)
    written = json.dumps(found, indent=2, ensure_ascii=False)
    if args.format == "markdown":
        out.write(f"## JSON Schema: {args.name}\n\n```json\n{written}\n```\n")
    else:
        emit(out, args.format, found, text=lambda: written)
    return 0
