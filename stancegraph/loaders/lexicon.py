"""The stance extractor's cue words, read from ontology data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..ontology import HERE

LEXICON = HERE / "stance_lexicon.json"


@dataclass(frozen=True)
class Lexicon:
    support: frozenset[str]
    oppose: frozenset[str]
    mixed: frozenset[str]
    hedges: frozenset[str]
    speech: frozenset[str]
    communicative: frozenset[str]
    normative: frozenset[str]
    negators: frozenset[str]
    concessive: frozenset[str]
    conditions: frozenset[str]
    experiencer: dict[str, str]
    anaphors: tuple[str, ...]
    unnamed: frozenset[str]
    flip_phrases: tuple[str, ...]
    group_heads: frozenset[str]
    assertive: frozenset[str]
    mixed_phrases: tuple[str, ...]
    hedge_verbs: frozenset[str]

    def polarity_class(self, lemma: str) -> str | None:
        lemma = lemma.lower()
        if lemma in self.mixed:
            return "mixed"
        if lemma in self.oppose:
            return "oppose"
        if lemma in self.support:
            return "support"
        return None


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    data = json.loads(Path(path or LEXICON).read_text(encoding="utf-8"))
    words = lambda *keys: frozenset(w.lower() for k in keys for w in data.get(k, ()))  # noqa: E731
    return Lexicon(
        support=words("support", "support_adjectives", "support_nouns"),
        oppose=words("oppose", "oppose_adjectives", "oppose_nouns"),
        mixed=words("mixed", "mixed_nouns"),
        hedges=words("hedges"),
        speech=words("speech"),
        communicative=words("communicative"),
        normative=words("normative"),
        negators=words("negators"),
        concessive=words("concessive_markers"),
        conditions=words("condition_markers"),
        experiencer=dict(data.get("experiencer_nouns", {})),
        anaphors=tuple(data.get("anaphors", ())),
        unnamed=words("unnamed_holders"),
        flip_phrases=tuple(data.get("flip_phrases", ())),
        group_heads=words("group_heads"),
        assertive=words("assertive_modals"),
        mixed_phrases=tuple(data.get("mixed_phrases", ())),
        hedge_verbs=words("hedge_verbs"),
    )
