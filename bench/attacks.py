"""Hostile input against the real command line: each attack, what the tool did, and whether
that is the outcome we promise. Prints a Markdown table (docs/attacks.md holds the last run).

    python bench/attacks.py [--seconds-budget 2]

Every attack runs `python -m stancegraph …` in a fresh temporary folder; nothing is mocked.
The concurrent-writer attacks live in tests/test_concurrent_writers.py (they need servers).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")
GOOD = "Poland supports Ukraine's membership in NATO, the foreign minister said."


@dataclass
class Outcome:
    attack: str
    promise: str
    observed: str
    kept: bool


def run(*args: str, stdin: bytes | None = None, limit_file: int | None = None, cwd: Path) -> subprocess.CompletedProcess:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file, limit_file))
    return subprocess.run([sys.executable, "-m", "stancegraph", *args], input=stdin, capture_output=True, cwd=cwd,
                          timeout=600, preexec_fn=limit if limit_file else None)


def first_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.decode(errors="replace").strip().splitlines()
    return lines[0][:110] if lines else ""


def stored(result: subprocess.CompletedProcess) -> int:
    match = re.search(rb"ingested (\d+) article", result.stderr)
    return int(match.group(1)) if match else -1


def one_line_error(result: subprocess.CompletedProcess) -> bool:
    return result.returncode != 0 and b"Traceback" not in result.stderr and result.stderr.count(b"\n") == 1


def jsonl_with(bad: str, folder: Path, count: int = 40) -> Path:
    lines = [json.dumps({"text": f"{GOOD} ({i})", "date": "2023-05-01", "title": f"T{i}"}) for i in range(count)]
    lines[5] = bad
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def hostile_store(folder: Path) -> str:
    article = folder / "hostile.txt"
    article.write_bytes(b"Date: 2023-05-01\nTitle: =HYPERLINK(\"http://x\") \x1b]0;owned\x07\x1b[2J\n\n"
                        + GOOD.encode() + b" \xc2\x9b31m\x1b[5m Blink.\n")
    url = f"oxigraph:{folder / 'hostile-store'}"
    run("ingest", str(article), "--store", url, "--outlet", "@SUM(1)\x07", cwd=folder)
    return url


def attacks(budget: float) -> list[tuple[str, str, Callable[[Path], tuple[str, bool]]]]:
    def surrogate(d: Path):
        r = run("ingest", str(jsonl_with('{"text": "x", "title": "\\ud800"}', d)), "--store", f"oxigraph:{d}/s", cwd=d)
        return f"exit {r.returncode}, {stored(r)} of 40 stored; {first_line(r)}", stored(r) == 39

    def deep(d: Path):
        r = run("ingest", str(jsonl_with("[" * 200_000 + "]" * 200_000, d)), "--store", f"oxigraph:{d}/s", cwd=d)
        return f"exit {r.returncode}, {stored(r)} of 40 stored; {first_line(r)}", stored(r) == 39

    def device(name: str):
        def attack(d: Path):
            path = name
            if name == "fifo":
                path = str(d / "fifo")
                os.mkfifo(path)
            r = run("ingest", path, "--store", f"oxigraph:{d}/s", cwd=d)
            return f"exit {r.returncode}; {first_line(r)}", r.returncode == 1 and "not a regular file" in first_line(r)
        return attack

    def big_file(d: Path):
        (d / "big.txt").write_text("Date: 2023-01-01\n\n" + (GOOD + " ") * 110_000)
        r = run("ingest", str(d / "big.txt"), "--store", f"oxigraph:{d}/s", cwd=d)
        return f"exit {r.returncode}; {first_line(r)}", "limit for one article" in first_line(r)

    def big_line(d: Path):
        r = run("ingest", str(jsonl_with(json.dumps({"text": (GOOD + " ") * 90_000}), d)), "--store",
                f"oxigraph:{d}/s", cwd=d)
        return f"exit {r.returncode}, {stored(r)} of 40 stored; {first_line(r)}", stored(r) == 39

    def endless_stdin(d: Path):
        r = run("ingest", "-", "--store", f"oxigraph:{d}/s", stdin=b"a" * 50_000_000, cwd=d)
        return f"exit {r.returncode}; {first_line(r)}", "more than the 5 MB limit" in first_line(r)

    def slow_article(d: Path):
        folder = d / "in"
        folder.mkdir()
        (folder / "a-huge.txt").write_text("Date: 2023-01-01\n\n" + " ".join([GOOD, "“Nothing is decided,” he said."] * 2500))
        for i in range(3):
            (folder / f"b{i}.txt").write_text(f"Date: 2023-01-01\n\n{GOOD} ({i})")
        r = run("ingest", str(folder), "--store", f"oxigraph:{d}/s", "--max-article-seconds", str(budget), cwd=d)
        return f"exit {r.returncode}, {stored(r)} of 4 stored; {first_line(r)}", stored(r) == 3 and "time limit" in first_line(r)

    def binary(d: Path):
        (d / "x.txt").write_bytes(b"\x00\x01\x02" * 100)
        r = run("ingest", str(d / "x.txt"), "--store", f"oxigraph:{d}/s", cwd=d)
        return f"exit {r.returncode}; {first_line(r)}", "binary" in first_line(r)

    def latin1(d: Path):
        (d / "x.txt").write_bytes(b"Caf\xe9 " + GOOD.encode())
        r = run("ingest", str(d / "x.txt"), "--store", f"oxigraph:{d}/s", cwd=d)
        return f"exit {r.returncode}; {first_line(r)}", "byte 0xe9" in first_line(r)

    def terminal(fmt: str):
        def attack(d: Path):
            url = hostile_store(d)
            r = run("evidence", "poland", "ukraine_membership", "--format", fmt, "--store", url, cwd=d)
            clean = not CONTROL.search(r.stdout) and not CONTROL.search(r.stderr)
            return f"exit {r.returncode}; control bytes in output: {'none' if clean else 'FOUND'}", clean and r.returncode == 0
        return attack

    def formula(d: Path):
        url = hostile_store(d)
        r = run("evidence", "poland", "ukraine_membership", "--format", "csv", "--store", url, cwd=d)
        text = r.stdout.decode()
        return "cells read `'=HYPERLINK…` and `'@SUM(1)`", "'=HYPERLINK" in text and "'@SUM(1)" in text

    def xml(fmt: str):
        def attack(d: Path):
            import xml.etree.ElementTree as ElementTree

            url = hostile_store(d)
            r = run("export", "--format", fmt, "--store", url, cwd=d)
            try:
                ElementTree.fromstring(r.stdout)
                return f"exit {r.returncode}; parses with ElementTree", True
            except ElementTree.ParseError as err:
                return f"exit {r.returncode}; does not parse: {err}", False
        return attack

    def full_disk(d: Path):
        url = hostile_store(d)
        out = d / "out"
        out.mkdir()
        r = run("export", "--format", "turtle", "-o", str(out / "g.ttl"), "--store", url, limit_file=2_000, cwd=d)
        left = [p.name for p in out.iterdir()]
        return f"exit {r.returncode}; files left: {left or 'none'}; {first_line(r)}", one_line_error(r) and not left

    def junk_store(d: Path):
        (d / "junk").mkdir()
        (d / "junk" / "x").write_text("not a store")
        r = run("stances", "--store", f"oxigraph:{d}/junk", cwd=d)
        return f"exit {r.returncode}; {first_line(r)}", one_line_error(r)

    def report_path(d: Path):
        (d / "a.txt").write_text(GOOD)
        r = run("ingest", str(d / "a.txt"), "--store", f"oxigraph:{d}/s", "--report", str(d / "no" / "r.jsonl"), cwd=d)
        return f"exit {r.returncode}; {r.stderr.decode().strip().splitlines()[-1][:100]}", b"Traceback" not in r.stderr

    def injection(d: Path):
        url = hostile_store(d)
        r = run("sparql", "SELECT ?n WHERE { ?a sg:name ?n }", "--param", 'n=x" } UNION { ?a ?p ?n', "--format",
                "json", "--store", url, cwd=d)
        return f"exit {r.returncode}; rows: {r.stdout.decode().strip()}", r.stdout.strip() == b"[]"

    def heavy_query(d: Path):
        url = hostile_store(d)
        r = run("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?e ?s ?w }",
                "--timeout", "2", "--store", url, cwd=d)
        return f"exit {r.returncode}; {first_line(r)}", "given up" in first_line(r)

    def workers(d: Path):
        (d / "a.txt").write_text(GOOD)
        r = run("ingest", str(d / "a.txt"), "--store", f"oxigraph:{d}/s", "--workers", "200", cwd=d)
        return first_line(r), "lowered to" in first_line(r)

    return [
        ("JSON Lines record with a lone surrogate (`\"\\ud800\"`)", "that record reported, the other 39 stored", surrogate),
        ("JSON Lines record nested 200,000 levels deep", "that record reported, the other 39 stored", deep),
        ("`ingest /dev/zero`", "refused unread, one line", device("/dev/zero")),
        ("`ingest` of a FIFO", "refused without blocking, one line", device("fifo")),
        ("an 8 MB text file", "refused by size (`--max-article-size`)", big_file),
        ("a 6.5 MB JSON Lines record among 39 others", "that record refused unread, 39 stored", big_line),
        ("50 MB on stdin", "read no further than the limit, refused", endless_stdin),
        (f"a 340 KB article with `--max-article-seconds {budget:g}` beside 3 small ones",
         "the big one skipped on time, 3 stored", slow_article),
        ("binary file (NUL bytes)", "skipped, named as binary", binary),
        ("Latin-1 file read as UTF-8", "skipped, the byte named, --encoding suggested", latin1),
        ("ESC/OSC/BEL/C1 in title, outlet, body → `evidence --format table`", "no control byte printed", terminal("table")),
        ("the same → `--format csv`", "no control byte printed", terminal("csv")),
        ("the same → `--format jsonl`", "no control byte printed", terminal("jsonl")),
        ("formula cells (`=HYPERLINK`, `@SUM`) → CSV", "neutralised with a leading apostrophe", formula),
        ("control characters → `export --format gexf`", "well-formed XML", xml("gexf")),
        ("control characters → `export --format graphml`", "well-formed XML", xml("graphml")),
        ("export into a file the kernel stops at 2 KB (as a full disk)", "one line, no file left", full_disk),
        ("a junk folder as `--store`", "one line, no traceback", junk_store),
        ("`--report` into a missing folder", "summary printed, one-line error", report_path),
        ("SPARQL injection through `--param`", "bound as a literal: no rows", injection),
        ("a four-way cartesian SPARQL query with `--timeout 2`", "given up after 2 s, one line", heavy_query),
        ("`--workers 200` on a 2-core machine", "lowered, with the reason", workers),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds-budget", type=float, default=1.0)
    args = parser.parse_args()
    outcomes = []
    for attack, promise, fn in attacks(args.seconds_budget):
        with tempfile.TemporaryDirectory() as folder:
            observed, kept = fn(Path(folder))
        outcomes.append(Outcome(attack, promise, observed.replace("|", "\\|").replace(folder, "…"), kept))
        print(f"{'kept' if kept else 'BROKEN'}: {attack}", file=sys.stderr, flush=True)
    print("| attack | promise | observed | kept |\n|---|---|---|---|")
    for o in outcomes:
        print(f"| {o.attack} | {o.promise} | {o.observed} | {'yes' if o.kept else '**no**'} |")
    print(f"\n{sum(o.kept for o in outcomes)} of {len(outcomes)} promises kept.")


if __name__ == "__main__":
    main()
