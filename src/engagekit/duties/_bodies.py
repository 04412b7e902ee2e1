"""The kinds of NHS and local-government body a duty can bind, with their dates."""

from __future__ import annotations

import datetime as dt

from typing import Protocol, runtime_checkable

from engagekit.choices import Choice, aliases
from engagekit.errors import InvalidTypeError, InvalidValueError


class BodyType(Choice):
    """A kind of body that duties bind, with the dates that kind existed.

    ``existed_from`` is ``None`` where the kind already existed when engagekit's
    timeline starts (2001) and its start is not encoded; ``existed_to`` is the first
    day on which it no longer existed, or ``None`` if it still exists.

    Examples:
        >>> BodyType.CCG.existed_to
        datetime.date(2022, 7, 1)
        >>> BodyType.CCG.exists_on(dt.date(2023, 1, 1))
        False
        >>> BodyType.parse("Integrated Care Board")
        <BodyType.ICB: 'icb'>

    References:
        Strategic health authorities from 1 October 2002 (National Health Service Reform
        and Health Care Professions Act 2002 s1); NHS foundation trusts from 1 April 2004
        (S.I. 2004/759, art 2). CCGs abolished and 42 ICBs established on 1 July 2022
        (NHS Act 2006 s14Z27; S.I. 2022/734). Commissioners moved to s13Q/s14Z2 after
        1 April 2013. Health and Wellbeing Boards have existed in every top-tier
        authority since April 2013 (Oxfordshire CCG strategy, Appendix 2). NHS
        Commissioning Board established 1 October 2012, called NHS England from
        1 April 2013.
    """

    PCT = "pct"
    SHA = "sha"
    CCG = "ccg"
    ICB = "icb"
    NHS_ENGLAND = "nhs-england"
    NHS_TRUST = "nhs-trust"
    FOUNDATION_TRUST = "foundation-trust"
    LOCAL_AUTHORITY = "local-authority"
    HEALTH_AND_WELLBEING_BOARD = "health-and-wellbeing-board"
    GP_PRACTICE = "gp-practice"

    @property
    def label(self) -> str:
        """The kind's name in words, e.g. ``"clinical commissioning group"``."""
        return _LABELS[self][0]

    @property
    def abbreviation(self) -> str:
        """The usual short name, e.g. ``"CCG"``."""
        return _LABELS[self][1]

    @property
    def with_article(self) -> str:
        """The abbreviation with "a" or "an", as it is read aloud: ``"an ICB"``, ``"a CCG"``."""
        short = self.abbreviation
        spoken_vowel = short.isupper() and short[0] in "AEFHILMNORSX"
        return f"{'an' if spoken_vowel else 'a'} {short}"

    @property
    def existed_from(self) -> dt.date | None:
        """The first day this kind of body existed, if engagekit records it."""
        return _DATES[self][0]

    @property
    def existed_to(self) -> dt.date | None:
        """The first day this kind of body no longer existed, or ``None``."""
        return _DATES[self][1]

    @property
    def dates_note(self) -> str:
        """Where the dates come from and how sure they are."""
        return _DATES[self][2]

    @property
    def dates_verified(self) -> bool:
        """Whether every encoded date of this kind was checked against a primary source.

        Examples:
            >>> BodyType.FOUNDATION_TRUST.dates_verified, BodyType.PCT.dates_verified
            (True, False)
        """
        return self not in _UNVERIFIED_DATES

    def exists_on(self, on: dt.date | str) -> bool:
        """Whether bodies of this kind existed on ``on`` (a date or ``YYYY-MM-DD`` text).

        Examples:
            >>> BodyType.PCT.exists_on(dt.date(2010, 1, 1))
            True
            >>> BodyType.ICB.exists_on("2022-06-30")
            False
        """
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            from engagekit import _validate

            on = _validate.as_date("on", on)
        start, end, _ = _DATES[self]
        return (start is None or start <= on) and (end is None or on < end)


_LABELS = {
    BodyType.PCT: ("primary care trust", "PCT"),
    BodyType.SHA: ("strategic health authority", "SHA"),
    BodyType.CCG: ("clinical commissioning group", "CCG"),
    BodyType.ICB: ("integrated care board", "ICB"),
    BodyType.NHS_ENGLAND: ("NHS England", "NHSE"),
    BodyType.NHS_TRUST: ("NHS trust", "trust"),
    BodyType.FOUNDATION_TRUST: ("NHS foundation trust", "FT"),
    BodyType.LOCAL_AUTHORITY: ("local authority", "LA"),
    BodyType.HEALTH_AND_WELLBEING_BOARD: ("health and wellbeing board", "HWB"),
    BodyType.GP_PRACTICE: ("GP practice", "practice"),
}

_BEFORE = "existed before 2001, where engagekit's timeline starts; start not encoded"
_2013 = dt.date(2013, 4, 1)
_2022 = dt.date(2022, 7, 1)

