"""Whose a plan is and what it spells out ('Trump's peace plan could involve Kyiv giving up its
bid' is the plan's owner's position, not Kyiv's), and the owner of a stance noun that acts as
a subject ('Budapest's veto blocked the invitation')."""

from __future__ import annotations

from .holders import from_holder, subject_of
from .lexicon import Lexicon
from .predicates import noun_phrase_class


def acting_owner(subject, lexicon: Lexicon):
    """The owner of a stance noun that acts as the subject ('Budapest's veto blocked the
    invitation', 'objections from Berlin delayed it'): who vetoed or objected is who blocked;
    and the owner of a plan what the plan does ('Trump's plan bans Ukraine's membership')."""
    owner = plan_owner(subject) if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None
    if owner is not None:
        return owner  # 'the Victory Plan of Ukraine'
    if subject is None or subject.pos_ != "NOUN" or not noun_phrase_class(subject, lexicon):
        return None
    return next((c for c in subject.children if c.dep_ == "poss"), None) or from_holder(subject)


# a plan's content is its owner's: 'Trump's peace plan could involve Kyiv giving up its bid'
PLANS = {"plan", "proposal", "initiative", "blueprint", "roadmap", "framework", "formula", "memorandum", "scheme"}
SPELLING_OUT = {"involve", "include", "entail", "envisage", "envision", "foresee", "mean", "require", "contain",
                "stipulate", "see", "imply", "presuppose"}


def plan_owner(subject):
    """The named owner of a plan that is the subject ('Trump's peace plan', 'a plan by Hungary')."""
    if subject is None or subject.lemma_.lower() not in PLANS:
        return None
    of = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)  # 'the Victory Plan of Ukraine'
    return next((c for c in subject.children if c.dep_ == "poss"), None) or from_holder(subject) or of


def _plan_spelling_out(verb):
    """The plan that is the subject of a verb spelling out its content ('Trump's plan would
    require …', 'Ukraine's Victory Plan, which includes …'), or None."""
    if verb.lemma_.lower() not in SPELLING_OUT:
        return None
    subject = subject_of(verb)
    return subject if subject is not None and subject.lemma_.lower() in PLANS else None


def spells_out(verb, content) -> bool:
    """A plan's verb with what the plan holds as its object ('the victory plan includes an invitation')."""
    return content.dep_ in ("dobj", "ccomp", "xcomp") and plan_owner(_plan_spelling_out(verb)) is not None


def spelled_out_by_plan(node) -> bool:
    """A clause that spells out what a plan involves ('could involve Kyiv giving up …', 'would
    require Ukraine to renounce …'): its own subject does not hold it, the plan does."""
    return node.dep_ in ("ccomp", "dobj", "xcomp", "pcomp") and _plan_spelling_out(node.head) is not None


def framing_plan(node):
    """The plan a clause, or the clause it is conjoined to, is set under ('Under the proposal,
    Russia would keep its gains, and Ukraine would agree not to join …'): what it would do is the
    plan's terms, not its subject's position ('Under the deal, Ukraine agreed …' is its act). The
    plan noun, or None."""
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "will") for c in node.children):
        return None
    for clause in (node, node.head) if node.dep_ == "conj" else (node,):
        plan = next((g for c in clause.children if c.dep_ == "prep" and c.lower_ == "under"
                     for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in PLANS), None)
        if plan is not None:
            return plan
    return None
