"""The escalation structures of Somerset, Sutton and Oxfordshire, and Sutton's feedback flow.

Built from the strategies' own words. Where a source gives a count but not names,
the bodies are clearly labelled placeholders (``placeholder=True``, names such as
"Sutton practice 07"), and each builder's docstring says which.
"""

from __future__ import annotations

from typing import SupportsIndex

from engagekit import _data, _validate
from engagekit.errors import InvalidValueError
from engagekit.escalation import (
    Body,
    BodyKind,
    EscalationNetwork,
    Link,
    LinkKind,
    Tier,
)
from engagekit.sources import Source


def _cite(document: str, section: str) -> Source:
    return Source(**_data.documents()[document], section=section)


def _per_area(value: object, name: str) -> int:
    count = _validate.as_int(name, value)
    if not 1 <= count <= 99:
        raise InvalidValueError(name, value, reason="must be a whole number from 1 to 99")
    return count


def _practice(
    prefix: str,
    label: str,
    number: int,
    source: Source,
    *,
    belongs_to: str,
    voice_to: str,
    representatives: int | None = None,
) -> tuple[list[Body], list[Link]]:
    """A placeholder practice and its PPG, with their links.

    The practice belongs to ``belongs_to`` and informs its PPG; the PPG sends its
    views to ``voice_to`` (with ``representatives`` members, if given).
    """
    practice = Body(
        id=f"{prefix}-practice-{number:02d}",
        name=f"{label} practice {number:02d}",
        kind=BodyKind.PRACTICE,
        tier=Tier.PRACTICE,
        placeholder=True,
        source=source,
    )
    ppg = Body(
        id=f"{practice.id}-ppg",
        name=f"{practice.name} Patient Participation Group",
        kind=BodyKind.PATIENT_PARTICIPATION_GROUP,
        tier=Tier.PRACTICE,
        placeholder=True,
        source=source,
    )
    links = [
        Link(source=practice.id, target=belongs_to),
        Link(source=practice.id, target=ppg.id, kind=LinkKind.INFORMS),
        Link(source=ppg.id, target=voice_to, representatives=representatives),
    ]
    return [practice, ppg], links


