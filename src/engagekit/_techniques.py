"""The catalogue of involvement techniques, and choosing techniques for a purpose.

The public names are exported from the top level: ``engagekit.techniques()`` returns
the built-in catalogue, ``engagekit.load_techniques(path)`` reads one in the same TOML
format, and ``engagekit.Technique`` / ``engagekit.TechniqueCatalogue`` are the types.

Examples:
    >>> from engagekit import techniques
    >>> techniques()["nominal-group"].figures[0].text
    'about three hours'
"""

from __future__ import annotations

import functools

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from engagekit import _validate
from engagekit.choices import Choice
from engagekit.cycles import EngagementStage, MethodOfEngagement, ParticipationLevel
from engagekit.errors import InvalidValueError, UnknownNameError
from engagekit.sources import Source


class Quantity(Choice):
    """What a technique's :class:`Figure` measures.

    Examples:
        >>> from engagekit import techniques
        >>> techniques()["future-search"].figure(Quantity.SESSION_LENGTH).text
        'ideally two and a half days'
    """

    PARTICIPANTS = "participants"
    SESSION_LENGTH = "session-length"
    ROUND_LENGTH = "round-length"


class Unit(Choice):
    """The unit of a :class:`Figure`.

    Examples:
        >>> from engagekit import techniques
        >>> techniques()["world-cafe"].figures[0].unit
        <Unit.MINUTES: 'minutes'>
    """

    PEOPLE = "people"
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"


def _low_le_high(instance: Figure, attribute: attrs.Attribute[Any], value: object) -> None:
    if instance.low is not None and instance.high is not None and instance.low > instance.high:
        raise InvalidValueError(
            "Figure.high", instance.high, reason=f"must be at least low ({instance.low})"
        )


@attrs.frozen(kw_only=True)
class Figure:
    """A figure the source gives for a technique, such as "between 500 and 5,000" people.

    ``low`` and ``high`` bound the figure (either may be ``None`` for an open
    bound; both equal for "about three hours"); ``text`` quotes the source.

    Examples:
        >>> f = Figure(quantity=Quantity.PARTICIPANTS, low=500, high=5000, unit=Unit.PEOPLE,
        ...            text="between 500 and 5,000")
        >>> f.contains(1200), f.contains(40)
        (True, False)
    """

    quantity: Quantity = attrs.field(validator=_validate.member_of(Quantity))
    low: float | None = attrs.field(default=None, validator=_validate.non_negative)
    high: float | None = attrs.field(default=None, validator=[_validate.non_negative, _low_le_high])
    unit: Unit = attrs.field(validator=_validate.member_of(Unit))
    text: str = attrs.field(validator=_validate.text)

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies within the figure's bounds."""
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


def _slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.text(instance, attribute, value)
    assert isinstance(value, str)
    if value != value.strip().lower() or " " in value:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            reason="must be a lower-case slug without spaces, e.g. 'world-cafe'",
        )


