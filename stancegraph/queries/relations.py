"""Relations between actors: as stated in articles, summarised, and at a date with the
dictionary's dated roles."""

from __future__ import annotations

from ..dates import parse_bound
from ..graph.base import Store
from ..graph.summaries import relation_observation, summarise
from ..loaders.actors import actor_index
from .actors import list_actors, name_of
from .named import run_question, text_or_none
from .records import RelationRecord, RelationSummary, RoleRecord


def relation_statements(store: Store, subject_id: str | None = None, object_id: str | None = None,
                        predicate: str | None = None) -> list[RelationRecord]:
    result = run_question(store, "relation_statements", {"subject": subject_id, "object": object_id, "predicate": predicate})
    records = [
        RelationRecord(r["subjectId"], r["subjectName"], r["predicate"], r["objectId"], r["objectName"],
                       float(r["confidence"]), r["evidence"], text_or_none(r.get("date")), r["articleId"],
                       r.get("title"), r.get("url"), r.get("outlet"), int(r["start"]), int(r["end"]))
        for r in result.records()
    ]
    return sorted(records, key=lambda r: (r.subject, r.predicate, r.object, r.date or "", r.article_id, r.evidence))


def relation_summaries(store: Store, subject_id: str | None = None,
                       object_id: str | None = None) -> list[RelationSummary]:
    """One row per relation between two actors: how often and when articles stated it, and
    the latest evidence. Reads the summaries kept at write time where the store has them."""
    if getattr(store, "has_summaries", False):
        rows = run_question(store, "relation_summaries", {"subject": subject_id, "object": object_id}).records()
        found = [RelationSummary(r["subjectId"], r["subjectName"], r["predicate"], r["objectId"], r["objectName"],
                                 int(r["statements"]), text_or_none(r.get("first")), text_or_none(r.get("last")), r["evidence"],
                                 r.get("source"), float(r["confidence"])) for r in rows]
    else:
        groups: dict[tuple[str, str, str], list[RelationRecord]] = {}
        for record in relation_statements(store, subject_id, object_id):
            groups.setdefault((record.subject_id, record.predicate, record.object_id), []).append(record)
        found = [_relation_summary(group) for group in groups.values()]
    return sorted(found, key=lambda r: (r.subject, r.predicate, r.object))


def _relation_summary(group: list[RelationRecord]) -> RelationSummary:
    summary = summarise(map(relation_observation, group))
    first = group[0]
    return RelationSummary(first.subject_id, first.subject, first.predicate, first.object_id, first.object,
                           summary.statements, summary.first_date, summary.last_date, summary.evidence,
                           summary.source, summary.confidence)


def relations_at(store: Store, actor_id: str | None = None, at: str | None = None,
                 predicate: str | None = None) -> list[RoleRecord]:
    """Who advises, leads or represents whom: relations observed in articles (up to `at`), and
    at a date the roles the actor dictionary dates, for the actors the store knows."""
    day = parse_bound(at, "at", end=True) if at else None
    rows: dict[tuple[str, str, str], RoleRecord] = {}
    observed = relation_statements(store, subject_id=actor_id, predicate=predicate)
    if actor_id:
        observed += relation_statements(store, object_id=actor_id, predicate=predicate)
    for r in sorted(observed, key=lambda r: (r.date or "", r.article_id)):
        if day and r.date and r.date > day:
            continue
        if day and _contradicted(r, day):
            continue
        known = rows.get((r.subject_id, r.predicate, r.object_id))
        rows[(r.subject_id, r.predicate, r.object_id)] = RoleRecord(
            r.subject_id, r.subject, r.predicate, r.object_id, r.object,
            known.start if known else r.date, r.date, "observed", r.evidence)
    if day:
        for record in _dictionary_roles(store, actor_id, day, predicate):
            rows.setdefault((record.subject_id, record.predicate, record.object_id), record)
    return sorted(rows.values(), key=lambda r: (r.subject, r.predicate, r.object))


def _contradicted(relation: RelationRecord, day: str) -> bool:
    """An observed role the dictionary says the person did not hold on that day."""
    entry = actor_index().entry(relation.subject_id)
    if entry is None or relation.predicate in ("advises", "former_head_of", "member_of"):
        return False
    index = actor_index()
    dated = [r for r in entry.roles if r.of == relation.object_id and index.predicate(r.role, False) == relation.predicate]
    return bool(dated) and not any(r.held_on(day) for r in dated)


def _dictionary_roles(store: Store, actor_id: str | None, day: str, predicate: str | None) -> list[RoleRecord]:
    index = actor_index()
    known = {a.id: a.name for a in list_actors(store)}
    found = []
    for ident, name in known.items():
        entry = index.entry(ident)
        if entry is None or (actor_id and actor_id != ident and not any(r.of == actor_id for r in entry.roles)):
            continue
        for role in entry.roles:
            verb = index.predicate(role.role, False)
            if role.held_on(day) and verb and (predicate is None or verb == predicate):
                found.append(RoleRecord(ident, name, verb, role.of, name_of(role.of), role.start, role.end, "dictionary"))
    return found
