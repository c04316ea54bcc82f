"""One actor's profile: dictionary roles, observed relations and current positions."""

from __future__ import annotations

from typing import Any

from ..graph.base import Store
from ..loaders.actors import actor_index
from .actors import find_actor, name_of
from .current import current_positions
from .relations import relation_summaries
from .records import ActorProfile


def actor_profile(store: Store, name: str, **window: Any) -> ActorProfile:
    """An actor's dictionary roles, observed relations and current positions; `window` takes
    current_positions' since, until, as_of and max_age."""
    actor = find_actor(store, name)
    entry = actor_index().entry(actor.id)
    roles = [
        {"role": r.role, "of": name_of(r.of), "start": r.start, "end": r.end}
        for r in (entry.roles if entry else ())
    ]
    return ActorProfile(
        actor, roles, relation_summaries(store, subject_id=actor.id), relation_summaries(store, object_id=actor.id),
        current_positions(store, actor_id=actor.id, **window),
    )
