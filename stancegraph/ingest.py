"""Articles in, facts in the store: read, extract (in worker processes) and write in batches
from one writer. A bad input is reported and skipped, never fatal; each article is written
whole or not at all, so a killed ingest resumes by skipping the articles already stored."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from .errors import InputError
from .graph.base import Store
from .loaders import load_articles
from .loaders.extract import default_extractor
from .model import Article, Extraction

BATCH_SIZE = 32
# Articles handed to the pool and not yet written, per worker: more than a write batch, so
# workers never wait for the writer, and few enough to bound memory on huge corpora.
IN_FLIGHT_PER_WORKER = 32


@dataclass
class IngestReport:
    articles: int = 0
    stances: int = 0
    relations: int = 0
    resumed: int = 0  # articles already in the store, skipped by --resume
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def ingest(sources: Iterable[str], store: Store, *, fmt: str | None = None, encoding: str = "utf-8",
           batch_size: int = BATCH_SIZE, progress: Callable[[int], None] | None = None, workers: int = 1,
           resume: bool = False, **overrides: str | None) -> IngestReport:
    """Ingest every article the sources hold into the store."""
    report = IngestReport()
    articles = _pending(load_articles(sources, fmt=fmt, encoding=encoding, **overrides), store, report, resume)
    batch: list[Extraction] = []
    with _Extractors(workers) as extractors:
        for extraction in extractors.run(articles, report):
            batch.append(extraction)
            if len(batch) >= batch_size:
                _flush(batch, store, report, progress)
        _flush(batch, store, report, progress)
    return report


def _pending(items: Iterable[Article | InputError], store: Store, report: IngestReport, resume: bool) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            report.failures.append(str(item))
        elif resume and store.has_article(item.id):
            report.resumed += 1
        else:
            if not item.published:
                report.warnings.append(f"{item.source or item.id}: no publication date; stored undated, it drops out "
                                       "of dated questions (give --published)")
            yield item


class _Extractors:
    """Extraction in this process, or in a pool of worker processes kept busy without pause: a
    bounded number of articles is always in flight, so workers go on while the writer writes,
    and memory stays bounded on huge corpora. Results come back in input order."""

    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self.pool = None

    def __enter__(self) -> _Extractors:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()

    def run(self, articles: Iterator[Article], report: IngestReport) -> Iterator[Extraction]:
        for article, (extraction, failure) in self._extracted(articles):
            if failure:
                report.failures.append(failure)
                continue
            report.warnings += [f"{article.source or article.id}: {w}" for w in extraction.warnings]
            yield extraction

    def _extracted(self, articles: Iterator[Article]) -> Iterator[tuple[Article, tuple]]:
        first = list(islice(articles, 2))
        if self.workers == 1 or len(first) < 2:  # one article is not worth starting workers for
            yield from ((article, _extract_one(article)) for article in chain(first, articles))
            return
        self.pool = multiprocessing.get_context("fork").Pool(self.workers, initializer=_warm_up)
        in_flight: deque = deque()
        for article in chain(first, articles):
            in_flight.append((article, self.pool.apply_async(_extract_one, (article,))))
            if len(in_flight) >= self.workers * IN_FLIGHT_PER_WORKER:
                article, result = in_flight.popleft()
                yield article, result.get()
        while in_flight:
            article, result = in_flight.popleft()
            yield article, result.get()


def _warm_up() -> None:
    default_extractor().nlp  # load the model once per worker, before the first article


def _extract_one(article: Article) -> tuple[Extraction | None, str | None]:
    try:
        return default_extractor().extract(article), None
    except Exception as err:  # noqa: BLE001 - one article's failure must not stop a batch
        return None, f"{article.source or article.id}: extraction failed ({type(err).__name__}: {err})"


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


def write_failure_report(report: IngestReport, path: str) -> None:
    """One JSON line per input that was skipped: {"input": …, "reason": …}."""
    with open(path, "w", encoding="utf-8") as out:
        for failure in report.failures:
            source, _, reason = failure.partition(": ")
            out.write(json.dumps({"input": source, "reason": reason}, ensure_ascii=False) + "\n")
