"""``-`` for standard input, wherever a command reads a file (private).

Standard input is read whole, once, as bytes, and handed to the same readers a file
goes to, named ``<stdin>`` in their errors: the byte order mark is dropped and text
that is not UTF-8 is refused as a file's is. A document on standard input has no
suffix to tell its format by: one that starts with ``{`` is JSON (every JSON document
engagekit reads is an object, and no TOML document starts so), anything else TOML.
"""

from __future__ import annotations

import argparse
import io as stdio
import sys

from typing import IO

from engagekit.cli._output import UsageError
from engagekit.errors import ParseError, _not_utf8


#: The argument that means standard input.
STDIN = "-"
#: The name standard input goes by in errors and reports.
NAME = "<stdin>"
#: Said in the help of every option that reads a file.
HELP = "- for standard input"

_BOM = b"\xef\xbb\xbf"


def is_stdin(argument: object) -> bool:
    """Whether a file argument is ``-``."""
    return argument == STDIN


def shown(argument: str) -> str:
    """A file argument as errors and reports name it: ``<stdin>`` for ``-``."""
    return NAME if is_stdin(argument) else argument


def read_bytes() -> bytes:
    """All of standard input."""
    stream = sys.stdin
    if stream is None:  # pragma: no cover - a process started without one
        raise ParseError(NAME, reason="cannot open: there is no standard input")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    return str(stream.read()).encode("utf-8")


def binary() -> IO[bytes]:
    """Standard input as a binary file named ``<stdin>`` (for the TOML readers)."""
    handle = stdio.BytesIO(read_bytes())
    handle.name = NAME
    return handle


def text(raw: bytes | None = None) -> IO[str]:
    """Standard input (or `raw`, bytes read from it) as a text file named
    ``<stdin>``, read as a file is read: UTF-8 without its byte order mark, newlines
    as they are (for the CSV readers)."""
    if raw is None:
        raw = read_bytes()
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParseError(NAME, reason=_not_utf8(raw)) from None
    handle = stdio.StringIO(decoded, newline="")
    handle.name = NAME
    return handle


def document_format(raw: bytes) -> str:
    """``"json"`` for a document that starts with ``{``, else ``"toml"``.

    Examples:
        >>> document_format(b'  {"engagekit": {"format": 1}}'), document_format(b"id = 'x'")
        ('json', 'toml')
    """
    start = raw.removeprefix(_BOM).lstrip()
    return "json" if start.startswith(b"{") else "toml"


def file_argument(parser: argparse.ArgumentParser, *names: str, **kwargs: object) -> None:
    """Add an argument that names a file, ``-`` reading standard input: the help
    says so, and `read_once` knows it."""
    help_text = kwargs.pop("help", None)
    kwargs["help"] = f"{help_text}; {HELP}" if help_text else HELP
    action = parser.add_argument(*names, **kwargs)  # type: ignore[arg-type]
    label = "/".join(action.option_strings) or str(action.metavar or action.dest)
    files: dict[str, str] = dict(parser.get_default("file_arguments") or {})
    files[action.dest] = label
    parser.set_defaults(file_arguments=files)


def read_once(args: argparse.Namespace) -> None:
    """Refuse ``-`` given to two file arguments (or twice to one): standard input
    can be read only once, and the second reader would find it empty."""
    given: list[str] = []
    for dest, label in (getattr(args, "file_arguments", None) or {}).items():
        value = getattr(args, dest, None)
        values = value if isinstance(value, list | tuple) else [value]
        given.extend(label for v in values if is_stdin(v))
    if len(given) > 1:
        where = " and ".join(dict.fromkeys(given)) if len(set(given)) > 1 else f"{given[0]} twice"
        raise UsageError(
            f"- (standard input) given to {where}: standard input can be read only once; "
            "give a file for all but one"
        )
