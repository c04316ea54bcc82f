"""Where summaries live in an RDF store: one node per key in the summaries graph, replaced in
the same SPARQL update that writes or removes the article that changed them."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from ..ontology.namespace import SG, SHARED_GRAPH, SUMMARY_GRAPH, actor_iri, summary_iri, topic_iri
from .rdf_mapping import RDF_TYPE, insert_data, typed
from .summaries import CONFLICTING, SUMMARY_VERSION, Key, Summary

GRAPH = NamedNode(SUMMARY_GRAPH)
MARKER = NamedNode(SUMMARY_GRAPH)
PREFIX = "PREFIX sg: <https://w3id.org/stancegraph/ns#>\n"


def summary_quads(summary: Summary) -> Iterable[Quad]:
    node = NamedNode(summary_iri(summary.key))

    def quad(prop: str, value) -> Quad:
        return Quad(node, NamedNode(SG[prop]), value, GRAPH)

    if summary.key[0] == "stance":
        _, holder, topic = summary.key
        yield Quad(node, RDF_TYPE, NamedNode(SG.StanceSummary), GRAPH)
        yield quad("aboutActor", NamedNode(actor_iri(holder)))
        yield quad("aboutTopic", NamedNode(topic_iri(topic)))
        yield quad("currentPolarity", NamedNode(SG[summary.polarity]))
    else:
        _, subject, predicate, obj = summary.key
        yield Quad(node, RDF_TYPE, NamedNode(SG.RelationSummary), GRAPH)
        yield quad("aboutActor", NamedNode(actor_iri(subject)))
        yield quad("aboutPredicate", Literal(predicate))
        yield quad("aboutObject", NamedNode(actor_iri(obj)))
    yield quad("statementCount", typed(summary.statements, "integer"))
    yield quad("backingCount", typed(summary.backing, "integer"))
    if summary.key[0] == "stance":
        for name, count in zip(COUNT_PROPERTIES, summary.counts):
            yield quad(name, typed(count, "integer"))
    if summary.first_date:
        yield quad("firstDate", typed(summary.first_date, "date"))
        yield quad("lastDate", typed(summary.last_date, "date"))
    yield quad("latestArticle", Literal(summary.article_id))
    yield quad("latestEvidence", Literal(summary.evidence))
    yield quad("latestSpeaker", NamedNode(actor_iri(summary.speaker) if summary.speaker else SG.journalist))
    if summary.source:
        yield quad("latestSource", Literal(summary.source))
    yield quad("latestConfidence", typed(f"{summary.confidence:.2f}", "decimal"))


def marker_quads() -> list[Quad]:
    return [Quad(MARKER, NamedNode(SG.summaryVersion), typed(SUMMARY_VERSION, "integer"), GRAPH)]


def replace_summaries(changed: dict[Key, Summary | None]) -> str:
    """Update operations (to join with ' ;') that swap the stored summaries of these keys."""
    if not changed:
        return ""
    drops = [f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{summary_iri(k)}> ?p ?o }} }}" for k in changed]
    quads = [q for s in changed.values() if s is not None for q in summary_quads(s)]
    return " ;\n".join(drops + ([insert_data(quads)] if quads else []))


def read_summaries_query(keys: Iterable[Key]) -> tuple[str, dict[str, Key]]:
    """A SELECT for the stored summaries of these keys as plain triples (a look-up by subject,
    where a pattern with optional parts would read every summary), and which key each node
    stands for."""
    by_node = {summary_iri(k): k for k in keys}
    nodes = " ".join(f"<{n}>" for n in by_node)
    query = f"""SELECT ?m ?p ?o ?speakerId
