"""Plans, calendars and closing the loop.

- target dates as people write them, read into windows: :class:`TargetDate`;
- recurring commitments as ``dateutil.rrule`` rules, with adherence and iCalendar
  export: :class:`Recurrence`, :func:`bank_holidays`, :func:`to_ical`;
- action plans with statuses, progress and roll-up: :class:`ActionPlan`,
  :class:`Objective`, :class:`Action`, :func:`load_plan`;
- "You said, we did": :class:`FeedbackItem`, :class:`Response`, :class:`Outcome`,
  :class:`FeedbackLoop`, :func:`you_said_we_did`;
- stakeholders and roles: :class:`StakeholderMap`, :class:`ResponsibilityMatrix`;
- meetings as held: :class:`Meeting`;
- the annual engagement report: :func:`annual_engagement_report`.

Links to decisions, escalation bodies and statutory duties are plain string ids
(a decision id, a body id, a duty or requirement id), so plans can refer to them
wherever they are kept.

Example:
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
    Objective,
    ProgressUpdate,
    Status,
    StatusCatalogue,
    Target,
    load_plan,
    parse_target,
    plan_from_dict,
    statuses,
)
from engagekit.plans._dates import Precision, TargetDate, YearStyle
from engagekit.plans._feedback import (
    ChangeStatus,
    Channel,
    FeedbackItem,
    FeedbackKind,
    FeedbackLoop,
    Lineage,
    LoopMetrics,
    Outcome,
    Response,
)
from engagekit.plans._meetings import Meeting, held
from engagekit.plans._recurrence import (
    Adherence,
    Frequency,
    Occurrence,
    Recurrence,
    bank_holidays,
    to_ical,
)
from engagekit.plans._report import (
    LIMBS,
    AnnualEngagementReport,
    InvolvementEvidence,
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


del _io

__all__ = [
    "LIMBS",
    "Action",
    "ActionPlan",
    "Adherence",
    "AnnualEngagementReport",
    "ChangeStatus",
    "Channel",
    "FeedbackItem",
    "FeedbackKind",
    "FeedbackLoop",
    "Frequency",
    "Influencer",
    "InvolvementEvidence",
    "Lineage",
    "LoopMetrics",
    "Meeting",
    "Objective",
    "Occurrence",
    "Outcome",
    "Part",
    "Precision",
    "ProgressUpdate",
    "ReachCount",
    "Recurrence",
    "Response",
    "Responsibility",
    "ResponsibilityMatrix",
    "Role",
    "Section",
    "StakeholderGroup",
    "StakeholderMap",
    "Status",
    "StatusCatalogue",
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
