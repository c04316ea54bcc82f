"""Where a topic cue sits in its sentence: the frame that says it, a side clause ('even if …'),
someone else's pursuit ('Kyiv's application'), a time clause, a use as something else ('troops
as guarantees'), a demand ('should'): the facts claims_for_cue reads before and while it climbs."""

from __future__ import annotations

from .attribution import Frame
from .conditions import warned_supposition
from .holders import coordinated_with
from .lexicon import Lexicon
from .negation import is_negated
from .predicates import (
    COPULAS, ENTAILING, EXCLUSIVE, OWN_PURSUITS, PURSUITS, evaluated_object, noun_phrase_class,
    predicate_class,
)

EVENT_VERBS = {"happen", "come", "occur", "materialise", "materialize", "arise"}  # the subject is what happens


def some_others(subject) -> bool:
    """'some states', 'several allies', 'others': part of a group, not the speaker's side."""
    return subject.lemma_.lower() in ("other", "others") or any(
        c.dep_ in ("det", "amod") and c.lower_ in ("some", "several", "many", "few", "other", "most", "certain")
        for c in subject.children)


ENDING = {"drop", "withdraw", "lift", "abandon", "end"}  # a position given up, of the expressive verbs
# a bid given up ("lift" ends a veto, not a bid)
GIVING_UP = ENDING - {"lift"} | {"freeze", "suspend", "shelve", "renounce", "scrap", "cancel"}


def launches_own_bid(verb) -> bool:
    """'Ukraine has decided to launch a formal bid to join', 'submitted an application': the verb's
    subject makes a bid of its own (not one it drops, withdraws, gives up or shelves)."""
    verbs = (verb, *(c for c in verb.children if c.dep_ == "xcomp"))
    if verb.pos_ != "VERB" or any(v.lemma_.lower() in GIVING_UP or any(c.dep_ == "prt" for c in v.children) for v in verbs):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in OWN_PURSUITS for v in verbs for c in v.children)


def own_pursuit(node, owner) -> bool:
    """'Kiev's recent application to speed up its membership', 'Ukraine's intention to join',
    'declared that its hopes of joining NATO were over' (the caller has resolved the owner to the
    theme): the theme as the owner of its own pursuit holds it, also where it states or files
    it ('Ukraine submitted its application', 'Ukraine, which has affirmed its aspiration')."""
    if node.pos_ != "NOUN" or node.lemma_.lower() not in PURSUITS:
        return False
    if owner.dep_ == "poss":
        return owner.pos_ == "PROPN" or owner.lower_ == "its"
    return any(c.dep_ == "poss" and c.lower_ == "its" for c in node.children)


PARTS = {"part", "component", "element", "pillar"}


def used_as(head) -> bool:
    """'send troops to Ukraine as security guarantees': the cue says what something else serves as,
    a description of that other thing, not a position of its own."""
    prep, objects = head.head, ("dobj",)
    if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in PARTS and prep.head.dep_ == "pobj":
        # 'troops won't be deployed to Ukraine as any part of security guarantees' (not 'language
        # that could be read as an invitation': what is read as one may be wary of it)
        head, prep, objects = prep.head, prep.head.head, ("dobj", "nsubjpass")
    return head.dep_ == "pobj" and prep.lower_ == "as" and prep.head.pos_ == "VERB" and \
        any(c.dep_ in objects for c in prep.head.children)


CONTRASTED = {"different", "distinct", "separate"}
MIDDLE_GROUND = {"something", "anything", "middle", "compromise", "halfway", "hybrid", "mix", "cross"}


def only_a_bound(head) -> bool:
    """'something between Israel's guarantees and full-fledged membership' and 'something
    different from joining NATO' name a point of reference; 'proposed Article 5 protection
    without it joining NATO' names what a proposal leaves out. None is a position on the cue,
    unless 'without' states a need ('cannot be safe without membership', 'no peace without
    membership')."""
    for node in head.ancestors:  # within the noun phrase: 'between the assurances given to Israel and membership'
        if node.pos_ == "ADP" and node.lower_ == "between" and node.head.lemma_.lower() in MIDDLE_GROUND:
            return True  # not 'the convergence between the coalition, Ukraine and the US'
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            break
    node = head
    while node.dep_ in ("conj", "compound", "amod", "appos", "poss") and node.head.i != node.i:
        node = node.head  # 'regardless of Kyiv's membership status' from the cue's 'Kyiv's'
    prep = node.head
    if node.dep_ in ("pobj", "pcomp") and prep.lower_ in ("from", "than") and (
            prep.head.lemma_.lower() in CONTRASTED
            or any(c.dep_ == "amod" and c.lemma_.lower() in CONTRASTED for c in prep.head.children)):
        return True  # 'something different from joining NATO'
    if node.dep_ in ("pobj", "pcomp") and prep.lower_ == "of" and prep.head.lower_ in ("regardless", "irrespective"):
        return True  # 'protect Ukraine regardless of its membership status': what does not matter
    if node.dep_ not in ("pobj", "pcomp") or prep.lower_ != "without" or prep.head.i == prep.i:
        return False
    governor = prep.head
    return not is_negated(governor) and not any(
        g.lower_ == "no" for c in governor.children for g in (c, *c.children) if g.dep_ == "det")