WHERE {{
  VALUES ?m {{ {nodes} }}
  GRAPH <{SUMMARY_GRAPH}> {{ ?m ?p ?o }}
  OPTIONAL {{ FILTER(?p = <{SG.latestSpeaker}>) GRAPH <{SHARED_GRAPH}> {{ ?o <{SG.id}> ?speakerId }} }}
}}"""
    return query, by_node


COUNT_PROPERTIES = ("supportCount", "opposeCount", "mixedCount")
_FIELDS = {SG[name]: name for name in ("currentPolarity", "statementCount", "firstDate", "lastDate", "latestArticle",
                                       "latestEvidence", "latestSource", "latestConfidence", "backingCount",
                                       *COUNT_PROPERTIES)}


COUNT_SUMMARIES = (f"SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ "
                   f"{{ ?m a <{SG.StanceSummary}> }} UNION {{ ?m a <{SG.RelationSummary}> }} }} }}")


def summaries_from_rows(rows: list[tuple], by_node: dict[str, Key]) -> dict[Key, Summary | object]:
    """Summaries from (node, property, value, speaker id) rows; CONFLICTING for a node with two
    values of one field (interleaved replacements by two writers)."""
    values: dict[str, dict[str, object]] = {}
    conflicting = set()
    for node, prop, value, speaker in rows:
        fields = values.setdefault(node, {})
        name = "speaker" if prop == SG.latestSpeaker else _FIELDS.get(prop)
        if name is None:
            continue
        if name in fields:
            conflicting.add(node)
        fields[name] = speaker if name == "speaker" else value
    found: dict[Key, Summary | object] = {by_node[node]: CONFLICTING for node in conflicting}
    for node, f in values.items():
        key = by_node[node]
        if node in conflicting:
            continue
        polarity = str(f.get("currentPolarity") or "").rsplit("#", 1)[-1]
        found[key] = Summary(key, polarity, int(f["statementCount"]), _text(f.get("firstDate")),
                             _text(f.get("lastDate")), str(f["latestArticle"]), str(f["latestEvidence"]),
                             f.get("speaker"), _text(f.get("latestSource")), float(f["latestConfidence"]),
                             tuple(int(f.get(name, 0)) for name in COUNT_PROPERTIES),  # type: ignore[arg-type]
                             int(f.get("backingCount", f["statementCount"])))
    return found


def article_keys_query(graph_iri: str) -> str:
    """What an article graph holds that summaries depend on: its statements' keys and the actors
    it mentions (no rows when the store lacks the article)."""
    return PREFIX + f"""SELECT DISTINCT ?kind ?a ?b ?c
WHERE {{
  {{ GRAPH <{graph_iri}> {{ ?s a sg:StanceStatement ; sg:holder ?h ; sg:topic ?t }}
     GRAPH <{SHARED_GRAPH}> {{ ?h sg:id ?a }}
     GRAPH <{SHARED_GRAPH}> {{ ?t <http://www.w3.org/2004/02/skos/core#notation> ?b }}
     BIND("stance" AS ?kind) }}
  UNION
  {{ GRAPH <{graph_iri}> {{ ?s a sg:RelationStatement ; sg:subject ?x ; sg:predicate ?b ; sg:object ?y }}
     GRAPH <{SHARED_GRAPH}> {{ ?x sg:id ?a }}
     GRAPH <{SHARED_GRAPH}> {{ ?y sg:id ?c }}
     BIND("relation" AS ?kind) }}
  UNION
  {{ GRAPH <{graph_iri}> {{ ?article sg:mentions ?a }} BIND("actor" AS ?kind) }}
  UNION
  {{ GRAPH <{graph_iri}> {{ ?article sg:articleId ?a }} BIND("article" AS ?kind) }}
}}"""


def keys_from_rows(rows: list[tuple]) -> set[Key]:
    return {(kind, a, b) if kind == "stance" else (kind, a, b, c) for kind, a, b, c in rows
            if kind in ("stance", "relation")}


def actors_from_rows(rows: list[tuple]) -> set[str]:
    """The IRIs of the actors an article graph mentions."""
    return {a for kind, a, _, _ in rows if kind == "actor"}


def form_quads(extraction) -> list[Quad]:
    """The surface forms an article used, added to the actor's set in the summaries graph."""
    return [Quad(NamedNode(actor_iri(actor.id)), NamedNode(SG.mention), Literal(form), GRAPH)
            for actor in extraction.actors for form in actor.mentions]


def recollect_forms(actors: Iterable[str]) -> str:
    """Update operations that gather these actors' surface forms again from the article graphs
    (after an article that used some of them was replaced or removed)."""
    steps = []
    for actor in sorted(actors):
        steps.append(f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{actor}> <{SG.mention}> ?form }} }}")
        steps.append(f"INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ <{actor}> <{SG.mention}> ?form }} }} "
                     f"WHERE {{ GRAPH ?g {{ <{actor}> <{SG.mention}> ?form }} FILTER(?g != <{SUMMARY_GRAPH}>) }}")
    return " ;\n".join(steps)


COLLECT_ALL_FORMS = (f"INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?actor <{SG.mention}> ?form }} }} "
                     f"WHERE {{ GRAPH ?g {{ ?actor <{SG.mention}> ?form }} FILTER(?g != <{SUMMARY_GRAPH}>) }}")


def has_marker_query() -> str:
    return f"ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{SG.summaryVersion}> {SUMMARY_VERSION} }} }}"


def _text(value) -> str | None:
    return None if value is None else str(value)