@attrs.frozen(kw_only=True)
class Technique:
    """An involvement technique, as a menu entry the source describes.

    Attributes:
        id: a stable slug.
        name: the technique's name as the source writes it.
        method: its method of engagement (the menu group it sits in).
        levels: the participation levels it can serve, lowest first.
        heading: the menu heading it appears under, if any ("Displaying information").
        description: what it is (paraphrased).
        variants: forms the source lists (e.g. websites, leaflets, texting).
        figures: numbers the source gives (participants, session or round length).
        seldom_heard: whether the source says it suits seldom-heard or excluded groups.
        seldom_heard_note: the source's reason, when ``seldom_heard``.
        stages: Engagement Cycle stages the Sutton appendix recommends it for.
        source: where it comes from.

    Examples:
        >>> from engagekit import techniques
        >>> cafe = techniques()["world-cafe"]
        >>> cafe.method.label, [f.text for f in cafe.figures]
        ('Participation', ['20–30 minutes'])
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_validate.text)
    method: MethodOfEngagement = attrs.field(validator=_validate.member_of(MethodOfEngagement))
    levels: tuple[ParticipationLevel, ...] = attrs.field(
        converter=_validate.to_sorted_members, validator=_validate.each(ParticipationLevel)
    )
    heading: str | None = attrs.field(default=None, validator=_validate.optional_text)
    description: str = attrs.field(validator=_validate.text)
    variants: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    figures: tuple[Figure, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(Figure)
    )
    seldom_heard: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    seldom_heard_note: str | None = attrs.field(default=None, validator=_validate.optional_text)
    stages: tuple[EngagementStage, ...] = attrs.field(
        default=(), converter=_validate.to_sorted_members, validator=_validate.each(EngagementStage)
    )
    source: Source = attrs.field(validator=_validate.instance_of(Source))

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

    def figure(self, quantity: Quantity) -> Figure | None:
        """The figure for ``quantity``, if the source gives one."""
        return next((f for f in self.figures if f.quantity is quantity), None)

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@attrs.frozen(kw_only=True)
class Match:
    """A technique selected by :meth:`TechniqueCatalogue.select`, with why it matched.

    Examples:
        >>> from engagekit import techniques, EngagementStage
        >>> match = techniques().select(stage=EngagementStage.MONITOR)[0]
        >>> match.score, match.reasons[0]
        (2, 'recommended for stage 5 (monitor)')
    """

    technique: Technique
    score: int
    reasons: tuple[str, ...]


@attrs.frozen(kw_only=True)
class TechniqueCatalogue:
    """An immutable catalogue of techniques, keyed by id.

    Build one with :func:`techniques` (the built-in catalogue),
    :func:`load_techniques` (a file in the same TOML format) or directly from
    :class:`Technique` values; combine with :meth:`merged_with`.

    Examples:
        >>> from engagekit import techniques
        >>> catalogue = techniques()
        >>> "citizens-jury" in catalogue
        True
        >>> catalogue.get("citizens jury")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownNameError: unknown technique 'citizens jury'; did you mean ...?
    """

    techniques: tuple[Technique, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Technique), _validate.unique(lambda t: t.id, "technique id")],
    )
    _index: dict[str, Technique] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {t.id: t for t in self.techniques})

    def __iter__(self) -> Iterator[Technique]:
        return iter(self.techniques)

    def __len__(self) -> int:
        return len(self.techniques)

    def __contains__(self, technique_id: object) -> bool:
        return technique_id in self._index

    def __getitem__(self, technique_id: str) -> Technique:
        return self.get(technique_id)

    def get(self, technique_id: str) -> Technique:
        """The technique with this id.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        try:
            return self._index[technique_id]
        except KeyError:
            raise UnknownNameError("technique", technique_id, choices=self._index) from None

    @property
    def ids(self) -> tuple[str, ...]:
        """Every technique id, in catalogue order."""
        return tuple(self._index)

    def merged_with(self, other: TechniqueCatalogue | Iterable[Technique]) -> TechniqueCatalogue:
        """A new catalogue with this one's techniques followed by ``other``'s.

        Raises:
            InvalidValueError: an id appears in both.
        """
        extra = other.techniques if isinstance(other, TechniqueCatalogue) else tuple(other)
        return TechniqueCatalogue(techniques=self.techniques + extra)

    def select(
        self,
        *,
        level: ParticipationLevel | None = None,
        stage: EngagementStage | None = None,
        method: MethodOfEngagement | None = None,
        seldom_heard: bool | None = None,
        participants: int | None = None,
    ) -> tuple[Match, ...]:
        """Techniques suited to a purpose, best first, each with its reasons.

        ``level``, ``method``, ``seldom_heard=True`` and ``participants`` filter:
        a technique is left out if it does not serve the level or method, is not
        suited to seldom-heard groups, or has a participant figure that excludes
        the number. ``stage`` ranks: techniques the Sutton appendix recommends for
        the stage come first; the source says that many techniques can be used
        across the cycle, so the others are kept. Ties are broken by name.

        Examples:
            >>> from engagekit import techniques
            >>> best = techniques().select(level=ParticipationLevel.COLLABORATE,
            ...                            participants=1000)
            >>> best[0].technique.name
            '21st century town meeting'
            >>> best[0].reasons[0]
            'serves the Collaborate level'
        """
        if level is not None and not isinstance(level, ParticipationLevel):
            raise InvalidValueError("level", level, allowed=[x.value for x in ParticipationLevel])
        if stage is not None and not isinstance(stage, EngagementStage):
            raise InvalidValueError("stage", stage, allowed=[x.value for x in EngagementStage])
        if method is not None and not isinstance(method, MethodOfEngagement):
            raise InvalidValueError("method", method, allowed=[x.value for x in MethodOfEngagement])
        if participants is not None and not (_is_count(participants) and participants >= 1):
            raise InvalidValueError(
                "participants", participants, reason="must be a whole number ≥ 1"
            )
        matches = []
        for technique in self.techniques:
            score = 0
            reasons: list[str] = []
            if level is not None:
                if level not in technique.levels:
                    continue
                score += 1
                reasons.append(f"serves the {level.label} level")
            if method is not None:
                if technique.method is not method:
                    continue
                score += 1
                reasons.append(f"is a '{method.label.lower()}' method")
            if seldom_heard:
                if not technique.seldom_heard:
                    continue
                score += 1
                reasons.append(f"suits seldom-heard groups: {technique.seldom_heard_note}")
            if participants is not None:
                figure = technique.figure(Quantity.PARTICIPANTS)
                if figure is not None:
                    if not figure.contains(participants):
                        continue
                    score += 1
                    reasons.append(f"the source gives {figure.text} people; {participants} fits")
                else:
                    reasons.append("the source gives no participant numbers")
            if stage is not None:
                if stage in technique.stages:
                    score += 2
                    reasons.append(f"recommended for stage {stage.number} ({stage.value})")
                else:
                    reasons.append(
                        "not specifically recommended for this stage; "
                        "many techniques can be used across the cycle"
                    )
            matches.append(Match(technique=technique, score=score, reasons=tuple(reasons)))
        matches.sort(key=lambda m: (-m.score, m.technique.name.lower()))
        return tuple(matches)

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


