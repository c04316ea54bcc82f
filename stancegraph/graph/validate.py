"""SHACL validation of a store's graph against ontology/shapes.ttl."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import RdfFormat, serialize

from ..ontology import SHAPES, VOCABULARY
from .base import Store
from .export import _triples
from .summaries import stale_summaries


@dataclass(frozen=True)
class Violation:
    focus: str
    shape: str
    path: str | None
    message: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)


def validate(store: Store) -> ValidationReport:
    """Check the union of the store's graphs against the shapes, and the stored summaries
    against the statements they summarise; each violation names its node, shape and path."""
    shapes = _shacl(store)
    summaries = [Violation(problem.split(":", 1)[0], "summary", None, problem.split(": ", 1)[-1])
                 for problem in stale_summaries(store)]
    return ValidationReport(shapes.conforms and not summaries, shapes.violations + summaries)


def _shacl(store: Store) -> ValidationReport:
    import pyshacl
    import rdflib

    data = rdflib.Graph()
    data.parse(data=serialize(_triples(store.quads()), format=RdfFormat.N_TRIPLES), format="nt")  # type: ignore[attr-defined]
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    ontology = rdflib.Graph().parse(VOCABULARY, format="turtle")
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", allow_warnings=False,
    )
    return ValidationReport(bool(conforms), _violations(results, shapes) if not conforms else [])


def _violations(results, shapes) -> list[Violation]:
    import rdflib
    from rdflib.namespace import SH

    found = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        found.append(Violation(
            str(results.value(result, SH.focusNode)),
            _shape_name(shapes, shape),
            str(path) if path is not None else None,
            str(results.value(result, SH.resultMessage) or ""),
        ))
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))


def _shape_name(shapes, shape) -> str:
    """A property shape is a blank node: name the node shape that holds it instead."""
    import rdflib
    from rdflib.namespace import SH

    if isinstance(shape, rdflib.URIRef):
        return str(shape)
    parent = next(shapes.subjects(SH.property, shape), None)
    return str(parent) if parent is not None else "property shape"