def owned_noun(node, head) -> bool:
    """A stance noun on or above the cue ('Kyiv's NATO aspirations') whose owner held it: what
    governs the noun may hold a view on it."""
    return node.pos_ == "NOUN" and node.head.i != node.i


def stance_named(node, previous, lexicon) -> bool:
    """'highlighted the European stance on security commitments', 'discussed their positions on
    membership': a stance named by its topic, as the object of a verb, says nothing of its polarity."""
    return previous.dep_ == "prep" and previous.lower_ in ("on", "regarding", "towards", "toward", "about") \
        and node.lemma_.lower() in lexicon.similar_nouns and node.dep_ in ("dobj", "pobj", "conj") \
        and not any(c.dep_ == "amod" and lexicon.polarity_class(c.lemma_, "ADJ") for c in node.children)


def second_object(conjunct, noun, lexicon):
    """'North Macedonia's support for Ukraine's aspirations and the invitation …', parsed with the
    invitation beside the support: a conjunct of a stance noun, with no owner of its own, that
    follows the noun's object is a second object of it (that object, to climb from), or None."""
    if conjunct.dep_ != "conj" or conjunct.pos_ != "NOUN" or noun.pos_ != "NOUN" \
            or any(c.dep_ == "poss" for c in conjunct.children) or lexicon.polarity_class(noun.lemma_, "NOUN") is None:
        return None
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "to") and c.i < conjunct.i
                 for g in c.children if g.dep_ == "pobj"), None)


CONSEQUENCE_WORDS = {"so", "therefore", "thus", "hence"}


def draws_from(node, clause) -> bool:
    """'X, so Y' parsed with X as Y's complement: Y is a consequence drawn from X, and X a claim
    of its own."""
    return any(c.dep_ in ("advmod", "mark", "cc") and c.lower_ in CONSEQUENCE_WORDS and clause.i < c.i < node.i
               for c in node.children)


def going_to(node, verbs) -> bool:
    """'membership was not going to happen', 'Ukraine is going to join': a future asserted."""
    return node.lemma_.lower() == "go" and any(c.dep_ == "xcomp" and c.lemma_.lower() in verbs for c in node.children)


def able_to(node, verbs, assertive) -> bool:
    """'will not be able to join NATO', 'is able to join': an ability asserted, like 'cannot join'."""
    able = node.head
    if node.dep_ != "xcomp" or node.lemma_.lower() not in verbs or able.lemma_.lower() not in ("able", "unable"):
        return False
    copula = able.head
    return copula.lemma_.lower() == "be" and (copula.tag_ in ("VBZ", "VBP", "VBD") or any(
        c.dep_ == "aux" and c.lower_ in assertive for c in copula.children))


def existential(node) -> bool:
    """'there will be no invitation', 'a force would be part of any guarantee'."""
    if node.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "expl" for c in node.children) or (
        any(c.dep_ == "attr" and c.lemma_.lower() == "part" for c in node.children)
        and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in node.children))


TIME_WORDS = {"when", "once", "after", "until", "before", "while"}


def heads_time_clause(token) -> bool:
    # 'when' is the advmod where the clause's verb was mis-tagged a noun ('only when hostilities … cease')
    return token.dep_ == "advcl" and any(c.dep_ == "mark" or c.dep_ == "advmod" and c.lower_ in TIME_WORDS
                                         for c in token.children)


MEANS = {"way", "path", "means", "option", "route", "tool", "instrument"}
REFERRING = {"it", "this", "that", "which"}


