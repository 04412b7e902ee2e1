"""Reading the NHS ODS GP practice file, ``epraccur.csv`` (private).

The file has no header row and 27 columns; one row gives a practice's whole upward
chain: practice → commissioner (CCG, now sub-ICB location) → High Level Health
Geography (ICB) → National Grouping (NHS England region).
"""

from __future__ import annotations

import csv
import datetime as dt

from pathlib import Path
from typing import IO, Any

import attrs

from engagekit import _data, _validate
from engagekit.errors import DocumentError, InvalidValueError, ParseError
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


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}", value, reason="must be a line number"
        )


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}", value, reason="must be at least 0"
        )


@attrs.frozen(kw_only=True)
class SkippedRow:
    """A row of the ODS file that was not made into a practice, and why.

    Examples:
        >>> print(SkippedRow(line=3, code="Y02627", reason="prescribing setting 2 (out of hours)"))
        line 3 (Y02627): prescribing setting 2 (out of hours)
    """

    line: int = attrs.field(validator=_positive)
    code: str | None = attrs.field(default=None, validator=_validate.optional_text)
    reason: str = attrs.field(validator=_validate.text)

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" ({self.code})" if self.code else "")
        return f"{where}: {self.reason}"


@attrs.frozen(kw_only=True)
class OdsImport:
    """What :meth:`EscalationNetwork.from_ods` read: the network, and every row left out.

    Attributes:
        network: practice → commissioner → ICB → region → NHS England.
        rows: the number of lines read.
        skipped: each line not made into a practice, with its reason, in line order.

    ``len(network.practices) + len(skipped) == rows``: no row is dropped silently.
    """

    network: EscalationNetwork = attrs.field(validator=_validate.instance_of(EscalationNetwork))
    rows: int = attrs.field(validator=_non_negative)
    skipped: tuple[SkippedRow, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(SkippedRow)
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
    return f"column {column} ({label}) {text!r} is not a YYYYMMDD date"


def _source() -> Source:
    return Source(**_data.documents()["ods-epraccur"])


def read_ods(
    source: str | Path | IO[str],
    *,
    as_of: dt.date | None = None,
    strict: bool = True,
    name: str | None = None,
) -> OdsImport:
    """Read ``epraccur.csv`` (see :meth:`EscalationNetwork.from_ods`)."""
    given: object = as_of
    if given is not None and (not isinstance(given, dt.date) or isinstance(given, dt.datetime)):
        raise InvalidValueError("as_of", as_of, reason="must be a datetime.date")
    if isinstance(source, str | Path):
        origin = str(source)
        try:
            with Path(source).open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
        except OSError as exc:
            raise ParseError(origin, reason=f"cannot open: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise ParseError(
                origin, reason="not UTF-8 text; open the file with its encoding and pass it"
            ) from None
    else:
        origin = str(getattr(source, "name", "<epraccur.csv>"))
        rows = list(csv.reader(source))
    return _build(rows, origin=origin, as_of=as_of, strict=strict, name=name)


def _build(
    rows: list[list[str]],
    *,
    origin: str,
    as_of: dt.date | None,
    strict: bool,
    name: str | None,
) -> OdsImport:
    problems: list[str] = []
    skipped: list[SkippedRow] = []
    practices: list[Body] = []
    links: list[Link] = []
    seen: dict[str, int] = {}
    # commissioner -> (ICB, line first seen); ICB -> (region, line first seen)
    icb_of: dict[str, tuple[str, int]] = {}
    region_of: dict[str, tuple[str, int]] = {}

    def malformed(line: int, code: str | None, reason: str) -> None:
        if strict:
            problems.append(f"line {line}: {reason}")
        else:
            skipped.append(SkippedRow(line=line, code=code, reason=f"malformed: {reason}"))

    for line, row in enumerate(rows, start=1):
        if not row or all(not cell.strip() for cell in row):
            skipped.append(SkippedRow(line=line, reason="blank line"))
            continue
        code = row[_CODE].strip() or None
        if len(row) != COLUMNS:
            malformed(line, code, f"expected {COLUMNS} columns, got {len(row)}")
            continue
        row_problems = []
        if code is None:
            row_problems.append("column 1 (Organisation Code) is empty")
        opened = _date(row[_OPEN], _OPEN + 1, "Open Date")
        closed = _date(row[_CLOSE], _CLOSE + 1, "Close Date")
        row_problems.extend(d for d in (opened, closed) if isinstance(d, str))
        status = row[_STATUS].strip()
        if status not in _STATUS_NAMES:
            row_problems.append(
                f"column {_STATUS + 1} (Status Code) {status!r} is not one of A, C, D, P"
            )
        setting = row[_SETTING].strip()
        if not setting.isdigit():
            row_problems.append(
                f"column {_SETTING + 1} (Prescribing Setting) {setting!r} is not a number"
            )
        if row_problems:
            malformed(line, code, "; ".join(row_problems))
            continue
        assert code is not None
        if setting != GP_PRACTICE_SETTING:
            kind = _SETTING_NAMES.get(setting, "not a GP practice")
            skipped.append(
                SkippedRow(line=line, code=code, reason=f"prescribing setting {setting} ({kind})")
            )
            continue
        assert not isinstance(opened, str)
        assert not isinstance(closed, str)
        if as_of is None:
            if status != "A":
                skipped.append(
                    SkippedRow(
                        line=line, code=code, reason=f"status {status} ({_STATUS_NAMES[status]})"
                    )
                )
                continue
        else:
            if opened is not None and opened > as_of:
                skipped.append(
                    SkippedRow(
                        line=line,
                        code=code,
                        reason=f"not open on {as_of.isoformat()} (opened {opened.isoformat()})",
                    )
                )
                continue
            if closed is not None and closed <= as_of:
                skipped.append(
                    SkippedRow(
                        line=line,
                        code=code,
                        reason=f"not open on {as_of.isoformat()} (closed {closed.isoformat()})",
                    )
                )
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
            skipped.append(
                SkippedRow(line=line, code=code, reason="no " + " or ".join(missing) + " recorded")
            )
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
        raise DocumentError(origin, problems)

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
        rows=len(rows),
        skipped=sorted(skipped, key=lambda s: s.line),
    )
