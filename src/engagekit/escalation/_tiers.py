"""Tiers, kinds of body and kinds of link in an escalation network (private)."""

from __future__ import annotations

import functools

from typing import TYPE_CHECKING

from engagekit import _validate
from engagekit.choices import Choice, aliases


if TYPE_CHECKING:
    import datetime as dt

    from engagekit.duties import BodyType


@functools.total_ordering
class Tier(Choice):
    """The level at which a body sits, from one person up to the national bodies.

    Tiers are totally ordered by `rank` so that structures from 2011 (practice,
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
    CLINICAL_COMMISSIONING_GROUP = "clinical-commissioning-group"
    SUB_ICB_LOCATION = "sub-icb-location"
    GOVERNING_BODY = "governing-body"
    INTEGRATED_CARE_BOARD = "integrated-care-board"
    AREA_TEAM = "area-team"
    SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP = "sustainability-and-transformation-partnership"
    LOCAL_HEALTH_BOARD = "local-health-board"
    REGION = "region"
    NATIONAL_BODY = "national-body"
    NHS_WALES = "nhs-wales"
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
    def is_welsh(self) -> bool:
        """Whether bodies of this kind belong to NHS Wales (a local health board, NHS Wales).

        Examples:
            >>> BodyKind.LOCAL_HEALTH_BOARD.is_welsh, BodyKind.REGION.is_welsh
            (True, False)
        """
        return self in (BodyKind.LOCAL_HEALTH_BOARD, BodyKind.NHS_WALES)

    @property
    def is_patient_group(self) -> bool:
        """Whether this is a practice's own patient group (a PPG)."""
        return self is BodyKind.PATIENT_PARTICIPATION_GROUP

    @property
    def body_type(self) -> BodyType | None:
        """The statutory body type ([`BodyType`][engagekit.duties.BodyType]) whose duties
        bind bodies of this kind, or `None` for a kind that is not a statutory body.

        The mapping:

        - `PRACTICE` is a `GP_PRACTICE`; `INTEGRATED_CARE_BOARD` an `ICB`;
          `HEALTH_AND_WELLBEING_BOARD` a `HEALTH_AND_WELLBEING_BOARD`;
        - `COMMISSIONER` is a `CCG`: the network's commissioner tier is the CCG of
          2013-2022. Since 1 July 2022 that tier is a sub-ICB location, part of its
          ICB and bound by the ICB's duties: `body_type_on` answers by date;
        - `CLINICAL_COMMISSIONING_GROUP` is a `CCG`, and `SUB_ICB_LOCATION` an `ICB`
          (a sub-ICB location is part of its ICB, not a body of its own): the kinds
          `from_ods` gives the commissioner column before and from 1 July 2022;
        - `REGION`, `AREA_TEAM` and `NATIONAL_BODY` are `NHS_ENGLAND` (regions,
          area teams and local offices are parts of it);
        - `SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP` is `None`: an STP was a
          partnership, not a statutory body (its code became its ICB's on 1 July 2022);
        - patient groups, forums, Healthwatch, committees, governing bodies, primary
          care networks, federations, localities, scrutiny committees and voluntary
          groups are `None`: no statutory duty of involvement binds them as such;
        - `LOCAL_HEALTH_BOARD` and `NHS_WALES` are `None`: the duties engagekit
          models are those of the NHS in England.

        Examples:
            >>> BodyKind.INTEGRATED_CARE_BOARD.body_type
            <BodyType.ICB: 'icb'>
            >>> BodyKind.PATIENT_PARTICIPATION_GROUP.body_type is None
            True
        """
        return _body_types().get(self)

    def body_type_on(self, on: dt.date | str) -> BodyType | None:
        """The statutory body type of this kind on a date (see `body_type`).

        Differs from `body_type` only for the commissioner kinds (`COMMISSIONER`,
        `CLINICAL_COMMISSIONING_GROUP`, `SUB_ICB_LOCATION`: one ODS code, a CCG
        that became a sub-ICB location): a CCG while CCGs existed, an ICB (its
        sub-ICB location acts under the ICB's duties) from 1 July 2022.

        Examples:
            >>> import datetime as dt
            >>> BodyKind.COMMISSIONER.body_type_on(dt.date(2018, 6, 1))
            <BodyType.CCG: 'ccg'>
            >>> BodyKind.COMMISSIONER.body_type_on(dt.date(2023, 1, 1))
            <BodyType.ICB: 'icb'>
        """
        day = _validate.as_date("on", on)
        found = self.body_type
        if self in _COMMISSIONERS and found is not None:
            ccg = _body_types()[BodyKind.COMMISSIONER]
            ended = ccg.existed_to
            if ended is not None and day >= ended:
                return _body_types()[BodyKind.INTEGRATED_CARE_BOARD]
            return ccg
        return found


_BODY_LABELS = {
    BodyKind.GP_FEDERATION: "GP federation",
    BodyKind.COMMISSIONER: "Commissioner (CCG or sub-ICB location)",
    BodyKind.CLINICAL_COMMISSIONING_GROUP: "Clinical commissioning group (CCG)",
    BodyKind.SUB_ICB_LOCATION: "Sub-ICB location",
    BodyKind.AREA_TEAM: "NHS England area team or local office",
    BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP: (
        "Sustainability and transformation partnership (STP)"
    ),
    BodyKind.GOVERNING_BODY: "Governing body or board",
    BodyKind.INTEGRATED_CARE_BOARD: "Integrated care board",
    BodyKind.LOCAL_HEALTH_BOARD: "Local health board (NHS Wales)",
    BodyKind.NHS_WALES: "NHS Wales",
    BodyKind.REGION: "NHS England region",
    BodyKind.HEALTHWATCH: "Healthwatch / LINk",
    BodyKind.HEALTH_AND_WELLBEING_BOARD: "Health and wellbeing board",
}

_BODY_TYPES: dict[BodyKind, BodyType] = {}


def _body_types() -> dict[BodyKind, BodyType]:
    # Built on first use: importing the duties package is not needed to build networks.
    if not _BODY_TYPES:
        from engagekit.duties import BodyType

        _BODY_TYPES.update(
            {
                BodyKind.PRACTICE: BodyType.GP_PRACTICE,
                BodyKind.COMMISSIONER: BodyType.CCG,
                BodyKind.CLINICAL_COMMISSIONING_GROUP: BodyType.CCG,
                BodyKind.SUB_ICB_LOCATION: BodyType.ICB,
                BodyKind.AREA_TEAM: BodyType.NHS_ENGLAND,
                BodyKind.INTEGRATED_CARE_BOARD: BodyType.ICB,
                BodyKind.REGION: BodyType.NHS_ENGLAND,
                BodyKind.NATIONAL_BODY: BodyType.NHS_ENGLAND,
                BodyKind.HEALTH_AND_WELLBEING_BOARD: BodyType.HEALTH_AND_WELLBEING_BOARD,
            }
        )
    return _BODY_TYPES


_COMMISSIONERS = frozenset(
    {BodyKind.COMMISSIONER, BodyKind.CLINICAL_COMMISSIONING_GROUP, BodyKind.SUB_ICB_LOCATION}
)

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
    "sicbl": BodyKind.SUB_ICB_LOCATION,
    "stp": BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP,
    "local-office": BodyKind.AREA_TEAM,
    "board": BodyKind.GOVERNING_BODY,
    "icb": BodyKind.INTEGRATED_CARE_BOARD,
    "lhb": BodyKind.LOCAL_HEALTH_BOARD,
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
