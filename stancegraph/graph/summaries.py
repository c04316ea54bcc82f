"""Summaries per actor and topic (and per relation) kept up to date at write time.

The questions users ask most — where does everyone stand on a topic, what is one actor's
profile — need one row per actor and topic, not every statement behind it. Reading every
statement makes them grow with the store; a summary kept beside the statements keeps them
flat. A summary is a fold over statements that can be merged: adding an article needs only
the old summary and the article's own statements. Replacing or deleting an article cannot be
undone by a merge, so the keys it touched are summarised again from their statements.

With several writers on one server store, a summary merged from a stale read, or two
writers' replacements interleaved, would go wrong; so server stores `settle` the keys a batch
touched: each is summarised again from its statements and compared with what is stored, and
rewritten until the two agree. Whatever the interleaving, the last writer to touch a key reads
after every other writer's statements, so the store ends as a sequential run does.

Apart from `settle`, which reads and writes through the store it is given, this module is
pure: stores decide where summaries live and call `update`.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..errors import StoreError
from ..model import DEFAULT_MIN_CONFIDENCE, JOURNALIST, Extraction, confident_enough

SUMMARY_VERSION = 2  # 2: per-polarity counts and the count backing the current polarity
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# ('stance', holder, topic) or ('relation', subject, predicate, object)
Key = tuple[str, ...]


@dataclass(frozen=True)
class Observation:
    """One statement reduced to what a summary of its key needs."""
    key: Key
    polarity: str  # '' for relations
    date: str | None
    article_id: str
    start: int
    confidence: float
    evidence: str
    speaker: str | None  # actor id; None for the journalist
    source: str | None  # 'outlet, date, title or url' of the article


@dataclass(frozen=True)
class Summary:
    key: Key
    polarity: str
    statements: int
    first_date: str | None
    last_date: str | None
    article_id: str  # the latest article, whose statements give the polarity
    evidence: str
    speaker: str | None
    source: str | None
    confidence: float
    counts: tuple[int, int, int] = (0, 0, 0)  # statements that support, oppose, are mixed
    backing: int = 0  # statements behind the current polarity (a mixed one formed by disagreement counts them)

    @property
    def latest(self) -> tuple[str, str]:
        return (self.last_date or "", self.article_id)


def summarise(observations: Iterable[Observation], min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Summary | None:
    """The latest article's position (several statements in it that differ combine to mixed),
    backed by its most confident sentence; counts and dates over every statement. Stance
    statements below `min_confidence` do not count: the stored summaries answer at the default
    threshold, and a question at another threshold folds the statements again."""
    kept = (o for o in observations if o.key[0] != "stance" or confident_enough(o.confidence, min_confidence))
    ordered = sorted(kept, key=lambda o: (o.date or "", o.article_id, o.start))
    if not ordered:
        return None
    latest = ordered[-1]
    latest_group = [o for o in ordered if o.date == latest.date and o.article_id == latest.article_id]
    polarities = {o.polarity for o in latest_group}
    polarity = polarities.pop() if len(polarities) == 1 else "mixed"
    best = max([o for o in latest_group if o.polarity == polarity] or latest_group, key=lambda o: (o.confidence, o.start))
    dates = [o.date for o in ordered if o.date]
    counts = tuple(sum(o.polarity == p for o in ordered) for p in POLARITIES)
    return Summary(latest.key, polarity, len(ordered), dates[0] if dates else None, dates[-1] if dates else None,
                   latest.article_id, best.evidence, best.speaker, best.source, best.confidence, counts,  # type: ignore[arg-type]
                   _backing(polarity, counts, latest_group, len(ordered)))


POLARITIES = ("support", "oppose", "mixed")


def _backing(polarity: str, counts: tuple[int, ...], latest_group: list[Observation], total: int) -> int:
    if polarity not in POLARITIES:
        return total  # a relation: every statement of it backs it
    disagreeing = sum(o.polarity != "mixed" for o in latest_group) if polarity == "mixed" else 0
    return counts[POLARITIES.index(polarity)] + (disagreeing if len({o.polarity for o in latest_group}) > 1 else 0)


def count_of(summary: Summary, polarity: str) -> int:
    return summary.counts[POLARITIES.index(polarity)] if polarity in POLARITIES else summary.statements


def merge(old: Summary | None, new: Summary | None) -> Summary | None:
    """Two summaries of disjoint sets of articles as one, equal to summarising the union."""
    if old is None or new is None:
        return old or new
    newer, older = (new, old) if new.latest > old.latest else (old, new)
    dates = [d for d in (old.first_date, old.last_date, new.first_date, new.last_date) if d]
    counts = tuple(a + b for a, b in zip(old.counts, new.counts))
    return replace(newer, statements=old.statements + new.statements,
                   first_date=min(dates) if dates else None, last_date=max(dates) if dates else None,
                   counts=counts, backing=newer.backing + count_of(older, newer.polarity))


def update(extractions: list[Extraction], current: dict[Key, Summary], replaced: dict[str, set[Key]],
           observations_of_key: Callable[[Key], list[Observation]]) -> dict[Key, Summary | None]:
    """New summaries for every key a batch touches; None where a key has no statements left.

    `current` holds the stored summaries of those keys, `replaced` the keys each article of the
    batch already in the store had, and `observations_of_key` reads a key's statements as stored
    (it is asked only for keys of replaced articles)."""
    incoming: dict[Key, list[Observation]] = {}
    for extraction in extractions:
        for observation in observations(extraction):
            incoming.setdefault(observation.key, []).append(observation)
    gone = set(replaced)
    stale = set().union(*replaced.values()) if replaced else set()
    result: dict[Key, Summary | None] = {}
    for key in stale:
        kept = [o for o in observations_of_key(key) if o.article_id not in gone]
        result[key] = summarise(kept + incoming.get(key, []))
    for key, found in incoming.items():
        if key not in stale:
            result[key] = merge(current.get(key), summarise(found))
    return result


def touched_keys(extractions: list[Extraction], replaced: dict[str, set[Key]]) -> set[Key]:
    """Every key whose summary a write of these extractions (replacing those articles) changes."""
    keys = {k for ks in replaced.values() for k in ks}
    return keys | {o.key for e in extractions for o in observations(e)}


def observations(extraction: Extraction) -> list[Observation]:
    """An extraction's statements as the store will return them (dates checked, confidence to
    two places, the journalist as no speaker)."""
    article = extraction.article
    found = []
    for stance in extraction.distinct_stances:
        speaker = None if stance.speaker in (None, JOURNALIST) else stance.speaker
        found.append(_observation(("stance", stance.actor, stance.topic), stance.polarity, stance, article, speaker))
    for relation in extraction.distinct_relations:
        key = ("relation", relation.subject, relation.predicate, relation.object)
        found.append(_observation(key, "", relation, article, None))
    return found


def _observation(key: Key, polarity: str, fact, article, speaker: str | None) -> Observation:
    day = fact.date if fact.date and _DATE.match(fact.date) else None
    return Observation(key, polarity, day, article.id, fact.evidence.start, float(f"{fact.confidence:.2f}"),
                       fact.evidence.text, speaker, source_line(article.outlet, day, article.title, article.url))


def source_line(outlet: str | None, day: str | None, title: str | None, url: str | None) -> str | None:
    return ", ".join(filter(None, (outlet, day, title or url))) or None


def stored_observations(store, key: Key) -> list[Observation]:
    """A key's statements as stored, through the named questions every store answers."""
    from ..queries import relation_statements, stance_statements

    if key[0] == "stance":
        return [stance_observation(r) for r in stance_statements(store, key[2], key[1])]
    return [relation_observation(r) for r in relation_statements(store, key[1], key[3], key[2])]


