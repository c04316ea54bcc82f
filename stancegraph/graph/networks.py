"""The stored graph as networkx, and its exports for Gephi, visone, R and the Discourse
Network Analyzer: GraphML, GEXF, CSV node and edge lists, a DNA-style statement table."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import xml.etree.ElementTree as ElementTree

import networkx as nx

from ..loaders.actors import actor_index
from ..ontology import load_topics
from ..queries.records import RelationRecord, StanceRecord, StanceSummary
from ..safety import csv_cell, write_atomically, xml_safe

DNA_COLUMNS = ("statement", "document", "date", "person", "organization", "concept", "agreement",
               "polarity", "speaker", "text", "outlet", "title", "url")


def stance_network(summaries: list[StanceSummary], relations: list[RelationRecord],
                   types: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """Actors and topics as nodes; one edge per actor's latest position on a topic (dated from
    its first to its last statement, for Gephi's timeline), and one per observed relation
    between actors. Edge keys are unique ids; `types` gives actors' stored types (an actor met
    only in relations keeps the type the store gave it)."""
    labels = {t.id: t.label for t in load_topics()}
    types = types or {}
    graph = nx.MultiDiGraph()
    for s in summaries:
        graph.add_node(s.actor_id, label=s.actor, kind="actor", type=s.actor_type)
        graph.add_node(s.topic, label=labels.get(s.topic, s.topic), kind="topic", type="Topic")
        dates = {"start": s.first_date, "end": s.last_date} if s.first_date and s.last_date else {}
        graph.add_edge(s.actor_id, s.topic, key=f"stance|{s.actor_id}|{s.topic}", kind="stance", polarity=s.polarity,
                       weight=s.statements, evidence=s.evidence, speaker=s.speaker or "", date=s.last_date or "",
                       reference=s.source or "", people=", ".join(s.people), stale=s.stale, **dates)
    for r in relations:
        key = f"{r.predicate}|{r.subject_id}|{r.object_id}"
        if graph.has_edge(r.subject_id, r.object_id, key):
            continue
        for ident, name in ((r.subject_id, r.subject), (r.object_id, r.object)):
            if ident not in graph:
                entry = actor_index().entry(ident)
                graph.add_node(ident, label=name, kind="actor",
                               type=types.get(ident) or (entry.type if entry else "Person"))
        graph.add_edge(r.subject_id, r.object_id, key=key, kind="relation", predicate=r.predicate,
                       weight=1, evidence=r.evidence, date=r.date or "", speaker="", reference=r.title or "")
    return graph


def graphml_text(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(_xml_ready(graph))) + "\n"


def gexf_text(graph: nx.MultiDiGraph) -> str:
    """GEXF 1.3; dated stance edges make the graph dynamic (Gephi's timeline). networkx adds
    each edge's multigraph key as an attribute, 'networkx_key': the edge ids already say it,
    so it is taken out."""
    root = ElementTree.fromstring("\n".join(nx.generate_gexf(_xml_ready(graph), version="1.3")))
    for attributes in root.iter(f"{{{GEXF}}}attributes"):
        for attribute in [a for a in attributes if a.get("title") == "networkx_key"]:
            attributes.remove(attribute)
            for values in root.iter(f"{{{GEXF}}}attvalues"):
                for value in [v for v in values if v.get("for") == attribute.get("id")]:
                    values.remove(value)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


GEXF = "http://gexf.net/1.3"
ElementTree.register_namespace("", GEXF)
ElementTree.register_namespace("xsi", "http://w3.org/2001/XMLSchema-instance")


def _xml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose ids and attribute values hold no character XML 1.0 forbids (an article's
    stray control character must not make the whole file unreadable)."""
    ready = nx.MultiDiGraph()
    ready.add_nodes_from((xml_safe(n), {k: xml_safe(v) for k, v in d.items()}) for n, d in graph.nodes(data=True))
    ready.add_edges_from((xml_safe(a), xml_safe(b), key, {k: xml_safe(v) for k, v in d.items()})
                         for a, b, key, d in graph.edges(keys=True, data=True))
    return ready


def write_csv(graph: nx.MultiDiGraph, folder: str | Path) -> tuple[Path, Path]:
    """nodes.csv (id, label, kind, type) and edges.csv (source, target, kind, polarity or
    predicate, weight, date, evidence) in a folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    node_rows = [[node, data.get("label"), data.get("kind"), data.get("type")]
                 for node, data in sorted(graph.nodes(data=True))]
    edge_rows = [[a, b, data["kind"], data.get("polarity", ""), data.get("predicate", ""), data.get("weight"),
                  data.get("date"), data.get("evidence")]
                 for a, b, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("kind")))]
    write_atomically(nodes, _csv_text(["id", "label", "kind", "type"], node_rows))
    write_atomically(edges, _csv_text(["source", "target", "kind", "polarity", "predicate", "weight", "date",
                                       "evidence"], edge_rows))
    return nodes, edges


def _csv_text(header, rows, lineterminator: str = "\r\n") -> str:
    """CSV text with every cell made safe for spreadsheets (safety.csv_cell)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=lineterminator)
    writer.writerow(header)
    writer.writerows(map(csv_cell, row) for row in rows)
    return buffer.getvalue()


def dna_table(statements: list[StanceRecord], organization_of: Callable[[StanceRecord], str]) -> str:
    """One row per stance statement, in the columns DNA users load: document, date, person,
    organization, concept, agreement (1 support, 0 oppose, empty for mixed) and the text."""
    rows = []
    for s in sorted(statements, key=lambda r: (r.date or "", r.article_id, r.start)):
        person = s.actor if s.actor_type == "Person" else ""
        organization = s.actor if s.actor_type != "Person" else organization_of(s)
        agreement = {"support": "1", "oppose": "0"}.get(s.polarity, "")
        rows.append([s.statement.rsplit("/", 1)[-1], s.article_id, s.date or "", person, organization, s.topic,
                     agreement, s.polarity, s.speaker or "", s.evidence, s.outlet or "", s.title or "", s.url or ""])
    return _csv_text(DNA_COLUMNS, rows, lineterminator="\n")
