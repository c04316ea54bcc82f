"""Finding actors and topics by the names users type."""

from __future__ import annotations

import difflib

from ..errors import UnknownNameError
from ..graph.base import Store
from ..loaders.actors import actor_index, fold
from ..ontology import Topic, load_topics
from .named import run_question
from .records import ActorRecord


def list_actors(store: Store, actor_id: str | None = None) -> list[ActorRecord]:
    actors: dict[str, ActorRecord] = {}
    name = "actors" if getattr(store, "has_summaries", False) else "actors_from_articles"
    for row in run_question(store, name, {"actor": actor_id}).records():
        known = actors.get(row["id"])
        mentions = set(known.mentions if known else ()) | ({row["mention"]} if row.get("mention") else set())
        actors[row["id"]] = ActorRecord(row["id"], row["name"], row["type"], row.get("wikidata") or None,
                                        tuple(sorted(mentions)))
    return sorted(actors.values(), key=lambda a: (a.name, a.id))


def find_actor(store: Store, name: str) -> ActorRecord:
    """An actor by id, name, alias, surname, a surface form seen in articles, or Wikidata id."""
    known = _dictionary_id(name)
    if known:
        direct = list_actors(store, known)  # the common case: one indexed look-up, no scan
        if direct:
            return direct[0]
    actors = list_actors(store)
    wanted = fold(name).casefold().strip()
    exact = [a for a in actors if wanted in {a.id.casefold(), fold(a.name).casefold(), (a.wikidata or "").casefold()}]
    if not exact:
        entry = actor_index().lookup(name)
        exact = [a for a in actors if entry and a.id == entry.id]
    if not exact:
        exact = [a for a in actors if wanted in {fold(m).casefold() for m in a.mentions}
                 or wanted == fold(a.name).split()[-1].casefold()]
    if not exact:  # a word of the name: 'Alexander' may be Stubb or Lukashenko
        exact = [a for a in actors if wanted in fold(a.name).casefold().split()]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise UnknownNameError("actor (ambiguous)", name, [f"{a.name} ({a.id})" for a in exact])
    names = {fold(a.name).casefold(): a.name for a in actors}
    close = difflib.get_close_matches(wanted, names, n=5, cutoff=0.5)
    raise UnknownNameError("actor", name, [names[c] for c in close])


def _dictionary_id(name: str) -> str | None:
    entry = actor_index().lookup(name.strip())
    if entry:
        return entry.id
    if name.startswith(("wd:Q", "sg:")):
        return name
    if name[:1] == "Q" and name[1:].isdigit():
        return f"wd:{name}"
    return None


def resolve_topic(name: str, topics: tuple[Topic, ...] | None = None) -> str:
    """A topic by id or by a word of its id or label ('invitation', 'troops')."""
    topics = topics or load_topics()
    ids = [t.id for t in topics]
    if name in ids:
        return name
    word = name.casefold().strip()
    matches = [t.id for t in topics if word in t.id.casefold() or word in t.label.casefold().split()
               or word in t.label.casefold()]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise UnknownNameError("topic (ambiguous)", name, matches)
    raise UnknownNameError("topic", name, difflib.get_close_matches(name, ids, n=3, cutoff=0.3))


def name_of(actor_id: str) -> str:
    entry = actor_index().entry(actor_id)
    return entry.name if entry else actor_id
