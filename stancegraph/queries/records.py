"""The typed records every query answers with, the same on every store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: str | None
