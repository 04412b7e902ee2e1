"""Fixed costs: the import, and the first call of every example and catalogue.

Each runs in a fresh interpreter, as a user's script would. The import is compared
with starting Python alone (``python -c pass``). A first call is timed inside the
fresh interpreter, from just after ``import engagekit`` to the call's return, so it
includes the submodules, data files and lazy imports the call needs; each must take
at most ``FIRST_CALL_BUDGET_S``.

The interpreters read compiled bytecode, as an installed package's are (installers
compile every module): a cache in a temporary folder is filled by one untimed run of
each workload before it is timed. Otherwise a checkout run with
``PYTHONDONTWRITEBYTECODE`` set would time Python compiling engagekit's source on
every run, which no user's first call pays.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile

from benchmarks._runner import Workload


FIRST_CALL_BUDGET_S = 0.080

#: (what is called, the code calling it once)
FIRST_CALLS = [
    *(
        (f"examples.{name}()", f"from engagekit import examples; examples.{name}()")
        for name in (
            "sutton",
            "somerset",
            "oxfordshire",
            "sutton_feedback_flow",
            "sutton_responsibilities",
            "sutton_stakeholders",
            "somerset_action_plan",
            "oxfordshire_delivery_plan",
            "gpcc_timeline_2011",
            "somerset_patient_transport_decision",
            "somerset_rheumatology_decision",
            "unproportionate_service_change",
            "oxfordshire_consultation",
            "oxfordshire_tutorial_consultation",
            "oxfordshire_themes",
            "oxfordshire_synthetic_responses",
            "oxfordshire_synthetic_loop",
            "oxfordshire_synthetic_report",
            "somerset_engagement_record",
        )
    ),
    ("techniques.catalogue()", "from engagekit import techniques; techniques.catalogue()"),
    ("duties.registry()", "from engagekit import duties; duties.registry()"),
    ("duties_for('icb', '2023-01-01')", "engagekit.duties_for('icb', '2023-01-01')"),
    ("engagement_cycle()", "engagekit.engagement_cycle()"),
    ("commissioning_cycles()", "engagekit.commissioning_cycles()"),
    ("cycles.involvement_levels()", "from engagekit import cycles; cycles.involvement_levels()"),
    ("cycles.principle_sets()", "from engagekit import cycles; cycles.principle_sets()"),
    ("cycles.ladders()", "from engagekit import cycles; cycles.ladders()"),
    ("plans.statuses()", "from engagekit import plans; plans.statuses()"),
    (
        "evaluate(examples.somerset_rheumatology_decision())",
        (
            "from engagekit import examples; "
            "engagekit.evaluate(examples.somerset_rheumatology_decision())"
        ),
    ),
    ("escalation.national()", "from engagekit import escalation; escalation.national()"),
]

# CPU time, as the runner measures everything (see `benchmarks._runner.clock`).
_TIMED = (
    "import time, engagekit\n"
    "start = time.process_time()\n"
    "{call}\n"
    "print(time.process_time() - start)\n"
)


@functools.cache
def _environment() -> dict[str, str]:
    """The environment of every timed interpreter: bytecode cached in a temporary folder."""
    cache = tempfile.mkdtemp(prefix="engagekit-bench-pycache-")
    atexit.register(shutil.rmtree, cache, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _python(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=_environment(),
    ).stdout


def _first_call(code: str):
    def timed() -> float:
        return float(_python(_TIMED.format(call=code)).split()[-1])

    return timed


def _compiled(code: str):
    """An untimed run of ``code`` that leaves the bytecode it needs in the cache."""
    return lambda: _python(code)


def workloads() -> list[Workload]:
    return [
        Workload(
            name="import engagekit",
            ours=lambda: _python("import engagekit"),
            baseline=lambda: _python("pass"),
            repeat=9,
            single=True,
            setup=_compiled("import engagekit"),
            compared_with="python -c pass (starting the interpreter alone)",
            notes=(
                "a fresh interpreter each run, reading cached bytecode; engagekit loads no "
                "catalogue at import"
            ),
        ),
        *(
            Workload(
                name=f"first call of {what}",
                ours=_first_call(code),
                repeat=9,
                self_timed=True,
                setup=_compiled(_TIMED.format(call=code)),
                budget_s=FIRST_CALL_BUDGET_S,
                compared_with="its budget",
            )
            for what, code in FIRST_CALLS
        ),
    ]
