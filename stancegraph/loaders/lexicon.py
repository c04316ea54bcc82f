"""The stance extractor's cue words, read from ontology data."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
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
    timing_phrases: tuple[str, ...]
    light_verbs: frozenset[str]
    expressive: frozenset[str]
    as_verbs: frozenset[str]
    similar_nouns: frozenset[str]
    anaphors: frozenset[str]
    negated_existentials: frozenset[str]
    consequences: frozenset[str]
    deferrals: frozenset[str]
    phrasal: dict[str, str]  # 'give up' -> oppose: a verb with its particle
    consent: frozenset[str]
    for_now: tuple[str, ...]  # 'not … for now': a refusal that is only temporary
    rallying: frozenset[str]  # 'lined up behind', 'rallied behind', 'sided with'
    not_ready: tuple[str, ...]
    belief: frozenset[str] = frozenset()  # 'does not think …' turns what is thought round
    idioms: dict[str, str] = field(default_factory=dict)  # 'pour water' (cold, on …): oppose
    equating: frozenset[str] = frozenset()  # 'membership is the best guarantee': support, after a copula only
    reactions: frozenset[str] = frozenset()  # 'furious about …': oppose adjectives whose bearer holds them

    @cached_property  # built once per lexicon, not per sentence
    def speech_forms(self) -> re.Pattern[str]:
        """A cheap test, before parsing, that a sentence may report speech."""
        return _forms(self.speech | {"according"})

    @cached_property
    def stance_forms(self) -> re.Pattern[str]:
        """A cheap test that a sentence may speak or take a position."""
        words = set(self.speech) | set(self.experiencer) | set(self.rallying) | set(self.similar_nouns) | {"according"}
        words |= TAKING_UP
        words |= {phrase.split()[0] for phrase in self.phrasal}
        for lemmas in self.classes.values():
            words |= {w for w in lemmas if " " not in w}
        return _forms(frozenset(words))

    @cached_property
    def taking_up_forms(self) -> re.Pattern[str]:
        """A cheap test that a sentence may take up the position just reported, so that the one
        after it may do so in turn."""
        return _forms(frozenset(self.similar_nouns | TAKING_UP))

    def polarity_class(self, lemma: str, pos: str = "VERB") -> str | None:
        part = PARTS.get(pos)
        if part is None:
            return None
        for polarity in ("mixed", "oppose", "support"):
            if lemma.lower() in self.classes.get((part, polarity), ()):
                return polarity
        return None


# words by which a sentence takes up the position before: 'Poland followed', 'did the same', 'joined this initiative'
TAKING_UP = frozenset({"follow", "join", "same", "likewise"})

IRREGULAR = {"say": ("said",), "tell": ("told",), "think": ("thought",), "write": ("wrote", "written"),
             "seek": ("sought",), "fight": ("fought",), "hold": ("held",), "give": ("gave", "given"),
             "mean": ("meant",), "forbid": ("forbade", "forbidden"), "lend": ("lent",), "throw": ("threw", "thrown")}


@lru_cache(maxsize=8)
def _forms(lemmas: frozenset[str]) -> re.Pattern[str]:
    """Any inflection of the lemmas: a stem match ('oppos' for oppose, opposed, opposing)."""
    stems = set()
    for lemma in lemmas:
        stems.add(lemma[:-1] if lemma.endswith("e") and len(lemma) > 3 else lemma)
        if lemma.endswith("y") and len(lemma) > 3:
            stems.add(lemma[:-1] + "i")  # 'rallied', 'denied'
        stems.update(IRREGULAR.get(lemma, ()))
    body = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\w*", re.IGNORECASE)


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    data = json.loads(Path(path or LEXICON).read_text(encoding="utf-8"))

    def words(*keys: str) -> frozenset[str]:
        return frozenset(w.lower() for k in keys for w in data.get(k, ()))

    classes = {(part, polarity): words(f"{polarity}_{part}") for part in ("verbs", "adjectives", "nouns")
               for polarity in POLARITIES}
    classes[("adjectives", "oppose")] |= words("reaction_adjectives")
    return Lexicon(
        classes=classes, hedges=words("hedges"), hedge_verbs=words("hedge_verbs"), speech=words("speech"),
        communicative=words("communicative"), composing=words("composing"), volition=words("volition"),
        realization=words("realization"), normative=words("normative"),
        concessive=words("concessive_markers"), conditions=words("condition_markers"),
        experiencer=dict(data.get("experiencer_nouns", {})), unnamed=words("unnamed_holders"),
        flip_phrases=tuple(data.get("flip_phrases", ())), group_heads=words("group_heads"),
        assertive=words("assertive_modals"), mixed_phrases=tuple(data.get("mixed_phrases", ())),
        timing_phrases=tuple(data.get("timing_phrases", ())),
        light_verbs=words("light_verbs"), expressive=words("expressive_verbs"), as_verbs=words("as_verbs"),
        similar_nouns=words("similar_nouns"), anaphors=words("anaphors"),
        negated_existentials=words("negated_existentials"), consequences=words("consequences"),
        deferrals=words("deferrals"), phrasal=dict(data.get("phrasal_verbs", {})), consent=words("consent_verbs"),
        for_now=tuple(data.get("for_now_phrases", ())), rallying=words("rallying_verbs"),
        not_ready=tuple(data.get("not_ready_phrases", ())), belief=words("belief_verbs"),
        idioms=dict(data.get("verb_object_idioms", {})), equating=words("equating_nouns"),
        reactions=words("reaction_adjectives"),
    )
