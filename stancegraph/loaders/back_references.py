"""A sentence that names who said the one before it: 'This was said by the Czech president,
Petr Pavel', 'Pavel said this in an interview', 'The promise was made by …', 'This is reported
by Bild, citing …' (split from `attribution`, round 30)."""

from __future__ import annotations

from .holders import agent_of
from .lexicon import Lexicon
from .resolve import Resolver


BACK_REFERENCES = frozenset({"this", "that", "so"})
REMARKS = frozenset({"statement", "remark", "remarks", "comment", "comments", "announcement", "claim", "assessment",
                     "promise", "pledge", "commitment"})
MAKING = frozenset({"make", "issue", "deliver"})  # 'This statement was made by …'
CITING = frozenset({"cite", "quote"})
REPORTING = frozenset({"report"})


def _back_reference(token) -> bool:
    """'This', or 'this statement' / 'these remarks': what the sentence before said."""
    return token.lower_ in BACK_REFERENCES or token.lemma_.lower() in REMARKS and any(
        c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "the") for c in token.children)
    # 'The promise was made by …' after the promise itself: the definite article points back too


def says_the_sentence_before(doc, resolver: Resolver, lexicon: Lexicon) -> str | None:
    """'This was said by the Czech president, Petr Pavel, …', 'Pavel said this in an interview':
    a sentence that names who said the one before it. The speaker, or None."""
    for verb in doc:
        lemma = verb.lemma_.lower()
        reporting = lemma in REPORTING  # reported, with the source it cites: only that source
        if verb.pos_ != "VERB" or lemma not in lexicon.speech and lemma not in MAKING and not reporting:
            continue
        children = list(verb.children)
        making = lemma in MAKING  # made, issued: only a remark is ('This statement was made by …')
        passive = any(c.dep_ == "nsubjpass" and _back_reference(c) and (not making or c.lower_ not in BACK_REFERENCES)
                      for c in children)
        cited = next((c for c in children if c.dep_ == "advcl" and c.lemma_.lower() in CITING), None)
        if passive and cited is not None:  # 'This is reported by Bild, citing the statement of …': the one cited
            named = _named_after(doc, cited.i, resolver)
            if len(named) == 1:
                return named[0]
        if reporting:
            continue
        agent = agent_of(verb)
        if passive and agent is not None:
            named = _named_after(doc, agent.i, resolver)
            if len(named) == 1:
                return named[0]
        active = not making and any(c.dep_ in ("dobj", "advmod") and c.lower_ in BACK_REFERENCES for c in children)
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if active and subject is not None:
            named = resolver.actors(subject)
            if len(named) == 1:
                return named[0]
    return None


def _named_after(doc, start: int, resolver: Resolver) -> list[str]:
    """Who a 'by'-phrase names: the one person named after it ('by the President of the Czech
    Republic, Petr Pavel', whatever the parse makes of the title), else the one actor."""
    persons, named = [], []
    for token in doc[start:]:
        if token.dep_ == "prep" and token.i > start and token.head.i != start and not doc[start].is_ancestor(token):
            break  # '… by Bart De Wever during a summit organised by Keir Starmer': the first 'by' only
        actor = resolver.token_actor.get(token.i)
        if actor is None:
            continue
        into = persons if resolver.names_person(token.i) else named
        if actor not in into:
            into.append(actor)
    return persons or named
