"""Renderers for consultations, their responses, loops and response reports (private).

Registered on the dispatching functions of ``engagekit._display`` when
``engagekit.consultations`` is imported. Every count a report shows goes through
`_disclose.shown`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from engagekit._display import esc, html, markdown, md_table, table, text
from engagekit.consultations._consultation import Consultation, QuestionKind
from engagekit.consultations._disclose import HIDDEN, shown
from engagekit.consultations._import import CsvImport
from engagekit.consultations._loop import ClosureMetrics, ConsultationLoop
from engagekit.consultations._report import ResponseReport
from engagekit.consultations._responses import CrossTab, ResponseSet, Tallies


# A document is a list of blocks, rendered as Markdown or HTML alike.
Block = tuple[str, object]


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _tally_rows(
    tallies: Tallies, least: int, label: Mapping[Any, str] | None = None
) -> list[list[str]]:
    cells = shown([t.count for t in tallies], tallies.base or None, suppress_below=least)
    return [
        [(label or {}).get(t.value, str(getattr(t.value, "label", t.value))), cell]
        for t, cell in zip(tallies, cells, strict=True)
    ]


def _window(c: Consultation) -> str:
    if c.start is None and c.end is None:
        return "dates not recorded"
    start = c.start.isoformat() if c.start else "?"
    end = c.end.isoformat() if c.end else "?"
    return f"open {start} to {end}"


def _blocks(report: ResponseReport) -> list[Block]:
    responses = report.responses
    c = responses.consultation
    least = report.suppress_below
    titles = {t.id: t.title for t in responses.themes}
    out: list[Block] = [("h1", f"Consultation response report: {c.title or 'consultation'}")]
    facts = [f for f in (c.body, _window(c), f"report of {report.as_of.isoformat()}") if f]
    out.append(("p", " · ".join(facts)))
    if c.proposal:
        out.append(("p", c.proposal))
    out.append(("h2", "Who responded and how"))
    out.append(("p", f"{len(responses)} responses."))
    out.append(("table", (["Channel", "Responses"], _tally_rows(report.profile["channel"], least))))
    out.append(
        (
            "table",
            (["Responding as", "Responses"], _tally_rows(report.profile["respondent-type"], least)),
        )
    )
    out.append(("h2", "Results per question"))
    for q in c.questions:
        out.append(("h3", q.text))
        answered = responses.answered(q.id)
        count = shown([answered], suppress_below=least)[0]
        note = f"{count} of the {len(responses)} responses answered"
        if q.answered is not None:
            note += f"; the consultation reported {q.answered} answers"
        out.append(("p", note + "."))
        if q.kind is not QuestionKind.FREE_TEXT:
            out.append(
                ("table", (["Answer", "Responses"], _tally_rows(report.results[q.id], least)))
            )
            continue
        themes = report.themes[q.id]
        raised = [t for t in themes if t.count]
        if raised:
            out.append(
                (
                    "table",
                    (
                        ["Theme", "Responses"],
                        _tally_rows(Tallies(raised, base=themes.base), least, titles),
                    ),
                )
            )
        for quote in report.quotes:
            if quote.question == q.id:
                out.append(
                    ("quote", f"{quote.text} ({titles[quote.theme]}; response {quote.response})")
                )
    if report.representation is not None:
        out.append(("h2", "Who is missing"))
        out.append(
            (
                "p",
                "Respondents' share of those who answered each monitoring question, against "
                "the population baseline; hidden counts are shown as " + HIDDEN + ".",
            )
        )
        rows = []
        for f in report.representation.reasons:
            count = HIDDEN if f.suppressed else str(f.participants)
            flag = {True: "under-represented", False: "", None: "not known"}[f.under_represented]
            rows.append(
                [
                    f.characteristic.label,
                    f.category,
                    count,
                    _share(f.share),
                    _share(f.population_share),
                    flag,
                ]
            )
        out.append(
            (
                "table",
                (["Characteristic", "Category", "Respondents", "Share", "Population", ""], rows),
            )
        )
        if report.not_stated:
            cells = shown(list(report.not_stated.values()), suppress_below=least)
            listed = ", ".join(
                f"{k.label} {cell}" for k, cell in zip(report.not_stated, cells, strict=True)
            )
            out.append(("p", f"Preferred not to say, other or not answered: {listed}."))
    if report.loop is not None and report.closure is not None:
        out.append(("h2", "You said, we did"))
        m = report.closure
        out.append(
            (
                "p",
                (
                    f"{m.answered} of {m.themes} themes answered ({_share(m.closure_rate)}); "
                    f"{m.heard} of {m.respondents} respondents who raised a theme have had "
                    f"every theme answered ({_share(m.heard_rate)})."
                ),
            )
        )
        counts = shown([s.respondents for s in report.loop], suppress_below=least)
        out.append(
            (
                "table",
                (
                    ["You said", "Responses", "We did", "Change", "Decision", "Action"],
                    [
                        [
                            s.theme.title,
                            cell,
                            "; ".join(r.text for r in s.responses) or "not yet answered",
                            s.change.label,
                            ", ".join(s.decisions),
                            ", ".join(s.actions),
                        ]
                        for s, cell in zip(report.loop, counts, strict=True)
                    ],
                ),
            )
        )
    return out


def _md(blocks: Sequence[Block]) -> str:
    parts = []
    for kind, value in blocks:
        if kind == "h1":
            parts.append(f"# {value}")
        elif kind == "h2":
            parts.append(f"## {value}")
        elif kind == "h3":
            parts.append(f"### {value}")
        elif kind == "p":
            parts.append(str(value))
        elif kind == "quote":
            parts.append(f"> {value}")
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
        else:
            headers, rows = cast("tuple[list[str], list[list[str]]]", value)
            parts.append(table(headers, rows))
    parts.append("</div>")
    return "".join(parts)


@markdown.register
def _(value: ResponseReport) -> str:
    return _md(_blocks(value))


@text.register
def _(value: ResponseReport) -> str:
    return _md(_blocks(value))


@html.register
def _(value: ResponseReport) -> str:
    return _html(_blocks(value))


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
    return table(("measure", "value"), _metric_rows(value))


@text.register
def _(value: ConsultationLoop) -> str:
    return text(value.status())


@html.register
def _(value: ConsultationLoop) -> str:
    return html(value.status())


@text.register
def _(value: ResponseSet) -> str:
    title = value.consultation.title or "a consultation"
    return f"{len(value)} responses to {title}\n" + text(value.profile("channel"))


@html.register
def _(value: ResponseSet) -> str:
    return f"<p>{esc(repr(value))}</p>" + html(value.profile("channel"))


@text.register
def _(value: CsvImport) -> str:
    head = f"{value.origin}: {value.rows} rows, {len(value.responses)} responses read"
    if not value.findings:
        return head
    return head + "\n" + "\n".join(str(f) for f in value.findings)


@html.register
def _(value: CsvImport) -> str:
    return f"<p>{esc(repr(value))}</p>" + html(value.findings)
