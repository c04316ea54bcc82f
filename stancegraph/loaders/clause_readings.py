"""Small readings of the clause the walk is at, each saying whose act a predicate is: what was
made clear, a demand brought along, what one gets in a trade, a feeling, a goal one sets
(split from `stances`, round 24); and the marks of a clause the walk passes ('too early to',
'there is no question of', 'in exchange for', 'with the aim of', a passive agenda, 'it is not
surprising that'; moved from `predicates`, round 26)."""

from __future__ import annotations

from .acts import DELIBERATING, EVASIONS, grants_step
from .holders import GOAL_NOUNS, ISSUING
from .lexicon import Lexicon
from .negation import COPULAS
from .plans import spells_out
from .predicates import phrasal, predicate_class
from .resolve import DOCUMENT_NOUNS
from .walk import _Walk, _clause_tokens


def made_clear(node) -> bool:
    """'has made clear that membership would be seen as a threat', parsed with the clause as the
    subject of 'clear': what is made clear, not what 'clear' is said of."""
    return node.lower_ == "clear" and node.head.lemma_.lower() == "make"


def brought_with(doc, walk: _Walk) -> bool:
    held = doc[walk.applied_at] if walk.applied_at >= 0 else None
    return held is not None and held.pos_ == "NOUN" and held.dep_ == "pobj" and held.head.lower_ == "with"


def traded_kind(node, walk: _Walk) -> str | None:
    """What one gets 'in exchange for' or 'in return for' is wanted, whatever is given for it
    ('gave up its bid in exchange for guarantees'). The parser often hangs the phrase on the
    gerund of what is given up ('its goal of joining NATO in exchange for …'); the trade is then
    the verb's that governs the gerund."""
    walk.trading = node.dep_ == "pcomp" or walk.trading and not (node.pos_ == "VERB" and node.dep_ != "pcomp")
    return None if walk.trading else "support"


def reacts(verb, lexicon: Lexicon) -> bool:
    """'Kyiv was furious about the lack of an invitation': a feeling is its bearer's own, even
    Ukraine's, as a wish is."""
    return verb.lemma_.lower() in COPULAS and any(c.dep_ == "acomp" and c.lower_ in lexicon.reactions
                                                  for c in verb.children)


def sets_as_goal(verb) -> bool:
    """'Ukraine has made membership in NATO a key strategic aim': the subject's own pursuit."""
    return verb.lemma_.lower() == "make" and any(
        c.dep_ in ("dobj", "oprd", "ccomp", "attr") and c.lemma_.lower() in GOAL_NOUNS for c in verb.children)


