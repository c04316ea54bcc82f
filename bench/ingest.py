"""Ingest at growing scale against bare spaCy on the same texts, in one run on one machine.

    python bench/ingest.py [--scales 1000,10000,100000] [--one-worker-up-to 10000]
                           [--falkordb-up-to 10000] [--spacy-sample 1000] [--results FILE]

    python bench/ingest.py --cluster 1000 [--client-memory-at 10000]   (see bench/cluster.py)

For each scale: a generated corpus (bench/corpus.py, 50% on topic, 300–1,200 words) is
ingested into a fresh embedded store with 2 workers (and with 1 up to --one-worker-up-to, for
the speedup), then every named question is timed on that store. Up to --falkordb-up-to the
same corpus also goes into a FalkorDB server started for the run, and is questioned there.
The baseline is spaCy's `nlp.pipe` over every full text in one process; above --spacy-sample
articles it runs over the first that many and its time is scaled to the whole corpus (model
loading counted once), which the table says. Peak memory is sampled twice a second over the
ingest process and its workers: the sum of proportional set sizes (shared model pages counted
once) and, for comparison, the sum of resident sets. Each scale's figures are appended as a
JSON line to --results as soon as they exist; the Markdown tables come at the end, with a
least-squares line through the 2-worker times.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import articles  # noqa: E402
from questions import latencies, named_questions, p50_p95  # noqa: E402

from stancegraph.graph import open_store  # noqa: E402


class PeakMemory:
    """Samples a process tree until stopped; keeps the largest total PSS and RSS seen."""

    def __init__(self, pid: int, every: float = 0.5):
        self.pid, self.every = pid, every
        self.pss = self.rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.pid)
                tree = [root, *root.children(recursive=True)]
                infos = [p.memory_full_info() for p in tree]
                self.pss = max(self.pss, sum(i.pss for i in infos))
                self.rss = max(self.rss, sum(i.rss for i in infos))
            except psutil.Error:
                pass  # a worker ended between listing and reading
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_ingest(corpus: Path, workers: int, store: str, extra: list[str] = ()) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "stancegraph", "ingest", str(corpus), "--store", store,
                                "--workers", str(workers), *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=ROOT)
    memory = PeakMemory(process.pid)
    _, err = process.communicate()
    memory.stop()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(err)
    return {"seconds": elapsed, "peak_pss_mb": memory.pss / 1e6, "peak_rss_mb": memory.rss / 1e6}


def bare_spacy(corpus: Path, sample: int, total: int) -> dict:
    """spaCy over the first `sample` texts; its parsing time scaled to `total` texts, plus the
    process start and model load it measured once."""
    code = ("import json,sys,time,itertools; t0=time.perf_counter(); from stancegraph.loaders.nlp import load_nlp; "
            "nlp=load_nlp(); t1=time.perf_counter(); n=int(sys.argv[2]); "
            "texts=[json.loads(l)['text'] for l in itertools.islice(open(sys.argv[1]), n)]; t2=time.perf_counter(); "
            "[d for d in nlp.pipe(texts, batch_size=16)]; print(t1-t0, time.perf_counter()-t2)")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(corpus), str(sample)], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    whole = time.perf_counter() - started
    load, parse = (float(x) for x in done.stdout.split())
    parsed = min(sample, total)
    return {"seconds": whole - parse + parse * total / parsed, "parsed": parsed}


def store_size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def question_times(url: str, runs: int, budget_s: float) -> dict[str, str]:
    store = open_store(url)
    try:
        return {name: p50_p95(times) for name, times in latencies(store, runs, budget_s).items()}
    finally:
        store.close()


def start_falkordb() -> tuple[subprocess.Popen, int]:
    from stores import start_falkordb as start

    return start()


def measure_scale(scale: int, folder: Path, args) -> dict:
    corpus = folder / f"corpus-{scale}.jsonl"
    words = 0
    with corpus.open("w") as out:
        for article in articles(scale, seed=scale):
            words += len(article["text"].split())
            out.write(json.dumps(article) + "\n")
    row: dict = {"articles": scale, "words": words, "spacy": bare_spacy(corpus, args.spacy_sample, scale)}
    if scale <= args.one_worker_up_to:
        row["one_worker"] = run_ingest(corpus, 1, f"oxigraph:{folder / f'one-{scale}'}")
    embedded = folder / f"two-{scale}"
    row["two_workers"] = run_ingest(corpus, 2, f"oxigraph:{embedded}")
    row["store_mb"] = store_size(embedded)  # right after the ingest, write-ahead log included
    row["questions"] = question_times(f"oxigraph:{embedded}", args.runs, args.budget)
    row["store_reopened_mb"] = store_size(embedded)  # once a reopening has folded the log into tables
    if scale <= args.falkordb_up_to:
        process, port = start_falkordb()
        try:
            url = f"falkordb://127.0.0.1:{port}/bench"
            row["falkordb"] = run_ingest(corpus, 2, url)
            row["falkordb"]["server_rss_mb"] = psutil.Process(process.pid).memory_info().rss / 1e6
            row["falkordb_questions"] = question_times(url, args.runs, args.budget)
        finally:
            process.terminate()
            process.wait(timeout=30)
    corpus.unlink()
    return row


def linear_fit(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Slope, intercept and R² of the least-squares line through (articles, seconds)."""
    xs, ys = zip(*points)
    slope, intercept = statistics.linear_regression(xs, ys)
    mean = statistics.fmean(ys)
    residual = sum((y - (slope * x + intercept)) ** 2 for x, y in points)
    total = sum((y - mean) ** 2 for y in ys)
    return slope, intercept, 1 - residual / total if total else 1.0


