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
import difflib
import errno
import importlib
import io
import sys
import traceback

from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from engagekit._version import __version__
from engagekit.cli._output import StoreOnce, UsageError, command
from engagekit.cli._stdin import read_once
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
    """An argument parser whose usage errors are one line on stderr and exit 2, and
    whose options refuse to be given twice (its subcommands' parsers are of this class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", None, StoreOnce)
        self.register("action", "store", StoreOnce)

    def error(self, message: str) -> NoReturn:
        # An argument may hold a line break: show it escaped, keeping the error on one line.
        flat = message.replace("\r", "\\r").replace("\n", "\\n")
        self.exit(2, f"{self.prog}: error: {flat}\n")


_DESCRIPTION = """\
NHS patient and public engagement frameworks: cycles, techniques, decisions,
escalation, duties and plans.

Every command takes --format: text, json, markdown or html, and mermaid or dot
for a diagram, as far as it can write them (its --help lists them; demo writes
text and markdown only). JSON output is one engagekit document:
  {"engagekit": {"format": 1, "type": "Verdict"}, "data": {...}}
the shape engagekit.io.dumps writes, so engagekit.io.loads reads it back.
Wherever a command reads a file, the name of a built-in example works too, and
- reads standard input (UTF-8; a document starting with { is JSON, else TOML)."""

_EPILOG = """\
example:
  engagekit demo
  engagekit evaluate somerset-rheumatology --format markdown

exit status:
  0  success
  1  a negative judgement: a decision not ready, a duty not met, an action overdue
  2  invalid input or usage (one line on standard error; --debug for the traceback)
"""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="engagekit",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an error instead of one line"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = command(
        commands,
        "demo",
        help="a tour of engagekit on its built-in data",
        description="A tour of engagekit on its built-in data, ending with what to try next.",
        example="engagekit demo\nengagekit demo --format markdown > tour.md",
        formats=("text", "markdown"),
    )
    demo.set_defaults(handler=_demo)
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


#: Commands the demo suggests trying next; each runs on the built-in data as written.
NEXT_STEPS = (
    ("engagekit evaluate somerset-rheumatology", "judge a decision on the triangle"),
    ("engagekit evaluate somerset-patient-transport --compare", "appraise the options"),
    ("engagekit network sutton --format mermaid", "draw an escalation network"),
    ("engagekit duties --body icb --on 2024-06-30", "the duties that bind an ICB"),
    ("engagekit plan somerset --as-of 2012-01-15 --overdue", "what an action plan has overdue"),
    ("engagekit report oxfordshire --year 2015 --format html", "an annual engagement report"),
    ("engagekit report somerset-2011 --year 2011", "the report of a year's whole record"),
    ("engagekit techniques --level involve --stage 3", "choose involvement techniques"),
    ("engagekit schema decision", "the JSON Schema of a decision document"),
)


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    for name in _COMMAND_MODULES:
        module = importlib.import_module(name)
        section = getattr(module, "demo", None)
        if section is not None:
            _demo_section(args.format, section, out)
    width = max(len(line) for line, _ in NEXT_STEPS)
    steps = "\n".join(f"  {line:<{width}}  # {what}" for line, what in NEXT_STEPS)

    def next_steps(section: TextIO) -> None:
        section.write(
            "WHAT TO TRY NEXT (most commands also take --format json, markdown or html; "
            "--help for more)\n" + steps + "\n"
        )

    _demo_section(args.format, next_steps, out)
    return 0


def _demo_section(fmt: str, section: Callable[[TextIO], None], out: TextIO) -> None:
    """One section of the tour; in Markdown each title (its first word in capitals)
    is a heading and what follows it a text block."""
    if fmt == "text":
        section(out)
        out.write("\n")
        return
    buffer = io.StringIO()
    section(buffer)
    for block in buffer.getvalue().strip("\n").split("\n\n"):
        title, _, body = block.partition("\n")
        if title[:1].isalpha() and title.split()[0].isupper() and len(title.split()[0]) > 2:
            out.write(f"## {title.strip().rstrip(':')}\n\n")
        else:
            body = block
        if body.strip():
            out.write(f"```text\n{body.rstrip()}\n```\n\n")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status.

    Exit status: 0 on success, 1 when a judgement is negative (a decision not
    ready, a duty not met, an action overdue), 2 for invalid input or usage. Any
    error prints one line on standard error, never a traceback, unless `--debug`
    is given.

    Args:
        argv: the arguments after `engagekit`, as a shell would split them (`None`
            reads `sys.argv`).
        out: where the output goes (standard output when `None`); errors still go
            to standard error.

    Examples:
        >>> import io
        >>> out = io.StringIO()
        >>> main(["dates", "Nov/Dec 2011"], out=out)
        0
        >>> print(out.getvalue(), end="")
        'Nov/Dec 2011': 2011-11-01 to 2011-12-31 (months)
    """
    stream = out if out is not None else sys.stdout
    parser = _parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:
            _unrecognized(getattr(args, "command_parser", parser), extras)
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
        read_once(args)
        return handler(args, stream)
    except BrokenPipeError:  # pragma: no cover - e.g. `engagekit demo | head`
        return 0
    except Exception as exc:  # noqa: BLE001 - every failure is one line and exit 2
        if args.debug:
            traceback.print_exc()
        elif isinstance(exc, UsageError):
            sys.stderr.write(f"engagekit {args.command}: error: {_flat(str(exc))}\n")
        else:
            sys.stderr.write(f"engagekit: error: {_one_line(exc)}\n")
        return 2


def _unrecognized(parser: argparse.ArgumentParser, extras: list[str]) -> NoReturn:
    """Refuse arguments the command does not take, as the command (argparse said
    "engagekit: error" whichever command it was) and with the options closest to a
    mistyped one: ``--asof`` suggests ``--as-of``."""
    message = f"unrecognized arguments: {' '.join(extras)}"
    options = [o for action in parser._actions for o in action.option_strings]  # noqa: SLF001
    for extra in extras:
        name = extra.split("=", 1)[0]
        if name.startswith("-"):
            near = difflib.get_close_matches(name, options, n=1, cutoff=0.75)
            if near:
                message += f" (did you mean {near[0]}?)"
                break
    parser.error(message)


#: A document error on the command line shows this many problems; the rest are counted.
PROBLEMS_SHOWN = 3


def _one_line(exc: BaseException) -> str:
    """The error on one line; a document error shows its first few problems."""
    if isinstance(exc, DocumentError):
        count = len(exc.problems) + exc.more
        parts = [f"{exc.origin}: {count} problem{'s' if count != 1 else ''}"]
        parts.extend(str(problem) for problem in exc.problems[:PROBLEMS_SHOWN])
        if count > PROBLEMS_SHOWN:
            parts.append(f"… and {count - PROBLEMS_SHOWN} more")
        return " | ".join(parts)
    if isinstance(exc, EngagekitError):
        return _flat(str(exc))
    return _flat(_builtin_error(exc))


#: The errors of writing, not reading: no space left, a file too large, a quota met.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})


def _builtin_error(exc: BaseException) -> str:
    """A builtin error raised on bad input, said as what went wrong with the input."""
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename is not None else ""
        # A full disk fails the writing of the output, which "cannot read" misnamed.
        verb = "cannot write the output" if exc.errno in _WRITE_ERRNOS else "cannot read"
        return f"{where}{verb}: {exc.strerror or exc}"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to read"
    if isinstance(exc, UnicodeError):
        return f"the input is not UTF-8 text ({exc})"
    detail = str(exc) or type(exc).__name__
    return f"{detail} ({type(exc).__name__}; run with --debug for the traceback)"


def _flat(message: str) -> str:
    """A message on one line: its lines joined with ' | '."""
    return " | ".join(line.strip() for line in message.splitlines() if line.strip()) or "error"


def run() -> None:  # pragma: no cover - the console script
    """Entry point for the ``engagekit`` console script."""
    sys.exit(main())
