import pytest

from stancegraph.errors import QueryError, StoreError
from stancegraph.graph import open_store
from stancegraph.ontology.namespace import article_graph_iri
from stancegraph.queries import stances_on

STANCES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/stancegraph/ns#StanceStatement> } }"


def quads(store):
    return sorted(str(q) for q in store.quads())


def test_reingest_changes_nothing(memory_store, seed_extraction):
    memory_store.write([seed_extraction])
    before = quads(memory_store)
    memory_store.write([seed_extraction])
    assert quads(memory_store) == before
    assert memory_store.query(STANCES).rows == [(len(seed_extraction.stances),)]


def test_delete_removes_exactly_one_articles_facts(memory_store, fixture_extractions):
    first, second = fixture_extractions
    shared = {a.id for a in first.actors} & {a.id for a in second.actors}
    assert shared, "the fixture articles must share an actor"
    memory_store.write([second])
    only_second = quads(memory_store)
    memory_store.write([first])
    assert memory_store.delete_article(first.article.id)
    assert quads(memory_store) == only_second
    assert not memory_store.delete_article(first.article.id)


def test_facts_live_in_the_articles_graph(memory_store, seed_extraction):
    memory_store.write([seed_extraction])
    graph = article_graph_iri(seed_extraction.article.id)
    rows = memory_store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows
    assert rows[0][0] > 50


def test_on_disk_store_persists(disk_url, seed_extraction):
    store = open_store(disk_url)
    store.write([seed_extraction])
    store.close()
    again = open_store(disk_url, read_only=True)
    assert {s.actor for s in stances_on(again)} >= {"Anders Fogh Rasmussen", "Germany", "Ukraine"}
    again.close()


def test_malformed_query_leaves_the_store_untouched(memory_store, seed_extraction):
    memory_store.write([seed_extraction])
    before = quads(memory_store)
    with pytest.raises(QueryError, match="malformed SPARQL"):
        memory_store.query("SELECT ?s WHERE { ?s ?p }")
    assert quads(memory_store) == before


def test_parameters_are_bound_never_pasted(memory_store, seed_extraction):
    memory_store.write([seed_extraction])
    before = quads(memory_store)
    hostile = 'x" } ; DROP ALL ; SELECT * WHERE { "'
    result = memory_store.query("SELECT ?n WHERE { ?a <https://w3id.org/stancegraph/ns#name> ?n }", {"n": hostile})
    assert result.rows == []
    assert quads(memory_store) == before


def test_locked_store_is_a_clear_error(disk_url):
    first = open_store(disk_url)
    try:
        with pytest.raises(StoreError, match="another process is writing to this store"):
            open_store(disk_url)
    finally:
        first.close()


def test_unwritable_store_path_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(f"oxigraph:{blocker / 'store'}")
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store("oxigraph:/proc/stancegraph-store")  # a read-only file system, even for root


def test_missing_store_opened_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_store(f"oxigraph:{tmp_path / 'none'}", read_only=True)


def test_unknown_store_kind():
    with pytest.raises(StoreError, match="unknown store kind"):
        open_store("mongodb://localhost")
