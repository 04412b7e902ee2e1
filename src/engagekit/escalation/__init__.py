"""Escalation graphs: how the patient voice travels from GP practice to board, and back.

- :class:`Tier` orders the levels (individual, practice, neighbourhood, locality,
  place, system, region, national); :class:`BodyKind` says what a body is;
  :class:`LinkKind` how one body passes the voice to another.
- :class:`EscalationNetwork` holds :class:`Body` and :class:`Link` values, checks
  the structure at construction, and answers :meth:`~EscalationNetwork.route`,
  :meth:`~EscalationNetwork.cascade`, :meth:`~EscalationNetwork.coverage`,
  :meth:`~EscalationNetwork.gaps` and :meth:`~EscalationNetwork.aggregate`.
- :meth:`EscalationNetwork.from_ods` reads the NHS ODS ``epraccur.csv`` file;
  :func:`national` builds a synthetic England-sized network.
- :class:`FeedbackFlow` is a four-stage flow (Listen → Discuss → Inform →
  Feedback), as in Sutton CCG's feedback-flow chart.

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
"""

from __future__ import annotations

from engagekit.escalation._bodies import Body, Link
from engagekit.escalation._flow import FeedbackFlow, FlowItem, FlowLink, FlowStage
from engagekit.escalation._national import ENGLAND_SCALE, national
from engagekit.escalation._network import EscalationNetwork
from engagekit.escalation._ods import OdsImport, SkippedRow
from engagekit.escalation._results import Coverage, Gaps, SeatCount
from engagekit.escalation._tiers import BodyKind, LinkKind, Tier


__all__ = [
    "ENGLAND_SCALE",
    "Body",
    "BodyKind",
    "Coverage",
    "EscalationNetwork",
    "FeedbackFlow",
    "FlowItem",
    "FlowLink",
    "FlowStage",
    "Gaps",
    "Link",
    "LinkKind",
    "OdsImport",
    "SeatCount",
    "SkippedRow",
    "Tier",
    "national",
]


def __dir__() -> list[str]:
    return __all__
