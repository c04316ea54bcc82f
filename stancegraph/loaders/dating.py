"""When a sentence tells of: 'In 2008 …', 'at the 2008 summit', 'ten years ago'. Cues that held
only until some date (the MAP as the next step) and roles ('the US president') are read as of
that year."""

from __future__ import annotations

import re

# 'In 2008 Paris joined Berlin in blocking …': a sentence that says it tells of an earlier year.
EARLIER_YEAR = re.compile(r"\b(?:[Ii]n|[Bb]ack in|[Ss]ince|[Tt]he) ((?:19|20)\d\d)\b")
_YEARS_AGO = re.compile(r"\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
                        r" years? ago\b", re.IGNORECASE)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


# a year that names a document ('the MAP, provided for in the 2008 agreement') or that dates a
# thing through a participle after its noun ('the commitments made at the summit in 2008') is
# not when the sentence's events happen (but 'at the 2008 summit', 'Allies agreed in 2008' are)
_DOCUMENT = re.compile(r"\s+(?:[A-Z]\w+\s+)?(?:agreement|declaration|decision|communiqu[eé]|commitments?|promises?|"
                       r"pledges?|treaty|accords?|deal|law|document|statement)\b", re.IGNORECASE)
_DATED_BY_PARTICIPLE = re.compile(r"\b\w+s (?:made|agreed|adopted|taken|given|reached|signed|promised) (?!in (?:19|20)\d\d)",
                                  re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;(]|\s[–—-]\s")


def _only_named(text: str, year: re.Match[str]) -> bool:
    if year.group(0).lower().startswith("the") and _DOCUMENT.match(text, year.end()):
        return True
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, year.start())), default=0)
    return any(m.start() < year.start() for m in _DATED_BY_PARTICIPLE.finditer(text, start))


def told_of_year(text: str, published: str | None) -> str | None:
    """The last day of the earliest year a sentence places its events in, when that is before the
    article's own date: a cue that only held until some date ('Membership Action Plan' as the
    next step) is read as of then, and so is a role ('In 2008 the US president' is Bush)."""
    years = [m.group(1) for m in EARLIER_YEAR.finditer(text)
             if (published is None or m.group(1) < published[:4]) and not _only_named(text, m)]
    if published:
        years += [str(int(published[:4]) - _NUMBERS.get(n.lower(), int(n) if n.isdigit() else 0))
                  for n in _YEARS_AGO.findall(text)]  # 'ten years ago this week'
    years = [y for y in years if published is None or y < published[:4]]
    return f"{min(years)}-12-31" if years else None
