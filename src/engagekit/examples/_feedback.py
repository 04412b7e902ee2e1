"""Sutton CCG's feedback flow, built with engagekit.escalation (private).

Apart from the networks in `_escalation`, so that the first call of a network
example loads no feedback-flow types, and this one no network types.
"""

from __future__ import annotations

from engagekit import _data
from engagekit.escalation import FeedbackFlow, FlowStage
from engagekit.sources import Source


def _cite(document: str, section: str) -> Source:
    return Source(**_data.documents()[document], section=section)


SUTTON_FEEDBACK_COLUMNS: dict[FlowStage, tuple[str, ...]] = {
    FlowStage.LISTEN: (
        "Sutton Patient Reference Group",
        "Patient Participation Groups",
        "Friends and Family Test",
        "National Patient Survey",
        "Patient and Public Forums",
        "Patient Case Studies",
        "NHS Choices",
        "Patient Advice and Liaison Service",
        "One to one meetings and interviews",
        "Complaints",
        "Service Providers engagement",
        "Annual General Meetings",
        "Public Board Meetings",
        "Partnership Meetings",
        "Outreach sessions and activities",
    ),
    FlowStage.DISCUSS: (
        "Commissioning Meetings",
        "Diversity and Engagement Meetings",
        "Quality Committee",
        "Team Briefings and Wider Team Meetings",
        "Governing Body",
        "Executive Committee",
        "Clinical Reference Groups for Long Term Conditions",
        "Primary Care Commissioning Committee",
        "Sutton Locality Meetings",
        "GP Plenary Meetings",
        "Practice Managers Meeting",
        "Practice Nurse Meetings",
        "Scrutiny Committee",
        "Health and Well Being Board",
        "Community Service Review Group",
    ),
    FlowStage.INFORM: (
        "Commissioning Plans",
        "Service Monitoring",
        "Clinical Reviews",
        "Contract Monitoring",
        "Contract Reviews and Redesign",
        "Service Reviews and Redesign",
        "Service Specifications",
        "Service Improvements Plans",
        "Provider Procurement",
        "Internal Strategies and Plans",
        "Joint Strategies and Plans",
        "Pathway Redesign",
        "Resource Improvement Projects Funding",
    ),
    FlowStage.FEEDBACK: (
        "Report to local groups and organisations directly involved",
        "Share reports widely with providers, partners and stakeholders",
        "Staff via Briefings, Meetings and Newsletters",
        "SCCG Database Members",
        "News releases via SCCG website and Twitter",
        "GP and Practice Managers via GP Team Net",
        "Patients and Public via Partners websites and Newsletters",
        "Quarterly and Annual Reports to internal Boards and Committees",
        "Quarterly and Annual Reports",
    ),
}
"""The items of Sutton CCG's feedback-flow chart, column by column, as the
extracted text lists them (lines wrapped in the chart are joined).
"""


def sutton_feedback_flow() -> FeedbackFlow:
    """Sutton CCG's feedback flow: Listen → Discuss → Inform (and influence) → Feedback.

    The chart "shows the sources of voices, where findings are discussed, which
    areas they influence and how we feedback to those involved and beyond": 15
    sources, 15 places of discussion, 13 areas influenced and 9 ways of feeding
    back. The extracted text gives the columns and their items but no arrows
    between single items, so every item flows to every item of the next column.
    "Resource Improvement Projects Funding" is read as one item wrapped over two
    lines, as the chart wraps other long items.

    Examples:
        >>> flow = sutton_feedback_flow()
        >>> print(flow.fed_back("Complaints")[0].name)
        Report to local groups and organisations directly involved

    References:
        NHS Sutton CCG, Patient and Public Engagement Strategy (2018), Feedback Flow.
    """
    return FeedbackFlow.from_columns(
        "Sutton CCG feedback flow",
        SUTTON_FEEDBACK_COLUMNS,
        source=_cite("sutton-2018", "Feedback Flow"),
    )
