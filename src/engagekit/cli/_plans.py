"""Commands for action plans, reports and date phrases (private)."""

from __future__ import annotations

import argparse
import datetime as dt

from typing import Any, TextIO

from engagekit import io, render
from engagekit.cli._args import date_arg
from engagekit.errors import InvalidValueError
from engagekit.plans import (
    ActionPlan,
    TargetDate,
    YearStyle,
    annual_engagement_report,
    parse_target,
)


def register(commands: Any) -> None:
    """Add the plan commands to the parser."""
    plan = commands.add_parser("plan", help="show an action plan, its progress and what is overdue")
    plan.add_argument("file", help="a plan TOML file")
    plan.add_argument(
        "--as-of", type=date_arg, help="the date to judge progress on (default: today)"
    )
    plan.add_argument("--overdue", action="store_true", help="list only the overdue actions")
    plan.set_defaults(handler=_plan)

    report = commands.add_parser("report", help="the annual engagement report for a plan")
    report.add_argument("file", help="a plan TOML file")
    report.add_argument(
        "--year", type=int, required=True, help="financial year, e.g. 2018 for 2018/19"
    )
    report.add_argument("--format", choices=("md", "html"), default="md")
    report.set_defaults(handler=_report)

    dates = commands.add_parser("dates", help="show how engagekit reads date phrases")
    dates.add_argument("phrase", nargs="+", help='phrases such as "End of May 2011"')
    dates.add_argument(
        "--years",
        choices=[s.value for s in YearStyle],
        default=YearStyle.FINANCIAL.value,
        help='how to read "2011 - 2012" (default: financial)',
    )
    dates.set_defaults(handler=_dates)


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
    plan = io.load(args.file, ActionPlan)
    # The command line is the one place that may default to today.
    as_of = args.as_of or dt.date.today()  # noqa: DTZ011
    _write_plan(plan, as_of, args.overdue, out)
    return 1 if args.overdue and plan.overdue(as_of) else 0


def _report(args: argparse.Namespace, out: TextIO) -> int:
    plan = io.load(args.file, ActionPlan)
    if not 1948 <= args.year <= 9998:
        raise InvalidValueError("--year", args.year, reason="must be a year from 1948 to 9998")
    report = annual_engagement_report(args.year, body=plan.body or plan.title, plan=plan)
    out.write(render.markdown(report) if args.format == "md" else render.html(report))
    return 0


def _dates(args: argparse.Namespace, out: TextIO) -> int:
    style = YearStyle(args.years)
    for phrase in args.phrase:
        try:
            target = TargetDate.parse(phrase, years=style)
        except InvalidValueError:
            raise
        except ValueError:
            recurring = parse_target(phrase)
            out.write(render.text(recurring) + "\n")
            continue
        out.write(target.describe() + "\n")
    return 0


def demo(out: TextIO) -> None:
    """The demo section: Somerset's Action Plan v8 as of a fixed date."""
    from engagekit import examples

    as_of = dt.date(2012, 1, 15)
    plan = examples.somerset_action_plan()
    out.write("ACTION PLANS: Somerset CCG's Action Plan v8, its dates read as written\n")
    for phrase in ("End of May 2011", "Nov/Dec 2011", "From April 2012?", "2011 - 2012"):
        out.write(f"  {TargetDate.parse(phrase).describe()}\n")
    _write_plan(plan, as_of, True, out)
