"""Turn raw article text into the cleaned body the extractor sees."""

from __future__ import annotations

import re

from ..errors import InputError
from ..safety import without_controls

# Headings that start site furniture: everything from such a line on is navigation, not article.
FURNITURE_HEADINGS = (
    "related content", "related articles", "related stories", "related coverage",
    "more on this story", "more from", "most viewed", "most read", "read more",
    "explore more on these topics", "share this article", "sign up for", "recommended",
    "you might also like", "advertisement", "comments",
)
_FURNITURE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(h) for h in FURNITURE_HEADINGS) + r")\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# a dateline's dash glued to the first word in copies of wire text ('(Reuters) -U.S. President …')
_GLUED_DATELINE = re.compile(r"(\((?:[A-Z][\w.]*)(?: [A-Z][\w.]*){0,2}\)\s*[-–—])(?=[A-Z])")
_LINE_BREAKS = re.compile(r"[\t\n\r]+")


def decode(data: bytes, source: str, encoding: str = "utf-8") -> str:
    """Bytes to text, refusing binary data and naming the offending byte on a bad encoding."""
    if not data.strip():
        raise InputError(f"{source}: empty file")
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: binary file (NUL bytes), not an article")
    try:
        text = data.decode("utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding)
    except UnicodeDecodeError as err:
        bad = data[err.start:err.start + 1].hex()
        raise InputError(
            f"{source}: not valid {encoding} (byte 0x{bad} at offset {err.start}); "
            "pass --encoding latin-1 (or the file's real encoding)"
        ) from None
    except LookupError:
        raise InputError(f"{source}: unknown encoding {encoding!r}") from None
    control_share = len(_CONTROL.findall(text[:8192])) / max(1, len(text[:8192]))
    if control_share > 0.05:
        raise InputError(f"{source}: binary file (control characters), not an article")
    return text


# Characters some outlets type for an apostrophe ('Ukraineʼs', U+02BC): one character for one, so
# offsets into the text stay those of the file.
_APOSTROPHES = str.maketrans({"\u02bc": "\u2019"})


def same_characters(text: str) -> str:
    """The text with the characters the cues read one way written one way."""
    return text.translate(_APOSTROPHES)


def clean_body(text: str) -> str:
    """Normalise line ends, spaces and apostrophes, part a dateline's dash from the first word and
    cut trailing site furniture."""
    text = same_characters(text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    text = without_controls(text)
    match = _FURNITURE.search(text)
    if match and match.start() > len(text) * 0.2:
        text = text[:match.start()]
    text = _GLUED_DATELINE.sub(r"\1 ", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def clean_field(value: str) -> str:
    """A metadata value (title, author, outlet, date) on one line, without controls."""
    return same_characters(without_controls(_LINE_BREAKS.sub(" ", value))).strip()
