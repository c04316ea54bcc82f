"""Why a stance was missed or extra: misses and extras grouped by cause, so that the next round
of work starts from the biggest group.

Causes of a miss (a gold stance not extracted), first that applies:
  wrong polarity            the holder and topic were found with another polarity
  wrong topic               the holder was given a stance on the evidence, on another topic
  wrong actor link          the topic and polarity went to another actor on the evidence
  no cue                    no sentence of the evidence holds a cue of any topic
  cue without holder        a cue is there, but the holder is neither named nor speaking there
  holder without polarity   cue and holder are there, and nothing was decided
Causes of an extra (an extracted stance not in the gold):
  wrong polarity, wrong topic, wrong actor link as above, seen from the gold side;
  spurious                  the gold has nothing like it on that sentence
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .learned.candidates import Candidate
from .learned.dataset import GoldStance
from .model import Stance

MISS_CAUSES = ("wrong polarity", "wrong topic", "wrong actor link", "no cue", "cue without holder",
               "holder without polarity")
EXTRA_CAUSES = ("wrong polarity", "wrong topic", "wrong actor link", "spurious")


@dataclass(frozen=True)
class Error:
    kind: str  # miss | extra
    cause: str
    fact: tuple[str, str, str]  # (actor key, topic, polarity)
    evidence: str


@dataclass(frozen=True)
class _Placed:
    fact: tuple[str, str, str]
    start: int
    end: int
    text: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def classify_errors(gold: list[GoldStance], gold_texts: list[str], predicted: list[Stance], key_of,
                    candidates: list[Candidate]) -> list[Error]:
    """Errors of one article. `key_of` maps a predicted actor id to the key the gold uses."""
    expected = [_Placed((g.actor_key, g.topic, g.polarity), g.start, g.end, text) for g, text in zip(gold, gold_texts)]
    found = [_Placed((key_of(s.actor), s.topic, s.polarity), s.evidence.start, s.evidence.end, s.evidence.text)
             for s in predicted]
    expected_facts, found_facts = {e.fact for e in expected}, {f.fact for f in found}
    errors = []
    for miss in _first_each(e for e in expected if e.fact not in found_facts):
        errors.append(Error("miss", _miss_cause(miss, found, candidates, key_of), miss.fact, miss.text))
    for extra in _first_each(f for f in found if f.fact not in expected_facts):
        errors.append(Error("extra", _extra_cause(extra, expected), extra.fact, extra.text))
    return errors


def _first_each(placed):
    seen, out = set(), []
    for p in placed:
        if p.fact not in seen:
            seen.add(p.fact)
            out.append(p)
    return out


def _near_cause(fact: tuple[str, str, str], start: int, end: int, others: list[_Placed]) -> str | None:
    """What links a fact to the other side's facts: the same holder and topic, or the same
    evidence with the holder or the topic and polarity in common."""
    actor, topic, polarity = fact
    if any(o.fact[:2] == (actor, topic) for o in others):
        return "wrong polarity"
    on_evidence = [o for o in others if o.overlaps(start, end)]
    if any(o.fact[0] == actor for o in on_evidence):
        return "wrong topic"
    if any(o.fact[1:] == (topic, polarity) for o in on_evidence):
        return "wrong actor link"
    return None


def _miss_cause(miss: _Placed, found: list[_Placed], candidates: list[Candidate], key_of) -> str:
    near = _near_cause(miss.fact, miss.start, miss.end, found)
    if near:
        return near
    cued = [c for c in candidates if c.cued and miss.start < c.sentence_end and c.sentence_start < miss.end]
    if not cued:
        return "no cue"
    if not any(key_of(c.actor) == miss.fact[0] and (c.spans or c.speaker) for c in cued):
        return "cue without holder"
    return "holder without polarity"


def _extra_cause(extra: _Placed, expected: list[_Placed]) -> str:
    return _near_cause(extra.fact, extra.start, extra.end, expected) or "spurious"


def summarise(errors: list[Error]) -> list[dict]:
    """Rows of (kind, cause, count), biggest group first within each kind."""
    counts = Counter((e.kind, e.cause) for e in errors)
    order = {c: i for i, c in enumerate(MISS_CAUSES)} | {c: i for i, c in enumerate(EXTRA_CAUSES)}
    return [{"kind": kind, "cause": cause, "count": n}
            for (kind, cause), n in sorted(counts.items(), key=lambda kv: (kv[0][0] != "miss", -kv[1], order[kv[0][1]]))]
