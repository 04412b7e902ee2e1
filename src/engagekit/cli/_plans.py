"""Commands for action plans, reports and date phrases (private)."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import io as stdio
import json
import tomllib

from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from engagekit import examples, io, render
from engagekit._display import Listing
from engagekit.cli import _stdin as stdin
from engagekit.cli._args import date_arg
from engagekit.cli._output import command, emit, emit_parts, resolve
from engagekit.cli._stdin import file_argument
from engagekit.errors import InvalidValueError
from engagekit.plans import (
    ActionPlan,
    EngagementRecord,
    Recurrence,
    TargetDate,
    YearStyle,
    annual_engagement_report,
    load_plan,
    parse_target,
)


#: Built-in plans, by the name the command line accepts instead of a file.
PLANS: dict[str, Callable[[], ActionPlan]] = {
    "somerset": examples.somerset_action_plan,
    "oxfordshire": examples.oxfordshire_delivery_plan,
}

#: Built-in engagement records, by the name ``engagekit report`` accepts instead of a file.
RECORDS: dict[str, Callable[[], EngagementRecord]] = {
    "somerset-2011": examples.somerset_engagement_record,
}

#: Keys only an engagement record has: a document holding one is read as a record.
_RECORD_KEYS = frozenset(
    {"plan", "loop", "meetings", "evidence", "consultations", "participants", "body_type", "year"}
)


class _Progress(Listing[tuple[str, str, "float | None"]]):
    """Each objective's progress on a date, as the ``plan`` command shows it."""

    noun = "objectives"
    columns = ("objective", "title", "progress")
    caption = "Progress by objective"

    def row(self, item: tuple[str, str, float | None]) -> tuple[object, ...]:
        objective, title, value = item
        return (objective, title, "n/a" if value is None else f"{value:.0f}%")


class _Readings(Listing[tuple[str, "TargetDate | Recurrence"]]):
    """How each date phrase is read, as the ``dates`` command shows it."""

    noun = "phrases"
    columns = ("phrase", "reading")
    caption = "How each phrase is read"

    def row(self, item: tuple[str, TargetDate | Recurrence]) -> tuple[object, ...]:
        phrase, reading = item
        shown = reading.describe() if isinstance(reading, TargetDate) else render.text(reading)
        # The reading starts with the phrase quoted, which its own column already shows.
        return (phrase, shown.removeprefix(f"{phrase!r}: "))


def register(commands: Any) -> None:
    """Add the plan commands to the parser."""
    names = ", ".join(PLANS)
    plan = command(
        commands,
        "plan",
        help="show an action plan, its progress and what is overdue",
        description="Show an action plan's progress on a date and the actions overdue. "
        f"FILE is a plan TOML file or a built-in plan: {names}.",
        example="engagekit plan somerset --as-of 2012-01-15 --overdue\n"
        "engagekit plan plan.toml --as-of 2012-01-15 --format markdown",
        ok="with --overdue: nothing overdue",
        negative="with --overdue: an action is overdue",
    )
    file_argument(plan, "file", metavar="FILE", help="a plan TOML file or a built-in plan's name")
    plan.add_argument(
        "--as-of", type=date_arg, help="the date to judge progress on (default: today)"
    )
    plan.add_argument("--overdue", action="store_true", help="list only the overdue actions")
    plan.set_defaults(handler=_plan)

    records = ", ".join(RECORDS)
    report = command(
        commands,
        "report",
        help="the annual engagement report on a year's engagement record or a plan",
        description="Write the annual engagement report of a financial year. FILE is an "
        "engagement record (what the year produced: plan, feedback loop, meetings, evidence, "
        "consultations; JSON or TOML, as engagekit.io writes it) or an action plan file, "
        f"or a built-in record ({records}) or plan ({names}). A file is read as a record "
        "when its envelope names EngagementRecord or it holds a key only a record has "
        "(plan, loop, meetings, evidence, consultations, participants, body_type). "
        "Markdown by default; html writes a standalone page.",
        example="engagekit report somerset-2011 --year 2011\n"
        "engagekit report oxfordshire --year 2015 --format html > report.html\n"
        "engagekit report record.toml --year 2018",
        default="markdown",
    )
    file_argument(
        report,
        "file",
        metavar="FILE",
        help="a record or plan file, or a built-in record's or plan's name",
    )
    report.add_argument(
        "--year", type=int, required=True, help="financial year, e.g. 2018 for 2018/19"
    )
    report.set_defaults(handler=_report)

    dates = command(
        commands,
        "dates",
        help="show how engagekit reads date phrases",
        description="Show how engagekit reads the date phrases action plans use: a date "
        "window, or a recurrence such as 'Quarterly'.",
        example='engagekit dates "End of May 2011" "Nov/Dec 2011" "Quarterly"\n'
        'engagekit dates "2011 - 2012" --years calendar --format json',
    )
    dates.add_argument("phrase", nargs="+", help='phrases such as "End of May 2011"')
    dates.add_argument(
        "--years",
        choices=[s.value for s in YearStyle],
        default=YearStyle.FINANCIAL.value,
        help='how to read "2011 - 2012" (default: financial)',
    )
    dates.set_defaults(handler=_dates)


def _plan_text(plan: ActionPlan, as_of: dt.date, only_overdue: bool) -> str:
    out = stdio.StringIO()
    _write_plan(plan, as_of, only_overdue, out)
    return out.getvalue()


