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
- what a year produced, kept together: `EngagementRecord` (plan, feedback loop,
  meetings, the one [`Evidence`][engagekit.evidence.Evidence] record, consultations
  and who took part);
- the annual engagement report on it: `annual_engagement_report`.

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

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
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
        FeedbackItem,
        FeedbackItems,
        FeedbackLoop,
        FeedbackOutcome,
        Lineage,
        LoopMetrics,
        MetricsByGroup,
        Response,
    )
    from engagekit.plans._kinds import ChangeStatus, Channel, FeedbackKind
    from engagekit.plans._load import load_plan, plan_from_dict
    from engagekit.plans._meetings import Meeting, held
    from engagekit.plans._record import EngagementRecord, ReachCount
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
        Section,
        Table,
        YouSaidWeDid,
        YouSaidWeDidEntry,
        annual_engagement_report,
        you_said_we_did,
    )
    from engagekit.plans._responsibilities import Part, Responsibility, ResponsibilityMatrix, Role
    from engagekit.plans._stakeholders import Influencer, StakeholderGroup, StakeholderMap
    from engagekit.plans._statuses import ActionStatus, ActionStatusCatalogue, statuses

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "Action": "engagekit.plans._actions",
    "ActionPlan": "engagekit.plans._actions",
    "Actions": "engagekit.plans._actions",
    "Objective": "engagekit.plans._actions",
    "ProgressUpdate": "engagekit.plans._actions",
    "Target": "engagekit.plans._actions",
    "parse_target": "engagekit.plans._actions",
    "bank_holidays": "engagekit.plans._calendar",
    "to_ical": "engagekit.plans._calendar",
    "Precision": "engagekit.plans._dates",
    "TargetDate": "engagekit.plans._dates",
    "YearStyle": "engagekit.plans._dates",
    "ChangeStatus": "engagekit.plans._kinds",
    "Channel": "engagekit.plans._kinds",
    "FeedbackItem": "engagekit.plans._feedback",
    "FeedbackItems": "engagekit.plans._feedback",
    "FeedbackKind": "engagekit.plans._kinds",
    "FeedbackLoop": "engagekit.plans._feedback",
    "FeedbackOutcome": "engagekit.plans._feedback",
    "Lineage": "engagekit.plans._feedback",
    "LoopMetrics": "engagekit.plans._feedback",
    "MetricsByGroup": "engagekit.plans._feedback",
    "Response": "engagekit.plans._feedback",
    "load_plan": "engagekit.plans._load",
    "plan_from_dict": "engagekit.plans._load",
    "Meeting": "engagekit.plans._meetings",
    "held": "engagekit.plans._meetings",
    "Adherence": "engagekit.plans._recurrence",
    "Frequency": "engagekit.plans._recurrence",
    "Occurrence": "engagekit.plans._recurrence",
    "Recurrence": "engagekit.plans._recurrence",
    "Schedule": "engagekit.plans._recurrence",
    "LIMBS": "engagekit.plans._report",
    "AnnualEngagementReport": "engagekit.plans._report",
    "EngagementRecord": "engagekit.plans._record",
    "ReachCount": "engagekit.plans._record",
    "Section": "engagekit.plans._report",
    "Table": "engagekit.plans._report",
    "YouSaidWeDid": "engagekit.plans._report",
    "YouSaidWeDidEntry": "engagekit.plans._report",
    "annual_engagement_report": "engagekit.plans._report",
    "you_said_we_did": "engagekit.plans._report",
    "Influencer": "engagekit.plans._stakeholders",
    "Part": "engagekit.plans._responsibilities",
    "Responsibility": "engagekit.plans._responsibilities",
    "ResponsibilityMatrix": "engagekit.plans._responsibilities",
    "Role": "engagekit.plans._responsibilities",
    "StakeholderGroup": "engagekit.plans._stakeholders",
    "StakeholderMap": "engagekit.plans._stakeholders",
    "ActionStatus": "engagekit.plans._statuses",
    "ActionStatusCatalogue": "engagekit.plans._statuses",
    "statuses": "engagekit.plans._statuses",
}


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
    "EngagementRecord",
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


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, _EXPORTS, name)
