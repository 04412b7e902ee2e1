"""Equality-monitoring categories for the nine protected characteristics (private).

The categories are the harmonised ones public bodies use: the Government Statistical
Service (GSS) harmonised standards, which follow the questions of Census 2021 for
England and Wales. Every characteristic also has "prefer not to say" and "other" as
answers in their own right, so that a respondent who declines is counted as such.
"""

from __future__ import annotations

import functools

from collections.abc import Iterable, Mapping

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import normalise
from engagekit.duties.equality import ProtectedCharacteristic
from engagekit.errors import InvalidTypeError, UnknownChoiceError
from engagekit.sources import Source


PREFER_NOT_TO_SAY = "prefer-not-to-say"
"""The answer of a respondent who declines, first-class in every characteristic."""
OTHER = "other"
"""An answer outside the listed categories (a write-in), first-class in every one."""

_GSS = "Government Statistical Service Harmonisation Team (ONS)"


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(i), str(label)) for i, label in value)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class MonitoringScheme:
    """The monitoring categories of one protected characteristic, and where they come from.

    Its ``repr`` is one line: the characteristic, whether its categories were
    verified, and how many categories and aliases it has.

    Attributes:
        characteristic: the protected characteristic.
        question: the monitoring question, in the standard's words where it has one.
        categories: ``(id, label)`` pairs in the standard's order; ``other`` and
            ``prefer-not-to-say`` come last.
        aliases: other words for a category, mapped to its id (matched ignoring case,
            spaces, ``-`` and ``_``).
        source: the standard the categories follow.
        verified: whether the categories were checked against that source.

    Examples:
        >>> scheme = monitoring_scheme("sexual orientation")
        >>> [label for _, label in scheme.categories]  # doctest: +NORMALIZE_WHITESPACE
        ['Straight or heterosexual', 'Gay or lesbian', 'Bisexual', 'Other sexual orientation',
         'Prefer not to say']
        >>> scheme.parse("straight"), scheme.parse("Prefer not to say")
        ('straight-or-heterosexual', 'prefer-not-to-say')
        >>> scheme
        <MonitoringScheme 'sexual-orientation' with 5 categories and 8 aliases>
    """

    characteristic: ProtectedCharacteristic = attrs.field(converter=ProtectedCharacteristic)
    question: str = attrs.field(validator=_validate.text)
    categories: tuple[tuple[str, str], ...] = attrs.field(converter=_pairs)
    aliases: Mapping[str, str] = attrs.field(factory=dict, eq=False, hash=False)
    source: Source = attrs.field(validator=_validate.instance_of(Source))
    verified: bool = attrs.field(default=True, validator=_validate.flag)

    def __repr__(self) -> str:
        noun = f"MonitoringScheme {self.characteristic.value!r}"
        if not self.verified:
            noun += " (not verified)"
        counts = [(len(self.categories), "categories"), (len(self.aliases), "aliases")]
        return _display.short_repr(self, noun, counts)

    @property
    def ids(self) -> tuple[str, ...]:
        """The category ids, in order."""
        return tuple(i for i, _ in self.categories)

    def label(self, category: str) -> str:
        """The label of a category id (the id itself if it is not one of them)."""
        return dict(self.categories).get(category, category)

    @functools.cached_property
    def _lookup(self) -> dict[str, str]:
        table = {normalise(i): i for i, _ in self.categories}
        table.update({normalise(label): i for i, label in self.categories})
        table.update({normalise(alias): i for alias, i in self.aliases.items()})
        return table

    def parse(self, text: str, *, field: str | None = None) -> str:
        """The category id a monitoring answer names (an id, a label or an alias).

        Raises:
            UnknownChoiceError: the text names no category of this characteristic.
        """
        if not isinstance(text, str):
            raise InvalidTypeError(field or self.characteristic.value, text, expected="text")
        found = self._lookup.get(normalise(text))
        if found is None:
            raise UnknownChoiceError(
                field or f"monitoring.{self.characteristic.value}",
                text,
                allowed=self.ids,
            )
        return found


def _scheme(
    characteristic: str,
    question: str,
    categories: list[tuple[str, str]],
    source: Source,
    *,
    aliases: Mapping[str, str] | None = None,
    verified: bool = True,
    other: str = "Other",
) -> MonitoringScheme:
    tail = [(OTHER, other), (PREFER_NOT_TO_SAY, "Prefer not to say")]
    known = {i for i, _ in categories}
    return MonitoringScheme(
        characteristic=characteristic,
        question=question,
        categories=[*categories, *(c for c in tail if c[0] not in known)],
        aliases={
            "prefer not to answer": PREFER_NOT_TO_SAY,
            "rather not say": PREFER_NOT_TO_SAY,
            "not stated": PREFER_NOT_TO_SAY,
            "pnts": PREFER_NOT_TO_SAY,
            **(aliases or {}),
        },
        source=source,
        verified=verified,
    )


