"""Summaries kept at write time must always equal summarising the statements as stored: after
new articles, rewritten articles, deleted ones, on every store kind, and after a crash."""

from __future__ import annotations

import random

import pytest

from stancegraph.graph import open_store
from stancegraph.graph.summaries import Observation, merge, summarise
from stancegraph.model import Actor, Article, Evidence, Extraction, Relation, Stance
from stancegraph.queries import list_actors, relation_summaries, stances_on

STATES = [("wd:Q36", "Poland"), ("wd:Q183", "Germany"), ("wd:Q28", "Hungary"), ("wd:Q37", "Lithuania")]
PEOPLE = [("sg:person-a", "Anna Example"), ("sg:person-b", "Bruno Example")]
TOPICS = ["invitation_or_clear_path", "ukraine_membership", "security_guarantees_outside_nato"]


def random_extraction(rng: random.Random, number: int, version: int = 0) -> Extraction:
    """Small articles that share actors and topics, some on the same day, some undated."""
    day = rng.choice([None, "2023-07-11", "2023-07-11", "2024-01-05", f"2022-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])
    holders = rng.sample(STATES, rng.randint(0, 3))
    sentences = [f"{name} said something about it ({number}.{version}.{i})." for i, (_, name) in enumerate(holders)]
    text = " ".join(sentences) + " Filler text closes the story."
    article = Article(text, title=rng.choice([None, f"Story {number}"]), url=f"https://example.test/{number}",
                      outlet=rng.choice([None, "Wire"]), published=day)
    stances, cursor = [], 0
    for (ident, _), sentence in zip(holders, sentences):
        for _ in range(rng.randint(1, 2)):
            speaker = rng.choice([None, PEOPLE[0][0]])
            stances.append(Stance(ident, rng.choice(TOPICS), rng.choice(["support", "oppose", "mixed"]), "reported",
                                  speaker, Evidence(sentence, cursor, cursor + len(sentence)),
                                  rng.choice([0.6, 0.8, 0.8, 0.9]), date=day, rule="test"))
        cursor += len(sentence) + 1
    relations = []
    if rng.random() < 0.6:
        relations.append(Relation(PEOPLE[1][0], rng.choice(["advises", "leads"]), rng.choice(STATES)[0],
                                  Evidence("Filler text closes the story.", cursor, len(text)),
                                  rng.choice([0.7, 0.9]), day, "test"))
    named = {ident for ident, _ in holders} | {r.subject for r in relations} | {r.object for r in relations}
    forms = lambda name: (name, f"{name} {number}.{version}")  # noqa: E731 - forms that come and go
    actors = ([Actor(i, n, "State", mentions=forms(n)) for i, n in STATES if i in named]
              + [Actor(i, n, "Person", mentions=forms(n)) for i, n in PEOPLE])
    return Extraction(article, tuple(actors), tuple(relations), tuple(stances))


class StatementsOnly:
    """The same store, seen without its summaries: every question folds the statements."""
    has_summaries = False

    def __init__(self, store):
        self._store = store
        self.language = store.language

    def query(self, text, params=None):
        return self._store.query(text, params)


def assert_summaries_agree(store) -> None:
    assert store.has_summaries
    plain = StatementsOnly(store)
    assert stances_on(store) == stances_on(plain)
    assert relation_summaries(store) == relation_summaries(plain)
    assert list_actors(store) == list_actors(plain)
    for ident, _ in STATES:
        assert stances_on(store, actor_id=ident) == stances_on(plain, actor_id=ident)
        assert relation_summaries(store, object_id=ident) == relation_summaries(plain, object_id=ident)


def churn(store, seed: int) -> None:
    """New articles in batches, rewrites of some, deletions of others, checking as it goes."""
    rng = random.Random(seed)
    store.write([random_extraction(rng, n) for n in range(12)])
    assert_summaries_agree(store)
    store.write([random_extraction(rng, n, version=1) for n in rng.sample(range(12), 5)]
                + [random_extraction(rng, n) for n in range(12, 16)])
    assert_summaries_agree(store)
    for n in rng.sample(range(16), 6):
        store.delete_article(f"https://example.test/{n}")
    assert_summaries_agree(store)
    store.write([random_extraction(rng, 3, version=2), random_extraction(rng, 3, version=3)])  # one article twice
    assert_summaries_agree(store)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_embedded_store_summaries_follow_writes_rewrites_and_deletes(seed):
    store = open_store("memory:")
    churn(store, seed)
    assert stances_on(store), "the churn must leave something to compare"


def test_falkordb_summaries_follow_writes_rewrites_and_deletes(falkordb_url):
    store = open_store(falkordb_url)
    churn(store, 4)
    store.close()


def test_sparql_server_summaries_follow_writes(oxigraph_server):
    store = open_store(oxigraph_server)
    churn(store, 5)


def test_a_store_without_summaries_gets_them_on_its_next_write(tmp_path):
    """Stores written before summaries existed: reads fold statements, the next write rebuilds."""
    url = f"oxigraph:{tmp_path / 'store'}"
    store = open_store(url)
    rng = random.Random(7)
    store.write([random_extraction(rng, n) for n in range(8)])
    expected = stances_on(store)
    store.transport.update("DROP GRAPH <https://w3id.org/stancegraph/graph/summaries>")
    store.close()
    old = open_store(url)
    assert not old.has_summaries
    assert stances_on(old) == expected  # still right, from the statements
    old.write([random_extraction(rng, 20)])
    assert_summaries_agree(old)


def test_a_crashed_falkordb_batch_is_repaired_before_the_next_write(falkordb_url):
    """FalkorDB runs a batch statement by statement: a batch killed after its articles but
    before its summaries leaves the dirty mark, and the next writer rebuilds."""
    from stancegraph.graph import cypher_summaries as stored

    store = open_store(falkordb_url)
    rng = random.Random(8)
    store.write([random_extraction(rng, n) for n in range(6)])
    real = store.transport.run_all

    def killed_before_summaries(steps):
        real([s for s in steps if s[0] not in (stored.WRITE_SUMMARIES, stored.DELETE_SUMMARIES)][:-1])
        raise KeyboardInterrupt

    store.transport.run_all = killed_before_summaries
    with pytest.raises(KeyboardInterrupt):
        store.write([random_extraction(rng, n) for n in range(6, 9)])
    store.close()
    reopened = open_store(falkordb_url)
    assert not reopened.has_summaries
    reopened.write([random_extraction(rng, 30)])
    assert_summaries_agree(reopened)


def observation(key, polarity, day, article, start, confidence=0.8):
    return Observation(key, polarity, day, article, start, confidence, f"{article}:{start}", None, None)


def test_merging_in_any_order_equals_summarising_everything():
    rng = random.Random(11)
    key = ("stance", "wd:Q36", "ukraine_membership")
    for _ in range(200):
        found = [observation(key, rng.choice(["support", "oppose", "mixed"]), rng.choice([None, "2023-01-01", "2024-02-02"]),
                             f"a{rng.randint(0, 6)}", rng.randint(0, 50), rng.choice([0.6, 0.9])) for _ in range(rng.randint(1, 12))]
        articles = sorted({o.article_id for o in found})
        rng.shuffle(articles)
        folded = None
        for article in articles:
            folded = merge(folded, summarise(o for o in found if o.article_id == article))
        assert folded == summarise(found)


def test_the_latest_article_decides_and_differing_statements_in_it_are_mixed():
    key = ("stance", "wd:Q36", "ukraine_membership")
    summary = summarise([observation(key, "oppose", "2022-01-01", "old", 0),
                         observation(key, "support", "2024-01-01", "new", 0),
                         observation(key, "oppose", "2024-01-01", "new", 40, 0.9)])
    assert (summary.polarity, summary.statements, summary.first_date, summary.last_date) == ("mixed", 3, "2022-01-01", "2024-01-01")
    assert summary.article_id == "new"
