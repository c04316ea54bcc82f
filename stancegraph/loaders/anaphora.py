"""Stances whose topic is named in an earlier sentence: 'Germany remains wary of going too far',
'Anything less than that would be a disappointment to Ukraine'."""

from __future__ import annotations

from .attribution import Frame
from .lexicon import Lexicon
from .resolve import Resolver
from .stances import Claim, _Walk, _apply, _claim, _negated, _predicate_class, _subject, innermost_frame


def anaphoric_claims(doc, frames: list[Frame], resolver: Resolver, lexicon: Lexicon,
                     themes: set[str]) -> list[Claim]:
    """Main-clause predicates with a named subject that take a position on 'it' or nothing named."""
    claims = []
    for node in doc:
        if not _main_predicate(node, frames):
            continue
        claim = _experiencer(node, frames, resolver, lexicon) or _stance_predicate(node, frames, resolver, lexicon, themes)
        if claim:
            claims.append(claim)
    return claims


def _main_predicate(node, frames: list[Frame]) -> bool:
    if node.dep_ == "ROOT":
        return True
    return any(node.i in f.content and node.head.i == f.verb for f in frames)


def _stance_predicate(node, frames, resolver: Resolver, lexicon: Lexicon, themes: set[str]) -> Claim | None:
    kind = _predicate_class(node, lexicon)
    if kind in (None, "normative") or node.lemma_.lower() in lexicon.speech and kind != "mixed":
        return None
    subject = _subject(node)
    if resolver.kind(subject) != "actor":
        return None
    actors = resolver.actors(subject)
    if set(actors) <= themes and kind == "support":
        return None
    walk = _Walk(sign=1)
    _apply(node, kind, walk, lexicon)
    for child in node.children:  # 'remains wary of …': the adjective carries the position
        if child.dep_ in ("acomp", "attr") and lexicon.polarity_class(child.lemma_) == "mixed":
            walk.mixed = True
    return _claim((tuple(actors), False), walk, innermost_frame(frames, node.i), node, node.doc, lexicon)


def _experiencer(node, frames, resolver: Resolver, lexicon: Lexicon) -> Claim | None:
    """'X would be a disappointment to Ukraine': Ukraine's position on X."""
    for attr in (c for c in node.children if c.dep_ == "attr" and c.lemma_.lower() in lexicon.experiencer):
        target = next((g for p in attr.children if p.lower_ in ("to", "for") for g in p.children if g.dep_ == "pobj"), None)
        if target is None or not resolver.actors(target):
            continue
        subject = _subject(node)
        subject_text = " ".join(t.lower_ for t in subject.subtree) if subject is not None else ""
        sign = 1 if lexicon.experiencer[attr.lemma_.lower()] == "support" else -1
        if any(phrase in subject_text for phrase in lexicon.flip_phrases):
            sign = -sign
        if _negated(node, lexicon):
            sign = -sign
        walk = _Walk(sign=sign, found=attr.lemma_.lower())
        return _claim((tuple(resolver.actors(target)), False), walk, innermost_frame(frames, node.i), node, node.doc, lexicon)
    return None
