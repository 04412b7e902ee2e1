"""Commands for the engagement frameworks and techniques (private)."""

from __future__ import annotations

import argparse
import json

from typing import Any, TextIO

from engagekit import io, render
from engagekit.cycles import (
    EngagementStage,
    MethodOfEngagement,
    ParticipationLevel,
    commissioning_cycles,
    engagement_cycle,
    ladders,
)
from engagekit.techniques import TechniqueCatalogue, catalogue, load_techniques


def register(commands: Any) -> None:
    """Add the framework commands to the parser."""
    cycle = commands.add_parser("cycle", help="show the Engagement Cycle")
    cycle.add_argument("--format", choices=("text", "mermaid", "markdown", "json"), default="text")
    cycle.set_defaults(handler=_cycle)

    comm = commands.add_parser("commissioning", help="show a commissioning cycle")
    comm.add_argument(
        "cycle_id",
        nargs="?",
        default="engagement-cycle",
        help="cycle id (default: engagement-cycle)",
    )
    comm.add_argument("--format", choices=("text", "mermaid", "json"), default="text")
    comm.set_defaults(handler=_commissioning)

    levels = commands.add_parser("levels", help="show participation levels and ladders")
    levels.set_defaults(handler=_levels)

    tech = commands.add_parser("techniques", help="list or choose involvement techniques")
    tech.add_argument("--level", help="participation level, e.g. involve")
    tech.add_argument("--stage", help="engagement stage, 1-5 or a name such as monitor")
    tech.add_argument("--method", help="method of engagement, e.g. forums-for-debate")
    tech.add_argument("--participants", type=int, help="how many people will take part")
    tech.add_argument(
        "--seldom-heard", action="store_true", help="only techniques suited to seldom-heard groups"
    )
    tech.add_argument("--catalogue", metavar="FILE", help="add techniques from a TOML file")
    tech.add_argument("--json", action="store_true", help="print JSON")
    tech.set_defaults(handler=_techniques)


def _cycle(args: argparse.Namespace, out: TextIO) -> int:
    cycle = engagement_cycle()
    if args.format == "json":
        out.write(io.dumps(cycle) + "\n")
    elif args.format == "mermaid":
        out.write(render.mermaid(cycle) + "\n")
    elif args.format == "markdown":
        out.write(render.markdown(cycle) + "\n")
    else:
        out.write(render.text(cycle) + "\n")
    return 0


def _commissioning(args: argparse.Namespace, out: TextIO) -> int:
    cycle = commissioning_cycles()[args.cycle_id]
    if args.format == "json":
        out.write(io.dumps(cycle) + "\n")
    elif args.format == "mermaid":
        out.write(render.mermaid(cycle) + "\n")
    else:
        out.write(render.text(cycle) + "\n")
    return 0


def _levels(args: argparse.Namespace, out: TextIO) -> int:
    for level in ParticipationLevel:
        out.write(f"{level.rank}. {level.label:<12} {level.promise}\n")
    out.write("\n")
    for ladder in ladders().values():
        out.write(render.text(ladder) + "\n")
    return 0


def _techniques(args: argparse.Namespace, out: TextIO) -> int:
    techniques: TechniqueCatalogue = catalogue()
    if args.catalogue:
        techniques = techniques.merged_with(load_techniques(args.catalogue))
    stage = args.stage
    if stage is not None and stage.strip().isascii() and stage.strip().isdigit():
        stage = int(stage)
    matches = techniques.select(
        level=None if args.level is None else ParticipationLevel.parse(args.level, field="--level"),
        stage=None if stage is None else EngagementStage.parse(stage, field="--stage"),
        method=None
        if args.method is None
        else MethodOfEngagement.parse(args.method, field="--method"),
        seldom_heard=args.seldom_heard or None,
        participants=args.participants,
    )
    if args.json:
        payload = [
            {"technique": m.technique.id, "score": m.score, "reasons": list(m.reasons)}
            for m in matches
        ]
        out.write(json.dumps(payload, indent=2) + "\n")
        return 0
    for match in matches:
        t = match.technique
        out.write(f"{t.name} [{t.id}] ({t.method.label.lower()})\n")
        for reason in match.reasons:
            out.write(f"    - {reason}\n")
    out.write(f"{len(matches)} of {len(techniques)} techniques\n")
    return 0


def demo(out: TextIO) -> None:
    """The frameworks section of ``engagekit demo``."""
    cycle = engagement_cycle()
    out.write("THE ENGAGEMENT CYCLE\n")
    for details in cycle:
        out.write(f"  {details.stage.number}. {details.title}\n")
    out.write(f"  at the centre: {cycle.centre}, with {len(cycle.elements)} key elements\n")
    stage = EngagementStage.DESIGN_AND_IMPROVE
    feeds = ", ".join(str(s.number) for s in cycle.feeds_into(stage))
    out.write(f"  stage {stage.number} feeds stages {feeds} (the flow can run anti-clockwise)\n\n")

    out.write("COMMISSIONING CYCLE (NHS Institute diagram) AND METHODS OF ENGAGEMENT\n")
    for stage_ in commissioning_cycles()["engagement-cycle"]:
        numbers = ", ".join(str(s.number) for s in stage_.engagement_stages)
        out.write(f"  {stage_.name:<20} engagement stages {numbers}\n")
    out.write(
        "  at every stage: " + ", ".join(m.label.lower() for m in MethodOfEngagement) + "\n\n"
    )

    out.write("PARTICIPATION LEVELS (least to most public influence)\n")
    for level in ParticipationLevel:
        out.write(f"  {level.rank}. {level.label:<12} {level.promise}\n")
    out.write("\n")

    techniques = catalogue()
    matches = techniques.select(
        level=ParticipationLevel.COLLABORATE, stage=EngagementStage.DESIGN_AND_IMPROVE
    )
    out.write(
        f"TECHNIQUES: {len(techniques)} in the catalogue; best for collaborating at stage 3:\n"
    )
    for match in matches[:5]:
        out.write(f"  {match.technique.name}: {'; '.join(match.reasons)}\n")
