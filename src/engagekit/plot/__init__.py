"""Pictures of engagekit's values, drawn with matplotlib (the ``plot`` extra).

Each function takes the value to draw and an optional matplotlib ``Axes`` (``ax=``),
and returns the ``Figure`` it drew on, so a picture can be saved
(``figure.savefig("cycle.png")``), shown in a notebook, or placed in a grid of your
own. Only matplotlib's object-oriented API is used (no ``pyplot``, no global state).

- [`engagement_cycle`][engagekit.plot.engagement_cycle]: the Engagement Cycle as a
  wheel, with the commissioning cycle and the ten key elements;
- [`decision_triangle`][engagekit.plot.decision_triangle]: a verdict, or an options
  comparison, on the decision-making triangle;
- [`escalation_network`][engagekit.plot.escalation_network]: patient-voice bodies by
  tier, summarised below a tier for large networks;
- [`duty_timeline`][engagekit.plot.duty_timeline]: which duties bound which kinds of
  body, and when;
- [`plan_progress`][engagekit.plot.plan_progress]: an action plan's progress over time;
- [`representation`][engagekit.plot.representation]: who took part against the
  population.

Without matplotlib every function raises
[`MissingExtraError`][engagekit.errors.MissingExtraError] naming the extra:
``pip install 'engagekit[plot]'``.

Examples:
    >>> from engagekit import plot
    >>> figure = plot.engagement_cycle()
    >>> figure.get_size_inches().tolist()
    [11.0, 7.0]
"""

from __future__ import annotations

from engagekit.plot._cycle import engagement_cycle
from engagekit.plot._network import escalation_network
from engagekit.plot._progress import plan_progress
from engagekit.plot._representation import representation
from engagekit.plot._timeline import duty_timeline
from engagekit.plot._triangle import decision_triangle


__all__ = [
    "decision_triangle",
    "duty_timeline",
    "engagement_cycle",
    "escalation_network",
    "plan_progress",
    "representation",
]


def __dir__() -> list[str]:
    return __all__
