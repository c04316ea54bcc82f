"""The sparql+http:// store against a real Oxigraph server process."""

import pytest

from stancegraph.errors import QueryError, StoreError
from stancegraph.graph import open_store
from stancegraph.queries import stances_on

pytestmark = pytest.mark.server

NAMES = "SELECT ?name WHERE { GRAPH ?g { ?a <https://w3id.org/stancegraph/ns#name> ?name } } ORDER BY ?name"


def test_same_answers_as_the_embedded_store(oxigraph_server, memory_store, seed_extraction, fixture_extractions):
    remote = open_store(oxigraph_server)
    for store in (remote, memory_store):
        store.write([seed_extraction, *fixture_extractions])
    assert remote.query(NAMES).rows == memory_store.query(NAMES).rows
    assert stances_on(remote) == stances_on(memory_store)
    assert sorted(map(str, remote.quads())) == sorted(map(str, memory_store.quads()))


def test_reingest_and_delete_over_http(oxigraph_server, seed_extraction, fixture_extractions):
    remote = open_store(oxigraph_server)
    remote.write([fixture_extractions[1]])
    only_second = sorted(map(str, remote.quads()))
    remote.write([seed_extraction, fixture_extractions[0]])
    remote.write([seed_extraction])
    assert remote.delete_article(seed_extraction.article.id)
    assert remote.delete_article(fixture_extractions[0].article.id)
    assert sorted(map(str, remote.quads())) == only_second


def test_malformed_query_over_http(oxigraph_server, seed_extraction):
    remote = open_store(oxigraph_server)
    remote.write([seed_extraction])
    before = sorted(map(str, remote.quads()))
    with pytest.raises(QueryError, match="query refused"):
        remote.query("SELECT ?s WHERE { ?s ?p }")
    assert sorted(map(str, remote.quads())) == before


def test_server_that_is_down_fails_fast():
    import time

    started = time.monotonic()
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        open_store("sparql+http://127.0.0.1:9/query")
    assert time.monotonic() - started < 5
