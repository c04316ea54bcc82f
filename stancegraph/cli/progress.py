"""Ingest progress on a terminal: done / total, rate and time left (tqdm); silence in pipes and logs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def ingest_progress(total: int | None) -> Iterator[Callable[[int], None] | None]:
    """A callback advancing a progress bar by the articles just stored, or None off a terminal.
    `total` is the number of articles the inputs hold (None when unknown: a count and a rate)."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, leave=True) as bar:
        yield bar.update
