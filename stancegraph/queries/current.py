"""Current positions: one row per actor (or per state and organisation) and topic in a date
window, with stale positions marked. Every position question reads them from here: stances,
the matrix, coalitions, agreement pairs, the analyses, the visualisation and network exports.

A window is --since/--until/--as-of, and --max-age counts back from the reference date: the
--as-of (or --until) date when given, else the newest statement the answer holds. That makes
'stale' mean 'older than the rest of the evidence', the same on a live store and on an archive
of 2008 articles read today. A position is stale when its last statement is more than
DEFAULT_STALE_AGE older than the reference date: long enough for a government to change its
line, short enough that a 2008 statement is not taken for today's."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from ..dates import days_before, parse_age, parse_bound
from ..graph.base import Store
from ..model import SPEAKING_PREDICATES
from ..loaders.actors import actor_index
from .actors import list_actors, name_of
from .records import StanceRecord, StanceSummary
from .relations import relation_statements
from .stances import stance_statements, stances_on, summary_of_statements

DEFAULT_STALE_AGE = "2y"
BY = ("actor", "state")
_ORDER = {"support": 0, "mixed": 1, "oppose": 2}


def current_positions(store: Store, topic: str | None = None, *, polarity: str | None = None,
                      actor_type: str | None = None, actor_id: str | None = None, since: str | None = None,
                      until: str | None = None, as_of: str | None = None, max_age: str | None = None,
                      stale_after: str = DEFAULT_STALE_AGE, by: str = "actor") -> list[StanceSummary]:
    """The latest position of each actor (by='actor') or of each state and organisation, with
    the statements of the people who spoke for it then (by='state'), marked stale where old."""
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    start, end, reference = window(store, topic, since, until, as_of, max_age, actor_id)
    if by == "state":
        rows = rolled_up(stance_statements(store, topic, actor_id, None, start, end), store)
    else:
        rows = stances_on(store, topic, since=start, until=end, actor_id=actor_id)
    reference = reference or _newest(rows)  # without an end or a max age the answer holds the newest statement
    stale_from = days_before(reference, parse_age(stale_after, "stale age")) if reference else None
    rows = [dataclasses.replace(r, stale=bool(stale_from and r.last_date and r.last_date < stale_from)) for r in rows]
    if actor_type:
        rows = [r for r in rows if r.actor_type.lower() == actor_type.lower()]
    if polarity:
        rows = [r for r in rows if r.polarity == polarity]
    return sorted(rows, key=lambda s: (s.topic, _ORDER[s.polarity], s.actor))


def window(store: Store, topic: str | None = None, since: str | None = None, until: str | None = None,
           as_of: str | None = None, max_age: str | None = None, actor_id: str | None = None,
           ) -> tuple[str | None, str | None, str | None]:
    """The first and last day of the statements to read, and the reference date: the window's
    end when it has one, else (only needed for a max age) the newest statement on the topic."""
    end = min((parse_bound(d, n, end=True) for d, n in ((until, "until"), (as_of, "as of")) if d), default=None)
    start = parse_bound(since, "since") if since else None
    reference = end or (_newest(stances_on(store, topic, actor_id=actor_id)) if max_age else None)
    if max_age and reference:
        earliest = days_before(reference, parse_age(max_age, "max age"))
        start = max(start or earliest, earliest)
    return start, end, reference


def _newest(rows: Iterable[StanceSummary]) -> str | None:
    return max((r.last_date for r in rows if r.last_date), default=None)


def rolled_up(records: list[StanceRecord], store: Store) -> list[StanceSummary]:
    """Statements of people credited to the state or organisation they spoke for on the day
    (their dated roles in the actor dictionary, else a role an article stated by then); states,
    organisations and groups keep their own. People with no such role on that day drop out."""
    body_of = body_finder(store)
    types = {a.id: a.type for a in list_actors(store)}
    groups: dict[tuple[str, str], list[StanceRecord]] = {}
    people: dict[tuple[str, str], set[str]] = {}
    for record in records:
        credited = record
        if record.actor_type == "Person":
            body = body_of(record)
            if body is None:
                continue
            name = name_of(body)
            credited = dataclasses.replace(record, actor_id=body, actor=name, actor_type=types.get(body, _type(body)))
            people.setdefault((body, record.topic), set()).add(record.actor)
        groups.setdefault((credited.actor_id, credited.topic), []).append(credited)
    return [dataclasses.replace(summary_of_statements(group), people=tuple(sorted(people.get(key, ()))))
            for key, group in groups.items()]


def body_finder(store: Store) -> Callable[[StanceRecord], str | None]:
    """The state or organisation a person's statement speaks for on its day: their dated role
    in the actor dictionary, else a role an article stated by then; None when neither."""
    speaking_for = _observed_roles(store)
    return lambda record: _dictionary_body(record) or _observed_body(record, speaking_for)


def body_name_finder(store: Store) -> Callable[[StanceRecord], str]:
    """The name of the body a person's statement speaks for (see body_finder), or ''."""
    find = body_finder(store)
    return lambda record: name_of(body) if (body := find(record)) else ""


def _dictionary_body(record: StanceRecord) -> str | None:
    return actor_index().body_of(record.actor_id, record.date) if record.date else None


def _observed_roles(store: Store) -> dict[str, list[tuple[str, str, str]]]:
    """person id -> (date, article, state or organisation id) of each role articles stated."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for relation in relation_statements(store):
        if relation.predicate in SPEAKING_PREDICATES:
            found.setdefault(relation.subject_id, []).append((relation.date or "", relation.article_id, relation.object_id))
    return found


def _observed_body(record: StanceRecord, speaking_for: dict[str, list[tuple[str, str, str]]]) -> str | None:
    known = speaking_for.get(record.actor_id, [])
    same_article = [body for _, article, body in known if article == record.article_id]
    if same_article:
        return same_article[0]
    earlier = sorted((day, body) for day, _, body in known if record.date and day and day <= record.date)
    return earlier[-1][1] if earlier else None


def _type(actor_id: str) -> str:
    entry = actor_index().entry(actor_id)
    return entry.type if entry else "Organization"
