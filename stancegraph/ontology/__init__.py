"""Vocabulary, topic set and actor dictionary: data files beside this module."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import StanceGraphError
from .namespace import SG, actor_iri, article_graph_iri, article_iri, statement_iri, topic_iri

HERE = Path(__file__).parent
VOCABULARY = HERE / "stancegraph.ttl"
SHAPES = HERE / "shapes.ttl"
DEFAULT_TOPICS = HERE / "topics.json"
DEFAULT_ACTORS = HERE / "actors.json"


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    polarity: str | None = None
    only_before: str | None = None
    asserts: bool = False
    requires: re.Pattern[str] | None = None  # the sentence must also say this ('join' for 'after the war')
    follows: bool = False  # a bare word ('troops') that names the topic once a full cue has named it
    unless: re.Pattern[str] | None = None  # the sentence must not say this (an application is for membership)
    # a bare word that names its topic by itself where the sentence also says this ('Kyiv's
    # integration aspirations' beside 'NATO')
    licensed_by: re.Pattern[str] | None = None
    # a step that also names the goal: support for it backs the broader topic too ('a clear
    # perspective on membership' asks for the path and backs the membership)
    also_broader: bool = False
    # the requirement may be met by the sentence before ('the bloc' two sentences after 'NATO')
    requires_nearby: bool = False

    def applies_on(self, date: str | None) -> bool:
        return self.only_before is None or (date is not None and date < self.only_before)

    def applies_to(self, sentence: str, taken_up: bool = False, before: str = "") -> bool:
        """`taken_up`: this sentence's 'it' takes up a topic the sentence before cued ('… his
        rightful place is in NATO. It is not the question for now, whilst they are at war'), which
        meets the requirement as the words would; `before`, the sentence before, meets it for a
        cue that allows so."""
        required = self.requires is None or taken_up or self.requires.search(sentence) is not None \
            or self.requires_nearby and self.requires.search(before) is not None
        return required and (self.unless is None or self.unless.search(sentence) is None)


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    definition: str = ""
    broader: str | None = None
    cues: tuple[Cue, ...] = field(default=(), compare=False)
    # 'whatever its timing' (membership): 'will join one day' is support, not a hedge
    timing_neutral: bool = False
    # 'troops on the ground if a peace deal is reached' still endorses the deployment
    condition_neutral: bool = False
    # looser words than cues: a sentence with them is shown to the learned classifier
    context: re.Pattern[str] | None = field(default=None, compare=False)
    # refused now beside support for the broader goal is mixed ('a path, but no invitation yet')
    not_now_under_broader: bool = False
    # a cue of this topic that a copula or 'as' equates with a cue of that topic names that goal, not
    # this one ('NATO membership is the strongest security guarantee')
    equated_with: str | None = None
    # a cue of this topic inside 'even if …' or 'if the conditions are met …' is a condition the claim accepts
    # ('an invitation now, even if Ukraine joins after the war' accepts accession after the war)
    conceded: bool = False
    # 'not ruled out' is mixed here: considering or weighing it endorses nothing ('would consider participating')
    deliberation_open: bool = False


@lru_cache(maxsize=8)
def _topic_file(path: str | None) -> tuple[Path, dict]:
    chosen = Path(path or os.environ.get("STANCEGRAPH_TOPICS") or DEFAULT_TOPICS)
    try:
        return chosen, json.loads(chosen.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StanceGraphError(f"{chosen}: not a readable topic file ({err})") from None


@lru_cache(maxsize=8)
def load_topics(path: str | None = None) -> tuple[Topic, ...]:
    """The topic set: the file given, $STANCEGRAPH_TOPICS, or the bundled NATO-accession set."""
    chosen, data = _topic_file(path)
    try:
        words = data.get("pattern_words", {})
        return tuple(_topic(entry, {k: v for k, v in words.items() if not k.startswith("_")}) for entry in data["topics"])
    except (KeyError, TypeError, re.error) as err:
        raise StanceGraphError(f"{chosen}: not a readable topic file ({err})") from None


def load_theme_actors(path: str | None = None) -> tuple[str, ...]:
    """Names of the actors the topic set is about ('Ukraine'), from the same topic file."""
    return tuple(_topic_file(path)[1].get("theme_actors", ()))


def _with_variants(pattern: str, words: dict[str, str]) -> str:
    """A cue pattern with each of the topic file's pattern words ('nato') standing for all its
    spellings ('the North Atlantic Treaty Organization')."""
    for word, variants in words.items():
        pattern = re.sub(rf"(?:(?<![a-z])|(?<=\\b)){re.escape(word)}(?![a-z])", lambda _: variants, pattern)
    return pattern


def _topic(entry: dict, words: dict[str, str]) -> Topic:
    cues = tuple(
        Cue(re.compile(_with_variants(c["pattern"], words), re.IGNORECASE), c.get("polarity"), c.get("only_before"), bool(c.get("asserts")),
            re.compile(c["requires"], re.IGNORECASE) if c.get("requires") else None, bool(c.get("follows")),
            re.compile(c["unless"], re.IGNORECASE) if c.get("unless") else None,
            re.compile(c["licensed_by"], re.IGNORECASE) if c.get("licensed_by") else None,
            bool(c.get("also_broader")), bool(c.get("requires_nearby")))
        for c in entry.get("cues", ())
    )
    return Topic(entry["id"], entry["label"], entry.get("definition", ""), entry.get("broader"), cues,
                 bool(entry.get("timing_neutral", False)), bool(entry.get("condition_neutral", False)),
                 re.compile(entry["context"], re.IGNORECASE) if entry.get("context") else None,
                 bool(entry.get("not_now_under_broader", False)), entry.get("equated_with"),
                 bool(entry.get("conceded", False)), bool(entry.get("deliberation_open", False)))


@lru_cache(maxsize=8)
def load_actor_data(path: str | None = None) -> dict:
    chosen = Path(path or os.environ.get("STANCEGRAPH_ACTORS") or DEFAULT_ACTORS)
    try:
        return json.loads(chosen.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StanceGraphError(f"{chosen}: not a readable actor dictionary ({err})") from None


__all__ = [
    "SG", "Cue", "Topic", "actor_iri", "article_graph_iri", "article_iri", "load_actor_data",
    "load_theme_actors", "load_topics", "statement_iri", "topic_iri", "VOCABULARY", "SHAPES",
]
