"""Extractions as property-graph rows for parameterised UNWIND … MERGE batches (DESIGN §5).

Labels and relationship types come from fixed lists, never from article text, so the only
strings pasted into Cypher are these constants; every value travels as a parameter."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..model import JOURNALIST, ACTOR_TYPES, PREDICATES, Extraction

RELATIONSHIP_TYPES = {p: p.upper() for p in PREDICATES}


def article_rows(extractions: list[Extraction]) -> dict[str, Any]:
    """Everything a batch of articles writes, grouped by the statement that writes it."""
    rows: dict[str, Any] = {"articles": [], "mentions": [], "stances": [], "speakers": [],
                            "actors": defaultdict(list), "relations": defaultdict(list)}
    for extraction in extractions:
        article = extraction.article
        rows["articles"].append({"id": article.id, "props": {
            "url": article.url, "title": article.title, "outlet": article.outlet, "author": article.author,
            "published": article.published, "text": article.text}})
        for actor in extraction.actors:
            rows["actors"][actor.type].append({"id": actor.id, "props": {
                "name": actor.name, "type": actor.type, "wikidata": actor.wikidata}})
            rows["mentions"].append({"article": article.id, "actor": actor.id, "forms": list(actor.mentions)})
        for stance in extraction.distinct_stances:
            sid = stance.statement_id(article.id)
            rows["stances"].append({"id": sid, "holder": stance.actor, "topic": stance.topic, "article": article.id,
                                    "props": _stance_props(stance, article.id)})
            if stance.speaker and stance.speaker != JOURNALIST:
                rows["speakers"].append({"id": sid, "speaker": stance.speaker})
        for relation in extraction.distinct_relations:
            rows["relations"][relation.predicate].append({
                "id": relation.statement_id(article.id), "subject": relation.subject, "object": relation.object,
                "props": {"article": article.id, "evidence": relation.evidence.text, "start": relation.evidence.start,
                          "end": relation.evidence.end, "confidence": relation.confidence, "date": relation.date,
                          "rule": relation.rule}})
    return rows


def _stance_props(stance, article_id: str) -> dict[str, Any]:
    return {
        "article": article_id, "polarity": stance.polarity, "attribution": stance.attribution,
        "confidence": stance.confidence, "hedged": stance.hedged, "condition": stance.condition,
        "evidence": stance.evidence.text, "start": stance.evidence.start, "end": stance.evidence.end,
        "date": stance.date, "rule": stance.rule,
    }


WRITE_ARTICLES = "UNWIND $rows AS row MERGE (n:Article {id: row.id}) SET n += row.props"
WRITE_TOPICS = "UNWIND $rows AS row MERGE (t:Topic {id: row.id}) SET t.label = row.label, t.definition = row.definition"
WRITE_ACTORS = {t: f"UNWIND $rows AS row MERGE (a:Actor {{id: row.id}}) SET a:{t}, a += row.props" for t in ACTOR_TYPES}
WRITE_MENTIONS = ("UNWIND $rows AS row MATCH (n:Article {id: row.article}), (a:Actor {id: row.actor}) "
                  "MERGE (n)-[m:MENTIONS]->(a) SET m.forms = row.forms")
WRITE_STANCES = ("UNWIND $rows AS row MATCH (h:Actor {id: row.holder}), (t:Topic {id: row.topic}), "
                 "(n:Article {id: row.article}) MERGE (s:Stance {id: row.id}) SET s += row.props "
                 "MERGE (h)-[:HOLDS]->(s) MERGE (s)-[:ON]->(t) MERGE (s)-[:FROM]->(n)")
WRITE_SPEAKERS = ("UNWIND $rows AS row MATCH (s:Stance {id: row.id}), (a:Actor {id: row.speaker}) "
                  "MERGE (s)-[:SAID_BY]->(a)")
WRITE_RELATIONS = {
    p: ("UNWIND $rows AS row MATCH (a:Actor {id: row.subject}), (b:Actor {id: row.object}) "
        f"MERGE (a)-[r:{t} {{id: row.id}}]->(b) SET r += row.props")
    for p, t in RELATIONSHIP_TYPES.items()
}
DELETE_STANCES = "UNWIND $ids AS id MATCH (s:Stance {article: id}) DETACH DELETE s"
# From the article through the actors it mentions (every relation's subject is one of them):
# matching all relationships and filtering on their article would read the whole graph per article.
DELETE_RELATIONS = ("UNWIND $ids AS id MATCH (:Article {id: id})-[:MENTIONS]->(:Actor)-[r]->(:Actor) "
                    "WHERE r.article = id DELETE r")
DELETE_MENTIONS = "UNWIND $ids AS id MATCH (n:Article {id: id})-[m:MENTIONS]->(:Actor) DELETE m"
DELETE_ARTICLES = "UNWIND $ids AS id MATCH (n:Article {id: id}) DETACH DELETE n"
DELETE_ORPHANS = "MATCH (a:Actor) WHERE NOT (a)<-[:MENTIONS]-(:Article) DETACH DELETE a"
ARTICLE_EXISTS = "MATCH (n:Article {id: $id}) RETURN count(n) AS n"


def replace_batch(extractions: list[Extraction], topics) -> list[tuple[str, dict[str, Any]]]:
    """The statements that replace a batch of articles: old facts out, new ones in, in order."""
    rows = article_rows(extractions)
    ids = [e.article.id for e in extractions]
    steps: list[tuple[str, dict[str, Any]]] = [
        (DELETE_STANCES, {"ids": ids}), (DELETE_RELATIONS, {"ids": ids}), (DELETE_MENTIONS, {"ids": ids}),
        (WRITE_TOPICS, {"rows": [{"id": t.id, "label": t.label, "definition": t.definition} for t in topics]}),
        (WRITE_ARTICLES, {"rows": rows["articles"]}),
    ]
    steps += [(WRITE_ACTORS[t], {"rows": r}) for t, r in rows["actors"].items()]
    steps += [(WRITE_MENTIONS, {"rows": rows["mentions"]}), (WRITE_STANCES, {"rows": rows["stances"]}),
              (WRITE_SPEAKERS, {"rows": rows["speakers"]})]
    steps += [(WRITE_RELATIONS[p], {"rows": r}) for p, r in rows["relations"].items()]
    steps.append((DELETE_ORPHANS, {}))  # actors only the old version of an article mentioned
    return [(q, p) for q, p in steps if p.get("rows", p.get("ids", True))]


def delete_steps(article_id: str) -> list[tuple[str, dict[str, Any]]]:
    ids = {"ids": [article_id]}
    return [(DELETE_STANCES, ids), (DELETE_RELATIONS, ids), (DELETE_ARTICLES, ids), (DELETE_ORPHANS, {})]
