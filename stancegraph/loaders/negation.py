"""Whether a predicate is negated: 'not', 'never', 'no longer', a subject that is no one
('no ally', 'neither Germany nor France'), a copula's or an ability's negation carried to what
it governs, and the 'not' that adds ('not only') or denies only what follows it."""

from __future__ import annotations

COPULAS = {"be", "remain", "seem", "become", "appear", "look", "sound", "stay"}


ABILITY = {"able", "unable"}


def under_ability(node) -> bool:
    """'(not) able to offer', 'unable to offer': the verb an ability governs."""
    return node.dep_ == "xcomp" and node.head.lemma_.lower() in ABILITY


def is_negated(node, within_cue: frozenset = frozenset(), through_copula: bool = True) -> bool:
    for child in node.children:
        if child.i in within_cue:
            continue
        if child.dep_ == "neg" and (_denies_what_follows(node, child) or _adds(child)):
            continue
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and (_nobody(child) or _neither(child)):
            return True  # 'no one should doubt that Ukraine will join', 'neither Germany nor France supports it'
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True  # 'no longer opposes'
    if through_copula and (node.dep_ in ("acomp", "attr", "xcomp") or node.dep_ == "prep" and node.lower_ == "against") \
            and node.head.i != node.i and node.head.lemma_.lower() in COPULAS:
        return is_negated(node.head)  # 'is not ready', 'we are not against Ukraine joining'
    if node.lower_ == "against" and node.head.lower_ == "nothing":
        return True  # 'we have nothing against them wanting to be a member'
    if under_ability(node):
        # 'will not be able to offer membership', 'is unable to offer it': the ability is what is denied
        return is_negated(node.head) != (node.head.lemma_.lower() == "unable")
    return False


def _nobody(subject) -> bool:
    return subject.lower_ in ("nobody", "none", "nothing", "noone") or subject.lower_ in ("one", "country", "ally") and any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _neither(subject) -> bool:
    return any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in subject.children) \
        and any(c.dep_ == "cc" and c.lower_ == "nor" for c in subject.children)


ADDITIVE = {"just", "only", "merely", "simply", "solely"}


def _adds(negation) -> bool:
    """'is not just a threat, it is a declaration of war': 'not only' adds, it does not deny; so
    does 'was not Putin's only demand' (an owner's 'only'; 'is not the only way' still denies)."""
    owned = False
    for following in negation.doc[negation.i + 1:negation.i + 6]:
        if following.lower_ in ADDITIVE:
            return owned or following.i == negation.i + 1
        owned = owned or following.tag_ == "POS" or following.dep_ == "poss"
        if not (following.pos_ == "DET" or following.tag_ == "POS" or following.dep_ == "poss"):
            return False
    return False


def _denies_what_follows(node, negation) -> bool:
    """'backs guarantees, not membership': the parser hangs the 'not' on 'guarantees', but it
    denies the apposition after it."""
    return node.pos_ in ("NOUN", "PROPN") and negation.i > node.i and any(
        c.dep_ in ("appos", "conj") and c.i > negation.i for c in node.children)


def outside_scope(previous, speech=frozenset()) -> bool:
    """A participle set off after the clause ('… is not being considered, calling it … and
    proposing …') is its subject's further act: the clause's negation does not reach it. One that
    says something ('…, arguing that …') gives the clause's reason, read with the clause; one that
    adds to it ('… have never been as close, adding that …') says something further."""
    return previous.dep_ == "advcl" and previous.tag_ == "VBG" and previous.i > 0 \
        and not (previous.lemma_.lower() in speech and previous.lemma_.lower() != "add"
                 and any(c.dep_ == "ccomp" for c in previous.children)) \
        and previous.doc[previous.i - 1].lower_ == "," and previous.i > previous.head.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in previous.children)


EXPECTING = {"expect", "anticipate", "foresee"}


def expected_not(node) -> bool:
    """'She does not expect the alliance to issue an invitation': what a third party does, under a
    negated expectation, is the speaker's own view of it (the topic set's 'no one expects')."""
    return node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in EXPECTING and is_negated(node.head)


DOUBTING = {"unsure", "uncertain", "doubtful", "doubt"}
CERTAIN = {"sure", "certain"}


def doubted(node) -> bool:
    """'I am not sure the previous administration was in favor of Ukraine joining': a clause the
    speaker doubts states no one's position."""
    clause = node
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return False
    head = clause.head
    lemma = head.lemma_.lower()
    return lemma in DOUBTING or lemma in CERTAIN and is_negated(head)


FOOLS = {"madman", "fool", "lunatic", "idiot", "maniac", "dreamer", "crazy"}


def only_a_fool(verb) -> bool:
    """'Only a madman can now think about Ukraine's entry into NATO': what only a fool would
    think or want, the speaker rejects."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in FOOLS
               and any(m.lower_ == "only" for m in c.subtree) for c in verb.children)


APPLICATIONS = {"application", "request", "bid", "candidacy", "applications", "requests", "bids"}


def not_yet_done(node) -> bool:
    """'to date, NATO has not accepted Ukraine's application', 'has not yet approved its request':
    a perfect that says an application has not been granted so far, no refusal of it."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children) and node.tag_ == "VBN" \
        and any(c.dep_ == "dobj" and c.lower_ in APPLICATIONS for c in node.children)
    so_far = any(c.dep_ == "advmod" and (c.lower_ == "yet" or c.lower_ == "far" and any(g.lower_ == "so" for g in c.children))
                 or c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "date" for g in c.children)
                 for c in node.children)
    return perfect and so_far
