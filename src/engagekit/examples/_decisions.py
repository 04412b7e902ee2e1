"""Decisions from the source strategies, and one that fails, built with engagekit.decisions.

The Somerset case studies report what was done, not a rating of each criterion:
the ratings below are engagekit's reading of each case study, and each says in its
notes what the source does and does not record. Where the source is silent the
rating is ``UNKNOWN``, and the verdict says what evidence is missing. The sources
do not date the decisions; each builder documents the date it uses.
"""

from __future__ import annotations

import datetime as dt

from engagekit.cycles import ParticipationLevel
from engagekit.decisions import (
    AccessEffect,
    Assessment,
    ChangeKind,
    Criterion,
    Decision,
    Impact,
    Option,
    ServiceChangeTest,
    TestAssessment,
)
from engagekit.evidence import Audience, Evidence, EvidenceKind
from engagekit.ratings import Rating


_SOMERSET = "NHS Somerset"


def somerset_rheumatology_decision() -> Decision:
    """Somerset's rheumatology pathway (Flexible Healthcare programme, 2010).

    Two patient representatives with rheumatoid arthritis sat on the clinical team
    (one also chaired the local branch of the Rheumatoid Arthritis Society, which
    brought in other patients' views); the team concentrated on diagnosing and
    treating acute inflammatory arthritis, following NICE guidelines and good
    practice; specialist rheumatology was extended across the county, including
    Mendip and Minehead, to seven localities; and the new pathway set the quality
    standard that patients with possible inflammatory arthritis are seen within six
    weeks. Lay membership is evidenced through the clinical team's minutes and the
    impact assessment.

    The case study says the programme started in 2010; the decision is dated
    31 December 2010 here. That is before the public sector equality duty (5 April
    2011), but the race (Race Relations Act 1976 s71), disability (Disability
    Discrimination Act 1995 s49A) and gender (Sex Discrimination Act 1975 s76A)
    equality duties then in force each asked for due regard, so the verdict asks for
    an equality impact assessment under each. The case study's "impact assessment"
    is not said to be an equality impact assessment, and it records nothing on cost,
    so the verdict finds insufficient evidence on affordability and on each
    equality duty.

    Examples:
        >>> from engagekit import examples
        >>> from engagekit.decisions import evaluate
        >>> verdict = evaluate(examples.somerset_rheumatology_decision())
        >>> verdict.outcome.label, verdict.achieved_level.label
        ('insufficient evidence', 'Collaborate')
        >>> [r.title for r in verdict.missing]  # doctest: +NORMALIZE_WHITESPACE
        ['Affordable', 'Due regard to race equality', 'Due regard to disability equality',
         'Due regard to gender equality']
        >>> [r.title for r in verdict.gaps][:2]
        ['Acceptable to public', 'Affordable']

    References:
        NHS Somerset and Somerset CCG, Strategy for Patient and Public Engagement
        (2012), "Service level involvement": Flexible Healthcare Programme.
    """
    day = dt.date(2010, 12, 31)
    evidence = (
        Evidence(
            id="fhc-minutes",
            kind=EvidenceKind.MINUTES,
            date=day,
            what=(
                "Minutes of the Flexible Healthcare rheumatology clinical team: two lay members "
                "with rheumatoid arthritis on the team with the clinical leads and GP "
                "representatives, shaping priorities."
            ),
            level=ParticipationLevel.COLLABORATE,
            audiences=(Audience.PATIENTS, Audience.STAFF),
        ),
        Evidence(
            id="ra-society-views",
            kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
            date=day,
            what=(
                "Views of other patients with a similar condition in Somerset, gathered through "
                "the local branch of the Rheumatoid Arthritis Society."
            ),
            level=ParticipationLevel.CONSULT,
            audiences=(Audience.PATIENTS,),
        ),
        Evidence(
            id="nice-guidance",
            kind=EvidenceKind.CLINICAL_EVIDENCE,
            date=day,
            what=(
                "NICE guidelines and good practice: early diagnosis and treatment of acute "
                "inflammatory arthritis prevents deterioration and reduces the risk of major "
                "surgery."
            ),
        ),
        Evidence(
            id="impact-assessment",
            kind=EvidenceKind.IMPACT_ASSESSMENT,
            date=day,
            what="The programme's impact assessment, which records the lay membership.",
        ),
    )
    return Decision(
        title="Rheumatology pathway: see possible inflammatory arthritis within six weeks",
        body="NHS Somerset Flexible Healthcare programme",
        on=day,
        summary=(
            "Extend specialist rheumatology across the county, including Mendip and Minehead, "
            "in seven localities, with a pathway that sees patients with possible inflammatory "
            "arthritis within six weeks."
        ),
        impact=Impact(kind=ChangeKind.NEW_SERVICE, access=(AccessEffect.LOCATION,)),
        evidence=evidence,
        assessments=(
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.PATIENTS,
                rating=Rating.MET,
                evidence=("fhc-minutes", "ra-society-views"),
                notes="the lay members set the priorities with the clinical team",
            ),
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.STAFF,
                rating=Rating.MET,
                evidence=("fhc-minutes",),
                notes="clinical leads and GP representatives designed the pathway",
            ),
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.PUBLIC,
                rating=Rating.PARTLY_MET,
                evidence=("ra-society-views",),
                notes="the case study records patients' views, not the wider public's",
            ),
            Assessment(
                criterion=Criterion.AFFORDABLE,
                rating=Rating.UNKNOWN,
                notes="the case study does not report costs",
            ),
            Assessment(
                criterion=Criterion.SAFE_AND_EFFECTIVE,
                rating=Rating.MET,
                evidence=("nice-guidance",),
                notes="six-week standard for possible inflammatory arthritis",
            ),
        ),
    )


