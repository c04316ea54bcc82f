"""Records to text: an 80-column table, JSON, JSON Lines or CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

from .safety import csv_cell, json_safe, without_controls

FORMATS = ("table", "json", "jsonl", "csv")


def as_dict(record: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return dataclasses.asdict(record)
    return dict(record)


def render(records: Sequence[Any], fmt: str, columns: Sequence[str] | None = None,
           wide: str | None = None, width: int | None = None) -> str:
    rows = [as_dict(r) for r in records]
    columns = list(columns or (rows[0].keys() if rows else ()))
    if fmt == "json":
        return json_safe(json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2))
    if fmt == "jsonl":
        return "\n".join(json_safe(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False)) for r in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: csv_cell(r.get(c)) for c in columns} for r in rows)
        return buffer.getvalue().rstrip("\n")
    return table(rows, columns, wide, width)


def table(rows: list[dict[str, Any]], columns: list[str], wide: str | None = None, width: int | None = None) -> str:
    """A plain-text table; free text (the `wide` column, names) wraps at spaces so that lines
    fit the width, while ids, dates and other one-word cells are never cut."""
    width = width or min(max(shutil.get_terminal_size((80, 24)).columns, 60), 160)
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    sizes = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    floors = [max([len(c)] + [len(word) for row in cells for word in row[i].split()]) for i, c in enumerate(columns)]
    w = columns.index(wide) if wide in columns else None
    for i in range(len(columns)):
        if i != w:
            sizes[i] = max(floors[i], min(sizes[i], FREE_TEXT_WIDTH))
    narrow = [i for i in range(len(columns)) if i != w]
    room = width - 2 * (len(narrow) - 1)
    if w is not None:
        natural = list(sizes)
        _shrink(sizes, floors, narrow, room - 2 - MIN_WIDE)
        if width - sum(sizes[i] for i in narrow) - 2 * len(narrow) < MIN_WIDE:
            _shrink(natural, floors, narrow, room)
            return _stacked(cells, columns, natural, w, width)
        sizes[w] = min(sizes[w], width - sum(sizes[i] for i in narrow) - 2 * len(narrow))
    else:
        _shrink(sizes, floors, narrow, room)
    lines = [_line(columns, sizes), _line(["-" * s for s in sizes], sizes)]
    for row in cells:
        lines += _wrapped(row, sizes)
    return "\n".join(lines)


FREE_TEXT_WIDTH = 28  # names and other free text wrap past this before any shrinking
MIN_WIDE = 40  # narrower than this, the wide column goes on lines of its own


def _shrink(sizes: list[int], floors: list[int], columns: list[int], room: int) -> None:
    """Narrow the widest wrappable columns, never below their longest word, until they fit."""
    while sum(sizes[i] for i in columns) > room:
        wrappable = [i for i in columns if sizes[i] > floors[i]]
        if not wrappable:
            return
        widest = max(wrappable, key=lambda i: sizes[i] - floors[i])
        sizes[widest] -= 1


def _stacked(cells: list[list[str]], columns: list[str], sizes: list[int], wide: int, width: int) -> str:
    """Too narrow for a side-by-side wide column: it goes on indented lines under its row."""
    narrow = [i for i in range(len(columns)) if i != wide]
    pick = lambda values: [values[i] for i in narrow]  # noqa: E731
    lines = [_line(pick(columns), pick(sizes)), _line(["-" * sizes[i] for i in narrow], pick(sizes))]
    for row in cells:
        lines += _wrapped(pick(row), pick(sizes))
        lines += ["    " + part for part in textwrap.wrap(row[wide], width - 4, break_on_hyphens=False)]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    return " ".join(without_controls(str(value)).split())


def _line(values: Sequence[str], sizes: Sequence[int]) -> str:
    return "  ".join(v.ljust(s) for v, s in zip(values, sizes)).rstrip()


def _wrapped(row: list[str], sizes: list[int]) -> list[str]:
    parts = [textwrap.wrap(v, s, break_on_hyphens=False) or [""] for v, s in zip(row, sizes)]
    height = max(len(p) for p in parts)
    return [_line([p[i] if i < len(p) else "" for p in parts], sizes) for i in range(height)]
