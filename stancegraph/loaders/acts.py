"""Whose act a clause tells, when it is not the holder's position: a decision narrated, the
holder's own deed, a forecast of a third party, a third party's course, the speaker's own side;
and the verbs that only evade a question or share a governor's subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution import PREDICTING, Frame
from .holders import coordinated_with, own_subject
from .negation import is_negated, under_ability

if TYPE_CHECKING:
    from .walk import Context

GRANTING = {"offer", "issue", "extend", "grant", "give", "invite", "admit", "send", "deploy", "station", "provide",
            "commit", "sign", "join", "participate", "contribute"}  # 'Belgium will join the peacekeeping mission'


def decided(node, assertive: bool) -> bool:
    """A narrated decision: the actor who grants it will (not) grant it. A 'would' or 'could' is
    someone's forecast, not yet a decision."""
    return assertive and node.lemma_.lower() in GRANTING and modal(node, {"will", "wo", "'ll", "shall"}) \
        and not modal(node, {"would", "could", "might", "may"}) and not _judged_probable(node)


def _judged_probable(node) -> bool:
    """'it is considered unlikely that NATO will … offer Kyiv a plan': a forecast judged, no decision."""
    clause = node
    while clause.dep_ == "conj":
        clause = clause.head
    head = clause.head
    return clause.dep_ == "ccomp" and (head.lemma_.lower() in LIKELIHOOD or any(
        c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in LIKELIHOOD for c in head.children))


def deed(node, cue_head: int) -> bool:
    """The cue is the finite main verb of its own clause: what its subject did or does."""
    return node.i == cue_head and node.pos_ == "VERB" and node.tag_ in ("VBD", "VBZ", "VBP", "VBN")


def forecast(node, holders: list[str], frame: Frame | None, ctx: Context) -> bool:
    """A third party's hedged position in someone else's words is a forecast, not its stance;
    so is what someone expects it to do ('officials expect the declaration to describe …')."""
    if node.dep_ in ("xcomp", "ccomp") and node.head.lemma_.lower() in PREDICTING or _judged_probable(node):
        return True
    if not modal(node, ctx.lexicon.hedges) and not modal(governor(node), ctx.lexicon.hedges) \
            and not modal(sharing_auxiliaries(node), ctx.lexicon.hedges) and not under_ability(node):
        return False  # what another is (not) able to do is as much a forecast as what it might do
    if frame is None:  # a main clause ('…, but they may participate in …') is the narrator's report of its own
        main = node.dep_ == "ROOT" or node.dep_ == "conj" and node.head.dep_ == "ROOT"
        return not main and any(a.pos_ in ("VERB", "AUX") for a in node.ancestors)
    speaker = frame.speaker
    return speaker is None or not all(h == speaker or ctx.affiliated(speaker, h) for h in holders)


def sharing_auxiliaries(node):
    """The verb whose auxiliaries a conjunct without its own shares ('would lift sanctions … and
    prevent Ukraine from …': 'prevent' is as hedged as 'lift')."""
    while node.dep_ == "conj" and node.head.i != node.i and not any(c.dep_ == "aux" for c in node.children):
        node = coordinated_with(node)
    return node


def third_party(node, ctx: Context, frame: Frame | None = None) -> bool:
    subject = own_subject(node)
    actors = ctx.resolver.actors(subject) if subject is not None and node.pos_ in ("VERB", "AUX") else []
    if frame is not None and subject is not None and subject.lower_ == "we" and own_side(actors, frame, ctx):
        return False
    return bool(actors) and not set(actors) <= ctx.themes


def own_side(actors: list[str], frame: Frame, ctx: Context) -> bool:
    speaker = frame.speaker
    return speaker is not None and all(a == speaker or ctx.affiliated(speaker, a) for a in actors)


def governor(node):
    return node.head if node.dep_ in ("acomp", "xcomp", "attr") else node


def modal(node, words) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in node.children)


OTHERS = {"countries", "states", "nations", "allies", "partners", "those", "others", "governments"}


