"""Who holds the position a walk up the parse has reached, at one node: a node that carries no
class of its own (a verb whose subject may own the cue's content, a deed, a decision, an
attitude) and a node whose class was just counted (its subject, an owner, a judge, the speaker
for whom it stands). Each returns the holders, CLIMB to go on or STOP to give up (split from
`stances`, round 30)."""

from __future__ import annotations

from .acts import controller, decided, deed, forecast, modal, own_side
from .asking import NORMATIVE_MODALS, demanded, pledged
from .attribution import Frame
from .cue_context import ENDING, imposed, launches_own_bid, names_home, normative, own_pursuit, some_others
from .holders import (
    ATTITUDES, generic_country, joined_partners, named_holders, own_subject, plural_speaker, subject_of,
)
from .plans import acting_owner, framing_plan, plan_owner, spelled_out_by_plan
from .publics import counted_public
from .negation import ABILITY, expected_not, is_negated
from .predicates import COPULAS, OWN_PURSUITS, idiom, noun_phrase_class, phrasal, predicate_class
from .clause_readings import (
    attribute_owner, brought_with, factive, failed_attempt, gerund_content, none_there, reacts, sets_as_goal,
    voices_position,
)
from .walk import CLIMB, STOP, Context, _Walk


def holders_of_plain(node, previous, walk: _Walk, ctx: Context, frame: Frame | None, locked: bool,
                     negation_counted: bool):
    """At a node with no class of its own: its negation flips the sign unless counted elsewhere
    (an aside, 'but not', a copula's complement)."""
    lexicon, resolver = ctx.lexicon, ctx.resolver
    # a copula's negation counts at the copula, not also at its complement ('there will not be US troops deployed')
    own = is_negated(node, walk.cue_tokens, through_copula=False) and not factive(node, previous) \
        and not negation_counted and not (previous.lemma_.lower() in ABILITY and previous.dep_ == "acomp") \
        or previous.dep_ != "attr" and none_there(node)
    if own or (node.pos_ == "NOUN" and node.lemma_.lower() in ABSENCE_NOUNS):
        walk.sign = -walk.sign  # 'the absence of a timetable'
    subject = own_subject(node)
    actors = resolver.actors(subject) if subject is not None and node.pos_ in ("VERB", "AUX") else []
    if actors and walk.found is not None and (voices_position(node, previous) or set(actors) <= ctx.themes
                                              and frame is None and launches_own_bid(node)):
        return tuple(actors)  # 'he expressed Ukraine's desire to …', 'Ukraine has launched a bid to join' (narrated)
    owner = plan_owner(subject) if node.pos_ == "VERB" and walk.found is not None else None
    if owner is not None and resolver.actors(owner):
        return tuple(resolver.actors(owner))  # 'Trump's plan could involve Kyiv giving up …': the plan's owner
    if actors and walk.purposed and node.pos_ == "VERB":
        walk.found = walk.found or "purpose"  # 'passed a law with the aim of joining': what the act is for
        return tuple(actors)
    if actors and not set(actors) & ctx.themes and locked and deed(node, walk.cue_head):
        walk.found = walk.found or "decision"  # 'NATO dropped the MAP requirement'
        return tuple(actors)
    if actors and node.lemma_.lower() in COPULAS and (previous.dep_ in ("attr", "prep") or previous.dep_ == "acomp"
                                                     and previous.lower_ in ATTITUDES) \
            and walk.applied_at in {t.i for t in previous.subtree}:
        # 'Poland is one of the supporters of …', 'Sweden is among the advocates of …', 'the alliance
        # remains committed to its pledge to …' (the subject's attitude, not a judgement of the topic)
        return tuple(actors)
    if actors and previous.dep_ == "prep" and node.pos_ == "VERB" and brought_with(ctx.doc, walk):
        return tuple(actors)  # 'went into the summit with demands for its entrance': the subject brings them
    if actors and not set(actors) & ctx.themes and not locked:  # 'Ukraine and Georgia will become members'
        if (frame is None or frame.speaker is None) and decided(node, walk.assertive) \
                and not demanded(node) and not pledged(node):
            walk.found = "decision"  # 'NATO will not issue a formal invitation', 'member states will not offer …'
            return tuple(actors)
        if walk.assertive and frame is not None and own_side(actors, frame, ctx):
            # 'Scholz said Germany would not send soldiers': the speaker's position on his own
            # side's course (the dev gold codes the person who speaks for a state, not the state)
            walk.found = "assertion"
            # a later sentence naming the speaker ('The promise was made by …') names the state
            # as the agent of its own sentence: both are coded (the development set's README)
            named_after = frame.verb is None and frame.kind == "according"
            bodies = tuple(a for a in actors if a not in frame.speakers and ctx.resolver.is_organisation(a)) \
                if subject is not None and subject.lower_ == "we" else ()
            return tuple(frame.speakers) + (tuple(actors) if named_after else bodies)  # '"we decided …," Rutte said
        if frame is not None and node.head.i == frame.verb and ctx.doc[frame.verb].lemma_.lower() in lexicon.consent:
            walk.found = walk.found or "consent"  # 'Russia had agreed that the US could offer …'
            return CLIMB
        if demanded(node) or pledged(node) or expected_not(node) or gerund_content(node):
            return CLIMB  # 'urged that NATO invite Ukraine', 'promised that NATO will not admit …', 'the idea of NATO admitting …'
        return STOP  # what a third party does or might do is not a position
    if not actors and subject is not None and walk.assertive and node.pos_ in ("VERB", "AUX") and not locked \
            and some_others(subject):
        return STOP  # 'some states would not send troops', in someone's words: their course, not the speaker's
    return CLIMB


