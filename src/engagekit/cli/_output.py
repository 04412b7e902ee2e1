"""The contract every command shares (private): its ``--format`` option, the JSON
envelope, the exit codes in ``--help``, usage errors and built-in example names.

Every command is made by `command`, so each has the same ``--format`` option,
a worked example and the exit codes in its help; each writes its result with
`emit`, so JSON is always one engagekit document (the shape
`engagekit.io.dumps` writes) and Markdown and HTML always come from the renderers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import textwrap

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar

from engagekit import io, render


T = TypeVar("T")

#: The formats of nearly every command, in the order help lists them.
STANDARD = ("text", "json", "markdown", "html")
#: Every format any command writes.
ALL_FORMATS = (*STANDARD, "mermaid", "dot")

_EXIT = """\
exit status:
  0  success{ok}
  1  {negative}
  2  invalid input or usage (one line on standard error)"""

_NEVER_NEGATIVE = "never: this command makes no judgement"


class UsageError(Exception):
    """A command was called in a way it cannot honour: exit 2, one line on stderr."""


def _shown(value: object) -> str:
    """An option's value as the user typed it (a date as YYYY-MM-DD, not its repr)."""
    if isinstance(value, list | tuple):
        return " ".join(_shown(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _given_once(namespace: argparse.Namespace, dest: str, name: str, given: str) -> None:
    """Refuse an option given a second time: argparse would keep the last value and
    drop the first without a word (``--year 2011 --year 2012`` reported on 2012)."""
    seen: dict[str, str] = namespace.__dict__.setdefault("_options_given", {})
    first = seen.get(dest)
    if first is not None:
        raise argparse.ArgumentError(
            None, f"argument {name}: given twice ({first} and {given}); give it once"
        )
    seen[dest] = given


class StoreOnce(argparse.Action):
    """The ``store`` action, refusing an option given twice (see `_given_once`)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        if option_string is not None:
            name = "/".join(self.option_strings)
            _given_once(namespace, self.dest, name, f"{option_string} {_shown(values)}")
        setattr(namespace, self.dest, values)


class _DeprecatedJson(argparse.Action):
    """``--json``, kept as a deprecated alias of ``--format json``."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        sys.stderr.write(f"{parser.prog}: warning: --json is deprecated; use --format json\n")
        _given_once(namespace, "format", "--format", "--json")
        namespace.format = "json"


def command(
    commands: Any,
    name: str,
    *,
    help: str,  # noqa: A002 - argparse's own word
    description: str,
    example: str,
    formats: Sequence[str] = STANDARD,
    default: str = "text",
    ok: str = "",
    negative: str = _NEVER_NEGATIVE,
) -> argparse.ArgumentParser:
    """A subcommand with the shared ``--format`` option and an epilog.

    The epilog holds the worked ``example`` (shell lines) and the exit codes:
    ``negative`` says when the command exits 1.
    """
    epilog = "example:\n" + "\n".join(f"  {line}" for line in example.strip().splitlines())
    epilog += "\n\n" + _EXIT.format(ok=f" ({ok})" if ok else "", negative=negative) + "\n"
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=help,
        description="\n\n".join(textwrap.fill(p, 79) for p in description.split("\n\n")),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--format",
        choices=formats,
        default=default,
        help=f"how to print the result: {', '.join(formats)} (default: {default})",
    )
    if "json" in formats:
        parser.add_argument(
            "--json", action=_DeprecatedJson, nargs=0, help="deprecated: use --format json"
        )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the traceback of an error (also accepted before the command)",
    )
    parser.set_defaults(formats=tuple(formats), command_parser=parser)
    return parser


def require(args: argparse.Namespace, allowed: Sequence[str], what: str) -> None:
    """Refuse a format this form of the command cannot write (a usage error)."""
    if args.format not in allowed:
        choices = ", ".join(allowed[:-1]) + f" or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
        raise UsageError(f"--format {args.format}: {what} prints as {choices}")


#: The end of an HTML block: a line ends after it in the HTML a command writes.
_HTML_BLOCK_END = re.compile(
    r"(</(?:tr|thead|tbody|table|caption|p|li|ul|ol|h[1-6]|section|article|div|head|title"
    r"|style)>|<(?:thead|tbody|ul|ol|section)>)(?!\n)"
)


def html_lines(html: str) -> str:
    """HTML with a line per block (a table row, a paragraph, a list item), not the one
    line the renderers write for notebooks: a page written to a file was a single line
    of up to 22,000 characters, which a diff, grep or pager cannot show. Whitespace
    between blocks does not change how HTML displays.

    Examples:
        >>> print(html_lines("<ul><li>one</li><li>two</li></ul>"))
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>
        <BLANKLINE>
    """
    return _HTML_BLOCK_END.sub(r"\1\n", html)


def emit(out: TextIO, fmt: str, value: object, *, text: Callable[[], str] | None = None) -> None:
    """Write ``value`` in ``fmt``: the renderers for text, Markdown, HTML and Mermaid,
    `to_dot` for DOT, and one engagekit document (``io.dumps``) for JSON.

    ``text`` overrides the plain-text form (a command's own layout).
    """
    if fmt == "json":
        written = io.dumps(value, indent=2)
    elif fmt == "markdown":
        written = render.markdown(value)
    elif fmt == "html":
        written = html_lines(render.html(value))
    elif fmt == "mermaid":
        written = render.mermaid(value)
    elif fmt == "dot":
        written = value.to_dot()  # type: ignore[attr-defined]
    else:
        written = text() if text is not None else render.text(value)
    out.write(written if written.endswith("\n") else written + "\n")


def emit_parts(
    out: TextIO,
    fmt: str,
    parts: Mapping[str, object],
    *,
    text: Callable[[], str] | None = None,
) -> None:
    """Write several values as one output: in JSON one document whose data is an
    object keyed by part; otherwise each part's rendering, separated by a blank line."""
    if fmt == "json":
        emit(out, fmt, dict(parts))
        return
    if fmt == "text" and text is not None:
        emit(out, fmt, None, text=text)
        return
    if fmt == "html":
        out.write("\n\n".join(html_lines(render.html(value)) for value in parts.values()) + "\n")
        return
    renderer = render.markdown if fmt == "markdown" else render.text
    out.write("\n\n".join(renderer(value) for value in parts.values()) + "\n")


def resolve(
    argument: str,
    load: Callable[[str], T],
    builtins: Mapping[str, Callable[[], T]],
    *,
    what: str,
    option: str = "FILE",
) -> T:
    """A file's contents, or the built-in example of that name.

    ``-`` is standard input, which `load` reads (see `engagekit.cli._stdin`); a path
    that exists is always read as a file; otherwise the argument must name a
    built-in example (case-insensitive).
    """
    if argument == "-" or Path(argument).exists():
        return load(argument)
    key = argument.strip().lower()
    if key in builtins:
        return builtins[key]()
    known = ", ".join(builtins) if builtins else "none"
    raise UsageError(
        f"{option} {argument!r}: no such file, and not a built-in {what} (built-in: {known})"
    )
