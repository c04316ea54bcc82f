"""Whom a person serves on a date, by the actor dictionary's dated roles: the state of a head of
state or minister, the organisation of a secretary general or president of a body (split from
`pipeline`, round 24), and whether a speaker speaks for a holder in an article (round 30)."""

from __future__ import annotations

from collections.abc import Callable

from ..model import SPEAKING_PREDICATES, Relation
from .actors import ActorIndex


class Affiliations:
    def __init__(self, index: ActorIndex):
        self.index = index

    def is_state(self, actor: str) -> bool:
        entry = self.index.entry(actor)
        return entry is not None and entry.type == "State"

    def is_organisation(self, actor: str) -> bool:
        entry = self.index.entry(actor)
        return entry is not None and entry.type == "Organization"

    def home_state(self, person: str, date: str | None) -> str | None:
        """The state a person held a role for at the date (heads of state and ministers)."""
        return self._served(person, date, self.is_state)

    def home_body(self, person: str, date: str | None) -> str | None:
        """The organisation a person held a role in at the date ('NATO' for its secretary general)."""
        return self._served(person, date, self.is_organisation)

    def _served(self, person: str, date: str | None, kind) -> str | None:
        entry = self.index.entry(person)
        for role in (entry.roles if entry else ()):
            if (date is None or role.held_on(date)) and kind(role.of):
                return role.of
        return None

    def speaks_for(self, relations: list[Relation], date: str | None) -> Callable[[str, str], bool]:
        """Whether a speaker speaks for a holder in one article (the roles it states read once)."""
        stated = stated_roles(relations)
        return lambda speaker, holder: self.affiliated(speaker, holder, date, stated)

    def affiliated(self, speaker: str, holder: str, date: str | None, stated: frozenset = frozenset()) -> bool:
        """A head of government speaks for the state, a minister for the government: by the
        dictionary's dated roles, or by a role the article itself gives ('Latvia's foreign
        minister, Krišjānis Kariņš')."""
        if (speaker, holder) in stated:
            return True
        entry = self.index.entry(speaker)
        if entry is None:
            return False
        return any(role.of == holder and (date is None or role.held_on(date)) for role in entry.roles)


def stated_roles(relations: list[Relation]) -> frozenset[tuple[str, str]]:
    """(person, body) pairs the article states with a speaking predicate (minister_of, leads, …)."""
    return frozenset((r.subject, r.object) for r in relations if r.predicate in SPEAKING_PREDICATES)
