"""Sutton's roles and responsibilities for engagement (private).

Apart from the stakeholder table (`_stakeholders`): neither loads the other's
types, nor a plan's dates and statuses.
"""

from __future__ import annotations

from engagekit import _data
from engagekit.plans import Part, Responsibility, ResponsibilityMatrix, Role
from engagekit.sources import Source


def _sutton(section: str) -> Source:
    return Source(**_data.documents()["sutton-2018"]).at(section)


def _r(text: str, part: Part, *topics: str) -> Responsibility:
    return Responsibility(text=text, part=part, topics=topics)


def sutton_responsibilities() -> ResponsibilityMatrix:
    """NHS Sutton CCG's roles and responsibilities for engagement.

    The eight roles in the source's order, from "CCG" and "All staff" to "NEL
    Commissioning Support Unit". Each responsibility is as written (the source's
    "patientôs" is read as "patient’s"); its part (approves, accountable,
    responsible, monitors, supports) and topics are engagekit's reading of the
    wording ("Have overall responsibility" → accountable; "Approve" → approves).

    Examples:
        >>> sutton_responsibilities().who("engagement-plan", Part.MONITORS)
        ('Governing Body', 'Equality & Engagement Steering Group')

    References:
        NHS Sutton CCG, Patient and Public Engagement Strategy (2018), "Roles and
        responsibilities".
    """
    a, r, m, s, p = Part.ACCOUNTABLE, Part.RESPONSIBLE, Part.MONITORS, Part.SUPPORTS, Part.APPROVES
    return ResponsibilityMatrix(
        roles=(
            # "Recent legislation and the NHS Constitution states that engagement
            # responsibilities of the CCG are: CCG ... All staff ... Governing Body ..."
            Role(
                name="CCG",
                responsibilities=(
                    _r(
                        "Ensure that patient, carers and the public have opportunities to be "
                        "involved in the commissioning of health services",
                        a,
                        "public-involvement",
                    ),
                    _r(
                        "Ensure that consultation and engagement around service changes and "
                        "developments is carried out to an appropriate level to meet legal "
                        "requirements",
                        a,
                        "service-change",
                    ),
                    _r(
                        "Support the collection, collation and dissemination of patient "
                        "experience data and ensuring that it feeds into patient engagement",
                        s,
                        "patient-experience",
                    ),
                    _r("Promote patient choice", r, "patient-choice"),
                    _r(
                        "Promote each patient’s involvement in decision about their own care",
                        r,
                        "individual-involvement",
                    ),
                    _r(
                        "Build and protect the relationship of the local NHS",
                        r,
                        "stakeholder-relationships",
                    ),
                    _r(
                        "Build relationships with staff, public, patients, carers, partners and "
                        "the media",
                        r,
                        "stakeholder-relationships",
                    ),
                    _r(
                        "Provide different ways in which patients, carers, the public and "
                        "partners can share their views",
                        r,
                        "feedback",
                    ),
                    _r(
                        "Ensure the provision of information for patients is appropriate and "
                        "timely",
                        a,
                        "patient-information",
                    ),
                ),
            ),
            Role(
                name="All staff",
                responsibilities=(
                    _r(
                        "To hold each other to account for decisions that are made within the "
                        "organisation to ensure there has been an appropriate level of patient, "
                        "carer and public engagement",
                        r,
                        "commissioning-decisions",
                    ),
                    _r(
                        "Ensure the patient is at the centre of their care (with the ability to "
                        "self-manage where appropriate), to empower them to lead and direct the "
                        "care they receive",
                        r,
                        "individual-involvement",
                    ),
                ),
            ),
            Role(
                name="Governing Body",
                responsibilities=(
                    _r(
                        "Approve the refreshed Engagement Strategy and plan",
                        p,
                        "engagement-strategy",
                        "engagement-plan",
                    ),
                    _r(
                        "Ensure systems and processes are in place to promote engagement and "
                        "involvement across the CCG",
                        a,
                        "engagement-systems",
                    ),
                    _r(
                        "Ensure that members of staff across the organisation are empowered to "
                        "actively involve patients, carers and the public in decisions using the "
                        "mechanisms",
                        a,
                        "staff-engagement",
                    ),
                    _r("Review the progress of the Engagement Plan", m, "engagement-plan"),
                    _r(
                        "Review and approve the annual Engagement report, as created for the CCG "
                        "Annual Report and Accounts",
                        p,
                        "annual-engagement-report",
                    ),
                ),
            ),
            Role(
                name="Lay Member (Patient and Public Engagement)",
                responsibilities=(
                    _r(
                        "To ensure that patient engagement and involvement is at the heart of "
                        "decisions made by the Governing Body",
                        r,
                        "governing-body-decisions",
                    ),
                    _r(
                        "To ensure that the impact of listening to, or not listening to the voice "
                        "of patients, carers and the public is highlighted to the Governing Body.",
                        r,
                        "governing-body-decisions",
                    ),
                    _r(
                        "To offer a considered opinion that is based on feedback from a wider "
                        "patient, carer and public experience than their own",
                        r,
                        "governing-body-decisions",
                    ),
                    _r(
                        "To be the patient, carer and public champion on the Governing Body",
                        r,
                        "governing-body-decisions",
                    ),
                    _r("To represent Sutton CCG in other arenas", r, "representation"),
                ),
            ),
            Role(
                name="Chief Operating Officer",
                responsibilities=(
                    _r(
                        "Have overall responsibility for ensuring that a strategy is in place for "
                        "Sutton CCG that promotes patient, carer and public engagement and meets "
                        "legal and best practice",
                        a,
                        "engagement-strategy",
                    ),
                    _r(
                        "Have overall responsibility and demonstrate leadership for ensuring that "
                        "staff who work for Sutton CCG are aware of their responsibility to engage "
                        "with patient, carers and the public",
                        a,
                        "staff-engagement",
                    ),
                    _r(
                        "Have overall responsibility and demonstrate leadership for ensuring that "
                        "commissioning decisions have had an appropriate level of patient "
                        "engagement and this is justifiable",
                        a,
                        "commissioning-decisions",
                    ),
                    _r(
                        "Ensure that the Annual Engagement Report is prepared for the CCG Annual "
                        "Report and Accounts",
                        a,
                        "annual-engagement-report",
                    ),
                    _r(
                        "Ensure that the Patient and Public Engagement Plan is developed, "
                        "implemented and monitored annually and is fit for purpose based on the "
                        "needs of the organisation",
                        a,
                        "engagement-plan",
                    ),
                    _r(
                        "Ensure that members of the Equality and Engagement Steering Group provide "
                        "a voice for patients, carers and the public at operational and strategic "
                        "level across the organisation",
                        a,
                        "steering-group",
                    ),
                ),
            ),
            Role(
                name="Service Leads and Commissioners",
                responsibilities=(
                    _r(
                        "To promote patient, carer and public engagement as an essential component "
                        "of the commissioning cycle",
                        r,
                        "commissioning-decisions",
                    ),
                    _r(
                        "To seek support, if required, to build knowledge and capability of how to "
                        "engage appropriately with the people of Sutton",
                        r,
                        "staff-engagement",
                    ),
                    _r(
                        "To play a leadership role within teams to promote patient, carer and "
                        "public engagement",
                        r,
                        "staff-engagement",
                    ),
                    _r(
                        "To be familiar with the Patient and Public Engagement Strategy and "
                        "implement the way of working as standard",
                        r,
                        "engagement-strategy",
                    ),
                ),
            ),
            Role(
                name="Equality & Engagement Steering Group",
                responsibilities=(
                    _r(
                        "To provide assurance to the Governing Body that Sutton CCG is meeting its "
                        "requirements under the NHS Constitution and 2012 Health and Social Care "
                        "Act and Equality Act 2010, as well as promoting best practice locally",
                        m,
                        "statutory-assurance",
                    ),
                    _r(
                        "To monitor the implementation of the Patient and Public Engagement "
                        "Strategy",
                        m,
                        "engagement-strategy",
                    ),
                    _r(
                        "To develop and monitor the Patient and Public Engagement Plan",
                        m,
                        "engagement-plan",
                    ),
                    _r(
                        "To monitor development and progress against the Equality and Diversity "
                        "Strategy and its associated work streams.",
                        m,
                        "equality-strategy",
                    ),
                    _r(
                        "For all members to act as change agents and champions for this area of "
                        "work",
                        r,
                        "staff-engagement",
                    ),
                ),
            ),
            Role(
                name="NEL Commissioning Support Unit",
                responsibilities=(
                    _r(
                        "To advise the Equality and Engagement Steering Group to enable them to "
                        "fulfil their legal and best practice obligations",
                        s,
                        "steering-group",
                        "statutory-assurance",
                    ),
                    _r(
                        "To support Sutton CCG to work towards being exemplar in its employment "
                        "and commissioning practices.",
                        s,
                        "commissioning-decisions",
                    ),
                    _r(
                        "To report to the Equality and Engagement Steering Group on the "
                        "implementation of the Patient and Public Engagement Plan – challenges as "
                        "well as success",
                        s,
                        "engagement-plan",
                    ),
                    _r(
                        "Work with staff in other areas of the CCG to ensure a joined-up approach "
                        "to support Sutton CCG e.g. HR guidance for lay-representative "
                        "recruitment, Operational Development for staff training and "
                        "organisational development opportunities",
                        s,
                        "staff-engagement",
                    ),
                    _r(
                        "Work with staff across Sutton CCG to build confidence and capability to "
                        "ensure the organisation meets its legal and best practice obligation",
                        s,
                        "staff-engagement",
                    ),
                    _r(
                        "Build and maintain relationships with stakeholders who have a role to "
                        "play in engaging with the population of Sutton",
                        s,
                        "stakeholder-relationships",
                    ),
                    _r(
                        "Collect and collate feedback from patients, carers and the public with "
                        "regard to how Sutton CCGs engagement strategy is viewed and how it could "
                        "be improved.",
                        s,
                        "engagement-strategy",
                        "feedback",
                    ),
                ),
            ),
        ),
        source=_sutton("Roles and responsibilities"),
    )
