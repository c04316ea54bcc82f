"""The embedded default: Oxigraph on disk (oxigraph:PATH) or in memory (memory:)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph
from pyoxigraph import QueryBoolean, QuerySolutions

from ..errors import QueryError, StoreError
from .sparql_store import SparqlStore, to_python


READ_RETRIES = 5
# Oxigraph keeps written data in memory tables until they are flushed; a long ingest would grow
# by about 100 MB per 1,000 articles without this (measured), so the writer flushes every 2 MB of
# updates (a couple of hundred articles).
FLUSH_EVERY_BYTES = 2_000_000


@dataclass(frozen=True)
class _Solutions:
    columns: tuple[str, ...]
    rows: list


class LocalTransport:
    def __init__(self, store: pyoxigraph.Store, url: str, read_only: bool, path: Path | None = None):
        self.store = store
        self.url = url
        self.read_only = read_only
        self.path = path
        self._unflushed = 0

    def _run(self, query: str):
        for attempt in range(READ_RETRIES):
            try:
                result = self.store.query(query, use_default_graph_as_union=True)
                if isinstance(result, QuerySolutions):  # read it all now, while the snapshot is known good
                    return _Solutions(tuple(v.value for v in result.variables), list(result))
                return result
            except SyntaxError as err:
                raise QueryError(f"malformed SPARQL query: {_first_line(err)}") from None
            except (OSError, RuntimeError) as err:
                if not (self.read_only and self.path) or attempt == READ_RETRIES - 1:
                    raise StoreError(f"{self.url}: cannot read the store ({_first_line(err)})") from None
                # A read-only view can race a writer's compaction: open a fresh snapshot and retry.
                time.sleep(0.05 * (attempt + 1))
                self.store = _open_read_only(self.path, self.url)
        raise AssertionError("unreachable")

    def select(self, query: str, raw: bool = False) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        result = self._run(query)
        convert = (lambda t: t) if raw else to_python
        if isinstance(result, _Solutions):
            return result.columns, [tuple(convert(solution[c]) for c in result.columns) for solution in result.rows]
        if isinstance(result, QueryBoolean):
            return ("ask",), [(bool(result),)]
        return ("subject", "predicate", "object"), [
            (convert(t.subject), convert(t.predicate), convert(t.object)) for t in result
        ]

    def ask(self, query: str) -> bool:
        return bool(self._run(query))

    def update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.url}: opened read-only")
        try:
            self.store.update(update)
            self._unflushed += len(update)
            if self._unflushed >= FLUSH_EVERY_BYTES:
                self.store.flush()
                self._unflushed = 0
        except SyntaxError as err:
            raise QueryError(f"malformed SPARQL update: {_first_line(err)}") from None
        except OSError as err:
            raise StoreError(f"{self.url}: cannot write ({_first_line(err)})") from None

    def close(self) -> None:
        if not self.read_only:
            try:
                self.store.flush()
            except OSError:
                pass
        del self.store


def open_oxigraph(url: str, read_only: bool = False) -> SparqlStore:
    scheme, _, location = url.partition(":")
    if scheme == "memory":
        return SparqlStore(url, LocalTransport(pyoxigraph.Store(), url, False))
    path = Path(location or "./stancegraph-data")
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"{url}: no store at {path} (ingest an article first)")
            store = _open_read_only(path, url)
        else:
            path.mkdir(parents=True, exist_ok=True)
            store = pyoxigraph.Store(str(path))
    except OSError as err:
        if "lock" in str(err).lower():
            raise StoreError(f"{url}: another process is writing to this store; wait for it to finish "
                             "(questions such as stancegraph stances can read it meanwhile)") from None
        raise StoreError(f"{url}: cannot open the store ({_first_line(err)})") from None
    return SparqlStore(url, LocalTransport(store, url, read_only, path if read_only else None), read_only)


def _open_read_only(path: Path, url: str) -> pyoxigraph.Store:
    """A read-only snapshot; opening can race a writer that is compacting, so try again."""
    for attempt in range(READ_RETRIES):
        try:
            return pyoxigraph.Store.read_only(str(path))
        except (OSError, RuntimeError) as err:
            if attempt == READ_RETRIES - 1:
                raise StoreError(f"{url}: cannot open the store ({_first_line(err)})") from None
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