def backs_others(cue_head, ctx: Context) -> bool:
    """'will not send soldiers to Ukraine, but will support the decisions of other countries that
    want to do so': the clause beside the cue's backs unnamed others who would act, so a refusal
    is for oneself only (the topic set's mixed case for troops)."""
    verb = next((t for t in (cue_head, *cue_head.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    for other in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if ctx.lexicon.polarity_class(other.lemma_.lower()) != "support":
            continue
        objects = [c for c in other.children if c.dep_ == "dobj"]
        objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]  # 'the decisions of other countries'
        if any(o.lower_ in OTHERS and not ctx.resolver.actors(o) and any(c.dep_ in ("relcl", "acl") for c in o.children)
               for o in objects):
            return True
    return False


EVASIONS = {"comment", "specify", "elaborate", "answer", "speculate", "give", "commit", "name", "set", "provide", "offer"}
NOT_ENTERED_INTO = EVASIONS | {"discuss", "debate"}  # 'I don't want to discuss what pathways there are'
GRANTED = {"invitation", "plan", "map", "roadmap", "membership", "path", "pathway", "guarantee", "assurance", "troop"}


def grants_step(verb) -> bool:
    """'refused to give Ukraine an invitation' withholds the step itself, 'declined to give a
    date' or 'to offer details' withholds only an answer."""
    given = [c for c in verb.children if c.dep_ == "dobj"]
    given += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
              for g in c.children if g.dep_ == "pobj"]
    return any(g.lemma_.lower() in GRANTED for g in given)  # 'provide Ukraine with a membership plan'


DENIALS = {"deny", "refute", "dismiss", "rebut", "debunk"}
FALSE_ADJECTIVES = {"false", "untrue", "baseless", "unfounded", "groundless", "fake", "mistaken"}
REPORTED_CONTENT = {"report", "claim", "narrative", "suggestion", "rumour", "rumor", "allegation", "speculation",
                    "story", "assertion"}


def denied_content(predicate) -> bool:
    """'denied that Nawrocki is an opponent of …', 'dismissed reports that Hungary blocks …', 'a
    false narrative suggesting that …': the clause that holds the position is said to be untrue."""
    clause = predicate
    while clause.dep_ == "conj":
        clause = clause.head
    if clause.dep_ not in ("ccomp", "acl"):
        return False
    head = clause.head
    if head.pos_ == "VERB" and head.dep_ == "acl" and head.head.pos_ == "NOUN":
        head = head.head  # 'a narrative suggesting that …'
    if head.pos_ == "VERB":
        return head.lemma_.lower() in DENIALS
    return head.pos_ == "NOUN" and head.lemma_.lower() in REPORTED_CONTENT and (
        any(a.dep_ == "amod" and a.lemma_.lower() in FALSE_ADJECTIVES for a in head.children)
        or head.dep_ == "dobj" and head.head.lemma_.lower() in DENIALS)


# weighing a step, not taking it ('would consider participating', 'is weighing a deployment')
DELIBERATING = frozenset({"consider", "weigh", "contemplate", "mull", "explore", "examine", "study"})


# what is refuted holds the opposite view: 'demolished any argument about not accepting Ukraine',
# 'the argument against its membership has been eliminated'
ARGUMENT_NOUNS = {"argument", "objection", "case", "rationale", "pretext", "excuse", "justification", "reasoning", "thesis",
                  "notion", "premise", "assumption"}
REFUTING = {"demolish", "destroy", "eliminate", "refute", "undermine", "dismantle", "debunk", "dispel", "remove", "kill",
            "shatter", "invalidate", "disprove", "rebut", "bury", "defeat", "negate"}


def refuting_verb(node, previous):
    """The verb that refutes (or, negated, upholds) the argument the walk is at: 'demolished any
    argument about …', 'the argument against … was eliminated', or the verb itself when the parse
    hung the argument's 'about …' on it; a misparsed quoted name of the argument may stand between
    ('the "not provoking Russia" argument against … was eliminated')."""
    if node.pos_ == "NOUN" and node.lemma_.lower() in ARGUMENT_NOUNS:
        target = node
        for _ in range(2):
            if target.dep_ in ("dobj", "nsubjpass") and target.head.lemma_.lower() in REFUTING:
                return target.head
            target = target.head
        return None
    if node.lemma_.lower() in REFUTING and previous.dep_ == "prep" and previous.lower_ in ("about", "against", "for") \
            and any(c.dep_ == "dobj" and c.lemma_.lower() in ARGUMENT_NOUNS for c in node.children):
        return node
    return None


# a power denied to a third party: 'Russia cannot block Ukraine's NATO aspirations', 'no one can
# veto its membership' defends the open door (the topic set's mixed), and the one denied the power
# states nothing
BLOCKING = {"block", "veto", "stop", "prevent", "bar", "dictate", "forbid", "halt"}
ABLE = {"can", "ca", "could"}


def denied_power_verb(node, previous):
    """The blocking verb the walk climbs to when someone is said to be unable to block it, or the
    veto someone is said not to have ('Russia has no veto over …', 'does not have a say in …')."""
    if previous.dep_ not in ("dobj", "prep", "pobj"):
        return None
    if node.pos_ == "NOUN" and node.lemma_.lower() in ("veto", "say") and previous.dep_ == "prep" \
            and node.dep_ == "dobj" and node.head.lemma_.lower() == "have":
        denied = any(c.dep_ == "det" and c.lower_ == "no" for c in node.children) or any(
            c.dep_ == "neg" for c in node.head.children)
        return node.head if denied else None
    if node.lemma_.lower() not in BLOCKING or node.pos_ != "VERB":
        return None
    can = modal(node, ABLE)
    negated = any(c.dep_ == "neg" for c in node.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        or c.lower_ in ("nobody", "noone") for c in node.children)
    return node if can and negated else None


AGREEMENTS = {"consensus", "agreement", "unanimity"}  # 'a consensus on membership is unlikely': a forecast


def others_agreement(node, previous, kind) -> bool:
    """'a consensus on membership is unlikely at Vilnius', 'the consensus needed for Ukraine to join
    is not there': what others agree, forecast or found missing, is no position of the one saying so."""
    if previous.dep_ not in ("nsubj", "nsubjpass") or previous.lemma_.lower() not in AGREEMENTS:
        return False
    return kind is not None and judged_likely(node) or node.lemma_ == "be" and any(c.lower_ == "there" for c in node.children)


LIKELIHOOD = {"likely", "unlikely", "probable", "improbable"}


def judged_likely(node) -> bool:
    """'is unlikely', 'likely': how probable something is, not whether it is wanted."""
    return node.lemma_.lower() in LIKELIHOOD or any(
        c.dep_ == "acomp" and c.lemma_.lower() in LIKELIHOOD for c in node.children)


def evasion(verb) -> bool:
    return verb.lemma_.lower() in NOT_ENTERED_INTO or verb.lemma_.lower() == "get" and any(
        c.dep_ == "prep" and c.lower_ == "into" for c in verb.children)


def controller(node):
    """The word whose subject a verb shares, when it has none of its own: 'oppose offering',
    'declined to offer', 'opposed to offering', 'the reluctance by Italy to offer'."""
    if node.pos_ != "VERB" or node.head.i == node.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return None
    if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.pos_ == "ADP":
        return node.head.head
    if node.head.pos_ == "NOUN":
        return node.head if node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) else None
    if node.head.pos_ == "VERB" and (node.dep_ == "xcomp" or node.dep_ == "dobj" and node.tag_ == "VBG"):
        return node.head
    if node.head.pos_ == "ADJ" and node.dep_ == "xcomp":
        return node.head  # 'are reluctant to accept Ukraine'
    return None


