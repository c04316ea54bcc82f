"""Who is credited or blamed for an act: 'Zelensky thanked Iceland for supporting Ukraine's path to
NATO' says Iceland supports it (and, thanking, so does Zelensky); 'criticised Hungary for blocking
…' says Hungary blocks it (the critic's own view is the opposite, and is left to the rules)."""

from __future__ import annotations

APPROVING = frozenset({"thank", "praise", "commend", "applaud", "congratulate", "appreciate", "salute", "laud", "hail",
                       "grateful", "thankful"})
CREDITING = APPROVING | {"criticize", "criticise", "blame", "condemn", "rebuke", "fault"}


def credited_party(act):
    """The one thanked, praised or blamed 'for' the act a gerund names ('thanked Iceland for
    supporting …', 'grateful to Iceland for supporting …'), or None."""
    if act.dep_ != "pcomp" or act.head.lower_ != "for" or act.head.head.i == act.head.i:
        return None
    verb = _crediting_word(act.head.head)
    if verb is None:
        return None
    party = next((c for c in verb.children if c.dep_ == "dobj"), None)  # 'thanked Iceland'; 'grateful to Iceland':
    return party if party is not None else next(
        (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)


def approves(act) -> bool:
    """Whether the act's crediting verb thanks or praises for it (its subject then agrees)."""
    return credited_party(act) is not None and _crediting_word(act.head.head).lemma_.lower() in APPROVING


def _crediting_word(verb):
    """The thanking or blaming word the 'for' phrase hangs on: the verb, or the adjective of 'am
    grateful to …', which the parse may pass over to hang the phrase on the copula."""
    if verb.lemma_.lower() in CREDITING:
        return verb
    if verb.lemma_ == "be":
        return next((c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in CREDITING), None)
    return None
