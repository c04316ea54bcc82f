"""Everything the library writes to files: RDF, network and DNA exports, the Neo4j import files,
the graph page. Each file is written whole or not at all, and a path that cannot be written is
one line naming it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .errors import StanceGraphError
from .graph.base import Store
from .graph.export import export_rdf
from .ontology import load_topics
from .queries import StanceRecord, current_positions, list_actors, relation_statements, resolve_topic, stance_statements
from .queries.current import window as date_window
from .store_session import opened


def export(store_url: str | None, fmt: str) -> bytes:
    with opened(store_url, read_only=True) as store:
        return export_rdf(store, fmt)


def network(store_url: str | None, topic: str | None = None, min_confidence: float | None = None, **window: Any):
    """The actor–topic–actor network of the current positions in a date window (`window` takes
    current_positions' since, until, as_of, max_age and by)."""
    from .graph.networks import stance_network

    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        summaries = current_positions(store, topic_id, **window)
        since, until, _ = date_window(store, topic_id, window.get("since"), window.get("until"), window.get("as_of"),
                                      window.get("max_age"))  # the relations in the same window as the positions
        relations = [r for r in relation_statements(store)
                     if (not since or (r.date or "") >= since) and (not until or (r.date or "") <= until)]
        types = {a.id: a.type for a in list_actors(store)}
    return stance_network(summaries, relations, types)


def visualise(store_url: str | None, output: str, topic: str | None = None, min_confidence: float | None = None,
              **window: Any) -> str:
    """Write the interactive HTML graph; returns the note on what it shows. The page carries
    every statement from the window's start, so its time slider can show any date; --as-of or
    --until set the date it opens at, --by state credits people's statements to their state."""
    from .viz import page_data, render_html

    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        since, until, _ = date_window(store, topic_id, window.get("since"), window.get("until"), window.get("as_of"),
                                      window.get("max_age"))
        actors = {a.id: _page_actor(a) for a in list_actors(store)}
        statements = _page_statements(store, topic_id, since, window.get("by") == "state")
        relations = [r for r in relation_statements(store) if not since or (r.date or "") >= since]
    for statement in statements:  # a state credited with a person's words may not be in the store
        actors.setdefault(statement.actor, _dictionary_actor(statement.actor))
    initial = {"since": since, "until": until, "as_of": window.get("as_of"), "topic": topic_id}
    data, note = page_data(statements, relations, actors, list(load_topics()), initial)
    title = "stancegraph" + (f": {resolve_topic(topic)}" if topic else "")
    write_text(output, render_html(data, note, title))
    return note


def _page_statements(store: Store, topic: str | None, since: str | None, by_state: bool) -> list:
    from .queries.current import body_finder
    from .viz import PageStatement

    body_of = body_finder(store) if by_state else None
    found = []
    for r in stance_statements(store, topic, since=since):
        actor, people = r.actor_id, ()
        if body_of is not None and r.actor_type == "Person":
            actor, people = body_of(r), (r.actor,)
            if actor is None:
                continue
        found.append(PageStatement(actor, r.topic, r.polarity, r.date, r.evidence, r.speaker, r.attribution, r.outlet,
                                   r.title, r.url, r.article_id, people))
    return found


def _dictionary_actor(actor_id: str) -> dict[str, Any]:
    from .loaders.actors import actor_index

    entry = actor_index().entry(actor_id)
    return {"name": entry.name if entry else actor_id, "type": entry.type if entry else "Organization",
            "aliases": [], "roles": []}


def _page_actor(record) -> dict[str, Any]:
    from .loaders.actors import actor_index

    entry = actor_index().entry(record.id)
    roles = [{"role": role.role, "of": role.of, "start": role.start, "end": role.end} for role in (entry.roles if entry else ())]
    return {"name": record.name, "type": record.type, "aliases": list(record.mentions), "roles": roles}


def write_text(path: str, text: str | bytes) -> None:
    """Write an output file whole or not at all, naming the path in a one-line error when it
    cannot be written."""
    from .safety import write_atomically

    with _writing(path):
        write_atomically(path, text)


@contextmanager
def _writing(path: str) -> Iterator[None]:
    """An output that cannot be written is one line naming the path, not a traceback."""
    try:
        yield
    except OSError as err:
        raise StanceGraphError(f"{path}: cannot write ({err.strerror or err})") from None


def export_dna(store_url: str | None, output: str, mixed: str = "split", min_confidence: float | None = None,
               since: str | None = None, until: str | None = None) -> tuple[int, int]:
    """A Discourse Network Analyzer 3 project (SQLite `.dna`) of the store's articles and
    stance statements; returns (documents, statements) written."""
    from .graph.dna import dna_statements, write_dna
    from .queries.contents import articles
    from .queries.current import body_name_finder

    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        records = stance_statements(store, since=since, until=until)
        documents = articles(store)
        statements = dna_statements(records, body_name_finder(store), _person_speaking, mixed)
    with _writing(output):
        return write_dna(output, documents, statements)


def _person_speaking(record: StanceRecord) -> str:
    """The person who stated a state's or an organisation's stance, or '' (the journalist, or
    the holder itself)."""
    from .loaders.actors import actor_index

    if not record.speaker_id or record.speaker_id == record.actor_id:
        return ""
    entry = actor_index().entry(record.speaker_id)
    return (record.speaker or "") if entry is None or entry.type == "Person" else ""


def export_neo4j_csv(store_url: str | None, output: str) -> list[str]:
    """The whole graph as CSV files for `neo4j-admin database import full`, written into the
    folder `output` with the command that imports them; returns the files written. Every
    statement goes, whatever its confidence (the threshold is a question's, not the data's)."""
    from .graph.neo4j_import import import_files
    from .queries.contents import articles, mentions

    with opened(store_url, read_only=True, min_confidence=0) as store:
        files = import_files(articles(store), list_actors(store), load_topics(), stance_statements(store),
                             relation_statements(store), mentions(store))
    with _writing(output):
        return [str(p) for p in files.write(output)]


def export_network(store_url: str | None, fmt: str, output: str | None, min_confidence: float | None = None,
                   **window: Any) -> str:
    """GraphML, GEXF or the DNA-style statement table (dna-csv) as text (also written to `output` when given),
    or CSV node and edge lists written into the folder `output`."""
    from .graph import networks

    if fmt == "dna-csv":
        from .queries.current import body_name_finder

        with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
            table = networks.dna_table(stance_statements(store), body_name_finder(store))
    elif fmt == "csv":
        if not output:
            raise StanceGraphError("--format csv writes nodes.csv and edges.csv: give -o FOLDER")
        graph = network(store_url, min_confidence=min_confidence, **window)
        with _writing(output):
            networks.write_csv(graph, output)
        return ""
    else:
        graph = network(store_url, min_confidence=min_confidence, **window)
        table = networks.graphml_text(graph) if fmt == "graphml" else networks.gexf_text(graph)
    if output:
        write_text(output, table)
    return table
