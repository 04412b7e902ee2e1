"""Commands for statutory duties and compliance checks (private)."""

from __future__ import annotations

import argparse
import datetime as dt

from collections.abc import Callable
from typing import Any, TextIO

from engagekit import io
from engagekit.cli import _stdin as stdin
from engagekit.cli._args import date_arg
from engagekit.cli._output import UsageError, command, emit, resolve
from engagekit.cli._stdin import file_argument
from engagekit.duties import (
    BodyType,
    Checklist,
    Trigger,
    duties_for,
    load_duties,
    load_evidence,
    registry,
)
from engagekit.duties._checklist import assessed_before
from engagekit.errors import UnknownNameError
from engagekit.evidence import Evidence, EvidenceFile, EvidenceKind


def _demo_evidence() -> tuple[Evidence, ...]:
    """An ICB's two annual reports, as the demo assesses them."""
    return (
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
    )


#: Built-in evidence, by the name the command line accepts instead of a file.
EVIDENCE: dict[str, Callable[[], tuple[Evidence, ...]]] = {"icb-annual-reports": _demo_evidence}


def register(commands: Any) -> None:
    """Add the duty commands to the parser."""
    bodies = ", ".join(b.value for b in BodyType)
    duties = command(
        commands,
        "duties",
        help="which duties bound a kind of body on a date, or what changed",
        description="List the statutory duties that bound a kind of body on a date "
        f"(--body), or what started, ended or changed between two dates (--changes). "
        f"Body types: {bodies}.",
        example="engagekit duties --body icb --on 2024-06-30\n"
        "engagekit duties --body ccg --on 2018-06-01 --format markdown\n"
        "engagekit duties --changes 2022-06-30 2022-07-01",
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
    file_argument(duties, "--local", metavar="FILE", help="add duties from a TOML file")
    duties.set_defaults(handler=_duties)

    check = command(
        commands,
        "check",
        help="assess evidence against the duties of a kind of body on a date",
        description="Assess evidence (a TOML file of [[evidence]] or JSON of the same "
        "shape, or the built-in example " + ", ".join(EVIDENCE) + ") against the duties "
        "that bound a kind of body on a date.",
        example="engagekit check icb-annual-reports --body icb --on 2024-06-30\n"
        "engagekit check evidence.toml --body icb --on 2024-06-30 --applies service-impact "
        "--format markdown",
        ok="every requirement met",
        negative="a requirement not met, or not evidenced",
    )
    file_argument(
        check,
        "evidence_file",
        metavar="EVIDENCE_FILE",
        help="TOML file of [[evidence]] (or .json of the same shape), or a built-in example's name",
    )
    check.add_argument("--body", required=True, help="body type, e.g. icb")
    check.add_argument(
        "--on",
        type=date_arg,
        help="the day whose duties to check (default: the --as-of date, or today)",
    )
    check.add_argument(
        "--as-of",
        type=date_arg,
        help="the assessment date, on or after --on: evidence dated after it does not "
        "count (default: --on)",
    )
    check.add_argument(
        "--applies",
        action="append",
        default=None,
        metavar="CONDITION",
        help="a trigger condition that holds (repeatable): "
        + ", ".join(t.value for t in Trigger if t is not Trigger.ALWAYS)
        + "; without it, every requirement is assessed as applying, whatever its condition",
    )
    file_argument(check, "--local", metavar="FILE", help="add duties from a TOML file")
    check.set_defaults(handler=_check)


def _load_evidence(path: str) -> tuple[Evidence, ...]:
    """The evidence of a file, or of standard input (TOML, or JSON of the same shape)."""
    if not stdin.is_stdin(path):
        return load_evidence(path)
    raw = stdin.read_bytes()
    found = io.loads(raw, EvidenceFile, origin=stdin.NAME, format=stdin.document_format(raw))
    return found.evidence


def _registry(args: argparse.Namespace) -> Any:
    reg = registry()
    if args.local:
        source = stdin.binary() if stdin.is_stdin(args.local) else args.local
        reg = reg.merged_with(load_duties(source))
    return reg


def _duties(args: argparse.Namespace, out: TextIO) -> int:
    if args.changes and (args.body or args.on):
        given = "--body" if args.body else "--on"
        raise UsageError(f"{given}: give --body BODY [--on DATE] or --changes FROM TO, not both")
    if not args.changes and not args.body:
        bodies = ", ".join(b.value for b in BodyType)
        raise UsageError(f"give --body BODY (one of {bodies}) or --changes FROM TO")
    if args.changes and args.changes[1] < args.changes[0]:
        start, end = (d.isoformat() for d in args.changes)
        raise UsageError(f"--changes {start} {end}: TO must not be before FROM")
    reg = _registry(args)
    if args.changes:
        emit(out, args.format, reg.changes_between(*args.changes))
        return 0
    on = args.on or dt.date.today()  # noqa: DTZ011 - the CLI may default to today
    found = duties_for(BodyType.parse(args.body, field="--body"), on, registry=reg)
    emit(out, args.format, found)
    return 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    # The one date given stands for both; the CLI may default to today.
    on: dt.date = args.on or args.as_of or dt.date.today()  # noqa: DTZ011
    as_of: dt.date = args.as_of or on
    # The library's refusal of an assessment date before the day checked, in its
    # words, naming this command's options; refused before the evidence is read.
    refused = assessed_before(on, as_of, on_option="--on ", as_of_option="--as-of ")
    if refused is not None:
        raise UsageError(f"--as-of {as_of.isoformat()}: {refused}")
    reg = _registry(args)
    evidence = resolve(
        args.evidence_file, _load_evidence, EVIDENCE, what="evidence set", option="EVIDENCE_FILE"
    )
    conditions = (
        None
        if args.applies is None
        else [Trigger.parse(t, field="--applies") for t in args.applies]
    )
    body = BodyType.parse(args.body, field="--body")
    checklist = Checklist.for_body(body, on=on, registry=reg)
    try:
        report = checklist.assess(evidence, as_of=as_of, conditions=conditions)
    except UnknownNameError as exc:
        if exc.kind != "requirement":
            raise
        # The library says where in the evidence; the file it came from is known here.
        within = f"{exc.within} in {stdin.shown(args.evidence_file)}"
        raise UnknownNameError(exc.kind, exc.name, choices=exc.choices, within=within) from None
    emit(out, args.format, report)
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
    report = checklist.assess(_demo_evidence(), as_of=on, conditions=())
    annual = [f for f in report.reasons if f.rule.startswith("nhs-act-s14z58/")]
    for finding in annual:
        out.write(f"  {finding.outcome.label:<11} {finding.rule}\n")
        out.write(f"      {finding.notes[-1] if finding.set_aside else finding.message}\n")
    out.write(f"  whole checklist: {report.summary}\n")
