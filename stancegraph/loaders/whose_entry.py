"""Whose entry a topic cue is about: Ukraine's, or another state's own ('Finland's membership',
'Sweden wants to join the alliance', 'Macedonia's bid to be invited'), which is no position on
Ukraine's. Split from `cue_context` (round 18)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cue_context import cue_head
from .holders import all_states, subject_of
from .predicates import OWN_PURSUITS

if TYPE_CHECKING:
    from .walk import Context


SENT = {"troop", "troops", "soldier", "force", "personnel", "serviceman", "peacekeeper", "contingent", "boot"}
GIVING = {"guarantee", "offer", "provide", "give", "extend", "grant", "send", "deploy"}  # its subject gives, not joins


def about_someone_else(doc, cue_tokens: list[int], ctx: Context) -> bool:
    """'Finland's membership', 'their membership path': the topic is not the theme actor's."""
    for i in cue_tokens:
        for child in doc[i].children:
            if child.dep_ == "poss" and child.i not in cue_tokens and doc[i].lemma_.lower() not in SENT:
                # a cue may hold one ('send their troops'); whose troops says who sends them, not whose entry
                actors = ctx.resolver.actors(child)
                if actors and not set(actors) <= ctx.themes and all_states(actors, ctx) or \
                        child.lower_ in ("their", "our", "my", "your"):
                    return True  # 'Finland's membership'; not 'NATO's Article 5 protections'
            if child.dep_ == "nsubj" and (doc[i].pos_ == "VERB" or doc[i].lemma_.lower() == "be") \
                    and doc[i].lemma_.lower() not in GIVING:  # 'Sweden should be a member of NATO' too
                actors = ctx.resolver.actors(child)
                if doc[i].lemma_.lower() in JOINING | {"be"}:
                    actors = _states_of(actors, child, ctx)  # '"we will become members," said Sweden's minister'
                if actors and not set(actors) & ctx.themes and all_states(actors, ctx):
                    return True  # 'Finland and Sweden joining Nato'
            of_whom = child.lower_ == "of" and doc[i].pos_ == "NOUN"  # 'the early entry of Sweden and Finland'
            if child.dep_ == "prep" and (child.lower_ in ("for", "to") or of_whom) and child.i not in cue_tokens:
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
                actors = ctx.resolver.actors(target) if target is not None else []
                if actors and not set(actors) & ctx.themes and all_states(actors, ctx):
                    return True  # 'security guarantees for Russia'
    head = doc[cue_tokens[0]]
    if head.pos_ == "VERB" and head.tag_ == "VBG" and head.i > 0:  # 'objection to Finland and Sweden joining'
        actors = ctx.resolver.actors(doc[head.i - 1])
        if actors and not set(actors) & ctx.themes and all_states(actors, ctx):
            return True
    if _capacity_of_another(doc, cue_tokens, ctx):
        return True
    head = cue_head(doc, cue_tokens)
    if _granted_to_another(head, ctx) or _alliance_at_war(doc, cue_tokens, ctx) or _applied_for_by_another(head, ctx) \
            or _others_who_joined(head, ctx) or _seen_as_member(head, ctx):
        return True
    joiner = controlled_joiner(doc, cue_tokens)
    actors = _joiner_actors(joiner, ctx) if joiner is not None else []
    if actors and not set(actors) & ctx.themes and all_states(actors, ctx):
        return True
    return another_states_pursuit(cue_head(doc, cue_tokens), ctx)


def _states_of(actors: list[str], subject, ctx: Context) -> list[str]:
    """A speaker's 'we' is the state the speaker serves ('"we will become members," Billström said')."""
    if subject.lower_ != "we" or ctx.resolver.home_state is None:
        return actors
    return [ctx.resolver.home_state(a) or a for a in actors]


def _capacity_of_another(doc, cue_tokens: list[int], ctx: Context) -> bool:
    """'as a member of the Alliance, Greece worked to …': the capacity a member state acts in."""
    start = doc[cue_tokens[0]]
    if start.lower_ != "as" or start.head.pos_ not in ("VERB", "AUX") or any(c.dep_ == "dobj" for c in start.head.children):
        return False  # not 'never saw Ukraine as a NATO member', the object's role
    subject = subject_of(start.head)
    actors = ctx.resolver.actors(subject) if subject is not None else []
    return bool(actors) and not set(actors) & ctx.themes and all_states(actors, ctx)


def _alliance_at_war(doc, cue_tokens: list[int], ctx: Context) -> bool:
    """'… as it would mean that the North Atlantic Alliance is at war with Russia': the war named is
    the one membership would bring the alliance, not Ukraine's war as a bar to membership."""
    wars = [doc[i] for i in cue_tokens if doc[i].lower_ == "war" and doc[i].head.lower_ == "at"]
    for war in wars:
        verb = war.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and verb.lemma_ == "be"  # 'NATO is at war'
                    or c.dep_ == "dobj" and verb.lemma_.lower() in ("put", "place", "bring", "drag", "draw")]
        actors = [a for c in subjects for a in ctx.resolver.actors(c)]
        if actors and not any(ctx.is_state(a) for a in actors):
            return True
    return False


APPLYING = {"apply", "seek", "request", "pursue"}


