"""Bounds on the work one article may take. An input past them is reported with the limit and
the option that raises it, and skipped; the rest of the batch goes on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import StanceGraphError

# A long news article is about 50 KB; 5 MB is a book, or many articles run together.
MAX_ARTICLE_BYTES = 5_000_000
# Extraction is linear in an article's length: a 1 MB article takes about 15 s on one core.
MAX_ARTICLE_SECONDS = 120.0

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]?)b?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


@dataclass(frozen=True)
class Limits:
    max_bytes: int = MAX_ARTICLE_BYTES  # of one input file, one JSON Lines record or stdin
    max_seconds: float | None = MAX_ARTICLE_SECONDS  # of one article's extraction; None for no limit


def parse_size(text: str) -> int:
    """'5MB', '500KB', '2000000' → bytes (decimal units, as disks and downloads count them)."""
    match = _SIZE.fullmatch(text.strip())
    if not match or float(match.group(1)) <= 0:
        raise StanceGraphError(f"size {text!r}: expected a positive number with an optional unit, like 500KB or 5MB")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def describe_size(size: int) -> str:
    for unit, factor in (("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"
