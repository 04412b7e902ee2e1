"""Reading the NHS ODS GP practice file, ``epraccur.csv`` (private).

The file has no header row and 27 columns; one row gives a practice's whole upward
chain: practice → commissioner (CCG, now sub-ICB location) → High Level Health
Geography (ICB) → National Grouping (NHS England region).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io as stdio
import operator
import typing

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import IO

import attrs

from engagekit import _data, _display, _validate, _value
from engagekit.choices import Choice, aliases
from engagekit.errors import (
    MAX_PROBLEMS,
    DocumentError,
    GraphStructureError,
    InvalidTypeError,
    InvalidValueError,
    ParseError,
    Problem,
    _not_utf8,
    short_repr,
)
from engagekit.escalation._bodies import Body, Link, trusted_factory
from engagekit.escalation._network import EscalationNetwork
from engagekit.escalation._odsnames import ICB_ERA, OdsName, OdsNames
from engagekit.escalation._tiers import BodyKind, Tier
from engagekit.escalation._tree import tree_network as _tree_network
from engagekit.escalation._tree import trusted_link
from engagekit.sources import Source


#: The number of columns in the published layout.
COLUMNS = 27

# 0-based positions of the columns engagekit reads.
_CODE, _NAME, _REGION, _ICB = 0, 1, 2, 3
_OPEN, _CLOSE, _STATUS, _COMMISSIONER, _JOINED, _LEFT, _SETTING = 10, 11, 12, 14, 15, 16, 25

_STATUS_NAMES = {"A": "active", "C": "closed", "D": "dormant", "P": "proposed"}
_SETTING_NAMES = {
    "0": "other",
    "1": "walk-in centre",
    "2": "out of hours",
    "3": "walk-in centre and out of hours",
    "4": "GP practice",
    "8": "public health service",
    "9": "community health service",
}
GP_PRACTICE_SETTING = "4"

NATIONAL_ID = "england"
#: The id of the top of the Welsh branch.
WALES_ID = "wales"

#: The National Grouping (column 3) and High Level Health Geography (column 4) codes
#: that the published file gives Welsh practices; their Commissioner (column 15) is
#: the NHS Wales local health board (``7A1`` to ``7A7``).
WALES_GROUPING, WALES_GEOGRAPHY = "W00", "Q99"

#: The rank of a row of a practice not closed: above every closing date.
_OPEN_RANK = dt.date.max
#: The rank of a row with status C and no closing date: below every closing date.
_UNDATED_RANK = dt.date.min


@aliases({"both": "england-and-wales", "all": "england-and-wales"})
class Nations(Choice):
    """Which nations' GP practices `EscalationNetwork.from_ods` keeps.

    `epraccur.csv` covers England and Wales. A Welsh practice (National Grouping
    `W00`, High Level Health Geography `Q99`) belongs to an NHS Wales local health
    board, not to an integrated care board or an NHS England region. By default
    (`ENGLAND`) Welsh rows are skipped, each with its reason; `WALES` keeps only
    them and `BOTH` keeps both nations, each under its own structure: practice →
    local health board → NHS Wales beside practice → commissioner → ICB → region →
    NHS England.

    Examples:
        >>> Nations.parse("both")
        <Nations.BOTH: 'england-and-wales'>
        >>> Nations.ENGLAND.includes_wales, Nations.BOTH.includes_wales
        (False, True)
    """

    ENGLAND = "england"
    WALES = "wales"
    BOTH = "england-and-wales"

    @property
    def includes_england(self) -> bool:
        """Whether English practices are kept."""
        return self is not Nations.WALES

    @property
    def includes_wales(self) -> bool:
        """Whether Welsh practices are kept."""
        return self is not Nations.ENGLAND


_positive = _validate.whole_at_least(1)
_non_negative = _validate.whole_at_least(0)


@attrs.frozen(kw_only=True)
@_value.shared_methods
class SkippedRow:
    """A row of the ODS file that was not made into a practice, and why.

    Examples:
        >>> print(SkippedRow(line=3, code="Y02627", reason="prescribing setting 2 (out of hours)"))
        line 3 (Y02627): prescribing setting 2 (out of hours)
    """

    line: int = attrs.field(converter=_validate.to_int, validator=_positive)
    code: str | None = attrs.field(default=None, validator=_validate.optional_text)
    reason: str = attrs.field(validator=_validate.text)

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" ({self.code})" if self.code else "")
        return f"{where}: {self.reason}"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ParentConflict:
    """Rows of the ODS file that give one body two different parents, and which was kept.

    Its ``repr`` is one line: what ``str`` writes.

    Rows of closed practices carry the parent codes in force when they closed, so
    a commissioner or ICB can appear under an old parent on some rows and under
    today's on others. The parent kept is decided by a fixed rule: rows of
    practices not closed decide; among those, the first row; when only closed
    practices give the body, the row of the practice that closed last.

    Attributes:
        line: the first line that gives the parent not kept.
        code: the body with two parents (a commissioner or an ICB).
        parent: the parent on `line`, not kept.
        kept: the parent kept.
        kept_line: the line that decided `kept`.
        rows: how many rows give `parent`.
        rule: why `kept` was kept.

    Examples:
        >>> conflict = ParentConflict(line=7, code="Q74", parent="Y54", kept="Y63",
        ...                           kept_line=1, rule="rows of practices not closed decide")
        >>> conflict.message
        'Q74 is under Y54 here but under Y63 on line 1'
        >>> print(conflict)  # doctest: +NORMALIZE_WHITESPACE
        line 7: Q74 is under Y54 here but under Y63 on line 1; kept Y63
        (rows of practices not closed decide)
    """

    line: int = attrs.field(converter=_validate.to_int, validator=_positive)
    code: str = attrs.field(validator=_validate.ods_code)
    parent: str = attrs.field(validator=_validate.ods_code)
    kept: str = attrs.field(validator=_validate.ods_code)
    kept_line: int = attrs.field(converter=_validate.to_int, validator=_positive)
    rows: int = attrs.field(default=1, converter=_validate.to_int, validator=_positive)
    rule: str = attrs.field(validator=_validate.text)

    @property
    def message(self) -> str:
        """What disagrees, without the line or the rule."""
        more = self.rows - 1
        here = f"here (and on {more} more line{'s' if more != 1 else ''})" if more else "here"
        return (
            f"{self.code} is under {self.parent} {here} "
            f"but under {self.kept} on line {self.kept_line}"
        )

    def problem(self) -> Problem:
        """The conflict as a `Problem` (path ``line N``), as strict reading reports it."""
        return Problem(f"line {self.line}", self.message, self.parent)

    def __repr__(self) -> str:
        return f"<ParentConflict {str(self)!r}>"

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}; kept {self.kept} ({self.rule})"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class OdsImport(_display.Displayable, _display.Tabular):
    """What `EscalationNetwork.from_ods` read: the network, and every row left out.

    Attributes:
        network: practice → commissioner → ICB → region → NHS England (and, for
            Welsh practices read with `nations`, practice → local health board).
        rows: the number of lines read.
        skipped: each line not made into a practice, with its reason, in line order.
        warnings: each conflict between rows over a body's parent that was
            resolved by the documented rule (see `ParentConflict`), in line order.
        era: the date whose structure the kinds and names follow: `as_of`, or
            the file's date (its latest open, close or join date); `None` for a
            file with no dates (today's kinds). Names follow `names_on` instead
            where it was given and the tables name a body then.
        file_date: the file's own date (its latest open, close, join or leaving
            date), `None` for a file with no dates.
        opened_after: the bodies above the commissioners (ICBs or STPs, regions)
            that the name tables say opened after `era`, as they name them: a
            file read as on an earlier day than its own gives each practice's
            parents as they were later (see `parents_note`).

    `len(network.practices) + len(skipped) == rows`: no row is dropped silently.
    """

    network: EscalationNetwork = attrs.field(validator=_validate.instance_of(EscalationNetwork))
    rows: int = attrs.field(converter=_validate.to_int, validator=_non_negative)
    skipped: tuple[SkippedRow, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(SkippedRow)
    )
    warnings: tuple[ParentConflict, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(ParentConflict)
    )
    era: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    file_date: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    opened_after: tuple[OdsName, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(OdsName)
    )

    @property
    def parents_note(self) -> str | None:
        """What a read as on a day before the file's own says about the parents above
        each commissioner, or `None` (no such day).

        The file gives each practice's commissioner with the days it joined and
        left it, but the bodies above (column 4, ICB or STP; column 3, region) only
        as they were on the file's day, or the day a closed practice closed. So a
        file of 2021 read as on 2014-06-01 keeps the practices open then, under
        their 2014 commissioners, and under the regions of 2021: the note says so,
        naming each of them the name tables say opened later.

        Examples:
            >>> from engagekit.escalation import EscalationNetwork
            >>> import io
            >>> row = ('"L85001","HIGH STREET SURGERY","Y58","QSL","","","","","","",'
            ...        '"19740401","20190331","C","B","11X","20130401","20190331","","",'
            ...        '"","","","","","","4",""\\n')
            >>> then = EscalationNetwork.from_ods(io.StringIO(row), as_of="2014-06-01")
            >>> print(then.parents_note)  # doctest: +NORMALIZE_WHITESPACE
            the bodies above each commissioner are as the file gives them on
            2019-03-31 (its latest date), not as on 2014-06-01; the name tables say
            Y58 (South West Commissioning Region) opened on 2018-04-01
            >>> print(EscalationNetwork.from_ods(io.StringIO(row)).parents_note)
            None
        """
        if self.era is None or self.file_date is None or self.era >= self.file_date:
            return None
        if not any(map(_above_commissioners, self.network.bodies)):
            return None  # Welsh practices alone: nothing stands between board and nation
        note = (
            "the bodies above each commissioner are as the file gives them on "
            f"{self.file_date.isoformat()} (its latest date), not as on {self.era.isoformat()}"
        )
        if self.opened_after:
            later = ", ".join(
                f"{entry.code} ({entry.readable}) opened on {entry.opened.isoformat()}"
                for entry in self.opened_after
                if entry.opened is not None
            )
            note += f"; the name tables say {later}"
        return note

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            "OdsImport",
            [
                (self.rows, "rows"),
                (len(self.network.practices), "practices"),
                (len(self.skipped), "skipped"),
                *([(len(self.warnings), "warnings")] if self.warnings else []),
            ],
        )

    def skipped_by_reason(self) -> dict[str, int]:
        """How many rows were skipped for each kind of reason, most frequent first.

        The reason's kind is its text up to the first parenthesis or comma.
        """
        return _count_reasons(self.skipped)


def _count_reasons(skipped: Iterable[SkippedRow]) -> dict[str, int]:
    """How many rows were skipped for each kind of reason (its text up to the first
    parenthesis or comma), most frequent first: shared by the ODS and ePCN readers."""
    counts = Counter(row.reason.split(" (")[0].split(",")[0] for row in skipped)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


_skipped_row: Callable[[int, str | None, str], SkippedRow] = trusted_factory(
    SkippedRow, "line", "code", "reason"
)


#: What `_day` returns for a cell that is not a date.
_NOT_A_DATE = "not a YYYYMMDD date"


def _day(text: str) -> dt.date | str | None:
    """A date, ``None`` for an empty cell, or `_NOT_A_DATE`."""
    text = text.strip()
    if not text:
        return None
    if len(text) == 8 and text.isdigit():
        try:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
    return _NOT_A_DATE


def _date(text: str, column: int, label: str) -> dt.date | str | None:
    """A date, ``None`` for an empty cell, or a problem (as text)."""
    found = _day(text)
    if found is _NOT_A_DATE:
        return f"column {column} ({label}) {short_repr(text.strip())} is {_NOT_A_DATE}"
    return found


def _source() -> Source:
    return Source(**_data.documents()["ods-epraccur"])


#: The longest field the reader accepts (the csv module's default limit).
FIELD_LIMIT = 131_072


def before_ccgs(
    day: dt.date | None, nations: Nations | str, *, welsh_alone: str | None = None
) -> str | None:
    """Why English practices cannot be read as at `day`, or `None` when they can (no
    day, a day from the first CCGs on, or the Welsh practices read alone).

    The file names each English practice's commissioner from 1 April 2013 (a CCG,
    later a sub-ICB location); before then primary care trusts commissioned them,
    and no column says which. Read so, a practice open in 2010 would stand under a
    CCG that did not yet exist. `from_ods` refuses such a date with this reason; the
    command line refuses it before reading, in the same words, naming its own option
    for reading the Welsh practices alone as `welsh_alone` ("--nations wales").

    Examples:
        >>> print(before_ccgs(dt.date(2013, 4, 1), "england"))
        None
        >>> reason = before_ccgs(dt.date(2010, 1, 1), "both", welsh_alone="--nations wales")
        >>> print(reason[reason.index("(give"):])
        (give a later date, or read the Welsh practices alone: --nations wales)
    """
    from engagekit.duties import BodyType

    first = BodyType.CCG.existed_from
    if day is None or first is None or day >= first:
        return None
    if Nations.parse(nations, field="nations") is Nations.WALES:
        return None
    alone = "read the Welsh practices alone" + (f": {welsh_alone}" if welsh_alone else "")
    return (
        f"is before {first.isoformat()}, when clinical commissioning groups took "
        "over from primary care trusts; epraccur.csv names an English "
        "practice's commissioner only from then, so it cannot say who "
        f"commissioned one on {day.isoformat()} (give a later date, or {alone})"
    )


#: What keeps a practice of a nation not read, as `from_ods` names it.
KEEP_BOTH = "nations='both'"


def keeps(option: str) -> str:
    """The end of the reason a practice of a nation not read is skipped for: what
    keeps it. `from_ods` names its argument (`KEEP_BOTH`); the command line, which
    reports the same skipped row, names its own option ("--nations both") in its place.

    Examples:
        >>> keeps(KEEP_BOTH), keeps("--nations both")
        ("; nations='both' keeps it", '; --nations both keeps it')
    """
    return f"; {option} keeps it"


def read_ods(
    source: str | Path | IO[str],
    *,
    as_of: dt.date | str | None,
    strict: bool,
    nations: Nations | str,
    name: str | None,
    names: OdsNames | str | PurePath | Iterable[str | PurePath] | None,
    names_on: dt.date | str | None = None,
) -> OdsImport:
    """Read ``epraccur.csv`` (see `EscalationNetwork.from_ods`, which gives every
    argument and their defaults)."""
    day = None if as_of is None else _validate.as_date("as_of", as_of)
    if not isinstance(strict, bool):
        raise InvalidTypeError("strict", strict, expected="true or false")
    chosen = Nations.parse(nations, field="nations")
    refused = before_ccgs(day, chosen)
    if refused is not None:
        raise InvalidValueError("as_of", day, reason=refused)
    given_name: object = name
    if given_name is not None and (not isinstance(given_name, str) or not given_name.strip()):
        raise InvalidTypeError("name", name, expected="non-empty text")
    named_on = None if names_on is None else _validate.as_date("names_on", names_on)
    options = _Options(
        as_of=day,
        strict=strict,
        nations=chosen,
        name=name,
        names=_names(names),
        names_on=named_on,
    )
    with _text_source(source, "<epraccur.csv>") as (handle, origin):
        return _build(_rows(handle, origin), origin=origin, options=options)


def _file_name(origin: str) -> str:
    """The name a network read from ``origin`` is called by: a path's last part (its
    folders say where it was read from, which the errors name in full, not what it is)."""
    return PurePath(origin).name or origin


@contextlib.contextmanager
def _text_source(source: str | PurePath | IO[str], unnamed: str) -> Iterator[tuple[IO[str], str]]:
    """The text file to read and its name: the file at a path, opened (and closed
    after), or the text file given (named ``unnamed`` if it has no name)."""
    if isinstance(source, str | PurePath):
        origin = str(source)
        try:
            # utf-8-sig: Excel's "CSV UTF-8" starts the file with a byte order mark,
            # which read as text made the first code unreadable.
            handle = Path(source).open(encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as exc:
            raise ParseError(origin, reason=f"cannot open: {exc.strerror}") from None
        except ValueError as exc:  # a path with a NUL character
            raise ParseError(origin, reason=f"cannot open: {exc}") from None
        with handle:
            yield handle, origin
        return
    given: object = source
    if isinstance(given, stdio.RawIOBase | stdio.BufferedIOBase) or not hasattr(given, "read"):
        raise InvalidTypeError(
            "source",
            source,
            expected="a path or a text file (open it with encoding and newline='')",
        )
    yield source, str(getattr(source, "name", unnamed))


def _rows(handle: IO[str], origin: str) -> Iterator[list[str] | str]:
    """Each record of a CSV file, in order: its cells, or (for a record the CSV reader
    could not read) what was wrong, as text. The CSV reader of the ODS files, and of
    an ePCN file not in the plain form `_columns.regular_columns` cuts into columns; a
    record is one line unless a quoted cell spans lines."""
    reader = csv.reader(handle, strict=True)
    while True:
        try:
            yield from reader
        except csv.Error as exc:
            yield _csv_problem(exc, handle)
        except UnicodeDecodeError:
            raise ParseError(origin, reason=_undecodable(handle)) from None
        else:
            return


def _read_text(handle: IO[str], origin: str) -> str:
    """The whole text of a text file, read as `_rows` reads it record by record."""
    try:
        text: object = handle.read()
    except UnicodeDecodeError:
        raise ParseError(origin, reason=_undecodable(handle)) from None
    if not isinstance(text, str):
        raise InvalidTypeError("source", handle, expected="a text file, not a binary one")
    return text


def _undecodable(handle: IO[str]) -> str:
    """Why a file is not UTF-8 text: where, when its bytes can be read again by its
    name (a path given, or a file opened from one); else how to pass it."""
    name = getattr(handle, "name", None)
    if isinstance(name, str):
        with contextlib.suppress(OSError):
            return _not_utf8(Path(name).read_bytes())
    return "not UTF-8 text; open the file with its encoding and pass it"


def _names(names: object) -> OdsNames:
    if names is None:
        return OdsNames.builtin()
    if isinstance(names, OdsNames):
        return names
    if isinstance(names, str | PurePath):
        return OdsNames.read(names)
    if isinstance(names, Iterable) and not isinstance(names, bytes | dict):
        paths = list(names)
        if all(isinstance(p, str | PurePath) for p in paths):
            return OdsNames.read(*paths)
    raise InvalidTypeError(
        "names", names, expected="OdsNames, or the path (or paths) of ODS organisation files"
    )


@attrs.frozen
@_value.shared_methods
class _Options:
    as_of: dt.date | None
    strict: bool
    nations: Nations
    name: str | None
    names: OdsNames
    names_on: dt.date | None


#: The name tables whose codes `from_ods` makes area teams (before 1 July 2022).
_AREA_TEAM_TABLES = frozenset({"area-team", "local-office"})


def era_kinds(on: dt.date | None) -> tuple[BodyKind, BodyKind]:
    """The kinds of the Commissioner (column 15) and High Level Health Geography
    (column 4) bodies of `epraccur.csv` on a date.

    Before 1 July 2022 the commissioner is a clinical commissioning group and the
    geography an NHS England area team or local office, later a sustainability and
    transformation partnership; from 1 July 2022 they are a sub-ICB location and an
    integrated care board. `from_ods` tells an area team from an STP by the name
    tables: a code they list as an area team or local office is one, any other is
    an STP. With no date, today's kinds.

    Examples:
        >>> import datetime as dt
        >>> [kind.value for kind in era_kinds(dt.date(2020, 4, 1))]
        ['clinical-commissioning-group', 'sustainability-and-transformation-partnership']
        >>> [kind.value for kind in era_kinds(dt.date(2022, 7, 1))]
        ['sub-icb-location', 'integrated-care-board']
    """
    if on is not None and on < ICB_ERA:
        return (
            BodyKind.CLINICAL_COMMISSIONING_GROUP,
            BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP,
        )
    return BodyKind.SUB_ICB_LOCATION, BodyKind.INTEGRATED_CARE_BOARD


class _Chain:
    """One distinct (Commissioner, High Level Health Geography, National Grouping)
    of the file, checked once, and the rows it was kept on (private to `_build`).

    `skip` is why a row with these cells is skipped (its nation is not kept, or a
    parent is not recorded) and `problem` why it is malformed (a code breaks the
    ODS rule); both `None` for a chain that is kept. `links` are the (child,
    parent) links it gives. Of the rows kept: `best` is the highest rank (see
    `_resolve`), `best_line` the first line with it, `first` the first line and
    `rows` how many.
    """

    __slots__ = (
        "best",
        "best_line",
        "commissioner",
        "first",
        "links",
        "problem",
        "rows",
        "skip",
        "welsh",
    )

    def __init__(self, cells: tuple[str, str, str], nations: Nations) -> None:
        commissioner, icb, region = (cell.strip() for cell in cells)
        welsh = region == WALES_GROUPING or icb == WALES_GEOGRAPHY
        self.commissioner, self.welsh = commissioner, welsh
        self.skip: str | None = None
        self.problem: str | None = None
        if not (nations.includes_wales if welsh else nations.includes_england):
            self.skip = (
                f"in {'Wales' if welsh else 'England'} "
                f"(National Grouping {region or '-'}){keeps(KEEP_BOTH)}"
            )
        elif not commissioner or (not welsh and not (icb and region)):
            self.skip = _missing(welsh, commissioner, icb, region)
        else:
            ods = _validate.ODS_PATTERN.match
            if not (
                ods(commissioner)
                and ((welsh and not icb) or ods(icb))
                and ((welsh and not region) or ods(region))
            ):
                self.problem = _parent_problem(welsh, commissioner, icb, region)
        self.links: tuple[tuple[str, str], ...] = (
            ((commissioner, WALES_GROUPING),) if welsh else ((commissioner, icb), (icb, region))
        )
        # best, best_line and first are set by the first row kept.
        self.best: dt.date
        self.best_line: int
        self.first: int
        self.rows = 0


#: The reasons a line holding no row is skipped for, which `_refuse_empty` reads.
BLANK_LINE = "blank line"
HEADER_ROW = "header row"


def _refuse_empty(origin: str, lines: int, skipped: Sequence[SkippedRow]) -> None:
    """Refuse a file with no row but blank lines and a header.

    Such a file is a wrong or cut-short download, not an area with no practices, so
    reading it as an empty network would be silently wrong.
    """
    if len(skipped) != lines:  # some row was read
        return
    reasons = {row.reason for row in skipped}
    if reasons <= {BLANK_LINE}:
        raise ParseError(origin, reason="no rows: the file is empty")
    if reasons <= {BLANK_LINE, HEADER_ROW}:
        raise ParseError(origin, reason="no rows: the file holds only its header")


#: The columns of the ePCN core partner details file, the other file `--pcn` reads.
_EPCN_COLUMNS = 11


def _all_blank(skipped: list[SkippedRow]) -> bool:
    return all(row.reason == BLANK_LINE for row in skipped)


def _epcn_given(origin: str, line: int) -> DocumentError:
    """The ePCN file given for epraccur.csv: its first row has the ePCN's 11 columns.
    Refused whole, even when lenient: every row would be skipped as malformed."""
    reason = (
        f"not the epraccur.csv layout: expected {COLUMNS} columns, got {_EPCN_COLUMNS}: "
        "this looks like the ePCN core partner details file; read it with from_pcn (--pcn)"
    )
    return DocumentError(origin, [Problem(f"line {line}", reason)])


def _names_given(origin: str, line: int, row: list[str]) -> DocumentError | None:
    """An ODS organisation file of names (``eccg.csv``, ``eauth.csv``, ...) given for
    epraccur.csv, known by its first row: 27 columns like epraccur.csv, a code and a
    name, but no status (column 13) and no prescribing setting (column 26), which every
    practice row has. Refused whole, even when lenient: every row would be malformed.
    `None` for a row not in that layout."""
    if row[_STATUS].strip() or row[_SETTING].strip():
        return None
    if not (_validate.ODS_PATTERN.match(row[_CODE].strip()) and row[_NAME].strip()):
        return None
    reason = (
        "not the epraccur.csv layout: no status in column 13 and no prescribing setting "
        f"in column {_SETTING + 1}: this looks like an ODS organisation file of names "
        "(eccg.csv, eauth.csv, ...); pass it as names= (--names)"
    )
    return DocumentError(origin, [Problem(f"line {line}", reason)])


def _build(rows: Iterable[list[str] | str], *, origin: str, options: _Options) -> OdsImport:
    as_of, strict, nations = options.as_of, options.strict, options.nations
    problems: list[Problem] = []
    more = 0
    # What a national file makes is kept as the records returned, each made once,
    # with no tuple for it on the way: every object that outlives its row costs the
    # garbage collector, and 16,500 rows make tens of thousands. The reasons repeat,
    # so each distinct one is made once and shared.
    skipped: list[SkippedRow] = []
    reasons: dict[object, str] = {}
    practices: list[Body] = []
    practice_links: list[Link] = []
    seen: dict[str, int] = {}
    # Parent chains recur (about a thousand distinct ones in a national file): each
    # is checked once, and the parent links are drawn from them after the last row.
    chains: dict[tuple[str, str, str], _Chain] = {}
    ods = _validate.ODS_PATTERN.match
    # The same few thousand dates recur: each text is parsed once per column (a bad
    # one is described again by `_row_problem`, which names its column).
    open_dates: dict[str, dt.date | str | None] = {}
    close_dates: dict[str, dt.date | str | None] = {}
    join_dates: dict[str, dt.date | str | None] = {}
    left_dates: dict[str, dt.date | str | None] = {}

    def malformed(line: int, code: str | None, reason: str) -> None:
        nonlocal more
        if not strict:
            skipped.append(skip(line, code, f"malformed: {reason}"))
        elif len(problems) < MAX_PROBLEMS:
            problems.append(Problem(f"line {line}", reason))
        else:
            more += 1

    skip, body, link = _skipped_row, _body, trusted_link
    practice_kind, practice_tier = BodyKind.PRACTICE, Tier.PRACTICE
    line = 0
    for row in rows:
        line += 1
        if isinstance(row, str):  # a record the CSV reader could not read
            malformed(line, None, row)
            continue
        if len(row) != COLUMNS:
            if not row or all(not cell.strip() for cell in row):
                skipped.append(skip(line, None, BLANK_LINE))
                continue
            if len(row) == _EPCN_COLUMNS and not practices and _all_blank(skipped):
                raise _epcn_given(origin, line)
            code = row[_CODE].strip() or None
            malformed(
                line,
                code if code is not None and ods(code) else None,
                f"expected {COLUMNS} columns, got {len(row)}",
            )
            continue
        # Published cells carry no padding: strip only a cell that fails as it is.
        code = row[_CODE]
        code_ok = ods(code) is not None
        if not code_ok:
            code = code.strip()
            code_ok = ods(code) is not None
        opened_text, closed_text = row[_OPEN], row[_CLOSE]
        opened = open_dates.get(opened_text, _UNPARSED)
        if opened is _UNPARSED:
            opened = open_dates[opened_text] = _day(opened_text)
        closed = close_dates.get(closed_text, _UNPARSED)
        if closed is _UNPARSED:
            closed = close_dates[closed_text] = _day(closed_text)
        joined_text = row[_JOINED]
        joined = join_dates.get(joined_text, _UNPARSED)
        if joined is _UNPARSED:
            joined = join_dates[joined_text] = _day(joined_text)
        left_text = row[_LEFT]
        left = left_dates.get(left_text, _UNPARSED)
        if left is _UNPARSED:
            left = left_dates[left_text] = _day(left_text)
        status = row[_STATUS]
        if status not in _STATUS_NAMES:
            status = status.strip()
        setting = row[_SETTING]
        if setting != GP_PRACTICE_SETTING:
            setting = setting.strip()
        if (
            not code_ok
            or type(opened) is str
            or type(closed) is str
            or type(joined) is str
            or type(left) is str
            or status not in _STATUS_NAMES
            or not (setting.isdigit() and setting.isascii())
        ):
            if not code and all(not cell.strip() for cell in row):
                skipped.append(skip(line, None, BLANK_LINE))
                continue
            if not practices and not problems and _all_blank(skipped):
                names_file = _names_given(origin, line, row)
                if names_file is not None:
                    raise names_file
            malformed(line, code if ods(code) else None, _row_problem(row, code))
            continue
        if setting != GP_PRACTICE_SETTING:
            text = reasons.get(setting)
            if text is None:
                kind = _SETTING_NAMES.get(setting, "not a GP practice")
                text = reasons[setting] = f"prescribing setting {setting} ({kind})"
            skipped.append(skip(line, code, text))
            continue
        if as_of is None:
            if status != "A":
                text = reasons.get(status)
                if text is None:
                    text = reasons[status] = f"status {status} ({_STATUS_NAMES[status]})"
                skipped.append(skip(line, code, text))
                continue
        elif opened is not None and opened > as_of:
            text = reasons.get(opened)
            if text is None:
                text = reasons[opened] = (
                    f"not open on {as_of.isoformat()} (opened {opened.isoformat()})"
                )
            skipped.append(skip(line, code, text))
            continue
        elif closed is not None and closed <= as_of:
            text = reasons.get(("closed", closed))
            if text is None:
                text = reasons["closed", closed] = (
                    f"not open on {as_of.isoformat()} (closed {closed.isoformat()})"
                )
            skipped.append(skip(line, code, text))
            continue
        cells = row[_COMMISSIONER], row[_ICB], row[_REGION]
        chain = chains.get(cells)
        if chain is None:
            chain = chains[cells] = _Chain(cells, nations)
        if chain.skip is not None:
            skipped.append(skip(line, code, chain.skip))
            continue
        if chain.problem is not None:
            malformed(line, code, chain.problem)
            continue
        if as_of is not None and (outside := _outside_commissioner(as_of, joined, left)):
            # The Commissioner column gives the body the practice joined on its Join
            # Provider/Purchaser Date and left on its Left Provider/Purchaser Date;
            # which one commissioned it outside those days, the file does not say,
            # so the row cannot place it on `as_of`.
            text = reasons.get(outside)
            if text is None:
                event, day = outside
                text = reasons[outside] = (
                    f"commissioner not known on {as_of.isoformat()} "
                    f"({event} its commissioner on {day.isoformat()})"
                )
            skipped.append(skip(line, code, text))
            continue
        if code in seen:
            malformed(line, code, f"practice {code} is also on line {seen[code]}")
            continue
        rank = _OPEN_RANK if closed is None and status != "C" else closed or _UNDATED_RANK
        if not chain.rows:
            chain.best, chain.best_line, chain.first = rank, line, line
        elif rank > chain.best:
            chain.best, chain.best_line = rank, line
        chain.rows += 1
        seen[code] = line
        practices.append(body(code, row[_NAME].strip() or code, practice_kind, practice_tier))
        practice_links.append(link(code, chain.commissioner))

    _refuse_empty(origin, line, skipped)
    kept, conflicts = _resolve(*_parents(chains.values()))
    if strict:
        problems.extend(c.problem() for c in conflicts if c.rule == _FIRST_OPEN)
        conflicts = [c for c in conflicts if c.rule != _FIRST_OPEN]
    if problems:
        problems.sort(key=_problem_line)
        raise DocumentError(origin, problems, more=more)

    commissioners = {c.commissioner for c in chains.values() if c.rows and not c.welsh}
    boards = {c.commissioner for c in chains.values() if c.rows and c.welsh}
    file_date = _latest(open_dates, close_dates, join_dates, left_dates)
    era = as_of or file_date
    network = _network(
        practices,
        practice_links,
        commissioners,
        boards,
        kept,
        era=era,
        names=options.names,
        names_on=options.names_on,
        label=options.name
        or f"GP practices from {_file_name(origin)}"
        + (f" open on {as_of.isoformat()}" if as_of else ""),
    )
    return OdsImport(
        network=network,
        rows=line,
        skipped=skipped,
        warnings=conflicts,
        era=era,
        file_date=file_date,
        opened_after=_opened_after(network, options.names, era)
        if era is not None and file_date is not None and era < file_date
        else (),
    )


def _opened_after(network: EscalationNetwork, names: OdsNames, day: dt.date) -> tuple[OdsName, ...]:
    """The bodies above the commissioners whose every name in the tables opened after
    `day`: each one's earliest name, in code order."""
    found = []
    for body in filter(_above_commissioners, network.bodies):
        entries = names.entries(body.id)
        if entries and all(e.opened is not None and e.opened > day for e in entries):
            found.append(min(entries, key=_opened_day))
    return tuple(sorted(found, key=operator.attrgetter("code")))


