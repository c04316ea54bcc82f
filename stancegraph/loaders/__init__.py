"""Article readers, chosen by format name, file extension or content, and registered like plugins."""

from __future__ import annotations

import dataclasses
import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..dates import DateError, article_date, parse_day
from ..errors import InputError
from ..model import Article
from . import formats
from .cleaning import decode

Reader = Callable[[bytes, str, str], Iterable["Article | InputError"]]


@dataclass(frozen=True)
class Format:
    name: str
    reader: Reader
    extensions: tuple[str, ...]


FORMATS: dict[str, Format] = {}


def register_format(name: str, reader: Reader, extensions: Iterable[str] = ()) -> None:
    """Make a reader available by name and by file extension (third parties use the
    'stancegraph.loaders' entry-point group, whose objects are Format instances)."""
    FORMATS[name] = Format(name, reader, tuple(extensions))


register_format("text", formats.read_text, (".txt", ".text", ".md"))
register_format("html", formats.read_html, (".html", ".htm", ".xhtml"))
register_format("jsonl", formats.read_jsonl, (".jsonl", ".ndjson"))
register_format("feed", formats.read_feed, (".rss", ".atom", ".xml"))


@lru_cache(maxsize=1)
def _load_plugins() -> None:
    """Third-party formats, looked up when articles are first read (not when a question starts)."""
    from importlib.metadata import entry_points

    for point in entry_points(group="stancegraph.loaders"):
        plugin = point.load()
        FORMATS[plugin.name] = plugin


def sniff_format(data: bytes, path: str) -> str:
    """The format of one input, from its extension or else its first characters."""
    _load_plugins()
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt.name
    head = data[:2048].lstrip().lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head):
        return "feed"
    if head.startswith(b"<"):
        return "html"
    return "text"


def expand_sources(sources: Iterable[str]) -> Iterator[str | InputError]:
    """Files named, found under folders, or matched by globs; '-' is stdin."""
    for source in sources:
        if source == "-":
            yield source
        elif os.path.isdir(source):
            found = sorted(str(p) for p in Path(source).rglob("*") if _is_article_file(p))
            if not found:
                yield InputError(f"{source}: folder holds no article files")
            yield from found
        elif os.path.exists(source):
            yield source
        elif glob.has_magic(source):
            matched = sorted(p for p in glob.glob(source, recursive=True) if os.path.isfile(p))
            if not matched:
                yield InputError(f"{source}: no file matches")
            yield from matched
        else:
            yield InputError(f"{source}: no such file or folder")


def _is_article_file(path: Path) -> bool:
    _load_plugins()
    known = {ext for fmt in FORMATS.values() for ext in fmt.extensions}
    return path.is_file() and not path.name.startswith(".") and path.suffix.lower() in known


def read_source(source: str, fmt: str | None = None, encoding: str = "utf-8") -> Iterator[Article | InputError]:
    """Every article one file (or stdin) holds; failures come back as InputError values."""
    try:
        if source != "-" and (fmt or _sniff_file(source)) == "jsonl":
            yield from _stream_jsonl(source, encoding)  # a corpus file may be gigabytes
            return
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as err:
        yield InputError(f"{source}: cannot read ({err.strerror})")
        return
    name = "<stdin>" if source == "-" else source
    _load_plugins()
    chosen = fmt or sniff_format(data, source)
    if chosen not in FORMATS:
        yield InputError(f"unknown format {chosen!r} (known: {', '.join(sorted(FORMATS))})")
        return
    try:
        yield from FORMATS[chosen].reader(data, name, encoding)
    except InputError as err:
        yield err


def _sniff_file(path: str) -> str:
    with open(path, "rb") as handle:
        return sniff_format(handle.read(2048), path)


def _stream_jsonl(path: str, encoding: str) -> Iterator[Article | InputError]:
    with open(path, "rb") as handle:
        head = handle.read(8192)
        try:
            decode(head, path, encoding)  # empty or binary files fail as a whole, not line by line
        except InputError as err:
            if "not valid" not in str(err):  # a bad byte is reported on its own line below
                yield err
                return
        handle.seek(0)
        yield from formats.read_jsonl_lines(handle, path, encoding)


def load_articles(
    sources: Iterable[str], fmt: str | None = None, encoding: str = "utf-8", **overrides: str | None,
) -> Iterator[Article | InputError]:
    """Articles from files, folders, globs and stdin, with metadata overrides applied.

    Bad inputs are yielded as InputError values so that a batch goes on past them; so is an
    article whose publication date cannot be read (a bad `published` override fails them all)."""
    fields = {k: v for k, v in overrides.items() if v is not None}
    if "published" in fields:
        try:
            fields["published"] = parse_day(fields["published"], "published date")
        except DateError as err:
            yield err
            return
    for source in expand_sources(sources):
        if isinstance(source, InputError):
            yield source
            continue
        for item in read_source(source, fmt, encoding):
            if isinstance(item, Article) and fields:
                item = dataclasses.replace(item, **fields)
            yield _dated(item) if isinstance(item, Article) and "published" not in fields else item


def _dated(article: Article) -> Article | InputError:
    """The article with its metadata date in ISO form, or the error that skips it."""
    if not article.published:
        return article
    try:
        return dataclasses.replace(article, published=article_date(article.published, f"{article.source}: date"))
    except DateError as err:
        return InputError(f"{err} (or give --published)")


def count_inputs(sources: Iterable[str], fmt: str | None = None) -> int | None:
    """How many articles the sources hold, for a progress bar: one per file, one per line of
    JSON Lines; None when a feed or stdin makes the number unknown until read."""
    total = 0
    for source in expand_sources(sources):
        if isinstance(source, InputError):
            continue
        if source == "-":
            return None
        chosen = fmt or _sniff_file(source)
        if chosen == "feed":
            return None
        total += _count_lines(source) if chosen == "jsonl" else 1
    return total


def _count_lines(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def load_article(source: str, **kwargs: str | None) -> Article:
    """Exactly one article, raising InputError when the source holds none."""
    for item in load_articles([source], **kwargs):
        if isinstance(item, InputError):
            raise item
        return item
    raise InputError(f"{source}: no article found")


__all__ = ["FORMATS", "Format", "count_inputs", "load_article", "load_articles", "register_format"]
