"""Extractions as RDF: n-ary statement nodes plus the plain triples they stand for (DESIGN §4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from ..model import JOURNALIST, Actor, Article, Extraction, Relation, Stance
from ..ontology import Topic
from ..ontology.namespace import (
    POLARITY_PROPERTY, PREFIXES, SG, SHARED_GRAPH, WD_NS, actor_iri, article_graph_iri, article_iri,
    predicate_property, statement_iri, topic_iri,
)

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
XSD = PREFIXES["xsd"]
SCHEMA = PREFIXES["schema"]
SKOS = PREFIXES["skos"]
PROV_DERIVED = NamedNode(PREFIXES["prov"] + "wasDerivedFrom")
SHARED = NamedNode(SHARED_GRAPH)
OA = PREFIXES["oa"]
# The schema.org class each actor type is also typed with (a group has no legal personality)
STANDARD_CLASSES = {"Person": SCHEMA + "Person", "State": SCHEMA + "Country", "Organization": SCHEMA + "Organization"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def n(iri: str) -> NamedNode:
    return NamedNode(iri)


def text(value: str) -> Literal:
    return Literal(value)


def typed(value: object, datatype: str) -> Literal:
    if isinstance(value, bool):
        value = "true" if value else "false"
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def article_quads(extraction: Extraction) -> Iterator[Quad]:
    """Everything one article contributes, in that article's own named graph."""
    article = extraction.article
    graph = n(article_graph_iri(article.id))
    node = n(article_iri(article.id))
    yield from _article_description(article, node, graph)
    for actor in extraction.actors:
        yield Quad(node, n(SG.mentions), n(actor_iri(actor.id)), graph)
        for mention in actor.mentions:  # surface forms belong to the article that used them
            yield Quad(n(actor_iri(actor.id)), n(SG.mention), text(mention), graph)
    for stance in extraction.distinct_stances:
        yield from _stance(stance, article.id, node, graph)
    for relation in extraction.distinct_relations:
        yield from _relation(relation, article.id, node, graph)


def shared_quads(extraction: Extraction) -> Iterator[Quad]:
    """Actor descriptions, shared by every article that mentions the actor."""
    for actor in extraction.actors:
        yield from actor_quads(actor)


def actor_quads(actor: Actor) -> Iterator[Quad]:
    node = n(actor_iri(actor.id))
    yield Quad(node, RDF_TYPE, n(SG.Actor), SHARED)
    yield Quad(node, RDF_TYPE, n(SG[actor.type]), SHARED)
    if actor.type in STANDARD_CLASSES:  # readers of an export rarely load the ontology
        yield Quad(node, RDF_TYPE, n(STANDARD_CLASSES[actor.type]), SHARED)
    yield Quad(node, n(SG.id), text(actor.id), SHARED)
    yield Quad(node, n(SG.name), text(actor.name), SHARED)
    if actor.wikidata:
        yield Quad(node, n(PREFIXES["owl"] + "sameAs"), n(WD_NS + actor.wikidata), SHARED)


def topic_quads(topics: tuple[Topic, ...]) -> Iterator[Quad]:
    scheme = n(SG.topics)
    yield Quad(scheme, RDF_TYPE, n(SKOS + "ConceptScheme"), SHARED)
    for topic in topics:
        node = n(topic_iri(topic.id))
        yield Quad(node, RDF_TYPE, n(SG.Topic), SHARED)
        yield Quad(node, RDF_TYPE, n(SKOS + "Concept"), SHARED)
        yield Quad(node, n(SKOS + "inScheme"), scheme, SHARED)
        yield Quad(node, n(SKOS + "notation"), text(topic.id), SHARED)
        yield Quad(node, n(SKOS + "prefLabel"), Literal(topic.label, language="en"), SHARED)
        if topic.definition:
            yield Quad(node, n(SKOS + "definition"), Literal(topic.definition, language="en"), SHARED)
        if topic.broader:
            yield Quad(node, n(SKOS + "broader"), n(topic_iri(topic.broader)), SHARED)


def _article_description(article: Article, node: NamedNode, graph: NamedNode) -> Iterator[Quad]:
    yield Quad(node, RDF_TYPE, n(SCHEMA + "NewsArticle"), graph)
    yield Quad(node, n(SG.articleId), text(article.id), graph)
    yield Quad(node, n(SCHEMA + "articleBody"), text(article.text), graph)
    for prop, value in (("headline", article.title), ("url", article.url), ("publisher", article.outlet),
                        ("author", article.author)):
        if value:
            yield Quad(node, n(SCHEMA + prop), text(value), graph)
    if article.published and _DATE.match(article.published):
        yield Quad(node, n(SCHEMA + "datePublished"), typed(article.published, "date"), graph)


