"""The library functions behind each CLI command: open the store, ask, close."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from typing import Any

from .errors import InputError, StanceGraphError
from .graph import open_store
from .graph.base import QueryResult, Store
from .graph.export import export_rdf
from .graph.validate import ValidationReport, validate
from .ingest import IngestReport, default_workers, ingest, write_failure_report  # noqa: F401 - the CLI's
from .loaders import load_articles
from .loaders.extract import default_extractor, enable_classifier  # noqa: F401 - the CLI's
from .model import DEFAULT_MIN_CONFIDENCE, Extraction
from .ontology import load_topics
from .ontology.namespace import PREFIXES
from .queries import (
    ActorProfile, Agreement, Coalition, PositionChange, RoleRecord, StanceRecord, StanceSummary, TimelinePoint,
    actor_profile, agreements, changes, coalitions, evidence, find_actor, matrix, relations_at, resolve_topic,
    stance_statements, stances_on, timeline,
)

SEED_ARTICLE = "00-seed-rasmussen.txt"
SEED_METADATA = {"published": "2023-06-07", "outlet": "The Guardian"}


@contextmanager
def opened(url: str | None, read_only: bool = False, min_confidence: float | None = None) -> Iterator[Store]:
    """A store whose questions leave out stances below `min_confidence` (default
    DEFAULT_MIN_CONFIDENCE)."""
    store = open_store(url, read_only=read_only)
    store.min_confidence = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    try:
        yield store
    finally:
        store.close()


def ingest_sources(sources: Iterable[str], store_url: str | None = None, *,
                   progress: Callable[[int], None] | None = None, **options: Any) -> IngestReport:
    with opened(store_url) as store:
        return ingest(sources, store, progress=progress, **options)


def extract_sources(sources: Iterable[str], min_confidence: float | None = None, **options: Any) -> list[Extraction]:
    """Extractions of every article the sources hold, without the stances less confident than
    `min_confidence` (default DEFAULT_MIN_CONFIDENCE); the first bad input raises."""
    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    extractions = []
    for item in load_articles(sources, **options):
        if isinstance(item, InputError):
            raise item
        extractions.append(default_extractor().extract(item).above(threshold))
    if not extractions:
        raise InputError(f"{', '.join(sources)}: no article found")
    return extractions


def stance_rows(extraction: Extraction) -> list[dict[str, Any]]:
    names = {a.id: a.name for a in extraction.actors}
    return [
        {"actor": names.get(s.actor, s.actor), "topic": s.topic, "polarity": s.polarity,
         "attribution": s.attribution, "speaker": names.get(s.speaker or "", s.speaker), "evidence": s.evidence.text}
        for s in extraction.stances
    ]


def stances(store_url: str | None, topic: str | None = None, min_confidence: float | None = None, **filters: Any) -> list[StanceSummary]:
    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return stances_on(store, topic_id, **filters)


def actor(store_url: str | None, name: str, as_of: str | None = None, min_confidence: float | None = None) -> ActorProfile:
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return actor_profile(store, name, as_of=as_of)


def topics() -> list[dict[str, Any]]:
    return [{"id": t.id, "label": t.label, "definition": t.definition, "broader": t.broader} for t in load_topics()]


def sparql(store_url: str | None, query: str, params: dict[str, Any] | None = None) -> QueryResult:
    """A raw SPARQL query; the usual prefixes (sg:, schema:, skos:, prov:, …) are predeclared."""
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    with opened(store_url, read_only=True) as store:
        _require_language(store, "sparql")
        return store.query(prologue + query, params)


def cypher(store_url: str | None, query: str, params: dict[str, Any] | None = None) -> QueryResult:
    """A raw Cypher query, parameters passed as $name."""
    with opened(store_url, read_only=True) as store:
        _require_language(store, "cypher")
        return store.query(query, params)


def _require_language(store: Store, language: str) -> None:
    if store.language != language:
        raise StanceGraphError(f"{store.url}: this store speaks {store.language}; use stancegraph {store.language}")


def export(store_url: str | None, fmt: str) -> bytes:
    with opened(store_url, read_only=True) as store:
        return export_rdf(store, fmt)


def validate_store(store_url: str | None) -> ValidationReport:
    with opened(store_url, read_only=True) as store:
        return validate(store)


def delete(store_url: str | None, article_id: str) -> bool:
    with opened(store_url) as store:
        return store.delete_article(article_id)


def seed_article_path() -> str:
    return str(files("stancegraph").joinpath("examples", SEED_ARTICLE))


def demo(store_url: str | None = None) -> tuple[IngestReport, list[StanceSummary]]:
    """Ingest the bundled seed article, then answer 'who stands where' from the store."""
    with opened(store_url) as store:
        report = ingest([seed_article_path()], store, **SEED_METADATA)
        return report, stances_on(store)


def evaluate(gold_files: Iterable[str], articles_dir: str | None = None, min_confidence: float | None = None):
    """Scores against gold files; stances below `min_confidence` (default: the documented
    DEFAULT_MIN_CONFIDENCE) count as not extracted."""
    from .evaluation import evaluate as run

    return run(list(gold_files), articles_dir, min_confidence=min_confidence)


def errors_by_cause(results) -> list[dict]:
    """Misses and extras of evaluated articles grouped by cause, biggest group first."""
    from .error_analysis import summarise

    return summarise([error for result in results for error in result.errors])


def stance_matrix(store_url: str | None, min_confidence: float | None = None, **filters: Any) -> tuple[list[str], list[str], dict[tuple[str, str], str]]:
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return matrix(stances_on(store, **filters))


def evidence_for(store_url: str | None, actor_name: str, topic: str, min_confidence: float | None = None) -> list[StanceRecord]:
    topic_id = resolve_topic(topic)
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return evidence(store, find_actor(store, actor_name).id, topic_id)


def timeline_of(store_url: str | None, actor_name: str, topic: str, min_confidence: float | None = None) -> list[TimelinePoint]:
    topic_id = resolve_topic(topic)
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return timeline(stance_statements(store, topic_id, find_actor(store, actor_name).id))


def position_changes(store_url: str | None, topic: str | None = None, since: str | None = None,
                     until: str | None = None, min_confidence: float | None = None) -> list[PositionChange]:
    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return changes(stance_statements(store, topic_id, since=since, until=until))


def coalitions_on(store_url: str | None, topic: str | None = None, as_of: str | None = None, min_confidence: float | None = None) -> list[Coalition]:
    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return coalitions(stances_on(store, topic_id, as_of=as_of))


def agreement_pairs(store_url: str | None, as_of: str | None = None, minimum: int = 1, min_confidence: float | None = None) -> list[Agreement]:
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return agreements(stances_on(store, as_of=as_of), minimum)


def relations(store_url: str | None, actor_name: str | None = None, at: str | None = None,
              predicate: str | None = None) -> list[RoleRecord]:
    with opened(store_url, read_only=True) as store:
        actor_id = find_actor(store, actor_name).id if actor_name else None
        return relations_at(store, actor_id, at, predicate)


def network(store_url: str | None, topic: str | None = None, since: str | None = None, until: str | None = None, min_confidence: float | None = None):
    """The actor–topic–actor network of the latest positions in a date window."""
    from .graph.networks import stance_network
    from .queries import relation_statements

    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        summaries = stances_on(store, topic_id, since=since, until=until)
        relations = [r for r in relation_statements(store)
                     if (not since or (r.date or "") >= since) and (not until or (r.date or "") <= until)]
    return stance_network(summaries, relations)


def visualise(store_url: str | None, output: str, topic: str | None = None, since: str | None = None,
              until: str | None = None, min_confidence: float | None = None) -> str:
    """Write the interactive HTML graph; returns the note on what it shows."""
    from pathlib import Path

    from .viz import render_html

    graph = network(store_url, topic, since, until, min_confidence)
    title = "stancegraph" + (f": {resolve_topic(topic)}" if topic else "")
    page, note = render_html(graph, title)
    Path(output).write_text(page, encoding="utf-8")
    return note


def analyse(store_url: str | None, kind: str, topic: str | None = None, since: str | None = None,
            until: str | None = None, normalise: str = "raw", min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Discourse-network measures as rows: congruence, conflict, communities, centrality, two-mode."""
    from .queries import analysis

    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        positions = stances_on(store, topic_id, since=since, until=until)
    if kind == "two-mode":
        graph = analysis.two_mode(positions)
        return [{"actor": a, "topic": t, "polarity": d["polarity"], "weight": d["weight"]}
                for a, t, d in sorted(graph.edges(data=True)) if graph.nodes[a]["kind"] == "actor"] + \
               [{"actor": t, "topic": a, "polarity": d["polarity"], "weight": d["weight"]}
                for a, t, d in sorted(graph.edges(data=True)) if graph.nodes[a]["kind"] == "topic"]
    if kind in ("congruence", "conflict"):
        graph = getattr(analysis, kind)(positions, normalise)
        return [{"actor_a": a, "actor_b": b, "weight": round(d["weight"], 4), "topics": d["topics"]}
                for a, b, d in sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))]
    graph = analysis.congruence(positions, normalise)
    if kind == "communities":
        return [{"coalition": i + 1, "size": len(group), "actors": ", ".join(sorted(group))}
                for i, group in enumerate(analysis.coalitions(graph))]
    if kind == "centrality":
        scores = analysis.centrality(graph)
        return [{"actor": n, **{k: round(v, 4) for k, v in s.items()}}
                for n, s in sorted(scores.items(), key=lambda kv: (-kv[1]["weighted_degree"], kv[0]))]
    raise StanceGraphError(f"unknown analysis {kind!r}")


def export_network(store_url: str | None, fmt: str, output: str | None, min_confidence: float | None = None) -> str:
    """GraphML, GEXF, CSV node and edge lists (a folder), or the DNA statement table."""
    from .graph import networks

    if fmt == "dna":
        with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
            table = networks.dna_table(stance_statements(store))
        if output:
            from pathlib import Path

            Path(output).write_text(table, encoding="utf-8")
        return table
    if not output:
        raise StanceGraphError(f"--format {fmt} writes files: give -o " + ("FOLDER" if fmt == "csv" else "FILE"))
    graph = network(store_url, min_confidence=min_confidence)
    if fmt == "graphml":
        networks.write_graphml(graph, output)
    elif fmt == "gexf":
        networks.write_gexf(graph, output)
    else:
        networks.write_csv(graph, output)
    return ""
