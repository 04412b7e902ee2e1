"""Plan engagement for one stage of the Engagement Cycle.

Run: ``python examples/plan_engagement_for_a_stage.py [STAGE] [LEVEL]``, for example
``python examples/plan_engagement_for_a_stage.py monitor involve``.

It prints what the stage is for, who to engage, what to think about, and the techniques
that suit the participation level, best first, with the reasons and sources.
"""

from __future__ import annotations

import sys

from engagekit import ENGAGEMENT_CYCLE, EngagementStage, ParticipationLevel, techniques


def main(argv: list[str]) -> int:
    stage = EngagementStage.parse(argv[0] if argv else "design-and-improve")
    level = ParticipationLevel.parse(argv[1] if len(argv) > 1 else "involve")
    details = ENGAGEMENT_CYCLE[stage]
    print(f"Stage {stage.number}: {details.title}")
    print(f"  Purpose: {details.purpose}")
    print(f"  Engage: {', '.join(details.who)}")
    print("  Think about:")
    for heading in details.headings:
        print(f"    - {heading}")
    print(f"\nTechniques for the {level.label} level ({level.promise})")
    for match in techniques.select(level=level, stage=stage)[:8]:
        technique = match.technique
        print(f"  {technique.name}  [{technique.source.publisher}, {technique.source.section}]")
        for reason in match.reasons:
            print(f"      {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
