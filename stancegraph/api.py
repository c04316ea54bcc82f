"""The library functions behind each CLI command: open the store, ask, close."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from .dates import parse_day
from .errors import InputError, QueryError, StanceGraphError, UnknownNameError
from .graph import open_store
from .graph.base import QueryResult, Store
from .graph.export import export_rdf
from .graph.validate import ValidationReport, validate
from .limits import Limits
from .loaders import count_inputs, load_articles  # noqa: F401 - count_inputs is the CLI's
from .model import DEFAULT_MIN_CONFIDENCE, PREDICATES, Extraction
from .ontology import load_topics
from .ontology.namespace import PREFIXES
from .queries import (  # noqa: F401 - BY and DEFAULT_STALE_AGE are the CLI's
    BY, DEFAULT_STALE_AGE, ActorProfile, Agreement, Coalition, PositionChange, RoleRecord, StanceRecord,
    StanceSummary, TimelinePoint, actor_profile, agreements, changes, coalitions, current_positions, evidence,
    find_actor, list_actors, matrix, relation_statements, relations_at, resolve_topic, stance_statements, timeline,
)
from .queries.current import window as date_window

if TYPE_CHECKING:
    from .ingest import IngestReport

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


def enable_classifier() -> None:
    from .loaders.extract import enable_classifier as enable

    enable()


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


QUERY_TIMEOUT = 60.0  # seconds a raw query may run before the answer is given up


def sparql(store_url: str | None, query: str, params: dict[str, Any] | None = None,
           timeout: float | None = QUERY_TIMEOUT) -> QueryResult:
    """A raw SPARQL query; the usual prefixes (sg:, schema:, skos:, prov:, …) are predeclared.
    Past `timeout` seconds (None: no limit) it fails with QueryError."""
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    with opened(store_url, read_only=True) as store:
        _require_language(store, "sparql")
        try:
            return _within(timeout, lambda: store.query(prologue + query, params))
        except QueryError as err:  # positions in the user's query, not in the one with the prefixes
            raise QueryError(_ERROR_AT.sub(lambda m: _shifted(m, prologue.count("\n")), str(err))) from None


_ERROR_AT = re.compile(r"\b(\d+):(\d+)\b")


def _shifted(match: re.Match, lines: int) -> str:
    line = int(match.group(1)) - lines
    return f"{line}:{match.group(2)}" if line > 0 else match.group(0)


def query_param(text: str) -> tuple[str, Any]:
    """A raw query's NAME=VALUE parameter, typed as the value reads: YYYY-MM-DD a date, an
    integer or decimal a number, true/false a boolean, <…> an IRI, anything else a string;
    NAME:str=VALUE keeps it a string. Raises StanceGraphError on a malformed parameter."""
    import datetime
    from decimal import Decimal

    name, sep, value = text.partition("=")
    name, _, kind = name.lstrip("?$").partition(":")
    if not sep or not name or kind not in ("", "str"):
        raise StanceGraphError(f"--param takes NAME=VALUE or NAME:str=VALUE, not {text!r}")
    if kind == "str":
        return name, value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return name, datetime.date.fromisoformat(parse_day(value, f"--param {name}"))
    if re.fullmatch(r"-?\d+", value):
        return name, int(value)
    if re.fullmatch(r"-?\d+\.\d+", value):
        return name, Decimal(value)
    if value in ("true", "false"):
        return name, value == "true"
    return name, value


def cypher(store_url: str | None, query: str, params: dict[str, Any] | None = None,
           timeout: float | None = QUERY_TIMEOUT, write: bool = False) -> QueryResult:
    """A raw Cypher query, parameters passed as $name (a parameter the query names but `params`
    lacks is null, so the named .cypher files run as they are); past `timeout` seconds it
    fails. It may not write unless `write` is set: the engine itself refuses (a read
    transaction on Neo4j, GRAPH.RO_QUERY on FalkorDB)."""
    named = {name: None for name in _CYPHER_PARAMETER.findall(_without_cypher_text(query))}
    bound = {**named, **(params or {})}
    with opened(store_url, read_only=not write) as store:
        _require_language(store, "cypher")
        run = store.execute if write else store.query
        return _within(timeout, lambda: run(query, bound))


_CYPHER_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_CYPHER_TEXT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*")


def _without_cypher_text(query: str) -> str:
    """The query less its string literals, quoted names and comments, where a '$' is text."""
    return _CYPHER_TEXT.sub(" ", query)


def _within(timeout: float | None, run: Callable[[], QueryResult]) -> QueryResult:
    """The query's answer, or QueryError once `timeout` seconds pass. The query runs in a
    daemon thread: an embedded engine cannot be interrupted, so it is left behind (a server
    finishes it on its own) and ends with the process."""
    import threading

    if not timeout:
        return run()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = run()
        except BaseException as err:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = err

    thread = threading.Thread(target=work, daemon=True, name="stancegraph-query")
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise QueryError(f"the query ran longer than {timeout:g} s and was given up (raise --timeout, or 0 for none)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _require_language(store: Store, language: str) -> None:
    if store.language != language:
        raise StanceGraphError(f"{store.url}: this store speaks {store.language}; use stancegraph {store.language}")


def export(store_url: str | None, fmt: str) -> bytes:
    with opened(store_url, read_only=True) as store:
        return export_rdf(store, fmt)


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
    from .graph.summaries import stale_summaries

    with opened(store_url, read_only=check) as store:
        problems = stale_summaries(store)
        return (0 if check else store.rebuild_summaries()), problems


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
        statements = _page_statements(store, topic_id, since, window.get("by") == "state")
        relations = [r for r in relation_statements(store) if not since or (r.date or "") >= since]
        actors = {a.id: _page_actor(a) for a in list_actors(store)}
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
    names = {a.id: a.name for a in list_actors(store)}
    found = []
    for r in stance_statements(store, topic, since=since):
        actor, people = r.actor_id, ()
        if body_of is not None and r.actor_type == "Person":
            actor, people = body_of(r), (r.actor,)
            if actor is None:
                continue
        found.append(PageStatement(actor, r.topic, r.polarity, r.date, r.evidence, r.speaker or names.get(r.speaker_id or ""),
                                   r.attribution, r.outlet, r.title, r.url, r.article_id, people))
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


def export_dna(store_url: str | None, output: str, mixed: str = "split", min_confidence: float | None = None,
               since: str | None = None, until: str | None = None) -> tuple[int, int]:
    """A Discourse Network Analyzer 3 project (SQLite `.dna`) of the store's articles and
    stance statements; returns (documents, statements) written."""
    from .graph.dna import dna_statements, write_dna
    from .queries.api import articles
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
    from .queries.api import articles, mentions

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
