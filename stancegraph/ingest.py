"""Articles in, facts in the store: read, extract and write in batches, skipping bad inputs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import InputError, StanceGraphError
from .graph.base import Store
from .loaders import load_articles
from .loaders.extract import default_extractor
from .model import Article, Extraction

BATCH_SIZE = 32


@dataclass
class IngestReport:
    articles: int = 0
    stances: int = 0
    relations: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ingest(sources: Iterable[str], store: Store, *, fmt: str | None = None, encoding: str = "utf-8",
           batch_size: int = BATCH_SIZE, progress: Callable[[int], None] | None = None,
           **overrides: str | None) -> IngestReport:
    """Ingest every article the sources hold; a bad input is reported and skipped, never fatal."""
    report = IngestReport()
    batch: list[Extraction] = []
    for item in load_articles(sources, fmt=fmt, encoding=encoding, **overrides):
        if isinstance(item, InputError):
            report.failures.append(str(item))
            continue
        extraction = _extract(item, report)
        if extraction is None:
            continue
        batch.append(extraction)
        if len(batch) >= batch_size:
            _flush(batch, store, report, progress)
    _flush(batch, store, report, progress)
    return report


def ingest_extractions(extractions: Iterable[Extraction], store: Store) -> IngestReport:
    report = IngestReport()
    batch = list(extractions)
    _flush(batch, store, report, None)
    return report


def _extract(article: Article, report: IngestReport) -> Extraction | None:
    try:
        extraction = default_extractor().extract(article)
    except StanceGraphError:
        raise
    except Exception as err:  # noqa: BLE001 - one article's failure must not stop a batch
        report.failures.append(f"{article.source or article.id}: extraction failed ({type(err).__name__}: {err})")
        return None
    report.warnings += [f"{article.source or article.id}: {w}" for w in extraction.warnings]
    return extraction


def _flush(batch: list[Extraction], store: Store, report: IngestReport, progress) -> None:
    if not batch:
        return
    store.write(batch)
    report.articles += len(batch)
    report.stances += sum(len(e.stances) for e in batch)
    report.relations += sum(len(e.relations) for e in batch)
    if progress:
        progress(len(batch))
    batch.clear()
