"""Building many values at once (private).

Python's cyclic garbage collector runs after every few hundred container objects
are made that outlive the statement making them, and each of its fuller passes
walks every object the process holds. A reader building a network of tens of
thousands of bodies, links and memberships sets it off dozens of times, to find
nothing: the values it makes refer only downwards (a network to its bodies, a
membership to its dates), never back, so reference counting frees every one of
them and no cycle is ever left for the collector. On a national ePCN file that was
a quarter of the read.

`collector_paused` pauses the collector for such a build, the remedy the `gc`
module's documentation gives for a program that makes no cycles.
"""

from __future__ import annotations

import contextlib
import gc

from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, if it is running.

    It is started again when the block ends, by return or by error, unless it was
    already paused when the block began (by the caller, or by an enclosing block):
    a caller's own `gc.disable()` is never undone. Reference counting goes on freeing
    every object that is no longer used; only cycles wait for the next collection.

    Examples:
        >>> import gc
        >>> with collector_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
