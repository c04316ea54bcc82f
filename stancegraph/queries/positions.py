"""Questions over dated stance observations: the matrix, timelines, changes of position,
coalitions and agreement between actors. Plain functions over StanceRecords, so every
store answers them identically once it has returned the statements."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from .records import StanceRecord, StanceSummary
from .stances import summary_of_statements

SYMBOL = {"support": "+", "oppose": "-", "mixed": "~"}


@dataclass(frozen=True)
class TimelinePoint:
    date: str | None
    polarity: str
    statements: int
    evidence: str
    source: str | None


@dataclass(frozen=True)
class PositionChange:
    actor_id: str
    actor: str
    topic: str
    before: str
    after: str
    last_before: str | None  # date of the last observation of the old position
    first_after: str | None  # date of the first observation of the new one
    evidence: str
    source: str | None


@dataclass(frozen=True)
class Coalition:
    topic: str
    polarity: str
    actors: tuple[str, ...]


@dataclass(frozen=True)
class Agreement:
    actor_a: str
    actor_b: str
    agree: int  # topics on which both hold the same latest polarity
    disagree: int  # topics on which one supports and the other opposes
    topics: int  # topics both have a position on


def matrix(summaries: list[StanceSummary]) -> tuple[list[str], list[str], dict[tuple[str, str], str]]:
    """Actors × topics, one cell per latest polarity."""
    actors = sorted({s.actor for s in summaries})
    topics = sorted({s.topic for s in summaries})
    cells = {(s.actor, s.topic): s.polarity for s in summaries}
    return actors, topics, cells


def timeline(records: list[StanceRecord]) -> list[TimelinePoint]:
    """One point per article date: the polarity observed then (several at once combine to mixed)."""
    by_day: dict[tuple[str | None, str], list[StanceRecord]] = defaultdict(list)
    for record in records:
        by_day[(record.date, record.article_id)].append(record)
    points = []
    for (day, _), group in sorted(by_day.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        summary = summary_of_statements(group)
        points.append(TimelinePoint(day, summary.polarity, len(group), summary.evidence, summary.source))
    return points


def changes(records: list[StanceRecord]) -> list[PositionChange]:
    """Every switch of polarity between consecutive dated observations of an actor on a topic."""
    groups: dict[tuple[str, str], list[StanceRecord]] = defaultdict(list)
    for record in records:
        groups[(record.actor_id, record.topic)].append(record)
    found = []
    for group in groups.values():
        points = timeline(group)
        for before, after in zip(points, points[1:]):
            if before.polarity != after.polarity:
                first = group[0]
                found.append(PositionChange(first.actor_id, first.actor, first.topic, before.polarity,
                                            after.polarity, before.date, after.date, after.evidence, after.source))
    return sorted(found, key=lambda c: (c.first_after or "", c.actor, c.topic))


def coalitions(summaries: list[StanceSummary]) -> list[Coalition]:
    """Actors grouped by their latest polarity, per topic."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for summary in summaries:
        groups[(summary.topic, summary.polarity)].append(summary.actor)
    order = {"support": 0, "mixed": 1, "oppose": 2}
    return [Coalition(topic, polarity, tuple(sorted(actors)))
            for (topic, polarity), actors in sorted(groups.items(), key=lambda kv: (kv[0][0], order[kv[0][1]]))]


def agreements(summaries: list[StanceSummary], minimum: int = 1) -> list[Agreement]:
    """Pairs of actors by how often their latest positions agree or clash across topics."""
    positions: dict[str, dict[str, str]] = defaultdict(dict)
    for summary in summaries:
        positions[summary.actor][summary.topic] = summary.polarity
    pairs = []
    for a, b in combinations(sorted(positions), 2):
        shared = positions[a].keys() & positions[b].keys()
        if len(shared) < minimum:
            continue
        agree = sum(positions[a][t] == positions[b][t] for t in shared)
        disagree = sum({positions[a][t], positions[b][t]} == {"support", "oppose"} for t in shared)
        pairs.append(Agreement(a, b, agree, disagree, len(shared)))
    return sorted(pairs, key=lambda p: (-(p.agree + p.disagree), -p.agree, p.actor_a, p.actor_b))