def _evidence(statement: NamedNode, fact: Stance | Relation, article: NamedNode, graph: NamedNode) -> Iterator[Quad]:
    yield Quad(statement, n(SG.evidenceText), text(fact.evidence.text), graph)
    yield Quad(statement, n(SG.start), typed(fact.evidence.start, "integer"), graph)
    yield Quad(statement, n(SG.end), typed(fact.evidence.end, "integer"), graph)
    yield Quad(statement, n(SG.confidence), typed(f"{fact.confidence:.2f}", "decimal"), graph)
    yield Quad(statement, PROV_DERIVED, article, graph)
    yield from _evidence_span(statement, fact, article, graph)
    if fact.date and _DATE.match(fact.date):
        yield Quad(statement, n(SG.date), typed(fact.date, "date"), graph)
    if fact.rule:
        yield Quad(statement, n(SG.rule), text(fact.rule), graph)


def _evidence_span(statement: NamedNode, fact: Stance | Relation, article: NamedNode,
                   graph: NamedNode) -> Iterator[Quad]:
    """The evidence as a Web Annotation target: the article and a text-position selector."""
    span, position = n(statement.value + "#evidence"), n(statement.value + "#position")
    yield Quad(statement, n(SG.evidenceSpan), span, graph)
    yield Quad(span, RDF_TYPE, n(OA + "SpecificResource"), graph)
    yield Quad(span, n(OA + "hasSource"), article, graph)
    yield Quad(span, n(OA + "hasSelector"), position, graph)
    yield Quad(position, RDF_TYPE, n(OA + "TextPositionSelector"), graph)
    yield Quad(position, n(OA + "start"), typed(fact.evidence.start, "nonNegativeInteger"), graph)
    yield Quad(position, n(OA + "end"), typed(fact.evidence.end, "nonNegativeInteger"), graph)


def _stance(stance: Stance, article_id: str, article: NamedNode, graph: NamedNode) -> Iterator[Quad]:
    node = n(statement_iri(stance.statement_id(article_id)))
    holder, topic = n(actor_iri(stance.actor)), n(topic_iri(stance.topic))
    yield Quad(node, RDF_TYPE, n(SG.StanceStatement), graph)
    yield Quad(node, n(SG.holder), holder, graph)
    yield Quad(node, n(SG.topic), topic, graph)
    yield Quad(node, n(SG.polarity), n(SG[stance.polarity]), graph)
    yield Quad(node, n(SG.attribution), text(stance.attribution), graph)
    speaker = SG.journalist if stance.speaker in (None, JOURNALIST) else actor_iri(stance.speaker)
    yield Quad(node, n(SG.speaker), n(speaker), graph)
    yield Quad(node, n(SG.hedged), typed(stance.hedged, "boolean"), graph)
    if stance.condition:
        yield Quad(node, n(SG.condition), text(stance.condition), graph)
    yield from _evidence(node, stance, article, graph)
    yield Quad(holder, n(SG[POLARITY_PROPERTY[stance.polarity]]), topic, graph)


def _relation(relation: Relation, article_id: str, article: NamedNode, graph: NamedNode) -> Iterator[Quad]:
    node = n(statement_iri(relation.statement_id(article_id)))
    subject, obj = n(actor_iri(relation.subject)), n(actor_iri(relation.object))
    yield Quad(node, RDF_TYPE, n(SG.RelationStatement), graph)
    yield Quad(node, n(SG.subject), subject, graph)
    yield Quad(node, n(SG.predicate), text(relation.predicate), graph)
    yield Quad(node, n(SG.object), obj, graph)
    yield from _evidence(node, relation, article, graph)
    yield Quad(subject, n(predicate_property(relation.predicate)), obj, graph)


def insert_data(quads: list[Quad]) -> str:
    """A SPARQL INSERT DATA body; terms are written by pyoxigraph, so any text is escaped."""
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        graph = "" if isinstance(quad.graph_name, DefaultGraph) else str(quad.graph_name)
        by_graph.setdefault(graph, []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    blocks = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" if g else "\n".join(lines) for g, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"
