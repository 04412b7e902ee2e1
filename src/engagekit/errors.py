"""The exceptions engagekit raises for bad input.

Every exception derives from `EngagekitError` and from the builtin a Python
user would expect (``ValueError``, ``LookupError``, ``TypeError``), so that code
catching the builtin keeps working. Each carries the structured facts its message
is built from (the field, the value given, what is allowed), and pickles.

Judgements (a decision that is not ready, a duty that is not met) are never
exceptions: they are results. Exceptions are only for input engagekit cannot use.

Examples:
    >>> from engagekit.errors import InvalidValueError
    >>> err = InvalidValueError("stage", "planning", allowed=("procure", "monitor"))
    >>> print(err)
    stage: 'planning' is not allowed; allowed: 'procure', 'monitor'
    >>> isinstance(err, ValueError)
    True
"""

from __future__ import annotations

import codecs
import reprlib

from collections.abc import Iterable, Sequence
from typing import Any


__all__ = [
    "DocumentError",
    "EngagekitError",
    "GraphStructureError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "ParseError",
    "Problem",
    "UnknownChoiceError",
    "UnknownNameError",
    "WriteError",
    "close_matches",
    "short_repr",
]


def __dir__() -> list[str]:
    return __all__


#: Text longer than this gets no "did you mean" suggestions: they would cost more
#: than they help, and a long value is not a typo of a short name.
_SUGGEST_UP_TO = 64

#: Integers longer than this (in bits, about 300 digits) are described, not written.
_LONG_INT_BITS = 1000


class _Repr(reprlib.Repr):
    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > _LONG_INT_BITS:
            # Python refuses to write an integer over 4,300 digits as text.
            return f"<an integer of about {x.bit_length() * 30103 // 100000 + 1} digits>"
        return super().repr_int(x, level)


_REPR = _Repr()
_REPR.maxstring = 80
_REPR.maxother = 80
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = _REPR.maxdict = 6
_REPR.maxlevel = 3


def _indefinite(noun: str) -> str:
    """``noun`` after "a", or "an" before a vowel: "an Assessment", "a Decision"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def short_repr(value: object) -> str:
    """``repr(value)``, shortened so that an error message never embeds a whole value.

    Examples:
        >>> len(short_repr("x" * 100_000))
        80
        >>> short_repr(list(range(100)))
        '[0, 1, 2, 3, 4, 5, ...]'
        >>> short_repr(10**5000)
        '<an integer of about 5001 digits>'
    """
    if isinstance(value, str | bytes | int | float | list | tuple | dict | set | frozenset):
        return _REPR.repr(value)
    text = repr(value)
    return text if len(text) <= 100 else text[:97] + "..."


def _not_utf8(raw: bytes) -> str:
    """Why ``raw`` is not UTF-8 text, and where: the line, and the byte in it, of the
    first byte that cannot be read, or that it is UTF-16 (its byte order mark says so)
    or a zip file such as a workbook (its first bytes say so).
    The reason of a `ParseError`; every reader of files says it the same way.

    Examples:
        >>> _not_utf8("CAFÉ".encode("latin-1"))
        'not UTF-8 text: line 1, byte 4 is 0xC9; save the file as UTF-8'
        >>> print(_not_utf8("CAFÉ".encode("utf-16")))
        not UTF-8 text but UTF-16 (a byte order mark says so); save the file as UTF-8
        >>> print(_not_utf8(b"PK" + bytes([3, 4, 20, 0, 6, 0, 8, 0, 0xEE])))
        not text but a zip file (an .xlsx workbook, say); save it as UTF-8 text
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "not UTF-8 text but UTF-16 (a byte order mark says so); save the file as UTF-8"
    if raw.startswith(b"PK\x03\x04"):
        return "not text but a zip file (an .xlsx workbook, say); save it as UTF-8 text"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = raw.count(b"\n", 0, start) + 1
        byte = start - raw.rfind(b"\n", 0, start)
        return (
            f"not UTF-8 text: line {line}, byte {byte} is 0x{raw[start]:02X}; "
            "save the file as UTF-8"
        )
    return "not UTF-8 text; save the file as UTF-8"


