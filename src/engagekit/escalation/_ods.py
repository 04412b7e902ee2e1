"""Reading the NHS ODS GP practice file, ``epraccur.csv`` (private).

The file has no header row and 27 columns; one row gives a practice's whole upward
chain: practice → commissioner (CCG, now sub-ICB location) → High Level Health
Geography (ICB) → National Grouping (NHS England region).
"""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import typing

from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO

import attrs

from engagekit import _data, _display, _validate
from engagekit.choices import Choice, aliases
from engagekit.errors import (
    MAX_PROBLEMS,
    DocumentError,
    InvalidTypeError,
    ParseError,
    Problem,
    short_repr,
)
from engagekit.escalation._bodies import Body, Link
from engagekit.escalation._network import EscalationNetwork
from engagekit.escalation._tiers import BodyKind, Tier
from engagekit.sources import Source


#: The number of columns in the published layout.
COLUMNS = 27

# 0-based positions of the columns engagekit reads.
_CODE, _NAME, _REGION, _ICB = 0, 1, 2, 3
_OPEN, _CLOSE, _STATUS, _COMMISSIONER, _SETTING = 10, 11, 12, 14, 25

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


@attrs.frozen(kw_only=True)
class ParentConflict:
    """Rows of the ODS file that give one body two different parents, and which was kept.

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

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}; kept {self.kept} ({self.rule})"


@attrs.frozen(kw_only=True, repr=False)
class OdsImport(_display.Displayable):
    """What `EscalationNetwork.from_ods` read: the network, and every row left out.

    Attributes:
        network: practice → commissioner → ICB → region → NHS England (and, for
            Welsh practices read with `nations`, practice → local health board).
        rows: the number of lines read.
        skipped: each line not made into a practice, with its reason, in line order.
        warnings: each conflict between rows over a body's parent that was
            resolved by the documented rule (see `ParentConflict`), in line order.

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
        counts: dict[str, int] = {}
        for row in self.skipped:
            kind = row.reason.split(" (")[0].split(",")[0]
            counts[kind] = counts.get(kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _date(text: str, column: int, label: str) -> dt.date | str | None:
    """A date, ``None`` for an empty cell, or a problem (as text)."""
    text = text.strip()
    if not text:
        return None
    if len(text) == 8 and text.isdigit():
        try:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
    return f"column {column} ({label}) {short_repr(text)} is not a YYYYMMDD date"


def _source() -> Source:
    return Source(**_data.documents()["ods-epraccur"])


#: The longest field the reader accepts (the csv module's default limit).
FIELD_LIMIT = 131_072


def read_ods(
    source: str | Path | IO[str],
    *,
    as_of: dt.date | str | None = None,
    strict: bool = True,
    nations: Nations | str = Nations.ENGLAND,
    name: str | None = None,
) -> OdsImport:
    """Read ``epraccur.csv`` (see `EscalationNetwork.from_ods`)."""
    day = None if as_of is None else _validate.as_date("as_of", as_of)
    if not isinstance(strict, bool):
        raise InvalidTypeError("strict", strict, expected="true or false")
    chosen = Nations.parse(nations, field="nations")
    given_name: object = name
    if given_name is not None and (not isinstance(given_name, str) or not given_name.strip()):
        raise InvalidTypeError("name", name, expected="non-empty text")
    options = _Options(as_of=day, strict=strict, nations=chosen, name=name)
    if isinstance(source, str | PurePath):
        origin = str(source)
        try:
            handle = Path(source).open(encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise ParseError(origin, reason=f"cannot open: {exc.strerror}") from None
        except ValueError as exc:  # a path with a NUL character
            raise ParseError(origin, reason=f"cannot open: {exc}") from None
        with handle:
            return _build(handle, origin=origin, options=options)
    given: object = source
    if isinstance(given, stdio.RawIOBase | stdio.BufferedIOBase) or not hasattr(given, "read"):
        raise InvalidTypeError(
            "source",
            source,
            expected="a path or a text file (open it with encoding and newline='')",
        )
    origin = str(getattr(source, "name", "<epraccur.csv>"))
    return _build(source, origin=origin, options=options)


@attrs.frozen
class _Options:
    as_of: dt.date | None
    strict: bool
    nations: Nations
    name: str | None


def _rows(handle: Iterable[str], origin: str) -> Iterator[tuple[int, list[str] | str]]:
    """Each record with its number: the cells, or what the CSV reader could not read."""
    reader = csv.reader(handle, strict=True)
    line = 0
    while True:
        line += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            message = str(exc)
            if "bytes" in message:  # a binary stream: nothing in it can be read
                raise InvalidTypeError(
                    "source", handle, expected="a text file, not a binary one"
                ) from None
            if "field larger than field limit" in message:
                message = f"a field is longer than {FIELD_LIMIT:,} characters"
            yield line, f"cannot read the line as CSV ({message})"
            continue
        except UnicodeDecodeError:
            raise ParseError(
                origin, reason="not UTF-8 text; open the file with its encoding and pass it"
            ) from None
        yield line, row


def _build(handle: Iterable[str], *, origin: str, options: _Options) -> OdsImport:
    as_of, strict, nations = options.as_of, options.strict, options.nations
    problems: list[Problem] = []
    more = 0
    # Skipped rows as (line, code, reason); records are made once, at the end.
    skipped: list[tuple[int, str | None, str]] = []
    practices: list[Body] = []
    links: list[Link] = []
    seen: dict[str, int] = {}
    # (child, parent) -> [best rank, line of the best-ranked row, first line, rows];
    # child -> its parents in the order first seen. A Welsh board's "parent" is W00.
    given: dict[tuple[str, str], list[typing.Any]] = {}
    parents_of: dict[str, list[str]] = {}
    commissioners: set[str] = set()
    boards: set[str] = set()
    ods = _validate.ODS_PATTERN.match
    keep_england, keep_wales = nations.includes_england, nations.includes_wales

    def malformed(line: int, code: str | None, reason: str) -> None:
        nonlocal more
        if not strict:
            skipped.append((line, code, f"malformed: {reason}"))
        elif len(problems) < MAX_PROBLEMS:
            problems.append(Problem(f"line {line}", reason))
        else:
            more += 1

    def parent(child: str, parent: str, rank: dt.date, line: int) -> None:
        entry = given.get((child, parent))
        if entry is None:
            given[child, parent] = [rank, line, line, 1]
            known = parents_of.get(child)
            if known is None:
                parents_of[child] = [parent]
            else:
                known.append(parent)
        else:
            entry[3] += 1
            if rank > entry[0]:
                entry[0], entry[1] = rank, line

    rows = 0
    for line, row in _rows(handle, origin):
        rows = line
        if isinstance(row, str):
            malformed(line, None, row)
            continue
        if not row or all(not cell.strip() for cell in row):
            skipped.append((line, None, "blank line"))
            continue
        code = row[_CODE].strip() or None
        if code is not None and not ods(code):
            code_text: str | None = None
        else:
            code_text = code
        if len(row) != COLUMNS:
            malformed(line, code_text, f"expected {COLUMNS} columns, got {len(row)}")
            continue
        row_problems = []
        if code is None:
            row_problems.append("column 1 (Organisation Code) is empty")
        elif code_text is None:
            row_problems.append(
                f"column 1 (Organisation Code) {short_repr(code)} is not {_validate.ODS_RULE}"
            )
        opened = _date(row[_OPEN], _OPEN + 1, "Open Date")
        closed = _date(row[_CLOSE], _CLOSE + 1, "Close Date")
        row_problems.extend(d for d in (opened, closed) if isinstance(d, str))
        status = row[_STATUS].strip()
        if status not in _STATUS_NAMES:
            row_problems.append(
                f"column {_STATUS + 1} (Status Code) {short_repr(status)} is not one of A, C, D, P"
            )
        setting = row[_SETTING].strip()
        if not (setting.isdigit() and setting.isascii()):
            row_problems.append(
                f"column {_SETTING + 1} (Prescribing Setting) {short_repr(setting)} is not a number"
            )
        if row_problems:
            malformed(line, code_text, "; ".join(row_problems))
            continue
        assert code is not None
        if setting != GP_PRACTICE_SETTING:
            kind = _SETTING_NAMES.get(setting, "not a GP practice")
            skipped.append((line, code, f"prescribing setting {setting} ({kind})"))
            continue
        assert not isinstance(opened, str)
        assert not isinstance(closed, str)
        if as_of is None:
            if status != "A":
                skipped.append((line, code, f"status {status} ({_STATUS_NAMES[status]})"))
                continue
        elif opened is not None and opened > as_of:
            reason = f"not open on {as_of.isoformat()} (opened {opened.isoformat()})"
            skipped.append((line, code, reason))
            continue
        elif closed is not None and closed <= as_of:
            reason = f"not open on {as_of.isoformat()} (closed {closed.isoformat()})"
            skipped.append((line, code, reason))
            continue
        commissioner, icb, region = (
            row[_COMMISSIONER].strip(),
            row[_ICB].strip(),
            row[_REGION].strip(),
        )
        welsh = region == WALES_GROUPING or icb == WALES_GEOGRAPHY
        if not (keep_wales if welsh else keep_england):
            nation = "Wales" if welsh else "England"
            reason = f"in {nation} (National Grouping {region or '-'}); nations='both' keeps it"
            skipped.append((line, code, reason))
            continue
        wanted: tuple[tuple[str, str], ...]
        if welsh:
            wanted = (("local health board (Commissioner)", commissioner),)
        else:
            wanted = (
                ("commissioner", commissioner),
                ("ICB (High Level Health Geography)", icb),
                ("region (National Grouping)", region),
            )
        missing = [label for label, value in wanted if not value]
        if missing:
            skipped.append((line, code, "no " + " or ".join(missing) + " recorded"))
            continue
        bad = [
            f"column {column} ({label}) {short_repr(value)} is not {_validate.ODS_RULE}"
            for column, label, value in (
                (_COMMISSIONER + 1, "Commissioner", commissioner),
                (_ICB + 1, "High Level Health Geography", icb),
                (_REGION + 1, "National Grouping", region),
            )
            if (value or not welsh) and not ods(value)
        ]
        if bad:
            malformed(line, code, "; ".join(bad))
            continue
        if code in seen:
            malformed(line, code, f"practice {code} is also on line {seen[code]}")
            continue
        rank = _OPEN_RANK if closed is None and status != "C" else closed or _UNDATED_RANK
        if welsh:
            boards.add(commissioner)
            parent(commissioner, WALES_GROUPING, rank, line)
        else:
            commissioners.add(commissioner)
            parent(commissioner, icb, rank, line)
            parent(icb, region, rank, line)
        seen[code] = line
        practices.append(
            Body(
                id=code,
                name=row[_NAME].strip() or code,
                kind=BodyKind.PRACTICE,
                tier=Tier.PRACTICE,
            )
        )
        links.append(Link(source=code, target=commissioner))

    kept, conflicts = _resolve(given, parents_of)
    if strict:
        problems.extend(c.problem() for c in conflicts if c.rule == _FIRST_OPEN)
        conflicts = [c for c in conflicts if c.rule != _FIRST_OPEN]
    if problems:
        problems.sort(key=_problem_line)
        raise DocumentError(origin, problems, more=more)

    # Bodies follow the parents kept: a parent given only by rows that lost a
    # conflict is not a body of the network.
    english = sorted(c for c in commissioners if kept[c] != WALES_GROUPING)
    welsh_boards = sorted(b for b in boards if kept[b] == WALES_GROUPING)
    icbs = sorted({kept[c] for c in english})
    regions = sorted({kept[i] for i in icbs})
    bodies = [
        *practices,
        *(
            Body(id=c, name=f"Commissioner {c}", kind=BodyKind.COMMISSIONER, tier=Tier.PLACE)
            for c in english
        ),
        *(
            Body(id=i, name=f"ICB {i}", kind=BodyKind.INTEGRATED_CARE_BOARD, tier=Tier.SYSTEM)
            for i in icbs
        ),
        *(
            Body(id=r, name=f"NHS England region {r}", kind=BodyKind.REGION, tier=Tier.REGION)
            for r in regions
        ),
        *(
            Body(
                id=b,
                name=f"Local health board {b}",
                kind=BodyKind.LOCAL_HEALTH_BOARD,
                tier=Tier.SYSTEM,
            )
            for b in welsh_boards
        ),
    ]
    links.extend(Link(source=c, target=kept[c]) for c in english)
    links.extend(Link(source=i, target=kept[i]) for i in icbs)
    if regions:
        bodies.append(
            Body(
                id=NATIONAL_ID,
                name="NHS England",
                kind=BodyKind.NATIONAL_BODY,
                tier=Tier.NATIONAL,
            )
        )
        links.extend(Link(source=r, target=NATIONAL_ID) for r in regions)
    if welsh_boards:
        bodies.append(
            Body(id=WALES_ID, name="NHS Wales", kind=BodyKind.NHS_WALES, tier=Tier.NATIONAL)
        )
        links.extend(Link(source=b, target=WALES_ID) for b in welsh_boards)
    label = options.name or f"GP practices from {origin}" + (
        f" open on {as_of.isoformat()}" if as_of else ""
    )
    network = EscalationNetwork(name=label, bodies=bodies, links=links, source=_source())
    return OdsImport(
        network=network,
        rows=rows,
        skipped=[SkippedRow(line=line, code=code, reason=reason) for line, code, reason in skipped],
        warnings=conflicts,
    )


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
                rule = f"the practice closed last decides (closed {best[0].isoformat()})"
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
