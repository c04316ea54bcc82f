"""Article readers, chosen by format name, file extension or content, and registered like plugins."""

from __future__ import annotations

import dataclasses
import glob
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from ..dates import DateError, article_date, parse_day
from ..errors import InputError
from ..limits import MAX_ARTICLE_BYTES
from ..model import Article
from . import formats
from .cleaning import clean_field, decode

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


def read_source(source: str, fmt: str | None = None, encoding: str = "utf-8",
                max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:
    """Every article one file (or stdin) holds; failures come back as InputError values. No
    input is read past `max_bytes` per article: a JSON Lines file streams line by line, any
    other file or stdin is one article."""
    name = "<stdin>" if source == "-" else source
    try:
        handle = sys.stdin.buffer if source == "-" else _open_regular(source)
    except OSError as err:
        yield InputError(f"{source}: cannot read ({err.strerror})")
        return
    except InputError as err:
        yield err
        return
    try:
        if (fmt or sniff_format(_peek(handle), source)) == "jsonl":
            yield from _stream_jsonl(handle, name, encoding, max_bytes)  # a corpus file may be gigabytes
            return
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield formats.too_big(name, _size_of(handle), max_bytes)
            return
        yield from _read_whole(data, name, source, fmt, encoding)
    except OSError as err:
        yield InputError(f"{name}: cannot read ({err.strerror})")
    finally:
        if source != "-":
            handle.close()


def _open_regular(path: str) -> BinaryIO:
    """A file opened for reading, refused when it is a FIFO, device or socket (`/dev/zero`
    never ends, a FIFO blocks): pipe such a stream to stdin ('-') instead."""
    if not stat.S_ISREG(os.stat(path).st_mode):  # before opening: opening a FIFO blocks
        raise InputError(f"{path}: not a regular file (a device, FIFO or socket); pipe it to stdin as '-' instead")
    return open(path, "rb")


def _peek(handle: BinaryIO) -> bytes:
    if hasattr(handle, "peek"):
        return handle.peek(2048)[:2048]
    head = handle.read(2048)
    handle.seek(0)
    return head


def _size_of(handle: BinaryIO) -> int | None:
    """A file's size; None for a stream, whose size is known only by reading it all."""
    try:
        status = os.fstat(handle.fileno())
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _read_whole(data: bytes, name: str, source: str, fmt: str | None, encoding: str) -> Iterator[Article | InputError]:
    _load_plugins()
    chosen = fmt or sniff_format(data, source)
    if chosen not in FORMATS:
        yield InputError(f"unknown format {chosen!r} (known: {', '.join(sorted(FORMATS))})")
        return
    try:
        yield from FORMATS[chosen].reader(data, name, encoding)
    except InputError as err:
        yield err
    except Exception as err:  # noqa: BLE001 - a reader's crash on one input must not stop a batch
        yield InputError(f"{name}: could not be read as {chosen} ({type(err).__name__}: {err})")


def _sniff_file(path: str) -> str:
    with open(path, "rb") as handle:
        return sniff_format(handle.read(2048), path)


def _stream_jsonl(handle: BinaryIO, name: str, encoding: str, max_bytes: int) -> Iterator[Article | InputError]:
    head = _peek(handle)
    try:
        decode(head, name, encoding)  # an empty or binary file fails as a whole, not line by line
    except InputError as err:
        if "not valid" not in str(err):  # a bad byte is reported on its own line below
            yield err
            return
    yield from formats.read_jsonl_lines(formats.bounded_lines(handle, max_bytes), name, encoding, max_bytes)


def load_articles(
    sources: Iterable[str], fmt: str | None = None, encoding: str = "utf-8", max_bytes: int = MAX_ARTICLE_BYTES,
    **overrides: str | None,
) -> Iterator[Article | InputError]:
    """Articles from files, folders, globs and stdin, with metadata overrides applied.

    Bad inputs are yielded as InputError values so that a batch goes on past them; so is an
    article whose publication date cannot be read (a bad `published` override fails them all)."""
    fields = {k: clean_field(v) for k, v in overrides.items() if v is not None}
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
        for item in read_source(source, fmt, encoding, max_bytes):
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
        if not os.path.isfile(source):
            continue  # a device or FIFO is refused when read; opening it here could block
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