def judged_out(noun, lexicon: Lexicon) -> bool:
    """'the alliance's conditions for membership are unrealistic': the subject of an adverse
    judgement ('unrealistic', 'impossible'), which the copula carries on."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in COPULAS and any(
        c.dep_ == "acomp" and lexicon.polarity_class(c.lemma_, "ADJ") == "oppose" for c in noun.head.children)


def lacking(node) -> bool:
    """'without a US backstop that deployment was not feasible': a judgement denied only for want
    of something, which is then a condition, not a refusal."""
    return any(c.dep_ == "prep" and c.lower_ == "without" for c in node.children)


PROSPECTS = {"path", "pathway", "road", "future", "place"}  # what one has on the way to the alliance
ATTAINING = {"secure", "obtain", "win", "gain", "get", "achieve", "receive", "clinch"}  # what a failed attempt sought


def failed_attempt(node) -> bool:
    """'failed to secure a MAP', 'failed to win an invitation': its subject sought what it missed."""
    return node.lemma_.lower() == "fail" and any(c.dep_ == "xcomp" and c.lemma_.lower() in ATTAINING for c in node.children)


MOVING = {"move", "advance", "progress", "proceed", "continue", "go"}  # along a path to the alliance


PARTICIPATING = frozenset({"participate", "contribute"})
# what one takes part in without taking a side on what is talked about there
GATHERINGS = frozenset({"talk", "discussion", "debate", "meeting", "summit", "negotiation", "consultation", "conference"})
# what is weighed when it is discussed ('discuss the conditions for Kyiv's future membership')
POSSIBILITIES = frozenset({"possibility", "option", "idea", "prospect", "condition", "term", "timing"})
DISCUSSED = "discuss-possibility"  # the predicate a talked-over possibility is recorded under


def discussed_possibility(node, previous) -> bool:
    """'visited Warsaw to discuss the possibility of sending a force': a deployment weighed, not
    ruled out (the troops topic's deliberation); on a goal ('discussed the possibility of Ukraine
    joining') no side is taken."""
    return node.lemma_.lower() in ("discuss", "debate") and previous.dep_ == "dobj" \
        and previous.lemma_.lower() in POSSIBILITIES


def construction_class(node, previous, negated: bool) -> tuple[str | None, bool]:
    """The class a construction gives a predicate the lexicon has none for, and whether its
    negation still counts: 'did not go as far as backing it' stops short (mixed), 'would depend on
    the ceasefire' is conditional, 'moving on its path towards NATO' and what a plan includes
    ('the victory plan includes an invitation') are support."""
    lemma = node.lemma_.lower()
    if lemma == "go" and previous.lower_ == "far" and previous.dep_ == "advmod":
        return ("mixed" if negated else "support"), False
    if lemma == "depend" and previous.dep_ == "nsubj":
        return "mixed", negated
    if lemma in MOVING and previous.dep_ == "prep" and previous.lower_ in ("on", "along"):
        return "support", negated
    if spells_out(node, previous):
        return "support", negated
    if failed_attempt(node) and previous.dep_ == "xcomp":
        return "support", False  # 'Ukraine failed to secure a MAP': it sought one
    if previous.dep_ == "xcomp" and goal_spelled_out(node) is not None:
        return "support", negated  # 'our purpose is to … create a clear path for Ukraine': what the goal is
    if lemma == "have" and previous.dep_ == "dobj" and previous.lemma_.lower() in PROSPECTS:
        # 'Ukraine has a path to join the alliance', 'has a future in NATO'; 'has no place in NATO'
        return "support", negated or any(c.dep_ == "det" and c.lower_ == "no" for c in previous.children)
    if previous.dep_ == "prep" and previous.lower_ == "except":
        return "support", negated  # 'will not be satisfied with any other decision, except for real steps' (the walk turned at 'except')
    if lemma in PARTICIPATING and previous.dep_ == "prep" and previous.lower_ in ("in", "to") and not any(
            c.lemma_.lower() in GATHERINGS for c in previous.children) \
            and not (node.dep_ == "xcomp" and node.head.lemma_.lower() in DELIBERATING):  # 'would consider participating'
        return "support", negated  # 'may participate in providing security guarantees', 'contribute to a mission'
    return None, negated


def excessive(node, previous) -> bool:
    """The infinitive the walk comes from is what 'too early', 'too soon', 'too weak' rules out."""
    if previous.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in previous.children):
        return False
    degrees = [node] + [c for c in node.children if c.dep_ in ("acomp", "advmod", "attr") and c.i != previous.i]
    return any(d.pos_ in ("ADJ", "ADV") and d.i > 0 and d.doc[d.i - 1].lower_ == "too"
               and d.doc[d.i - 1].head.i == d.i for d in degrees)


def none_there(node) -> bool:
    """'there is no question of membership while the war continues': the time clause hangs on
    a denied existence."""
    return node.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in node.children) and any(
        c.dep_ == "attr" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in node.children)


def traded_for(previous) -> bool:
    """The walk arrives through 'in exchange for …' or 'in return for …': what one gets in a
    trade is wanted, whatever is given for it ('gave up its bid in exchange for guarantees')."""
    return previous.dep_ == "prep" and previous.lower_ == "in" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in ("exchange", "return") for c in previous.children)


PURPOSE_NOUNS = {"aim", "goal", "purpose", "view", "order", "intention", "objective"}


