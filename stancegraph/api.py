"""The library functions behind each CLI command: open the store, ask, close."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from .errors import InputError, StanceGraphError, UnknownNameError
from .graph.validate import ValidationReport, validate
from .limits import Limits
from .loaders import count_inputs, load_articles  # noqa: F401 - count_inputs is the CLI's
from .model import DEFAULT_MIN_CONFIDENCE, PREDICATES, Extraction
from .ontology import load_topics
from .queries import (  # noqa: F401 - BY and DEFAULT_STALE_AGE are the CLI's
    BY, DEFAULT_STALE_AGE, ActorProfile, Agreement, Coalition, PositionChange, RoleRecord, StanceRecord,
    StanceSummary, TimelinePoint, actor_profile, agreements, changes, coalitions, current_positions, evidence,
    find_actor, list_actors, matrix, relation_statements, relations_at, resolve_topic, stance_statements, timeline,
)
from .outputs import (  # noqa: F401 - the library's file outputs, reached through api as before
    _writing, export, export_dna, export_neo4j_csv, export_network, network, visualise, write_text,
)
from .raw_queries import QUERY_TIMEOUT, cypher, query_param, split_param, sparql  # noqa: F401
from .queries.current import window as date_window
from .store_session import opened

if TYPE_CHECKING:
    from .ingest import IngestReport

SEED_ARTICLE = "00-seed-rasmussen.txt"
SEED_METADATA = {"published": "2023-06-07", "outlet": "The Guardian"}


# Questions never load the extraction pipeline (spaCy, the lexicons, the classifier): it is
# imported by the functions that extract, so that answering starts fast.

def ingest_sources(sources: Iterable[str], store_url: str | None = None, *,
                   progress: Callable[[int], None] | None = None, **options: Any) -> IngestReport:
    from .ingest import ingest

    with opened(store_url) as store:
        return ingest(sources, store, progress=progress, **options)


def extract_to_file(sources: Iterable[str], output: str, **options: Any) -> IngestReport:
    """Extract every article the sources hold into an extraction file for `load_extractions`
    (options as for ingest: fmt, encoding, workers, limits, cluster, progress, metadata)."""
    from .ingest import extract_to_file as extract

    with _writing(output):
        return extract(sources, output, **options)


def load_extractions(paths: Iterable[str], store_url: str | None = None, **options: Any) -> IngestReport:
    """Write extraction files into a store (options: resume, batch_size, progress)."""
    from .ingest import load

    with opened(store_url) as store:
        return load(paths, store, **options)


def usable_workers(requested: int | None = None) -> tuple[int, str | None]:
    """Extraction processes this machine can run (cores, and memory at about 155 MB each):
    the request, or fewer with the reason; all it can when nothing is requested."""
    from .ingest import usable_workers as usable

    return usable(requested)


def write_failure_report(report: IngestReport, path: str) -> None:
    from .ingest import write_failure_report as write

    with _writing(path):
        write(report, path)


def enable_classifier(enabled: bool = True) -> None:
    """The learned classifier beside the rules (the default), or the rules alone."""
    from .loaders.extract import enable_classifier as enable

    enable(enabled)


def extract_sources(sources: Iterable[str], min_confidence: float | None = None, limits: Limits = Limits(),
                    **options: Any) -> list[Extraction]:
    """Extractions of every article the sources hold, without the stances less confident than
    `min_confidence` (default DEFAULT_MIN_CONFIDENCE); the first bad input, or one past the
    limits, raises."""
    from .loaders.extract import default_extractor

    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    extractions = []
    for item in load_articles(sources, max_bytes=limits.max_bytes, **options):
        if isinstance(item, InputError):
            raise item
        extractions.append(default_extractor().extract(item, limits.max_seconds).above(threshold))
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
    """Current positions; `filters` are current_positions' (polarity, actor_type, since, until,
    as_of, max_age, by='actor' or 'state')."""
    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return current_positions(store, topic_id, **filters)


def actor(store_url: str | None, name: str, min_confidence: float | None = None, **window: Any) -> ActorProfile:
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return actor_profile(store, name, **window)


def topics() -> list[dict[str, Any]]:
    return [{"id": t.id, "label": t.label, "definition": t.definition, "broader": t.broader} for t in load_topics()]


def validate_store(store_url: str | None) -> ValidationReport:
    """SHACL validation of an RDF store; a property-graph store has no RDF form to check."""
    with opened(store_url, read_only=True) as store:
        if store.language != "sparql":
            raise StanceGraphError(f"{store.url}: validate checks RDF stores against SHACL shapes; this store "
                                   f"speaks {store.language} (export its data with stancegraph export, or ingest "
                                   "into an oxigraph: store to validate)")
        return validate(store)


def summarise(store_url: str | None, check: bool = False) -> tuple[int, list[str]]:
    """Rebuild every summary from the statements (after a bulk load, a crash or concurrent
    writers), or with `check` only list the summaries that disagree with their statements.
    Returns (summaries rebuilt, problems found before)."""
    from .graph.summaries import rebuild, stale_summaries

    with opened(store_url, read_only=check) as store:
        summaries = rebuild(store)  # read once: for the report and for the rebuild
        problems = stale_summaries(store, summaries)
        return (0 if check else store.rebuild_summaries(summaries)), problems


def delete(store_url: str | None, article_id: str) -> bool:
    """Remove one article's facts; a store that does not exist is an error, never created."""
    with opened(store_url, read_only=True):
        pass
    with opened(store_url) as store:
        return store.delete_article(article_id)


