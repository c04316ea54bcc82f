"""Plain, JSON-able records that flow between loaders, the extractor and the stores."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ActorType = Literal["Person", "State", "Organization", "Group"]
Polarity = Literal["support", "oppose", "mixed"]
Attribution = Literal["self", "reported"]

ACTOR_TYPES: tuple[str, ...] = ("Person", "State", "Organization", "Group")
POLARITIES: tuple[str, ...] = ("support", "oppose", "mixed")
ATTRIBUTIONS: tuple[str, ...] = ("self", "reported")
PREDICATES: tuple[str, ...] = (
    "advises", "leads", "head_of", "ambassador_to", "minister_of", "former_head_of",
    "member_of", "spokesperson_of", "president_of", "prime_minister_of", "secretary_general_of",
)
# Relations through which a person speaks for a state or organisation (not ambassador_to: an
# ambassador to X speaks for home), for attribution and for the roll-up to states.
SPEAKING_PREDICATES = frozenset({"head_of", "president_of", "prime_minister_of", "minister_of", "spokesperson_of",
                                 "secretary_general_of"})
JOURNALIST = "journalist"

# Stances less confident than this are left out of extraction output and of every question
# unless a lower --min-confidence is asked for (eval/README.md). Rule stances carry the rules'
# own confidence (0.45 for a position taken up by anaphora, up to 0.9), the classifier's its
# probability. 0.5 was chosen first, on the classifier's validation split; it dropped the
# rules' 0.45 stances, which are correct on the project's gold, so the default keeps them.
DEFAULT_MIN_CONFIDENCE = 0.4


def confident_enough(confidence: float, min_confidence: float) -> bool:
    """Whether a confidence meets a threshold; stores keep two decimals, so 0.4 meets 0.4."""
    return confidence >= min_confidence - 1e-9


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable hex digest of the parts, joined unambiguously."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                                 "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "ð": "d"})


def to_ascii(text: str) -> str:
    """'Radosław Sikorski' -> 'Radoslaw Sikorski'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slugify(name: str) -> str:
    """ASCII slug of a name: 'Péter Szijjártó' -> 'peter-szijjarto'."""
    ascii_name = to_ascii(name)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "x" + short_hash(name, length=8)


def actor_id(name: str, wikidata: str | None = None) -> str:
    """Stable actor id: 'wd:Q…' where the Wikidata id is known, else 'sg:' + slug."""
    if wikidata:
        return f"wd:{wikidata}"
    return f"sg:{slugify(name)}"


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    source: str | None = None  # file or stream the article came from; not part of its identity

    @property
    def id(self) -> str:
        """The canonical URL when given, else a hash of the cleaned body."""
        return self.url or f"sha256:{short_hash(self.text, length=32)}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "url": self.url, "outlet": self.outlet,
            "author": self.author, "published": self.published, "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        return cls(
            text=data["text"], title=data.get("title"), url=data.get("url"),
            outlet=data.get("outlet"), author=data.get("author"), published=data.get("published"),
        )


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: ActorType
    wikidata: str | None = None
    mentions: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["mentions"] = list(self.mentions)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"], name=data["name"], type=data["type"], wikidata=data.get("wikidata"),
            mentions=tuple(data.get("mentions", ())),
        )


@dataclass(frozen=True)
class Relation:
    subject: str
    predicate: str
    object: str
    evidence: Evidence
    confidence: float
    date: str | None = None
    rule: str | None = None

    def statement_id(self, article_id: str) -> str:
        return short_hash(article_id, "relation", self.subject, self.predicate, self.object,
                          self.evidence.start, self.evidence.end)

    def to_json(self) -> dict[str, Any]:
        return _drop_none(asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Relation:
        return cls(
            subject=data["subject"], predicate=data["predicate"], object=data["object"],
            evidence=Evidence(**data["evidence"]), confidence=data["confidence"],
            date=data.get("date"), rule=data.get("rule"),
        )


@dataclass(frozen=True)
class Stance:
    actor: str
    topic: str
    polarity: Polarity
    attribution: Attribution
    speaker: str | None
    evidence: Evidence
    confidence: float
    hedged: bool = False
    condition: str | None = None
    date: str | None = None
    rule: str | None = None

    def statement_id(self, article_id: str) -> str:
        return short_hash(article_id, "stance", self.actor, self.topic, self.polarity,
                          self.evidence.start, self.evidence.end)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: v for k, v in data.items() if v is not None or k in ("speaker", "condition")}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Stance:
        return cls(
            actor=data["actor"], topic=data["topic"], polarity=data["polarity"],
            attribution=data["attribution"], speaker=data.get("speaker"),
            evidence=Evidence(**data["evidence"]), confidence=data["confidence"],
            hedged=bool(data.get("hedged", False)), condition=data.get("condition"),
            date=data.get("date"), rule=data.get("rule"),
        )


@dataclass(frozen=True)
class Extraction:
    article: Article
    actors: tuple[Actor, ...] = ()
    relations: tuple[Relation, ...] = ()
    stances: tuple[Stance, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    @property
    def distinct_stances(self) -> tuple[Stance, ...]:
        """One stance per statement id, the last winning: the id is the statement's identity in
        every store, so two facts with one id would merge into one node with mixed values."""
        return tuple({s.statement_id(self.article.id): s for s in self.stances}.values())

    @property
    def distinct_relations(self) -> tuple[Relation, ...]:
        return tuple({r.statement_id(self.article.id): r for r in self.relations}.values())

    def above(self, min_confidence: float) -> Extraction:
        """The same extraction without the stances less confident than `min_confidence`."""
        if min_confidence <= 0:
            return self
        kept = tuple(s for s in self.stances if confident_enough(s.confidence, min_confidence))
        return dataclasses.replace(self, stances=kept)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article": self.article.to_json(),
            "actors": [a.to_json() for a in self.actors],
            "relations": [r.to_json() for r in self.relations],
            "stances": [s.to_json() for s in self.stances],
        }
        if self.warnings:
            data["warnings"] = list(self.warnings)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            article=Article.from_json(data["article"]),
            actors=tuple(Actor.from_json(a) for a in data.get("actors", ())),
            relations=tuple(Relation.from_json(r) for r in data.get("relations", ())),
            stances=tuple(Stance.from_json(s) for s in data.get("stances", ())),
            warnings=tuple(data.get("warnings", ())),
        )


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}
