"""Action plans, timelines and the engagement record from the strategies (private)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engagekit import _data


if TYPE_CHECKING:
    from engagekit.plans import ActionPlan, EngagementRecord


def _plan(filename: str) -> ActionPlan:
    from engagekit.plans import plan_from_dict

    return plan_from_dict(_data._read_builtin(filename), origin=f"engagekit/data/{filename}")  # noqa: SLF001 - the package's own data


def somerset_action_plan() -> ActionPlan:
    """Somerset CCG's Draft Patient and Public Engagement Action Plan v8, as written.

    Objectives "1" to "6" with their numbered sub-objectives; each action's target
    is parsed from the source's own Target Date text.

    Examples:
        >>> plan = somerset_action_plan()
        >>> [o.id for o in plan.objectives]
        ['1', '2', '3', '4', '5', '6']
        >>> plan.action("6.2a").target.describe()
        "'From April 2012?': 2012-04-01 to open end (month, uncertain)"

    References:
        NHS Somerset and Somerset CCG, Strategy for Patient and Public Engagement
        (2012), Appendix 2.
    """
    return _plan("plan_somerset_v8.toml")


def somerset_engagement_record() -> EngagementRecord:
    """What NHS Somerset's and Somerset CCG's engagement produced in 2011/12, as the
    sources record it, with the Action Plan v8 as its plan.

    The sources support a partial record: two pieces of evidence (the Somerset LINk's
    engagement for the 2011 JSNA, October 2011, and the "Dec 5th event" adopting the
    strategy) and the consultation on the strategy and action plan (action 5.1),
    whose dates and number of responses no source gives. They record no meeting with
    its body, no feedback loop and no counts of who took part, so the record has none
    (the data file lists what was left out, and why).

    Examples:
        >>> record = somerset_engagement_record()
        >>> record  # doctest: +NORMALIZE_WHITESPACE
        <EngagementRecord 'NHS Somerset and Somerset CCG' with 0 meetings,
         2 evidence items and 1 consultation>
        >>> [e.date.isoformat() for e in record.evidence]
        ['2011-10-31', '2011-12-05']
        >>> record.plan.title
        'Draft Patient and Public Engagement Action Plan v8'

    References:
        NHS Somerset and Somerset CCG, Strategy for Patient and Public Engagement
        (2012), "The Somerset Joint Strategic Needs Assessment" and Appendix 2
        (actions 2.1 and 5.1); the Somerset LINk officer's blog posts (2011-12).
    """
    import attrs

    from engagekit.plans import EngagementRecord

    filename = "record_somerset_2011.toml"
    record = _data.load_builtin(filename, EngagementRecord)
    return attrs.evolve(record, plan=somerset_action_plan())


def gpcc_timeline_2011() -> ActionPlan:
    """The Somerset GP Commissioning Consortia's 2011 "Time Line" of actions.

    Examples:
        >>> plan = gpcc_timeline_2011()
        >>> [a.target.text for a in plan.actions()][:3]
        ['27th April 2011', 'Early May 2011', 'May 2011']

    References:
        Somerset GP Commissioning Consortia, Public & Patient Engagement Strategy
        (draft, 2011), "Time Line".
    """
    return _plan("plan_gpcc_2011.toml")


def oxfordshire_delivery_plan() -> ActionPlan:
    """Oxfordshire CCG's 22 delivery actions and its monitoring commitments.

    Action 7.6 holds twelve public meetings a year, two in each of the six
    Localities, with the Public Locality Forums (the Localities are numbered, as
    the strategy does not name them here);
    7.7a holds Governing Body meetings in public six times a year.

    Examples:
        >>> plan = oxfordshire_delivery_plan()
        >>> len(plan.objective("7").actions)
        23
        >>> plan.action("7.6").target.per_year, plan.action("7.7a").target.per_year
        (12.0, 6.0)

    References:
        Oxfordshire CCG, Patient and Public Engagement Strategy 2015-2019
        (consultation draft), sections 7 and 9.
    """
    return _plan("plan_oxfordshire_2015.toml")
