"""Stances held in a relative clause on a topic phrase: 'NATO membership, which Putin has ruled
out', 'a step toward membership that Russia has sought to block', 'the invitation Poland wants'.

The walk from a cue climbs to its governors, so it never enters a clause that hangs below the
cue's own phrase; there the clause's subject takes a position on the phrase it describes."""

from __future__ import annotations

from .anaphora import ANAPHORIC_NOUNS
from .stances import cue_head, _visit
from .walk import CLIMB, STOP, Claim, Context, _claim, _Walk

RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}
PHRASE_HOPS = 2  # 'a step toward membership in NATO that …': the clause may describe a phrase around the cue


def relative_claim(cue_tokens: list[int], inherent: str | None, ctx: Context) -> Claim | None:
    """The claim of a relative clause whose antecedent is the cue's phrase and whose own
    subject is a named actor; None when there is no such clause."""
    head = cue_head(ctx.doc, cue_tokens)
    for noun in _phrase_nouns(head, cue_tokens, ctx):
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            claim = _clause_claim(clause, cue_tokens, inherent, head, ctx)
            if claim:
                return claim
    return None


def _phrase_nouns(head, cue_tokens: list[int], ctx: Context) -> list:
    """The cue's words, the nouns whose prepositional phrase holds it (membership ← toward ←
    step) and the theme it is for, where the parse often hangs the clause ('an invitation for
    Ukraine, which Hungary opposes')."""
    doc = ctx.doc
    nouns = [doc[i] for i in sorted(cue_tokens)]
    nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "of")
              for g in c.children if g.dep_ == "pobj" and set(ctx.resolver.actors(g)) & ctx.themes]
    # 'the deployment of troops, a move that France has backed': a noun set beside the cue's renames it
    nouns += [c for i in cue_tokens for c in doc[i].children if c.dep_ == "appos" and c.lemma_.lower() in ANAPHORIC_NOUNS]
    # 'accession to NATO, which Zelensky has long sought': the clause hangs on the alliance the cue joins
    nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "into", "in")
              for g in c.children if g.dep_ == "pobj" and any(map(ctx.resolver.is_organisation, ctx.resolver.actors(g)))]
    node = head
    for _ in range(PHRASE_HOPS):
        if node.dep_ != "pobj" or node.head.dep_ != "prep" or node.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        node = node.head.head
        nouns.append(node)
    return nouns


def _clause_claim(clause, cue_tokens: list[int], inherent: str | None, head, ctx: Context) -> Claim | None:
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    by_agent = subject is not None and subject.dep_ == "nsubjpass" and subject.lower_ in RELATIVE_PRONOUNS and any(
        ctx.resolver.actors(g) for c in clause.children if c.dep_ == "agent" for g in c.children)
    if by_agent:  # 'guarantees that have been ruled out by Russia': the agent acts on the antecedent
        target, pronoun = clause, subject
    elif subject is None or subject.lower_ in RELATIVE_PRONOUNS or subject.dep_ == "nsubjpass":
        return None  # 'membership, which would provoke Russia' says what membership does
    else:
        target = _object_verb(clause)
        if target is None:
            return None
        pronoun = next((c for c in target.children if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS), None)
    walk = _Walk(sign=-1 if inherent == "oppose" else 1, cue_head=head.i,
                 cue_tokens=frozenset(cue_tokens) if inherent else frozenset())
    previous, node = pronoun if pronoun is not None else target, target
    while True:
        result = _visit(node, previous, False, walk, ctx, None)
        if result == STOP:
            return None
        if isinstance(result, tuple):
            return _claim(result, walk, None, node, ctx.lexicon) if walk.found else None
        if node.i == clause.i or result != CLIMB:
            return None
        previous, node = node, node.head


def _object_verb(clause):
    """The verb of the clause that takes the antecedent as its object: the clause's own, or the
    last of its 'to' complements ('has sought to block'); None when that verb has another object."""
    node = clause
    while True:
        nxt = next((c for c in node.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None:
            break
        node = nxt
    objects = [c for c in node.children if c.dep_ == "dobj"]
    stranded = [o for o in objects if any(p.dep_ == "prep" and not list(p.children) for p in o.children)]
    if stranded:
        return stranded[0]  # 'a move that France has shown support for': the noun's preposition takes it
    if any(o.lower_ not in RELATIVE_PRONOUNS for o in objects):
        return None
    return node
