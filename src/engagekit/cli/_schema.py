"""The ``schema`` command: JSON Schema of each document format (private)."""

from __future__ import annotations

import argparse
import json

from typing import Any, TextIO

from engagekit import schema


def register(commands: Any) -> None:
    """Add the ``schema`` command to the parser."""
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of a document format",
        description="Print the JSON Schema (draft 2020-12) of a document format, to validate "
        "documents written for engagekit by other systems. With no name, list the formats. "
        "Example: engagekit schema decision > decision.schema.json",
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
        for name in schema.names():
            out.write(f"{name}\t{schema.document_type(name).__name__}\n")
        return 0
    found = schema.schema(args.name, envelope=not args.data_only)
    out.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
    return 0
