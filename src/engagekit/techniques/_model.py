"""The technique record: what a technique is, what it serves and the figures the source gives."""

from __future__ import annotations

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Displayable
from engagekit.choices import Choice
from engagekit.cycles import EngagementStage, MethodOfEngagement, ParticipationLevel
from engagekit.errors import InvalidValueError
from engagekit.sources import Source


class Quantity(Choice):
    """What a technique's [`Figure`][engagekit.techniques.Figure] measures.

    Examples:
        >>> from engagekit.techniques import catalogue
        >>> catalogue()["future-search"].figure(Quantity.SESSION_LENGTH).text
        'ideally two and a half days'
        >>> Quantity("session length")
        <Quantity.SESSION_LENGTH: 'session-length'>
    """

    PARTICIPANTS = "participants"
    SESSION_LENGTH = "session-length"
    ROUND_LENGTH = "round-length"


class Unit(Choice):
    """The unit of a [`Figure`][engagekit.techniques.Figure].

    Examples:
        >>> from engagekit.techniques import catalogue
        >>> catalogue()["world-cafe"].figures[0].unit
        <Unit.MINUTES: 'minutes'>
    """

    PEOPLE = "people"
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Figure:
    """A figure the source gives for a technique, such as "between 500 and 5,000" people.

    Its ``repr`` is one line: the quantity, the source's words and the bounds.

    `low` and `high` bound the figure (either may be `None` for an open bound; both
    equal for "about three hours"); `text` quotes the source.

    Raises:
        InvalidValueError: `low` is above `high`, or either is negative.

    Examples:
        >>> f = Figure(quantity="participants", low=500, high=5000, unit="people",
        ...            text="between 500 and 5,000")
        >>> f.contains(1200), f.contains(40)
        (True, False)
        >>> f
        <Figure participants 'between 500 and 5,000' (500 to 5000 people)>
    """

    quantity: Quantity = attrs.field(converter=Quantity)
    low: float | None = attrs.field(default=None, validator=_validate.non_negative)
    high: float | None = attrs.field(default=None, validator=_validate.non_negative)
    unit: Unit = attrs.field(converter=Unit)
    text: str = attrs.field(validator=_validate.text)

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise InvalidValueError(
                "Figure.high", self.high, reason=f"must be at least low ({self.low})"
            )

    def __repr__(self) -> str:
        low, high = self.low, self.high
        if low is not None and high is not None:
            bounds = f"{low:g}" if low == high else f"{low:g} to {high:g}"
        elif low is not None:
            bounds = f"at least {low:g}"
        elif high is not None:
            bounds = f"at most {high:g}"
        else:
            bounds = "unbounded"
        return (
            f"<Figure {self.quantity.value} {_display.quoted(self.text)} "
            f"({bounds} {self.unit.value})>"
        )

    def contains(self, value: float) -> bool:
        """Whether `value` lies within the figure's bounds."""
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


def _levels(value: object) -> tuple[ParticipationLevel, ...]:
    return _validate.members(ParticipationLevel, value, "Technique.levels")


def _stages(value: object) -> tuple[EngagementStage, ...]:
    return _validate.members(EngagementStage, value, "Technique.stages")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Technique(Displayable, _display.Tabular):
    """An involvement technique, as a menu entry the source describes.

    Attributes:
        id: a stable id (see the one id rule), e.g. `world-cafe`.
        name: the technique's name as the source writes it.
        method: its method of engagement (the menu group it sits in).
        levels: the participation levels it can serve, lowest first.
        heading: the menu heading it appears under, if any ("Displaying information").
        description: what it is (paraphrased).
        variants: forms the source lists (e.g. websites, leaflets, texting).
        figures: numbers the source gives (participants, session or round length).
        seldom_heard: whether the source says it suits seldom-heard or excluded groups.
        seldom_heard_note: the source's reason, when `seldom_heard`.
        stages: Engagement Cycle stages the Sutton appendix recommends it for.
        source: where it comes from.

    Raises:
        InvalidValueError: no level is named, or `seldom_heard` has no note.
        InvalidTypeError: a field has the wrong type (`levels = "consult"`, a text
            `seldom_heard`).

    Examples:
        >>> from engagekit.techniques import catalogue
        >>> cafe = catalogue()["world-cafe"]
        >>> cafe.method.label, [f.text for f in cafe.figures]
        ('Participation', ['20–30 minutes'])
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    method: MethodOfEngagement = attrs.field(converter=MethodOfEngagement)
    levels: tuple[ParticipationLevel, ...] = attrs.field(converter=_levels)
    heading: str | None = attrs.field(default=None, validator=_validate.optional_text)
    description: str = attrs.field(validator=_validate.text)
    variants: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    figures: tuple[Figure, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(Figure)
    )
    seldom_heard: bool = attrs.field(default=False, validator=_validate.flag)
    seldom_heard_note: str | None = attrs.field(default=None, validator=_validate.optional_text)
    stages: tuple[EngagementStage, ...] = attrs.field(default=(), converter=_stages)
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __repr__(self) -> str:
        return _display.short_repr(
            self, f"Technique {_display.quoted(self.id)}", [(len(self.figures), "figures")]
        )

    def __attrs_post_init__(self) -> None:
        if not self.levels:
            raise InvalidValueError(
                f"Technique({self.id!r}).levels",
                [],
                reason="name at least one participation level",
                allowed=[lvl.value for lvl in ParticipationLevel],
            )
        if self.seldom_heard and not self.seldom_heard_note:
            raise InvalidValueError(
                f"Technique({self.id!r}).seldom_heard_note",
                None,
                reason="say why the source finds it suitable for seldom-heard groups",
            )

    def figure(self, quantity: Quantity | str) -> Figure | None:
        """The figure for `quantity`, if the source gives one.

        Examples:
            >>> from engagekit.techniques import catalogue
            >>> catalogue()["nominal-group"].figure("session length").text
            'about three hours'
        """
        wanted = Quantity.parse(quantity, field="quantity")
        return next((f for f in self.figures if f.quantity is wanted), None)
