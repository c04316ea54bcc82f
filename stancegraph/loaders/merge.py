"""The stances and relations of one article, merged: one per holder, topic, polarity and
sentence, and one mixed where a speaker holds a topic both ways in one sentence."""

from __future__ import annotations

import dataclasses

from ..model import Relation, Stance
from .dating import EARLIER_YEAR


def dedupe_stances(stances: list[Stance], not_now: dict[str, str] | None = None) -> list[Stance]:
    """`not_now` maps a topic to its broader one where refusing it beside support for the broader
    is the topic's mixed case."""
    best: dict[tuple, Stance] = {}
    for stance in _not_now(_both_ways_mixed(stances), not_now or {}):
        key = (stance.actor, stance.topic, stance.polarity, stance.evidence.start)
        if key not in best or stance.confidence > best[key].confidence:
            best[key] = stance
    return sorted(best.values(), key=lambda s: (s.evidence.start, s.actor, s.topic))


def _both_ways_mixed(stances: list[Stance]) -> list[Stance]:
    """One holder for and against one topic in one sentence ('the path is irreversible, but the
    summit will not issue an invitation'), or for it with a reservation ('…, but he stopped
    short of promising an invitation'), holds a mixed position; an open door (a cue that is
    mixed by itself) beside an endorsement ('the door is open … to Ukraine, which will become
    a member') is the endorsement. Not where the sentence tells
    of an earlier year: 'which opposed it in 2008, now backs it' is a change, both kept. Only
    claims read off the sentence's own cues by one speaker combine; a position taken up from an
    earlier sentence ('has taken a similar line') stays as it is."""
    def key(stance: Stance) -> tuple | None:
        if not stance.rule.startswith("cue:"):
            return None
        return stance.actor, stance.topic, stance.evidence.start, stance.speaker

    polarities: dict[tuple, set[str]] = {}
    for stance in stances:
        polarities.setdefault(key(stance), set()).add(stance.polarity)
    endorsed = {k for k, found in polarities.items() if found == {"mixed", "support"} and all(
        "|pred:cue|" in s.rule for s in stances if key(s) == k and s.polarity == "mixed")}
    stances = [s for s in stances if key(s) not in endorsed or s.polarity == "support"]
    combined, done = [], set()
    for stance in stances:
        key_of = key(stance)
        if key_of is None or len(polarities[key_of]) == 1 or key_of in endorsed or EARLIER_YEAR.search(stance.evidence.text):
            combined.append(stance)
        elif key_of not in done:
            done.add(key_of)
            rule = stance.rule if stance.polarity == "mixed" else f"{stance.rule}|both-ways"
            combined.append(dataclasses.replace(stance, polarity="mixed", rule=rule))
    return combined


def _not_now(stances: list[Stance], not_now: dict[str, str]) -> list[Stance]:
    """'Ukraine's path to membership is irreversible, but no invitation will come this year':
    one holder, one sentence, support for the goal and a refusal of the step now is a path
    without a vote now, the step's mixed case."""
    supported = {(s.actor, s.topic, s.evidence.start) for s in stances if s.polarity == "support"}
    return [dataclasses.replace(s, polarity="mixed", rule=f"{s.rule}|not-now")
            if s.polarity == "oppose" and s.topic in not_now and (s.actor, not_now[s.topic], s.evidence.start) in supported
            else s for s in stances]


def dedupe_relations(relations: list[Relation]) -> list[Relation]:
    seen: dict[tuple[str, str, str], Relation] = {}
    for relation in relations:
        if relation.subject != relation.object:
            seen.setdefault((relation.subject, relation.predicate, relation.object), relation)
    return list(seen.values())
