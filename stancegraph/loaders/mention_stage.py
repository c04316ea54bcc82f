"""Stage 1 of extraction: the actors each sentence names (dictionary names, surnames and titles
once a full name was seen, role descriptions), and the relations the names and roles state."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..model import Evidence
from .actors import ActorIndex, Mention
from .article_state import ArticleState
from .publics import polled_public
from .mentions import (
    honorific_mentions, knighted_mentions, renamed_legislatures, role_mentions, sounding_mentions, surname_mentions,
    with_given_name_variants,
)
from .roles import counterpart_relations, make_shadow, relations_in, role_phrases


def find_mentions(state: ArticleState, index: ActorIndex, is_state: Callable[[str], bool]) -> None:
    seen_surnames: dict[str, str] = {}
    seen_given: dict[str, str] = {}
    last_state: str | None = None
    named: list[str] = []  # the people named so far, for 'The prime minister said …'
    for sentence in state.timed(state.sentences):
        date = state.date_of(sentence)
        found = with_given_name_variants(index.find(sentence.text, sentence.start), sentence, index)
        found = [_as_named_before(m, seen_surnames) for m in found]
        found += surname_mentions(sentence, seen_surnames, found)
        found += honorific_mentions(sentence, index, found)
        found += sounding_mentions(sentence, index, found)
        found += knighted_mentions(sentence, seen_given, found)
        found = [m for m in renamed_legislatures(found, sentence, index) if not polled_public(m, sentence.text)]
        shadow = make_shadow(sentence.text, sentence.start, found)
        phrases = role_phrases(shadow, index)
        evidence = Evidence(sentence.text, sentence.start, sentence.end)
        state.earlier_state[sentence.index] = last_state
        state.relations += relations_in(shadow, phrases, index, evidence, state.article.published, last_state)
        state.relations += counterpart_relations(shadow, phrases, index, evidence, state.article.published,
                                                 state.relations)
        # the first state a sentence names is usually its subject, what 'its' in the next one means
        last_state = next((m.actor for m in sorted(found, key=lambda m: m.start) if is_state(m.actor)), last_state)
        roles = role_mentions(shadow, phrases, sentence, index, date, found, named)  # 'In 2008 the US president'
        found += roles
        state.mentions[sentence.index] = sorted(found, key=lambda m: m.start)
        for mention in found:
            if mention.is_person and mention.kind == "name":
                seen_surnames.setdefault(mention.text.split()[-1], mention.actor)
                seen_given.setdefault(mention.text.split()[0], mention.actor)
        named += [m.actor for m in state.mentions[sentence.index] if m.is_person and m.kind != "role"]


def _as_named_before(mention: Mention, seen_surnames: dict[str, str]) -> Mention:
    """'Rasmussen', after 'Foreign Minister Lars Løkke Rasmussen': the article's own Rasmussen, not
    the dictionary's other one."""
    named = seen_surnames.get(mention.text) if mention.kind == "surname" else None
    return dataclasses.replace(mention, actor=named) if named and named != mention.actor else mention
