"""The kinds a feedback item is sorted by: its channel, its kind, what it changed (private).

They live apart from the feedback loop, so that a consultation or a decision naming a
channel does not import the loop.
"""

from __future__ import annotations

from engagekit.choices import Choice, aliases


@aliases(
    {
        "online survey": "online-consultation",
        "online": "online-consultation",
        "web": "online-consultation",
        "paper": "paper-form",
        "paper survey": "paper-form",
        "post": "letter",
        "e-mail": "email",
        "phone": "telephone",
        "drop-in": "event",
        "focus groups": "focus-group",
    }
)
class Channel(Choice):
    """Where feedback came in, as the source strategies list them.

    Sutton's feedback flow names its sources of voices: the Patient Reference
    Group, Patient Participation Groups, the Friends and Family Test, the National
    Patient Survey, patient and public forums, patient case studies, NHS Choices,
    the Patient Advice and Liaison Service, one-to-one meetings and interviews,
    complaints, Annual General Meetings and public Board meetings, outreach.
    Somerset evaluates patient stories; Oxfordshire consults online through
    "Talking Health" and uses social media. A consultation's responses also come on
    paper forms, at events and focus groups, by letter, email or telephone, and as
    petitions.
    """

    SURVEY = "survey"
    NATIONAL_PATIENT_SURVEY = "national-patient-survey"
    FRIENDS_AND_FAMILY_TEST = "friends-and-family-test"
    PALS = "pals"
    COMPLAINT = "complaint"
    PATIENT_STORY = "patient-story"
    PUBLIC_MEETING = "public-meeting"
    PATIENT_GROUP = "patient-group"
    ONLINE_CONSULTATION = "online-consultation"
    SOCIAL_MEDIA = "social-media"
    NHS_CHOICES = "nhs-choices"
    ONE_TO_ONE = "one-to-one"
    OUTREACH = "outreach"
    PAPER_FORM = "paper-form"
    EVENT = "event"
    FOCUS_GROUP = "focus-group"
    LETTER = "letter"
    EMAIL = "email"
    TELEPHONE = "telephone"
    PETITION = "petition"
    OTHER = "other"


class FeedbackKind(Choice):
    """Whether an item raises a concern, suggests, praises or asks."""

    CONCERN = "concern"
    SUGGESTION = "suggestion"
    COMPLIMENT = "compliment"
    QUESTION = "question"


class ChangeStatus(Choice):
    """Whether a response changed anything (the Care Opinion measure counts planned or made)."""

    NONE = "none"
    PLANNED = "planned"
    MADE = "made"
