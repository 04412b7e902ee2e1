"""Real structures, plans and decisions from the source strategies, built with the public API.

Each builder returns a fresh value from NHS Somerset's, Sutton's or Oxfordshire's
published strategy, citing it. Roles stand in for people: examples name a role
("PPG Chair", "Lay Member for PPE"), never a person, even where a source does.
"""

from __future__ import annotations

from engagekit.examples._consultations import (
    oxfordshire_consultation,
    oxfordshire_synthetic_loop,
    oxfordshire_synthetic_report,
    oxfordshire_synthetic_responses,
    oxfordshire_themes,
    oxfordshire_tutorial_consultation,
)
from engagekit.examples._decisions import (
    somerset_patient_transport_decision,
    somerset_rheumatology_decision,
    unproportionate_service_change,
)
from engagekit.examples._escalation import (
    SUTTON_FEEDBACK_COLUMNS,
    SUTTON_LOCALITIES,
    oxfordshire,
    somerset,
    sutton,
    sutton_feedback_flow,
)
from engagekit.examples._plans import (
    gpcc_timeline_2011,
    oxfordshire_delivery_plan,
    somerset_action_plan,
    sutton_responsibilities,
    sutton_stakeholders,
)


__all__: list[str] = [
    "SUTTON_FEEDBACK_COLUMNS",
    "SUTTON_LOCALITIES",
    "gpcc_timeline_2011",
    "oxfordshire",
    "oxfordshire_consultation",
    "oxfordshire_delivery_plan",
    "oxfordshire_synthetic_loop",
    "oxfordshire_synthetic_report",
    "oxfordshire_synthetic_responses",
    "oxfordshire_themes",
    "oxfordshire_tutorial_consultation",
    "somerset",
    "somerset_action_plan",
    "somerset_patient_transport_decision",
    "somerset_rheumatology_decision",
    "sutton",
    "sutton_feedback_flow",
    "sutton_responsibilities",
    "sutton_stakeholders",
    "unproportionate_service_change",
]


def __dir__() -> list[str]:
    return __all__