@attrs.frozen(kw_only=True)
class _TechniquesFile:
    technique: tuple[Technique, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.unique(lambda t: t.id, "technique id")
    )


@functools.cache
def techniques() -> TechniqueCatalogue:
    """The built-in technique catalogue (loaded on first call, then cached).

    It holds every technique in Real Involvement's menu as quoted in Somerset's
    Appendix 1, and the techniques the other sources name.

    Examples:
        >>> len(techniques()) > 40
        True
    """
    from engagekit import _data

    raw = _data.load_builtin("techniques.toml", _TechniquesFile)
    return TechniqueCatalogue(techniques=raw.technique)


def load_techniques(source: str | Path | IO[bytes]) -> TechniqueCatalogue:
    """Load a technique catalogue from a TOML file in the built-in format.

    Raises:
        ParseError: the file is not TOML.
        DocumentError: naming the file, each bad key path and value (a duplicate
            id, an unknown method of engagement, a missing field …).

    Examples:
        >>> import io
        >>> text = b'''
        ... [[technique]]
        ... id = "walkabout"
        ... name = "Community walkabout"
        ... method = "getting-information"
        ... levels = ["consult"]
        ... description = "Walk the area with residents and hear what matters."
        ... source = { title = "Local engagement toolkit", publisher = "NHS Example ICB" }
        ... '''
        >>> local = load_techniques(io.BytesIO(text))
        >>> len(techniques().merged_with(local)) == len(techniques()) + 1
        True
    """
    from engagekit import _data

    return TechniqueCatalogue(techniques=_data.load_file(source, _TechniquesFile).technique)
