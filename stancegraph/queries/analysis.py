"""Discourse-network analysis as plain functions over networkx graphs.

The input is the latest position of each actor on each topic (StanceSummary rows, for any
date window); the outputs are the networks discourse network analysis uses: the actor × topic
two-mode network, its projection onto actors as congruence (same polarity on a topic) and
conflict (support against oppose), communities of the congruence network as coalitions, and
actor centrality.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import combinations
from typing import Protocol

import networkx as nx

NORMALISATIONS = ("raw", "jaccard", "cosine")


class Position(Protocol):
    actor: str
    actor_type: str
    topic: str
    polarity: str
    statements: int


def two_mode(positions: Iterable[Position]) -> nx.Graph:
    """Actors and topics as the two node sets; an edge per position, with polarity and weight
    (the number of statements behind it).

    >>> from types import SimpleNamespace as P
    >>> g = two_mode([P(actor="Poland", actor_type="State", topic="t1", polarity="support", statements=2)])
    >>> sorted(g.nodes(data="kind")), g["Poland"]["t1"]["polarity"]
    ([('Poland', 'actor'), ('t1', 'topic')], 'support')
    """
    graph = nx.Graph()
    for p in positions:
        graph.add_node(p.actor, kind="actor", type=p.actor_type, bipartite=0)
        graph.add_node(p.topic, kind="topic", bipartite=1)
        graph.add_edge(p.actor, p.topic, polarity=p.polarity, weight=p.statements)
    return graph


def _positions_by_actor(positions: Iterable[Position]) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for p in positions:
        table.setdefault(p.actor, {})[p.topic] = p.polarity
    return table


def _normalise(count: int, a: dict[str, str], b: dict[str, str], how: str) -> float:
    if how == "raw":
        return float(count)
    if how == "jaccard":
        return count / len(a.keys() | b.keys())
    if how == "cosine":
        return count / math.sqrt(len(a) * len(b))
    raise ValueError(f"unknown normalisation {how!r} (known: {', '.join(NORMALISATIONS)})")


def congruence(positions: Iterable[Position], normalise: str = "raw") -> nx.Graph:
    """Actors linked by the topics on which they hold the same polarity.

    raw: the number of such topics; jaccard: that number over the topics either actor has a
    position on; cosine: that number over the geometric mean of both actors' topic counts.

    >>> from types import SimpleNamespace as P
    >>> rows = [P(actor=a, actor_type="State", topic=t, polarity=p, statements=1) for a, t, p in [
    ...     ("A", "t1", "support"), ("A", "t2", "oppose"), ("B", "t1", "support"), ("B", "t2", "oppose"),
    ...     ("B", "t3", "support"), ("C", "t1", "oppose")]]
    >>> congruence(rows)["A"]["B"]["weight"], round(congruence(rows, "jaccard")["A"]["B"]["weight"], 3)
    (2.0, 0.667)
    >>> round(congruence(rows, "cosine")["A"]["B"]["weight"], 3), congruence(rows).has_edge("A", "C")
    (0.816, False)
    """
    return _projection(positions, normalise, lambda x, y: x == y)


def conflict(positions: Iterable[Position], normalise: str = "raw") -> nx.Graph:
    """Actors linked by the topics on which one supports and the other opposes."""
    return _projection(positions, normalise, lambda x, y: {x, y} == {"support", "oppose"})


def _projection(positions: Iterable[Position], normalise: str, related) -> nx.Graph:
    rows = list(positions)
    table = _positions_by_actor(rows)
    graph = nx.Graph()
    graph.add_nodes_from((p.actor, {"type": p.actor_type}) for p in rows)
    for a, b in combinations(sorted(table), 2):
        shared = [t for t in table[a].keys() & table[b].keys() if related(table[a][t], table[b][t])]
        if shared:
            graph.add_edge(a, b, weight=_normalise(len(shared), table[a], table[b], normalise),
                           topics=",".join(sorted(shared)))
    return graph


def coalitions(graph: nx.Graph) -> list[set[str]]:
    """Communities of a congruence network (greedy modularity, deterministic), largest first;
    actors with no ties form no coalition."""
    connected = graph.subgraph(n for n in graph if graph.degree(n) > 0)
    if connected.number_of_edges() == 0:
        return []
    groups = nx.algorithms.community.greedy_modularity_communities(connected, weight="weight")
    return sorted((set(g) for g in groups), key=lambda g: (-len(g), sorted(g)))


def centrality(graph: nx.Graph) -> dict[str, dict[str, float]]:
    """Degree, weighted degree and betweenness of every actor in a one-mode network."""
    degree = nx.degree_centrality(graph) if len(graph) > 1 else {n: 0.0 for n in graph}
    strength = dict(graph.degree(weight="weight"))
    between = nx.betweenness_centrality(graph, weight=None) if len(graph) > 2 else {n: 0.0 for n in graph}
    return {n: {"degree": degree[n], "weighted_degree": float(strength[n]), "betweenness": between[n]} for n in graph}
