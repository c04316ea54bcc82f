"""Who a pronoun or a description most likely points back to, as the sentences go by."""

from __future__ import annotations

from dataclasses import dataclass

from .actors import Mention


@dataclass
class Salience:
    """The actors a pronoun or a description most likely points back to."""

    person: str | None = None
    state: str | None = None
    group: tuple[str, ...] = ()  # the last sentence subject that named several actors: 'They said …' next
    body: str | None = None  # the last sentence subject that named one state or organisation: 'It urged …' next
    document: tuple[str, ...] = ()  # who issued the last document named: 'The document states …' next

    def note(self, mentions: list[Mention], is_state, sentence=None, keep_person: bool = False) -> None:
        pair = sorted(mentions, key=lambda m: m.start)[:2]
        if sentence is not None and len(pair) == 2 and pair[0].start == sentence.start and pair[0].actor != pair[1].actor \
                and sentence.text[pair[0].end - sentence.start:pair[1].start - sentence.start] == " and ":
            self.group = (pair[0].actor, pair[1].actor)  # 'Macron and Starmer met on Sunday. The leaders …', left unparsed
        persons = [m for m in mentions if m.is_person]
        if persons and not keep_person:  # a sentence whose subject is 'he' still speaks of the person before
            self.person = min(persons, key=lambda m: m.start).actor
        states = [m for m in mentions if is_state(m.actor)]
        if states:
            self.state = max(states, key=lambda m: m.start).actor
