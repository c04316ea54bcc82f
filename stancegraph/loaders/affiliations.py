"""Whom a person serves on a date, by the actor dictionary's dated roles: the state of a head of
state or minister, the organisation of a secretary general or president of a body (split from
`pipeline`, round 24)."""

from __future__ import annotations

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
