"""Opening a store for one piece of work: the library's and the command line's one way in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .graph import open_store
from .graph.base import Store
from .model import DEFAULT_MIN_CONFIDENCE


@contextmanager
def opened(url: str | None, read_only: bool = False, min_confidence: float | None = None) -> Iterator[Store]:
    """A store whose questions leave out stances below `min_confidence` (default
    DEFAULT_MIN_CONFIDENCE)."""
    store = open_store(url, read_only=read_only)
    store.min_confidence = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    try:
        yield store
    finally:
        store.close()
