"""Commands for evaluating decisions (private)."""

from __future__ import annotations

import argparse
import json

from pathlib import Path
from typing import Any, TextIO

from engagekit import examples, io, render
from engagekit.decisions import DEFAULT_POLICY, Decision, Policy, compare, evaluate
from engagekit.errors import ParseError


def register(commands: Any) -> None:
    """Add the decision commands to the parser."""
    ev = commands.add_parser(
        "evaluate",
        help="evaluate a decision file (TOML or JSON) on the decision triangle",
        description="Evaluate a decision on the decision triangle, proportionality, "
        "consultation and the service-change tests. Exit status: 0 ready (with or "
        "without conditions), 1 not ready or insufficient evidence, 2 invalid input.",
    )
    ev.add_argument("file", metavar="FILE", help="a decision as TOML, or JSON (*.json)")
    ev.add_argument("--option", help="evaluate this option instead of the proposal")
    ev.add_argument("--policy", metavar="FILE", help="a Policy as TOML or JSON (*.json)")
    ev.add_argument("--compare", action="store_true", help="also print the options appraisal")
    ev.add_argument("--json", action="store_true", help="print the verdict as JSON")
    ev.set_defaults(handler=_evaluate)


def _load(path: str, cls: type[Any]) -> Any:
    if Path(path).suffix.lower() == ".json":
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise ParseError(path, reason=f"cannot open: {exc.strerror}") from None
        return io.loads(raw, cls, origin=path)
    return io.load_toml(path, cls)


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    decision: Decision = _load(args.file, Decision)
    policy: Policy = _load(args.policy, Policy) if args.policy else DEFAULT_POLICY
    verdict = evaluate(decision, option=args.option, policy=policy)
    table = compare(decision, policy=policy) if args.compare and decision.options else None
    if args.json:
        payload: dict[str, Any] = {"verdict": verdict.to_dict()}
        if table is not None:
            payload["comparison"] = table.to_dict()
        out.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(render.text(verdict) + "\n")
        if table is not None:
            out.write("\n" + render.text(table) + "\n")
    return 0 if verdict.ok else 1


def demo(out: TextIO) -> None:
    """The decisions section of ``engagekit demo``."""
    decision = examples.unproportionate_service_change()
    verdict = evaluate(decision)
    req = verdict.requirement
    out.write("THE DECISION TRIANGLE: acceptable, affordable, clinically safe and effective,\n")
    out.write("and proportionate (NHS Somerset, Figure 2)\n")
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