def close_matches(name: str, choices: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """Return up to ``n`` of ``choices`` that look like ``name``, best first.

    Names longer than 64 characters get no suggestions.

    Examples:
        >>> close_matches("procur", ["procure", "monitor"])
        ('procure',)
    """
    if len(str(name)) > _SUGGEST_UP_TO:
        return ()
    pool = [str(c) for c in choices]
    import difflib  # imported when a suggestion is needed: most errors need none

    found = difflib.get_close_matches(str(name), pool, n=n, cutoff=0.5)
    if not found:
        lowered = str(name).lower()
        found = [c for c in pool if lowered and lowered in c.lower()][:n]
    return tuple(found)


def _quote_all(values: Iterable[object], limit: int = 12) -> str:
    items = [repr(v) for v in values]
    if len(items) > limit:
        return ", ".join(items[:limit]) + f", … ({len(items) - limit} more)"
    return ", ".join(items)


class EngagekitError(Exception):
    """Base class of every error engagekit raises.

    Examples:
        >>> from engagekit.errors import EngagekitError, ParseError
        >>> issubclass(ParseError, EngagekitError)
        True
    """

    _args: tuple[Any, ...] = ()
    _kwargs: dict[str, Any] = {}  # noqa: RUF012 - replaced per instance

    def _remember(self, *args: Any, **kwargs: Any) -> None:
        self._args = args
        self._kwargs = kwargs

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._args, self._kwargs))