def print_tables(rows: list[dict]) -> None:
    print("| articles | words | bare spaCy s | 1 worker s | 2 workers s | articles/s (2 w) | words/s (2 w) "
          "| vs spaCy | 2 w / 1 w | peak PSS MB | peak RSS MB | store MB after ingest / reopened |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        two, spacy = r["two_workers"]["seconds"], r["spacy"]["seconds"]
        one = r.get("one_worker", {}).get("seconds")
        scaled = "" if r["spacy"]["parsed"] == r["articles"] else f" (from {r['spacy']['parsed']:,})"
        print(f"| {r['articles']:,} | {r['words']:,} | {spacy:.1f}{scaled} | {f'{one:.1f}' if one else '–'} | {two:.1f} "
              f"| {r['articles'] / two:.1f} | {r['words'] / two:,.0f} | {spacy / two:.2f}× "
              f"| {f'{one / two:.2f}×' if one else '–'} | {r['two_workers']['peak_pss_mb']:.0f} "
              f"| {r['two_workers']['peak_rss_mb']:.0f} | {r['store_mb']:.0f} / {r.get('store_reopened_mb', float('nan')):.0f} |")
    if len(rows) >= 2:
        slope, intercept, r2 = linear_fit([(r["articles"], r["two_workers"]["seconds"]) for r in rows])
        print(f"\nLeast-squares line through the 2-worker times: {slope * 1000:.1f} s per 1,000 articles "
              f"+ {intercept:.1f} s, R² = {r2:.4f}")
    falkor = [r for r in rows if "falkordb" in r]
    if falkor:
        print("\n| articles | FalkorDB ingest s (2 w) | articles/s | embedded ingest s (2 w) | server RSS MB |")
        print("|---|---|---|---|---|")
        for r in falkor:
            f = r["falkordb"]
            print(f"| {r['articles']:,} | {f['seconds']:.1f} | {r['articles'] / f['seconds']:.1f} "
                  f"| {r['two_workers']['seconds']:.1f} | {f['server_rss_mb']:.0f} |")
    columns = [(f"{r['articles']:,} embedded", r["questions"]) for r in rows]
    columns += [(f"{r['articles']:,} FalkorDB", r["falkordb_questions"]) for r in falkor]
    print("\n| question (p50 / p95 ms) | " + " | ".join(c for c, _ in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name in named_questions():
        print(f"| {name} | " + " | ".join(q.get(name, "–") for _, q in columns) + " |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1000")
    parser.add_argument("--one-worker-up-to", type=int, default=10000)
    parser.add_argument("--falkordb-up-to", type=int, default=10000)
    parser.add_argument("--spacy-sample", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per question before fewer runs are kept")
    parser.add_argument("--results", default=None, help="append each scale's figures here as a JSON line")
    parser.add_argument("--tables-from", default=None, help="only print the tables of an earlier --results file")
    parser.add_argument("--cluster", type=int, default=0, metavar="N",
                        help="instead: N articles through one local ingest and through a 2-worker Dask cluster")
    parser.add_argument("--client-memory-at", type=int, default=0, metavar="N",
                        help="with --cluster: also ingest N articles on the cluster and report the client's memory")
    args = parser.parse_args()
    if args.cluster:
        from cluster import compare

        compare(Path(tempfile.mkdtemp(prefix="sg-cluster-")), args.cluster, args.client_memory_at, articles, run_ingest)
        return
    if args.tables_from:
        print_tables([json.loads(line) for line in open(args.tables_from)])
        return
    folder = Path(tempfile.mkdtemp(prefix="sg-ingest-"))
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        rows.append(measure_scale(scale, folder, args))
        if args.results:
            with open(args.results, "a") as out:
                out.write(json.dumps(rows[-1]) + "\n")
        print(f"done: {scale:,} articles", file=sys.stderr, flush=True)
    print_tables(rows)


if __name__ == "__main__":
    main()
