"""The query API: typed records from named questions, the same on every store."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import Literal, NamedNode

from ..dates import parse_bound, parse_day
from ..errors import UnknownNameError
from ..graph.base import Store
from ..graph.summaries import relation_observation, stance_observation, summarise
from ..loaders.actors import actor_index, fold
from ..model import DEFAULT_MIN_CONFIDENCE, confident_enough
from ..ontology import Topic, load_topics
from ..ontology.namespace import PREFIXES, SG, actor_iri, topic_iri
from . import load_query


@dataclass(frozen=True)
class StanceRecord:
    statement: str
    actor_id: str
    actor: str
    actor_type: str
    topic: str
    polarity: str
    attribution: str
    speaker_id: str | None
    speaker: str | None
    hedged: bool
    condition: str | None
    confidence: float
    evidence: str
    start: int
    end: int
    date: str | None
    rule: str | None
    article_id: str
    title: str | None
    url: str | None
    outlet: str | None


@dataclass(frozen=True)
class StanceSummary:
    actor_id: str
    actor: str
    actor_type: str
    topic: str
    polarity: str
    statements: int
    first_date: str | None
    last_date: str | None
    evidence: str
    speaker: str | None
    source: str | None
    confidence: float
    backing: int = 0  # statements behind the shown polarity (of `statements` in all)
    stale: bool = False  # last seen long before the answer's reference date (see current.py)
    people: tuple[str, ...] = ()  # by state: the people whose statements were credited to it


@dataclass(frozen=True)
class RelationRecord:
    subject_id: str
    subject: str
    predicate: str
    object_id: str
    object: str
    confidence: float
    evidence: str
    date: str | None
    article_id: str
    title: str | None
    url: str | None
    outlet: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class RelationSummary:
    """One relation between two actors over every statement of it."""
    subject_id: str
    subject: str
    predicate: str
    object_id: str
    object: str
    statements: int
    first_date: str | None
    last_date: str | None
    evidence: str
    source: str | None
    confidence: float


@dataclass(frozen=True)
class RoleRecord:
    subject_id: str
    subject: str
    predicate: str
    object_id: str
    object: str
    start: str | None
    end: str | None
    source: str  # 'dictionary' or 'observed'
    evidence: str | None = None


@dataclass(frozen=True)
class ActorRecord:
    id: str
    name: str
    type: str
    wikidata: str | None
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorProfile:
    actor: ActorRecord
    roles: list[dict[str, Any]] = field(default_factory=list)
    relations_out: list[RelationSummary] = field(default_factory=list)
    relations_in: list[RelationSummary] = field(default_factory=list)
    stances: list[StanceSummary] = field(default_factory=list)


def _date(value: str) -> Literal:
    return Literal(parse_day(value), datatype=NamedNode(PREFIXES["xsd"] + "date"))


# Parameters of each named question, by logical name; each language receives them in its own terms.
PARAMETERS = {
    "stance_statements": ("topic", "holder", "pol", "since", "until"),
    "relation_statements": ("subject", "object", "predicate"),
    "actors": ("actor",),
    "actors_from_articles": ("actor",),
    "counts": (),
    "articles": ("article",),
    "mentions": (),
    "stance_summaries": ("topic", "holder"),
    "relation_summaries": ("subject", "object"),
}
_ACTOR_PARAMS = {"holder", "subject", "object", "actor"}


def _run(store: Store, name: str, params: dict[str, Any]):
    """Run a named question. SPARQL gets IRIs and typed dates for the filters that are set;
    Cypher gets every parameter, null where it does not filter."""
    values = {k: params.get(k) for k in PARAMETERS[name]}
    if store.language == "sparql":
        values = {k: _sparql_term(k, v) for k, v in values.items() if v is not None}
    return store.query(load_query(name, store.language), values)


def _sparql_term(name: str, value: Any) -> Any:
    if name in _ACTOR_PARAMS:
        return NamedNode(actor_iri(value))
    if name == "topic":
        return NamedNode(topic_iri(value))
    if name == "pol":
        return NamedNode(SG[value])
    if name in ("since", "until"):
        return _date(value)
    return value


def min_confidence_of(store: Store) -> float:
    """The confidence below which this store's questions leave stances out (set by api.opened)."""
    return getattr(store, "min_confidence", DEFAULT_MIN_CONFIDENCE)


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: str | None


def articles(store: Store, article_id: str | None = None) -> list[ArticleRecord]:
    """Every stored article (or one) with its full text, oldest first."""
    rows = _run(store, "articles", {"article": article_id}).records()
    return [ArticleRecord(r["articleId"], r["text"], r.get("title"), r.get("url"), r.get("outlet"), r.get("author"),
                          _text(r.get("published"))) for r in rows]


def mentions(store: Store) -> dict[tuple[str, str], tuple[str, ...]]:
    """(article id, actor id) -> the surface forms that article used for that actor."""
    found: dict[tuple[str, str], list[str]] = {}
    for row in _run(store, "mentions", {}).records():
        forms = found.setdefault((row["articleId"], row["actorId"]), [])
        if row.get("form"):
            forms.append(row["form"])
    return {key: tuple(forms) for key, forms in found.items()}


