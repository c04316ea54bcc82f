"""Named-question latency on a generated corpus in the embedded store, against the same SPARQL
on rdflib's in-memory Dataset, in one run on one machine.

    python bench/queries.py [--articles 10000] [--runs 20]

Prints, per question, p50/p95 in milliseconds on Oxigraph (the whole question: SPARQL plus
the Python that summarises rows), then for the SPARQL queries themselves the p50 on both
engines and the ratio rdflib/Oxigraph.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_extractions  # noqa: E402

from stancegraph.graph import open_store  # noqa: E402
from stancegraph.graph.sparql_store import bind  # noqa: E402
from stancegraph.queries import (  # noqa: E402
    actor_profile, agreements, changes, coalitions, evidence, load_query, matrix, relations_at, stance_statements,
    stances_on, timeline,
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(fn, runs: int) -> list[float]:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--baseline-articles", type=int, default=200,
                        help="rdflib's engine joins in Python: it is compared on a corpus this large")
    parser.add_argument("--baseline-timeout", type=int, default=120, help="seconds before an rdflib query is given up")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="sg-bench-")
    store = open_store(f"oxigraph:{folder}/store")
    started = time.perf_counter()
    batch = []
    for extraction in synthetic_extractions(args.articles):
        batch.append(extraction)
        if len(batch) == 500:
            store.write(batch)
            batch = []
    store.write(batch)
    load = time.perf_counter() - started
    quads = list(store.quads())
    print(f"corpus: {args.articles} synthetic articles, {len(quads):,} quads; embedded load {load:.1f} s "
          f"({args.articles / load:.0f} articles/s)")
    topic, germany = "invitation_or_clear_path", "wd:Q183"
    questions = {
        "stances on a topic": lambda: stances_on(store, topic),
        "stances on a topic, as of": lambda: stances_on(store, topic, as_of="2016-01-01"),
        "matrix": lambda: matrix(stances_on(store)),
        "actor profile": lambda: actor_profile(store, "Germany"),
        "evidence": lambda: evidence(store, germany, topic),
        "timeline": lambda: timeline(stance_statements(store, topic, germany)),
        "changes on a topic": lambda: changes(stance_statements(store, topic)),
        "coalitions": lambda: coalitions(stances_on(store, topic)),
        "agreement pairs": lambda: agreements(stances_on(store)),
        "relations at a date": lambda: relations_at(store, at="2020-01-01"),
    }
    print("\n| question | p50 ms | p95 ms |\n|---|---|---|")
    for name, fn in questions.items():
        times = measure(fn, args.runs)
        print(f"| {name} | {statistics.median(times):.1f} | {percentile(times, 0.95):.1f} |")

    store.close()
    compare_with_rdflib(args, topic, germany)


def compare_with_rdflib(args, topic: str, germany: str) -> None:
    import signal

    import rdflib
    from pyoxigraph import NamedNode, RdfFormat, serialize

    from stancegraph.ontology.namespace import actor_iri, topic_iri

    small = open_store("memory:")
    small.write(list(synthetic_extractions(args.baseline_articles)))
    quads = list(small.transport.store)  # every graph, the summaries kept at write time included
    dataset = rdflib.Dataset()
    started = time.perf_counter()
    dataset.parse(data=serialize(quads, format=RdfFormat.N_QUADS).decode(), format="nquads")
    print(f"\nbaseline corpus: the first {args.baseline_articles} articles, {len(quads):,} quads; "
          f"rdflib in-memory Dataset load {time.perf_counter() - started:.1f} s")
    sparql = {
        "stance statements on a topic": bind(load_query("stance_statements", "sparql"), {"topicId": topic}),
        "stance statements of an actor on a topic": bind(load_query("stance_statements", "sparql"), {"topicId": topic, "holderId": germany}),
        "relation statements": load_query("relation_statements", "sparql"),
        "actors (surface forms from summaries)": load_query("actors", "sparql"),
        "stance summaries on a topic": bind(load_query("stance_summaries", "sparql"), {"topic": NamedNode(topic_iri(topic))}),
        "relation summaries of an actor": bind(load_query("relation_summaries", "sparql"),
                                               {"subject": NamedNode(actor_iri(germany))}),
    }
    print("\n| SPARQL query (same text) | Oxigraph p50 ms | rdflib p50 ms | rdflib / Oxigraph |\n|---|---|---|---|")

    def give_up(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, give_up)
    for name, text in sparql.items():
        ox = statistics.median(measure(lambda: small.query(text).rows, args.runs))
        signal.alarm(args.baseline_timeout)
        try:
            rd = statistics.median(measure(lambda: list(dataset.query(text)), args.baseline_runs))
            print(f"| {name} | {ox:.1f} | {rd:.1f} | {rd / ox:.0f}x |")
        except TimeoutError:
            print(f"| {name} | {ox:.1f} | > {args.baseline_timeout * 1000} (stopped) | > {args.baseline_timeout * 1000 / ox:.0f}x |")
        finally:
            signal.alarm(0)


if __name__ == "__main__":
    main()
