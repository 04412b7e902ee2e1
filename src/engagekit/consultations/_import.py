"""Reading a survey platform's CSV export with a mapping document (private).

The mapping says which column is which question, which answer values mean which
choice, and which columns hold the equality-monitoring answers, so that an export
from any platform loads without code. Every row that cannot be read is reported with
its line and column; none is dropped silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import operator
import os

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, Any, ClassVar, NoReturn

import attrs

from engagekit import _data, _display, _value
from engagekit.choices import normalise
from engagekit.consultations._consultation import (
    Consultation,
    Question,
    QuestionKind,
    RespondentType,
)
from engagekit.consultations._monitoring import MonitoringScheme, monitoring_scheme
from engagekit.consultations._responses import ResponseSet, Theme, _catalogue
from engagekit.duties.equality import ProtectedCharacteristic
from engagekit.errors import DocumentError, EngagekitError, Problem, close_matches
from engagekit.plans._kinds import Channel


_TOP_KEYS = {
    "title",
    "id",
    "date",
    "date_format",
    "channel",
    "channel_column",
    "channels",
    "respondent_type",
    "respondent_type_column",
    "respondent_types",
    "blank",
    "ignore",
    "question",
    "monitoring",
    "monitoring_values",
    "theme_separator",
}
_QUESTION_KEYS = {"id", "column", "values", "separator", "themes_column", "columns"}


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class QuestionColumn:
    """Where one question's answers are in the export.

    Its ``repr`` is one line: the question, each setting given, and how many
    values and choice columns it maps.

    Attributes:
        id: the question's id in the consultation.
        column: the column holding the answer (``None`` when ``columns`` is used).
        values: export value → choice (or scale number), for values that are not
            already the choice's own words.
        separator: for a multiple-choice question in one column, what separates
            the choices (``";"``).
        columns: for a multiple-choice question with one column per choice: column
            → choice (any non-blank cell means the choice was made; a cell reading
            "No", "0", "false" or the like refuses its row until `blank` lists it).
        themes_column: the column holding the coded themes of a free-text answer,
            separated by the mapping's ``theme_separator``.
    """

    id: str
    column: str | None = None
    values: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)
    separator: str | None = None
    columns: Mapping[str, str] = attrs.field(factory=dict, eq=False, hash=False)
    themes_column: str | None = None

    def __repr__(self) -> str:
        shown = _display.non_defaults(self, skip=("id", "values", "columns"))
        counts = [(len(self.values), "values"), (len(self.columns), "columns")]
        shown += [f"{count} {noun}" for count, noun in counts if count]
        head = f"QuestionColumn {_display.quoted(self.id)}"
        return f"<{head}: {', '.join(shown)}>" if shown else f"<{head}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ImportMapping:
    """A mapping document: how the columns of one export become responses.

    Its ``repr`` is one line: its title, each setting that is not its default,
    and how many questions, monitoring columns and value maps it has.

    Load one with [`load_mapping`][engagekit.consultations.load_mapping]; the shipped
    examples are ``"online-survey"`` and ``"paper-form"``.

    Attributes:
        title: what the mapping is for.
        id: the column of the response id.
        date: the column of the date received, if any.
        date_format: a ``strptime`` format for it (ISO ``YYYY-MM-DD``, optionally
            followed by a time, when not given).
        channel: the one channel of every row (``online-consultation``), or ``None``
            when ``channel_column`` says.
        channel_column: the column naming each row's channel.
        channels: export value → channel, for values that are not a channel's name.
        respondent_type: the one respondent type of every row, or ``None``.
        respondent_type_column: the column naming each row's respondent type.
        respondent_types: export value → respondent type.
        blank: values that mean "no answer" (the empty cell always does).
        ignore: columns deliberately not read (anything else unmapped is reported).
        questions: the question columns.
        monitoring: characteristic → its column.
        monitoring_values: characteristic → export value → category id, for
            values that are neither a category nor one of its aliases.
        theme_separator: what separates theme ids in a themes column.
    """

    title: str = ""
    id: str
    date: str | None = None
    date_format: str | None = None
    channel: Channel | None = None
    channel_column: str | None = None
    channels: Mapping[str, Channel] = attrs.field(factory=dict, eq=False, hash=False)
    respondent_type: RespondentType | None = None
    respondent_type_column: str | None = None
    respondent_types: Mapping[str, RespondentType] = attrs.field(factory=dict, eq=False, hash=False)
    blank: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    questions: tuple[QuestionColumn, ...] = ()
    monitoring: Mapping[ProtectedCharacteristic, str] = attrs.field(
        factory=dict, eq=False, hash=False
    )
    monitoring_values: Mapping[ProtectedCharacteristic, Mapping[str, str]] = attrs.field(
        factory=dict, eq=False, hash=False
    )
    theme_separator: str = ";"

    def __repr__(self) -> str:
        maps = ("channels", "respondent_types", "questions", "monitoring", "monitoring_values")
        shown = _display.non_defaults(self, skip=("title", *maps))
        counts = [(len(self.questions), "questions"), (len(self.monitoring), "monitoring columns")]
        values = len(self.channels) + len(self.respondent_types) + len(self.monitoring_values)
        if values:
            counts.append((values, "value maps"))
        noun = f"ImportMapping {_display.quoted(self.title)}" if self.title else "ImportMapping"
        listed = _display.short_repr(self, noun, counts)
        return f"{listed[:-1]}: {', '.join(shown)}>"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, origin: str = "<mapping>") -> ImportMapping:
        """A mapping from plain data (a parsed TOML or JSON document).

        Raises:
            DocumentError: every problem found, each with its key path.

        Examples:
            >>> m = ImportMapping.from_dict({"id": "Ref", "channel": "paper",
            ...     "question": [{"id": "support", "column": "Q1"}]})
            >>> m.channel, m.questions[0].column
            (<Channel.PAPER_FORM: 'paper-form'>, 'Q1')
            >>> ImportMapping.from_dict({"id": "Ref", "colour": "red"})
            Traceback (most recent call last):
            ...
            engagekit.errors.DocumentError: <mapping>: 2 problems
              $.colour: unknown key; allowed: ...
              $: give the channel of every row (channel) or the column that names it ...
        """
        return _mapping(data, origin)


def _text(data: Mapping[str, Any], key: str, path: str, problems: list[Problem]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        problems.append(Problem(f"{path}.{key}", "expected non-empty text", value))
        return None
    return value


def _table(data: Mapping[str, Any], key: str, path: str, problems: list[Problem]) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        problems.append(Problem(f"{path}.{key}", "expected a table", value))
        return {}
    return dict(value)


def _parse_choice(kind: type[Any], value: object, path: str, problems: list[Problem]) -> Any:
    try:
        return kind(value)
    except EngagekitError as exc:
        problems.append(Problem(path, str(exc), value))
        return None


def _unknown_keys(
    data: Mapping[str, Any], allowed: set[str], path: str, problems: list[Problem]
) -> None:
    for key in data:
        if key not in allowed:
            hint = close_matches(str(key), allowed)
            near = f" (did you mean {hint[0]!r}?)" if hint else ""
            problems.append(
                Problem(
                    f"{path}.{key}",
                    f"unknown key; allowed: {', '.join(sorted(allowed))}{near}",
                    data[key],
                )
            )


def _mapping(data: Mapping[str, Any], origin: str) -> ImportMapping:
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise DocumentError(origin, [Problem("$", "expected a table", data)])
    _unknown_keys(data, _TOP_KEYS, "$", problems)
    rid = _text(data, "id", "$", problems)
    if rid is None and "id" not in data:
        problems.append(Problem("$.id", "missing: the column of the response id", None))
    channel = data.get("channel")
    if channel is not None:
        channel = _parse_choice(Channel, channel, "$.channel", problems)
    channel_column = _text(data, "channel_column", "$", problems)
    if ("channel" in data) == ("channel_column" in data):
        problems.append(
            Problem(
                "$",
                "give the channel of every row (channel) or the column that names it "
                "(channel_column)",
                None,
            )
        )
    channels = {
        str(k): _parse_choice(Channel, v, f"$.channels.{k}", problems)
        for k, v in _table(data, "channels", "$", problems).items()
    }
    rtype = data.get("respondent_type")
    if rtype is not None:
        rtype = _parse_choice(RespondentType, rtype, "$.respondent_type", problems)
    types = {
        str(k): _parse_choice(RespondentType, v, f"$.respondent_types.{k}", problems)
        for k, v in _table(data, "respondent_types", "$", problems).items()
    }
    blank = data.get("blank", [""])
    if not isinstance(blank, list) or not all(isinstance(b, str) for b in blank):
        problems.append(Problem("$.blank", "expected a list of text", blank))
        blank = [""]
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(b, str) for b in ignore):
        problems.append(Problem("$.ignore", "expected a list of column names", ignore))
        ignore = []
    questions = []
    raw_questions = data.get("question", [])
    if not isinstance(raw_questions, list):
        problems.append(Problem("$.question", "expected a list of tables", raw_questions))
        raw_questions = []
    for n, q in enumerate(raw_questions):
        path = f"$.question[{n}]"
        if not isinstance(q, Mapping):
            problems.append(Problem(path, "expected a table", q))
            continue
        _unknown_keys(q, _QUESTION_KEYS, path, problems)
        qid = _text(q, "id", path, problems)
        column = _text(q, "column", path, problems)
        columns = {str(k): str(v) for k, v in _table(q, "columns", path, problems).items()}
        if qid is None:
            problems.append(Problem(f"{path}.id", "missing: the question's id", None))
            continue
        if (column is None) == (not columns):
            problems.append(
                Problem(
                    path,
                    "give the answer's column (column) or one column per choice (columns)",
                    None,
                )
            )
        questions.append(
            QuestionColumn(
                id=qid,
                column=column,
                values=_table(q, "values", path, problems),
                separator=_text(q, "separator", path, problems),
                columns=columns,
                themes_column=_text(q, "themes_column", path, problems),
            )
        )
    monitoring: dict[ProtectedCharacteristic, str] = {}
    for key, column in _table(data, "monitoring", "$", problems).items():
        characteristic = _parse_choice(
            ProtectedCharacteristic, key, f"$.monitoring.{key}", problems
        )
        if characteristic is not None and isinstance(column, str):
            monitoring[characteristic] = column
        elif characteristic is not None:
            problems.append(Problem(f"$.monitoring.{key}", "expected a column name", column))
    monitoring_values: dict[ProtectedCharacteristic, dict[str, str]] = {}
    for key, table in _table(data, "monitoring_values", "$", problems).items():
        characteristic = _parse_choice(
            ProtectedCharacteristic, key, f"$.monitoring_values.{key}", problems
        )
        if characteristic is None:
            continue
        if not isinstance(table, Mapping):
            problems.append(Problem(f"$.monitoring_values.{key}", "expected a table", table))
            continue
        scheme = monitoring_scheme(characteristic)
        values = {}
        for raw, category in table.items():
            if category not in scheme.ids:
                problems.append(
                    Problem(
                        f"$.monitoring_values.{key}.{raw}",
                        f"{category!r} is not a category of {characteristic.label}; "
                        f"allowed: {', '.join(scheme.ids)}",
                        category,
                    )
                )
            values[str(raw)] = str(category)
        monitoring_values[characteristic] = values
    separator = data.get("theme_separator", ";")
    if not isinstance(separator, str) or not separator:
        problems.append(Problem("$.theme_separator", "expected non-empty text", separator))
        separator = ";"
    if problems:
        raise DocumentError(origin, problems)
    return ImportMapping(
        title=str(data.get("title", "")),
        id=rid or "",
        date=_text(data, "date", "$", problems),
        date_format=_text(data, "date_format", "$", problems),
        channel=channel,
        channel_column=channel_column,
        channels=channels,
        respondent_type=rtype,
        respondent_type_column=_text(data, "respondent_type_column", "$", problems),
        respondent_types=types,
        blank=tuple(dict.fromkeys(["", *blank])),
        ignore=tuple(ignore),
        questions=tuple(questions),
        monitoring=monitoring,
        monitoring_values=monitoring_values,
        theme_separator=separator,
    )


_SHIPPED = ("online-survey", "paper-form")


def load_mapping(source: str | os.PathLike[str] | IO[bytes]) -> ImportMapping:
    """Load a mapping document: a TOML or JSON file, or a shipped example by name.

    Args:
        source: ``"online-survey"`` or ``"paper-form"`` (the shipped examples), a
            path to a ``.toml`` or ``.json`` file, or a binary TOML file object.

    Raises:
        ParseError: the file cannot be read or parsed.
        DocumentError: the mapping's problems, each with its key path.

    Examples:
        >>> m = load_mapping("online-survey")
        >>> m.id, m.channel.value, len(m.monitoring)
        ('Response ID', 'online-consultation', 9)
    """
    if isinstance(source, str) and source in _SHIPPED:
        filename = f"consultations/{source}.toml"
        return _mapping(_data._read_builtin(filename), f"engagekit/data/{filename}")  # noqa: SLF001
    if isinstance(source, str | os.PathLike) and str(source).endswith(".json"):
        # A JSON mapping is the rarer form; the shipped ones are TOML. It is read as
        # strictly as any engagekit document (no NaN, no key given twice).
        from engagekit import io

        origin = str(source)
        try:
            with open(source, "rb") as handle:  # noqa: PTH123 - no pathlib import
                raw = handle.read()
        except OSError as exc:
            from engagekit.errors import ParseError

            raise ParseError(origin, reason=f"cannot open: {exc.strerror}") from None
        return _mapping(io._parse_json(io._decode(raw, origin), origin), origin)  # noqa: SLF001
    from engagekit import io  # strict TOML reading; not needed for the shipped mappings

    data = io.read_toml(source)
    return _mapping(
        data,
        str(source) if isinstance(source, str | os.PathLike) else getattr(source, "name", "<toml>"),
    )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ImportFinding:
    """Something in the export that could not be read as it stands.

    Its ``repr`` is one line: what ``str`` writes, the cell's text and whether the
    row was kept.

    Attributes:
        line: the line of the file (1 is the header); for a row, its last line.
        column: the column's name, or ``None`` for the whole row.
        value: the cell's text, unchanged.
        message: what is wrong and what is allowed.
        rejected: whether the row was left out of the responses because of it
            (a header finding rejects no row).
    """

    line: int
    column: str | None
    value: str | None
    message: str
    rejected: bool = True

    def __repr__(self) -> str:
        shown = [repr(str(self))]
        if self.value is not None:
            shown.append(f"value={self.value!r}")
        if not self.rejected:
            shown.append("row kept")
        return f"<ImportFinding {', '.join(shown)}>"

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column!r}" if self.column else "")
        return f"{where}: {self.message}"


class ImportFindings(_display.Listing[ImportFinding]):
    """The findings of a CSV import, in file order."""

    __slots__ = ()
    noun: ClassVar[str] = "findings"
    columns: ClassVar[tuple[str, ...]] = ("line", "column", "value", "message")

    def row(self, item: ImportFinding) -> tuple[object, ...]:
        return (item.line, item.column, item.value, item.message)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CsvImport(_display.Displayable, _display.Tabular):
    """What reading an export gave: the responses that could be read, and findings.

    It shows, and `to_records()` gives, the table of its findings.

    Attributes:
        responses: the responses read, checked against the consultation.
        findings: every cell or row that could not be read, with line and column.
        rows: how many data rows the file had.
        origin: the file's name.
    """

    responses: ResponseSet
    findings: ImportFindings
    rows: int
    origin: str

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"CsvImport of {self.origin}",
            [
                (self.rows, "rows"),
                (len(self.responses), "responses"),
                (len(self.findings), "findings"),
            ],
        )

    @property
    def ok(self) -> bool:
        """Whether every row was read without a finding."""
        return not self.findings

    @property
    def rejected(self) -> tuple[int, ...]:
        """The lines of the rows left out of the responses."""
        return tuple(dict.fromkeys(f.line for f in self.findings if f.rejected))

    def raise_for_findings(self) -> ResponseSet:
        """The responses, if every row was read; else raise every finding.

        Raises:
            DocumentError: one problem per finding, at ``line N, column 'X'``.
        """
        if self.findings:
            raise DocumentError(
                self.origin,
                [
                    Problem(
                        f"line {f.line}" + (f", column {f.column!r}" if f.column else ""),
                        f.message,
                        f.value,
                    )
                    for f in self.findings
                ],
            )
        return self.responses


class _Reject(Exception):
    def __init__(self, column: str | None, value: str | None, message: str) -> None:
        self.column = column
        self.value = value
        self.message = message


def _no_cells(_: list[str]) -> tuple[str, ...]:
    return ()


def _taker(indices: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """A function giving the cells at ``indices`` of a row, as a tuple (private)."""
    if not indices:
        return _no_cells
    if len(indices) == 1:
        index = indices[0]
        return lambda row: (row[index],)
    return operator.itemgetter(*indices)


def _reject(column: str | None, value: str | None, message: str) -> NoReturn:
    raise _Reject(column, value, message)


#: Cells that read as "not chosen" (compared in lower case). In a column per choice
#: any non-blank cell counts as chosen, so an export writing one of these for an
#: unticked box is refused until the mapping lists it under ``blank``.
_UNTICKED = frozenset({"0", "no", "n", "false", "f", "unticked", "not selected"})


def _refuse_unticked(
    row: list[str], per_choice: list[tuple[int, str]], blank: frozenset[str], header: list[str]
) -> None:
    for index, _ in per_choice:
        raw = row[index]
        if raw not in blank and raw.lower() in _UNTICKED:
            _reject(
                header[index],
                raw,
                f"{raw!r} reads as not chosen, but a column per choice counts any cell that "
                "is not blank as chosen; list it under blank in the mapping if it means not "
                "chosen",
            )


_MISS = object()


class _Plan:
    """The mapping resolved against the header and the consultation (private)."""

    def __init__(
        self,
        mapping: ImportMapping,
        consultation: Consultation,
        catalogue: Mapping[str, Theme],
        header: list[str],
        origin: str,
    ) -> None:
        self.mapping = mapping
        self.catalogue = catalogue
        self.header = header
        self.findings: list[ImportFinding] = []
        self.index = {name: n for n, name in enumerate(header)}
        problems: list[Problem] = []
        used: set[str] = set()

        def col(name: str | None, path: str) -> int | None:
            if name is None:
                return None
            used.add(name)
            if name not in self.index:
                hint = close_matches(name, header)
                near = f" (did you mean {hint[0]!r}?)" if hint else ""
                problems.append(Problem(path, f"no column {name!r} in the header{near}", name))
                return None
            return self.index[name]

        self.id_col = col(mapping.id, "$.id")
        self.date_col = col(mapping.date, "$.date")
        self.channel_col = col(mapping.channel_column, "$.channel_column")
        self.type_col = col(mapping.respondent_type_column, "$.respondent_type_column")
        known = {q.id: q for q in consultation.questions}
        self.questions: list[
            tuple[Question, QuestionColumn, int | None, list[tuple[int, str]], int | None]
        ] = []
        for n, qc in enumerate(mapping.questions):
            question = known.get(qc.id)
            if question is None:
                hint = close_matches(qc.id, known)
                near = f" (did you mean {hint[0]!r}?)" if hint else ""
                problems.append(
                    Problem(
                        f"$.question[{n}].id",
                        f"the consultation has no question {qc.id!r}{near}",
                        qc.id,
                    )
                )
                continue
            for raw, value in qc.values.items():
                if not question.accepts(value) and not (
                    question.kind is QuestionKind.MULTIPLE_CHOICE and value in question.choices
                ):
                    problems.append(
                        Problem(
                            f"$.question[{n}].values.{raw}",
                            f"{value!r} is not an answer {question.kind.label} question "
                            f"{qc.id!r} offers",
                            value,
                        )
                    )
            per_choice = []
            for c, choice in qc.columns.items():
                index = col(c, f"$.question[{n}].columns")
                if choice not in question.choices:
                    problems.append(
                        Problem(
                            f"$.question[{n}].columns.{c}",
                            f"{choice!r} is not a choice of {qc.id!r}",
                            choice,
                        )
                    )
                if index is not None:
                    per_choice.append((index, choice))
            self.questions.append(
                (
                    question,
                    qc,
                    col(qc.column, f"$.question[{n}].column"),
                    per_choice,
                    col(qc.themes_column, f"$.question[{n}].themes_column"),
                )
            )
        self.monitoring: list[
            tuple[ProtectedCharacteristic, int, MonitoringScheme, dict[str, Any]]
        ] = []
        for characteristic, column in mapping.monitoring.items():
            index = col(column, f"$.monitoring.{characteristic.value}")
            if index is None:
                continue
            cache: dict[str, Any] = dict(mapping.monitoring_values.get(characteristic, {}))
            self.monitoring.append(
                (characteristic, index, monitoring_scheme(characteristic), cache)
            )
        if problems:
            raise DocumentError(f"{origin} (with its mapping)", problems)
        for name in header:
            if name not in used and name not in mapping.ignore:
                self.findings.append(
                    ImportFinding(
                        line=1,
                        column=name,
                        value=None,
                        message="column not in the mapping: its answers were not read "
                        "(map it, or list it under ignore)",
                        rejected=False,
                    )
                )
        self.question_ids = [q.id for q in consultation.questions]
        self.blank = frozenset(mapping.blank)
        self.lookups = [self._lookup(q, qc) for q, qc, *_ in self.questions]
        self.dates: dict[str, dt.date] = {}
        self.channels: dict[str, Channel] = dict(mapping.channels)
        self.types: dict[str, RespondentType] = dict(mapping.respondent_types)

    @staticmethod
    def _lookup(question: Question, qc: QuestionColumn) -> dict[str, Any]:
        table: dict[str, Any] = {}
        if question.kind is QuestionKind.SCALE:
            table.update({str(v): v for v in question.values})
        else:
            table.update({c: c for c in question.choices})
        table.update(qc.values)
        return table

    # --- cells ---------------------------------------------------------------

    def date(self, raw: str) -> dt.date:
        found = self.dates.get(raw)
        if found is not None:
            return found
        name = self.header[self.date_col] if self.date_col is not None else None
        try:
            if self.mapping.date_format:
                day = dt.datetime.strptime(raw.strip(), self.mapping.date_format).date()  # noqa: DTZ007
            else:
                day = dt.date.fromisoformat(raw.strip()[:10])
        except ValueError as exc:
            fmt = self.mapping.date_format or "YYYY-MM-DD"
            why = str(exc)
            if not why.startswith(("time data", "unconverted data", "Invalid isoformat")):
                # In the form, but no such day ("31/02/2015"): say so, not "not in the form".
                raise _Reject(name, raw, f"{raw!r} is not a real date ({why})") from None
            raise _Reject(name, raw, f"{raw!r} is not a date in the form {fmt}") from None
        self.dates[raw] = day
        return day

    def choice(self, raw: str, table: dict[str, Any], kind: type[Any], column: str) -> Any:
        found = table.get(raw)
        if found is not None:
            return found
        try:
            found = kind(raw)
        except EngagekitError:
            allowed = ", ".join(m.value for m in kind)
            raise _Reject(
                column, raw, f"{raw!r} is not a {kind.__name__}; allowed: {allowed}"
            ) from None
        table[raw] = found
        return found

    def answer(
        self, question: Question, raw: str, lookup: dict[str, Any], qc: QuestionColumn, column: str
    ) -> Any:
        if question.kind is QuestionKind.FREE_TEXT:
            return raw
        if question.kind is QuestionKind.MULTIPLE_CHOICE and qc.separator:
            parts = [p.strip() for p in raw.split(qc.separator) if p.strip()]
            out = []
            for part in parts:
                value = lookup.get(part, _MISS)
                if value is _MISS:
                    raise _Reject(column, raw, self.offer(question, part))
                if value not in out:
                    out.append(value)
            return tuple(out)
        value = lookup.get(raw, _MISS)
        if value is _MISS:
            value = lookup.get(raw.strip(), _MISS)
        if value is _MISS:
            raise _Reject(column, raw, self.offer(question, raw))
        if question.kind is QuestionKind.MULTIPLE_CHOICE:
            return (value,)
        return value

    def themes(self, raw: str, sep: str, column: str) -> tuple[str, ...]:
        ids = tuple(dict.fromkeys(t.strip() for t in raw.split(sep) if t.strip()))
        for theme in ids:
            if theme not in self.catalogue:
                hint = close_matches(theme, self.catalogue)
                near = f" (did you mean {hint[0]!r}?)" if hint else ""
                _reject(column, raw, f"{theme!r} is not a theme of the catalogue{near}")
        return ids

    @staticmethod
    def offer(question: Question, raw: str) -> str:
        offered = ", ".join(repr(v) for v in question.values)
        return (
            f"{raw!r} is not an answer {question.kind.label} question {question.id!r} offers "
            f"({offered}); map it under the question's values"
        )

    def category(
        self, scheme: MonitoringScheme, cache: dict[str, Any], raw: str, column: str
    ) -> str:
        found = cache.get(raw)
        if found is not None:
            return str(found)
        found = scheme._lookup.get(normalise(raw))  # noqa: SLF001
        if found is None:
            raise _Reject(
                column,
                raw,
                f"{raw!r} is not a {scheme.characteristic.label} category; allowed: "
                f"{', '.join(scheme.ids)} (or map it under monitoring_values)",
            )
        cache[raw] = found
        return found


def read_responses(
    source: str | os.PathLike[str] | IO[str],
    mapping: ImportMapping,
    consultation: Consultation,
    *,
    themes: Iterable[Theme] = (),
    origin: str | None = None,
) -> CsvImport:
    """Read a CSV export into responses to ``consultation``, as ``mapping`` says.

    Every row is read or reported: a row with a cell that cannot be read (an answer
    a question does not offer, a date that is not one or falls outside the
    consultation window, a duplicate response id, a monitoring value outside the
    categories and their aliases, an unknown theme, a missing cell) is left out of
    the responses and reported as an
    [`ImportFinding`][engagekit.consultations.ImportFinding] with its line and
    column (the line the row starts on). A column the mapping does not name is
    reported too. Spaces around a cell are dropped (a cell of spaces is blank), as is
    a byte-order mark before the header; nothing else is recoded beyond what the
    mapping and the categories' documented aliases say.

    Args:
        source: a path, or a text file object opened with ``newline=""``.
        mapping: the mapping document.
        consultation: the consultation the export answers.
        themes: the theme catalogue the themes columns use.
        origin: the file's name in findings (the path or the file's name by default).

    Raises:
        DocumentError: the mapping does not fit the file or the consultation (a
            column missing from the header, a question the consultation lacks).
        ParseError: the file cannot be read.

    Examples:
        >>> import io
        >>> from engagekit.consultations import Consultation, Question
        >>> c = Consultation(title="Clinic hours", questions=[
        ...     Question(id="support", text="Do you agree?", kind="closed", choices=["Yes", "No"])])
        >>> m = ImportMapping.from_dict({"id": "Ref", "channel": "paper",
        ...     "question": [{"id": "support", "column": "Q1", "values": {"Y": "Yes", "N": "No"}}]})
        >>> result = read_responses(io.StringIO("Ref,Q1\\n1,Y\\n2,Perhaps\\n1,N\\n"), m, c)
        >>> result
        <CsvImport of <csv> with 3 rows, 1 response and 2 findings>
        >>> for finding in result.findings:
        ...     print(finding)
        line 3, column 'Q1': 'Perhaps' is not an answer closed question 'support' offers ...
        line 4, column 'Ref': duplicate response id '1' (first on line 2)
    """
    catalogue = _catalogue(themes)
    if isinstance(source, str | os.PathLike):
        name = origin or str(source)
        try:
            # open() rather than Path.open(): reading a file should not import pathlib
            with open(source, encoding="utf-8-sig", newline="") as handle:  # noqa: PTH123
                return _read(handle, mapping, consultation, catalogue, name)
        except OSError as exc:
            from engagekit.errors import ParseError

            raise ParseError(name, reason=f"cannot open: {exc.strerror}") from None
    name = origin or str(getattr(source, "name", "<csv>"))
    if isinstance(source, stdio.TextIOBase) or hasattr(source, "read"):
        return _read(source, mapping, consultation, catalogue, name)
    raise DocumentError(name, [Problem("$", "expected a path or a text file object", source)])


def _read(
    handle: IO[str],
    mapping: ImportMapping,
    consultation: Consultation,
    catalogue: Mapping[str, Theme],
    origin: str,
) -> CsvImport:
    reader = csv.reader(handle)
    header = next(reader, None)
    if header is None:
        raise DocumentError(origin, [Problem("line 1", "the file is empty: no header", None)])
    if header and header[0].startswith("\ufeff"):
        # A spreadsheet's byte-order mark, left on when the file was opened as "utf-8"
        # rather than "utf-8-sig": the first column is still the column it names.
        header[0] = header[0][1:]
    plan = _Plan(mapping, consultation, catalogue, header, origin)
    findings = plan.findings
    blank = plan.blank
    width = len(header)
    id_col = plan.id_col if plan.id_col is not None else 0
    date_col = plan.date_col
    channel_col = plan.channel_col
    type_col = plan.type_col
    fixed_channel = mapping.channel
    fixed_type = mapping.respondent_type or RespondentType.NOT_KNOWN
    sep = mapping.theme_separator
    qpos = {qid: n for n, qid in enumerate(plan.question_ids)}
    size = len(qpos)
    # A closed or scale question in one column is read with one dict look-up per cell
    # (blank values map to None; anything else missing is read again, slowly, to say why).
    simple: list[tuple[int, int, dict[str, Any]]] = []
    slow: list[tuple[Question, QuestionColumn, dict[str, Any]]] = []
    others: list[
        tuple[int, Question, QuestionColumn, int | None, list[tuple[int, str]], dict[str, Any]]
    ] = []
    themed: list[tuple[int, int]] = []
    for (question, qc, index, per_choice, theme_col), lookup in zip(
        plan.questions, plan.lookups, strict=True
    ):
        pos = qpos[question.id]
        if index is not None and question.kind in (QuestionKind.CLOSED, QuestionKind.SCALE):
            fast = dict(lookup)
            fast.update(dict.fromkeys(blank))
            simple.append((pos, index, fast))
            slow.append((question, qc, lookup))
        else:
            others.append((pos, question, qc, index, per_choice, lookup))
        if theme_col is not None:
            themed.append((pos, theme_col))
    simple_fasts = [fast for _, _, fast in simple]
    simple_take = _taker([index for _, index, _ in simple])
    misses = [_MISS] * len(simple)
    in_order = [pos for pos, _, _ in simple] == list(range(size))
    no_tags: list[tuple[str, ...]] = [()] * size
    monitoring = plan.monitoring
    monitored = [m[0] for m in monitoring]
    for _, _, _, cache in monitoring:
        cache.update(dict.fromkeys(blank))
    monitor_caches = [cache for _, _, _, cache in monitoring]
    monitor_take = _taker([index for _, index, _, _ in monitoring])
    monitor_misses = [_MISS] * len(monitoring)
    seen: dict[str, int] = {}
    rows: list[tuple[Any, ...]] = []
    count = 0
    header_of = header
    miss = _MISS
    getitem = operator.getitem
    end = reader.line_num
    for raw_row in reader:
        count += 1
        # A finding names the line the row starts on: a quoted cell with line breaks
        # makes the reader's own count the row's last line.
        line = end + 1
        end = reader.line_num
        # Spaces around a cell are not part of the answer: a cell of spaces is blank
        # and " A1" is the response id "A1".
        row = list(map(str.strip, raw_row))
        if len(row) != width:
            message = (
                "empty row"
                if not any(row)
                else f"the row has {len(row)} cells; the header has {width}"
            )
            findings.append(ImportFinding(line=line, column=None, value=None, message=message))
            continue
        try:
            rid = row[id_col]
            if rid in blank:
                _reject(header_of[id_col], rid, "no response id")
            if rid in seen:
                _reject(
                    header_of[id_col],
                    rid,
                    f"duplicate response id {rid!r} (first on line {seen[rid]})",
                )
            day = None
            if date_col is not None:
                raw = row[date_col]
                if raw not in blank:
                    day = plan.date(raw)
                    if not consultation.open_on(day):
                        _reject(
                            header_of[date_col],
                            raw,
                            f"{day.isoformat()} is outside the consultation "
                            f"(open {consultation.start} to {consultation.end})",
                        )
            channel = (
                fixed_channel
                if channel_col is None
                else plan.choice(row[channel_col], plan.channels, Channel, header_of[channel_col])
            )
            if type_col is None:
                rtype = fixed_type
            else:
                raw = row[type_col]
                rtype = (
                    RespondentType.NOT_KNOWN
                    if raw in blank
                    else plan.choice(raw, plan.types, RespondentType, header_of[type_col])
                )
            # One C-level pass: each cell looked up in its question's table; a cell
            # not there (a KeyError, free when not raised) is read again, slowly.
            try:
                values = list(map(getitem, simple_fasts, simple_take(row)))
            except KeyError:
                values = list(map(dict.get, simple_fasts, simple_take(row), misses))
                for n, (_, index, _) in enumerate(simple):
                    if values[n] is miss:
                        question, qc, lookup = slow[n]
                        values[n] = plan.answer(question, row[index], lookup, qc, header_of[index])
            if in_order:
                answers = values
            else:
                answers = [None] * size
                for (pos, _, _), value in zip(simple, values, strict=True):
                    answers[pos] = value
            for pos, question, qc, index, per_choice, lookup in others:
                if index is not None:
                    raw = row[index]
                    if raw not in blank:
                        answers[pos] = plan.answer(question, raw, lookup, qc, header_of[index])
                elif per_choice:
                    made = tuple(choice for i, choice in per_choice if row[i] not in blank)
                    if made:
                        _refuse_unticked(row, per_choice, blank, header_of)
                    answers[pos] = made or None
            tags = no_tags
            if themed:
                tags = list(no_tags)
                for pos, theme_col in themed:
                    raw = row[theme_col]
                    if raw not in blank:
                        tags[pos] = plan.themes(raw, sep, header_of[theme_col])
                        if answers[pos] is None:
                            _reject(header_of[theme_col], raw, "themes tagged on a blank answer")
            try:
                cats = list(map(getitem, monitor_caches, monitor_take(row)))
            except KeyError:
                cats = list(map(dict.get, monitor_caches, monitor_take(row), monitor_misses))
                for n, (_, index, scheme, cache) in enumerate(monitoring):
                    if cats[n] is miss:
                        cats[n] = plan.category(scheme, cache, row[index], header_of[index])
        except _Reject as bad:
            findings.append(
                ImportFinding(line=line, column=bad.column, value=bad.value, message=bad.message)
            )
            continue
        seen[rid] = line
        rows.append((rid, day, channel, rtype, answers, tags, cats))
    n = len(rows)
    qids = plan.question_ids
    # One C-level transposition of the rows, then of their answers, tags and
    # categories: each column is a tuple the response set keeps as it is.
    if n:
        rids, dates, channels, types, answer_rows, tag_rows, cat_rows = zip(*rows, strict=True)
        answer_cols = list(zip(*answer_rows, strict=True))
        tag_cols = list(zip(*tag_rows, strict=True))
        cat_cols = list(zip(*cat_rows, strict=True))
    else:
        rids = dates = channels = types = ()
        answer_cols = [() for _ in qids]
        tag_cols = [() for _ in qids]
        cat_cols = [() for _ in monitored]
    unasked: Sequence[str | None] = (None,) * n  # one shared tuple: it is read-only
    monitoring_cols = dict.fromkeys(ProtectedCharacteristic, unasked)
    monitoring_cols.update(zip(monitored, cat_cols, strict=True))
    responses = ResponseSet._trusted(  # noqa: SLF001
        consultation,
        catalogue,
        ids=rids,
        dates=dates,
        channels=channels,
        types=types,
        answers=dict(zip(qids, answer_cols, strict=True)),
        tags=dict(zip(qids, tag_cols, strict=True)),
        monitoring=monitoring_cols,
    )
    findings.sort(key=lambda f: f.line)
    return CsvImport(
        responses=responses, findings=ImportFindings(findings), rows=count, origin=origin
    )
