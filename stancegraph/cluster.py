"""Extraction on a Dask cluster the user already runs (`dask scheduler` and `dask worker`, or
dask-kubernetes, dask-jobqueue): articles go out in a bounded window, each worker process
keeps one loaded extractor, results come back as they complete to the single writer here. A
task whose worker dies is retried once on another; if it fails again the article is reported
like any bad article. Imported only with --cluster: without it Dask is never loaded."""

from __future__ import annotations

from collections.abc import Iterator

from .errors import StanceGraphError
from .model import Article, Extraction

# Tasks sent and not yet back, per worker thread of the cluster: enough to keep every worker
# busy while results travel, few enough that the client's memory stays flat on any corpus.
IN_FLIGHT_PER_THREAD = 4
# Articles per task: one news article takes ~0.1 s, about the scheduler's cost of a task, so a
# few go together (a lost task retries them all; each still fails or succeeds alone).
ARTICLES_PER_TASK = 4
CONNECT_TIMEOUT = "20s"


class ClusterExtractors:
    """The same interface as the local extractors: a context manager whose extracted()
    yields (extraction, failure) pairs in completion order."""

    def __init__(self, address: str, time_limit: float | None = None):
        self.address = address
        self.time_limit = time_limit
        self.client = None

    def __enter__(self) -> ClusterExtractors:
        try:
            from distributed import Client
        except ImportError:
            raise StanceGraphError("--cluster needs Dask: pip install 'stancegraph[dask]'") from None
        try:
            self.client = Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as err:
            raise StanceGraphError(f"{self.address}: cannot reach the Dask scheduler ({err})") from None
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()

    def window(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return threads * IN_FLIGHT_PER_THREAD

    def extracted(self, articles: Iterator[Article]) -> Iterator[tuple[Extraction | None, str | None]]:
        from distributed import as_completed

        pending = as_completed(loop=self.client.loop)
        sent: dict[str, list[Article]] = {}
        window = self.window()  # asked once: each question is a round trip to the scheduler
        for number, chunk in enumerate(_chunks(articles, ARTICLES_PER_TASK), start=1):
            if number % 1000 == 0:
                window = self.window()  # workers may have joined or left
            future = self.client.submit(extract_chunk, chunk, self.time_limit, retries=1, pure=False)
            sent[future.key] = chunk
            pending.add(future)
            if pending.count() >= window:
                yield from self._results(next(pending), sent)
        for future in pending:
            yield from self._results(future, sent)

    @staticmethod
    def _results(future, sent: dict[str, list[Article]]) -> list[tuple[Extraction | None, str | None]]:
        from .ingest import failure_of

        chunk = sent.pop(future.key)
        try:
            return future.result()
        except Exception as err:  # noqa: BLE001 - a worker lost twice (KilledWorker) or a task error
            return [(None, failure_of(article, err)) for article in chunk]
        finally:
            future.release()


def extract_chunk(articles: list[Article], time_limit: float | None) -> list[tuple[Extraction | None, str | None]]:
    """Runs on a worker: each article extracted (or failed) on its own."""
    from .ingest import extract_one

    return [extract_one(article, time_limit) for article in articles]


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
