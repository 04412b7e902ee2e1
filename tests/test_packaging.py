"""The README's test command installs everything the test suite imports.

The README and Getting started say `pip install -e '.[dev]'` then `python -m pytest`;
a test module importing a package that only another extra brings fails to collect,
and the whole run stops before any test.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib

from importlib import metadata
from pathlib import Path


ROOT = Path(__file__).parent.parent


def _names(requirements: list[str]) -> set[str]:
    """The normalised distribution names of requirement strings."""
    return {_normalise(re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0]) for r in requirements}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _with_dependencies(names: set[str]) -> set[str]:
    """``names`` and everything they require when installed without extras."""
    found, queue = set(names), list(names)
    while queue:
        try:
            requires = metadata.requires(queue.pop()) or []
        except metadata.PackageNotFoundError:
            continue
        for name in _names([r for r in requires if "extra ==" not in r]) - found:
            found.add(name)
            queue.append(name)
    return found


def _module_level_imports(path: Path) -> set[str]:
    """The top-level modules a file imports unconditionally, as it is collected."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_the_dev_extra_brings_every_package_the_tests_import() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    installed = _with_dependencies(
        _names(project["dependencies"]) | _names(project["optional-dependencies"]["dev"])
    )
    distributions = metadata.packages_distributions()
    local = {"engagekit", "tests", "benchmarks"}
    missing: dict[str, str] = {}
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for module in _module_level_imports(path) - local - set(sys.stdlib_module_names):
            brought_by = {_normalise(d) for d in distributions.get(module, [])}
            if not brought_by & installed:
                missing[module] = str(path.relative_to(ROOT))
    assert missing == {}