def somerset(practices_per_federation: SupportsIndex = 2) -> EscalationNetwork:
    """Somerset CCG's draft structure for the patient voice (2011-2012).

    Practice Patient Participation Groups feed the Health Forums of the nine GP
    federations, which feed the county level and through it the CCG Board, on
    which responsibility for public involvement "ultimately rests". Messages
    "escalate from the top to the bottom and vice-versa". Practices belong to
    their federation, which reports to the Board; the LINk (HealthWatch from
    2013) informs the county forum, and the Board informs the Health and
    Wellbeing Board.

    The county level: the seeds give no standing county-wide forum. They give a
    one-off "County – wide Conference" (Action Plan 5.1, Nov/Dec 2011) and the
    action "Hold Bi-annual congress or Forums" (Action Plan 1.2, Dec 2011 and Sept
    2012); the county body here is that bi-annual congress, twice a year. That the
    federations' Health Forums feed it is engagekit's reading of the LINk blog's
    draft structure, in which messages escalate "from the top to the bottom and
    vice-versa".

    Placeholders: the sources give the number of federations (nine) but not their
    names, and give no count of practices, so federations are "Somerset
    federation 1" to "9" and each has ``practices_per_federation`` placeholder
    practices (an illustration, not a count from the source), each with its PPG.

    Raises:
        InvalidValueError: ``practices_per_federation`` is not 1 to 99.

    Examples:
        >>> net = somerset()
        >>> forums = [b for b in net.bodies if b.kind is BodyKind.HEALTH_FORUM]
        >>> federation_forums = [f for f in forums if f.tier is Tier.LOCALITY]
        >>> len(federation_forums), all(f.placeholder for f in federation_forums)
        (9, True)
        >>> [b.name for b in net.top]
        ['Somerset CCG Board']

    References:
        Somerset LINk blog post on the CCG strategy (2012): "Health Forums … in the
        9 Somerset Federations", messages escalating "from the top to the bottom
        and vice-versa". Somerset GP Commissioning Consortia draft strategy (2011):
        events "in all nine areas of the county which will be defined by the GP
        federations". NHS Somerset and Somerset CCG strategy (2012): aims, strand 6,
        Action Plan 1.1 and 3.1.
    """
    count = _per_area(practices_per_federation, "practices_per_federation")
    blog = _cite("somerset-link-blog", "Draft structure for representing the patient voice")
    draft = _cite("somerset-gpcc-2011", "Consultation events, 1")
    strategy = _cite("somerset-2012", "Action Plan 1.1")
    board = Body(
        id="somerset-ccg-board",
        name="Somerset CCG Board",
        kind=BodyKind.GOVERNING_BODY,
        tier=Tier.PLACE,
        source=_cite("somerset-2012", "Aims and objectives"),
    )
    county = Body(
        id="somerset-county-forum",
        name="Somerset bi-annual congress or Forums",
        kind=BodyKind.HEALTH_FORUM,
        tier=Tier.PLACE,
        meetings_per_year=2,
        source=_cite(
            "somerset-2012", "Appendix 2, Action Plan 1.2: Hold Bi-annual congress or Forums"
        ),
    )
    link_body = Body(
        id="somerset-link",
        name="Somerset LINk (HealthWatch from 2013)",
        kind=BodyKind.HEALTHWATCH,
        tier=Tier.PLACE,
        source=_cite("somerset-2012", "Strand 7, wider involvement in commissioning"),
    )
    hwb = Body(
        id="somerset-hwb",
        name="Somerset Health and Wellbeing Board",
        kind=BodyKind.HEALTH_AND_WELLBEING_BOARD,
        tier=Tier.PLACE,
        source=_cite("somerset-2012", "Health and Wellbeing Board"),
    )
    bodies = [board, county, link_body, hwb]
    links = [
        Link(source=county.id, target=board.id),
        Link(source=link_body.id, target=county.id, kind=LinkKind.INFORMS),
        Link(source=board.id, target=hwb.id, kind=LinkKind.INFORMS),
    ]
    number = 0
    for federation_number in range(1, 10):
        federation = Body(
            id=f"somerset-federation-{federation_number}",
            name=f"Somerset federation {federation_number}",
            kind=BodyKind.GP_FEDERATION,
            tier=Tier.LOCALITY,
            placeholder=True,
            source=draft,
        )
        forum = Body(
            id=f"{federation.id}-health-forum",
            name=f"Health Forum, {federation.name}",
            kind=BodyKind.HEALTH_FORUM,
            tier=Tier.LOCALITY,
            placeholder=True,
            membership="at least one person from each practice patient group (proposed)",
            source=blog,
        )
        bodies += [federation, forum]
        links += [
            Link(source=federation.id, target=board.id, kind=LinkKind.REPORTS_TO),
            Link(source=forum.id, target=county.id),
        ]
        for _ in range(count):
            number += 1
            new_bodies, new_links = _practice(
                "somerset",
                "Somerset",
                number,
                strategy,
                belongs_to=federation.id,
                voice_to=forum.id,
            )
            bodies += new_bodies
            links += new_links
    return EscalationNetwork(
        name="Somerset CCG patient voice (draft structure)",
        bodies=bodies,
        links=links,
        source=blog,
    )


SUTTON_LOCALITIES = (("Carshalton", 9), ("Wallington", 8), ("Sutton and Cheam", 8))
"""The three localities Sutton CCG names, and how many of the 25 placeholder
practices each holds in `sutton` (the split is illustrative).
"""


