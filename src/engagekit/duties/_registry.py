"""The duty registry: the built-in duties, user files, and questions by date."""

from __future__ import annotations

import bisect
import datetime as dt
import functools

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from engagekit import _validate
from engagekit._display import Displayable
from engagekit.choices import Choice
from engagekit.duties._bodies import BodyType
from engagekit.duties._model import Duty, Requirement, require_date
from engagekit.errors import DocumentError, InvalidValueError, UnknownNameError


#: The built-in duty files, one per instrument, in the order the registry lists them.
INSTRUMENT_FILES = (
    "duties/hsca-2001.toml",
    "duties/nhs-act-2006.toml",
    "duties/equality-act-2010.toml",
    "duties/real-involvement-2008.toml",
    "duties/transforming-participation-2013.toml",
    "duties/participation-guidance-2017.toml",
    "duties/working-in-partnership-2022.toml",
    "duties/scrutiny-regulations-2013.toml",
    "duties/service-change-tests.toml",
    "duties/nhs-standard-contract.toml",
)


def _overlap(a: Duty, b: Duty) -> bool:
    a_end = a.in_force_to or dt.date.max
    b_end = b.in_force_to or dt.date.max
    return a.in_force_from < b_end and b.in_force_from < a_end


@attrs.frozen(kw_only=True)
class DutiesInForce(Displayable):
    """The duties that bound a kind of body on a day: what :func:`duties_for` returns.

    It behaves as a sequence of :class:`Duty` (iterate, ``len``, index, ``in`` by
    duty or id) and says why when it is empty.

    Attributes:
        body: the kind of body.
        on: the day.
        duties: the duties in force for it that day, in registry order.
        reason: why there are none, when there are none.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.duties import BodyType, duties_for
        >>> none = duties_for(BodyType.CCG, dt.date(2023, 1, 1))
        >>> len(none)
        0
        >>> print(none.reason)  # doctest: +NORMALIZE_WHITESPACE
        no clinical commissioning groups existed on 2023-01-01:
        they existed from 2013-04-01 to 2022-06-30
    """

    body: BodyType = attrs.field(validator=_validate.member_of(BodyType))
    on: dt.date = attrs.field(validator=_validate.a_date)
    duties: tuple[Duty, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Duty)
    )
    reason: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __iter__(self) -> Iterator[Duty]:
        return iter(self.duties)

    def __len__(self) -> int:
        return len(self.duties)

    def __getitem__(self, index: int) -> Duty:
        return self.duties[index]

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(d.id == item for d in self.duties)
        return item in self.duties

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the duties, in order."""
        return tuple(d.id for d in self.duties)

    @property
    def unverified(self) -> tuple[Duty, ...]:
        """The duties whose records are not verified against a primary source."""
        return tuple(d for d in self.duties if not d.verified)


class ChangeKind(Choice):
    """How a duty changed: it started, ended, or was replaced by a new version."""

    STARTED = "started"
    CHANGED = "changed"
    ENDED = "ended"


@attrs.frozen(kw_only=True)
class DutyChange:
    """One change in the law: a duty started, ended, or changed version on a day.

    ``before`` is the version that stopped applying (``None`` if the duty started);
    ``after`` the version that began (``None`` if it ended).
    """

    kind: ChangeKind = attrs.field(validator=_validate.member_of(ChangeKind))
    duty_id: str = attrs.field(validator=_validate.text)
    on: dt.date = attrs.field(validator=_validate.a_date)
    before: Duty | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(Duty))
    )
    after: Duty | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(Duty))
    )

    @property
    def title(self) -> str:
        """The title of the version that applies after the change (or before it, if ended)."""
        duty = self.after or self.before
        assert duty is not None
        return duty.title


@attrs.frozen(kw_only=True)
class BodyChange:
    """A kind of body that came into being or ceased to exist on a day."""

    body: BodyType = attrs.field(validator=_validate.member_of(BodyType))
    on: dt.date = attrs.field(validator=_validate.a_date)
    started: bool = attrs.field(validator=_validate.instance_of(bool))


@attrs.frozen(kw_only=True)
class DutyChanges(Displayable):
    """What changed after ``start`` up to and including ``end``.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.duties import registry
        >>> moved = registry().changes_between(dt.date(2022, 6, 30), dt.date(2022, 7, 1))
        >>> "nhs-act-s14z2" in [c.duty_id for c in moved.ended]
        True
        >>> "nhs-act-s14z45" in [c.duty_id for c in moved.started]
        True
        >>> [(b.body.value, b.started) for b in moved.bodies]
        [('ccg', False), ('icb', True)]
    """

    start: dt.date = attrs.field(validator=_validate.a_date)
    end: dt.date = attrs.field(validator=_validate.a_date)
    changes: tuple[DutyChange, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(DutyChange)
    )
    bodies: tuple[BodyChange, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(BodyChange)
    )

    def _of(self, kind: ChangeKind) -> tuple[DutyChange, ...]:
        return tuple(c for c in self.changes if c.kind is kind)

    @property
    def started(self) -> tuple[DutyChange, ...]:
        """Duties that came into force."""
        return self._of(ChangeKind.STARTED)

    @property
    def ended(self) -> tuple[DutyChange, ...]:
        """Duties that stopped applying."""
        return self._of(ChangeKind.ENDED)

    @property
    def changed(self) -> tuple[DutyChange, ...]:
        """Duties replaced by a new version."""
        return self._of(ChangeKind.CHANGED)

    def __len__(self) -> int:
        return len(self.changes)


def _no_overlaps(instance: DutyRegistry, attribute: attrs.Attribute[Any], value: object) -> None:
    problems = _overlap_problems(instance.duties)
    if problems:
        raise InvalidValueError("DutyRegistry.duties", problems[0][1], reason=problems[0][2])


def _overlap_problems(duties: Iterable[Duty]) -> list[tuple[int, str, str]]:
    """(index, id, reason) for every version that overlaps an earlier one."""
    seen: dict[str, list[tuple[int, Duty]]] = {}
    problems = []
    for index, duty in enumerate(duties):
        for other_index, other in seen.get(duty.id, []):
            if _overlap(duty, other):
                problems.append(
                    (
                        index,
                        duty.id,
                        (
                            f"version {duty.period} overlaps version {other.period} "
                            f"(item {other_index}); versions of one duty must not overlap"
                        ),
                    )
                )
        seen.setdefault(duty.id, []).append((index, duty))
    return problems


@attrs.frozen(kw_only=True)
class DutyRegistry:
    """An immutable set of duties (and their versions), asked questions by date.

    Build it with :func:`registry` (the built-in duties), :func:`load_duties` (a
    file in the same TOML format) or from :class:`Duty` values; combine registries
    with :meth:`merged_with`. Nothing here mutates a shared registry.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.duties import BodyType, registry
        >>> reg = registry()
        >>> for version in reg.versions("nhs-act-s242"):
        ...     print(version.period)
        2006 to 2008-11-02
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
        converter=_validate.to_tuple, validator=[_validate.each(Duty), _no_overlaps]
    )
    _by_id: dict[str, tuple[Duty, ...]] = attrs.field(init=False, eq=False, repr=False)
    _segments: dict[BodyType, tuple[list[dt.date], list[tuple[Duty, ...]]]] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, list[Duty]] = {}
        for duty in self.duties:
            by_id.setdefault(duty.id, []).append(duty)
        object.__setattr__(
            self,
            "_by_id",
            {k: tuple(sorted(v, key=lambda d: d.in_force_from)) for k, v in by_id.items()},
        )
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
            segments[body] = (points, in_force)
        object.__setattr__(self, "_segments", segments)

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

    def versions(self, duty_id: str) -> tuple[Duty, ...]:
        """Every version of a duty, oldest first.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        try:
            return self._by_id[duty_id]
        except KeyError:
            raise UnknownNameError("duty", duty_id, choices=self._by_id) from None

    def get(self, duty_id: str, on: dt.date | None = None) -> Duty:
        """The duty with this id: the version in force ``on``, or the latest version.

        Raises:
            UnknownNameError: the id is unknown (naming the closest ids), or no
                version was in force on ``on``.
        """
        versions = self.versions(duty_id)
        if on is None:
            return versions[-1]
        for duty in versions:
            if duty.in_force_on(on):
                return duty
        raise UnknownNameError(
            f"version of {duty_id!r} in force on {on.isoformat()}",
            on.isoformat(),
            choices=[d.period for d in versions],
        )

    def requirement(self, requirement_id: str) -> tuple[Duty, Requirement]:
        """The latest duty version holding ``"<duty id>/<key>"``, and the requirement.

        Raises:
            UnknownNameError: naming the closest requirement ids.
        """
        duty_id, _, key = requirement_id.partition("/")
        for duty in reversed(self._by_id.get(duty_id, ())):
            for item in duty.requirements:
                if item.key == key:
                    return duty, item
        choices = sorted({d.requirement_id(r) for d in self.duties for r in d.requirements})
        raise UnknownNameError("requirement", requirement_id, choices=choices)

    def filter(self, predicate: Callable[[Duty], bool]) -> DutyRegistry:
        """A new registry with the duties for which ``predicate`` is true."""
        return DutyRegistry(duties=tuple(d for d in self.duties if predicate(d)))

    def in_force_on(self, on: dt.date) -> tuple[Duty, ...]:
        """Every duty version in force on ``on``, in registry order.

        Examples:
            >>> import datetime as dt
            >>> from engagekit.duties import registry
            >>> ids = [d.id for d in registry().in_force_on(dt.date(2010, 1, 1))]
            >>> "nhs-act-s242" in ids, "nhs-act-s14z2" in ids
            (True, False)
        """
        require_date("on", on)
        return tuple(d for d in self.duties if d.in_force_on(on))

    def for_body(self, body: BodyType, on: dt.date | None = None) -> tuple[Duty, ...]:
        """Every duty version that binds ``body`` (only those in force ``on``, if given).

        Unlike :meth:`duties_for`, this does not ask whether such bodies existed.
        """
        if not isinstance(body, BodyType):
            raise InvalidValueError("body", body, allowed=[b.value for b in BodyType])
        return tuple(
            d for d in self.duties if body in d.bodies and (on is None or d.in_force_on(on))
        )

    def duties_for(self, body: BodyType, on: dt.date) -> DutiesInForce:
        """The duties that bound ``body`` on ``on`` (see :func:`duties_for`)."""
        if not isinstance(body, BodyType):
            raise InvalidValueError("body", body, allowed=[b.value for b in BodyType])
        require_date("on", on)
        if not body.exists_on(on):
            return DutiesInForce(body=body, on=on, duties=(), reason=_no_body(body, on))
        points, in_force = self._segments[body]
        found = in_force[bisect.bisect_right(points, on)]
        if not found:
            reason = f"no duty in this registry binds a {body.label} on {on.isoformat()}"
            return DutiesInForce(body=body, on=on, duties=(), reason=reason)
        return DutiesInForce(body=body, on=on, duties=found)

    def changes_between(self, start: dt.date, end: dt.date) -> DutyChanges:
        """What started, ended or changed after ``start`` up to and including ``end``.

        Raises:
            InvalidValueError: ``end`` is before ``start``.
        """
        require_date("start", start)
        require_date("end", end)
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
                                kind=ChangeKind.CHANGED,
                                duty_id=duty_id,
                                on=duty.in_force_from,
                                before=previous,
                                after=duty,
                            )
                        )
                    else:
                        changes.append(
                            DutyChange(
                                kind=ChangeKind.STARTED,
                                duty_id=duty_id,
                                on=duty.in_force_from,
                                after=duty,
                            )
                        )
                ends = duty.in_force_to
                ended = ends is not None and start < ends <= end
                if ended and (following is None or following.in_force_from != ends):
                    assert ends is not None
                    changes.append(
                        DutyChange(kind=ChangeKind.ENDED, duty_id=duty_id, on=ends, before=duty)
                    )
        order = {kind: i for i, kind in enumerate(ChangeKind)}
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
        extra = other.duties if isinstance(other, DutyRegistry) else tuple(other)
        return DutyRegistry(duties=self.duties + extra)

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


def _plural(body: BodyType) -> str:
    label = body.label
    return label if label == "NHS England" else label + "s"


def _no_body(body: BodyType, on: dt.date) -> str:
    start, end = body.existed_from, body.existed_to
    if body is BodyType.NHS_ENGLAND:
        return f"NHS England did not exist on {on.isoformat()}: it was established on {start}"
    if start is not None and end is not None:
        last = (end - dt.timedelta(days=1)).isoformat()
        span = f"they existed from {start.isoformat()} to {last}"
    elif start is not None:
        span = f"the first were established on {start.isoformat()}"
    else:
        assert end is not None
        span = f"they ceased to exist on {end.isoformat()}"
    return f"no {_plural(body)} existed on {on.isoformat()}: {span}"


@attrs.frozen(kw_only=True)
class _DutiesFile:
    duty: tuple[Duty, ...] = attrs.field(converter=_validate.to_tuple)


def _raw_overlaps(data: Any) -> list[str]:
    """Overlap problems found in raw file data, so they join the structural ones."""
    items = data.get("duty") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    seen: dict[str, list[tuple[int, dt.date, dt.date]]] = {}
    problems = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        duty_id, start, end = item.get("id"), item.get("in_force_from"), item.get("in_force_to")
        if not isinstance(duty_id, str) or not isinstance(start, dt.date):
            continue
        stop = end if isinstance(end, dt.date) else dt.date.max
        for other_index, o_start, o_stop in seen.get(duty_id, []):
            if start < o_stop and o_start < stop:
                problems.append(
                    f"$.duty[{index}]: {duty_id!r} from {start.isoformat()} overlaps "
                    f"$.duty[{other_index}] (from {o_start.isoformat()}); versions of one "
                    "duty must not overlap"
                )
        seen.setdefault(duty_id, []).append((index, start, stop))
    return problems


def _load(data: dict[str, Any], origin: str) -> tuple[Duty, ...]:
    from engagekit import _data, io

    resolved, problems = _data.resolve_citations(data, origin)
    problems.extend(_raw_overlaps(resolved))
    try:
        loaded = io.from_dict(resolved, _DutiesFile, origin=origin)
    except DocumentError as exc:
        raise DocumentError(origin, [*exc.problems, *problems]) from None
    if problems:
        raise DocumentError(origin, problems)
    return loaded.duty


def registry() -> DutyRegistry:
    """The built-in duties (read from the data files on first call, then cached).

    Examples:
        >>> reg = registry()
        >>> "nhs-act-s14z45" in reg and "equality-act-s149" in reg
        True
    """
    return _builtin()


@functools.cache
def _builtin() -> DutyRegistry:
    from engagekit import _data

    duties: list[Duty] = []
    for filename in INSTRUMENT_FILES:
        raw = _data._read_builtin(filename)  # noqa: SLF001 - the package's own data reader
        duties.extend(_load(raw, f"engagekit/data/{filename}"))
    return DutyRegistry(duties=tuple(duties))


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
        ... kind = "policy"
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
    from engagekit import io

    origin = str(source) if isinstance(source, str | Path) else getattr(source, "name", "<toml>")
    return DutyRegistry(duties=_load(io.read_toml(source, origin=origin), origin))


def duties_for(
    body: BodyType, on: dt.date, *, registry: DutyRegistry | None = None
) -> DutiesInForce:
    """The duties that bound a kind of body on a day.

    If no body of that kind existed on the day, the result is empty and its
    ``reason`` says why.

    Args:
        body: the kind of body.
        on: the day.
        registry: the registry to ask (default: the built-in duties).

    Examples:
        >>> import datetime as dt
        >>> found = duties_for(BodyType.CCG, dt.date(2018, 6, 1))
        >>> "nhs-act-s14z2" in found, "equality-act-s149" in found, "nhs-act-s14z45" in found
        (True, True, False)
    """
    reg = registry if registry is not None else _builtin()
    return reg.duties_for(body, on)
