"""The exceptions engagekit raises for bad input.

Every exception derives from :class:`EngagekitError` and from the builtin a Python
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

import difflib

from collections.abc import Iterable, Sequence
from typing import Any


__all__ = [
    "DocumentError",
    "EngagekitError",
    "GraphStructureError",
    "InvalidTypeError",
    "InvalidValueError",
    "ParseError",
    "UnknownNameError",
    "close_matches",
]


def __dir__() -> list[str]:
    return __all__


def close_matches(name: str, choices: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """Return up to ``n`` of ``choices`` that look like ``name``, best first.

    Examples:
        >>> close_matches("procur", ["procure", "monitor"])
        ('procure',)
    """
    pool = [str(c) for c in choices]
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

    Examples:
        >>> print(InvalidValueError("progress", 140, reason="must lie between 0 and 100"))
        progress: 140 is not allowed: must lie between 0 and 100
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
        message = f"{field}: {value!r} is not allowed"
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

    Examples:
        >>> err = UnknownNameError("technique", "world cafe", choices=["world-cafe", "open-space"])
        >>> print(err)
        unknown technique 'world cafe'; did you mean 'world-cafe'?
    """

    def __init__(self, kind: str, name: object, *, choices: Iterable[object] = ()) -> None:
        choice_list = tuple(str(c) for c in choices)
        self._remember(kind, name, choices=choice_list)
        self.kind = kind
        self.name = name
        self.choices = choice_list
        self.suggestions = close_matches(str(name), choice_list)
        message = f"unknown {kind} {name!r}"
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
        super().__init__(f"{where}cannot read {text!r}: {reason}")


class GraphStructureError(EngagekitError, ValueError):
    """A network's links break a structural rule (a cycle, a link down a tier, …).

    Attributes:
        reason: the rule that was broken.
        path: the bodies involved, in order.

    Examples:
        >>> print(GraphStructureError("escalation links form a cycle", path=("a", "b", "a")))
        escalation links form a cycle: a -> b -> a
    """

    def __init__(self, reason: str, *, path: Sequence[str] = ()) -> None:
        self._remember(reason, path=tuple(path))
        self.reason = reason
        self.path = tuple(path)
        message = reason
        if self.path:
            message += ": " + " -> ".join(self.path)
        super().__init__(message)


class DocumentError(EngagekitError, ValueError):
    """A document (a data file, JSON text, a mapping) could not be loaded.

    Every problem found is reported at once; nothing is half-loaded.

    Attributes:
        origin: the file name or description of the document.
        problems: one line per problem, each naming the key path and the value.

    Examples:
        >>> err = DocumentError("techniques.toml", ["$.technique[2].method: 'x' is not allowed"])
        >>> print(err)
        techniques.toml: 1 problem
          $.technique[2].method: 'x' is not allowed
    """

    def __init__(self, origin: str, problems: Sequence[str]) -> None:
        self._remember(origin, tuple(problems))
        self.origin = origin
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{origin}: {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n  ".join([head, *self.problems]))


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
        super().__init__(f"{field}: got {type(value).__name__} {value!r}; expected {expected}")
