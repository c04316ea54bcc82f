"""The named questions every benchmark times, and how it times them."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from stancegraph.queries import (
    actor_profile, agreements, changes, coalitions, evidence, matrix, relations_at, stance_statements, stances_on,
    timeline,
)

TOPIC = "invitation_or_clear_path"
ACTOR, ACTOR_ID = "Germany", "wd:Q183"


def named_questions(topic: str = TOPIC, actor: str = ACTOR, actor_id: str = ACTOR_ID) -> dict[str, Callable]:
    return {
        "stances on a topic": lambda s: stances_on(s, topic),
        "actor profile": lambda s: actor_profile(s, actor),
        "stances on a topic, as of a date": lambda s: stances_on(s, topic, as_of="2016-01-01"),
        "matrix (all actors × topics)": lambda s: matrix(stances_on(s)),
        "evidence (one actor, one topic)": lambda s: evidence(s, actor_id, topic),
        "timeline (one actor, one topic)": lambda s: timeline(stance_statements(s, topic, actor_id)),
        "changes on a topic": lambda s: changes(stance_statements(s, topic)),
        "coalitions on a topic": lambda s: coalitions(stances_on(s, topic)),
        "agreement pairs (all topics)": lambda s: agreements(stances_on(s)),
        "relations at a date": lambda s: relations_at(s, at="2020-01-01"),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(fn: Callable[[], object], runs: int, budget_s: float = 120.0) -> list[float]:
    """Milliseconds per run after one warm-up; stops early (at least 3 runs) past the budget."""
    fn()
    times: list[float] = []
    deadline = time.perf_counter() + budget_s
    while len(times) < runs and (len(times) < 3 or time.perf_counter() < deadline):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p50_p95(times: list[float]) -> str:
    return f"{statistics.median(times):.1f} / {percentile(times, 0.95):.1f}"


def latencies(store, runs: int, budget_s: float = 120.0) -> dict[str, list[float]]:
    return {name: measure(lambda: fn(store), runs, budget_s) for name, fn in named_questions().items()}
