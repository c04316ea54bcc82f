"""Stance statements and the per-actor, per-topic summaries folded from them."""

from __future__ import annotations

from typing import Any

from ..dates import parse_bound
from ..graph.base import Store
from ..graph.summaries import stance_observation, summarise
from ..model import DEFAULT_MIN_CONFIDENCE, confident_enough
from .named import min_confidence_of, run_question, text_or_none
from .records import StanceRecord, StanceSummary


def stance_statements(store: Store, topic: str | None = None, actor_id: str | None = None,
                      polarity: str | None = None, since: str | None = None,
                      until: str | None = None) -> list[StanceRecord]:
    """Every stance statement matching the filters and at least as confident as the store's
    threshold, oldest first within each actor and topic."""
    params = {"topic": topic, "holder": actor_id, "pol": polarity,
              "since": parse_bound(since, "since") if since else None,
              "until": parse_bound(until, "until", end=True) if until else None}
    floor = min_confidence_of(store)
    records = [r for r in map(_stance_record, run_question(store, "stance_statements", params).records())
               if confident_enough(r.confidence, floor)]
    return sorted(records, key=lambda r: (r.topic, r.actor, r.date or "", r.article_id, r.start, r.statement))


def _stance_record(row: dict[str, Any]) -> StanceRecord:
    polarity = str(row["pol"]).rsplit("#", 1)[-1]
    return StanceRecord(
        row["statement"], row["holderId"], row["holderName"], row["holderType"], row["topicId"], polarity,
        row["attribution"], row.get("speakerId"), row.get("speakerName") or ("journalist" if row.get("speakerId") is None else None),
        bool(row["hedged"]), row.get("condition"), float(row["confidence"]), row["evidence"], int(row["start"]),
        int(row["end"]), text_or_none(row.get("date")), row.get("rule"), row["articleId"], row.get("title"), row.get("url"),
        row.get("outlet"),
    )


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
        rows = run_question(store, "stance_summaries", {"topic": topic, "holder": actor_id}).records()
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
    return [summary_of_statements(group) for group in groups.values()]


def _stance_summary(row: dict[str, Any]) -> StanceSummary:
    speaker = row.get("speakerName") or ("journalist" if row.get("speakerId") is None else None)
    return StanceSummary(
        row["holderId"], row["holderName"], row["holderType"], row["topicId"], str(row["pol"]).rsplit("#", 1)[-1],
        int(row["statements"]), text_or_none(row.get("first")), text_or_none(row.get("last")), row["evidence"], speaker,
        row.get("source"), float(row["confidence"]), int(row.get("backing") or row["statements"]),
    )


_POLARITY_ORDER = {"support": 0, "mixed": 1, "oppose": 2}


def summary_of_statements(group: list[StanceRecord]) -> StanceSummary:
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
