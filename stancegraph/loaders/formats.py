"""Readers for each input format: bytes in, Articles out."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from ..limits import MAX_ARTICLE_BYTES, describe_size
from ..model import Article
from .cleaning import clean_body, clean_field, decode

_HEADER_KEYS = {
    "title": "title", "headline": "title", "source": "url", "url": "url", "link": "url",
    "outlet": "outlet", "publisher": "outlet", "date": "published", "published": "published",
    "author": "author", "byline": "author",
}
_HEADER_LINE = re.compile(r"^([A-Za-z]+):\s*(.*)$")


def read_text(data: bytes, source: str, encoding: str = "utf-8") -> Iterator[Article]:
    """Plain text, optionally opened by a block of 'Key: value' lines and a blank line."""
    text = decode(data, source, encoding).replace("\r\n", "\n")
    meta, body = _split_header(text)
    body = clean_body(body)
    if not body:
        raise InputError(f"{source}: no article text")
    if "url" in meta and not meta["url"].startswith(("http://", "https://")):
        meta.setdefault("outlet", meta.pop("url"))
    meta.setdefault("title", _headline(body))
    yield _article(body, meta, source)


def _split_header(text: str) -> tuple[dict[str, str], str]:
    head, sep, rest = text.lstrip("\ufeff").partition("\n\n")
    lines = [line for line in head.split("\n") if line.strip()]
    meta: dict[str, str] = {}
    for line in lines:
        match = _HEADER_LINE.match(line.strip())
        if not match or match.group(1).lower() not in _HEADER_KEYS:
            return {}, text
        meta[_HEADER_KEYS[match.group(1).lower()]] = match.group(2).strip()
    return (meta, rest) if meta and sep else ({}, text)


def _headline(body: str) -> str | None:
    first = body.split("\n", 1)[0].strip()
    looks_like_headline = len(first) < 160 and not first.endswith((".", "”", '"'))
    return first if looks_like_headline and "\n" in body else None


def read_html(data: bytes, source: str, encoding: str = "utf-8") -> Iterator[Article]:
    """An HTML page: trafilatura finds the article body and its metadata."""
    import trafilatura

    html = decode(data, source, encoding)
    if "<" not in html:
        raise InputError(f"{source}: not HTML")
    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True,
        with_metadata=True,
    )
    body = clean_body(getattr(document, "text", None) or "") if document else ""
    if not body:
        raise InputError(f"{source}: no article text found in the HTML (truncated or not an article?)")
    meta = {
        "title": getattr(document, "title", None), "url": getattr(document, "url", None),
        "outlet": getattr(document, "sitename", None), "author": getattr(document, "author", None),
        "published": getattr(document, "date", None),
    }
    yield _article(body, {k: v for k, v in meta.items() if v}, source)


_TEXT_FIELDS = ("text", "body", "content", "article")
_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON's "\\ud800" decodes to one; it is no character


def read_jsonl(data: bytes, source: str, encoding: str = "utf-8") -> Iterator[Article | InputError]:
    """One JSON object per line; a bad line is reported and the others still load."""
    decode(data, source, encoding)  # the whole input's checks: empty, binary, encoding
    return read_jsonl_lines(data.splitlines(), source, encoding, max_bytes=len(data))


def read_jsonl_lines(lines: Iterable[bytes | int], source: str, encoding: str = "utf-8",
                     max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:
    """JSON Lines one line at a time, so a file of any size streams through in little memory;
    a line that is not valid text or JSON is reported and the rest still load. An int in
    `lines` is the length of a line too long to have been read (see bounded_lines)."""
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if isinstance(raw, int) or len(raw) > max_bytes:
            yield too_big(where, raw if isinstance(raw, int) else len(raw), max_bytes)
            continue
        if not raw.strip():
            continue
        try:
            yield _article_from_record(json.loads(decode(raw, where, encoding)), where)
        except json.JSONDecodeError as err:
            yield InputError(f"{where}: invalid JSON ({err.msg})")
        except RecursionError:
            yield InputError(f"{where}: JSON nested too deeply to be an article")
        except InputError as err:
            yield err


def bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """The handle's lines; a line longer than max_bytes is skipped unread, and its length comes
    in its place (a one-line 'record' of gigabytes must not fill the memory)."""
    while line := handle.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (chunk := handle.readline(1 << 20)) and not chunk.endswith(b"\n"):
            size += len(chunk)
        yield size + len(chunk)


def too_big(where: str, size: int | None, max_bytes: int) -> InputError:
    """The error for an input past the size limit (`size` None: a stream, read no further)."""
    what = f"{describe_size(size)} is over" if size else "more than"
    return InputError(f"{where}: {what} the {describe_size(max_bytes)} limit for one article "
                      "(raise it with --max-article-size)")


def _article_from_record(record: Any, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    body = next((record[f] for f in _TEXT_FIELDS if isinstance(record.get(f), str)), "")
    body = clean_body(body)
    if not body:
        raise InputError(f"{where}: no article text (fields tried: {', '.join(_TEXT_FIELDS)})")
    meta = {
        "title": record.get("title") or record.get("headline"),
        "url": record.get("url") or record.get("link"),
        "outlet": record.get("outlet") or record.get("source") or record.get("publisher"),
        "author": record.get("author"),
        "published": record.get("published") or record.get("date"),
    }
    meta = {k: str(v) for k, v in meta.items() if v}
    for name, value in [("text", body), *meta.items()]:
        surrogate = _SURROGATE.search(value)
        if surrogate:
            raise InputError(f"{where}: invalid text in {name} (lone surrogate \\u{ord(surrogate.group(0)):04x}, "
                             "not Unicode)")
    return _article(body, meta, where)


def read_feed(data: bytes, source: str, encoding: str = "utf-8") -> Iterator[Article | InputError]:
    """RSS or Atom: one article per entry, from its content or its summary."""
    import feedparser

    decode(data, source, encoding)  # refuses binary and empty input with a clear message
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        raise InputError(f"{source}: not a readable RSS/Atom feed ({reason})")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{number}"
        raw = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
        body = clean_body(_html_to_text(raw))
        if not body:
            yield InputError(f"{where}: entry has no text")
            continue
        published = entry.get("published") or entry.get("updated")
        meta = {"title": entry.get("title"), "url": entry.get("link"), "outlet": outlet,
                "author": entry.get("author"), "published": published}
        yield _article(body, {k: v for k, v in meta.items() if v}, where)


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:  # noqa: BLE001 - lxml raises several types for junk markup
        return re.sub(r"<[^>]+>", " ", fragment)
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n\n" + (block.tail or "")
    return root.text_content()


def _article(body: str, meta: dict[str, str], source: str) -> Article:
    meta = {key: cleaned for key, value in meta.items() if value and (cleaned := clean_field(value))}
    return Article(
        text=body, title=meta.get("title"), url=meta.get("url"), outlet=meta.get("outlet"),
        author=meta.get("author"), published=meta.get("published"), source=source,
    )
