"""Tiers, kinds of body and kinds of link in an escalation network (private)."""

from __future__ import annotations

import functools

from engagekit.choices import Choice, aliases


@functools.total_ordering
class Tier(Choice):
    """The level at which a body sits, from one person up to the national bodies.

    Tiers are totally ordered by :attr:`rank` so that structures from 2011 (practice,
    federation, county, CCG Board) and from today (practice, primary care network,
    place, ICB, region, NHS England) fit the same scale. Patient voice escalates
    upwards; a link may stay within a tier but never go down one.

    Examples:
        >>> Tier.PRACTICE < Tier.LOCALITY < Tier.SYSTEM
        True
        >>> Tier.parse("federation"), Tier.parse("ICB")
        (<Tier.LOCALITY: 'locality'>, <Tier.SYSTEM: 'system'>)
        >>> Tier.NEIGHBOURHOOD.label
        'Neighbourhood (primary care network)'
        >>> Tier.PLACE.above()
        <Tier.SYSTEM: 'system'>
    """

    INDIVIDUAL = "individual"
    PRACTICE = "practice"
    NEIGHBOURHOOD = "neighbourhood"
    LOCALITY = "locality"
    PLACE = "place"
    SYSTEM = "system"
    REGION = "region"
    NATIONAL = "national"

    @property
    def rank(self) -> int:
        """1 for ``INDIVIDUAL`` up to 8 for ``NATIONAL``."""
        return _TIER_RANK[self]

    @property
    def label(self) -> str:
        """A readable name, with the older and newer names the tier covers."""
        return _TIER_LABELS[self]

    def above(self) -> Tier | None:
        """The next tier up, or ``None`` for ``NATIONAL``."""
        index = _TIER_ORDER.index(self)
        return _TIER_ORDER[index + 1] if index + 1 < len(_TIER_ORDER) else None

    def below(self) -> Tier | None:
        """The next tier down, or ``None`` for ``INDIVIDUAL``.

        Examples:
            >>> Tier.LOCALITY.below()
            <Tier.NEIGHBOURHOOD: 'neighbourhood'>
        """
        index = _TIER_ORDER.index(self)
        return _TIER_ORDER[index - 1] if index > 0 else None

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return _TIER_RANK[self] < _TIER_RANK[other]


_TIER_ORDER = tuple(Tier)
_TIER_RANK = {tier: number for number, tier in enumerate(_TIER_ORDER, start=1)}
_TIER_RANK_BY_NAME = {tier.name: number for tier, number in _TIER_RANK.items()}

_TIER_LABELS = {
    Tier.INDIVIDUAL: "Individual",
    Tier.PRACTICE: "Practice",
    Tier.NEIGHBOURHOOD: "Neighbourhood (primary care network)",
    Tier.LOCALITY: "Federation or locality",
    Tier.PLACE: "Place, county or CCG",
    Tier.SYSTEM: "System (integrated care board)",
    Tier.REGION: "Region",
    Tier.NATIONAL: "National",
}

_TIER_ALIASES = {
    "person": Tier.INDIVIDUAL,
    "patient": Tier.INDIVIDUAL,
    "gp-practice": Tier.PRACTICE,
    "pcn": Tier.NEIGHBOURHOOD,
    "primary-care-network": Tier.NEIGHBOURHOOD,
    "federation": Tier.LOCALITY,
    "county": Tier.PLACE,
    "ccg": Tier.PLACE,
    "sub-icb": Tier.PLACE,
    "sub-icb-location": Tier.PLACE,
    "icb": Tier.SYSTEM,
    "integrated-care-board": Tier.SYSTEM,
    "ics": Tier.SYSTEM,
    "nhs-england-region": Tier.REGION,
    "england": Tier.NATIONAL,
}


