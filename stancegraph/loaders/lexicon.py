"""The stance extractor's cue words, read from ontology data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..ontology import HERE

LEXICON = HERE / "stance_lexicon.json"
POLARITIES = ("support", "oppose", "mixed")
PARTS = {"VERB": "verbs", "AUX": "verbs", "ADJ": "adjectives", "NOUN": "nouns", "PROPN": "nouns"}


@dataclass(frozen=True)
class Lexicon:
    classes: dict[tuple[str, str], frozenset[str]]  # (part of speech, polarity) -> lemmas
    hedges: frozenset[str]
    hedge_verbs: frozenset[str]
    speech: frozenset[str]
    communicative: frozenset[str]
    composing: frozenset[str]
    volition: frozenset[str]
    realization: frozenset[str]
    normative: frozenset[str]
    concessive: frozenset[str]
    conditions: frozenset[str]
    experiencer: dict[str, str]
    unnamed: frozenset[str]
    flip_phrases: tuple[str, ...]
    group_heads: frozenset[str]
    assertive: frozenset[str]
    mixed_phrases: tuple[str, ...]
    light_verbs: frozenset[str]
    expressive: frozenset[str]

    def polarity_class(self, lemma: str, pos: str = "VERB") -> str | None:
        part = PARTS.get(pos)
        if part is None:
            return None
        for polarity in ("mixed", "oppose", "support"):
            if lemma.lower() in self.classes.get((part, polarity), ()):
                return polarity
        return None


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    data = json.loads(Path(path or LEXICON).read_text(encoding="utf-8"))

    def words(*keys: str) -> frozenset[str]:
        return frozenset(w.lower() for k in keys for w in data.get(k, ()))

    classes = {(part, polarity): words(f"{polarity}_{part}") for part in ("verbs", "adjectives", "nouns")
               for polarity in POLARITIES}
    return Lexicon(
        classes=classes, hedges=words("hedges"), hedge_verbs=words("hedge_verbs"), speech=words("speech"),
        communicative=words("communicative"), composing=words("composing"), volition=words("volition"),
        realization=words("realization"), normative=words("normative"),
        concessive=words("concessive_markers"), conditions=words("condition_markers"),
        experiencer=dict(data.get("experiencer_nouns", {})), unnamed=words("unnamed_holders"),
        flip_phrases=tuple(data.get("flip_phrases", ())), group_heads=words("group_heads"),
        assertive=words("assertive_modals"), mixed_phrases=tuple(data.get("mixed_phrases", ())),
        light_verbs=words("light_verbs"), expressive=words("expressive_verbs"),
    )
