"""The ``engagekit`` command line.

Each family of commands lives in its own private module that adds subcommands
(``register``) and, optionally, a section of the ``demo`` tour (``demo``). Errors
in the input print one line on standard error and exit with status 2.

Examples:
    >>> from engagekit.cli import main
    >>> main(["--version"])  # doctest: +ELLIPSIS
    engagekit ...
    0
"""

from __future__ import annotations

import argparse
import importlib
import sys

from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from engagekit._version import __version__
from engagekit.errors import DocumentError, EngagekitError


__all__ = ["main"]


def __dir__() -> list[str]:
    return __all__


# The modules that contribute commands and demo sections, in demo order.
_COMMAND_MODULES = (
    "engagekit.cli._frameworks",
    "engagekit.cli._decisions",
    "engagekit.cli._escalation",
    "engagekit.cli._duties",
    "engagekit.cli._plans",
    "engagekit.cli._schema",
)

Handler = Callable[[argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="engagekit",
        description="NHS patient and public engagement frameworks: cycles, techniques, "
        "decisions, escalation, duties and plans.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="a tour of engagekit on its built-in data")
    demo.set_defaults(handler=_demo)
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    for name in _COMMAND_MODULES:
        module = importlib.import_module(name)
        section = getattr(module, "demo", None)
        if section is not None:
            section(out)
            out.write("\n")
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status.

    Exit status: 0 on success, 1 when a judgement is negative (a decision not
    ready, a duty not met), 2 for invalid input.
    """
    stream = out if out is not None else sys.stdout
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed on one line
        return exc.code if isinstance(exc.code, int) else 2
    if args.version:
        stream.write(f"engagekit {__version__}\n")
        return 0
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(stream)
        return 0
    try:
        return handler(args, stream)
    except EngagekitError as exc:
        sys.stderr.write(f"engagekit: error: {_one_line(exc)}\n")
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. `engagekit demo | head`
        return 0


#: A document error on the command line shows this many problems; the rest are counted.
PROBLEMS_SHOWN = 3


def _one_line(exc: EngagekitError) -> str:
    """The error on one line; a document error shows its first few problems."""
    if isinstance(exc, DocumentError):
        count = len(exc.problems) + exc.more
        parts = [f"{exc.origin}: {count} problem{'s' if count != 1 else ''}"]
        parts.extend(str(problem) for problem in exc.problems[:PROBLEMS_SHOWN])
        if count > PROBLEMS_SHOWN:
            parts.append(f"… and {count - PROBLEMS_SHOWN} more")
        return " | ".join(parts)
    return " | ".join(line.strip() for line in str(exc).splitlines())


def run() -> None:  # pragma: no cover - the console script
    """Entry point for the ``engagekit`` console script."""
    sys.exit(main())
