"""Reading the NHS ODS primary care network file, ePCN core partner details (private).

ODS publishes primary care networks (PCNs) as ``ePCN.xlsx`` (sheets "PCN Details"
and "PCN Core Partner Details") and as CSV extracts. engagekit reads the core
partner details: one row for each practice's membership of a PCN, with its start
and end dates, and the PCN's parent sub-ICB location. The CSV extract
(``epcncorepartnerdetails.csv``) has these 11 columns, with or without a header row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import operator
import typing
import zipfile

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, repeat
from pathlib import Path, PurePath
from typing import IO, TypeVar

import attrs

from engagekit import _data, _display, _validate, _value
from engagekit._bulk import collector_paused
from engagekit.errors import (
    MAX_PROBLEMS,
    DocumentError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    ParseError,
    Problem,
    short_repr,
)
from engagekit.escalation._bodies import Body, Link, trusted_factory
from engagekit.escalation._columns import regular_columns
from engagekit.escalation._network import EscalationNetwork
from engagekit.escalation._ods import (
    BLANK_LINE,
    HEADER_ROW,
    ParentConflict,
    SkippedRow,
    _body,
    _count_reasons,
    _date,
    _file_name,
    _read_text,
    _refuse_empty,
    _rows,
    _skipped_row,
    _text_source,
    era_kinds,
)
from engagekit.escalation._odsnames import OdsNames, readable
from engagekit.escalation._summary import _known_name
from engagekit.escalation._tiers import BodyKind, Tier
from engagekit.escalation._tree import three_tier_network as _three_tier_network
from engagekit.sources import Source


#: The columns of the ePCN core partner details, in their published order.
COLUMNS = (
    "Partner Organisation Code",
    "Partner Name",
    "Practice Parent Sub ICB Location Code",
    "Practice Parent Sub ICB Location Name",
    "PCN Code",
    "PCN Name",
    "PCN Parent Sub ICB Location Code",
    "PCN Parent Sub ICB Location Name",
    "Practice to PCN Relationship Start Date",
    "Practice to PCN Relationship End Date",
    "Practice Sub ICB and PCN Sub ICB Match?",
)
#: The sheet of ``ePCN.xlsx`` that holds the core partner details.
SHEET = "PCN Core Partner Details"

_PRACTICE, _PRACTICE_NAME, _PRACTICE_SUB = 0, 1, 2
_PCN, _PCN_NAME, _PCN_SUB, _PCN_SUB_NAME, _START, _END = 4, 5, 6, 7, 8, 9
_HEADER = tuple(c.lower() for c in COLUMNS)
_EPRACCUR_COLUMNS = 27

_T = TypeVar("_T")

_positive = _validate.whole_at_least(1)
_non_negative = _validate.whole_at_least(0)
_optional_date = _validate.optional_date


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class PcnMembership:
    """One practice's membership of a primary care network, from one row of the file.

    Its ``repr`` is one line: what ``str`` writes.

    Attributes:
        line: the line (or sheet row) it was read from.
        practice: the practice's ODS code.
        pcn: the PCN's ODS code.
        sub_icb: the PCN's parent sub-ICB location (a former CCG's code).
        start: the day the membership started, if recorded.
        end: the day it ended, or `None` while it is in force.

    A membership is in force on a day from its start, and not on or after its end
    (as a practice is open up to, not on, its close date in `from_ods`).

    Examples:
        >>> import datetime as dt
        >>> m = PcnMembership(line=2, practice="A81001", pcn="U12345", sub_icb="16C",
        ...                   start=dt.date(2019, 7, 1), end=dt.date(2021, 4, 1))
        >>> m.in_force(dt.date(2020, 1, 1)), m.in_force(dt.date(2021, 4, 1))
        (True, False)
        >>> print(m)
        line 2: A81001 in U12345 (under 16C) from 2019-07-01 to 2021-04-01
    """

    line: int = attrs.field(converter=_validate.to_int, validator=_positive)
    practice: str = attrs.field(validator=_validate.ods_code)
    pcn: str = attrs.field(validator=_validate.ods_code)
    sub_icb: str = attrs.field(validator=_validate.ods_code)
    start: dt.date | None = attrs.field(default=None, validator=_optional_date)
    end: dt.date | None = attrs.field(default=None, validator=_optional_date)

    def in_force(self, on: dt.date | str) -> bool:
        """Whether the membership was in force on a day (a date or 'YYYY-MM-DD')."""
        day = _validate.as_date("on", on)
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def __repr__(self) -> str:
        return f"<PcnMembership {str(self)!r}>"

    def __str__(self) -> str:
        start = f" from {self.start.isoformat()}" if self.start else ""
        end = f" to {self.end.isoformat()}" if self.end else ""
        return f"line {self.line}: {self.practice} in {self.pcn} (under {self.sub_icb}){start}{end}"


# The reader checks every field itself (a line number, codes against the ODS rule,
# dates parsed), so it makes its memberships unchecked.
_membership: typing.Callable[
    [int, str, str, str, dt.date | None, dt.date | None], PcnMembership
] = trusted_factory(PcnMembership, "line", "practice", "pcn", "sub_icb", "start", "end")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class PcnImport(_display.Displayable, _display.Tabular):
    """What `EscalationNetwork.from_pcn` read: the network, and every row left out.

    Attributes:
        network: practice → primary care network → sub-ICB location, alone or
            merged into the network given.
        rows: the number of lines (or sheet rows) read.
        memberships: the memberships kept (in force), in line order.
        skipped: each line not kept, with its reason, in line order.
        warnings: each PCN given two parent sub-ICB locations by different rows,
            resolved by keeping the first row's (see `ParentConflict`).

    `len(memberships) + len(skipped) == rows`: no row is dropped silently.

    Examples:
        >>> import io
        >>> rows = ("A81001,THE SURGERY,16C,,U00001,RIVERSIDE PCN,16C,,20190701,,\\n"
        ...         "A81002,THE CLINIC,16C,,U00001,RIVERSIDE PCN,16C,,20190701,20210401,\\n")
        >>> result = EscalationNetwork.from_pcn(io.StringIO(rows))
        >>> result
        <PcnImport with 2 rows, 1 membership, 1 PCN and 1 skipped>
        >>> print(result.skipped[0])
        line 2 (A81002): membership ended (on 2021-04-01)
    """

    network: EscalationNetwork = attrs.field(validator=_validate.instance_of(EscalationNetwork))
    rows: int = attrs.field(converter=_validate.to_int, validator=_non_negative)
    memberships: tuple[PcnMembership, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(PcnMembership)
    )
    skipped: tuple[SkippedRow, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(SkippedRow)
    )
    warnings: tuple[ParentConflict, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(ParentConflict)
    )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            "PcnImport",
            [
                (self.rows, "rows"),
                (len(self.memberships), "memberships"),
                (len(self.pcns), "PCNs"),
                (len(self.skipped), "skipped"),
                *([(len(self.warnings), "warnings")] if self.warnings else []),
            ],
        )

    @property
    def pcns(self) -> tuple[str, ...]:
        """The codes of the PCNs with a membership kept, in code order."""
        return tuple(sorted({m.pcn for m in self.memberships}))

    def skipped_by_reason(self) -> dict[str, int]:
        """How many rows were skipped for each kind of reason, most frequent first.

        The reason's kind is its text up to the first parenthesis or comma.
        """
        return _count_reasons(self.skipped)


# The reader makes every record its result holds, so the result is made unchecked:
# the checked constructor would look again at each of thousands of records.
_import: typing.Callable[
    [
        EscalationNetwork,
        int,
        tuple[PcnMembership, ...],
        tuple[SkippedRow, ...],
        tuple[ParentConflict, ...],
    ],
    PcnImport,
] = trusted_factory(PcnImport, "network", "rows", "memberships", "skipped", "warnings")


def _source() -> Source:
    return Source(**_data.documents()["ods-epcn"])


def read_pcn(
    source: str | Path | IO[str],
    *,
    network: EscalationNetwork | None,
    as_of: dt.date | str | None,
    strict: bool,
    name: str | None,
) -> PcnImport:
    """Read the ePCN core partner details (see `EscalationNetwork.from_pcn`, which
    gives every argument)."""
    day = None if as_of is None else _validate.as_date("as_of", as_of)
    if not isinstance(strict, bool):
        raise InvalidTypeError("strict", strict, expected="true or false")
    if network is not None and not isinstance(network, EscalationNetwork):
        raise InvalidTypeError("network", network, expected="an EscalationNetwork or None")
    given_name: object = name
    if given_name is not None and (not isinstance(given_name, str) or not given_name.strip()):
        raise InvalidTypeError("name", name, expected="non-empty text")
    # The read makes no reference cycle: see `_bulk`.
    with _opened(source) as (records, origin), collector_paused():
        return _build(records, origin=origin, network=network, as_of=day, strict=strict, name=name)


@contextlib.contextmanager
def _opened(source: str | Path | IO[str]) -> Iterator[tuple[Callable[[], _Table], str]]:
    """How to read the records of the file (see `_Table`), once, and its name.

    The records are read when asked for, so that the one who asks holds the only
    reference to them, and can free them when they are read.
    """
    if isinstance(source, str | PurePath) and str(source).lower().endswith((".xlsx", ".xlsm")):
        path = Path(source)
        yield (lambda: _Table(list(_xlsx_rows(path, str(source))), None)), str(source)
        return
    with _text_source(source, "<epcncorepartnerdetails.csv>") as (handle, origin):
        yield functools.partial(_csv_table, handle, origin), origin


def _csv_table(handle: IO[str], origin: str) -> _Table:
    """The records of a CSV file: its columns if it is in the plain form the ODS
    publishes, else its records as `csv.reader` reads them."""
    text = _read_text(handle, origin)
    columns = regular_columns(text, len(COLUMNS))
    if columns is not None:
        return _Table(None, columns)
    return _Table(list(_rows(io.StringIO(text, newline=""), origin)), None)


#: A file's cells a column at a time, each column in line order.
_Columns = Sequence[Sequence[str]]


class _Table(typing.NamedTuple):
    """A file's records, read one of two ways: a text in the plain form the ODS
    publishes (see `regular_columns`) as its columns, any other as its records
    (each a row's cells, or what the CSV reader could not read in it)."""

    rows: list[list[str] | str] | None
    columns: _Columns | None


def _xlsx_rows(path: Path, origin: str) -> Iterator[list[str] | str]:
    """The rows of the core partner details sheet of ``ePCN.xlsx``, as text cells."""
    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError(
            f"reading {origin!r} (an .xlsx workbook)", package="openpyxl", extra="xlsx"
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise ParseError(origin, reason=f"cannot open: {exc.strerror or exc}") from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:  # not an xlsx file
        raise ParseError(origin, reason=f"not an .xlsx workbook ({exc})") from None
    try:
        if SHEET not in book.sheetnames:
            raise DocumentError(
                origin,
                [Problem("sheet", f"no sheet {SHEET!r}; the sheets are {book.sheetnames}")],
            )
        for values in book[SHEET].iter_rows(values_only=True):
            cells = [_xlsx_cell(v) for v in values]
            while len(cells) > len(COLUMNS) and not cells[-1]:  # a wider sheet's empty cells
                cells.pop()
            yield cells
    finally:
        book.close()


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y%m%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _layout_error(origin: str, line: int, row: list[str]) -> DocumentError:
    found = f"{len(row)} columns"
    if len(row) == _EPRACCUR_COLUMNS:
        found += ": this looks like epraccur.csv; read it with from_ods (--ods)"
    elif row and row[0].strip().lower() != _HEADER[0]:
        found += f", starting {short_repr(row[0].strip())}"
    reason = (
        f"not the ePCN core partner details layout: expected {len(COLUMNS)} columns "
        f"({COLUMNS[0]}, …, {COLUMNS[-1]}), got {found}"
    )
    return DocumentError(origin, [Problem(f"line {line}", reason)])


class _Members(typing.NamedTuple):
    """The memberships kept a column at a time, as the column reader has them: each
    one's practice, PCN and practice's name (its code where the file gives none), in
    line order, and each PCN's one parent."""

    practices: Sequence[str]
    pcns: Sequence[str]
    practice_names: Sequence[str]
    parent_of: dict[str, str]


class _Read(typing.NamedTuple):
    """What a reader of the file's records gives back: the memberships kept and the
    rows skipped, each in line order, and the first name the file gives each code
    (each PCN and sub-ICB location, and each practice unless `members` names them);
    the column reader also gives its `members`, the row reader `None`."""

    kept: list[PcnMembership]
    skipped: list[SkippedRow]
    names: dict[str, str]
    members: _Members | None = None


def _build(
    records: Callable[[], _Table],
    *,
    origin: str,
    network: EscalationNetwork | None,
    as_of: dt.date | None,
    strict: bool,
    name: str | None,
) -> PcnImport:
    rows, columns = records()
    count = len(rows) if rows is not None else len(typing.cast("_Columns", columns)[0])
    # A file with nothing to report, as published files are, is read a column at a
    # time; any other, row by row, which says what is wrong with each row.
    read = None
    if network is None:
        if columns is None:
            columns = _transposed(typing.cast("list[list[str] | str]", rows))
        if columns is not None:
            read = _read_columns(columns, as_of)
    if read is None:
        if rows is None:  # a text in the plain form: its records are its lines
            rows = list(map(list, zip(*typing.cast("_Columns", columns), strict=True)))
        read = _read_rows(rows, origin=origin, network=network, as_of=as_of, strict=strict)
    kept, skipped, names, members = read
    # The cells not kept are freed before the network is made, which reuses their memory.
    del rows, columns
    _refuse_empty(origin, count, skipped)
    if members is None:
        parent_of, conflicts = _pcn_parents(kept, strict=strict, origin=origin)
    else:  # read a column at a time: no PCN has two parents
        parent_of, conflicts = members.parent_of, []
    label = name or (
        f"{network.name} with primary care networks"
        if network is not None
        else f"Primary care networks from {_file_name(origin)}"
    ) + (f" on {as_of.isoformat()}" if as_of and not name else "")
    if network is None:
        built = _alone(kept, parent_of, names, label, as_of, members=members)
    else:
        built = _merged(network, kept, parent_of, names, label)
    return _import(built, count, tuple(kept), tuple(skipped), tuple(conflicts))


def _read_rows(
    rows: list[list[str] | str],
    *,
    origin: str,
    network: EscalationNetwork | None,
    as_of: dt.date | None,
    strict: bool,
) -> _Read:
    """Read the records row by row, each row's problems named by its line.

    Raises:
        DocumentError: when strict, every malformed row (or, lenient or not, a file in
            another layout).
    """
    problems: list[Problem] = []
    more = 0
    # As in `_ods._build`, what is returned is made once, with no tuple on the way.
    skipped: list[SkippedRow] = []
    kept: list[PcnMembership] = []
    # practice -> index in kept, for a practice in two PCNs at once
    member_of: dict[str, int] = {}
    names: dict[str, str] = {}  # code -> the name the file gives it
    ods = _validate.ODS_PATTERN.match
    # Checked once each: the (PCN, sub-ICB location, practice's sub-ICB location)
    # codes, which repeat, and the (start, end) date texts, as few; a practice's own
    # code is checked on its row.
    parent_codes: dict[tuple[str, str, str], tuple[str, str, str, bool]] = {}
    spans: dict[tuple[str, str], _Span | str] = {}
    skip, membership_of = _skipped_row, _membership
    layout_checked = False
    # Whether a row replaced an earlier row's membership: the only step that leaves
    # the memberships and skipped rows out of line order.
    reordered = False

    def malformed(line: int, code: str | None, reason: str) -> None:
        nonlocal more
        if not strict:
            skipped.append(skip(line, code, f"malformed: {reason}"))
        elif len(problems) < MAX_PROBLEMS:
            problems.append(Problem(f"line {line}", reason))
        else:
            more += 1

    line = 0
    for row in rows:
        line += 1
        if isinstance(row, str):  # a record the CSV reader could not read
            malformed(line, None, row)
            continue
        if len(row) != len(COLUMNS) or not layout_checked:
            if not row or all(not cell.strip() for cell in row):
                skipped.append(skip(line, None, BLANK_LINE))
                continue
            if not layout_checked:
                layout_checked = True
                if len(row) != len(COLUMNS):
                    raise _layout_error(origin, line, row)
                if tuple(c.strip().lower() for c in row) == _HEADER:
                    skipped.append(skip(line, None, HEADER_ROW))
                    continue
                if row[0].strip().lower() == _HEADER[0]:
                    raise _header_error(origin, line, row)
            else:
                malformed(line, None, f"expected {len(COLUMNS)} columns, got {len(row)}")
                continue
        # Published cells carry no padding: strip a practice code only if it fails
        # as it is (a code has no space).
        practice = row[_PRACTICE]
        code_ok = ods(practice) is not None
        if not code_ok:
            practice = practice.strip()
            code_ok = ods(practice) is not None
        cells = row[_PCN], row[_PCN_SUB], row[_PRACTICE_SUB]
        parents = parent_codes.get(cells)
        if parents is None:
            parents = parent_codes[cells] = _parent_codes(cells)
        pcn, sub_icb, practice_sub, good = parents
        texts = row[_START], row[_END]
        span = spans.get(texts)
        if span is None:
            span = spans[texts] = _span(*texts, as_of)
        if not (good and code_ok) or isinstance(span, str):
            if all(not cell.strip() for cell in row):
                skipped.append(skip(line, None, BLANK_LINE))
                continue
            row_problems = _code_problems(practice, pcn, sub_icb, practice_sub)
            if isinstance(span, str):
                row_problems.append(span)
            malformed(line, practice if code_ok else None, "; ".join(row_problems))
            continue
        start, end, out_of_force = span
        if out_of_force is not None:
            skipped.append(skip(line, practice, out_of_force))
            continue
        if network is not None:
            unknown = _unknown(network, practice, sub_icb)
            if unknown:
                malformed(line, practice, unknown)
                continue
        first = len(kept)  # the practice's place in kept, if this is its first row
        earlier = member_of.setdefault(practice, first)
        if earlier != first:
            other = kept[earlier]
            message = (
                f"practice {practice} is in {pcn} here and in {other.pcn} on line {other.line}"
            )
            if strict:
                malformed(line, practice, message)
                continue
            # The membership that started last decides; on a tie, the first row.
            if (start or dt.date.min) > (other.start or dt.date.min):
                kept[earlier] = membership_of(line, practice, pcn, sub_icb, start, end)
                skipped.append(skip(other.line, practice, f"{_LOST}: {message}"))
                reordered = True
            else:
                skipped.append(skip(line, practice, f"{_LOST}: {message}"))
            continue
        kept.append(membership_of(line, practice, pcn, sub_icb, start, end))
        # The first name the file gives each code.
        if practice not in names and (text := row[_PRACTICE_NAME].strip()):
            names[practice] = text
        if pcn not in names and (text := row[_PCN_NAME].strip()):
            names[pcn] = text
        if sub_icb not in names and (text := row[_PCN_SUB_NAME].strip()):
            # Cased as `from_ods` cases the names in ODS organisation files.
            names[sub_icb] = readable(text)

    if problems:
        raise DocumentError(origin, problems, more=more)
    if reordered:
        kept.sort(key=_line_of)
        skipped.sort(key=_line_of)
    return _Read(kept, skipped, names)


def _transposed(rows: list[list[str] | str]) -> _Columns | None:
    """The columns of records that are all 11 cells, or `None`."""
    if not rows or set(map(type, rows)) != {list}:
        return None
    try:
        columns: list[Sequence[str]] = list(zip(*rows, strict=True))
    except ValueError:  # records of two widths
        return None
    return columns if len(columns) == len(COLUMNS) else None


def _read_columns(columns: _Columns, as_of: dt.date | None) -> _Read | None:
    """Read the records a column at a time, or `None` if any row needs `_read_rows`.

    For a file with nothing to report: every record read as 11 cells (`columns`
    holds them), an optional header row first, every code an ODS code as it
    stands, every date readable, each practice in one PCN at a time, no code in two
    roles, and a membership kept. The checks are made once for each distinct code or
    date (and each distinct pair of dates with an end), and each result column is
    made by one pass in C (`map`, `zip`, `compress`), so the result is the one
    `_read_rows` gives for the same records, in its order; any other file is left to
    it, to say what is wrong where.
    """
    if len(columns) != len(COLUMNS) or not columns[0]:
        return None
    header = tuple(column[0].strip().lower() for column in columns) == _HEADER
    if not header and columns[0][0].strip().lower() == _HEADER[0]:
        return None  # a header whose columns are not the published ones
    first = 1
    if header:
        first = 2
        columns = [column[1:] for column in columns]
        if not columns[0]:  # a header alone
            return None
    # A code to strip, or that is not an ODS code, fails the rule as it stands; a
    # practice's own sub-ICB location may be left empty.
    codes = _validate.all_ods_codes
    all_pcns, all_subs = set(columns[_PCN]), set(columns[_PCN_SUB])
    if not (
        codes(columns[_PRACTICE])
        and codes(all_pcns | all_subs)
        and codes(set(columns[_PRACTICE_SUB]) - {""})
    ):
        return None
    starts, ends = columns[_START], columns[_END]
    # A date, and whether it keeps a membership out of force, depend on its own cell
    # alone: each distinct start and end is read once, and only the rows with an end
    # are paired, to see that none ends before it starts.
    start_spans, end_spans = _cell_spans(starts, as_of), _cell_spans(ends, as_of, end=True)
    if (
        start_spans is None
        or end_spans is None
        or any(
            isinstance(_span(*pair, as_of), str)
            for pair in set(compress(zip(starts, ends, strict=True), ends))
        )
    ):
        return None
    start_reason = {text: span[2] for text, span in start_spans.items()}
    end_reason = {text: span[2] for text, span in end_spans.items()}
    # Each column's cells on the rows kept: all of them when no membership is out of
    # force on the day read.
    keep: list[bool] | None = None
    pick: Callable[[Sequence[_T]], Sequence[_T]] = _whole
    if any(start_reason.values()) or any(end_reason.values()):
        # As `_span` says: a start after the day read first, then an end on or before it.
        if not any(start_reason.values()):
            reasons = list(map(end_reason.__getitem__, ends))
        elif not any(end_reason.values()):
            reasons = list(map(start_reason.__getitem__, starts))
        else:
            reasons = list(
                map(
                    _either,
                    map(start_reason.__getitem__, starts),
                    map(end_reason.__getitem__, ends),
                )
            )
        keep = list(map(operator.is_, reasons, repeat(None)))
        pick = functools.partial(_compressed, keep=keep)
    practices = pick(columns[_PRACTICE])
    pcns, subs = pick(columns[_PCN]), pick(columns[_PCN_SUB])
    distinct = set(practices)
    # No code in two roles on any row, kept or not (a file where a row not kept
    # shares a code with one kept is left to `_read_rows`, which tells them apart).
    if (
        not practices
        or len(distinct) != len(practices)
        or not distinct.isdisjoint(all_pcns)
        or not distinct.isdisjoint(all_subs)
        or not all_pcns.isdisjoint(all_subs)
    ):
        return None
    # Each column's cells on the rows kept, for a column read once.
    each: Callable[[Sequence[str]], Iterable[str]] = iter
    if keep is not None:
        each = functools.partial(compress, selectors=keep)
    start_of = {text: span[0] for text, span in start_spans.items()}
    end_of = {text: span[1] for text, span in end_spans.items()}
    lines = range(first, first + len(starts))
    kept_lines = pick(lines)
    kept = list(
        map(
            _membership,
            kept_lines,
            practices,
            pcns,
            subs,
            map(start_of.__getitem__, each(starts)),
            map(end_of.__getitem__, each(ends)),
        )
    )
    skipped = [_skipped_row(1, None, HEADER_ROW)] if header else []
    if keep is not None:
        left = list(map(operator.not_, keep))
        skipped += map(
            _skipped_row,
            compress(lines, left),
            compress(columns[_PRACTICE], left),
            typing.cast("Iterator[str]", compress(reasons, left)),
        )
    # Each practice is on one row kept: its name is that row's cell, or its code.
    practice_names = list(map(str.strip, each(columns[_PRACTICE_NAME])))
    if not all(practice_names):
        practice_names = [
            name or code for code, name in zip(practices, practice_names, strict=True)
        ]
    # Each PCN's first row kept gives its parent, which every other row must give.
    first_row = dict(zip(reversed(pcns), range(len(pcns) - 1, -1, -1), strict=True))
    parent_of = dict(zip(first_row, map(subs.__getitem__, first_row.values()), strict=True))
    if not all(map(operator.eq, map(parent_of.__getitem__, pcns), subs)):
        return None  # a PCN under two parents, which `_read_rows` reports
    # A sub-ICB location's first row is the first of its PCNs' first rows.
    firsts = sorted(first_row.values(), reverse=True)
    sub_first = dict(zip(map(subs.__getitem__, firsts), firsts, strict=True))
    named = functools.partial(_first_names_at, lines=kept_lines, first=first, pick=pick)
    names = named(first_row, pcns, columns[_PCN_NAME])
    for sub, text in named(sub_first, subs, columns[_PCN_SUB_NAME]).items():
        # Cased as `from_ods` cases the names in ODS organisation files.
        names[sub] = readable(text)
    return _Read(kept, skipped, names, _Members(practices, pcns, practice_names, parent_of))


def _first_names_at(
    first_row: dict[str, int],
    codes: Sequence[str],
    column: Sequence[str],
    *,
    lines: Sequence[int],
    first: int,
    pick: Callable[[Sequence[str]], Sequence[str]],
) -> dict[str, str]:
    """The first non-empty name (stripped) `column` gives each of the kept rows'
    `codes`: the cell on each code's first row kept, whose position among the rows
    kept `first_row` gives, unless one of those is empty (then `_first_names` of
    the kept rows, which `pick` picks from a column). Each row kept is found in
    `column` by its line in `lines`, the column's first cell being on line `first`.
    """
    at = map(operator.sub, map(lines.__getitem__, first_row.values()), repeat(first))
    given = list(map(str.strip, map(column.__getitem__, at)))
    if all(given):
        return dict(zip(first_row, given, strict=True))
    return _first_names(codes, pick(column))


def _first_names(codes: Sequence[str], cells: Sequence[str]) -> dict[str, str]:
    """The first non-empty name (stripped) the cells give each code, in line order.

    Reversed, the first row's cell is the one a dict keeps; only those cells are
    stripped, unless one of them is empty.
    """
    first = dict(zip(reversed(codes), reversed(cells), strict=True))
    named = dict(zip(first, map(str.strip, first.values()), strict=True))
    if all(named.values()):
        return named
    given = list(map(str.strip, cells))
    named_codes, given = list(compress(codes, given)), list(filter(None, given))
    return dict(zip(reversed(named_codes), reversed(given), strict=True))


def _cell_spans(
    texts: Sequence[str], as_of: dt.date | None, *, end: bool = False
) -> dict[str, _Span] | None:
    """`_span` of each distinct start (or `end`) date alone, or `None` if one is not
    a date."""
    spans = {}
    for text in set(texts):
        span = _span("", text, as_of) if end else _span(text, "", as_of)
        if isinstance(span, str):
            return None
        spans[text] = span
    return spans


def _either(first: str | None, second: str | None) -> str | None:
    return first or second


def _compressed(column: Sequence[_T], keep: list[bool]) -> Sequence[_T]:
    return list(compress(column, keep))


def _whole(column: Sequence[_T]) -> Sequence[_T]:
    return column


def _header_error(origin: str, line: int, row: list[str]) -> DocumentError:
    """A header row whose column names are not the published ones, naming each."""
    return DocumentError(
        origin,
        [
            Problem(
                f"line {line}",
                f"header column {number} is {short_repr(cell.strip())}, expected {expected!r}",
            )
            for number, (cell, expected) in enumerate(zip(row, COLUMNS, strict=True), start=1)
            if cell.strip().lower() != expected.lower()
        ],
    )


_LOST = "in two PCNs at once; the membership that started last is kept"


def _parent_codes(cells: tuple[str, str, str]) -> tuple[str, str, str, bool]:
    """The PCN, its sub-ICB location and the practice's, stripped, and whether all
    three are ODS codes (the practice's may be empty)."""
    pcn, sub_icb, practice_sub = map(str.strip, cells)
    ods = _validate.ODS_PATTERN.match
    good = bool(ods(pcn) and ods(sub_icb) and (not practice_sub or ods(practice_sub)))
    return pcn, sub_icb, practice_sub, good


#: A membership's start and end (``None`` for an empty cell), and why it is not
#: kept for the date read (`None` when it is in force).
_Span = tuple[dt.date | None, dt.date | None, str | None]


def _span(start_text: str, end_text: str, as_of: dt.date | None) -> _Span | str:
    """A membership's dates and whether it is in force (see `_Span`), or what is
    wrong with the dates, as text.

    With no date read, a membership is in force until it ends; on a date, from its
    start and not on or after its end.
    """
    start = _date(start_text, _START + 1, COLUMNS[_START])
    end = _date(end_text, _END + 1, COLUMNS[_END])
    if isinstance(start, str) or isinstance(end, str):
        return "; ".join(d for d in (start, end) if isinstance(d, str))
    if start is not None and end is not None and end < start:
        return f"the membership ends ({end.isoformat()}) before it starts ({start.isoformat()})"
    reason = None
    if as_of is None:
        if end is not None:
            reason = f"membership ended (on {end.isoformat()})"
    elif start is not None and start > as_of:
        reason = f"membership not in force on {as_of.isoformat()} (started {start.isoformat()})"
    elif end is not None and end <= as_of:
        reason = f"membership not in force on {as_of.isoformat()} (ended {end.isoformat()})"
    return start, end, reason


def _code_problems(practice: str, pcn: str, sub_icb: str, practice_sub: str) -> list[str]:
    """What is wrong with a row's codes, column by column."""
    ods = _validate.ODS_PATTERN.match
    given = ((_PRACTICE, practice), (_PCN, pcn), (_PCN_SUB, sub_icb))
    found = [
        f"column {column + 1} ({COLUMNS[column]}) "
        + (f"{short_repr(value)} is not {_validate.ODS_RULE}" if value else "is empty")
        for column, value in given
        if not ods(value)
    ]
    if practice_sub and not ods(practice_sub):
        found.append(
            f"column {_PRACTICE_SUB + 1} ({COLUMNS[_PRACTICE_SUB]}) "
            f"{short_repr(practice_sub)} is not {_validate.ODS_RULE}"
        )
    return found


def _line_of(record: PcnMembership | SkippedRow) -> int:
    return record.line


def _unknown(network: EscalationNetwork, practice: str, sub_icb: str) -> str | None:
    """Why a row cannot join the network, or `None`."""
    reasons = []
    if practice not in network:
        reasons.append(f"unknown practice {practice}: not in the network")
    elif network.body(practice).kind is not BodyKind.PRACTICE:
        reasons.append(f"{practice} is not a practice in the network")
    if sub_icb not in network:
        reasons.append(f"unknown sub-ICB location {sub_icb}: not in the network")
    elif network.body(sub_icb).tier <= Tier.NEIGHBOURHOOD:
        reasons.append(f"{sub_icb} is not above a primary care network in the network")
    return "; ".join(reasons) or None


def _pcn_parents(
    kept: list[PcnMembership], *, strict: bool, origin: str
) -> tuple[dict[str, str], list[ParentConflict]]:
    """Each PCN's parent sub-ICB location: the first row's; a conflict for each other.

    The memberships are in line order, so the conflicts are too: each is made at the
    first line giving its parent."""
    first: dict[str, PcnMembership] = {}
    lost: dict[tuple[str, str], list[PcnMembership]] = {}
    for membership in kept:
        winner = first.setdefault(membership.pcn, membership)
        if winner.sub_icb != membership.sub_icb:
            lost.setdefault((membership.pcn, membership.sub_icb), []).append(membership)
    conflicts = [
        ParentConflict(
            line=rows[0].line,
            code=pcn,
            parent=parent,
            kept=first[pcn].sub_icb,
            kept_line=first[pcn].line,
            rows=len(rows),
            rule="the first row of the PCN decides",
        )
        for (pcn, parent), rows in lost.items()
    ]
    if strict and conflicts:
        raise DocumentError(origin, [c.problem() for c in conflicts])
    return {pcn: m.sub_icb for pcn, m in first.items()}, conflicts


def _replaceable_name(body: Body) -> bool:
    """Whether a body's name was made from its code or read from an unverified
    built-in table, so that a name in the user's ePCN file should replace it."""
    if not _known_name(body):
        return True
    return any(
        not entry.verified and entry.readable == body.name
        for entry in OdsNames.builtin().entries(body.id)
    )


def _too_late(name: str, code: str, kind: BodyKind) -> bool:
    """Whether `name` is a sub-ICB location's name ("NHS North East and North Cumbria
    ICB - 16C") for a body of the CCG era: the ePCN file names each commissioner as on
    the day it was published, which a network as on a date before 1 July 2022 must not
    give the CCG the code was then (16C was NHS Tees Valley CCG)."""
    return kind is BodyKind.CLINICAL_COMMISSIONING_GROUP and name.upper().endswith(
        f" ICB - {code.upper()}"
    )


def _pcn_body(pcn: str, names: dict[str, str]) -> Body:
    return _body(
        pcn,
        names.get(pcn) or f"Primary care network {pcn}",
        BodyKind.PRIMARY_CARE_NETWORK,
        Tier.NEIGHBOURHOOD,
    )


def _alone(
    kept: list[PcnMembership],
    parent_of: dict[str, str],
    names: dict[str, str],
    label: str,
    as_of: dt.date | None,
    *,
    members: _Members | None = None,
) -> EscalationNetwork:
    """Practice → PCN → sub-ICB location: a tree (one PCN for each practice kept, one
    parent for each PCN) of codes the reader checked, and names it took from the
    file's non-empty cells (a sub-ICB location the file leaves unnamed is named as
    `from_ods` names it), so it is made and indexed as `from_ods` makes its own.
    The practices and their PCNs and names are `members`', if given."""
    practice_names: Iterable[str]
    if members is None:
        practices: Sequence[str] = list(map(_practice_of, kept))
        member_of: Sequence[str] = list(map(_pcn_of, kept))
        practice_names = map(names.get, practices, practices)
    else:
        practices, member_of, practice_names = members[:3]
    bodies = list(
        map(_body, practices, practice_names, repeat(BodyKind.PRACTICE), repeat(Tier.PRACTICE))
    )
    pcns = sorted(parent_of)
    bodies.extend([_pcn_body(pcn, names) for pcn in pcns])
    # A PCN's parent is the commissioner of its day, of the kind `from_ods` gives it:
    # a CCG before 1 July 2022, a sub-ICB location from then (and with no date).
    kind = era_kinds(as_of)[0]
    builtin = OdsNames.builtin()
    subs = sorted(set(parent_of.values()))
    for sub in subs:
        name = names.get(sub)
        if name is None or _too_late(name, sub, kind):
            entry = builtin.lookup(sub, as_of)
            name = entry.readable if entry is not None else f"{kind.label} {sub}"
        bodies.append(_body(sub, name, kind, Tier.PLACE))
    return _three_tier_network(
        label,
        bodies,
        _source(),
        practices=practices,
        member_of=member_of,
        groups=pcns,
        parent_of=parent_of,
        tops=subs,
    )


_practice_of = operator.attrgetter("practice")
_pcn_of = operator.attrgetter("pcn")


def _merged(
    network: EscalationNetwork,
    kept: list[PcnMembership],
    parent_of: dict[str, str],
    names: dict[str, str],
    label: str,
) -> EscalationNetwork:
    pcn_of = {m.practice: m.pcn for m in kept}
    clash = sorted(pcn for pcn in parent_of if pcn in network)
    if clash:
        raise InvalidValueError(
            "network", clash[0], reason="a PCN code is already a body of the network"
        )
    # A member practice's route now runs through its PCN; its other vertical links
    # (to its commissioner) stay, no longer primary.
    links = [
        attrs.evolve(link, primary=False)
        if link.source in pcn_of and link.kind.is_vertical and link.primary
        else link
        for link in network.links
    ]
    links.extend(Link(source=m.practice, target=m.pcn, primary=True) for m in kept)
    links.extend(Link(source=pcn, target=sub) for pcn, sub in sorted(parent_of.items()))
    # The ePCN file's name replaces one that rests on nothing the user gave: a name
    # made from the code (as `from_ods` names a commissioner it has no name for) or one
    # from a built-in table marked unverified. A name from a verified table or from
    # the user's own `names=` files stays, as does a CCG's name on a date before the
    # sub-ICB location name the file gives it.
    bodies = [
        attrs.evolve(body, name=names[body.id])
        if body.id in names
        and _replaceable_name(body)
        and not _too_late(names[body.id], body.id, body.kind)
        else body
        for body in network.bodies
    ]
    bodies.extend(_pcn_body(pcn, names) for pcn in sorted(parent_of))
    return EscalationNetwork(name=label, bodies=bodies, links=links, source=network.source)
