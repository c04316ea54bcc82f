"""What the graph page shows, as plain data: every stance statement of the window (the page
folds them into positions as of the date its slider shows), the actors with their names,
aliases and roles, the topics with their labels, the relations, and a layout computed here.

Layout: topics are hubs on a circle; each actor sits near the hubs it takes positions on
(grouped by type within the ring between hubs), an actor known only from relations beside its
partners; a few rounds of pairwise repulsion keep nodes apart. Deterministic: the same store
gives the same page."""

from __future__ import annotations

import math
import random
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

TYPE_ORDER = {"State": 0, "Organization": 1, "Group": 2, "Person": 3, "Actor": 4}
MAX_ACTORS = 2500
SPACING = 46.0  # canvas units between node centres the repulsion aims for


@dataclass(frozen=True)
class PageStatement:
    actor: str
    topic: str
    polarity: str
    date: str | None
    evidence: str
    speaker: str | None
    attribution: str
    outlet: str | None
    title: str | None
    url: str | None
    article: str
    people: tuple[str, ...] = ()  # by state: the person whose statement this is


def page_data(statements: Iterable[PageStatement], relations: Iterable, actors: dict[str, dict],
              topics: list, initial: dict[str, str | None]) -> tuple[dict, str]:
    """The page's data and a note on what it shows (and what it had to leave out)."""
    statements = sorted(statements, key=lambda s: (s.date or "", s.article, s.actor, s.topic))
    counts = Counter(s.actor for s in statements)
    relations = list(relations)
    people = set(counts) | {r.subject_id for r in relations} | {r.object_id for r in relations}
    note = ""
    if len(people) > MAX_ACTORS:
        keep = set(sorted(counts, key=lambda a: (-counts[a], a))[:MAX_ACTORS])
        statements = [s for s in statements if s.actor in keep]
        relations = [r for r in relations if r.subject_id in keep and r.object_id in keep]
        note = f"showing the {len(keep)} actors with the most statements of {len(people)}; narrow with --topic or --since"
        people = keep
    labels = {t.id: t.label for t in topics}
    used_topics = sorted({s.topic for s in statements}, key=list(labels).index)
    positions = layout(used_topics, statements, relations, {a: actors.get(a, {}).get("type", "Actor") for a in people})
    data = {
        "topics": [{"id": t, "label": labels[t], "short": _short(labels[t])} for t in used_topics],
        "actors": [{"id": a, **_actor(a, actors.get(a, {}))} for a in sorted(people)],
        "statements": [_statement(s) for s in statements],
        "relations": [{"from": r.subject_id, "to": r.object_id, "predicate": r.predicate, "date": r.date,
                       "evidence": r.evidence, "outlet": r.outlet, "url": r.url, "title": r.title} for r in relations],
        "positions": {n: [round(x, 1), round(y, 1)] for n, (x, y) in positions.items()},
        "dates": sorted({s.date for s in statements if s.date}),
        "initial": initial,
    }
    return data, note or f"{len(counts)} actors with positions, {len(used_topics)} topics, {len(statements)} statements"


def layout(topics: list[str], statements: list[PageStatement], relations: list, types: dict[str, str]) -> dict:
    rng = random.Random(7)
    radius = SPACING * max(4.0, math.sqrt(len(types) + 1) * 1.6)
    # an ellipse wider than tall: the screen is, and topic labels are long lines of text
    hubs = {t: (1.3 * radius * math.cos(2 * math.pi * i / max(1, len(topics)) - math.pi / 2),
                radius * math.sin(2 * math.pi * i / max(1, len(topics)) - math.pi / 2)) for i, t in enumerate(topics)}
    held = defaultdict(set)
    for s in statements:
        held[s.actor].add(s.topic)
    partners = defaultdict(set)
    for r in relations:
        partners[r.subject_id].add(r.object_id)
        partners[r.object_id].add(r.subject_id)
    place: dict[str, tuple[float, float]] = dict(hubs)
    for actor in sorted(held, key=lambda a: (TYPE_ORDER.get(types.get(a, "Actor"), 4), a)):
        xs = [hubs[t][0] for t in held[actor]]
        ys = [hubs[t][1] for t in held[actor]]
        cx, cy = sum(xs) / len(xs) * 0.62, sum(ys) / len(ys) * 0.62
        ring = 0.18 * radius * (1 + TYPE_ORDER.get(types.get(actor, "Actor"), 4) / 4)
        angle = 2 * math.pi * rng.random()
        place[actor] = (cx + ring * math.cos(angle), cy + ring * math.sin(angle))
    for actor in sorted(set(types) - set(place)):  # known from relations only: beside a partner
        anchor = next((place[p] for p in sorted(partners[actor]) if p in place), None)
        angle = 2 * math.pi * rng.random()
        base = anchor or (0.0, 0.0)
        place[actor] = (base[0] + SPACING * 1.5 * math.cos(angle), base[1] + SPACING * 1.5 * math.sin(angle))
    return _repelled(place, set(hubs))


def _repelled(place: dict, fixed: set[str], rounds: int = 40) -> dict:
    """Push apart nodes closer than SPACING (hubs stay); a grid keeps each round near-linear."""
    points = {n: list(p) for n, p in place.items()}
    for _ in range(rounds):
        grid: dict[tuple[int, int], list[str]] = defaultdict(list)
        for n, (x, y) in points.items():
            grid[(int(x // SPACING), int(y // SPACING))].append(n)
        moved = False
        for (gx, gy), members in grid.items():
            near = [m for dx in (-1, 0, 1) for dy in (-1, 0, 1) for m in grid.get((gx + dx, gy + dy), ())]
            for a in members:
                for b in near:
                    if a >= b:
                        continue
                    (ax, ay), (bx, by) = points[a], points[b]
                    dx, dy = bx - ax, by - ay
                    distance = math.hypot(dx, dy) or 0.01
                    if distance >= SPACING:
                        continue
                    push = (SPACING - distance) / 2
                    ux, uy = (dx, dy) if distance > 0.01 else (1.0, 0.0)
                    norm = math.hypot(ux, uy)
                    ux, uy = ux / norm, uy / norm
                    share_a = 0.0 if a in fixed else (1.0 if b in fixed else 0.5)
                    share_b = 0.0 if b in fixed else (1.0 if a in fixed else 0.5)
                    points[a] = [ax - ux * push * 2 * share_a, ay - uy * push * 2 * share_a]
                    points[b] = [bx + ux * push * 2 * share_b, by + uy * push * 2 * share_b]
                    moved = True
        if not moved:
            break
    return {n: (p[0], p[1]) for n, p in points.items()}


def _actor(actor_id: str, known: dict) -> dict:
    return {"name": known.get("name", actor_id), "type": known.get("type", "Actor"),
            "aliases": sorted(set(known.get("aliases", ())) - {known.get("name")}), "roles": known.get("roles", [])}


def _statement(s: PageStatement) -> dict:
    return {"actor": s.actor, "topic": s.topic, "polarity": s.polarity, "date": s.date, "evidence": s.evidence,
            "speaker": s.speaker, "attribution": s.attribution, "outlet": s.outlet, "title": s.title,
            "url": s.url if s.url and s.url.startswith(("http://", "https://")) else None, "article": s.article,
            "people": list(s.people)}


def _short(label: str) -> str:
    """The topic's wording on at most two lines of about 24 characters (the panel has it whole)."""
    lines = textwrap.wrap(label, 24)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), 24, placeholder="…")]
    return "\n".join(lines)
