"""The ``network`` command and the escalation section of the demo (private)."""

from __future__ import annotations

import argparse
import json
import sys

from collections.abc import Callable
from typing import Any, TextIO

from engagekit import io, render
from engagekit.cli._args import date_arg
from engagekit.errors import InvalidValueError, UnknownNameError
from engagekit.escalation import EscalationNetwork, Tier, national
from engagekit.examples import oxfordshire, somerset, sutton, sutton_feedback_flow


_NETWORKS: dict[str, Callable[[], EscalationNetwork]] = {
    "somerset": somerset,
    "sutton": sutton,
    "oxfordshire": oxfordshire,
    "national": national,
}


def register(commands: Any) -> None:
    """Add the ``network`` command to the parser."""
    network = commands.add_parser(
        "network",
        help="show an escalation network: a built-in one or one read from ODS data",
        description="Show an escalation network (somerset, sutton, oxfordshire, national) "
        "or build one from the NHS ODS GP practice file epraccur.csv.",
    )
    network.add_argument("name", nargs="?", help="somerset, sutton, oxfordshire or national")
    network.add_argument("--ods", metavar="FILE", help="read epraccur.csv (27 columns, no header)")
    network.add_argument(
        "--as-of",
        metavar="DATE",
        type=date_arg,
        help="with --ods: practices open on this date (YYYY-MM-DD)",
    )
    network.add_argument(
        "--lenient",
        action="store_true",
        help="with --ods: skip malformed rows and resolve every conflict between rows "
        "over a parent by rule, listing each as a warning, instead of failing",
    )
    network.add_argument(
        "--nations",
        choices=("england", "wales", "both"),
        default="england",
        help="with --ods: the nations whose practices are kept (default: england; "
        "Welsh practices sit under their local health board)",
    )
    network.add_argument(
        "--names",
        metavar="FILE",
        action="append",
        help="with --ods: an ODS organisation file (eccg.csv, eauth.csv, ...) to name "
        "bodies from, over the built-in tables; repeat for several",
    )
    network.add_argument("--format", choices=("text", "mermaid", "dot", "json"), default="text")
    network.add_argument("--route", metavar="BODY", help="show who hears this body next")
    network.set_defaults(handler=_network)


def _load(args: argparse.Namespace, out: TextIO) -> EscalationNetwork:
    if args.ods and args.name:
        raise InvalidValueError("network", args.name, reason="give a NAME or --ods FILE, not both")
    if args.ods:
        result = EscalationNetwork.from_ods(
            args.ods,
            as_of=args.as_of,
            strict=not args.lenient,
            nations=args.nations,
            names=args.names,
        )
        if args.format == "text" and not args.route:
            out.write(render.text(result) + "\n\n")
        elif result.warnings:
            count = len(result.warnings)
            sys.stderr.write(
                f"engagekit: warning: {count} conflict{'s' if count != 1 else ''} between "
                f"rows over a parent, resolved by rule; the first: {result.warnings[0]}\n"
            )
        return result.network
    if args.as_of:
        raise InvalidValueError("--as-of", args.as_of, reason="only applies with --ods")
    if args.lenient or args.nations != "england" or args.names:
        option = "--lenient" if args.lenient else "--nations" if args.names is None else "--names"
        raise InvalidValueError(option, option, reason="only applies with --ods")
    name = (args.name or "").lower()
    if name not in _NETWORKS:
        raise UnknownNameError("network", args.name or "", choices=_NETWORKS)
    return _NETWORKS[name]()


def _network(args: argparse.Namespace, out: TextIO) -> int:
    network = _load(args, out)
    if args.route:
        route = network.route(args.route)
        start = network.body(args.route)
        if args.format == "json":
            out.write(json.dumps([start.id, *(b.id for b in route)]) + "\n")
            return 0
        out.write(f"{start.name} [{start.id}]\n")
        for body in route:
            out.write(f"  -> {body.name} [{body.id}] ({body.tier.label.lower()})\n")
        return 0
    if args.format == "mermaid":
        out.write(network.to_mermaid() + "\n")
    elif args.format == "dot":
        out.write(network.to_dot() + "\n")
    elif args.format == "json":
        out.write(io.dumps(network) + "\n")
    else:
        out.write(render.text(network) + "\n\n")
        out.write(render.text(network.coverage()) + "\n\n")
        out.write(render.text(network.gaps()) + "\n")
    return 0


def demo(out: TextIO) -> None:
    """The escalation section of ``engagekit demo``."""
    net = sutton()
    out.write("ESCALATION: SUTTON CCG (25 practices, 3 localities, the Patient Reference Group)\n")
    start = net.body("sutton-practice-07-ppg")
    out.write(f"  route from {start.name}:\n")
    for body in net.route(start):
        out.write(f"    -> {body.name} ({body.tier.label.lower()})\n")
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
            f"{len(bodies)} at {tier.label.lower()}" for tier, bodies in reached.by_tier().items()
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