def holders_of_classed(node, previous, kind: str | None, walk: _Walk, ctx: Context, frame: Frame | None):
    """At a node whose class was counted: whose position it is."""
    lexicon, resolver = ctx.lexicon, ctx.resolver
    judges = judged_by(node, ctx)
    if judges:
        return judges  # 'would be unacceptable to Russia': Russia holds the position
    if spelled_out_by_plan(node):
        return CLIMB  # 'the plan could involve Kyiv giving up its bid': the plan's content, not Kyiv's view
    plan = framing_plan(node)
    if plan is not None:  # 'Under Trump's proposal, Ukraine would agree …': the plan's owner's terms
        owner = plan_owner(plan)
        return tuple(resolver.actors(owner)) if owner is not None and resolver.actors(owner) else STOP
    subject = subject_of(node, lexicon)
    if node.pos_ == "NOUN" and subject is not None and subject.dep_ == "nsubj" and subject.i == node.i - 1 \
            and not all(map(ctx.is_state, resolver.actors(subject) or [""])):
        subject = None  # a headline parsed as 'NATO bid(s)': the noun's compound, not its subject ('the U.S. push' is)
    # 'Budapest's veto blocked the invitation' (an act); not 'Latvia's push was premature' (a judgement of it)
    owner = acting_owner(subject, lexicon) if node.pos_ == "VERB" and node.lemma_.lower() not in COPULAS else None
    by_plan = owner is not None and plan_owner(subject) is not None  # 'would require': what the plan says, no forecast
    subject = owner if owner is not None else subject
    subject_kind = resolver.kind(subject)
    # 'NATO membership remains Ukraine's priority', 'keeping Ukraine out is Putin's goal', 'a pledge
    # that Ukraine would never join was not the Kremlin's only demand': the subject the walk came by
    # (not 'must be Estonia's official position': the speaker's demand that it become so)
    owner = attribute_owner(node, previous) if kind is not None and subject is not None \
        and (subject.i == walk.cue_head or subject == previous or previous.dep_ == "xcomp") \
        and not modal(node, NORMATIVE_MODALS) else None
    if owner is not None and resolver.actors(owner):
        owners = resolver.actors(owner)  # the priority's owner, or who speaks for it (as the development gold codes)
        spoken_for = frame is not None and frame.speakers and own_side(owners, frame, ctx)
        return tuple(frame.speakers) if spoken_for else tuple(owners)
    if subject is not None and subject.dep_ == "csubj" and (subject == previous or previous.is_ancestor(subject)):
        return CLIMB  # 'inviting Ukraine would have triggered a world war': the topic acts; whoever says so judges it
    if subject is not None and subject.i == walk.cue_head and subject.dep_ in ("nsubj", "nsubjpass"):
        return CLIMB  # 'NATO is off the table': the name is the topic here, not its holder
    if subject is not None and subject.lower_ == "they" and frame is not None and frame.speakers \
            and (len(frame.speakers) > 1 or frame.verb is not None and plural_speaker(ctx.doc[frame.verb])):
        return frame.speakers  # 'the leaders of Poland, … and Slovakia said they supported …', 'the US and others said they …'
    if subject_kind == "unnamed" and generic_country(subject):
        return CLIMB  # 'a country with unresolved conflicts was not ready for a MAP': the speaker's judgement
    if subject_kind == "unnamed":  # 'allies should give …' is the speaker's demand; 'efforts by some allies' may be opposed
        return CLIMB if kind == "normative" or node.pos_ == "NOUN" or controller(node) is not None else STOP
    if subject_kind != "actor":
        if subject is not None and (subject.dep_ == "poss" and own_pursuit(node, subject) or counted_public(subject)):
            walk.found = None  # 'its hopes of joining were over', '60% of Ukrainians support': named, not held
        return CLIMB
    named = named_holders(node, subject, resolver)
    actors = named + [a for a in joined_partners(node, resolver) if a not in named]
    spoken_for = frame is not None and frame.speakers and own_side(actors, frame, ctx)
    if spoken_for and subject.dep_ == "amod":
        actors = list(frame.speakers)  # 'according to Kristersson, there is Swedish openness to …': his, as for his state
    elif spoken_for and frame.kind in ("speech", "according") and _possessor(subject):  # 'Lavrov reiterated Moscow's antagonism to …', 'the NATO chief
        actors = [*frame.speakers, *actors]  # affirmed the alliance's plans to …': the body's, and his who states it
    pursued = node.lemma_.lower() in OWN_PURSUITS and subject is not None and subject.dep_ == "poss" \
        or node.lemma_.lower() in PURSUING and node.pos_ == "VERB" and not names_home(ctx.doc[walk.cue_head], ctx)
    if pursued and ctx.home in actors:  # 'Georgia and Ukraine's applications', 'Ukraine and Georgia have sought admission'
        actors = [a for a in actors if a == ctx.home or not ctx.is_state(a)]
    elif pursued and all(map(ctx.is_state, actors)) and not any(set(resolver.actors(t)) & ctx.themes for t in node.subtree):
        return STOP  # 'Sweden and Finland, which have applied to join NATO, …': their own entry, Ukraine unnamed
    own_act = node.lemma_.lower() in lexicon.volition or phrasal(node) in lexicon.volition or sets_as_goal(node) \
        or reacts(node, lexicon) or \
        idiom(node, lexicon) and node.tag_ in ("VBD", "VBZ", "VBP", "VBN") and not modal(node, lexicon.hedges) or by_plan \
        or failed_attempt(node)
    if set(actors) <= ctx.themes and (not own_act or imposed(node, lexicon)) and not own_pursuit(node, subject) \
            and not (frame is None and launches_own_bid(node)):  # 'He said Ukraine had submitted an application': his
        return CLIMB  # 'Ukraine deserves a path': whoever says so holds the position; not 'took it off its agenda'
    if (kind == "normative" or normative(node, lexicon)) and frame is not None:
        return CLIMB  # 'the alliance should offer Ukraine a path': the speaker's demand on it
    if demanded(node):
        return CLIMB  # 'demanded that NATO immediately accept Ukraine': the demand is the position held
    if forecast(node, actors, frame, ctx) and not by_plan:
        return STOP if frame is None or frame.verb is None or ctx.doc[frame.verb].lemma_.lower() not in lexicon.composing \
            else CLIMB
    if node.pos_ == "NOUN" and node.dep_ == "dobj" and node.head.lemma_.lower() in ENDING:
        if subject is not None and subject.head.i != node.i and subject.head.head.i != node.i \
                and not spelled_out_by_plan(node.head):  # 'a plan involving Kyiv dropping its bid' is the plan's
            walk.sign = -walk.sign  # held by the verb's subject: 'Turkey dropped its objection to …', 'lifted its veto on …'
            if is_negated(node.head):
                walk.sign = -walk.sign  # 'has never abandoned its aim of joining': kept, not given up
        else:
            walk.found = None  # 'ready to drop Ukraine's bid': whoever drops it holds, by the verb
            return CLIMB
    governing = controller(node)
    if governing is not None and predicate_class(governing, lexicon) is not None:
        return CLIMB  # 'oppose offering Ukraine …', 'declined to offer a timetable': the governing verb counts too
    return tuple(actors)


