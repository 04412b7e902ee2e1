"""Escalation graphs: how the patient voice travels from GP practice to board, and back.

- `Tier` orders the levels (individual, practice, neighbourhood, locality, place,
  system, region, national); `BodyKind` says what a body is (and, through
  `BodyKind.body_type`, which statutory body type it is); `LinkKind` how one body
  passes the voice to another.
- `EscalationNetwork` holds `Body` and `Link` values, checks the structure at
  construction, and answers `route`, `cascade`, `coverage`, `gaps`, `duties`,
  `aggregate` and `aggregate_by`, each with a typed result that prints as a table.
- `EscalationNetwork.from_ods` reads the NHS ODS `epraccur.csv` file and
  `EscalationNetwork.from_pcn` its primary care network file (ePCN); `national`
  builds a synthetic England-sized network.
- `summary`, `path` and `diff` give a national view: counts by tier and kind
  (`NetworkSummary`), a body's path to the top (`PathToTop`), and what changed
  between two networks (`NetworkDiff`).
- `FeedbackFlow` is a four-stage flow (Listen → Discuss → Inform → Feedback), as in
  Sutton CCG's feedback-flow chart.

networkx is imported only when a graph is needed, so importing this is cheap.

Examples:
    >>> from engagekit.escalation import Tier
    >>> from engagekit.examples import sutton
    >>> net = sutton()
    >>> [b.name for b in net.route("sutton-practice-07-ppg")]  # doctest: +NORMALIZE_WHITESPACE
    ['Sutton CCG Patient Reference Group', 'Equality and Engagement Steering Group',
     'Sutton CCG Governing Body']
    >>> round(net.coverage().share_represented, 2)
    0.96
    >>> net
    <EscalationNetwork 'Sutton CCG patient voice' with 58 bodies and 82 links>
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
    from engagekit.escalation._bodies import Body, Link
    from engagekit.escalation._flow import FeedbackFlow, FlowItem, FlowLink, FlowStage
    from engagekit.escalation._national import ENGLAND_SCALE, national
    from engagekit.escalation._network import EscalationNetwork
    from engagekit.escalation._ods import Nations, OdsImport, ParentConflict, SkippedRow, era_kinds
    from engagekit.escalation._odsnames import ICB_ERA, OdsName, OdsNames
    from engagekit.escalation._pcn import PcnImport, PcnMembership
    from engagekit.escalation._results import (
        BodyDuties,
        Cascade,
        Coverage,
        Gaps,
        NetworkDuties,
        Route,
        SeatCount,
    )
    from engagekit.escalation._summary import (
        Change,
        ChangeKind,
        NetworkDiff,
        NetworkSummary,
        PathToTop,
        TierKindCount,
    )
    from engagekit.escalation._tiers import BodyKind, LinkKind, Tier

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "Body": "engagekit.escalation._bodies",
    "Link": "engagekit.escalation._bodies",
    "FeedbackFlow": "engagekit.escalation._flow",
    "FlowItem": "engagekit.escalation._flow",
    "FlowLink": "engagekit.escalation._flow",
    "FlowStage": "engagekit.escalation._flow",
    "ENGLAND_SCALE": "engagekit.escalation._national",
    "national": "engagekit.escalation._national",
    "EscalationNetwork": "engagekit.escalation._network",
    "Nations": "engagekit.escalation._ods",
    "OdsImport": "engagekit.escalation._ods",
    "ParentConflict": "engagekit.escalation._ods",
    "SkippedRow": "engagekit.escalation._ods",
    "era_kinds": "engagekit.escalation._ods",
    "ICB_ERA": "engagekit.escalation._odsnames",
    "OdsName": "engagekit.escalation._odsnames",
    "OdsNames": "engagekit.escalation._odsnames",
    "PcnImport": "engagekit.escalation._pcn",
    "PcnMembership": "engagekit.escalation._pcn",
    "BodyDuties": "engagekit.escalation._results",
    "Cascade": "engagekit.escalation._results",
    "Coverage": "engagekit.escalation._results",
    "Gaps": "engagekit.escalation._results",
    "NetworkDuties": "engagekit.escalation._results",
    "Route": "engagekit.escalation._results",
    "SeatCount": "engagekit.escalation._results",
    "Change": "engagekit.escalation._summary",
    "ChangeKind": "engagekit.escalation._summary",
    "NetworkDiff": "engagekit.escalation._summary",
    "NetworkSummary": "engagekit.escalation._summary",
    "PathToTop": "engagekit.escalation._summary",
    "TierKindCount": "engagekit.escalation._summary",
    "BodyKind": "engagekit.escalation._tiers",
    "LinkKind": "engagekit.escalation._tiers",
    "Tier": "engagekit.escalation._tiers",
}


__all__ = [
    "ENGLAND_SCALE",
    "ICB_ERA",
    "Body",
    "BodyDuties",
    "BodyKind",
    "Cascade",
    "Change",
    "ChangeKind",
    "Coverage",
    "EscalationNetwork",
    "FeedbackFlow",
    "FlowItem",
    "FlowLink",
    "FlowStage",
    "Gaps",
    "Link",
    "LinkKind",
    "Nations",
    "NetworkDiff",
    "NetworkDuties",
    "NetworkSummary",
    "OdsImport",
    "OdsName",
    "OdsNames",
    "ParentConflict",
    "PathToTop",
    "PcnImport",
    "PcnMembership",
    "Route",
    "SeatCount",
    "SkippedRow",
    "Tier",
    "TierKindCount",
    "era_kinds",
    "national",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, _EXPORTS, name)