def undecided(node, previous) -> bool:
    """'Spain has not yet decided whether to send troops', 'will not make any decision yet regarding
    the sending of troops', 'has made no decision on …': a decision still open, not a refusal."""
    lemma = node.lemma_.lower()
    if lemma == "decide":
        return previous.dep_ in ("xcomp", "ccomp", "prep") and is_negated(node)
    if previous.dep_ != "prep" or previous.lower_ not in ("on", "regarding", "about", "over"):
        return False
    if lemma == "decision":  # the prepositional phrase on the noun
        decision, verb = node, node.head if node.dep_ == "dobj" else None
    else:  # or on the verb that takes it: 'made no decision yet on sending troops'
        decision, verb = next((c for c in node.children if c.dep_ == "dobj" and c.lemma_.lower() == "decision"), None), node
    if decision is None:
        return False
    return any(c.dep_ == "det" and c.lower_ == "no" for c in decision.children) or verb is not None and is_negated(verb)


def decision_taken(node, previous) -> bool:
    """A decision taken, to do what the infinitive says: 'NATO decided not to offer …', 'NATO's
    decision to invite …'; not one still to take ('will decide whether to invite', 'it will be a
    decision by the allies to invite Ukraine')."""
    lemma = node.lemma_.lower()
    if lemma not in ("decide", "decision") or previous.dep_ not in ("xcomp", "acl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in previous.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in previous.children):
        return False
    return lemma == "decide" or any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in node.children)