ADMITTING = {"open", "available", "accessible"}


REMEDIES = {"solution", "answer", "remedy", "way", "option"}


def judged_by(node, ctx: Context) -> tuple[str, ...] | None:
    """The actors an evaluation is 'to': 'unacceptable to Russia', 'acceptable to Hungary', 'a red
    line for Russia'."""
    # an evaluation, not any adjective; 'open to Ukraine' names who may come in, not who judges
    evaluations = [(c, ("to",)) for c in node.children if c.dep_ == "acomp"  # not 'important for Ukraine'
                   and c.lemma_.lower() not in ADMITTING and ctx.lexicon.polarity_class(c.lemma_.lower(), "ADJ")]
    evaluations += [(c, ("to", "for")) for c in node.children if c.dep_ == "attr" and noun_phrase_class(c, ctx.lexicon)
                    and c.lemma_.lower() not in REMEDIES]  # 'not the solution for Ukraine': for whom, not by whom
    for adjective, heads in evaluations:
        for prep in (c for c in adjective.children if c.dep_ == "prep" and c.lower_ in heads):
            for target in (g for g in prep.children if g.dep_ == "pobj"):
                if _first_person(target):
                    return None  # 'a danger for our country', in the speaker's words: the speaker judges
                actors = ctx.resolver.actors(target)
                if actors:
                    return tuple(actors)
    return None


def _first_person(target) -> bool:
    return target.lower_ in ("us", "me") or any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in target.children)


def _possessor(token) -> bool:
    """A possessive, also where the parser made 'the alliance’s plans to …' a clause ('’s' kept as its case)."""
    return token.dep_ == "poss" or any(c.dep_ == "case" and c.tag_ == "POS" for c in token.children)


PURSUING = {"seek", "apply", "aspire", "strive", "pursue"}  # beside Ukraine, another state seeks its own entry
ABSENCE_NOUNS = {"absence", "lack"}
