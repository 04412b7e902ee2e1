"""Sutton's stakeholder table (private); its roles are in `_responsibilities`.

Apart from the plan examples: neither loads a plan, nor a plan's dates and statuses.
"""

from __future__ import annotations

from engagekit import _data
from engagekit.plans import Influencer, StakeholderGroup, StakeholderMap
from engagekit.sources import Source


def _sutton(section: str) -> Source:
    return Source(**_data.documents()["sutton-2018"]).at(section)


def sutton_stakeholders() -> StakeholderMap:
    """NHS Sutton CCG's stakeholder table: groups, activities and owners, and influencers.

    Examples:
        >>> for group in sutton_stakeholders().groups[:2]:
        ...     print(group.name)
        Patients, Public, Carers and service users
        Sutton CCG – CCG staff, member practices and practice staff

    References:
        NHS Sutton CCG, Patient and Public Engagement Strategy (2018), "Stakeholder
        Table".
    """
    return StakeholderMap(
        groups=(
            StakeholderGroup(
                name="Patients, Public, Carers and service users",
                activities=(
                    "Host and attend public meetings",
                    "Board Meetings in public",
                    "Annual General Meeting",
                    "Host and attend targeted engagement sessions and workshops",
                    "Patient representatives on CCG working groups, committees and Boards",
                    (
                        "Patient Reference Group and Patient Participation Groups involvement "
                        "in planning commissioning intentions, service redesign and "
                        "procurements projects"
                    ),
                    (
                        "Design and deliver patient education, self-care and self-management "
                        "activities in partnership with local groups and organisations"
                    ),
                    "Attend scrutiny committees, as required",
                    "Stakeholders newsletters and websites",
                    "Patient database",
                    "CCG Website",
                    "Social media",
                ),
                owners=("All Sutton CCG staff",),
            ),
            StakeholderGroup(
                name="Sutton CCG – CCG staff, member practices and practice staff",
                activities=(
                    "Organisational Development Working Group",
                    "Wider Team Meeting",
                    "Team meetings",
                    "Annual General Meeting",
                    "Plenary Meeting",
                    "Locality Meetings",
                    "Locality Leads Meeting",
                    "GP Team Net",
                    "Clinical Reference Groups",
                    "Training and development",
                    "Support sessions",
                    "News letters",
                    "Social Media",
                ),
                owners=("All Sutton CCG staff",),
            ),
            StakeholderGroup(
                name="Providers and Health Partners",
                members=(
                    "Department of Health",
                    "NHS England",
                    "South West London Sustainability & Transformation Partnership",
                    "Epsom and St Helier University Hospital NHS Trust",
                    "Royal Marsden NHS Foundation Trust",
                    "Sutton Community Services",
                    "SWL and St Georges Mental Health NHS Trust",
                    "Sutton Council",
                    "GP Federation",
                    "Neighbouring CCGs",
                ),
                activities=(
                    "Regular meetings with chief officer and chair",
                    "Clinical Quality Review Groups",
                    "Wellbeing partnership meetings",
                    "STP meetings",
                    "GP Locality meetings and Plenary meetings",
                    "Contract monitoring meetings",
                ),
                owners=("Commissioners", "Directors", "Chief Officer / Chair"),
            ),
            StakeholderGroup(
                name="Our political partners",
                members=("Local councillors", "Local MPs", "Local and National Newspapers"),
                activities=(
                    "Regular meetings with chief officer and chair",
                    "Health and Wellbeing Board",
                    "Scrutiny Committee",
                    "Ward Committees",
                    "Engagement workshops and activities",
                    "Press releases",
                ),
                owners=("All Sutton CCG staff", "Communications"),
            ),
            StakeholderGroup(
                name="Voluntary and community sector representatives",
                members=(
                    (
                        "individuals and organisations that represent patients, staff or "
                        "healthcare organisations"
                    ),
                    "Healthwatch Sutton",
                ),
                activities=(
                    "Membership of Governing Body",
                    "Quality Committee",
                    "Equality and Engagement Steering Group",
                    "Clinical Reference Groups",
                    "Service and pathway review, development and redesign and service procurements",
                    "Partnership meetings",
                    "Service user groups",
                    "Education sessions and engagement activities",
                ),
                owners=("Chief Officer / Chair", "Lay Member", "Commissioners"),
            ),
            StakeholderGroup(
                name="Health and Wellbeing Board and Scrutiny Committee",
                activities=(
                    (
                        "Involvement in projects, service and pathway development and redesign "
                        "and service procurements through Health and Wellbeing Board and the "
                        "Scrutiny Committee"
                    ),
                    "Education sessions and engagement activities",
                ),
                owners=("Chief Officer / Chair", "Lay Member", "Commissioners"),
            ),
        ),
        influencers=(
            Influencer(name="NHS England", formal_monitoring=True),
            Influencer(name="Sutton Council", formal_monitoring=True),
            Influencer(name="Scrutiny Committee", formal_monitoring=True),
        ),
        source=_sutton("Stakeholder Table"),
    )