def _above_commissioners(body: Body) -> bool:
    """Whether a body of an ODS network stands above the commissioners: an ICB, STP,
    area team or region. A Welsh local health board, at the same tier as an ICB, is
    a Welsh practice's commissioner, dated by its join date like an English one."""
    return body.tier in (Tier.SYSTEM, Tier.REGION) and body.kind is not BodyKind.LOCAL_HEALTH_BOARD


def _opened_day(entry: OdsName) -> dt.date:
    return entry.opened or dt.date.min


def _parents(
    chains: Iterable[_Chain],
) -> tuple[dict[tuple[str, str], list[typing.Any]], dict[str, list[str]]]:
    """The parent links the kept rows give, from their chains: for each (child,
    parent), [best rank, line of the first row with it, first line, rows], as if
    counted row by row; and each child's parents in the order first given.

    Chains are taken in the order of their first kept row, so a link is first met
    at its first line; its best rank is the best of its chains', and the line of
    that rank the first of theirs. A Welsh board's "parent" is W00.
    """
    given: dict[tuple[str, str], list[typing.Any]] = {}
    parents_of: dict[str, list[str]] = {}
    for chain in sorted((c for c in chains if c.rows), key=_first_line):
        for link in chain.links:
            entry = given.get(link)
            if entry is None:
                given[link] = [chain.best, chain.best_line, chain.first, chain.rows]
                parents_of.setdefault(link[0], []).append(link[1])
                continue
            entry[3] += chain.rows
            if chain.best > entry[0] or (chain.best == entry[0] and chain.best_line < entry[1]):
                entry[0], entry[1] = chain.best, chain.best_line
    return given, parents_of


