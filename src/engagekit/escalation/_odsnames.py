"""Names, by date, for the codes that ``epraccur.csv`` gives without names (private).

The built-in tables (``data/ods_names.toml``) cite their sources and say whether
each is verified; the user can lay the published ODS organisation files (``eccg.csv``,
``eauth.csv`` and the like, in their headerless layout) over them.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO, Any

import attrs

from engagekit import _data, _display, _validate, _value
from engagekit.errors import (
    DocumentError,
    InvalidTypeError,
    ParseError,
    Problem,
    _not_utf8,
    short_repr,
)
from engagekit.sources import Source


ICB_ERA = dt.date(2022, 7, 1)
"""The first day of integrated care boards: CCGs were abolished and their codes became
sub-ICB locations; the STP codes became ICBs (NHS Digital ODS, "ICB
reconfiguration guidance").
"""
ICB_LAST_CCG_DAY = ICB_ERA - dt.timedelta(days=1)
#: The kinds of name table whose names end on `ICB_LAST_CCG_DAY` at the latest.
_ENDED_BY_ICBS = frozenset(
    {"clinical-commissioning-group", "sustainability-and-transformation-partnership"}
)

_ACRONYMS = frozenset({"NHS", "CCG", "ICB", "LHB", "STP", "GP", "PCN", "UK", "II", "III"})
_SMALL = frozenset({"AND", "OF", "THE", "ON", "UPON", "IN", "AT", "FOR", "BY", "UNDER"})
_WORD = re.compile(r"[A-Za-z']+")


def readable(name: str) -> str:
    """An ODS name, published in capitals, in title case (other names unchanged).

    Acronyms (NHS, CCG, ICB, LHB, ...) stay in capitals and short joining words
    after the first are lower case.

    Examples:
        >>> readable("NHS HARTLEPOOL AND STOCKTON-ON-TEES CCG")
        'NHS Hartlepool and Stockton-on-Tees CCG'
        >>> readable("NHS ENGLAND SOUTH (WESSEX)")
        'NHS England South (Wessex)'
        >>> readable("Cheshire, Warrington and Wirral")
        'Cheshire, Warrington and Wirral'
    """
    if name != name.upper():
        return name
    first = True

    def word(match: re.Match[str]) -> str:
        nonlocal first
        text = match.group(0)
        at_start, first = first, False
        if text in _ACRONYMS:
            return text
        if text in _SMALL and not at_start:
            return text.lower()
        return text.capitalize()

    return _WORD.sub(word, name)


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class OdsName:
    """The name an ODS code had over a span of dates, and where it comes from.

    Its ``repr`` is one line: the code, the name as spelt, the kind, the dates, and
    the day it was seen in force, its parent and whether it is unverified, where
    it has them.

    Attributes:
        code: the ODS code.
        name: the name as the source spells it (ODS names are in capitals).
        kind: what the table holds (``"region"``, ``"clinical-commissioning-group"``,
            ``"sub-icb-location"``, ``"integrated-care-board"``,
            ``"sustainability-and-transformation-partnership"``, ``"local-office"``,
            ``"area-team"``, ``"local-health-board"``, ``"nation"``, or
            ``"ods-file"`` for a file the user passed).
        opened: the first day of the name, if the source gives it.
        closed: the last day of the name, if the source gives it.
        seen: for a name without `opened`, a day its source shows it in force (a
            file of names and codes "as at" a month gives no opening dates); the
            name is taken to be in force from this day, not before, as the code may
            not have existed earlier. `None` when the source gives no such day.
        parent: the code of the body it sat under, where the source gives it (a
            sub-ICB location's ICB).
        verified: whether the source is primary (an ODS or ONS file); `False`
            marks a name seen only in a secondary source.
        source: where the name comes from.

    Examples:
        >>> entry = OdsNames.builtin().lookup("Y57")
        >>> print(entry)
        Y57: South of England Commissioning Region (2012-10-01 to 2018-03-31)
        >>> entry.verified, entry.in_force("2018-04-01")
        (True, False)
        >>> location = OdsNames.builtin().lookup("02P", on="2023-01-01")
        >>> location.name, location.kind, location.parent
        ('NHS South Yorkshire ICB - 02P', 'sub-icb-location', 'QF7')
    """

    code: str = attrs.field(validator=_validate.ods_code)
    name: str = attrs.field(validator=_validate.text)
    kind: str = attrs.field(validator=_validate.text)
    opened: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    closed: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    seen: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    parent: str | None = attrs.field(default=None, validator=_validate.optional(_validate.ods_code))
    verified: bool = attrs.field(default=True, validator=_validate.flag)
    source: Source | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Source))
    )

    @property
    def readable(self) -> str:
        """The name in title case (see `readable`)."""
        return readable(self.name)

    def in_force(self, on: dt.date | str) -> bool:
        """Whether the name was in force on a date (by `opened`, or else `seen`, and
        `closed`)."""
        day = _validate.as_date("on", on)
        start = self.opened or self.seen
        return (start is None or start <= day) and (self.closed is None or day <= self.closed)

    def __repr__(self) -> str:
        head = f"OdsName {self.code!r} {_display.quoted(self.name)} {self.kind}"
        if self.opened or self.closed:
            start = self.opened.isoformat() if self.opened else "?"
            end = self.closed.isoformat() if self.closed else "today"
            head += f" {start} to {end}"
        skip = ("code", "name", "kind", "opened", "closed", "source")
        return f"<{', '.join([head, *_display.non_defaults(self, skip=skip)])}>"

    def __str__(self) -> str:
        span = ""
        if self.opened or self.closed or self.seen:
            start = self.opened.isoformat() if self.opened else "?"
            end = self.closed.isoformat() if self.closed else "today"
            seen = f"; in force on {self.seen.isoformat()}" if self.seen and not self.opened else ""
            span = f" ({start} to {end}{seen})"
        return f"{self.code}: {self.readable}{span}" + ("" if self.verified else " [unverified]")


class OdsNames:
    """Code → name tables, by date: the built-in ones and any ODS files given.

    `EscalationNetwork.from_ods` names each commissioner, ICB (or, before 1 July
    2022, area team, local office or STP), region and local health board from these,
    instead of by its code. The built-in tables are the NHS England commissioning
    regions of 2012-2018 and their local offices (ODS ``eauth.csv``, November
    2018), the CCGs of 2013 to November 2018 with the dates of their mergers (ODS
    ``eccg.csv``, November 2018), the area teams of 2013 (ONS), the 106 sub-ICB
    locations and 42 ICBs of July 2022 (ONS lookup), the seven NHS Wales local
    health boards as ONS named them in April 2018 and, marked unverified, the 29
    CCGs opened after November 2018 (ONS names and codes files of April 2019, 2020
    and 2021, read from processed copies, without opening dates: each name is used
    from the end of the April its file is as at), the names two of the Welsh boards
    took on 1 April 2019, the regions Y60-Y63 and the 42 sustainability and
    transformation partnerships as ONS named them in April 2021 (read from a
    processed copy of the ONS lookup; every STP name ends on 30 June 2022, when the
    same codes became ICBs). For the dates CCGs opened and closed after November
    2018 and names after July 2022, pass the current ODS organisation files with
    `read` (or as `names=` to `from_ods`).

    Examples:
        >>> names = OdsNames.builtin()
        >>> names
        <OdsNames with 343 codes and 14 tables>
        >>> names.name("11X", on="2020-01-01"), names.name("11X", on="2022-07-01")
        ('NHS Somerset CCG', 'NHS Somerset ICB - 11X')
        >>> names.name("15N", on="2020-01-01"), names.name("15N", on="2016-01-01")
        ('NHS Devon CCG', None)
        >>> names.name("QSL", on="2020-01-01"), names.name("QSL", on="2022-07-01")
        ('Somerset', 'NHS Somerset Integrated Care Board')
        >>> names.name("Q85")
        'NHS England South West (South West South)'
    """

    __slots__ = ("_entries", "tables")

    def __init__(
        self, entries: dict[str, tuple[OdsName, ...]], tables: tuple[str, ...] = ()
    ) -> None:
        self._entries = entries
        #: The tables the names come from: built-in table ids, then file paths.
        self.tables = tables

    @classmethod
    def builtin(cls) -> OdsNames:
        """The tables shipped with engagekit (see `data/ods_names.toml`)."""
        return _builtin()

    @classmethod
    def read(cls, *paths: str | PurePath | IO[str], over: OdsNames | None = None) -> OdsNames:
        """Names from published ODS organisation files, laid over `over` (default:
        the built-in tables); a name from a file wins over a built-in one.

        Each file is in the ODS headerless layout: the code in column 1, the name in
        column 2 and, when the row has them, the open and close dates (``YYYYMMDD``)
        in columns 11 and 12. A file is a path, or a text file object (opened with
        ``newline=""``), named by its ``name``.

        Examples:
            >>> import io
            >>> names = OdsNames.read(io.StringIO('"QSL","NHS SOMERSET ICB"\\n'))
            >>> names.name("QSL")
            'NHS Somerset ICB'

        Raises:
            ParseError: a file cannot be opened or is not UTF-8 text.
            DocumentError: rows that are not code, name (and dates), by line; or a
                file in the layout of the ePCN core partner details or of
                epraccur.csv (read those with `from_pcn` and `from_ods`).
        """
        base = cls.builtin() if over is None else over
        entries = {code: list(base.entries(code)) for code in base}
        tables = list(base.tables)
        for path in paths:
            if isinstance(path, str | PurePath):
                origin, read = str(path), _read_path(Path(path))
            elif hasattr(path, "read") and not isinstance(path, io.RawIOBase | io.BufferedIOBase):
                origin = str(getattr(path, "name", "<names>"))
                read = _read_rows(path, origin, lambda: None)
            else:
                raise InvalidTypeError(
                    "names", path, expected="a path to an ODS file, or a text file"
                )
            for code, found in read.items():
                entries[code] = [*found, *entries.get(code, ())]
            tables.append(origin)
        return cls({code: tuple(found) for code, found in entries.items()}, tuple(tables))

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return _short(self)

    def entries(self, code: str) -> tuple[OdsName, ...]:
        """Every name recorded for a code, the ones given last (files) first."""
        return self._entries.get(code, ())

    def lookup(self, code: str, on: dt.date | str | None = None) -> OdsName | None:
        """The name of a code on a date (default: the current one), or `None`.

        Among the names in force on the date, the first (a file's before a built-in
        one); with no date, a name not closed, else the one closed last.
        """
        found = self._entries.get(code)
        if not found:
            return None
        if on is None:
            current = [e for e in found if e.closed is None]
            if current:
                return current[0]
            return max(found, key=lambda e: e.closed or dt.date.min)
        day = _validate.as_date("on", on)
        for entry in found:
            if entry.in_force(day):
                return entry
        return None

    def name(self, code: str, on: dt.date | str | None = None) -> str | None:
        """The readable name of a code on a date (see `lookup`), or `None`."""
        entry = self.lookup(code, on)
        return None if entry is None else entry.readable


def _short(names: OdsNames) -> str:
    counts = [(len(names), "codes"), (len(names.tables), "tables")]
    return _display.short_repr(names, "OdsNames", counts)


@functools.cache
def _builtin() -> OdsNames:
    raw = _data._read_builtin("ods_names.toml")  # noqa: SLF001 - the package's own data
    documents = _data.documents()
    entries: dict[str, list[OdsName]] = {}
    tables = []
    for table in raw["table"]:
        source = Source(**documents[table["source"]["document"]])
        tables.append(table["id"])
        # CCGs were abolished on 1 July 2022 and the STP codes became ICBs (ODS "ICB
        # reconfiguration guidance"): no CCG or STP name is in force from then.
        last = ICB_LAST_CCG_DAY if table["kind"] in _ENDED_BY_ICBS else None
        # A table from a file "as at" a date, without opening dates: the day it shows
        # each name in force (see OdsName.seen).
        seen = _day(table.get("in_force_on", ""))
        for code, name, opened, closed, *parent in table["rows"]:
            ended = _day(closed)
            if last is not None and (ended is None or ended > last):
                ended = last
            entries.setdefault(code, []).append(
                OdsName(
                    code=code,
                    name=name,
                    kind=table["kind"],
                    opened=_day(opened),
                    closed=ended,
                    seen=None if opened else seen,
                    parent=parent[0] if parent else None,
                    verified=table["verified"],
                    source=source,
                )
            )
    # A verified name is tried before an unverified one for the same code.
    ordered = {code: tuple(sorted(found, key=_unverified)) for code, found in entries.items()}
    return OdsNames(ordered, tuple(tables))


def _unverified(entry: OdsName) -> bool:
    return not entry.verified


def _ods_date(text: str) -> dt.date | str | None:
    text = text.strip()
    if not text:
        return None
    if len(text) == 8 and text.isdigit():
        try:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
    return f"{short_repr(text)} is not a YYYYMMDD date"


def _other_layout(row: list[str]) -> str | None:
    """Why a row is one of the practice files `from_ods` and `from_pcn` read, not an
    organisation file of names: the ePCN core partner details have 11 columns, a
    start date (YYYYMMDD) in column 9, where an organisation file has an address
    line; epraccur.csv has 27, with a status (A, C, D or P) in column 13 and a
    prescribing setting (a number) in column 26, which an organisation file leaves
    empty."""
    cells = [cell.strip() for cell in row]
    if len(cells) == _EPCN_COLUMNS and len(cells[8]) == 8 and cells[8].isdigit():
        return (
            f"not an ODS organisation file of names: {_EPCN_COLUMNS} columns, the layout "
            "of the ePCN core partner details; read it with from_pcn (--pcn)"
        )
    if len(cells) == _EPRACCUR_COLUMNS and cells[12] in _STATUSES and cells[25].isdigit():
        return (
            "not an ODS organisation file of names: a status in column 13 and a "
            "prescribing setting in column 26, the layout of epraccur.csv; read it with "
            "from_ods (--ods)"
        )
    return None


_EPCN_COLUMNS, _EPRACCUR_COLUMNS, _STATUSES = 11, 27, frozenset("ACDP")


def _read_path(path: Path) -> dict[str, list[OdsName]]:
    origin = str(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")  # a byte order mark is not a code
    except OSError as exc:
        raise ParseError(origin, reason=f"cannot open: {exc.strerror}") from None
    with handle:
        return _read_rows(handle, origin, path.read_bytes)


def _read_rows(
    handle: IO[str], origin: str, raw: Callable[[], bytes | None]
) -> dict[str, list[OdsName]]:
    """The names in an open text file; `raw` gives its bytes again, if it can, to say
    why it is not UTF-8."""
    title = PurePath(origin).name or origin
    source = Source(title=title, publisher="NHS England Organisation Data Service (file given)")
    found: dict[str, list[OdsName]] = {}
    problems: list[Problem] = []
    try:
        rows: Iterable[list[str]] = list(csv.reader(handle))
    except UnicodeDecodeError:
        data = raw()
        reason = "not UTF-8 text" if data is None else _not_utf8(data)
        raise ParseError(origin, reason=reason) from None
    except csv.Error as exc:
        raise ParseError(origin, reason=f"not CSV ({exc})") from None
    if not any(cell.strip() for row in rows for cell in row):
        # A file of no names named nothing, and the built-in tables were used unsaid.
        raise ParseError(origin, reason="no rows: the file is empty")
    for line, row in enumerate(rows, start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if (other := _other_layout(row)) is not None:
            # The practice files read as names gave the practices names and left
            # every commissioner named as before, without a word.
            raise DocumentError(origin, [Problem(f"line {line}", other)])
        if len(row) < 2:
            problems.append(Problem(f"line {line}", "expected a code and a name", row))
            continue
        code, name = row[0].strip(), row[1].strip()
        dates: list[Any] = [_ods_date(row[i]) if len(row) > i else None for i in (10, 11)]
        wrong = [d for d in dates if isinstance(d, str)]
        if not _validate.ODS_PATTERN.match(code):
            wrong.insert(0, f"column 1 {short_repr(code)} is not {_validate.ODS_RULE}")
        if not name:
            wrong.append("column 2 (Name) is empty")
        if wrong:
            problems.append(Problem(f"line {line}", "; ".join(wrong), code))
            continue
        found.setdefault(code, []).append(
            OdsName(
                code=code,
                name=name,
                kind="ods-file",
                opened=dates[0],
                closed=dates[1],
                source=source,
            )
        )
    if problems:
        raise DocumentError(origin, problems[:50], more=max(0, len(problems) - 50))
    return found
