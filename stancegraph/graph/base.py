"""The store protocol: a handful of methods that every store kind implements."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ..model import Extraction


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@runtime_checkable
class Store(Protocol):
    url: str
    language: str  # 'sparql' or 'cypher': which query files and raw queries it takes
    named_graphs: bool  # capability flag: facts are kept per article in graphs of their own
    exports_rdf: bool

    def write(self, extractions: Iterable[Extraction]) -> int:
        """Replace each article's facts with the extraction's, atomically; returns articles written."""

    def has_article(self, article_id: str) -> bool:
        """Whether the store holds this article (written whole, so it needs no re-doing)."""

    def delete_article(self, article_id: str) -> bool:
        """Remove exactly one article's facts; False when the store has no such article."""

    def query(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a native read query with parameters bound safely, never pasted."""

    def close(self) -> None: ...


def write_in_batches(extractions: Iterable[Extraction], size: int,
                     write_batch: Callable[[list[Extraction]], None]) -> int:
    """Hand a store's batch writer `size` extractions at a time; returns how many were given."""
    batch: list[Extraction] = []
    count = 0
    for extraction in extractions:
        batch.append(extraction)
        if len(batch) >= size:
            write_batch(batch)
            count, batch = count + len(batch), []
    if batch:
        write_batch(batch)
    return count + len(batch)


def latest_per_article(batch: list[Extraction]) -> list[Extraction]:
    """One extraction per article: the later of an article given twice wins, as if written in turn."""
    return list({e.article.id: e for e in batch}.values())