def _applied_for_by_another(head, ctx: Context) -> bool:
    """'the situation Sweden is in as it applies for NATO membership': another state's own
    application (not 'Poland seeks Ukraine's membership', which names Ukraine)."""
    if any(ctx.home in ctx.resolver.actors(t) for t in head.subtree):
        return False
    verb = head
    while verb.dep_ in ("pobj", "prep", "dobj") and verb.head.i != verb.i and verb.pos_ != "VERB":
        verb = verb.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in APPLYING:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    actors = ctx.resolver.actors(subject) if subject is not None else []
    if not actors and subject is not None and subject.lower_ in ("it", "they"):
        earlier = [a for t in subject.doc[:subject.i] for a in ctx.resolver.actors(t) if ctx.is_state(a)]
        actors = earlier[-1:]  # the state the sentence named before the pronoun
    return bool(actors) and ctx.home not in actors and all_states(actors, ctx)


GRANTED_TO = {"promise", "offer", "grant", "give", "deny", "refuse"}


def _granted_to_another(head, ctx: Context) -> bool:
    """'Georgia was also promised a NATO membership in 2008': the passive's subject receives it."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in GRANTED_TO:
        return False
    receivers = [c for c in verb.children if c.dep_ == "nsubjpass"]
    actors = [a for c in receivers for a in ctx.resolver.actors(c)]
    return bool(actors) and ctx.home not in actors and all_states(actors, ctx)  # Georgia too is a theme


def _joiner_actors(joiner, ctx: Context) -> list[str]:
    """Who the joiner names; an 'it' or 'they' is the subject of a clause it is reported in
    ('Finland has confirmed it will apply to join NATO': Finland's own accession), or the owner
    of the announcement it is the content of."""
    actors = ctx.resolver.actors(joiner)
    clause = joiner.head
    if actors or joiner.lower_ not in ("it", "they") or clause.dep_ not in ("ccomp", "acl"):
        return actors
    if clause.dep_ == "acl":  # 'Finland's announcement that it would seek to join NATO': the announcer's
        subject = next((c for c in clause.head.children if c.dep_ == "poss"), None)
    else:
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return ctx.resolver.actors(subject) if subject is not None else []


PURSUIT_LINKS = {"acl", "xcomp", "prep", "pobj", "compound", "amod", "relcl"}


def another_states_pursuit(head, ctx: Context) -> bool:
    """'Macedonia's bid to be invited to join NATO', 'Georgia's bid for a membership action plan':
    the cue is what another state (Georgia too, a theme since 2008) pursues for itself, unless
    the pursuit names Ukraine ('Poland's push for Ukraine's invitation')."""
    node = head
    while node.dep_ in PURSUIT_LINKS and node.head.i != node.i:
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in OWN_PURSUITS:
            owners = [c for c in node.children if c.dep_ == "poss"]
            actors = [a for o in owners for a in ctx.resolver.actors(o)]
            named = {a for t in node.subtree if t.dep_ != "poss" or t.head.i != node.i for a in ctx.resolver.actors(t)}
            home = {ctx.home} if ctx.home else ctx.themes
            return bool(actors) and not set(actors) & home and all_states(actors, ctx) and not named & home
    return False


def _others_who_joined(head, ctx: Context) -> bool:
    """'leave every country that joined after 1997', 'the states that joined in 2004': the entry of
    the states a relative clause describes, not Ukraine's ('Ukraine, a country that wants to
    join', where the noun describes Ukraine, stays)."""
    if head.lemma_.lower() not in JOINING or head.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in head.children):
        return False
    described = head.head
    quantified = any(c.dep_ == "det" and c.lower_ in OTHERS_DETERMINERS for c in described.children)
    return described.pos_ == "NOUN" and described.dep_ not in ("appos", "attr") \
        and (quantified or described.tag_ == "NNS") \
        and not any(set(ctx.resolver.actors(t)) & ctx.themes for t in described.subtree if t.i < head.i)


def _seen_as_member(head, ctx: Context) -> bool:
    """'would like to see Russia as a member of NATO': the entry of the state seen as one."""
    if head.lower_ != "as" or head.dep_ != "prep" or not any(c.lemma_.lower() == "member" for c in head.children):
        return False
    seen = [c for c in head.head.children if c.dep_ == "dobj"]
    actors = [a for c in seen for a in ctx.resolver.actors(c)]
    return bool(actors) and not set(actors) & ctx.themes and all_states(actors, ctx)


OTHERS_DETERMINERS = {"every", "all", "each", "those", "other", "these"}
JOINING = {"join", "enter", "become", "come", "get"}
SEEKING = {"seek", "obtain", "gain", "win", "pursue", "request", "get", "receive", "want"}


def controlled_joiner(doc, cue_tokens: list[int]):
    """Who would join, when the joining verb has no subject of its own: the subject of the verb
    it completes ('Sweden wants to join the alliance') or that verb's object ('prompted Sweden and
    Finland to seek membership'). A state other than the theme joining is another accession."""
    verb = next((doc[i] for i in cue_tokens if doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in JOINING), None)
    if verb is None:  # 'Russia wanted to be a NATO member'
        verb = next((doc[i] for i in cue_tokens if doc[i].lemma_ == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() == "member" for c in doc[i].children)), None)
    if verb is None:
        noun = doc[cue_tokens[0]]
        sought = noun.lemma_.lower() in ("membership", "accession", "entry") and noun.dep_ == "dobj"
        verb = noun.head if sought and noun.head.lemma_.lower() in SEEKING else None
    while verb is not None and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # 'to seek and ultimately obtain membership'
    if verb is None or verb.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    governor = verb.head
    found = next((c for c in governor.children if c.dep_ == "dobj"), None) or \
        next((c for c in governor.children if c.dep_ == "nsubj"), None)
    return found if found is not None else subject_of(governor)  # '… ended their non-alignment and decided to join'
