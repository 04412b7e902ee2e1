"""The display machinery every engagekit value shares (private).

The dispatching renderers ([`engagekit.render.text`][], ``html``, ``markdown``,
``mermaid``) live here, below the domain packages, so that a domain type can be shown
without importing the presentation layer: each domain package registers the renderers
for its own types in its ``_render`` module, and ``engagekit.render`` is the public
façade over the same functions. A package's ``_render`` module is imported the first
time one of its values is rendered (it imports every type of the package, which a
first call that shows nothing need not pay for).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import importlib
import numbers
import re
import sys

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, ClassVar, Generic, TypeAlias, TypeVar, overload

from engagekit.errors import InvalidTypeError, InvalidValueError


T = TypeVar("T")
R = TypeVar("R")

#: Classes whose packages' renderers are loaded; the packages whose `_render` was tried.
_READY: set[type] = set()
_TRIED: set[str] = set()


def _load_renderers(cls: type) -> None:
    """Import the ``_render`` module of the package of ``cls`` and of its bases."""
    for klass in cls.__mro__:
        module = sys.modules.get(getattr(klass, "__module__", "") or "")
        package = getattr(module, "__package__", None) or ""
        if not package.startswith("engagekit") or package in _TRIED:
            continue
        try:
            importlib.import_module(f"{package}._render")
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}._render":
                raise
        # Marked only once imported: another thread rendering meanwhile imports it too
        # (the import lock makes it wait) rather than dispatching before registration.
        _TRIED.add(package)
    _READY.add(cls)


class _Dispatcher(Generic[R]):
    """A `functools.singledispatch` function that loads the value's renderers first.

    ``register``, ``dispatch`` and ``registry`` are the single-dispatch function's own.
    """

    def __init__(self, default: Callable[[object], R]) -> None:
        self._impl = functools.singledispatch(default)
        self.register = self._impl.register
        self.dispatch = self._impl.dispatch
        self.registry = self._impl.registry
        functools.update_wrapper(self, default)

    def __call__(self, value: object) -> R:
        cls = value.__class__
        if cls not in _READY:
            _load_renderers(cls)
        return self._impl(value)


@_Dispatcher
def text(value: object) -> str:
    """Render ``value`` as readable plain text.

    Raises:
        InvalidTypeError: no text renderer is registered for the value's type.
    """
    raise InvalidTypeError("render.text", value, expected="a value engagekit can render")


@_Dispatcher
def html(value: object) -> str:
    """Render ``value`` as an HTML fragment (what notebooks display).

    Raises:
        InvalidTypeError: no HTML renderer is registered for the value's type.
    """
    raise InvalidTypeError("render.html", value, expected="a value engagekit can render")


@_Dispatcher
def markdown(value: object) -> str:
    """Render ``value`` as Markdown.

    Raises:
        InvalidTypeError: no Markdown renderer is registered for the value's type.
    """
    raise InvalidTypeError("render.markdown", value, expected="a value engagekit can render")


@_Dispatcher
def mermaid(value: object) -> str:
    """Render ``value`` as Mermaid diagram text.

    Raises:
        InvalidTypeError: the value is not something engagekit draws as a diagram.
    """
    raise InvalidTypeError("render.mermaid", value, expected="a cycle or a network")


#: One cell of a record from `to_records()`: text, a number, yes/no, a date or nothing.
Plain: TypeAlias = str | int | float | bool | dt.date | None

#: One row of a table as `to_records()` gives it: column name to plain value.
Record: TypeAlias = dict[str, Plain]


@_Dispatcher
def records(value: object) -> list[Record]:
    """The rows of ``value``'s table as flat records (what ``to_records()`` returns).

    Registered next to the type's table renderers, in its package's ``_render``
    module, which is loaded first as it is for rendering.

    Raises:
        InvalidTypeError: the value is not a table engagekit can give records for.
    """
    raise InvalidTypeError("to_records", value, expected="a tabular engagekit value")


def plain(value: object) -> Plain:
    """One table cell as a plain value, the same for every ``to_records()``.

    Text, whole numbers, numbers, yes/no and ``None`` stay as they are; a date stays
    a `datetime.date` (pandas reads it; ``pandas.to_datetime`` converts the column);
    a choice becomes its value (``"not-met"``); a record with an ``id`` (a body, a
    duty, a technique) its id; a list its items' plain values joined by ``"; "``;
    anything else its text.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.results import Outcome
        >>> plain(Outcome.NOT_MET), plain(dt.date(2012, 4, 1)), plain(("a", 2)), plain(None)
        ('not-met', datetime.date(2012, 4, 1), 'a; 2', None)
    """
    if value is None or isinstance(value, str | bool | dt.date):
        return value
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, tuple | list):
        return "; ".join(str(plain(item)) for item in value)
    if isinstance(value, set | frozenset):
        return "; ".join(sorted(str(plain(item)) for item in value))
    ident = getattr(value, "id", None)
    if isinstance(ident, str):
        return ident
    return str(value)


def rows_to_records(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> list[Record]:
    """Rows of cells as records keyed by ``columns``, each cell made `plain`.

    Raises:
        InvalidValueError: two columns have the same name (a record would lose one).
    """
    seen: set[str] = set()
    for column in columns:
        if column in seen:
            raise InvalidValueError(
                "to_records column", column, reason="two columns have this name"
            )
        seen.add(column)
    return [
        {column: plain(cell) for column, cell in zip(columns, row, strict=True)} for row in rows
    ]


class Tabular:
    """Gives a type shown as a table ``to_records()``: its rows as flat records.

    The records come from the `records` function registered for the type (next to
    its table renderers), so a table and its records share their columns.
    """

    __slots__ = ()

    def to_records(self) -> list[Record]:
        """The table's rows as dicts of plain values: ``pandas.DataFrame(x.to_records())``.

        Keys are the table's columns, in order (lower case); rows are in the
        table's order; values are text, numbers, yes/no, `datetime.date` or `None`:
        a choice gives its value, a body, duty or technique its id, a list its
        items joined by "; ".
        """
        return records(self)


def esc(value: object) -> str:
    """HTML-escape ``str(value)``."""
    # `html.escape(text, quote=True)`, without importing `html` (and its entity table).
    return (
        str(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


#: Inline style of every HTML table cell: notebooks right-align cells by default,
#: which leaves prose ragged on the left; inline styles win over their style sheets.
CELL_STYLE = "text-align:left;vertical-align:top"

#: A date cell (``2010-12-31``) is not broken at its hyphens in a narrow column.
_DATE_CELL = re.compile(r"\d{4}-\d{2}-\d{2}\Z")

#: An http(s) address in running text, without the punctuation that ends a sentence.
_URL = re.compile(r"https?://[^\s<>\"']*[^\s<>\"'.,;:!?)\]]")


class Html(str):
    """Text that is already HTML: `table` puts it in a cell as it is, unescaped."""

    __slots__ = ()


def linked(value: object) -> str:
    """HTML-escape ``str(value)``, making each http(s) address in it a link.

    Examples:
        >>> linked("Regulation 23 <https://www.legislation.gov.uk/uksi/2013/218/regulation/23>.")
        'Regulation 23 &lt;<a href="https://www.legislation.gov.uk/uksi/2013/218/regulation/23">https://www.legislation.gov.uk/uksi/2013/218/regulation/23</a>&gt;.'
    """
    if isinstance(value, Html):
        return str(value)
    text = str(value)
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        url = esc(match.group(0))
        parts.extend((esc(text[last : match.start()]), f'<a href="{url}">{url}</a>'))
        last = match.end()
    parts.append(esc(text[last:]))
    return "".join(parts)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    caption: str = "",
    row_headers: bool = False,
) -> str:
    """A small HTML table, left-aligned; cells are escaped and their addresses linked,
    and a date (``YYYY-MM-DD``) is kept on one line.

    ``row_headers`` makes each row's first cell a header cell (for tables of
    labelled values). A cell given as `Html` is put in as it is.
    """
    style = f' style="{CELL_STYLE}"'
    day_style = f' style="{CELL_STYLE};white-space:nowrap"'
    parts = ['<table class="engagekit">']
    if caption:
        parts.append(f"<caption>{esc(caption)}</caption>")
    parts.append(
        "<thead><tr>"
        + "".join(f'<th scope="col"{style}>{esc(h)}</th>' for h in headers)
        + "</tr></thead>"
    )
    parts.append("<tbody>")
    for row in rows:
        cells = [
            f"<td{day_style if type(c) is str and len(c) == 10 and _DATE_CELL.match(c) else style}>"
            f"{linked(c)}</td>"
            for c in row
        ]
        if row_headers and cells:
            cells[0] = f'<th scope="row"{style}>{linked(row[0])}</th>'
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


#: An autolink (``<https://...>``), which Markdown shows as a link and so keeps.
_AUTOLINK = re.compile(r"(<https?://[^<>\s]+>)")


def md_text(value: object) -> str:
    """``str(value)`` for Markdown: ``<`` and ``>`` escaped (so ``<csv>`` shows rather
    than vanishing as a tag), except in an autolink; `Html` is kept as it is.

    Examples:
        >>> md_text("read from <csv>; see <https://digital.nhs.uk/ods>")
        'read from &lt;csv&gt;; see <https://digital.nhs.uk/ods>'
    """
    text = str(value)
    if isinstance(value, Html) or ("<" not in text and ">" not in text):
        return text
    parts = _AUTOLINK.split(text)
    return "".join(
        part if index % 2 else part.replace("<", "&lt;").replace(">", "&gt;")
        for index, part in enumerate(parts)
    )


def md_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; pipes in cells are escaped, and ``<`` and ``>`` as `md_text`
    escapes them (an `Html` cell is kept as it is, but for its pipes).

    Examples:
        >>> print(md_table(["Origin", "Rows"], [["<csv>", 3], ["a | b", 1]]))
        | Origin | Rows |
        |---|---|
        | &lt;csv&gt; | 3 |
        | a \\| b | 1 |
    """

    def cell(value: object) -> str:
        return md_text(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


#: Characters that would end a Mermaid label or be read as markup in it, and the
#: Mermaid entity codes that show them as text (``#`` first: it starts every code).
_MERMAID_CODES = (
    ("#", "#35;"),
    ('"', "#quot;"),
    ("<", "#lt;"),
    (">", "#gt;"),
    ("&", "#amp;"),
    ("`", "#96;"),
    ("\r\n", " "),
    ("\n", " "),
    ("\r", " "),
)


def mermaid_label(value: object) -> str:
    """Text safe inside a Mermaid ``["…"]`` label: quotes, markup and line breaks
    cannot end the label or become HTML (``<script>`` shows as text).

    Examples:
        >>> mermaid_label('<script>alert("x")</script>')
        '#lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt;'
    """
    text = str(value)
    for char, code in _MERMAID_CODES:
        text = text.replace(char, code)
    return text


def _singular(word: str) -> str:
    """The singular of a plural noun as engagekit's reprs use them ("bodies", "statuses")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "uses")):
        return word[:-2]
    return word.removesuffix("s")


def counted(count: int, noun: str) -> str:
    """``count`` with the plural ``noun``, made singular for one; thousands separated.

    Examples:
        >>> counted(1, "rows"), counted(16500, "rows"), counted(1, "bodies")
        ('1 row', '16,500 rows', '1 body')
    """
    return f"{count:,} {noun if count != 1 else _singular(noun)}"


def short_repr(value: object, noun: str, counts: Iterable[tuple[int, str]] = ()) -> str:
    """A one-line ``repr`` for a collection-like value: what it is and how many of what.

    Examples:
        >>> short_repr(None, "EscalationNetwork", [(7706, "bodies"), (7705, "links")])
        '<EscalationNetwork with 7706 bodies and 7705 links>'
        >>> short_repr(None, "DutyRegistry", [(1, "duties"), (1, "statuses")])
        '<DutyRegistry with 1 duty and 1 status>'
    """
    parts = [f"{count} {what if count != 1 else _singular(what)}" for count, what in counts]
    if not parts:
        return f"<{noun}>"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"<{noun} with {listed}>"


#: The widest line of plain text: a terminal 100 columns wide.
TEXT_WIDTH = 100


def fill(line: str, hang: str = "    ", width: int = TEXT_WIDTH) -> str:
    """``line`` wrapped to ``width`` columns at spaces, its continuation lines indented
    by ``hang``; words, hyphenated words and addresses are never split.

    Examples:
        >>> print(fill("Things to think about: " + "; ".join(["Use what you know"] * 3), width=40))
        Things to think about: Use what you
            know; Use what you know; Use what
            you know
    """
    if len(line) <= width:
        return line
    import textwrap

    return textwrap.fill(
        line,
        width=width,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


def fill_lines(lines: Iterable[str], width: int = TEXT_WIDTH) -> str:
    """The lines joined, each wrapped by `fill` with its continuation indented four
    spaces more than the line itself.

    Examples:
        >>> print(fill_lines(["Sources:", "  [1] NHS Somerset, Strategy (2012), Figure 2"], 30))
        Sources:
          [1] NHS Somerset, Strategy
              (2012), Figure 2
    """
    return "\n".join(
        fill(line, " " * (len(line) - len(line.lstrip(" ")) + 4), width) for line in lines
    )


#: The columns of a fact sheet's first table: one row per aspect of the value.
FACT_COLUMNS = ("Aspect", "Detail")

#: A table after a fact sheet's facts: its heading, its columns and its rows.
SheetSection: TypeAlias = tuple[str, Sequence[str], Sequence[Sequence[object]]]


def sheet_text(heading: str, facts: Iterable[tuple[str, object]], lines: Iterable[str]) -> str:
    """A value's fact sheet as plain text: its heading underlined, an "aspect: detail"
    line per fact, then ``lines``, all wrapped by `fill_lines`.

    Examples:
        >>> print(sheet_text("Ward 4", [("Kind", "closure")], ["Evidence (0)"]))
        Ward 4
        ======
        Kind: closure
        Evidence (0)
    """
    title = fill(heading, "")
    rule = "=" * max(len(line) for line in title.splitlines())
    body = fill_lines([*(f"{aspect}: {detail}" for aspect, detail in facts), *lines])
    return f"{title}\n{rule}\n{body}"


def sheet_html(
    heading: str, facts: Sequence[Sequence[object]], sections: Iterable[SheetSection]
) -> str:
    """A value's fact sheet in HTML: a table of its facts captioned by its heading,
    then a captioned table per section."""
    parts = [
        '<div class="engagekit">',
        table(FACT_COLUMNS, facts, caption=heading, row_headers=True),
        *(table(headers, rows, caption=title) for title, headers, rows in sections),
        "</div>",
    ]
    return "".join(parts)


def sheet_markdown(
    heading: str, facts: Sequence[Sequence[object]], sections: Iterable[SheetSection]
) -> str:
    """A value's fact sheet in Markdown: its heading, its facts, then each section
    under a heading of its own."""
    parts = [f"## {md_text(heading)}", md_table(FACT_COLUMNS, facts)]
    for title, headers, rows in sections:
        parts += [f"### {title}", md_table(headers, rows)]
    return "\n\n".join(parts)


def quoted(text: str, limit: int = 60) -> str:
    """``repr(text)``, cut to ``limit`` characters with an ellipsis, for one-line reprs.

    Examples:
        >>> quoted("Working with patients and carers to monitor services", limit=20)
        "'Working with patien…'"
    """
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _given(value: object) -> str:
    """A field's value as it could be given back: a choice by its value, a tuple of
    them as a tuple of values, anything else by its ``repr``."""
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, tuple):
        inner = ", ".join(_given(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def non_defaults(value: Any, skip: Iterable[str] = ()) -> list[str]:
    """``name=value`` for each field of the attrs ``value`` that differs from its
    default (a field with no default is always shown), but those in ``skip``; each
    value as it could be given back (a choice by its value).

    For the one-line repr of a record with many settings (a policy, an impact):
    two unequal records differ in a field one of them shows.

    Examples:
        >>> import attrs
        >>> @attrs.frozen
        ... class Settings:
        ...     name: str
        ...     weeks: int = 12
        ...     kinds: tuple[str, ...] = ()
        >>> non_defaults(Settings("strict", weeks=8), skip=["name"])
        ['weeks=8']
        >>> non_defaults(Settings("x", kinds=("a",)))
        ["name='x'", "kinds=('a',)"]
    """
    import attrs

    skipped = set(skip)
    shown = []
    for field in attrs.fields(type(value)):
        if field.name in skipped:
            continue
        given = getattr(value, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        convert = field.converter
        if default is not attrs.NOTHING and callable(convert):
            # attrs converts a default as it converts a value given: compare them alike.
            default = convert(default)
        if default is attrs.NOTHING or given != default:
            shown.append(f"{field.name}={_given(given)}")
    return shown


class Displayable:
    """Gives a type ``str()`` (plain text), ``_repr_html_`` and ``to_dict()``.

    ``str`` and ``_repr_html_`` dispatch to the renderers registered for the type;
    ``to_dict`` goes through [`engagekit.io.to_dict`][], imported when first used.
    """

    __slots__ = ()

    def __str__(self) -> str:
        return text(self)

    def _repr_html_(self) -> str:
        return html(self)

    def to_dict(self) -> Any:
        """Plain data, as [`engagekit.io.to_dict`][] gives."""
        from engagekit import io

        return io.to_dict(self)


class Listing(Displayable, Tabular, Sequence[T], Generic[T]):
    """A read-only, tabular query result: iterate it, index it, show it as a table.

    Subclasses name their rows (``noun``) and columns (``columns``) and say how one
    item becomes a row (``row``). ``repr`` is one line; ``str`` is a text table;
    ``_repr_html_`` an HTML table; ``to_records()`` a list of dicts for pandas.

    Examples:
        >>> class Squares(Listing[int]):
        ...     noun = "squares"
        ...     columns = ("n", "square")
        ...     def row(self, item: int) -> tuple[object, ...]:
        ...         return (item, item * item)
        >>> s = Squares((1, 2, 3))
        >>> s
        <Squares with 3 squares>
        >>> s.to_records()[2]
        {'n': 3, 'square': 9}
        >>> print(s)
        n  square
        1  1
        2  4
        3  9
    """

    __slots__ = ("_items",)

    noun: ClassVar[str] = "items"
    columns: ClassVar[tuple[str, ...]] = ("item",)
    caption: ClassVar[str] = ""
    #: Columns holding a fraction from 0 to 1: shown as a percentage ("54.2%") in text,
    #: Markdown and HTML; ``to_records()`` keeps the fraction.
    percent: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: tuple[T, ...] = tuple(items)

    def row(self, item: T) -> tuple[object, ...]:
        """The cells of one item's row, one per column."""
        return (item,)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Listing):
            return type(self) is type(other) and self._items == other._items
        if isinstance(other, tuple):
            return self._items == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((type(self), self._items))

    def __repr__(self) -> str:
        return short_repr(self, type(self).__name__, [(len(self._items), self.noun)])

    @property
    def items(self) -> tuple[T, ...]:
        """The items, as a tuple."""
        return self._items

    def rows(self) -> list[tuple[object, ...]]:
        """Every item's row."""
        return [self.row(item) for item in self._items]


