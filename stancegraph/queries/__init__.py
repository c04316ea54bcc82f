"""Named questions over any store, each written once per query language beside this module."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from ..errors import QueryError

SUFFIX = {"sparql": ".rq", "cypher": ".cypher"}


@lru_cache(maxsize=64)
def load_query(name: str, language: str) -> str:
    resource = files(__package__).joinpath(name + SUFFIX[language])
    if not resource.is_file():
        raise QueryError(f"no {language} version of the question {name!r}")
    return resource.read_text(encoding="utf-8")


from .records import (  # noqa: E402
    ActorProfile, ActorRecord, RelationRecord, RelationSummary, RoleRecord, StanceRecord, StanceSummary,
)
from .actors import find_actor, list_actors, resolve_topic  # noqa: E402
from .contents import store_counts  # noqa: E402
from .relations import relation_statements, relation_summaries, relations_at  # noqa: E402
from .stances import evidence, stance_statements, stances_on  # noqa: E402
from .profile import actor_profile  # noqa: E402
from .current import BY, DEFAULT_STALE_AGE, current_positions  # noqa: E402
from .positions import (  # noqa: E402
    Agreement, Coalition, PositionChange, TimelinePoint, agreements, changes, coalitions, matrix, timeline,
)

__all__ = [
    "BY", "DEFAULT_STALE_AGE", "current_positions",
    "Agreement", "Coalition", "PositionChange", "RoleRecord", "TimelinePoint", "agreements", "changes",
    "coalitions", "matrix", "relations_at", "timeline",
    "ActorProfile", "ActorRecord", "RelationRecord", "RelationSummary", "relation_summaries", "StanceRecord", "StanceSummary", "actor_profile",
    "evidence", "find_actor", "list_actors", "load_query", "relation_statements", "resolve_topic",
    "stance_statements", "stances_on", "store_counts",
]