def _first_line(chain: _Chain) -> int:
    return chain.first


def _outside_commissioner(
    as_of: dt.date, joined: dt.date | None, left: dt.date | None
) -> tuple[str, dt.date] | None:
    """Why a practice's row does not say who commissioned it on `as_of`: it had not
    yet joined (``("joined", day)``) or had left (``("left", day)``) the body its
    Commissioner column names; `None` when it was under that body."""
    if joined is not None and joined > as_of:
        return ("joined", joined)
    if left is not None and left <= as_of:
        return ("left", left)
    return None


def _latest(*caches: dict[str, dt.date | str | None]) -> dt.date | None:
    """The file's date: its latest valid open, close, join or leaving date."""
    dates = [d for cache in caches for d in cache.values() if isinstance(d, dt.date)]
    return max(dates, default=None)


def _row_problem(row: list[str], code: str) -> str:
    """What is wrong with a row's own columns (code, dates, status, setting)."""
    problems = []
    if not code:
        problems.append("column 1 (Organisation Code) is empty")
    elif not _validate.ODS_PATTERN.match(code):
        problems.append(
            f"column 1 (Organisation Code) {short_repr(code)} is not {_validate.ODS_RULE}"
        )
    for column, label in (
        (_OPEN, "Open Date"),
        (_CLOSE, "Close Date"),
        (_JOINED, "Join Provider/Purchaser Date"),
        (_LEFT, "Left Provider/Purchaser Date"),
    ):
        found = _date(row[column], column + 1, label)
        if isinstance(found, str):
            problems.append(found)
    status, setting = row[_STATUS].strip(), row[_SETTING].strip()
    if status not in _STATUS_NAMES:
        problems.append(
            f"column {_STATUS + 1} (Status Code) {short_repr(status)} is not one of A, C, D, P"
        )
    if not (setting.isdigit() and setting.isascii()):
        problems.append(
            f"column {_SETTING + 1} (Prescribing Setting) {short_repr(setting)} is not a number"
        )
    return "; ".join(problems)


