"""What keeps a first call cheap gives exactly what the ordinary paths give.

Reference data is structured without cattrs when it is well-formed (`_data.from_dict`),
packages import their names on first use, renderers load when a value is first shown
and io's hooks for plan types register whichever of io and the types comes first.
Each is compared here with the ordinary path; no test times anything (speed is
checked in `benchmarks/`).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib

from typing import Any

import pytest

from engagekit import _data, io
from engagekit.cycles._commissioning import _CyclesFile
from engagekit.cycles._engagement import EngagementCycle
from engagekit.cycles._involvement import _InvolvementFile
from engagekit.cycles._levels import _ParticipationFile
from engagekit.cycles._principles import PrincipleSet, _PrinciplesFile
from engagekit.decisions._rules import _RulesFile
from engagekit.duties._loader import INSTRUMENT_FILES, _DutiesFile, _renamed_kind
from engagekit.duties.equality._eds import _EdsFile
from engagekit.errors import DocumentError
from engagekit.plans._load import _ActionRow, _ObjectiveRow
from engagekit.plans._statuses import ActionStatusCatalogue
from engagekit.sources import Source
from engagekit.techniques._catalogue import _TechniquesFile


BUILTIN: list[tuple[str, type[Any]]] = [
    ("engagement_cycle.toml", EngagementCycle),
    ("commissioning_cycles.toml", _CyclesFile),
    ("involvement_levels.toml", _InvolvementFile),
    ("participation.toml", _ParticipationFile),
    ("principles.toml", _PrinciplesFile),
    ("techniques.toml", _TechniquesFile),
    ("decision_rules.toml", _RulesFile),
    ("plan_statuses.toml", ActionStatusCatalogue),
    ("duties/eds.toml", _EdsFile),
    ("duties/brown-principles.toml", PrincipleSet),
    *((name, _DutiesFile) for name in INSTRUMENT_FILES),
]


def _resolved(filename: str) -> Any:
    data = _data._read_builtin(filename)
    if filename.startswith("duties/") and "duty" in data:
        data, renames = _renamed_kind(data)
        assert renames == []
    resolved, problems = _data.resolve(data, filename)
    assert problems == []
    return resolved


@pytest.mark.parametrize(("filename", "cls"), BUILTIN, ids=[name for name, _ in BUILTIN])
def test_reference_data_structures_as_io_does(filename, cls):
    """Every built-in data file gives the same value without cattrs as through io."""
    resolved = _resolved(filename)
    fast = _data._hook(cls)(resolved)  # the fast path itself, with no fallback
    assert fast == io.from_dict(resolved, cls, origin=filename)


def test_the_built_in_record_structures_as_io_does():
    """The Somerset record's consultation entries are told apart by shape on the fast
    path as io tells them apart: the same record, with no io on the way."""
    from engagekit.consultations import Consultation
    from engagekit.plans import EngagementRecord

    resolved = _resolved("record_somerset_2011.toml")
    fast = _data._hook(EngagementRecord)(resolved)
    assert fast == io.from_dict(resolved, EngagementRecord, origin="record")
    assert [type(c) for c in fast.consultations] == [Consultation]
    assert fast.consultations[0].id == "somerset-ppi-strategy-2011"


@pytest.mark.parametrize("filename", ["plan_somerset_v8.toml", "plan_oxfordshire_2015.toml"])
def test_plan_rows_structure_as_io_does(filename):
    data = _resolved(filename)
    assert data["objective"]
    assert data["action"]
    for row in data["objective"]:
        assert _data._hook(_ObjectiveRow)(row) == io.from_dict(row, _ObjectiveRow)
    for row in data["action"]:
        assert _data._hook(_ActionRow)(row) == io.from_dict(row, _ActionRow)
    assert _data._hook(Source)(data["source"]) == io.from_dict(data["source"], Source)


@pytest.mark.parametrize(
    "data",
    [
        {"title": "Strategy", "publisher": ["NHS Somerset"]},  # a list for text
        {"title": "Strategy", "publisher": "NHS Somerset", "colour": "red"},  # unknown key
        {"publisher": "NHS Somerset"},  # a required key missing
        {"title": "Strategy", "publisher": "NHS Somerset", "verified": "yes"},  # text for a flag
        {"title": "Strategy", "publisher": "NHS Somerset", "force": "folklore"},  # no such force
        ["Strategy", "NHS Somerset"],  # a list for a table
    ],
)
def test_bad_data_is_reported_as_io_reports_it(data):
    with pytest.raises(DocumentError, match=r"^doc\.toml: 1 problem\n  \$") as expected:
        io.from_dict(data, Source, origin="doc.toml")
    with pytest.raises(DocumentError, match="doc.toml") as found:
        _data.from_dict(data, Source, origin="doc.toml")
    assert str(found.value) == str(expected.value)


def test_text_read_as_a_choice_by_name_or_alias():
    """A choice given by name or alias is read through the choice, as io reads it."""
    data = {"title": "Strategy", "publisher": "NHS Somerset", "force": "STATUTE"}
    assert _data.from_dict(data, Source) == io.from_dict(data, Source)
    assert _data.from_dict(data, Source).force is not None


def _fresh(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.parametrize(
    "call",
    [
        "engagekit.engagement_cycle()",
        "engagekit.duties_for('icb', '2023-01-01')",
        "engagekit.techniques.catalogue()",
        "engagekit.examples.gpcc_timeline_2011()",
        "engagekit.plans.statuses()",
        "engagekit.evaluate(engagekit.examples.somerset_rheumatology_decision())",
    ],
)
def test_first_calls_import_no_cattrs_and_no_renderers(call):
    """Reference data and examples are read without cattrs; nothing is rendered yet."""
    code = (
        f"import sys, engagekit\n{call}\n"
        "print(sorted(m for m in sys.modules if m == 'cattrs' or m.endswith('._render')))"
    )
    assert _fresh(code) == "[]"


def test_renderers_load_when_a_value_is_first_shown():
    code = (
        "import engagekit\n"
        "plan = engagekit.examples.gpcc_timeline_2011()\n"
        "print(str(plan).splitlines()[0], engagekit.render.markdown(plan).splitlines()[0])"
    )
    assert _fresh(code) == "Time Line ## Time Line"


@pytest.mark.parametrize(
    "imports",
    [
        "from engagekit import io; from engagekit.plans import TargetDate",
        "from engagekit.plans import TargetDate; from engagekit import io",
        "from engagekit.plans._dates import TargetDate; from engagekit import io",
    ],
)
def test_io_reads_a_target_phrase_whichever_is_imported_first(imports):
    code = f"{imports}\nprint(io.from_dict('End of May 2011', TargetDate).end)"
    assert _fresh(code) == "2011-05-31"


def test_a_private_submodule_is_still_an_attribute_of_its_package():
    code = "from engagekit.duties import equality\nprint(equality._eds.__name__)"
    assert _fresh(code) == "engagekit.duties.equality._eds"


def test_cited_documents_are_the_whole_files_tables():
    """Each document parsed from its own table equals the whole file's."""
    whole = tomllib.loads(_data.builtin_bytes("sources.toml").decode())["document"]
    found = _data.documents()
    assert list(found) == list(whole)
    assert {key: found[key] for key in found} == whole
    assert "somerset-2012" in found
    assert "no-such-document" not in found


