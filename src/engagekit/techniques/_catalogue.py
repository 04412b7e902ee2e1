"""The technique catalogue, choosing techniques for a purpose, and loading catalogues."""

from __future__ import annotations

import functools

from collections.abc import Iterable, Iterator
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, ClassVar

import attrs

from engagekit import _validate, _value
from engagekit._display import Displayable, Listing, Tabular, short_repr
from engagekit.cycles import EngagementStage, MethodOfEngagement, ParticipationLevel
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from engagekit.techniques._model import Quantity, Technique


if TYPE_CHECKING:
    from pathlib import Path


@attrs.frozen(kw_only=True)
@_value.shared_methods
class Match:
    """A technique chosen by [`select`][engagekit.techniques.select], with why it matched.

    Attributes:
        technique: the technique.
        score: how many of the asked-for purposes it serves (a stage recommendation
            counts 2).
        reasons: why it was chosen, one sentence per purpose.

    Examples:
        >>> from engagekit.techniques import select
        >>> match = select(stage="monitor")[0]
        >>> match.score, match.reasons[0]
        (2, 'recommended for stage 5 (monitor)')
    """

    technique: Technique
    score: int
    reasons: tuple[str, ...]


class Matches(Listing[Match]):
    """The techniques [`select`][engagekit.techniques.select] chose, best first.

    A read-only sequence of [`Match`][engagekit.techniques.Match] values; `str()` is a
    table, or an entry per match where a table would be wider than 100 columns (a
    technique's id cannot wrap); notebooks show an HTML table, `to_records()` gives one
    dict per match.

    Examples:
        >>> from engagekit.techniques import select
        >>> best = select(level="collaborate", participants=1000)
        >>> best
        <Matches with 24 techniques>
        >>> best.to_records()[0]["technique"]
        '21st century town meeting'
    """

    __slots__ = ()

    noun = "techniques"
    columns: ClassVar[tuple[str, ...]] = ("technique", "id", "method", "score", "reasons")

    def row(self, item: Match) -> tuple[object, ...]:
        """The match as a row: name, id, method, score and reasons."""
        t = item.technique
        return (t.name, t.id, t.method, item.score, "; ".join(item.reasons))


