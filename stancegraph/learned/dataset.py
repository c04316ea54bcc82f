"""Labelled candidates from gold files, for training and for measuring the classifier.

A candidate (sentence, actor) gets, for every topic, the gold polarity when a gold stance of that
actor and topic rests on evidence overlapping the sentence; `none` when the gold has no stance of
the actor on the topic at all; and no label (left out of the loss) when the gold holds that
stance on other evidence only, since a stance restated in several sentences is coded once."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..loaders import load_article
from ..loaders.actors import actor_index, fold
from ..loaders.cleaning import same_characters
from ..model import Article
from ..phenomena import parse_cases
from .candidates import Candidate

LABELS = ("none", "support", "oppose", "mixed")
UNLABELLED = -100


@dataclass(frozen=True)
class GoldStance:
    actor_key: str
    topic: str
    polarity: str
    start: int  # evidence offsets in the article text; -1 when the evidence cannot be placed
    end: int


@dataclass(frozen=True)
class Example:
    source: str  # the gold file or phenomenon case it comes from
    candidate: Candidate
    labels: dict[str, int]  # topic -> index into LABELS, or UNLABELLED


def place(evidence: str, text: str) -> tuple[int, int]:
    """Offsets of a verbatim evidence string, tolerant of runs of whitespace; (-1, -1) when there is
    none or it cannot be found."""
    if not evidence.strip():
        return -1, -1
    evidence = same_characters(evidence)  # as the article's text was read
    at = text.find(evidence)
    if at >= 0:
        return at, at + len(evidence)
    pattern = r"\s+".join(re.escape(word) for word in evidence.split())
    match = re.search(pattern, text) if pattern else None
    return (match.start(), match.end()) if match else (-1, -1)


def key(name: str) -> str:
    """Compare actors by dictionary id where the dictionary knows the name, else by folded name."""
    entry = actor_index().lookup(name)
    return entry.id if entry else fold(name).casefold().strip()


def dated(article: Article, gold: dict) -> Article:
    """The article as the gold dates it."""
    return dataclasses.replace(article, published=gold["date"]) if gold.get("date") else article


def gold_stances(gold: dict, text: str) -> list[GoldStance]:
    """A gold file's stances, their evidence placed in the article text."""
    return [GoldStance(key(s["actor"]), s["topic"], s["polarity"], *place(s.get("evidence", ""), text))
            for s in gold.get("stances", ())]


def gold_article(gold_path: Path) -> tuple[Article, list[GoldStance]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = dated(load_article(str(gold_path.parent / gold["article"])), gold)
    return article, gold_stances(gold, article.text)


def label(candidate: Candidate, gold: list[GoldStance], topics: tuple[str, ...],
          sentence_level: bool = True) -> dict[str, int]:
    """Per-topic labels of one candidate (see the module's docstring). Without sentence-level
    evidence (phenomenon cases) a gold stance of the actor labels every candidate of it."""
    actor = key(candidate.name)
    labels = {}
    for topic in topics:
        held = [g for g in gold if g.actor_key == actor and g.topic == topic]
        if not held:
            labels[topic] = LABELS.index("none")
            continue
        here = [g for g in held if not sentence_level
                or g.start < candidate.sentence_end and candidate.sentence_start < g.end]
        labels[topic] = LABELS.index(here[0].polarity) if here else UNLABELLED
    return labels


def placed_where_shown(gold: list[GoldStance], stances, candidates: list[Candidate]) -> list[GoldStance]:
    """Gold stances annotated without evidence (actor, topic and polarity only), placed on the
    sentences that show them: where the rules found that very stance, or else the one sentence in
    which the actor is a candidate on the topic. Where neither places a stance it stays unplaced,
    and the candidates of its actor and topic stay unlabelled."""
    keys = {c.actor: key(c.name) for c in candidates}
    out = []
    for g in gold:
        if g.start >= 0:
            out.append(g)
            continue
        shown = {(s.evidence.start, s.evidence.end) for s in stances
                 if (keys.get(s.actor), s.topic, s.polarity) == (g.actor_key, g.topic, g.polarity)}
        if not shown:
            sentences = {(c.sentence_start, c.sentence_end) for c in candidates
                         if keys[c.actor] == g.actor_key and g.topic in c.topics}
            shown = sentences if len(sentences) == 1 else set()
        out += [dataclasses.replace(g, start=start, end=end) for start, end in sorted(shown)] or [g]
    return out


def examples_from_gold(gold_path: Path, extractor, topics: tuple[str, ...]) -> Iterator[Example]:
    article, gold = gold_article(gold_path)
    extraction, candidates = extractor.extract_with_candidates(article)
    gold = placed_where_shown(gold, extraction.stances, candidates)
    for candidate in candidates:
        yield Example(gold_path.name, candidate, label(candidate, gold, topics))


def examples_from_phenomena(path: Path, extractor, topics: tuple[str, ...]) -> Iterator[Example]:
    """Phenomenon cases: short texts whose expected stances name no evidence sentence."""
    for case in parse_cases(path):
        article = Article(case.text, published=case.date)
        gold = [GoldStance(key(s[0]), s[1], s[2], -1, -1) for s in case.stances if len(s) >= 3]
        _, candidates = extractor.extract_with_candidates(article)
        for candidate in candidates:
            yield Example(case.name, candidate, label(candidate, gold, topics, sentence_level=False))