_ETHNICITY = Source(
    title="Annex C: Government Statistical Service harmonised categories for ethnicity",
    publisher="HM Government (Equality (Race and Disability) Bill consultation)",
    date="2025-03-18",
    url="https://www.gov.uk/government/consultations/equality-race-and-disability-bill-mandatory-ethnicity-and-disability-pay-gap-reporting/annex-c-government-statistical-service-harmonised-categories-for-ethnicity",
    note="England and Wales question and categories, as in Census 2021",
)


@functools.cache
def _schemes() -> dict[ProtectedCharacteristic, MonitoringScheme]:
    pc = ProtectedCharacteristic
    census = "Census 2021 (England and Wales) question, as the GSS harmonised standard uses"
    schemes = [
        _scheme(
            "age",
            "What is your age?",
            [
                ("under-16", "Under 16"),
                ("16-24", "16 to 24"),
                ("25-34", "25 to 34"),
                ("35-44", "35 to 44"),
                ("45-54", "45 to 54"),
                ("55-64", "55 to 64"),
                ("65-74", "65 to 74"),
                ("75-and-over", "75 and over"),
            ],
            Source(
                title="Age and date of birth harmonised standard",
                publisher=_GSS,
                url="https://analysisfunction.civilservice.gov.uk/policy-store/age-and-date-of-birth/",
                note="the standard asks for age or date of birth; these ten-year bands are "
                "engagekit's default grouping for output, not the standard's",
            ),
            aliases={"16 - 24": "16-24", "75+": "75-and-over", "over 75": "75-and-over"},
            verified=False,
        ),
        _scheme(
            "disability",
            "Do you have any physical or mental health conditions or illnesses lasting "
            "or expected to last 12 months or more, which reduce your ability to carry "
            "out day-to-day activities?",
            [("yes-a-lot", "Yes, a lot"), ("yes-a-little", "Yes, a little"), ("no", "No")],
            Source(
                title="Measuring disability for the Equality Act 2010 harmonisation guidance",
                publisher=_GSS,
                note="the two harmonised questions (a condition lasting 12 months or more; "
                "whether it reduces day-to-day activity) folded into one answer",
            ),
            aliases={"not at all": "no", "yes": "yes-a-little", "disabled": "yes-a-little"},
            verified=False,
        ),
        _scheme(
            "gender-reassignment",
            "Is the gender you identify with the same as your sex registered at birth?",
            [("same", "Yes (the same)"), ("different", "No (different)")],
            Source(
                title="Gender identity harmonised standard",
                publisher=_GSS,
                note=census,
            ),
            aliases={"yes": "same", "no": "different"},
        ),
        _scheme(
            "marriage-and-civil-partnership",
            "What is your legal marital or registered civil partnership status?",
            [
                ("never-married", "Never married and never registered a civil partnership"),
                ("married", "Married"),
                ("civil-partnership", "In a registered civil partnership"),
                ("separated", "Separated, but still legally married or in a civil partnership"),
                ("divorced-or-dissolved", "Divorced or civil partnership dissolved"),
                ("widowed-or-surviving-partner", "Widowed or surviving civil partner"),
            ],
            Source(
                title="Marital or civil partnership status harmonised standard",
                publisher=_GSS,
                note="Census 2021 categories, with separated, divorced and widowed each "
                "joining their married and civil-partnership forms",
            ),
            aliases={
                "single": "never-married",
                "divorced": "divorced-or-dissolved",
                "widowed": "widowed-or-surviving-partner",
            },
            verified=False,
        ),
        _scheme(
            "pregnancy-and-maternity",
            "Are you pregnant, or have you given birth in the last 26 weeks?",
            [("yes", "Yes"), ("no", "No")],
            Source(
                title="Equality Act 2010",
                publisher="UK Parliament",
                section="s18 (the protected period) and s4",
                url="https://www.legislation.gov.uk/ukpga/2010/15/section/18",
                note="there is no GSS harmonised standard for pregnancy and maternity; the "
                "26 weeks is the ordinary maternity leave period",
            ),
            verified=False,
        ),
        _scheme(
            "race",
            "What is your ethnic group?",
            [
                ("white-british", "White: English, Welsh, Scottish, Northern Irish or British"),
                ("white-irish", "White: Irish"),
                ("white-gypsy-or-irish-traveller", "White: Gypsy or Irish Traveller"),
                ("white-roma", "White: Roma"),
                ("white-other", "White: Any other White background"),
                ("mixed-white-black-caribbean", "Mixed: White and Black Caribbean"),
                ("mixed-white-black-african", "Mixed: White and Black African"),
                ("mixed-white-asian", "Mixed: White and Asian"),
                ("mixed-other", "Mixed: Any other Mixed or Multiple ethnic background"),
                ("asian-indian", "Asian or Asian British: Indian"),
                ("asian-pakistani", "Asian or Asian British: Pakistani"),
                ("asian-bangladeshi", "Asian or Asian British: Bangladeshi"),
                ("asian-chinese", "Asian or Asian British: Chinese"),
                ("asian-other", "Asian or Asian British: Any other Asian background"),
                ("black-caribbean", "Black, Black British, Caribbean or African: Caribbean"),
                ("black-african", "Black, Black British, Caribbean or African: African"),
                (
                    "black-other",
                    (
                        "Black, Black British, Caribbean or African: Any other Black, Black "
                        "British, or Caribbean background"
                    ),
                ),
                ("arab", "Other ethnic group: Arab"),
                ("other", "Other ethnic group: Any other ethnic group"),
            ],
            _ETHNICITY,
            aliases={
                "white british": "white-british",
                "british": "white-british",
                "english": "white-british",
                "irish": "white-irish",
                "gypsy or irish traveller": "white-gypsy-or-irish-traveller",
                "roma": "white-roma",
                "indian": "asian-indian",
                "pakistani": "asian-pakistani",
                "bangladeshi": "asian-bangladeshi",
                "chinese": "asian-chinese",
                "caribbean": "black-caribbean",
                "african": "black-african",
                "any other ethnic group": "other",
            },
        ),
        _scheme(
            "religion-or-belief",
            "What is your religion?",
            [
                ("no-religion", "No religion"),
                ("christian", "Christian"),
                ("buddhist", "Buddhist"),
                ("hindu", "Hindu"),
                ("jewish", "Jewish"),
                ("muslim", "Muslim"),
                ("sikh", "Sikh"),
                ("other", "Any other religion"),
            ],
            Source(title="Religion harmonised standard", publisher=_GSS, note=census),
            aliases={"none": "no-religion", "christianity": "christian", "islam": "muslim"},
        ),
        _scheme(
            "sex",
            "What is your sex?",
            [("female", "Female"), ("male", "Male")],
            Source(title="Sex and gender harmonisation guidance", publisher=_GSS, note=census),
            aliases={"f": "female", "m": "male", "woman": "female", "man": "male"},
        ),
        _scheme(
            "sexual-orientation",
            "Which of the following best describes your sexual orientation?",
            [
                ("straight-or-heterosexual", "Straight or heterosexual"),
                ("gay-or-lesbian", "Gay or lesbian"),
                ("bisexual", "Bisexual"),
            ],
            Source(title="Sexual orientation harmonised standard", publisher=_GSS, note=census),
            aliases={
                "straight": "straight-or-heterosexual",
                "heterosexual": "straight-or-heterosexual",
                "gay": "gay-or-lesbian",
                "lesbian": "gay-or-lesbian",
            },
            other="Other sexual orientation",
        ),
    ]
    return {pc(s.characteristic): s for s in schemes}


def monitoring_scheme(characteristic: ProtectedCharacteristic | str) -> MonitoringScheme:
    """The monitoring categories of a protected characteristic.

    Args:
        characteristic: the characteristic (a member, its value or an alias such as
            ``"ethnicity"``).

    Examples:
        >>> scheme = monitoring_scheme("ethnicity")
        >>> len(scheme.categories), scheme.parse("Pakistani"), scheme.verified
        (20, 'asian-pakistani', True)
        >>> scheme.parse("Martian")
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownChoiceError: monitoring.race: 'Martian' is not allowed; ...
    """
    return _schemes()[ProtectedCharacteristic(characteristic)]


def monitoring_schemes() -> tuple[MonitoringScheme, ...]:
    """The monitoring schemes of all nine characteristics, in Equality Act s4 order.

    Examples:
        >>> [s.characteristic.value for s in monitoring_schemes()][:2]
        ['age', 'disability']
        >>> all("prefer-not-to-say" in s.ids and "other" in s.ids for s in monitoring_schemes())
        True
    """
    schemes = _schemes()
    return tuple(schemes[c] for c in ProtectedCharacteristic)
