"""Closing a walk at the speech verb that frames it: the speaker holds what the walk found, a
stance verb that is itself a speech act counting too ('rejected'), a negated belief verb turning
its complement round ('does not think membership is realistic'); and the claim on what one sets
as the condition of one's own concession."""

from __future__ import annotations

from .attribution import Frame
from .conditions import WARNING_VERBS
from .cue_context import obtained_in_condition
from .holders import joined_partners, own_subject
from .negation import is_negated
from .predicates import as_complement, proposes
from .walk import Claim, Context, _apply, _claim, _Walk

READINESS = {"ready", "prepared"}  # 'I don't think it's ready' is the topic set's 'not ready'


def close_at_frame(verb, walk: _Walk, frame: Frame, ctx: Context, came_from=None) -> Claim | None:
    """Reached the speech verb: a stance verb that is itself a speech act counts ('rejected'),
    unless the claim came from an act beside it ('rejects the path, insisting that Kyiv must
    abandon …': the insisting is not what is rejected)."""
    lexicon = ctx.lexicon
    if verb.lemma_.lower() in lexicon.belief and is_negated(verb) and (walk.found is not None or walk.assertive):
        walk.sign = -walk.sign  # 'does not think membership is a realistic outcome'
        walk.unready = walk.unready or walk.found in READINESS  # 'I don't think it's ready for membership'
    beside = came_from is not None and came_from.dep_ in ("advcl", "conj") and came_from.pos_ in ("VERB", "AUX")
    kind = lexicon.polarity_class(verb.lemma_, verb.pos_) if verb.lemma_.lower() in lexicon.communicative \
        and not beside else None
    if kind is None and proposes(verb):
        kind = "support"
    if kind is None and came_from is not None and came_from.dep_ == "dobj" and verb.lemma_.lower() in lexicon.as_verbs:
        kind = as_complement(verb, lexicon)  # 'described discussions about membership as premature'
    if kind is None and walk.supposed and verb.lemma_.lower() in WARNING_VERBS:
        kind = "oppose"  # 'warned of unspecified actions if Ukraine were to join NATO'
    if kind is None and is_negated(verb) and verb.lemma_.lower() in lexicon.speech \
            and verb.lemma_.lower() not in lexicon.belief:
        return None  # 'we never said that Ukraine would become a member as part of a peace deal': nothing said
    if kind:
        _apply(verb, kind, walk, lexicon)
    elif walk.found is None and walk.assertive:
        walk.found = "assertion"
    if walk.found is None or frame.speaker is None:
        return None
    partners = [a for a in joined_partners(verb, ctx.resolver) if a not in frame.speakers] if kind else []
    return _claim((*frame.speakers, *partners), walk, frame, verb, lexicon, self_stated=bool(kind))


def condition_of_concession(head, ctx: Context, frame: Frame | None) -> list[Claim]:
    """'Ukraine will agree to be neutral if it obtains an agreement to guarantee its security':
    the main clause's subject wants what it would obtain (the condition is the cue's own clause)."""
    conceding = obtained_in_condition(head)
    subject = own_subject(conceding) if conceding is not None else None
    holders = ctx.resolver.actors(subject) if subject is not None else []
    if not holders:
        return []
    return [_claim(tuple(holders), _Walk(sign=1, found="condition", cue_head=head.i), frame, conceding, ctx.lexicon)]
