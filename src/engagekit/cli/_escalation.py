"""The ``network`` command and the escalation section of the demo (private)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap

from collections.abc import Callable
from typing import IO, Any, TextIO

from engagekit import render
from engagekit.cli import _stdin as stdin
from engagekit.cli._args import date_arg
from engagekit.cli._output import (
    ALL_FORMATS,
    STANDARD,
    UsageError,
    command,
    emit,
    emit_parts,
    require,
)
from engagekit.cli._stdin import file_argument
from engagekit.errors import UnknownNameError
from engagekit.escalation import (
    Body,
    EscalationNetwork,
    NetworkDiff,
    OdsImport,
    OdsNames,
    PathToTop,
    PcnImport,
    Route,
    Tier,
    national,
)
from engagekit.escalation._ods import KEEP_BOTH, before_ccgs, keeps
from engagekit.escalation._render import _in_a_sentence
from engagekit.examples import oxfordshire, somerset, sutton, sutton_feedback_flow


_NETWORKS: dict[str, Callable[[], EscalationNetwork]] = {
    "somerset": somerset,
    "sutton": sutton,
    "oxfordshire": oxfordshire,
    "national": national,
}


def register(commands: Any) -> None:
    """Add the ``network`` command to the parser."""
    network = command(
        commands,
        "network",
        help="show an escalation network: a built-in one or one read from ODS data",
        description="Show an escalation network (somerset, sutton, oxfordshire, national) "
        "or build one from the NHS ODS GP practice file epraccur.csv and its primary "
        "care network file (ePCN). The whole network prints in every format, including "
        "mermaid and dot; --route, --path, --summary and --diff print as text, json, "
        "markdown or html.",
        example="engagekit network sutton --format mermaid\n"
        "engagekit network sutton --route sutton-practice-07-ppg\n"
        "engagekit network --ods epraccur.csv --pcn epcn.csv --summary --format json",
        formats=ALL_FORMATS,
    )
    network.add_argument("name", nargs="?", help="somerset, sutton, oxfordshire or national")
    file_argument(
        network, "--ods", metavar="FILE", help="read epraccur.csv (27 columns, no header)"
    )
    network.add_argument(
        "--as-of",
        metavar="DATE",
        type=date_arg,
        help="with --ods or --pcn: practices open and PCN memberships in force on "
        "this date (YYYY-MM-DD)",
    )
    strictness = network.add_mutually_exclusive_group()
    strictness.add_argument(
        "--strict",
        action="store_true",
        help="with --ods or --pcn (the default): fail on a malformed row, and on open "
        "practices that give a body two parents, naming each by line",
    )
    strictness.add_argument(
        "--lenient",
        action="store_true",
        help="with --ods or --pcn: skip malformed rows and resolve every conflict between rows "
        "over a parent by rule, listing each as a warning, instead of failing",
    )
    network.add_argument(
        "--nations",
        choices=("england", "wales", "both"),
        default="england",
        help="with --ods: the nations whose practices are kept (default: england; "
        "Welsh practices sit under their local health board)",
    )
    file_argument(
        network,
        "--names",
        metavar="FILE",
        action="append",
        help="with --ods: an ODS organisation file (eccg.csv, eauth.csv, ...) to name "
        "bodies from, over the built-in tables; repeat for several",
    )
    file_argument(
        network,
        "--pcn",
        metavar="FILE",
        help="read the ODS ePCN core partner details (CSV, or .xlsx with the xlsx extra) "
        "into the neighbourhood tier; with --ods, merged into that network",
    )
    network.add_argument("--route", metavar="BODY", help="show who hears this body next")
    network.add_argument(
        "--summary", action="store_true", help="show the bodies by tier and kind, with names"
    )
    network.add_argument(
        "--path", metavar="BODY", help="show the path from this body to the top, with names"
    )
    file_argument(
        network,
        "--diff",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="show what changed: between two epraccur files, or between two dates "
        "(YYYY-MM-DD) of the --ods (and --pcn) files",
    )
    network.set_defaults(handler=_network)


def _read(
    args: argparse.Namespace,
    out: TextIO,
    ods: str | None,
    as_of: dt.date | None,
    *,
    quiet: bool,
    imports: list[tuple[str, OdsImport | PcnImport]] | None = None,
    option: str = "--as-of",
    names_on: dt.date | None = None,
) -> EscalationNetwork:
    """The network of the ODS files given, each import reported (on stderr when quiet)
    and added to `imports`, with the file's path; a date refused is named as the
    `option` that gave it. Bodies are named as on `names_on` (see `from_ods`)."""
    network = None
    reports: list[tuple[str, OdsImport | PcnImport]] = []
    if ods:
        # The library's refusal of a date before the first CCGs, in its words, with
        # this command's option for the Welsh practices alone.
        refused = before_ccgs(as_of, args.nations, welsh_alone="--nations wales")
        if refused is not None and as_of is not None:
            raise UsageError(f"{option} {as_of.isoformat()}: {refused}")
        result = EscalationNetwork.from_ods(
            _source(args, ods),
            as_of=as_of,
            strict=not args.lenient,
            nations=args.nations,
            names=_names(args),
            names_on=names_on,
        )
        reports.append((stdin.shown(ods), result))
        network = result.network
    if args.pcn:
        pcns = EscalationNetwork.from_pcn(
            _source(args, args.pcn), network=network, as_of=as_of, strict=not args.lenient
        )
        reports.append((stdin.shown(args.pcn), pcns))
        network = pcns.network
    for path, report in reports:
        if imports is not None:
            imports.append((path, report))
        if not quiet:
            out.write(render.text(report) + "\n\n")
            continue
        malformed = [row for row in report.skipped if row.reason.startswith("malformed:")]
        if malformed:
            count = len(malformed)
            sys.stderr.write(
                f"engagekit: warning: {path}: {count} malformed row{'s' if count != 1 else ''} "
                f"skipped (--lenient); the first: {malformed[0]}\n"
            )
        unplaced = [row for row in report.skipped if row.reason.startswith(_NOT_JOINED)]
        if unplaced:
            count = len(unplaced)
            sys.stderr.write(
                f"engagekit: warning: {path}: {count} open practice"
                f"{'s' if count != 1 else ''} left out: the file does not say their "
                f"commissioner before they joined it; the first: {unplaced[0]}\n"
            )
        if report.warnings:
            count = len(report.warnings)
            sys.stderr.write(
                f"engagekit: warning: {count} conflict{'s' if count != 1 else ''} between "
                f"rows over a parent, resolved by rule; the first: {report.warnings[0]}\n"
            )
    assert network is not None
    return network


def _source(args: argparse.Namespace, path: str) -> str | IO[str]:
    """A file to read, or standard input for ``-``: read once and kept with the
    arguments, as --diff with two dates reads the --ods file twice."""
    if not stdin.is_stdin(path):
        return path
    raw: bytes | None = getattr(args, "stdin_bytes", None)
    if raw is None:
        raw = args.stdin_bytes = stdin.read_bytes()
    return stdin.text(raw)


def _names(args: argparse.Namespace) -> OdsNames | list[str] | None:
    """The --names files, as paths, or read (over the built-in tables, in the order
    given) when one is standard input."""
    paths: list[str] | None = args.names
    if not paths or not any(stdin.is_stdin(p) for p in paths):
        return paths
    names = OdsNames.builtin()
    for path in paths:
        names = OdsNames.read(_source(args, path), over=names)
    return names


#: The reason `from_ods` gives a practice it cannot place on the date read: open,
#: but not yet under the commissioner its row names.
_NOT_JOINED = "commissioner not known on "


def _load(
    args: argparse.Namespace, out: TextIO, imports: list[tuple[str, OdsImport | PcnImport]]
) -> EscalationNetwork:
    if (args.ods or args.pcn) and args.name:
        option = "--ods" if args.ods else "--pcn"
        raise UsageError(f"NAME {args.name!r} and {option} FILE: give one, not both")
    if args.ods or args.pcn:
        _nations_need_ods(args)
        quiet = args.format != "text" or bool(args.route or args.path)
        return _read(args, out, args.ods, args.as_of, quiet=quiet, imports=imports)
    _only_with_files(args)
    if not args.name:
        raise UsageError(
            f"give a NAME ({', '.join(_NETWORKS)}), or --ods FILE or --pcn FILE to read one"
        )
    name = args.name.lower()
    if name not in _NETWORKS:
        raise UnknownNameError("network", args.name or "", choices=_NETWORKS)
    return _NETWORKS[name]()


def _only_with_files(args: argparse.Namespace) -> None:
    if args.as_of:
        raise UsageError(f"--as-of {args.as_of.isoformat()}: only applies with --ods or --pcn")
    if args.lenient:
        raise UsageError("--lenient: only applies with --ods or --pcn")
    if args.strict:
        raise UsageError("--strict: only applies with --ods or --pcn")
    _nations_need_ods(args)


def _nations_need_ods(args: argparse.Namespace) -> None:
    if args.nations != "england" and not args.ods:
        raise UsageError(f"--nations {args.nations}: only applies with --ods")
    if args.names and not args.ods:
        raise UsageError(f"--names {args.names[0]}: only applies with --ods")


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    old_arg, new_arg = args.diff
    dates = [_as_date(old_arg), _as_date(new_arg)]
    if args.name:
        raise UsageError(f"--diff and NAME {args.name!r}: give --diff OLD NEW without a NAME")
    if all(d is not None for d in dates):
        if not (args.ods or args.pcn):
            raise UsageError(
                f"--diff {old_arg} {new_arg}: two dates need --ods FILE (or --pcn FILE) to read"
            )
        if args.as_of:
            raise UsageError(f"--as-of {args.as_of.isoformat()}: --diff gives the two dates")
        _nations_need_ods(args)
        old = _read(args, out, args.ods, dates[0], quiet=True, option="--diff")
        new = _read(args, out, args.ods, dates[1], quiet=True, option="--diff")
    elif any(d is not None for d in dates):
        raise UsageError(f"--diff {old_arg} {new_arg}: give two epraccur files or two dates")
    else:
        if args.ods or args.pcn:
            raise UsageError(
                f"--diff {old_arg} {new_arg}: two files are read as epraccur.csv; "
                "--ods and --pcn go with two dates"
            )
        # Each file's date is its own latest date: named so, a body took one era's name
        # in one file and another's in the other, a rename neither file records. The
        # older is named as on the newer file's date, so both sides name it alike.
        read: list[tuple[str, OdsImport | PcnImport]] = []
        new = _read(args, out, new_arg, args.as_of, quiet=True, imports=read)
        newer = read[0][1]
        names_on = newer.era if isinstance(newer, OdsImport) else None
        old = _read(args, out, old_arg, args.as_of, quiet=True, names_on=names_on)
    changes = old.diff(new)
    pcn_alone = bool(args.pcn and not args.ods)
    emit(
        out,
        args.format,
        changes,
        text=lambda: _diff_text(
            changes, stdin.shown(old_arg), stdin.shown(new_arg), pcn_alone=pcn_alone
        ),
    )
    return 0


def _diff_text(changes: NetworkDiff, old: str, new: str, *, pcn_alone: bool = False) -> str:
    if not changes:
        return f"No changes from {old} to {new}."
    counts = ", ".join(f"{count} {kind}" for kind, count in changes.counts().items())
    text = f"From {old} to {new}: {counts}\n\n{render.text(changes)}"
    if pcn_alone and (changes.of("opened") or changes.of("closed")):
        # Read alone, the ePCN file holds a practice only while it is in a PCN: a
        # practice that left every PCN read as "closed" though it was still open.
        text += "\n\n" + textwrap.fill(
            "With --pcn alone, opened and closed practices are those that joined or "
            "left every primary care network: the ePCN file does not say when a practice "
            "opened or closed (add --ods FILE to tell).",
            width=100,
        )
    return text


def _as_date(text: str) -> dt.date | None:
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return date_arg(text)
    return None


def _network(args: argparse.Namespace, out: TextIO) -> int:
    chosen = [o for o in ("route", "path", "summary", "diff") if getattr(args, o)]
    if len(chosen) > 1:
        raise UsageError(f"--{chosen[1]}: give one of --route, --path, --summary, --diff")
    if chosen:
        require(args, STANDARD, f"--{chosen[0]}")
    if args.diff:
        return _diff(args, out)
    imports: list[tuple[str, OdsImport | PcnImport]] = []
    network = _load(args, out, imports)
    for option in ("path", "route"):
        if getattr(args, option):
            _not_skipped(network, f"--{option}", getattr(args, option), imports)
    if args.path:
        path = network.path(args.path)
        emit(out, args.format, path, text=lambda: _path_text(path))
    elif args.summary:
        summary = network.summary()
        emit(
            out,
            args.format,
            summary,
            text=lambda: f"{network.name}: {summary.total} bodies\n\n{render.text(summary)}",
        )
    elif args.route:
        route = network.route(args.route)
        start = network.body(args.route)
        emit(out, args.format, route, text=lambda: _route_text(start, route))
    elif args.format in ("json", "mermaid", "dot"):
        emit(out, args.format, network)
    else:
        # Text prints each import's report as it reads; HTML and Markdown put it first,
        # so the rows read and skipped are not lost from the page.
        parts: dict[str, object] = {
            f"import {number}": report
            for number, (_, report) in enumerate(imports, 1)
            if args.format != "text"
        }
        parts |= {"network": network, "coverage": network.coverage(), "gaps": network.gaps()}
        emit_parts(out, args.format, parts)
    return 0


def _not_skipped(
    network: EscalationNetwork,
    option: str,
    body: str,
    imports: list[tuple[str, OdsImport | PcnImport]],
) -> None:
    """Refuse a body the reader left out of the network, naming the file, line and
    reason: the lookup said only "unknown body" and offered other practices, as if a
    Welsh practice (under --nations england) or one closed on the date were a typo."""
    if body in network:
        return
    for path, row in ((path, row) for path, report in imports for row in report.skipped):
        if row.code == body:
            reason = str(row)
            # The reader's reason names its argument; say the option that keeps the row.
            if reason.endswith(keeps(KEEP_BOTH)):
                reason = reason.removesuffix(keeps(KEEP_BOTH)) + keeps("--nations both")
            raise UsageError(f"{option} {body}: not in the network: {path} {reason}")


def _path_text(path: PathToTop) -> str:
    return "\n".join(
        f"{'  -> ' * min(step, 1)}{body.name} [{body.id}] ({body.kind.label})"
        for step, body in enumerate(path)
    )


def _route_text(start: Body, route: Route) -> str:
    lines = [f"{start.name} [{start.id}]"]
    lines.extend(
        f"  -> {body.name} [{body.id}] ({_in_a_sentence(body.tier.label)})" for body in route
    )
    return "\n".join(lines)


def demo(out: TextIO) -> None:
    """The escalation section of ``engagekit demo``."""
    net = sutton()
    out.write("ESCALATION: SUTTON CCG (25 practices, 3 localities, the Patient Reference Group)\n")
    start = net.body("sutton-practice-07-ppg")
    out.write(f"  route from {start.name}:\n")
    for body in net.route(start):
        out.write(f"    -> {body.name} ({_in_a_sentence(body.tier.label)})\n")
    coverage = net.coverage()
    out.write(
        f"  coverage: {coverage.with_patient_group}/{coverage.practices} practices have a PPG; "
        f"{coverage.represented} ({coverage.share_represented or 0:.0%}) are represented on "
        f"the PRG; {coverage.seats_available} PRG seats\n"
    )
    out.write(f"  gaps: unrepresented {', '.join(net.gaps().unrepresented)}\n")
    reached = net.cascade("sutton-governing-body")
    out.write(
        "  a Governing Body decision reaches: "
        + "; ".join(
            f"{len(bodies)} at {_in_a_sentence(tier.label)}"
            for tier, bodies in reached.by_tier().items()
        )
        + "\n"
    )
    flow = sutton_feedback_flow()
    out.write(
        f"  feedback flow: {len(flow.influencing('Service Specifications'))} sources can "
        f"influence service specifications; a complaint is fed back "
        f"{len(flow.fed_back('Complaints'))} ways\n"
    )
    county = somerset()
    forums = sum(1 for b in county.bodies if b.kind.is_forum and b.tier is Tier.LOCALITY)
    out.write(
        f"  Somerset: {forums} federation Health Forums escalate to "
        + ", ".join(b.name for b in county.top)
        + "\n"
    )