def _missing(welsh: bool, commissioner: str, icb: str, region: str) -> str:
    wanted: tuple[tuple[str, str], ...]
    if welsh:
        wanted = (("local health board (Commissioner)", commissioner),)
    else:
        wanted = (
            ("commissioner", commissioner),
            ("ICB (High Level Health Geography)", icb),
            ("region (National Grouping)", region),
        )
    return "no " + " or ".join(label for label, value in wanted if not value) + " recorded"


def _parent_problem(welsh: bool, commissioner: str, icb: str, region: str) -> str:
    return "; ".join(
        f"column {column} ({label}) {short_repr(value)} is not {_validate.ODS_RULE}"
        for column, label, value in (
            (_COMMISSIONER + 1, "Commissioner", commissioner),
            (_ICB + 1, "High Level Health Geography", icb),
            (_REGION + 1, "National Grouping", region),
        )
        if (value or not welsh) and not _validate.ODS_PATTERN.match(value)
    )


def _csv_problem(exc: csv.Error, handle: object) -> str:
    """A line the CSV reader could not read, as a problem (a binary stream raises)."""
    message = str(exc)
    if "bytes" in message:  # a binary stream: nothing in it can be read
        raise InvalidTypeError("source", handle, expected="a text file, not a binary one") from None
    if "field larger than field limit" in message:
        message = f"a field is longer than {FIELD_LIMIT:,} characters"
    return f"cannot read the line as CSV ({message})"


