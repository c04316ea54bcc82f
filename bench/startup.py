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


def wall_ms(commands: list[tuple[list[str], dict[str, str]]], runs: int) -> list[float]:
    """Median milliseconds of each command over `runs` rounds, after one warm-up; the commands
    take turns within a round, so that drift in the machine's speed hits them alike."""
    times: list[list[float]] = [[] for _ in commands]
    for round_number in range(runs + 1):
        for i, (command, env) in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True)
            if round_number:
                times[i].append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


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
        commands = [([sys.executable, "-c", "pass"], env), (question, env)]
        if args.before:
            commands.append((question, dict(os.environ, PYTHONPATH=args.before)))
        bare, now, *before = wall_ms(commands, args.runs)
        print(f"python -c pass:        {bare:7.0f} ms")
        print(f"stancegraph stances:   {now:7.0f} ms  ({now / bare:.1f}× bare Python)")
        if before:
            print(f"  from {args.before}: {before[0]:7.0f} ms  (now {now / before[0]:.2f}× of before)")


if __name__ == "__main__":
    main()