def _cell(value: object) -> str:
    label = getattr(value, "label", None)
    if isinstance(label, str) and not isinstance(value, str):
        return label
    if value is None:
        return ""
    return str(value)


#: The narrowest a column of a text table is made to fit a terminal.
_NARROWEST = 30


def _text_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table as plain text in columns, within `TEXT_WIDTH` where it can be: a column
    is at most 60 characters wide, the columns holding the most text are narrowed (to
    30 at least, and never below their longest word) until the table fits, and a cell
    longer than its column continues on the next lines."""
    cells = [[_cell(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = min(max(widths[i], len(c)), 60)
    # Narrow the columns holding the most text first: wrapping prose costs least.
    over = sum(widths) + 2 * (len(widths) - 1) - TEXT_WIDTH
    by_text = sorted(range(len(widths)), key=lambda i: -sum(len(row[i]) for row in cells))
    for i in by_text:
        if over <= 0:
            break
        # Never narrower than the column's longest word: words are not split.
        floor = max([_NARROWEST, *(len(w) for row in cells for w in row[i].split())])
        cut = min(over, max(0, widths[i] - floor))
        widths[i] -= cut
        over -= cut
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    for row in cells:
        if all(len(c) <= w for c, w in zip(row, widths, strict=True)):
            lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
            continue
        import textwrap

        parts = [
            textwrap.wrap(c, width=w, break_long_words=False, break_on_hyphens=False) or [""]
            for c, w in zip(row, widths, strict=True)
        ]
        for n in range(max(len(p) for p in parts)):
            line = "  ".join(
                (p[n] if n < len(p) else "").ljust(w) for p, w in zip(parts, widths, strict=True)
            )
            lines.append(line.rstrip())
    return "\n".join(lines)


def _text_entries(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Each row as an entry named by its first cell, its other cells below it labelled
    by their headers (a cell without a header alone), an empty cell left out; each line
    wrapped by `fill`, so an id stays whole on its line and an address too long for the
    rest of a line starts the next.

    Examples:
        >>> print(_text_entries(["id", "title", "to"], [["a.b", "A rule", ""]]))
        - id: a.b
            title: A rule
    """
    lines = []
    for row in rows:
        lines.append(fill(f"- {headers[0]}: {_cell(row[0])}", "  "))
        for header, value in zip(headers[1:], row[1:], strict=True):
            cell = _cell(value)
            if cell:
                lines.append(fill(f"    {header}: {cell}" if header else f"    {cell}", " " * 8))
    return "\n".join(lines)