def stance_statements(store: Store, topic: str | None = None, actor_id: str | None = None,
                      polarity: str | None = None, since: str | None = None,
                      until: str | None = None) -> list[StanceRecord]:
    """Every stance statement matching the filters and at least as confident as the store's
    threshold, oldest first within each actor and topic."""
    params = {"topic": topic, "holder": actor_id, "pol": polarity,
              "since": parse_bound(since, "since") if since else None,
              "until": parse_bound(until, "until", end=True) if until else None}
    floor = min_confidence_of(store)
    records = [r for r in map(_stance_record, _run(store, "stance_statements", params).records())
               if confident_enough(r.confidence, floor)]
    return sorted(records, key=lambda r: (r.topic, r.actor, r.date or "", r.article_id, r.start, r.statement))


def _stance_record(row: dict[str, Any]) -> StanceRecord:
    polarity = str(row["pol"]).rsplit("#", 1)[-1]
    return StanceRecord(
        row["statement"], row["holderId"], row["holderName"], row["holderType"], row["topicId"], polarity,
        row["attribution"], row.get("speakerId"), row.get("speakerName") or ("journalist" if row.get("speakerId") is None else None),
        bool(row["hedged"]), row.get("condition"), float(row["confidence"]), row["evidence"], int(row["start"]),
        int(row["end"]), _text(row.get("date")), row.get("rule"), row["articleId"], row.get("title"), row.get("url"),
        row.get("outlet"),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def stances_on(store: Store, topic: str | None = None, polarity: str | None = None,
               actor_type: str | None = None, since: str | None = None, until: str | None = None,
               as_of: str | None = None, actor_id: str | None = None) -> list[StanceSummary]:
    """One row per actor and topic: the latest polarity (up to as_of), how many statements
    back it, when the actor was first and last seen, and the strongest evidence sentence of
    the latest article. Without a date window this reads the summaries kept at write time."""
    at_default = abs(min_confidence_of(store) - DEFAULT_MIN_CONFIDENCE) < 1e-9
    if since or until or as_of or not at_default or not getattr(store, "has_summaries", False):
        summaries = _summaries_from_statements(store, topic, actor_id, since, until, as_of)
    else:
        rows = _run(store, "stance_summaries", {"topic": topic, "holder": actor_id}).records()
        summaries = [_stance_summary(row) for row in rows]
    if actor_type:
        summaries = [s for s in summaries if s.actor_type.lower() == actor_type.lower()]
    if polarity:
        summaries = [s for s in summaries if s.polarity == polarity]
    return sorted(summaries, key=lambda s: (s.topic, _POLARITY_ORDER[s.polarity], s.actor))


def _summaries_from_statements(store: Store, topic: str | None, actor_id: str | None, since: str | None,
                               until: str | None, as_of: str | None) -> list[StanceSummary]:
    last = min((parse_bound(d, name, end=True) for d, name in ((until, "until"), (as_of, "as of")) if d), default=None)
    groups: dict[tuple[str, str], list[StanceRecord]] = {}
    for record in stance_statements(store, topic, actor_id, None, since, last):
        groups.setdefault((record.actor_id, record.topic), []).append(record)
    return [_summarise(group) for group in groups.values()]


def _stance_summary(row: dict[str, Any]) -> StanceSummary:
    speaker = row.get("speakerName") or ("journalist" if row.get("speakerId") is None else None)
    return StanceSummary(
        row["holderId"], row["holderName"], row["holderType"], row["topicId"], str(row["pol"]).rsplit("#", 1)[-1],
        int(row["statements"]), _text(row.get("first")), _text(row.get("last")), row["evidence"], speaker,
        row.get("source"), float(row["confidence"]), int(row.get("backing") or row["statements"]),
    )


_POLARITY_ORDER = {"support": 0, "mixed": 1, "oppose": 2}


def _summarise(group: list[StanceRecord]) -> StanceSummary:
    """The same fold the stores keep at write time, over statements read now."""
    summary = summarise(map(stance_observation, group), min_confidence=0.0)  # filtered when read
    first = group[0]
    names = {r.speaker_id: r.speaker for r in group}
    return StanceSummary(
        first.actor_id, first.actor, first.actor_type, first.topic, summary.polarity, summary.statements,
        summary.first_date, summary.last_date, summary.evidence, names.get(summary.speaker, "journalist"),
        summary.source, summary.confidence, summary.backing,
    )


def evidence(store: Store, actor_id: str, topic: str) -> list[StanceRecord]:
    """Every statement behind one actor–topic pair, newest first."""
    records = stance_statements(store, topic, actor_id)
    return sorted(records, key=lambda r: (r.date or "", r.article_id, r.start), reverse=True)


def relation_statements(store: Store, subject_id: str | None = None, object_id: str | None = None,
                        predicate: str | None = None) -> list[RelationRecord]:
    result = _run(store, "relation_statements", {"subject": subject_id, "object": object_id, "predicate": predicate})
    records = [
        RelationRecord(r["subjectId"], r["subjectName"], r["predicate"], r["objectId"], r["objectName"],
                       float(r["confidence"]), r["evidence"], _text(r.get("date")), r["articleId"],
                       r.get("title"), r.get("url"), r.get("outlet"), int(r["start"]), int(r["end"]))
        for r in result.records()
    ]
    return sorted(records, key=lambda r: (r.subject, r.predicate, r.object, r.date or "", r.article_id, r.evidence))


def list_actors(store: Store, actor_id: str | None = None) -> list[ActorRecord]:
    actors: dict[str, ActorRecord] = {}
    name = "actors" if getattr(store, "has_summaries", False) else "actors_from_articles"
    for row in _run(store, name, {"actor": actor_id}).records():
        known = actors.get(row["id"])
        mentions = set(known.mentions if known else ()) | ({row["mention"]} if row.get("mention") else set())
        actors[row["id"]] = ActorRecord(row["id"], row["name"], row["type"], row.get("wikidata") or None,
                                        tuple(sorted(mentions)))
    return sorted(actors.values(), key=lambda a: (a.name, a.id))


def find_actor(store: Store, name: str) -> ActorRecord:
    """An actor by id, name, alias, surname, a surface form seen in articles, or Wikidata id."""
    known = _dictionary_id(name)
    if known:
        direct = list_actors(store, known)  # the common case: one indexed look-up, no scan
        if direct:
            return direct[0]
    actors = list_actors(store)
    wanted = fold(name).casefold().strip()
    exact = [a for a in actors if wanted in {a.id.casefold(), fold(a.name).casefold(), (a.wikidata or "").casefold()}]
    if not exact:
        entry = actor_index().lookup(name)
        exact = [a for a in actors if entry and a.id == entry.id]
    if not exact:
        exact = [a for a in actors if wanted in {fold(m).casefold() for m in a.mentions}
                 or wanted == fold(a.name).split()[-1].casefold()]
    if not exact:  # a word of the name: 'Alexander' may be Stubb or Lukashenko
        exact = [a for a in actors if wanted in fold(a.name).casefold().split()]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise UnknownNameError("actor (ambiguous)", name, [f"{a.name} ({a.id})" for a in exact])
    names = {fold(a.name).casefold(): a.name for a in actors}
    close = difflib.get_close_matches(wanted, names, n=5, cutoff=0.5)
    raise UnknownNameError("actor", name, [names[c] for c in close])


def _dictionary_id(name: str) -> str | None:
    entry = actor_index().lookup(name.strip())
    if entry:
        return entry.id
    if name.startswith(("wd:Q", "sg:")):
        return name
    if name[:1] == "Q" and name[1:].isdigit():
        return f"wd:{name}"
    return None


def resolve_topic(name: str, topics: tuple[Topic, ...] | None = None) -> str:
    """A topic by id or by a word of its id or label ('invitation', 'troops')."""
    topics = topics or load_topics()
    ids = [t.id for t in topics]
    if name in ids:
        return name
    word = name.casefold().strip()
    matches = [t.id for t in topics if word in t.id.casefold() or word in t.label.casefold().split()
               or word in t.label.casefold()]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise UnknownNameError("topic (ambiguous)", name, matches)
    raise UnknownNameError("topic", name, difflib.get_close_matches(name, ids, n=3, cutoff=0.3))


def actor_profile(store: Store, name: str, **window: Any) -> ActorProfile:
    """An actor's dictionary roles, observed relations and current positions; `window` takes
    current_positions' since, until, as_of and max_age."""
    from .current import current_positions

    actor = find_actor(store, name)
    entry = actor_index().entry(actor.id)
    roles = [
        {"role": r.role, "of": _name_of(r.of), "start": r.start, "end": r.end}
        for r in (entry.roles if entry else ())
    ]
    return ActorProfile(
        actor, roles, relation_summaries(store, subject_id=actor.id), relation_summaries(store, object_id=actor.id),
        current_positions(store, actor_id=actor.id, **window),
    )


def relation_summaries(store: Store, subject_id: str | None = None,
                       object_id: str | None = None) -> list[RelationSummary]:
    """One row per relation between two actors: how often and when articles stated it, and
    the latest evidence. Reads the summaries kept at write time where the store has them."""
    if getattr(store, "has_summaries", False):
        rows = _run(store, "relation_summaries", {"subject": subject_id, "object": object_id}).records()
        found = [RelationSummary(r["subjectId"], r["subjectName"], r["predicate"], r["objectId"], r["objectName"],
                                 int(r["statements"]), _text(r.get("first")), _text(r.get("last")), r["evidence"],
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


def _name_of(actor_id: str) -> str:
    entry = actor_index().entry(actor_id)
    return entry.name if entry else actor_id


def store_counts(store: Store) -> dict[str, int]:
    rows = _run(store, "counts", {}).records()
    return {k: int(v) for k, v in rows[0].items()} if rows else {"articles": 0, "stances": 0, "relations": 0}


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
                found.append(RoleRecord(ident, name, verb, role.of, _name_of(role.of), role.start, role.end, "dictionary"))
    return found
