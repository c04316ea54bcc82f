"""RDF exports read by their real consumers: rdflib and pyoxigraph for every format, a compacted
JSON-LD round trip, pyshacl on the export; standard classes and Web Annotation selectors that
a reader without the ontology understands; typed SPARQL parameters from the command line."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
import rdflib

from stancegraph import api
from stancegraph.ontology import SHAPES, VOCABULARY

FORMATS = {"turtle": ("turtle", pyoxigraph.RdfFormat.TURTLE), "nquads": ("nquads", pyoxigraph.RdfFormat.N_QUADS),
           "trig": ("trig", pyoxigraph.RdfFormat.TRIG), "ntriples": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
           "jsonld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD)}
SCHEMA = rdflib.Namespace("https://schema.org/")
SG = rdflib.Namespace("https://w3id.org/stancegraph/ns#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    url = f"oxigraph:{tmp_path_factory.mktemp('rdf') / 'store'}"
    api.demo(url)
    return url


def triples(data: bytes, fmt: str) -> rdflib.Graph:
    """The union of a file's graphs as one rdflib graph."""
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=FORMATS[fmt][0])
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back_in_rdflib_and_pyoxigraph_with_the_same_triples(store_url, fmt):
    data = api.export(store_url, fmt)
    reference = triples(api.export(store_url, "nquads"), "nquads")
    assert len(triples(data, fmt)) == len(reference) > 300
    parsed = {(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(data, format=FORMATS[fmt][1])}
    assert len(parsed) == len(reference)


def test_json_ld_is_compacted_with_a_context(store_url):
    document = json.loads(api.export(store_url, "jsonld"))
    context = document["@context"]
    assert context["holder"] == {"@id": "sg:holder", "@type": "@id"}
    assert {"sg", "schema", "prov", "skos", "xsd"} <= set(context)
    nodes = [n for g in document["@graph"] for n in g.get("@graph", [g])]
    statement = next(n for n in nodes if n.get("@type") == "sg:StanceStatement")
    assert {"holder", "topic", "polarity", "evidenceText", "start", "end"} <= set(statement)
    assert statement["holder"].startswith("actor:") and statement["polarity"].startswith("sg:")


def test_exports_use_standard_classes_and_web_annotation_selectors(store_url):
    graph = triples(api.export(store_url, "turtle"), "turtle")
    assert set(graph.subjects(rdflib.RDF.type, SCHEMA.Person)) == set(graph.subjects(rdflib.RDF.type, SG.Person))
    assert set(graph.subjects(rdflib.RDF.type, SCHEMA.Country)) == set(graph.subjects(rdflib.RDF.type, SG.State))
    assert set(graph.subjects(rdflib.RDF.type, SCHEMA.NewsArticle))
    statements = set(graph.subjects(rdflib.RDF.type, SG.StanceStatement))
    for statement in statements:
        span = graph.value(statement, SG.evidenceSpan)
        selector = graph.value(span, OA.hasSelector)
        assert (selector, rdflib.RDF.type, OA.TextPositionSelector) in graph
        assert graph.value(selector, OA.start).toPython() == graph.value(statement, SG.start).toPython()
        assert graph.value(selector, OA.end).toPython() == graph.value(statement, SG.end).toPython()
        body = graph.value(graph.value(span, OA.hasSource), SCHEMA.articleBody).toPython()
        start, end = graph.value(selector, OA.start).toPython(), graph.value(selector, OA.end).toPython()
        assert body[start:end] == graph.value(statement, SG.evidenceText).toPython()


def test_the_export_conforms_to_the_shapes_in_pyshacl(store_url):
    import pyshacl

    data = triples(api.export(store_url, "turtle"), "turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(SHAPES, format="turtle"),
                                         ont_graph=rdflib.Graph().parse(VOCABULARY, format="turtle"), inference="rdfs")
    assert conforms, text


def test_the_ontology_describes_itself():
    ontology = rdflib.Graph().parse(VOCABULARY, format="turtle")
    node = rdflib.URIRef("https://w3id.org/stancegraph/ns")
    dcterms, owl = rdflib.Namespace("http://purl.org/dc/terms/"), rdflib.OWL
    assert ontology.value(node, dcterms.title) and ontology.value(node, owl.versionInfo)
    assert ontology.value(node, dcterms.license) and ontology.value(node, dcterms.creator)
    assert (SG.headOf, rdflib.RDFS.subPropertyOf, rdflib.URIRef("http://www.w3.org/ns/org#headOf")) in ontology


def test_sparql_parameters_are_typed_as_they_read(run, store_url):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s sg:date ?d FILTER(?d >= ?since && ?d <= ?until) }"
    dated = run("sparql", query, "--param", "since=2023-06-01", "--param", "until=2023-06-30", "--store", store_url,
                "--format", "json")
    assert dated.exit_code == 0 and json.loads(dated.stdout)[0]["n"] > 0
    numbers = run("sparql", "SELECT ?s WHERE { ?s sg:start ?start FILTER(?start > ?n) } LIMIT 1", "--param", "n=10",
                  "--store", store_url, "--format", "json")
    assert json.loads(numbers.stdout)
    text = run("sparql", "SELECT ?s WHERE { ?s sg:id ?id }", "--param", "id:str=2023-06-01", "--store", store_url,
               "--format", "json")
    assert text.exit_code == 0 and json.loads(text.stdout) == []


def test_sparql_errors_point_into_the_users_query(run, store_url):
    result = run("sparql", "SELECT ?x WHERE {\n  ?x ?p ?o\n  FILTER(?o = ) }", "--store", store_url)
    assert result.exit_code == 1 and "error at 3:" in result.stderr
