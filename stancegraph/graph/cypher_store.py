"""Property-graph stores over Cypher: Neo4j through the official driver, FalkorDB through its
client. The mapping, the write batches and the named questions are shared; a transport only
runs statements and knows its engine's index DDL."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from ..errors import QueryError, StoreError
from ..model import Extraction
from ..ontology import load_topics
from . import cypher_summaries as stored
from .base import QueryResult, latest_per_article, write_in_batches
from .cypher_mapping import ARTICLE_EXISTS, delete_steps, replace_batch
from .summaries import Key, Summary, readable, rebuild, settle, stored_observations, touched_keys, update

CONNECT_TIMEOUT = 5.0
INDEXED = (("Actor", "id"), ("Topic", "id"), ("Article", "id"), ("Stance", "id"), ("Stance", "article"),
           ("Summary", "id"), ("Summary", "topic"), ("Summary", "actor"), ("Summary", "object"))


class CypherTransport(Protocol):
    def run(self, query: str, params: Mapping[str, Any] | None = None) -> QueryResult: ...
    def run_read(self, query: str, params: Mapping[str, Any] | None = None) -> QueryResult: ...
    def run_all(self, steps: list[tuple[str, dict[str, Any]]]) -> None: ...
    def ensure_indexes(self) -> None: ...
    def close(self) -> None: ...


class CypherStore:
    language = "cypher"
    named_graphs = False
    exports_rdf = False

    def __init__(self, url: str, transport: CypherTransport, batch_size: int = 50):
        self.url = url
        self.transport = transport
        self.batch_size = batch_size
        self._indexed = False
        self._summaries_known = False

    def write(self, extractions: Iterable[Extraction]) -> int:
        """Each batch replaces its articles' facts: one transaction on Neo4j; on FalkorDB each
        statement is atomic and the batch is idempotent, so a retry completes it."""
        self._ensure_indexes()
        return write_in_batches(extractions, self.batch_size, self._write_and_settle)

    def _write_and_settle(self, batch: list[Extraction]) -> None:
        settle(self, self._write_batch(batch))  # other writers may share a server store

    def _write_batch(self, batch: list[Extraction]) -> set[Key]:
        self._ensure_summaries()
        unique = latest_per_article(batch)
        ids = [e.article.id for e in unique]
        existing = {row[0] for row in self.transport.run(stored.EXISTING_ARTICLES, {"ids": ids}).rows}
        changed = self._updated_summaries(unique, self._keys_of(sorted(existing)))
        forms = self._updated_forms(unique, sorted(existing))
        steps = [stored.mark(True), *replace_batch(unique, load_topics()), *stored.replace_steps(changed),
                 *stored.forms_step(forms), stored.mark(False)]
        self.transport.run_all(steps)
        return set(changed)

    def has_article(self, article_id: str) -> bool:
        found = self.transport.run(ARTICLE_EXISTS, {"id": article_id}).rows
        return bool(found and found[0][0])

    def delete_article(self, article_id: str) -> bool:
        if not self.has_article(article_id):
            return False
        self._ensure_indexes()
        self._ensure_summaries()
        changed = self._updated_summaries([], self._keys_of([article_id]))
        forms = self._updated_forms([], [article_id])
        self.transport.run_all([stored.mark(True), *delete_steps(article_id), *stored.replace_steps(changed),
                                *stored.forms_step(forms), stored.mark(False)])
        settle(self, changed)
        return True

    @property
    def has_summaries(self) -> bool:
        """Whether the summaries are complete: present, of this layout, and not left half
        written by a crashed batch."""
        if not self._summaries_known:
            rows = self.transport.run(stored.STATE).rows
            self._summaries_known = bool(rows) and rows[0][0] == stored.SUMMARY_VERSION and not rows[0][1]
        return self._summaries_known

    def rebuild_summaries(self, summaries: list[Summary] | None = None) -> int:
        """Summarise every statement again from scratch (or store `summaries`, made so by the
        caller); returns the number of summaries."""
        summaries = rebuild(self) if summaries is None else summaries
        rows = [stored.summary_row(s) for s in summaries]
        steps = [(stored.DELETE_ALL_SUMMARIES, {})]
        steps += [(stored.WRITE_SUMMARIES, {"rows": rows[i:i + 500]}) for i in range(0, len(rows), 500)]
        steps += stored.forms_step(stored.collect_forms(self.transport.run(stored.ALL_FORMS).rows))
        self.transport.run_all([*steps, stored.mark(False)])
        self._summaries_known = True
        return len(summaries)

    def _ensure_summaries(self) -> None:
        if not self.has_summaries:
            self.rebuild_summaries()

    def read_summaries(self, keys: Iterable[Key]) -> dict[Key, Summary | object]:
        """The stored summaries of these keys (CONFLICTING where two nodes carry one key)."""
        ids = [stored.summary_id(k) for k in keys]
        return stored.summaries_from_rows(self.transport.run(stored.READ_SUMMARIES, {"ids": ids}).rows) if ids else {}

    def replace_summaries(self, changed: dict[Key, Summary | None]) -> None:
        """Every node of these keys goes (two, after a race) before one is written again."""
        if changed:
            rows = [stored.summary_row(s) for s in changed.values() if s is not None]
            steps = [(stored.DELETE_SUMMARIES, {"ids": [stored.summary_id(k) for k in changed]})]
            self.transport.run_all(steps + ([(stored.WRITE_SUMMARIES, {"rows": rows})] if rows else []))

    def summary_count(self) -> int:
        return int(self.transport.run(stored.COUNT_SUMMARIES).rows[0][0])

    def _updated_forms(self, extractions: list[Extraction], replaced: list[str]) -> dict[str, set[str]]:
        """Each touched actor's surface forms: the stored set plus the batch's, or, for actors of
        replaced articles, gathered again from the other articles."""
        incoming: dict[str, set[str]] = {}
        for extraction in extractions:
            for actor in extraction.actors:
                incoming.setdefault(actor.id, set()).update(actor.mentions)
        stale = {row[0] for row in self.transport.run(stored.ARTICLE_ACTORS, {"ids": replaced}).rows} if replaced else set()
        forms = {actor: set() for actor in stale}
        if stale:
            rows = self.transport.run(stored.FORMS_ELSEWHERE, {"actors": sorted(stale), "ids": replaced}).rows
            stored.collect_forms(rows, forms)
        fresh = sorted(set(incoming) - stale)
        if fresh:
            stored.collect_forms(self.transport.run(stored.READ_FORMS, {"actors": fresh}).rows, forms)
        for actor, found in incoming.items():
            forms.setdefault(actor, set()).update(found)
        return forms

    def _keys_of(self, article_ids: list[str]) -> dict[str, set[Key]]:
        if not article_ids:
            return {}
        params = {"ids": article_ids}
        return stored.keys_by_article(self.transport.run(stored.STANCE_KEYS, params).rows,
                                      self.transport.run(stored.RELATION_KEYS, params).rows)

    def _updated_summaries(self, extractions: list[Extraction], replaced: dict[str, set[Key]]) -> dict[Key, Summary | None]:
        keys = touched_keys(extractions, replaced)
        if not keys:
            return {}
        rows = self.transport.run(stored.READ_SUMMARIES, {"ids": [stored.summary_id(k) for k in keys]}).rows
        current = readable(stored.summaries_from_rows(rows))
        return update(extractions, current, replaced,
                      lambda key: stored_observations(self, key))

    def query(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """A read-only query: the engine refuses one that writes (FalkorDB's GRAPH.RO_QUERY,
        a Neo4j read transaction)."""
        return self.transport.run_read(text, params or {})

    def execute(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """A query that may write."""
        return self.transport.run(text, params or {})

    def _ensure_indexes(self) -> None:
        if not self._indexed:
            self.transport.ensure_indexes()
            self._indexed = True

    def close(self) -> None:
        self.transport.close()


# ---- FalkorDB ------------------------------------------------------------------------------------

class FalkorTransport:
    def __init__(self, url: str, graph):
        self.url = url
        self.graph = graph

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        return self._result(self.graph.query, query, params)

    def run_read(self, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        return self._result(self.graph.ro_query, query, params)

    def _result(self, send, query: str, params: Mapping[str, Any] | None) -> QueryResult:
        try:
            result = send(query, dict(params or {}))
        except Exception as err:  # noqa: BLE001 - the client raises redis errors of many kinds
            raise _falkor_error(self.url, err) from None
        columns = tuple(h[1] if isinstance(h, (list, tuple)) else str(h) for h in (result.header or []))
        return QueryResult(columns, [tuple(row) for row in result.result_set or []])

    def run_all(self, steps: list[tuple[str, dict[str, Any]]]) -> None:
        for query, params in steps:
            self.run(query, params)

    def ensure_indexes(self) -> None:
        rows = self.run("CALL db.indexes() YIELD label, properties RETURN label, properties").rows
        existing = {(label, prop) for label, props in rows for prop in props}
        for label, prop in INDEXED:
            if (label, prop) not in existing:
                try:
                    self.graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
                except Exception as err:  # noqa: BLE001 - the client raises redis errors of many kinds
                    if not _harmless_ddl_error(str(err)):
                        raise StoreError(f"{self.url}: cannot index {label}.{prop}: {_first_line(err)}") from None

    def close(self) -> None:
        try:
            self.graph.client.close()
        except Exception:  # noqa: BLE001
            pass


def _falkor_error(url: str, err: Exception) -> Exception:
    message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    kind = type(err).__name__
    if kind in ("ConnectionError", "TimeoutError", "AuthenticationError") or "connect" in message.lower():
        return StoreError(f"{url}: cannot reach FalkorDB ({message})")
    return QueryError(f"{url}: Cypher query refused: {message}")


def open_falkordb(url: str, read_only: bool = False) -> CypherStore:
    from falkordb import FalkorDB

    parsed = urllib.parse.urlsplit(url)
    graph_name = parsed.path.strip("/") or "stancegraph"
    try:
        client = FalkorDB(host=parsed.hostname or "127.0.0.1", port=parsed.port or 6379,
                          username=parsed.username, password=parsed.password or os.environ.get("FALKORDB_PASSWORD"),
                          socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=120)
        client.connection.ping()
    except Exception as err:  # noqa: BLE001
        raise _falkor_error(url, err) from None
    return CypherStore(url, FalkorTransport(url, client.select_graph(graph_name)))


# ---- Neo4j ---------------------------------------------------------------------------------------

class Neo4jTransport:
    def __init__(self, url: str, driver, database: str | None):
        self.url = url
        self.driver = driver
        self.database = database

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        from neo4j.exceptions import CypherSyntaxError, ClientError, Neo4jError, ServiceUnavailable, AuthError

        try:
            records, _, keys = self.driver.execute_query(query, dict(params or {}), database_=self.database)
        except (ServiceUnavailable, AuthError, OSError) as err:
            raise StoreError(f"{self.url}: cannot reach Neo4j ({_first_line(err)})") from None
        except (CypherSyntaxError, ClientError, Neo4jError) as err:
            raise QueryError(f"{self.url}: Cypher query refused: {_first_line(err)}") from None
        return QueryResult(tuple(keys), [tuple(r.values()) for r in records])

    def run_read(self, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """In a read transaction, where Neo4j refuses any write."""
        from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

        def work(tx):
            result = tx.run(query, dict(params or {}))
            return tuple(result.keys()), [tuple(r.values()) for r in result]

        try:
            with self.driver.session(database=self.database) as session:
                keys, rows = session.execute_read(work)
        except (ServiceUnavailable, AuthError, OSError) as err:
            raise StoreError(f"{self.url}: cannot reach Neo4j ({_first_line(err)})") from None
        except Neo4jError as err:
            raise QueryError(f"{self.url}: Cypher query refused: {_first_line(err)}") from None
        return QueryResult(keys, rows)

    def run_all(self, steps: list[tuple[str, dict[str, Any]]]) -> None:
        """All steps in one write transaction: an article is replaced whole or not at all."""
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        def work(tx):
            for query, params in steps:
                tx.run(query, params).consume()

        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except (ServiceUnavailable, OSError) as err:
            raise StoreError(f"{self.url}: cannot reach Neo4j ({_first_line(err)})") from None
        except Neo4jError as err:
            raise QueryError(f"{self.url}: write refused: {_first_line(err)}") from None

    def ensure_indexes(self) -> None:
        """Neo4j's schema DDL; a Bolt server of another engine (FalkorDB's Bolt port) has its own
        index commands, not these, so it gets none. Any failure but 'already there' is an error."""
        if not self._is_neo4j():
            return
        for label, prop in INDEXED:
            unique = prop == "id"
            name = f"sg_{label.lower()}_{prop}"
            ddl = (f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE" if unique
                   else f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
            try:
                self.run(ddl)
            except QueryError as err:
                if not _harmless_ddl_error(str(err)):
                    raise StoreError(f"{self.url}: cannot create {name}: {err}") from None

    def _is_neo4j(self) -> bool:
        """Whether the Bolt server is Neo4j itself: its components procedure names the kernel
        (other engines imitate Neo4j's agent string, not this procedure)."""
        try:
            rows = self.run("CALL dbms.components() YIELD name RETURN name").rows
        except QueryError:
            return False
        return any(str(name).startswith("Neo4j") for (name,) in rows)

    def close(self) -> None:
        self.driver.close()


# An index or constraint already there (under this name, or an equivalent one under another)
_ALREADY_THERE = ("already exists", "equivalent", "already indexed")


def _harmless_ddl_error(message: str) -> bool:
    return any(marker in message.lower() for marker in _ALREADY_THERE)


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def open_neo4j(url: str, read_only: bool = False) -> CypherStore:
    import neo4j

    parsed = urllib.parse.urlsplit(url)
    user = urllib.parse.unquote(parsed.username or "") or os.environ.get("NEO4J_USERNAME")
    password = urllib.parse.unquote(parsed.password or "") or os.environ.get("NEO4J_PASSWORD")
    auth = (user or "neo4j", password or "") if user or password else None  # no credentials: no auth
    database = parsed.path.strip("/") or os.environ.get("NEO4J_DATABASE") or None
    address = f"{parsed.scheme}://{parsed.hostname}:{parsed.port or 7687}"
    try:
        driver = neo4j.GraphDatabase.driver(address, auth=auth, connection_timeout=CONNECT_TIMEOUT,
                                            connection_acquisition_timeout=CONNECT_TIMEOUT, max_transaction_retry_time=5)
        driver.verify_connectivity()
    except Exception as err:  # noqa: BLE001 - the driver raises many kinds for refused or failed logins
        raise StoreError(f"{_public(url)}: cannot reach Neo4j ({_first_line(err)})") from None
    small = os.environ.get("STANCEGRAPH_BOLT_SMALL_BATCHES") == "1"
    return CypherStore(_public(url), Neo4jTransport(_public(url), driver, database), batch_size=1 if small else 50)


def _public(url: str) -> str:
    """The URL without its password, for messages."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.password is None:
        return url
    netloc = f"{parsed.username}:***@{parsed.hostname}" + (f":{parsed.port}" if parsed.port else "")
    return urllib.parse.urlunsplit((parsed.scheme, netloc, parsed.path, parsed.query, parsed.fragment))