def _write_plan(plan: ActionPlan, as_of: dt.date, only_overdue: bool, out: TextIO) -> None:
    overdue = plan.overdue(as_of)
    if not only_overdue:
        progress = plan.progress(as_of)
        out.write(f"{plan.title}\n")
        shown = "n/a" if progress is None else f"{progress:.0f}%"
        out.write(f"Progress on {as_of.isoformat()}: {shown}\n")
        for objective in plan.objectives:
            value = objective.progress(as_of, plan.catalogue)
            label = "n/a" if value is None else f"{value:.0f}%"
            out.write(f"  {objective.id}. {label:>4}  {objective.title}\n")
    out.write(f"Overdue on {as_of.isoformat()}: {len(overdue)}\n")
    for action in overdue:
        target = " / ".join(t.text for t in action.targets)
        out.write(f"  {action.id:<6} [{target}] {action.text}\n")


def _plan(args: argparse.Namespace, out: TextIO) -> int:
    plan = resolve(args.file, _load_plan, PLANS, what="plan")
    # The command line is the one place that may default to today.
    as_of = args.as_of or dt.date.today()  # noqa: DTZ011
    overdue = plan.overdue(as_of)
    text = functools.partial(_plan_text, plan, as_of, args.overdue)
    if args.overdue:
        emit(out, args.format, overdue, text=text)
        return 1 if overdue else 0
    objectives = [(o.id, o.title, o.progress(as_of, plan.catalogue)) for o in plan.objectives]
    if args.format == "json":
        progress = {
            "title": plan.title,
            "as_of": as_of.isoformat(),
            "progress": plan.progress(as_of),
            "objectives": [{"id": i, "title": t, "progress": p} for i, t, p in objectives],
            "overdue": overdue,
        }
        emit(out, args.format, progress)
    else:
        emit_parts(
            out, args.format, {"progress": _Progress(objectives), "overdue": overdue}, text=text
        )
    return 0


def _load_plan(argument: str) -> ActionPlan:
    """A plan file, or a plan on standard input (TOML, or JSON if it starts with ``{``)."""
    if not stdin.is_stdin(argument):
        return load_plan(argument)
    return _stdin_plan(stdin.read_bytes())


def _stdin_plan(raw: bytes) -> ActionPlan:
    """A plan read as `load_plan` reads a file: by `engagekit.io`, in either shape."""
    return io.loads(raw, ActionPlan, origin=stdin.NAME, format=stdin.document_format(raw))


def _is_record(path: Path | bytes, fmt: str) -> bool:
    """Whether a report's input file (or the bytes read) holds an engagement record
    rather than a plan.

    A record is named by the envelope's type, or else known by a key only a record
    has. A file that cannot be read is not one: reading it as a plan says what is wrong.
    """
    try:
        raw = (path if isinstance(path, bytes) else path.read_bytes()).decode("utf-8-sig")
        document: Any = tomllib.loads(raw) if fmt == "toml" else json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(document, dict):
        return False
    header = document.get("engagekit")
    if isinstance(header, dict) and "type" in header:
        return bool(header["type"] == EngagementRecord.__name__)
    data = document.get("data") if fmt == "json" and isinstance(header, dict) else document
    return isinstance(data, dict) and bool(_RECORD_KEYS & data.keys())


def _load_report_input(argument: str) -> ActionPlan | EngagementRecord:
    """A plan file (read as `engagekit plan` reads it) or an engagement record file,
    or either on standard input."""
    if stdin.is_stdin(argument):
        raw = stdin.read_bytes()
        fmt = stdin.document_format(raw)
        if _is_record(raw, fmt):
            return io.loads(raw, EngagementRecord, origin=stdin.NAME, format=fmt)
        return _stdin_plan(raw)
    path = Path(argument)
    fmt = "json" if path.suffix.lower() == ".json" else "toml"
    if _is_record(path, fmt):
        return io.load(path, EngagementRecord, format=fmt)
    return load_plan(argument)


def _report(args: argparse.Namespace, out: TextIO) -> int:
    if not 1948 <= args.year <= 9998:
        raise InvalidValueError("--year", args.year, reason="must be a year from 1948 to 9998")
    built_in: dict[str, Callable[[], ActionPlan | EngagementRecord]] = {**RECORDS, **PLANS}
    found = resolve(args.file, _load_report_input, built_in, what="record or plan")
    if isinstance(found, EngagementRecord):
        report = annual_engagement_report(args.year, found)
    else:
        report = annual_engagement_report(args.year, body=found.body or found.title, plan=found)
    emit(out, args.format, report)
    return 0


def _dates(args: argparse.Namespace, out: TextIO) -> int:
    style = YearStyle(args.years)
    readings: list[tuple[str, TargetDate | Recurrence]] = []
    for phrase in args.phrase:
        try:
            readings.append((phrase, TargetDate.parse(phrase, years=style)))
        except InvalidValueError:
            raise
        except ValueError:
            readings.append((phrase, parse_target(phrase)))

    def text() -> str:
        return "\n".join(
            r.describe() if isinstance(r, TargetDate) else render.text(r) for _, r in readings
        )

    if args.format == "json":
        emit(out, args.format, [{"phrase": p, "reading": r} for p, r in readings])
    else:
        emit(out, args.format, _Readings(readings), text=text)
    return 0


def demo(out: TextIO) -> None:
    """The demo section: Somerset's Action Plan v8 as of a fixed date."""
    as_of = dt.date(2012, 1, 15)
    plan = examples.somerset_action_plan()
    out.write("ACTION PLANS: Somerset CCG's Action Plan v8, its dates read as written\n")
    for phrase in ("End of May 2011", "Nov/Dec 2011", "From April 2012?", "2011 - 2012"):
        out.write(f"  {TargetDate.parse(phrase).describe()}\n")
    _write_plan(plan, as_of, True, out)
