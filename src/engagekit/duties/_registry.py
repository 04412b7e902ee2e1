"""The duty registry: an immutable set of duty versions, asked questions by date."""

from __future__ import annotations

import bisect
import datetime as dt
import functools

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any

import attrs

from engagekit import _validate, _value
from engagekit._display import Displayable, Tabular, short_repr
from engagekit.duties import _loader
from engagekit.duties._bodies import BodyLike, BodyType, as_body_type
from engagekit.duties._model import Duty, Requirement, _date
from engagekit.duties._results import DutiesInForce, DutyList, trusted_duties_in_force
from engagekit.errors import InvalidValueError, UnknownNameError


if TYPE_CHECKING:
    from pathlib import Path

    from engagekit.duties._changes import DutyChanges


def _overlap(a: Duty, b: Duty) -> bool:
    a_end = a.in_force_to or dt.date.max
    b_end = b.in_force_to or dt.date.max
    return a.in_force_from < b_end and b.in_force_from < a_end


def _no_overlaps(instance: DutyRegistry, attribute: attrs.Attribute[Any], value: object) -> None:
    seen: dict[str, list[tuple[int, Duty]]] = {}
    for index, duty in enumerate(instance.duties):
        for other_index, other in seen.get(duty.id, []):
            if _overlap(duty, other):
                raise InvalidValueError(
                    "DutyRegistry.duties",
                    duty.id,
                    reason=(
                        f"version {duty.period} overlaps version {other.period} "
                        f"(item {other_index}); versions of one duty must not overlap"
                    ),
                )
        seen.setdefault(duty.id, []).append((index, duty))


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class DutyRegistry(Displayable, Tabular):
    """An immutable set of duties (and their versions), asked questions by date.

    Build it with [`registry`][engagekit.duties.registry] (the built-in duties),
    [`load_duties`][engagekit.duties.load_duties] (a file in the same TOML format) or
    from [`Duty`][engagekit.duties.Duty] values; combine registries with
    ``merged_with``. Nothing here mutates a shared registry.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.duties import registry
        >>> reg = registry()
        >>> reg  # doctest: +ELLIPSIS
        <DutyRegistry with ... duties and ... versions>
        >>> for version in reg.versions("nhs-act-s242"):
        ...     print(version.period)
        2007-03-01 to 2008-11-02
        2008-11-03 to 2013-03-31
        2013-04-01 to 2022-06-30
        from 2022-07-01
        >>> reg.get("nhs-act-s14z2").title
        'Public involvement by clinical commissioning groups'
        >>> reg.get("s14z2")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownNameError: unknown duty 's14z2'; did you mean 'nhs-act-s14z2'...?
    """

    duties: tuple[Duty, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.a_tuple, _validate.each(Duty), _no_overlaps],
    )
    _by_id: Mapping[str, tuple[Duty, ...]] = attrs.field(init=False, eq=False)
    _segments: Mapping[BodyType, tuple[dt.date, dt.date, list[dt.date], list[tuple[Duty, ...]]]] = (
        attrs.field(init=False, eq=False)
    )

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, list[Duty]] = {}
        for duty in self.duties:
            by_id.setdefault(duty.id, []).append(duty)
        versions = {k: tuple(sorted(v, key=lambda d: d.in_force_from)) for k, v in by_id.items()}
        object.__setattr__(self, "_by_id", MappingProxyType(versions))
        segments = {}
        for body in BodyType:
            binding = [d for d in self.duties if body in d.bodies]
            points = sorted(
                {d.in_force_from for d in binding}
                | {d.in_force_to for d in binding if d.in_force_to is not None}
            )
            # Segment 0 lies before the first boundary; segment i+1 starts at points[i].
            starts = [dt.date.min, *points]
            in_force = [tuple(d for d in binding if d.in_force_on(day)) for day in starts]
            # The days bodies of this kind existed, as a half-open range of dates.
            existed = (body.existed_from or dt.date.min, body.existed_to or dt.date.max)
            segments[body] = (*existed, points, in_force)
        # A plain dict (private, never handed out): the lookup is on the hot path.
        object.__setattr__(self, "_segments", segments)

    def __repr__(self) -> str:
        return short_repr(
            self, "DutyRegistry", [(len(self._by_id), "duties"), (len(self.duties), "versions")]
        )

    def __iter__(self) -> Iterator[Duty]:
        return iter(self.duties)

    def __len__(self) -> int:
        return len(self.duties)

    def __contains__(self, duty_id: object) -> bool:
        return duty_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        """Every duty id, in registry order (each once)."""
        return tuple(self._by_id)

    @property
    def earliest(self) -> dt.date | None:
        """The first day any duty here was in force (``None`` for an empty registry).

        Examples:
            >>> from engagekit.duties import registry
            >>> registry().earliest
            datetime.date(2001, 4, 2)
        """
        return min((d.in_force_from for d in self.duties), default=None)

    def versions(self, duty_id: str) -> DutyList:
        """Every version of a duty, oldest first.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        try:
            return DutyList(self._by_id[duty_id])
        except (KeyError, TypeError):
            raise UnknownNameError("duty", duty_id, choices=self._by_id) from None

    def get(self, duty_id: str, on: dt.date | str | None = None) -> Duty:
        """The duty with this id: the version in force ``on``, or the latest version.

        Raises:
            UnknownNameError: the id is unknown (naming the closest ids), or no
                version was in force on ``on``.
        """
        versions = self.versions(duty_id)
        if on is None:
            return versions[-1]
        day = _date("on", on)
        for duty in versions:
            if duty.in_force_on(day):
                return duty
        raise UnknownNameError(
            f"version of {duty_id!r} in force on",
            day.isoformat(),
            choices=[d.period for d in versions],
        )

    def requirement(self, requirement_id: str) -> tuple[Duty, Requirement]:
        """The latest duty version holding ``"<duty id>/<key>"``, and the requirement.

        Raises:
            UnknownNameError: naming the closest requirement ids.
        """
        duty_id, _, key = str(requirement_id).partition("/")
        for duty in reversed(self._by_id.get(duty_id, ())):
            for item in duty.requirements:
                if item.key == key:
                    return duty, item
        choices = sorted({d.requirement_id(r) for d in self.duties for r in d.requirements})
        raise UnknownNameError("requirement", requirement_id, choices=choices)

    def filter(self, predicate: Callable[[Duty], bool]) -> DutyRegistry:
        """A new registry with the duties for which ``predicate`` is true."""
        return DutyRegistry(duties=tuple(d for d in self.duties if predicate(d)))

    def in_force_on(self, on: dt.date | str) -> DutyList:
        """Every duty version in force on ``on``, in registry order.

        Examples:
            >>> from engagekit.duties import registry
            >>> ids = registry().in_force_on("2010-01-01").ids
            >>> "nhs-act-s242" in ids, "nhs-act-s14z2" in ids
            (True, False)
        """
        day = _date("on", on)
        return DutyList(d for d in self.duties if d.in_force_on(day))

    def for_body(self, body: BodyLike, on: dt.date | str | None = None) -> DutyList:
        """Every duty version that binds ``body`` (only those in force ``on``, if given).

        Unlike ``duties_for``, this does not ask whether such bodies existed.
        """
        kind = as_body_type(body)
        day = None if on is None else _date("on", on)
        return DutyList(
            d for d in self.duties if kind in d.bodies and (day is None or d.in_force_on(day))
        )

    def duties_for(self, body: BodyLike, on: dt.date | str) -> DutiesInForce:
        """The duties that bound ``body`` on ``on`` (see
        [`duties_for`][engagekit.duties.duties_for])."""
        kind = body if type(body) is BodyType else as_body_type(body)
        day = on if type(on) is _DATE else _date("on", on)
        start, end, points, in_force = self._segments[kind]
        if not start <= day < end:
            return trusted_duties_in_force(kind, day, (), _no_body(kind, day))
        found = in_force[_bisect_right(points, day)]
        if not found:
            article = "an" if kind.label[:1] in "aeiou" or kind.label.startswith("NHS") else "a"
            reason = f"no duty in this registry binds {article} {kind.label} on {day.isoformat()}"
            earliest = self.earliest
            if earliest is not None and day < earliest:
                reason += f": the earliest law engagekit encodes began on {earliest.isoformat()}"
            return trusted_duties_in_force(kind, day, (), reason)
        return trusted_duties_in_force(kind, day, found)

    def changes_between(self, start: dt.date | str, end: dt.date | str) -> DutyChanges:
        """What started, ended or changed after ``start`` up to and including ``end``.

        Raises:
            InvalidValueError: ``end`` is before ``start``.
        """
        # The change types load with the first comparison: registry() and duties_for
        # need none of them.
        from engagekit.duties._changes import BodyChange, DutyChange, DutyChangeKind, DutyChanges

        start = _date("start", start)
        end = _date("end", end)
        if end < start:
            raise InvalidValueError(
                "end", end.isoformat(), reason=f"must not be before start ({start.isoformat()})"
            )
        changes: list[DutyChange] = []
        for duty_id, versions in self._by_id.items():
            for index, duty in enumerate(versions):
                previous = versions[index - 1] if index else None
                following = versions[index + 1] if index + 1 < len(versions) else None
                if start < duty.in_force_from <= end:
                    if previous is not None and previous.in_force_to == duty.in_force_from:
                        changes.append(
                            DutyChange(
                                kind=DutyChangeKind.CHANGED,
                                duty_id=duty_id,
                                on=duty.in_force_from,
                                before=previous,
                                after=duty,
                            )
                        )
                    else:
                        changes.append(
                            DutyChange(
                                kind=DutyChangeKind.STARTED,
                                duty_id=duty_id,
                                on=duty.in_force_from,
                                after=duty,
                            )
                        )
                ends = duty.in_force_to
                if ends is None or not start < ends <= end:
                    continue
                if following is None or following.in_force_from != ends:
                    changes.append(
                        DutyChange(kind=DutyChangeKind.ENDED, duty_id=duty_id, on=ends, before=duty)
                    )
        order = {kind: i for i, kind in enumerate(DutyChangeKind)}
        changes.sort(key=lambda c: (c.on, order[c.kind], c.duty_id))
        bodies = []
        for body in BodyType:
            if body.existed_from is not None and start < body.existed_from <= end:
                bodies.append(BodyChange(body=body, on=body.existed_from, started=True))
            if body.existed_to is not None and start < body.existed_to <= end:
                bodies.append(BodyChange(body=body, on=body.existed_to, started=False))
        bodies.sort(key=lambda b: (b.on, b.started, b.body.value))
        return DutyChanges(start=start, end=end, changes=tuple(changes), bodies=tuple(bodies))

    def merged_with(self, other: DutyRegistry | Iterable[Duty]) -> DutyRegistry:
        """A new registry with this one's duties followed by ``other``'s.

        A local duty may add a new id or a new version of an existing id, as long
        as versions do not overlap.

        Raises:
            InvalidValueError: a version in ``other`` overlaps one here.
        """
        return DutyRegistry(duties=self.duties + tuple(other))  # a registry iterates its duties


def _plural(body: BodyType) -> str:
    label = body.label
    return label[:-1] + "ies" if label.endswith("y") else label + "s"


def _no_body(body: BodyType, on: dt.date) -> str:
    day = on.isoformat()
    if body is BodyType.NHS_ENGLAND:
        return f"NHS England did not exist on {day}: it was established on {body.existed_from}"
    return f"no {_plural(body)} existed on {day}: {_span(body)}"


@functools.cache
def _span(body: BodyType) -> str:
    """When bodies of a kind existed, in words (the same for every day it is asked)."""
    start, end = body.existed_from, body.existed_to
    if start is not None and end is not None:
        last = (end - dt.timedelta(days=1)).isoformat()
        span = f"they existed from {start.isoformat()} to {last}"
    elif start is not None:
        span = f"the first were established on {start.isoformat()}"
    elif end is not None:
        span = f"they ceased to exist on {end.isoformat()}"
    else:
        span = "engagekit records no dates for them"
    return span


def registry() -> DutyRegistry:
    """The built-in duties (read from the data files on first call, then cached).

    Examples:
        >>> reg = registry()
        >>> "nhs-act-s14z45" in reg and "equality-act-s149" in reg
        True
    """
    return _builtin()


_bisect_right = bisect.bisect_right
_DATE = dt.date


@functools.cache
def _builtin() -> DutyRegistry:
    return DutyRegistry(duties=_loader.builtin())


def load_duties(source: str | Path | IO[bytes]) -> DutyRegistry:
    """Load a registry of (local) duties from a TOML file in the built-in format.

    Raises:
        ParseError: the file is not TOML.
        DocumentError: naming the file, each bad key path and value: an unknown key,
            a missing citation, a period that ends before it starts, overlapping
            versions of one duty, an unknown body type, all at once.

    Examples:
        >>> import io
        >>> text = b'''
        ... [[duty]]
        ... id = "local-engagement-charter"
        ... title = "Local engagement charter"
        ... summary = "Publish an engagement plan each year."
        ... force = "local-practice"
        ... citation = { instrument = "Example ICB constitution", section = "Part 5" }
        ... bodies = ["icb"]
        ... in_force_from = 2023-04-01
        ... verified = true
        ... reviewed_on = 2024-01-15
        ... source = { title = "Constitution", publisher = "NHS Example ICB" }
        ... [[duty.requirements]]
        ... key = "plan"
        ... text = "Publish the engagement plan"
        ... window = "financial-year"
        ... '''
        >>> local = load_duties(io.BytesIO(text))
        >>> merged = registry().merged_with(local)
        >>> len(merged) == len(registry()) + 1
        True
    """
    return DutyRegistry(duties=_loader.read_file(source))


def duties_for(
    body: BodyLike, on: dt.date | str, *, registry: DutyRegistry | None = None
) -> DutiesInForce:
    """The duties that bound a kind of body on a day.

    If no body of that kind existed on the day, the result is empty and its
    ``reason`` says why.

    Args:
        body: the kind of body: a [`BodyType`][engagekit.duties.BodyType], its text
            ("icb", "CCG", "integrated care board"), or any object with a
            ``body_type`` (a body of an escalation network).
        on: the day the duties were in force: a date or ``YYYY-MM-DD`` text.
        registry: the registry to ask (default: the built-in duties).

    Raises:
        UnknownChoiceError: ``body`` is text that names no body type.
        InvalidTypeError: ``body`` or ``on`` is of the wrong type.

    Examples:
        >>> import datetime as dt
        >>> found = duties_for(BodyType.CCG, dt.date(2018, 6, 1))
        >>> "nhs-act-s14z2" in found, "equality-act-s149" in found, "nhs-act-s14z45" in found
        (True, True, False)
        >>> "nhs-act-s14z45" in duties_for("icb", "2023-01-01")
        True
    """
    if registry is None:
        return _builtin().duties_for(body, on)
    if not isinstance(registry, DutyRegistry):
        from engagekit.errors import InvalidTypeError

        raise InvalidTypeError("registry", registry, expected="a DutyRegistry")
    return registry.duties_for(body, on)
