"""Beyond one process: extraction files loaded into several stores, extraction on a real Dask
cluster (a scheduler and two workers on 127.0.0.1, one of them killed mid-run), and bulk-load
files for neo4j-admin and for Oxigraph's loader with the summaries rebuilt afterwards."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.extract import one_paragraph

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data"


def cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stancegraph", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def nquads(url: str) -> list[str]:
    result = cli("export", "--format", "nquads", "--store", url)
    assert result.returncode == 0, result.stderr
    return sorted(result.stdout.splitlines())


def stances(url: str) -> list[dict]:
    result = cli("stances", "--format", "json", "--store", url)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> str:
    url = f"oxigraph:{tmp_path_factory.mktemp('local') / 'store'}"
    assert cli("ingest", str(CORPUS), "--store", url).returncode == 0
    return url


# ---- extraction files ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def extraction_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("extractions") / "corpus.jsonl"
    result = cli("extract", str(CORPUS), "-o", str(path), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert "skipped: " in result.stderr  # the corpus's two bad JSON Lines records are reported
    return path


def test_an_extraction_file_holds_one_record_per_article(extraction_file):
    records = [json.loads(line) for line in extraction_file.read_text().splitlines()]
    assert len(records) == 20
    assert all(r["format"] == "stancegraph-extraction/1" and r["content_hash"].startswith("sha256:") for r in records)
    assert all({"article", "actors", "relations", "stances"} <= set(r) for r in records)


def test_extract_then_load_equals_ingest_on_the_embedded_store(extraction_file, local, tmp_path):
    url = f"oxigraph:{tmp_path / 'loaded'}"
    result = cli("load", str(extraction_file), "--store", url)
    assert result.returncode == 0 and "loaded 20 article(s)" in result.stderr
    assert nquads(url) == nquads(local)


@pytest.mark.server
def test_extract_then_load_equals_ingest_on_falkordb(extraction_file, local, falkordb_url):
    assert cli("load", str(extraction_file), "--store", falkordb_url).returncode == 0
    assert stances(falkordb_url) == stances(local)
    again = cli("load", str(extraction_file), "--store", falkordb_url, "--resume")
    assert "20 already stored" in again.stderr


def test_a_bad_record_is_reported_and_the_rest_load(extraction_file, tmp_path):
    broken = tmp_path / "broken.jsonl"
    lines = extraction_file.read_text().splitlines()
    broken.write_text("\n".join([lines[0], "{not json", '{"format": "other"}', *lines[1:3]]) + "\n")
    result = cli("load", str(broken), "--store", f"oxigraph:{tmp_path / 'store'}")
    assert result.returncode == 0 and "loaded 3 article(s)" in result.stderr
    assert f"{broken}:2: not an extraction record" in result.stderr and f"{broken}:3:" in result.stderr


# ---- a real Dask cluster ---------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _dask(*args: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=subprocess.DEVNULL,
                            stderr=log.open("w"), cwd=ROOT, start_new_session=True)


@pytest.fixture()
def cluster(tmp_path):
    """`dask scheduler` and two `dask worker` processes (one thread each, no nanny, so that a
    killed worker stays dead) on loopback; yields the address and the worker processes."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _dask("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard",
                      log=tmp_path / "scheduler.log")
    workers = [_dask("worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", f"w{i}",
                     log=tmp_path / f"worker{i}.log") for i in range(2)]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if all("Registered to" in (tmp_path / f"worker{i}.log").read_text() for i in range(2)):
            break
        time.sleep(0.2)
    else:
        pytest.fail("the Dask workers did not register: " + (tmp_path / "worker0.log").read_text()[-500:])
    yield address, workers
    for process in [*workers, scheduler]:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.mark.slow