def _techniques(value: object) -> tuple[Technique, ...]:
    items = _validate.to_tuple(value)
    if not isinstance(items, tuple):
        raise InvalidTypeError("TechniqueCatalogue.techniques", value, expected="a list")
    return items


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class TechniqueCatalogue(Displayable, Tabular):
    """A read-only catalogue of techniques, keyed by id.

    Build one with [`catalogue`][engagekit.techniques.catalogue] (the built-in one),
    [`load_techniques`][engagekit.techniques.load_techniques] (a file in the same TOML
    format) or directly from [`Technique`][engagekit.techniques.Technique] values;
    combine catalogues with `merged_with`.

    Examples:
        >>> from engagekit.techniques import catalogue
        >>> techniques = catalogue()
        >>> techniques
        <TechniqueCatalogue with 68 techniques>
        >>> "citizens-jury" in techniques
        True
        >>> techniques.get("citizens jury")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownNameError: unknown technique 'citizens jury'; did you mean ...?
    """

    techniques: tuple[Technique, ...] = attrs.field(
        converter=_techniques,
        validator=[_validate.each(Technique), _validate.unique(lambda t: t.id, "technique id")],
    )
    _index: MappingProxyType[str, Technique] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", MappingProxyType({t.id: t for t in self.techniques}))

    def __repr__(self) -> str:
        return short_repr(self, "TechniqueCatalogue", [(len(self.techniques), "techniques")])

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
        key: object = technique_id  # a caller may pass anything; only text can match
        found = self._index.get(key) if isinstance(key, str) else None
        if found is None:
            raise UnknownNameError("technique", technique_id, choices=self._index)
        return found

    @property
    def ids(self) -> tuple[str, ...]:
        """Every technique id, in catalogue order."""
        return tuple(self._index)

    def merged_with(self, other: TechniqueCatalogue | Iterable[Technique]) -> TechniqueCatalogue:
        """A new catalogue with this one's techniques followed by `other`'s.

        Raises:
            InvalidValueError: an id appears in both.
        """
        extra = other.techniques if isinstance(other, TechniqueCatalogue) else tuple(other)
        return TechniqueCatalogue(techniques=self.techniques + extra)

    def select(
        self,
        *,
        level: ParticipationLevel | str | None = None,
        stage: EngagementStage | str | int | None = None,
        method: MethodOfEngagement | str | None = None,
        seldom_heard: bool | None = None,
        participants: int | None = None,
    ) -> Matches:
        """Techniques suited to a purpose, best first, each with its reasons.

        `level`, `method`, `seldom_heard=True` and `participants` filter: a technique
        is left out if it does not serve the level or method, is not suited to
        seldom-heard groups, or has a participant figure that excludes the number.
        `stage` ranks: techniques the Sutton appendix recommends for the stage come
        first; the source says that many techniques can be used across the cycle, so
        the others are kept. Ties are broken by name.

        Args:
            level: a participation level, or its name as text (`"collaborate"`).
            stage: an Engagement Cycle stage, its name, or its number 1 to 5.
            method: a method of engagement, or its name as text.
            seldom_heard: `True` to keep only techniques suited to seldom-heard groups.
            participants: how many people will take part (any whole number, at least 1).

        Raises:
            UnknownChoiceError: text that names no level, stage or method.
            InvalidTypeError: an argument of the wrong type (`participants=2.5`).
            InvalidValueError: `participants` below 1.

        Examples:
            >>> from engagekit.techniques import catalogue
            >>> best = catalogue().select(level="collaborate", participants=1000)
            >>> best[0].technique.name
            '21st century town meeting'
            >>> best[0].reasons[0]
            'serves the Collaborate level'
        """
        level_ = None if level is None else ParticipationLevel.parse(level, field="level")
        stage_ = None if stage is None else EngagementStage.parse(stage, field="stage")
        method_ = None if method is None else MethodOfEngagement.parse(method, field="method")
        if seldom_heard is not None and not isinstance(seldom_heard, bool):
            raise InvalidTypeError("seldom_heard", seldom_heard, expected="true, false or None")
        count = None if participants is None else _validate.as_int("participants", participants)
        if count is not None and count < 1:
            raise InvalidValueError("participants", participants, reason="must be at least 1")
        matches = []
        for technique in self.techniques:
            score = 0
            reasons: list[str] = []
            if level_ is not None:
                if level_ not in technique.levels:
                    continue
                score += 1
                reasons.append(f"serves the {level_.label} level")
            if method_ is not None:
                if technique.method is not method_:
                    continue
                score += 1
                reasons.append(f"is a '{method_.label.lower()}' method")
            if seldom_heard:
                if not technique.seldom_heard:
                    continue
                score += 1
                reasons.append(f"suits seldom-heard groups: {technique.seldom_heard_note}")
            if count is not None:
                figure = technique.figure(Quantity.PARTICIPANTS)
                if figure is not None:
                    if not figure.contains(count):
                        continue
                    score += 1
                    reasons.append(f"the source gives {figure.text} people; {count} fits")
                else:
                    reasons.append("the source gives no participant numbers")
            if stage_ is not None:
                if stage_ in technique.stages:
                    score += 2
                    reasons.append(f"recommended for stage {stage_.number} ({stage_.value})")
                else:
                    reasons.append(
                        "not specifically recommended for this stage; "
                        "many techniques can be used across the cycle"
                    )
            matches.append(Match(technique=technique, score=score, reasons=tuple(reasons)))
        matches.sort(key=lambda m: (-m.score, m.technique.name.lower()))
        return Matches(matches)


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _TechniquesFile:
    technique: tuple[Technique, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.a_tuple, _validate.unique(lambda t: t.id, "technique id")],
    )


@functools.cache
def catalogue() -> TechniqueCatalogue:
    """The built-in technique catalogue (loaded on first call, then cached).

    It holds every technique in Real Involvement's menu as quoted in Somerset's
    Appendix 1, and the techniques the other sources name. The catalogue is
    immutable, so every caller shares the same one safely.

    Examples:
        >>> len(catalogue()) > 40
        True
        >>> catalogue() is catalogue()
        True
    """
    from engagekit import _data

    raw = _data.load_builtin("techniques.toml", _TechniquesFile)
    return TechniqueCatalogue(techniques=raw.technique)


def select(
    *,
    level: ParticipationLevel | str | None = None,
    stage: EngagementStage | str | int | None = None,
    method: MethodOfEngagement | str | None = None,
    seldom_heard: bool | None = None,
    participants: int | None = None,
) -> Matches:
    """Techniques from the built-in catalogue suited to a purpose, best first.

    The same as `catalogue().select(...)`; see
    [`TechniqueCatalogue.select`][engagekit.techniques.TechniqueCatalogue.select].

    Examples:
        >>> best = select(level="collaborate", participants=1000)
        >>> best[0].technique.id
        'twenty-first-century-town-meeting'
    """
    return catalogue().select(
        level=level,
        stage=stage,
        method=method,
        seldom_heard=seldom_heard,
        participants=participants,
    )


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
        >>> len(catalogue().merged_with(local)) == len(catalogue()) + 1
        True
    """
    from engagekit import _data

    return TechniqueCatalogue(techniques=_data.load_file(source, _TechniquesFile).technique)
