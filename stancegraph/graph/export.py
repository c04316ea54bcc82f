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
    items = quads if keeps_graphs else _triples(quads)
    prefixes = PREFIX_MAP if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    return serialize(sorted(items, key=str), format=rdf_format, prefixes=prefixes)


def _triples(quads: Iterable[Quad]) -> Iterable[Triple]:
    seen = set()
    for quad in quads:
        triple = Triple(quad.subject, quad.predicate, quad.object)
        if triple not in seen:
            seen.add(triple)
            yield triple
