"""Consultations workloads: analysing responses, and reading a CSV export."""

from __future__ import annotations

import csv
import importlib
import importlib.util
import io
import random

from collections import Counter
from typing import Any

from benchmarks._runner import Workload


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


def workloads() -> list[Workload]:
    from engagekit.consultations import ImportMapping, read_responses

    consultation = _consultation()
    rows = _rows(100_000)
    responses = _response_set(consultation, rows)

    def ours_analysis() -> None:
        responses.all_results()
        responses.crosstab("q0", by="age")
        responses.profile("age")

    def baseline_analysis() -> None:
        Counter((q, answer) for row in rows for q, answer in enumerate(row))

    csv_rows = rows[:50_000]
    text = _csv_text(csv_rows)
    mapping = ImportMapping.from_dict(
        {
            "id": "Response ID",
            "channel": "online survey",
            "question": [{"id": f"q{n}", "column": f"Question {n}"} for n in range(QUESTIONS)],
            "monitoring": {"age": "Age"},
        }
    )

    def ours_csv() -> None:
        result = read_responses(io.StringIO(text), mapping, consultation)
        if not result.ok:  # pragma: no cover  (the generated file is clean)
            raise AssertionError(result.findings[0])

    def baseline_csv() -> None:
        list(csv.DictReader(io.StringIO(text)))

    found = [
        Workload(
            name=f"ResponseSet: counts of 100,000 responses x {QUESTIONS} questions, one "
            "cross-tab, the age profile vs one Counter pass over the same tuples",
            ours=ours_analysis,
            baseline=baseline_analysis,
            target=3.0,
            repeat=5,
        ),
        Workload(
            name=f"read_responses: a 50,000-row x {QUESTIONS}-question CSV export vs "
            "csv.DictReader over the same text",
            ours=ours_csv,
            baseline=baseline_csv,
            target=2.0,
            repeat=5,
            notes="ours checks every cell against the consultation and the categories",
        ),
    ]
    if importlib.util.find_spec("pandas") is not None:
        pd: Any = importlib.import_module("pandas")

        frame = pd.DataFrame(rows, columns=[*(f"q{n}" for n in range(QUESTIONS)), "age"])

        def pandas_crosstab() -> None:
            pd.crosstab(frame["q0"], frame["age"])

        found.append(
            Workload(
                name="ResponseSet.crosstab over 100,000 responses vs pandas.crosstab",
                ours=lambda: responses.crosstab("q0", by="age"),
                baseline=pandas_crosstab,
                repeat=5,
                notes="reported beside the target, not judged",
            )
        )
    return found
