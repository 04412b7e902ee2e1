"""Foundation workloads: import cost and the technique catalogue's JSON round trip."""

from __future__ import annotations

import json
import subprocess
import sys

from benchmarks._runner import Workload


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


def workloads() -> list[Workload]:
    from engagekit import io
    from engagekit.techniques import TechniqueCatalogue
    from engagekit.techniques import catalogue as built_in

    catalogue = built_in()
    plain = io.to_dict(catalogue)

    def ours_round_trip() -> None:
        io.loads(io.dumps(catalogue), TechniqueCatalogue)

    def baseline_round_trip() -> None:
        json.loads(json.dumps(plain, indent=2))

    return [
        Workload(
            name="import engagekit vs import attrs, cattrs, networkx, dateutil",
            ours=lambda: _python("import engagekit"),
            baseline=lambda: _python("import attrs, cattrs, networkx, dateutil"),
            target=1.2,
            repeat=9,
            notes="fresh interpreter each run; engagekit loads no catalogue at import",
        ),
        Workload(
            name="technique catalogue JSON round trip vs json of plain dicts",
            ours=ours_round_trip,
            baseline=baseline_round_trip,
            target=3.0,
            repeat=15,
        ),
    ]
