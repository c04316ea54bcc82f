"""The actors an extraction lists: everyone mentioned, an organisation a title implies, and the
holders and speakers of its stances; a place named only as a place is left out unless it holds
something (split from `pipeline`, round 30)."""

from __future__ import annotations

from ..model import Actor, Stance
from .actors import ActorIndex
from .article_state import ArticleState
from .mentions import only_a_place


def article_actors(state: ArticleState, stances: list[Stance], index: ActorIndex) -> list[Actor]:
    surface: dict[str, list[str]] = {}
    holders = {ident for stance in stances for ident in (stance.actor, stance.speaker)}
    for mentions in state.mentions.values():
        for mention in mentions:
            if mention.actor not in holders and only_a_place(mention, state.article.text):
                continue
            forms = surface.setdefault(mention.actor, [])
            if mention.kind != "role" and mention.text not in forms:
                forms.append(mention.text)
    for relation in state.relations:  # an organisation a title implies, though not named
        for ident in (relation.subject, relation.object):
            surface.setdefault(ident, [])
    for ident in holders - {None, "journalist"}:  # 'our country', in its speaker's words
        surface.setdefault(ident, [])
    actors = []
    for ident, forms in surface.items():
        entry = index.entry(ident)
        base = entry.actor() if entry else state.new_actors.get(ident)
        if base is not None:
            actors.append(Actor(base.id, base.name, base.type, base.wikidata, tuple(forms)))
    return actors
