"""Where direct quotation runs in an article: the quotation marks of several typographies, and
the spans they enclose, looked up by position in logarithmic time."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right


# Quotation marks: curly pairs, the low-opening pairs of central European and the guillemets of
# French and Slavic typography ('„…“', '„…”', '«…»'), or straight ones toggling within a paragraph
_CLOSERS = {"“": '”"', "„": "“”", "«": "»"}
QUOTATION_MARKS = frozenset("".join(_CLOSERS) + "".join(_CLOSERS.values()))  # every opening and closing mark
CLOSING_MARKS = frozenset("".join(_CLOSERS.values()))


class Regions(tuple):
    """Quotation spans in text order, never overlapping, with the look-up a sentence needs in
    logarithmic time (an article of thousands of quotations must not compare each with each
    sentence)."""

    def __new__(cls, spans: list[tuple[int, int]]):
        regions = super().__new__(cls, spans)
        regions.starts = [start for start, _ in spans]
        return regions

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The first span that holds the position `start` or begins inside [start, end)."""
        at = bisect_right(self.starts, start)
        if at and start < self[at - 1][1]:
            return self[at - 1]
        if at < len(self) and self[at][0] < end:
            return self[at]
        return None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Every span that shares a character with [start, end)."""
        at = bisect_right(self.starts, start)
        first = at - 1 if at and start < self[at - 1][1] else at
        last = bisect_left(self.starts, end)
        return list(self[first:last])


def quote_regions(text: str) -> Regions:
    """Spans of direct quotation; a quote left open at a paragraph end continues when the next
    paragraph opens with a quotation mark (the newspaper convention for multi-paragraph quotes)."""
    regions: list[tuple[int, int]] = []
    start: int | None = None
    opener = ""
    continues_at = -1  # the opening mark of a paragraph that continues the quotation
    paragraph = 0
    for match in re.finditer(r"[“”\"„«»]|\n+", text):
        char = match.group(0)
        if char.startswith("\n"):
            paragraph = match.end()
            if start is not None and not _opens_quote(text, match.end()):
                regions.append((start, match.start()))  # never closed: ends with its paragraph
                start = None
            elif start is not None:
                continues_at = match.end()
            continue
        if match.start() == continues_at:
            continue
        if start is None:
            if char in _CLOSERS or char == '"':
                start, opener = match.start(), char
            elif _orphan_closer(text, match.start()):
                # '… back in 2008,” Kirby told CNN': the opening mark was lost; the quotation
                # began with its paragraph, or after the last quotation in it
                regions.append((max(paragraph, regions[-1][1] if regions else 0), match.end()))
        elif char in _CLOSERS.get(opener, '"”'):
            regions.append((start, match.end()))
            start = None
    if start is not None:
        regions.append((start, len(text)))
    return Regions(sorted(regions + _dash_closed(text, regions)))


# '… it is simply impossible. - Nawrocki stated.': a paragraph quoted without marks and closed by
# a dash and its speech verb, the house style of some wire services
_DASH_CLOSING = re.compile(r"\s[-–—]\s+(?=(?:[\w'’.-]+\s+){0,6}?(?:stated|said|noted|added|emphasi[sz]ed|stressed|"
                           r"explained|declared|underlined|underscored|remarked|wrote)\b)[^-–—\n]{2,90}$")


def _dash_closed(text: str, marked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for paragraph in re.finditer(r"[^\n]+", text):
        closing = _DASH_CLOSING.search(paragraph.group(0))
        start, end = paragraph.start(), paragraph.start() + (closing.start() if closing else 0)
        if closing and closing.start() > 0 and not any(a < paragraph.end() and start < b for a, b in marked):
            found.append((start, end))
    return found


def _orphan_closer(text: str, position: int) -> bool:
    return text[position] in "”»" and position > 0 and text[position - 1] in ",.?!"


def _opens_quote(text: str, position: int) -> bool:
    return text[position:position + 1] in (*_CLOSERS, '"')