#: A date cache's marker for a text not parsed yet.
_UNPARSED: typing.Any = object()


# The reader checks every field itself (codes against the ODS rule, names as
# non-empty text, kinds and tiers as members), so it builds its values unchecked.
_body: Callable[[str, str, BodyKind, Tier], Body] = trusted_factory(
    Body, "id", "name", "kind", "tier"
)


def _refuse_shared(earlier: list[str], codes: list[str]) -> None:
    """Refuse the first of `codes` that is already one of `earlier`, another tier's."""
    taken = set(earlier)
    for code in codes:
        if code in taken:
            raise GraphStructureError("two bodies share the id", path=(code,))


def _network(
    practices: list[Body],
    practice_links: list[Link],
    commissioners: set[str],
    boards: set[str],
    kept: dict[str, str],
    *,
    era: dt.date | None,
    names: OdsNames,
    names_on: dt.date | None = None,
    label: str,
) -> EscalationNetwork:
    """The network of the rows kept: bodies follow the parents kept, so a parent given
    only by rows that lost a conflict is not a body of the network.

    Kinds follow the era (`era_kinds`); names come from `names` on `names_on`
    where they name the code then, else on the era's date.
    `practices` and `practice_links`, made while reading, are extended in place
    with the other bodies and links.
    """
    commissioner_kind, geography_kind = era_kinds(era)
    english = sorted(c for c in commissioners if kept[c] != WALES_GROUPING)
    welsh_boards = sorted(b for b in boards if kept[b] == WALES_GROUPING)
    icbs = sorted({kept[c] for c in english})
    # A code in two columns (a commissioner's code given as an ICB's) would stand for
    # two bodies: refused as the network refuses two bodies with one id.
    _refuse_shared(english, icbs)
    regions = sorted({kept[i] for i in icbs})
    _refuse_shared([*english, *icbs], regions)

    def named(code: str, kind: BodyKind) -> str:
        entry = None if names_on is None else names.lookup(code, names_on)
        if entry is None:
            entry = names.lookup(code, era)
        return entry.readable if entry is not None else f"{kind.label} {code}"

    def geography(code: str) -> BodyKind:
        if geography_kind is BodyKind.INTEGRATED_CARE_BOARD:
            return geography_kind
        entry = names.lookup(code, era)
        if entry is not None and entry.kind in _AREA_TEAM_TABLES:
            return BodyKind.AREA_TEAM
        return geography_kind

    region_kind, board_kind = BodyKind.REGION, BodyKind.LOCAL_HEALTH_BOARD
    bodies = practices
    bodies.extend(
        _body(c, named(c, commissioner_kind), commissioner_kind, Tier.PLACE) for c in english
    )
    for code in icbs:
        kind = geography(code)
        bodies.append(_body(code, named(code, kind), kind, Tier.SYSTEM))
    bodies.extend(_body(r, named(r, region_kind), region_kind, Tier.REGION) for r in regions)
    bodies.extend(_body(b, named(b, board_kind), board_kind, Tier.SYSTEM) for b in welsh_boards)
    links = practice_links
    links.extend(trusted_link(c, kept[c]) for c in english)
    links.extend(trusted_link(i, kept[i]) for i in icbs)
    if regions:
        bodies.append(_body(NATIONAL_ID, "NHS England", BodyKind.NATIONAL_BODY, Tier.NATIONAL))
        links.extend(trusted_link(r, NATIONAL_ID) for r in regions)
    if welsh_boards:
        bodies.append(_body(WALES_ID, "NHS Wales", BodyKind.NHS_WALES, Tier.NATIONAL))
        links.extend(trusted_link(b, WALES_ID) for b in welsh_boards)
    return _tree_network(label, bodies, links, _source())


