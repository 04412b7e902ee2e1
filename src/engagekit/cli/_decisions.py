"""Commands for evaluating decisions (private)."""

from __future__ import annotations

import argparse
import sys

from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from engagekit import examples, io, render
from engagekit.cli import _stdin as stdin
from engagekit.cli._output import UsageError, command, emit, emit_parts, resolve
from engagekit.cli._stdin import file_argument
from engagekit.decisions import DEFAULT_POLICY, Decision, Policy, compare, evaluate
from engagekit.errors import ParseError


#: Built-in decisions, by the name the command line accepts instead of a file.
DECISIONS: dict[str, Callable[[], Decision]] = {
    "somerset-rheumatology": examples.somerset_rheumatology_decision,
    "somerset-patient-transport": examples.somerset_patient_transport_decision,
    "unproportionate-service-change": examples.unproportionate_service_change,
}
#: Built-in policies: the default one.
POLICIES: dict[str, Callable[[], Policy]] = {"default": lambda: DEFAULT_POLICY}


def register(commands: Any) -> None:
    """Add the decision commands to the parser."""
    ev = command(
        commands,
        "evaluate",
        help="evaluate a decision (a file or a built-in example) on the decision triangle",
        description="Evaluate a decision on the decision triangle, proportionality, "
        "consultation and the service-change tests. FILE is a decision as TOML, or JSON "
        "(*.json), or a built-in example: " + ", ".join(DECISIONS) + ".",
        example="engagekit evaluate somerset-rheumatology\n"
        "engagekit evaluate somerset-patient-transport --compare --format markdown\n"
        "engagekit evaluate decision.toml --policy policy.toml --format json > verdict.json",
        ok="ready, with or without conditions",
        negative="not ready, or not enough evidence to say",
    )
    file_argument(ev, "file", metavar="FILE", help="a decision file or a built-in decision's name")
    ev.add_argument("--option", help="evaluate this option instead of the proposal")
    file_argument(
        ev, "--policy", metavar="FILE", help="a Policy as TOML or JSON (*.json), or 'default'"
    )
    ev.add_argument("--compare", action="store_true", help="also print the options appraisal")
    ev.set_defaults(handler=_evaluate)


def _load(path: str, cls: type[Any]) -> Any:
    if stdin.is_stdin(path):
        raw = stdin.read_bytes()
        return io.loads(raw, cls, origin=stdin.NAME, format=stdin.document_format(raw))
    if Path(path).suffix.lower() == ".json":
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise ParseError(path, reason=f"cannot open: {exc.strerror}") from None
        return io.loads(raw, cls, origin=path)
    return io.load_toml(path, cls)


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    decision: Decision = resolve(
        args.file, lambda p: _load(p, Decision), DECISIONS, what="decision"
    )
    policy: Policy = (
        resolve(args.policy, lambda p: _load(p, Policy), POLICIES, what="policy", option="--policy")
        if args.policy
        else DEFAULT_POLICY
    )
    if args.option is not None and not decision.options:
        raise UsageError(
            f"--option {args.option!r}: {stdin.shown(args.file)} has no options; "
            "without --option its proposal is evaluated"
        )
    verdict = evaluate(decision, option=args.option, policy=policy)
    if args.compare and decision.options:
        table = compare(decision, policy=policy)
        emit_parts(out, args.format, {"verdict": verdict, "comparison": table})
    else:
        if args.compare:
            sys.stderr.write(
                "engagekit evaluate: warning: --compare: the decision has no options to "
                "appraise; only its verdict is shown\n"
            )
        emit(out, args.format, verdict)
    return 0 if verdict.ok else 1


def demo(out: TextIO) -> None:
    """The decisions section of ``engagekit demo``."""
    decision = examples.unproportionate_service_change()
    verdict = evaluate(decision)
    req = verdict.requirement
    out.write(
        "THE DECISION TRIANGLE: acceptable, affordable, clinically safe and effective, "
        "and proportionate (NHS Somerset, Figure 2)\n"
    )
    out.write(f"  decision: {decision.title} ({decision.on.isoformat()})\n")
    out.write(
        f"  needs: {req.minimum_level.label}; formal consultation "
        f"{'expected' if req.formal_consultation else 'not expected'}; "
        f"health scrutiny {'yes' if req.scrutiny_consultation else 'no'}\n"
    )
    out.write(f"  verdict: {verdict.readiness.upper()}\n")
    for reason in verdict.failures:
        force = "" if reason.force is None else f" [{reason.force.label}]"
        out.write(f"    ✗ {reason.title}: {reason.message}{force}\n")
    for reason in verdict.missing:
        out.write(f"    ? {reason.title}: {reason.message}\n")
    breaches = ", ".join(r.title for r in verdict.breaches) or "none"
    out.write(f"  breaches of law: {breaches}; the other blocking reasons may be overridden\n")
    out.write("\n")
    transport = examples.somerset_patient_transport_decision()
    out.write(render.text(compare(transport)) + "\n\n")
    rheumatology = evaluate(examples.somerset_rheumatology_decision())
    out.write(
        f"Somerset rheumatology pathway (lay members on the clinical team, six-week standard): "
        f"{rheumatology.readiness}\n"
    )
    for reason in rheumatology.missing:
        out.write(f"    ? {reason.title}: {reason.message}\n")