def _rebuild(cls: type[EngagekitError], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return cls(*args, **kwargs)


class InvalidValueError(EngagekitError, ValueError):
    """A value is not allowed for a field.

    Attributes:
        field: the field (or key path) that was given the value.
        value: the value given, unchanged.
        allowed: the allowed values, or a description of them.
        reason: why the value is not allowed, when that is more than "not in allowed".

    A value of ``None`` is a field not given (or given as nothing): the message says
    it is missing, not that ``None`` is not allowed.

    Examples:
        >>> print(InvalidValueError("progress", 140, reason="must lie between 0 and 100"))
        progress: 140 is not allowed: must lie between 0 and 100
        >>> print(InvalidValueError("population['sex']", None,
        ...                         reason="the participants answered it"))
        population['sex']: missing: the participants answered it
    """

    def __init__(
        self,
        field: str,
        value: object,
        *,
        allowed: Sequence[object] | str | None = None,
        reason: str | None = None,
    ) -> None:
        self._remember(field, value, allowed=allowed, reason=reason)
        self.field = field
        self.value = value
        self.allowed = allowed
        self.reason = reason
        message = (
            f"{field}: missing" if value is None else f"{field}: {short_repr(value)} is not allowed"
        )
        if reason:
            message += f": {reason}"
        if isinstance(allowed, str):
            message += f"; allowed: {allowed}"
        elif allowed is not None:
            message += f"; allowed: {_quote_all(allowed)}"
            if isinstance(value, str):
                near = close_matches(value, (str(a) for a in allowed))
                if near:
                    message += f" (did you mean {_quote_all(near)}?)"
        super().__init__(message)


class UnknownNameError(EngagekitError, LookupError):
    """A name or id was looked up and not found.

    Attributes:
        kind: what was looked up ("technique", "stage", "duty", …).
        name: the name given.
        choices: the names that exist.
        suggestions: the closest of ``choices`` to ``name``.
        within: what the name was looked up in, if not the whole library (a duty's
            id for one of its requirements), or `None`.

    Examples:
        >>> err = UnknownNameError("technique", "world cafe", choices=["world-cafe", "open-space"])
        >>> print(err)
        unknown technique 'world cafe'; did you mean 'world-cafe'?
        >>> print(UnknownNameError("requirement", "d", within="'nhs-act-s14z2'", choices="abc"))
        unknown requirement 'd' of 'nhs-act-s14z2'; known: 'a', 'b', 'c'
    """

    def __init__(
        self,
        kind: str,
        name: object,
        *,
        choices: Iterable[object] = (),
        within: str | None = None,
    ) -> None:
        choice_list = tuple(str(c) for c in choices)
        self._remember(kind, name, choices=choice_list, within=within)
        self.kind = kind
        self.name = name
        self.choices = choice_list
        self.within = within
        self.suggestions = close_matches(str(name), choice_list)
        message = f"unknown {kind} {short_repr(name)}"
        if within is not None:
            message += f" of {within}"
        if self.suggestions:
            message += f"; did you mean {_quote_all(self.suggestions)}?"
        elif choice_list:
            message += f"; known: {_quote_all(choice_list)}"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError subclasses such as KeyError quote their message; this one does not.
        return str(self.args[0])


class ParseError(EngagekitError, ValueError):
    """Text could not be read.

    Attributes:
        text: the text given, quoted in the message.
        reason: what was wrong with it.
        origin: where it came from (a file name, a field), if known.
        line: the line number within ``origin``, if known.

    Examples:
        >>> print(ParseError("Sometime soon", reason="no month or year found"))
        cannot read 'Sometime soon': no month or year found
    """

    def __init__(
        self,
        text: str,
        *,
        reason: str,
        origin: str | None = None,
        line: int | None = None,
    ) -> None:
        self._remember(text, reason=reason, origin=origin, line=line)
        self.text = text
        self.reason = reason
        self.origin = origin
        self.line = line
        where = ""
        if origin:
            where = f"{origin}:{line}: " if line is not None else f"{origin}: "
        super().__init__(f"{where}cannot read {short_repr(text)}: {reason}")


class GraphStructureError(EngagekitError, ValueError):
    """A network's links break a structural rule (a cycle, a link down a tier, …).

    Attributes:
        reason: the rule that was broken.
        path: the bodies involved, in order.
        field: the link or body that breaks it (``"links[82]"``), when one does:
            reading a document reports the problem there.

    Examples:
        >>> print(GraphStructureError("escalation links form a cycle", path=("a", "b", "a")))
        escalation links form a cycle: a -> b -> a
    """

    def __init__(self, reason: str, *, path: Sequence[str] = (), field: str | None = None) -> None:
        self._remember(reason, path=tuple(path), field=field)
        self.reason = reason
        self.path = tuple(path)
        self.field = field
        message = reason
        if self.path:
            message += ": " + " -> ".join(self.path)
        super().__init__(message)


class Problem:
    """One problem found in a document: where it is, what was there, what is wrong.

    Attributes:
        path: the key path in the document, ``$`` for the whole document
            (``$.impact.permanent``, ``$.technique[2].method``).
        message: what is wrong and what is allowed.
        value: the value found there, unchanged (``None`` if the key was missing).

    Examples:
        >>> p = Problem("$.impact.permanent", "expected true or false", "false")
        >>> print(p)
        $.impact.permanent: expected true or false
        >>> p.value
        'false'
    """

    __slots__ = ("message", "path", "value")

    def __init__(self, path: str, message: str, value: object = None) -> None:
        self.path = path
        self.message = message
        self.value = value

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.message!r}, {short_repr(self.value)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.path, self.message) == (other.path, other.message)

    def __hash__(self) -> int:
        return hash((self.path, self.message))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Problem, (self.path, self.message, self.value))


def _problem_from_text(text: str) -> Problem:
    path, sep, message = text.partition(": ")
    return Problem(path, message) if sep and path.startswith("$") else Problem("$", text)


#: At most this many problems are kept and listed; the rest are counted.
MAX_PROBLEMS = 50


