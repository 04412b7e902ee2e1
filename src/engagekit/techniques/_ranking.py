"""The best techniques for a level and stage, read without building the catalogue (private).

A decision's required engagement suggests a few technique ids. Building the whole
catalogue for them (every `Technique`, its figures and its source) was a large part
of the first call of `engagekit.decisions.evaluate`; `best_ids` reads only the fields
`TechniqueCatalogue.select` ranks on, from the built-in records, and returns what
``[m.technique.id for m in select(level=level, stage=stage)[:count]]`` returns
(``tests/test_light_paths.py`` checks every level and stage).
"""

from __future__ import annotations

import functools

from engagekit import _validate
from engagekit.cycles import EngagementStage, ParticipationLevel


#: A technique's id, name, levels and stages.
_Record = tuple[str, str, frozenset[ParticipationLevel], frozenset[EngagementStage]]


@functools.cache
def _records() -> tuple[_Record, ...]:
    """Each built-in technique's id, name, levels and stages, in catalogue order."""
    from engagekit import _data

    raw = _data._read_builtin("techniques.toml")  # noqa: SLF001 - the package's own data reader
    return tuple(
        (
            item["id"],
            item["name"],
            frozenset(_validate.members(ParticipationLevel, item["levels"], "Technique.levels")),
            frozenset(
                _validate.members(EngagementStage, item.get("stages", ()), "Technique.stages")
            ),
        )
        for item in raw["technique"]
    )


def best_ids(level: ParticipationLevel, stage: EngagementStage, count: int) -> tuple[str, ...]:
    """The ids of the first ``count`` techniques `select(level=level, stage=stage)` ranks."""
    ranked = [
        (-3 if stage in stages else -1, name.lower(), technique_id)
        for technique_id, name, levels, stages in _records()
        if level in levels
    ]
    # A stable sort on score and name, as select's: catalogue order breaks ties.
    ranked.sort(key=lambda entry: entry[:2])
    return tuple(technique_id for _, _, technique_id in ranked[:count])
