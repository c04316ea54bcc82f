"""Paragraphs, sentences and quotations with offsets, found without a parser."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof", "jr", "sr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "ltd", "co", "corp", "u.s", "u.k", "u.n", "e.u", "approx",
}
# a full stop glued to the next sentence in some copies ('… Russia and Ukraine.Sachs disagreed …'),
# after a word of two lower-case letters or more, so that 'Mr.Smith' or 'U.S.Army' stay whole
_BOUNDARY = re.compile(r"[.!?]+[\"”“»’)\]]*\s+(?=[\"“„«‘(\[]?[A-Z0-9])|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_QUOTE = re.compile(r"“[^“”]*”|„[^„“”]*[“”]|«[^«»]*»|\"[^\"\n]*\"")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of non-empty lines: news bodies put one paragraph on each line."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group(0).strip():
            spans.append((match.start(), match.end()))
    return spans


def sentences(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        for start, end in _split(text, p_start, p_end):
            found.append(Sentence(start, end, text[start:end], number, len(found)))
    return found


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    shielded = _quote_interiors(text, start, end)
    shield_starts = [a for a, _ in shielded]
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        word = re.search(r"([\w.]+)[.!?]+[\"”’)\]]*\s+$", text[cursor:cut])
        if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            continue
        if word and re.fullmatch(r"[A-Z]", word.group(1)):
            continue  # an initial, as in "George W. Bush"
        if _shielded(shielded, shield_starts, match.start()) and not _closes_and_moves_on(text, match, shielded):
            continue  # a short quotation is one sentence with its attribution
        spans.append(_strip(text, cursor, cut))
        cursor = cut
    spans.append(_strip(text, cursor, end))
    return [s for s in spans if s[1] > s[0] and any(c.isalpha() for c in text[s[0]:s[1]])]


def _shielded(shielded: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether a position lies inside a short quotation (they never overlap, so only the last
    one opening before it can hold it)."""
    at = bisect_left(starts, position) - 1
    return at >= 0 and position < shielded[at][1] - 1


_ATTRIBUTION = re.compile(r"[\"“‘(\[]?(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|added|adds|stated|noted|told|stressed|"
                          r"emphasi[sz]ed|declared|wrote|explained|remarked|insisted|argued|warned)\b")


def _closes_and_moves_on(text: str, match, shielded: list[tuple[int, int]]) -> bool:
    """'… "membership is not on the agenda." According to him, …': the quotation ends with its
    sentence and the next one is new, unless it only names the speaker ('… ." Orban said.')."""
    if not any(end == match.start() + len(match.group(0).rstrip()) for _, end in shielded):
        return False
    return not _ATTRIBUTION.match(text, match.end())


def _quote_interiors(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations under ~25 words are kept whole, longer ones may hold several sentences."""
    spans = []
    for match in _QUOTE.finditer(text, start, end):
        if len(match.group(0).split()) <= 25:
            spans.append((match.start(), match.end()))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
