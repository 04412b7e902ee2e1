"""Print every rendering of the built-in data: run in two processes with different
``PYTHONHASHSEED`` values by ``test_determinism.py``, which compares the bytes."""

from __future__ import annotations

import datetime as dt
import sys

from collections.abc import Iterator
from io import StringIO

from engagekit import evaluate, examples, io, render, schema
from engagekit.cli import main
from engagekit.consultations import response_report
from engagekit.decisions import compare, required_engagement
from engagekit.duties import BodyType, Checklist, law_timeline, registry
from engagekit.errors import InvalidTypeError
from engagekit.escalation import national
from engagekit.plans import annual_engagement_report


def _renderings(value: object) -> Iterator[str]:
    """The value as text, and as Markdown and HTML where it has those renderings."""
    for name, renderer in (
        ("text", render.text),
        ("markdown", render.markdown),
        ("html", render.html),
    ):
        try:
            yield renderer(value)
        except InvalidTypeError:
            yield f"({name}: not rendered for {type(value).__name__})"


def outputs() -> Iterator[str]:
    """Every output, in a fixed order."""
    decisions = [
        examples.somerset_rheumatology_decision(),
        examples.somerset_patient_transport_decision(),
        examples.unproportionate_service_change(),
    ]
    for decision in decisions:
        yield io.dumps(decision)
        yield from _renderings(evaluate(decision))
        yield from _renderings(required_engagement(decision.impact, on=decision.on))
    yield from _renderings(compare(examples.somerset_patient_transport_decision()))
    for network in (examples.somerset(), examples.sutton(), examples.oxfordshire(), national()):
        yield io.dumps(network)
        yield render.text(network)
        yield network.to_mermaid()
        yield network.to_dot()
        yield render.text(network.summary())
    for body in BodyType:
        yield render.text(registry().duties_for(body, dt.date(2018, 6, 1)))
        report = Checklist.for_body(body, on="2023-06-01").assess([], as_of="2023-06-01")
        yield from _renderings(report)
    yield "\n".join(law_timeline(through=dt.date(2026, 11, 30)).lines())
    for plan in (examples.somerset_action_plan(), examples.oxfordshire_delivery_plan()):
        yield io.dumps(plan)
        yield from _renderings(plan)
        yield from _renderings(annual_engagement_report(2012, body=plan.title, plan=plan))
    record = examples.somerset_engagement_record()
    yield io.dumps(record)
    yield from _renderings(annual_engagement_report(2011, record))
    yield from _renderings(examples.oxfordshire_synthetic_report())
    responses = examples.oxfordshire_synthetic_responses()
    yield from _renderings(response_report(responses, as_of="2015-12-31"))
    for name in schema.names():
        yield repr(schema.schema(name))
    for argv in (["demo"], ["duties", "--body", "icb", "--on", "2024-06-30"]):
        out = StringIO()
        main(argv, out=out)
        yield out.getvalue()


if __name__ == "__main__":
    for number, text in enumerate(outputs()):
        sys.stdout.write(f"--- output {number}\n{text}\n")
