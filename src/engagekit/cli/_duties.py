"""Commands for statutory duties and compliance checks (private)."""

from __future__ import annotations

import argparse
import datetime as dt

from typing import Any, TextIO

from engagekit import io, render
from engagekit.cli._args import date_arg
from engagekit.duties import (
    BodyType,
    Checklist,
    Trigger,
    duties_for,
    load_duties,
    load_evidence,
    registry,
)
from engagekit.errors import InvalidValueError
from engagekit.evidence import Evidence, EvidenceKind


def register(commands: Any) -> None:
    """Add the duty commands to the parser."""
    duties = commands.add_parser(
        "duties", help="which duties bound a kind of body on a date, or what changed"
    )
    duties.add_argument("--body", help="body type, e.g. ccg, icb, nhs-trust, pct")
    duties.add_argument("--on", type=date_arg, help="the date (default: today)")
    duties.add_argument(
        "--changes",
        nargs=2,
        type=date_arg,
        metavar=("FROM", "TO"),
        help="list what started, ended or changed after FROM up to TO",
    )
    duties.add_argument("--local", metavar="FILE", help="add duties from a TOML file")
    duties.add_argument("--json", action="store_true", help="print JSON")
    duties.set_defaults(handler=_duties)

    check = commands.add_parser(
        "check", help="assess evidence against the duties of a kind of body on a date"
    )
    check.add_argument("evidence_file", metavar="EVIDENCE_FILE", help="TOML file of [[evidence]]")
    check.add_argument("--body", required=True, help="body type, e.g. icb")
    check.add_argument("--on", type=date_arg, help="whose duties to check (default: today)")
    check.add_argument("--as-of", type=date_arg, help="assessment date (default: --on)")
    check.add_argument(
        "--applies",
        action="append",
        default=None,
        metavar="CONDITION",
        help="a trigger condition that holds (repeatable): "
        + ", ".join(t.value for t in Trigger if t is not Trigger.ALWAYS),
    )
    check.add_argument("--local", metavar="FILE", help="add duties from a TOML file")
    check.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    check.set_defaults(handler=_check)


def _registry(args: argparse.Namespace) -> Any:
    reg = registry()
    if args.local:
        reg = reg.merged_with(load_duties(args.local))
    return reg


def _duties(args: argparse.Namespace, out: TextIO) -> int:
    reg = _registry(args)
    if args.changes:
        changes = reg.changes_between(*args.changes)
        out.write((io.dumps(changes) if args.json else render.text(changes)) + "\n")
        return 0
    if not args.body:
        raise InvalidValueError(
            "--body",
            None,
            reason="give --body (or --changes FROM TO)",
            allowed=[b.value for b in BodyType],
        )
    on = args.on or dt.date.today()  # noqa: DTZ011 - the CLI may default to today
    found = duties_for(BodyType.parse(args.body, field="--body"), on, registry=reg)
    out.write((io.dumps(found) if args.json else render.text(found)) + "\n")
    return 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    reg = _registry(args)
    on = args.on or dt.date.today()  # noqa: DTZ011 - the CLI may default to today
    evidence = load_evidence(args.evidence_file)
    conditions = (
        None
        if args.applies is None
        else [Trigger.parse(t, field="--applies") for t in args.applies]
    )
    body = BodyType.parse(args.body, field="--body")
    checklist = Checklist.for_body(body, on=on, registry=reg)
    report = checklist.assess(evidence, as_of=args.as_of or on, conditions=conditions)
    if args.format == "json":
        out.write(io.dumps(report) + "\n")
    elif args.format == "markdown":
        out.write(render.markdown(report) + "\n")
    else:
        out.write(render.text(report) + "\n")
    return 1 if report.gaps else 0


def demo(out: TextIO) -> None:
    """The duties section of ``engagekit demo``."""
    reg = registry()
    out.write("STATUTORY DUTIES: CCG -> ICB (1 July 2022)\n")
    changes = reg.changes_between(dt.date(2022, 6, 30), dt.date(2022, 7, 1))
    for body in changes.bodies:
        out.write(f"  {body.body.label}s {'established' if body.started else 'abolished'}\n")
    for change in changes.changes:
        out.write(f"  {change.kind.value:<8} {change.duty_id:<40} {change.title}\n")
    ccg = duties_for(BodyType.CCG, dt.date(2023, 1, 1))
    out.write(f"  a CCG on 2023-01-01: {ccg.reason}\n\n")

    on = dt.date(2024, 6, 30)
    out.write(f"COMPLIANCE REPORT: an ICB's annual report requirements, as of {on}\n")
    checklist = Checklist.for_body(BodyType.ICB, on=on)
    evidence = [
        Evidence(
            id="annual-report-2023-24",
            what="Annual report 2023/24 (published June 2024): working with people",
            date=dt.date(2024, 6, 27),
            kind=EvidenceKind.ANNUAL_REPORT,
            supports=("nhs-act-s14z58/explain-duties", "nhs-act-s14z58/review-jhws"),
        ),
        Evidence(
            id="annual-report-2022-23",
            what="Annual report 2022/23 (published June 2023)",
            date=dt.date(2023, 6, 29),
            kind=EvidenceKind.ANNUAL_REPORT,
            supports=("nhs-act-s14z58/hwb-consultation",),
        ),
    ]
    report = checklist.assess(evidence, as_of=on, conditions=())
    annual = [f for f in report.reasons if f.rule.startswith("nhs-act-s14z58/")]
    for finding in annual:
        out.write(f"  {finding.outcome.label:<11} {finding.rule}\n")
        out.write(f"      {finding.notes[-1] if finding.set_aside else finding.message}\n")
    out.write(f"  whole checklist: {report.summary}\n")