def purpose_of(node, previous) -> bool:
    """The walk arrives through 'with the aim of …', 'with a view to …' or 'in order to …': the
    act the phrase hangs on is done for what it names."""
    return node.dep_ == "prep" and node.lower_ in ("with", "in") and previous.dep_ == "pobj" \
        and previous.lemma_.lower() in PURPOSE_NOUNS


WEIGHING = {"consider", "discuss", "debate", "examine", "review", "weigh", "study"}


def deliberated(node) -> bool:
    """A thing weighed in the passive with no one named ('membership is not being considered',
    'was not discussed'): an agenda described, not anyone's position on it."""
    return node.lemma_.lower() in WEIGHING and any(c.dep_ == "nsubjpass" for c in node.children) \
        and not any(c.dep_ == "agent" for c in node.children)


FACTIVE = {"surprising", "surprise", "clear", "obvious", "natural", "logical", "understandable", "strange", "secret",
           "coincidence", "accident", "news"}


def factive(node, previous) -> bool:
    """'It is not surprising that the party will not agree …': whether or not it surprises, the
    clause is asserted; the copula's negation is not the clause's."""
    return node.lemma_.lower() in COPULAS and previous.dep_ == "ccomp" and any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in FACTIVE for c in node.children)


SUBSTITUTES = {"substitute", "alternative", "replacement", "surrogate"}
REPLACING = {"replace", "supplant", "supersede"}


def stands_in_for(node, previous) -> bool:
    """'would not accept guarantees as a substitute for membership', 'will not consider any
    alternatives to joining': what stands in for the topic is against it."""
    return node.pos_ == "NOUN" and node.lemma_.lower() in SUBSTITUTES and previous.dep_ == "prep" \
        and previous.lower_ in ("for", "to")


def none_of_it(noun) -> bool:
    """'no alternative', 'no substitute': the noun denied by its determiner."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def replaces(node, previous) -> bool:
    return node.pos_ == "VERB" and node.lemma_.lower() in REPLACING and previous.dep_ == "dobj"


def but_not_ready(verb, lexicon: Lexicon) -> bool:
    """'reaffirmed the promise of membership but said that the country isn't ready yet': support
    qualified in the clause coordinated with it by 'but'."""
    verb = verb if verb.pos_ in ("VERB", "AUX") or verb.dep_ != "dobj" else verb.head  # 'reaffirmed the promise'
    if not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in verb.children):
        return False
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        for clause in (conj, *(c for c in conj.children if c.dep_ == "ccomp")):
            words = " ".join("not" if t.lower_ == "n't" else t.lower_ for t in _clause_tokens(clause))
            if any(f" {phrase} " in f" {words} " for phrase in lexicon.not_ready):
                return True
    return False


def undergone(node, previous, lexicon: Lexicon) -> str | None:
    """'the plan to admit Ukraine had to be prevented': a passive infinitive under a modal verb says
    what its subject must undergo, and its class is the clause's (not the modal's demand)."""
    if previous.dep_ not in ("nsubj", "nsubjpass"):
        return None
    passive = next((c for c in node.children if c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children)), None)
    kind = predicate_class(passive, lexicon) if passive is not None else None
    return kind if kind in ("support", "oppose", "mixed") else None


COMMITTING = {"commitment", "pledge", "promise", "answer", "question"}  # what an evasion avoids


def evades(node, previous, lexicon: Lexicon) -> bool:
    """'declined to say when an invitation might come', 'avoided any commitment to Ukraine's
    membership': a refusal to speak or commit evades the question, it does not oppose; not
    'refused to admit Ukraine' or 'refused to give up its bid'."""
    lemma = node.lemma_.lower()
    declined = previous if previous.dep_ == "xcomp" else next(
        (g for g in previous.children if g.dep_ == "pcomp"), None) if previous.lower_ == "from" else None
    if lemma in ("decline", "refuse", "refrain") and declined is not None:
        return declined.lemma_.lower() in lexicon.speech and not any(c.dep_ == "dobj" for c in declined.children) \
            or declined.lemma_.lower() in EVASIONS and phrasal(declined) not in lexicon.phrasal and not grants_step(declined)
    return lemma in ("avoid", "evade", "dodge", "sidestep") and previous.dep_ == "dobj" \
        and previous.lemma_.lower() in COMMITTING


def goal_spelled_out(copula):
    """The goal noun a copula's infinitive spells out ('our purpose is to …', "Moscow's aim is to …"), or None."""
    if copula.lemma_.lower() not in COPULAS:
        return None
    return next((c for c in copula.children if c.dep_ == "nsubj" and c.lemma_.lower() in GOAL_NOUNS), None)


