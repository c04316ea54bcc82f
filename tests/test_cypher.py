"""The Cypher store on a real FalkorDB server: same answers as RDF, no duplicates, no injection."""

import json
import time
from pathlib import Path

import pytest

from stancegraph.graph import open_store
from stancegraph.loaders import load_article
from stancegraph.loaders.extract import extract
from stancegraph.model import Actor, Article, Evidence, Extraction, Stance
from stancegraph.queries import evidence, find_actor

from .test_questions import CORPUS, answers

pytestmark = pytest.mark.server

COUNT = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships"


@pytest.fixture(scope="module")
def corpus_extractions():
    return [extract(load_article(str(p))) for p in CORPUS]


def test_same_rows_as_the_embedded_store(falkordb_url, corpus_extractions, seed_extraction):
    falkor, oxigraph = open_store(falkordb_url), open_store("memory:")
    for store in (falkor, oxigraph):
        store.write([*corpus_extractions, seed_extraction])
    assert answers(falkor) == answers(oxigraph)
    falkor.close()


def test_reingest_creates_no_duplicates(falkordb_url, corpus_extractions, seed_extraction):
    store = open_store(falkordb_url)
    store.write([*corpus_extractions, seed_extraction])
    before = store.query(COUNT).rows
    store.write([seed_extraction])
    store.write(corpus_extractions)
    assert store.query(COUNT).rows == before


def test_delete_removes_exactly_one_article(falkordb_url, corpus_extractions):
    store = open_store(falkordb_url)
    store.write(corpus_extractions[1:])
    only_rest = store.query(COUNT).rows
    store.write(corpus_extractions[:1])
    assert store.delete_article(corpus_extractions[0].article.id)
    assert store.query(COUNT).rows == only_rest
    assert not store.delete_article(corpus_extractions[0].article.id)


HOSTILE = "Evil'}) DETACH DELETE n // `drop` \"x\""


def _hostile_extraction() -> Extraction:
    text = f"{HOSTILE} supports an invitation for Ukraine."
    actor = Actor("sg:evil", HOSTILE, "Person", None, (HOSTILE,))
    stance = Stance("sg:evil", "invitation_or_clear_path", "support", "self", "sg:evil",
                    Evidence(text, 0, len(text)), 0.9, date="2024-01-01", rule="test")
    return Extraction(Article(text, title=HOSTILE, published="2024-01-01"), (actor,), (), (stance,))


def test_injection_is_stored_verbatim_and_harms_nothing(falkordb_url, corpus_extractions, run):
    store = open_store(falkordb_url)
    store.write(corpus_extractions)
    before = store.query(COUNT).rows[0]
    store.write([_hostile_extraction()])
    after = store.query(COUNT).rows[0]
    assert after[0] > before[0]  # nothing was deleted, the new nodes were added
    assert find_actor(store, HOSTILE).name == HOSTILE
    [record] = evidence(store, "sg:evil", "invitation_or_clear_path")
    assert record.evidence.startswith(HOSTILE) and record.title == HOSTILE
    result = run("cypher", "MATCH (a:Actor) WHERE a.name = $name RETURN a.name AS name", "--param", f"name={HOSTILE}",
                 "--store", falkordb_url, "--format", "json")
    assert json.loads(result.stdout) == [{"name": HOSTILE}]
    assert store.query(COUNT).rows[0] == after


def test_cli_on_falkordb(run, falkordb_url, seed_path):
    assert run("ingest", seed_path, "--published", "2023-06-07", "--store", falkordb_url).exit_code == 0
    table = run("stances", "invitation", "--store", falkordb_url)
    assert "Germany" in table.stdout and "mixed" in table.stdout
    bad = run("cypher", "MATCH (n RETURN n", "--store", falkordb_url)
    assert bad.exit_code == 1 and "Cypher query refused" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("url", ["falkordb://127.0.0.1:9/g", "bolt://127.0.0.1:9", "neo4j://127.0.0.1:9"])
def test_a_store_that_is_down_fails_fast_in_one_line(run, url):
    started = time.monotonic()
    result = run("stances", "--store", url)
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {url}: cannot reach")


def test_sparql_on_a_cypher_store_is_refused(run, falkordb_url):
    result = run("sparql", "SELECT * WHERE { ?s ?p ?o }", "--store", falkordb_url)
    assert result.exit_code == 1 and "speaks cypher" in result.stderr


def test_neo4j_driver_transport_over_bolt():
    """The official driver against a real Bolt server: FalkorDB's Bolt port, in a private
    network namespace because it binds every interface."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed to isolate FalkorDB's Bolt port")
    probe = Path(__file__).with_name("bolt_probe.py")
    done = subprocess.run(["unshare", "-n", sys.executable, str(probe)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "same_answers": True, "reingest_unchanged": True, "deleted": True}


def test_raw_cypher_may_not_write_unless_asked(run, falkordb_url, seed_path):
    assert run("ingest", seed_path, "--published", "2023-06-07", "--store", falkordb_url).exit_code == 0
    refused = run("cypher", "CREATE (n:Intruder {name: 'x'}) RETURN n.name AS name", "--store", falkordb_url)
    assert refused.exit_code == 1 and len(refused.stderr.strip().splitlines()) == 1
    count = "MATCH (n:Intruder) RETURN count(n) AS n"
    assert json.loads(run("cypher", count, "--store", falkordb_url, "--format", "json").stdout) == [{"n": 0}]
    allowed = run("cypher", "CREATE (n:Intruder {name: 'x'}) RETURN n.name AS name", "--write", "--store", falkordb_url)
    assert allowed.exit_code == 0
    assert json.loads(run("cypher", count, "--store", falkordb_url, "--format", "json").stdout) == [{"n": 1}]


@pytest.mark.parametrize("name", ["stance_statements", "stance_summaries", "relation_statements", "actors", "articles"])
def test_the_named_cypher_files_run_from_the_cli_with_missing_parameters_as_null(run, falkordb_url, seed_path, name):
    import stancegraph.queries

    assert run("ingest", seed_path, "--published", "2023-06-07", "--store", falkordb_url).exit_code == 0
    path = Path(stancegraph.queries.__file__).with_name(f"{name}.cypher")
    result = run("cypher", f"@{path}", "--store", falkordb_url, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout), f"{name}.cypher answered nothing"
