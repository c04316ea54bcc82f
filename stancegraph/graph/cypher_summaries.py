"""Where summaries live in a property graph: one :Summary node per key, written by the same
batch as the articles that changed it.

FalkorDB has no multi-statement transactions, so a batch first marks the summaries dirty and
clears the mark as its last statement; a writer that finds the mark left by a crash rebuilds
them before writing (on Neo4j the batch is one transaction and the mark is never seen)."""

from __future__ import annotations

from typing import Any

from .cypher_mapping import RELATIONSHIP_TYPES
from .summaries import CONFLICTING, SUMMARY_VERSION, Key, Summary

PREDICATE_OF_TYPE = {t: p for p, t in RELATIONSHIP_TYPES.items()}

EXISTING_ARTICLES = "UNWIND $ids AS id MATCH (n:Article {id: id}) RETURN n.id"
STANCE_KEYS = ("UNWIND $ids AS id MATCH (h:Actor)-[:HOLDS]->(s:Stance {article: id})-[:ON]->(t:Topic) "
               "RETURN DISTINCT id, h.id, t.id")
RELATION_KEYS = ("UNWIND $ids AS id MATCH (:Article {id: id})-[:MENTIONS]->(a:Actor)-[r]->(b:Actor) "
                 "WHERE r.article = id RETURN DISTINCT id, a.id, type(r), b.id")
READ_SUMMARIES = ("UNWIND $ids AS id MATCH (m:Summary {id: id}) RETURN m.id, m.polarity, m.statements, "
                  "m.first_date, m.last_date, m.article, m.evidence, m.speaker, m.source, m.confidence, "
                  "m.support, m.oppose, m.mixed, m.backing")
WRITE_SUMMARIES = "UNWIND $rows AS row MERGE (m:Summary {id: row.id}) SET m = row"
DELETE_SUMMARIES = "UNWIND $ids AS id MATCH (m:Summary {id: id}) DELETE m"
DELETE_ALL_SUMMARIES = "MATCH (m:Summary) DELETE m"
COUNT_SUMMARIES = "MATCH (m:Summary) RETURN count(m)"
ARTICLE_ACTORS = "UNWIND $ids AS id MATCH (:Article {id: id})-[:MENTIONS]->(a:Actor) RETURN DISTINCT a.id"
FORMS_ELSEWHERE = ("UNWIND $actors AS aid MATCH (n:Article)-[m:MENTIONS]->(:Actor {id: aid}) "
                   "WHERE NOT n.id IN $ids RETURN aid, m.forms")
READ_FORMS = "UNWIND $actors AS aid MATCH (a:Actor {id: aid}) RETURN a.id, a.forms"
WRITE_FORMS = "UNWIND $rows AS row MATCH (a:Actor {id: row.id}) SET a.forms = row.forms"
ALL_FORMS = "MATCH (:Article)-[m:MENTIONS]->(a:Actor) RETURN a.id, m.forms"
STATE = "MATCH (v:SummaryState) RETURN v.version, v.dirty"
SET_STATE = "MERGE (v:SummaryState {name: 'summaries'}) SET v.version = $version, v.dirty = $dirty"


def summary_id(key: Key) -> str:
    return "\x1f".join(key)


def mark(dirty: bool) -> tuple[str, dict[str, Any]]:
    return SET_STATE, {"version": SUMMARY_VERSION, "dirty": dirty}


def summary_row(summary: Summary) -> dict[str, Any]:
    row: dict[str, Any] = {"id": summary_id(summary.key), "kind": summary.key[0], "actor": summary.key[1]}
    if summary.key[0] == "stance":
        row["topic"] = summary.key[2]
    else:
        row["predicate"], row["object"] = summary.key[2], summary.key[3]
    row.update({"polarity": summary.polarity, "statements": summary.statements, "first_date": summary.first_date,
                "last_date": summary.last_date, "article": summary.article_id, "evidence": summary.evidence,
                "speaker": summary.speaker, "source": summary.source, "confidence": summary.confidence,
                "support": summary.counts[0], "oppose": summary.counts[1], "mixed": summary.counts[2],
                "backing": summary.backing})
    return {k: v for k, v in row.items() if v is not None}


def replace_steps(changed: dict[Key, Summary | None]) -> list[tuple[str, dict[str, Any]]]:
    gone = [summary_id(k) for k, s in changed.items() if s is None]
    rows = [summary_row(s) for s in changed.values() if s is not None]
    return [(q, p) for q, p in ((DELETE_SUMMARIES, {"ids": gone}), (WRITE_SUMMARIES, {"rows": rows}))
            if p.get("ids", p.get("rows"))]


def summaries_from_rows(rows: list[tuple]) -> dict[Key, Summary | object]:
    """Summaries from READ_SUMMARIES rows; CONFLICTING for a key two nodes carry (two writers'
    MERGE at once on a store without a uniqueness constraint)."""
    found: dict[Key, Summary | object] = {}
    for ident, pol, count, first, last, article, evidence, speaker, source, confidence, *tally in rows:
        key = tuple(ident.split("\x1f"))
        if key in found:
            found[key] = CONFLICTING
            continue
        support, oppose, mixed, backing = (int(v) if v is not None else None for v in tally)
        found[key] = Summary(key, pol or "", int(count), first, last, article, evidence, speaker, source,
                             float(confidence), (support or 0, oppose or 0, mixed or 0),
                             int(count) if backing is None else backing)
    return found


def keys_by_article(stance_rows: list[tuple], relation_rows: list[tuple]) -> dict[str, set[Key]]:
    found: dict[str, set[Key]] = {}
    for article, holder, topic in stance_rows:
        found.setdefault(article, set()).add(("stance", holder, topic))
    for article, subject, kind, obj in relation_rows:
        found.setdefault(article, set()).add(("relation", subject, PREDICATE_OF_TYPE.get(kind, kind.lower()), obj))
    return found


def collect_forms(rows: list[tuple], into: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """(actor id, list of forms) rows as one set of forms per actor."""
    found = into if into is not None else {}
    for actor, forms in rows:
        found.setdefault(actor, set()).update(forms or ())
    return found


def forms_step(forms: dict[str, set[str]]) -> list[tuple[str, dict[str, Any]]]:
    rows = [{"id": actor, "forms": sorted(f)} for actor, f in sorted(forms.items())]
    return [(WRITE_FORMS, {"rows": rows})] if rows else []
