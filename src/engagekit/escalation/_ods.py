"""Reading the NHS ODS GP practice file, ``epraccur.csv`` (private).

The file has no header row and 27 columns; one row gives a practice's whole upward
chain: practice → commissioner (CCG, now sub-ICB location) → High Level Health
Geography (ICB) → National Grouping (NHS England region).
"""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio

from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO

import attrs

from engagekit import _data, _display, _validate
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


@attrs.frozen(kw_only=True, repr=False)
class OdsImport(_display.Displayable):
    """What `EscalationNetwork.from_ods` read: the network, and every row left out.

    Attributes:
        network: practice → commissioner → ICB → region → NHS England.
        rows: the number of lines read.
        skipped: each line not made into a practice, with its reason, in line order.

    `len(network.practices) + len(skipped) == rows`: no row is dropped silently.
    """

    network: EscalationNetwork = attrs.field(validator=_validate.instance_of(EscalationNetwork))
    rows: int = attrs.field(converter=_validate.to_int, validator=_non_negative)
    skipped: tuple[SkippedRow, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(SkippedRow)
    )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            "OdsImport",
            [
                (self.rows, "rows"),
                (len(self.network.practices), "practices"),
                (len(self.skipped), "skipped"),
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
    name: str | None = None,
) -> OdsImport:
    """Read ``epraccur.csv`` (see `EscalationNetwork.from_ods`)."""
    day = None if as_of is None else _validate.as_date("as_of", as_of)
    if not isinstance(strict, bool):
        raise InvalidTypeError("strict", strict, expected="true or false")
    given_name: object = name
    if given_name is not None and (not isinstance(given_name, str) or not given_name.strip()):
        raise InvalidTypeError("name", name, expected="non-empty text")
    if isinstance(source, str | PurePath):
        origin = str(source)
        try:
            handle = Path(source).open(encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise ParseError(origin, reason=f"cannot open: {exc.strerror}") from None
        except ValueError as exc:  # a path with a NUL character
            raise ParseError(origin, reason=f"cannot open: {exc}") from None
        with handle:
            return _build(handle, origin=origin, as_of=day, strict=strict, name=name)
    given: object = source
    if isinstance(given, stdio.RawIOBase | stdio.BufferedIOBase) or not hasattr(given, "read"):
        raise InvalidTypeError(
            "source",
            source,
            expected="a path or a text file (open it with encoding and newline='')",
        )
    origin = str(getattr(source, "name", "<epraccur.csv>"))
    return _build(source, origin=origin, as_of=day, strict=strict, name=name)


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


def _build(
    handle: Iterable[str],
    *,
    origin: str,
    as_of: dt.date | None,
    strict: bool,
    name: str | None,
) -> OdsImport:
    problems: list[Problem] = []
    more = 0
    # Skipped rows as (line, code, reason); records are made once, at the end.
    skipped: list[tuple[int, str | None, str]] = []
    practices: list[Body] = []
    links: list[Link] = []
    seen: dict[str, int] = {}
    # commissioner -> (ICB, line first seen); ICB -> (region, line first seen)
    icb_of: dict[str, tuple[str, int]] = {}
    region_of: dict[str, tuple[str, int]] = {}
    ods = _validate.ODS_PATTERN.match

    def malformed(line: int, code: str | None, reason: str) -> None:
        nonlocal more
        if not strict:
            skipped.append((line, code, f"malformed: {reason}"))
        elif len(problems) < MAX_PROBLEMS:
            problems.append(Problem(f"line {line}", reason))
        else:
            more += 1

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
        missing = [
            label
            for label, value in (
                ("commissioner", commissioner),
                ("ICB (High Level Health Geography)", icb),
                ("region (National Grouping)", region),
            )
            if not value
        ]
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
            if not ods(value)
        ]
        if bad:
            malformed(line, code, "; ".join(bad))
            continue
        if code in seen:
            malformed(line, code, f"practice {code} is also on line {seen[code]}")
            continue
        conflict = False
        for parent_of, child, parent in ((icb_of, commissioner, icb), (region_of, icb, region)):
            earlier = parent_of.get(child)
            if earlier is not None and earlier[0] != parent:
                malformed(
                    line,
                    code,
                    f"{child} is under {parent} here but under {earlier[0]} on line {earlier[1]}",
                )
                conflict = True
                break
        if conflict:
            continue
        icb_of.setdefault(commissioner, (icb, line))
        region_of.setdefault(icb, (region, line))
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

    if problems:
        raise DocumentError(origin, problems, more=more)

    source = _source()
    commissioners = sorted(icb_of)
    icbs = sorted(region_of)
    regions = sorted({region for region, _ in region_of.values()})
    bodies = [
        *practices,
        *(
            Body(id=c, name=f"Commissioner {c}", kind=BodyKind.COMMISSIONER, tier=Tier.PLACE)
            for c in commissioners
        ),
        *(
            Body(id=i, name=f"ICB {i}", kind=BodyKind.INTEGRATED_CARE_BOARD, tier=Tier.SYSTEM)
            for i in icbs
        ),
        *(
            Body(id=r, name=f"NHS England region {r}", kind=BodyKind.REGION, tier=Tier.REGION)
            for r in regions
        ),
    ]
    links.extend(Link(source=c, target=icb_of[c][0]) for c in commissioners)
    links.extend(Link(source=i, target=region_of[i][0]) for i in icbs)
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
    label = name or f"GP practices from {origin}" + (
        f" open on {as_of.isoformat()}" if as_of else ""
    )
    network = EscalationNetwork(name=label, bodies=bodies, links=links, source=source)
    return OdsImport(
        network=network,
        rows=rows,
        skipped=[SkippedRow(line=line, code=code, reason=reason) for line, code, reason in skipped],
    )
