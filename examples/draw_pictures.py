"""Draw engagekit's six kinds of picture from its built-in data (needs the plot extra).

Run: ``python examples/draw_pictures.py [DIRECTORY]``. With a directory, each picture
is saved there as a PNG; without one, the pictures are drawn and described only.
The PNGs in the documentation are made with ``python examples/draw_pictures.py
docs/images``.
"""

from __future__ import annotations

import sys

from pathlib import Path
from typing import TYPE_CHECKING

from engagekit import evaluate, examples, plot
from engagekit.decisions import compare
from engagekit.duties.equality import representation
from engagekit.escalation import national


if TYPE_CHECKING:
    from matplotlib.figure import Figure


def pictures() -> dict[str, Figure]:
    """Each picture by file name, drawn on a new figure."""
    return {
        "engagement-cycle": plot.engagement_cycle(),
        "decision-triangle": plot.decision_triangle(
            evaluate(examples.somerset_rheumatology_decision())
        ),
        "options-triangles": plot.decision_triangle(
            compare(examples.somerset_patient_transport_decision())
        ),
        "network-sutton": plot.escalation_network(examples.sutton()),
        "network-national": plot.escalation_network(national()),
        "duty-timeline": plot.duty_timeline(),
        "plan-progress": plot.plan_progress(examples.somerset_action_plan()),
        "representation": plot.representation(
            # Illustrative counts, not from a source: 1 to 4 are suppressed.
            representation(
                {
                    "age": {"16-24": 12, "25-64": 150, "65+": 45},
                    "disability": {"disabled": 3, "not disabled": 190},
                },
                {
                    "age": {"16-24": 0.14, "25-64": 0.62, "65+": 0.24},
                    "disability": {"disabled": 0.18, "not disabled": 0.82},
                },
            )
        ),
    }


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else None
    if directory is not None:
        directory.mkdir(parents=True, exist_ok=True)
    for name, figure in pictures().items():
        title = figure.axes[0].get_title()
        if directory is not None:
            path = directory / f"{name}.png"
            figure.savefig(path, dpi=80)
            print(f"{path}: {title}")
        else:
            print(f"{name}: {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
