"""Start-up of a question: wall time of `stancegraph stances` on a small store, against bare
`python -c pass` on the same machine in the same run. With --before PATH (a checkout of an
earlier commit) the same command runs from that checkout too, for a before/after ratio.

    python bench/startup.py [--runs 15] [--before /tmp/before]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests/data/corpus"


def wall_ms(command: list[str], env: dict[str, str], runs: int) -> float:
    """Median milliseconds of a command over `runs` runs, after one warm-up."""
    subprocess.run(command, env=env, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", help="a checkout of an earlier commit to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = f"oxigraph:{folder}/store"
        subprocess.run([sys.executable, "-m", "stancegraph", "ingest", str(CORPUS), "--store", store, "--workers", "1"],
                       capture_output=True, check=True)
        question = [sys.executable, "-m", "stancegraph", "stances", "invitation", "--store", store]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        bare = wall_ms([sys.executable, "-c", "pass"], env, args.runs)
        now = wall_ms(question, env, args.runs)
        print(f"python -c pass:        {bare:7.0f} ms")
        print(f"stancegraph stances:   {now:7.0f} ms  ({now / bare:.1f}× bare Python)")
        if args.before:
            before = wall_ms(question, dict(os.environ, PYTHONPATH=args.before), args.runs)
            print(f"  from {args.before}: {before:7.0f} ms  (now {now / before:.2f}× of before)")


if __name__ == "__main__":
    main()
