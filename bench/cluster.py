"""`bench/ingest.py --cluster`: one local ingest process against a Dask cluster of two local
workers, same articles, same run; and the memory of the client process at a larger scale
(the articles stream through a bounded window, so it should stay flat).

On a 2-core machine expect about parity: the point is that the cluster path works and costs
little, so that a newsroom's cluster of many machines is the only thing that changes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def local_cluster(folder: Path, workers: int = 2) -> tuple[str, list[subprocess.Popen]]:
    """A `dask scheduler` and `workers` one-thread `dask worker` processes on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"

    def start(*args: str, log: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=subprocess.DEVNULL,
                                stderr=(folder / log).open("w"), start_new_session=True)
    processes = [start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard", log="scheduler.log")]
    processes += [start("worker", address, "--nthreads", "1", "--no-dashboard", log=f"worker{i}.log")
                  for i in range(workers)]
    deadline = time.monotonic() + 60
    while not all("Registered to" in (folder / f"worker{i}.log").read_text() for i in range(workers)):
        if time.monotonic() > deadline:
            raise SystemExit("the Dask workers did not register")
        time.sleep(0.2)
    return address, processes


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def write_corpus(path: Path, count: int, articles) -> Path:
    with path.open("w") as out:
        for article in articles(count):
            out.write(json.dumps(article) + "\n")
    return path


def compare(folder: Path, count: int, memory_at: int, articles, run_ingest) -> None:
    corpus = write_corpus(folder / f"corpus-{count}.jsonl", count, articles)
    local = run_ingest(corpus, 2, f"oxigraph:{folder / 'local'}")
    address, processes = local_cluster(folder)
    try:
        clustered = run_ingest(corpus, 1, f"oxigraph:{folder / 'cluster'}", ["--cluster", address])
        print(f"{count:,} articles, one local ingest (2 worker processes): {local['seconds']:.1f} s "
              f"({count / local['seconds']:.1f} articles/s)")
        print(f"{count:,} articles, Dask cluster of 2 local workers:       {clustered['seconds']:.1f} s "
              f"({count / clustered['seconds']:.1f} articles/s)")
        print(f"ratio (local time / cluster time): {local['seconds'] / clustered['seconds']:.2f}x; "
              f"client peak memory {clustered['peak_rss_mb']:.0f} MB")
        if memory_at:
            big = write_corpus(folder / f"corpus-{memory_at}.jsonl", memory_at, articles)
            large = run_ingest(big, 1, f"oxigraph:{folder / 'cluster-large'}", ["--cluster", address])
            print(f"{memory_at:,} articles on the cluster: {large['seconds']:.1f} s, "
                  f"client peak memory {large['peak_rss_mb']:.0f} MB (RSS of the ingest process)")
    finally:
        stop(processes)
