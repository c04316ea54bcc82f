"""Several ingest processes writing into one server store at once end where a sequential run
ends: the same statements and the same summaries, whatever the interleaving."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stancegraph.api import opened
from stancegraph.graph.summaries import stale_summaries

WRITERS = 6
ARTICLES_PER_WRITER = 10
SAYINGS = [
    "Poland supports Ukraine's membership in NATO, the foreign minister said.",
    "Poland opposes an invitation for Ukraine at this summit, the foreign minister said.",
    "Hungary opposes Ukraine's membership in NATO, Viktor Orban said.",
]


def write_corpora(folder: Path) -> list[Path]:
    """Six corpora of ten articles, each with a Poland stance on a different day, so every
    writer touches the same summaries (first and last date, counts, latest polarity)."""
    corpora = []
    for writer in range(WRITERS):
        lines = []
        for i in range(ARTICLES_PER_WRITER):
            day = 1 + (writer * ARTICLES_PER_WRITER + i) % 28
            month = 1 + (writer * ARTICLES_PER_WRITER + i) // 28
            text = SAYINGS[(writer + i) % len(SAYINGS)] + f" (writer {writer}, article {i})"
            lines.append(json.dumps({"text": text, "date": f"2023-{month:02d}-{day:02d}",
                                     "title": f"W{writer} A{i}", "url": f"http://example.org/{writer}/{i}"}))
        path = folder / f"writer{writer}.jsonl"
        path.write_text("\n".join(lines) + "\n")
        corpora.append(path)
    return corpora


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stancegraph", *args], capture_output=True, text=True, timeout=600)


def concurrent_ingest(corpora: list[Path], url: str) -> None:
    processes = [subprocess.Popen([sys.executable, "-m", "stancegraph", "ingest", str(c), "--store", url,
                                   "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for c in corpora]
    for process in processes:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err


def answers(url: str) -> dict[str, object]:
    stances = cli("stances", "--store", url, "--format", "json")
    poland = cli("evidence", "poland", "ukraine_membership", "--store", url, "--format", "json")
    assert stances.returncode == 0 and poland.returncode == 0, stances.stderr + poland.stderr
    return {"stances": json.loads(stances.stdout), "evidence": len(json.loads(poland.stdout))}


def check_same_as_sequential(tmp_path: Path, url: str) -> None:
    corpora = write_corpora(tmp_path)
    concurrent_ingest(corpora, url)
    sequential = f"oxigraph:{tmp_path / 'sequential'}"
    for corpus in corpora:
        assert cli("ingest", str(corpus), "--store", sequential).returncode == 0
    assert answers(url) == answers(sequential)
    with opened(url) as store:
        assert stale_summaries(store) == []


@pytest.mark.server
@pytest.mark.slow
def test_six_writers_on_an_oxigraph_server(tmp_path, oxigraph_server):
    check_same_as_sequential(tmp_path, oxigraph_server)


@pytest.mark.server
@pytest.mark.slow
def test_six_writers_on_falkordb(tmp_path, falkordb_url):
    check_same_as_sequential(tmp_path, falkordb_url)