def test_ingest_on_a_dask_cluster_stores_what_a_local_ingest_does(cluster, local, tmp_path):
    address, _ = cluster
    url = f"oxigraph:{tmp_path / 'store'}"
    result = cli("ingest", str(CORPUS), "--store", url, "--cluster", address)
    assert result.returncode == 0, result.stderr
    assert "ingested 20 article(s)" in result.stderr
    assert nquads(url) == nquads(local)


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_no_article_and_resume_completes(cluster, tmp_path):
    address, workers = cluster
    corpus = tmp_path / "corpus.jsonl"
    rng = random.Random(5)
    corpus.write_text("".join(json.dumps({"text": one_paragraph(rng.randint(4000, 8000), seed=i),
                                          "date": "2024-01-01", "title": f"Article {i}"}) + "\n" for i in range(60)))
    url = f"oxigraph:{tmp_path / 'store'}"
    run = subprocess.Popen([sys.executable, "-m", "stancegraph", "ingest", str(corpus), "--store", url,
                            "--cluster", address], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    time.sleep(6)
    os.killpg(workers[0].pid, signal.SIGKILL)  # mid-run: the corpus takes the two workers ~15 s
    _, err = run.communicate(timeout=600)
    stored = int(err.split("ingested ")[1].split(" ")[0])
    skipped = err.count("skipped: ")
    assert stored + skipped == 60, err  # every article stored, or reported (retried once, then given up)
    resumed = cli("ingest", str(corpus), "--store", url, "--cluster", address, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    local = f"oxigraph:{tmp_path / 'local'}"
    assert cli("ingest", str(corpus), "--store", local).returncode == 0
    assert nquads(url) == nquads(local)


def test_a_cluster_that_is_not_there_is_one_line(tmp_path):
    result = cli("ingest", str(CORPUS / "poland-2023.txt"), "--store", f"oxigraph:{tmp_path / 's'}",
                 "--cluster", f"tcp://127.0.0.1:{_free_port()}", timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "cannot reach the Dask scheduler" in result.stderr


# ---- bulk loading ----------------------------------------------------------------------------

def test_the_neo4j_import_files_read_back_as_the_import_tool_reads_them(local, tmp_path):
    folder = tmp_path / "neo4j"
    assert cli("export", "--format", "neo4j-csv", "-o", str(folder), "--store", local).returncode == 0
    ids: dict[str, set[str]] = {}
    relationships = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            rows = list(reader)
        assert all(len(row) == len(header) for row in rows), path.name
        for column in header:  # name[:type] or a special field; id spaces in parentheses
            name, _, kind = column.partition(":")
            assert kind in ("", "int", "float", "boolean", "string[]", "LABEL", "TYPE") or \
                kind.split("(")[0] in ("ID", "START_ID", "END_ID"), (path.name, column)
        if path.name.startswith("nodes_"):
            [id_column] = [c for c in header if ":ID(" in c]
            space = id_column.split("(")[1].rstrip(")")
            values = [row[header.index(id_column)] for row in rows]
            assert len(values) == len(set(values)), f"duplicate ids in {path.name}"
            ids.setdefault(space, set()).update(values)
        else:
            relationships.append((path.name, header, rows))
    assert {"Actor", "Article", "Stance", "Topic"} <= set(ids)
    for name, header, rows in relationships:
        start, end = (next(c for c in header if c.startswith(f":{side}_ID(")) for side in ("START", "END"))
        start_space, end_space = (c.split("(")[1].rstrip(")") for c in (start, end))
        for row in rows:
            assert row[header.index(start)] in ids[start_space], (name, row)
            assert row[header.index(end)] in ids[end_space], (name, row)
    command = (folder / "import-command.txt").read_text()
    assert "neo4j-admin database import full" in command and "--nodes=nodes_actors.csv" in command


def test_nquads_bulk_loaded_by_oxigraph_answer_the_same_after_summarise(local, tmp_path):
    import shutil

    dump = tmp_path / "graph.nq"
    dump.write_text("\n".join(nquads(local)) + "\n")
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    location = tmp_path / "bulk"
    loaded = subprocess.run([oxigraph, "load", "--location", str(location), "--file", str(dump)],
                            capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    url = f"oxigraph:{location}"
    before = cli("summarise", "--check", "--store", url)
    assert before.returncode == 1  # the bulk loader bypassed the summaries
    assert cli("summarise", "--store", url).returncode == 0
    assert cli("summarise", "--check", "--store", url).returncode == 0
    assert stances(url) == stances(local)
