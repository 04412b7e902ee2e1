"""Consultations workloads: analysing responses, and reading a CSV export.

Each at three sizes spanning 100x, the largest being the size the targets were set
for: the counts, one cross-tab and the age profile of 100,000 responses to 30
questions (at most 3x one ``Counter`` pass over the same tuples); reading a
50,000-row, 30-question CSV export, checking every cell (at most 2x
``csv.DictReader`` over the same text); and one cross-tab against
``pandas.crosstab`` (reported only). The answers are drawn from one seeded stream,
so each size's responses are the first of the largest size's.
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
import io
import random

from collections import Counter
from collections.abc import Callable
from typing import Any

from benchmarks._runner import Growth


QUESTIONS = 30
CHOICES = ("Strongly agree", "Agree", "Neither", "Disagree", "Strongly disagree")
AGES = ("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-and-over", "prefer-not-to-say")


def _consultation() -> Any:
    from engagekit.consultations import Consultation, Question

    return Consultation(
        title="Benchmark consultation",
        questions=[
            Question(id=f"q{n}", text=f"Question {n}", kind="closed", choices=CHOICES)
            for n in range(QUESTIONS)
        ],
        channels=["online survey", "paper"],
    )


def _rows(count: int) -> list[tuple[str, ...]]:
    rng = random.Random(2015)
    return [
        (*(rng.choice(CHOICES) for _ in range(QUESTIONS)), rng.choice(AGES)) for _ in range(count)
    ]


def _response_set(consultation: Any, rows: list[tuple[str, ...]]) -> Any:
    from engagekit.consultations import ResponseSet
    from engagekit.duties.equality import ProtectedCharacteristic
    from engagekit.plans import Channel

    n = len(rows)
    columns = list(zip(*rows, strict=True))
    monitoring: dict[Any, list[str | None]] = {c: [None] * n for c in ProtectedCharacteristic}
    monitoring[ProtectedCharacteristic.AGE] = list(columns[-1])
    channels = [Channel.ONLINE_CONSULTATION, Channel.PAPER_FORM]
    # The checked constructor is the CSV reader's; the set is built here directly
    # (untimed) from columns the generator made valid.
    return ResponseSet._trusted(
        consultation,
        {},
        ids=[str(i) for i in range(n)],
        dates=[None] * n,
        channels=[channels[i % 2] for i in range(n)],
        types=[consultation.respondent_types[0] if consultation.respondent_types else _nk()] * n,
        answers={f"q{q}": list(columns[q]) for q in range(QUESTIONS)},
        tags={f"q{q}": [()] * n for q in range(QUESTIONS)},
        monitoring=monitoring,
    )


def _nk() -> Any:
    from engagekit.consultations import RespondentType

    return RespondentType.NOT_KNOWN


def _csv_text(rows: list[tuple[str, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Response ID", *(f"Question {n}" for n in range(QUESTIONS)), "Age"])
    writer.writerows((str(i), *row) for i, row in enumerate(rows))
    return out.getvalue()


def _analysis(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
    consultation = _consultation()
    rows = _rows(size)
    responses = _response_set(consultation, rows)

    def ours() -> None:
        responses.all_results()
        responses.crosstab("q0", by="age")
        responses.profile("age")

    def baseline() -> None:
        Counter((q, answer) for row in rows for q, answer in enumerate(row))

    return ours, baseline


def _reading(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
    from engagekit.consultations import ImportMapping, read_responses

    consultation = _consultation()
    text = _csv_text(_rows(size))
    mapping = ImportMapping.from_dict(
        {
            "id": "Response ID",
            "channel": "online survey",
            "question": [{"id": f"q{n}", "column": f"Question {n}"} for n in range(QUESTIONS)],
            "monitoring": {"age": "Age"},
        }
    )

    def ours() -> None:
        result = read_responses(io.StringIO(text), mapping, consultation)
        if not result.ok:  # pragma: no cover  (the generated file is clean)
            raise AssertionError(result.findings[0])

    def baseline() -> None:
        list(csv.DictReader(io.StringIO(text)))

    return ours, baseline


def _crosstab(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
    pd: Any = importlib.import_module("pandas")
    rows = _rows(size)
    responses = _response_set(_consultation(), rows)
    frame = pd.DataFrame(rows, columns=[*(f"q{n}" for n in range(QUESTIONS)), "age"])

    def ours() -> object:
        return responses.crosstab("q0", by="age")

    def baseline() -> object:
        return pd.crosstab(frame["q0"], frame["age"])

    return ours, baseline


def workloads() -> list[Growth]:
    found = [
        Growth(
            name=f"ResponseSet: counts of {QUESTIONS} questions, one cross-tab and the age profile",
            build=_analysis,
            sizes=(1_000, 10_000, 100_000),
            quick_sizes=(300, 3_000, 30_000),
            unit="responses",
            target=3.0,
            compared_with="one Counter pass over the same tuples of answers",
        ),
        Growth(
            name=f"read_responses of a {QUESTIONS}-question CSV export",
            build=_reading,
            sizes=(500, 5_000, 50_000),
            quick_sizes=(50, 500, 5_000),
            unit="rows",
            target=2.0,
            compared_with="csv.DictReader over the same text",
            notes="ours checks every cell against the consultation and the categories",
        ),
    ]
    if importlib.util.find_spec("pandas") is not None:
        found.append(
            Growth(
                name="ResponseSet.crosstab of one question by age",
                build=_crosstab,
                sizes=(1_000, 10_000, 100_000),
                quick_sizes=(300, 3_000, 30_000),
                unit="responses",
                compared_with="pandas.crosstab of the same two columns of a DataFrame",
                notes="the ratio is reported beside the target, not judged",
            )
        )
    return found
