"""One RDF store over SPARQL 1.1, whatever carries the SPARQL: an embedded Oxigraph or HTTP."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from ..errors import QueryError
from ..model import Extraction
from ..ontology import load_topics
from ..ontology.namespace import PREFIXES, SG, SHARED_GRAPH, SUMMARY_GRAPH, article_graph_iri
from . import sparql_summaries as stored
from .base import QueryResult, latest_per_article, write_in_batches
from .rdf_mapping import article_quads, insert_data, shared_quads, topic_quads
from .summaries import Key, Summary, readable, rebuild, settle, stored_observations, touched_keys, update

XSD = PREFIXES["xsd"]
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Transport(Protocol):
    def select(self, query: str) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]: ...
    def ask(self, query: str) -> bool: ...
    def update(self, update: str) -> None: ...
    def close(self) -> None: ...


class SparqlStore:
    language = "sparql"
    named_graphs = True
    exports_rdf = True

    def __init__(self, url: str, transport: Transport, read_only: bool = False, batch_size: int = 32,
                 shared: bool = False):
        self.url = url
        self.shared = shared  # other processes may write at the same time (a server): settle summaries
        self.batch_size = batch_size
        self.transport = transport
        self.read_only = read_only
        self._topics_written = False
        self._summaries_known = False

    def write(self, extractions: Iterable[Extraction]) -> int:
        """Articles go in batches of `batch_size`: each batch drops and rewrites its articles'
        graphs in one update, together with the summaries they change, so a batch lands whole
        or not at all, and readers see it all or nothing of it."""
        self._ensure_summaries()
        return write_in_batches(extractions, self.batch_size, self._write_and_settle)

    def _write_and_settle(self, batch: list[Extraction]) -> None:
        touched = self._write_batch(batch)
        if self.shared:
            settle(self, touched)

    def _write_batch(self, batch: list[Extraction]) -> set[Key]:
        unique = latest_per_article(batch)
        graphs = {e.article.id: article_graph_iri(e.article.id) for e in unique}
        old = {article_id: self._article_contents(graph) for article_id, graph in graphs.items()}
        replaced = {article_id: stored.keys_from_rows(rows) for article_id, rows in old.items() if rows}
        changed = self._updated_summaries(unique, replaced)
        quads = [q for e in unique for q in (*article_quads(e), *shared_quads(e), *stored.form_quads(e))]
        if not self._topics_written:
            quads += list(topic_quads(load_topics()))
        drops = [f"DROP SILENT GRAPH <{graph}>" for graph in graphs.values()]
        old_actors = set().union(*map(stored.actors_from_rows, old.values()))
        steps = [*drops, insert_data(quads), stored.replace_summaries(changed), stored.recollect_forms(old_actors)]
        self.transport.update(" ;\n".join(filter(None, steps)))
        self._topics_written = True
        return set(changed)

    def has_article(self, article_id: str) -> bool:
        return self.transport.ask(f"ASK {{ GRAPH <{article_graph_iri(article_id)}> {{ ?s ?p ?o }} }}")

    def delete_article(self, article_id: str) -> bool:
        graph = article_graph_iri(article_id)
        if not self.has_article(article_id):
            return False
        self._ensure_summaries()
        old = self._article_contents(graph)
        changed = self._updated_summaries([], {article_id: stored.keys_from_rows(old)})
        steps = [f"DROP GRAPH <{graph}>", _DROP_ORPHAN_ACTORS, stored.replace_summaries(changed),
                 stored.recollect_forms(stored.actors_from_rows(old))]
        self.transport.update(" ;\n".join(filter(None, steps)))
        if self.shared:
            settle(self, changed)
        return True

    @property
    def has_summaries(self) -> bool:
        """Whether the store's summaries are complete (a store written by an older version may
        have none until its next write rebuilds them)."""
        if not self._summaries_known:
            self._summaries_known = self.transport.ask(stored.has_marker_query())
        return self._summaries_known

    def rebuild_summaries(self, summaries: list[Summary] | None = None) -> int:
        """Summarise every statement again from scratch (or store `summaries`, made so by the
        caller); returns the number of summaries."""
        summaries = rebuild(self) if summaries is None else summaries
        drop = f"DROP SILENT GRAPH <{SUMMARY_GRAPH}>"
        quads = stored.marker_quads() + [q for s in summaries for q in stored.summary_quads(s)]
        self.transport.update(f"{drop} ;\n{insert_data(quads)} ;\n{stored.COLLECT_ALL_FORMS}")
        self._summaries_known = True
        return len(summaries)

    def _ensure_summaries(self) -> None:
        if not self.has_summaries:
            self.rebuild_summaries()

    def read_summaries(self, keys: Iterable[Key]) -> dict[Key, Summary | object]:
        """The stored summaries of these keys (CONFLICTING where a field holds two values)."""
        keys = list(keys)
        if not keys:
            return {}
        query, by_node = stored.read_summaries_query(keys)
        return stored.summaries_from_rows(self.transport.select(query)[1], by_node)

    def replace_summaries(self, changed: dict[Key, Summary | None]) -> None:
        if changed:
            self.transport.update(stored.replace_summaries(changed))

    def summary_count(self) -> int:
        return int(self.transport.select(stored.COUNT_SUMMARIES)[1][0][0])

    def _article_contents(self, graph: str) -> list[tuple]:
        return self.transport.select(stored.article_keys_query(graph))[1]

    def _updated_summaries(self, extractions: list[Extraction], replaced: dict[str, set[Key]]) -> dict[Key, Summary | None]:
        keys = touched_keys(extractions, replaced)
        if not keys:
            return {}
        query, by_node = stored.read_summaries_query(keys)
        current = readable(stored.summaries_from_rows(self.transport.select(query)[1], by_node))
        return update(extractions, current, replaced, lambda key: stored_observations(self, key))

    def query(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        columns, rows = self.transport.select(bind(text, params or {}))
        return QueryResult(columns, rows)

    def ask(self, text: str) -> bool:
        return self.transport.ask(text)

    def quads(self) -> Iterable[Quad]:
        """Every quad of the store but the derived summaries, for exports and validation."""
        _, rows = self.transport.select(
            f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{SUMMARY_GRAPH}>) }}",
            raw=True)  # type: ignore[call-arg]
        for s, p, o, g in rows:  # every fact lives in a named graph; the default graph stays empty
            yield Quad(s, p, o, g)

    def close(self) -> None:
        self.transport.close()


# An actor no article mentions any more is nobody's fact: it leaves with its last article.
_DROP_ORPHAN_ACTORS = f"""
DELETE {{ GRAPH <{SHARED_GRAPH}> {{ ?actor ?p ?o }} }}
WHERE {{
  GRAPH <{SHARED_GRAPH}> {{ ?actor a <{SG.Actor}> ; ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?article <{SG.mentions}> ?actor }} }}
}}"""


PARAMETER_MARK = re.compile(r"^[ \t]*# @parameters[ \t]*$", re.MULTILINE)


def bind(query: str, params: Mapping[str, Any]) -> str:
    """Bind parameters as a VALUES block where the query marks '# @parameters', else after the
    first WHERE. Terms are serialised by pyoxigraph, so a value can never close a string or an
    IRI and inject SPARQL."""
    if not params:
        return query
    for name in params:
        if not _PARAM_NAME.match(name):
            raise QueryError(f"bad parameter name {name!r}")
    names = " ".join(f"?{k}" for k in params)
    values = " ".join(str(to_term(v)) for v in params.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    marked = PARAMETER_MARK.search(query)
    if marked:
        return query[:marked.start()] + block + query[marked.end():]
    match = _WHERE.search(query)
    if match is None:
        raise QueryError("parameters need a query with a WHERE clause")
    return query[:match.end()] + block + query[match.end():]


def to_term(value: Any) -> NamedNode | Literal:
    if isinstance(value, (NamedNode, Literal)):
        return value
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return Literal(repr(value), datatype=NamedNode(XSD + "double"))
    if isinstance(value, Decimal):
        return Literal(str(value), datatype=NamedNode(XSD + "decimal"))
    if isinstance(value, datetime.date):
        return Literal(value.isoformat(), datatype=NamedNode(XSD + "date"))
    text = str(value)
    if text.startswith("<") and text.endswith(">") and " " not in text:
        return NamedNode(text[1:-1])
    return Literal(text)


def to_python(term: Any) -> Any:
    """RDF terms to plain values: IRIs as strings, typed literals as numbers, booleans, text."""
    if term is None:
        return None
    if isinstance(term, (NamedNode, BlankNode)):
        return term.value
    datatype = term.datatype.value if term.datatype else ""
    value = term.value
    if datatype in (XSD + "integer", XSD + "int", XSD + "long"):
        return int(value)
    if datatype in (XSD + "decimal", XSD + "double", XSD + "float"):
        return float(value)
    if datatype == XSD + "boolean":
        return value in ("true", "1")
    return value
