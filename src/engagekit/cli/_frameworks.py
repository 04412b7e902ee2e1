"""Commands for the engagement frameworks and techniques (private)."""

from __future__ import annotations

import argparse

from typing import Any, TextIO

from engagekit import render
from engagekit._display import Listing
from engagekit.cli import _stdin as stdin
from engagekit.cli._output import STANDARD, command, emit, emit_parts
from engagekit.cli._stdin import file_argument
from engagekit.cycles import (
    EngagementStage,
    MethodOfEngagement,
    ParticipationLevel,
    commissioning_cycles,
    engagement_cycle,
    ladders,
)
from engagekit.cycles._render import engagement_stages_phrase
from engagekit.errors import InvalidValueError
from engagekit.techniques import TechniqueCatalogue, catalogue, load_techniques


class _Levels(Listing[ParticipationLevel]):
    """The participation levels as the ``levels`` command lists them."""

    noun = "levels"
    columns = ("rank", "level", "promise")
    caption = "Participation levels, least to most public influence"

    def row(self, item: ParticipationLevel) -> tuple[object, ...]:
        return (item.rank, item.label, item.promise)


def register(commands: Any) -> None:
    """Add the framework commands to the parser."""
    cycle = command(
        commands,
        "cycle",
        help="show the Engagement Cycle",
        description="Show the Engagement Cycle: its five stages, what each feeds, and the "
        "key elements at its centre.",
        example="engagekit cycle\nengagekit cycle --format mermaid > cycle.mmd",
        formats=(*STANDARD, "mermaid"),
    )
    cycle.set_defaults(handler=_cycle)

    comm = command(
        commands,
        "commissioning",
        help="show a commissioning cycle",
        description="Show a commissioning cycle: its stages, the engagement stages and "
        "methods of engagement at each.",
        example="engagekit commissioning nhs-england\n"
        "engagekit commissioning engagement-cycle --format mermaid",
        formats=(*STANDARD, "mermaid"),
    )
    comm.add_argument(
        "cycle_id",
        nargs="?",
        default="engagement-cycle",
        help="cycle id (default: engagement-cycle)",
    )
    comm.set_defaults(handler=_commissioning)

    levels = command(
        commands,
        "levels",
        help="show participation levels and ladders",
        description="Show the five participation levels, least to most public influence, "
        "and the ladders of participation mapped onto them.",
        example="engagekit levels\nengagekit levels --format markdown",
    )
    levels.set_defaults(handler=_levels)

    tech = command(
        commands,
        "techniques",
        help="list or choose involvement techniques",
        description="Choose involvement techniques from the catalogue: those that fit "
        "every criterion given, best first, each with its reasons.",
        example="engagekit techniques --level involve --stage 3\n"
        "engagekit techniques --stage monitor --seldom-heard --format json",
    )
    tech.add_argument("--level", help="participation level, e.g. involve")
    tech.add_argument("--stage", help="engagement stage, 1-5 or a name such as monitor")
    tech.add_argument("--method", help="method of engagement, e.g. forums-for-debate")
    tech.add_argument("--participants", type=int, help="how many people will take part")
    tech.add_argument(
        "--seldom-heard", action="store_true", help="only techniques suited to seldom-heard groups"
    )
    file_argument(tech, "--catalogue", metavar="FILE", help="add techniques from a TOML file")
    tech.set_defaults(handler=_techniques)


def _cycle(args: argparse.Namespace, out: TextIO) -> int:
    emit(out, args.format, engagement_cycle())
    return 0


def _commissioning(args: argparse.Namespace, out: TextIO) -> int:
    emit(out, args.format, commissioning_cycles()[args.cycle_id])
    return 0


def _levels(args: argparse.Namespace, out: TextIO) -> int:
    levels = _Levels(ParticipationLevel)
    parts: dict[str, object] = {"levels": levels, **ladders()}

    def text() -> str:
        lines = [f"{level.rank}. {level.label:<12} {level.promise}" for level in levels]
        return "\n".join([*lines, "", *(render.text(ladder) for ladder in ladders().values())])

    if args.format == "json":
        parts["levels"] = tuple(levels)
    emit_parts(out, args.format, parts, text=text)
    return 0


def _participants(count: int | None) -> int | None:
    """``--participants``, refused by its option's name when below 1."""
    if count is not None and count < 1:
        raise InvalidValueError("--participants", count, reason="must be at least 1")
    return count


def _techniques(args: argparse.Namespace, out: TextIO) -> int:
    techniques: TechniqueCatalogue = catalogue()
    if args.catalogue:
        source = stdin.binary() if stdin.is_stdin(args.catalogue) else args.catalogue
        techniques = techniques.merged_with(load_techniques(source))
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
        participants=_participants(args.participants),
    )

    def text() -> str:
        lines = []
        for match in matches:
            t = match.technique
            lines.append(f"{t.name} [{t.id}] ({t.method.label.lower()})")
            lines.extend(f"    - {reason}" for reason in match.reasons)
        lines.append(f"{len(matches)} of {len(techniques)} techniques")
        return "\n".join(lines)

    emit(out, args.format, matches, text=text)
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
        out.write(f"  {stage_.name:<20} {engagement_stages_phrase(stage_)}\n")
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