def rebuild(store) -> list[Summary]:
    """Every summary from the statements as stored: for stores written before summaries existed."""
    from ..queries import relation_statements, stance_statements

    groups: dict[Key, list[Observation]] = {}
    found = [*map(stance_observation, stance_statements(store)), *map(relation_observation, relation_statements(store))]
    for observation in found:
        groups.setdefault(observation.key, []).append(observation)
    return [s for s in map(summarise, groups.values()) if s is not None]


def stance_observation(r) -> Observation:
    """A StanceRecord read from a store as an observation."""
    return Observation(("stance", r.actor_id, r.topic), r.polarity, r.date, r.article_id, r.start, r.confidence,
                       r.evidence, r.speaker_id, source_line(r.outlet, r.date, r.title, r.url))


def relation_observation(r) -> Observation:
    """A RelationRecord read from a store as an observation."""
    return Observation(("relation", r.subject_id, r.predicate, r.object_id), "", r.date, r.article_id, r.start,
                       r.confidence, r.evidence, None, source_line(r.outlet, r.date, r.title, r.url))


# A stored summary that cannot be read as one (two writers' replacements interleaved left two
# values of a field): it equals no summary, so settling rewrites it.
CONFLICTING = object()
SETTLE_ROUNDS = 30


def readable(found: dict[Key, Summary | object]) -> dict[Key, Summary]:
    """The stored summaries that can be merged into (a CONFLICTING one is rebuilt instead)."""
    return {key: summary for key, summary in found.items() if isinstance(summary, Summary)}


