"""RDF exports of a whole store: Turtle (the union of graphs), N-Quads, TriG, JSON-LD."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from ..errors import StoreError
from ..ontology.namespace import PREFIXES
from .base import Store

FORMATS = {
    "turtle": (RdfFormat.TURTLE, False), "ttl": (RdfFormat.TURTLE, False),
    "nquads": (RdfFormat.N_QUADS, True), "nq": (RdfFormat.N_QUADS, True),
    "trig": (RdfFormat.TRIG, True), "jsonld": (RdfFormat.JSON_LD, True),
    "ntriples": (RdfFormat.N_TRIPLES, False),
}
PREFIX_MAP = {**PREFIXES, "actor": "https://w3id.org/stancegraph/actor/",
              "topic": "https://w3id.org/stancegraph/topic/", "stmt": "https://w3id.org/stancegraph/statement/"}


def export_rdf(store: Store, fmt: str = "turtle") -> bytes:
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (known: {', '.join(sorted(FORMATS))})")
    if not store.exports_rdf:
        raise StoreError(f"{store.url}: this store kind has no RDF export")
    rdf_format, keeps_graphs = FORMATS[fmt]
    quads: Iterable[Quad] = store.quads()  # type: ignore[attr-defined]
    if rdf_format == RdfFormat.JSON_LD:
        return compacted_json_ld(sorted(quads, key=str))
    items = quads if keeps_graphs else _triples(quads)
    prefixes = PREFIX_MAP if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    return serialize(sorted(items, key=str), format=rdf_format, prefixes=prefixes)


def _term(prop: str, kind: str | None = None) -> dict[str, str]:
    return {"@id": prop, **({"@type": kind} if kind else {})}


# Short names a JSON-LD consumer sees instead of full IRIs: the vocabulary's own properties,
# the schema.org article fields and provenance, with their value types.
JSON_LD_CONTEXT = {
    **{p: PREFIX_MAP[p] for p in ("sg", "schema", "prov", "skos", "xsd", "owl", "oa", "dcterms", "actor", "stmt")},
    "topics": PREFIX_MAP["topic"],  # topic IRIs; 'topic' itself is the property
    "holder": _term("sg:holder", "@id"), "topic": _term("sg:topic", "@id"), "polarity": _term("sg:polarity", "@id"),
    "speaker": _term("sg:speaker", "@id"), "attribution": _term("sg:attribution"),
    "hedged": _term("sg:hedged", "xsd:boolean"), "condition": _term("sg:condition"),
    "confidence": _term("sg:confidence", "xsd:decimal"), "evidenceText": _term("sg:evidenceText"),
    "start": _term("sg:start", "xsd:integer"), "end": _term("sg:end", "xsd:integer"),
    "date": _term("sg:date", "xsd:date"), "rule": _term("sg:rule"), "id": _term("sg:id"), "name": _term("sg:name"),
    "articleId": _term("sg:articleId"), "subject": _term("sg:subject", "@id"), "object": _term("sg:object", "@id"),
    "predicate": _term("sg:predicate"), "mentions": _term("sg:mentions", "@id"), "mention": _term("sg:mention"),
    "evidenceSpan": _term("sg:evidenceSpan", "@id"),
    "headline": _term("schema:headline"), "url": _term("schema:url"), "articleBody": _term("schema:articleBody"),
    "datePublished": _term("schema:datePublished", "xsd:date"), "publisher": _term("schema:publisher"),
    "author": _term("schema:author"), "wasDerivedFrom": _term("prov:wasDerivedFrom", "@id"),
}


def compacted_json_ld(quads: list[Quad]) -> bytes:
    """Compacted JSON-LD with an @context (JSON_LD_CONTEXT), graphs kept; pyoxigraph writes the
    expanded form only, so rdflib compacts."""
    import rdflib

    dataset = rdflib.Dataset()
    dataset.parse(data=serialize(quads, format=RdfFormat.N_QUADS), format="nquads")
    return dataset.serialize(format="json-ld", context=JSON_LD_CONTEXT, auto_compact=True).encode("utf-8")


def _triples(quads: Iterable[Quad]) -> Iterable[Triple]:
    seen = set()
    for quad in quads:
        triple = Triple(quad.subject, quad.predicate, quad.object)
        if triple not in seen:
            seen.add(triple)
            yield triple
