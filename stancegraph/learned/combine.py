"""The classifier's decisions as stances beside the rules' ones.

The rules keep the structure the model cannot give (who speaks for whom, conditions, hedges);
the model adds a stance only for an actor and topic the rules found nothing on in the article,
so it widens recall without overruling a rule."""

from __future__ import annotations

from collections.abc import Callable

from ..model import JOURNALIST, Evidence, Stance
from .classifier import Decision


def model_stances(decisions: list[Decision], rule_stances: list[Stance], voices: dict[int, frozenset[str]],
                  speaks_for: Callable[[str, str], bool], date: str | None, model: str) -> list[Stance]:
    decided = {(s.actor, s.topic) for s in rule_stances}
    found = []
    for decision in decisions:
        candidate = decision.candidate
        if (candidate.actor, decision.topic) in decided:
            continue
        speaker, attribution = _attribution(candidate.actor, voices.get(candidate.sentence_index, frozenset()),
                                            candidate.speaker, speaks_for)
        evidence = Evidence(candidate.sentence_text, candidate.sentence_start, candidate.sentence_end)
        found.append(Stance(candidate.actor, decision.topic, decision.polarity, attribution, speaker, evidence,
                            decision.probability, False, None, date, f"model:{model}"))
    return _most_probable_reading(found)


def _most_probable_reading(stances: list[Stance]) -> list[Stance]:
    """Where the model reads one actor's view on one topic in an article both ways, only the
    polarity of its most confident decision stands: one article rarely shows one actor on both
    sides, and the model's weaker reading is then the likelier mistake."""
    best: dict[tuple[str, str], Stance] = {}
    for stance in stances:
        held = best.get((stance.actor, stance.topic))
        if held is None or stance.confidence > held.confidence:
            best[(stance.actor, stance.topic)] = stance
    return [s for s in stances if s.polarity == best[(s.actor, s.topic)].polarity]


def _attribution(holder: str, voices: frozenset[str], speaks: bool, speaks_for) -> tuple[str, str]:
    if speaks:
        return holder, "self"
    for voice in sorted(voices):
        if speaks_for(voice, holder):
            return voice, "self"  # a minister stating the government's position
    others = sorted(voices - {holder})
    return (others[0], "reported") if others else (JOURNALIST, "reported")
