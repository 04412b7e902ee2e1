"""Real structures, plans and decisions from the source strategies, built with the public API.

Each builder returns a fresh value from NHS Somerset's, Sutton's or Oxfordshire's
published strategy, citing it. Roles stand in for people: examples name a role
("PPG Chair", "Lay Member for PPE"), never a person, even where a source does.
"""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
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
    from engagekit.examples._escalation import SUTTON_LOCALITIES, oxfordshire, somerset, sutton
    from engagekit.examples._feedback import SUTTON_FEEDBACK_COLUMNS, sutton_feedback_flow
    from engagekit.examples._files import data_file
    from engagekit.examples._plans import (
        gpcc_timeline_2011,
        oxfordshire_delivery_plan,
        somerset_action_plan,
        somerset_engagement_record,
    )
    from engagekit.examples._responsibilities import sutton_responsibilities
    from engagekit.examples._stakeholders import sutton_stakeholders

# Each name's module, imported on first use (PEP 562): the first call of one example
# loads only its own area (a decision example needs no networks or plans).
_MODULES = {
    "oxfordshire_consultation": "_consultations",
    "oxfordshire_synthetic_loop": "_consultations",
    "oxfordshire_synthetic_report": "_consultations",
    "oxfordshire_synthetic_responses": "_consultations",
    "oxfordshire_themes": "_consultations",
    "oxfordshire_tutorial_consultation": "_consultations",
    "somerset_patient_transport_decision": "_decisions",
    "somerset_rheumatology_decision": "_decisions",
    "unproportionate_service_change": "_decisions",
    "data_file": "_files",
    "SUTTON_FEEDBACK_COLUMNS": "_feedback",
    "SUTTON_LOCALITIES": "_escalation",
    "oxfordshire": "_escalation",
    "somerset": "_escalation",
    "sutton": "_escalation",
    "sutton_feedback_flow": "_feedback",
    "gpcc_timeline_2011": "_plans",
    "oxfordshire_delivery_plan": "_plans",
    "somerset_action_plan": "_plans",
    "somerset_engagement_record": "_plans",
    "sutton_responsibilities": "_responsibilities",
    "sutton_stakeholders": "_stakeholders",
}


__all__: list[str] = [
    "SUTTON_FEEDBACK_COLUMNS",
    "SUTTON_LOCALITIES",
    "data_file",
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
    "somerset_engagement_record",
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


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