def somerset_patient_transport_decision() -> Decision:
    """Somerset's patient transport plans, informed by the LINk's recommendations.

    The Somerset LINk's Patient Transport Project gathered patient stories about
    using transport to get to healthcare appointments; over 350 were evaluated and
    the LINk published recommendations. NHS Somerset used them to inform its plans
    for developing patient transport services and included specific
    recommendations as service development proposals for existing work.

    The decision carries two options for an appraisal: taking the recommendations
    into the plans (what happened) and the plans as they stood. The source
    records patients' and the LINk's views, not staff's, costs or clinical
    safety, so those are ``UNKNOWN`` for both options. The source does not date
    the project; the decision is dated 1 January 2012 (the strategy's year).

    Examples:
        >>> from engagekit import examples
        >>> from engagekit.decisions import compare
        >>> decision = examples.somerset_patient_transport_decision()
        >>> decision.evidence[0].count
        350
        >>> table = compare(decision)
        >>> table.row("current-plans").dominated_by
        ('link-recommendations',)

    References:
        NHS Somerset and Somerset CCG, Strategy for Patient and Public Engagement
        (2012), "Patient Experience": Somerset LINk.
    """
    day = dt.date(2012, 1, 1)
    evidence = (
        Evidence(
            id="patient-stories",
            kind=EvidenceKind.PATIENT_EXPERIENCE,
            date=day,
            what=(
                "Somerset LINk Patient Transport Project: over 350 patient stories about using "
                "transport to get to healthcare appointments, evaluated."
            ),
            technique="story-telling",
            level=ParticipationLevel.CONSULT,
            audiences=(Audience.PATIENTS,),
            count=350,
        ),
        Evidence(
            id="link-recommendations",
            kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
            date=day,
            what="Recommendations published by the Somerset LINk from the patient stories.",
            level=ParticipationLevel.CONSULT,
            audiences=(Audience.PATIENTS, Audience.PUBLIC),
        ),
    )
    unknown = (
        Assessment(
            criterion=Criterion.ACCEPTABLE,
            audience=Audience.STAFF,
            rating=Rating.UNKNOWN,
            notes="the case study does not record staff views",
        ),
        Assessment(
            criterion=Criterion.AFFORDABLE,
            rating=Rating.UNKNOWN,
            notes="the case study does not report costs",
        ),
        Assessment(
            criterion=Criterion.SAFE_AND_EFFECTIVE,
            rating=Rating.UNKNOWN,
            notes="the case study does not report clinical evidence",
        ),
    )
    adopt = Option(
        id="link-recommendations",
        title="Include the LINk's recommendations as service development proposals",
        assessments=(
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.PATIENTS,
                rating=Rating.MET,
                evidence=("patient-stories", "link-recommendations"),
                notes="built on over 350 patient stories",
            ),
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.PUBLIC,
                rating=Rating.MET,
                evidence=("link-recommendations",),
                notes="recommended by the LINk",
            ),
            *unknown,
        ),
    )
    keep = Option(
        id="current-plans",
        title="Develop patient transport on the plans as they stood",
        assessments=(
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.PATIENTS,
                rating=Rating.PARTLY_MET,
                evidence=("patient-stories",),
                notes="the stories led the LINk to recommend changes",
            ),
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.PUBLIC,
                rating=Rating.PARTLY_MET,
                evidence=("link-recommendations",),
                notes="leaves the LINk's recommendations out",
            ),
            *unknown,
        ),
    )
    return Decision(
        title="Develop patient transport services across Somerset",
        body=_SOMERSET,
        on=day,
        impact=Impact(kind=ChangeKind.VARIATION, access=(AccessEffect.TRAVEL,)),
        evidence=evidence,
        options=(adopt, keep),
        assessments=adopt.assessments,
    )