_FIRST_OPEN = "the first row of a practice not closed decides"
_OPEN_DECIDE = "rows of practices not closed decide"


def _problem_line(problem: Problem) -> int:
    return int(problem.path.removeprefix("line "))


def _resolve(
    given: dict[tuple[str, str], list[typing.Any]], parents_of: dict[str, list[str]]
) -> tuple[dict[str, str], list[ParentConflict]]:
    """The parent kept for each body, and a conflict for each parent not kept.

    The rule: the highest-ranked row decides (a practice not closed ranks above
    every closed one, a closed one by its closing date); among rows of equal rank,
    the first.
    """
    kept: dict[str, str] = {}
    conflicts: list[ParentConflict] = []
    for child, options in parents_of.items():
        if len(options) == 1:
            kept[child] = options[0]
            continue
        ranked = [(given[child, p], p) for p in options]
        best, winner = max(ranked, key=lambda item: (item[0][0], -item[0][1]))
        kept[child] = winner
        for entry, lost in ranked:
            if lost == winner:
                continue
            if entry[0] == _OPEN_RANK:
                rule = _FIRST_OPEN
            elif best[0] == _OPEN_RANK:
                rule = _OPEN_DECIDE
            else:
                rule = f"the practice closed last, on {best[0].isoformat()}, decides"
            conflicts.append(
                ParentConflict(
                    line=entry[2],
                    code=child,
                    parent=lost,
                    kept=winner,
                    kept_line=best[1],
                    rows=entry[3],
                    rule=rule,
                )
            )
    conflicts.sort(key=lambda c: (c.line, c.code))
    return kept, conflicts