def sutton() -> EscalationNetwork:
    """Sutton CCG's structure (c. 2018/19): 25 practices, three localities, the PRG.

    The CCG "brings together 25 GP practices" in three localities, Carshalton,
    Wallington and Sutton and Cheam, whose lead GPs sit on the Executive Team. Every
    practice has a Patient Participation Group; each practice can have up to 3
    members elected to the Patient Reference Group (so 75 seats), which meets
    bi-monthly, and "over 92%" of practices have representatives on it. The
    Equality and Engagement Steering Group (quarterly, chaired by the Lay Member
    for Patient and Public Engagement) gives the Governing Body assurance.
    Healthwatch Sutton supports the PRG; the Governing Body informs the Health and
    Wellbeing Board.

    Placeholders: the strategy names no practices and does not say which
    practices sit in which locality or which lack a representative. The practices
    are "Sutton practice 01" to "25", split 9 / 8 / 8 across the localities in
    order (`SUTTON_LOCALITIES`); 24 of 25 (96%, the fewest that make "over
    92%" true) are represented, and practice 25's PPG is the one recorded with 0
    representatives. How many representatives each other PPG has is not known.

    Examples:
        >>> net = sutton()
        >>> len(net.practices), net.body("sutton-prg").seats
        (25, 75)
        >>> net.coverage().share_represented > 0.92
        True

    References:
        NHS Sutton CCG, Patient and Public Engagement Strategy (2018), Introduction,
        3.4.2 Practice Networks, 3.4.3 Patient Groups, 3.4.9 Equality and
        Engagement Steering Group, 3.4.11 Healthwatch Sutton.
    """
    groups = _cite("sutton-2018", "3.4.3 Patient Groups")
    networks = _cite("sutton-2018", "3.4.2 Practice Networks")
    governing = Body(
        id="sutton-governing-body",
        name="Sutton CCG Governing Body",
        kind=BodyKind.GOVERNING_BODY,
        tier=Tier.PLACE,
        source=_cite("sutton-2018", "3.4.1 Governing Body meetings"),
    )
    steering = Body(
        id="sutton-eesg",
        name="Equality and Engagement Steering Group",
        kind=BodyKind.COMMITTEE,
        tier=Tier.PLACE,
        meetings_per_year=4,
        membership="chaired by the Lay Member for Patient and Public Engagement",
        source=_cite("sutton-2018", "3.4.9 Equality and Engagement Steering Group"),
    )
    prg = Body(
        id="sutton-prg",
        name="Sutton CCG Patient Reference Group",
        kind=BodyKind.PATIENT_REFERENCE_GROUP,
        tier=Tier.PLACE,
        seats=75,
        meetings_per_year=6,  # "The group, which meets bi-monthly, ..."
        membership=(
            "up to 3 members per practice, elected by its PPG; led by an elected chair "
            "and 2 vice chairs; meets bi-monthly"
        ),
        source=groups,
    )
    healthwatch = Body(
        id="healthwatch-sutton",
        name="Healthwatch Sutton",
        kind=BodyKind.HEALTHWATCH,
        tier=Tier.PLACE,
        source=_cite("sutton-2018", "3.4.11 Healthwatch Sutton"),
    )
    hwb = Body(
        id="sutton-hwb",
        name="Sutton Health and Wellbeing Board",
        kind=BodyKind.HEALTH_AND_WELLBEING_BOARD,
        tier=Tier.PLACE,
        source=_cite("sutton-2018", "3.4.10 Health and Wellbeing Board"),
    )
    bodies = [governing, steering, prg, healthwatch, hwb]
    links = [
        Link(source=prg.id, target=steering.id, kind=LinkKind.REPORTS_TO),
        Link(source=steering.id, target=governing.id, kind=LinkKind.REPORTS_TO),
        Link(source=healthwatch.id, target=prg.id, kind=LinkKind.INFORMS),
        Link(source=governing.id, target=hwb.id, kind=LinkKind.INFORMS),
    ]
    number = 0
    for locality_name, count in SUTTON_LOCALITIES:
        locality = Body(
            id="sutton-locality-" + locality_name.lower().replace(" ", "-"),
            name=f"{locality_name} locality",
            kind=BodyKind.LOCALITY,
            tier=Tier.LOCALITY,
            source=networks,
        )
        bodies.append(locality)
        links.append(Link(source=locality.id, target=governing.id, kind=LinkKind.REPORTS_TO))
        for _ in range(count):
            number += 1
            new_bodies, new_links = _practice(
                "sutton",
                "Sutton",
                number,
                groups,
                belongs_to=locality.id,
                voice_to=prg.id,
                representatives=0 if number == 25 else None,
            )
            bodies += new_bodies
            links += new_links
    return EscalationNetwork(
        name="Sutton CCG patient voice",
        bodies=bodies,
        links=links,
        source=_cite("sutton-2018", "3.4 Infrastructure for engagement"),
    )