class DocumentError(EngagekitError, ValueError):
    """A document (a data file, JSON text, a mapping) could not be loaded.

    Every problem found is reported at once, each with its key path; nothing is
    half-loaded. At most 50 problems are kept; ``more`` counts the rest.

    Attributes:
        origin: the file name or description of the document.
        problems: the problems found, as [`Problem`][engagekit.errors.Problem] values.
        more: how many further problems were found and not kept.

    Examples:
        >>> problem = Problem("$.technique[2].method", "'x' is not allowed", "x")
        >>> err = DocumentError("techniques.toml", [problem])
        >>> print(err)
        techniques.toml: 1 problem
          $.technique[2].method: 'x' is not allowed
        >>> err.problems[0].path, err.problems[0].value
        ('$.technique[2].method', 'x')
    """

    def __init__(self, origin: str, problems: Iterable[Problem | str], *, more: int = 0) -> None:
        kept: list[Problem] = []
        for problem in problems:
            if len(kept) == MAX_PROBLEMS:
                more += 1
                continue
            kept.append(problem if isinstance(problem, Problem) else _problem_from_text(problem))
        self._remember(origin, tuple(kept), more=more)
        self.origin = origin
        self.problems = tuple(kept)
        self.more = more
        count = len(self.problems) + more
        head = f"{origin}: {count} problem{'s' if count != 1 else ''}"
        lines = [head, *(str(p) for p in self.problems)]
        if more:
            lines.append(f"… and {more} more")
        super().__init__("\n  ".join(lines))


class InvalidTypeError(EngagekitError, TypeError):
    """A value of the wrong type was given where engagekit needs a specific one.

    Examples:
        >>> print(InvalidTypeError("render.text", 42, expected="an engagekit value"))
        render.text: got int 42; expected an engagekit value
    """

    def __init__(self, field: str, value: object, *, expected: str) -> None:
        self._remember(field, value, expected=expected)
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(
            f"{field}: got {type(value).__name__} {short_repr(value)}; expected {expected}"
        )


class UnknownChoiceError(InvalidValueError, LookupError):
    """Text names no member of a choice (an enumeration such as a stage or a body type).

    It is a ``ValueError`` (as ``enum.Enum`` lookups raise) and a ``LookupError``.

    Examples:
        >>> err = UnknownChoiceError("level", "colaborate", allowed=["consult", "collaborate"])
        >>> print(err)
        level: 'colaborate' is not allowed; allowed: 'consult', 'collaborate' (did you mean ...?)
        >>> isinstance(err, ValueError) and isinstance(err, LookupError)
        True
    """

    def __str__(self) -> str:
        return str(self.args[0])


class WriteError(EngagekitError, OSError):
    """A file could not be written (a missing folder, no permission, a full disk).

    An `OSError`, as Python's own would be, with the file and the system's reason.

    Attributes:
        path: the file that was being written.
        reason: why it could not be, as the system says.

    Examples:
        >>> err = WriteError("/no/such/folder/plan.toml", reason="No such file or directory")
        >>> print(err)
        cannot write '/no/such/folder/plan.toml': No such file or directory
        >>> isinstance(err, OSError)
        True
    """

    def __init__(self, path: str, *, reason: str) -> None:
        self._remember(path, reason=reason)
        self.path = path
        self.reason = reason
        super().__init__(f"cannot write {path!r}: {reason}")


class MissingExtraError(EngagekitError, ModuleNotFoundError):
    """An optional dependency is not installed: install the named extra.

    Every feature that needs an optional package (pictures, calendars) raises this
    same error, naming the feature, the package and the extra that brings it.

    Examples:
        >>> err = MissingExtraError("engagekit.plot", package="matplotlib", extra="plot")
        >>> print(err)
        engagekit.plot needs the optional package 'matplotlib': pip install 'engagekit[plot]'
        >>> isinstance(err, ModuleNotFoundError), err.name
        (True, 'matplotlib')
    """

    def __init__(self, feature: str, *, package: str, extra: str) -> None:
        self._remember(feature, package=package, extra=extra)
        self.feature = feature
        self.package = package
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional package {package!r}: pip install 'engagekit[{extra}]'",
            name=package,
        )
