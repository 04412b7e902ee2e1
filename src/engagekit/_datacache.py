"""Writing the parsed built-in data, `data/parsed.pickle` (private; for maintainers).

Run ``python -m engagekit._datacache`` after changing any TOML file under
``src/engagekit/data/``. engagekit reads a file's entry only while the file's bytes
are the ones it was made from (see `engagekit._data`), so a forgotten run costs
speed, never correctness; ``tests/test_data_cache.py`` fails until the cache is
written again.
"""

from __future__ import annotations

import pickle
import tomllib
import zlib

from pathlib import Path

from engagekit._data import PARSED_FILE, PARSED_FORMAT


#: The folder of the built-in data files.
DATA = Path(__file__).parent / "data"

#: The pickle protocol of the cache (read by every Python engagekit supports).
PROTOCOL = 4


def data_files(folder: Path = DATA) -> list[str]:
    """Every TOML file under ``folder``, as the ``/``-separated names `_data` reads."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.toml"))


def build(folder: Path = DATA) -> bytes:
    """The cache of every TOML file under ``folder``: its size, CRC-32 and parse."""
    files = {}
    for name in data_files(folder):
        raw = (folder / name).read_bytes()
        parsed = tomllib.loads(raw.decode("utf-8"))
        files[name] = (len(raw), zlib.crc32(raw), pickle.dumps(parsed, protocol=PROTOCOL))
    return pickle.dumps({"format": PARSED_FORMAT, "files": files}, protocol=PROTOCOL)


def main() -> None:  # pragma: no cover - a maintainer's command
    target = DATA / PARSED_FILE
    target.write_bytes(build())
    print(f"wrote {target} ({len(data_files())} files)")


if __name__ == "__main__":  # pragma: no cover
    main()