@pytest.mark.parametrize(
    "text",
    [
        'title = "x"\n[document.a]\ntitle = "A"\n',  # a key before the first table
        '[document.a]\ntitle = "A"\n[document.a]\ntitle = "B"\n',  # an id twice
        '[document.a]\nnote = """\n[document.b]\n"""\n',  # a multi-line string
        '[document.a]\ntitle = "A"\n[other]\nx = 1\n',  # another table
    ],
)
def test_documents_not_in_the_plain_layout_are_read_whole(text):
    assert _data._document_chunks(text) is None


@pytest.mark.parametrize(
    ("call", "unused"),
    [
        # A technique names stages, methods and levels: not the cycles' records.
        (
            "engagekit.techniques.catalogue()",
            [
                "engagekit.cycles._commissioning",
                "engagekit.cycles._engagement",
                "engagekit.cycles._levels",
            ],
        ),
        ("engagekit.cycles.EngagementStage.parse(2)", ["engagekit.cycles._engagement"]),
        # A plan names stages and levels of involvement; no stakeholder tables.
        (
            "engagekit.examples.somerset_action_plan()",
            [
                "engagekit.cycles._engagement",
                "engagekit.cycles._involvement",
                "engagekit.plans._stakeholders",
            ],
        ),
        # A stakeholder table loads no plan.
        (
            "engagekit.examples.sutton_stakeholders()",
            ["engagekit.plans._load", "engagekit.plans._dates"],
        ),
        # A synthetic network is indexed as a tree: no ODS reader, no networkx.
        ("engagekit.escalation.national(scale=0.01)", ["engagekit.escalation._ods", "networkx"]),
    ],
)
def test_first_calls_import_only_what_they_use(call, unused):
    code = (
        f"import sys, engagekit\n{call}\nprint(sorted(m for m in {unused!r} if m in sys.modules))"
    )
    assert _fresh(code) == "[]"
