"""Renderers for consultations, their responses, loops and response reports (private).

Registered on the dispatching functions of ``engagekit._display`` when
``engagekit.consultations`` is imported. Every count a report shows is one of
its tables after `engagekit.disclosure.protect`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from engagekit._display import (
    TEXT_WIDTH,
    Record,
    SheetSection,
    _shown_rows,
    _text_entries,
    _text_table,
    counted,
    esc,
    fill,
    html,
    markdown,
    md_table,
    md_text,
    records,
    rows_to_records,
    sheet_html,
    sheet_markdown,
    sheet_text,
    table,
    text,
)
from engagekit.choices import Choice
from engagekit.consultations._consultation import Consultation, Question, QuestionKind
from engagekit.consultations._import import CsvImport
from engagekit.consultations._loop import ClosureMetrics, ConsultationLoop, ThemeStatuses
from engagekit.consultations._report import ResponseReport, _question_table
from engagekit.consultations._responses import CrossTab, ResponseSet, Theme
from engagekit.disclosure import MARK, CountTable


# A document is a list of blocks, rendered as Markdown or HTML alike.
Block = tuple[str, object]


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _cell(count: int | None, share: float | None) -> str:
    if count is None:
        return MARK
    return str(count) if share is None else f"{count} ({share:.0%})"


#: A table of responses: one row per category, its shown count and share.
Figures = list[tuple[str, int | None, float | None]]


def _rows(table: CountTable, base: int | None = None) -> Figures:
    """One row per category: the shown count and its share (of ``base`` when given,
    shown only with the count; else the table's own share)."""
    rows = []
    for category, count, own in zip(table.categories, table.counts, table.shares, strict=True):
        share = own if base is None else (None if count is None or not base else count / base)
        rows.append((category, count, share))
    return rows


def _shown(figures: Figures) -> list[list[str]]:
    """A table of responses as shown: each count with its share, ``*`` where hidden."""
    return [[category, _cell(count, share)] for category, count, share in figures]


def _window(c: Consultation) -> str:
    if c.start is None and c.end is None:
        return "dates not recorded"
    start = c.start.isoformat() if c.start else "?"
    end = c.end.isoformat() if c.end else "?"
    return f"open {start} to {end}"


def _blocks(report: ResponseReport) -> list[Block]:
    responses = report.responses
    c = responses.consultation
    shown = {t.name: t for t in report.disclosure() if isinstance(t, CountTable)}
    answered = shown["Answered"]
    out: list[Block] = [("h1", f"Consultation response report: {c.title or 'consultation'}")]
    facts = [f for f in (c.body, _window(c), f"report of {report.as_of.isoformat()}") if f]
    out.append(("p", " · ".join(facts)))
    if c.proposal:
        out.append(("p", c.proposal))
    out.append(("h2", "Who responded and how"))
    total = shown["Channel"].total
    everyone = MARK if total is None else str(total)
    out.append(("p", f"{everyone} responses."))
    out.append(("counts", (["Channel", "Responses"], _rows(shown["Channel"]))))
    out.append(("counts", (["Responding as", "Responses"], _rows(shown["Responding as"]))))
    out.append(("h2", "Results per question"))
    for q in c.questions:
        out.append(("h3", q.text))
        # A count equal to the number of responses is that total: shown or hidden with it.
        count = total if report.answered[q.id] == len(responses) else answered.count(q.id)
        note = f"{MARK if count is None else count} of the {everyone} responses answered"
        if q.answered is not None:
            note += f"; the consultation reported {q.answered} answers"
        out.append(("p", note + "."))
        name = _question_table(q.id)
        if name in shown:
            table = shown[name]
            multiple = q.kind is QuestionKind.MULTIPLE_CHOICE
            rows = _rows(table, count if multiple else None)
            out.append(("counts", (["Answer", "Responses"], rows)))
            continue
        themes = shown.get(f"Themes of question {q.id}")
        if themes is not None:
            out.append(("counts", (["Theme", "Responses"], _rows(themes, count))))
        titles = {t.id: t.title for t in responses.themes}
        for quote in report.quotes:
            if quote.question == q.id:
                out.append(
                    ("quote", f"{quote.text} ({titles[quote.theme]}; response {quote.response})")
                )
    if report.representation is not None:
        out.append(("h2", "Who is missing"))
        level = f"{report.representation.confidence:.0%}"
        out.append(
            (
                "p",
                (
                    "Respondents' share of those who stated a category, against the "
                    f"population baseline, with the {level} confidence interval of the "
                    "difference; a category is under-represented when the whole interval "
                    f"is below the population's share. Hidden counts are shown as {MARK}."
                ),
            )
        )
        found: list[list[str]] = []
        for f in report.representation.reasons:
            # Shown only where both this report's tables and the representation show it.
            mine = shown[f.characteristic.label]
            count = f.participants if mine.count(f.category) is not None else None
            share = f.share if count is not None and mine.share(f.category) is not None else None
            if share is None or f.difference is None or f.low is None or f.high is None:
                interval = ""
            else:
                interval = f"{f.difference:+.0%} ({f.low:+.0%} to {f.high:+.0%})"
            if not f.stated:
                flag = "not stated"
            elif f.under_represented is None or share is None:
                flag = "not known" if count is None else ""
            else:
                flag = "under-represented" if f.under_represented else ""
            found.append(
                [
                    f.characteristic.label,
                    f.category,
                    _cell(count, None),
                    _share(share),
                    _share(f.population_share),
                    interval,
                    flag,
                ]
            )
        headers = ["Characteristic", "Category", "Respondents", "Share", "Population",
                   "Difference", ""]  # fmt: skip
        out.append(("table", (headers, found)))
    if report.loop is not None and report.closure is not None:
        out.append(("h2", "You said, we did"))
        m = report.closure
        out.append(("p", f"{m.answered} of {m.themes} themes answered ({_share(m.closure_rate)})."))
        heard = shown.get("Respondents who raised a theme")
        if heard is not None:
            out.append(
                (
                    "counts",
                    (["Respondents who raised a theme", "Responses"], _rows(heard)),
                )
            )
        raised = shown["Themes raised"]
        out.append(
            (
                "table",
                (
                    ["You said", "Responses", "We did", "Change", "Decision", "Action"],
                    [
                        [
                            s.theme.title,
                            _cell(count, None),
                            "; ".join(r.text for r in s.responses) or "not yet answered",
                            s.change.label,
                            ", ".join(s.decisions),
                            ", ".join(s.actions),
                        ]
                        for s, count in zip(report.loop, raised.counts, strict=True)
                    ],
                ),
            )
        )
    return out


def _md(blocks: Sequence[Block]) -> str:
    parts = []
    for kind, value in blocks:
        if kind == "h1":
            parts.append(f"# {md_text(value)}")
        elif kind == "h2":
            parts.append(f"## {md_text(value)}")
        elif kind == "h3":
            parts.append(f"### {md_text(value)}")
        elif kind == "p":
            parts.append(str(value))
        elif kind == "quote":
            parts.append(f"> {value}")
        elif kind == "counts":
            headers, figures = cast("tuple[list[str], Figures]", value)
            parts.append(md_table(headers, _shown(figures)))
        else:
            headers, rows = cast("tuple[list[str], list[list[str]]]", value)
            parts.append(md_table(headers, rows))
    return "\n\n".join(parts) + "\n"


def _html(blocks: Sequence[Block]) -> str:
    parts = ['<div class="engagekit consultation-report">']
    for kind, value in blocks:
        if kind in ("h1", "h2", "h3", "p"):
            parts.append(f"<{kind}>{esc(value)}</{kind}>")
        elif kind == "quote":
            parts.append(f"<blockquote>{esc(value)}</blockquote>")
        elif kind == "counts":
            headers, figures = cast("tuple[list[str], Figures]", value)
            parts.append(table(headers, _shown(figures)))
        else:
            headers, rows = cast("tuple[list[str], list[list[str]]]", value)
            parts.append(table(headers, rows))
    parts.append("</div>")
    return "".join(parts)


@markdown.register
def _(value: ResponseReport) -> str:
    return _md(_blocks(value))


#: The character underlining each level of heading in plain text.
_UNDERLINE = {"h1": "=", "h2": "-", "h3": "~"}


def _text_rows(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table as plain text: in columns where they fit in a terminal, otherwise each
    row an entry named by its first cell, its other cells labelled by their headers."""
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]
    if sum(widths) + 2 * (len(widths) - 1) <= TEXT_WIDTH:
        return _text_table(headers, rows)
    return _text_entries(headers, rows)


def _txt(blocks: Sequence[Block]) -> str:
    parts = []
    for kind, value in blocks:
        if kind in _UNDERLINE:
            title = fill(str(value), "")
            width = max(len(line) for line in title.splitlines())
            parts.append(title + "\n" + _UNDERLINE[kind] * width)
        elif kind == "p":
            parts.append(fill(str(value), ""))
        elif kind == "quote":
            parts.append(fill(f"    {value}", "    "))
        elif kind == "counts":
            headers, figures = cast("tuple[list[str], Figures]", value)
            parts.append(_text_rows(headers, _shown(figures)))
        else:
            headers, rows = cast("tuple[list[str], list[list[str]]]", value)
            parts.append(_text_rows(headers, rows))
    return "\n\n".join(parts) + "\n"


@text.register
def _(value: ResponseReport) -> str:
    return _txt(_blocks(value))


@html.register
def _(value: ResponseReport) -> str:
    return _html(_blocks(value))


#: The columns of a response report's records.
_REPORT_COLUMNS = ("section", "table", "category", "responses", "share")


@records.register
def _(value: ResponseReport) -> list[Record]:
    # One record per row of the report's tables of responses, under the heading
    # they are shown under; hidden figures are None, as the report hides them.
    rows: list[tuple[object, ...]] = []
    heading = ""
    for kind, block in _blocks(value):
        if kind in ("h2", "h3"):
            heading = str(block)
        elif kind == "counts":
            headers, figures = cast("tuple[list[str], Figures]", block)
            rows.extend((heading, headers[0], *figure) for figure in figures)
    return rows_to_records(_REPORT_COLUMNS, rows)


# --- the smaller values ------------------------------------------------------------


def _crosstab_rows(value: CrossTab) -> tuple[list[str], list[list[object]]]:
    headers = ["answer", *value.groups]
    return headers, [[row, *counts] for row, counts in zip(value.rows, value.counts, strict=True)]


@text.register
def _(value: CrossTab) -> str:
    headers, rows = _crosstab_rows(value)
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.extend(
        "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
    return f"{value.question.text} by {value.by}\n" + "\n".join(lines)


@html.register
def _(value: CrossTab) -> str:
    headers, rows = _crosstab_rows(value)
    return table(headers, rows, caption=f"{value.question.text} by {value.by}")


@markdown.register
def _(value: CrossTab) -> str:
    headers, rows = _crosstab_rows(value)
    return md_table(headers, rows)


@records.register
def _(value: CrossTab) -> list[Record]:
    headers, rows = _crosstab_rows(value)
    return rows_to_records(headers, rows)


def _metric_rows(m: ClosureMetrics) -> list[tuple[str, str]]:
    return [
        ("themes raised", str(m.themes)),
        ("themes answered", f"{m.answered} ({_share(m.closure_rate)})"),
        ("respondents who raised a theme", str(m.respondents)),
        ("of them, every theme answered", f"{m.heard} ({_share(m.heard_rate)})"),
        ("decisions informed", ", ".join(m.decisions)),
    ]


@text.register
def _(value: ClosureMetrics) -> str:
    return "\n".join(f"{k}: {v}" for k, v in _metric_rows(value))


@html.register
def _(value: ClosureMetrics) -> str:
    return table(
        ("Measure", "Value"), _metric_rows(value), caption="Closing the loop", row_headers=True
    )


@markdown.register
def _(value: ClosureMetrics) -> str:
    return "## Closing the loop\n\n" + md_table(("Measure", "Value"), _metric_rows(value))


@text.register
def _(value: ThemeStatuses) -> str:
    # As the response report lists its "You said, we did": a table where it fits in a
    # terminal, else an entry per theme (a decision's or an action's id cannot wrap, and
    # the table was 117 columns wide).
    return _text_rows(value.columns, _shown_rows(value))


@text.register
def _(value: ConsultationLoop) -> str:
    return text(value.status())


@html.register
def _(value: ConsultationLoop) -> str:
    return html(value.status())


@markdown.register
def _(value: ConsultationLoop) -> str:
    return markdown(value.status())


@records.register
def _(value: ConsultationLoop) -> list[Record]:
    return records(value.status())


# --- a consultation ------------------------------------------------------------------

#: The columns of a consultation's facts and of its questions.
_QUESTIONS = ("Id", "Question", "Kind", "Answers offered", "Answered")


def _labels(values: Sequence[Choice]) -> str:
    return ", ".join(v.label for v in values)


def _facts(c: Consultation) -> list[tuple[str, str]]:
    """What is recorded of the consultation, each known fact a row."""
    if c.start is None and c.end is None:
        window = "not recorded"
    else:
        window = f"{c.start or '?'} to {c.end or '?'}"
    if c.weeks is not None:
        window += f" ({c.weeks:g} weeks)"
    rows = [("Body", c.body), ("Open", window), ("Proposal", c.proposal), ("Summary", c.summary)]
    if c.proposal_status is not None:
        rows.append(("Proposal status", c.proposal_status.label))
    rows.append(("Options", "; ".join(c.options)))
    rows.append(("Information published", _labels(c.published)))
    rows.append(("Channels", _labels(c.channels)))
    rows.append(("Invited to respond", _labels(c.respondent_types)))
    if c.responses:
        rows.append(("Responses reported", f"{c.responses:,}"))
    if c.report_published is not None:
        rows.append(("Response report published", c.report_published.isoformat()))
    if c.considered_in_decision:
        rows.append(("Report considered in the decision", "yes"))
    if c.source is not None:
        rows.append(("Source", str(c.source)))
    return [(k, v) for k, v in rows if v]


def _offered(q: Question) -> str:
    if q.scale is not None:
        return f"{q.scale[0]} to {q.scale[1]}"
    return " / ".join(q.choices)


def _answered(q: Question) -> str:
    return "not reported" if q.answered is None else f"{q.answered:,}"


def _question_rows(c: Consultation) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            q.id,
            q.text,
            q.kind.label,
            _offered(q),
            _answered(q),
        )
        for q in c.questions
    ]


def _consultation_title(c: Consultation) -> str:
    return c.title or "Consultation"


@text.register
def _(value: Consultation) -> str:
    lines = [f"Questions ({len(value.questions)}):"] if value.questions else []
    for q_id, asked, kind, offered, answered in _question_rows(value):
        about = f"{kind}: {offered}" if offered else kind
        lines += [f"  {q_id}: {asked}", f"      {about}; answered: {answered}"]
    return sheet_text(_consultation_title(value), _facts(value), lines)


def _consultation_sections(value: Consultation) -> list[SheetSection]:
    rows = _question_rows(value)
    return [("Questions", _QUESTIONS, rows)] if rows else []


@html.register
def _(value: Consultation) -> str:
    return sheet_html(_consultation_title(value), _facts(value), _consultation_sections(value))


@markdown.register
def _(value: Consultation) -> str:
    return sheet_markdown(_consultation_title(value), _facts(value), _consultation_sections(value))


# --- a question and a theme: fact sheets like the consultation's, without tables -------


def _question_facts(q: Question) -> list[tuple[str, str]]:
    """The question's id, kind, what it offered and how many answered, as the
    consultation's table of questions shows them; headed by the question."""
    rows = [("Id", q.id), ("Kind", q.kind.label), ("Answers offered", _offered(q))]
    rows.append(("Answered", _answered(q)))
    return [(k, v) for k, v in rows if v]


@text.register
def _(value: Question) -> str:
    return sheet_text(value.text, _question_facts(value), [])


@html.register
def _(value: Question) -> str:
    return sheet_html(value.text, _question_facts(value), [])


@markdown.register
def _(value: Question) -> str:
    return sheet_markdown(value.text, _question_facts(value), [])


def _theme_facts(t: Theme) -> list[tuple[str, str]]:
    """The theme's id, kind and description (when it has one); headed by its title."""
    rows = [("Id", t.id), ("Kind", t.kind.label), ("Description", t.description or "")]
    return [(k, v) for k, v in rows if v]


@text.register
def _(value: Theme) -> str:
    return sheet_text(value.title, _theme_facts(value), [])


@html.register
def _(value: Theme) -> str:
    return sheet_html(value.title, _theme_facts(value), [])


@markdown.register
def _(value: Theme) -> str:
    return sheet_markdown(value.title, _theme_facts(value), [])


def _responses_head(value: ResponseSet) -> str:
    return f"{len(value)} responses to {value.consultation.title or 'a consultation'}"


@text.register
def _(value: ResponseSet) -> str:
    return _responses_head(value) + "\n" + text(value.profile("channel"))


@html.register
def _(value: ResponseSet) -> str:
    return f"<p>{esc(_responses_head(value))}</p>" + html(value.profile("channel"))


@markdown.register
def _(value: ResponseSet) -> str:
    return _responses_head(value) + "\n\n" + markdown(value.profile("channel"))


@records.register
def _(value: ResponseSet) -> list[Record]:
    return value.to_records()


def _import_head(value: CsvImport) -> str:
    responses = counted(len(value.responses), "responses")
    return f"{value.origin}: {counted(value.rows, 'rows')}, {responses} read"


@text.register
def _(value: CsvImport) -> str:
    head = _import_head(value)
    if not value.findings:
        return head
    return head + "\n" + "\n".join(str(f) for f in value.findings)


@html.register
def _(value: CsvImport) -> str:
    head = f"<p>{esc(_import_head(value))}</p>"
    return head + (html(value.findings) if value.findings else "")


@markdown.register
def _(value: CsvImport) -> str:
    # The origin of text read from a stream is "<csv>", which Markdown would take as a tag.
    head = md_text(_import_head(value))
    return head + (f"\n\n{markdown(value.findings)}" if value.findings else "")


@records.register
def _(value: CsvImport) -> list[Record]:
    return records(value.findings)


@records.register
def _(value: ClosureMetrics) -> list[Record]:
    # The table's measures; a count and its share, shown in one cell, are two columns.
    measures = [label for label, _ in _metric_rows(value)]
    figures = (
        (value.themes, None),
        (value.answered, value.closure_rate),
        (value.respondents, None),
        (value.heard, value.heard_rate),
        (value.decisions, None),
    )
    return rows_to_records(
        ("measure", "value", "share"),
        ((measure, *figure) for measure, figure in zip(measures, figures, strict=True)),
    )
