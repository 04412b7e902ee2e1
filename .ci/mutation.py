"""Mutation testing, one package (or a few of its files) at a time, with that package's tests.

Usage (from the repository root, with the dev environment's Python and ``pip install
mutmut``)::

    nice -n 10 python .ci/mutation.py decisions                  # every file of a package
    nice -n 10 python .ci/mutation.py plans --file _dates.py     # one file (repeatable)
    python .ci/mutation.py plans --file _dates.py --survivors     # then read what survived
    nice -n 10 python .ci/mutation.py plans --file _dates.py --fresh  # again, after new tests

mutmut reads its settings from ``[tool.mutmut]`` in pyproject.toml. This script copies
``src/``, ``tests/``, ``docs/``, ``examples/`` (some tests read those) and pyproject.toml
into ``.mutation/PACKAGE/`` (git-ignored) and narrows that copy's settings to the
package: only ``src/engagekit/PACKAGE/`` (or the files named) is mutated, and only
``tests/PACKAGE`` runs. Results are kept there, so a second run only tests mutants of
functions whose source changed: after changing the tests, measure again with
``--fresh``, which forgets every earlier result. It prints, per file and for the
package, how many mutants were killed (a test failed or timed out) and how many
survived, and the score: killed / (killed + survived + mutants no test reached). It
takes more than ten minutes for a large package, so it is not part of ``.ci/run``. See
docs/mutation.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys

from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
PACKAGES = ("decisions", "duties", "escalation", "plans")
#: Copied beside src/ and tests/ because some tests read them (docs pages, example files).
DATA = ("docs", "examples")
#: mutmut's exit codes per mutant, by what they say about the tests.
KILLED = {1, 3, 24, 36, 152, 255, -24, 37}
SURVIVED = {0}
NO_TESTS = {5, 33}


def _settings(package: str, files: list[str]) -> str:
    """The ``[tool.mutmut]`` table for one package, replacing the repository's."""
    base = f"src/engagekit/{package}"
    only = [f"{base}/{name}" for name in files] if files else [f"{base}/*"]
    lines = [
        "[tool.mutmut]",
        'source_paths = ["src"]',
        f"only_mutate = {json.dumps(only)}",
        f"pytest_add_cli_args_test_selection = {json.dumps([f'tests/{package}'])}",
        f"also_copy = {json.dumps(list(DATA))}",
    ]
    return "\n".join(lines) + "\n"


def _pyproject(package: str, files: list[str]) -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r"^\[tool\.mutmut\]\n(?:(?!\[).*\n)*", text, flags=re.MULTILINE)
    if match is None:
        sys.exit("pyproject.toml has no [tool.mutmut] table")
    keep = [
        line
        for line in match.group(0).splitlines()[1:]
        if line.strip()
        and not line.startswith(("source_paths", "only_mutate", "pytest_add_cli", "also_copy"))
    ]
    table = _settings(package, files) + "".join(line + "\n" for line in keep)
    return text[: match.start()] + table + "\n" + text[match.end() :]


def _prepare(package: str, files: list[str]) -> Path:
    work = WORK / package
    work.mkdir(parents=True, exist_ok=True)
    for name in ("src", "tests", *DATA):
        target = work / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (work / "pyproject.toml").write_text(_pyproject(package, files), encoding="utf-8")
    return work


def _counts(work: Path, package: str) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    root = work / "mutants" / "src" / "engagekit" / package
    # Sub-packages too (duties/equality/…), each file named by its path in the package.
    for meta in sorted(root.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        row = {"killed": 0, "survived": 0, "no tests": 0, "other": 0}
        for code in codes:
            if code in KILLED:
                row["killed"] += 1
            elif code in SURVIVED:
                row["survived"] += 1
            elif code in NO_TESTS:
                row["no tests"] += 1
            else:
                row["other"] += 1
        if sum(row.values()):
            counts[meta.relative_to(root).as_posix().removesuffix(".meta")] = row
    return counts


def _score(row: dict[str, int]) -> str:
    judged = row["killed"] + row["survived"] + row["no tests"]
    return f"{100 * row['killed'] / judged:.1f}%" if judged else "-"


def _report(counts: dict[str, dict[str, int]], package: str) -> None:
    header = f"{'file':<28}{'killed':>8}{'survived':>10}{'no tests':>10}{'other':>7}{'score':>8}"
    print(header)
    total = {"killed": 0, "survived": 0, "no tests": 0, "other": 0}
    for name, row in counts.items():
        for key, value in row.items():
            total[key] += value
        print(
            f"{name:<28}{row['killed']:>8}{row['survived']:>10}{row['no tests']:>10}"
            f"{row['other']:>7}{_score(row):>8}"
        )
    print(
        f"{package + ' (files above)':<28}{total['killed']:>8}{total['survived']:>10}"
        f"{total['no tests']:>10}{total['other']:>7}{_score(total):>8}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", choices=PACKAGES)
    parser.add_argument(
        "--file", action="append", default=[], help="mutate only this file of the package"
    )
    parser.add_argument("--max-children", type=int, default=2, help="parallel test processes")
    parser.add_argument(
        "--survivors", action="store_true", help="print the surviving mutants' diffs and stop"
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="forget earlier results and test every mutant again (needed after tests change)",
    )
    args = parser.parse_args(argv)
    mutmut = [sys.executable, "-m", "mutmut"]
    work = WORK / args.package
    if args.survivors:
        listing = subprocess.run(  # noqa: S603 - our own interpreter and mutmut
            [*mutmut, "results"], cwd=work, capture_output=True, text=True, check=True
        )
        for line in listing.stdout.splitlines():
            name = line.strip().split(":")[0]
            if line.strip().endswith("survived") and name:
                subprocess.run([*mutmut, "show", name], cwd=work, check=False)  # noqa: S603
        return 0
    if args.fresh and (work / "mutants").exists():
        shutil.rmtree(work / "mutants")
    work = _prepare(args.package, args.file)
    # Property tests run ten derandomised examples per mutant (tests/conftest.py).
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}
    run = subprocess.run(  # noqa: S603 - our own interpreter and mutmut
        [*mutmut, "run", "--max-children", str(args.max_children)],
        cwd=work,
        env=env,
        check=False,
        preexec_fn=_limit_memory,
    )
    counts = _counts(work, args.package)
    if args.file:
        counts = {name: row for name, row in counts.items() if name in args.file}
    if not counts and not args.fresh:
        # mutmut keeps the earlier run's mutants and mutates nothing new, so a file not
        # in that run (a second --file) has no verdicts until the run starts afresh.
        print(
            f"nothing measured for {', '.join(args.file) or args.package}: an earlier run's "
            "state is kept; run again with --fresh (which forgets its verdicts)",
            file=sys.stderr,
        )
        return 1
    _report(counts, args.package)
    return run.returncode


#: The address space mutmut and each mutant's test process may use. A mutant can turn
#: a search into an endless one that grows a list (``check_acyclic`` adding ``None`` to
#: the path reached 9.5 GB); with this cap it fails with MemoryError, which kills it,
#: instead of filling the machine before mutmut's CPU-time limit arrives.
MEMORY_LIMIT_BYTES = 4 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


if __name__ == "__main__":
    raise SystemExit(main())
