"""Running a named question: each query language receives the filters in its own terms."""

from __future__ import annotations

from typing import Any

from pyoxigraph import Literal, NamedNode

from ..dates import parse_day
from ..graph.base import Store
from ..model import DEFAULT_MIN_CONFIDENCE
from ..ontology.namespace import PREFIXES, SG, actor_iri, topic_iri
from . import load_query


def _date(value: str) -> Literal:
    return Literal(parse_day(value), datatype=NamedNode(PREFIXES["xsd"] + "date"))


# Parameters of each named question, by logical name; each language receives them in its own terms.
PARAMETERS = {
    "stance_statements": ("topic", "holder", "pol", "since", "until"),
    "relation_statements": ("subject", "object", "predicate"),
    "actors": ("actor",),
    "actors_from_articles": ("actor",),
    "counts": (),
    "articles": ("article",),
    "mentions": (),
    "stance_summaries": ("topic", "holder"),
    "relation_summaries": ("subject", "object"),
}


_ACTOR_PARAMS = {"holder", "subject", "object", "actor"}


def run_question(store: Store, name: str, params: dict[str, Any]):
    """Run a named question. SPARQL gets IRIs and typed dates for the filters that are set;
    Cypher gets every parameter, null where it does not filter."""
    values = {k: params.get(k) for k in PARAMETERS[name]}
    if store.language == "sparql":
        values = {k: _sparql_term(k, v) for k, v in values.items() if v is not None}
    return store.query(load_query(name, store.language), values)


def _sparql_term(name: str, value: Any) -> Any:
    if name in _ACTOR_PARAMS:
        return NamedNode(actor_iri(value))
    if name == "topic":
        return NamedNode(topic_iri(value))
    if name == "pol":
        return NamedNode(SG[value])
    if name in ("since", "until"):
        return _date(value)
    return value


def min_confidence_of(store: Store) -> float:
    """The confidence below which this store's questions leave stances out (set by api.opened)."""
    return getattr(store, "min_confidence", DEFAULT_MIN_CONFIDENCE)


def text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
