"""Scoring extractions against hand-made gold files (the seed's *.gold.json format)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .error_analysis import Error, classify_errors
from .errors import InputError
from .learned.dataset import dated, gold_stances, key
from .loaders import load_article
from .loaders.extract import default_extractor
from .model import DEFAULT_MIN_CONFIDENCE, Extraction


@dataclass(frozen=True)
class Score:
    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.true_positives + other.true_positives, self.predicted + other.predicted,
                     self.expected + other.expected)


@dataclass
class ArticleResult:
    article: str
    scores: dict[str, Score]
    misses: dict[str, list[tuple]] = field(default_factory=dict)
    extras: dict[str, list[tuple]] = field(default_factory=dict)
    offsets_ok: bool = True
    errors: list[Error] = field(default_factory=list)


KINDS = ("actors", "relations", "stances")


def gold_facts(gold: dict) -> dict[str, set[tuple]]:
    return {
        "actors": {(key(a["name"]),) for a in gold.get("actors", ())},
        "relations": {(key(r["subject"]), r["predicate"], key(r["object"])) for r in gold.get("relations", ())},
        "stances": {(key(s["actor"]), s["topic"], s["polarity"]) for s in gold.get("stances", ())},
    }


def predicted_facts(extraction: Extraction) -> dict[str, set[tuple]]:
    names = {a.id: a.name for a in extraction.actors}
    k = lambda actor_id: key(names.get(actor_id, actor_id))  # noqa: E731
    return {
        "actors": {(k(a.id),) for a in extraction.actors},
        "relations": {(k(r.subject), r.predicate, k(r.object)) for r in extraction.relations},
        "stances": {(k(s.actor), s.topic, s.polarity) for s in extraction.stances},
    }


def evaluate_article(gold_path: Path, articles_dir: Path, extractor=None,
                     min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> ArticleResult:
    """Score one gold file; stances below `min_confidence` count as not extracted."""
    gold = _read_gold(gold_path)
    article_file = articles_dir / gold["article"]
    if not article_file.exists():
        raise InputError(f"{gold_path}: its article {article_file} is missing")
    article = dated(load_article(str(article_file)), gold)
    extraction, candidates = (extractor or default_extractor()).extract_with_candidates(article)
    extraction = extraction.above(min_confidence)
    expected, predicted = gold_facts(gold), predicted_facts(extraction)
    result = ArticleResult(gold["article"], {}, offsets_ok=_offsets_verbatim(extraction))
    for kind in KINDS:
        hits = expected[kind] & predicted[kind]
        result.scores[kind] = Score(len(hits), len(predicted[kind]), len(expected[kind]))
        result.misses[kind] = sorted(expected[kind] - predicted[kind])
        result.extras[kind] = sorted(predicted[kind] - expected[kind])
    names = {a.id: a.name for a in extraction.actors}
    result.errors = classify_errors(gold_stances(gold, article.text), [s.get("evidence", "") for s in gold.get("stances", ())],
                                    list(extraction.stances), lambda a: key(names.get(a, a)), candidates)
    return result


def _offsets_verbatim(extraction: Extraction) -> bool:
    text = extraction.article.text
    facts = [*extraction.stances, *extraction.relations]
    return all(text[f.evidence.start:f.evidence.end] == f.evidence.text for f in facts)


def _read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: not a JSON gold file ({err})") from None
    if not isinstance(gold, dict) or "article" not in gold:
        raise InputError(f"{path}: not a gold file (no 'article' field)")
    return gold


def evaluate(gold_files: list[str], articles_dir: str | None = None, extractor=None,
             min_confidence: float | None = None) -> tuple[dict[str, Score], list[ArticleResult]]:
    """Scores of the extractor (the default one unless given) at `min_confidence` (default
    DEFAULT_MIN_CONFIDENCE, as every question answers)."""
    if min_confidence is None:
        min_confidence = DEFAULT_MIN_CONFIDENCE
    results = []
    for gold in gold_files:
        path = Path(gold)
        results.append(evaluate_article(path, Path(articles_dir) if articles_dir else path.parent, extractor,
                                        min_confidence))
    totals = {kind: sum((r.scores[kind] for r in results), Score(0, 0, 0)) for kind in KINDS}
    return totals, results
