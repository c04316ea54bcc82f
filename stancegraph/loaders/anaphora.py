"""Stances whose topic is named in an earlier sentence: 'Germany remains wary of going too far',
'Washington opposed the move', 'Anything less would be a disappointment to Ukraine'."""

from __future__ import annotations

from .stances import Claim, Context, _apply, _claim, _negated, _predicate_class, _subject, _Walk, innermost_frame


def anaphoric_claims(ctx: Context, previous_polarity: str | None = None) -> list[Claim]:
    """Main-clause predicates with a named subject that take a position on 'it' or nothing named,
    or that repeat the position just reported ('Germany has taken a similar line')."""
    claims = []
    for node in ctx.doc:
        if not _main_predicate(node, ctx):
            continue
        claim = (_experiencer(node, ctx) or _stance_predicate(node, ctx)
                 or _same_position(node, ctx, previous_polarity))
        if claim:
            claims.append(claim)
    return claims


def _main_predicate(node, ctx: Context) -> bool:
    if node.dep_ == "ROOT":
        return True
    return any(node.i in f.content and f.verb is not None and node.head.i == f.verb for f in ctx.frames)


def _stance_predicate(node, ctx: Context) -> Claim | None:
    lexicon = ctx.lexicon
    kind = _predicate_class(node, lexicon)
    if kind is None or (node.lemma_.lower() in lexicon.speech and kind != "mixed"):
        return None
    subject = _subject(node, ctx.lexicon)
    if ctx.resolver.kind(subject) != "actor":
        return None
    actors = ctx.resolver.actors(subject)
    if set(actors) <= ctx.themes and node.lemma_.lower() not in lexicon.volition:
        return None
    walk = _Walk(sign=1)
    _apply(node, kind, walk, lexicon)
    return _claim(tuple(actors), walk, innermost_frame(ctx.frames, node.i), node, lexicon)


def same_position_claims(ctx: Context, previous: str) -> list[Claim]:
    return [c for node in ctx.doc if _main_predicate(node, ctx) and (c := _same_position(node, ctx, previous))]


def _same_position(node, ctx: Context, previous: str | None) -> Claim | None:
    """'took a similar line', 'followed suit', 'shares that view': the position just reported."""
    if previous is None or node.pos_ != "VERB":
        return None
    objects = [c for c in node.children if c.dep_ in ("dobj", "attr") and c.lemma_.lower() in ctx.lexicon.similar_nouns]
    alike = [o for o in objects if o.lemma_.lower() == "suit"
             or any(m.lower_ in ("similar", "same", "that", "this", "identical") for m in o.children)]
    subject = _subject(node, ctx.lexicon)
    if not alike or ctx.resolver.kind(subject) != "actor":
        return None
    walk = _Walk(sign=-1 if previous == "oppose" else 1, mixed=previous == "mixed", found=node.lemma_.lower())
    return _claim(tuple(ctx.resolver.actors(subject)), walk, innermost_frame(ctx.frames, node.i), node, ctx.lexicon)


def _experiencer(node, ctx: Context) -> Claim | None:
    """'X would be a disappointment to Ukraine': Ukraine's position on X."""
    lexicon = ctx.lexicon
    for attr in (c for c in node.children if c.dep_ == "attr" and c.lemma_.lower() in lexicon.experiencer):
        target = next((g for p in attr.children if p.lower_ in ("to", "for") for g in p.children if g.dep_ == "pobj"), None)
        if target is None or not ctx.resolver.actors(target):
            continue
        subject = _subject(node, ctx.lexicon)
        words = {t.lower_ for t in subject.subtree} if subject is not None else set()
        text = " ".join(t.lower_ for t in subject.subtree) if subject is not None else ""
        sign = 1 if lexicon.experiencer[attr.lemma_.lower()] == "support" else -1
        if any(p in words or (" " in p and p in text) for p in lexicon.flip_phrases):
            sign = -sign
        if _negated(node):
            sign = -sign
        walk = _Walk(sign=sign, found=attr.lemma_.lower())
        return _claim(tuple(ctx.resolver.actors(target)), walk, innermost_frame(ctx.frames, node.i), node, lexicon)
    return None