def seed_article_path() -> str:
    return str(files("stancegraph").joinpath("examples", SEED_ARTICLE))


def demo(store_url: str | None = None) -> tuple[IngestReport, list[StanceSummary]]:
    """Ingest the bundled seed article, then answer 'who stands where' from the store."""
    from .ingest import ingest

    with opened(store_url) as store:
        report = ingest([seed_article_path()], store, **SEED_METADATA)
        return report, current_positions(store)


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
        return matrix(current_positions(store, **filters))


def evidence_for(store_url: str | None, actor_name: str, topic: str, min_confidence: float | None = None) -> list[StanceRecord]:
    topic_id = resolve_topic(topic)
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return evidence(store, find_actor(store, actor_name).id, topic_id)


def timeline_of(store_url: str | None, actor_name: str, topic: str, min_confidence: float | None = None) -> list[TimelinePoint]:
    topic_id = resolve_topic(topic)
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return timeline(stance_statements(store, topic_id, find_actor(store, actor_name).id))


def position_changes(store_url: str | None, topic: str | None = None, since: str | None = None,
                     until: str | None = None, min_confidence: float | None = None,
                     max_age: str | None = None) -> list[PositionChange]:
    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        start, end, _ = date_window(store, topic_id, since, until, None, max_age)
        return changes(stance_statements(store, topic_id, since=start, until=end))


def coalitions_on(store_url: str | None, topic: str | None = None, min_confidence: float | None = None,
                  **window: Any) -> list[Coalition]:
    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return coalitions(current_positions(store, topic_id, **window))


def agreement_pairs(store_url: str | None, minimum: int = 1, min_confidence: float | None = None,
                    **window: Any) -> list[Agreement]:
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        return agreements(current_positions(store, **window), minimum)


def relations(store_url: str | None, actor_name: str | None = None, at: str | None = None,
              predicate: str | None = None) -> list[RoleRecord]:
    if predicate and predicate not in PREDICATES:
        import difflib

        raise UnknownNameError("predicate", predicate, difflib.get_close_matches(predicate, PREDICATES, n=3, cutoff=0.5)
                               or list(PREDICATES))
    with opened(store_url, read_only=True) as store:
        actor_id = find_actor(store, actor_name).id if actor_name else None
        return relations_at(store, actor_id, at, predicate)


ANALYSES = {
    "congruence": ("actor_a", "actor_b", "weight", "topics"),
    "conflict": ("actor_a", "actor_b", "weight", "topics"),
    "communities": ("coalition", "size", "actors"),
    "centrality": ("actor", "degree", "weighted_degree", "betweenness"),
    "two-mode": ("actor", "topic", "polarity", "weight"),
}


def analyse(store_url: str | None, kind: str, topic: str | None = None, normalise: str = "raw",
            min_confidence: float | None = None, **window: Any) -> list[dict[str, Any]]:
    """Discourse-network measures as rows (columns: ANALYSES[kind]): congruence, conflict,
    communities, centrality, two-mode."""
    from .queries import analysis

    topic_id = resolve_topic(topic) if topic else None
    with opened(store_url, read_only=True, min_confidence=min_confidence) as store:
        positions = current_positions(store, topic_id, **window)
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