def equated_with_goal(head, goal_tokens: set[int]) -> str | None:
    """'NATO membership is the strongest security guarantee', 'viewing it as the only true
    security guarantee', 'membership could be the most effective way to ensure security
    guarantees': the cue names what another cue's goal is, no position on its own topic — except
    that 'the only guarantee' rules the others out. Returns None, 'positionless' or 'oppose'."""
    if not goal_tokens:
        return None
    node = head
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    described = [node]
    if node.dep_ == "dobj" and node.head.dep_ in ("relcl", "acl", "xcomp") and node.head.head.lemma_.lower() in MEANS:
        node = node.head.head  # 'the way to ensure security guarantees'
        described.append(node)
    if node.dep_ in ("attr", "nsubj") and node.head.lemma_.lower() in COPULAS:
        partners = [c for c in node.head.children if c.dep_ in ("attr", "nsubj") and c.i != node.i]
    elif node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.pos_ == "VERB":
        partners = [c for c in node.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        return None
    equated = any(goal_tokens & {t.i for t in partner.subtree} or partner.lower_ in REFERRING for partner in partners)
    if not equated:
        return None
    exclusive = any(c.lower_ in EXCLUSIVE for d in described for c in d.children if c.dep_ in ("amod", "advmod"))
    return "oppose" if exclusive else "positionless"


def carries_another_cue(head, other_tokens: set[int]) -> bool:
    """'an ironclad guarantee that Ukraine will never join NATO', 'guarantees of Ukraine's
    non-admission to NATO': a noun cue whose content (a that-clause, an 'of' phrase) is another
    topic's cue is a vehicle for that content, no position on its own topic."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    contents = [c for c in head.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
                or c.dep_ == "prep" and c.lower_ == "of"]
    return any(t.i in other_tokens for c in contents for t in c.subtree)


def cue_head(doc, cue_tokens: list[int]):
    inside = set(cue_tokens)
    for i in cue_tokens:
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return doc[i]
    return doc[cue_tokens[0]]


def nearest_frame(token, frames: list[Frame], innermost: Frame | None) -> Frame | None:
    """The speech verb closest above the cue, where one is: 'said the summit should focus …
    rather than on membership, which he described as a question for after the war' — the
    relative clause is what 'described' says, though 'said' covers fewer tokens."""
    if innermost is None:
        return None
    by_verb = {f.verb: f for f in frames if f.verb is not None and f.kind == "speech" and token.i in f.content}
    for ancestor in token.ancestors:
        if ancestor.i == innermost.verb:
            return innermost
        if ancestor.i in by_verb:
            return by_verb[ancestor.i]
    return innermost


def innermost_frame(frames: list[Frame], index: int) -> Frame | None:
    holding = [f for f in frames if index in f.content]
    return min(holding, key=lambda f: len(f.content)) if holding else None


def speakerless_frame(verb, frame: Frame | None) -> bool:
    """'will make every effort to convince partners to ensure …': a speech verb with no subject
    of its own, inside a clause that says whose effort it is."""
    return frame is not None and frame.verb == verb.i and frame.speaker is None and verb.dep_ in ("acl", "xcomp", "advcl")


def enclosing_frame(verb, frames: list[Frame], frame: Frame) -> Frame | None:
    return innermost_frame([f for f in frames if f is not frame and f.verb != verb.i], verb.i)


TIME_PREPOSITIONS = frozenset({"after", "before", "upon", "since", "until"})


CONDITION_NOUNS = frozenset({"condition", "precondition", "requirement", "criterion", "prerequisite"})


def _names_conditions(clause) -> bool:
    """'if the conditions are met': the clause is about the conditions themselves."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in CONDITION_NOUNS for c in clause.children)


def in_side_clause(token, lexicon: Lexicon, frame: Frame | None, conceded: bool = False) -> bool:
    """A cue inside 'even if …' or 'if …' states a premise, not the claim; one inside 'after
    receiving …' says when. On a `conceded` topic 'even if …' and 'if the conditions are met …'
    state the condition the claim accepts ('an invitation now, even if accession comes after the war')."""
    owned = False
    for ancestor in [token, *token.ancestors]:
        if frame is not None and ancestor.i == frame.verb:
            return False
        for mark in (c for c in ancestor.children if c.dep_ == "mark"):
            before = ancestor.doc[mark.i - 1].lower_ if mark.i > 0 else ""
            if mark.lower_ == "whether" and ancestor.dep_ in ("xcomp", "ccomp") and ancestor.head.lemma_.lower() == "decide":
                continue  # 'has not decided whether to send troops': the question decided, no concession
            if f"{before} {mark.lower_}" in lexicon.concessive or mark.lower_ in lexicon.concessive:
                if conceded and mark.lower_ == "if":
                    continue
                return True
            if mark.lower_ in ("if", "unless") and ancestor.dep_ in ("advcl", "ccomp", "acl"):
                if conceded and _names_conditions(ancestor):
                    continue  # 'membership if the conditions are met, the first of which is the war's end'
                return not (mark.lower_ == "if" and warned_supposition(ancestor, lexicon)[0])
        if ancestor.dep_ == "advcl" and ancestor.lower_ in ("if",):
            return True
        owned = owned or ancestor.pos_ == "NOUN" and any(c.dep_ == "poss" for c in ancestor.children)
        if ancestor.tag_ == "VBG" and ancestor.dep_ == "pcomp" and ancestor.head.lower_ in TIME_PREPOSITIONS \
                and not owned:  # 'after seeing Estonia's pledge to send troops' still tells Estonia's pledge
            return True  # 'ruled out cutting the army even after receiving an invitation': when, not what
    return False


OBTAINING = {"obtain", "receive", "get", "secure", "gain", "win"}


def obtained_in_condition(token):
    """'will agree to be neutral if it obtains an agreement to guarantee its security': what one
    sets as the condition of one's own concession, to be obtained, is wanted. Returns the verb of
    the main clause whose subject wants it."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "advcl" and ancestor.lemma_.lower() in OBTAINING and any(
                c.dep_ == "mark" and c.lower_ in ("if", "provided", "once") for c in ancestor.children):
            objects = [c for c in ancestor.children if c.dep_ == "dobj"]
            if any(o.i == token.i or o.is_ancestor(token) for o in objects):
                return ancestor.head
            return None
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "acl" and ancestor.dep_ != "xcomp":
            return None
    return None


SMALL_CLAUSE_HEADS = {"see", "want", "like", "get", "have", "need", "prefer", "keep", "leave"}


RECEIVING = {"receive", "get", "gain", "obtain", "enjoy"}  # what its subject is given


def takes_subject_theme(node, lexicon: Lexicon) -> bool:
    """Predicates that say something about their subject: 'membership is unrealistic',
    'an invitation should come', 'accession would cross a red line'."""
    if node.lemma_.lower() in COPULAS or any(c.dep_ in ("acomp", "attr") for c in node.children):
        return True
    lemma = node.lemma_.lower()
    if (lemma in lexicon.light_verbs or lemma in ENTAILING) and evaluated_object(node, lexicon):
        return True
    if node.lemma_.lower() in lexicon.consequences:
        return True  # 'an invitation could drag the alliance into the war'
    if node.lemma_.lower() in lexicon.deferrals or node.lemma_.lower() == "depend":
        return True  # 'an invitation should wait', 'a deployment would depend on the ceasefire'
    if node.pos_ == "NOUN" and noun_phrase_class(node, lexicon):
        return True  # 'to make Nato membership a strategic goal'
    if node.lemma_.lower() in EVENT_VERBS or going_to(node, EVENT_VERBS):
        return True  # 'membership is not going to happen', 'an invitation will come'
    if any(c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) and predicate_class(c, lexicon)
           for c in node.children):
        return True  # 'Ukraine's bid has to be rejected': what the subject must undergo (not 'be discussed')
    if node.lemma_.lower() in lexicon.realization:
        return True  # 'parts of the country could join NATO': the part that joins is what is joined
    if node.lemma_.lower() in RECEIVING and any(c.dep_ == "dobj" for c in node.children):
        return True  # 'non-occupied territories receive protection under the NATO umbrella'
    if node.tag_ in ("VBN", "VBD") and node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in SMALL_CLAUSE_HEADS \
            and not any(c.dep_.startswith("aux") for c in node.children):
        return True  # 'keen to see Ukraine's membership fast-tracked': a passive small clause, the topic its patient
    return normative(node, lexicon) and predicate_class(node, lexicon) is None


def normative(node, lexicon: Lexicon) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in lexicon.normative for c in node.children):
        return True
    if node.pos_ == "AUX" and node.lower_ in lexicon.normative and any(c.dep_ == "nsubj" for c in node.children):
        return True  # 'we should fast-track …', the parse making the modal the clause's head
    if node.dep_ == "conj" and node.head.i != node.i and not any(c.dep_ == "aux" for c in node.children):
        return normative(coordinated_with(node), lexicon)  # 'should stop … and invite Ukraine': the modal is shared
    # 'the alliance had to show …', 'allies need to give …'
    return node.lemma_.lower() in ("have", "need") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in node.children)


IMPOSING = frozenset({"force", "require", "oblige", "compel", "make"})


def imposed(node, lexicon: Lexicon) -> bool:
    """'Ukraine will have to give up membership', 'Kyiv would be forced to renounce its bid': an
    act demanded of its subject is the position of whoever demands it, not the subject's will, as
    is 'Ukraine must accept a neutral status'."""
    if normative(node, lexicon):
        return True
    if node.dep_ != "xcomp" or node.head.i == node.i:
        return False
    governor = node.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in governor.children)
    return normative(governor, lexicon) or governor.lemma_.lower() in IMPOSING and passive


def names_home(cue_head, ctx) -> bool:
    """The cue says whose entry it is: 'Poland and Ukraine seek Ukraine's membership'."""
    return any(ctx.home in ctx.resolver.actors(t) for t in (cue_head, *cue_head.children))