class BodyKind(Choice):
    """What kind of body a node of an escalation network is.

    Examples:
        >>> BodyKind.parse("PPG")
        <BodyKind.PATIENT_PARTICIPATION_GROUP: 'patient-participation-group'>
        >>> BodyKind.HEALTHWATCH.label
        'Healthwatch / LINk'
        >>> BodyKind.PUBLIC_LOCALITY_FORUM.is_forum, BodyKind.PRACTICE.is_forum
        (True, False)
    """

    PRACTICE = "practice"
    PATIENT_PARTICIPATION_GROUP = "patient-participation-group"
    PATIENT_REFERENCE_GROUP = "patient-reference-group"
    PRIMARY_CARE_NETWORK = "primary-care-network"
    GP_FEDERATION = "gp-federation"
    LOCALITY = "locality"
    HEALTH_FORUM = "health-forum"
    PUBLIC_LOCALITY_FORUM = "public-locality-forum"
    PATIENT_ADVISORY_GROUP = "patient-advisory-group"
    COMMITTEE = "committee"
    COMMISSIONER = "commissioner"
    GOVERNING_BODY = "governing-body"
    INTEGRATED_CARE_BOARD = "integrated-care-board"
    REGION = "region"
    NATIONAL_BODY = "national-body"
    HEALTHWATCH = "healthwatch"
    HEALTH_AND_WELLBEING_BOARD = "health-and-wellbeing-board"
    HEALTH_SCRUTINY_COMMITTEE = "health-scrutiny-committee"
    VOLUNTARY_SECTOR_GROUP = "voluntary-sector-group"

    @property
    def label(self) -> str:
        """A readable name, e.g. ``"Patient participation group"``."""
        return _BODY_LABELS.get(self, self.value.replace("-", " ").capitalize())

    @property
    def is_forum(self) -> bool:
        """Whether bodies of this kind are groups of patients or the public with members."""
        return self in _FORUMS

    @property
    def is_patient_group(self) -> bool:
        """Whether this is a practice's own patient group (a PPG)."""
        return self is BodyKind.PATIENT_PARTICIPATION_GROUP


_BODY_LABELS = {
    BodyKind.GP_FEDERATION: "GP federation",
    BodyKind.COMMISSIONER: "Commissioner (CCG or sub-ICB location)",
    BodyKind.GOVERNING_BODY: "Governing body or board",
    BodyKind.INTEGRATED_CARE_BOARD: "Integrated care board",
    BodyKind.REGION: "NHS England region",
    BodyKind.HEALTHWATCH: "Healthwatch / LINk",
    BodyKind.HEALTH_AND_WELLBEING_BOARD: "Health and wellbeing board",
}

_FORUMS = frozenset(
    {
        BodyKind.PATIENT_PARTICIPATION_GROUP,
        BodyKind.PATIENT_REFERENCE_GROUP,
        BodyKind.HEALTH_FORUM,
        BodyKind.PUBLIC_LOCALITY_FORUM,
        BodyKind.PATIENT_ADVISORY_GROUP,
    }
)

_BODY_ALIASES = {
    "ppg": BodyKind.PATIENT_PARTICIPATION_GROUP,
    "prg": BodyKind.PATIENT_REFERENCE_GROUP,
    "pcn": BodyKind.PRIMARY_CARE_NETWORK,
    "federation": BodyKind.GP_FEDERATION,
    "plf": BodyKind.PUBLIC_LOCALITY_FORUM,
    "pag": BodyKind.PATIENT_ADVISORY_GROUP,
    "ccg": BodyKind.COMMISSIONER,
    "sub-icb-location": BodyKind.COMMISSIONER,
    "board": BodyKind.GOVERNING_BODY,
    "icb": BodyKind.INTEGRATED_CARE_BOARD,
    "link": BodyKind.HEALTHWATCH,
    "hwb": BodyKind.HEALTH_AND_WELLBEING_BOARD,
    "scrutiny-committee": BodyKind.HEALTH_SCRUTINY_COMMITTEE,
    "osc": BodyKind.HEALTH_SCRUTINY_COMMITTEE,
    "vcse": BodyKind.VOLUNTARY_SECTOR_GROUP,
}


class LinkKind(Choice):
    """How one body passes the patient voice to another.

    ``ESCALATES_TO`` and ``REPORTS_TO`` are *vertical*: they carry views up (and
    decisions back down) and must never go down a tier. ``INFORMS`` is *lateral*,
    for partners such as Healthwatch that are told but are not a step on the route.

    Examples:
        >>> LinkKind.REPORTS_TO.is_vertical, LinkKind.INFORMS.is_vertical
        (True, False)
    """

    ESCALATES_TO = "escalates-to"
    REPORTS_TO = "reports-to"
    INFORMS = "informs"

    @property
    def is_vertical(self) -> bool:
        """Whether the link is a step up the structure (not a lateral one)."""
        return self is not LinkKind.INFORMS


aliases({alias: member.value for alias, member in _TIER_ALIASES.items()})(Tier)
aliases({alias: member.value for alias, member in _BODY_ALIASES.items()})(BodyKind)