def unproportionate_service_change() -> Decision:
    """A service change that fails for lack of proportionate engagement (illustrative).

    Not from a source: a constructed example. A board proposes to move a community
    minor injuries unit to the district hospital. The triangle is met on paper:
    staff and clinical reviews support it and it saves money. But a permanent
    relocation that changes where people go and how far they travel is, under the
    default `Policy`, a substantial variation: it needs
    engagement at the Involve level, formal public consultation and the health
    scrutiny committee's consultation, and the four tests apply. Patients and the
    public were only informed, by leaflet.

    Examples:
        >>> from engagekit import examples
        >>> from engagekit.decisions import evaluate
        >>> verdict = evaluate(examples.unproportionate_service_change())
        >>> verdict.outcome.label, verdict.readiness
        ('not met', 'not ready')
        >>> [r.rule for r in verdict.failures]  # doctest: +NORMALIZE_WHITESPACE
        ['proportionality.level', 'proportionality.consultation',
         'scrutiny.substantial-variation', 'test.engagement']
    """
    day = dt.date(2019, 3, 14)
    evidence = (
        Evidence(
            id="leaflet",
            kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
            date=dt.date(2019, 1, 21),
            what="Leaflets in the unit's waiting room announcing the move.",
            technique="leaflets-newsletters",
            level=ParticipationLevel.INFORM,
            audiences=(Audience.PATIENTS, Audience.PUBLIC),
        ),
        Evidence(
            id="staff-briefing",
            kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
            date=dt.date(2019, 1, 10),
            what="Briefing and questions for the unit's staff.",
            level=ParticipationLevel.CONSULT,
            audiences=(Audience.STAFF,),
        ),
        Evidence(
            id="clinical-review",
            kind=EvidenceKind.CLINICAL_EVIDENCE,
            date=dt.date(2018, 11, 30),
            what="Clinical review: co-locating minor injuries with the emergency department.",
        ),
        Evidence(
            id="gp-letter",
            kind=EvidenceKind.COMMISSIONER_SUPPORT,
            date=dt.date(2018, 12, 12),
            what="Letter of support from the GP members' locality group.",
        ),
        Evidence(
            id="business-case",
            kind=EvidenceKind.FINANCIAL_APPRAISAL,
            date=dt.date(2018, 12, 3),
            what="Business case: a recurring saving from a single site.",
        ),
        Evidence(
            id="eia",
            kind=EvidenceKind.EQUALITY_IMPACT_ASSESSMENT,
            date=dt.date(2019, 2, 4),
            what="Equality impact assessment: longer journeys for older and disabled people.",
        ),
    )
    return Decision(
        title="Move the community minor injuries unit to the district hospital",
        body="Governing Body",
        on=day,
        impact=Impact(
            kind=ChangeKind.RELOCATION,
            access=(AccessEffect.LOCATION, AccessEffect.TRAVEL),
            protected_groups=("older people", "disabled people"),
        ),
        evidence=evidence,
        assessments=(
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.PATIENTS,
                rating=Rating.UNKNOWN,
                evidence=("leaflet",),
                notes="patients were told, not asked",
            ),
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.STAFF,
                rating=Rating.MET,
                evidence=("staff-briefing",),
            ),
            Assessment(
                criterion=Criterion.ACCEPTABLE,
                audience=Audience.PUBLIC,
                rating=Rating.UNKNOWN,
                evidence=("leaflet",),
                notes="the public were told, not asked",
            ),
            Assessment(
                criterion=Criterion.AFFORDABLE,
                rating=Rating.MET,
                evidence=("business-case",),
            ),
            Assessment(
                criterion=Criterion.SAFE_AND_EFFECTIVE,
                rating=Rating.MET,
                evidence=("clinical-review",),
            ),
        ),
        tests=(
            TestAssessment(
                test=ServiceChangeTest.GP_SUPPORT, rating=Rating.MET, evidence=("gp-letter",)
            ),
            TestAssessment(
                test=ServiceChangeTest.ENGAGEMENT,
                rating=Rating.NOT_MET,
                evidence=("leaflet",),
                notes="information only",
            ),
            TestAssessment(
                test=ServiceChangeTest.EVIDENCE_BASE,
                rating=Rating.MET,
                evidence=("clinical-review",),
            ),
            TestAssessment(
                test=ServiceChangeTest.PATIENT_CHOICE,
                rating=Rating.PARTLY_MET,
                evidence=("clinical-review",),
                notes="one site instead of two",
            ),
        ),
    )