def attribute_owner(copula, previous=None):
    """'NATO membership remains Ukraine's priority', "Moscow's aim is to keep Ukraine out": the
    owner of the noun a copula equates the topic with holds what that noun says of it."""
    if copula.lemma_.lower() not in COPULAS:
        return None
    attribute = next((c for c in copula.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if previous is not None and previous.dep_ == "xcomp":  # "Moscow's aim is to keep …": the goal spelled out
        attribute = goal_spelled_out(copula)
    return next((c for c in attribute.children if c.dep_ == "poss"), None) if attribute is not None else None


SUPPOSITIONS = {"assumption", "idea", "notion", "suggestion", "speculation", "theory", "version", "rumour", "rumor",
                "hypothesis"}


def supposed(verb) -> bool:
    """'how plausible the assumption is that the United States wants to leave the issue open': a
    clause that spells out a supposition asserts no one's position."""
    node = verb
    while node.dep_ in ("ccomp", "acl", "relcl", "conj", "xcomp") and node.head.i != node.i:
        came_by, node = node.dep_, node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in SUPPOSITIONS:
            return True
        if came_by == "ccomp" and node.lemma_.lower() in COPULAS and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in SUPPOSITIONS for c in node.children):
            return True  # 'the assumption is that …'
    return False


def gerund_content(verb) -> bool:
    """'the idea of NATO admitting Ukraine', 'objections to the alliance inviting Kyiv': a gerund
    with a subject of its own under a preposition names an act as the content of what governs it;
    the subject does nothing, so the walk goes on to who judges the act."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep"


MISTAKES = {"mistake", "error", "blunder", "misstep", "miscalculation"}


def mistake_made(node, previous) -> bool:
    """'the allies made a mistake by inviting Ukraine': the mistake was counted at its noun, and
    whoever says so judges the act, not its doer."""
    return node.lemma_.lower() in ("make", "commit") and previous.dep_ == "dobj" and previous.lemma_.lower() in MISTAKES


EXPRESSING = {"express", "voice", "raise", "air", "lodge", "register"}  # what puts a position into words as one's own


def voices_position(verb, obj) -> bool:
    """'he expressed Ukraine's desire to receive …', 'the parliament adopted a resolution in support of
    Ukraine's path': its subject voices the position its object carries."""
    lemma = verb.lemma_.lower()
    return obj.dep_ == "dobj" and (lemma in EXPRESSING or lemma in ISSUING and obj.lemma_.lower() in DOCUMENT_NOUNS)


DISTANCING = {"supposedly", "allegedly", "purportedly", "ostensibly"}


def distanced(node) -> bool:
    """'the words … that Ukraine is supposedly ready to give up membership', 'membership can allegedly
    provoke Russia': a claim the writer marks as someone else's and doubts holds no one's position."""
    return any(c.dep_ == "advmod" and c.lower_ in DISTANCING for c in node.children)


HANDLING = {"address", "consider", "discuss", "decide", "settle", "take", "deal", "examine", "review"}
_ANOTHER_TIME = ("at another time", "at a later date", "at a later time", "at a later stage", "at some later point")


def put_off(verb) -> str | None:
    """'Ukraine's bid … should be addressed at another time': what is to be taken up later is
    refused for now (the 'for now' phrase itself marks it so)."""
    if verb.lemma_.lower() not in HANDLING:
        return None
    text = " ".join(t.lower_ for t in verb.subtree)
    return "oppose" if any(phrase in text for phrase in _ANOTHER_TIME) else None