def settle(store, keys: Iterable[Key]) -> int:
    """Make the stored summaries of these keys equal to their statements' summaries: compare,
    rewrite the ones that differ, and compare again after the rewrite, until nothing differs.
    Returns the number of summaries rewritten. `store` needs read_summaries(keys) and
    replace_summaries(changed)."""
    pending, rewritten = set(keys), 0
    for attempt in range(SETTLE_ROUNDS):
        wrong = differing(store, pending)
        if not wrong:
            return rewritten
        store.replace_summaries(wrong)
        rewritten += len(wrong)
        pending = set(wrong)
        time.sleep(random.uniform(0, 0.01 * (attempt + 1)))  # writers touching the same keys drift apart
    raise StoreError(f"{store.url}: summaries kept changing under other writers for {SETTLE_ROUNDS} rounds; "
                     "run `stancegraph summarise` once the writers are done")


def differing(store, keys: Iterable[Key]) -> dict[Key, Summary | None]:
    """The keys whose stored summary is not their statements' summary, with the right one."""
    keys = sorted(keys)
    truth = {key: summarise(stored_observations(store, key)) for key in keys}
    found = store.read_summaries(keys)
    return {key: summary for key, summary in truth.items() if found.get(key) != summary}


def stale_summaries(store, rebuilt: list[Summary] | None = None) -> list[str]:
    """What is wrong with the stored summaries, one line per key: missing, differing from the
    statements, or left without statements. Empty when they are all true. `rebuilt`: the
    statements' summaries, when the caller has them already."""
    truth = {summary.key: summary for summary in (rebuild(store) if rebuilt is None else rebuilt)}
    found = store.read_summaries(sorted(truth))
    problems = []
    for key, summary in sorted(truth.items()):
        stored = found.get(key)
        if stored is None:
            problems.append(f"{_name(key)}: no summary (its statements have one)")
        elif stored is CONFLICTING:
            problems.append(f"{_name(key)}: the summary holds two values of a field")
        elif stored != summary:
            fields = [f for f in Summary.__dataclass_fields__ if getattr(stored, f) != getattr(summary, f)]
            problems.append(f"{_name(key)}: the summary disagrees with its statements ({', '.join(fields)})")
    orphans = store.summary_count() - len(truth)
    if orphans > 0:
        problems.append(f"{orphans} summar{'y' if orphans == 1 else 'ies'} without statements")
    return problems


def _name(key: Key) -> str:
    return " ".join(key)
