"""Ingest throughput against bare spaCy on the same texts, with 1 and 2 workers, in one run.

    python bench/ingest.py [--articles 1000] [--scales 1000,10000]

For each scale: the generated corpus (bench/corpus.py, 50% on topic) is ingested into a fresh
embedded store with 1 worker and with 2; the baseline is spaCy's `nlp.pipe` over every text
with the same model (one process). Reports articles/s, words/s, the 2-worker speedup, peak
memory (the largest resident set of the ingest process tree) and the store's size on disk.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import articles  # noqa: E402


def run_ingest(corpus: Path, workers: int, folder: Path) -> tuple[float, float]:
    store = folder / f"store-{workers}"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "stancegraph", "ingest", str(corpus), "--store", f"oxigraph:{store}",
                           "--workers", str(workers)], capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file())
    return elapsed, size


def bare_spacy(corpus: Path) -> float:
    code = ("import json,sys,time; from stancegraph.loaders.nlp import load_nlp; nlp=load_nlp(); "
            "texts=[json.loads(l)['text'] for l in open(sys.argv[1])]; t=time.perf_counter(); "
            "[d for d in nlp.pipe(texts, batch_size=16)]; print(time.perf_counter()-t)")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, cwd=ROOT, check=True)
    return time.perf_counter() - started  # the whole process, model loading included, as for the ingest runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1000")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sg-ingest-"))
    print("| articles | words | bare spaCy s | 1 worker s | 2 workers s | articles/s (2 w) | words/s (2 w) "
          "| vs spaCy | 2 w / 1 w | peak RSS MB | store MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for scale in (int(s) for s in args.scales.split(",")):
        corpus = folder / f"corpus-{scale}.jsonl"
        words = 0
        with corpus.open("w") as out:
            for article in articles(scale, seed=scale):
                words += len(article["text"].split())
                out.write(json.dumps(article) + "\n")
        spacy_s = bare_spacy(corpus)
        one, _ = run_ingest(corpus, 1, folder)
        two, size = run_ingest(corpus, 2, folder)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"| {scale:,} | {words:,} | {spacy_s:.1f} | {one:.1f} | {two:.1f} | {scale / two:.1f} | {words / two:,.0f} "
              f"| {spacy_s / two:.2f}x | {one / two:.2f}x | {peak:.0f} | {size / 1e6:.1f} |")


if __name__ == "__main__":
    main()
