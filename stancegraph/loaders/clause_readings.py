"""Small readings of the clause the walk is at, each saying whose act a predicate is: what was
made clear, a demand brought along, what one gets in a trade, a feeling, a goal one sets
(split from `stances`, round 24)."""

from __future__ import annotations

from .acts import DELIBERATING
from .holders import GOAL_NOUNS
from .lexicon import Lexicon
from .negation import COPULAS
from .plans import spells_out
from .walk import _Walk


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


MOVING = {"move", "advance", "progress", "proceed", "continue", "go"}  # along a path to the alliance


PARTICIPATING = frozenset({"participate", "contribute"})
# what one takes part in without taking a side on what is talked about there
GATHERINGS = frozenset({"talk", "discussion", "debate", "meeting", "summit", "negotiation", "consultation", "conference"})
POSSIBILITIES = frozenset({"possibility", "option", "idea", "prospect"})
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
    if lemma in PARTICIPATING and previous.dep_ == "prep" and previous.lower_ in ("in", "to") and not any(
            c.lemma_.lower() in GATHERINGS for c in previous.children) \
            and not (node.dep_ == "xcomp" and node.head.lemma_.lower() in DELIBERATING):  # 'would consider participating'
        return "support", negated  # 'may participate in providing security guarantees', 'contribute to a mission'
    return None, negated
