"""Network exports read by their real consumers: networkx and igraph on GraphML, networkx on
GEXF 1.3 with dates, pandas on the CSV node and edge lists."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import igraph
import networkx as nx
import pandas
import pytest

from stancegraph import api
from stancegraph.queries import list_actors


@pytest.fixture(scope="module")
def store_url(corpus_store_url) -> str:
    return corpus_store_url


@pytest.fixture(scope="module")
def exported(store_url, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    paths = {fmt: folder / f"graph.{fmt}" for fmt in ("graphml", "gexf")}
    for fmt, path in paths.items():
        api.export_network(store_url, fmt, str(path))
    api.export_network(store_url, "csv", str(folder / "csv"))
    paths["csv"] = folder / "csv"
    return paths


def test_graphml_edge_ids_are_unique_and_both_libraries_read_it(exported):
    root = ElementTree.parse(exported["graphml"]).getroot()
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert ids and len(ids) == len(set(ids))
    graph = nx.read_graphml(exported["graphml"], force_multigraph=True)
    other = igraph.Graph.Read_GraphML(str(exported["graphml"]))
    assert graph.number_of_nodes() == other.vcount() and graph.number_of_edges() == other.ecount() == len(ids)
    assert "source" not in other.es.attributes()  # Gephi's own Source column would clash
    assert {"kind", "polarity", "weight", "reference"} <= set(other.es.attributes())


def test_gexf_is_version_1_3_dynamic_with_dated_stance_edges(exported):
    root = ElementTree.parse(exported["gexf"]).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    graph_element = root.find("{http://gexf.net/1.3}graph")
    assert graph_element.get("mode") == "dynamic" and graph_element.get("timeformat") == "date"
    titles = [a.get("title") for a in root.iter("{http://gexf.net/1.3}attribute")]
    assert "networkx_key" not in titles and "source" not in titles
    graph = nx.read_gexf(exported["gexf"], version="1.3")
    stances = [(u, v, d) for u, v, d in graph.edges(data=True) if d.get("kind") == "stance"]
    assert stances and all(d["start"] <= d["end"] for _, _, d in stances)
    assert all(len(d["start"]) == 10 for _, _, d in stances)


def test_actor_types_in_networks_are_the_stored_types(store_url, exported):
    with api.opened(store_url, read_only=True) as store:
        stored = {a.id: a.type for a in list_actors(store)}
    graph = nx.read_graphml(exported["graphml"], force_multigraph=True)
    actors = {n: d["type"] for n, d in graph.nodes(data=True) if d["kind"] == "actor"}
    assert actors and all(actors[n] == stored[n] for n in actors if n in stored)
    assert "Actor" not in actors.values()


def test_pandas_reads_the_csv_lists(exported):
    nodes = pandas.read_csv(exported["csv"] / "nodes.csv")
    edges = pandas.read_csv(exported["csv"] / "edges.csv")
    assert list(nodes.columns) == ["id", "label", "kind", "type"]
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["id"])
    assert set(edges["kind"]) == {"stance", "relation"}