def oxfordshire(practices_per_locality: SupportsIndex = 2) -> EscalationNetwork:
    """Oxfordshire CCG's structure (2015-2019): six localities and their Public Locality Forums.

    There are "six Public Locality Forums, one in each of the six OCCG
    Localities", each with its own membership, so that views "can be fed into
    plans at both a Locality and County wide level": each forum escalates to its
    locality (its primary route) and to the Governing Body. The CCG holds "twelve
    public meetings (two in each Locality) per year with the Public Locality
    Forums" (delivery action 6): those are the CCG's meetings, held in each
    locality, so a forum's own `meetings_per_year` is left empty, as the source
    does not say how often a forum meets (the twelve meetings are the delivery
    plan's action 7.6, see `engagekit.examples.oxfordshire_delivery_plan`). Its
    Governing Body meets in public six times a year. Patient Participation Groups
    work with their practices; Healthwatch Oxfordshire informs the Governing Body,
    which informs the Health and Wellbeing Board.

    Placeholders: the strategy does not name the localities or give a count of
    practices, so localities are "Oxfordshire locality 1" to "6" and each has
    ``practices_per_locality`` placeholder practices (an illustration), each with
    its PPG feeding the locality's forum.

    Raises:
        InvalidValueError: ``practices_per_locality`` is not 1 to 99.

    Examples:
        >>> net = oxfordshire()
        >>> forums = [b for b in net.bodies if b.kind is BodyKind.PUBLIC_LOCALITY_FORUM]
        >>> len(forums), {f.meetings_per_year for f in forums}
        (6, {None})

    References:
        Oxfordshire CCG, Patient and Public Engagement Strategy 2015-2019, delivery
        actions 6, 7 and 12 and the glossary.
    """
    count = _per_area(practices_per_locality, "practices_per_locality")
    glossary = _cite("oxfordshire-2015", "Glossary, Public Locality Forum")
    governing = Body(
        id="occg-governing-body",
        name="OCCG Governing Body",
        kind=BodyKind.GOVERNING_BODY,
        tier=Tier.PLACE,
        meetings_per_year=6,
        source=_cite("oxfordshire-2015", "Delivery action 7"),
    )
    healthwatch = Body(
        id="healthwatch-oxfordshire",
        name="Healthwatch Oxfordshire",
        kind=BodyKind.HEALTHWATCH,
        tier=Tier.PLACE,
        source=_cite("oxfordshire-2015", "Glossary, Healthwatch Oxfordshire"),
    )
    hwb = Body(
        id="oxfordshire-hwb",
        name="Oxfordshire Health and Wellbeing Board",
        kind=BodyKind.HEALTH_AND_WELLBEING_BOARD,
        tier=Tier.PLACE,
        source=_cite("oxfordshire-2015", "Glossary, Health and Wellbeing Board"),
    )
    bodies = [governing, healthwatch, hwb]
    links = [
        Link(source=healthwatch.id, target=governing.id, kind=LinkKind.INFORMS),
        Link(source=governing.id, target=hwb.id, kind=LinkKind.INFORMS),
    ]
    ppgs = _cite("oxfordshire-2015", "Glossary, Patient Participation Groups")
    number = 0
    for locality_number in range(1, 7):
        locality = Body(
            id=f"oxfordshire-locality-{locality_number}",
            name=f"Oxfordshire locality {locality_number}",
            kind=BodyKind.LOCALITY,
            tier=Tier.LOCALITY,
            placeholder=True,
            source=_cite("oxfordshire-2015", "Delivery action 12"),
        )
        forum = Body(
            id=f"{locality.id}-plf",
            name=f"Public Locality Forum, {locality.name}",
            kind=BodyKind.PUBLIC_LOCALITY_FORUM,
            tier=Tier.LOCALITY,
            placeholder=True,
            membership="its own membership and Terms of Reference",
            source=glossary,
        )
        bodies += [locality, forum]
        links += [
            Link(source=locality.id, target=governing.id, kind=LinkKind.REPORTS_TO),
            Link(source=forum.id, target=locality.id, primary=True),
            Link(source=forum.id, target=governing.id),
        ]
        for _ in range(count):
            number += 1
            new_bodies, new_links = _practice(
                "oxfordshire",
                "Oxfordshire",
                number,
                ppgs,
                belongs_to=locality.id,
                voice_to=forum.id,
            )
            bodies += new_bodies
            links += new_links
    return EscalationNetwork(
        name="Oxfordshire CCG patient and public voice",
        bodies=bodies,
        links=links,
        source=glossary,
    )