def _fitted_text(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """`_text_table` where it fits in `TEXT_WIDTH` columns, otherwise `_text_entries`:
    for a table with a column that cannot wrap narrow enough (an id, an address)."""
    shown = _text_table(headers, rows)
    if max(len(line) for line in shown.splitlines()) <= TEXT_WIDTH:
        return shown
    return _text_entries(headers, rows)


@records.register
def _(value: Listing) -> list[Record]:  # type: ignore[type-arg]
    return rows_to_records(value.columns, value.rows())


def _shown_rows(value: Listing) -> list[list[str]]:  # type: ignore[type-arg]
    """A listing's rows as the cells shown: each fraction in a `percent` column as a
    percentage with one decimal."""
    shown = {i for i, column in enumerate(value.columns) if column in value.percent}
    return [
        [
            f"{c:.1%}"
            if i in shown and isinstance(c, int | float) and not isinstance(c, bool)
            else _cell(c)
            for i, c in enumerate(row)
        ]
        for row in value.rows()
    ]


@text.register
def _(value: Listing) -> str:  # type: ignore[type-arg]
    return _text_table(value.columns, _shown_rows(value))


@html.register
def _(value: Listing) -> str:  # type: ignore[type-arg]
    rows = _shown_rows(value)
    return table(value.columns, rows, caption=value.caption or _default_caption(value))


def _default_caption(value: Listing) -> str:  # type: ignore[type-arg]
    """The one-line repr in words: "Path to top with 5 bodies" for ``PathToTop``."""
    name = type(value).__name__
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).split(" ")
    phrase = " ".join([words[0], *(w.lower() for w in words[1:])])
    return phrase + repr(value).strip("<>").removeprefix(name)


@markdown.register
def _(value: Listing) -> str:  # type: ignore[type-arg]
    # The heading is the HTML table's caption, as the other Markdown tables have theirs.
    caption = value.caption or _default_caption(value)
    return f"## {md_text(caption)}\n\n{md_table(value.columns, _shown_rows(value))}"


Renderer = Callable[[Any], str]