_DATES: dict[BodyType, tuple[dt.date | None, dt.date | None, str]] = {
    BodyType.PCT: (
        None,
        _2013,
        (
            "established by order under s16A of the National Health Service Act 1977 "
            "(inserted by the Health Act 1999 s2); PCT establishment orders of 2001 are "
            "revoked by S.I. 2003/1066 (legislation.gov.uk), but the day the first PCTs were "
            "established is not verified, so no start is encoded; abolished by the Health "
            "and Social Care Act 2012 s34 on 1 April 2013, when commissioners moved to "
            "s13Q/s14Z2 (the day is partly verified: S.I. 2013/160 art 2(2) appoints "
            "1 April 2013 for Part 1 of the Act, but the line naming s34 was not seen)"
        ),
    ),
    BodyType.SHA: (
        dt.date(2002, 10, 1),
        _2013,
        (
            "English health authorities became strategic health authorities on 1 October 2002 "
            "(National Health Service Reform and Health Care Professions Act 2002 s1, wholly in "
            "force at 1.10.2002: legislation.gov.uk); abolished by the Health and Social Care "
            "Act 2012 s33 ('The Strategic Health Authorities ... are abolished', "
            "legislation.gov.uk) on 1 April 2013 (partly verified: S.I. 2013/160 art 2(2) "
            "appoints 1 April 2013 for Part 1 of the Act, but the line naming s33 was not seen)"
        ),
    ),
    BodyType.CCG: (
        _2013,
        _2022,
        (
            "CCGs could be established from 1 October 2012, when their general duties "
            "(ss14P-14R, 14T-14Y) came into force, and s14Z2 followed on 1 February 2013 "
            "(S.I. 2012/1831 art 2(2); S.I. 2012/2657 art 2(4)); the day the first CCG was "
            "established is not verified, so 1 April 2013, when CCGs took on commissioning, "
            "is used; abolished 1 July 2022 (NHS Act 2006 s14Z27; S.I. 2022/734)"
        ),
    ),
    BodyType.ICB: (
        _2022,
        None,
        (
            "42 ICBs established 1 July 2022: NHS Act 2006 Part 2 Chapter A3 'inserted "
            "(9.5.2022 ... 1.7.2022 in so far as not already in force) by Health and Care Act "
            "2022 ... S.I. 2022/734, reg. 2(a)' (legislation.gov.uk annotation to s14Z58)"
        ),
    ),
    BodyType.NHS_ENGLAND: (
        dt.date(2012, 10, 1),
        None,
        (
            "established as the NHS Commissioning Board on 1 October 2012; "
            "called NHS England from 1 April 2013"
        ),
    ),
    BodyType.NHS_TRUST: (None, None, _BEFORE),
    BodyType.FOUNDATION_TRUST: (
        dt.date(2004, 4, 1),
        None,
        (
            "the foundation trust provisions of the Health and Social Care (Community Health "
            "and Standards) Act 2003 came into force on 1 April 2004 (S.I. 2004/759, art 2: "
            "legislation.gov.uk)"
        ),
    ),
    BodyType.LOCAL_AUTHORITY: (None, None, _BEFORE),
    BodyType.HEALTH_AND_WELLBEING_BOARD: (
        _2013,
        None,
        "every top-tier and unitary authority has had one since April 2013",
    ),
    BodyType.GP_PRACTICE: (None, None, _BEFORE),
}


#: Kinds whose encoded dates rest, at least in part, on secondary sources.
_UNVERIFIED_DATES = frozenset(
    {
        BodyType.PCT,
        BodyType.SHA,
        BodyType.CCG,
        BodyType.NHS_ENGLAND,
        BodyType.HEALTH_AND_WELLBEING_BOARD,
    }
)


# The abbreviations and labels name the types too ("CCG", "integrated care board").
aliases({text: member.value for member, names in _LABELS.items() for text in names})(BodyType)


@runtime_checkable
class HasBodyType(Protocol):
    """Anything that says which statutory kind of body it is.

    A body of an escalation network has a ``body_type``; so may a user's own record
    of an organisation. [`duties_for`][engagekit.duties.duties_for] and
    [`Checklist.for_body`][engagekit.duties.Checklist.for_body] accept any of them.

    Examples:
        >>> class Board:
        ...     body_type = BodyType.ICB
        >>> isinstance(Board(), HasBodyType)
        True
    """

    @property
    def body_type(self) -> BodyType | None:
        """The statutory kind of body, or ``None`` if it is not one duties bind."""
        ...


#: What a parameter naming a kind of body accepts.
BodyLike = BodyType | str | HasBodyType


def as_body_type(value: object, field: str = "body") -> BodyType:
    """The [`BodyType`][engagekit.duties.BodyType] that ``value`` names or has.

    ``value`` may be a body type, its text ("icb", "CCG", "integrated care board"), or
    any object whose ``body_type`` attribute is a body type (a network's body).

    Raises:
        UnknownChoiceError: text that names no body type (the message lists them).
        InvalidValueError: an object whose ``body_type`` is not a body type (``None``
            for a body that no statutory duty binds as such, e.g. a patient group).
        InvalidTypeError: anything else.

    Examples:
        >>> as_body_type("Integrated Care Board")
        <BodyType.ICB: 'icb'>
    """
    if isinstance(value, BodyType):
        return value
    if isinstance(value, str):
        return BodyType.parse(value, field=field)
    if hasattr(value, "body_type"):
        found = value.body_type
        if isinstance(found, BodyType):
            return found
        raise InvalidValueError(
            f"{field}.body_type",
            found,
            reason="is not a statutory body type, so no duty binds it as such",
            allowed=[b.value for b in BodyType],
        )
    raise InvalidTypeError(
        field, value, expected="a BodyType, its name as text, or a body with a body_type"
    )
