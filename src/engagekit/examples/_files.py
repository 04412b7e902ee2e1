"""Example documents shipped with engagekit, for notebooks and the command line (private)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from engagekit.errors import InvalidTypeError, UnknownNameError


#: The example documents, by file name, with what each holds.
DATA_FILES = {
    "clinic-move.toml": "a decision file: an outpatient clinic's proposed move, before engagement",
    "epraccur-extract.csv": "an ODS epraccur.csv extract: Somerset practices and three to skip",
    "icb-evidence-2023-24.toml": "an evidence file: an integrated care board's year 2023/24",
}


def data_file(name: str) -> Path:
    """The path of an example document shipped with engagekit.

    The documents are illustrations in the published formats, read by the example
    notebooks and accepted by the commands that read files:

    - ``clinic-move.toml``: a decision (`engagekit.decisions.Decision`) for
      `engagekit evaluate`: the relocation of the how-to guide "Evaluate a service
      change", before its engagement was proportionate.
    - ``epraccur-extract.csv``: rows in the layout of the NHS ODS ``epraccur.csv``
      (no header, 27 columns) for `EscalationNetwork.from_ods`: practices under
      Somerset's real sub-ICB location, ICB and region codes (``11X``, ``QSL``,
      ``Y58``) and two under Bristol, North Somerset and South Gloucestershire's
      (``15C``, ``QUY``), with a closed practice, an out-of-hours service and a
      Welsh practice for the reader to skip. The practice codes and names are made
      up: an extract to learn on, not a copy of the published file.
    - ``icb-evidence-2023-24.toml``: evidence (`engagekit.evidence.Evidence`) for
      `engagekit check`: what an integrated care board holds for 2023/24, in the
      shape of the how-to guide "Check your annual engagement report".

    Args:
        name: the file's name, one of the three above.

    Returns:
        The file's path inside the installed package.

    Raises:
        UnknownNameError: no example document has that name (the message lists them).
        InvalidTypeError: ``name`` is not text.

    Examples:
        >>> from engagekit import examples, io
        >>> from engagekit.decisions import Decision
        >>> path = examples.data_file("clinic-move.toml")
        >>> io.load_toml(path, Decision).title
        'Move the outpatient clinic to the district hospital'
        >>> examples.data_file("clinic.toml")
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownNameError: unknown example document 'clinic.toml'; did you mean 'clinic-move.toml'?
    """  # noqa: E501
    if not isinstance(name, str):
        raise InvalidTypeError("name", name, expected="an example document's file name")
    if name not in DATA_FILES:
        raise UnknownNameError("example document", name, choices=DATA_FILES)
    return Path(str(resources.files("engagekit.examples").joinpath("data", name)))
