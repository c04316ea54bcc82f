"""Articles in, facts in the store: read, extract (in worker processes) and write in batches
from one writer, in the order extractions complete. A bad input, in reading, extraction or
writing, is reported and skipped, never fatal; each article is written whole or not at all, so
a killed ingest resumes by skipping the articles already stored."""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from .errors import InputError
from .graph.base import Store
from .limits import Limits
from .loaders import load_articles
from .loaders.extract import default_extractor
from .model import Article, Extraction
from .safety import write_atomically

BATCH_SIZE = 32
# Articles handed to the pool and not yet written, per worker: more than a write batch, so
# workers never wait for the writer, and few enough to bound memory on huge corpora.
IN_FLIGHT_PER_WORKER = 32
WORKER_MEMORY = 155_000_000  # bytes one extraction process holds (spaCy's model and the rules), measured


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


def usable_workers(requested: int | None = None) -> tuple[int, str | None]:
    """The workers to start: the request, capped by the cores and by the memory available at
    WORKER_MEMORY each, with a message saying why when it is lowered."""
    cores = default_workers()
    memory = _available_memory()
    cap = min(cores, max(1, memory // WORKER_MEMORY)) if memory else cores
    if requested is None or requested <= cap:
        return requested or cap, None
    room = f", {memory / 1e9:.1f} GB of memory free at ~{WORKER_MEMORY // 1_000_000} MB each" if memory else ""
    return cap, f"--workers {requested} lowered to {cap} ({cores} core(s){room})"


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def ingest(sources: Iterable[str], store: Store, *, fmt: str | None = None, encoding: str = "utf-8",
           batch_size: int = BATCH_SIZE, progress: Callable[[int], None] | None = None, workers: int = 1,
           resume: bool = False, limits: Limits = Limits(), cluster: str | None = None,
           **overrides: str | None) -> IngestReport:
    """Ingest every article the sources hold into the store: extract (in local worker
    processes, or on the Dask cluster at `cluster`) and load. An article past `limits` (size
    or extraction time) is reported and skipped."""
    report = IngestReport()
    loaded = load_articles(sources, fmt=fmt, encoding=encoding, max_bytes=limits.max_bytes, **overrides)
    articles = _pending(loaded, store, report, resume)
    with extraction_pool(workers, limits.max_seconds, cluster) as pool:
        _write_all(_reported(pool.extracted(articles), report), store, report, batch_size, progress)
    return report


def extract_to_file(sources: Iterable[str], output: str, *, fmt: str | None = None, encoding: str = "utf-8",
                    progress: Callable[[int], None] | None = None, workers: int = 1, limits: Limits = Limits(),
                    cluster: str | None = None, **overrides: str | None) -> IngestReport:
    """Extract every article the sources hold into an extraction file (JSON Lines, one record per
    article; see extraction_files), written whole or not at all; `load` writes it to any store."""
    from .extraction_files import writing_extractions

    report = IngestReport()
    loaded = load_articles(sources, fmt=fmt, encoding=encoding, max_bytes=limits.max_bytes, **overrides)
    with extraction_pool(workers, limits.max_seconds, cluster) as pool, writing_extractions(output) as write:
        for extraction in _reported(pool.extracted(_pending(loaded, None, report, False)), report):
            write(extraction)
            report.articles += 1
            report.stances += len(extraction.stances)
            report.relations += len(extraction.relations)
            if progress:
                progress(1)
    return report


def load(paths: Iterable[str], store: Store, *, batch_size: int = BATCH_SIZE, resume: bool = False,
         progress: Callable[[int], None] | None = None) -> IngestReport:
    """Write the extractions of extraction files into the store with the same per-article
    replace as ingest; a record that cannot be read is reported and skipped."""
    from .extraction_files import read_extractions

    report = IngestReport()
    extractions = _pending(read_extractions(paths), store, report, resume)
    _write_all(extractions, store, report, batch_size, progress)
    return report


def extraction_pool(workers: int, time_limit: float | None, cluster: str | None):
    """Local extraction processes, or the Dask cluster at `cluster` (Dask is imported only then)."""
    if cluster:
        from .cluster import ClusterExtractors

        return ClusterExtractors(cluster, time_limit)
    return _Extractors(workers, time_limit)


def _write_all(extractions: Iterable[Extraction], store: Store, report: IngestReport, batch_size: int,
               progress: Callable[[int], None] | None) -> None:
    batch: list[Extraction] = []
    for extraction in extractions:
        batch.append(extraction)
        if len(batch) >= batch_size:
            _flush(batch, store, report, progress)
    _flush(batch, store, report, progress)


def _reported(pairs: Iterable[tuple[Extraction | None, str | None]], report: IngestReport) -> Iterator[Extraction]:
    for extraction, failure in pairs:
        if failure:
            report.failures.append(failure)
            continue
        article = extraction.article
        report.warnings += [f"{article.source or article.id}: {w}" for w in extraction.warnings]
        yield extraction


def _pending(items: Iterable[Article | Extraction | InputError], store: Store | None, report: IngestReport,
             resume: bool) -> Iterator:
    """The articles (or extractions read back) still to do: failures reported, with --resume the
    ones the store holds counted and left out, undated ones kept with a warning."""
    for item in items:
        if isinstance(item, InputError):
            report.failures.append(str(item))
            continue
        article = item.article if isinstance(item, Extraction) else item
        if resume and store.has_article(article.id):
            report.resumed += 1
            continue
        if not article.published:
            report.warnings.append(f"{article.source or article.id}: no publication date; stored undated, it drops "
                                   "out of dated questions (give --published)")
        yield item


class _Extractors:
    """Extraction in this process, or in a pool of worker processes kept busy without pause: a
    bounded number of articles is always in flight, so workers go on while the writer writes,
    and memory stays bounded on huge corpora. Results come back as they complete, so one slow
    article holds up nothing but itself."""

    def __init__(self, workers: int, time_limit: float | None = None):
        self.workers = max(1, workers)
        self.time_limit = time_limit
        self.pool = None

    def __enter__(self) -> _Extractors:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()

    def extracted(self, articles: Iterator[Article]) -> Iterator[tuple[Extraction | None, str | None]]:
        first = list(islice(articles, 2))
        if self.workers == 1 or len(first) < 2:  # one article is not worth starting workers for
            yield from (extract_one(article, self.time_limit) for article in chain(first, articles))
            return
        self.pool = multiprocessing.get_context("fork").Pool(self.workers, initializer=_warm_up)
        done: queue.SimpleQueue = queue.SimpleQueue()
        in_flight = 0
        for article in chain(first, articles):
            self.pool.apply_async(extract_one, (article, self.time_limit), callback=done.put,
                                  error_callback=lambda err, a=article: done.put((None, failure_of(a, err))))
            in_flight += 1
            if in_flight >= self.workers * IN_FLIGHT_PER_WORKER:
                yield done.get()
                in_flight -= 1
        for _ in range(in_flight):
            yield done.get()


def _warm_up() -> None:
    default_extractor().nlp  # load the model once per worker, before the first article


def extract_one(article: Article, time_limit: float | None = None) -> tuple[Extraction | None, str | None]:
    try:
        return default_extractor().extract(article, time_limit), None
    except Exception as err:  # noqa: BLE001 - one article's failure must not stop a batch
        return None, failure_of(article, err)


def failure_of(article: Article, err: BaseException) -> str:
    where = article.source or article.id
    if isinstance(err, InputError):
        return f"{where}: {err}"
    return f"{where}: extraction failed ({type(err).__name__}: {err})"


def _flush(batch: list[Extraction], store: Store, report: IngestReport, progress) -> None:
    """Write the batch in one go; when that fails, article by article, so only the articles
    the store refuses are lost (reported). When it refuses every article of a batch of several,
    or cannot even be read, the store, not an article, is at fault: the error stops the ingest."""
    if not batch:
        return
    try:
        store.write(batch)
        written = list(batch)
    except Exception as err:  # noqa: BLE001 - which article is at fault is found below
        written = _write_one_by_one(batch, store, report, err)
    report.articles += len(written)
    report.stances += sum(len(e.stances) for e in written)
    report.relations += sum(len(e.relations) for e in written)
    if progress:
        progress(len(batch))
    batch.clear()


def _write_one_by_one(batch: list[Extraction], store: Store, report: IngestReport, batch_error: Exception) -> list[Extraction]:
    written, refused = [], []
    for extraction in batch:
        try:
            store.write([extraction])
            written.append(extraction)
        except Exception as err:  # noqa: BLE001
            article = extraction.article
            refused.append(f"{article.source or article.id}: the store refused it ({type(err).__name__}: {err})")
    if not written and (len(batch) > 1 or not _readable(store, batch[0])):
        raise batch_error
    report.failures += refused
    return written


def _readable(store: Store, extraction: Extraction) -> bool:
    try:
        store.has_article(extraction.article.id)
        return True
    except Exception:  # noqa: BLE001 - any failure to read says the same
        return False


def write_failure_report(report: IngestReport, path: str) -> None:
    """One JSON line per input that was skipped: {"input": …, "reason": …}."""
    lines = []
    for failure in report.failures:
        source, _, reason = failure.partition(": ")
        lines.append(json.dumps({"input": source, "reason": reason}, ensure_ascii=False) + "\n")
    write_atomically(path, "".join(lines))
