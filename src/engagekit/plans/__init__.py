"""Plans, calendars and closing the loop.

- target dates as people write them, read into windows: `TargetDate`;
- recurring commitments as ``dateutil.rrule`` rules, with adherence and iCalendar
  export: `Recurrence`, `Schedule`, `Adherence`, `bank_holidays`, `to_ical`;
- action plans with statuses, progress and roll-up: `ActionPlan`, `Objective`,
  `Action`, `ActionStatus`, `load_plan`;
- "You said, we did": `FeedbackItem`, `Response`, `FeedbackOutcome`, `FeedbackLoop`,
  `you_said_we_did`;
- stakeholders and roles: `StakeholderMap`, `ResponsibilityMatrix`;
- meetings as held: `Meeting`;
- the annual engagement report: `annual_engagement_report`, which takes the one
  [`Evidence`][engagekit.evidence.Evidence] record.

Links to decisions, escalation bodies and statutory duties are plain string ids
(a decision id, a body id, a duty or requirement id), so plans can refer to them
wherever they are kept. Dates a user types may be given as ``YYYY-MM-DD`` text.

Examples:
    >>> import datetime as dt
    >>> from engagekit.plans import TargetDate, Recurrence
    >>> TargetDate.parse("End of May 2011").end
    datetime.date(2011, 5, 31)
    >>> meetings = Recurrence.parse("six times a year")
    >>> len(meetings.occurrences(dt.date(2015, 4, 1), dt.date(2016, 3, 31)))
    6
"""

from __future__ import annotations

from engagekit.plans import _io
from engagekit.plans._actions import (
    Action,
    ActionPlan,
    Actions,
    Objective,
    ProgressUpdate,
    Target,
    parse_target,
)
from engagekit.plans._calendar import bank_holidays, to_ical
from engagekit.plans._dates import Precision, TargetDate, YearStyle
from engagekit.plans._feedback import (
    ChangeStatus,
    Channel,
    FeedbackItem,
    FeedbackItems,
    FeedbackKind,
    FeedbackLoop,
    FeedbackOutcome,
    Lineage,
    LoopMetrics,
    MetricsByGroup,
    Response,
)
from engagekit.plans._load import load_plan, plan_from_dict
from engagekit.plans._meetings import Meeting, held
from engagekit.plans._recurrence import (
    Adherence,
    Frequency,
    Occurrence,
    Recurrence,
    Schedule,
)
from engagekit.plans._report import (
    LIMBS,
    AnnualEngagementReport,
    ReachCount,
    Section,
    Table,
    YouSaidWeDid,
    YouSaidWeDidEntry,
    annual_engagement_report,
    you_said_we_did,
)
from engagekit.plans._stakeholders import (
    Influencer,
    Part,
    Responsibility,
    ResponsibilityMatrix,
    Role,
    StakeholderGroup,
    StakeholderMap,
)
from engagekit.plans._statuses import ActionStatus, ActionStatusCatalogue, statuses


# Renderers for the plan types register themselves on import.
from engagekit.plans import _render  # noqa: F401  isort: skip


del _io

__all__ = [
    "LIMBS",
    "Action",
    "ActionPlan",
    "ActionStatus",
    "ActionStatusCatalogue",
    "Actions",
    "Adherence",
    "AnnualEngagementReport",
    "ChangeStatus",
    "Channel",
    "FeedbackItem",
    "FeedbackItems",
    "FeedbackKind",
    "FeedbackLoop",
    "FeedbackOutcome",
    "Frequency",
    "Influencer",
    "Lineage",
    "LoopMetrics",
    "Meeting",
    "MetricsByGroup",
    "Objective",
    "Occurrence",
    "Part",
    "Precision",
    "ProgressUpdate",
    "ReachCount",
    "Recurrence",
    "Response",
    "Responsibility",
    "ResponsibilityMatrix",
    "Role",
    "Schedule",
    "Section",
    "StakeholderGroup",
    "StakeholderMap",
    "Table",
    "Target",
    "TargetDate",
    "YearStyle",
    "YouSaidWeDid",
    "YouSaidWeDidEntry",
    "annual_engagement_report",
    "bank_holidays",
    "held",
    "load_plan",
    "parse_target",
    "plan_from_dict",
    "statuses",
    "to_ical",
    "you_said_we_did",
]


def __dir__() -> list[str]:
    return __all__
