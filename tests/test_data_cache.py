"""The parsed built-in data (`data/parsed.pickle`) is exactly the TOML it was made from.

The TOML files are the one source of truth: the cache must give what `tomllib` gives
for every one of them, and engagekit must read the TOML whenever the cache is missing,
unreadable or made from other bytes. If a test here fails after a data file changed,
run ``python -m engagekit._datacache``.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tomllib

from collections.abc import Iterator

import pytest

from engagekit import _data, _datacache


FILES = _datacache.data_files()

#: What to do when a data file changed and the cache did not.
STALE = "the parsed data is stale: run `python -m engagekit._datacache` and commit the result"


@pytest.fixture
def fresh_index() -> Iterator[None]:
    """Forget the cache read so far, before and after the test."""
    _data._parsed_index.cache_clear()
    yield
    _data._parsed_index.cache_clear()


def test_every_data_file_is_cached():
    assert "duties/nhs-act-2006.toml" in FILES
    assert "techniques.toml" in FILES
    assert sorted(_data._parsed_index()) == FILES, STALE


@pytest.mark.parametrize("filename", FILES)
def test_the_cache_gives_what_tomllib_gives(filename):
    raw = _data.builtin_bytes(filename)
    expected = tomllib.loads(raw.decode("utf-8"))
    assert _data._parsed(filename, raw) == expected, STALE
    assert _data._read_builtin(filename) == expected


def test_the_cache_is_what_the_command_writes():
    """Each entry as the command makes it: size, checksum and parse (compared as values,
    not as bytes, which another Python's pickler may lay out otherwise)."""
    shipped = pickle.loads(_data.builtin_bytes(_data.PARSED_FILE))
    built = pickle.loads(_datacache.build())
    assert shipped["format"] == built["format"] == _data.PARSED_FORMAT
    assert list(shipped["files"]) == list(built["files"]) == FILES, STALE
    for name, (size, crc, value) in built["files"].items():
        shipped_size, shipped_crc, shipped_value = shipped["files"][name]
        assert (shipped_size, shipped_crc) == (size, crc), STALE
        assert pickle.loads(shipped_value) == pickle.loads(value), STALE


def test_each_read_is_a_fresh_value():
    first = _data._read_builtin("plan_statuses.toml")
    first.clear()
    assert _data._read_builtin("plan_statuses.toml") != {}


def test_a_changed_file_is_read_from_its_toml(monkeypatch):
    filename = "plan_statuses.toml"
    original = _data.builtin_bytes(filename)
    changed = original.replace(b"[[status]]", b"# edited\n[[status]]", 1)
    assert changed != original
    assert _data._parsed(filename, changed) is None

    def builtin_bytes(name: str) -> bytes:
        return changed if name == filename else original

    monkeypatch.setattr(_data, "builtin_bytes", builtin_bytes)
    assert _data._read_builtin(filename) == tomllib.loads(changed.decode("utf-8"))


@pytest.mark.parametrize(
    "cache",
    [
        None,  # no cache file
        b"not a pickle",
        pickle.dumps({"format": _data.PARSED_FORMAT + 1, "files": {}}),
        pickle.dumps(["a list"]),
        pickle.dumps({"format": _data.PARSED_FORMAT, "files": {"techniques.toml": "x"}}),
        pickle.dumps({"format": _data.PARSED_FORMAT, "files": {"techniques.toml": (1, 2, b"bad")}}),
    ],
)
def test_without_a_usable_cache_the_toml_is_read(monkeypatch, fresh_index, cache):
    read = _data.builtin_bytes

    def builtin_bytes(name: str) -> bytes:
        if name != _data.PARSED_FILE:
            return read(name)
        if cache is None:
            raise FileNotFoundError(name)
        return bytes(cache)

    monkeypatch.setattr(_data, "builtin_bytes", builtin_bytes)
    raw = read("techniques.toml")
    assert _data._parsed("techniques.toml", raw) is None
    assert _data._read_builtin("techniques.toml") == tomllib.loads(raw.decode("utf-8"))


def test_a_stale_entry_is_not_used(monkeypatch, fresh_index):
    """An entry whose checksum does not match is refused even when the size does."""
    raw = _data.builtin_bytes("plan_statuses.toml")
    wrong = (len(raw), 0, pickle.dumps({"status": []}))
    cache = pickle.dumps({"format": _data.PARSED_FORMAT, "files": {"plan_statuses.toml": wrong}})
    read = _data.builtin_bytes
    monkeypatch.setattr(
        _data, "builtin_bytes", lambda name: cache if name == _data.PARSED_FILE else read(name)
    )
    assert _data._read_builtin("plan_statuses.toml") == tomllib.loads(raw.decode("utf-8"))


@pytest.mark.parametrize(
    "call",
    [
        "engagekit.duties_for('icb', '2023-01-01')",
        "engagekit.techniques.catalogue()",
        "engagekit.examples.somerset_action_plan()",
        "engagekit.evaluate(engagekit.examples.somerset_rheumatology_decision())",
    ],
)
def test_first_calls_parse_no_toml(call):
    """Built-in data is read from the cache, with the C unpickler alone."""
    code = (
        f"import sys, engagekit\n{call}\nprint([m in sys.modules for m in ('tomllib', 'pickle')])"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == "[False, False]"


def test_documents_without_the_cache_are_the_whole_files_tables(monkeypatch):
    """With no current cache, each cited document is parsed from its own table."""
    whole = tomllib.loads(_data.builtin_bytes("sources.toml").decode())["document"]
    monkeypatch.setattr(_data, "_parsed", lambda filename, raw: None)
    _data.documents.cache_clear()
    try:
        found = _data.documents()
        assert isinstance(found, _data._Documents)
        assert {key: found[key] for key in found} == whole
    finally:
        _data.documents.cache_clear()
    assert _data.documents() == whole
